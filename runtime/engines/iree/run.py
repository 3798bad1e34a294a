"""Load a compiled ``.vmfb`` and call its functions with numpy arrays (thin iree.runtime layer).

    mod = load_module(result.vmfb_path, driver="local-task")
    (y,) = mod.call("predict", x, w, b)               # numpy in, tuple of numpy out
    state = mod.call_device("init", seed)             # tuple of resident DeviceArrays
    state = mod.call_device("train_step", *state, batch_x, batch_y)   # no host copies

One ``iree.runtime.Config`` (device + VM instance) is shared per driver in the process, so
device arrays returned by one module can be passed to another module on the same driver.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from netspec.errors import NetspecError

__all__ = ["DriverError", "Module", "ModuleVersionError", "RunError", "available_drivers",
           "load_module", "open_driver", "runtime_version", "DRIVER_HINTS"]


class RunError(NetspecError):
    """A module could not be loaded or a function call failed."""

    def __init__(self, message: str, *, hint: str | None = None):
        self.hint = hint
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))


class DriverError(RunError):
    """The requested IREE runtime driver/device cannot be opened on this machine."""


class ModuleVersionError(RunError):
    """The vmfb was compiled by another IREE version than the installed runtime."""


_RECOMPILE = "recompile it with `netspec compile`"


DRIVER_HINTS = {
    "local-task": "the multi-threaded CPU driver; runs vmfbs compiled with --backend cpu",
    "local-sync": "the single-threaded CPU driver; runs vmfbs compiled with --backend cpu",
    "cuda": "needs an NVIDIA GPU and its driver library (libcuda.so) on the library path; "
            "runs vmfbs compiled with --backend cuda",
    "hip": "needs an AMD GPU with ROCm (libamdhip64.so) on the library path; runs vmfbs "
           "compiled with --backend rocm",
    "vulkan": "needs a Vulkan loader (libvulkan.so) and a GPU driver (ICD); runs vmfbs "
              "compiled with --backend vulkan",
}
_BACKEND_FOR_DRIVER = {"local-task": "cpu", "local-sync": "cpu", "cuda": "cuda", "hip": "rocm",
                       "vulkan": "vulkan"}
_DRIVER_FOR_TARGET = {"local": "local-task", "llvm-cpu": "local-task", "cuda": "cuda",
                      "hip": "hip", "rocm": "hip", "vulkan": "vulkan"}

_configs: dict[str, Any] = {}
_config_lock = threading.Lock()


def _rt():
    import iree.runtime as rt  # imported lazily: `import runtime` stays cheap
    return rt


def available_drivers() -> list[str]:
    """Driver names compiled into the installed iree-base-runtime (not: usable here)."""
    return sorted(_rt().query_available_drivers())


# --------------------------------------------------------------------------- host allocator
#: glibc ``mallopt`` parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_MAX = -1, -4
_malloc_tuned: bool | None = None


def tune_host_allocator() -> bool:
    """Keep freed memory in the process heap so the next step reuses it without page faults.

    IREE's CPU drivers allocate a step's transients (~0.9 GiB for an EfficientNet-B0 train step
    at batch 8, 224x224) from the C heap and free them at the end of the step.  glibc serves
    such large blocks with fresh ``mmap``s and returns them to the kernel on free, so every step
    pays ~270k minor page faults re-mapping zeroed pages: measured at 26% of a B0 step
    (1,131 -> 836 ms, iree-benchmark-module, ``bench/profile_step.py``).  ``M_MMAP_MAX = 0``
    serves large blocks from the heap and a high ``M_TRIM_THRESHOLD`` keeps freed heap memory
    mapped, so steady-state steps fault almost nothing.  The cost is that the process keeps its
    peak working set mapped (reported as peak RSS by ``netspec bench``).

    Called when a CPU driver is first opened; glibc only (elsewhere a no-op).  Set
    ``NETSPEC_HOST_MALLOC=default`` to leave the allocator alone.  Returns whether applied."""
    global _malloc_tuned
    if _malloc_tuned is not None:
        return _malloc_tuned
    _malloc_tuned = False
    if os.environ.get("NETSPEC_HOST_MALLOC", "").lower() == "default":
        return False
    try:
        import ctypes
        import ctypes.util
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):   # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    ok = mallopt(_M_MMAP_MAX, 0) == 1 and mallopt(_M_TRIM_THRESHOLD, 2**31 - 1) == 1
    _malloc_tuned = bool(ok)
    return _malloc_tuned


def _config(driver: str):
    with _config_lock:
        cfg = _configs.get(driver)
        if cfg is not None:
            return cfg
        rt = _rt()
        if driver.startswith("local-"):
            tune_host_allocator()
        known = available_drivers()
        name = driver.split("://", 1)[0].split(":", 1)[0]
        if name not in known:
            raise DriverError(
                f"unknown IREE runtime driver {driver!r}; this iree-base-runtime "
                f"{runtime_version()} has: {', '.join(known)}",
                hint="use 'local-task' for CPU, 'cuda' (NVIDIA), 'hip' (AMD), 'vulkan'")
        try:
            cfg = rt.Config(driver)
        except Exception as e:  # noqa: BLE001 - iree raises RuntimeError/ValueError
            cause = e.__cause__ or e.__context__
            detail = _first_line(str(cause) if cause is not None else str(e))
            raise DriverError(
                f"cannot open IREE runtime driver {driver!r}: {detail}",
                hint=DRIVER_HINTS.get(name, "") +
                ("; on a machine without that device compile with --backend cpu and use "
                 "driver 'local-task'" if name not in ("local-task", "local-sync") else ""),
            ) from None
        _configs[driver] = cfg
        return cfg


def open_driver(driver: str) -> None:
    """Open ``driver``'s device now (DriverError with a hint if this machine cannot)."""
    _config(driver)


