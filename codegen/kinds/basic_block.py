"""basicBlock (ResNet): ``repeats`` basic blocks, each (``netspec/kinds/basic_block.py``)

forward:  h = conv2(conv1(x))          convBn 3x3 relu (stride), convBn 3x3 identity
          sc = x | down(x)             identity, or the 1x1 stride-s convBn projection
          y = relu(h [* m] + sc)       m: the stochastic-depth mask (train, a dropping block)
vjp:      dp = dy * [y > 0]            (the relu after the add, on its output)
          dx = conv1'(conv2'(dp [* m])) + (dp | down'(dp))     (the two branches' sum)

The residual sum and the relu are computed in f32 and stored in the activation type
(``ctx.prec``); the cotangent is rounded to that type on entry, as the other blocks do.
"""

from __future__ import annotations

from netspec.kinds.basic_block import BasicPlan, basicBlock

from ..ir import Value
from ..ops.act import ActSaved, act_fwd, act_vjp
from .blocks import drop_mask, drop_vjp
from .context import Ctx
from .conv_bn import convbn_fwd, convbn_vjp
from .registry import stage_lowering


def basic_fwd(ctx: Ctx, p: BasicPlan, x: Value):
    b, pr = ctx.b, ctx.prec
    saved = {}
    h, saved["conv1"] = convbn_fwd(ctx, p.conv1, x)
    h, saved["conv2"] = convbn_fwd(ctx, p.conv2, h)
    sc = x
    if p.down is not None:
        sc, saved["down"] = convbn_fwd(ctx, p.down, x)
    with b.scope(p.name):
        h = pr.compute(b, h)
        m = saved["drop"] = drop_mask(ctx, p)
        if m is not None:
            h = b.mul(h, b.broadcast_in_dim(m, h.shape, (0,), hint="drop_b"), hint="dropped")
        y, _ = act_fwd(b, "relu", b.add(h, pr.compute(b, sc), hint="residual"))
        saved["y"] = y = pr.store(b, y)
    return y, saved


def basic_vjp(ctx: Ctx, p: BasicPlan, saved, dy: Value, need_dx: bool) -> Value | None:
    b, pr = ctx.b, ctx.prec
    with b.scope(p.name):
        dy = pr.compute(b, pr.store(b, dy))
        dp = act_vjp(b, ActSaved("relu", y=pr.compute(b, saved["y"])), dy)
        d_branch = dp
        if saved.get("drop") is not None:
            d_branch = drop_vjp(ctx, p, saved["drop"], dp)
    dh = convbn_vjp(ctx, p.conv2, saved["conv2"], d_branch)
    dx = convbn_vjp(ctx, p.conv1, saved["conv1"], dh, need_dx)
    d_sc = dp
    if p.down is not None:
        d_sc = convbn_vjp(ctx, p.down, saved["down"], dp, need_dx)
    if not need_dx:
        return None
    with b.scope(p.name):
        return b.add(dx, pr.compute(b, d_sc), hint="d_residual")


stage_lowering(basicBlock, basic_fwd, basic_vjp)
