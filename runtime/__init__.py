"""Compile netspec's StableHLO with IREE and run the result.

``runtime.engines.iree``     - backend/chip table, MLIR verification, cached ``iree-compile``
                               (``targets``, ``diagnostics``, ``cache``, ...).
``runtime.engines.iree.run`` - load a ``.vmfb`` and call its functions with numpy / device arrays.
``runtime.build``            - the build pipeline: emit -> verify -> iree-compile -> manifest.
``runtime.train``            - the host training loop behind ``netspec train``.
"""

from .engines.iree import (BACKENDS, CompileError, CompileResult, MLIRVerifyError, TargetError,
                           compile_mlir, iree_version, target_flags, verify_mlir)

__all__ = [
    "BACKENDS", "CompileError", "CompileResult", "MLIRVerifyError", "TargetError",
    "compile_mlir", "iree_version", "target_flags", "verify_mlir",
    "DriverError", "Module", "RunError", "load_module",
]


def __getattr__(name):  # iree.runtime is imported only when running is asked for
    if name in ("DriverError", "Module", "RunError", "load_module"):
        from .engines.iree import run
        return getattr(run, name)
    raise AttributeError(name)
