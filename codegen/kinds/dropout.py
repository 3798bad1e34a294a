"""dropout (train) y = x * m,  m = [u >= rate] / (1 - rate)    dx = dy * m

u: this layer's columns of the host's uniforms, the ``rand`` input (``ctx.rand_offsets``);
eval, or rate 0: identity (the columns are not read).
"""

from __future__ import annotations

from netspec.kinds.dropout import dropout

from ..ir import Value
from .context import Ctx
from .registry import lowering


def forward(ctx: Ctx, info, x: Value):
    rate = info.plan.rate
    if not ctx.train or rate == 0.0:
        return x, None
    b = ctx.b
    with b.scope(info.plan.name):
        off, f = ctx.rand_offsets[info.index], x.shape[1]
        u = b.slice(ctx.rand, (0, off), (ctx.batch, off + f), hint="u")
        keep = b.compare("GE", u, b.const(rate, x.dtype), hint="keep")
        m = b.select(keep, b.full(1.0 / (1.0 - rate), x.shape, x.dtype, hint="inv_keep"),
                     b.full(0.0, x.shape, x.dtype, hint="zeros"), hint="mask")
        return b.mul(x, m, hint="dropped"), m


def vjp(ctx: Ctx, info, m, dy: Value, need_dx: bool):
    if m is None:
        return dy
    with ctx.b.scope(info.plan.name):
        return ctx.b.mul(dy, m, hint="d_x")


lowering(dropout, forward, vjp)
