"""Per-dispatch profile of a compiled netspec function (default: the train step) on IREE CPU.

    python -m bench.profile_step --spec examples/effnet_b0.py --batch 8 [--image 224]
        [--spec-name NAME] [--function train_step] [--optimizer adam] [--out-dir DIR]
        [--steps N] [--iree-flag FLAG]... [--mlir FILE] [--bench-reps 5] [--bench-rounds 2]
        [--no-malloc-bench] [--profile-malloc-env] [--reuse-profile] [--no-dump]
        [--no-run-check] [--cache-dir DIR] [--top 25]

What it does (everything lands in ``--out-dir``, default ``/tmp/prof_<spec stem>``):

1. Builds the module with netspec's own pipeline (``runtime.build.build``: emit,
   verify, compile for ``cpu``; cached), or, with ``--mlir FILE``, compiles an arbitrary
   StableHLO file with ``runtime.engines.iree.compile_mlir``.  ``--iree-flag`` is passed through.
2. Writes the inputs as ``aN.npy`` + ``inputs.flags`` in the documented argument order of
   ``codegen/module.py`` (train_step: params, opt_0[, opt_1], bn, images, labels, [rand],
   hyper), checks them against the compiled ``func.func`` signature and runs the function
   once with ``iree-run-module`` (skip with ``--no-run-check``).
3. Compiles the same MLIR once more up to ``executable-configurations`` with
   ``--mlir-print-debuginfo``, dumping the executable sources, their configurations (the CPU
   codegen pipeline each kernel got) and the compilation phases.  The stream phase gives, for
   every dispatch site of the command buffer, the ``loc`` of the emitted StableHLO op it came
   from; the executable sources give every emitted op fused into each kernel.  netspec's MLIR
   names its SSA values (``%blocks.2.0.dw.d_w``), so line numbers map to readable names.
4. Runs ``iree-benchmark-module --device=local-task`` for ``--steps`` iterations with
   ``--device_profiling_mode=host-execution,queue-events,executable-metadata``, then
   ``iree-profile statistics`` and ``iree-profile export --format=ireeperf-jsonl``.  Each
   iteration is one queue submission of one command buffer; its n-th dispatch is the n-th
   ``stream.cmd.dispatch`` of the stream phase (checked by name), so every dispatch *site* is
   classified from its own emitted op (one executable can serve several layers, even a
   forward and a backward op of the same shape).  Reported per dispatch (executable
   function): calls per step, median and best (minimum) ms per step over the profiled steps,
   share of the step (of the summed dispatch time), FLOPs (convolution / dot_general, from
   the emitted shapes; "useful" leaves out products by the zeros of lhs dilation) and
   GFLOP/s, bytes loaded + stored by the kernel and GB/s, the CPU codegen pipeline, the
   emitted op and its sites.  Per kind (depthwise fwd / input-grad / weight-grad, 1x1 conv
   fwd / input-grad / weight-grad, BN fwd stats / bwd reductions, SE, elementwise fwd / bwd,
   transposes and staging copies feeding convolutions, optimizer, loss ...): median over
   steps of the per-step kind sum, and "best" = the sum of every site's own minimum (other
   work on a shared machine steals cores in bursts; the minimum is the least disturbed).
   ``--profile-malloc-env`` profiles a second time under the malloc env below and adds its
   columns (which kernels pay for page faults).
5. Reruns the plain (unprofiled) benchmark ``--bench-rounds`` times alternately with the
   default environment and with ``MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4000000000``
   (glibc keeps freed big buffers instead of unmapping them, so the next step does not
   page-fault them in again), ``--bench-reps`` repetitions each, and reports both medians of
   iree-benchmark-module's ``real_time`` and the minor page faults per iteration.

``--reuse-profile`` re-analyses what an earlier run left in ``--out-dir`` (no benchmarking).
``--mlir FILE`` profiles any StableHLO file (inputs from ``--spec`` when given, else random
from the signature); kinds then rest on the op shapes, as the SSA names are not netspec's.

Outputs: ``profile.json`` (everything), ``profile.md`` (top dispatches, kind table, step
times), ``dispatch_sites.json`` (every dispatch site with its kind, emitted op and time), the
raw ``step.ireeprof``, ``statistics.txt``, ``step.jsonl`` (and ``step_malloc.*``),
``inputs/`` (``aN.npy`` + ``inputs.flags``), ``build/`` (netspec's build directory) and
``dump/`` (sources, configurations, phases).  Timings on a shared 2-core machine are noisy; compare shares, not absolute ms.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

VENV_BIN = Path(sys.executable).parent
PROFILE_MODE = "host-execution,queue-events,executable-metadata"
MALLOC_ENV = {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": "4000000000"}


def tool(name: str) -> str:
    p = VENV_BIN / name
    if p.exists():
        return str(p)
    found = shutil.which(name)
    if not found:
        sys.exit(f"profile_step: {name} not found next to {sys.executable} or on PATH")
    return found


def log(msg: str) -> None:
    print(f"[profile_step {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(argv, *, env=None, cwd=None, check=True, capture=True) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(a) for a in argv], env=env, cwd=cwd, text=True,
                          capture_output=capture)
    if check and proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] if proc.stdout else "")
        sys.stderr.write(proc.stderr[-4000:] if proc.stderr else "")
        sys.exit(f"profile_step: command failed ({proc.returncode}): {' '.join(map(str, argv))[:400]}")
    return proc


# =========================================================================== 1. build
def build_module(args, out: Path):
    """-> dict(text, mlir_path, vmfb_path, flags, compile_seconds, cache_hit, spec, config)."""
    spec = config = None
    if args.spec:
        from netspec.loader import load_spec_file
        spec, config, _ = load_spec_file(args.spec, args.spec_name)
    if args.mlir:
        from runtime.engines.iree import compile_mlir
        text = Path(args.mlir).read_text(encoding="utf-8")
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(args.mlir).stem).strip("-.") or "module"
        res = compile_mlir(text, backend="cpu", extra_flags=tuple(args.iree_flag),
                           cache_dir=args.cache_dir, verify=False, input_name=stem)
        mlir_path = out / f"{stem}.mlir"
        mlir_path.write_text(text, encoding="utf-8")
        vmfb_path = out / f"{stem}.vmfb"
        shutil.copyfile(res.vmfb_path, vmfb_path)
        from runtime.engines.iree.diagnostics import read_abi
        abi = read_abi(text)
        if spec is not None:
            # a module built to netspec's ABI (e.g. a JAX export): its types must be netspec's
            from codegen import emit
            ours = emit(spec, batch=args.batch, optimizer=args.optimizer,
                        functions=(args.function,)).abi
            theirs = abi[args.function] if args.function in abi else None
            if theirs is None or [(t.shape, t.dtype) for t in theirs.args] != \
                    [(t.shape, t.dtype) for t in ours[args.function].args]:
                sys.exit(f"profile_step: @{args.function} of {args.mlir} does not take netspec's "
                         f"arguments {ours[args.function].signature}")
            abi = ours
        return dict(text=text, mlir_path=mlir_path, vmfb_path=vmfb_path, flags=list(res.flags),
                    compile_seconds=res.seconds, cache_hit=res.cache_hit, spec=spec,
                    config=config, optimizer=args.optimizer, abi=abi)
    if spec is None:
        sys.exit("profile_step: give --spec (and/or --mlir)")
    from runtime.build import build
    built = build(spec, config, backend="cpu", batch=args.batch, optimizer=args.optimizer,
                  functions=(args.function,), image_size=args.image,
                  extra_flags=tuple(args.iree_flag), cache_dir=args.cache_dir,
                  out_dir=out / "build", spec_file=args.spec)
    return dict(text=built.text, mlir_path=built.mlir_path, vmfb_path=built.vmfb_path,
                flags=list(built.result.flags), compile_seconds=built.result.seconds,
                cache_hit=built.result.cache_hit, spec=built.plan.spec, config=config,
                optimizer=built.plan.optimizer, abi=built.abi)


# =========================================================================== 2. inputs
def function_signature(mod: dict, function: str) -> dict:
    """The function's entry of the module's ABI (``codegen.abi.FunctionABI.to_dict``)."""
    abi = mod["abi"]
    if function not in abi:
        sys.exit(f"profile_step: the module has no func.func @{function} (has {list(abi.functions)})")
    return abi[function].to_dict()


def make_inputs(mod: dict, sig: dict, function: str, out: Path, seed: int = 0) -> list[dict]:
    """Write aN.npy + inputs.flags; return [{name, shape, dtype, file}].

    With a spec, each argument is made by its ABI name and role: training-state buffers from
    the registry (``netspec.state.train_state``), then images, labels, rand, hyper; without one,
    small random values of the signature's types."""
    args_sig = sig["args"]
    rng = np.random.default_rng(seed)
    arrays: list[np.ndarray]
    spec = mod["spec"]
    if spec is not None:
        from bench.workloads import hyper_vector
        from netspec.state import train_state
        from netspec.analysis import analyze
        from netspec.init import init_params
        a = analyze(spec)
        img = next((x for x in args_sig if x["name"] == "images"), None)
        if img is None:
            sys.exit("profile_step: the function takes no `images` argument")
        B, H, W, C = img["shape"]
        values = {"params": np.asarray(init_params(a, 0), np.float32),
                  "bn": np.asarray(a.init_bn(), np.float32),
                  "images": rng.standard_normal((B, H, W, C), dtype=np.float32),
                  "labels": (np.arange(B) % a.num_classes).astype(np.int32),
                  "hyper": hyper_vector(0)}
        rand = next((x for x in args_sig if x["name"] == "rand"), None)
        if rand is not None:   # the module's width (dropout, and stochastic depth if emitted so)
            values["rand"] = rng.uniform(size=tuple(rand["shape"])).astype(np.float32)
        for sb in train_state(mod["optimizer"]):
            values.setdefault(sb.key, np.full((a.n_params,), sb.fill, np.float32))
        try:
            arrays = [values[x["key"] if x["role"] == "state" else x["name"]] for x in args_sig]
        except KeyError as e:
            sys.exit(f"profile_step: no input recipe for argument {e} of @{function}")
    else:   # arbitrary MLIR without a spec: inputs from the signature alone
        arrays = []
        for x in args_sig:
            if x["dtype"].startswith("i"):
                arrays.append(np.zeros(x["shape"], np.int32 if x["dtype"] == "i32" else np.int64))
            else:
                arrays.append((0.05 * rng.standard_normal(x["shape"])).astype(np.float32))
    # check against the compiled signature
    dt = {"f32": np.float32, "i32": np.int32, "i64": np.int64}
    for arr, x in zip(arrays, args_sig):
        if list(arr.shape) != x["shape"] or arr.dtype != dt.get(x["dtype"], arr.dtype):
            sys.exit(f"profile_step: input %{x['name']} is {arr.dtype}{list(arr.shape)} but the "
                     f"signature says {x['type']}")
    d = out / "inputs"
    d.mkdir(parents=True, exist_ok=True)
    lines, rows = [], []
    for i, (arr, x) in enumerate(zip(arrays, args_sig)):
        f = d / f"a{i}.npy"
        np.save(f, arr)
        lines.append(f"--input=@{f.resolve()}")
        rows.append({"name": x["name"], "type": x["type"], "file": str(f)})
    (d / "inputs.flags").write_text("\n".join(lines) + "\n")
    return rows


