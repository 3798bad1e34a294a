"""The build pipeline: a spec -> emitted, verified StableHLO -> ``iree-compile`` -> manifest.

    resolve()        the module options (batch and optimizer from the spec file's TrainConfig,
                     all three functions, NHWC), validated; errors name the flag
    emit_verified()  the module text, verified with IREE's parser and op verifiers
                     (``runtime.engines.iree.verify_mlir``) before anything uses it
    build()          emit, verify and compile (through the content-addressed cache of
                     ``runtime.engines.iree.compile_mlir``); with ``out_dir`` also the build
                     directory

A build directory receives::

    <name>.mlir            the emitted, verified StableHLO
    <name>.vmfb            the compiled module (a copy of the cache entry's)
    compile_command.txt    the exact iree-compile command (run it inside DIR)
    manifest.json          what was built, from what, for what, with which tools (see build())

All four are written to a staging folder inside DIR first and renamed into place only after
the compile succeeded, so a failure leaves DIR's previous content untouched.

``netspec emit`` and ``netspec compile`` (``netspec/commands/``) parse their options, call these
functions and print; ``netspec train``, ``eval`` / ``predict`` (``runtime.inference``) and the
benchmarks call :func:`build` directly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import shlex
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from codegen import FUNCTIONS, LAYOUTS, DEFAULT_LAYOUT, EmitError, Layout, emit
from codegen.abi import Emitted, ModuleABI
from netspec import __version__
from netspec.analysis import analyze, layout_dict, layout_hash, spec_hash
from netspec.errors import ConfigError, NetspecError, SpecError
from netspec.precision import mode_of as precision_mode
from netspec.spec import OPTIMIZERS, NetSpec, TrainConfig
from netspec.state import train_state

from .engines import get_engine
from .engines.iree import (CompileError, CompileResult, MLIRVerifyError, backend_spec,
                           iree_version, resolve_chip, sha256_file, tool, verify_mlir)
from .engines.iree.run import runtime_version
from .progress import Reporter

__all__ = ["Build", "BuildError", "COMMAND_FILE", "DEFAULT_BATCH", "DEFAULT_OPTIMIZER",
           "EmitFailed", "EmitPlan", "MANIFEST_FILE", "MANIFEST_FORMAT", "build",
           "cache_entry_meta", "compile_target", "default_out_dir", "emit_verified",
           "file_stem", "resolve", "write_build_dir"]

DEFAULT_BATCH = 8           # without a TrainConfig
DEFAULT_OPTIMIZER = "adam"  # without a TrainConfig

MANIFEST_FORMAT = 1
COMMAND_FILE = "compile_command.txt"
MANIFEST_FILE = "manifest.json"


class EmitFailed(NetspecError):
    """The module could not be emitted, or the emitted text does not verify."""


class BuildError(NetspecError):
    """The build directory cannot be written, or the compiler failed with extra flags."""


@dataclass(frozen=True)
class EmitPlan:
    """A spec and the fully resolved ``emit_module`` keywords."""

    spec: NetSpec
    batch: int
    functions: tuple[str, ...]
    optimizer: str
    layout: Layout
    soft_targets: bool = False   # train_step takes targets f32[B, K] (mixup / cutmix)
    replicas: int = 1            # data parallel: ``batch`` is the GLOBAL batch, split evenly
    sync_bn: bool = False
    precision: str = "f32"       # netspec.precision mode, from the TrainConfig's bf16 / bf16_conv
    drop_path: float = 0.0       # stochastic depth, from the TrainConfig's drop_path
    clip_grad: bool = False      # global-norm clipping in train_step (TrainConfig.clip_grad_norm > 0)
    ema: bool = False            # EMA rows in train_step (TrainConfig.ema)
    freeze: tuple[str, ...] = ()  # parameter tensors frozen while hyper freeze_on = 1 (--freeze)

    @property
    def replica_batch(self) -> int:
        return self.batch // self.replicas

    def kwargs(self) -> dict:
        kw = dict(batch=self.replica_batch, functions=self.functions, optimizer=self.optimizer,
                  layout=self.layout)
        if self.soft_targets:
            kw["soft_targets"] = True
        if self.replicas > 1:
            kw.update(replicas=self.replicas, sync_bn=self.sync_bn)
        if self.precision != "f32":
            kw["precision"] = self.precision
        if self.drop_path:
            kw["drop_path"] = self.drop_path
        if self.clip_grad:
            kw["clip_grad"] = True
        if self.ema:
            kw["ema"] = True
        if self.freeze:
            kw["freeze"] = self.freeze
        return kw


@dataclass(frozen=True)
class Build:
    """The outcome of :func:`build`."""

    plan: EmitPlan
    text: str                   # the emitted MLIR
    abi: ModuleABI              # what each function takes and returns (codegen.abi)
    result: CompileResult       # the cache entry (vmfb, command, flags, target, hit/time)
    manifest: dict
    vmfb_path: Path             # DIR's copy when out_dir was given, else the cache's
    mlir_path: Path | None = None      # DIR's copy (None without out_dir)
    out_dir: Path | None = None


# --------------------------------------------------------------------------- module options
def _positive(flag: str, value) -> int:
    """An integer flag >= 1 (given as int or as the command-line string)."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise ConfigError("must be a positive integer", where=flag,
                              expected="an integer >= 1", received=value) from None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError("must be a positive integer", where=flag,
                          expected="an integer >= 1", received=value)
    return value


