"""``netspec runs``: the training runs in a folder, as a table (or JSON).

    netspec runs [DIR] [--json]

``DIR`` defaults to ``runs/`` (where ``netspec train`` writes); a run directory itself lists
just that run.  Columns: the run directory, the spec, when it started, steps and epochs done
of the total, best and last validation top-1 of the metric the run chose ``best`` on
(marked ``EMA`` when that is the EMA weights' top-1; never raw and EMA mixed), and the
status (finished / stopped at step N / running (pid) / failed / broken, see
``runtime.runs``).  Folders that are not runs are named
in one line.  ``--json`` prints ``{"directory", "runs": [...], "skipped": [...]}``.
"""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netspec.cli import main

_STYLE = {"finished": "green", "running": "cyan", "stopped": "yellow", "failed": "red",
          "broken": "red"}


def _pct(v, best_on: str = "val_top1") -> str:
    if v is None:
        return "—"
    return f"{100 * v:.2f}%" + (" EMA" if best_on == "ema_val_top1" else "")


def _progress(r) -> str:
    steps = "?" if r.step is None else f"{r.step:,}"
    total = f"/{r.total_steps:,}" if r.total_steps else ""
    epochs = "?" if r.epochs_done is None else str(r.epochs_done)
    return f"step {steps}{total}, epoch {epochs}/{r.epochs if r.epochs is not None else '?'}"


def _started(s) -> str:
    return "—" if not s else str(s)[:16].replace("T", " ")


@main.command()
@click.argument("directory", default="runs", required=False, metavar="[DIR]")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
def runs(directory, as_json):
    """List the training runs in DIR (default runs/): progress, accuracy, status."""
    from runtime.runs import list_runs

    infos, skipped = list_runs(directory)
    if as_json:
        click.echo(json.dumps({"directory": str(directory),
                               "runs": [r.to_dict() for r in infos],
                               "skipped": [str(p) for p in skipped]}, indent=1))
        return
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=max(console.width, 150))
    if not infos:
        console.print(f"no runs in {escape(str(directory))}")
    else:
        table = Table(header_style="bold")
        for col, just in (("run", "left"), ("spec", "left"), ("started", "left"),
                          ("done", "right"), ("best top-1", "right"), ("last top-1", "right"),
                          ("status", "left")):
            table.add_column(col, justify=just, overflow="fold")
        for r in infos:
            style = _STYLE.get(r.status, "")
            table.add_row(escape(r.name), escape(r.spec or "?"), _started(r.started),
                          _progress(r), _pct(r.best_top1, r.best_on), _pct(r.last_top1, r.best_on),
                          f"[{style}]{escape(r.status_text)}[/{style}]" if style
                          else escape(r.status_text))
        console.print(table)
    if skipped:
        names = ", ".join(p.name for p in skipped[:8]) + (", ..." if len(skipped) > 8 else "")
        console.print(f"skipped {len(skipped)} folder(s) that are not runs: {escape(names)}")
