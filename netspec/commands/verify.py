"""``netspec verify``: check a spec's compiled gradients against the float64 JAX reference.

    netspec verify SPEC.py [--spec NAME] [--backend cpu] [--image-size N] [--batch N]
                   [--seed N] [--dtype f32|f64] [--json]

The user's own spec is rebuilt at a small resolution (``--image-size N`` for both H and W;
default ``min(image_h, 64)``), ``predict`` and ``grads`` (with the input cotangent) are
emitted, compiled by IREE and run on seeded random inputs, and every parameter gradient, the
input gradient, the updated BatchNorm statistics and the logits are compared with the JAX
float64 reference (``runtime.verify``: metric, tolerances and why).

Exit status: 0 when everything is within tolerance, 1 on a mismatch (the failing tensors are
listed last, in red), 2 on a user error (bad flag, bad spec, a resolution that collapses a
layer).  Progress goes to stderr; ``--json`` prints one JSON object on stdout instead of the
table.
"""

from __future__ import annotations

import json
import math
import time

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netspec.analysis import analyze
from netspec.cli import _stdout_console, engine_option, fmt_shape, load_spec, main, spec_options
from netspec.errors import ConfigError, SpecError
from netspec.spec import NetSpec

DEFAULT_BATCH = 4
MAX_DEFAULT_SIZE = 64
SUPPORTED_BACKENDS = ("cpu",)
DEFAULT_LABEL_SMOOTHING = 0.1   # without a TrainConfig (check_grads' default)

# --------------------------------------------------------------------------- option checks
def check_backend(backend: str) -> str:
    """Only ``cpu`` for now: the compiled module is run on this machine."""
    from runtime.engines.iree import BACKENDS
    name = backend.strip().lower()
    if name in SUPPORTED_BACKENDS:
        return name
    if name in BACKENDS:
        raise ConfigError(
            f"verify runs the compiled module on this machine and supports only the cpu backend "
            f"for now; {name!r} needs a {BACKENDS[name].driver!r} device to run on",
            where="--backend", hint="use --backend cpu (the default); the emitted StableHLO is the "
            "same for every backend")
    raise ConfigError("is not a backend verify can run", where="--backend",
                      expected=" | ".join(SUPPORTED_BACKENDS), received=backend)


def resize(spec: NetSpec, image_size: int | None) -> NetSpec:
    """The spec at ``image_size`` x ``image_size`` (default min(image_h, 64)); a layer that
    collapses is a SpecError naming the flag and the layer."""
    size = image_size if image_size is not None else min(spec.image_h, MAX_DEFAULT_SIZE)
    if (spec.image_h, spec.image_w) == (size, size):
        return spec
    try:
        return spec.with_(image_h=size, image_w=size)
    except SpecError as e:
        flag = f"--image-size {size}"
        if image_size is None:
            flag += f" (the default, min(image_h, {MAX_DEFAULT_SIZE}))"
        raise e.at(flag) from None


def check_batch(spec: NetSpec, batch: int) -> None:
    """BatchNorm's unbiased running variance needs >= 2 values per channel."""
    smallest = analyze(spec).min_bn_pixels
    if smallest is not None and batch * smallest < 2:
        raise ConfigError(
            "is too small: a BatchNorm layer would see a single value per channel "
            f"({batch} image(s) x {smallest} pixel(s)), and its variance is undefined",
            where="--batch", expected="an integer >= 2", received=batch)


def tolerance_reason(spec: NetSpec, dtype: str) -> tuple[str, str]:
    """(kind, why) of ``Tolerance.for_spec``."""
    if dtype == "f64":
        return "f64", "float64 module: IREE's f64 path agrees with the truth to ~1e-9"
    if analyze(spec).has_kinks:
        return "kinked", ("relu/relu6/hswish/hsigmoid present: an f32 pre-activation within "
                          "rounding of a kink can take the other branch and flip a gradient entry")
    return "smooth", ("smooth activations only (swish/sigmoid/identity): f32 rounding, "
                      "amplified by BatchNorm's 1/std")


# --------------------------------------------------------------------------- results
def _num(x: float):
    return float(x) if math.isfinite(x) else None


def row_dict(r) -> dict:
    return {"name": r.name, "shape": list(r.shape), "max_abs": _num(r.max_abs),
            "ref_norm": _num(r.ref_norm), "err": _num(r.err), "ok": bool(r.ok)}


def summary_checks(report) -> list[tuple[bool, str]]:
    """The report-level conditions of ``Report.ok`` besides the per-tensor ones:
    (ok, what failed)."""
    tol = report.tol
    return [
        (report.median_err <= tol.median,
         f"median err {report.median_err:.2e} exceeds {tol.median:g}"),
        (report.loss_err <= tol.rel, f"loss rel diff {report.loss_err:.2e} exceeds {tol.rel:g}"),
        (report.correct[0] == report.correct[1],
         f"correct {report.correct[0]} != reference {report.correct[1]}"),
    ]


