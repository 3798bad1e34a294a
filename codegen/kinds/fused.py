"""fusedMbConv (EfficientNetV2): ``repeats`` Fused-MBConv blocks (``netspec/kinds/fused.py``)

forward:  h = fused(x)           kxk stride-s full convBn, act (ic -> ic*expand, or -> oc)
          h = project(h)         1x1 convBn, identity (absent when expand == 1)
          y = h [* m] + x        when residual (stride 1, ic == oc); m: the stochastic-depth
                                 mask (train, a dropping block: [u >= rate] / (1 - rate))
vjp:      dh = dy [* m]          (the branch of the residual fan-in)
          dx = fused'(project'(dh)) + dy          (+ dy: the skip's cotangent)

The residual sum is computed in f32 and stored in the activation type (``ctx.prec``); its
cotangent is rounded to that type on entry, as the MBConv blocks do (``blocks.py``).
"""

from __future__ import annotations

from netspec.kinds.fused import FusedPlan, fusedMbConv

from ..ir import Value
from .blocks import drop_mask, drop_vjp
from .context import Ctx
from .conv_bn import convbn_fwd, convbn_vjp
from .registry import stage_lowering


def fused_fwd(ctx: Ctx, p: FusedPlan, x: Value):
    saved = {}
    h, saved["fused"] = convbn_fwd(ctx, p.fused, x)
    if p.project is not None:
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


def fused_vjp(ctx: Ctx, p: FusedPlan, saved, dy: Value, need_dx: bool) -> Value | None:
    d_branch = dy
    if p.residual:
        b, pr = ctx.b, ctx.prec
        with b.scope(p.name):
            dy = d_branch = pr.store(b, dy)
            if saved.get("drop") is not None:
                d_branch = pr.store(b, drop_vjp(ctx, p, saved["drop"], pr.compute(b, dy)))
    dh = d_branch
    if p.project is not None:
        dh = convbn_vjp(ctx, p.project, saved["project"], dh)
    dh = convbn_vjp(ctx, p.fused, saved["fused"], dh, need_dx)
    if not need_dx:
        return None
    if p.residual:
        with ctx.b.scope(p.name):
            dh = ctx.b.add(dh, ctx.prec.compute(ctx.b, dy), hint="d_residual")
    return dh


stage_lowering(fusedMbConv, fused_fwd, fused_vjp)
