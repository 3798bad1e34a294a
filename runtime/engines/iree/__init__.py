"""StableHLO text -> IREE ``.vmfb`` -> calls with numpy / device arrays.

``targets``      the backend / chip table (:data:`BACKENDS`), :func:`resolve_chip`,
                 :func:`target_flags` (:class:`TargetError` before the compiler ever starts)
``tools``        the installed compiler's version, its binaries, the host CPU fingerprint
``errors``       :class:`TargetError`, :class:`MLIRVerifyError`, :class:`CompileError`
``diagnostics``  compiler stderr -> :class:`SourceLocation`; :func:`verify_mlir` (``iree-opt``)
``cache``        :func:`compile_mlir`: ``iree-compile`` in a subprocess behind an on-disk,
                 content-addressed cache plus an in-process memo
``chips``        :func:`probe_chips` (``python -m runtime.engines.iree.chips BACKEND CHIP...``)
``run``          :func:`load_module` / :class:`Module`: load a vmfb and call its functions
"""

from .cache import (KEEP_MLIR_BYTES, CompileResult, cache_root, clear_memo, compile_mlir,
                    sha256_file)
from .chips import probe_chips
from .diagnostics import locate, verify_mlir
from .errors import CompileError, MLIRVerifyError, SourceLocation, TargetError
from .targets import (BACKENDS, INPUT_FLAGS, BackendSpec, backend_spec, resolve_chip,
                      target_flags)
from .tools import iree_version, tool

__all__ = [
    "BACKENDS", "BackendSpec", "CompileError", "CompileResult", "INPUT_FLAGS",
    "KEEP_MLIR_BYTES", "MLIRVerifyError", "SourceLocation", "TargetError", "backend_spec",
    "cache_root", "clear_memo", "compile_mlir", "iree_version", "locate", "probe_chips",
    "resolve_chip", "sha256_file", "target_flags", "tool", "verify_mlir",
    "DRIVER_HINTS", "DriverError", "Module", "ModuleVersionError", "RunError",
    "available_drivers", "load_module", "open_driver", "runtime_version",
]

_RUN_NAMES = ("DRIVER_HINTS", "DriverError", "Module", "ModuleVersionError", "RunError",
              "available_drivers", "load_module", "open_driver", "runtime_version")


def __getattr__(name):  # the run layer (numpy, iree.runtime) is imported only when asked for
    if name in _RUN_NAMES:
        from . import run
        return getattr(run, name)
    raise AttributeError(name)
