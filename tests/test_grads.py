"""Every VJP emitter, compiled by IREE for the CPU and run, against independent oracles.

Driven by THE case table (codegen/cases.py):
- f32 module vs the float64 JAX reference (jax.grad / jax.vjp of a model built from the same
  spec and registry): loss, logits of ``predict``, BN statistics, every parameter gradient
  and the input cotangent, by the metric and tolerances of ``runtime.verify``;
- f64 module vs the float64 reference: the same emitted code without float32 rounding, so
  the bound is tight (1e-6; observed ~1e-12);
- tiny rows: float64 central finite differences of the reference's loss agree with the
  reference gradient, and of the *compiled f64 module's* loss with its own gradient (an
  oracle independent of JAX);
- a deliberately wrong VJP (SE without the gate's backward; BN backward missing a term; the
  depthwise weight-gradient loop reading the wrong sample) must make the comparison fail: a
  test of the tests.
"""

from __future__ import annotations

import numpy as np
import pytest

from codegen.cases import CASES
from codegen.ops import conv as conv_ops
from runtime.verify import check_grads, compile_grads_module, random_inputs

from .conftest import report_table

TINY = [c for c in CASES if c.tiny]


@pytest.mark.parametrize("dtype", ["f32", "f64"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_compiled_grads_match_reference(case, dtype, cache_dir):
    dp = case.drop_path
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype=dtype, cache_dir=cache_dir,
                                     drop_path=dp, dw_chunk=case.dw_chunk)
    inputs = random_inputs(case.spec, case.batch, seed=1, dtype=np.float64 if dtype == "f64" else np.float32,
                           drop_path=dp)
    report = check_grads(case.spec, module, inputs, dtype=dtype, drop_path=dp)
    assert report.ok, report_table(report)


def _loss_fn_compiled(module, inputs, hyper):
    def f(flat_params):
        args = [flat_params, inputs["bn"], inputs["images"], inputs["labels"]]
        if inputs["rand"] is not None:
            args.append(inputs["rand"])
        return float(module.call_host("grads", [*args, hyper])[0])
    return f


@pytest.mark.parametrize("case", TINY, ids=[c.id for c in TINY])
def test_finite_differences_tiny(case, cache_dir):
    """float64 central differences along random directions, for both the reference and the
    compiled float64 module.  eps = 1e-5 balances truncation (O(eps^2 f''')) against rounding
    (O(1e-16 / eps)); agreement to 1e-6 relative is then expected (observed ~1e-9)."""
    from netspec.state import hyper_vector
    from netspec.analysis import analyze
    from netspec.reference import Reference, central_difference, random_direction, x64

    a = analyze(case.spec, case.drop_path)
    inputs = random_inputs(case.spec, case.batch, seed=2, dtype=np.float64, drop_path=case.drop_path)
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1).astype(np.float64)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f64", cache_dir=cache_dir,
                                     drop_path=case.drop_path, dw_chunk=case.dw_chunk)
    args = [inputs["params"], inputs["bn"], inputs["images"], inputs["labels"]]
    if inputs["rand"] is not None:
        args.append(inputs["rand"])
    _, _, g_ours, _, _ = module.call_host("grads", [*args, hyper])
    f_ours = _loss_fn_compiled(module, inputs, hyper)

    with x64():
        ref = Reference(case.spec, drop_path=case.drop_path)

        def f_ref(flat):
            return ref.loss(ref.split(flat), ref.split_bn(inputs["bn"]), inputs["images"], inputs["labels"],
                            label_smoothing=0.1, rand=inputs["rand"])[0]

        _, _, g_ref, _ = ref.grads_flat(inputs["params"], inputs["bn"], inputs["images"], inputs["labels"],
                                        label_smoothing=0.1, rand=inputs["rand"])
    for seed in range(3):
        u = random_direction(np.zeros(a.n_params), seed=seed)
        with x64():
            fd_ref = central_difference(f_ref, inputs["params"], u, 1e-5)
        fd_ours = central_difference(f_ours, inputs["params"], u, 1e-5)
        an_ref, an_ours = float(np.dot(g_ref, u)), float(np.dot(g_ours, u))
        scale = max(abs(fd_ref), 1e-8)
        assert abs(an_ref - fd_ref) / scale < 1e-6, (seed, an_ref, fd_ref)
        assert abs(an_ours - fd_ours) / scale < 1e-6, (seed, an_ours, fd_ours)


# --------------------------------------------------------------------------- tests of the tests
def _wrong_se_vjp(ctx, p, sv, dy):
    """SE backward with only the gate-weighted term dy * g (the gate's own backward dropped)."""
    with ctx.b.scope(p.name):
        for n in (p.reduce_w, p.reduce_b, p.expand_w, p.expand_b):
            ctx.grad(n, ctx.b.full(0.0, ctx.params[n].shape, dy.dtype, hint="zero"))
        return ctx.b.mul(dy, sv.g_b, hint="d_h_gated_only")


def _wrong_bn_vjp(b, L, s, dy, xhat=None, sync=False):
    """BN backward missing the xhat * dgamma term (single replica: `sync` is unused)."""
    from codegen.ops.bn import _per_channel, bn_xhat
    from codegen.ops.sums import channel_sum
    xhat = bn_xhat(b, L, s) if xhat is None else xhat
    dbeta = channel_sum(b, L, dy, "d_beta")
    dgamma = channel_sum(b, L, b.mul(dy, xhat, hint="dy_xhat"), "d_gamma")
    k = b.mul(b.mul(s.gamma, s.inv, hint="gamma_inv"), b.const(1.0 / s.n, dy.dtype), hint="gamma_inv_n")
    t = b.sub(b.mul(dy, b.const(float(s.n), dy.dtype), hint="n_dy"), _per_channel(b, L, dbeta, dy.shape, "db"),
              hint="t1")
    return b.mul(t, _per_channel(b, L, k, dy.shape, "k_b"), hint="d_x"), dgamma, dbeta


_RIGHT_DW_CHUNK = conv_ops._dw_chunk_of


def _wrong_dw_chunk(b, t, n, U, hint):
    """The depthwise weight-gradient loop reading its chunk of the cotangent one sample late
    (dy[n + 1 : n + 1 + U], dynamic_slice clamping the start): an off-by-one in the indexing."""
    if hint == "dy_c":
        n = b.add(n, b.const(1, n.dtype), hint="n_late")
    return _RIGHT_DW_CHUNK(b, t, n, U, hint)


@pytest.mark.parametrize("target,replacement,case_id", [
    ("codegen.kinds.blocks.se_vjp", _wrong_se_vjp, "se_mid4"),
    ("codegen.kinds.conv_bn.bn_vjp", _wrong_bn_vjp, "conv_k3_s2_even"),
    ("codegen.ops.conv._dw_chunk_of", _wrong_dw_chunk, "dw_loop_k3_s2_odd_b5_u2"),
])
def test_wrong_vjp_is_caught(target, replacement, case_id, monkeypatch, cache_dir):
    from codegen.cases import CASE_BY_ID
    case = CASE_BY_ID[case_id]
    monkeypatch.setattr(target, replacement)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f32", cache_dir=cache_dir,
                                     dw_chunk=case.dw_chunk)
    report = check_grads(case.spec, module, random_inputs(case.spec, case.batch, seed=1))
    assert not report.ok, "a deliberately wrong VJP passed the gradient check:\n" + report_table(report)
    assert min(r.err for r in report.failures()) > 1e-2   # failures are gross, not rounding
