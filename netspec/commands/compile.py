"""``netspec compile``: emit a spec's StableHLO and compile it with IREE into a build directory.

    netspec compile SPEC.py [--spec NAME] [--backend cpu|rocm|cuda|vulkan] [--chip CHIP]
                    [-o DIR] [--batch N] [--optimizer NAME] [--layout NHWC|NCHW]
                    [--image-size N] [--function F]... [--iree-flag FLAG]... [--cache-dir DIR]

The module options resolve exactly as for ``netspec emit`` (:func:`netspec.commands.emit.resolve`:
batch and optimizer from the spec file's TrainConfig, all three functions, NHWC).  The backend
and chip come from ``runtime.compile.BACKENDS`` (default ``cpu``/``host``); ``--iree-flag`` is
passed to ``iree-compile`` verbatim (repeatable) and is part of the cache key.  Compilation goes
through the content-addressed cache of ``runtime.compile.compile_mlir`` (``--cache-dir``, else
``$NETSPEC_CACHE_DIR``, else ``~/.cache/netspec``), so compiling the same thing twice is a
cache hit.

DIR (default ``build/<spec name, lowercased>-<backend>[-<chip>]/``) receives::

    <name>.mlir            the emitted, verified StableHLO
    <name>.vmfb            the compiled module (a copy of the cache entry's)
    compile_command.txt    the exact iree-compile command (run it inside DIR)
    manifest.json          what was built, from what, for what, with which tools (see build())

All four are written to a staging folder inside DIR first and renamed into place only after
the compile succeeded, so a failure leaves DIR's previous content untouched.

:func:`build` is the same pipeline as a plain function (``netspec train`` uses it).
"""

from __future__ import annotations

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

import click
from rich.markup import escape

from codegen import DEFAULT_LAYOUT, FUNCTIONS
from codegen.hyper import HYPER, OPT_STATE
from netspec import __version__
from netspec.analysis import analyze, layout_dict, layout_hash, spec_hash
from netspec.cli import _stdout_console, load_spec, main, spec_options
from netspec.errors import ConfigError, NetspecError
from netspec.spec import OPTIMIZERS
from runtime.compile import (BACKENDS, CompileError, CompileResult, _sha256_file, _tool,
                             compile_mlir, iree_version, resolve_chip)
from runtime.iree_run import _runtime_version

from .emit import DEFAULT_BATCH, DEFAULT_OPTIMIZER, EmitPlan, emit_verified, resolve

MANIFEST_FORMAT = 1
COMMAND_FILE = "compile_command.txt"
MANIFEST_FILE = "manifest.json"


class BuildError(NetspecError):
    """The build directory cannot be written, or the compiler failed with extra flags."""


@dataclass(frozen=True)
class Build:
    """The outcome of :func:`build`."""

    plan: EmitPlan
    text: str                   # the emitted MLIR
    result: CompileResult       # the cache entry (vmfb, command, flags, target, hit/time)
    manifest: dict
    vmfb_path: Path             # DIR's copy when out_dir was given, else the cache's
    mlir_path: Path | None = None      # DIR's copy (None without out_dir)
    out_dir: Path | None = None


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


_SIG = re.compile(r"^\s*func\.func\s+(?:(?:public|private)\s+)?@([\w$.-]+)\((.*)\)\s*->\s*(.*?)\s*\{\s*$",
                  re.M)
_ARG = re.compile(r"%([\w$.-]+)\s*:\s*(tensor<[^>]*>|[\w]+)")
_TYPE = re.compile(r"tensor<[^>]*>|\b[a-z]+\d+\b")


def _type_dict(t: str) -> dict:
    m = re.fullmatch(r"tensor<(.*)>", t)
    if not m:
        return {"type": t, "shape": [], "dtype": t}
    *dims, dtype = m.group(1).split("x")
    return {"type": t, "shape": [int(d) for d in dims], "dtype": dtype}


def _result_names(fn: str, optimizer: str, n: int) -> list[str | None]:
    """The documented result names (docs/functions.md); None where the count disagrees."""
    names = {"predict": ["logits"],
             "grads": ["loss", "correct", "grads", "bn", "d_images"],
             "train_step": ["params", *(s for s, _ in OPT_STATE[optimizer]), "bn", "loss",
                            "correct"]}.get(fn, [])
    if fn == "grads" and n == 4:
        names = names[:4]
    return names if len(names) == n else [None] * n


def signatures(text: str, optimizer: str = DEFAULT_OPTIMIZER) -> dict:
    """``{function: {"signature", "args": [{name, type, shape, dtype}], "results": [...]}}``,
    read from the ``func.func`` lines of the module text (so exactly what was compiled)."""
    out = {}
    for m in _SIG.finditer(text):
        name, args, results = m.groups()
        rtypes = _TYPE.findall(results)
        rnames = _result_names(name, optimizer, len(rtypes))
        out[name] = {
            "signature": m.group(0).strip().rstrip("{").rstrip(),
            "args": [{"name": a, **_type_dict(t)} for a, t in _ARG.findall(args)],
            "results": [{"name": rn, **_type_dict(t)} for rn, t in zip(rnames, rtypes)],
        }
    return out


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
    argv = [_tool("iree-compile"), *result.flags, mlir_name, "-o", vmfb_name]
    return shlex.join(argv)


