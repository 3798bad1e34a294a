"""Cached compilation: :func:`compile_mlir` (StableHLO text -> IREE ``.vmfb``).

:func:`compile_mlir` runs the ``iree-compile`` binary in a subprocess (so the recorded command
line is exactly what ran and can be re-run by hand) behind an on-disk, content-addressed cache
plus an in-process memo.

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
import functools
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from netspec.atomic import sha256_file

from .chips import check_llvm_cpu
from .diagnostics import located_error, verify_mlir
from .errors import CompileError
from .targets import INPUT_FLAGS, resolve_chip
from .tools import host_fingerprint, iree_version, tool

__all__ = ["CompileResult", "KEEP_MLIR_BYTES", "cache_root", "clear_memo", "compile_mlir",
           "sha256_file"]

#: The input text is kept in the cache entry (so command.txt can be re-run as is) up to
#: this many bytes; larger modules are not duplicated on disk.
KEEP_MLIR_BYTES = int(os.environ.get("NETSPEC_CACHE_KEEP_MLIR_BYTES", 8 << 20))

_TMP_PREFIX = ".tmp-"
_STALE_TMP_SECONDS = 24 * 3600


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
    #: tuning flags the module was compiled WITHOUT because iree-compile failed with them
    #: (``targets.TuningFlag``: a measured speed-up, never a reason for a module not to build)
    tuning_dropped: tuple[str, ...] = ()

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
        payload["host"] = host_fingerprint()
    if input_file != "module.mlir":   # the input's name is in the vmfb (executable names)
        payload["input"] = input_file
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


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
        if sha256_file(vmfb) != meta.get("vmfb_sha256"):
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
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", input_name):
        raise ValueError(f"input_name {input_name!r} is not a plain file stem")
    spec, c = resolve_chip(backend, chip)
    extra = tuple(str(f) for f in extra_flags)
    tuned = (*INPUT_FLAGS, *spec.flags(c, text), *extra)
    plain = (*INPUT_FLAGS, *spec.flags(c, text, tuned=False), *extra)
    src = f"{input_name}.mlir"
    build = functools.partial(_compile, text=text, spec=spec, c=c, cache_dir=cache_dir,
                              source_hint=source_hint, src=src)
    if tuned == plain:
        return build(tuned, verify=verify)
    # A tuning flag is a measured speed-up, never a reason for a module not to build: when
    # iree-compile fails with them (recorded as the tuned build's failure entry, so later calls
    # go straight to the plain build), the module is built without them.
    root = cache_root(cache_dir).resolve()
    tried = False
    if not (root / _failure_dir_name(_cache_key(text, tuned, spec.name, c, src))).is_dir():
        try:
            return build(tuned, verify=verify)
        except CompileError:    # the tuning flags' fault or the text's: the plain build decides
            tried = True        # (a CompileError comes after the text was verified)
    res = build(plain, verify=verify and not tried)
    return dataclasses.replace(res, seconds=time.perf_counter() - t0,
                               tuning_dropped=tuple(f for f in tuned if f not in plain))


def _compile(flags: tuple[str, ...], text: str, spec, c: str, cache_dir, verify: bool,
             source_hint: str | None, src: str) -> CompileResult:
    """``compile_mlir`` with its flags decided: the cache, or one iree-compile run."""
    t0 = time.perf_counter()
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
        check_llvm_cpu(c, flags)
    root.mkdir(parents=True, exist_ok=True)
    _clean_stale_tmp(root)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_TMP_PREFIX}{key[:12]}-", dir=root))
    os.chmod(tmp, 0o755)  # mkdtemp's 0700 would make a shared cache unreadable to others
    try:
        (tmp / src).write_text(text, encoding="utf-8")
        argv = [tool("iree-compile"), *flags, src, "-o", "module.vmfb"]
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
            raise located_error(CompileError, text, stderr, source_hint=source_hint,
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
            "vmfb_sha256": sha256_file(vmfb_tmp),
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


def _failure_dir_name(key: str) -> str:
    return f"failed-{key[:16]}"


def _keep_failure(root: Path, key: str, tmp: Path, argv: Sequence[str],
                  stderr: str) -> Path | None:
    """Keep a failed build's input, command and full stderr in <root>/failed-<key> so
    the error message's command can be re-run; returns that directory."""
    dest = root / _failure_dir_name(key)
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
