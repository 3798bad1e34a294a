"""dense:  z = x @ W + b,  y = act(z)
   vjp:  dz = act'(dy);  dW = x^T dz;  db = sum_b dz;  dx = dz W^T
Precision (``ctx.prec``): the three matmuls cast their operands to the policy's "dense" type
and accumulate in f32; z, the bias and the activation stay f32 (the head is never stored low).
"""

from __future__ import annotations

from netspec.kinds.dense import dense

from ..ir import Value
from ..ops.act import act_fwd, act_vjp
from .context import Ctx
from .registry import lowering


def forward(ctx: Ctx, info, x: Value):
    p, b, pr = info.plan, ctx.b, ctx.prec
    with b.scope(p.name):
        x = pr.compute(b, x)
        xc, wc = pr.operands(b, "dense", x, ctx.params[p.w])
        z = b.add(b.dot_general(xc, wc, ((1,), (0,)), hint="mm", out_dtype=pr.accumulate("dense")),
                  b.broadcast_in_dim(ctx.params[p.b], (ctx.batch, p.oc), (1,), hint="bias_b"),
                  hint="z")
        y, act_saved = act_fwd(b, p.act, z)
    return y, (x, act_saved)


def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
    p, b, pr = info.plan, ctx.b, ctx.prec
    x, act_saved = saved
    acc = pr.accumulate("dense")
    with b.scope(p.name):
        dz = act_vjp(b, act_saved, dy)
        xc, dzc, wc = pr.operands(b, "dense", x, dz, ctx.params[p.w])
        ctx.grad(p.w, b.dot_general(xc, dzc, ((0,), (0,)), hint="d_w", out_dtype=acc))
        ctx.grad(p.b, b.reduce(dz, (0,), hint="d_b"))
        if not need_dx:
            return None
        return b.dot_general(dzc, wc, ((1,), (1,)), hint="d_x", out_dtype=acc)


lowering(dense, forward, vjp)
