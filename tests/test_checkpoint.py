"""Checkpoint format: atomic writes, integrity, refusal of foreign checkpoints, crash and
full-disk behaviour (issue 6).  No compiler involved: these run in a second or two."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from netspec import NetSpec, convBn, dense, globalAvgPool
from netspec.analysis import analyze, layout_hash, spec_hash
from runtime.checkpoint import (FORMAT, CheckpointError, check_compatible, load_checkpoint,
                                save_checkpoint)

SPEC = NetSpec("Tiny", 8, 8, in_channels=1, layers=[
    convBn(1, 4, 3, 1), globalAvgPool(), dense(4, 3)])
OTHER = NetSpec("Tiny", 8, 8, in_channels=1, layers=[
    convBn(1, 5, 3, 1), globalAvgPool(), dense(5, 3)])


def state(a, value=1.0):
    return {"params": np.full(a.n_params, value, np.float32),
            "opt.m": np.zeros(a.n_params, np.float32), "opt.v": np.ones(a.n_params, np.float32),
            "bn": np.arange(a.n_bn_floats, dtype=np.float32)}


def manifest(spec, step=3):
    a = analyze(spec)
    return {"spec_name": spec.name, "spec_hash": spec_hash(spec), "layout_hash": layout_hash(a),
            "step": step, "optimizer": "adam"}


def compat(path, tensors, man, spec=SPEC, keys=("params", "opt.m", "opt.v", "bn")):
    a = analyze(spec)
    check_compatible(path, tensors, man, spec_name=spec.name, spec_hash=spec_hash(spec),
                     layout_hash=layout_hash(a), n_params=a.n_params,
                     n_bn_floats=a.n_bn_floats, state_keys=list(keys))


def test_roundtrip_is_plain_safetensors(tmp_path):
    a = analyze(SPEC)
    p = tmp_path / "last.safetensors"
    save_checkpoint(p, state(a), manifest(SPEC))
    tensors, man = load_checkpoint(p)
    assert man["format"] == FORMAT and man["step"] == 3
    for k, v in state(a).items():
        np.testing.assert_array_equal(tensors[k], v)
    compat(p, tensors, man)
    # any safetensors reader opens it; the JSON sidecar mirrors the manifest
    from safetensors import safe_open
    with safe_open(str(p), "np") as f:
        assert set(f.keys()) == set(state(a)) and "netspec" in f.metadata()
    assert json.loads(p.with_suffix(".json").read_text())["spec_hash"] == spec_hash(SPEC)
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("damage, message", [
    ("truncate", "truncated"),
    ("flip", "does not match its recorded sha256"),
    ("garbage", "not a safetensors checkpoint"),
    ("empty", "only 0 bytes"),
])
def test_damaged_checkpoint_is_refused(tmp_path, damage, message):
    a = analyze(SPEC)
    p = tmp_path / "c.safetensors"
    save_checkpoint(p, state(a), manifest(SPEC))
    data = bytearray(p.read_bytes())
    if damage == "truncate":
        data = data[:len(data) - 17]
    elif damage == "flip":
        data[-5] ^= 0x40
    elif damage == "garbage":
        data = bytearray(b"\xff" * 8 + b"this is not a checkpoint")
    else:
        data = bytearray()
    p.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match=message) as e:
        load_checkpoint(p)
    assert str(p) in str(e.value)


def test_missing_and_non_netspec_files(tmp_path):
    with pytest.raises(CheckpointError, match="no checkpoint at"):
        load_checkpoint(tmp_path / "nope.safetensors")
    from safetensors.numpy import save_file
    save_file({"w": np.zeros(3, np.float32)}, str(tmp_path / "foreign.safetensors"))
    with pytest.raises(CheckpointError, match="not a netspec checkpoint"):
        load_checkpoint(tmp_path / "foreign.safetensors")


def test_mismatched_spec_layout_dtype_optimizer(tmp_path):
    a = analyze(SPEC)
    p = tmp_path / "c.safetensors"
    # another spec (same name, other architecture)
    save_checkpoint(p, state(analyze(OTHER)), manifest(OTHER))
    t, m = load_checkpoint(p)
    with pytest.raises(CheckpointError, match="different architecture"):
        compat(p, t, m)
    # same spec hash but another layout (e.g. a future netspec laying buffers out differently)
    bad = dict(manifest(SPEC), layout_hash="0" * 64)
    save_checkpoint(p, state(a), bad)
    t, m = load_checkpoint(p)
    with pytest.raises(CheckpointError, match="another parameter layout"):
        compat(p, t, m)
    # another dtype
    st = state(a)
    st["params"] = st["params"].astype(np.float64)
    save_checkpoint(p, st, manifest(SPEC))
    t, m = load_checkpoint(p)
    with pytest.raises(CheckpointError, match="float64, expected float32"):
        compat(p, t, m)
    # another optimizer's state (sgd's momentum_buf where adam's m, v are needed)
    st = state(a)
    st = {"params": st["params"], "opt.momentum_buf": st["opt.m"], "bn": st["bn"]}
    save_checkpoint(p, st, dict(manifest(SPEC), optimizer="sgd"))
    t, m = load_checkpoint(p)
    with pytest.raises(CheckpointError, match="(?s)optimizer .sgd.*resume with the optimizer"):
        compat(p, t, m)


_CHILD = textwrap.dedent("""
    import os, sys, time, numpy as np
    import runtime.checkpoint as ck
    path, mode = sys.argv[1], sys.argv[2]
    st = {"params": np.full(1000, 2.0, np.float32), "bn": np.zeros(4, np.float32)}
    if mode == "kill":
        def slow_fsync(fd):
            print("WRITING", flush=True)
            time.sleep(60)
        os.fsync = slow_fsync   # the bytes are written, not yet renamed into place
    try:
        ck.save_checkpoint(path, st, {"step": 2})
    except ck.CheckpointError as e:
        print("ERROR:", e, flush=True)
        sys.exit(2)
