"""The layer-kind registry: every kind provides every hook, has a lowering, case-table rows and
golden files, and nothing outside the kinds' own modules dispatches on kind names."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from codegen.cases import CASES
from codegen.kinds import LOWERINGS
from netspec.analysis import analyze
from netspec.kinds import HOOKS, KINDS, Layer, register

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_defines_every_hook(kind):
    cls = KINDS[kind]
    own = [c for c in cls.__mro__ if c not in (Layer, object)]
    for hook in HOOKS:
        assert any(hook in vars(c) for c in own), f"{kind} does not define {hook}"
        assert callable(getattr(cls, hook))
    assert cls.kind == kind and cls.__name__ == kind


def test_registry_and_lowerings_match():
    assert set(LOWERINGS) == set(KINDS)
    for kind, low in LOWERINGS.items():
        assert callable(low.forward) and callable(low.vjp), kind


def test_every_kind_has_case_rows_and_golden_files():
    used = {}
    for case in CASES:
        for layer in case.spec.layers:
            used.setdefault(layer.kind, []).append(case.id)
    missing = sorted(set(KINDS) - set(used))
    assert not missing, f"layer kinds without a case-table row: {missing}"
    for case in CASES:
        assert (ROOT / "golden_mlir" / "cases" / f"{case.id}.mlir").is_file(), case.id


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hooks_agree_with_the_registry(case):
    """Names declared by the plans are what the registry holds, each layer's parameters carry
    its plan's names, and describe() is a string."""
    a = analyze(case.spec)
    for info in a.layers:
        names = [p.name for p in info.layer.params(info.plan)]
        assert names == [p.name for p in a.params if p.layer == info.index]
        assert [n for n, _ in info.layer.bns(info.plan)] == [b.name for b in a.bns if b.layer == info.index]
        assert isinstance(info.layer.describe(), str)
        assert info.layer.macs(info.plan, info.in_shape) == info.macs


def test_register_refuses_a_kind_missing_a_hook():
    with pytest.raises(TypeError, match="does not define the hooks"):
        @register
        @dataclass(frozen=True)
        class halfKind(Layer):
            kind: ClassVar[str] = "halfKind"

            def plan(self, index):
                return None
    assert "halfKind" not in KINDS


def test_register_refuses_a_second_kind_of_the_same_name():
    cls = KINDS["dense"]
    clone = type("dense", (cls,), {"kind": "dense", "__module__": "elsewhere"})
    with pytest.raises(TypeError, match="registered twice"):
        register(clone)
    assert KINDS["dense"] is cls


def _kind_name_comparisons(path: Path) -> list[str]:
    """Comparisons of anything with a string literal that is a registered kind name."""
    tree = ast.parse(path.read_text(), str(path))
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for comp in node.comparators:
                elts = comp.elts if isinstance(comp, (ast.Tuple, ast.List, ast.Set)) else [comp]
                if any(isinstance(e, ast.Constant) and e.value in KINDS for e in elts):
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                    hits.append(f"{where}:{node.lineno}")
    return hits


def test_nothing_outside_the_kinds_dispatches_on_kind_names():
    files = [p for pkg in ("netspec", "codegen", "runtime", "bench") for p in (ROOT / pkg).rglob("*.py")
             if "kinds" not in p.relative_to(ROOT).parts]
    hits = [h for p in files for h in _kind_name_comparisons(p)]
    assert not hits, f"kind names matched outside netspec/kinds and codegen/kinds: {hits}"


def test_the_scan_sees_a_planted_kind_comparison(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('def f(info):\n    return info.kind == "mbConv" or info.kind in ("dense", "x")\n')
    assert _kind_name_comparisons(planted) == ["planted.py:2", "planted.py:2"]
