"""How fast the compiled train step consumes images, to set against the data pipeline's rate
(``bench/data_throughput.py``): the training loop's own path (``runtime.session.Session``,
state resident on the device, batch uploaded per step, loss and correct read back).

    python bench/step_rate.py [--specs examples/effnet_b0.py examples/mobilenet_v2.py]
                              [--batch 8] [--steps 10] [--backend cpu] [--out bench/step_rate.json]

Prints and writes, per spec: compile seconds (or cache hit), median / min / max ms per step
over ``--steps`` timed steps after 2 warm-up steps, and images/s = batch / median.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

import numpy as np


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--specs", nargs="+",
                    default=["examples/effnet_b0.py", "examples/mobilenet_v2.py"])
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--backend", default="cpu")
    ap.add_argument("--cache-dir", default=None)
    ap.add_argument("--out", default="bench/step_rate.json")
    args = ap.parse_args()

    from runtime.build import build
    from netspec.loader import load_spec_file
    from runtime.schedule import hyper_for_step
    from runtime.session import open_session

    rows = []
    for path in args.specs:
        spec, config, _ = load_spec_file(path, None)
        config = config.replace(batch_size=args.batch)
        built = build(spec, config, backend=args.backend, batch=args.batch,
                      functions=("train_step",), cache_dir=args.cache_dir)
        s = open_session(built, optimizer=config.optimizer)
        s.init_state(0)
        rng = np.random.default_rng(0)
        x = rng.standard_normal((args.batch, spec.image_h, spec.image_w, spec.in_channels),
                                dtype=np.float32)
        y = (np.arange(args.batch) % s.analysis.num_classes).astype(np.int32)
        times = []
        for i in range(2 + args.steps):
            t = time.perf_counter()
            s.train_step(x, y, hyper_for_step(config, spec, i, 100), s.rand_for_step(0, i))
            if i >= 2:
                times.append(time.perf_counter() - t)
        med = statistics.median(times)
        row = {"spec": spec.name, "file": path, "batch": args.batch,
               "image": [spec.image_h, spec.image_w, spec.in_channels],
               "optimizer": config.optimizer, "backend": args.backend,
               "compile_seconds": round(built.result.seconds, 2),
               "cache_hit": built.result.cache_hit,
               "ms_median": round(1000 * med, 1), "ms_min": round(1000 * min(times), 1),
               "ms_max": round(1000 * max(times), 1), "images_per_s": round(args.batch / med, 2),
               "steps_timed": args.steps}
        print(json.dumps(row))
        rows.append(row)
    out = {"machine": {"cpu": platform.processor() or platform.machine(),
                       "cores": os.cpu_count(), "python": platform.python_version()},
           "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "rows": rows}
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
