"""How the emitted train step grows with the batch: convolutions, MLIR bytes, iree-compile
seconds and (optionally) step time, per depthwise weight-gradient form (issue 17).

    python bench/emit_scaling.py [--spec examples/effnet_b0.py] [--image-size 224]
                                 [--batch 8 32 128 256] [--dw-chunk rule 0 4]
                                 [--compile] [--steps 0] [--out FILE.json]

``--dw-chunk``: ``rule`` = the emitter's default (``codegen.ops.conv.depthwise_dw_chunk``),
0 = one convolution per sample written out, U = a while loop over chunks of U samples.
Every compile is cold (a fresh cache directory).  With ``--steps N`` each compiled form
runs 2 warm-up and N timed train steps through ``runtime.session.Session`` (the training
loop's path, as ``bench/step_rate.py``), the forms of one batch alternating step by step;
the median is reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np


def prepare(spec_file: str, image_size: int | None, batch: int, dw_chunk, compile_: bool,
            session: bool, cache: str) -> tuple[dict, object]:
    """Emit (and compile cold, and open a session on) one form; -> (row, runner or None)."""
    from codegen import emit
    from netspec.loader import load_spec_file
    from runtime.build import resolve
    from runtime.engines import get_engine
    from runtime.schedule import hyper_for_step
    from runtime.session import Session

    spec, config, _ = load_spec_file(spec_file, None)
    config = config.replace(batch_size=batch)
    plan = resolve(spec, config, batch=batch, functions=("train_step",), image_size=image_size)
    kw = plan.kwargs()
    if dw_chunk != "rule":
        kw["dw_chunk"] = int(dw_chunk)
    t = time.perf_counter()
    emitted = emit(plan.spec, **kw)
    row = {"spec": plan.spec.name, "image": plan.spec.image_h, "batch": batch, "dw_chunk": dw_chunk,
           "convolutions": emitted.text.count("stablehlo.convolution"),
           "whiles": emitted.text.count("stablehlo.while"),
           "mlir_bytes": len(emitted.text.encode()), "emit_s": round(time.perf_counter() - t, 2)}
    if not (compile_ or session):
        return row, None
    eng = get_engine("iree")
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    res = eng.compile(emitted.text, backend="cpu", cache_dir=Path(cache) / f"b{batch}_c{dw_chunk}",
                      source_hint=plan.spec.name)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    row["compile_s"] = round(res.seconds, 1)
    # iree-compile's CPU seconds (all threads): steadier than wall time on a shared machine
    row["compile_cpu_s"] = round(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, 1)
    row["vmfb_bytes"] = Path(res.vmfb_path).stat().st_size
    if not session:
        return row, None
    exe = eng.load(res.vmfb_path, backend="cpu", abi=emitted.abi)
    s = Session(plan.spec, exe, optimizer=plan.optimizer)
    s.init_state(0)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, plan.spec.image_h, plan.spec.image_w, plan.spec.in_channels),
                            dtype=np.float32)
    y = (np.arange(batch) % s.analysis.num_classes).astype(np.int32)
    step = [0]

    def run_step() -> float:
        t = time.perf_counter()
        s.train_step(x, y, hyper_for_step(config, plan.spec, step[0], 100), s.rand_for_step(0, step[0]))
        step[0] += 1
        return time.perf_counter() - t

    run_step(), run_step()   # warm-up
    return row, run_step


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default="examples/effnet_b0.py")
    ap.add_argument("--image-size", type=int, default=None)
    ap.add_argument("--batch", type=int, nargs="+", default=[8, 32, 128, 256])
    ap.add_argument("--dw-chunk", nargs="+", default=["rule"])
    ap.add_argument("--compile", action="store_true")
    ap.add_argument("--steps", type=int, default=0)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as cache:
        for batch in args.batch:
            runs = []
            for ch in args.dw_chunk:
                row, run = prepare(args.spec, args.image_size, batch, ch, args.compile, args.steps > 0,
                                   cache)
                print(json.dumps(row), flush=True)
                rows.append(row)
                runs.append((row, run, []))
            if args.steps:
                # the forms of one batch alternate step by step (the machine's load drifts)
                for _ in range(args.steps):
                    for _, run, times in runs:
                        times.append(run())
                for row, _, times in runs:
                    med = statistics.median(times)
                    row.update(ms_median=round(1000 * med, 1), ms_min=round(1000 * min(times), 1),
                               ms_per_image=round(1000 * med / batch, 2), steps_timed=len(times))
                    print(json.dumps(row), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                                              "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