def resolve(spec: NetSpec, config: TrainConfig | None, *, batch: int | None = None,
            functions=(), optimizer: str | None = None, layout: str | Layout | None = None,
            image_size: int | None = None, replicas: int = 1, sync_bn: bool = False) -> EmitPlan:
    """Validate the flags and fill in the defaults; errors name the flag (``ConfigError``).
    ``batch`` (or the config's batch_size) is the global batch; with ``replicas`` it must
    split evenly."""
    if batch is None:
        batch = config.batch_size if config is not None else DEFAULT_BATCH
    else:
        batch = _positive("--batch", batch)
    wanted = list(functions or ())
    for f in wanted:
        if f not in FUNCTIONS:
            raise ConfigError("is not a function of the module", where="--function",
                              expected=" | ".join(FUNCTIONS), received=f)
    # canonical order, duplicates dropped: the output does not depend on the flag order
    funcs = tuple(f for f in FUNCTIONS if f in wanted) if wanted else FUNCTIONS
    if optimizer is None:
        optimizer = config.optimizer if config is not None else DEFAULT_OPTIMIZER
    elif optimizer not in OPTIMIZERS:
        raise ConfigError("is not a supported optimizer", where="--optimizer",
                          expected=" | ".join(OPTIMIZERS), received=optimizer)
    if layout is None:
        lay = DEFAULT_LAYOUT
    elif isinstance(layout, Layout):
        lay = layout
    else:
        lay = LAYOUTS.get(str(layout).upper())
        if lay is None:
            raise ConfigError("is not an activation layout", where="--layout",
                              expected=" | ".join(LAYOUTS), received=layout)
    if image_size is not None:
        image_size = _positive("--image-size", image_size)
        try:
            spec = spec.with_(image_h=image_size, image_w=image_size)
        except SpecError as e:
            raise e.at(f"--image-size {image_size}") from None
    replicas = _positive("--replicas", replicas)
    if batch % replicas:
        raise ConfigError(f"the global batch {batch} does not split evenly into {replicas} "
                          "replicas", where="--replicas", received=replicas,
                          expected=f"a divisor of the batch {batch}",
                          hint=f"choose a batch that is a multiple of {replicas}")
    if sync_bn and replicas == 1:
        raise ConfigError("synchronises BatchNorm across replicas, and there is one",
                          where="--sync-bn", hint="add --replicas N (N > 1)")
    return EmitPlan(spec, batch, funcs, optimizer, lay, replicas=replicas, sync_bn=bool(sync_bn),
                    precision=precision_mode(config),
                    drop_path=float(config.drop_path) if config is not None else 0.0,
                    clip_grad=bool(config is not None and config.clip_grad_norm > 0
                                   and "train_step" in funcs),
                    ema=bool(config is not None and config.ema and "train_step" in funcs))


