"""What every layer lowering receives: the builder, the layout and the function's values."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir import Builder, Value
from ..layout import Layout
from ..precision import NO_CASTS, Casts


@dataclass
class Ctx:
    b: Builder
    L: Layout
    batch: int
    params: dict[str, Value]                    # registry name -> parameter value
    bn_eps: float
    train: bool
    bn_running: dict[str, tuple[Value, Value]]  # BN name -> (running mean, running var)
    bn_momentum: Value | None = None            # train only
    rand: Value | None = None                   # f32[B, R] uniforms for dropout (train only)
    rand_offsets: dict[int, int] = field(default_factory=dict)  # dropout layer index -> column
    bn_updated: dict[str, tuple[Value, Value]] = field(default_factory=dict)
    grads: dict[str, Value] = field(default_factory=dict)
    decay_fold: Value | None = None             # weight decay folded into grads (coupled L2)
    decay_names: frozenset = frozenset()
    sync_bn: bool = False                       # BN statistics over all replicas (train only)
    prec: Casts = NO_CASTS                      # the precision policy's casts (codegen.precision)
    drop_path: dict[str, tuple[int, float]] = field(default_factory=dict)  # stochastic depth
    # (train): block name -> (its column of rand, rate), the dropping blocks only
    dw_chunk: int | None = None                 # depthwise dw form (ops.conv.depthwise_dw_chunk)

    def grad(self, name: str, g: Value):
        """Record a parameter gradient (with coupled L2 decay folded in when requested)."""
        if self.decay_fold is not None and name in self.decay_names:
            g = self.b.add(g, self.b.mul(self.params[name], self.decay_fold, hint="wd_p"), hint="d_wd")
        self.grads[name] = g
