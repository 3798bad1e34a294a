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
import tempfile
from pathlib import Path


def record_shapes(spec_file: str, image_size: int | None, batch: int):
    from bench.forms import record_calls
    return [(x.shape, dy.shape, g) for x, dy, g in
            record_calls(spec_file, image_size, batch, "conv_dw", lambda x, dy, g: g.groups > 1)]


def module(shapes, chunk: int) -> str:
    from bench.forms import conv_dw_module
    return conv_dw_module("dw", shapes, chunk=chunk)


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
    from bench.forms import compile_form, time_rounds

    shapes = [s for s in record_shapes(args.spec, args.image_size, args.batch)
              if args.min_hw <= s[0][1] <= args.max_hw]
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for ch in args.dw_chunk:
            text = module(shapes, ch)
            vmfb, seconds = compile_form(text, Path(tmp) / f"c{ch}", "dw")
            rows[ch] = {"dw_chunk": ch, "layers": len(shapes),
                        "convolutions": text.count("stablehlo.convolution"),
                        "compile_s": seconds, "vmfb": vmfb, "rounds": []}
        inputs = [f"--input={'x'.join(map(str, s))}xf32=0" for xs, ds, _ in shapes for s in (xs, ds)]
        time_rounds(rows, "dw", inputs, args.reps, args.rounds)
    for row in rows.values():
        row.pop("vmfb")
        print(json.dumps({"batch": args.batch, "image": args.image_size, "hw": [args.min_hw, args.max_hw],
                          **row}))


if __name__ == "__main__":
    main()
