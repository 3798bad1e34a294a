"""The dense 1x1 weight gradients of a network alone, per emitted form (issue 17).

    python bench/wgrad_forms.py [--spec examples/effnet_b0.py] [--batch 8] [--image-size N]
                                [--forms conv batch] [--reps 10] [--rounds 3]

Records the (x, dy, geometry) of every dense (groups = 1) 1x1 stride-1 ``conv_dw`` call of the
spec's train step, emits ONE function computing all of them with
``codegen.ops.conv.conv_dw`` in each form of ``codegen.ops.conv.DENSE_1X1_DW_FORMS`` ("conv":
one convolution contracting over B*H*W; "batch": a batch matmul per sample over H*W, then the
sum over the batch), compiles it with iree-compile for the CPU and times it with
``iree-benchmark-module`` (zero-filled inputs: the kernels' time does not depend on the
values), the forms alternating round by round.  Prints, per form, the compile seconds and
each round's median and minimum ms.  ``--accuracy`` also runs every form on seeded random
inputs and prints each tensor's relative error against a float64 numpy product.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from codegen.ops.conv import DENSE_1X1_DW_FORMS


def record_shapes(spec_file: str, image_size: int | None, batch: int):
    from bench.forms import record_calls
    pointwise = lambda x, dy, g: g.groups == 1 and g.k == 1 and g.stride == 1  # noqa: E731
    return [(x.shape, dy.shape, g) for x, dy, g in
            record_calls(spec_file, image_size, batch, "conv_dw", pointwise)]


def module(shapes, form: str) -> str:
    from bench.forms import conv_dw_module
    return conv_dw_module("wg", shapes, dense_form=form)


def main() -> None:
    from bench.forms import add_common_options, compile_form, print_rows, time_rounds, within_hw
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_options(ap, batch=8)
    ap.add_argument("--forms", nargs="+", default=["conv", "pieces"], choices=DENSE_1X1_DW_FORMS)
    ap.add_argument("--accuracy", action="store_true")
    args = ap.parse_args()
    shapes = within_hw(record_shapes(args.spec, args.image_size, args.batch), args)
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for form in args.forms:
            text = module(shapes, form)
            vmfb, seconds = compile_form(text, Path(tmp) / form, "wg")
            rows[form] = {"form": form, "layers": len(shapes), "compile_s": seconds, "vmfb": vmfb,
                          "rounds": []}
        if args.accuracy:
            import iree.runtime as ireert
            rng = np.random.default_rng(0)
            data = [(rng.standard_normal(xs).astype(np.float32), rng.standard_normal(ds).astype(np.float32))
                    for xs, ds, _ in shapes]
            truth = [np.einsum("bhwc,bhwo->co", x.astype(np.float64), dy.astype(np.float64)) for x, dy in data]
            for form, row in rows.items():
                mod = ireert.load_vm_flatbuffer_file(row["vmfb"], driver="local-task")
                outs = mod.wg(*[a for pair in data for a in pair])
                outs = outs if isinstance(outs, (list, tuple)) else [outs]
                errs = [float(np.abs(np.asarray(o).reshape(t.shape) - t).max() / np.abs(t).max())
                        for o, t in zip(outs, truth)]
                row["rel_err_median"] = float(np.median(errs))
                row["rel_err_max"] = max(errs)
        inputs = [f"--input={'x'.join(map(str, s))}xf32=0" for xs, ds, _ in shapes for s in (xs, ds)]
        time_rounds(rows, "wg", inputs, args.reps, args.rounds)
    print_rows(rows, args)


if __name__ == "__main__":
    main()