def result_dict(ctx: dict, report, timings: dict) -> dict:
    tol = report.tol
    return {
        "spec": report.spec_name,
        "spec_file": ctx["spec_file"],
        "input_shape": [ctx["spec"].in_channels, ctx["spec"].image_h, ctx["spec"].image_w],
        "original_input_shape": ctx["original_shape"],
        "batch": ctx["batch"],
        "seed": ctx["seed"],
        "dtype": ctx["dtype"],
        "backend": ctx["backend"],
        "chip": ctx["chip"],
        "label_smoothing": ctx["label_smoothing"],
        "ok": bool(report.ok),
        "loss": {"ours": _num(report.loss[0]), "reference": _num(report.loss[1]),
                 "rel_diff": _num(report.loss_err)},
        "correct": {"ours": report.correct[0], "reference": report.correct[1]},
        "median_err": _num(report.median_err),
        "tolerance": {"rel": tol.rel, "median": tol.median, "kind": ctx["tol_kind"],
                      "why": ctx["tol_why"]},
        "params": [row_dict(r) for r in report.rows],
        "extras": [row_dict(r) for r in report.extras],
        "failures": [r.name for r in report.failures()]
                    + [label for ok, label in summary_checks(report) if not ok],
        "timings_s": {k: round(v, 3) for k, v in timings.items()},
        "compile": {"cache_hit": ctx["cache_hit"], "command": ctx["command"]},
    }


def _floors(rows):
    """(row, err denominator floor) as ``runtime.verify.compare_tensors`` computes it for a
    group of tensors compared together."""
    from runtime.verify import FLOOR
    total = math.sqrt(sum(r.ref_norm ** 2 for r in rows))
    floor = max(FLOOR * total / math.sqrt(max(len(rows), 1)), 1e-30)
    return [(r, floor) for r in rows]


def _fmt_err(x: float) -> str:
    return f"{x:.2e}" if math.isfinite(x) else str(x)


def print_report(console: Console, ctx: dict, report, timings: dict) -> None:
    spec, tol = ctx["spec"], report.tol
    oh, ow = ctx["original_shape"][1:]
    resized = "" if (oh, ow) == (spec.image_h, spec.image_w) else f" (spec: {oh}×{ow})"
    console.print(
        f"[bold]{escape(spec.name)}[/bold]  {escape(ctx['spec_file'])}: input "
        f"{spec.in_channels}×{spec.image_h}×{spec.image_w}{resized}, batch {ctx['batch']}, "
        f"seed {ctx['seed']}, {ctx['dtype']}, backend {ctx['backend']} ({ctx['chip']})")

    table = Table(header_style="bold")
    table.add_column("tensor")
    table.add_column("shape", justify="right")
    table.add_column("‖ref‖", justify="right")
    table.add_column("max |Δ|", justify="right")
    table.add_column("err", justify="right")
    table.add_column("", justify="center")

    def add(r):
        status = "[green]OK[/green]" if r.ok else "[bold red]FAIL[/bold red]"
        style = None if r.ok else "red"
        table.add_row(escape(r.name), fmt_shape(r.shape) or "scalar", f"{r.ref_norm:.2e}",
                      f"{r.max_abs:.2e}", _fmt_err(r.err), status, style=style)

    for r in report.rows:
        add(r)
    table.add_section()
    for r in report.extras:
        add(r)
    console.print(table)

    t = timings
    cache = " (cache hit)" if ctx["cache_hit"] else ""
    lines = [
        ("loss", f"ours {report.loss[0]:.8g} vs reference {report.loss[1]:.8g} "
                 f"(rel diff {report.loss_err:.1e}; label smoothing {ctx['label_smoothing']:g})"),
        ("correct", f"ours {report.correct[0]} vs reference {report.correct[1]} "
                    f"of {ctx['batch']}"),
        ("median err", f"{report.median_err:.2e} over {len(report.rows)} parameter tensors"),
        ("tolerance", f"err_t <= {tol.rel:g}, median <= {tol.median:g}: {ctx['tol_kind']} — "
                      f"{ctx['tol_why']}"),
        ("time", f"emit {t['emit']:.1f}s, compile {t['compile']:.1f}s{cache}, run {t['run']:.2f}s, "
                 f"reference {t['reference']:.1f}s; total {t['total']:.1f}s"),
    ]
    width = max(len(k) for k, _ in lines)
    for k, v in lines:
        console.print(f"[bold]{k:<{width}}[/bold]  {escape(v)}", soft_wrap=True)

    n = len(report.rows) + len(report.extras)
    if report.ok:
        console.print(f"[bold green]OK[/bold green]: all {n} tensors within tolerance "
                      f"({report.spec_name}, {ctx['dtype']}, {spec.image_h}×{spec.image_w})")
        return
    fails = report.failures()
    bad_checks = [label for ok, label in summary_checks(report) if not ok]
    console.print(f"[bold red]FAIL[/bold red]: {len(fails)} of {n} tensors out of tolerance"
                  + (f"; {'; '.join(bad_checks)}" if bad_checks else ""))
    floors = {id(r): f for group in (report.rows, report.extras) for r, f in _floors(group)}
    for r in fails:
        note = ("  reference ≈ 0 (analytically zero gradient?): err is float32 noise over the floor"
                if r.ref_norm < floors[id(r)] else "")
        console.print(f"[red]  {escape(r.name):40s} {fmt_shape(r.shape) or 'scalar':>16s}  "
                      f"err {_fmt_err(r.err)}  max|Δ| {r.max_abs:.2e}  (bound {tol.rel:g})"
                      f"{escape(note)}[/red]", soft_wrap=True)
    for label in bad_checks:
        console.print(f"[red]  {escape(label)}[/red]", soft_wrap=True)
    if ctx["dtype"] == "f32":
        console.print("[dim]hint: rerun with --dtype f64: if the float64 module agrees (~1e-9), "
                      "the float32 differences are conditioning, not a wrong gradient[/dim]",
                      soft_wrap=True)


