"""``netspec verify``: the gradient check of a user's spec from the command line.

A tiny spec (8x8, one channel, convBn + SE mbConv + dense) keeps every compile to a few
seconds: the success path (table lists every parameter, exit 0), ``--json``, a deliberately
wrong SE backward (exit 1, FAIL), and the user errors (exit 2, no traceback): a backend that
cannot run here and a resolution that collapses a layer.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from netspec.analysis import analyze
from netspec.cli import LAZY_COMMANDS, main
from netspec.loader import load_spec_file

TINY = """
from netspec import NetSpec, convBn, dense, globalAvgPool, mbConv
spec = NetSpec("TinyVerify", 8, 8, in_channels=1, layers=[
    convBn(1, 4, 3, 1, act="swish"),
    mbConv(4, 4, 2, 3, 2, 1, True),
    globalAvgPool(),
    dense(4, 3),
])
"""

VALID = """
from netspec import NetSpec, convBn, dense, globalAvgPool
spec = NetSpec("ValidPad", 8, 8, in_channels=1, layers=[
    convBn(1, 4, 3, 1, act="swish"),
    convBn(4, 4, 5, 1, padding="valid", act="swish"),
    globalAvgPool(),
    dense(4, 3),
])
"""


@pytest.fixture(autouse=True)
def _cache(monkeypatch, cache_dir):
    monkeypatch.setenv("NETSPEC_CACHE_DIR", str(cache_dir))


def write(tmp_path, text=TINY, name="tiny.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def invoke(*args):
    return CliRunner().invoke(main, ["verify", *[str(a) for a in args]])


def assert_user_error(result, *needles):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: "), result.stderr
    for s in needles:
        assert s in result.stderr, result.stderr


def _wrong_se_vjp(ctx, p, sv, dy):
    """SE backward with only the gate-weighted term dy * g (the gate's own backward dropped)."""
    with ctx.b.scope(p.name):
        for n in (p.reduce_w, p.reduce_b, p.expand_w, p.expand_b):
            ctx.grad(n, ctx.b.full(0.0, ctx.params[n].shape, dy.dtype, hint="zero"))
        return ctx.b.mul(dy, sv.g_b, hint="d_h_gated_only")


def test_verify_is_registered():
    assert LAZY_COMMANDS["verify"] == "netspec.commands.verify"
    result = CliRunner().invoke(main, ["--help"])
    assert "verify" in result.output


def test_verify_passes_and_lists_every_parameter(tmp_path):
    path = write(tmp_path)
    result = invoke(path)
    assert result.exit_code == 0, result.output
    spec = load_spec_file(str(path))[0]
    for p in analyze(spec).params:
        assert p.name in result.stdout, p.name
    for extra in ("d_images", "bn_stats'", "logits(predict)"):
        assert extra in result.stdout
    assert "FAIL" not in result.stdout
    assert "OK" in result.stdout
    assert "smooth" in result.stdout                      # why this tolerance
    assert "loss" in result.stdout and "reference" in result.stdout
    for line in ("emitting...", "compiling (IREE llvm-cpu)...", "running...",
                 "reference (JAX float64)..."):
        assert line in result.stderr


def test_verify_json(tmp_path):
    result = invoke(write(tmp_path), "--json", "--seed", 3)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert data["spec"] == "TinyVerify"
    assert data["input_shape"] == [1, 8, 8] and data["batch"] == 4 and data["seed"] == 3
    names = {r["name"] for r in data["params"]}
    assert names == {p.name for p in analyze(load_spec_file(str(tmp_path / "tiny.py"))[0]).params}
    assert {r["name"] for r in data["extras"]} == {"d_images", "bn_stats'", "logits(predict)"}
    assert all(r["ok"] for r in data["params"] + data["extras"])
    assert data["failures"] == []
    assert data["tolerance"]["kind"] == "smooth"
    assert set(data["timings_s"]) >= {"compile", "run", "reference", "total"}


def test_verify_catches_a_wrong_vjp(tmp_path, monkeypatch):
    monkeypatch.setattr("codegen.kinds.blocks.se_vjp", _wrong_se_vjp)
    result = invoke(write(tmp_path))
    assert result.exit_code == 1, result.output
    assert "FAIL" in result.stdout
    # the failing tensors are listed at the end, after the summary
    tail = result.stdout.rsplit("FAIL:", 1)[1]
    assert "blocks.1.0.se.reduce.w" in tail


def test_verify_refuses_other_backends(tmp_path):
    assert_user_error(invoke(write(tmp_path), "--backend", "rocm"), "--backend", "cpu")
    assert_user_error(invoke(write(tmp_path), "--backend", "tpu"), "--backend", "cpu")


def test_verify_collapsing_image_size(tmp_path):
    result = invoke(write(tmp_path, VALID, "valid.py"), "--image-size", 4)
    assert_user_error(result, "--image-size 4", "layer 1 (convBn)", "collapses")


def test_verify_batch_too_small_for_bn(tmp_path):
    # 1x1 images, batch 1: the BatchNorm statistics would be of a single value
    assert_user_error(invoke(write(tmp_path), "--image-size", 1, "--batch", 1), "--batch")
