"""The ``netspec`` command line.

``main`` is the click group; every subcommand is a function decorated with ``@main.command()``.
Commands that live in other modules are registered in ``LAZY_COMMANDS`` (command name ->
module path) and imported only when invoked or listed, so ``netspec info`` never pays for
importing a compiler or a runtime::

    # netspec/commands/train.py
    from netspec.cli import main, spec_options, load_spec

    @main.command()
    @spec_options
    def train(spec_file, spec_name): ...

    # here:  LAZY_COMMANDS = {"train": "netspec.commands.train"}

Errors: every command runs guarded (``run_guarded``).  A ``NetspecError`` (``SpecError``,
``ConfigError``, ``SpecFileError``, ...) prints ``error: <message>`` in red on stderr, with no
traceback, and exits with status 2; Ctrl-C exits with 130.  Anything else is a bug in netspec
and keeps its traceback.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import textwrap

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .analysis import Analysis, analyze
from .errors import NetspecError
from .loader import SpecFileError, list_specs, load_spec_file
from .spec import NetSpec, TrainConfig

EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130

# Subcommands defined in other modules: name -> importable module that registers it on `main`
# (with @main.command()) or defines a click command of that name.
LAZY_COMMANDS: dict[str, str] = {"emit": "netspec.commands.emit", "golden": "netspec.commands.golden"}
LAZY_COMMANDS.update(train="netspec.commands.train", eval="netspec.commands.eval",
                     predict="netspec.commands.predict", bench="netspec.commands.bench")
LAZY_COMMANDS["verify"] = "netspec.commands.verify"
LAZY_COMMANDS["compile"] = "netspec.commands.compile"
LAZY_COMMANDS["runs"] = "netspec.commands.runs"
LAZY_COMMANDS["weights"] = "netspec.commands.weights"


# --------------------------------------------------------------------------- error handling
def report_error(message: str) -> None:
    """Print ``error: <message>`` in red on stderr (no traceback, no wrapping of long lines)."""
    Console(stderr=True, soft_wrap=True, highlight=False).print(
        f"[bold red]error:[/bold red] [red]{escape(message)}[/red]")


def run_guarded(fn, *args, **kwargs):
    """Call ``fn``; a NetspecError exits 2 after printing its message, Ctrl-C exits 130."""
    try:
        return fn(*args, **kwargs)
    except NetspecError as exc:
        report_error(str(exc))
        raise SystemExit(EXIT_USER_ERROR) from None
    except KeyboardInterrupt:
        report_error("interrupted")
        raise SystemExit(EXIT_INTERRUPTED) from None


class NetspecGroup(click.Group):
    """A click group that guards every subcommand and loads ``LAZY_COMMANDS`` on demand."""

    def invoke(self, ctx: click.Context):
        return run_guarded(super().invoke, ctx)

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name not in self.commands and name in LAZY_COMMANDS:
            try:
                module = importlib.import_module(LAZY_COMMANDS[name])
            except ImportError as exc:
                raise click.ClickException(f"command '{name}' is unavailable: {exc}") from None
            if name not in self.commands and isinstance(getattr(module, name, None), click.Command):
                self.add_command(getattr(module, name), name)
        return super().get_command(ctx, name)


@click.group(cls=NetspecGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="netspec")
def main():
    """netspec: declarative network specs lowered to auditable StableHLO, compiled by IREE."""


# --------------------------------------------------------------------------- shared options
def spec_options(fn):
    """Add the ``SPEC.py`` argument (as ``spec_file``) and ``--spec NAME`` (as ``spec_name``)."""
    fn = click.option("--spec", "spec_name", metavar="NAME", default=None,
                      help="Which NetSpec of the file (variable name or NetSpec name).")(fn)
    return click.argument("spec_file", metavar="SPEC.py")(fn)


def run_spec_options(fn):
    """``[SPEC.py]`` (optional: without it the spec is the one recorded in the run directory
    given with ``--checkpoint``) and ``--spec NAME``; for ``eval``."""
    fn = click.option("--spec", "spec_name", metavar="NAME", default=None,
                      help="Which NetSpec of the file (default: the run's).")(fn)
    return click.argument("spec_file", metavar="[SPEC.py]", required=False, default=None)(fn)


def checkpoint_options(fn):
    """``--checkpoint RUN_DIR|FILE``, ``--checkpoint-kind best|last`` and ``--weights ema|raw``
    (eval, predict)."""
    fn = click.option("--weights", type=click.Choice(["ema", "raw"]), default=None,
                      help="The EMA weights or the raw ones (default: ema when the run "
                           "trained with --ema, else raw).")(fn)
    fn = click.option("--checkpoint-kind", "checkpoint_kind", type=click.Choice(["best", "last"]),
                      default=None, help="Which checkpoint of a run directory (default: best "
                      "if present, else last).")(fn)
    return click.option("--checkpoint", required=True, metavar="RUN_DIR|FILE",
                        help="A run directory (its spec is then read from run.json) or a "
                             "checkpoint file.")(fn)


def engine_option(fn):
    """``--engine NAME``: what compiles and runs the emitted module (``runtime.engines``)."""
    return click.option("--engine", default="iree", show_default=True, metavar="NAME",
                        help="What compiles and runs the emitted module: iree or xla (jaxlib's "
                             "PJRT client); the module's text is the same for every engine.")(fn)


def replica_options(fn):
    """``--replicas N`` and ``--sync-bn``: the data-parallel module (``docs/distributed.md``)."""
    fn = click.option("--sync-bn/--no-sync-bn", "sync_bn", default=False,
                      help="BatchNorm statistics over all replicas' samples (default: each "
                           "replica's own, as PyTorch DDP).")(fn)
    return click.option("--replicas", "--devices", "replicas", type=int, default=1,
                        show_default=True, metavar="N",
                        help="Data parallel over N devices (all processes' together): the batch "
                             "is split evenly and one stablehlo.all_reduce averages the "
                             "gradients (--engine xla).")(fn)


def load_spec(spec_file: str, spec_name: str | None = None) -> tuple[NetSpec, TrainConfig | None]:
    """The chosen NetSpec of a spec file and its paired TrainConfig (or None)."""
    spec, config, _ = load_spec_file(spec_file, spec_name)
    return spec, config


# --------------------------------------------------------------------------- formatting helpers
def fmt_shape(shape) -> str:
    """(C, H, W) -> 'C×H×W'; (F,) -> 'F'."""
    return "×".join(str(d) for d in shape)


def fmt_giga(n: int) -> str:
    return f"{n / 1e9:.3f} G"


def describe_layer(layer) -> str:
    """A short argument summary, e.g. '24→40 e6 k5 s2 ×2 se0.25' (the kind's ``describe``)."""
    return layer.describe()


def config_summary(config: TrainConfig) -> str:
    """key=value for the essentials and every knob that differs from its default."""
    essentials = ("learning_rate", "batch_size", "epochs", "optimizer")
    defaults = TrainConfig()
    items = []
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if f.name in essentials or value != getattr(defaults, f.name):
            items.append(f"{f.name}={value!r}")
    return " ".join(items)


def info_dict(spec: NetSpec, config: TrainConfig | None, a: Analysis, batch: int | None) -> dict:
    """Everything ``netspec info --json`` prints, as plain JSON-able data."""
    totals = {
        "params": a.n_params,
        "macs_per_image": a.macs,
        "bn_layers": len(a.bns),
        "bn_stat_floats": a.n_bn_floats,
        "param_tensors": len(a.params),
    }
    if batch is not None:
        totals["batch"] = batch
        totals["macs_per_batch"] = a.macs * batch
    return {
        "name": spec.name,
        "input_shape": [spec.in_channels, spec.image_h, spec.image_w],
        "num_classes": a.num_classes,
        "conventions": {"bn_eps": spec.bn_eps, "bn_momentum": spec.bn_momentum, "init": spec.init,
                        "weight_layout": "HWIO (conv), (in, out) (dense)"},
        "layers": [{
            "index": l.index,
            "kind": l.kind,
            "args": dataclasses.asdict(l.layer),
            "description": describe_layer(l.layer),
            "in_shape": list(l.in_shape),
            "out_shape": list(l.out_shape),
            "params": l.params,
            "macs": l.macs,
        } for l in a.layers],
        "totals": totals,
        "params": [{"name": p.name, "shape": list(p.shape), "role": p.role, "init": p.init,
                    "decay": p.decay, "offset": p.offset, "size": p.size, "layer": p.layer}
                   for p in a.params],
        "bn_layout": [{"name": b.name, "channels": b.channels, "offset": b.offset, "layer": b.layer}
                      for b in a.bns],
        "train_config": config.to_dict() if config is not None else None,
        **({"stochastic_depth": depth_dict(a)} if a.drop_path else {}),
    }


def depth_dict(a: Analysis) -> dict:
    """The stochastic-depth numbering of a spec analysed with a drop_path (``netspec.analysis``):
    every block, its rate (drop_path * i / n; residual blocks only) and its column of rand."""
    return {"drop_path": a.drop_path, "blocks": len(a.depth),
            "rule": "block i of n drops with drop_path * i / n (torchvision / timm); residual only",
            "per_block": [{"block": d.name, "index": d.index, "residual": d.residual,
                           "rate": d.rate, "rand_column": d.column} for d in a.depth]}


def _stdout_console() -> Console:
    # Off a terminal rich assumes 80 columns; allow the table its natural width instead.
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=max(console.width, 110))
    return console