def run_check(mod: dict, function: str, out: Path) -> dict:
    t0 = time.perf_counter()
    proc = run([tool("iree-run-module"), "--device=local-task", f"--module={mod['vmfb_path']}",
                f"--function={function}", f"--flagfile={out / 'inputs' / 'inputs.flags'}"])
    results = re.findall(r"^(\S+)=(\S+)", proc.stdout, re.M)
    scalars = [f"{t}={v}" for t, v in results if re.fullmatch(r"[a-z]+\d+", t)]
    return {"ok": True, "seconds": round(time.perf_counter() - t0, 2), "scalar_results": scalars}


# =========================================================================== 3. dump + locs
def dump_sources(mod: dict, out: Path, reuse: bool) -> Path:
    """iree-compile up to executable-configurations with debug locations; -> dump dir."""
    dump = out / "dump"
    stamp = dump / "mlir.sha"
    import hashlib
    sha = hashlib.sha256((mod["text"] + "\0" + " ".join(mod["flags"])).encode()).hexdigest()
    if reuse and stamp.exists() and stamp.read_text().strip() == sha:
        log("dump: reusing " + str(dump))
        return dump
    shutil.rmtree(dump, ignore_errors=True)
    (dump / "phases").mkdir(parents=True)
    src = Path(mod["mlir_path"]).resolve()
    argv = [tool("iree-compile"), *mod["flags"],
            f"--iree-hal-dump-executable-sources-to={dump.resolve()}",
            f"--iree-hal-dump-executable-configurations-to={dump.resolve()}",
            f"--dump-compilation-phases-to={(dump / 'phases').resolve()}",
            "--mlir-print-debuginfo", "--compile-to=executable-configurations",
            "--emit-mlir-bytecode", src.name, "-o", str((dump / "configured.mlirbc").resolve())]
    t0 = time.perf_counter()
    run(argv, cwd=src.parent)
    (dump / "compile_command.txt").write_text(" ".join(argv) + "\n")
    stamp.write_text(sha + "\n")
    log(f"dump: {time.perf_counter() - t0:.1f}s -> {dump}")
    return dump


