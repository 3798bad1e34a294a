"""The PyTorch-eager benchmark peer computes the reference's function (bench/peers/torch_peer.py).

Tolerances: float64 torch vs the float64 JAX reference differ only by summation order (ATen /
oneDNN CPU conv and BN reductions vs XLA's), i.e. a few ulps amplified by the network's
conditioning: ~1e-15 (tiny spec) and <= 5e-13 (whole B0) observed per tensor, so 1e-8 (relative
L2 per tensor) leaves four orders of margin while any semantic mismatch (padding, biased /
unbiased variance, SE layout, dropout columns, label smoothing) shows up at >= 1e-3.  The float32
peer vs the float64 reference is dominated by float32 rounding through ~80 layers (~5e-6 observed
on the loss and the gradient norm): 1e-4 relative.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from bench.peers.torch_peer import (TorchPeer, build_model, export_bn, export_grads,  # noqa: E402
                                    export_params, load_state, nchw, torch_version)
from bench.workloads import WORKLOADS, make_inputs  # noqa: E402
from netspec import zoo  # noqa: E402
from netspec.analysis import analyze  # noqa: E402
from netspec.init import init_params  # noqa: E402
from netspec import convBn, dense, dropout, globalAvgPool, invertedResidual, mbConv  # noqa: E402
from netspec.reference import Reference, x64  # noqa: E402
from netspec.spec import NetSpec  # noqa: E402

TOL64 = 1e-8
TOL32 = 1e-4

# every layer kind: stem (swish, stride 2), mbConv with expand + SE + residual, mbConv k5 stride 2
# without expand, invertedResidual with expand (relu6) + residual-free / residual repeats, a
# 'valid' 1x1 head conv (relu), two dropouts (two column slices of rand), a relu dense, the head
TINY = NetSpec("torch-tiny", 12, 12, [
    convBn(3, 8, 3, 2, act="swish"),
    mbConv(8, 8, 2, 3, 1, 1, True),
    mbConv(8, 12, 1, 5, 2, 1, True, 0.5),
    invertedResidual(12, 16, 3, 1, 2),
    convBn(16, 24, 1, 1, padding="valid", act="relu"),
    globalAvgPool(), dropout(0.2), dense(24, 10, act="relu"), dropout(0.3), dense(10, 5)])


def rel_l2(a, b) -> float:
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(b), 1e-300))


def reference64(spec, params_flat, bn_flat, images, labels, rand):
    """(loss, grads dict, new_bn dict) of the float64 JAX reference."""
    ref = Reference(spec)
    with x64():
        P = {k: np.asarray(v, np.float64) for k, v in ref.split(params_flat).items()}
        S = {k: (np.asarray(m, np.float64), np.asarray(v, np.float64))
             for k, (m, v) in ref.split_bn(bn_flat).items()}
        loss, _, g, nbn = ref.grads(P, S, np.asarray(images, np.float64), labels,
                                    label_smoothing=0.1, bn_momentum=0.1,
                                    rand=np.asarray(rand, np.float64))
        return (float(loss), {k: np.asarray(v) for k, v in g.items()},
                {k: (np.asarray(m), np.asarray(v)) for k, (m, v) in nbn.items()})


def torch64(spec, params_flat, bn_flat, images, labels, rand):
    """(loss, grads dict, new_bn dict) of the torch model in float64, netspec names / layouts."""
    a = analyze(spec)
    model = build_model(spec).double().train()
    load_state(model, a, np.asarray(params_flat, np.float64), np.asarray(bn_flat, np.float64))
    logits = model(nchw(images, torch.float64), torch.from_numpy(np.asarray(rand, np.float64)))
    loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(labels).long(),
                                             label_smoothing=0.1)
    loss.backward()
    return loss.item(), export_grads(model), export_bn(model)


def compare(ref, got, tol):
    loss_r, g_r, bn_r = ref
    loss_t, g_t, bn_t = got
    assert abs(loss_t - loss_r) <= tol * abs(loss_r), (loss_t, loss_r)
    assert list(g_t) == list(g_r)
    # Some gradients are exactly zero in exact arithmetic: the beta of a BN whose output reaches
    # the next BN only through 1x1 convs / residual adds (a per-channel shift the next BN
    # removes), e.g. a block's project.bn.beta before the next block's 1x1 expand.  Both sides
    # return rounding noise (~1e-17) there, so a tensor's error is measured against
    # max(||g_ref||, 1e-6 * ||g_ref||_global): relative for every real gradient, absolute
    # (at the global gradient's scale) for the structurally-zero ones.
    floor = 1e-6 * float(np.sqrt(sum(np.sum(np.square(g)) for g in g_r.values())))

    def err(k):
        return float(np.linalg.norm(np.asarray(g_t[k], np.float64) - g_r[k])
                     / max(np.linalg.norm(g_r[k]), floor))
    bad = {k: err(k) for k in g_r if not err(k) < tol}
    assert not bad, f"gradients off (rel L2): {bad}"
    assert list(bn_t) == list(bn_r)
    for k in bn_r:
        e = bn_err(bn_t[k], bn_r[k])
        assert e < tol, f"{k} running stats: rel err {e:.2e}"


def bn_err(got, ref) -> float:
    """Error of (running_mean, running_var): the var relative, the mean relative to
    max(||mean||, ||sqrt(var)||) — a channel mean that is zero in exact arithmetic (a 1x1 conv
    of a BN output whose beta has not moved) is rounding noise ~1e-13 on both sides, and the
    natural scale of a mean is the spread of the values."""
    (mt, vt), (mr, vr) = got, ref
    mr, vr = np.asarray(mr, np.float64), np.asarray(vr, np.float64)
    em = np.linalg.norm(np.asarray(mt, np.float64) - mr) / max(np.linalg.norm(mr),
                                                                np.linalg.norm(np.sqrt(vr)))
    return float(max(em, rel_l2(vt, vr)))


# --------------------------------------------------------------------------- structure
@pytest.mark.parametrize("spec,n", [(zoo.efficientnet("b0", 10), 4_020_358),
                                    (zoo.mobilenet_v2(10), 2_236_682)], ids=["b0", "mnv2"])
def test_param_count(spec, n):
    model = build_model(spec)
    assert analyze(spec).n_params == n
    assert sum(p.numel() for p in model.parameters()) == n
    from netspec.kinds.blocks import torch_blocks as block_classes
    from netspec.kinds.conv_bn import torch_blocks as conv_bn_classes
    _, ConvBnAct = conv_bn_classes()
    SqueezeExcite, _ = block_classes()
    assert all(m.conv.bias is None for m in model.modules() if isinstance(m, ConvBnAct))
    assert all(m.reduce.bias is not None for m in model.modules() if isinstance(m, SqueezeExcite))


def test_layout_round_trip():
    """load_state then export_params gives back the registry tensors exactly."""
    a = analyze(TINY)
    flat = init_params(a, 3)
    model = build_model(TINY)
    load_state(model, a, flat, a.init_bn())
    back = export_params(model)
    for k, v in a.split(flat).items():
        np.testing.assert_array_equal(back[k], v)
    assert torch_version() == torch.__version__


# --------------------------------------------------------------------------- float64 semantics
def test_tiny_float64_grads_and_bn_stats():
    a = analyze(TINY)
    rng = np.random.default_rng(5)
    batch = 3
    params = init_params(a, 1)
    bn = a.init_bn()
    # non-trivial running stats, so the momentum update is checked too
    bn = (bn + rng.uniform(0.1, 0.5, bn.shape)).astype(np.float32)
    images = rng.standard_normal((batch, 12, 12, 3))
    labels = np.array([0, 4, 2], np.int32)
    rand = rng.random((batch, a.rand_width))
    assert a.rand_width == 24 + 10
    ref = reference64(TINY, params, bn, images, labels, rand)
    got = torch64(TINY, params, bn, images, labels, rand)
    compare(ref, got, TOL64)
    # negative control: the dropout columns matter (a mis-sliced rand would be caught)
    other = torch64(TINY, params, bn, images, labels, rand[:, ::-1].copy())
    assert abs(other[0] - ref[0]) > 1e-3 * abs(ref[0])


def test_tiny_float64_adam_steps():
    """Three torch.optim.Adam steps == the reference's Adam train_step (float64)."""
    a = analyze(TINY)
    ref = Reference(TINY)
    rng = np.random.default_rng(9)
    params = init_params(a, 2).astype(np.float64)
    bn = a.init_bn().astype(np.float64)
    model = build_model(TINY).double().train()
    load_state(model, a, params, bn)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
                           weight_decay=0)
    with x64():
        P = {k: np.asarray(v) for k, v in ref.split(params).items()}
        S = ref.split_bn(bn)
        state = ref.init_opt_state("adam", np.float64)
        big: dict[str, float] = {}     # per tensor: max over steps of ||g_k|| / ||g||
        for t in range(1, 4):
            images = rng.standard_normal((2, 12, 12, 3))
            labels = rng.integers(0, 5, 2).astype(np.int32)
            rand = rng.random((2, a.rand_width))
            h = dict(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0,
                     bias_correction1=1 - 0.9 ** t, bias_correction2=1 - 0.999 ** t,
                     label_smoothing=0.1, bn_momentum=0.1)
            P, state, S, loss_r, _ = ref.train_step(P, state, S, images, labels, h,
                                                   optimizer="adam", rand=rand)
            logits = model(nchw(images, torch.float64), torch.from_numpy(rand))
            loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(labels).long(),
                                                     label_smoothing=0.1)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            assert abs(loss.item() - float(loss_r)) < TOL64 * abs(float(loss_r))
            g = export_grads(model)
            gnorm = np.sqrt(sum(np.sum(np.square(v)) for v in g.values()))
            big = {k: max(big.get(k, 0.0), float(np.linalg.norm(v) / gnorm)) for k, v in g.items()}
        # Compare the updates (params - initial params).  A structurally-zero gradient (see
        # compare(): rounding noise ~1e-17 on both sides) is amplified by Adam to an update of
        # ~ lr * noise / eps ~ 1e-12 that differs between the two sides: those tensors must
        # barely move (< 1e-6 lr) on both; every other tensor agrees to TOL64 relative.
        got = export_params(model)
        p0 = ref.split(params)
        d_r = {k: np.asarray(P[k]) - p0[k] for k in p0}
        d_t = {k: got[k] - p0[k] for k in p0}
        zero = {k for k, v in big.items() if v < 1e-12}
        assert zero == {"blocks.2.0.project.bn.beta", "blocks.3.0.project.bn.beta",
                        "blocks.3.1.project.bn.beta"}
        for k in zero:
            assert np.abs(d_r[k]).max() < 1e-9 and np.abs(d_t[k]).max() < 1e-9, k
        bad = {k: rel_l2(d_t[k], d_r[k]) for k in p0
               if k not in zero and not rel_l2(d_t[k], d_r[k]) < TOL64}
        assert not bad, bad
        tbn = export_bn(model)
        for k, mv in S.items():
            assert bn_err(tbn[k], mv) < TOL64, k


