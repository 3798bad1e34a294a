"""The dense 1x1 weight gradient in pieces (issue 17, ``codegen.ops.conv``'s "pieces" form):
one batch matmul over pieces of whole rows of each sample, then the sum over the pieces.

Under the rule every batch > 1 case-table row with a 1x1 convolution already emits it (one
piece per sample on their tiny images), so tests/test_grads.py (f32, f64, finite
differences), tests/test_golden.py and tests/test_xla.py check it there.  Here: the rule, and
the split of a sample into several row pieces (B0's early layers at 224; forced on tiny
images by lowering ``DW_PIECE_PIXELS``) compiled and checked against the float64 reference,
with a planted wrong piece that must be caught.
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from codegen import emit
from codegen.cases import CASE_BY_ID
from codegen.layout import NCHW, NHWC
from codegen.ops import conv as conv_ops
from codegen.ops.conv import ConvGeom, dense_1x1_dw_form, pointwise_dw_pieces
from runtime.verify import check_grads, compile_grads_module, random_inputs

from .conftest import report_table

POINTWISE = ConvGeom(k=1, stride=1, pad_h=(0, 0), pad_w=(0, 0), groups=1)


def test_the_rule_and_a_forced_form():
    assert dense_1x1_dw_form(POINTWISE, (8, 112, 112, 16)) == "pieces"
    assert dense_1x1_dw_form(POINTWISE, (1, 112, 112, 16)) == "conv"      # nothing to split
    k3 = ConvGeom(k=3, stride=1, pad_h=(1, 1), pad_w=(1, 1), groups=1)
    assert dense_1x1_dw_form(k3, (8, 112, 112, 16)) == "conv"
    s2 = ConvGeom(k=1, stride=2, pad_h=(0, 0), pad_w=(0, 0), groups=1)
    assert dense_1x1_dw_form(s2, (8, 112, 112, 16)) == "conv"
    assert dense_1x1_dw_form(POINTWISE, (8, 7, 7, 16), form="conv") == "conv"
    with pytest.raises(ValueError, match="one of"):
        dense_1x1_dw_form(POINTWISE, (8, 7, 7, 16), form="rows")


def test_pieces_per_sample():
    assert conv_ops.DW_PIECE_PIXELS == 1568
    assert pointwise_dw_pieces(NHWC, (8, 112, 112, 16)) == 8     # 14 rows, 1,568 pixels a piece
    assert pointwise_dw_pieces(NHWC, (8, 56, 56, 24)) == 2       # 28 rows, 1,568 pixels
    assert pointwise_dw_pieces(NHWC, (8, 28, 28, 40)) == 1       # 784 < 1,568: the whole sample
    assert pointwise_dw_pieces(NHWC, (8, 7, 7, 320)) == 1
    assert pointwise_dw_pieces(NCHW, (8, 16, 112, 112)) == 1     # NCHW: whole samples only


def test_the_rule_emits_pieces_in_a_network():
    case = CASE_BY_ID["mbconv_e6_k3_res_r2"]
    rule = emit(case.spec, batch=case.batch, functions=("grads",)).text
    assert re.search(r"%\S*d_w_pieces\S* = stablehlo\.dot_general", rule)


def _tiny_row_in_pieces(monkeypatch, pixels: int):
    """The mbConv residual row (1x1 stem, expand and project convolutions) with pieces of
    ``pixels``: several row pieces per sample on its small image."""
    monkeypatch.setattr(conv_ops, "DW_PIECE_PIXELS", pixels)
    return CASE_BY_ID["mbconv_e6_k3_res_r2"]


@pytest.mark.parametrize("dtype", ["f32", "f64"])
def test_row_pieces_match_the_reference(dtype, monkeypatch, cache_dir):
    case = _tiny_row_in_pieces(monkeypatch, 2)
    text = emit(case.spec, batch=case.batch, functions=("grads",)).text
    H = case.spec.image_h
    pieces = [int(m) for m in re.findall(r"d_w_pieces\S* = stablehlo\.dot_general .* -> tensor<(\d+)x", text)]
    assert pieces and max(pieces) > case.batch, "no sample was split into row pieces"
    assert max(pieces) <= case.batch * H
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype=dtype, cache_dir=cache_dir)
    inputs = random_inputs(case.spec, case.batch, seed=3, dtype=np.float64 if dtype == "f64" else np.float32)
    report = check_grads(case.spec, module, inputs, dtype=dtype)
    assert report.ok, report_table(report)


_RIGHT_PIECES = conv_ops._pointwise_dw_pieces


def _wrong_pieces(b, L, x, dy, acc, hint):
    """The pieces form pairing each input piece with the NEXT piece's cotangent (rows rolled
    by one piece): every shape checks, only the pairing is wrong."""
    S = conv_ops.pointwise_dw_pieces(L, x.shape)
    P = x.shape[0] * S
    if P > 1:
        rows = dy.shape[1] // S if S > 1 else dy.shape[1]
        flat = b.reshape(dy, (P, rows, *dy.shape[2:]), hint="dy_p")
        head = b.slice(flat, [1, 0, 0, 0], list(flat.shape), hint="dy_tail")
        tail = b.slice(flat, [0, 0, 0, 0], [1, *flat.shape[1:]], hint="dy_head")
        dy = b.reshape(b.concatenate([head, tail], 0, hint="dy_roll"), dy.shape, hint="dy_rolled")
    return _RIGHT_PIECES(b, L, x, dy, acc, hint)


def test_wrong_pieces_are_caught(monkeypatch, cache_dir):
    case = _tiny_row_in_pieces(monkeypatch, 2)
    monkeypatch.setattr(conv_ops, "_pointwise_dw_pieces", _wrong_pieces)
    module, _ = compile_grads_module(case.spec, batch=case.batch, dtype="f32", cache_dir=cache_dir)
    report = check_grads(case.spec, module, random_inputs(case.spec, case.batch, seed=3))
    assert not report.ok, "a deliberately wrong piece pairing passed the gradient check:\n" + report_table(report)
    assert min(r.err for r in report.failures()) > 1e-2
