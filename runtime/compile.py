"""StableHLO text -> IREE ``.vmfb``: target flags, verification, cached compilation.

Everything that decides *how* a module is compiled lives in :data:`BACKENDS`, one row per
backend: the runtime driver that runs its output, the default chip, the compiler flags, the
chips the installed compiler accepts and the hint shown when a chip is refused.

* :func:`target_flags` turns ``(backend, chip)`` into ``iree-compile`` flags or raises
  :class:`TargetError` before the compiler is ever started (some unknown target names make
  ``iree-compile`` 3.13 segfault instead of reporting an error).
* :func:`verify_mlir` parses and verifies a module with ``iree-opt`` and raises
  :class:`MLIRVerifyError` naming the line, the enclosing ``func.func`` and the SSA value.
* :func:`compile_mlir` runs the ``iree-compile`` binary in a subprocess (so the recorded
  command line is exactly what ran and can be re-run by hand) behind an on-disk,
  content-addressed cache plus an in-process memo.

Cache layout (root: ``cache_dir`` argument, else ``$NETSPEC_CACHE_DIR``, else
``~/.cache/netspec``)::

    <root>/<sha256 key>/module.vmfb     compiled module
                        command.txt     the exact command (run it inside this directory)
                        meta.json       key, versions, flags, sha256 + size of module.vmfb
                        module.mlir     the input, kept when <= KEEP_MLIR_BYTES
                                        (<input_name>.mlir when compile_mlir is given one)

An entry is used only if ``meta.json`` parses, names the same key and the vmfb's sha256
matches; anything else (truncated vmfb, half-written entry) is rebuilt.  Entries are built in
``<root>/.tmp-*`` and renamed into place, so readers never see a partial entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from netspec.errors import NetspecError

__all__ = [
    "BACKENDS", "BackendSpec", "CompileError", "CompileResult", "MLIRVerifyError",
    "TargetError", "backend_spec", "cache_root", "compile_mlir", "iree_version",
    "resolve_chip", "target_flags", "verify_mlir", "probe_chips", "clear_memo", "locate",
]

INPUT_FLAGS: tuple[str, ...] = ("--iree-input-type=stablehlo",)

#: The input text is kept in the cache entry (so command.txt can be re-run as is) up to
#: this many bytes; larger modules are not duplicated on disk.
KEEP_MLIR_BYTES = int(os.environ.get("NETSPEC_CACHE_KEEP_MLIR_BYTES", 8 << 20))

_TMP_PREFIX = ".tmp-"
_STALE_TMP_SECONDS = 24 * 3600


# ---------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------

class TargetError(NetspecError, ValueError):
    """An unknown backend, or a chip the installed IREE compiler cannot target."""

    def __init__(self, message: str, *, backend: str | None = None, chip: str | None = None,
                 hint: str | None = None):
        self.backend = backend
        self.chip = chip
        self.hint = hint
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))


@dataclass
class SourceLocation:
    """Where in the MLIR text a diagnostic points, with the names that identify the layer."""

    line: int | None = None
    column: int | None = None
    line_text: str | None = None
    func_name: str | None = None       # nearest enclosing/preceding `func.func @name`
    ssa_name: str | None = None        # value defined on that line, else nearest preceding
    token: str | None = None           # SSA value at the error column (e.g. an operand)

    def describe(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", col {self.column}" if self.column else ""))
        if self.func_name:
            parts.append(f"func @{self.func_name}")
        if self.ssa_name:
            parts.append(f"value {self.ssa_name}")
        if self.token and self.token != self.ssa_name:
            parts.append(f"at {self.token}")
        return ", ".join(parts)

    def excerpt(self) -> str:
        if self.line is None or self.line_text is None:
            return ""
        text = self.line_text
        col = self.column or 0
        if len(text) > 240:  # e.g. a line holding a large dense<...> constant
            start = max(0, min(col - 1 - 80, len(text) - 240))
            text = ("..." if start else "") + text[start:start + 240] + "..."
            col = col - start + (3 if start else 0)
        gutter = f"{self.line:>6} | "
        out = gutter + text
        if col:
            out += "\n" + " " * (len(gutter) - 2) + "| " + " " * (col - 1) + "^"
        return out


class _LocatedError(NetspecError):
    what = "error"

    def __init__(self, summary: str, *, location: SourceLocation | None = None,
                 diagnostics: Sequence[str] = (), source_hint: str | None = None,
                 command: str | None = None, hint: str | None = None):
        self.summary = summary
        self.location = location or SourceLocation()
        self.diagnostics = list(diagnostics)
        self.source_hint = source_hint
        self.command = command
        self.hint = hint
        loc = self.location
        self.line = loc.line
        self.column = loc.column
        self.line_text = loc.line_text
        self.func_name = loc.func_name
        self.ssa_name = loc.ssa_name
        head = self.what
        if source_hint:
            head += f" in {source_hint}"
        where = loc.describe()
        if where:
            head += f" at {where}"
        lines = [f"{head}: {summary}"]
        ex = loc.excerpt()
        if ex:
            lines.append(ex)
        extra = [d for d in self.diagnostics[1:]]
        if extra:
            lines.append("  further diagnostics:")
            lines.extend("    " + d for d in extra)
        if command:
            lines.append(f"  command: {command}")
        if hint:
            lines.append(f"  hint: {hint}")
        super().__init__("\n".join(lines))


class MLIRVerifyError(_LocatedError):
    """The module text does not parse or verify (checked before anything compiles/runs it)."""

    what = "MLIR verification failed"


class CompileError(_LocatedError):
    """``iree-compile`` rejected the module or crashed."""

    what = "iree-compile failed"


# ---------------------------------------------------------------------------------------
# Backend / chip table
# ---------------------------------------------------------------------------------------

_CPU_NAME = re.compile(r"^[a-z0-9][a-z0-9_.+-]*$")


def _valid_cpu(chip: str) -> bool:
    # LLVM CPU names ("host", "generic", "x86-64-v3", "znver4", "skylake-avx512",
    # "neoverse-v2", ...). The list is LLVM's and long; only the shape is checked here and
    # an unknown name is reported by the compiler (see _CPU_HINT).
    return bool(_CPU_NAME.match(chip))


@dataclass(frozen=True)
class BackendSpec:
    name: str
    driver: str                               # iree.runtime driver that runs the output
    default_chip: str
    device_flags: tuple[str, ...]             # flags independent of the chip
    chip_flag: str                            # template, formatted with chip=...
    chips: frozenset[str] | None = None       # accepted chips (verified on IREE 3.13.0)
    validate: Callable[[str], bool] | None = None   # used when `chips` is None
    hint: str = ""                            # shown with an unsupported chip
    #: refused chips with a specific suggestion (chip -> hint)
    refused: dict[str, str] = field(default_factory=dict)
    #: chips listed first in messages (the full set is long)
    common: tuple[str, ...] = ()

    def flags(self, chip: str) -> list[str]:
        return [*self.device_flags, self.chip_flag.format(chip=chip)]


_HOPPER_HINT = ("use --chip sm_80 (PTX for sm_80 runs on Hopper and newer GPUs: the CUDA "
                "driver JIT-compiles it)")

# The sets below were established by compiling a small StableHLO matmul with
# iree-compile 3.13.0 for each candidate (see probe_chips()); re-probe when upgrading IREE.
_CUDA_CHIPS = frozenset({
    "sm_60", "sm_61", "sm_62", "sm_70", "sm_72", "sm_75", "sm_80", "sm_86", "sm_87",
    "sm_89", "sm_120", "sm_121",
    "pascal", "volta", "turing", "ampere", "ada",
    "a100", "rtx3070", "rtx3080", "rtx3090", "rtx4070", "rtx4080", "rtx4090",
})
_CUDA_REFUSED = {c: _HOPPER_HINT for c in (
    "sm_90", "sm_90a", "hopper", "h100", "h200", "gh200")}
_CUDA_REFUSED.update({c: "use --chip sm_120 (Blackwell consumer) or --chip sm_80 (PTX for "
                         "sm_80 runs on newer GPUs via the driver JIT)"
                      for c in ("sm_100", "sm_100a", "sm_101", "sm_103", "sm_120a",
                                "blackwell", "b100", "b200", "gb200")})

_ROCM_CHIPS = frozenset({
    "gfx908", "gfx90a", "gfx942", "gfx950",
    "gfx1100", "gfx1101", "gfx1103", "gfx1150", "gfx1151", "gfx1200", "gfx1201",
    "cdna1", "cdna2",
    "mi100", "mi210", "mi250", "mi250x", "mi300a", "mi300x", "mi325x", "mi355x",
    "rx7700xt", "rx7800xt", "rx7900xt", "rx7900xtx", "w7800", "w7900", "v710",
    "rx9060xt", "rx9070xt", "r9700",
})

_VULKAN_CHIPS = frozenset({
    "rdna1", "rdna2", "rdna3", "rdna4", "cdna1", "cdna2", "cdna3",
    "gfx908", "gfx90a", "gfx942", "gfx1030", "gfx1100", "gfx1151", "gfx1201",
    "mi250", "mi300x", "rx7900xtx", "rx9070xt",
    "pascal", "volta", "turing", "ampere", "ada",
    "sm_60", "sm_75", "sm_80", "sm_86", "sm_89", "sm_120",
    "a100", "rtx3090", "rtx4080", "rtx4090",
    "valhall", "valhall1", "valhall2", "valhall3", "valhall4", "adreno",
    "vp_android_baseline_2022",
})

BACKENDS: dict[str, BackendSpec] = {
    "cpu": BackendSpec(
        name="cpu", driver="local-task", default_chip="host",
        device_flags=("--iree-hal-target-device=local",
                      "--iree-hal-local-target-device-backends=llvm-cpu"),
        chip_flag="--iree-llvmcpu-target-cpu={chip}",
        validate=_valid_cpu,
        hint="the cpu chip is an LLVM CPU name: 'host' (this machine), 'generic', "
             "'x86-64-v3', 'znver4', 'skylake-avx512', 'neoverse-v2', ...",
        common=("host", "generic", "x86-64-v3", "x86-64-v4", "znver4"),
    ),
    "rocm": BackendSpec(
        name="rocm", driver="hip", default_chip="gfx1100",
        device_flags=("--iree-hal-target-device=hip",),
        chip_flag="--iree-rocm-target={chip}",
        chips=_ROCM_CHIPS,
        hint="the HIP backend of this IREE knows CDNA (gfx908/gfx90a/gfx942/gfx950) and "
             "RDNA3/4 (gfx110x/gfx115x/gfx120x) chips",
        common=("gfx1100", "gfx942", "gfx90a", "gfx1201", "gfx950"),
    ),
    "cuda": BackendSpec(
        name="cuda", driver="cuda", default_chip="sm_80",
        device_flags=("--iree-hal-target-device=cuda",),
        chip_flag="--iree-cuda-target={chip}",
        chips=_CUDA_CHIPS,
        refused=_CUDA_REFUSED,
        hint="use --chip sm_80 for A100/H100-class GPUs (sm_80 PTX runs on newer GPUs)",
        common=("sm_80", "sm_86", "sm_89", "sm_75", "sm_70", "sm_120"),
    ),
    "vulkan": BackendSpec(
        name="vulkan", driver="vulkan", default_chip="rdna3",
        device_flags=("--iree-hal-target-device=vulkan",),
        chip_flag="--iree-vulkan-target={chip}",
        chips=_VULKAN_CHIPS,
        hint="vulkan chips are GPU architectures (rdna3, ampere, valhall, ...) or their "
             "gfx*/sm_* names",
        common=("rdna3", "rdna2", "ampere", "ada", "gfx1100", "valhall"),
    ),
}

_BACKEND_ALIASES = {"hip": "rocm", "llvm-cpu": "cpu", "local": "cpu", "vulkan-spirv": "vulkan"}


def backend_spec(backend: str) -> BackendSpec:
    """The table row for ``backend`` (aliases: hip, llvm-cpu, local, vulkan-spirv)."""
    key = str(backend).strip().lower()
    key = _BACKEND_ALIASES.get(key, key)
    spec = BACKENDS.get(key)
    if spec is None:
        raise TargetError(
            f"unknown backend {backend!r}; expected one of {', '.join(sorted(BACKENDS))}",
            backend=str(backend),
            hint="--backend cpu runs anywhere; rocm/cuda/vulkan cross-compile without a GPU")
    return spec


def _chip_list(spec: BackendSpec) -> str:
    if spec.chips is None:
        return ", ".join(spec.common)
    rest = sorted(spec.chips - set(spec.common))
    return ", ".join([*spec.common, *rest])


def resolve_chip(backend: str, chip: str | None = None) -> tuple[BackendSpec, str]:
    """Validate ``chip`` for ``backend`` (``None`` -> the default chip)."""
    spec = backend_spec(backend)
    if chip is None or str(chip).strip() == "":
        return spec, spec.default_chip
    raw = str(chip).strip()
    c = raw.lower()
    if c in spec.refused:
        raise TargetError(
            f"{spec.name} chip {raw!r} cannot be targeted by the installed IREE "
            f"{iree_version()}; {spec.refused[c]}",
            backend=spec.name, chip=raw,
            hint=f"accepted {spec.name} chips: {_chip_list(spec)}")
    ok = (c in spec.chips) if spec.chips is not None else bool(spec.validate and spec.validate(c))
    if not ok:
        hint = (f"accepted {spec.name} chips: {_chip_list(spec)}" if spec.chips is not None
                else spec.hint)
        other = [b.name for b in BACKENDS.values()
                 if b is not spec and b.chips is not None and c in b.chips]
        if other:
            hint += f"; {raw!r} can be targeted with --backend {' or --backend '.join(other)}"
        if spec.hint and spec.chips is not None:
            hint += f" ({spec.hint})"
        raise TargetError(
            f"{spec.name} chip {raw!r} cannot be targeted by the installed IREE "
            f"{iree_version()}", backend=spec.name, chip=raw, hint=hint)
    return spec, c


def target_flags(backend: str, chip: str | None = None) -> list[str]:
    """``iree-compile`` target flags for ``backend``/``chip`` (raises TargetError)."""
    spec, c = resolve_chip(backend, chip)
    return spec.flags(c)


# ---------------------------------------------------------------------------------------
# Tools and versions
# ---------------------------------------------------------------------------------------

_version_cache: str | None = None


def iree_version() -> str:
    """Version of the installed ``iree-base-compiler`` package (e.g. '3.13.0')."""
    global _version_cache
    if _version_cache is None:
        from importlib import metadata
        for dist in ("iree-base-compiler", "iree-compiler"):
            try:
                _version_cache = metadata.version(dist)
                break
            except metadata.PackageNotFoundError:
                continue
        else:
            try:
                from iree.compiler import version as v  # type: ignore
                _version_cache = str(v.VERSION)
            except Exception:  # pragma: no cover
                _version_cache = "unknown"
    return _version_cache


_tool_cache: dict[str, str] = {}


def _tool(name: str) -> str:
    path = _tool_cache.get(name)
    if path is None:
        try:
            from iree.compiler.tools.binaries import find_tool
            path = os.path.realpath(find_tool(name))
        except Exception:
            path = shutil.which(name)
        if not path:
            raise CompileError(f"the IREE tool {name!r} was not found",
                               hint="install it with: pip install iree-base-compiler==3.13.0")
        _tool_cache[name] = path
    return path


def _host_fingerprint() -> str:
    """Identifies the host CPU, for cache keys of chip='host' builds."""
    parts = [platform.machine(), platform.system()]
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            seen = set()
            for line in f:
                k, _, v = line.partition(":")
                k = k.strip()
                if k in ("model name", "flags", "Features", "CPU part") and k not in seen:
                    seen.add(k)
                    parts.append(v.strip())
    except OSError:
        parts.append(platform.processor())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------
# Diagnostics -> source locations
# ---------------------------------------------------------------------------------------

_DIAG = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+): "
                   r"(?P<sev>error|warning|note|remark): (?P<msg>.*)$")
_FUNC = re.compile(r"\bfunc\.func\s+(?:(?:public|private|nested)\s+)?@(\"[^\"]+\"|[\w$.-]+)")
_SSA = r"%[\w$.-]+"
_DEF = re.compile(rf"^\s*({_SSA})(?::\d+)?\s*(?:,\s*{_SSA}(?::\d+)?\s*)*=")
_SSA_TOKEN = re.compile(rf"{_SSA}(?:#\d+)?")


def locate(text: str, line: int | None, column: int | None = None) -> SourceLocation:
    """The func / SSA value names around ``line`` (1-based) of ``text``."""
    loc = SourceLocation(line=line, column=column)
    if not line or line < 1:
        return loc
    lines = text.splitlines()
    if line > len(lines):
        return loc
    cur = lines[line - 1]
    loc.line_text = cur
    if column:
        for m in _SSA_TOKEN.finditer(cur):
            if m.start() <= column - 1 < m.end():
                loc.token = m.group(0)
                break
    m = _DEF.match(cur)
    if m:
        loc.ssa_name = m.group(1)
    for i in range(line - 1, -1, -1):
        s = lines[i]
        if loc.ssa_name is None and i < line - 1:
            d = _DEF.match(s)
            if d:
                loc.ssa_name = d.group(1)
        f = _FUNC.search(s)
        if f:
            loc.func_name = f.group(1).strip('"')
            if loc.ssa_name is None and i == line - 1:
                # The error is on the func.func line itself (e.g. the signature).
                loc.ssa_name = loc.token
            break
    if loc.ssa_name is None:
        loc.ssa_name = loc.token
    return loc


def _parse_diagnostics(stderr: str, *, max_errors: int = 3, max_lines: int = 40
                       ) -> tuple[list[str], list[tuple[int, int, str]]]:
    """Trim compiler stderr to its first errors.

    Returns (summary lines, [(line, col, message)] of error diagnostics with a location).
    IR dumps ("see current operation: ...") and over-long lines are cut.
    """
    kept: list[str] = []
    located: list[tuple[int, int, str]] = []
    errors = 0
    in_error = False
    for raw in stderr.splitlines():
        m = _DIAG.match(raw)
        if m:
            sev = m.group("sev")
            if sev == "error":
                errors += 1
                if errors > max_errors:
                    break
                in_error = True
                located.append((int(m.group("line")), int(m.group("col")), m.group("msg")))
                kept.append(f"{m.group('file')}:{m.group('line')}:{m.group('col')}: "
                            f"error: {m.group('msg')[:400]}")
            elif in_error and sev == "note" and not m.group("msg").startswith(
                    "see current operation"):
                kept.append(f"  note (line {m.group('line')}): {m.group('msg')[:300]}")
            continue
        stripped = raw.strip()
        if not stripped:
            continue
        if "error:" in stripped or stripped.startswith(("LLVM ERROR", "iree-compile crashed",
                                                         "iree-opt crashed")):
            errors += 1
            if errors > max_errors:
                break
            in_error = True
            kept.append(stripped[:400])
        # source excerpts / carets / IR dumps after a diagnostic: dropped (we print our own)
        if len(kept) >= max_lines:
            break
    if not kept:
        tail = [l for l in stderr.strip().splitlines() if l.strip()][-10:]
        kept = [l[:400] for l in tail]
    return kept, located


def _located_error(cls, text: str, stderr: str, *, source_hint: str | None,
                   command: str | None = None, hint: str | None = None,
                   fallback: str = "failed"):
    kept, located = _parse_diagnostics(stderr)
    if located:
        line, col, msg = located[0]
        loc = locate(text, line, col)
        # Drop the first error's own header line from "further diagnostics".
        diags = [d for d in kept]
        return cls(msg, location=loc, diagnostics=diags, source_hint=source_hint,
                   command=command, hint=hint)
    summary = kept[0] if kept else fallback
    return cls(summary, diagnostics=kept, source_hint=source_hint, command=command, hint=hint)


# ---------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------

def verify_mlir(text: str, *, source_hint: str | None = None) -> None:
    """Parse and verify ``text`` with IREE's MLIR tooling; raise MLIRVerifyError if invalid.

    Runs ``iree-opt`` (all IREE dialects incl. StableHLO registered) on the text via stdin:
    parsing runs every op verifier.  A ~1 MB module takes ~0.05 s (process start included);
    running out of process keeps a parser crash or the memory of interned constants out of
    the caller.  Falls back to the ``iree.compiler.ir`` bindings if ``iree-opt`` is missing.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        opt = _tool("iree-opt")
    except CompileError:
        return _verify_with_bindings(text, source_hint=source_hint)
    cmd = [opt, "--emit-bytecode", "-o", os.devnull, "-"]
    proc = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True)
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", errors="replace")
        if proc.returncode < 0:
            stderr += f"\niree-opt crashed (signal {-proc.returncode})"
        raise _located_error(MLIRVerifyError, text, stderr, source_hint=source_hint,
                             fallback=f"iree-opt exited with status {proc.returncode}")


