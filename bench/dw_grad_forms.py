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
    from bench.forms import add_common_options, compile_form, print_rows, time_rounds, within_hw
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_options(ap, batch=32)
    ap.add_argument("--dw-chunk", type=int, nargs="+", default=[0, 1, 4])
    args = ap.parse_args()
    shapes = within_hw(record_shapes(args.spec, args.image_size, args.batch), args)
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
    print_rows(rows, args)


if __name__ == "__main__":
    main()
