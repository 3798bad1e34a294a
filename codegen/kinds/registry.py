"""The table of layer lowerings: DSL kind name -> (forward emitter, VJP emitter)."""

from __future__ import annotations

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