def runtime_version() -> str:
    try:
        from importlib import metadata
        return metadata.version("iree-base-runtime")
    except Exception:  # pragma: no cover
        return "?"


def _read_meta(vmfb: Path) -> dict | None:
    """What was recorded about ``vmfb`` at compile time: the cache entry's meta.json (next to
    module.vmfb) or a build directory's manifest.json (naming this file); with "_file"."""
    for name in ("meta.json", "manifest.json"):
        try:
            meta = json.loads((vmfb.parent / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(meta, dict):
            continue
        if name == "manifest.json" and (meta.get("files") or {}).get("vmfb") != vmfb.name:
            continue
        if name == "meta.json" and vmfb.name != "module.vmfb":
            continue
        meta["_file"] = name
        return meta
    return None


def _check_recorded(path: Path, meta: dict | None) -> None:
    """Refuse a vmfb whose meta/manifest says another IREE built it, or another size."""
    if not meta:
        return
    built = str(meta.get("iree_compiler") or "")
    have = runtime_version()
    if built and have != "?" and built.split("+")[0] != have.split("+")[0]:
        raise ModuleVersionError(
            f"{path} was compiled by IREE {built} (says its {meta['_file']}), but the installed "
            f"runtime is iree-base-runtime {have}: IREE does not promise that a module loads or "
            "runs on another version than the one that compiled it",
            hint=f"{_RECOMPILE} (IREE {have} is installed), or run it with IREE {built}")
    size = meta.get("vmfb_bytes")
    if isinstance(size, int) and path.stat().st_size != size:
        raise RunError(f"{path} is {path.stat().st_size:,} bytes but its {meta['_file']} "
                       f"records {size:,}: the file is truncated or was replaced",
                       hint=_RECOMPILE)


class Module:
    """One loaded vmfb bound to a device; call its functions by name."""

    def __init__(self, vmfb_path: str | os.PathLike, driver: str = "local-task"):
        rt = _rt()
        self.path = Path(vmfb_path)
        self.driver = driver
        if not self.path.is_file():
            raise RunError(f"no compiled module at {self.path}",
                           hint="compile it first (runtime.engines.iree.compile_mlir, or `netspec compile`)")
        meta = _read_meta(self.path)
        _check_recorded(self.path, meta)
        self.config = _config(driver)
        self.device = self.config.device
        try:
            self.vm_module = rt.VmModule.mmap(self.config.vm_instance, str(self.path))
        except Exception as e:  # noqa: BLE001
            msg = _short(e)
            hint = "the file may be truncated or not a .vmfb; " + _RECOMPILE
            if "version" in msg.lower():
                hint = ("it may come from another IREE version (this runtime is "
                        f"{runtime_version()}); " + _RECOMPILE)
            raise RunError(f"{self.path} is not a loadable IREE module: {msg}",
                           hint=hint) from None
        self.context = rt.SystemContext(config=self.config)
        try:
            self.context.add_vm_module(self.vm_module)
        except Exception as e:  # noqa: BLE001
            msg = str(e)
            hint = None
            m = re.search(r'#hal\.device\.target<"([\w-]+)"', msg)
            if "INCOMPATIBLE" in msg and m:
                target = m.group(1)
                want = _DRIVER_FOR_TARGET.get(target, target)
                meta = meta or {}
                built = (f"backend {meta['backend']!r}, chip {meta.get('chip')!r}"
                         if "backend" in meta else f"target {target!r}")
                hint = (f"this module was compiled for {built}; load it with driver "
                        f"{want!r}, or recompile with --backend "
                        f"{_BACKEND_FOR_DRIVER.get(driver, 'cpu')} for driver {driver!r}")
                msg = f"the module targets a {target!r} device, not driver {driver!r}"
            raise RunError(f"cannot load {self.path} on driver {driver!r}: {_short(msg)}",
                           hint=hint) from None
        self._bound = self.context.modules[self.vm_module.name]
        self._fns: dict[str, Any] = {}       # name -> FunctionInvoker (fallback path)
        self._vm_fns: dict[str, Any] = {}    # name -> VmFunction
        self._n_results: dict[str, int] = {}

    # -- introspection ------------------------------------------------------------------
    @property
    def functions(self) -> list[str]:
        return [f for f in self.vm_module.function_names if not f.startswith("__")]

    def _require(self, name: str) -> None:
        if name not in self.vm_module.function_names:
            raise RunError(f"{self.path.name} has no function {name!r}; it has: "
                           f"{', '.join(self.functions)}")

    def _fn(self, name: str):
        fn = self._fns.get(name)
        if fn is None:
            self._require(name)
            fn = self._bound[name]
            self._fns[name] = fn
        return fn

    # -- transfers ----------------------------------------------------------------------
    def to_device(self, array) -> Any:
        """A resident DeviceArray copy of ``array`` (DeviceArrays pass through)."""
        rt = _rt()
        if isinstance(array, rt.DeviceArray):
            return array
        return rt.asdevicearray(self.device, np.asarray(array, order="C"),
                                implicit_host_transfer=True)

    @staticmethod
    def to_host(value) -> np.ndarray:
        rt = _rt()
        if isinstance(value, rt.DeviceArray):
            return value.to_host()
        return np.asarray(value)

    # -- calls --------------------------------------------------------------------------
    def _vm_fn(self, name: str):
        f = self._vm_fns.get(name)
        if f is None:
            self._require(name)
            f = self.vm_module.lookup_function(name)
            self._vm_fns[name] = f
        return f

    def call_device(self, fn_name: str, *args) -> tuple:
        """Call ``fn_name``; returns the raw results (DeviceArrays, no host copy).

        Arguments may be DeviceArrays (used in place, e.g. results of an earlier call) or
        anything numpy-convertible (uploaded for this call).  Tensors-in/tensors-out
        functions go straight through ``VmContext.invoke`` (no per-argument Python ABI
        packing); anything else falls back to iree.runtime's FunctionInvoker.
        """
        rt = _rt()
        f = self._vm_fn(fn_name)
        arg_list = rt.VmVariantList(len(args))
        try:
            for a in args:
                if not isinstance(a, rt.DeviceArray):
                    a = self.to_device(a)
                arg_list.push_ref(a._buffer_view.ref)
        except (ValueError, TypeError, AttributeError):
            return self._call_invoker(fn_name, args)
        ret_list = rt.VmVariantList(max(1, self._n_results.get(fn_name, 4)))
        try:
            self.context.vm_context.invoke(f, arg_list, ret_list)
        except (ValueError, RuntimeError, TypeError) as e:
            raise RunError(f"calling {fn_name} in {self.path.name} on {self.driver!r} "
                           f"with {_describe_args(args)}: {_short(e)}") from None
        n = ret_list.size
        self._n_results[fn_name] = n
        out = []
        device = self.device
        for i in range(n):
            try:
                bv = ret_list.get_as_object(i, rt.HalBufferView)
            except (ValueError, TypeError, RuntimeError):
                # not a tensor result (list / scalar): the invoker knows how to convert
                return self._call_invoker(fn_name, args)
            out.append(rt.DeviceArray(device, bv, implicit_host_transfer=True))
        return tuple(out)

    def _call_invoker(self, fn_name: str, args: Sequence) -> tuple:
        fn = self._fn(fn_name)
        try:
            out = fn(*args)
        except (ValueError, RuntimeError, TypeError) as e:
            raise RunError(f"calling {fn_name} in {self.path.name} on {self.driver!r} "
                           f"with {_describe_args(args)}: {_short(e)}") from None
        if out is None:
            return ()
        if isinstance(out, (tuple, list)):
            return tuple(out)
        return (out,)

    def call(self, fn_name: str, *arrays) -> tuple[np.ndarray, ...]:
        """Call ``fn_name`` with numpy arrays; returns a tuple of numpy arrays."""
        return tuple(self.to_host(r) for r in self.call_device(fn_name, *arrays))

    def __repr__(self) -> str:
        return f"Module({str(self.path)!r}, driver={self.driver!r}, functions={self.functions})"


def _describe_args(args: Sequence) -> str:
    parts = []
    for a in args[:6]:
        shape = getattr(a, "shape", None)
        dtype = getattr(a, "dtype", None)
        parts.append(f"{dtype}{list(shape) if shape is not None else ''}")
    more = f", ... ({len(args)} args)" if len(args) > 6 else ""
    return "(" + ", ".join(parts) + more + ")"


#: a C source location in iree.runtime's messages: "c/runtime/src/iree/hal/drivers/hip/x.c:155: "
_C_SOURCE = re.compile(r"(?:[\w.+-]+/)*[\w.+-]+\.(?:c|cc|cpp|cxx|h|hpp):\d+:\s*")


def _first_line(text: str) -> str:
    """The first meaningful line of a (multi-line) iree.runtime error, C source locations and
    the "Error creating driver:" preamble removed, trailing ':' / ';' dropped."""
    text = text.replace("Error creating driver: ", "")
    for line in text.splitlines():
        line = _C_SOURCE.sub("", line).strip().rstrip(":;,").strip()
        if line:
            return line
    return _C_SOURCE.sub("", text).strip() or "unknown error"


def _short(e: object, limit: int = 600) -> str:
    s = str(e)
    # IREE appends VM stack frames ("[ 0] bytecode module@1:200 -"): drop them.
    s = "\n".join(l for l in s.splitlines() if not re.match(r"^\s*\[\s*\d+\]", l)).strip()
    s = re.sub(r"c/runtime/src/iree/[\w/.]+:\d+: ", "", s)
    return s if len(s) <= limit else s[:limit] + " ..."


def load_module(vmfb_path: str | os.PathLike, driver: str = "local-task") -> Module:
    """Load ``vmfb_path`` on ``driver`` (raises DriverError / RunError with a hint)."""
    return Module(vmfb_path, driver)
