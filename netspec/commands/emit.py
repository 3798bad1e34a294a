"""``netspec emit``: write the StableHLO module of a spec (predict, grads, train_step).

    netspec emit SPEC.py [--spec NAME] [-o FILE] [--batch N] [--function F]...
                 [--optimizer adam|adamw|sgd|rmsprop] [--layout NHWC|NCHW] [--image-size N]

Defaults come from the spec file's TrainConfig when it has one (batch size, optimizer), else
batch 8 and adam; all three functions; NHWC activations.  ``--image-size N`` replaces the
spec's H and W by N (small test modules of a real network).

The text is verified with IREE's parser and op verifiers (``runtime.engines.iree.verify_mlir``)
before anything is written; a module that does not verify is an error and leaves the output
untouched.  ``-o FILE`` writes atomically (temporary file + rename) and prints a one-line
summary on stderr; without it the text goes to stdout.  Emission is deterministic: the same
spec and options give the same bytes in every process.

The option resolution (:func:`runtime.build.resolve`) and the checked emission
(:func:`runtime.build.emit_verified`) are plain functions so other commands and the tests can
use them without the CLI; this module only parses the options, calls them and prints.
"""

from __future__ import annotations

import click

from codegen import FUNCTIONS, DEFAULT_LAYOUT
from netspec.analysis import analyze
from netspec.cli import load_spec, main, replica_options, spec_options
from netspec.spec import OPTIMIZERS
from runtime.build import (DEFAULT_BATCH, DEFAULT_OPTIMIZER, EmitFailed, EmitPlan, emit_verified,
                           resolve)

from . import write_atomic


def summary(plan: EmitPlan, text: str, out: str) -> str:
    a = analyze(plan.spec)
    s = plan.spec
    return (f"wrote {out}: {len(text.encode('utf-8')):,} bytes, functions "
            f"{', '.join(plan.functions)}; {a.n_params:,} params; {s.name} "
            f"{s.image_h}x{s.image_w}x{s.in_channels}, batch {plan.batch}, {plan.optimizer}, "
            f"{plan.layout.name}")


@main.command()
@spec_options
@click.option("-o", "--output", "output", metavar="FILE", default=None,
              help="Write the module to FILE (atomically) instead of stdout.")
@click.option("--batch", default=None, metavar="N",
              help=f"Batch size (default: the TrainConfig's batch_size, else {DEFAULT_BATCH}).")
@click.option("--function", "functions", multiple=True, metavar="NAME",
              help="Emit only this function: " + ", ".join(FUNCTIONS)
                   + " (repeatable; default all).")
@click.option("--optimizer", default=None, metavar="NAME",
              help="Optimizer of train_step: " + ", ".join(OPTIMIZERS)
                   + f" (default: the TrainConfig's, else {DEFAULT_OPTIMIZER}).")
@click.option("--layout", default=None, metavar="NHWC|NCHW",
              help=f"Activation layout inside the module (default {DEFAULT_LAYOUT.name}; "
                   "images are NHWC inputs either way).")
@click.option("--image-size", "image_size", default=None, metavar="N",
              help="Override the input height and width with N (small test modules).")
@replica_options
def emit(spec_file, spec_name, output, batch, functions, optimizer, layout, image_size, replicas,
         sync_bn):
    """Write the StableHLO module (predict, grads, train_step) of a spec.

    The text is verified by IREE before it is written; with -o the write is atomic and a
    one-line summary goes to stderr.
    """
    spec, config = load_spec(spec_file, spec_name)
    plan = resolve(spec, config, batch=batch, functions=functions, optimizer=optimizer,
                   layout=layout, image_size=image_size, replicas=replicas, sync_bn=sync_bn)
    text = emit_verified(plan, source_hint=output or f"the module of {spec_file}").text
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text)
    except OSError as e:
        raise EmitFailed(f"cannot write {output}: {e.strerror or e}") from None
    click.echo(summary(plan, text, output), err=True)
