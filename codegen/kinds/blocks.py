"""invertedResidual and mbConv: ``repeats`` blocks, each
    h = expand(x)  (1x1 convBn, absent when expand == 1)
    h = dw(h)      (kxk depthwise convBn, the stride lives here)
    h = se(h)      (mbConv only)
    y = project(h) (+ x when residual: stride 1 and ic == oc)
vjp in reverse order; the residual fan-in adds the cotangent of the skip: dx = dx_body + dy.
"""

from __future__ import annotations

from netspec.kinds.blocks import BlockPlan, invertedResidual, mbConv

from ..ir import Value
from .context import Ctx
from .registry import lowering
from .conv_bn import convbn_fwd, convbn_vjp
from .se import se_fwd, se_vjp


def block_fwd(ctx: Ctx, p: BlockPlan, x: Value):
    saved = {}
    h = x
    if p.expand is not None:
        h, saved["expand"] = convbn_fwd(ctx, p.expand, h)
    h, saved["dw"] = convbn_fwd(ctx, p.dw, h)
    if p.se is not None:
        h, saved["se"] = se_fwd(ctx, p.se, h)
    h, saved["project"] = convbn_fwd(ctx, p.project, h)
    if p.residual:
        with ctx.b.scope(p.name):
            h = ctx.b.add(h, x, hint="residual")
    return h, saved


def block_vjp(ctx: Ctx, p: BlockPlan, saved, dy: Value, need_dx: bool) -> Value | None:
    first = "expand" if p.expand is not None else "dw"
    dh = convbn_vjp(ctx, p.project, saved["project"], dy)
    if p.se is not None:
        dh = se_vjp(ctx, p.se, saved["se"], dh)
    dh = convbn_vjp(ctx, p.dw, saved["dw"], dh, need_dx or first != "dw")
    if p.expand is not None:
        dh = convbn_vjp(ctx, p.expand, saved["expand"], dh, need_dx)
    if not need_dx:
        return None
    if p.residual:
        with ctx.b.scope(p.name):
            dh = ctx.b.add(dh, dy, hint="d_residual")
    return dh


# -- the invertedResidual / mbConv layer kinds -------------------------------------------------
def forward(ctx: Ctx, info, x: Value):
    saved = []
    for p in info.plan:
        x, s = block_fwd(ctx, p, x)
        saved.append(s)
    return x, saved


def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
    for i in reversed(range(len(info.plan))):
        dy = block_vjp(ctx, info.plan[i], saved[i], dy, need_dx or i > 0)
    return dy


lowering(invertedResidual, forward, vjp)
lowering(mbConv, forward, vjp)
