"""The table of layer lowerings: DSL kind name -> (forward emitter, VJP emitter)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Lowering:
    kind: str
    forward: Callable      # (ctx, info, x) -> (y, saved)
    vjp: Callable          # (ctx, info, saved, dy, need_dx) -> dx | None


LOWERINGS: dict[str, Lowering] = {}


def lowering(kind_cls, forward: Callable, vjp: Callable) -> Lowering:
    """Register the lowering of a DSL layer kind (the class registered in ``netspec.kinds``)."""
    kind = kind_cls.kind
    if kind in LOWERINGS:
        raise TypeError(f"layer kind {kind!r} has two lowerings "
                        f"({LOWERINGS[kind].forward.__module__} and {forward.__module__})")
    LOWERINGS[kind] = low = Lowering(kind, forward, vjp)
    return low


def stage_lowering(kind_cls, block_fwd: Callable, block_vjp: Callable) -> Lowering:
    """Register the lowering of a ``netspec.kinds.base.Stage`` kind (its plan a list of blocks)
    from one block's emitters: ``block_fwd(ctx, p, x) -> (y, saved)`` block after block, and
    ``block_vjp(ctx, p, saved, dy, need_dx) -> dx`` in reverse; every block but the first
    needs its input gradient (the previous block's cotangent).  The two are looked up by name
    in their module at each emission, as a call written there would be, so a test can replace
    one (the wrong-VJP tests' ``monkeypatch.setattr``)."""
    module = sys.modules[block_fwd.__module__]

    def forward(ctx, info, x):
        fwd, saved = getattr(module, block_fwd.__name__), []
        for p in info.plan:
            x, s = fwd(ctx, p, x)
            saved.append(s)
        return x, saved

    def vjp(ctx, info, saved, dy, need_dx: bool):
        bwd = getattr(module, block_vjp.__name__)
        for i in reversed(range(len(info.plan))):
            dy = bwd(ctx, info.plan[i], saved[i], dy, need_dx or i > 0)
        return dy

    forward.__module__ = vjp.__module__ = module.__name__
    return lowering(kind_cls, forward, vjp)
