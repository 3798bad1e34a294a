"""runtime.engines.iree (targets, diagnostics, cache, chips, run): target table, verification,
cached compile, running."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from importlib import metadata

import numpy as np
import pytest

from netspec.errors import NetspecError
from runtime.engines.iree import (CompileError, MLIRVerifyError, TargetError, chips, compile_mlir,
                                  iree_version, target_flags, targets, verify_mlir)
from runtime.engines.iree import cache as iree_cache
from runtime.engines.iree.run import DriverError, RunError, load_module

TINY = """\
func.func @predict(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>, %b: tensor<3xf32>) -> tensor<4x3xf32> {
  %dense_0_mm = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  %dense_0_bias = stablehlo.broadcast_in_dim %b, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
  %dense_0_out = stablehlo.add %dense_0_mm, %dense_0_bias : tensor<4x3xf32>
  return %dense_0_out : tensor<4x3xf32>
}

func.func @twice(%x: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xf32>) {
  %twice_sum = stablehlo.add %x, %x : tensor<4x3xf32>
  return %twice_sum, %x : tensor<4x3xf32>, tensor<4x3xf32>
}
"""

# Line 7 (inside @train_step) declares a result type that does not match the operands.
BROKEN = """\
func.func @predict(%x: tensor<4xf32>) -> tensor<4xf32> {
  %head_act = stablehlo.exponential %x : tensor<4xf32>
  return %head_act : tensor<4xf32>
}

