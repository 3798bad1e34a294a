"""What the per-form microbenchmarks share (``bench/dw_grad_forms.py``, ``bench/wgrad_forms.py``):
record the operands of one emitter call across a spec's train step, compile one function per
form, and time the forms alternating round by round with ``iree-benchmark-module``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from pathlib import Path
from typing import Callable


def record_calls(spec_file: str, image_size: int | None, batch: int, name: str,
                 keep: Callable[..., bool]) -> list[tuple]:
    """The positional arguments after (builder, layout) of every ``codegen.kinds.conv_bn.<name>``
    call of the spec's train step for which ``keep(*those arguments)`` holds."""
    from codegen import emit
    from codegen.kinds import conv_bn
    from netspec.loader import load_spec_file
    from runtime.build import resolve

    spec, config, _ = load_spec_file(spec_file, None)
    plan = resolve(spec, config.replace(batch_size=batch), batch=batch, functions=("train_step",),
                   image_size=image_size)
    seen, real = [], getattr(conv_bn, name)

    def spy(b, L, *args, **kw):
        if keep(*args):
            seen.append(args)
        return real(b, L, *args, **kw)

    setattr(conv_bn, name, spy)
    try:
        emit(plan.spec, **plan.kwargs())
    finally:
        setattr(conv_bn, name, real)
    return seen


def compile_form(text: str, cache_dir: Path, hint: str):
    """-> (vmfb path, compile seconds) of one form's module, IREE for the CPU."""
    from runtime.engines import get_engine
    res = get_engine("iree").compile(text, backend="cpu", cache_dir=cache_dir, source_hint=hint)
    return str(res.vmfb_path), round(res.seconds, 1)


def time_rounds(rows: dict, function: str, inputs: list[str], reps: int, rounds: int) -> None:
    """Appends {"median_ms", "min_ms"} of each round to every row's "rounds" (rows hold
    "vmfb"); the forms alternate within each round."""
    for _ in range(rounds):
        for row in rows.values():
            out = subprocess.run(
                ["iree-benchmark-module", f"--module={row['vmfb']}", "--device=local-task",
                 f"--function={function}", *inputs, f"--benchmark_repetitions={reps}",
                 "--benchmark_min_time=1x"], capture_output=True, text=True, check=True).stdout
            times = [float(m) for m in
                     re.findall(rf"BM_{function}/process_time/real_time\s+([\d.]+) ms", out)]
            med = re.search(r"_median\s+([\d.]+) ms", out)
            row["rounds"].append({"median_ms": float(med.group(1)) if med else None,
                                  "min_ms": min(times) if times else None})


def conv_dw_module(function: str, shapes, **form) -> str:
    """One function computing ``codegen.ops.conv.conv_dw`` of every recorded (x shape, dy
    shape, geometry), with the form keywords given (``chunk=``, ``dense_form=``)."""
    from codegen.ir import Builder, TensorType
    from codegen.layout import DEFAULT_LAYOUT
    from codegen.ops.conv import conv_dw
    b = Builder()
    args = b.begin(function, [(f"{k}{i}", TensorType(s)) for i, (xs, ds, _) in enumerate(shapes)
                              for k, s in (("x", xs), ("dy", ds))])
    outs = []
    for i, (_, _, g) in enumerate(shapes):
        with b.scope(f"l{i}"):
            outs.append(conv_dw(b, DEFAULT_LAYOUT, args[2 * i], args[2 * i + 1], g, **form))
    b.end(outs)
    return b.module_text()


def add_common_options(ap: argparse.ArgumentParser, batch: int) -> None:
    """The options every per-form microbenchmark takes: what to record, and how long to time."""
    ap.add_argument("--spec", default="examples/effnet_b0.py")
    ap.add_argument("--image-size", type=int, default=None)
    ap.add_argument("--batch", type=int, default=batch)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--min-hw", type=int, default=0, help="only layers whose input is at least this tall")
    ap.add_argument("--max-hw", type=int, default=1 << 30, help="only layers whose input is at most this tall")


def within_hw(shapes, args) -> list:
    """The recorded (x shape, dy shape, geometry) whose input height is in --min-hw..--max-hw."""
    return [s for s in shapes if args.min_hw <= s[0][1] <= args.max_hw]


def print_rows(rows: dict, args) -> None:
    """One JSON line per form (its vmfb path dropped)."""
    for row in rows.values():
        row.pop("vmfb", None)
        print(json.dumps({"batch": args.batch, "image": args.image_size, "hw": [args.min_hw, args.max_hw],
                          **row}))
