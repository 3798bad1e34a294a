"""``netspec compile`` and the device/target faults around it (issue 6).

The build directory (mlir, vmfb, compile_command.txt, manifest.json) and its manifest; the
cache (hit on the second run, extra flags in the key, two processes at once); and every fault
a user can run into, each with exit status 2 (CLI) or a NetspecError (runtime) naming the
problem with a hint: unknown backend, a chip the installed IREE cannot target, a rejected
--iree-flag, a driver that cannot be opened, a vmfb for another target, a vmfb from another
IREE version, a truncated or foreign file, a module IREE rejects.

Related checks that live in tests/test_compile.py (not repeated here): the compile error of
a module IREE rejects names the function and SSA value (test_compile_error_is_trimmed_and_
located), cache corruption recovery, concurrent compile_mlir calls, a cuda vmfb on the CPU
driver, an unknown driver name.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import textwrap
import time
from importlib import metadata
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from netspec.state import HYPER, OPT_STATE
from codegen.abi import Emitted
from netspec.analysis import analyze, layout_dict, layout_hash, spec_hash
from netspec.cli import LAZY_COMMANDS, main
from netspec.loader import load_spec_file
import runtime.build as rbuild
from runtime.engines import iree
from runtime.engines.iree import cache as iree_cache
from runtime.engines.iree.run import DriverError, ModuleVersionError, RunError, load_module


TINY = """
from netspec import NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool, mbConv
spec = NetSpec("Tiny-Net", 8, 8, in_channels=2, layers=[
    convBn(2, 4, 3, 2, padding="valid", act="swish"),
    mbConv(4, 4, 2, 3, 1, 1, True),
    globalAvgPool(),
    dropout(0.2),
    dense(4, 3),
])
config = TrainConfig(batch_size=4, optimizer="adam")
"""
STEM = "tiny-net"
MATMUL = """\
func.func @mm(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %0 = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
"""
CHANGES_OUTPUT = "--iree-vm-bytecode-module-strip-source-map=true"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_user_error(result, *needles):
    """Exit 2, `error: ...` on stderr, no traceback, every needle in the message."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: "), result.stderr
    for n in needles:
        assert n in result.stderr, f"{n!r} not in:\n{result.stderr}"
    return result.stderr


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def snapshot(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spec") / "tiny.py"
    path.write_text(textwrap.dedent(TINY))
    return path


@pytest.fixture(scope="module")
def built(spec_file, cache_dir, tmp_path_factory):
    """One full build (predict, grads, train_step) of the tiny spec: (dir, result, seconds)."""
    out = tmp_path_factory.mktemp("build") / "tiny"
    t = time.perf_counter()
    r = invoke("compile", spec_file, "-o", out, "--cache-dir", cache_dir)
    seconds = time.perf_counter() - t
    assert r.exit_code == 0, (r.output, r.exception)
    return out, r, seconds


def manifest_of(d: Path) -> dict:
    return json.loads((d / "manifest.json").read_text())


# --------------------------------------------------------------------------- the command

def test_compile_is_registered():
    assert LAZY_COMMANDS["compile"] == "netspec.commands.compile"
    r = invoke("--help")
    assert r.exit_code == 0 and "compile" in r.output
    r = invoke("compile", "--help")
    assert r.exit_code == 0
    for opt in ("--backend", "--chip", "--iree-flag", "--cache-dir", "--function", "-o"):
        assert opt in r.output


def test_build_dir_files_and_summary(built):
    out, r, _ = built
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{STEM}.mlir", f"{STEM}.vmfb", "compile_command.txt", "manifest.json"])  # no staging left
    for needle in ("cpu (host)", "local-task", "predict, grads, train_step", "batch 4", "adam",
                   "MLIR", "vmfb", str(out)):
        assert needle in r.stdout, r.stdout
    assert re.search(r"compile\s+(compiled in [\d.]+ s|cache hit \(\d+ ms\))", r.stdout)


def test_manifest_content(built, spec_file):
    out, _, _ = built
    m = manifest_of(out)
    spec, config, _ = load_spec_file(spec_file)
    a = analyze(spec)
    assert m["spec_name"] == "Tiny-Net"
    assert m["spec_hash"] == spec_hash(spec) and m["layout_hash"] == layout_hash(a)
    assert m["parameter_layout"] == json.loads(json.dumps(layout_dict(a)))
    assert m["iree_compiler"] == metadata.version("iree-base-compiler") == iree.iree_version()
    assert m["iree_runtime"] == metadata.version("iree-base-runtime")
    from netspec import __version__
    assert m["netspec_version"] == __version__
    assert (m["backend"], m["chip"], m["driver"]) == ("cpu", "host", "local-task")
    assert m["flags"] == [*iree.INPUT_FLAGS, *iree.target_flags("cpu")]
    assert (m["batch"], m["image_size"], m["channels"], m["classes"]) == (4, [8, 8], 2, 3)
    assert m["optimizer"] == "adam" and m["optimizer_state"] == [n for n, _ in OPT_STATE["adam"]]
    assert m["layout"] == "NHWC" and m["hyper"] == list(HYPER)
    assert isinstance(m["cache_hit"], bool) and m["compile_seconds"] >= 0

    # files: the recorded sizes and hashes are those of the files written
    text = (out / f"{STEM}.mlir").read_text()
    assert m["mlir_sha256"] == sha256(out / f"{STEM}.mlir")
    assert m["mlir_bytes"] == len(text.encode())
    assert m["vmfb_sha256"] == sha256(out / f"{STEM}.vmfb")
    assert m["vmfb_bytes"] == (out / f"{STEM}.vmfb").stat().st_size
    # ... and the text is exactly what `netspec emit` writes for the same options
    emitted = invoke("emit", spec_file)
    assert emitted.exit_code == 0 and emitted.stdout == text

    # signatures: exactly the func.func lines of the text
    lines = re.findall(r"^\s*(func\.func @.*\)) \{$", text, re.M)
    assert [s["signature"] for s in m["functions"].values()] == lines
    assert list(m["functions"]) == ["predict", "grads", "train_step"]
    for name, sig in m["functions"].items():
        head = re.search(rf"func\.func @{name}\((.*?)\) -> \((.*)\) \{{", text)
        args = re.findall(r"%([\w.]+): (tensor<[^>]*>)", head.group(1))
        assert [(x["name"], x["type"]) for x in sig["args"]] == args
        assert [x["type"] for x in sig["results"]] == re.findall(r"tensor<[^>]*>", head.group(2))
    ts = m["functions"]["train_step"]
    P, S = a.n_params, a.n_bn_floats
    assert [x["name"] for x in ts["args"]] == ["params", "m", "v", "bn", "images", "labels",
                                               "rand", "hyper"]
    assert [x["name"] for x in ts["results"]] == ["params", "m", "v", "bn", "loss", "correct"]
    assert ts["args"][0]["shape"] == [P] and ts["args"][3]["shape"] == [S]
    assert ts["args"][4]["shape"] == [4, 8, 8, 2] and ts["args"][5]["dtype"] == "i32"
    assert [x["name"] for x in m["functions"]["predict"]["results"]] == ["logits"]


def test_vmfb_in_dir_loads_and_predict_runs(built):
    out, _, _ = built
    m = manifest_of(out)
    mod = load_module(out / m["files"]["vmfb"], driver=m["driver"])
    assert set(mod.functions) == {"predict", "grads", "train_step"}
    zeros = [np.zeros(x["shape"], np.int32 if x["dtype"] == "i32" else np.float32)
             for x in m["functions"]["predict"]["args"]]
    (logits,) = mod.call("predict", *zeros)
    assert logits.shape == (4, 3) and np.all(np.isfinite(logits))


def test_compile_command_reproduces_the_vmfb(built, tmp_path):
    out, _, _ = built
    m = manifest_of(out)
    lines = (out / "compile_command.txt").read_text().splitlines()
    assert lines[0].startswith("#") and lines[1] == m["compile_command"]
    cmd = lines[1]
    assert cmd.endswith(f" {STEM}.mlir -o {STEM}.vmfb") and str(iree.cache_root()) not in cmd
    for f in m["flags"]:
        assert f in cmd
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / f"{STEM}.vmfb").unlink()
    proc = subprocess.run(cmd, shell=True, cwd=copy, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sha256(copy / f"{STEM}.vmfb") == m["vmfb_sha256"]   # byte for byte


def test_second_compile_is_a_fast_cache_hit(built, spec_file, cache_dir, tmp_path):
    out, first, first_seconds = built
    t = time.perf_counter()
    r = invoke("compile", spec_file, "-o", tmp_path / "again", "--cache-dir", cache_dir)
    wall = time.perf_counter() - t
    assert r.exit_code == 0, r.output
    assert re.search(r"cache hit \(\d+ ms\)", r.stdout), r.stdout
    m = manifest_of(tmp_path / "again")
    assert m["cache_hit"] is True and m["compile_seconds"] < 0.5
    assert m["cold_compile_seconds"] > 5 * m["compile_seconds"]
    assert wall < 5.0          # emit + verify + lookup + copy of a tiny module
    assert m["vmfb_sha256"] == manifest_of(out)["vmfb_sha256"]
    assert m["cache_key"] == manifest_of(out)["cache_key"]


def test_default_output_dir(built, spec_file, cache_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("compile", spec_file, "--cache-dir", cache_dir)
    assert r.exit_code == 0, r.output
    assert (tmp_path / "build" / "tiny-net-cpu" / f"{STEM}.vmfb").is_file()
    r = invoke("compile", spec_file, "--cache-dir", cache_dir, "--chip", "host")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "build" / "tiny-net-cpu-host" / "manifest.json").is_file()


def test_build_function_api(spec_file, cache_dir, built):
    spec, config, _ = load_spec_file(spec_file)
    b = rbuild.build(spec, config, cache_dir=cache_dir)          # no out_dir: the cache's
    assert b.vmfb_path == b.result.vmfb_path and b.out_dir is None
    assert b.plan.batch == 4 and b.plan.optimizer == "adam"
    assert b.result.cache_hit and b.manifest["vmfb_sha256"] == manifest_of(built[0])["vmfb_sha256"]
    assert b.text == (built[0] / f"{STEM}.mlir").read_text()


# --------------------------------------------------------------------------- --iree-flag

def test_iree_flag_is_passed_through_and_keyed(spec_file, cache_dir, tmp_path):
    base = ("compile", spec_file, "--function", "predict", "--cache-dir", cache_dir)
    r0 = invoke(*base, "-o", tmp_path / "plain")
    r1 = invoke(*base, "-o", tmp_path / "flag", "--iree-flag", CHANGES_OUTPUT)
    assert r0.exit_code == 0 and r1.exit_code == 0, (r0.output, r1.output)
    m0, m1 = manifest_of(tmp_path / "plain"), manifest_of(tmp_path / "flag")
    assert m1["extra_flags"] == [CHANGES_OUTPUT] and m1["flags"][-1] == CHANGES_OUTPUT
    assert CHANGES_OUTPUT not in m0["flags"]
    assert CHANGES_OUTPUT in (tmp_path / "flag" / "compile_command.txt").read_text()
    assert m1["cache_key"] != m0["cache_key"]                  # another cache entry ...
    assert m1["vmfb_sha256"] != m0["vmfb_sha256"]              # ... and it changed the output
    assert "extra flags " + CHANGES_OUTPUT in r1.stdout
    # the flagged build is cached under its own key: a second run is a hit
    r2 = invoke(*base, "-o", tmp_path / "flag2", "--iree-flag", CHANGES_OUTPUT)
    assert r2.exit_code == 0 and manifest_of(tmp_path / "flag2")["cache_hit"] is True


@pytest.mark.parametrize("flag, needles", [
    ("--no-such-iree-flag", ["--iree-flag", "'--no-such-iree-flag'", "rejected",
                             "Unknown command line argument", "hint:"]),
    ("--iree-opt-level=O9", ["--iree-flag", "--iree-opt-level=O9", "rejected", "O9"]),
    ("O3", ["--iree-flag", "'O3'", "start with '-'"]),
    ("-o", ["--iree-flag", "output file", "-o DIR"]),
])
def test_bad_iree_flag_is_named_and_dir_untouched(built, spec_file, cache_dir, tmp_path,
                                                  flag, needles):
    out = tmp_path / "dir"
    shutil.copytree(built[0], out)
    before = snapshot(out)
    r = invoke("compile", spec_file, "--function", "predict", "--cache-dir", cache_dir, "-o",
               out, f"--iree-flag={flag}")
    msg = assert_user_error(r, *needles)
    assert "command:" not in msg                 # the flag is named, not buried in a command
    assert snapshot(out) == before               # a failure leaves DIR as it was


# --------------------------------------------------------------------------- targets

def test_unknown_backend(spec_file, tmp_path):
    r = invoke("compile", spec_file, "--backend", "tpu", "-o", tmp_path / "x")
    assert_user_error(r, "unknown backend 'tpu'", "cpu, cuda, rocm, vulkan", "hint:")
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("backend, chip, needles", [
    ("cuda", "sm_90", ["cuda chip 'sm_90' cannot be targeted by the installed IREE 3.13",
                       "--chip sm_80", "Hopper"]),
    ("rocm", "gfx9999", ["rocm chip 'gfx9999' cannot be targeted", "hint:", "gfx1100"]),
    ("cpu", "znver99", ["cpu chip 'znver99' is not a CPU", "hint:", "did you mean",
                        "znver4", "generic"]),
    ("cpu", "skylake avx", ["cpu chip 'skylake avx'", "hint:", "LLVM CPU name"]),
])
def test_unsupported_chip(spec_file, cache_dir, tmp_path, backend, chip, needles):
    r = invoke("compile", spec_file, "--function", "predict", "--backend", backend, "--chip",
               chip, "--cache-dir", cache_dir, "-o", tmp_path / "x")
    assert_user_error(r, *needles)
    assert not (tmp_path / "x").exists()


def test_bogus_cpu_is_refused_before_the_real_compile(cache_dir, tmp_path):
    # iree-compile itself only warns ("ignoring processor") and builds for a generic CPU
    tiny = MATMUL
    with pytest.raises(iree.TargetError, match="znver99"):
        iree.compile_mlir(tiny, "cpu", "znver99", cache_dir=tmp_path / "c")
    assert not (tmp_path / "c").exists()         # refused before anything was built or cached
    res = iree.compile_mlir(tiny, "cpu", "znver4", cache_dir=cache_dir)        # a real one works
    assert res.vmfb_path.is_file()


# --------------------------------------------------------------------------- loading faults

@pytest.mark.parametrize("driver", ["cuda", "hip"])
def test_driver_that_cannot_be_opened(built, driver):
    try:
        load_module(built[0] / f"{STEM}.vmfb", driver=driver)
    except DriverError as e:
        msg = str(e)
        assert f"cannot open IREE runtime driver {driver!r}" in msg
        assert "hint:" in msg and "--backend cpu" in msg and "local-task" in msg
    except RunError as e:   # pragma: no cover - a machine with that GPU: the target mismatch
        assert "targets a 'local'" in str(e) or "local" in str(e)
    else:  # pragma: no cover
        pytest.fail(f"a cpu vmfb loaded on driver {driver!r}")


def test_vmfb_for_another_target_names_it(spec_file, cache_dir, tmp_path):
    out = tmp_path / "rocm"
    r = invoke("compile", spec_file, "--function", "predict", "--backend", "rocm",
               "--cache-dir", cache_dir, "-o", out)
    assert r.exit_code == 0, r.output
    assert manifest_of(out)["driver"] == "hip"
    with pytest.raises(RunError) as ei:
        load_module(out / f"{STEM}.vmfb", driver="local-task")
    msg = str(ei.value)
    assert "targets a 'hip' device" in msg
    assert "compiled for backend 'rocm', chip 'gfx1100'" in msg   # from the manifest
    assert "driver 'hip'" in msg and "--backend cpu" in msg


def test_vmfb_from_another_iree_version_is_refused(built, tmp_path):
    out = tmp_path / "dir"
    shutil.copytree(built[0], out)
    load_module(out / f"{STEM}.vmfb")            # as written: loads
    m = manifest_of(out)
    m["iree_compiler"] = "3.12.0"
    (out / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(ModuleVersionError) as ei:
        load_module(out / f"{STEM}.vmfb")
    msg = str(ei.value)
    have = metadata.version("iree-base-runtime")
    assert "compiled by IREE 3.12.0" in msg and f"iree-base-runtime {have}" in msg
    assert "manifest.json" in msg and "hint:" in msg and "netspec compile" in msg


def test_cache_entry_from_another_iree_version_is_refused(built, cache_dir, tmp_path):
    entry = Path(cache_dir) / manifest_of(built[0])["cache_key"]
    copy = tmp_path / "entry"
    shutil.copytree(entry, copy)
    load_module(copy / "module.vmfb")            # as written: loads
    meta = json.loads((copy / "meta.json").read_text())
    meta["iree_compiler"] = "4.0.0"
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModuleVersionError, match="compiled by IREE 4.0.0.*meta.json"):
        load_module(copy / "module.vmfb")


def test_truncated_vmfb_in_build_dir(built, tmp_path):
    out = tmp_path / "dir"
    shutil.copytree(built[0], out)
    data = (out / f"{STEM}.vmfb").read_bytes()
    (out / f"{STEM}.vmfb").write_bytes(data[: len(data) // 2])
    with pytest.raises(RunError) as ei:
        load_module(out / f"{STEM}.vmfb")
    msg = str(ei.value)
    assert f"{len(data) // 2:,} bytes but its manifest.json records {len(data):,}" in msg
    assert "truncated" in msg and "netspec compile" in msg


@pytest.mark.parametrize("content", [b"", b"not a vmfb\n" * 50, "half"])
def test_lone_truncated_or_foreign_file(built, tmp_path, content):
    if content == "half":
        data = (built[0] / f"{STEM}.vmfb").read_bytes()
        content = data[: len(data) // 3]
    path = tmp_path / "model.vmfb"          # no manifest next to it: IREE's own check
    path.write_bytes(content)
    with pytest.raises(RunError) as ei:
        load_module(path)
    msg = str(ei.value)
    assert "is not a loadable IREE module" in msg and str(path) in msg
    assert "truncated or not a .vmfb" in msg and "netspec compile" in msg


def test_module_iree_rejects_names_function_and_layer(spec_file, cache_dir, tmp_path,
                                                      monkeypatch):
    # A StableHLO op IREE cannot lower, planted in one layer of predict: the CLI error
    # names the function and the SSA value (which carries the layer's name).
    real = rbuild.emit_verified

    def planted(plan, **kw):
        emitted = real(plan, **kw)
        text = emitted.text
        line = re.search(r"^(\s*)(%blocks\.1\.0\.dw\.sigmoid) = stablehlo\.logistic (%\S+) : "
                         r"(tensor<[^>]*>)$", text, re.M)
        ind, name, arg, t = line.groups()
        return Emitted(text.replace(line.group(0), f"{ind}{name} = stablehlo.custom_call "
                                                   f"@netspec_planted({arg}) : ({t}) -> {t}", 1),
                       emitted.abi)

    monkeypatch.setattr(rbuild, "emit_verified", planted)
    out = tmp_path / "x"
    r = invoke("compile", spec_file, "--function", "predict", "--cache-dir", cache_dir,
               "-o", out)
    assert_user_error(r, "iree-compile failed", "func @predict", "%blocks.1.0.dw.sigmoid",
                      "custom_call", "command:")
    assert not out.exists()


# --------------------------------------------------------------------------- concurrency

def test_two_compile_processes_at_once(spec_file, tmp_path):
    cache = tmp_path / "cache"          # fresh: both processes really compile
    out = tmp_path / "out"              # the same build directory too
    cmd = [sys.executable, "-c", "from netspec.cli import main; main()", "compile",
           str(spec_file), "--function",
           "predict", "--cache-dir", str(cache), "-o", str(out)]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    entries = sorted(cache.iterdir())
    assert len(entries) == 1, entries                       # one entry, no temp dirs left
    m = manifest_of(out)
    assert entries[0].name == m["cache_key"]
    assert iree_cache._entry_valid(entries[0], m["cache_key"]) is not None
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{STEM}.mlir", f"{STEM}.vmfb", "compile_command.txt", "manifest.json"])
    assert sha256(out / f"{STEM}.vmfb") == m["vmfb_sha256"] == sha256(entries[0] / "module.vmfb")
    mod = load_module(out / f"{STEM}.vmfb")
    zeros = [np.zeros(x["shape"], np.float32) for x in m["functions"]["predict"]["args"]]
    (logits,) = mod.call("predict", *zeros)
    assert logits.shape == (4, 3)
