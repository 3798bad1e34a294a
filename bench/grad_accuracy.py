"""Gradient accuracy as a figure (issue 17): float32 gradients of one spec, from three routes,
against the float64 truth (the JAX reference in float64), by ``runtime.verify``'s metric.

    python -m bench.grad_accuracy [--nets b0,mnv2] [--image-size 224] [--batch 8] [--seed 0]
                                  [--out bench/grad_accuracy.json]

Routes, on the same seeded inputs (``runtime.verify.random_inputs``):

* ``netspec-iree``  netspec's emitted grads module (f32), compiled by IREE (the product);
* ``netspec-xla``   the SAME emitted text compiled by XLA (jaxlib's PJRT client): it tells
                    the emitted math (shared by both) from IREE's code generation;
* ``jax-xla``       JAX autodiff of the reference forward in float32, jit-compiled by XLA.

For each: the median and worst per-tensor error over the parameter gradients, the loss's
relative error, and (``--per-tensor``) the tensors where netspec-iree and jax-xla differ
most.  Medians over tensors, one run: the inputs are fixed, so the figure is deterministic
up to the compilers' thread-count-dependent reduction order.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

NETS = {"b0": ("efficientnet", "b0"), "mnv2": ("mobilenet_v2", None)}


def _spec(net: str, image: int):
    import netspec
    fn, arg = NETS[net]
    spec = getattr(netspec, fn)(arg) if arg else getattr(netspec, fn)()
    return spec.with_(image_h=image, image_w=image)


def _grads_of(module, inputs, hyper):
    values = dict(inputs, hyper=hyper)
    fn = module.abi["grads"]
    out = dict(zip((t.name for t in fn.results), module.call_host("grads", [values[t.name] for t in fn.args])))
    return float(out["loss"]), np.asarray(out["grads"])


ROUTES = ("netspec-iree", "netspec-xla", "jax-xla")


def seeded_inputs(spec, batch: int, seed: int):
    """-> (the grads function's seeded inputs, its hyper vector: lr 0, Adam, label smoothing
    0.1), the same for every route (``runtime.verify.random_inputs``)."""
    from netspec.state import hyper_vector
    from runtime.verify import random_inputs
    inputs = random_inputs(spec, batch, seed=seed, dtype=np.float32)
    hyper = hyper_vector(lr=0.0, step=1, optimizer="adam", label_smoothing=0.1,
                         bn_momentum=spec.bn_momentum).astype(np.float32)
    return inputs, hyper


def measure(net: str, image: int, batch: int, seed: int, cache_dir=None, log=print,
            routes=ROUTES) -> dict:
    from netspec.analysis import analyze
    from netspec.reference import Reference, x64
    from runtime.verify import _split64, compare_tensors, compile_grads_module

    spec = _spec(net, image)
    a = analyze(spec)
    inputs, hyper = seeded_inputs(spec, batch, seed)
    ls = float(np.float32(0.1))
    mom = float(np.float32(spec.bn_momentum))
    t0 = time.perf_counter()
    with x64():
        ref = Reference(spec)
        f64 = lambda v: None if v is None else np.asarray(v, np.float64)  # noqa: E731
        rl, _, rg, _ = ref.grads_flat(f64(inputs["params"]), f64(inputs["bn"]), f64(inputs["images"]),
                                      inputs["labels"], label_smoothing=ls, bn_momentum=mom,
                                      rand=f64(inputs["rand"]))
    log(f"  {net}: float64 truth {time.perf_counter() - t0:.0f} s")
    got = {}
    for engine in ("iree", "xla"):
        if f"netspec-{engine}" not in routes:
            continue
        t0 = time.perf_counter()
        module, _ = compile_grads_module(spec, batch=batch, engine=engine, cache_dir=cache_dir)
        got[f"netspec-{engine}"] = _grads_of(module, inputs, hyper)
        log(f"  {net}: netspec-{engine} {time.perf_counter() - t0:.0f} s")
    t0 = time.perf_counter()
    jref = Reference(spec) if "jax-xla" in routes else None           # float32 throughout: jax's own f32 autodiff on XLA
    if jref is not None:
        jl, _, jg, _ = jref.grads_flat(inputs["params"], inputs["bn"], inputs["images"],
                                       inputs["labels"], label_smoothing=ls, bn_momentum=mom,
                                       rand=inputs["rand"])
        got["jax-xla"] = (float(jl), np.asarray(jg))
        log(f"  {net}: jax-xla {time.perf_counter() - t0:.0f} s")
    truth = _split64(a, rg)
    out = {"net": net, "image": image, "batch": batch, "seed": seed, "tensors": len(truth),
           "routes": {}}
    per = {}
    for name, (loss, g) in got.items():
        rows = compare_tensors(_split64(a, g), truth, 1.0)
        errs = np.array([r.err for r in rows])
        per[name] = {r.name: r.err for r in rows}
        out["routes"][name] = {"median": float(np.median(errs)), "worst": float(errs.max()),
                               "mean": float(errs.mean()),
                               "loss_rel": abs(loss - rl) / max(abs(rl), 1e-30)}
    out["per_tensor"] = per
    if not {"netspec-iree", "netspec-xla", "jax-xla"} <= set(per):
        return out
    # where netspec-iree is furthest above jax-xla (ratio of per-tensor errors)
    ratio = sorted(((per["netspec-iree"][k] / max(per["jax-xla"][k], 1e-30), k) for k in truth),
                   reverse=True)
    out["worst_ratio_tensors"] = [{"tensor": k, "ratio": r, "netspec-iree": per["netspec-iree"][k],
                                   "netspec-xla": per["netspec-xla"][k], "jax-xla": per["jax-xla"][k]}
                                  for r, k in ratio[:12]]
    return out


def table(results: list[dict]) -> str:
    lines = ["| net | route | median err | worst err | mean err | loss rel err |",
             "|---|---|---:|---:|---:|---:|"]
    for r in results:
        for name, v in r["routes"].items():
            lines.append(f"| {r['net']} {r['image']}² b{r['batch']} | {name} | {v['median']:.2e} | "
                         f"{v['worst']:.2e} | {v['mean']:.2e} | {v['loss_rel']:.1e} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nets", default="b0,mnv2")
    ap.add_argument("--image-size", type=int, default=224)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache-dir", default=None)
    ap.add_argument("--out", default="bench/grad_accuracy.json")
    ap.add_argument("--per-tensor", action="store_true")
    ap.add_argument("--routes", default=",".join(ROUTES))
    a = ap.parse_args(argv)
    results = []
    for net in a.nets.split(","):
        results.append(measure(net, a.image_size, a.batch, a.seed, a.cache_dir,
                               log=lambda m: print(m, file=sys.stderr, flush=True),
                               routes=tuple(a.routes.split(","))))
    print(table(results))
    if a.per_tensor:
        for r in (r for r in results if "worst_ratio_tensors" in r):
            print(f"\n{r['net']}: tensors where netspec-iree is furthest above jax-xla")
            for w in r["worst_ratio_tensors"]:
                print(f"  {w['tensor']:40s} x{w['ratio']:7.1f}  iree {w['netspec-iree']:.2e}  "
                      f"netspec-xla {w['netspec-xla']:.2e}  jax {w['jax-xla']:.2e}")
    from netspec.atomic import write_atomic
    write_atomic(Path(a.out), json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
