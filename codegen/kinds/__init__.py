"""Layer lowerings, one module per DSL layer kind, registered by the module itself.

Each kind's module emits ``forward(ctx, info, x) -> (y, saved)`` — ``saved`` is exactly what
its VJP needs — and ``vjp(ctx, info, saved, dy, need_dx) -> dx`` beside it (parameter
gradients go to ``ctx.grad``), and registers them with ``lowering(kind, forward, vjp)``.
Every module of this package is imported here, so adding a kind is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

from .registry import LOWERINGS, Lowering, lowering

for _m in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _m not in ("registry", "context"):
        importlib.import_module(f"{__name__}.{_m}")

__all__ = ["LOWERINGS", "Lowering", "lowering"]
