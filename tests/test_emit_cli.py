"""``netspec emit``: stdout and -o output, defaults from the TrainConfig, --function subsets,
byte-for-byte determinism across processes, flag errors (exit 2, flag named, no traceback)
and the verification gate (a module that does not verify is never written)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import runtime.build as rbuild
from codegen.abi import Emitted
from netspec.cli import LAZY_COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

TINY = """
from netspec import NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool, mbConv
spec = NetSpec("Tiny", 8, 8, in_channels=2, layers=[
    convBn(2, 4, 3, 2, padding="valid", act="swish"),
    mbConv(4, 4, 2, 3, 1, 1, True),
    globalAvgPool(),
    dropout(0.2),
    dense(4, 3),
])
{config}
"""


def tiny(tmp_path, config="", name="tiny.py") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(TINY).format(config=config))
    return path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def funcs(text: str) -> list[str]:
    return re.findall(r"^\s*func\.func @(\w+)\(", text, re.M)


def assert_flag_error(result, flag, *more):
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: "), result.stderr
    assert flag in result.stderr, result.stderr
    for s in more:
        assert s in result.stderr, result.stderr


def test_emit_is_registered():
    assert LAZY_COMMANDS["emit"] == "netspec.commands.emit"
    assert "emit" in invoke("--help").stdout


# --------------------------------------------------------------------------- output
def test_emit_to_stdout(tmp_path):
    result = invoke("emit", tiny(tmp_path))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("// netspec ") and text.rstrip().endswith("}")
    assert funcs(text) == ["predict", "grads", "train_step"]
    # no TrainConfig: batch 8, adam, NHWC
    assert "batch 8," in text and "optimizer adam" in text and "activations NHWC" in text
    assert "%images: tensor<8x8x8x2xf32>" in text
    assert result.stderr == ""


def test_emit_to_file_is_atomic_and_summarised(tmp_path):
    out = tmp_path / "sub" / "tiny.mlir"
    result = invoke("emit", tiny(tmp_path), "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    data = out.read_bytes()
    assert data == invoke("emit", tiny(tmp_path)).stdout_bytes
    line = result.stderr.strip()
    assert "\n" not in line
    assert f"wrote {out}: {len(data):,} bytes" in line
    assert "predict, grads, train_step" in line and " params" in line
    assert [p.name for p in out.parent.iterdir()] == ["tiny.mlir"]   # no temp file left
    assert oct(out.stat().st_mode & 0o777) != "0o600"


def test_defaults_come_from_the_train_config(tmp_path):
    spec = tiny(tmp_path, "config = TrainConfig(batch_size=5, optimizer='sgd')")
    text = invoke("emit", spec, "--function", "train_step").stdout
    assert "batch 5," in text and "optimizer sgd" in text
    assert "%momentum_buf: tensor<" in text and "%m: tensor<" not in text
    # flags override the config
    text = invoke("emit", spec, "--batch", 3, "--optimizer", "rmsprop").stdout
    assert "batch 3," in text and "%ms: tensor<" in text and "%mom: tensor<" in text


def test_function_subset(tmp_path):
    result = invoke("emit", tiny(tmp_path), "--function", "grads", "--function", "predict")
    assert result.exit_code == 0, result.output
    assert funcs(result.stdout) == ["predict", "grads"]      # canonical order
    assert "func.func @train_step" not in result.stdout
    only = invoke("emit", tiny(tmp_path), "--function", "train_step").stdout
    assert funcs(only) == ["train_step"]


def test_layout_and_image_size(tmp_path):
    result = invoke("emit", EXAMPLES / "effnet_b0.py", "--image-size", 32, "--batch", 2,
                    "--layout", "nchw", "--function", "predict")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "input 32x32x3 (NHWC), activations NCHW" in text
    assert "%images: tensor<2x32x32x3xf32>" in text
    assert "stablehlo.transpose" in text


# --------------------------------------------------------------------------- determinism
def _emit_in_subprocess(args, seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    proc = subprocess.run([sys.executable, "-c", "from netspec.cli import main; main()", "emit",
                           *map(str, args)], capture_output=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("args", [
    [EXAMPLES / "effnet_b0.py", "--batch", 8],
    [EXAMPLES / "mobilenet_v2.py", "--image-size", 64, "--optimizer", "adamw", "--layout", "NCHW"],
], ids=["effnet_b0", "mobilenet_v2-small-adamw-nchw"])
def test_emission_is_deterministic_across_processes(args):
    first = _emit_in_subprocess(args, "1")
    second = _emit_in_subprocess(args, "12345")
    assert len(first) > 10_000
    assert first == second


# --------------------------------------------------------------------------- flag errors
@pytest.mark.parametrize("args, flag, more", [
    (["--batch", "0"], "--batch", ["received 0"]),
    (["--batch", "-3"], "--batch", []),
    (["--batch", "many"], "--batch", []),
    (["--function", "backward"], "--function", ["backward", "train_step"]),
    (["--optimizer", "lamb"], "--optimizer", ["lamb", "adamw"]),
    (["--layout", "HWCN"], "--layout", ["HWCN", "NCHW"]),
    (["--image-size", "0"], "--image-size", []),
    (["--image-size", "1"], "--image-size", ["spatial size"]),
])
def test_bad_flags(tmp_path, args, flag, more):
    out = tmp_path / "out.mlir"
    result = invoke("emit", tiny(tmp_path), "-o", out, *args)
    assert_flag_error(result, flag, *more)
    assert not out.exists()


def test_missing_spec_file(tmp_path):
    result = invoke("emit", tmp_path / "nope.py")
    assert result.exit_code == 2 and "no such spec file" in result.stderr


# --------------------------------------------------------------------------- verification gate
BROKEN = """module {
  func.func @predict(%x: tensor<2xf32>) -> tensor<3xf32> {
    %y = stablehlo.add %x, %x : tensor<2xf32>
    return %y : tensor<3xf32>
  }
}
"""


def test_verify_failure_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(rbuild, "emit", lambda spec, **kw: Emitted(BROKEN, None))
    out = tmp_path / "out.mlir"
    result = invoke("emit", tiny(tmp_path), "-o", out)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")
    assert "does not verify; nothing was written" in result.stderr
    assert "line 4" in result.stderr and "@predict" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.glob("*.mlir")) == []

    # an existing file is left untouched
    out.write_text("previous\n")
    result = invoke("emit", tiny(tmp_path), "-o", out)
    assert result.exit_code == 2
    assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mlir", "tiny.py"]


def test_verify_failure_on_stdout_prints_no_text(tmp_path, monkeypatch):
    monkeypatch.setattr(rbuild, "emit", lambda spec, **kw: Emitted(BROKEN, None))
    result = invoke("emit", tiny(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
