"""Compile netspec's StableHLO and run the result (docs/architecture.md).

``runtime.engines``          - the engine seam (``Engine``, ``Executable``, ``get_engine``).
``runtime.engines.iree``     - backend/chip table, MLIR verification, cached ``iree-compile``
                               (``targets``, ``diagnostics``, ``cache``, ...), ``engine``.
``runtime.engines.iree.run`` - load a ``.vmfb`` and call its functions with numpy / device arrays.
``runtime.build``            - the build pipeline: emit -> verify -> compile -> manifest.
``runtime.session``          - device-resident training state, calls by the module's ABI.
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
