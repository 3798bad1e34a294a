"""How far a profiled step is from what this machine's compute and memory allow (issue 17).

    python -m bench.roofline PROFILE_DIR [--peak-gflops G] [--bandwidth-gbs CACHE DRAM] [--out FILE]

Reads ``profile.json`` of ``bench/profile_step.py`` (per dispatch: calls per step, nominal
FLOPs and the bytes the kernel loads and stores, its time under the malloc env when profiled
with ``--profile-malloc-env``, else its median) and prints, per kind and in total:

- the measured ms per step;
- the compute floor, FLOPs / peak: peak is the machine's float32 matmul rate (``--peak-gflops``,
  default: measured here by ``bench.suite.matmul_peak``, as ``netspec bench`` does);
- the memory floor, bytes / bandwidth, at two bandwidths measured here through IREE's own
  runtime (``y = x + x``, all cores, best of 5): a 37 MiB tensor (B0's largest activation at
  batch 8, 224: what stays in the caches between kernels streams at this rate) and a 512 MiB
  one (DRAM); ``--bandwidth-gbs CACHE DRAM`` gives them instead.  The first is the optimistic
  roof, the second what a kernel whose working set spills the caches gets;
- the roofline floor of the dispatches as emitted, the sum of max(compute, memory) per
  dispatch: no schedule of these same kernels can beat it, only fusing kernels (fewer bytes)
  or moving work off the memory-bound side can;
- the share of the step each kind's floor explains.

The floor is a lower bound, not a prediction: it credits every kernel with peak matmul
throughput or streaming bandwidth at once, which depthwise and strided kernels do not reach.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path


def copy_bandwidth_gbs(mib: int = 512, reps: int = 5) -> float:
    """Bytes read + written per second by IREE's CPU runtime streaming a large f32 buffer
    (``y = x + x`` compiled by iree-compile: one elementwise dispatch over all cores), timed
    by ``iree-benchmark-module`` with the input already on the device, under the malloc env of
    ``bench/profile_step.py`` (no page faults on the reused output); best repetition."""
    import os
    import re
    import subprocess
    import tempfile

    from bench.profile_step import MALLOC_ENV
    from runtime.engines import get_engine
    n = mib * 2 ** 20 // 4
    text = (f"func.func @copy(%x: tensor<{n}xf32>) -> tensor<{n}xf32> {{\n"
            f"  %y = stablehlo.add %x, %x : tensor<{n}xf32>\n"
            f"  return %y : tensor<{n}xf32>\n}}\n")
    with tempfile.TemporaryDirectory() as tmp:
        res = get_engine("iree").compile(text, backend="cpu", cache_dir=Path(tmp), source_hint="copy")
        out = subprocess.run(["iree-benchmark-module", f"--module={res.vmfb_path}", "--device=local-task",
                              "--function=copy", f"--input={n}xf32=1", f"--benchmark_repetitions={reps}",
                              "--benchmark_min_time=3x"], capture_output=True, text=True, check=True,
                             env=dict(os.environ, **MALLOC_ENV)).stdout
    best_ms = min(float(m) for m in re.findall(r"BM_copy/process_time/real_time\s+([\d.]+) ms", out))
    return 2 * n * 4 / best_ms / 1e6


def analyse(profile: dict, peak: float, bw: float, bw_dram: float) -> dict:
    rows = profile["profile"]["dispatch_rows"]
    kinds: dict[str, dict] = defaultdict(lambda: {"ms": 0.0, "compute_ms": 0.0, "memory_ms": 0.0,
                                                  "floor_ms": 0.0, "dram_floor_ms": 0.0, "gflop": 0.0,
                                                  "mbytes": 0.0})
    for r in rows:
        calls = r.get("count_per_step", 1)
        ms = r.get("ms_per_step_malloc") or r["ms_per_step"]
        flops = (r.get("flops_per_call") or 0) * calls
        nbytes = (r.get("bytes_per_call") or 0) * calls
        c_ms, m_ms = flops / peak / 1e6, nbytes / bw / 1e6
        k = kinds[r["kind"]]
        k["ms"] += ms
        k["compute_ms"] += c_ms
        k["memory_ms"] += m_ms
        k["floor_ms"] += max(c_ms, m_ms)
        k["dram_floor_ms"] += max(c_ms, nbytes / bw_dram / 1e6)
        k["gflop"] += flops / 1e9
        k["mbytes"] += nbytes / 1e6
    total = {key: sum(k[key] for k in kinds.values()) for key in
             ("ms", "compute_ms", "memory_ms", "floor_ms", "dram_floor_ms", "gflop", "mbytes")}
    return {"kinds": dict(sorted(kinds.items(), key=lambda kv: -kv[1]["ms"])), "total": total}


def table(res: dict, peak: float, bw: float, bw_dram: float) -> str:
    out = [f"peak {peak:.0f} GFLOP/s (f32 matmul); streaming {bw:.1f} GB/s (37 MiB), {bw_dram:.1f} GB/s "
           f"(512 MiB, DRAM)", "",
           "| kind | measured ms | GFLOP | MB moved | compute floor ms | memory floor ms (cache) | "
           "roofline floor ms (cache) | roofline floor ms (DRAM) |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    rows = list(res["kinds"].items()) + [("**total**", res["total"])]
    for name, k in rows:
        out.append(f"| {name} | {k['ms']:.1f} | {k['gflop']:.2f} | {k['mbytes']:.0f} | {k['compute_ms']:.1f} | "
                   f"{k['memory_ms']:.1f} | {k['floor_ms']:.1f} | {k['dram_floor_ms']:.1f} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profile_dir")
    ap.add_argument("--peak-gflops", type=float, default=None)
    ap.add_argument("--bandwidth-gbs", type=float, nargs=2, default=None, metavar=("CACHE", "DRAM"))
    ap.add_argument("--out", default=None, help="write the analysis as JSON here")
    args = ap.parse_args()
    src = Path(args.profile_dir) / "profile.json"
    if not src.is_file():
        ap.error(f"{src}: no profile.json there (write one with python -m bench.profile_step "
                 f"--out-dir {args.profile_dir})")
    prof = json.loads(src.read_text())
    if args.peak_gflops is None:
        from bench.suite import matmul_peak
        peak = matmul_peak()["gflops_per_s"]
    else:
        peak = args.peak_gflops
    bw, bw_dram = args.bandwidth_gbs or (copy_bandwidth_gbs(37), copy_bandwidth_gbs(512))
    res = analyse(prof, peak, bw, bw_dram)
    print(table(res, peak, bw, bw_dram))
    if args.out:
        Path(args.out).write_text(json.dumps({"peak_gflops": peak, "bandwidth_gbs": bw, "dram_bandwidth_gbs": bw_dram,
                                              "profile": prof.get("title"), **res}, indent=1))


if __name__ == "__main__":
    main()
