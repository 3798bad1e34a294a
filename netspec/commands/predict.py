"""``netspec predict``: the top classes of image files under a trained checkpoint.

    netspec predict SPEC.py --checkpoint RUN_DIR|FILE IMAGE... [--top K] [--json]
                    [--backend ...] [--chip ...]

Each image gets the validation transform of training (mode conversion to the spec's channels,
resize + center crop unless it already has the spec's size, the checkpoint's normalisation)
and the class names stored in the checkpoint.  An unreadable image is reported by name and
the command exits 2 after printing the others.
"""

from __future__ import annotations

import json

import click
import numpy as np
from rich.console import Console
from rich.table import Table

from netspec.cli import main, report_error, spec_options

from .train import target_options

MAX_BATCH = 16


@main.command()
@spec_options
@click.option("--checkpoint", required=True, metavar="RUN_DIR|FILE")
@click.argument("images", nargs=-1, required=True, metavar="IMAGE...")
@click.option("--top", "top_k", type=click.IntRange(1, 1000), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@target_options
def predict(spec_file, spec_name, checkpoint, images, top_k, as_json, backend, engine, chip, iree_flags,
            cache_dir):
    """Classify IMAGE files with a trained checkpoint (top-K classes and probabilities)."""
    from runtime.inference import inference_session, open_checkpoint, preprocess_file
    from runtime.train import log_softmax

    console = Console(highlight=False, soft_wrap=True)
    spec, ck = open_checkpoint(spec_file, spec_name, checkpoint)
    d = ck.manifest["data"]
    arrays, names, failed = [], [], []
    for path in images:
        try:
            arrays.append(preprocess_file(path, (spec.image_h, spec.image_w), spec.in_channels,
                                          d["mean"], d["std"]))
            names.append(path)
        except ValueError as e:
            failed.append((path, str(e)))
    results = []
    if arrays:
        B = min(MAX_BATCH, len(arrays))
        session, _ = inference_session(spec, ck, batch=B, backend=backend, chip=chip,
                                       extra_flags=iree_flags, cache_dir=cache_dir, engine=engine)
        classes = ck.classes
        for i in range(0, len(arrays), B):
            chunk = np.stack(arrays[i:i + B])
            n = len(chunk)
            if n < B:
                chunk = np.concatenate([chunk, np.zeros((B - n, *chunk.shape[1:]), chunk.dtype)])
            probs = np.exp(log_softmax(session.predict(chunk)[:n].astype(np.float64)))
            for name, p in zip(names[i:i + n], probs):
                order = np.argsort(-p, kind="stable")[:top_k]
                results.append({"image": name, "top": [
                    {"class": classes[j], "index": int(j), "probability": float(p[j])}
                    for j in order]})
    if as_json:
        click.echo(json.dumps(results, indent=1))
    else:
        for r in results:
            t = Table(title=r["image"], title_justify="left", show_edge=False)
            t.add_column("#", justify="right"), t.add_column("class")
            t.add_column("probability", justify="right")
            for k, e in enumerate(r["top"], 1):
                t.add_row(str(k), e["class"], f"{100 * e['probability']:.2f}%")
            console.print(t)
    for path, why in failed:
        report_error(f"{path}: {why}")
    if failed:
        raise SystemExit(2)
