"""globalAvgPool, dropout and dense — the classifier head.

globalAvgPool   y[b, c] = sum_hw x[b, h, w, c] / P          dx = bcast(dy) / P
dropout (train) y = x * m,  m = [u >= rate] / (1 - rate)    dx = dy * m
                (u: the host's uniforms, columns of the ``rand`` input; eval: identity)
dense           z = x @ W + b,  y = act(z)                  dz = act'(dy); dW = x^T dz;
                                                            db = sum_b dz; dx = dz W^T
"""

from __future__ import annotations

from ..ir import Value
from ..ops.act import act_fwd, act_vjp
from .context import Ctx


class pool:
    @staticmethod
    def forward(ctx: Ctx, info, x: Value):
        b, L = ctx.b, ctx.L
        with b.scope(f"pool.{info.index}"):
            H, W = L.hw(x.shape)
            y = b.mul(b.reduce(x, L.spatial_axes, hint="sum_hw"), b.const(1.0 / (H * W), x.dtype), hint="mean")
        return y, x.shape

    @staticmethod
    def vjp(ctx: Ctx, info, x_shape, dy: Value, need_dx: bool):
        b, L = ctx.b, ctx.L
        with b.scope(f"pool.{info.index}"):
            H, W = L.hw(x_shape)
            d = b.mul(dy, b.const(1.0 / (H * W), dy.dtype), hint="d_mean")
            return b.broadcast_in_dim(d, x_shape, (0, L.channel_axis), hint="d_x")


class dropout:
    @staticmethod
    def forward(ctx: Ctx, info, x: Value):
        rate = info.layer.rate
        if not ctx.train or rate == 0.0:
            return x, None
        b = ctx.b
        with b.scope(f"dropout.{info.index}"):
            off, f = ctx.rand_offsets[info.index], x.shape[1]
            u = b.slice(ctx.rand, (0, off), (ctx.batch, off + f), hint="u")
            keep = b.compare("GE", u, b.const(rate, x.dtype), hint="keep")
            m = b.select(keep, b.full(1.0 / (1.0 - rate), x.shape, x.dtype, hint="inv_keep"),
                         b.full(0.0, x.shape, x.dtype, hint="zeros"), hint="mask")
            return b.mul(x, m, hint="dropped"), m

    @staticmethod
    def vjp(ctx: Ctx, info, m, dy: Value, need_dx: bool):
        if m is None:
            return dy
        with ctx.b.scope(f"dropout.{info.index}"):
            return ctx.b.mul(dy, m, hint="d_x")


class dense:
    @staticmethod
    def forward(ctx: Ctx, info, x: Value):
        p, b = info.plan, ctx.b
        with b.scope(p.name):
            z = b.add(b.dot_general(x, ctx.params[f"{p.name}.w"], ((1,), (0,)), hint="mm"),
                      b.broadcast_in_dim(ctx.params[f"{p.name}.b"], (ctx.batch, p.oc), (1,), hint="bias_b"),
                      hint="z")
            y, act_saved = act_fwd(b, p.act, z)
        return y, (x, act_saved)

    @staticmethod
    def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
        p, b = info.plan, ctx.b
        x, act_saved = saved
        with b.scope(p.name):
            dz = act_vjp(b, act_saved, dy)
            ctx.grad(f"{p.name}.w", b.dot_general(x, dz, ((0,), (0,)), hint="d_w"))
            ctx.grad(f"{p.name}.b", b.reduce(dz, (0,), hint="d_b"))
            if not need_dx:
                return None
            return b.dot_general(dz, ctx.params[f"{p.name}.w"], ((1,), (1,)), hint="d_x")
