"""invertedResidual, mbConv and bneck (MobileNetV3): ``repeats`` blocks (bneck: one), each
    h = expand(x)  (1x1 convBn, absent when expand == 1)
    h = dw(h)      (kxk depthwise convBn, the stride lives here)
    h = se(h)      (mbConv / bneck with SE)
    y = project(h) (+ x when residual: stride 1 and ic == oc)
vjp in reverse order; the residual fan-in adds the cotangent of the skip: dx = dx_body + dy.
Stochastic depth (train, a dropping block of ``ctx.drop_path``): m = [u >= rate] / (1 - rate)
per sample, u the block's column of ``rand``; y = x + project(...) * m, d_project = dy * m.
Precision (``ctx.prec``): the residual sum is computed in f32 and stored in the activation
type; its cotangent is rounded to that type on entry (the project VJP then reads it as is).
"""

from __future__ import annotations

from netspec.kinds.blocks import BlockPlan, bneck, invertedResidual, mbConv

from ..ir import Value
from .context import Ctx
from .registry import stage_lowering
from .conv_bn import convbn_fwd, convbn_vjp
from .se import se_fwd, se_vjp


def drop_mask(ctx: Ctx, p: BlockPlan) -> Value | None:
    """The block's per-sample stochastic-depth mask m f32[B] = [u >= rate] / (1 - rate), or
    None (eval, or a block that never drops)."""
    d = ctx.drop_path.get(p.name) if ctx.train else None
    if d is None:
        return None
    col, rate = d
    b, dt, B = ctx.b, ctx.rand.dtype, ctx.batch
    u = b.reshape(b.slice(ctx.rand, (0, col), (B, col + 1), hint="u_col"), (B,), hint="u")
    keep = b.compare("GE", u, b.const(rate, dt), hint="keep")
    return b.select(keep, b.full(1.0 / (1.0 - rate), (B,), dt, hint="inv_keep"),
                    b.full(0.0, (B,), dt, hint="zeros"), hint="drop_mask")


def drop_vjp(ctx: Ctx, p: BlockPlan, m: Value, dy: Value) -> Value:
    """The cotangent of the dropped branch: dy * m (m per sample, broadcast over the image)."""
    b = ctx.b
    return b.mul(dy, b.broadcast_in_dim(m, dy.shape, (0,), hint="drop_b"), hint="d_dropped")


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
        b, pr = ctx.b, ctx.prec
        with b.scope(p.name):
            h = pr.compute(b, h)
            m = saved["drop"] = drop_mask(ctx, p)
            if m is not None:
                h = b.mul(h, b.broadcast_in_dim(m, h.shape, (0,), hint="drop_b"), hint="dropped")
            h = pr.store(b, b.add(h, pr.compute(b, x), hint="residual"))
    return h, saved


def block_vjp(ctx: Ctx, p: BlockPlan, saved, dy: Value, need_dx: bool) -> Value | None:
    first = "expand" if p.expand is not None else "dw"
    d_branch = dy
    if p.residual:
        b, pr = ctx.b, ctx.prec
        with b.scope(p.name):
            dy = d_branch = pr.store(b, dy)
            if saved.get("drop") is not None:
                d_branch = pr.store(b, drop_vjp(ctx, p, saved["drop"], pr.compute(b, dy)))
    dh = convbn_vjp(ctx, p.project, saved["project"], d_branch)
    if p.se is not None:
        dh = se_vjp(ctx, p.se, saved["se"], dh)
    dh = convbn_vjp(ctx, p.dw, saved["dw"], dh, need_dx or first != "dw")
    if p.expand is not None:
        dh = convbn_vjp(ctx, p.expand, saved["expand"], dh, need_dx)
    if not need_dx:
        return None
    if p.residual:
        with ctx.b.scope(p.name):
            dh = ctx.b.add(dh, ctx.prec.compute(ctx.b, dy), hint="d_residual")
    return dh


stage_lowering(invertedResidual, block_fwd, block_vjp)
stage_lowering(mbConv, block_fwd, block_vjp)
stage_lowering(bneck, block_fwd, block_vjp)