_FILELOC = re.compile(r'"([^"]+)":(\d+):(\d+)')
_LOCDEF = re.compile(r"^(#loc\d*) = loc\((.*)\)\s*$", re.M)
_LOCREF = re.compile(r"#loc\d*\b")


class Source:
    """The emitted MLIR, indexed by line: SSA name, op, and what a convolution looks like."""

    _DEF = re.compile(r"^\s*%([\w$.#-]+)(?::\d+)?\s*=\s*\"?(stablehlo\.\w+|chlo\.\w+|func\.call|"
                      r"tensor\.\w+|arith\.\w+)")

    def __init__(self, text: str, name: str):
        self.name = name
        self.lines = text.splitlines()
        self.func_lines = {i + 1 for i, l in enumerate(self.lines)
                           if l.lstrip().startswith("func.func")}

    def op(self, line: int) -> dict | None:
        if not 1 <= line <= len(self.lines):
            return None
        l = self.lines[line - 1]
        m = self._DEF.match(l)
        if not m:
            return None
        return {"line": line, "name": m.group(1), "op": m.group(2).split(".", 1)[1], "text": l.strip()}

    def ops_in(self, text: str) -> list[dict]:
        """Emitted ops named by the file locations in ``text`` (in order of first mention)."""
        seen, out = set(), []
        for f, ln, _ in _FILELOC.findall(text):
            ln = int(ln)
            if Path(f).name != self.name or ln in self.func_lines or ln in seen:
                continue
            seen.add(ln)
            o = self.op(ln)
            if o:
                out.append(o)
        return out


_TENSOR = re.compile(r"tensor<([^>]*)>")


def _shape(t: str) -> tuple[list[int], str]:
    *dims, dt = t.split("x")
    try:
        return [int(d) for d in dims], dt
    except ValueError:
        return [], dt