""")


def _first(tmp_path):
    p = tmp_path / "last.safetensors"
    save_checkpoint(p, {"params": np.full(1000, 1.0, np.float32),
                        "bn": np.zeros(4, np.float32)}, {"step": 1})
    return p


def test_sigkill_during_write_keeps_previous_checkpoint(tmp_path):
    p = _first(tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(p), "kill"],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "WRITING"   # the new bytes are being written
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    tensors, man = load_checkpoint(p)
    assert man["step"] == 1 and tensors["params"][0] == 1.0
    assert list(tmp_path.glob(".last.safetensors.*.tmp"))  # the orphan the kill left
    save_checkpoint(p, {"params": np.zeros(3, np.float32)}, {"step": 5})
    assert not list(tmp_path.glob(".last.safetensors.*.tmp"))  # cleaned by the next save
    assert load_checkpoint(p)[1]["step"] == 5


def _limit_file_size(limit):
    def fn():
        import resource
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return fn


def test_full_disk_fails_clearly_and_keeps_previous(tmp_path):
    """A file-size limit (RLIMIT_FSIZE) stands in for a full disk: write() fails midway."""
    p = _first(tmp_path)
    before = p.read_bytes()
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(p), "write"],
                          capture_output=True, text=True, preexec_fn=_limit_file_size(2048))
    assert proc.returncode == 2, proc.stderr
    assert "could not write checkpoint" in proc.stdout and "full" in proc.stdout
    assert "previous checkpoint" in proc.stdout and "intact" in proc.stdout
    assert p.read_bytes() == before
    assert load_checkpoint(p)[1]["step"] == 1
    assert not list(tmp_path.glob(".*.tmp"))


def _torch_load_calls(text: str) -> list[str]:
    """The argument text of every ``torch.load(...)`` in ``text`` (to the matching paren)."""
    out, i = [], text.find("torch.load(")
    while i >= 0:
        j, depth = i + len("torch.load("), 1
        while j < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        out.append(text[i + len("torch.load("):j - 1])
        i = text.find("torch.load(", j)
    return out


def test_no_pickle_anywhere():
    """Nothing a user loads goes through pickle: no pickle import, no allow_pickle=True, and
    torch.load only as torch.load(..., weights_only=True) (PyTorch's restricted unpickler: the
    one door issue 16 allows for a user's .pth, runtime/weights.py)."""
    root = Path(__file__).resolve().parents[1]
    offenders = []
    for d in ("netspec", "runtime", "codegen"):
        for f in (root / d).rglob("*.py"):
            text = f.read_text()
            unsafe_load = [c for c in _torch_load_calls(text) if "weights_only=True" not in c]
            if "import pickle" in text or "allow_pickle=True" in text or unsafe_load:
                offenders.append(str(f.relative_to(root)))
    assert not offenders, offenders
    assert "torch.load(path, map_location" in (root / "runtime" / "weights.py").read_text()
    assert not [c for c in _torch_load_calls("torch.load(f, map_location='cpu')")
                if "weights_only=True" in c]      # the scan does catch an unsafe load
