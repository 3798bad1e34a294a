"""Compile netspec's StableHLO with IREE and run the result.

``runtime.compile``  - backend/chip table, MLIR verification, cached ``iree-compile``.
``runtime.iree_run`` - load a ``.vmfb`` and call its functions with numpy / device arrays.
"""

from .compile import (BACKENDS, CompileError, CompileResult, MLIRVerifyError, TargetError,
                      compile_mlir, iree_version, target_flags, verify_mlir)

__all__ = [
    "BACKENDS", "CompileError", "CompileResult", "MLIRVerifyError", "TargetError",
    "compile_mlir", "iree_version", "target_flags", "verify_mlir",
    "DriverError", "Module", "RunError", "load_module",
]


def __getattr__(name):  # iree.runtime is imported only when running is asked for
    if name in ("DriverError", "Module", "RunError", "load_module"):
        from . import iree_run
        return getattr(iree_run, name)
    raise AttributeError(name)
