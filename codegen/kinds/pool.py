"""globalAvgPool (P = H*W):

    y[b, c] = sum_hw x[b, h, w, c] / P          dx = bcast(dy) / P
"""

from __future__ import annotations

from netspec.kinds.pool import globalAvgPool

from ..ir import Value
from .context import Ctx
from .registry import lowering


def forward(ctx: Ctx, info, x: Value):
    b, L = ctx.b, ctx.L
    with b.scope(info.plan.name):
        H, W = L.hw(x.shape)
        x = ctx.prec.compute(b, x)      # the mean (and the head after it) is always f32
        y = b.mul(b.reduce(x, L.spatial_axes, hint="sum_hw"), b.const(1.0 / (H * W), x.dtype), hint="mean")
    return y, x.shape


def vjp(ctx: Ctx, info, x_shape, dy: Value, need_dx: bool):
    b, L = ctx.b, ctx.L
    with b.scope(info.plan.name):
        H, W = L.hw(x_shape)
        d = b.mul(dy, b.const(1.0 / (H * W), dy.dtype), hint="d_mean")
        return b.broadcast_in_dim(d, x_shape, (0, L.channel_axis), hint="d_x")


lowering(globalAvgPool, forward, vjp)