# --------------------------------------------------------------------------- the peer, W1 quick
@pytest.fixture(scope="module")
def w1_quick():
    w = WORKLOADS["W1"].quick()
    inputs = make_inputs(w)
    spec = w.spec()
    ref = reference64(spec, inputs["params"], inputs["bn"], inputs["images"][0],
                      inputs["labels"][0], inputs["rand"][0])
    return w, inputs, ref


def test_b0_quick_float64_per_tensor(w1_quick):
    """The whole EfficientNet-B0 (64x64, batch 2) in float64: every gradient and BN stat."""
    w, inputs, ref = w1_quick
    got = torch64(w.spec(), inputs["params"], inputs["bn"], inputs["images"][0],
                  inputs["labels"][0], inputs["rand"][0])
    compare(ref, got, TOL64)


def test_peer_train_step0_matches_reference(w1_quick):
    w, inputs, (loss_r, g_r, bn_r) = w1_quick
    peer = TorchPeer(w, inputs)
    info = peer.prepare()
    assert info == {"compile_s": None, "mlir_bytes": None, "params": analyze(w.spec()).n_params}
    loss = peer.step(0)
    chk = peer.check()
    assert chk["loss"] == loss
    norm_r = float(np.sqrt(sum(np.sum(np.square(g)) for g in g_r.values())))
    assert abs(chk["loss"] - loss_r) < TOL32 * abs(loss_r), (chk["loss"], loss_r)
    assert abs(chk["grad_norm"] - norm_r) < TOL32 * norm_r, (chk["grad_norm"], norm_r)
    # the two ways of reading the step-0 gradient agree (exp_avg = (1 - beta1) grad)
    assert abs(peer.grad_norm_direct() - chk["grad_norm"]) < 1e-5 * norm_r
    # the peer's float32 running stats follow the reference too
    bn_t = export_bn(peer.model)
    worst = max(bn_err(bn_t[k], bn_r[k]) for k in bn_r)
    assert worst < TOL32
    # a second step runs on the next batch and moves the loss
    assert np.isfinite(peer.step(1))


