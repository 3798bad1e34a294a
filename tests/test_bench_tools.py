"""The measuring tools of issue 17 that are not the bench itself: ``bench/roofline.py``'s floor
arithmetic and ``bench/forms.py``'s recording of one emitter's calls (what the per-form
microbenchmarks time)."""

from __future__ import annotations

import pytest

from bench.forms import conv_dw_module, record_calls
from bench.roofline import analyse


def _profile(rows):
    return {"profile": {"dispatch_rows": rows}}


def test_roofline_floors_per_dispatch_and_kind():
    rows = [
        # compute-bound: 3.64 GFLOP at 364 GFLOP/s = 10 ms; 48.5 MB at 48.5 GB/s = 1 ms
        {"kind": "1x1 conv fwd", "count_per_step": 2, "ms_per_step": 30.0, "ms_per_step_malloc": 25.0,
         "flops_per_call": 1.82e9, "bytes_per_call": 24.25e6},
        # memory-bound: 485 MB = 10 ms at the cache rate, 41.1 ms at 11.8 GB/s
        {"kind": "elementwise bwd", "count_per_step": 1, "ms_per_step": 20.0,
         "flops_per_call": None, "bytes_per_call": 485e6},
    ]
    res = analyse(_profile(rows), peak=364.0, bw=48.5, bw_dram=11.8)
    conv, elt = res["kinds"]["1x1 conv fwd"], res["kinds"]["elementwise bwd"]
    assert conv["ms"] == 25.0                     # the malloc-env time when profiled with it
    assert conv["compute_ms"] == pytest.approx(10.0) and conv["memory_ms"] == pytest.approx(1.0)
    assert conv["floor_ms"] == pytest.approx(10.0) and conv["dram_floor_ms"] == pytest.approx(10.0)
    assert elt["ms"] == 20.0 and elt["compute_ms"] == 0.0
    assert elt["floor_ms"] == pytest.approx(10.0)
    assert elt["dram_floor_ms"] == pytest.approx(485e6 / 11.8e9 * 1e3)
    assert res["total"]["floor_ms"] == pytest.approx(20.0)
    assert res["total"]["gflop"] == pytest.approx(3.64)
    assert list(res["kinds"]) == ["1x1 conv fwd", "elementwise bwd"]      # by measured time


def test_forms_record_the_pointwise_weight_gradients_of_b0():
    pointwise = lambda x, dy, g: g.groups == 1 and g.k == 1 and g.stride == 1   # noqa: E731
    calls = record_calls("examples/effnet_b0.py", 64, 2, "conv_dw", pointwise)
    shapes = [(x.shape, dy.shape, g) for x, dy, g in calls]
    assert len(shapes) == 32     # 16 projects, 15 expands (blocks.1.0 has none), the head conv
    assert all(xs[0] == ds[0] == 2 for xs, ds, _ in shapes)
    text = conv_dw_module("wg", shapes, dense_form="pieces")
    assert text.count("d_w_pieces = stablehlo.dot_general") == 32
    assert "stablehlo.convolution" not in text
    conv = conv_dw_module("wg", shapes, dense_form="conv")
    assert conv.count("stablehlo.convolution") == 32 and "dot_general" not in conv


def test_forward_error_cut_returns_the_value_the_function_computes(cache_dir):
    """bench/forward_error.py's cut: @grads up to one value, returning it.  Cut at the loss, the
    module computes the loss @grads returns (same text up to there, same inputs, IREE)."""
    import numpy as np

    from bench.forward_error import cut
    from bench.grad_accuracy import seeded_inputs
    from codegen import emit
    from codegen.cases import CASE_BY_ID
    from runtime.engines import get_engine
    case = CASE_BY_ID["se_mid4"]
    text = emit(case.spec, batch=case.batch, functions=("grads",)).text
    with pytest.raises(ValueError, match="no top-level value %nope"):
        cut(text, "nope")
    with pytest.raises(ValueError, match="no top-level value %part"):
        cut(text, "part")                   # defined inside a reduce region, not at the top level
    probe, names = cut(text, "loss.loss")
    assert names == ["params", "bn", "images", "labels", "hyper"]
    assert "func.func @probe(" in probe and "return %loss.loss : tensor<f32>" in probe
    assert "d_logits" not in probe and "@grads" not in probe
    inputs, hyper = seeded_inputs(case.spec, case.batch, 0)
    values = dict(inputs, hyper=hyper)
    eng = get_engine("iree")
    full = eng.load(eng.compile(text, backend="cpu", cache_dir=cache_dir).vmfb_path, backend="cpu")
    part = eng.load(eng.compile(probe, backend="cpu", cache_dir=cache_dir).vmfb_path, backend="cpu")
    loss = full.call_host("grads", [values[n] for n in names])[0]
    assert float(part.call_host("probe", [values[n] for n in names])[0]) == pytest.approx(float(loss), rel=1e-6)
