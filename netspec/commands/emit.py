"""``netspec emit``: write the StableHLO module of a spec (predict, grads, train_step).

    netspec emit SPEC.py [--spec NAME] [-o FILE] [--batch N] [--function F]...
                 [--optimizer adam|adamw|sgd|rmsprop] [--layout NHWC|NCHW] [--image-size N]

Defaults come from the spec file's TrainConfig when it has one (batch size, optimizer), else
batch 8 and adam; all three functions; NHWC activations.  ``--image-size N`` replaces the
spec's H and W by N (small test modules of a real network).

The text is verified with IREE's parser and op verifiers (``runtime.compile.verify_mlir``)
before anything is written; a module that does not verify is an error and leaves the output
untouched.  ``-o FILE`` writes atomically (temporary file + rename) and prints a one-line
summary on stderr; without it the text goes to stdout.  Emission is deterministic: the same
spec and options give the same bytes in every process.

The option resolution (:func:`resolve`) and the checked emission (:func:`emit_verified`) are
plain functions so other commands and the tests can use them without the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from codegen import FUNCTIONS, LAYOUTS, DEFAULT_LAYOUT, EmitError, Layout, emit_module
from netspec.analysis import analyze
from netspec.cli import load_spec, main, spec_options
from netspec.errors import ConfigError, NetspecError, SpecError
from netspec.spec import OPTIMIZERS, NetSpec, TrainConfig
from runtime.compile import MLIRVerifyError, verify_mlir

from . import write_atomic

DEFAULT_BATCH = 8           # without a TrainConfig
DEFAULT_OPTIMIZER = "adam"  # without a TrainConfig


class EmitFailed(NetspecError):
    """The module could not be emitted, or the emitted text does not verify."""


@dataclass(frozen=True)
class EmitPlan:
    """A spec and the fully resolved ``emit_module`` keywords."""

    spec: NetSpec
    batch: int
    functions: tuple[str, ...]
    optimizer: str
    layout: Layout

    def kwargs(self) -> dict:
        return dict(batch=self.batch, functions=self.functions, optimizer=self.optimizer,
                    layout=self.layout)


def _positive(flag: str, value) -> int:
    """An integer flag >= 1 (given as int or as the command-line string)."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ConfigError("must be a positive integer", where=flag,
                              expected="an integer >= 1", received=value) from None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError("must be a positive integer", where=flag,
                          expected="an integer >= 1", received=value)
    return value


def resolve(spec: NetSpec, config: TrainConfig | None, *, batch: int | None = None,
            functions=(), optimizer: str | None = None, layout: str | Layout | None = None,
            image_size: int | None = None) -> EmitPlan:
    """Validate the flags and fill in the defaults; errors name the flag (``ConfigError``)."""
    if batch is None:
        batch = config.batch_size if config is not None else DEFAULT_BATCH
    else:
        batch = _positive("--batch", batch)
    wanted = list(functions or ())
    for f in wanted:
        if f not in FUNCTIONS:
            raise ConfigError("is not a function of the module", where="--function",
                              expected=" | ".join(FUNCTIONS), received=f)
    # canonical order, duplicates dropped: the output does not depend on the flag order
    funcs = tuple(f for f in FUNCTIONS if f in wanted) if wanted else FUNCTIONS
    if optimizer is None:
        optimizer = config.optimizer if config is not None else DEFAULT_OPTIMIZER
    elif optimizer not in OPTIMIZERS:
        raise ConfigError("is not a supported optimizer", where="--optimizer",
                          expected=" | ".join(OPTIMIZERS), received=optimizer)
    if layout is None:
        lay = DEFAULT_LAYOUT
    elif isinstance(layout, Layout):
        lay = layout
    else:
        lay = LAYOUTS.get(str(layout).upper())
        if lay is None:
            raise ConfigError("is not an activation layout", where="--layout",
                              expected=" | ".join(LAYOUTS), received=layout)
    if image_size is not None:
        image_size = _positive("--image-size", image_size)
        try:
            spec = spec.with_(image_h=image_size, image_w=image_size)
        except SpecError as e:
            raise e.at(f"--image-size {image_size}") from None
    return EmitPlan(spec, batch, funcs, optimizer, lay)


def emit_verified(plan: EmitPlan, *, source_hint: str | None = None) -> str:
    """The module text of ``plan``, verified by IREE (``EmitFailed`` if it does not verify)."""
    try:
        text = emit_module(plan.spec, **plan.kwargs())
    except EmitError as e:
        raise EmitFailed(f"{plan.spec.name}: cannot emit the module: {e}") from None
    try:
        verify_mlir(text, source_hint=source_hint)
    except MLIRVerifyError as e:
        raise EmitFailed(
            f"the module emitted for {plan.spec.name} does not verify; nothing was written\n{e}"
            "\n  hint: this is a netspec code-generation bug; `netspec golden` shows which "
            "golden modules changed") from None
    return text


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
def emit(spec_file, spec_name, output, batch, functions, optimizer, layout, image_size):
    """Write the StableHLO module (predict, grads, train_step) of a spec.

    The text is verified by IREE before it is written; with -o the write is atomic and a
    one-line summary goes to stderr.
    """
    spec, config = load_spec(spec_file, spec_name)
    plan = resolve(spec, config, batch=batch, functions=functions, optimizer=optimizer,
                   layout=layout, image_size=image_size)
    text = emit_verified(plan, source_hint=output or f"the module of {spec_file}")
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(output, text)
    except OSError as e:
        raise EmitFailed(f"cannot write {output}: {e.strerror or e}") from None
    click.echo(summary(plan, text, output), err=True)
