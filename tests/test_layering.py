"""The layering is enforced: the import-linter contracts of pyproject.toml hold on the tree, and
they fail on a planted back-import (a function-level one, the kind that hid cycles before)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("netspec", "codegen", "runtime", "bench")
LINT = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(cwd))
    return subprocess.run([LINT, "--config", str(cwd / "pyproject.toml"), "--no-cache"], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]


def test_the_tree_keeps_every_contract():
    r = _lint(ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in r.stdout, r.stdout


def _copy_tree(dst: Path) -> None:
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, dst / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.json",
                                                                             "*.png", "*.md"))
    shutil.copy(ROOT / "pyproject.toml", dst / "pyproject.toml")


@pytest.mark.parametrize("where,source,contract", [
    ("codegen/_planted.py", "def f():\n    from runtime.session import Session\n    return Session\n",
     "CLI -> bench -> runtime -> codegen"),
    ("runtime/_planted.py", "def f():\n    import bench.suite\n    return bench.suite\n",
     "CLI -> bench -> runtime -> codegen"),
    ("netspec/kinds/_planted.py", "def f():\n    from codegen import emit\n    return emit\n",
     "the DSL core"),
], ids=["codegen->runtime", "runtime->bench", "core->codegen"])
def test_a_planted_back_import_breaks_the_contract(tmp_path, where, source, contract):
    _copy_tree(tmp_path)
    (tmp_path / where).write_text(source)
    r = _lint(tmp_path)
    assert r.returncode != 0, r.stdout
    out = r.stdout
    assert f"{contract}" in out and "BROKEN" in out, out
    planted = where[:-3].replace("/", ".")
    assert planted in out, out


def test_every_core_module_is_under_the_core_contract():
    """A new module of the DSL core is covered: every netspec module but the CLI is a source of
    the 'core' contract (directly or as a subpackage's descendant)."""
    core = next(c for c in _contracts() if c["id"] == "core")
    sources = set(core["source_modules"])
    for path in (ROOT / "netspec").iterdir():
        name = path.stem if path.suffix == ".py" else path.name
        if name in ("__init__", "cli", "commands", "__pycache__") or (path.is_file() and path.suffix != ".py"):
            continue
        assert f"netspec.{name}" in sources, f"netspec.{name} is not under the core contract"
