"""``netspec eval``: accuracy of a checkpoint on a data split, per class, with a confusion matrix.

    netspec eval SPEC.py --checkpoint RUN_DIR|FILE [--data SRC] [--split val|train]
                 [--batch-size N] [--backend ...] [--chip ...] [--out DIR]

``--checkpoint RUN_DIR`` takes the run's best checkpoint (else its last).  The data defaults to
the source the checkpoint was trained on, and images are normalised with the checkpoint's
statistics (not recomputed from the evaluated data).  Prints top-1, top-5 and per-class
accuracy; writes ``eval.json`` and ``confusion.png`` into ``--out`` (default: ``eval/`` inside
the run directory, or next to the checkpoint file).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import numpy as np
from rich.console import Console
from rich.table import Table

from netspec.cli import main, spec_options

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
@spec_options
@click.option("--checkpoint", required=True, metavar="RUN_DIR|FILE")
@click.option("--data", default=None, metavar="SRC", help="Default: the checkpoint's data.")
@click.option("--split", type=click.Choice(["val", "train"]), default="val", show_default=True)
@click.option("--batch-size", type=int, default=None)
@target_options
@click.option("--workers", type=int, default=None)
@click.option("--out", default=None, metavar="DIR")
def eval_(spec_file, spec_name, checkpoint, data, split, batch_size, backend, engine, chip, iree_flags,
          cache_dir, workers, out):
    """Evaluate a checkpoint: top-1, top-5, per-class accuracy, confusion matrix."""
    from runtime.data import Loader, open_dataset
    from runtime.inference import open_checkpoint, inference_session
    from runtime.train import evaluate

    console = Console(highlight=False, soft_wrap=True)
    spec, ck = open_checkpoint(spec_file, spec_name, checkpoint)
    man = ck.manifest
    source = data or man["data"]["source"]
    splits = open_dataset(source, image_hw=(spec.image_h, spec.image_w),
                          channels=spec.in_channels, seed=man["config"]["seed"])
    ck.check_classes(splits.classes, source)
    B = batch_size or man["config"]["batch_size"]
    session, built = inference_session(spec, ck, batch=B, backend=backend, chip=chip,
                                       extra_flags=iree_flags, cache_dir=cache_dir, engine=engine)
    ds = splits.val if split == "val" else splits.train
    loader = Loader(ds, B, train=False, image_hw=(spec.image_h, spec.image_w),
                    channels=spec.in_channels, mean=tuple(man["data"]["mean"]),
                    std=tuple(man["data"]["std"]), seed=man["config"]["seed"], workers=workers)
    try:
        with data_warnings_to(console):
            r = evaluate(session, loader, len(splits.classes))
    finally:
        loader.close()
    classes = list(splits.classes)
    per = r.per_class()
    table = Table(title=f"{spec.name} — {split} split of {source} ({r.n:,} images), "
                        f"checkpoint step {man['step']}")
    table.add_column("class"), table.add_column("images", justify="right")
    table.add_column("accuracy", justify="right")
    for i, c in enumerate(classes):
        n = int(r.confusion[i].sum())
        table.add_row(c, f"{n:,}", "—" if n == 0 else f"{100 * per[i]:.2f}%")
    console.print(table)
    console.print(f"top-1 [bold]{100 * r.top1:.2f}%[/bold]  top-5 {100 * r.top5:.2f}%  "
                  f"loss {r.loss:.4f}  ({r.n:,} images)")
    out_dir = Path(out) if out else ck.default_out_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    from . import write_atomic
    write_atomic(out_dir / "eval.json", json.dumps({
        "checkpoint": str(ck.path), "step": man["step"], "data": source, "split": split,
        "images": r.n, "top1": r.top1, "top5": r.top5, "loss": r.loss, "classes": classes,
        "per_class_accuracy": [None if np.isnan(v) else float(v) for v in per],
        "confusion": r.confusion.tolist()}, indent=1) + "\n")
    plot_confusion(r.confusion, classes, out_dir / "confusion.png",
                   f"{spec.name} {split}: top-1 {100 * r.top1:.2f}%")
    console.print(f"wrote {out_dir / 'eval.json'} and {out_dir / 'confusion.png'}")
