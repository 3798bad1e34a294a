"""The depthwise weight gradients of a network alone, per emitted form (issue 17).

    python bench/dw_grad_forms.py [--spec examples/effnet_b0.py] [--batch 32]
                                  [--image-size 224] [--dw-chunk 0 1 4] [--reps 10] [--rounds 3]
                                  [--min-hw H] [--max-hw H]

Records the (x, dy, geometry) of every depthwise ``conv_dw`` call of the spec's train step,
emits ONE function computing all of them with ``codegen.ops.conv.conv_dw`` in each form (0 =
per sample written out, U = while loop over chunks of U), compiles it with iree-compile for
the CPU and times it with ``iree-benchmark-module`` (zero-filled inputs: the kernels' time
does not depend on the values), the forms alternating round by round.  Prints, per form, the
convolutions emitted, the compile seconds and each round's median and minimum ms.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import time
from pathlib import Path


def record_shapes(spec_file: str, image_size: int | None, batch: int):
    from codegen import emit
    from codegen.kinds import conv_bn
    from netspec.loader import load_spec_file
    from runtime.build import resolve

    spec, config, _ = load_spec_file(spec_file, None)
    plan = resolve(spec, config.replace(batch_size=batch), batch=batch, functions=("train_step",),
                   image_size=image_size)
    seen, real = [], conv_bn.conv_dw

    def spy(b, L, x, dy, g, hint="d_w", prec=None, chunk=None):
        if g.groups > 1:
            seen.append((x.shape, dy.shape, g))
        return real(b, L, x, dy, g, hint=hint, prec=prec, chunk=chunk)

    conv_bn.conv_dw = spy
    try:
        emit(plan.spec, **plan.kwargs())
    finally:
        conv_bn.conv_dw = real
    return seen


def module(shapes, chunk: int) -> str:
    from codegen.ir import Builder, TensorType
    from codegen.layout import DEFAULT_LAYOUT
    from codegen.ops.conv import conv_dw
    b = Builder()
    args = b.begin("dw", [(f"{k}{i}", TensorType(s)) for i, (xs, ds, _) in enumerate(shapes)
                          for k, s in (("x", xs), ("dy", ds))])
    outs = []
    for i, (_, _, g) in enumerate(shapes):
        with b.scope(f"l{i}"):
            outs.append(conv_dw(b, DEFAULT_LAYOUT, args[2 * i], args[2 * i + 1], g, chunk=chunk))
    b.end(outs)
    return b.module_text()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec", default="examples/effnet_b0.py")
    ap.add_argument("--image-size", type=int, default=None)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--dw-chunk", type=int, nargs="+", default=[0, 1, 4])
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--min-hw", type=int, default=0, help="only layers whose input is at least this tall")
    ap.add_argument("--max-hw", type=int, default=1 << 30, help="only layers whose input is at most this tall")
    args = ap.parse_args()
    from runtime.engines import get_engine

    shapes = [s for s in record_shapes(args.spec, args.image_size, args.batch)
              if args.min_hw <= s[0][1] <= args.max_hw]
    eng = get_engine("iree")
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ch in args.dw_chunk:
            text = module(shapes, ch)
            res = eng.compile(text, backend="cpu", cache_dir=Path(tmp) / f"c{ch}", source_hint="dw")
            rows[ch] = {"dw_chunk": ch, "layers": len(shapes),
                        "convolutions": text.count("stablehlo.convolution"),
                        "compile_s": round(res.seconds, 1), "vmfb": str(res.vmfb_path), "rounds": []}
        inputs = [f"--input={'x'.join(map(str, s))}xf32=0" for xs, ds, _ in shapes for s in (xs, ds)]
        for r in range(args.rounds):
            for ch, row in rows.items():
                out = subprocess.run(
                    ["iree-benchmark-module", f"--module={row['vmfb']}", "--device=local-task",
                     "--function=dw", *inputs, f"--benchmark_repetitions={args.reps}",
                     "--benchmark_min_time=1x"], capture_output=True, text=True, check=True).stdout
                times = [float(m) for m in re.findall(r"BM_dw/process_time/real_time\s+([\d.]+) ms", out)]
                med = re.search(r"_median\s+([\d.]+) ms", out)
                row["rounds"].append({"median_ms": float(med.group(1)) if med else None,
                                      "min_ms": min(times) if times else None})
    for row in rows.values():
        row.pop("vmfb")
        print(json.dumps({"batch": args.batch, "image": args.image_size, "hw": [args.min_hw, args.max_hw],
                          **row}))


if __name__ == "__main__":
    main()
