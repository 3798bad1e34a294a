"""What the run directories under a folder hold (``netspec runs``): logic only, no printing.

    runs, skipped = list_runs("runs")      # [RunInfo], [Path of folders that are not runs]
    info = read_run("runs/tiny-20261124-180945")

A folder is a run when it holds any of ``run.json``, ``checkpoints/``, ``metrics.jsonl`` or
``.lock`` (what ``netspec train`` writes, see ``runtime.train``).  Each run is read from:

* ``run.json``: the spec (name, file), when it started, the configuration;
* ``checkpoints/last.json`` (the readable copy of the last checkpoint's manifest; else the
  manifest inside ``last.safetensors``, read from its header without loading the tensors):
  the step, the epochs evaluated, the best top-1 and the metric it was chosen on
  (``best_on``), why it was written;
* ``metrics.jsonl``: the steps and epochs recorded, the last epoch's top-1 (the only source
  while a run is going, as checkpoints are written once an epoch);
* ``.lock``: whether a ``netspec train`` holds it now (``RunDir.held_by``: a probe that never
  takes the lock from a live trainer).

Best and last top-1 are both of ONE metric, ``best_on``: the one the run chose
``checkpoints/best`` on (the checkpoint's ``best_on``, else its config's: ``ema_val_top1``
for a run with EMA unless the user asked for ``val_top1``).  A run with EMA records raw and
EMA top-1 per epoch; they are never mixed in one figure.

Status (``RunInfo.status``, explained in ``RunInfo.status_text``):

``running``   the lock is held (pid in the text);
``finished``  every epoch trained and evaluated;
``stopped``   ended early by ``--stop-at-step``, Ctrl-C or SIGTERM, with a checkpoint at that
              step (``netspec train --resume`` continues exactly);
``failed``    not running, not finished and its last checkpoint is not a stop's: the process
              died (an error such as a diverged loss or a full disk, SIGKILL, a crash) after
              the step in the text; it resumes from its last checkpoint if it has one;
``broken``    ``run.json`` or the last checkpoint cannot be read (the text says which and why).

Nothing here raises for a damaged run: the problem is the run's status.  ``list_runs`` raises
``RunsError`` only when the folder itself does not exist or is not a folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from netspec.errors import NetspecError

from .checkpoint import CheckpointError, peek_manifest
from .train.rundir import RunDir, read_metrics

__all__ = ["RunInfo", "RunsError", "is_run", "list_runs", "read_manifest", "read_run"]

_RUN_MARKERS = ("run.json", "checkpoints", "metrics.jsonl", ".lock")


class RunsError(NetspecError):
    """The folder to list does not exist or is not a folder."""


@dataclass
class RunInfo:
    path: Path
    name: str
    status: str                  # running | finished | stopped | failed | broken
    status_text: str             # e.g. "stopped at step 8 (stop-at-step)"
    spec: str | None = None      # the NetSpec's name
    spec_file: str | None = None
    started: str | None = None   # run.json's "started" (ISO 8601)
    step: int | None = None      # optimizer steps done (checkpoint, or metrics while running)
    total_steps: int | None = None
    epochs_done: int | None = None
    epochs: int | None = None
    best_top1: float | None = None   # of the metric best_on
    last_top1: float | None = None   # of the metric best_on
    best_on: str = "val_top1"        # the epoch metric: val_top1 | ema_val_top1
    checkpoint_step: int | None = None   # the step of checkpoints/last.safetensors
    pid: str | None = None       # of the trainer holding the lock

    def to_dict(self) -> dict:
        d = asdict(self)
        d["path"] = str(self.path)
        return d


def is_run(path: Path) -> bool:
    p = Path(path)
    return p.is_dir() and any((p / m).exists() for m in _RUN_MARKERS)


def list_runs(root) -> tuple[list[RunInfo], list[Path]]:
    """The runs in ``root`` (or ``root`` itself when it is a run), sorted by start time (runs
    without one last) then name, and the sub-folders that are not runs."""
    root = Path(root)
    if not root.exists():
        raise RunsError(f"{root}: no such directory (runs are written to runs/ by default; "
                        "pass the folder that holds them)")
    if not root.is_dir():
        raise RunsError(f"{root}: not a directory")
    if is_run(root):
        return [read_run(root)], []
    runs, skipped = [], []
    for d in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        (runs if is_run(d) else skipped).append(d)
    infos = [read_run(d) for d in runs]
    infos.sort(key=lambda r: (r.started is None, r.started or "", r.name))
    return infos, skipped


def read_manifest(ckpt: Path) -> dict:
    """The manifest of a checkpoint without loading its tensors: its ``.json`` copy, else the
    metadata in the safetensors header.  ValueError (saying why) when neither can be read."""
    ckpt = Path(ckpt)
    side = ckpt.with_suffix(".json")
    try:
        man = json.loads(side.read_text(encoding="utf-8"))
        if isinstance(man, dict) and "step" in man:
            return man
    except (OSError, ValueError):
        pass
    try:
        man = peek_manifest(ckpt)
    except CheckpointError as e:
        raise ValueError(str(e)) from None
    if "step" not in man:
        raise ValueError(f"{ckpt} is not a readable netspec checkpoint")
    return man


def _read_run_json(path: Path) -> tuple[dict | None, str | None]:
    f = path / "run.json"
    try:
        text = f.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as e:
        return None, f"run.json cannot be read ({getattr(e, 'strerror', None) or e})"
    try:
        info = json.loads(text)
    except ValueError as e:
        return None, f"run.json is not valid JSON ({e})"
    if not isinstance(info, dict):
        return None, "run.json is not a JSON object"
    return info, None


def _int(v) -> int | None:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def best_on_of(man: dict | None, cfg: dict) -> str:
    """The epoch metric a run's best and last top-1 are of: the checkpoint's ``best_on``
    (written since EMA exists), else the config's ``best_on``, else ``ema_val_top1`` when the
    config had EMA (TrainConfig.best_metric), else ``val_top1``."""
    v = (man or {}).get("best_on") or cfg.get("best_on")
    if v in ("val_top1", "ema_val_top1"):
        return v
    return "ema_val_top1" if cfg.get("ema") else "val_top1"


def read_run(path) -> RunInfo:
    """One run directory, read defensively (a damaged file is the run's status, not an error)."""
    path = Path(path)
    run = RunDir(path)
    info, problem = _read_run_json(path)
    man, man_problem = None, None
    if run.last.exists() or run.last.with_suffix(".json").exists():
        try:
            man = read_manifest(run.last)
        except ValueError as e:
            man_problem = f"the last checkpoint is unreadable: {e}"
    records = read_metrics(run.metrics)
    step_recs = [r for r in records if r.get("kind") == "step" and _int(r.get("step")) is not None]
    epoch_recs = [r for r in records if r.get("kind") == "epoch"]
    cfg = (man or {}).get("config") or (info or {}).get("config") or {}
    spec = ((info or {}).get("spec") or {}).get("name") if isinstance((info or {}).get("spec"),
                                                                      dict) else None
    r = RunInfo(path=path, name=path.name, status="", status_text="",
                spec=spec or (man or {}).get("spec_name"),
                spec_file=(info or {}).get("spec_file"), started=(info or {}).get("started"),
                epochs=_int(cfg.get("epochs")))
    S = _int((man or {}).get("steps_per_epoch"))
    if S is None and epoch_recs:
        e = epoch_recs[-1]
        if _int(e.get("step")) and _int(e.get("epoch")) is not None:
            S = _int(e["step"]) // (_int(e["epoch"]) + 1)
    recorded_step = (max(_int(s["step"]) for s in step_recs) + 1) if step_recs else 0
    r.best_on = best_on_of(man, cfg)
    if man is not None:
        r.checkpoint_step = _int(man.get("step"))
        r.step = r.checkpoint_step
        r.epochs_done = _int(man.get("epochs_evaluated"))
        r.best_top1 = man.get("best_top1")
    tops = [e.get(r.best_on) for e in epoch_recs if e.get(r.best_on) is not None]
    if tops:
        r.last_top1 = tops[-1]
        r.best_top1 = max(tops) if r.best_top1 is None else max(r.best_top1, max(tops))
    if S and r.epochs:
        r.total_steps = S * r.epochs
    r.pid = run.held_by()

    if r.pid is not None:
        r.step = max(recorded_step, r.step or 0)
        r.epochs_done = max(len(epoch_recs), r.epochs_done or 0)
        r.status, r.status_text = "running", f"running (pid {r.pid})"
    elif problem or man_problem:
        r.status, r.status_text = "broken", f"broken: {problem or man_problem}"
    elif man is not None:
        reason = str(man.get("reason") or "")
        done = (r.epochs is not None and (r.epochs_done or 0) >= r.epochs
                and (r.total_steps is None or (r.step or 0) >= r.total_steps))
        if done:
            r.status, r.status_text = "finished", "finished"
        elif reason.startswith("interrupted"):
            why = reason[reason.find("(") + 1:reason.rfind(")")] if "(" in reason else ""
            r.status = "stopped"
            r.status_text = f"stopped at step {r.step}" + (f" ({why})" if why else "")
        else:
            r.status = "failed"
            after = max(recorded_step, r.step or 0)
            r.status_text = (f"failed or killed after step {after} (resumable from its "
                             f"checkpoint at step {r.step})")
        if info is None:
            r.status_text += "; run.json is missing"
    else:
        r.step = recorded_step if step_recs else None
        r.epochs_done = len(epoch_recs) if epoch_recs else None
        r.status = "failed"
        r.status_text = (f"failed or killed after step {recorded_step} (no checkpoint)"
                         if step_recs else "failed before training began (no checkpoint)")
        if info is None:
            r.status_text += "; run.json is missing"
    return r
