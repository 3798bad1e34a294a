"""``netspec bench``: the train step against the stacks a user would otherwise pick, in one run.

    netspec bench [--workloads W1,W2,W3,W4] [--peers netspec,jax-iree-nhwc,...] [--rounds 3]
                  [--steps 10] [--warmup 2] [--quick] [--out bench/results.json]
                  [--md bench/RESULTS.md] [--plot bench/results.png] [--cache-dir DIR]
    netspec bench --report-only bench/results.json      # Markdown + plot again

Peers other than netspec's own need the optional extra: ``pip install .[bench]`` (PyTorch's
local CPU build).  A peer that is not installed is reported as skipped; a peer whose step-0
loss / gradient norm disagrees with netspec's makes the command exit 1 (after writing the
results).  See ``bench/suite.py`` for the protocol and ``bench/RESULTS.md`` for a run.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import click

from netspec.cli import engine_option, main
from netspec.errors import ConfigError


def _csv(ctx, param, value):
    return tuple(v.strip() for v in value.split(",") if v.strip()) if value else ()


RESULT_KEYS = ("machine", "started", "options", "check_tolerances", "workloads", "seconds")


def _load_results(path: Path) -> dict:
    """A results file written by ``netspec bench`` (--report-only), checked before use."""
    try:
        res = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"--report-only {path}: not a readable JSON results file ({e})") from None
    missing = [k for k in RESULT_KEYS if not isinstance(res, dict) or k not in res]
    if missing:
        raise ConfigError(f"--report-only {path}: not a netspec bench results file "
                          f"(missing {', '.join(missing)})")
    return res


@main.command()
@click.option("--workloads", default="W1,W2,W3,W4", show_default=True, callback=_csv,
              help="Comma-separated workload keys (W1 B0 train b8 224, W2 MobileNetV2 train b8 "
                   "224, W3 B0 train b32 64, W4 B0 predict b8 224, W6 = W1 in bf16).")
@click.option("--peers", default="netspec,jax-iree-nhwc,jax-iree-nchw,torch,jax-xla,netspec-xla",
              show_default=True, callback=_csv, help="Comma-separated peers to run.")
@click.option("--rounds", type=click.IntRange(1, 100), default=3, show_default=True,
              help="Rounds of timed steps; each round runs every peer in turn (order rotated).")
@click.option("--steps", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="Timed steps per peer per round.")
@click.option("--warmup", type=click.IntRange(1, 100), default=2, show_default=True,
              help="Untimed steps first (step 0 is the step-0 check).")
@click.option("--quick", is_flag=True,
              help="Smoke test: every workload at batch 2, 64x64 (set --rounds/--steps low).")
@click.option("--out", type=click.Path(dir_okay=False), default="bench/results.json",
              show_default=True, help="Machine-readable results.")
@click.option("--md", type=click.Path(dir_okay=False), default="bench/RESULTS.md",
              show_default=True, help="Markdown table.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False),
              default="bench/results.png", show_default=True, help="Bar chart ('' for none).")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Reuse this compile cache (default: a fresh one, so compile times are cold).")
@click.option("--iree-flag", "iree_flags", multiple=True, metavar="FLAG",
              help="Extra iree-compile flag for netspec's module (repeatable).")
@engine_option
@click.option("--report-only", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Only regenerate --md / --plot from this results JSON.")
def bench(workloads, peers, rounds, steps, warmup, quick, out, md, plot_path, cache_dir,
          iree_flags, engine, report_only):
    """Time netspec's train step against PyTorch, JAX/XLA and JAX→IREE on the same workloads."""
    from bench.peers import PEERS
    from bench.report import markdown, plot
    from bench.suite import SuiteOptions, run_suite
    from bench.workloads import WORKLOADS
    from netspec.atomic import write_atomic

    command = "netspec bench " + " ".join(shlex.quote(a) for a in sys.argv[2:])
    if report_only:
        res = _load_results(Path(report_only))
        command = res.get("command", command)
    else:
        bad = [w for w in workloads if w not in WORKLOADS]
        if bad or not workloads:
            raise ConfigError(f"--workloads: unknown {', '.join(bad) or '(none given)'}; "
                              f"known: {', '.join(WORKLOADS)}")
        bad = [p for p in peers if p not in PEERS]
        if bad or not peers:
            raise ConfigError(f"--peers: unknown {', '.join(bad) or '(none given)'}; "
                              f"known: {', '.join(PEERS)}")
        from runtime.engines import get_engine
        get_engine(engine)
        if "netspec" not in peers:
            raise ConfigError("--peers must include netspec (the reference of the ratios and "
                              "the step-0 checks)")
        opts = SuiteOptions(workloads=workloads, peers=peers, rounds=rounds, steps=steps,
                            warmup=warmup, quick=quick, cache_dir=cache_dir,
                            iree_flags=tuple(iree_flags), engine=engine)
        def save(partial):
            partial["command"] = command
            write_atomic(Path(out), (json.dumps(partial, indent=1) + "\n").encode())

        res = run_suite(opts, log=lambda s: click.echo(s, err=True), on_workload=save)
        save(res)
        click.echo(f"wrote {out}", err=True)
    text = markdown(res, command=command)
    if md:
        write_atomic(Path(md), text.encode())
        click.echo(f"wrote {md}", err=True)
    if plot_path:
        plot(res, Path(plot_path))
        click.echo(f"wrote {plot_path}", err=True)
    click.echo(text.split("## Summary", 1)[1].split("\n## ", 1)[0] if "## Summary" in text else "")
    disagree = [f"{wl['workload']['key']} {p}" for wl in res["workloads"]
                for p, r in wl["peers"].items() if r.get("check", {}).get("agrees") is False]
    failed = [f"{wl['workload']['key']} {p}" for wl in res["workloads"]
              for p, r in wl["peers"].items() if r.get("status") == "failed"]
    if disagree or failed:
        if disagree:
            click.echo("step-0 check FAILED (a peer computed a different loss/gradient): "
                       + ", ".join(disagree), err=True)
        if failed:
            click.echo("peer failures: " + ", ".join(failed), err=True)
        sys.exit(1)
