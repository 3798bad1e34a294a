"""Opening a trained checkpoint for inference (``netspec eval`` / ``netspec predict``).

``open_checkpoint`` resolves ``RUN_DIR`` (its best checkpoint, else its last; or the one
``kind`` names) or a file, loads and integrity-checks it and checks it belongs to the spec.
Without a spec file it reads the spec's path and name from the run's ``run.json``
(``spec_from_run``), so ``netspec eval --checkpoint RUN_DIR`` needs nothing else.
``describe_checkpoint`` says which checkpoint that is (path, step, epoch, its val top-1);
``inference_session`` compiles the spec's ``predict`` at the wanted batch and uploads the
checkpoint's parameters and BN stats (``weights``: the raw ones or their EMA, ``resolve_weights``); ``expand_images`` turns ``predict``'s arguments (files,
folders, globs) into the image files to classify.
"""

from __future__ import annotations

import glob
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netspec.analysis import analyze, layout_hash, spec_hash
from netspec.errors import ConfigError, NetspecError
from netspec.loader import load_spec_file

from .checkpoint import CheckpointError, check_compatible, load_checkpoint
from .session import open_session
from .spec_overrides import apply_overrides, recorded_overrides

CHECKPOINT_KINDS = ("best", "last")
#: ``--weights``: which weights of a checkpoint to use -> the checkpoint keys of (params, bn).
WEIGHTS = {"ema": ("ema", "ema.bn"), "raw": ("params", "bn")}


@dataclass
class OpenCheckpoint:
    path: Path
    tensors: dict[str, np.ndarray]
    manifest: dict
    spec_file: str | None = None      # the spec file it was checked against

    @property
    def classes(self) -> list[str]:
        return list(self.manifest["data"]["classes"])

    def check_classes(self, classes, source) -> None:
        if list(classes) != self.classes:
            raise CheckpointError(
                f"the data at {source} has classes {list(classes)[:6]}"
                f"{'...' if len(classes) > 6 else ''}, but {self.path} was trained on "
                f"{self.classes[:6]}{'...' if len(self.classes) > 6 else ''}")

    def default_out_dir(self) -> Path:
        if self.path.parent.name == "checkpoints":
            return self.path.parent.parent / "eval"
        return self.path.parent / f"eval-{self.path.stem}"


def resolve_checkpoint(path, kind: str | None = None) -> Path:
    """The checkpoint file ``path`` means: a file as is; a run directory's ``kind`` checkpoint
    (``best`` / ``last``), by default its best, else its last."""
    p = Path(path)
    if p.is_dir():
        names = (kind,) if kind else CHECKPOINT_KINDS
        for name in names:
            for cand in (p / "checkpoints" / f"{name}.safetensors", p / f"{name}.safetensors"):
                if cand.is_file():
                    return cand
        if kind:
            raise CheckpointError(f"--checkpoint {p}: the run has no {kind} checkpoint "
                                  f"(checkpoints/{kind}.safetensors is missing)"
                                  + ("; try --checkpoint-kind last" if kind == "best" else ""))
        raise CheckpointError(f"{p} holds no checkpoint (looked for checkpoints/best.safetensors "
                              "and checkpoints/last.safetensors)")
    if kind and p.exists():
        raise CheckpointError(f"--checkpoint-kind {kind}: only for a run directory, but "
                              f"--checkpoint {p} is a checkpoint file (drop --checkpoint-kind, "
                              "or pass the run directory)")
    return p


def run_dir_of(path) -> Path | None:
    """The run directory a ``--checkpoint`` argument belongs to (a run directory itself, or a
    file in its ``checkpoints/``), or None."""
    p = Path(path)
    if p.is_dir():
        return p if ((p / "run.json").exists() or (p / "checkpoints").is_dir()) else None
    if p.parent.name == "checkpoints" and (p.parent.parent / "run.json").exists():
        return p.parent.parent
    return None