# --------------------------------------------------------------------------- build
def build(spec, config, *, backend: str = "cpu", chip: str | None = None,
          batch: int | None = None, optimizer: str | None = None, functions=None,
          layout=None, image_size: int | None = None, extra_flags: Iterable[str] = (),
          cache_dir=None, out_dir=None, spec_file: str | None = None) -> Build:
    """Emit, verify and compile ``spec``; with ``out_dir`` also write the build directory.

    Options resolve as for ``netspec emit`` (``resolve``: ``config`` supplies batch and
    optimizer when not given).  Raises ConfigError (a bad option), TargetError (backend/chip),
    EmitFailed, CompileError or BuildError, all NetspecErrors.

    ``manifest`` fields: format, spec_name, spec_file, spec_hash, layout_hash,
    netspec_version, iree_compiler, iree_runtime, backend, chip, driver, flags (all
    iree-compile flags, in order), extra_flags, batch, image_size [H, W], channels, classes,
    input_shape, optimizer, optimizer_state, layout, hyper, functions (per function: its
    ``func.func`` line, args with name/type/shape/dtype, results likewise), parameter_layout
    (``netspec.analysis.layout_dict``), files, mlir_bytes, mlir_sha256, vmfb_bytes,
    vmfb_sha256, compile_command, compile_seconds (this call: the compile, or the cache
    lookup), cold_compile_seconds (the compile that made the cache entry), cache_hit,
    cache_key, created.
    """
    plan = resolve(spec, config, batch=batch, functions=functions or (), optimizer=optimizer,
                   layout=layout, image_size=image_size)
    flags = _check_extra_flags(extra_flags)
    bspec, c = resolve_chip(backend, chip)       # before the (slow) emit: bad targets fail fast
    source = f"the module of {spec_file}" if spec_file else plan.spec.name
    text = emit_verified(plan, source_hint=source)
    stem = file_stem(plan.spec.name)
    try:
        # input named <stem>.mlir, as in DIR: compile_command.txt reproduces the vmfb's bytes
        result = compile_mlir(text, bspec.name, c, extra_flags=flags, cache_dir=cache_dir,
                              verify=False, source_hint=source, input_name=stem)
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

    a = analyze(plan.spec)
    mlir_name, vmfb_name = f"{stem}.mlir", f"{stem}.vmfb"
    data = text.encode("utf-8")
    s = plan.spec
    try:
        entry_meta = json.loads((result.entry_dir / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        entry_meta = {}
    manifest = {
        "format": MANIFEST_FORMAT,
        "spec_name": s.name,
        "spec_file": spec_file,
        "spec_hash": spec_hash(s),
        "layout_hash": layout_hash(a),
        "netspec_version": __version__,
        "iree_compiler": iree_version(),
        "iree_runtime": _runtime_version(),
        "backend": result.backend,
        "chip": result.chip,
        "driver": result.driver,
        "flags": list(result.flags),
        "extra_flags": list(flags),
        "batch": plan.batch,
        "image_size": [s.image_h, s.image_w],
        "channels": s.in_channels,
        "classes": a.num_classes,
        "input_shape": [plan.batch, s.image_h, s.image_w, s.in_channels],
        "optimizer": plan.optimizer,
        "optimizer_state": [n for n, _ in OPT_STATE[plan.optimizer]],
        "layout": plan.layout.name,
        "hyper": list(HYPER),
        "functions": signatures(text, plan.optimizer),
        "parameter_layout": layout_dict(a),
        "files": {"mlir": mlir_name, "vmfb": vmfb_name, "command": COMMAND_FILE},
        "mlir_bytes": len(data),
        "mlir_sha256": hashlib.sha256(data).hexdigest(),
        "vmfb_bytes": result.vmfb_path.stat().st_size,
        "vmfb_sha256": entry_meta.get("vmfb_sha256") or _sha256_file(result.vmfb_path),
        "compile_command": _command_line(result, mlir_name, vmfb_name),
        "compile_seconds": round(result.seconds, 4),
        "cold_compile_seconds": entry_meta.get("compile_seconds"),
        "cache_hit": result.cache_hit,
        "cache_key": result.key,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    if out_dir is None:
        return Build(plan, text, result, manifest, result.vmfb_path)
    out = Path(out_dir)
    write_build_dir(out, text, result, manifest)
    return Build(plan, text, result, manifest, out / vmfb_name, out / mlir_name, out)


def write_build_dir(out: Path, text: str, result: CompileResult, manifest: dict) -> None:
    """Stage the four files in ``out/.staging-*``, then rename each into place (manifest last).

    Any failure before the renames leaves ``out`` as it was.  The vmfb copy is checked
    against the manifest's sha256 (a cache entry replaced meanwhile is caught).
    """
    files = manifest["files"]
    command = (f"# iree-compile {manifest['iree_compiler']} command that produced "
               f"{files['vmfb']} from {files['mlir']}; run it in this directory\n"
               f"{manifest['compile_command']}\n")
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except OSError as e:
        raise BuildError(f"cannot create the build directory {out}: {e.strerror or e}") from None
    try:
        os.chmod(stage, 0o755)
        (stage / files["mlir"]).write_bytes(text.encode("utf-8"))
        shutil.copyfile(result.vmfb_path, stage / files["vmfb"])
        if _sha256_file(stage / files["vmfb"]) != manifest["vmfb_sha256"]:
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


# --------------------------------------------------------------------------- the command
def _fmt_bytes(n: int) -> str:
    return f"{n:,} bytes ({n / 2**20:.2f} MiB)" if n >= 2**20 else f"{n:,} bytes"


@main.command(name="compile")
@spec_options
@click.option("--backend", default="cpu", show_default=True, metavar="NAME",
              help="Target: " + ", ".join(BACKENDS) + ".")
@click.option("--chip", default=None, metavar="CHIP",
              help="Target chip (default per backend: "
                   + ", ".join(f"{b.name} {b.default_chip}" for b in BACKENDS.values()) + ").")
@click.option("-o", "--output", "out_dir", default=None, metavar="DIR",
              help="Build directory (default build/<spec name>-<backend>[-<chip>]).")
@click.option("--batch", default=None, metavar="N",
              help=f"Batch size (default: the TrainConfig's batch_size, else {DEFAULT_BATCH}).")
@click.option("--optimizer", default=None, metavar="NAME",
              help="Optimizer of train_step: " + ", ".join(OPTIMIZERS)
                   + f" (default: the TrainConfig's, else {DEFAULT_OPTIMIZER}).")
@click.option("--layout", default=None, metavar="NHWC|NCHW",
              help=f"Activation layout inside the module (default {DEFAULT_LAYOUT.name}).")
@click.option("--image-size", "image_size", default=None, metavar="N",
              help="Override the input height and width with N.")
@click.option("--function", "functions", multiple=True, metavar="NAME",
              help="Compile only this function: " + ", ".join(FUNCTIONS)
                   + " (repeatable; default all).")
@click.option("--iree-flag", "iree_flags", multiple=True, metavar="FLAG",
              help="Extra iree-compile flag, passed verbatim (repeatable), e.g. "
                   "--iree-flag=--iree-opt-level=O3.")
@click.option("--cache-dir", "cache_dir", default=None, metavar="DIR",
              help="Compile cache (default $NETSPEC_CACHE_DIR, else ~/.cache/netspec).")
def compile_cmd(spec_file, spec_name, backend, chip, out_dir, batch, optimizer, layout,
                image_size, functions, iree_flags, cache_dir):
    """Compile a spec's module with IREE into a build directory.

    Writes <name>.mlir, <name>.vmfb, compile_command.txt and manifest.json into DIR
    (atomically: a failure leaves DIR as it was).  Compiles are cached by content.
    """
    spec, config = load_spec(spec_file, spec_name)
    bspec, _ = resolve_chip(backend, chip)
    out = Path(out_dir) if out_dir else default_out_dir(spec.name, bspec.name, chip)
    b = build(spec, config, backend=backend, chip=chip, batch=batch, optimizer=optimizer,
              functions=functions, layout=layout, image_size=image_size,
              extra_flags=iree_flags, cache_dir=cache_dir, out_dir=out, spec_file=spec_file)
    res, m = b.result, b.manifest
    how = (f"cache hit ({1000 * res.seconds:.0f} ms)" if res.cache_hit
           else f"compiled in {res.seconds:.1f} s")
    s = b.plan.spec
    rows = [
        ("target", f"{res.backend} ({res.chip}), runs on driver {res.driver}; IREE "
                   f"{m['iree_compiler']}" + (f"; extra flags {' '.join(m['extra_flags'])}"
                                              if m["extra_flags"] else "")),
        ("functions", f"{', '.join(b.plan.functions)} — {s.name} {s.image_h}x{s.image_w}x"
                      f"{s.in_channels}, batch {b.plan.batch}, {b.plan.optimizer}, "
                      f"{b.plan.layout.name}"),
        ("MLIR", _fmt_bytes(m["mlir_bytes"])),
        ("vmfb", _fmt_bytes(m["vmfb_bytes"])),
        ("compile", how),
        ("output", f"{out}{os.sep}"),
    ]
    console = _stdout_console()
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        console.print(f"[bold]{k:<{width}}[/bold]  {escape(v)}", highlight=False,
                      soft_wrap=True)


compile = compile_cmd   # noqa: A001 - cli.NetspecGroup also finds a command by its name
