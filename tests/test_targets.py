"""The real-size train steps (batch 8, 224x224, Adam) of EfficientNet-B0 and MobileNetV2
compile for every GPU target netspec supports, cross-compiled here without a GPU
(compile only; running them needs the device)."""

from __future__ import annotations

import pytest

from codegen import emit_module
from netspec.loader import load_spec_file
from runtime.engines.iree import compile_mlir


@pytest.mark.slow
@pytest.mark.parametrize("backend,chip", [("rocm", "gfx1100"), ("cuda", "sm_80")])
@pytest.mark.parametrize("example", ["examples/effnet_b0.py", "examples/mobilenet_v2.py"])
def test_train_step_cross_compiles(example, backend, chip, cache_dir):
    spec, config, _ = load_spec_file(example)
    text = emit_module(spec, batch=8, functions=("train_step",), optimizer=config.optimizer)
    result = compile_mlir(text, backend=backend, chip=chip, cache_dir=cache_dir, source_hint=spec.name)
    assert result.vmfb_path.stat().st_size > 100_000
    again = compile_mlir(text, backend=backend, chip=chip, cache_dir=cache_dir)
    assert again.cache_hit
