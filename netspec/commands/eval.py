"""``netspec eval``: accuracy of a checkpoint on a data split, per class, with a confusion matrix.

    netspec eval [SPEC.py] --checkpoint RUN_DIR|FILE [--checkpoint-kind best|last] [--weights ema|raw]
                 [--data SRC] [--split val|train] [--batch-size N] [--backend ...] [--chip ...]
                 [--out DIR]

``--checkpoint RUN_DIR`` takes the run's best checkpoint (else its last; ``--checkpoint-kind``
chooses), and without ``SPEC.py`` the spec file recorded in the run's ``run.json``.  The
checkpoint used is printed first (path, step, epoch, its val top-1).  The data defaults to
the source the checkpoint was trained on (``--weights``: the EMA weights, the default for a run
trained with ``--ema``, or the raw ones), and images are normalised with the checkpoint's
statistics (not recomputed from the evaluated data).  Prints top-1, top-5 and per-class
accuracy; writes ``eval.json`` and ``confusion.png`` into ``--out`` (default: ``eval/`` inside
the run directory, or next to the checkpoint file).  Unreadable images are named once each
(and listed in ``eval.json``); each is replaced by the next readable image of the split.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netspec.cli import checkpoint_options, main, run_spec_options

from ._progress import stage_display
from .train import data_warnings_to, target_options


def plot_confusion(conf: np.ndarray, classes: list[str], path: Path, title: str) -> None:
    import os

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    k = len(classes)
    size = min(16, 2.5 + 0.45 * k)
    fig, ax = plt.subplots(figsize=(size, size), dpi=100)
    tot = conf.sum(axis=1, keepdims=True)
    frac = np.where(tot > 0, conf / np.maximum(tot, 1), 0.0)
    ax.imshow(frac, cmap="Blues", vmin=0, vmax=1)
    if k <= 30:
        ax.set_xticks(range(k), classes, rotation=90, fontsize=7)
        ax.set_yticks(range(k), classes, fontsize=7)
        for i in range(k):
            for j in range(k):
                if conf[i, j]:
                    ax.text(j, i, str(conf[i, j]), ha="center", va="center", fontsize=6,
                            color="white" if frac[i, j] > 0.5 else "black")
    ax.set_xlabel("predicted"), ax.set_ylabel("true"), ax.set_title(title, fontsize=9)
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.tmp.png")
    fig.savefig(tmp)
    plt.close(fig)
    os.replace(tmp, path)


@main.command(name="eval")
@run_spec_options
@checkpoint_options
@click.option("--data", default=None, metavar="SRC", help="Default: the checkpoint's data.")
@click.option("--split", type=click.Choice(["val", "train"]), default="val", show_default=True,
              help="Which split of the data to evaluate.")
@click.option("--batch-size", type=int, default=None,
              help="Images per predict call (default: the checkpoint's training batch size).")
@target_options
@click.option("--workers", type=int, default=None,
              help="Data worker processes (default: automatic).")
@click.option("--out", default=None, metavar="DIR",
              help="Where eval.json and confusion.png go (default: eval/ in the run directory, "
                   "or eval-<name>/ next to a checkpoint file).")
def eval_(spec_file, spec_name, checkpoint, checkpoint_kind, weights, data, split, batch_size,
          backend, engine, chip, iree_flags, cache_dir, workers, out):
    """Evaluate a checkpoint: top-1, top-5, per-class accuracy, confusion matrix."""
    from runtime.data import Loader, open_dataset
    from runtime.inference import (describe_checkpoint, inference_session, open_checkpoint,
                                   resolve_weights)
    from runtime.train import evaluate

    console = Console(highlight=False, soft_wrap=True)
    spec, ck = open_checkpoint(spec_file, spec_name, checkpoint, kind=checkpoint_kind)
    weights = resolve_weights(ck, weights)
    used = describe_checkpoint(ck, weights)
    console.print(f"checkpoint  {escape(used['text'])}" + ("" if spec_file else escape(
        f"\nspec        {spec.name} ({ck.spec_file}, from run.json)")))
    man = ck.manifest
    source = data or man["data"]["source"]
    splits = open_dataset(source, image_hw=(spec.image_h, spec.image_w),
                          channels=spec.in_channels, seed=man["config"]["seed"])
    ck.check_classes(splits.classes, source)
    B = batch_size or man["config"]["batch_size"]
    with stage_display(console) as progress:    # the compile's stages, or a live line
        session, built = inference_session(spec, ck, batch=B, backend=backend, chip=chip,
                                           extra_flags=iree_flags, cache_dir=cache_dir,
                                           engine=engine, progress=progress, weights=weights)
    ds = splits.val if split == "val" else splits.train
    loader = Loader(ds, B, train=False, image_hw=(spec.image_h, spec.image_w),
                    channels=spec.in_channels, mean=tuple(man["data"]["mean"]),
                    std=tuple(man["data"]["std"]), seed=man["config"]["seed"], workers=workers)
    try:
        with data_warnings_to(console):
            r = evaluate(session, loader, len(splits.classes))
        bad = loader.bad_files
    finally:
        loader.close()
    classes = list(splits.classes)
    per = r.per_class()
    table = Table(title=f"{spec.name} — {split} split of {source} ({r.n:,} images), "
                        f"checkpoint step {man['step']}, {weights} weights")
    table.add_column("class"), table.add_column("images", justify="right")
    table.add_column("accuracy", justify="right")
    for i, c in enumerate(classes):
        n = int(r.confusion[i].sum())
        table.add_row(c, f"{n:,}", "—" if n == 0 else f"{100 * per[i]:.2f}%")
    console.print(table)
    console.print(f"top-1 [bold]{100 * r.top1:.2f}%[/bold]  top-5 {100 * r.top5:.2f}%  "
                  f"loss {r.loss:.4f}  ({r.n:,} images)")
    if bad:
        console.print(f"[yellow]note:[/yellow] {len(bad)} unreadable image file(s) (named "
                      "above) were each replaced by the next readable image of the split, which "
                      "is therefore counted twice", highlight=False)
    out_dir = Path(out) if out else ck.default_out_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    from . import write_atomic
    write_atomic(out_dir / "eval.json", json.dumps({
        "checkpoint": str(ck.path), "checkpoint_kind": used["kind"],
        "checkpoint_top1": used["top1"], "weights": weights, "step": man["step"], "data": source, "split": split,
        "images": r.n, "top1": r.top1, "top5": r.top5, "loss": r.loss, "classes": classes,
        "per_class_accuracy": [None if np.isnan(v) else float(v) for v in per],
        "confusion": r.confusion.tolist(),
        "bad_images": [{"path": p, "reason": why} for p, why in bad.items()]}, indent=1) + "\n")
    plot_confusion(r.confusion, classes, out_dir / "confusion.png",
                   f"{spec.name} {split}: top-1 {100 * r.top1:.2f}%")
    console.print(f"wrote {out_dir / 'eval.json'} and {out_dir / 'confusion.png'}")
