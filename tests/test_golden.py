"""The golden MLIR files: every entry regenerates byte for byte, the diff machinery notices a
change, and every checked-in file parses and verifies with IREE (iree-opt).

After an intended code-generator change: ``netspec golden --update`` and review
``git diff golden_mlir/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from codegen import golden as G
from codegen.cases import CASES
from netspec.cli import main
from runtime.engines.iree import verify_mlir

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = G.golden_entries(ROOT)
GOLDEN_FILES = sorted((ROOT / G.GOLDEN_DIR).rglob("*.mlir"))


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def copy_repo(tmp_path: Path) -> Path:
    """examples/ (the inputs) and golden_mlir/ (the outputs) copied under tmp_path."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / G.GOLDEN_DIR, tmp_path / G.GOLDEN_DIR)
    return tmp_path


# --------------------------------------------------------------------------- the set
def test_set_is_derived_from_the_tables():
    paths = [e.path for e in ENTRIES]
    assert paths[:2] == ["golden_mlir/effnet_b0.mlir", "golden_mlir/mobilenet_v2.mlir"]
    n = 2 + len(CASES)
    assert paths[2:n] == [f"golden_mlir/cases/{c.id}.mlir" for c in CASES]
    assert paths[n:] == [f"golden_mlir/features/{f.id}.mlir" for f in G.FEATURES]
    assert len(set(paths)) == len(paths)


def test_clip_and_ema_are_pinned_by_a_feature_file():
    """The clip + EMA pieces of train_step appear in a golden file (and only there: the plain
    rows emit neither), so a change to either shows up as a diff of that file."""
    f = next(f for f in G.FEATURES if dict(f.features) == {"clip_grad": True, "ema": True})
    text = read(ROOT / f"golden_mlir/features/{f.id}.mlir")
    step = text[text.index("func.func @train_step"):]
    for piece in ("%ema_params: tensor<", "%ema_bn: tensor<", "%hyper.max_grad_norm",
                  "%clip.coef", "%ema.params = stablehlo.add", "%hyper.ema_decay"):
        assert piece in step, piece
    plain = read(ROOT / f"golden_mlir/cases/{f.case}.mlir")
    assert "clip." not in plain and "ema" not in plain


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.path for e in ENTRIES])
def test_golden_file_matches_emitter(entry):
    path = ROOT / entry.path
    assert path.is_file(), f"{entry.path} is missing; run `netspec golden --update`"
    expected, actual = entry.produce(), read(path)
    if expected != actual:
        pytest.fail(G.diff_text(expected, actual, entry.path)
                    + "\n\nthe emitted module changed; if intended run `netspec golden --update` "
                      "and review `git diff golden_mlir/`", pytrace=False)


def test_no_stale_golden_files():
    assert G.stale_files(ROOT) == []


def test_examples_use_their_train_config():
    text = read(ROOT / "golden_mlir/effnet_b0.mlir")
    assert "batch 8," in text and "optimizer adam" in text and "activations NHWC" in text
    assert "tensor<8x224x224x3xf32>" in text
    assert [l.split("(")[0] for l in text.splitlines() if l.lstrip().startswith("func.func @")] == [
        "  func.func @predict", "  func.func @grads", "  func.func @train_step"]


# --------------------------------------------------------------------------- the machinery
def test_check_detects_changed_missing_and_extra_files(tmp_path):
    root = copy_repo(tmp_path)
    assert G.check(root) == []
    case = root / "golden_mlir/cases" / f"{CASES[0].id}.mlir"
    text = read(case)
    lines = text.splitlines(keepends=True)
    i = next(i for i, l in enumerate(lines) if "stablehlo.multiply" in l)
    lines[i] = lines[i].replace("stablehlo.multiply", "stablehlo.add")
    case.write_text("".join(lines), encoding="utf-8")
    missing = root / "golden_mlir/cases" / f"{CASES[1].id}.mlir"
    missing.unlink()
    extra = root / "golden_mlir/cases/no_longer_a_case.mlir"
    extra.write_text("module {}\n")

    found = {m.path: m.detail for m in G.check(root)}
    rel = case.relative_to(root).as_posix()
    assert set(found) == {rel, missing.relative_to(root).as_posix(),
                          extra.relative_to(root).as_posix()}
    assert found[missing.relative_to(root).as_posix()] == "missing"
    assert found[extra.relative_to(root).as_posix()] == "extra file"
    diff = found[rel]
    assert diff.startswith(f"{rel}: 2 changed lines (+1 -1)")
    assert "\n-" in diff and "\n+" in diff and "stablehlo.add" in diff

    written = G.update(root)
    assert sorted(written) == sorted([rel, missing.relative_to(root).as_posix()])
    assert not extra.exists()
    assert read(case) == text
    assert G.check(root) == []
    assert G.update(root) == []        # nothing to do: nothing rewritten


def test_diff_is_truncated():
    old = "".join(f"line {i}\n" for i in range(500))
    new = "".join(f"line {i} changed\n" for i in range(500))
    diff = G.diff_text(new, old, "x.mlir", max_lines=80)
    lines = diff.splitlines()
    assert lines[0] == "x.mlir: 1000 changed lines (+500 -500)"
    assert len(lines) == 1 + 80 + 1 and "more diff lines not shown" in lines[-1]


def test_cli_golden_check_and_update(tmp_path):
    root = copy_repo(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(main, ["golden", "--root", str(root)])
    assert ok.exit_code == 0, ok.output
    assert f"all {len(ENTRIES)} golden files match" in ok.stdout

    case = root / "golden_mlir/cases" / f"{CASES[0].id}.mlir"
    case.write_text(read(case).replace("stablehlo.multiply", "stablehlo.add", 1), encoding="utf-8")
    bad = runner.invoke(main, ["golden", "--root", str(root)])
    assert bad.exit_code == 1
    assert f"golden_mlir/cases/{CASES[0].id}.mlir: 2 changed lines (+1 -1)" in bad.stdout
    assert "@@" in bad.stdout and "netspec golden --update" in bad.stdout

    upd = runner.invoke(main, ["golden", "--update", "--root", str(root)])
    assert upd.exit_code == 0, upd.output
    assert f"updated golden_mlir/cases/{CASES[0].id}.mlir" in upd.stdout
    assert runner.invoke(main, ["golden", "--root", str(root)]).exit_code == 0


def test_cli_golden_bad_root(tmp_path):
    result = CliRunner().invoke(main, ["golden", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "--root" in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- IREE parses them
@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.relative_to(ROOT).as_posix() for p in GOLDEN_FILES])
def test_golden_file_verifies(path):
    verify_mlir(read(path), source_hint=path.relative_to(ROOT).as_posix())
