"""``netspec predict``: the top classes of image files under a trained checkpoint.

    netspec predict [SPEC.py] --checkpoint RUN_DIR|FILE [--checkpoint-kind best|last]
                    [--weights ema|raw] IMAGE|DIR|GLOB... [--top K] [--json] [--backend ...]

Without ``SPEC.py`` (a first argument ending in ``.py``) the spec is the one recorded in the
run directory's ``run.json``.  The checkpoint used is printed first (on stderr with
``--json``).  Arguments: image files; folders (every image file inside, recursively, sorted);
globs, expanded by netspec (so a quoted ``'photos/*.jpg'`` works).  Each image gets the
validation transform of training (mode conversion to the spec's channels, resize + center
crop unless it already has the spec's size, the checkpoint's normalisation) and the class
names stored in the checkpoint.  An unreadable file named on the command line is reported by
name and the command exits 2 after printing the others; unreadable or non-image files found
in a folder or by a glob are skipped with one line.
"""

from __future__ import annotations

import json

import click
import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netspec.cli import checkpoint_options, main, report_error

from ._progress import stage_display
from .train import target_options

MAX_BATCH = 16


@main.command()
@click.argument("paths", nargs=-1, metavar="[SPEC.py] IMAGE|DIR|GLOB...")
@click.option("--spec", "spec_name", metavar="NAME", default=None,
              help="Which NetSpec of the file (default: the run's).")
@checkpoint_options
@click.option("--top", "top_k", type=click.IntRange(1, 1000), default=5, show_default=True,
              help="How many classes to show per image, most probable first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@target_options
def predict(paths, spec_name, checkpoint, checkpoint_kind, weights, top_k, as_json, backend,
            engine, chip, iree_flags, cache_dir):
    """Classify images (files, folders, globs) with a trained checkpoint: top-K classes."""
    from runtime.inference import (ImageArgError, describe_checkpoint, expand_images,
                                   inference_session, open_checkpoint, preprocess_file,
                                   resolve_weights)
    from runtime.train import log_softmax

    args = list(paths)
    spec_file = args.pop(0) if args and args[0].lower().endswith(".py") else None
    if not args:
        raise ImageArgError("no IMAGE given: pass image files, folders or globs (e.g. "
                            "'photos/*.jpg') after the options")
    inputs = expand_images(args)
    console = Console(highlight=False, soft_wrap=True)
    info = Console(stderr=True, highlight=False, soft_wrap=True) if as_json else console
    spec, ck = open_checkpoint(spec_file, spec_name, checkpoint, kind=checkpoint_kind)
    weights = resolve_weights(ck, weights)
    info.print(f"checkpoint  {escape(describe_checkpoint(ck, weights)['text'])}")
    for note in inputs.notes:
        info.print(f"[yellow]note:[/yellow] {escape(note)}")
    d = ck.manifest["data"]
    arrays, names, failed, skipped = [], [], [], 0
    for path, strict in inputs.files:
        try:
            arrays.append(preprocess_file(path, (spec.image_h, spec.image_w), spec.in_channels,
                                          d["mean"], d["std"]))
            names.append(path)
        except ValueError as e:
            if strict:
                failed.append((path, str(e)))
            else:
                skipped += 1
                info.print(f"[yellow]warning:[/yellow] skipping {escape(f'{path}: {e}')}")
    if not arrays and not failed:
        raise ImageArgError(f"none of the {skipped} image file(s) found in "
                            f"{', '.join(args)} could be read (see the lines above)")
    results = []
    if arrays:
        B = min(MAX_BATCH, len(arrays))
        with stage_display() as progress:     # stderr: the compile's stages, or a live line
            session, _ = inference_session(spec, ck, batch=B, backend=backend, chip=chip,
                                           extra_flags=iree_flags, cache_dir=cache_dir,
                                           engine=engine, progress=progress, weights=weights)
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
