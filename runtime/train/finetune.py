"""Fine-tuning: ``netspec train --init FILE [--init-skip PATTERN]`` and
``--freeze PATTERN --freeze-epochs E`` (docs/training.md, "Fine-tuning").

``--init``: a netspec checkpoint (``netspec weights import``'s output, a run's checkpoint file,
or a run directory: its best, else last, checkpoint).  The run starts from its parameters and
BN statistics instead of the seeded init; the optimizer state is fresh and the step 0.  Tensors
are matched by registry name and shape, read through the layout the checkpoint records
(``parameter_layout``, checked against its ``layout_hash``).  Re-initialised (seeded, exactly as a
fresh run of the same seed would) are: the classifier's tensors (those of the last layer with
parameters) when their shape differs (the class count), and every tensor named by
``--init-skip``.  Any other tensor missing from the file, of another shape, or in the file but
not in the spec is an error listing them all by name; nothing is skipped silently.

Patterns (``--init-skip``, ``--freeze``) are matched against registry names
(``netspec info SPEC --json`` lists them): a name matches when the pattern matches it as a glob
(``fnmatch``, case-sensitive) or as a Python regular expression matching the whole name.  A
pattern that matches nothing is an error (a typo would otherwise train everything).
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netspec.analysis import layout_dict, layout_hash
from netspec.atomic import sha256_file
from netspec.errors import ConfigError, NetspecError
from netspec.init import init_params

from ..checkpoint import load_checkpoint


class InitError(NetspecError):
    """The --init checkpoint does not fit the spec (tensors listed by name)."""


def _matches(pattern: str, name: str) -> bool:
    if fnmatch.fnmatchcase(name, pattern):
        return True
    try:
        return re.fullmatch(pattern, name) is not None
    except re.error:
        return False


def match(patterns, names, flag: str) -> list[str]:
    """The names (in the order given) matched by any of ``patterns``; ConfigError naming
    ``flag`` for a pattern that matches none of them."""
    names = list(names)
    for pat in patterns:
        if not any(_matches(pat, n) for n in names):
            sample = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
            raise ConfigError("matches no tensor of the spec", where=flag, received=pat,
                              hint=f"patterns are globs or regular expressions over registry "
                                   f"names ({sample}); `netspec info SPEC --json` lists them")
    return [n for n in names if any(_matches(p, n) for p in patterns)]


def resolve_freeze(analysis, patterns, epochs: int | None, run_epochs: int) -> tuple[tuple[str, ...], int]:
    """(frozen parameter names in registry order, freeze epochs) of ``--freeze`` /
    ``--freeze-epochs``; errors name the flag."""
    patterns = tuple(patterns or ())
    if not patterns:
        if epochs is not None:
            raise ConfigError("needs --freeze PATTERN (which tensors to freeze)",
                              where="--freeze-epochs", received=epochs)
        return (), 0
    if epochs is None:
        raise ConfigError("needs --freeze-epochs E (how many epochs the tensors stay frozen)",
                          where="--freeze", received=list(patterns))
    if isinstance(epochs, bool) or not isinstance(epochs, int) or not 1 <= epochs <= run_epochs:
        raise ConfigError("is out of range", where="--freeze-epochs",
                          expected=f"an integer in [1, epochs={run_epochs}]", received=epochs)
    names = match(patterns, [p.name for p in analysis.params], "--freeze")
    if len(names) == len(analysis.params):
        raise ConfigError("freezes every parameter: nothing would train", where="--freeze",
                          received=list(patterns),
                          hint="leave the classifier (the last layer's tensors) out")
    return tuple(names), int(epochs)


@dataclass
class InitState:
    params: np.ndarray
    bn: np.ndarray
    source: dict                       # run.json / checkpoint manifest record ("init")
    notes: list[str] = field(default_factory=list)
    norm: tuple | None = None          # (mean, std) the weights were trained with, if recorded


def _source_layout(path: Path, man: dict, target) -> dict:
    lay = man.get("parameter_layout")
    if lay is not None:
        if layout_hash_of(lay) != man.get("layout_hash"):
            raise InitError(f"--init {path}: its recorded parameter layout does not match its "
                            "layout hash (a corrupt or hand-edited manifest)")
        return lay
    if man.get("layout_hash") == layout_hash(target):
        return layout_dict(target)
    raise InitError(f"--init {path} records no parameter layout and its layout differs from "
                    "this spec's, so its tensors cannot be told apart by name\n  hint: write it "
                    "again with this netspec (netspec weights import, or a run's checkpoint)")


def layout_hash_of(lay: dict) -> str:
    import json
    blob = json.dumps(lay, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _listing(title: str, items: list[str], limit: int = 40) -> str:
    more = f"\n    ... and {len(items) - limit} more" if len(items) > limit else ""
    return f"\n  {title} ({len(items)}):\n" + "\n".join(f"    {s}" for s in items[:limit]) + more


def load_init(path, analysis, seed: int, skip=(), channels: int | None = None) -> InitState:
    """The starting parameters and BN statistics of ``--init path`` for ``analysis``; ``norm``:
    the input normalisation recorded with them (``channels`` values each), which the run
    keeps (the weights expect inputs so normalised: ImageNet's for imported weights)."""
    from ..inference import resolve_checkpoint
    given = Path(path)
    if not given.exists():
        raise InitError(f"--init {given}: no such file or run directory")
    path = resolve_checkpoint(given)
    tensors, man = load_checkpoint(path)
    if "params" not in tensors or "bn" not in tensors:
        raise InitError(f"--init {path}: holds {sorted(tensors)}, no 'params' / 'bn' tensors")
    lay = _source_layout(path, man, analysis)
    src_p = {d["name"]: (tuple(d["shape"]), d["offset"]) for d in lay["params"]}
    src_b = {d["name"]: (d["channels"], d["offset"]) for d in lay["bn"]}
    if tensors["params"].shape != (lay["n_params"],) or tensors["bn"].shape != (lay["n_bn_floats"],):
        raise InitError(f"--init {path}: its tensors do not have its recorded layout's sizes")
    targets = [p.name for p in analysis.params] + [b.name for b in analysis.bns]
    skipped = set(match(skip, targets + [n for n in [*src_p, *src_b] if n not in targets],
                        "--init-skip")) if skip else set()
    head = max(p.layer for p in analysis.params)
    fresh_p, fresh_b = init_params(analysis, seed), analysis.init_bn()
    params, bn = fresh_p.copy(), fresh_b.copy()
    missing, shaped, reinit_head, reinit_skip, taken = [], [], [], [], 0
    for p in analysis.params:
        if p.name in skipped:
            reinit_skip.append(p.name)
            continue
        if p.name not in src_p:
            missing.append(f"{p.name} {list(p.shape)}")
            continue
        shape, off = src_p[p.name]
        if shape != tuple(p.shape):
            if p.layer == head:
                reinit_head.append(f"{p.name} {list(shape)} -> {list(p.shape)}")
                continue
            shaped.append(f"{p.name}: {list(shape)} in the file, {list(p.shape)} in the spec")
            continue
        params[p.offset:p.offset + p.size] = tensors["params"][off:off + p.size]
        taken += 1
    for b in analysis.bns:
        if b.name in skipped:
            reinit_skip.append(f"{b.name} (BN statistics)")
            continue
        if b.name not in src_b:
            missing.append(f"{b.name} (BN statistics, {b.channels} channels)")
            continue
        ch, off = src_b[b.name]
        if ch != b.channels:
            if b.layer == head:
                reinit_head.append(f"{b.name} (BN) {ch} -> {b.channels} channels")
                continue
            shaped.append(f"{b.name} (BN statistics): {ch} channels in the file, {b.channels} "
                          "in the spec")
            continue
        bn[b.offset:b.offset + 2 * b.channels] = tensors["bn"][off:off + 2 * ch]
        taken += 1
    known = set(targets)
    unexpected = [n for n in [*src_p, *src_b] if n not in known and n not in skipped]
    if missing or shaped or unexpected:
        raise InitError(
            f"--init {path} does not fit {man.get('spec_name')!r} -> this spec: tensors are "
            "matched by registry name and shape, and only the classifier's may differ (it is "
            "re-initialised)"
            + (_listing("missing from the file", missing) if missing else "")
            + (_listing("of another shape", shaped) if shaped else "")
            + (_listing("in the file but not in the spec", unexpected) if unexpected else "")
            + "\n  hint: --init-skip PATTERN re-initialises tensors on purpose (glob or regex "
              "over registry names)")
    notes = []
    if reinit_head:
        notes.append("re-initialised the classifier (class count differs, seeded as a fresh run): "
                     + ", ".join(reinit_head))
    if reinit_skip:
        notes.append(f"re-initialised by --init-skip ({len(reinit_skip)}): "
                     + ", ".join(reinit_skip[:12]) + (" ..." if len(reinit_skip) > 12 else ""))
    imported = man.get("imported") or {}
    source = {"file": str(path), "sha256": sha256_file(path),
              "spec_name": man.get("spec_name"), "step": man.get("step"),
              "reason": man.get("reason"), "imported_from": imported.get("from"),
              "imported_file": imported.get("file"), "taken": taken,
              "reinitialised": [s.split(" ")[0] for s in reinit_head] + reinit_skip,
              "skip": list(skip)}
    data = man.get("data") or {}
    norm = None
    if channels and len(data.get("mean") or ()) == channels == len(data.get("std") or ()):
        norm = (tuple(float(v) for v in data["mean"]), tuple(float(v) for v in data["std"]))
        source["normalisation"] = {"mean": list(norm[0]), "std": list(norm[1])}
    return InitState(params, bn, source, notes, norm)


def initial_state(session, seed: int, init: InitState) -> None:
    """``session.init_state(seed)`` (fresh optimizer slots, EMA copies) with ``--init``'s
    parameters and BN statistics in place of the seeded ones."""
    session.init_state(seed)
    host = session.state_to_host()
    host["params"], host["bn"] = init.params.copy(), init.bn.copy()
    for s in session.state:     # the EMA rows start as copies of what they average
        if s.copy_of is not None:
            host[s.key] = host[s.copy_of].copy()
    session.load_state(host)
