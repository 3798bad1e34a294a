"""The golden MLIR set: emitted modules checked into ``golden_mlir/`` and diffed in review.

Every change to the code generator shows up as a text diff of these files, so a reviewer sees
exactly which ops of which network changed.  The set is derived from two tables, nothing is
listed twice:

* :data:`EXAMPLES` — the two example networks at their real sizes (224x224, batch 8, all
  functions, the optimizer of their TrainConfig, NHWC) -> ``golden_mlir/<id>.mlir``;
* ``codegen.cases.CASES`` — every row at its own batch, all functions, :data:`CASE_OPTIMIZER`
  -> ``golden_mlir/cases/<id>.mlir``;
* :data:`FEATURES` — a case row emitted again with train-step features on (global-norm
  gradient clipping and EMA: pieces emitted only when on, so the plain rows never show them)
  -> ``golden_mlir/features/<id>.mlir``.

``golden_mlir/`` belongs to this module: every ``*.mlir`` file under it is either an entry
of the set or stale (``check`` reports it as an extra file, ``update`` deletes it).

    golden_entries(root) -> [(relative path, produce() -> text), ...]
    check(root)          -> [Mismatch(path, detail), ...]   detail: a truncated unified diff,
                                                             'missing' or 'extra file'
    update(root)         -> [written relative paths]         (atomic writes, stale files deleted)

``root`` is a repository root: the directory holding ``examples/`` (the inputs) and
``golden_mlir/`` (the outputs); :func:`repo_root` finds the one next to this package.
The CLI is ``netspec golden [--update] [--root DIR]``.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple

from .layout import NHWC
from .module import FUNCTIONS, emit_module

GOLDEN_DIR = "golden_mlir"
CASES_SUBDIR = "cases"
FEATURES_SUBDIR = "features"
CASE_OPTIMIZER = "adam"
DEFAULT_OPTIMIZER = "adam"   # an example without a TrainConfig
DIFF_LINES = 80              # diff lines shown per mismatching file


@dataclass(frozen=True)
class Example:
    """A spec file of ``examples/`` emitted at its real size."""

    id: str          # -> golden_mlir/<id>.mlir
    file: str        # relative to the repository root
    batch: int = 8


EXAMPLES: tuple[Example, ...] = (
    Example("effnet_b0", "examples/effnet_b0.py"),
    Example("mobilenet_v2", "examples/mobilenet_v2.py"),
)


@dataclass(frozen=True)
class Feature:
    """A row of ``codegen.cases.CASES`` emitted with train-step features on (``emit_module``
    keywords, e.g. ``clip_grad=True, ema=True``)."""

    id: str          # -> golden_mlir/features/<id>.mlir
    case: str        # the CASES row whose spec and batch it emits
    features: tuple[tuple[str, object], ...]


FEATURES: tuple[Feature, ...] = (
    # clipping (the global norm, the scale, grad_norm returned) and the EMA update of the
    # parameters and BN statistics, on an SE block with a residual
    Feature("se_mid4_clip_ema", "se_mid4", (("clip_grad", True), ("ema", True))),
    # a frozen set (--freeze: the stem and the depthwise stage): the masks, the zeroed
    # gradient, adam's per-parameter bias corrections and the kept parameters / slots
    Feature("se_mid4_freeze", "se_mid4", (("freeze", (
        "conv.0.conv.w", "conv.0.bn.gamma", "conv.0.bn.beta", "blocks.1.0.dw.conv.w",
        "blocks.1.0.dw.bn.gamma", "blocks.1.0.dw.bn.beta")),)),
)


class GoldenEntry(NamedTuple):
    path: str                      # relative to the root, '/'-separated
    produce: Callable[[], str]     # emits the text the file must hold


class Mismatch(NamedTuple):
    path: str
    detail: str                    # truncated unified diff, or 'missing' / 'extra file'


# --------------------------------------------------------------------------- the set
def repo_root() -> Path:
    """The repository this package lives in (holds ``codegen/``, ``examples/``, ``golden_mlir/``)."""
    return Path(__file__).resolve().parent.parent


def _emit_example(root: Path, ex: Example) -> str:
    from netspec.loader import load_spec_file
    spec, config, _ = load_spec_file(root / ex.file)
    optimizer = config.optimizer if config is not None else DEFAULT_OPTIMIZER
    return emit_module(spec, batch=ex.batch, functions=FUNCTIONS, optimizer=optimizer,
                       layout=NHWC)


def _emit_case(case) -> str:
    kw = {"drop_path": case.drop_path} if case.drop_path else {}
    if case.dw_chunk is not None:
        kw["dw_chunk"] = case.dw_chunk
    return emit_module(case.spec, batch=case.batch, functions=FUNCTIONS,
                       optimizer=CASE_OPTIMIZER, layout=NHWC, **kw)


def _emit_feature(case, feature: Feature) -> str:
    kw = {"drop_path": case.drop_path} if case.drop_path else {}
    return emit_module(case.spec, batch=case.batch, functions=FUNCTIONS,
                       optimizer=CASE_OPTIMIZER, layout=NHWC, **kw, **dict(feature.features))


def golden_entries(root=None) -> list[GoldenEntry]:
    """Every golden file: relative path and a callable producing its expected text."""
    from .cases import CASES
    root = Path(root) if root is not None else repo_root()
    entries = [GoldenEntry(f"{GOLDEN_DIR}/{ex.id}.mlir", functools.partial(_emit_example, root, ex))
               for ex in EXAMPLES]
    entries += [GoldenEntry(f"{GOLDEN_DIR}/{CASES_SUBDIR}/{c.id}.mlir", functools.partial(_emit_case, c))
                for c in CASES]
    by_id = {c.id: c for c in CASES}
    entries += [GoldenEntry(f"{GOLDEN_DIR}/{FEATURES_SUBDIR}/{f.id}.mlir",
                            functools.partial(_emit_feature, by_id[f.case], f))
                for f in FEATURES]
    paths = [e.path for e in entries]
    dup = sorted({p for p in paths if paths.count(p) > 1})
    if dup:
        raise ValueError(f"golden set: duplicate paths {dup} (ids must be unique)")
    return entries


def stale_files(root=None) -> list[str]:
    """``*.mlir`` files under ``golden_mlir/`` that are not in the set (relative paths)."""
    root = Path(root) if root is not None else repo_root()
    known = {e.path for e in golden_entries(root)}
    base = root / GOLDEN_DIR
    if not base.is_dir():
        return []
    found = sorted(p.relative_to(root).as_posix() for p in base.rglob("*.mlir") if p.is_file())
    return [p for p in found if p not in known]


# --------------------------------------------------------------------------- diffs
def _read(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        return None


def diff_text(expected: str, actual: str, path: str, max_lines: int = DIFF_LINES) -> str:
    """A unified diff from the file on disk (``actual``) to what the generator emits now
    (``expected``), headed by the count of changed lines and cut after ``max_lines`` lines."""
    lines = list(difflib.unified_diff(actual.splitlines(), expected.splitlines(),
                                      f"{path} (on disk)", f"{path} (emitted now)", lineterm=""))
    added = sum(1 for l in lines if l.startswith("+") and not l.startswith("+++"))
    removed = sum(1 for l in lines if l.startswith("-") and not l.startswith("---"))
    if not lines and expected != actual:   # only line endings / a final newline differ
        return f"{path}: contents differ only in line endings or the final newline"
    head = f"{path}: {added + removed} changed lines (+{added} -{removed})"
    shown = lines[:max_lines]
    out = [head, *(_clip(l) for l in shown)]
    if len(lines) > max_lines:
        out.append(f"... {len(lines) - max_lines} more diff lines not shown")
    return "\n".join(out)


def _clip(line: str, width: int = 400) -> str:
    # a line of a large constant would drown the diff
    return line if len(line) <= width else line[:width] + f" ... ({len(line) - width} more chars)"


# --------------------------------------------------------------------------- check / update
def check(root=None, max_lines: int = DIFF_LINES) -> list[Mismatch]:
    """Regenerate every entry and compare with the files; [] when all match."""
    root = Path(root) if root is not None else repo_root()
    out = []
    for entry in golden_entries(root):
        actual = _read(root / entry.path)
        if actual is None:
            out.append(Mismatch(entry.path, "missing"))
            continue
        expected = entry.produce()
        if expected != actual:
            out.append(Mismatch(entry.path, diff_text(expected, actual, entry.path, max_lines)))
    out += [Mismatch(p, "extra file") for p in stale_files(root)]
    return out


def update(root=None) -> list[str]:
    """Rewrite every entry whose file is missing or differs (atomically), delete stale
    ``*.mlir`` files; return the relative paths written."""
    from netspec.atomic import write_atomic
    root = Path(root) if root is not None else repo_root()
    written = []
    for entry in golden_entries(root):
        text = entry.produce()
        if _read(root / entry.path) != text:
            write_atomic(root / entry.path, text)
            written.append(entry.path)
    for p in stale_files(root):
        (root / p).unlink()
    return written