# --------------------------------------------------------------------------- the command
@main.command()
@spec_options
@click.option("--backend", default="cpu", metavar="NAME", show_default=True,
              help="Compiler backend; only cpu for now (the module runs on this machine).")
@engine_option
@click.option("--image-size", "image_size", type=click.IntRange(min=1), default=None, metavar="N",
              help=f"Check at N×N input (default: min(image_h, {MAX_DEFAULT_SIZE})).")
@click.option("--batch", type=click.IntRange(min=1), default=DEFAULT_BATCH, show_default=True,
              metavar="N", help="Batch size of the check.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
              help="Seed of the random parameters, statistics, images and labels.")
@click.option("--dtype", type=click.Choice(["f32", "f64"]), default="f32", show_default=True,
              help="Precision of the compiled module (the reference is always float64).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the table.")
def verify(spec_file, spec_name, backend, engine, image_size, batch, seed, dtype, as_json):
    """Check the compiled gradients of a spec against the float64 JAX reference.

    Rebuilds the spec at a small resolution, compiles predict + grads with IREE, runs them on
    seeded random inputs and compares every parameter gradient, the input gradient, the
    BatchNorm statistics and the logits.  Exit 0 when all are within tolerance, 1 on a
    mismatch, 2 on a user error.
    """
    backend = check_backend(backend)
    from runtime.engines import get_engine
    get_engine(engine)
    original, config = load_spec(spec_file, spec_name)
    spec = resize(original, image_size)
    check_batch(spec, batch)

    import numpy as np

    from runtime.engines.iree import resolve_chip
    from runtime.progress import Reporter
    from runtime.verify import Tolerance, check_grads, compile_grads_module, random_inputs

    from ._progress import stage_display

    _, chip = resolve_chip(backend)
    stamps: dict[str, float] = {}
    with stage_display() as show:       # stderr: one line per stage, or a live line
        def progress(ev) -> None:
            stamps.setdefault(ev.stage, time.perf_counter())
            show(ev)

        rep = Reporter(progress)
        t0 = time.perf_counter()
        drop_path = config.drop_path if config is not None else 0.0   # its masks drawn at random
        module, res = compile_grads_module(spec, batch=batch, backend=backend, dtype=dtype,
                                           progress=rep, engine=engine, drop_path=drop_path)
        t_loaded = time.perf_counter()
        label_smoothing = (config.label_smoothing if config is not None
                           else DEFAULT_LABEL_SMOOTHING)
        inputs = random_inputs(spec, batch, seed=seed,
                               dtype=np.float64 if dtype == "f64" else np.float32,
                               drop_path=drop_path)
        tol = Tolerance.for_spec(spec, dtype)
        report = check_grads(spec, module, inputs, label_smoothing=label_smoothing,
                             dtype=dtype, tol=tol, progress=rep, drop_path=drop_path)
        t_end = time.perf_counter()
        rep("done")
    timings = {
        "emit": stamps["compile"] - stamps["emit"],
        "compile": t_loaded - stamps["compile"],        # iree-compile (or cache) + load
        "run": stamps["reference"] - stamps["run"],
        "reference": stamps["compare"] - stamps["reference"],
        "total": t_end - t0,
    }
    kind, why = tolerance_reason(spec, dtype)
    ctx = dict(spec_file=spec_file, spec=spec, batch=batch, seed=seed, dtype=dtype,
               backend=backend, chip=chip, label_smoothing=label_smoothing, tol_kind=kind,
               tol_why=why, cache_hit=res.cache_hit, command=res.command,
               original_shape=[original.in_channels, original.image_h, original.image_w])
    if as_json:
        click.echo(json.dumps(result_dict(ctx, report, timings), indent=2))
    else:
        print_report(_stdout_console(), ctx, report, timings)
    if not report.ok:
        raise SystemExit(1)
