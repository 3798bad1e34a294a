"""``netspec train``: compile the spec's train step for a device and train it from the host.

    netspec train SPEC.py [--spec NAME] [--data SRC] [--backend cpu|rocm|cuda|vulkan]
                  [--chip CHIP] [--epochs N] [--batch-size N] [--lr LR] [--optimizer OPT]
                  [--seed N] [--out RUN_DIR | --resume RUN_DIR] [--workers N]
                  [--save-every N] [--stop-at-step N] [--iree-flag FLAG]... [--cache-dir DIR]

SRC is an ImageFolder directory (``train/<class>/*``, ``val/<class>/*``), a ``.npz`` file or
``embedded:digits``; without ``--data`` the spec file's ``TrainConfig(default_data=...)`` is
used.  Flags override the spec file's TrainConfig.  The loop itself is ``runtime.train``.
Exit status: 0 when the run finished (or stopped at ``--stop-at-step``), 2 on a user error
(bad spec, data, flags, checkpoint; a diverged loss), 130 / 143 after Ctrl-C / SIGTERM (a
checkpoint was saved; ``--resume RUN_DIR`` continues exactly).
"""

from __future__ import annotations

import contextlib
import warnings
from pathlib import Path

import click
from rich.console import Console

from netspec.cli import engine_option, load_spec, main, spec_options
from netspec.errors import ConfigError
from netspec.spec import OPTIMIZERS, TrainConfig


def target_options(fn):
    fn = click.option("--cache-dir", default=None, metavar="DIR",
                      help="Compile cache (default $NETSPEC_CACHE_DIR or ~/.cache/netspec).")(fn)
    fn = click.option("--iree-flag", "iree_flags", multiple=True, metavar="FLAG",
                      help="Extra iree-compile flag, passed through (repeatable).")(fn)
    fn = click.option("--chip", default=None, help="Target chip (gfx1100, sm_80, host, ...).")(fn)
    fn = engine_option(fn)
    return click.option("--backend", default="cpu", show_default=True,
                        help="Target hardware: cpu, rocm, cuda or vulkan.")(fn)



@contextlib.contextmanager
def data_warnings_to(console):
    """Show ``DataWarning``s (an unreadable image, replaced) as one ``warning:`` line each."""
    from runtime.data import DataWarning

    with warnings.catch_warnings():
        original = warnings.showwarning

        def show(message, category, filename, lineno, file=None, line=None):
            if issubclass(category, DataWarning):
                console.print(f"[yellow]warning:[/yellow] {message}", highlight=False)
            else:
                original(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


def _overrides(**kw) -> dict:
    return {k: v for k, v in kw.items() if v is not None}


@main.command()
@spec_options
@click.option("--data", default=None, metavar="SRC",
              help="ImageFolder dir, .npz file or embedded:digits (default: the spec's).")
@target_options
@click.option("--epochs", type=int, default=None)
@click.option("--batch-size", type=int, default=None)
@click.option("--lr", "learning_rate", type=float, default=None, help="Base learning rate.")
@click.option("--optimizer", type=click.Choice(OPTIMIZERS), default=None)
@click.option("--seed", type=int, default=None)
@click.option("--out", default=None, metavar="RUN_DIR",
              help="Run directory (default runs/<spec>-<time>).")
@click.option("--resume", default=None, metavar="RUN_DIR",
              help="Continue the run in RUN_DIR exactly where it stopped.")
@click.option("--workers", type=int, default=None,
              help="Data worker processes (default: automatic).")
@click.option("--save-every", type=int, default=0, show_default=True,
              help="Also checkpoint every N steps (0: each epoch only).")
@click.option("--stop-at-step", type=int, default=None,
              help="Stop with a checkpoint after this many steps (resume later).")
def train(spec_file, spec_name, data, backend, engine, chip, iree_flags, cache_dir, epochs, batch_size,
          learning_rate, optimizer, seed, out, resume, workers, save_every, stop_at_step):
    """Train SPEC.py on the chosen device; evaluate, checkpoint and plot each epoch."""
    from runtime.train import TrainOptions, train as run_training

    if out is not None and resume is not None:
        raise ConfigError("--out and --resume are exclusive: a resumed run stays in its "
                          "directory", where="--out")
    for flag, v in (("--workers", workers), ("--save-every", save_every),
                    ("--stop-at-step", stop_at_step)):
        if v is not None and v < 0:
            raise ConfigError("must be >= 0", where=flag, expected="an integer >= 0", received=v)
    spec, config = load_spec(spec_file, spec_name)
    overrides = _overrides(epochs=epochs, batch_size=batch_size, learning_rate=learning_rate,
                           optimizer=optimizer, seed=seed)
    if config is None:
        config = TrainConfig()
    if resume is None and overrides:
        config = config.replace(**overrides)
    from runtime.engines import get_engine
    get_engine(engine)       # an unknown --engine is refused before anything else
    opts = TrainOptions(data=data, backend=backend, chip=chip, engine=engine,
                        out=Path(out) if out else None, resume=Path(resume) if resume else None,
                        workers=workers, cache_dir=cache_dir, iree_flags=tuple(iree_flags),
                        save_every=save_every, stop_at_step=stop_at_step, spec_file=spec_file)
    console = Console(highlight=False, soft_wrap=True)
    with data_warnings_to(console):
        result = run_training(spec, config, opts, console, overrides=overrides)
    if result.exit_code:
        raise SystemExit(result.exit_code)
