"""dense:  z = x @ W + b,  y = act(z)
   vjp:  dz = act'(dy);  dW = x^T dz;  db = sum_b dz;  dx = dz W^T
"""

from __future__ import annotations

from netspec.kinds.dense import dense

from ..ir import Value
from ..ops.act import act_fwd, act_vjp
from .context import Ctx
from .registry import lowering


def forward(ctx: Ctx, info, x: Value):
    p, b = info.plan, ctx.b
    with b.scope(p.name):
        z = b.add(b.dot_general(x, ctx.params[p.w], ((1,), (0,)), hint="mm"),
                  b.broadcast_in_dim(ctx.params[p.b], (ctx.batch, p.oc), (1,), hint="bias_b"),
                  hint="z")
        y, act_saved = act_fwd(b, p.act, z)
    return y, (x, act_saved)


def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
    p, b = info.plan, ctx.b
    x, act_saved = saved
    with b.scope(p.name):
        dz = act_vjp(b, act_saved, dy)
        ctx.grad(p.w, b.dot_general(x, dz, ((0,), (0,)), hint="d_w"))
        ctx.grad(p.b, b.reduce(dz, (0,), hint="d_b"))
        if not need_dx:
            return None
        return b.dot_general(dz, ctx.params[p.w], ((1,), (1,)), hint="d_x")


lowering(dense, forward, vjp)
