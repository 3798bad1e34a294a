"""The installed IREE tools: the compiler version, where its binaries are, the host CPU."""

from __future__ import annotations

import hashlib
import os
import platform
import shutil

from .errors import CompileError

__all__ = ["host_fingerprint", "iree_version", "tool"]


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


def tool(name: str) -> str:
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


def host_fingerprint() -> str:
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
