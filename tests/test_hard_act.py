"""MobileNetV3's hard functions (issue 16): hswish and hsigmoid at their kinks, and the
planted wrong VJPs the case-table comparison must catch.

The case-table rows with them (``conv_hswish_k3``, ``conv_hsigmoid_k3_s2``, ``bneck_*``,
``head_dense_hswish_dropout``; codegen/cases.py) run through tests/test_grads.py: f32 and f64
modules against the float64 reference, finite differences on the tiny ones.  Random
pre-activations never land exactly on a kink, so here the emitted forward and VJP
(``codegen/ops/act.py``) are compiled alone and run ON the kinks -3 and 3, one float32 ulp
either side of them, and on every linear / flat piece, against

- PyTorch's ``F.hardswish`` / ``F.hardsigmoid`` forward and autograd backward (the same
  formulas evaluated in float32 by ATen), and
- the float64 JAX reference's ``jax_act`` under ``jax.grad`` (netspec/kinds/conv_bn.py), which
  must make PyTorch's one-sided choices at the kinks.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from codegen.cases import CASE_BY_ID
from codegen.ir import Builder, TensorType
from codegen.ops import act as act_ops
from runtime.engines.iree import compile_mlir
from runtime.engines.iree.run import load_module
from runtime.verify import check_grads, compile_grads_module, random_inputs

from .conftest import report_table

KINDS = ("hswish", "hsigmoid")


def _points() -> np.ndarray:
    f = np.float32
    pts = [-7.0, -5.0, -3.5, -3.0, -2.5, -1.0, -0.5, 0.0, 0.25, 1.0, 2.5, 3.0, 3.5, 5.0, 7.0]
    for k in (-3.0, 3.0):           # one ulp either side of each kink
        pts += [np.nextafter(f(k), f(-np.inf)), np.nextafter(f(k), f(np.inf))]
    return np.array(pts, np.float32)


def _compiled(kind: str, n: int, cache_dir):
    """A module ``f(z, dy) -> (act(z), act'(z) * dy)`` of the emitted forward and VJP."""
    b = Builder()
    z, dy = b.begin("f", [("z", TensorType((n,))), ("dy", TensorType((n,)))])
    y, saved = act_ops.act_fwd(b, kind, z)
    dz = act_ops.act_vjp(b, saved, dy)
    b.end([y, dz])
    res = compile_mlir(b.module_text(), cache_dir=cache_dir, source_hint=f"act_{kind}")
    return load_module(res.vmfb_path)


def _torch(kind: str, z: np.ndarray, dy: np.ndarray):
    fn = {"hswish": torch.nn.functional.hardswish, "hsigmoid": torch.nn.functional.hardsigmoid}[kind]
    t = torch.from_numpy(z.copy()).requires_grad_(True)
    y = fn(t)
    y.backward(torch.from_numpy(dy))
    return y.detach().numpy(), t.grad.numpy()


@pytest.mark.parametrize("kind", KINDS)
def test_emitted_hard_function_matches_torch_on_its_kinks(kind, cache_dir):
    z = _points()
    dy = np.linspace(0.5, 1.5, z.size).astype(np.float32)      # distinct, nonzero cotangents
    y, dz = _compiled(kind, z.size, cache_dir).call("f", z, dy)
    ty, tdz = _torch(kind, z, dy)
    # forward: the same float32 operations as ATen's (x * clamp(x + 3, 0, 6) / 6), so equal
    # up to one rounding (the compiler may turn the division by 6 into a multiply): 2 ulps
    np.testing.assert_allclose(y, ty, rtol=2.4e-7, atol=1e-30)
    # VJP: the derivative's branches differ by O(1) at the kinks (hswish: 0 | -1/2 at -3,
    # 3/2 | 1 at 3; hsigmoid: 0 | 1/6), so agreement to 2 ulps means the same branch everywhere
    # (PyTorch 2.13 takes 0 at -3 and 1 at 3 for hswish, 0 at both for hsigmoid)
    np.testing.assert_allclose(dz, tdz, rtol=2.4e-7, atol=1e-30)


@pytest.mark.parametrize("kind", KINDS)
def test_reference_takes_torchs_derivative_at_the_kinks(kind):
    import jax

    from netspec.kinds.conv_bn import jax_act
    from netspec.reference import x64
    z = _points().astype(np.float64)
    dy = np.linspace(0.5, 1.5, z.size)
    with x64():
        y, vjp = jax.vjp(lambda x: jax_act(x, kind), z)
        (dz,) = vjp(dy)
    ty, tdz = _torch(kind, z, dy)       # float64 tensors: ATen's formulas in float64
    np.testing.assert_allclose(np.asarray(y), ty, rtol=1e-15, atol=1e-300)
    # ATen's double hardsigmoid_backward multiplies by a float32-rounded 1/6 (0.16666667163...):
    # a relative 3e-8 off the exact slope the reference uses; hswish's agrees to rounding
    np.testing.assert_allclose(np.asarray(dz), tdz, rtol=1e-7 if kind == "hsigmoid" else 1e-15,
                               atol=1e-300)
    # and the kinks themselves, spelled out (PyTorch's hardswish_backward / hardsigmoid_backward:
    # the open interval (-3, 3) is the sloped piece)
    at = {float(v): float(d / g) for v, d, g in zip(z, np.asarray(dz), dy)}
    if kind == "hswish":
        assert (at[-3.0], at[3.0], at[-3.5], at[3.5], at[0.0]) == (0.0, 1.0, 0.0, 1.0, 0.5)
    else:
        assert (at[-3.0], at[3.0], at[0.0]) == (0.0, 0.0, 1.0 / 6.0)


# --------------------------------------------------------------------------- tests of the tests
_RIGHT_ACT_VJP = act_ops.act_vjp


def _wrong_hswish_vjp(b, saved, dy):
    """hswish's derivative without the constant 1/2 of the middle piece (z/3 instead of
    z/3 + 1/2 on (-3, 3))."""
    if saved.kind != "hswish":
        return _RIGHT_ACT_VJP(b, saved, dy)
    z, dt = saved.z, dy.dtype
    mid = b.div(z, b.const(3.0, dt), hint="z_3_wrong")
    deriv = b.select(b.compare("LT", z, b.const(3.0, dt), hint="lt3"), mid,
                     b.full(1.0, dy.shape, dt, hint="ones"), hint="dhswish_hi")
    deriv = b.select(b.compare("LE", z, b.const(-3.0, dt), hint="le_m3"),
                     b.full(0.0, dy.shape, dt, hint="zeros"), deriv, hint="dhswish")
    return b.mul(dy, deriv, hint="d_hswish_wrong")


def _wrong_hsigmoid_vjp(b, saved, dy):
    """The SE gate's hsigmoid backward as the identity mask without the 1/6 slope."""
    if saved.kind != "hsigmoid":
        return _RIGHT_ACT_VJP(b, saved, dy)
    z, dt = saved.z, dy.dtype
    on = b.and_(b.compare("GT", z, b.const(-3.0, dt), hint="gt_m3"),
                b.compare("LT", z, b.const(3.0, dt), hint="lt3"), hint="hsigmoid_on")
    return b.select(on, dy, b.full(0.0, dy.shape, dt, hint="zeros"), hint="d_hsigmoid_wrong")


@pytest.mark.parametrize("target,replacement,case_id", [
    ("codegen.kinds.conv_bn.act_vjp", _wrong_hswish_vjp, "conv_hswish_k3"),
    ("codegen.kinds.se.act_vjp", _wrong_hsigmoid_vjp, "bneck_relu_se_noexpand_res"),
    ("codegen.kinds.dense.act_vjp", _wrong_hswish_vjp, "head_dense_hswish_dropout"),
])
def test_wrong_hard_vjp_is_caught(target, replacement, case_id, monkeypatch, cache_dir):
    """As f64 modules (bound 1e-6): these rows are kinked, and the f32 bound of kinked nets
    (1e-1) would hide a wrong slope on a small piece; every failure must still be gross."""
    case = CASE_BY_ID[case_id]
    monkeypatch.setattr(target, replacement)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f64", cache_dir=cache_dir)
    report = check_grads(case.spec, module, random_inputs(case.spec, case.batch, seed=1, dtype=np.float64),
                         dtype="f64")
    assert not report.ok, "a deliberately wrong VJP passed the gradient check:\n" + report_table(report)
    assert min(r.err for r in report.failures()) > 1e-2   # gross, not rounding