def emit_verified(plan: EmitPlan, *, source_hint: str | None = None,
                  progress=None) -> Emitted:
    """The module of ``plan`` (text and ABI), its text verified by IREE (``EmitFailed`` if it
    does not verify).  ``progress``: stages "emit" and "verify" (``runtime.progress``)."""
    rep, _ = Reporter.joined(progress)
    rep("emit")
    try:
        emitted = emit(plan.spec, **plan.kwargs())
        text = emitted.text
    except EmitError as e:
        raise EmitFailed(f"{plan.spec.name}: cannot emit the module: {e}") from None
    rep("verify")
    try:
        verify_mlir(text, source_hint=source_hint)
    except MLIRVerifyError as e:
        raise EmitFailed(
            f"the module emitted for {plan.spec.name} does not verify; nothing was written\n{e}"
            "\n  hint: this is a netspec code-generation bug; `netspec golden` shows which "
            "golden modules changed") from None
    return emitted


# --------------------------------------------------------------------------- helpers
def file_stem(spec_name: str) -> str:
    """'EfficientNet-B0' -> 'efficientnet-b0' (lowercase; other characters become '-')."""
    stem = re.sub(r"[^a-z0-9._-]+", "-", spec_name.lower()).strip("-.")
    return stem or "module"


def default_out_dir(spec_name: str, backend: str, chip: str | None = None) -> Path:
    """``build/<spec name lowercased>-<backend>[-<chip>]`` (the chip only when given)."""
    name = f"{file_stem(spec_name)}-{backend}"
    if chip:
        name += f"-{file_stem(chip)}"
    return Path("build") / name


def _check_extra_flags(extra_flags: Iterable[str]) -> tuple[str, ...]:
    flags = tuple(str(f) for f in (extra_flags or ()))
    for f in flags:
        if not f.startswith("-") or f.strip() != f or f in ("-", "--"):
            raise ConfigError(f"{f!r} is not an iree-compile flag (flags start with '-', "
                              "e.g. --iree-flag=--iree-opt-level=O3)", where="--iree-flag")
        if f == "-o" or f.startswith(("-o=", "--o=", "--output-file")):
            raise ConfigError(f"{f!r} sets the output file, which netspec chooses",
                              where="--iree-flag",
                              hint="use -o DIR to choose the build directory")
    return flags


def _rejected_flag(err: CompileError, flags: tuple[str, ...]) -> str | None:
    """The extra flag iree-compile's diagnostics complain about (not its command line)."""
    diag = "\n".join([err.summary, *err.diagnostics])
    for f in flags:
        name = f.split("=", 1)[0]
        if name.lstrip("-") and (f"'{name}'" in diag or f"{name} option" in diag
                                 or f"'{f}'" in diag):
            return f
    return None


def _command_line(result: CompileResult, mlir_name: str, vmfb_name: str) -> str:
    """The cache entry's command with DIR's file names (``cd ... &&`` prefix dropped)."""
    argv = [tool("iree-compile"), *result.flags, mlir_name, "-o", vmfb_name]
    return shlex.join(argv)


