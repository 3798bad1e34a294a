"""XLA through jaxlib's PJRT client: netspec's emitted StableHLO text, unchanged, on one
device or data-parallel across several (``--engine xla``).

``pjrt``    the one wrapper around jaxlib's private modules (client, compile, serialise, run)
``engine``  :class:`XlaEngine` / :class:`XlaExecutable` behind ``runtime.engines.base``
"""

from .engine import XlaCompileResult, XlaEngine, XlaError, XlaExecutable

__all__ = ["XlaCompileResult", "XlaEngine", "XlaError", "XlaExecutable"]
