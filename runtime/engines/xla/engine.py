"""XLA behind the engine seam: netspec's emitted StableHLO text compiled by jaxlib's PJRT
client (``pjrt``), on one device or as ``replicas`` data-parallel replicas on as many devices.

Compiled artifact (``module.xla``, the build directory's ``<name>.xla``): a zip archive (no
pickle) of ``meta.json`` (format, jaxlib version, backend, replicas, the function names) and
one serialised PJRT executable per function (``<function>.exe``).  Serialised executables are
tied to the jaxlib version and the machine; the cache key holds both, and an artifact from
another jaxlib is recompiled from the ``.mlir`` kept beside it, never misread.

Cache: ``<root>/xla-<sha256>/`` (root as IREE's: ``cache_dir``, ``$NETSPEC_CACHE_DIR``,
``~/.cache/netspec``) holding ``module.xla``, ``module.mlir`` and ``meta.json``, built in a
``.tmp-*`` folder and renamed into place; an in-process memo avoids re-reading it.

A replicated executable's buffers are lists with one device array per replica.  ``call``
takes, per argument, a device buffer or a host array: a host array of role ``data`` is the
GLOBAL batch (split evenly into per-replica slices), one of any other role is the same on
every replica.  Results come back per replica; ``download`` returns replica 0's copy (every
state result is identical on every replica: the step all-reduces what differs).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from codegen.abi import ModuleABI
from netspec.errors import ConfigError, NetspecError

from ..base import Engine, Executable
from . import pjrt

ARTIFACT_FORMAT = 1


class XlaError(NetspecError):
    """XLA could not compile or run a module."""


@dataclass(frozen=True)
class XlaCompileResult:
    """What ``XlaEngine.compile`` returns (the fields build() and the manifest read)."""
    vmfb_path: Path          # the compiled artifact (module.xla)
    cache_hit: bool
    seconds: float
    command: str             # what compiled it, in words (there is no command line)
    flags: tuple[str, ...]
    backend: str
    chip: str
    driver: str
    key: str
    entry_dir: Path
    replicas: int = 1


def _num_replicas(text: str) -> int:
    import re
    m = re.search(r"mhlo\.num_replicas\s*=\s*(\d+)", text.split("func.func", 1)[0])
    return int(m.group(1)) if m else 1


def _cache_root(cache_dir) -> Path:
    from ..iree.cache import cache_root
    return cache_root(cache_dir).resolve()


_memo: dict[str, XlaCompileResult] = {}
_memo_lock = threading.Lock()


class XlaExecutable(Executable):
    engine = "xla"

    def __init__(self, backend: str, executables: dict, devs: list, abi: ModuleABI | None):
        self.backend = backend
        self.exes = executables
        self.devs = devs                      # every replica's device (all processes)
        self.n = len(devs)
        me = pjrt.process_index()
        self.local = [d for d in devs if getattr(d, "process_index", 0) == me]   # this process's
        self.abi = abi

    def functions(self) -> list[str]:
        return list(self.exes)

    def upload(self, array: np.ndarray) -> Any:
        """The same array on every replica (a list of device arrays)."""
        a = np.ascontiguousarray(array)
        return [pjrt.put(a, d) for d in self.local]

    def download(self, buffer: Any) -> np.ndarray:
        if isinstance(buffer, list):
            buffer = buffer[0]
        return pjrt.to_host(buffer)

    def gather(self, buffer: Any) -> np.ndarray:
        if not isinstance(buffer, list):
            return pjrt.to_host(buffer)
        return np.concatenate([pjrt.to_host(b) for b in buffer], axis=0)

    def _split(self, fn: str, i: int, value) -> list:
        if isinstance(value, list):
            return value
        arr = np.ascontiguousarray(value)
        t = self.abi[fn].args[i] if self.abi is not None else None
        k = len(self.local)
        if self.n > 1 and t is not None and t.role == "data":
            # this process's rows of the global batch: its k replicas x the replica batch
            if arr.shape[0] != k * t.shape[0]:
                what = "the global batch" if k == self.n else f"this process's share ({k} of {self.n} replicas)"
                raise ValueError(f"@{fn} {t.name}: {what} is {k} x {t.shape[0]}, "
                                 f"got {arr.shape[0]}")
            parts = np.split(arr, k)
            return [pjrt.put(np.ascontiguousarray(p), d) for p, d in zip(parts, self.local)]
        return [pjrt.put(arr, d) for d in self.local]

    def call(self, fn: str, args: Sequence[Any]) -> tuple:
        try:
            exe = self.exes[fn]
        except KeyError:
            raise KeyError(f"the module has no function @{fn} (it has {', '.join(self.exes)})") from None
        shards = [self._split(fn, i, a) for i, a in enumerate(args)]
        out = pjrt.execute(exe, shards, self.devs, self.local)
        return tuple(out)

    def __repr__(self) -> str:
        return f"XlaExecutable({self.backend}, {self.n} device(s), {list(self.exes)})"


class XlaEngine(Engine):
    name = "xla"
    artifact_suffix = ".xla"

    def backends(self) -> tuple[str, ...]:
        return tuple(pjrt.PLATFORMS)

    def devices(self, backend: str) -> list[str]:
        if backend not in pjrt.PLATFORMS:
            return []
        return [str(d) for d in pjrt.devices(backend)]

    def check_device(self, backend: str, count: int = 1) -> None:
        if backend not in pjrt.PLATFORMS:
            raise ConfigError("is not a backend of the XLA engine", where="--backend",
                              expected=" | ".join(pjrt.PLATFORMS), received=backend,
                              hint="vulkan runs on --engine iree")
        if backend == "cpu":
            pjrt.ensure_host_devices(count)
        have = pjrt.global_devices(backend)
        if not have:
            extra = {"cuda": "pip install -e '.[cuda]' (jax's CUDA plugin) on a machine with an "
                             "NVIDIA GPU", "rocm": "jax's ROCm plugin on a machine with an AMD GPU"}
            raise ConfigError(f"XLA has no {backend} device on this machine", where="--backend",
                              received=backend, hint=extra.get(backend, "use --backend cpu"))
        if count > len(have):
            hint = ("on the CPU netspec asks XLA for that many host devices before jax starts; "
                    "jax started with fewer (XLA_FLAGS=--xla_force_host_platform_device_count=N "
                    "sets it)" if backend == "cpu" else
                    f"this machine has {len(have)} {backend} device(s)")
            raise ConfigError(f"needs {count} {backend} devices, XLA has {len(have)}",
                              where="--replicas", received=count, hint=hint)

    def compile(self, text: str, *, backend: str, chip: str | None = None,
                extra_flags: Sequence[str] = (), cache_dir=None, source_hint: str | None = None,
                input_name: str | None = None, verify: bool = False) -> XlaCompileResult:
        t0 = time.perf_counter()
        if extra_flags:
            raise ConfigError("applies to the IREE engine only", where="--iree-flag",
                              received=" ".join(extra_flags), hint="drop it with --engine xla")
        if verify:
            from ..iree.diagnostics import verify_mlir
            verify_mlir(text, source_hint=source_hint)
        n = _num_replicas(text)
        self.check_device(backend, n)
        payload = {"format": ARTIFACT_FORMAT, "engine": "xla", "jaxlib": pjrt.jaxlib_version(),
                   "backend": backend, "replicas": n,
                   "mlir_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
        if backend == "cpu":
            from ..iree.tools import host_fingerprint
            payload["host"] = host_fingerprint()
        key = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        root = _cache_root(cache_dir)
        entry = root / f"xla-{key}"
        art = entry / "module.xla"
        devs = [f"{backend}:{i}" for i in range(n)]
        desc = (f"jaxlib {payload['jaxlib']} PJRT {backend} client: compile_and_load of each "
                f"function as @main, {n} replica(s)")
        with _memo_lock:
            hit = _memo.get(str(entry))
        if hit is not None and art.exists():
            return XlaCompileResult(**{**hit.__dict__, "cache_hit": True,
                                       "seconds": time.perf_counter() - t0})
        if _artifact_ok(art, key):
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            res = XlaCompileResult(art, True, time.perf_counter() - t0, desc, (), backend, "-",
                                   f"xla-{backend}", key, entry, n)
            with _memo_lock:
                _memo[str(entry)] = res
            _ = meta
            return res
        dev_objs = pjrt.global_devices(backend)[:n]
        blobs = {}
        try:
            for fn, sub in pjrt.entry_modules(text).items():
                blobs[fn] = pjrt.serialize(pjrt.compile(backend, sub, dev_objs))
        except Exception as e:  # noqa: BLE001 - XLA raises JaxRuntimeError / XlaRuntimeError
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise XlaError(f"XLA ({backend}) could not compile {source_hint or 'the module'}: "
                           f"{first}") from None
        seconds = time.perf_counter() - t0
        root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
        try:
            data = _pack({"key": key, **payload, "functions": list(blobs)}, blobs)
            (tmp / "module.xla").write_bytes(data)
            (tmp / "module.mlir").write_text(text, encoding="utf-8")
            meta = {**payload, "key": key, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "compile_seconds": round(seconds, 3), "vmfb_bytes": len(data),
                    "vmfb_sha256": hashlib.sha256(data).hexdigest(), "command": desc}
            (tmp / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
            for name in ("module.xla", "module.mlir", "meta.json"):
                with open(tmp / name, "rb") as f:
                    os.fsync(f.fileno())
            if entry.exists() and not _artifact_ok(art, key):
                shutil.rmtree(entry, ignore_errors=True)      # a broken entry: replaced
            try:
                os.replace(tmp, entry)
            except OSError:
                if not _artifact_ok(art, key):  # not another process's identical compile
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        res = XlaCompileResult(art, False, seconds, desc, (), backend, "-", f"xla-{backend}", key,
                               entry, n)
        with _memo_lock:
            _memo[str(entry)] = res
        return res

    def load(self, path: str | Path, *, backend: str, abi: ModuleABI | None = None,
             driver: str | None = None) -> XlaExecutable:
        meta, blobs = _unpack(Path(path))
        if meta.get("jaxlib") != pjrt.jaxlib_version():
            raise XlaError(f"{path} was compiled by jaxlib {meta.get('jaxlib')}, this is "
                           f"{pjrt.jaxlib_version()}: compile it again (netspec compile "
                           "--engine xla, or the run's train command)")
        backend = meta.get("backend", backend)
        n = int(meta.get("replicas", 1))
        self.check_device(backend, n)
        devs = pjrt.global_devices(backend)[:n]
        exes = {fn: pjrt.deserialize(backend, blob, devs) for fn, blob in blobs.items()}
        return XlaExecutable(backend, exes, devs, abi)


def _pack(meta: dict, blobs: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("meta.json", json.dumps(meta, indent=1))
        for fn, blob in blobs.items():
            z.writestr(f"{fn}.exe", blob)
    return buf.getvalue()


def _unpack(path: Path) -> tuple[dict, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as z:
            meta = json.loads(z.read("meta.json"))
            if meta.get("format") != ARTIFACT_FORMAT or meta.get("engine") != "xla":
                raise ValueError("not a netspec XLA artifact")
            return meta, {fn: z.read(f"{fn}.exe") for fn in meta["functions"]}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as e:
        raise XlaError(f"{path} is not a readable netspec XLA module ({e}); compile it again") from None


def _artifact_ok(art: Path, key: str) -> bool:
    try:
        meta = json.loads((art.parent / "meta.json").read_text(encoding="utf-8"))
        data = art.read_bytes()
        return meta.get("key") == key and hashlib.sha256(data).hexdigest() == meta.get("vmfb_sha256")
    except (OSError, ValueError):
        return False
