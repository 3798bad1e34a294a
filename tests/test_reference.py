"""The JAX reference (the oracle) checked against INDEPENDENT facts: hand-written NumPy
convolutions / BatchNorm / SE / loss / optimizer formulas, and float64 finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from netspec import NetSpec, analyze, convBn, dense, dropout, globalAvgPool, invertedResidual, mbConv
from netspec.init import init_params
from netspec.reference import Reference, fd_check, rand_width, x64

from netspec.state import HYPER, OPT_STATE, hyper_vector


@pytest.fixture(autouse=True)
def _x64():
    with x64():
        yield


# --------------------------------------------------------------------------- NumPy helpers
def np_conv(x, w, stride, pad, groups=1):
    """NHWC x, HWIO w, symmetric zero padding, grouped — written with plain loops/matmuls."""
    b, h, wd, c = x.shape
    kh, kw, ig, o = w.shape
    assert ig * groups == c
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    ho = (h + 2 * pad - kh) // stride + 1
    wo = (wd + 2 * pad - kw) // stride + 1
    og = o // groups
    out = np.zeros((b, ho, wo, o))
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, i:i + stride * (ho - 1) + 1:stride, j:j + stride * (wo - 1) + 1:stride, :]
            for g in range(groups):
                out[..., g * og:(g + 1) * og] += patch[..., g * ig:(g + 1) * ig] @ w[i, j, :, g * og:(g + 1) * og]
    return out


def np_act(x, act):
    return {"identity": lambda v: v, "relu": lambda v: np.maximum(v, 0),
            "relu6": lambda v: np.clip(v, 0, 6), "swish": lambda v: v / (1 + np.exp(-v)),
            "sigmoid": lambda v: 1 / (1 + np.exp(-v))}[act](x)


def np_bn_train(y, gamma, beta, rmean, rvar, eps, m):
    n = y.shape[0] * y.shape[1] * y.shape[2]
    flat = y.reshape(-1, y.shape[-1])
    mean = flat.sum(0) / n
    var = ((flat - mean) ** 2).sum(0) / n
    out = gamma * (y - mean) / np.sqrt(var + eps) + beta
    return out, ((1 - m) * rmean + m * mean, (1 - m) * rvar + m * ((flat - mean) ** 2).sum(0) / (n - 1))


def np_conv_bn(x, P, S, name, k, stride, pad, groups, act, eps, m):
    y = np_conv(x, P[f"{name}.conv.w"], stride, pad, groups)
    rm, rv = S[f"{name}.bn"]
    out, new = np_bn_train(y, P[f"{name}.bn.gamma"], P[f"{name}.bn.beta"], rm, rv, eps, m)
    return np_act(out, act), new


def np_log_softmax(z):
    z = z - z.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


_REFS: dict = {}


def reference(spec) -> Reference:
    """One Reference per spec for the whole module, so its jit caches are shared."""
    if spec not in _REFS:
        _REFS[spec] = Reference(spec)
    return _REFS[spec]


def setup(spec, seed=0, batch=2, perturb=True):
    """float64 params (registry init + perturbed BN/bias so nothing is trivially 0/1),
    random running stats, images (NHWC)."""
    a = analyze(spec)
    rng = np.random.default_rng(seed + 100)
    flat = init_params(a, seed).astype(np.float64)
    P = a.split(flat)
    P = {k: np.array(v) for k, v in P.items()}
    if perturb:
        for p in a.params:
            if p.role in ("bn_gamma", "bn_beta", "dense_b", "se_b"):
                P[p.name] = P[p.name] + 0.3 * rng.standard_normal(p.shape)
    S = {b.name: (0.2 * rng.standard_normal(b.channels), 0.5 + rng.uniform(size=b.channels))
         for b in a.bns}
    x = rng.standard_normal((batch, spec.image_h, spec.image_w, spec.in_channels))
    return a, P, S, x


# --------------------------------------------------------------------------- (a) convBn / BN
@pytest.mark.parametrize("stride,padding,act", [(2, "same", "identity"), (1, "valid", "relu6"),
                                                (1, "same", "swish")])
def test_convbn_train_and_eval_vs_numpy(stride, padding, act):
    spec = NetSpec("bn", 5, 5, [convBn(2, 3, 3, stride, padding, act), globalAvgPool(), dense(3, 2)],
                   in_channels=2, bn_eps=1e-3)
    a, P, S, x = setup(spec, batch=3)
    ref = reference(spec)
    m = 0.3
    pad = 1 if padding == "same" else 0
    # train mode: batch statistics, biased variance for normalisation, unbiased for the update
    out = np.asarray(ref.layer_outputs(P, S, x, train=True, bn_momentum=m)[0])
    want, (nm, nv) = np_conv_bn(x, P, S, "conv.0", 3, stride, pad, 1, act, 1e-3, m)
    assert out.shape == want.shape == (3, (5 + 2 * pad - 3) // stride + 1, (5 + 2 * pad - 3) // stride + 1, 3)
    np.testing.assert_allclose(out, want, rtol=1e-12, atol=1e-12)
    _, new_bn = ref.forward(P, S, x, train=True, bn_momentum=m)
    np.testing.assert_allclose(np.asarray(new_bn["conv.0.bn"][0]), nm, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(np.asarray(new_bn["conv.0.bn"][1]), nv, rtol=1e-12, atol=1e-14)
    # eval mode: running statistics, state unchanged
    out = np.asarray(ref.layer_outputs(P, S, x, train=False)[0])
    y = np_conv(x, P["conv.0.conv.w"], stride, pad)
    rm, rv = S["conv.0.bn"]
    want = np_act(P["conv.0.bn.gamma"] * (y - rm) / np.sqrt(rv + 1e-3) + P["conv.0.bn.beta"], act)
    np.testing.assert_allclose(out, want, rtol=1e-12, atol=1e-12)
    _, same = ref.forward(P, S, x, train=False)
    for k in S:
        np.testing.assert_array_equal(np.asarray(same[k][0]), S[k][0])
        np.testing.assert_array_equal(np.asarray(same[k][1]), S[k][1])
    # the default momentum is 0.1
    _, nb = ref.forward(P, S, x, train=True)
    _, (nm, nv) = np_conv_bn(x, P, S, "conv.0", 3, stride, pad, 1, act, 1e-3, 0.1)
    np.testing.assert_allclose(np.asarray(nb["conv.0.bn"][1]), nv, rtol=1e-12)


def test_blocks_vs_numpy():
    """mbConv (expand, swish, SE, residual) and invertedResidual (no expand, stride 2, relu6)."""
    spec = NetSpec("blk", 5, 5, [mbConv(3, 3, 2, 3, 1, 1, True), invertedResidual(3, 5, 1, 2),
                                 globalAvgPool(), dense(5, 2)], in_channels=3)
    a, P, S, x = setup(spec, seed=3, batch=2)
    ref = reference(spec)
    m, eps = 0.2, 1e-5
    outs = [np.asarray(o) for o in ref.layer_outputs(P, S, x, train=True, bn_momentum=m)]
    _, new_bn = ref.forward(P, S, x, train=True, bn_momentum=m)

    nb = "blocks.0.0"
    h, s1 = np_conv_bn(x, P, S, f"{nb}.expand", 1, 1, 0, 1, "swish", eps, m)
    h, s2 = np_conv_bn(h, P, S, f"{nb}.dw", 3, 1, 1, 6, "swish", eps, m)
    assert P[f"{nb}.se.reduce.w"].shape == (6, max(1, int(3 * 0.25)))   # SE sized off the block input
    s = h.mean(axis=(1, 2))
    z = np_act(s @ P[f"{nb}.se.reduce.w"] + P[f"{nb}.se.reduce.b"], "swish")
    g = np_act(z @ P[f"{nb}.se.expand.w"] + P[f"{nb}.se.expand.b"], "sigmoid")
    h = h * g[:, None, None, :]
    h, s3 = np_conv_bn(h, P, S, f"{nb}.project", 1, 1, 0, 1, "identity", eps, m)
    y0 = h + x
    np.testing.assert_allclose(outs[0], y0, rtol=1e-11, atol=1e-12)

    nb = "blocks.1.0"
    assert f"{nb}.expand.conv.w" not in P
    h, s4 = np_conv_bn(y0, P, S, f"{nb}.dw", 3, 2, 1, 3, "relu6", eps, m)
    h, s5 = np_conv_bn(h, P, S, f"{nb}.project", 1, 1, 0, 1, "identity", eps, m)
    assert h.shape == (2, 3, 3, 5)
    np.testing.assert_allclose(outs[1], h, rtol=1e-11, atol=1e-12)
    np.testing.assert_allclose(outs[2], h.mean(axis=(1, 2)), rtol=1e-11, atol=1e-12)
    np.testing.assert_allclose(outs[3], outs[2] @ P["fc.3.w"] + P["fc.3.b"], rtol=1e-11, atol=1e-12)
    names = ["blocks.0.0.expand.bn", "blocks.0.0.dw.bn", "blocks.0.0.project.bn",
             "blocks.1.0.dw.bn", "blocks.1.0.project.bn"]
    assert list(new_bn) == names == [b.name for b in a.bns]
    for n_, (mm, vv) in zip(names, (s1, s2, s3, s4, s5)):
        np.testing.assert_allclose(np.asarray(new_bn[n_][0]), mm, rtol=1e-11, atol=1e-13)
        np.testing.assert_allclose(np.asarray(new_bn[n_][1]), vv, rtol=1e-11, atol=1e-13)


# --------------------------------------------------------------------------- (b) gradients vs FD
TINY = NetSpec("t", 6, 6, [convBn(2, 4, 3, 1, act="swish"), mbConv(4, 4, 2, 3, 1, 1, True),
                           globalAvgPool(), dense(4, 3)], in_channels=2)
TINY_DROP = NetSpec("td", 6, 6, [convBn(2, 4, 3, 2, act="swish"), mbConv(4, 4, 2, 3, 1, 1, True),
                                 globalAvgPool(), dropout(0.4), dense(4, 3)], in_channels=2)


@pytest.mark.parametrize("spec", [TINY, TINY_DROP], ids=["tiny", "tiny_dropout"])
def test_grads_vs_finite_differences(spec):
    a, P, S, x = setup(spec, seed=1, batch=2)
    ref = reference(spec)
    labels = np.array([0, 2])
    rng = np.random.default_rng(7)
    rand = rng.uniform(size=(2, rand_width(a))) if rand_width(a) else None
    kw = dict(label_smoothing=0.1, bn_momentum=0.1, rand=rand)
    loss, correct, g, new_bn, gx = ref.grads(P, S, x, labels, wrt_input=True, **kw)
    assert set(g) == set(P) and all(g[k].shape == P[k].shape for k in P)
    assert gx.shape == x.shape
    assert float(loss) == pytest.approx(float(ref.loss(P, S, x, labels, **kw)[0]), rel=1e-13)

    f_params = lambda p: float(ref.loss(p, S, x, labels, **kw)[0])
    f_images = lambda xx: float(ref.loss(P, S, xx, labels, **kw)[0])
    for seed in range(3):
        an, nu, err = fd_check(f_params, P, g, eps=1e-5, seed=seed)
        assert err < 1e-6, (seed, an, nu, err)
        assert abs(an) > 1e-6
    for seed in range(2):
        an, nu, err = fd_check(f_images, x, np.asarray(gx), eps=1e-5, seed=10 + seed)
        assert err < 1e-6, (seed, an, nu, err)
    # one parameter at a time along its own direction too (catches a single wrong tensor)
    for name in ["conv.0.conv.w", "blocks.1.0.dw.conv.w", "blocks.1.0.se.reduce.w",
                 "blocks.1.0.project.bn.gamma", f"fc.{len(spec.layers) - 1}.b"]:
        u = {k: np.zeros_like(v) for k, v in P.items()}
        u[name] = np.random.default_rng(1).standard_normal(P[name].shape)
        an, nu, err = fd_check(f_params, P, g, direction=u, eps=1e-5)
        assert err < 1e-6, (name, an, nu, err)


def test_eval_vjp_vs_finite_differences():
    a, P, S, x = setup(TINY, seed=2, batch=2)
    ref = reference(TINY)
    cot = np.random.default_rng(3).standard_normal((2, 3))
    logits, dp, dx = ref.vjp(P, S, x, cot, train=False)
    np.testing.assert_allclose(np.asarray(logits), np.asarray(ref.predict(P, S, x)), rtol=1e-13)
    f_p = lambda p: float(np.sum(np.asarray(ref.predict(p, S, x)) * cot))
    f_x = lambda xx: float(np.sum(np.asarray(ref.predict(P, S, xx)) * cot))
    assert fd_check(f_p, P, dp, eps=1e-5, seed=4)[2] < 1e-6
    assert fd_check(f_x, x, np.asarray(dx), eps=1e-5, seed=5)[2] < 1e-6


def test_fd_check_itself():
    """The checker on a function with a known gradient, and it notices a wrong gradient."""
    x = np.random.default_rng(0).standard_normal((3, 4))
    f = lambda v: float(np.sum(np.sin(v)) + 0.5 * np.sum(v ** 2))
    an, nu, err = fd_check(f, x, np.cos(x) + x)
    assert err < 1e-9
    assert fd_check(f, x, np.cos(x) + 1.01 * x)[2] > 1e-4


# --------------------------------------------------------------------------- (c) optimizers
DECAYED_ROLES = {"conv_w", "dw_w", "dense_w", "se_w"}


def np_opt(optimizer, p, g, state, h, decay):
    """The netspec/state.py docstring formulas, in NumPy float64."""
    lr, wd = h["lr"], (h["weight_decay"] if decay else 0.0)
    if optimizer == "sgd":
        (buf,) = state
        g = g + wd * p
        buf = h["momentum"] * buf + g
        d = g + h["momentum"] * buf if h["nesterov"] > 0.5 else buf
        return p - lr * d, [buf]
    if optimizer in ("adam", "adamw"):
        m, v = state
        if optimizer == "adam":
            g = g + wd * p
        m = h["beta1"] * m + (1 - h["beta1"]) * g
        v = h["beta2"] * v + (1 - h["beta2"]) * g ** 2
        newp = p - lr * (m / h["bias_correction1"]) / (np.sqrt(v / h["bias_correction2"]) + h["eps"])
        if optimizer == "adamw":
            newp = newp - lr * wd * p
        return newp, [m, v]
    ms, mom = state
    g = g + wd * p
    ms = h["rms_decay"] * ms + (1 - h["rms_decay"]) * g ** 2
    mom = h["momentum"] * mom + lr * g / np.sqrt(ms + h["eps"])
    return p - mom, [ms, mom]


@pytest.mark.parametrize("optimizer,nesterov", [("sgd", False), ("sgd", True), ("adam", False),
                                                ("adamw", False), ("rmsprop", False)])
def test_train_step_vs_numpy_optimizer(optimizer, nesterov):
    spec = TINY_DROP
    a, P, S, x = setup(spec, seed=5, batch=2)
    ref = reference(spec)
    labels = np.array([1, 2])
    rng = np.random.default_rng(11)
    rand = rng.uniform(size=(2, rand_width(a)))
    vec = hyper_vector(lr=0.05, step=3, optimizer=optimizer, weight_decay=0.04, label_smoothing=0.1,
                       bn_momentum=0.2, momentum=0.8, nesterov=nesterov, beta1=0.85, beta2=0.99,
                       rms_decay=0.7)
    h = {n: float(vec[i]) for i, n in enumerate(HYPER)}
    # fresh state has the documented initial values
    fresh = ref.init_opt_state(optimizer)
    assert len(fresh) == len(OPT_STATE[optimizer])
    for st, (_, init) in zip(fresh, OPT_STATE[optimizer]):
        assert all(np.all(v == init) for v in st.values())
    # a non-trivial state (as after a few steps)
    state = [{k: (np.abs(rng.standard_normal(v.shape)) * 0.01 if name in ("v", "ms") else
                  rng.standard_normal(v.shape) * 0.01) + (1.0 if name == "ms" else 0.0)
              for k, v in P.items()} for name, _ in OPT_STATE[optimizer]]

    loss, correct, g, new_bn = ref.grads(P, S, x, labels, label_smoothing=h["label_smoothing"],
                                         bn_momentum=h["bn_momentum"], rand=rand)
    P2, state2, bn2, loss2, correct2 = ref.train_step(P, state, S, x, labels, vec,
                                                      optimizer=optimizer, rand=rand)
    assert float(loss2) == pytest.approx(float(loss), rel=1e-13)
    assert int(correct2) == int(correct)
    for k in S:
        np.testing.assert_allclose(np.asarray(bn2[k][1]), np.asarray(new_bn[k][1]), rtol=1e-13)
    seen_decay = set()
    for p in a.params:
        decay = p.role in DECAYED_ROLES
        assert p.decay == decay, p.name
        seen_decay.add(decay)
        want_p, want_s = np_opt(optimizer, P[p.name], np.asarray(g[p.name]),
                                [s[p.name] for s in state], h, decay)
        np.testing.assert_allclose(np.asarray(P2[p.name]), want_p, rtol=1e-12, atol=1e-14,
                                   err_msg=p.name)
        for s_new, s_want in zip(state2, want_s):
            np.testing.assert_allclose(np.asarray(s_new[p.name]), s_want, rtol=1e-12, atol=1e-14,
                                       err_msg=p.name)
    assert seen_decay == {True, False}
    # the dict form of hyper and the flat-buffer wrapper agree with the vector form
    P3, state3, *_ = ref.train_step(P, state, S, x, labels, h, optimizer=optimizer, rand=rand)
    for k in P:
        np.testing.assert_allclose(np.asarray(P3[k]), np.asarray(P2[k]), rtol=1e-14, atol=1e-16)
    pf, sf, bf, lf, cf = ref.train_step_flat(ref.join(P), [ref.join(s) for s in state],
                                             ref.join_bn(S), x, labels, vec, optimizer=optimizer,
                                             rand=rand)
    np.testing.assert_allclose(pf, ref.join(P2), rtol=1e-14, atol=1e-16)
    for a_, b_ in zip(sf, state2):
        np.testing.assert_allclose(a_, ref.join(b_), rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(bf, ref.join_bn(bn2), rtol=1e-14)
    assert lf == pytest.approx(float(loss2), rel=1e-14) and cf == int(correct2)


def test_weight_decay_is_zero_effect_at_wd0_and_flat_grads():
    a, P, S, x = setup(TINY, seed=6)
    ref = reference(TINY)
    labels = np.array([0, 1])
    loss, correct, g, nb = ref.grads(P, S, x, labels)
    lf, cf, gf, nbf = ref.grads_flat(ref.join(P), ref.join_bn(S), x, labels)
    assert gf.dtype == np.float64 and gf.shape == (a.n_params,)
    np.testing.assert_allclose(gf, ref.join(g), rtol=1e-14, atol=1e-16)
    np.testing.assert_allclose(nbf, ref.join_bn(nb), rtol=1e-14)
    # plain SGD without momentum/decay is p - lr g
    P2, *_ = ref.train_step(P, ref.init_opt_state("sgd", np.float64), S, x, labels,
                            dict(lr=0.5, momentum=0.0, nesterov=0.0, weight_decay=0.0),
                            optimizer="sgd")
    for k in P:
        np.testing.assert_allclose(np.asarray(P2[k]), P[k] - 0.5 * np.asarray(g[k]), rtol=1e-13,
                                   atol=1e-15)


# --------------------------------------------------------------------------- (d) loss
@pytest.mark.parametrize("eps", [0.0, 0.2])
def test_label_smoothing_loss_vs_numpy(eps):
    a, P, S, x = setup(TINY, seed=8, batch=4)
    ref = reference(TINY)
    logits, _ = ref.forward(P, S, x, train=True)
    z = np.asarray(logits)
    k = z.shape[1]
    labels = np.array([0, 2, 1, 2])
    onehot = np.eye(k)[labels]
    want = np.mean(-np.sum(((1 - eps) * onehot + eps / k) * np_log_softmax(z), axis=1))
    loss, (correct, _, lg) = ref.loss(P, S, x, labels, label_smoothing=eps)
    assert float(loss) == pytest.approx(want, rel=1e-13)
    np.testing.assert_allclose(np.asarray(lg), z, rtol=1e-14)
    assert int(correct) == int(np.sum(z.argmax(1) == labels))
    # soft targets
    soft = np.random.default_rng(2).dirichlet(np.ones(k), size=4)
    want = np.mean(-np.sum(((1 - eps) * soft + eps / k) * np_log_softmax(z), axis=1))
    loss, (correct, _, _) = ref.loss(P, S, x, soft, label_smoothing=eps)
    assert float(loss) == pytest.approx(want, rel=1e-13)
    assert int(correct) == int(np.sum(z.argmax(1) == soft.argmax(1)))
    # one-hot soft targets == hard labels
    loss_soft = ref.loss(P, S, x, onehot, label_smoothing=eps)[0]
    loss_hard = ref.loss(P, S, x, labels, label_smoothing=eps)[0]
    assert float(loss_soft) == pytest.approx(float(loss_hard), rel=1e-14)


# --------------------------------------------------------------------------- (e) dropout
def test_dropout_mask_semantics():
    spec = NetSpec("d", 4, 4, [convBn(2, 4, 3, 1), globalAvgPool(), dropout(0.5), dense(4, 6, act="relu"),
                               dropout(0.0), dropout(0.25), dense(6, 3)], in_channels=2)
    a, P, S, x = setup(spec, seed=9, batch=3)
    ref = reference(spec)
    assert rand_width(a) == ref.rand_width == 4 + 6 + 6
    rng = np.random.default_rng(4)
    rand = rng.uniform(size=(3, 16))
    rand[0, 0] = 0.5            # u == rate is kept
    rand[1, 1] = 0.4999999      # u < rate is dropped
    rand[:, 4:10] = 0.0         # the rate-0 layer's columns: would drop everything if read
    rand[2, 10] = 0.25
    outs = [np.asarray(o) for o in ref.layer_outputs(P, S, x, train=True, rand=rand)]
    keep1 = rand[:, 0:4] >= 0.5
    assert keep1[0, 0] and not keep1[1, 1]
    np.testing.assert_allclose(outs[2], outs[1] * keep1 / 0.5, rtol=1e-15)
    np.testing.assert_array_equal(outs[4], outs[3])                  # rate 0: identity
    keep3 = rand[:, 10:16] >= 0.25
    assert keep3[2, 0]
    np.testing.assert_allclose(outs[5], outs[4] * keep3 / 0.75, rtol=1e-15)
    # eval: identity, no rand needed
    ev = [np.asarray(o) for o in ref.layer_outputs(P, S, x, train=False)]
    np.testing.assert_array_equal(ev[2], ev[1])
    np.testing.assert_array_equal(ev[5], ev[4])
    # train mode with a dropout layer needs rand of the right width
    with pytest.raises(ValueError, match="rand"):
        ref.forward(P, S, x, train=True)
    with pytest.raises(ValueError, match="rand"):
        ref.forward(P, S, x, train=True, rand=rand[:, :10])
    # all kept with u = 1 - tiny: scaled by 1/(1-rate)
    ones = np.full((3, 16), 0.999)
    o2 = [np.asarray(o) for o in ref.layer_outputs(P, S, x, train=True, rand=ones)]
    np.testing.assert_allclose(o2[2], o2[1] * 2.0, rtol=1e-15)


def test_dropout_gradient_mask():
    spec = NetSpec("dg", 4, 4, [convBn(2, 4, 3, 1), globalAvgPool(), dropout(0.5), dense(4, 3)],
                   in_channels=2)
    a, P, S, x = setup(spec, seed=12, batch=2)
    ref = reference(spec)
    rand = np.array([[0.9, 0.1, 0.9, 0.1], [0.1, 0.1, 0.9, 0.9]])
    _, _, g, _ = ref.grads(P, S, x, np.array([0, 1]), rand=rand)
    gw = np.asarray(g["fc.3.w"])
    np.testing.assert_array_equal(gw[1], 0.0)     # feature 1 dropped for both examples
    assert np.all(gw[2] != 0.0)                   # feature 2 kept for both


# --------------------------------------------------------------------------- misc
def test_float32_path_and_validation():
    """Works in float32 as well (the dtype follows the parameters) and validates its inputs."""
    a = analyze(TINY)
    ref = reference(TINY)
    flat = init_params(a, 0)
    x = np.random.default_rng(0).standard_normal((2, 6, 6, 2)).astype(np.float32)
    logits, nb = ref.forward_flat(flat, a.init_bn(), x, train=True)
    assert logits.dtype == np.float32 and nb.dtype == np.float32 and nb.shape == (a.n_bn_floats,)
    with x64():
        logits64, _ = ref.forward_flat(flat.astype(np.float64), a.init_bn(), x, train=True)
    assert logits64.dtype == np.float64
    np.testing.assert_allclose(logits, logits64, rtol=1e-4, atol=1e-5)
    with pytest.raises(ValueError, match="NHWC"):
        ref.forward(a.split(flat), a.split_bn(a.init_bn()), x.transpose(0, 3, 1, 2), train=False)
    st = ref.init_opt_state_flat("rmsprop")
    assert [float(s[0]) for s in st] == [1.0, 0.0]


def test_bn_momentum_defaults_to_the_spec():
    spec = NetSpec("bnm", 4, 4, [convBn(2, 3, 3, 1, act="identity"), globalAvgPool(), dense(3, 2)],
                   in_channels=2, bn_momentum=0.25)
    a, P, S, x = setup(spec, seed=13)
    ref = reference(spec)
    _, nb = ref.forward(P, S, x, train=True)
    _, want = np_conv_bn(x, P, S, "conv.0", 3, 1, 1, 1, "identity", 1e-5, 0.25)
    np.testing.assert_allclose(np.asarray(nb["conv.0.bn"][0]), want[0], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(np.asarray(nb["conv.0.bn"][1]), want[1], rtol=1e-12)
