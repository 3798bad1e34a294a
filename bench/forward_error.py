"""Where a route's float32 error enters, value by value (issue 17's accuracy item).

    python -m bench.forward_error [--net b0] [--image-size 96] [--batch 4] [--seed 0]
                                  [--probes conv.0.bn,blocks.2.1.residual,...,loss.loss]

netspec's ``grads`` text is cut after a probe value (every op up to its definition, which is
top-level SSA, so no region is split) and made to return that value alone; the cut text is
compiled three ways — the float32 text on IREE (the product), the SAME float32 text on XLA
(jaxlib's PJRT), and the float64 emission of the same spec on XLA (the truth of the same
emitted math) — and each float32 route's error is ||got - truth|| / ||truth|| over the whole
tensor.  Same seeded inputs as ``bench.grad_accuracy``.  The ratio column says whether IREE's
extra error enters at one op (a jump) or accumulates layer by layer (a slow rise).
"""

from __future__ import annotations

import argparse
import re
import sys

import numpy as np

#: Default probes: each stage's output along B0's forward, then the head and the loss.
PROBES = ("conv.0.bn", "blocks.1.0.project.bn", "blocks.2.1.residual", "blocks.3.1.residual",
          "blocks.4.2.residual", "blocks.5.2.residual", "blocks.6.3.residual",
          "blocks.7.0.project.bn", "conv.8.swish", "pool.9.mean", "fc.11.z", "loss.shifted",
          "loss.sum_exp", "loss.lse", "loss.logp", "loss.loss")

ROUTES = (("iree", "f32"), ("xla", "f32"), ("xla", "f64"))


def cut(text: str, probe: str, function: str = "grads") -> tuple[str, list[str]]:
    """-> (a module whose one function ``probe`` runs ``function`` up to ``%probe`` and returns
    it, the argument names).  ``probe`` must be a top-level value of ``function``."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.lstrip().startswith(f"func.func @{function}(")]
    if not starts:
        raise ValueError(f"no function @{function} in the module")
    i0 = starts[0]
    args = re.match(rf"\s*func\.func @{function}\((.*)\) -> ", lines[i0]).group(1)
    define = f"    %{probe} = "
    end = next((i for i in range(i0 + 1, len(lines)) if lines[i].startswith(define)), None)
    if end is None or any(lines[i].startswith("  }") for i in range(i0 + 1, end)):
        raise ValueError(f"no top-level value %{probe} in @{function}")
    ty = re.search(r"(?:->|:)\s*(tensor<[^>]*>)\s*$", lines[end])
    if ty is None:
        raise ValueError(f"%{probe}: no tensor type at the end of its definition")
    module = ["module {", f"  func.func @probe({args}) -> ({ty.group(1)}) {{", *lines[i0 + 1:end + 1],
              f"    return %{probe} : {ty.group(1)}", "  }", "}"]
    return "\n".join(module) + "\n", re.findall(r"%([\w.]+): tensor", args)


def measure(net: str, image: int, batch: int, seed: int, probes, cache_dir=None, log=print) -> list[dict]:
    from codegen import emit
    from runtime.engines import get_engine

    from .grad_accuracy import _spec, seeded_inputs
    spec = _spec(net, image)
    texts = {dt: emit(spec, batch=batch, functions=("grads",), dtype=dt).text for dt in ("f32", "f64")}
    inputs, hyper = seeded_inputs(spec, batch, seed)
    values = dict(inputs, hyper=hyper)
    rows = []
    for p in probes:
        got = {}
        for eng_name, dt in ROUTES:
            text, names = cut(texts[dt], p)
            eng = get_engine(eng_name)
            extra = ["--iree-input-demote-f64-to-f32=false"] if eng_name == "iree" and dt == "f64" else []
            res = eng.compile(text, backend="cpu", extra_flags=extra, cache_dir=cache_dir,
                              source_hint=f"{net}:{p}")
            exe = eng.load(res.vmfb_path, backend="cpu")
            args = [np.asarray(values[n]) for n in names]
            if dt == "f64":
                args = [a.astype(np.float64) if a.dtype.kind == "f" else a for a in args]
            got[(eng_name, dt)] = np.asarray(exe.call_host("probe", args)[0], np.float64)
        truth = got[("xla", "f64")]
        scale = float(np.linalg.norm(truth)) or 1.0
        err = {f"{e}-{dt}": float(np.linalg.norm(got[(e, dt)] - truth)) / scale for e, dt in ROUTES[:2]}
        rows.append({"probe": p, "shape": list(truth.shape), **err,
                     "ratio": err["iree-f32"] / max(err["xla-f32"], 1e-30)})
        log(f"  {p}: iree {err['iree-f32']:.2e}, xla {err['xla-f32']:.2e}")
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| value | shape | IREE f32 | XLA f32 (same text) | IREE / XLA |", "|---|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| `{r['probe']}` | {'x'.join(map(str, r['shape'])) or 'scalar'} | "
                     f"{r['iree-f32']:.2e} | {r['xla-f32']:.2e} | {r['ratio']:.1f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--net", default="b0", choices=("b0", "mnv2"))
    ap.add_argument("--image-size", type=int, default=96)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--probes", default=None,
                    help="top-level values of @grads, comma-separated (default: B0's stages, head and loss)")
    ap.add_argument("--cache-dir", default=None)
    a = ap.parse_args(argv)
    if a.probes is None and a.net != "b0":
        print("forward_error: --probes is required for a net other than b0 (names: `netspec emit`)",
              file=sys.stderr)
        return 2
    probes = a.probes.split(",") if a.probes else list(PROBES)
    try:
        rows = measure(a.net, a.image_size, a.batch, a.seed, probes, a.cache_dir,
                       log=lambda m: print(m, file=sys.stderr, flush=True))
    except ValueError as e:
        print(f"forward_error: {e}", file=sys.stderr)
        return 2
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