def _conv_info(text: str) -> dict | None:
    m = re.search(r"dim_numbers = \[([^\]]*)\]x\[([^\]]*)\]->\[([^\]]*)\]", text)
    types = _TENSOR.findall(text)
    if not m or len(types) < 3:
        return None
    lhs, rhs, res = (_shape(t)[0] for t in types[-3:])
    ldn, rdn, odn = ([s.strip() for s in g.split(",")] for g in m.groups())
    def attr(name, default=1):
        a = re.search(name + r" = (\d+)", text)
        return int(a.group(1)) if a else default
    def pair(name):
        a = re.search(name + r" = \[([^\]]*)\]", text)
        return [int(v) for v in a.group(1).split(",")] if a else []
    rsp = [rhs[i] for i, d in enumerate(rdn) if d.isdigit()]
    osp = [res[i] for i, d in enumerate(odn) if d.isdigit()]
    r_i = rhs[rdn.index("i")]
    flops = 2 * math.prod(res) * math.prod(rsp) * r_i
    lhs_dil = pair("lhs_dilate")
    return {"lhs": lhs, "rhs": rhs, "out": res, "dim_numbers": [ldn, rdn, odn],
            "feature_group_count": attr("feature_group_count"),
            "batch_group_count": attr("batch_group_count"), "rhs_spatial": rsp,
            "out_spatial": osp, "stride": pair("stride"), "lhs_dilate": lhs_dil,
            "rhs_dilate": pair("rhs_dilate"), "flops": flops,
            # with interior (lhs) dilation most products are by inserted zeros
            "useful_flops": flops // max(1, math.prod(lhs_dil or [1]))}


def _dot_flops(text: str) -> int | None:
    types = _TENSOR.findall(text)
    m = re.search(r"contracting_dims = \[([^\]]*)\]", text)
    if len(types) < 3 or not m:
        return None
    lhs = _shape(types[-3])[0]
    res = _shape(types[-1])[0]
    k = math.prod(lhs[int(i)] for i in m.group(1).split(",") if i.strip())
    return 2 * math.prod(res) * k


def op_flops(o: dict) -> tuple[int, int] | None:
    """(nominal, useful) FLOPs of a convolution / dot_general line."""
    if o["op"] == "convolution":
        c = _conv_info(o["text"])
        return (c["flops"], c["useful_flops"]) if c else None
    if o["op"] == "dot_general":
        f = _dot_flops(o["text"])
        return (f, f) if f else None
    return None


# ------------------------------------------------------------------ executable sources
_EXPORT = re.compile(r"hal\.executable\.export public @(\w+)")
_LOAD = re.compile(r"dispatch\.tensor\.load [^\n]*?-> tensor<([^>]*)>")
_STORE = re.compile(r"dispatch\.tensor\.store [^\n]*?: tensor<([^>]*)> ->")
_DTBYTES = {"f32": 4, "i32": 4, "f16": 2, "bf16": 2, "i64": 8, "f64": 8, "i8": 1, "i1": 1}


_NOT_COMPUTE = re.compile(r"binding\.subspan|dispatch\.tensor\.(load|store)|tensor\.empty|"
                          r"arith\.constant|^\s*\^bb|^\s*return\b|func\.func|hal\.return|"
                          r"workgroup_count")


def read_executables(dump: Path, src: Source) -> dict[str, dict]:
    """{export name: {ops, root, bytes, pipeline, file}} from the dumped sources/configs.

    ``ops``: the emitted ops whose locations sit on compute lines of the kernel body (loads,
    stores and block arguments carry their producers' locations and are skipped); ``root``:
    the op named by the export's own location (the dispatch region's root)."""
    exes: dict[str, dict] = {}
    for f in glob.glob(str(dump / "*_dispatch_*.mlir")):
        if Path(f).name.startswith("configured_"):
            continue
        text = Path(f).read_text()
        names = _EXPORT.findall(text)
        if not names:
            continue
        exp_line = next(l for l in text.splitlines() if "hal.executable.export" in l)
        root = src.ops_in(exp_line)
        body = text[text.find("builtin.module"):]
        compute = "\n".join(l for l in body.splitlines() if not _NOT_COMPUTE.search(l))
        nbytes = 0
        for t in _LOAD.findall(body) + _STORE.findall(body):
            shape, dt = _shape(t)
            nbytes += math.prod(shape) * _DTBYTES.get(dt, 4)
        cfg = Path(f).with_name("configured_" + Path(f).name)
        pipe = None
        if cfg.exists():
            m = re.search(r"pipeline<(\w+)>", cfg.read_text())
            pipe = m.group(1) if m else None
        linalg = sorted(set(re.findall(r"\blinalg\.(\w+)", compute)) - {"yield", "fill"})
        info = {"file": Path(f).name, "ops": src.ops_in(compute),
                "root": root[0] if root else None, "bytes": nbytes, "pipeline": pipe,
                "linalg": linalg}
        for n in names:
            exes[n] = info
    return exes


def read_sites(dump: Path, function: str, src: Source) -> list[dict]:
    """Every dispatch of ``function``'s command buffer in stream order, with its emitted ops."""
    files = glob.glob(str(dump / "phases" / "*.stream.mlir"))
    if not files:
        return []
    text = Path(files[0]).read_text()
    aliases = dict(_LOCDEF.findall(text))

    def expand(expr: str, depth=0) -> str:
        if depth > 50:
            return expr
        return _LOCREF.sub(lambda m: expand(aliases.get(m.group(0), ""), depth + 1)
                           if m.group(0) in aliases else m.group(0), expr)

    # only the function's own body
    m = re.search(r"^\s*(?:util|func)\.func\s+(?:public\s+)?@" + re.escape(function) + r"\(",
                  text, re.M)
    if m:
        text = text[m.start():]
    sites = []
    lines = text.splitlines()
    i = 0
    pat = re.compile(r"stream\.cmd\.dispatch @(\w+)::@(\w+)")
    while i < len(lines):
        mm = pat.search(lines[i])
        if not mm:
            if sites and re.match(r"^\s*(util|func)\.func", lines[i]):
                break
            i += 1
            continue
        j, loc = i, None
        while j < len(lines) and j < i + 400:
            lm = re.search(r"\bloc\((.*)\)\s*$", lines[j])
            if lm and (j > i or "{" not in lines[i]):
                loc = lm.group(1)
                break
            j += 1
        ops = src.ops_in(expand(loc)) if loc else []
        sites.append({"export": mm.group(2), "ops": ops})
        i = j + 1
    return sites


# =========================================================================== classification
_TRIVIAL = ("slice", "reshape", "broadcast_in_dim", "constant", "iota", "convert", "reverse")


def iree_category(name: str) -> str:
    """'train_step_dispatch_12_matmul_like_100352x16x32_f32' -> 'matmul_like'."""
    toks = re.sub(r"^.*?_dispatch_\d+_?", "", name).split("_")
    cat = []
    for t in toks:
        if not t or t[0].isdigit() or re.fullmatch(r"[a-z]+\d+(x[a-z]+\d+)*", t):
            break
        cat.append(t)
    return "_".join(cat) or "other"


def _role(n: str, c: dict | None = None) -> str:
    """fwd / weight-grad / input-grad: from netspec's SSA names (``.d_w``, ``.d_x_1``), else
    from the convolution's shape (a batch_group_count, or an output laid out [0, 1, ...] as
    netspec's weight gradients are, means weight-grad; lhs dilation means input-grad)."""
    if re.search(r"\.d_w$", n):
        return "weight-grad"
    if re.search(r"\.d_x(_\d+)?$", n):
        return "input-grad"
    if c and not re.search(r"\.conv$", n):
        if c.get("batch_group_count", 1) > 1 or (c.get("dim_numbers") and
                                                 c["dim_numbers"][2][0].isdigit()):
            return "weight-grad"
        if any(d > 1 for d in c.get("lhs_dilate", [])):
            return "input-grad"
    return "fwd"


def _conv_kind(o: dict) -> str:
    n = o["name"]
    c = _conv_info(o["text"]) or {}
    dw = c.get("feature_group_count", 1) > 1 or c.get("batch_group_count", 1) > 1
    role = _role(n, c)
    ksz = math.prod(c.get("out_spatial", [1])) if role == "weight-grad" else \
        math.prod(c.get("rhs_spatial", [1]))
    if dw:
        base = "depthwise"
    elif ksz == 1:
        base = "1x1 conv"
    else:
        base = "stem conv" if n.startswith("conv.0.") else "kxk conv"
    return f"{base} {role}"


def _reduce_kind(o: dict) -> str:
    n = o["name"]
    if re.search(r"\.(d_beta|d_gamma)\w*$", n):
        return "BN bwd reduction"
    if re.search(r"\.(sum_x|sum_xc2)\w*$", n):
        return "BN fwd stats reduction"
    if ".se." in n:
        return "SE reduction"
    if n.startswith("pool") or n.endswith("sum_hw"):
        return "global pool"
    if n.startswith("loss"):
        return "loss"
    if n.startswith("opt"):
        return "optimizer"
    return "reduction (other)"


def _elementwise_kind(ops: list[dict]) -> str:
    names = [o["name"] for o in ops]
    if any(n.startswith("opt.") for n in names):
        return "optimizer"
    if names and all(n.startswith(("loss", "fc.", "dropout", "pool")) for n in names):
        return "loss / head"
    if any(re.search(r"\.(d_\w*|dswish|dsigmoid|n_dy|t1|t2|gamma_inv\w*|xhat_dgamma|dy_\w+|"
                     r"one_minus_s|z_1ms|one_plus|one_minus_g|wd_p\w*|dy_h|d_h\w*|w_flip)$", n)
           for n in names):
        return "elementwise bwd"
    if any(".se." in n for n in names):
        return "elementwise fwd (SE)"
    return "elementwise fwd (BN apply / act)"


def classify(name: str, ops: list[dict], root: dict | None) -> tuple[str, dict | None]:
    """(kind, the emitted op that decided it), from IREE's category of the kernel (its export
    name) and the emitted ops fused into it."""
    cat = iree_category(name)
    heavy = [o for o in ops if o["op"] not in _TRIVIAL]
    convs = [o for o in heavy if o["op"] in ("convolution", "dot_general")]
    reds = [o for o in heavy if o["op"] == "reduce"]
    pick = lambda cands: (root if root in cands else cands[0]) if cands else None  # noqa: E731
    if "memcpy" in cat or cat == "copy":
        o = pick(convs) or pick(heavy) or root
        what = ""
        if o is not None:
            what = (f" (staging for {_conv_kind(o)})" if o["op"] == "convolution" else
                    f" ({o['op']})")
        return "copy" + what, o
    if "transpose" in cat:
        o = pick(convs)
        if o is not None and o["op"] == "convolution":
            return f"transpose (for {_conv_kind(o)})", o
        return "transpose", pick(heavy) or root
    if cat in ("conv", "matmul", "matmul_like", "batch_matmul", "matvec", "matvec_like",
               "matmul_transpose_b", "vecmat", "vecmat_like") and convs:
        o = pick(convs)
        if o["op"] == "convolution":
            return _conv_kind(o), o
        if ".se." in o["name"]:
            return "SE matmul", o
        if re.search(r"\.d_w_pieces$", o["name"]):   # codegen.ops.conv's "pieces" form
            return "1x1 conv weight-grad", o
        return ("dense matmul" if o["name"].startswith(("fc.", "dense")) else "matmul"), o
    if reds and (cat in ("reduction", "matvec", "matvec_like", "matmul_like") or not convs):
        o = pick(reds)
        return _reduce_kind(o), o
    o = root if root is not None else (heavy[0] if heavy else None)
    if o is not None and o["op"] == "concatenate":
        return "concatenate (grad/state packing)", o
    return _elementwise_kind(heavy or ([root] if root else [])), o


# =========================================================================== 4. profile
def profile(mod: dict, function: str, out: Path, steps: int, env_extra: dict | None = None,
            name: str = "step") -> dict:
    prof = out / f"{name}.ireeprof"
    env = dict(os.environ, **(env_extra or {}))
    t0 = time.perf_counter()
    proc = run([tool("iree-benchmark-module"), "--device=local-task",
                f"--module={mod['vmfb_path']}", f"--function={function}",
                f"--flagfile={out / 'inputs' / 'inputs.flags'}",
                f"--benchmark_min_time={steps}x", "--benchmark_format=json",
                f"--device_profiling_mode={PROFILE_MODE}",
                f"--device_profiling_output={prof}"], env=env)
    log(f"profiled {steps} steps{' with ' + str(env_extra) if env_extra else ''} "
        f"in {time.perf_counter() - t0:.1f}s")
    bench = _bench_json(proc.stdout)
    st = run([tool("iree-profile"), "statistics", str(prof)])
    (out / ("statistics.txt" if name == "step" else f"statistics_{name}.txt")).write_text(st.stdout)
    jl = out / f"{name}.jsonl"
    run([tool("iree-profile"), "export", "--format=ireeperf-jsonl", f"--output={jl}", str(prof)])
    return {"bench": bench, "jsonl": jl}


def _bench_json(stdout: str) -> dict:
    i = stdout.find("{")
    try:
        return json.loads(stdout[i:]) if i >= 0 else {}
    except ValueError:
        return {}


def parse_events(jl: Path) -> dict:
    """Per submission (step): the dispatch events sorted by command index."""
    steps: dict[int, list[dict]] = defaultdict(list)
    functions = {}
    allocas: list[int] = []
    executes = 0
    with open(jl) as f:
        for line in f:
            if ('"host_execution_event"' not in line and '"executable_function"' not in line
                    and '"queue_event"' not in line):
                continue
            d = json.loads(line)
            if d["record_type"] == "queue_event":
                if d.get("op") == "alloca":
                    allocas.append(d.get("payload_length", 0))
                elif d.get("op") == "execute":
                    executes += 1
                continue
            if d["record_type"] == "executable_function":
                functions[(d["executable_id"], d["function_ordinal"])] = d["name"]
            elif d.get("op") == "dispatch" and d.get("valid", True):
                steps[d["submission_id"]].append(d)
    for evs in steps.values():
        evs.sort(key=lambda e: e["command_index"])
    return {"steps": [steps[k] for k in sorted(steps)], "functions": functions,
            "alloca_bytes_per_step": sum(allocas) / max(executes, 1),
            "allocas_per_step": len(allocas) / max(executes, 1)}


# =========================================================================== 5. malloc env
def plain_bench(mod: dict, function: str, out: Path, reps: int, env_extra: dict) -> dict:
    env = dict(os.environ)
    env.update(env_extra)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = run([tool("iree-benchmark-module"), "--device=local-task",
                f"--module={mod['vmfb_path']}", f"--function={function}",
                f"--flagfile={out / 'inputs' / 'inputs.flags'}",
                "--benchmark_min_time=1x", f"--benchmark_repetitions={reps}",
                "--benchmark_format=json"], env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    data = _bench_json(proc.stdout)
    runs = [b for b in data.get("benchmarks", []) if b.get("run_type") == "iteration"]
    times = [_ms(b["real_time"], b.get("time_unit", "ms")) for b in runs]
    iters = sum(int(b.get("iterations", 1)) for b in runs) or 1
    med = next((b for b in data.get("benchmarks", []) if b.get("aggregate_name") == "median"),
               None)
    return {"env": env_extra, "real_time_ms": [round(t, 1) for t in times],
            "median_ms": round(_ms(med["real_time"], med.get("time_unit", "ms")), 1) if med
            else (round(statistics.median(times), 1) if times else None),
            "iterations": iters,
            "minor_faults_per_iteration": round((after.ru_minflt - before.ru_minflt) / iters),
            "wall_s": round(time.perf_counter() - t0, 1)}


def _combine(results: list[dict]) -> dict:
    times = [t for r in results for t in r["real_time_ms"]]
    iters = sum(r["iterations"] for r in results)
    faults = sum(r["minor_faults_per_iteration"] * r["iterations"] for r in results)
    return {"env": results[0]["env"], "real_time_ms": times,
            "median_ms": round(statistics.median(times), 1) if times else None,
            "min_ms": round(min(times), 1) if times else None,
            "round_medians_ms": [r["median_ms"] for r in results],
            "iterations": iters, "minor_faults_per_iteration": round(faults / max(iters, 1))}


def _ms(v: float, unit: str) -> float:
    return v * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


# =========================================================================== report
def _flops_of(kind: str, main: dict | None) -> tuple[int, int]:
    if main is None or main["op"] not in ("convolution", "dot_general") \
            or kind.startswith(("transpose", "copy")):
        return 0, 0
    return op_flops(main) or (0, 0)


def _tables(steps: list[list[dict]], kind_of) -> dict:
    """Per step: time per dispatch key and per kind; medians across steps."""
    per_key: dict[str, list[float]] = defaultdict(list)
    per_kind: dict[str, list[float]] = defaultdict(list)
    spans, sums = [], []
    for evs in steps:
        acc: dict[str, float] = Counter()
        kacc: dict[str, float] = Counter()
        for j, e in enumerate(evs):
            ms = e["duration_ns"] / 1e6
            acc[e["key"]] += ms
            kacc[kind_of(j, e["key"])] += ms
        for k, v in acc.items():
            per_key[k].append(v)
        for k, v in kacc.items():
            per_kind[k].append(v)
        spans.append((max(e["end_host_time_ns"] for e in evs)
                      - min(e["start_host_time_ns"] for e in evs)) / 1e6)
        sums.append(sum(acc.values()))
    # "best": every dispatch site's own minimum over the steps, summed per kind -- on a
    # shared machine other work steals cores in bursts, and the minimum is the least disturbed
    best: dict[str, float] = Counter()
    n = len(steps[0])
    if all(len(evs) == n for evs in steps):
        for j in range(n):
            best[kind_of(j, steps[0][j]["key"])] += min(evs[j]["duration_ns"] for evs in steps) / 1e6
    return {"per_key": per_key, "per_kind": per_kind, "spans": spans, "sums": sums,
            "best_kind": best}


def analyze_profile(ev: dict, exes: dict, sites: list[dict], function: str) -> dict:
    """Per-dispatch rows, per-kind rows and per-site rows from the parsed events.

    With the stream dispatch sites lined up with the profiled command buffer, every site is
    classified from its own emitted op (an executable can serve several layers, even a forward
    and a backward op of the same shape); otherwise from the executable's source."""
    steps = ev["steps"]
    if not steps:
        sys.exit("profile_step: the profile holds no dispatch events")
    seq = [e["key"] for e in steps[0]]
    sites_ok = seq == [s["export"] for s in sites]
    if sites and not sites_ok:
        log(f"warning: {len(seq)} profiled dispatches vs {len(sites)} stream dispatch sites "
            "do not line up; kinds come from the executables only")
    steps = [evs for evs in steps if [e["key"] for e in evs] == seq] or steps

    exe_kind = {}
    for key in set(seq):
        exe = exes.get(key, {})
        exe_kind[key] = classify(key, exe.get("ops", []), exe.get("root"))
    site_kind = []
    if sites_ok:
        for s, key in zip(sites, seq):
            heavy = [o for o in s["ops"] if o["op"] not in _TRIVIAL]
            k, m = classify(key, s["ops"], heavy[0] if heavy else (s["ops"] or [None])[0])
            if m is None:               # no location: fall back to the executable
                k, m = exe_kind[key]
            site_kind.append((k, m))
    kind_of = (lambda j, key: site_kind[j][0]) if sites_ok else \
        (lambda j, key: exe_kind[key][0])          # noqa: E731
    t = _tables(steps, kind_of)
    med_sum = statistics.median(t["sums"])
    count = Counter(seq)

    # per dispatch (executable function)
    rows = []
    for key, vals in t["per_key"].items():
        med = statistics.median(vals)
        exe = exes.get(key, {})
        idx = [j for j, k in enumerate(seq) if k == key]
        if sites_ok:
            kinds_here = Counter(site_kind[j][0] for j in idx)
            kind = " / ".join(k for k, _ in kinds_here.most_common(2))
            main = site_kind[idx[0]][1]
            site_names = []
            for j in idx:
                nm = _site_label(sites[j]["ops"], site_kind[j][1])
                if nm and nm not in site_names:
                    site_names.append(nm)
        else:
            kind, main = exe_kind[key]
            site_names = []
        nominal, useful = _flops_of(kind, main)
        cnt = count[key]
        row = {"dispatch": key, "kind": kind, "category": iree_category(key),
               "count_per_step": cnt, "ms_per_step": round(med, 3), "share": med / med_sum,
               "min_ms_per_step": round(min(vals), 3), "ms_per_call": round(med / cnt, 3),
               "pipeline": exe.get("pipeline"), "linalg": exe.get("linalg"),
               "main_op": main["name"] if main else None,
               "main_op_line": main["line"] if main else None,
               "main_op_text": main["text"][:400] if main else None,
               "emitted_ops": [o["name"] for o in exe.get("ops", [])
                               if o["op"] not in _TRIVIAL][:24],
               "sites": site_names[:40],
               "flops_per_call": nominal or None, "useful_flops_per_call": useful or None,
               "bytes_per_call": exe.get("bytes") or None}
        secs = med / cnt / 1e3
        if nominal and secs > 0:
            row["gflops"] = round(nominal / secs / 1e9, 2)
            row["useful_gflops"] = round(useful / secs / 1e9, 2)
            if min(vals) > 0:
                row["best_gflops"] = round(nominal / (min(vals) / cnt / 1e3) / 1e9, 2)
        if exe.get("bytes") and secs > 0:
            row["gbytes_per_s"] = round(exe["bytes"] / secs / 1e9, 2)
        rows.append(row)
    rows.sort(key=lambda r: -r["ms_per_step"])

    # per kind: median over steps of the per-step kind sums; FLOPs per site
    flops: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    calls: dict[str, int] = Counter()
    keys_of: dict[str, set] = defaultdict(set)
    for j, key in enumerate(seq):
        k, m = site_kind[j] if sites_ok else exe_kind[key]
        f = _flops_of(k, m)
        flops[k][0] += f[0]
        flops[k][1] += f[1]
        calls[k] += 1
        keys_of[k].add(key)
    kind_rows = []
    for k, vals in t["per_kind"].items():
        ms = statistics.median(vals)
        r = {"kind": k, "ms_per_step": round(ms, 2), "share": ms / med_sum,
             "best_ms": round(t["best_kind"].get(k, 0.0), 2),
             "best_share": t["best_kind"].get(k, 0.0) / max(sum(t["best_kind"].values()), 1e-9),
             "dispatches": len(keys_of[k]), "calls_per_step": calls[k],
             "flops": flops[k][0], "useful_flops": flops[k][1]}
        if flops[k][0] and ms:
            r["gflops"] = round(flops[k][0] / (ms / 1e3) / 1e9, 2)
            r["useful_gflops"] = round(flops[k][1] / (ms / 1e3) / 1e9, 2)
            b = t["best_kind"].get(k)
            if b:
                r["best_gflops"] = round(flops[k][0] / (b / 1e3) / 1e9, 2)
        kind_rows.append(r)
    kind_rows.sort(key=lambda r: -r["ms_per_step"])

    site_rows = []
    if sites_ok:
        per_site = [[evs[j]["duration_ns"] / 1e6 for evs in steps] for j in range(len(seq))]
        for j, (s, vals) in enumerate(zip(sites, per_site)):
            k, m = site_kind[j]
            f = _flops_of(k, m)
            site_rows.append({"index": j, "dispatch": s["export"],
                              "command_index": steps[0][j]["command_index"], "kind": k,
                              "main_op": m["name"] if m else None,
                              "ms_median": round(statistics.median(vals), 3),
                              "flops": f[0] or None,
                              "emitted_ops": [o["name"] for o in s["ops"]],
                              "lines": [o["line"] for o in s["ops"]]})
    return {"steps_profiled": len(steps), "dispatches_per_step": len(seq),
            "queue_alloca_bytes_per_step": int(ev.get("alloca_bytes_per_step", 0)),
            "queue_allocas_per_step": ev.get("allocas_per_step"),
            "step_span_ms": [round(x, 1) for x in t["spans"]],
            "step_dispatch_sum_ms": [round(x, 1) for x in t["sums"]],
            "median_step_span_ms": round(statistics.median(t["spans"]), 1),
            "min_step_span_ms": round(min(t["spans"]), 1),
            "median_step_dispatch_sum_ms": round(med_sum, 1),
            "best_step_dispatch_sum_ms": round(sum(t["best_kind"].values()), 1),
            "sites_mapped": sites_ok, "dispatch_rows": rows, "kind_rows": kind_rows,
            "site_rows": site_rows, "_kind_of": kind_of, "_seq": seq}


def merge_malloc_profile(a: dict, ev: dict) -> None:
    """Add ``ms_per_step_malloc`` (median per step under MALLOC_ENV) to rows and kinds."""
    steps = [evs for evs in ev["steps"] if [e["key"] for e in evs] == a["_seq"]]
    if not steps:
        log("warning: the malloc-env profile's dispatch sequence differs; not merged")
        return
    t = _tables(steps, a["_kind_of"])
    a["malloc_env_step_span_ms"] = [round(x, 1) for x in t["spans"]]
    a["malloc_env_median_step_span_ms"] = round(statistics.median(t["spans"]), 1)
    a["malloc_env_median_step_dispatch_sum_ms"] = round(statistics.median(t["sums"]), 1)
    for r in a["dispatch_rows"]:
        v = t["per_key"].get(r["dispatch"])
        r["ms_per_step_malloc"] = round(statistics.median(v), 3) if v else None
    a["malloc_env_best_step_dispatch_sum_ms"] = round(sum(t["best_kind"].values()), 1)
    for k in a["kind_rows"]:
        v = t["per_kind"].get(k["kind"])
        k["ms_per_step_malloc"] = round(statistics.median(v), 2) if v else None
        k["best_ms_malloc"] = round(t["best_kind"].get(k["kind"], 0.0), 2)


def _site_label(ops: list[dict], main: dict | None = None) -> str | None:
    """The site's emitted op playing the kernel's main op's role (same last name component)."""
    keep = [o for o in ops if o["op"] not in _TRIVIAL] or ops
    if main is not None:
        tail = main["name"].rsplit(".", 1)[-1]
        same = [o for o in keep if o["name"].rsplit(".", 1)[-1] == tail]
        if same:
            return same[0]["name"]
    return keep[0]["name"] if keep else None


def markdown(res: dict, top: int) -> str:
    a = res["profile"]
    L = [f"# Per-dispatch profile: {res['title']}", "",
         f"- module: `{res['vmfb']}` (compile {res['compile_seconds']:.1f}s, "
         f"cache hit {res['cache_hit']}), function `@{res['function']}`, "
         f"IREE `--device=local-task`",
         f"- profiled steps: {a['steps_profiled']}, dispatches per step: "
         f"{a['dispatches_per_step']}, distinct dispatches: {len(a['dispatch_rows'])}",
         f"- whole step seen by the profiler (median): first-dispatch-start to last-dispatch-end "
         f"**{a['median_step_span_ms']:.1f} ms**, sum of dispatch durations "
         f"{a['median_step_dispatch_sum_ms']:.1f} ms (shares below are of this sum); "
         f"per step: {a['step_span_ms']}",
         ]
    if a.get("queue_alloca_bytes_per_step"):
        L.append(f"- queue allocations per step: {a['queue_allocas_per_step']:g}, "
                 f"{a['queue_alloca_bytes_per_step'] / 2**20:,.0f} MiB (transient + results; "
                 "fresh memory every step unless the allocator keeps it)")
    pb = res.get("profiled_bench_real_time_ms")
    if pb:
        L.append(f"- iree-benchmark-module real_time per iteration while profiling: {pb:.1f} ms")
    mb = res.get("malloc_bench")
    if mb:
        d, m = mb["default"], mb["malloc_env"]
        L.append(f"- plain benchmark (no profiling), median of {len(d['real_time_ms'])} "
                 f"repetitions ({mb['rounds']} alternating rounds): default env "
                 f"**{d['median_ms']} ms** "
                 f"({d['minor_faults_per_iteration']:,} minor faults/iter) vs "
                 f"`MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=4000000000` **{m['median_ms']} ms** "
                 f"({m['minor_faults_per_iteration']:,} faults/iter); runs {d['real_time_ms']} vs "
                 f"{m['real_time_ms']}")
    mal = "malloc_env_median_step_span_ms" in a
    if mal:
        L.append(f"- second profile under the malloc env: step span median "
                 f"**{a['malloc_env_median_step_span_ms']:.1f} ms** (dispatch sum "
                 f"{a['malloc_env_median_step_dispatch_sum_ms']:.1f} ms); per step "
                 f"{a['malloc_env_step_span_ms']}; column `ms (malloc)` below")
    L.append(f"- best-of-steps dispatch sum (each dispatch site's minimum over the profiled "
             f"steps, summed; least disturbed by other work on the machine): "
             f"{a['best_step_dispatch_sum_ms']:.1f} ms"
             + (f"; under the malloc env {a['malloc_env_best_step_dispatch_sum_ms']:.1f} ms"
                if mal and "malloc_env_best_step_dispatch_sum_ms" in a else ""))
    L += ["", "## By kind", "",
          "share / ms: median over steps of the kind's per-step sum; best: sum of per-site "
          "minima (and its share)" + ("; malloc: the same under the malloc env" if mal else ""),
          "",
          "| kind | share | ms/step | best ms | best share | "
          + ("ms (malloc) | best ms (malloc) | " if mal else "")
          + "dispatches | calls/step | GFLOP/s (nominal / useful) |",
          "|---|---:|---:|---:|---:|" + ("---:|---:|" if mal else "") + "---:|---:|---:|"]
    for k in a["kind_rows"]:
        g = (f"{k['gflops']:.1f} / {k['useful_gflops']:.1f}" if k.get("gflops") else "")
        L.append(f"| {k['kind']} | {100 * k['share']:.1f}% | {k['ms_per_step']:.1f} | "
                 f"{k['best_ms']:.1f} | {100 * k['best_share']:.1f}% | "
                 + (f"{k.get('ms_per_step_malloc') or 0:.1f} | {k.get('best_ms_malloc') or 0:.1f} | "
                    if mal else "")
                 + f"{k['dispatches']} | {k['calls_per_step']} | {g} |")
    L += ["", f"## Top {top} dispatches", "",
          "ms/step: median over steps; best: minimum over steps; GFLOP/s from the median "
          "(useful: without the products by inserted zeros of lhs dilation); GB/s: bytes the "
          "kernel loads + stores / median time",
          "",
          "| # | dispatch | kind | calls | ms/step | best | share | " + ("ms (malloc) | " if mal else "")
          + "GFLOP/s | GB/s | pipeline | emitted op (sites) |",
          "|---:|---|---|---:|---:|---:|---:|" + ("---:|" if mal else "") + "---:|---:|---|---|"]
    for i, r in enumerate(a["dispatch_rows"][:top], 1):
        g = f"{r['gflops']:.1f}" if r.get("gflops") else ""
        if r.get("gflops") and r.get("useful_gflops") and r["useful_gflops"] != r["gflops"]:
            g += f" ({r['useful_gflops']:.1f} useful)"
        bw = f"{r['gbytes_per_s']:.1f}" if r.get("gbytes_per_s") else ""
        sites = ", ".join(f"`{s}`" for s in r["sites"][:4])
        if len(r["sites"]) > 4:
            sites += f" +{len(r['sites']) - 4}"
        main = f"`{r['main_op']}`" if r["main_op"] else ""
        short = re.sub(r"^\w+_dispatch_", "d", r["dispatch"])
        L.append(f"| {i} | `{short}` | {r['kind']} | {r['count_per_step']} | "
                 f"{r['ms_per_step']:.2f} | {r['min_ms_per_step']:.2f} | {100 * r['share']:.1f}% | "
                 + (f"{r['ms_per_step_malloc'] or 0:.2f} | " if mal else "")
                 + f"{g} | {bw} | "
                 f"{r['pipeline'] or ''} | {main}" + (f" ({sites})" if sites else "") + " |")
    return "\n".join(L) + "\n"


# =========================================================================== main
def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--spec", help="spec file (e.g. examples/effnet_b0.py)")
    ap.add_argument("--spec-name", default=None, help="which NetSpec of the file")
    ap.add_argument("--mlir", help="profile this StableHLO file instead of netspec's emit "
                                   "(with --spec, the spec still supplies the inputs)")
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--image", type=int, default=None, help="input side (default: the spec's)")
    ap.add_argument("--function", default="train_step")
    ap.add_argument("--optimizer", default="adam")
    ap.add_argument("--out-dir", default=None)
    ap.add_argument("--steps", type=int, default=6, help="profiled iterations")
    ap.add_argument("--iree-flag", action="append", default=[], metavar="FLAG",
                    help="extra iree-compile flag (repeatable)")
    ap.add_argument("--cache-dir", default=None)
    ap.add_argument("--bench-reps", type=int, default=5,
                    help="repetitions of each plain benchmark (default vs malloc env)")
    ap.add_argument("--bench-rounds", type=int, default=2,
                    help="alternating rounds of default / malloc-env plain benchmarks")
    ap.add_argument("--no-malloc-bench", action="store_true")
    ap.add_argument("--profile-malloc-env", action="store_true",
                    help="profile a second time under the malloc env and add its per-dispatch "
                         "medians (shows which kernels pay for page faults)")
    ap.add_argument("--no-run-check", action="store_true")
    ap.add_argument("--no-dump", action="store_true", help="skip the source dump (no op mapping)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--reuse-profile", action="store_true",
                    help="re-analyse the step*.jsonl and benchmark results already in --out-dir "
                         "instead of running again")
    args = ap.parse_args(argv)
    if not args.spec and not args.mlir:
        ap.error("give --spec and/or --mlir")

    stem = Path(args.mlir or args.spec).stem
    out = Path(args.out_dir or f"/tmp/prof_{stem}").resolve()
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    mod = build_module(args, out)
    log(f"built {mod['vmfb_path']} (compile {mod['compile_seconds']:.1f}s, "
        f"cache hit {mod['cache_hit']})")
    sig = function_signature(mod, args.function)
    inputs = make_inputs(mod, sig, args.function, out)
    check = None
    if not args.no_run_check:
        check = run_check(mod, args.function, out)
        log(f"iree-run-module @{args.function}: ok ({check['seconds']}s) {check['scalar_results']}")

    src = Source(mod["text"], Path(mod["mlir_path"]).name)
    exes, sites = {}, []
    if not args.no_dump:
        dump = dump_sources(mod, out, reuse=True)
        exes = read_executables(dump, src)
        sites = read_sites(dump, args.function, src)
        log(f"dump: {len(exes)} executables, {len(sites)} dispatch sites")

    prev = {}
    if args.reuse_profile and (out / "profile.json").exists():
        prev = json.loads((out / "profile.json").read_text())
    if args.reuse_profile and (out / "step.jsonl").exists():
        log("reusing " + str(out / "step.jsonl"))
        p = {"jsonl": out / "step.jsonl", "bench": {}}
        prof_rt = prev.get("profiled_bench_real_time_ms")
    else:
        p = profile(mod, args.function, out, args.steps)
        runs = [b for b in p["bench"].get("benchmarks", []) if b.get("run_type") == "iteration"]
        prof_rt = _ms(runs[0]["real_time"], runs[0].get("time_unit", "ms")) if runs else None
    ev = parse_events(p["jsonl"])
    a = analyze_profile(ev, exes, sites, args.function)
    if args.profile_malloc_env:
        if args.reuse_profile and (out / "step_malloc.jsonl").exists():
            pm = {"jsonl": out / "step_malloc.jsonl"}
        else:
            pm = profile(mod, args.function, out, args.steps, MALLOC_ENV, name="step_malloc")
        merge_malloc_profile(a, parse_events(pm["jsonl"]))

    mb = None
    if args.reuse_profile and prev.get("malloc_bench"):
        mb = prev["malloc_bench"]
    elif not args.no_malloc_bench:
        # alternate the two environments so that drifting machine load hits both alike
        res_d, res_m = [], []
        for r in range(args.bench_rounds):
            res_d.append(plain_bench(mod, args.function, out, args.bench_reps, {}))
            log(f"plain benchmark round {r + 1}, default env: {res_d[-1]['real_time_ms']}")
            res_m.append(plain_bench(mod, args.function, out, args.bench_reps, MALLOC_ENV))
            log(f"plain benchmark round {r + 1}, malloc env: {res_m[-1]['real_time_ms']}")
        mb = {"default": _combine(res_d), "malloc_env": _combine(res_m),
              "rounds": args.bench_rounds, "reps_per_round": args.bench_reps}

    spec = mod["spec"]
    img = next((x for x in sig["args"] if x["name"] == "images"), None)
    title = (f"{spec.name if spec else stem}"
             + (f", batch {img['shape'][0]}, {img['shape'][1]}x{img['shape'][2]}" if img else "")
             + f", @{args.function}" + (f", from {args.mlir}" if args.mlir else ""))
    res = {"title": title, "spec": args.spec, "mlir": str(mod["mlir_path"]),
           "vmfb": str(mod["vmfb_path"]), "function": args.function,
           "signature": sig["signature"], "inputs": inputs, "flags": mod["flags"],
           "compile_seconds": mod["compile_seconds"], "cache_hit": mod["cache_hit"],
           "run_check": check, "profiling_mode": PROFILE_MODE,
           "profiled_bench_real_time_ms": prof_rt, "malloc_bench": mb, "profile": a,
           "load_average": os.getloadavg(), "seconds": round(time.perf_counter() - t0, 1)}
    site_rows = a.pop("site_rows")
    a.pop("_kind_of", None)
    a.pop("_seq", None)
    (out / "dispatch_sites.json").write_text(json.dumps(site_rows, indent=1) + "\n")
    (out / "profile.json").write_text(json.dumps(res, indent=1) + "\n")
    md = markdown(res, args.top)
    (out / "profile.md").write_text(md)
    print(md)
    log(f"wrote {out / 'profile.md'}, {out / 'profile.json'}, {out / 'dispatch_sites.json'}")


if __name__ == "__main__":
    main()