# --------------------------------------------------------------------------- build
def build(spec, config, *, backend: str = "cpu", chip: str | None = None,
          batch: int | None = None, optimizer: str | None = None, functions=None,
          layout=None, image_size: int | None = None, extra_flags: Iterable[str] = (),
          cache_dir=None, out_dir=None, spec_file: str | None = None,
          engine: str = "iree", progress=None, soft_targets: bool = False,
          replicas: int = 1, sync_bn: bool = False, freeze: tuple[str, ...] = ()) -> Build:
    """Emit, verify and compile ``spec``; with ``out_dir`` also write the build directory.

    ``progress`` (``runtime.progress``) receives the stages as they start: "emit", "verify",
    "compile" (with iree-compile's target and the chip), "cache hit" (with when and how long
    the cached module's compile took) and "done" -- unless it is a caller's
    ``runtime.progress.Reporter``, which then goes on (e.g. to "load") and reports "done".

    Options resolve as for ``netspec emit`` (``resolve``: ``config`` supplies batch and
    optimizer when not given); ``soft_targets``: ``train_step`` takes ``targets`` f32[B, K]
    instead of ``labels`` i32[B] (the trainer's mixup / cutmix).  Raises ConfigError (a bad
    option), TargetError (backend/chip), EmitFailed, CompileError or BuildError, all NetspecErrors.

    ``manifest`` fields: format, spec_name, spec_file, spec_hash, layout_hash,
    netspec_version, iree_compiler, iree_runtime, backend, chip, driver, flags (all
    iree-compile flags, in order), extra_flags, batch, image_size [H, W], channels, classes,
    input_shape, optimizer, optimizer_state, layout, engine, hyper, functions (per function: its
    ``func.func`` line, args with name/type/shape/dtype/role[/key], results likewise: the
    emitter's ABI), abi (the whole ``codegen.abi.ModuleABI``, read back by
    ``ModuleABI.from_dict``), parameter_layout
    (``netspec.analysis.layout_dict``), files, mlir_bytes, mlir_sha256, vmfb_bytes,
    vmfb_sha256, compile_command, compile_seconds (this call: the compile, or the cache
    lookup), cold_compile_seconds (the compile that made the cache entry), cache_hit,
    cache_key, created.
    """
    plan = resolve(spec, config, batch=batch, functions=functions or (), optimizer=optimizer,
                   layout=layout, image_size=image_size, replicas=replicas, sync_bn=sync_bn)
    if soft_targets:
        plan = dataclasses.replace(plan, soft_targets=True)
    if freeze:      # the trainer's --freeze: registry names (runtime.train.finetune)
        plan = dataclasses.replace(plan, freeze=tuple(freeze))
    flags = _check_extra_flags(extra_flags)
    eng = get_engine(engine)
    if eng.name == "iree":
        bspec, c = resolve_chip(backend, chip)   # before the (slow) emit: bad targets fail fast
        if plan.replicas > 1:
            raise ConfigError(
                "runs one device per module on the IREE engine", where="--replicas",
                received=plan.replicas,
                hint="IREE compiles the module's stablehlo.all_reduce to a collective on a default "
                     "channel, which its CPU driver does not implement (and CUDA's needs one "
                     "process per device under an MPI-style launcher): use --engine xla "
                     "(docs/distributed.md)")
    else:
        eng.check_device(backend, plan.replicas)
        bspec, c = _EngineTarget(backend), chip or "-"
    source = f"the module of {spec_file}" if spec_file else plan.spec.name
    rep, owner = Reporter.joined(progress)
    emitted = emit_verified(plan, source_hint=source, progress=rep)
    text = emitted.text
    stem = file_stem(plan.spec.name)
    rep("compile", target=compile_target(bspec.name) if eng.name == "iree" else f"xla-{bspec.name}",
        chip=c)
    try:
        # input named <stem>.mlir, as in DIR: compile_command.txt reproduces the vmfb's bytes
        result = eng.compile(text, backend=bspec.name, chip=c, extra_flags=flags,
                             cache_dir=cache_dir, source_hint=source, input_name=stem)
    except CompileError as e:
        bad = _rejected_flag(e, flags)
        if bad is not None:
            why = re.sub(r"^iree-compile: ", "", e.summary)
            raise ConfigError(f"iree-compile {iree_version()} rejected {bad!r}: {why}",
                              where="--iree-flag",
                              hint="`iree-compile --help` lists the flags it accepts; nothing "
                                   "was written") from None
        if flags:
            raise BuildError(f"{e}\n  note: compiled with the extra flags "
                             f"{' '.join(flags)}; try without them") from None
        raise

    entry_meta = cache_entry_meta(result)
    if result.cache_hit:
        rep("cache hit", compiled=entry_meta.get("created"),
            compile_seconds=entry_meta.get("compile_seconds"))
    a = analyze(plan.spec)
    mlir_name, vmfb_name = f"{stem}.mlir", f"{stem}{eng.artifact_suffix}"
    data = text.encode("utf-8")
    s = plan.spec
    manifest = {
        "format": MANIFEST_FORMAT,
        "spec_name": s.name,
        "spec_file": spec_file,
        "spec_hash": spec_hash(s),
        "layout_hash": layout_hash(a),
        "netspec_version": __version__,
        "iree_compiler": iree_version(),
        "iree_runtime": runtime_version(),
        "backend": result.backend,
        "chip": result.chip,
        "driver": result.driver,
        "flags": list(result.flags),
        "extra_flags": list(flags),
        "batch": plan.batch,
        "replicas": plan.replicas,
        "replica_batch": plan.replica_batch,
        "sync_bn": plan.sync_bn,
        "precision": plan.precision,
        "engine_version": _engine_version(eng.name),
        "image_size": [s.image_h, s.image_w],
        "channels": s.in_channels,
        "classes": a.num_classes,
        "input_shape": [plan.replica_batch, s.image_h, s.image_w, s.in_channels],
        "optimizer": plan.optimizer,
        "optimizer_state": [b.arg for b in train_state(plan.optimizer) if b.role == "opt"],
        "clip_grad": plan.clip_grad,
        "ema": plan.ema,
        **({"freeze": list(plan.freeze)} if plan.freeze else {}),
        "drop_path": plan.drop_path,
        "layout": plan.layout.name,
        "engine": eng.name,
        "hyper": list(emitted.abi.hyper),
        "functions": {n: f.to_dict() for n, f in emitted.abi.functions.items()},
        "abi": emitted.abi.to_dict(),
        "parameter_layout": layout_dict(a),
        "files": {"mlir": mlir_name, "vmfb": vmfb_name, "command": COMMAND_FILE},
        "mlir_bytes": len(data),
        "mlir_sha256": hashlib.sha256(data).hexdigest(),
        "vmfb_bytes": result.vmfb_path.stat().st_size,
        "vmfb_sha256": entry_meta.get("vmfb_sha256") or sha256_file(result.vmfb_path),
        "compile_command": (_command_line(result, mlir_name, vmfb_name) if eng.name == "iree"
                            else result.command),
        "compile_seconds": round(result.seconds, 4),
        "cold_compile_seconds": entry_meta.get("compile_seconds"),
        "cache_hit": result.cache_hit,
        "cache_key": result.key,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    if out_dir is None:
        built = Build(plan, text, emitted.abi, result, manifest, result.vmfb_path)
    else:
        out = Path(out_dir)
        write_build_dir(out, text, result, manifest)
        built = Build(plan, text, emitted.abi, result, manifest, out / vmfb_name,
                      out / mlir_name, out)
    if owner:
        rep("done")
    return built


@dataclass(frozen=True)
class _EngineTarget:
    """The backend of an engine without IREE's chip table (XLA)."""
    name: str


def _engine_version(engine: str) -> str:
    if engine == "xla":
        from .engines.xla import pjrt
        return f"jaxlib {pjrt.jaxlib_version()}"
    return f"iree {iree_version()}"


def compile_target(backend: str) -> str:
    """iree-compile's target of ``backend``: 'cpu' -> 'llvm-cpu', 'rocm' -> 'hip', ..."""
    flags = backend_spec(backend).device_flags
    for prefix in ("--iree-hal-local-target-device-backends=", "--iree-hal-target-device="):
        for f in flags:
            if f.startswith(prefix):
                return f[len(prefix):]
    return backend


def cache_entry_meta(result) -> dict:
    """The cache entry's meta.json of a compile result ({} when unreadable): ``created`` and
    ``compile_seconds`` of the compile that made it, the vmfb's sha256, ..."""
    try:
        meta = json.loads((Path(result.entry_dir) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, AttributeError, TypeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def write_build_dir(out: Path, text: str, result: CompileResult, manifest: dict) -> None:
    """Stage the four files in ``out/.staging-*``, then rename each into place (manifest last).

    Any failure before the renames leaves ``out`` as it was.  The vmfb copy is checked
    against the manifest's sha256 (a cache entry replaced meanwhile is caught).
    """
    files = manifest["files"]
    if manifest.get("engine", "iree") == "iree":
        command = (f"# iree-compile {manifest['iree_compiler']} command that produced "
                   f"{files['vmfb']} from {files['mlir']}; run it in this directory\n"
                   f"{manifest['compile_command']}\n")
    else:
        command = (f"# {files['vmfb']} was compiled from {files['mlir']} in-process by "
                   f"{manifest['engine_version']} (no command line):\n"
                   f"# {manifest['compile_command']}\n")
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except OSError as e:
        raise BuildError(f"cannot create the build directory {out}: {e.strerror or e}") from None
    try:
        os.chmod(stage, 0o755)
        (stage / files["mlir"]).write_bytes(text.encode("utf-8"))
        shutil.copyfile(result.vmfb_path, stage / files["vmfb"])
        if sha256_file(stage / files["vmfb"]) != manifest["vmfb_sha256"]:
            raise BuildError(f"the cached module {result.vmfb_path} changed while it was "
                             "copied; run the command again")
        (stage / COMMAND_FILE).write_text(command, encoding="utf-8")
        (stage / MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n",
                                           encoding="utf-8")
        for name in (files["mlir"], files["vmfb"], COMMAND_FILE, MANIFEST_FILE):
            with open(stage / name, "rb") as f:
                os.fsync(f.fileno())
            os.replace(stage / name, out / name)
    except OSError as e:
        raise BuildError(f"cannot write the build directory {out}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