def _verify_with_bindings(text: str, *, source_hint: str | None = None) -> None:
    from iree.compiler import ir  # type: ignore

    ctx = ir.Context()
    try:
        ir.Module.parse(text, ctx)
    except ir.MLIRError as e:
        lines = []
        for d in e.error_diagnostics:
            m = re.search(r'(\d+):(\d+)\)?\s*$', str(d.location))
            if m:
                lines.append(f"<stdin>:{m.group(1)}:{m.group(2)}: error: {d.message}")
            else:
                lines.append(f"error: {d.message}")
        raise _located_error(MLIRVerifyError, text, "\n".join(lines) or str(e),
                             source_hint=source_hint) from None


# ---------------------------------------------------------------------------------------
# Compilation + cache
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CompileResult:
    vmfb_path: Path
    cache_hit: bool
    seconds: float          # wall time of this call (compile, or cache lookup)
    command: str            # exact iree-compile command line (runnable as shown)
    flags: tuple[str, ...]  # all compiler flags (input + target + extra)
    backend: str
    chip: str
    driver: str             # iree.runtime driver that runs this vmfb
    key: str                # cache key (sha256 hex)
    entry_dir: Path

    @property
    def vmfb(self) -> Path:  # short alias
        return self.vmfb_path


def cache_root(cache_dir: str | os.PathLike | None = None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    env = os.environ.get("NETSPEC_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return Path("~/.cache/netspec").expanduser()


def _cache_key(text: str, flags: Sequence[str], backend: str, chip: str,
               input_file: str = "module.mlir") -> str:
    payload = {
        "format": 1,
        "mlir_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "iree_compiler": iree_version(),
        "flags": list(flags),
        "backend": backend,
        "chip": chip,
    }
    if chip == "host" or any(f.endswith("=host") for f in flags):
        payload["host"] = _host_fingerprint()
    if input_file != "module.mlir":   # the input's name is in the vmfb (executable names)
        payload["input"] = input_file
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _stat_sig(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _entry_valid(entry: Path, key: str) -> dict | None:
    """meta.json of a complete, uncorrupted entry, else None."""
    try:
        meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
        vmfb = entry / "module.vmfb"
        if not isinstance(meta, dict) or meta.get("key") != key:
            return None
        if vmfb.stat().st_size != meta.get("vmfb_bytes"):
            return None
        if _sha256_file(vmfb) != meta.get("vmfb_sha256"):
            return None
        return meta
    except (OSError, ValueError):
        return None


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _clean_stale_tmp(root: Path) -> None:
    now = time.time()
    try:
        for p in root.iterdir():
            if p.name.startswith((_TMP_PREFIX, ".trash-", "failed-")):
                try:
                    if now - p.stat().st_mtime > _STALE_TMP_SECONDS:
                        _remove_tree(p)
                except OSError:
                    pass
    except OSError:
        pass


_memo: dict[str, tuple[CompileResult, tuple | None]] = {}
_memo_lock = threading.Lock()


def clear_memo() -> None:
    """Forget the in-process memo (the on-disk cache is untouched)."""
    with _memo_lock:
        _memo.clear()


def _command_string(argv: Sequence[str], entry: Path) -> str:
    return f"cd {shlex.quote(str(entry))} && {shlex.join(argv)}"


def compile_mlir(text: str, backend: str = "cpu", chip: str | None = None,
                 extra_flags: Iterable[str] = (), cache_dir: str | os.PathLike | None = None,
                 verify: bool = True, *, source_hint: str | None = None,
                 input_name: str = "module") -> CompileResult:
    """Compile StableHLO ``text`` to a vmfb for ``backend``/``chip`` (cached).

    Raises TargetError (bad backend/chip), MLIRVerifyError (``verify=True`` and the text is
    invalid) or CompileError (iree-compile failed; message trimmed to the first errors, with
    the func and SSA value at the reported line).

    ``input_name`` names the input file (``<input_name>.mlir``): iree-compile derives the
    executable names inside the vmfb from it, so the same name reproduces the same bytes.
    """
    t0 = time.perf_counter()
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    spec, c = resolve_chip(backend, chip)
    flags = (*INPUT_FLAGS, *spec.flags(c), *tuple(str(f) for f in extra_flags))
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", input_name):
        raise ValueError(f"input_name {input_name!r} is not a plain file stem")
    src = f"{input_name}.mlir"
    key = _cache_key(text, flags, spec.name, c, src)
    root = cache_root(cache_dir).resolve()
    entry = root / key
    vmfb = entry / "module.vmfb"

    # 1. in-process memo: valid while the vmfb on disk is the file we validated.
    with _memo_lock:
        memo = _memo.get(str(entry))
    if memo is not None and memo[1] is not None and _stat_sig(vmfb) == memo[1]:
        return dataclasses.replace(memo[0], cache_hit=True,
                                   seconds=time.perf_counter() - t0)

    # 2. on-disk cache
    meta = _entry_valid(entry, key)
    if meta is not None:
        res = CompileResult(vmfb_path=vmfb, cache_hit=True,
                            seconds=time.perf_counter() - t0,
                            command=meta.get("command", ""), flags=flags, backend=spec.name,
                            chip=c, driver=spec.driver, key=key, entry_dir=entry)
        with _memo_lock:
            _memo[str(entry)] = (res, _stat_sig(vmfb))
        return res

    # 3. build
    if verify:
        verify_mlir(text, source_hint=source_hint)
    if spec.name == "cpu":
        _check_llvm_cpu(c, flags)
    root.mkdir(parents=True, exist_ok=True)
    _clean_stale_tmp(root)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_TMP_PREFIX}{key[:12]}-", dir=root))
    os.chmod(tmp, 0o755)  # mkdtemp's 0700 would make a shared cache unreadable to others
    try:
        (tmp / src).write_text(text, encoding="utf-8")
        argv = [_tool("iree-compile"), *flags, src, "-o", "module.vmfb"]
        command = _command_string(argv, entry)
        tc = time.perf_counter()
        proc = subprocess.run(argv, cwd=tmp, capture_output=True)
        compile_seconds = time.perf_counter() - tc
        if proc.returncode != 0 or not (tmp / "module.vmfb").is_file():
            stderr = proc.stderr.decode("utf-8", errors="replace")
            hint = None
            if proc.returncode < 0:
                stderr += f"\niree-compile crashed (signal {-proc.returncode})"
            if spec.name == "cpu" and "LLVM ERROR" in stderr:
                hint = f"is {c!r} an LLVM CPU name? {spec.hint}"
            failed = _keep_failure(root, key, tmp, argv, stderr)
            raise _located_error(CompileError, text, stderr, source_hint=source_hint,
                                 command=_command_string(argv, failed) if failed
                                 else shlex.join(argv), hint=hint,
                                 fallback=f"exited with status {proc.returncode}")
        keep_mlir = len(text.encode("utf-8")) <= KEEP_MLIR_BYTES
        if not keep_mlir:
            (tmp / src).unlink()
        (tmp / "command.txt").write_text(
            "# iree-compile command that produced module.vmfb; run it in this directory"
            + ("" if keep_mlir else f" after saving the input as {src} (not kept: "
               f"larger than {KEEP_MLIR_BYTES} bytes)") + "\n"
            + shlex.join(argv) + "\n", encoding="utf-8")
        vmfb_tmp = tmp / "module.vmfb"
        meta = {
            "key": key,
            "backend": spec.name,
            "chip": c,
            "driver": spec.driver,
            "flags": list(flags),
            "iree_compiler": iree_version(),
            "mlir_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "mlir_kept": keep_mlir,
            "source_hint": source_hint,
            "command": command,
            "compile_seconds": round(compile_seconds, 3),
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "vmfb_bytes": vmfb_tmp.stat().st_size,
            "vmfb_sha256": _sha256_file(vmfb_tmp),
        }
        meta_tmp = tmp / "meta.json.part"
        meta_tmp.write_text(json.dumps(meta, indent=1), encoding="utf-8")
        os.replace(meta_tmp, tmp / "meta.json")   # meta.json last: it marks completeness
        _publish(tmp, entry, key)
        tmp = None
    finally:
        if tmp is not None:
            _remove_tree(tmp)
    res = CompileResult(vmfb_path=vmfb, cache_hit=False, seconds=time.perf_counter() - t0,
                        command=command, flags=flags, backend=spec.name, chip=c,
                        driver=spec.driver, key=key, entry_dir=entry)
    with _memo_lock:
        _memo[str(entry)] = (res, _stat_sig(vmfb))
    return res


def _keep_failure(root: Path, key: str, tmp: Path, argv: Sequence[str],
                  stderr: str) -> Path | None:
    """Keep a failed build's input, command and full stderr in <root>/failed-<key> so
    the error message's command can be re-run; returns that directory."""
    dest = root / f"failed-{key[:16]}"
    try:
        (tmp / "stderr.txt").write_text(stderr, encoding="utf-8")
        (tmp / "command.txt").write_text(shlex.join(argv) + "\n", encoding="utf-8")
        (tmp / "module.vmfb").unlink(missing_ok=True)
        if dest.exists():
            _remove_tree(dest)
        os.rename(tmp, dest)
        return dest
    except OSError:
        return None


def _publish(tmp: Path, entry: Path, key: str) -> None:
    """Atomically move a finished temp entry into place (tmp is consumed)."""
    for _ in range(3):
        try:
            os.rename(tmp, entry)
            return
        except OSError:
            if not entry.exists():
                continue
        # Somebody else's entry is there.
        if _entry_valid(entry, key) is not None:
            _remove_tree(tmp)          # a concurrent writer won; use theirs
            return
        # Corrupt / half-written leftover: move it aside, then retry.
        trash = entry.with_name(f".trash-{key[:12]}-{os.getpid()}-{time.monotonic_ns()}")
        try:
            os.rename(entry, trash)
        except OSError:
            pass
        _remove_tree(trash)
    # Could not publish (persistent race); keep ours under the entry name if possible.
    if _entry_valid(entry, key) is None:
        raise CompileError(f"could not move the compiled module into the cache at {entry}",
                           hint="check permissions of the cache directory "
                                "(NETSPEC_CACHE_DIR)")
    _remove_tree(tmp)


# ---------------------------------------------------------------------------------------
# Probing which chips the installed compiler accepts
# ---------------------------------------------------------------------------------------

_cpu_checked: dict[tuple[str, ...], None] = {}


def _check_llvm_cpu(chip: str, flags: Sequence[str]) -> None:
    """Raise TargetError if LLVM does not know the cpu ``chip`` for the target of ``flags``.

    iree-compile 3.13 only *warns* about an unknown CPU name ("is not a recognized
    processor ... (ignoring processor)") and builds for a generic CPU; a tiny probe compile
    with the same flags (~0.3 s, once per process and flag set) turns that into an error.
    """
    if chip in ("host", "generic") or tuple(flags) in _cpu_checked:
        return
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "probe.mlir").write_text(_PROBE_MODULE)
        proc = subprocess.run([_tool("iree-compile"), *flags, "probe.mlir", "-o", "probe.vmfb"],
                              cwd=d, capture_output=True)
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if "is not a recognized processor" not in stderr:
        _cpu_checked[tuple(flags)] = None
        return
    import difflib
    m = re.search(r"List of accepted CPUs: (.*)", stderr)
    known = [n.strip() for n in m.group(1).split(",")] if m else []
    close = difflib.get_close_matches(chip, known, n=3)
    hint = (f"did you mean {' or '.join(repr(n) for n in close)}? " if close else "")
    hint += BACKENDS["cpu"].hint
    if known:
        hint += f" ({len(known)} names for this target, e.g. {', '.join(known[-6:])})"
    hint += ("; a CPU of another architecture also needs its triple, e.g. --iree-flag="
             "--iree-llvmcpu-target-triple=aarch64-unknown-linux-gnu")
    raise TargetError(f"cpu chip {chip!r} is not a CPU the installed IREE {iree_version()} "
                      "(LLVM) knows for this target; iree-compile would ignore it and build "
                      "for a generic CPU", backend="cpu", chip=chip, hint=hint)

_PROBE_MODULE = """\
func.func @probe(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %0 = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
"""


def probe_chips(backend: str, candidates: Iterable[str]) -> dict[str, bool]:
    """Try a tiny compile per candidate chip (bypassing the table); chip -> accepted.

    Use after upgrading IREE to refresh the sets in :data:`BACKENDS`.
    """
    spec = backend_spec(backend)
    out: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "probe.mlir"
        src.write_text(_PROBE_MODULE)
        for chip in candidates:
            argv = [_tool("iree-compile"), *INPUT_FLAGS, *spec.flags(chip), str(src),
                    "-o", str(Path(d) / "probe.vmfb")]
            out[chip] = subprocess.run(argv, capture_output=True).returncode == 0
    return out


if __name__ == "__main__":  # python -m runtime.compile BACKEND CHIP...
    import sys
    if len(sys.argv) < 3:
        print("usage: python -m runtime.compile BACKEND CHIP [CHIP...]  (probe chips)")
        raise SystemExit(2)
    for chip, ok in probe_chips(sys.argv[1], sys.argv[2:]).items():
        print(f"{chip}\t{'accepted' if ok else 'refused'}")