def spec_from_run(run_dir) -> tuple[str, str | None]:
    """(spec file, NetSpec name) recorded in ``run_dir/run.json`` by ``netspec train``.

    The file is looked for at its absolute path (``spec_path``), then as recorded
    (``spec_file``, relative to where ``train`` ran: tried from here and from the folder that
    holds ``runs/``); CheckpointError naming the recorded path when it is gone."""
    run_dir = Path(run_dir)
    rj = run_dir / "run.json"
    try:
        info = json.loads(rj.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CheckpointError(f"--checkpoint {run_dir}: no run.json to read the spec from; "
                              "pass SPEC.py") from None
    except (OSError, ValueError) as e:
        raise CheckpointError(f"{rj}: unreadable ({e}); pass SPEC.py") from None
    if not isinstance(info, dict):
        raise CheckpointError(f"{rj}: not a JSON object; pass SPEC.py")
    recorded = info.get("spec_file")
    absolute = info.get("spec_path")
    name = (info.get("spec") or {}).get("name") if isinstance(info.get("spec"), dict) else None
    if not recorded and not absolute:
        raise CheckpointError(f"{rj} records no spec file; pass SPEC.py")
    candidates = []
    if absolute:
        candidates.append(Path(absolute))
    if recorded:
        rec = Path(recorded)
        candidates.append(rec)
        if not rec.is_absolute():
            candidates.append(run_dir.resolve().parent.parent / rec)
    for c in candidates:
        if c.is_file():
            return str(c), name
    raise CheckpointError(f"the run's spec file {absolute or recorded} (recorded in {rj}) no "
                          "longer exists; pass SPEC.py (the spec the run was trained with)")


def open_checkpoint(spec_file, spec_name, path, kind: str | None = None):
    """(spec, OpenCheckpoint) with the checkpoint verified against the spec.  ``spec_file``
    None: the spec recorded in the run's ``run.json`` (``path`` must be in a run directory).
    The spec is the network the checkpoint was trained as: the file's, with the
    ``spec_overrides`` its manifest records (``netspec train --image-size / --num-classes``)."""
    if spec_file is None:
        run = run_dir_of(path)
        if run is None:
            if not Path(path).exists():
                raise CheckpointError(f"--checkpoint {path}: no such run directory or file")
            raise CheckpointError(f"SPEC.py is required: --checkpoint {path} is not in a run "
                                  "directory (no run.json to read the spec from)")
        spec_file, recorded_name = spec_from_run(run)
        spec_name = spec_name or recorded_name
    spec, _, _ = load_spec_file(spec_file, spec_name)
    p = resolve_checkpoint(path, kind)
    tensors, man = load_checkpoint(p)
    # the network as trained: the spec file's with the run's --image-size / --num-classes
    spec = apply_overrides(spec, recorded_overrides(man))
    a = analyze(spec)
    check_compatible(p, tensors, man, spec_name=spec.name, spec_hash=spec_hash(spec),
                     layout_hash=layout_hash(a), n_params=a.n_params, n_bn_floats=a.n_bn_floats)
    return spec, OpenCheckpoint(p, tensors, man, spec_file=str(spec_file))


def resolve_weights(ck: OpenCheckpoint, weights: str | None) -> str:
    """``--weights`` resolved: None -> "ema" when the checkpoint holds EMA weights, else "raw";
    "ema" on a checkpoint without them is a ConfigError naming the flag."""
    has_ema = all(k in ck.tensors for k in WEIGHTS["ema"])
    if weights is None:
        return "ema" if has_ema else "raw"
    if weights not in WEIGHTS:
        raise ConfigError("is not a choice", where="--weights", expected=" | ".join(WEIGHTS),
                          received=weights)
    if weights == "ema" and not has_ema:
        raise ConfigError(f"asks for the EMA weights, and {ck.path} holds none (its run was "
                          "trained without --ema)", where="--weights ema",
                          hint="pass --weights raw, or train with --ema")
    return weights


def describe_checkpoint(ck: OpenCheckpoint, weights: str = "raw") -> dict:
    """Which checkpoint this is: path, kind (best / last / file), step, epoch, and its own val
    top-1 where it is known (the epoch record of its step in the run's metrics.jsonl, or the
    best top-1 for a best checkpoint), with ``text``: one line to print.  ``weights``: which
    weights' top-1 ("raw": val_top1, "ema": ema_val_top1)."""
    from .train.rundir import read_metrics

    man = ck.manifest
    step = int(man.get("step", 0))
    S = int(man.get("steps_per_epoch") or 0)
    done = int(man.get("epochs_evaluated") or 0)
    epochs = (man.get("config") or {}).get("epochs")
    stem = ck.path.stem
    kind = stem if stem in CHECKPOINT_KINDS and ck.path.parent.name == "checkpoints" else "file"
    top1 = None
    metric = "ema_val_top1" if weights == "ema" else "val_top1"
    if ck.path.parent.name == "checkpoints":
        for r in read_metrics(ck.path.parent.parent / "metrics.jsonl"):
            if r.get("kind") == "epoch" and r.get("step") == step and r.get("epoch") == done - 1:
                top1 = r.get(metric)
    if top1 is None and kind == "best" and man.get("best_on", "val_top1") == metric:
        top1 = man.get("best_top1")
    at_epoch_end = S > 0 and step == done * S
    where = (f"epoch {done}" + (f"/{epochs}" if epochs else "") if at_epoch_end
             else f"epoch {step // S + 1 if S else '?'}, batch {step % S if S else '?'}")
    acc = (f"{'EMA ' if weights == 'ema' else ''}val top-1 {100 * top1:.2f}%" if top1 is not None
           else "not evaluated at this step" if not at_epoch_end else "val top-1 not recorded")
    text = f"{ck.path} ({kind}: step {step}, {where}; {acc})" + (
        "; EMA weights" if weights == "ema" else "")
    if man.get("imported"):     # ``netspec weights import``: no training history
        imp = man["imported"]
        text = f"{ck.path} (imported {imp.get('from')} weights from {imp.get('file')})"
    return {"path": str(ck.path), "kind": kind, "step": step, "epochs_evaluated": done,
            "epochs": epochs, "top1": top1, "weights": weights, "text": text}


def inference_session(spec, ck: OpenCheckpoint, *, batch: int, backend="cpu", chip=None,
                      extra_flags=(), cache_dir=None, engine: str = "iree", progress=None,
                      weights: str = "raw"):
    """``progress`` (``runtime.progress``): the build's stages, then "load" and "done".
    ``weights``: "raw" (params, bn) or "ema" (the checkpoint's ema, ema.bn; see
    ``resolve_weights``)."""
    p_key, bn_key = WEIGHTS[resolve_weights(ck, weights)]
    a = analyze(spec)
    if weights == "ema":    # shapes checked like a resumed run's state
        check_compatible(ck.path, ck.tensors, ck.manifest, spec_name=spec.name,
                         spec_hash=spec_hash(spec), layout_hash=layout_hash(a),
                         n_params=a.n_params, n_bn_floats=a.n_bn_floats,
                         state_keys=list(WEIGHTS["ema"]))
    from .build import build
    from .progress import Reporter

    rep, owner = Reporter.joined(progress)
    built = build(spec, None, backend=backend, chip=chip, batch=batch, functions=("predict",),
                  extra_flags=tuple(extra_flags), cache_dir=cache_dir, engine=engine,
                  progress=rep)
    rep("load", driver=built.result.driver)
    s = open_session(built, optimizer=None, engine=engine)
    s.load_state({"params": ck.tensors[p_key], "bn": ck.tensors[bn_key]})
    if owner:
        rep("done")
    return s, built



def preprocess_file(path, image_hw, channels: int, mean, std) -> np.ndarray:
    """One image file -> f32[H, W, C] exactly as a validation batch row (decode, mode
    conversion, resize + centre crop, normalisation); ValueError naming why it is unreadable."""
    from runtime.data.decode import DecodeFailure, render_file
    from runtime.data.transforms import Normalizer, val_plan

    hw = tuple(image_hw)
    try:
        img = render_file(str(path), lambda w, h: val_plan(w, h, hw), hw, channels)
    except DecodeFailure as e:
        raise ValueError(e.reason) from None
    out = np.empty(img.shape, np.float32)
    Normalizer(tuple(mean), tuple(std))(img, out)
    return out


class ImageArgError(NetspecError):
    """A ``predict`` argument that names no image (an empty folder, a glob matching nothing)."""


@dataclass
class ImageInputs:
    """``predict``'s arguments expanded: ``files`` in order, each with ``strict`` (named by
    the user: unreadable is an error) or not (found in a folder or by a glob: unreadable is
    skipped with a note); ``notes``: one line per folder / glob that had non-image files."""
    files: list[tuple[str, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _image_files_in(folder: Path) -> tuple[list[str], int]:
    """Image files (by extension, as the ImageFolder source) under ``folder``, recursively,
    sorted, hidden entries skipped; and how many other files there were."""
    import os

    from .data.sources import IMAGE_EXTENSIONS

    found, other = [], 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith("."):
                continue
            if fn.lower().endswith(IMAGE_EXTENSIONS):
                found.append(os.path.join(dirpath, fn))
            else:
                other += 1
    return sorted(found), other


def expand_images(args) -> ImageInputs:
    """Files as given; folders: every image file inside (recursively, sorted); globs (``*``,
    ``?``, ``[...]``, ``**``; expanded here, so a quoted glob works too): the matching files
    (folders among them expanded), sorted.  A file met twice is kept once."""
    from .data.sources import IMAGE_EXTENSIONS

    out = ImageInputs()
    seen: set[str] = set()

    def add(path: str, strict: bool) -> None:
        if path not in seen:
            seen.add(path)
            out.files.append((path, strict))

    def add_folder(folder: Path, label: str) -> int:
        files, other = _image_files_in(folder)
        for f in files:
            add(f, False)
        if other:
            out.notes.append(f"{label}: skipped {other} file(s) that are not images "
                             f"(by extension: {', '.join(IMAGE_EXTENSIONS)})")
        return len(files)

    for arg in args:
        p = Path(arg)
        if p.is_dir():
            if not add_folder(p, str(p)):
                raise ImageArgError(f"IMAGE {arg}: the folder holds no image file")
        elif p.exists() or not glob.has_magic(arg):
            add(arg, True)       # a missing file is reported with the unreadable ones
        else:
            matches = sorted(glob.glob(str(Path(arg).expanduser()), recursive=True))
            if not matches:
                raise ImageArgError(f"IMAGE {arg}: no file matches this pattern")
            n, other = 0, 0
            for m in matches:
                if Path(m).is_dir():
                    n += add_folder(Path(m), m)
                elif m.lower().endswith(IMAGE_EXTENSIONS):
                    add(m, False)
                    n += 1
                else:
                    other += 1
            if other:
                out.notes.append(f"{arg}: skipped {other} matching file(s) that are not images "
                                 f"(by extension: {', '.join(IMAGE_EXTENSIONS)})")
            if not n:
                raise ImageArgError(f"IMAGE {arg}: no image file matches this pattern")
    return out