# --------------------------------------------------------------------------- netspec info
@main.command()
@spec_options
@click.option("--list", "list_only", is_flag=True, help="Only list the NetSpecs the file defines.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (and nothing else).")
@click.option("--batch", type=click.IntRange(min=1), default=None,
              help="Also report MACs per batch of N images (default: the TrainConfig's batch_size).")
def info(spec_file: str, spec_name: str | None, list_only: bool, as_json: bool, batch: int | None):
    """Show the layers, shapes, parameter and MAC counts of a spec.

    Also the BatchNorm stat layout size, the parameter registry size and the paired
    TrainConfig; --json adds the full registry and BN layout.
    """
    if list_only:
        specs = list_specs(spec_file)
        if not specs:
            raise SpecFileError(f"{spec_file}: defines no NetSpec at module level")
        if as_json:
            click.echo(json.dumps([{"variable": v, "name": s.name} for v, s in specs], indent=2))
            return
        table = Table(box=None, pad_edge=False, header_style="bold")
        for col in ("variable", "name", "input", "params"):
            table.add_column(col, justify="right" if col == "params" else "left")
        for var, s in specs:
            table.add_row(var, s.name, f"{s.in_channels}×{s.image_h}×{s.image_w}",
                          f"{analyze(s).n_params:,}")
        _stdout_console().print(table)
        return

    spec, config = load_spec(spec_file, spec_name)
    a = analyze(spec, config.drop_path if config is not None else 0.0)
    if batch is None and config is not None:
        batch = config.batch_size
    if as_json:
        click.echo(json.dumps(info_dict(spec, config, a, batch), indent=2))
        return

    console = _stdout_console()
    console.print(f"[bold]{escape(spec.name)}[/bold]  input {fmt_shape(a.layers[0].in_shape)}"
                  f"  ({escape(spec_file)})")
    table = Table(show_footer=True, header_style="bold", footer_style="bold")
    table.add_column("#", justify="right")
    table.add_column("layer")
    table.add_column("args")
    table.add_column("output", justify="right")
    table.add_column("params", justify="right", footer=f"{a.n_params:,}")
    table.add_column("MACs", justify="right", footer=f"{a.macs:,}")
    for l in a.layers:
        table.add_row(str(l.index), l.kind, escape(describe_layer(l.layer)), fmt_shape(l.out_shape),
                      f"{l.params:,}", f"{l.macs:,}")
    console.print(table)

    totals = [("total params", f"{a.n_params:,}"),
              ("MACs per image", f"{fmt_giga(a.macs)}  ({a.macs:,})")]
    if batch is not None:
        totals.append((f"MACs per batch of {batch}", f"{fmt_giga(a.macs * batch)}  (forward)"))
    totals += [("BN layers", str(len(a.bns))),
               ("BN stat floats", f"{a.n_bn_floats:,}"),
               ("parameter tensors", str(len(a.params))),
               ("BN eps / momentum", f"{spec.bn_eps:g} / {spec.bn_momentum:g} (PyTorch semantics)"),
               ("train config", config_summary(config) if config else "none in this file")]
    if a.drop_path:
        rates = ", ".join(f"{d.name} {d.rate:.4g}" for d in a.depth if d.column is not None)
        totals.append(("stochastic depth", f"{a.drop_path:g} * i / {len(a.depth)} for block i "
                                           f"(residual blocks only): {rates or 'none drop'}"))
    width = max(len(label) for label, _ in totals)
    for label, value in totals:
        # wrap long values (the train config) at spaces, continuation lines aligned
        lines = textwrap.wrap(value, max(40, console.width - width - 2), break_long_words=False) or [""]
        console.print(f"[bold]{label:<{width}}[/bold]  {escape(lines[0])}", soft_wrap=True)
        for line in lines[1:]:
            console.print(f"{'':<{width}}  {escape(line)}", soft_wrap=True)


if __name__ == "__main__":  # pragma: no cover
    main()
