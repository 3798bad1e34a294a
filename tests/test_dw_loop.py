"""The depthwise weight gradient as a ``stablehlo.while`` loop (issue 17): the builder's
loop ops check their shapes, and the emitted size no longer grows with the batch.

The loop form's gradients are checked where every emitted piece is: the ``dw_loop_*`` rows
of the case table (codegen/cases.py) run through tests/test_grads.py (f32 and f64 against
the float64 reference, finite differences on the tiny ones, a planted off-by-one sample
that must be caught), tests/test_golden.py and the IREE/XLA differential of tests/test_xla.py.
"""

from __future__ import annotations

import re

import pytest

from codegen import emit
from codegen.cases import CASE_BY_ID
from codegen.ir import Builder, EmitError, TensorType
from codegen.ops.conv import DW_LOOP_CHUNK, DW_UNROLL_MAX_BATCH, depthwise_dw_chunk


def _fn(*types):
    b = Builder()
    return b, b.begin("f", [(f"a{i}", t) for i, t in enumerate(types)])


def test_dynamic_slice_checks_its_operands():
    b, (x, i, j) = _fn(TensorType((4, 3)), TensorType((), "i32"), TensorType((), "i64"))
    y = b.dynamic_slice(x, [i, i], [1, 3], hint="row")
    assert y.shape == (1, 3)
    assert b.fn.lines[-1].endswith(": (tensor<4x3xf32>, tensor<i32>, tensor<i32>) -> tensor<1x3xf32>")
    with pytest.raises(EmitError, match="sizes"):
        b.dynamic_slice(x, [i, i], [5, 3])
    with pytest.raises(EmitError, match="starts"):
        b.dynamic_slice(x, [i], [1, 3])
    with pytest.raises(EmitError, match="one type"):
        b.dynamic_slice(x, [i, j], [1, 3])
    with pytest.raises(EmitError, match="scalar"):
        b.dynamic_slice(x, [x, i], [1, 3])


def test_while_loop_checks_the_regions_and_keeps_constants_local():
    b, (x,) = _fn(TensorType((2,)))
    zero = b.const(0, "i32")
    with pytest.raises(EmitError, match="body gives"):
        b.while_loop([zero, x], lambda v: b.compare("LT", v[0], zero), lambda v: [v[0]], ["i", "s"])
    with pytest.raises(EmitError, match="cond must give"):
        b.while_loop([zero, x], lambda v: v[1], lambda v: v, ["i", "s"])

    def body(v):
        one = b.const(1, "i32")          # first made inside the region
        return [b.add(v[0], one), b.add(v[1], v[1])]

    i, s = b.while_loop([zero, x], lambda v: b.compare("LT", v[0], b.const(3, "i32")), body, ["i", "s"])
    assert (i.type, s.type) == (zero.type, x.type)
    one = b.const(1, "i32")              # after the loop: a new definition, not the region's
    defs = [l for l in b.fn.lines if re.match(r"^%\S+ = stablehlo.constant dense<1> : tensor<i32>$", l)]
    assert len(defs) == 1 and defs[0].startswith(one.name + " ")
    head = next(l for l in b.fn.lines if "stablehlo.while" in l)
    assert head.startswith(f"{i.name.split('#')[0]}:2 = stablehlo.while(")


def test_the_rule_and_a_forced_form():
    assert depthwise_dw_chunk(DW_UNROLL_MAX_BATCH) == 0
    assert depthwise_dw_chunk(DW_UNROLL_MAX_BATCH + 1) == DW_LOOP_CHUNK
    assert depthwise_dw_chunk(DW_UNROLL_MAX_BATCH + 1, chunk=0) == 0
    assert depthwise_dw_chunk(2, chunk=3) == 3
    with pytest.raises(ValueError):
        depthwise_dw_chunk(4, chunk=-1)


def _ops(text: str) -> dict[str, int]:
    ops: dict[str, int] = {}
    for op in re.findall(r"stablehlo\.(\w+)", text):
        ops[op] = ops.get(op, 0) + 1
    return ops


def test_emitted_ops_do_not_grow_with_the_batch():
    """Above the written-out range the module holds the same ops at any batch (only the
    shapes' digits differ); written out, the depthwise weight gradient grows by a
    convolution per sample and layer."""
    spec = CASE_BY_ID["mbconv_e6_k3_res_r2"].spec
    lo, hi = DW_UNROLL_MAX_BATCH + DW_LOOP_CHUNK, DW_UNROLL_MAX_BATCH + 5 * DW_LOOP_CHUNK
    small, big = (emit(spec, batch=n).text for n in (lo, hi))
    assert _ops(small) == _ops(big) and _ops(big)["while"] > 0
    assert len(big) < 1.05 * len(small)
    out_s, out_b = (emit(spec, batch=n, dw_chunk=0).text for n in (lo, hi))
    dw_layers = _ops(small)["while"]
    assert _ops(out_b)["convolution"] - _ops(out_s)["convolution"] == dw_layers * (hi - lo)
