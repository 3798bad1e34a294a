"""Execution engines: compile netspec's StableHLO for a target and run the result.

``base``   the seam: ``Engine`` (backends, devices, compile, load) and ``Executable``
           (upload, download, call with device buffers in and out)
``iree``   IREE: the backend/chip table, MLIR verification, the cached ``iree-compile`` and
           loading / calling a ``.vmfb`` (the default)
``xla``    XLA through jaxlib's PJRT client: the same text on one or many devices (replicas)

``get_engine(name)`` is what ``--engine`` resolves through.
"""

from __future__ import annotations

from netspec.errors import ConfigError

from .base import Engine, Executable

#: engine name -> class (``--engine``); the first is the default
ENGINES: dict[str, type[Engine]] = {}


def _register():
    from .iree.engine import IreeEngine
    from .xla.engine import XlaEngine
    ENGINES.setdefault(IreeEngine.name, IreeEngine)
    ENGINES.setdefault(XlaEngine.name, XlaEngine)


def get_engine(name: str = "iree") -> Engine:
    """The engine called ``name``; a ConfigError naming ``--engine`` otherwise."""
    _register()
    try:
        return ENGINES[name]()
    except KeyError:
        raise ConfigError("is not an engine netspec has", where="--engine",
                          expected=" | ".join(ENGINES), received=name) from None


__all__ = ["ENGINES", "Engine", "Executable", "get_engine"]