func.func @train_step(%p: tensor<4x8xf32>, %g: tensor<8x3xf32>) -> tensor<4x4xf32> {
  %blocks_5_2_se_reduce_mm = stablehlo.dot_general %p, %g, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x4xf32>
  return %blocks_5_2_se_reduce_mm : tensor<4x4xf32>
}
"""


def _inputs(seed=0):
    r = np.random.default_rng(seed)
    return (r.standard_normal((4, 8)).astype(np.float32),
            r.standard_normal((8, 3)).astype(np.float32),
            r.standard_normal(3).astype(np.float32))


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


# --------------------------------------------------------------------------- targets

def test_iree_version_matches_package():
    assert iree_version() == metadata.version("iree-base-compiler")


def test_target_flags_known_chips():
    assert target_flags("rocm", "gfx1100") == ["--iree-hal-target-device=hip",
                                               "--iree-rocm-target=gfx1100"]
    assert target_flags("cuda", "sm_80") == ["--iree-hal-target-device=cuda",
                                             "--iree-cuda-target=sm_80"]
    assert target_flags("cpu") == ["--iree-hal-target-device=local",
                                   "--iree-hal-local-target-device-backends=llvm-cpu",
                                   "--iree-llvmcpu-target-cpu=host",
                                   "--iree-dispatch-creation-enable-fuse-padding-into-linalg-consumer-ops"]
    assert target_flags("vulkan", "rdna3")[-1] == "--iree-vulkan-target=rdna3"
    assert target_flags("hip") == target_flags("rocm", "gfx1100")  # alias + default chip
    for name, spec in targets.BACKENDS.items():
        assert spec.driver in {"local-task", "local-sync", "cuda", "hip", "vulkan"}
        target_flags(name, spec.default_chip)


def test_tuning_flag_is_not_given_to_bf16_modules():
    """The CPU's pad-fusion flag makes IREE 3.13 fail on bf16 depthwise convolutions: a
    module holding bf16 gets the target flags without it, an f32 module with it."""
    cpu = targets.BACKENDS["cpu"]
    fuse = "--iree-dispatch-creation-enable-fuse-padding-into-linalg-consumer-ops"
    assert fuse in cpu.flags("host", "func.func @f(%a: tensor<2xf32>) -> tensor<2xf32>")
    assert fuse not in cpu.flags("host", "func.func @f(%a: tensor<2xbf16>) -> tensor<2xbf16>")
    assert cpu.flags("host")[:3] == target_flags("cpu")[:3]


def test_a_tuning_flag_iree_fails_with_is_dropped_not_fatal(monkeypatch, tmp_path):
    """A tuning flag is a measured speed-up: when iree-compile fails with it (IREE 3.13 and the
    pad-fusion flag on JAX's batch_group_count weight gradients, bench W1 jax-iree-nchw), the
    module is built without it, and the next compile goes straight to that build."""
    import dataclasses
    cpu = targets.BACKENDS["cpu"]
    bad = "--iree-netspec-test-no-such-flag"
    monkeypatch.setitem(targets.BACKENDS, "cpu",
                        dataclasses.replace(cpu, tuning_flags=(*cpu.tuning_flags, targets.TuningFlag(bad))))
    res = compile_mlir(TINY, "cpu", cache_dir=tmp_path)
    assert res.tuning_dropped == (*[t.flag for t in cpu.tuning_flags], bad)
    assert bad not in res.flags and bad not in res.command and res.vmfb_path.is_file()
    assert not res.cache_hit
    failures = list(tmp_path.glob("failed-*"))
    assert len(failures) == 1 and bad in (failures[0] / "command.txt").read_text()
    iree_cache.clear_memo()
    again = compile_mlir(TINY, "cpu", cache_dir=tmp_path)
    assert again.cache_hit and again.tuning_dropped == res.tuning_dropped
    assert again.vmfb_path == res.vmfb_path
    # a text iree-compile rejects whatever the flags reports its own error, from the plain build
    with pytest.raises(CompileError) as ei:
        compile_mlir(BROKEN, "cpu", cache_dir=tmp_path, verify=False)
    assert bad not in str(ei.value)


def test_unknown_backend_is_target_error():
    with pytest.raises(TargetError) as ei:
        target_flags("tpu")
    msg = str(ei.value)
    assert "unknown backend 'tpu'" in msg and "cpu" in msg and "hint:" in msg
    assert isinstance(ei.value, NetspecError)


@pytest.mark.parametrize("chip", ["sm_90", "h100", "hopper"])
def test_cuda_hopper_suggests_sm80(chip):
    with pytest.raises(TargetError) as ei:
        target_flags("cuda", chip)
    msg = str(ei.value)
    assert f"cuda chip '{chip}' cannot be targeted by the installed IREE {iree_version()}" in msg
    assert "--chip sm_80" in msg and "Hopper" in msg


def test_unsupported_chip_lists_accepted_and_other_backend():
    with pytest.raises(TargetError) as ei:
        target_flags("rocm", "gfx1030")
    msg = str(ei.value)
    assert "gfx1100" in msg and "--backend vulkan" in msg
    with pytest.raises(TargetError):
        target_flags("cpu", "not a cpu")


def test_table_agrees_with_installed_compiler():
    # A couple of live probes: what the table accepts compiles, what it refuses does not.
    got = chips.probe_chips("cuda", ["sm_80", "sm_90"])
    assert got == {"sm_80": True, "sm_90": False}
    got = chips.probe_chips("rocm", ["gfx1100", "gfx1030"])
    assert got == {"gfx1100": True, "gfx1030": False}
    assert ("sm_80" in targets.BACKENDS["cuda"].chips
            and "sm_90" not in targets.BACKENDS["cuda"].chips)
    assert "gfx1030" not in targets.BACKENDS["rocm"].chips


# --------------------------------------------------------------------------- verify

def test_verify_accepts_valid_module():
    verify_mlir(TINY)


def test_verify_error_names_line_function_and_value():
    with pytest.raises(MLIRVerifyError) as ei:
        verify_mlir(BROKEN, source_hint="broken.mlir")
    e = ei.value
    assert e.line == 7
    assert e.func_name == "train_step"
    assert e.ssa_name == "%blocks_5_2_se_reduce_mm"
    assert "stablehlo.dot_general" in e.line_text
    msg = str(e)
    assert "broken.mlir" in msg and "line 7" in msg and "@train_step" in msg
    assert "%blocks_5_2_se_reduce_mm" in msg and "incompatible" in msg
    assert isinstance(e, NetspecError)


def test_verify_undeclared_operand_points_at_it():
    text = TINY.replace("stablehlo.add %dense_0_mm, %dense_0_bias",
                        "stablehlo.add %dense_0_mm, %dense_0_bais")
    with pytest.raises(MLIRVerifyError) as ei:
        verify_mlir(text)
    e = ei.value
    assert e.line == 4 and e.func_name == "predict"
    assert e.ssa_name == "%dense_0_out" and e.location.token == "%dense_0_bais"


def test_compile_verifies_first(cache):
    with pytest.raises(MLIRVerifyError):
        compile_mlir(BROKEN, cache_dir=cache)
    assert not list(cache.glob("*"))   # nothing was compiled or left behind


def test_verify_one_megabyte_module_is_fast():
    body, i = [], 0
    while sum(map(len, body)) < 1_000_000:
        lines = [f"func.func @f_{i}(%x: tensor<8x64xf32>, %w: tensor<64x64xf32>) -> tensor<8x64xf32> {{"]
        prev = "%x"
        for j in range(40):
            v = f"%blocks_{i}_{j}_se_reduce"
            lines.append(f"  {v}_mm = stablehlo.dot_general {prev}, %w, contracting_dims = [1] x [0] "
                         f": (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>")
            lines.append(f"  {v}_out = stablehlo.tanh {v}_mm : tensor<8x64xf32>")
            prev = f"{v}_out"
        lines += [f"  return {prev} : tensor<8x64xf32>", "}", ""]
        body.append("\n".join(lines))
        i += 1
    text = "".join(body)
    t = time.perf_counter()
    verify_mlir(text)
    assert time.perf_counter() - t < 5.0  # ~0.05 s measured; generous for loaded CI
    bad = text.replace("%blocks_3_17_se_reduce_out = stablehlo.tanh %blocks_3_17_se_reduce_mm : tensor<8x64xf32>",
                       "%blocks_3_17_se_reduce_out = stablehlo.tanh %blocks_3_17_se_reduce_mm : tensor<8x65xf32>")
    assert bad != text
    with pytest.raises(MLIRVerifyError) as ei:
        verify_mlir(bad)
    assert ei.value.func_name == "f_3" and ei.value.ssa_name == "%blocks_3_17_se_reduce_out"


# --------------------------------------------------------------------------- compile + cache

def test_compile_cpu_run_matches_numpy(cache):
    res = compile_mlir(TINY, backend="cpu", cache_dir=cache)
    assert not res.cache_hit and res.vmfb_path.is_file()
    assert res.backend == "cpu" and res.chip == "host" and res.driver == "local-task"
    assert "iree-compile" in res.command and "--iree-input-type=stablehlo" in res.command
    x, w, b = _inputs()
    mod = load_module(res.vmfb_path, driver=res.driver)
    out = mod.call("predict", x, w, b)
    assert isinstance(out, tuple) and len(out) == 1 and isinstance(out[0], np.ndarray)
    np.testing.assert_allclose(out[0], x @ w + b, rtol=1e-5, atol=1e-5)
    # multi-result function, and resident device arrays chained between calls
    (y_dev,) = mod.call_device("predict", mod.to_device(x), w, b)
    s_dev, same = mod.call_device("twice", y_dev)
    assert s_dev.shape == [4, 3] or tuple(s_dev.shape) == (4, 3)
    np.testing.assert_allclose(mod.to_host(s_dev), 2 * (x @ w + b), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(mod.to_host(same), x @ w + b, rtol=1e-5, atol=1e-5)
    assert set(mod.functions) == {"predict", "twice"}


def test_second_compile_is_cache_hit(cache):
    first = compile_mlir(TINY, cache_dir=cache)
    second = compile_mlir(TINY, cache_dir=cache)
    assert not first.cache_hit and second.cache_hit
    assert second.vmfb_path == first.vmfb_path
    assert second.seconds < 0.1 * first.seconds
    # the on-disk cache alone (new process == empty memo) is also a hit
    iree_cache.clear_memo()
    third = compile_mlir(TINY, cache_dir=cache)
    assert third.cache_hit and third.seconds < 0.1 * first.seconds
    # other flags / chip -> other entry
    other = compile_mlir(TINY, cache_dir=cache, extra_flags=["--iree-opt-level=O2"])
    assert not other.cache_hit and other.key != first.key


def test_cache_entry_contents_and_command_is_runnable(cache, tmp_path):
    res = compile_mlir(TINY, cache_dir=cache)
    entry = res.entry_dir
    meta = json.loads((entry / "meta.json").read_text())
    assert meta["key"] == res.key and meta["iree_compiler"] == iree_version()
    assert meta["vmfb_sha256"] == iree_cache.sha256_file(res.vmfb_path)
    assert (entry / "module.mlir").read_text() == TINY
    assert res.command.startswith(f"cd {shlex.quote(str(entry))} && ")
    # re-run the recorded command on a copy of the entry
    copy = tmp_path / "copy"
    shutil.copytree(entry, copy)
    (copy / "module.vmfb").unlink()
    cmd = res.command.split(" && ", 1)[1]
    proc = subprocess.run(cmd, shell=True, cwd=copy, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (copy / "module.vmfb").stat().st_size > 0


def test_default_cache_dir_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("NETSPEC_CACHE_DIR", str(tmp_path / "envcache"))
    assert iree_cache.cache_root() == tmp_path / "envcache"
    monkeypatch.delenv("NETSPEC_CACHE_DIR")
    assert iree_cache.cache_root() == iree_cache.Path("~/.cache/netspec").expanduser()


def test_truncated_vmfb_is_detected_and_rebuilt(cache):
    first = compile_mlir(TINY, cache_dir=cache)
    data = first.vmfb_path.read_bytes()
    with open(first.vmfb_path, "r+b") as f:
        f.truncate(len(data) // 2)
    again = compile_mlir(TINY, cache_dir=cache)   # memo notices the file changed
    assert not again.cache_hit
    assert iree_cache._entry_valid(again.entry_dir, again.key)
    assert again.vmfb_path.stat().st_size == len(data)
    x, w, b = _inputs(1)
    (y,) = load_module(again.vmfb_path).call("predict", x, w, b)
    np.testing.assert_allclose(y, x @ w + b, rtol=1e-5, atol=1e-5)
    assert compile_mlir(TINY, cache_dir=cache).cache_hit


def test_half_written_entry_is_rebuilt(cache):
    first = compile_mlir(TINY, cache_dir=cache)
    (first.entry_dir / "meta.json").unlink()      # as if the writer died before meta.json
    iree_cache.clear_memo()
    again = compile_mlir(TINY, cache_dir=cache)
    assert not again.cache_hit and iree_cache._entry_valid(again.entry_dir, again.key)
    (again.entry_dir / "meta.json").write_text("{not json")
    iree_cache.clear_memo()
    assert not compile_mlir(TINY, cache_dir=cache).cache_hit


def test_publish_race_uses_existing_valid_entry(cache):
    res = compile_mlir(TINY, cache_dir=cache)
    loser = cache / ".tmp-loser"
    shutil.copytree(res.entry_dir, loser)
    (loser / "module.vmfb").write_bytes(b"different")
    iree_cache._publish(loser, res.entry_dir, res.key)       # entry exists and is valid
    assert not loser.exists()
    assert iree_cache._entry_valid(res.entry_dir, res.key)


def test_concurrent_compiles_of_same_module(cache):
    code = ("import sys; from runtime.engines.iree import compile_mlir; "
            "r = compile_mlir(sys.stdin.read(), cache_dir=sys.argv[1]); print(r.vmfb_path)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(iree_cache.Path(iree_cache.__file__).resolve().parents[3]),
         os.environ.get("PYTHONPATH", "")]))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(cache)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(3)]
    outs = [p.communicate(TINY) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    paths = {o[0].strip() for o in outs}
    assert len(paths) == 1
    res = compile_mlir(TINY, cache_dir=cache)
    assert res.cache_hit and str(res.vmfb_path) in paths
    assert [p.name for p in cache.iterdir()] == [res.key]   # no temp dirs left


def test_compile_error_is_trimmed_and_located(cache):
    text = """\
func.func @predict(%x: tensor<4xf32>) -> tensor<4xf32> {
  %head_0_act = stablehlo.exponential %x : tensor<4xf32>
  %head_0_kernel = stablehlo.custom_call @my_unknown_kernel(%head_0_act) : (tensor<4xf32>) -> tensor<4xf32>
  return %head_0_kernel : tensor<4xf32>
}
"""
    verify_mlir(text)  # valid IR, but IREE cannot lower the custom call
    with pytest.raises(CompileError) as ei:
        compile_mlir(text, cache_dir=cache, source_hint="kernel.mlir")
    e = ei.value
    assert e.line == 3 and e.func_name == "predict" and e.ssa_name == "%head_0_kernel"
    msg = str(e)
    assert "custom_call" in msg and "kernel.mlir" in msg and "command:" in msg
    assert len(msg.splitlines()) < 40
    assert isinstance(e, NetspecError)


@pytest.mark.parametrize("backend,chip", [("rocm", "gfx1100"), ("cuda", "sm_80")])
def test_cross_compile_gpu_targets(cache, backend, chip):
    res = compile_mlir(TINY, backend=backend, chip=chip, cache_dir=cache)
    assert res.vmfb_path.stat().st_size > 0 and not res.cache_hit
    assert f"={chip}" in res.command
    assert res.driver == targets.BACKENDS[backend].driver


def test_cuda_sm90_compile_refused_before_running_compiler(cache):
    with pytest.raises(TargetError, match="sm_80"):
        compile_mlir(TINY, backend="cuda", chip="sm_90", cache_dir=cache)
    assert not cache.exists() or not any(cache.iterdir())


# --------------------------------------------------------------------------- runtime errors

def test_unknown_driver_is_driver_error(cache):
    res = compile_mlir(TINY, cache_dir=cache)
    with pytest.raises(DriverError) as ei:
        load_module(res.vmfb_path, driver="metal")
    assert "local-task" in str(ei.value)


def test_gpu_module_on_cpu_driver_explains(cache):
    res = compile_mlir(TINY, backend="cuda", chip="sm_80", cache_dir=cache)
    with pytest.raises(RunError) as ei:
        load_module(res.vmfb_path, driver="local-task")
    msg = str(ei.value)
    assert "'cuda'" in msg and "hint:" in msg and len(msg) < 600


def test_bad_call_names_function_and_shapes(cache):
    mod = load_module(compile_mlir(TINY, cache_dir=cache).vmfb_path)
    x, w, b = _inputs()
    with pytest.raises(RunError, match="predict.*float32\\[3, 8\\].*mismatch"):
        mod.call("predict", x[:3], w, b)
    with pytest.raises(RunError, match="no function 'nope'.*predict"):
        mod.call("nope", x)