# --------------------------------------------------------------------------- the peer, predict
def test_peer_predict_matches_reference():
    w = WORKLOADS["W4"].quick()
    inputs = make_inputs(w)
    peer = TorchPeer(w, inputs)
    peer.prepare()
    s = peer.step(0)
    logits = np.asarray(peer.check()["logits"])
    assert logits.shape == (w.batch, 10)
    assert abs(s - logits.sum()) <= 1e-5 * np.abs(logits).sum()
    ref = Reference(w.spec())
    with x64():
        P = {k: np.asarray(v, np.float64) for k, v in ref.split(inputs["params"]).items()}
        S = {k: (np.asarray(m, np.float64), np.asarray(v, np.float64))
             for k, (m, v) in ref.split_bn(inputs["bn"]).items()}
        expect = np.asarray(ref.predict(P, S, np.asarray(inputs["images"][0], np.float64)))
    scale = np.abs(expect).max()
    np.testing.assert_allclose(logits, expect, rtol=TOL32, atol=TOL32 * scale)
    assert not peer.model.training


# --------------------------------------------------------------------------- torch.compile
def test_torch_compile_peer_runs_the_shared_step0():
    """The torch.compile peer (inductor) on the tiny spec: its warm-up compile step is undone
    (parameters, BN statistics, Adam back to the shared initial state), so its step 0 equals the
    eager peer's step 0 within float32 rounding of two different kernel sets (measured ~1e-7
    relative on loss and gradient norm; bound TOL32), and its compile time is recorded."""
    from bench.peers.torch_peer import TorchCompilePeer
    from bench.workloads import Workload

    class Tiny(Workload):
        def spec(self):
            return TINY

    w = Tiny("T", "b0", 4, 12, "train", "tiny")
    a = analyze(TINY)
    rng = np.random.default_rng(3)
    inputs = {"params": init_params(a, 0), "bn": a.init_bn(),
              "images": rng.standard_normal((2, 4, 12, 12, 3), dtype=np.float32),
              "labels": (np.arange(8) % 5).reshape(2, 4).astype(np.int32),
              "rand": rng.random((2, 4, a.rand_width), dtype=np.float32)}
    eager, comp = TorchPeer(w, inputs), TorchCompilePeer(w, inputs)
    eager.prepare()
    info = comp.prepare()
    assert info["compile_s"] > 0
    for k, v in export_params(comp.model).items():          # the warm-up step was undone
        assert np.array_equal(v, export_params(eager.model)[k]), k
    l_e, l_c = eager.step(0), comp.step(0)
    c_e, c_c = eager.check(), comp.check()
    assert abs(l_c - l_e) <= TOL32 * abs(l_e), (l_c, l_e)
    assert abs(c_c["grad_norm"] - c_e["grad_norm"]) <= TOL32 * c_e["grad_norm"]
    assert np.isfinite(comp.step(1))
