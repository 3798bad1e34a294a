"""convBn: convolution (no bias) -> BatchNorm -> activation; also the expand / depthwise /
project stages of inverted-residual and MBConv blocks.

forward:  z = conv(x, w);  u = BN(z);  y = act(u)
vjp:      du = act'(dy);  (dz, dgamma, dbeta) = BN'(du);  dw = conv_dw(x, dz);  dx = conv_dx(dz, w)

Kept for the backward: x (the conv input, for dw), z (the BN input) with BN's per-channel
mean / inv, and y.  xhat and u are recomputed from z in the backward (``ops/bn.py``), so the
forward writes two full-size tensors per convBn (z and y) instead of six.

Precision (``ctx.prec``): the convolutions cast per the policy; z and y are stored in the
activation type (bf16 in mode bf16), and the cotangent dy is rounded to it on entry (the
mirror of the forward's rounding of y); BN and the activation compute in f32.
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec.kinds.conv_bn import ConvBnPlan, convBn

from ..ir import Value
from ..ops.act import ActSaved, act_fwd, act_saved, act_vjp, needs_preact
from ..ops.bn import BNSaved, bn_infer, bn_preact, bn_running_update, bn_train_fwd, bn_vjp, bn_xhat
from ..ops.conv import ConvGeom, conv_dw, conv_dx, conv_fwd
from .context import Ctx
from .registry import lowering


@dataclass(frozen=True)
class ConvBnSaved:
    x: Value           # conv input (for the weight gradient)
    bn: BNSaved
    act: ActSaved      # the output only; the VJP record is rebuilt from the recomputed u


def geom(p: ConvBnPlan, L, x_shape) -> ConvGeom:
    """The convolution's geometry for its input of ``x_shape`` (layout ``L``): the padding of
    each side from the plan (``ConvBnPlan.pads``; 'tf_same' depends on the input extent)."""
    pad_h, pad_w = p.pads(*L.hw(x_shape))
    return ConvGeom(p.k, p.stride, pad_h, pad_w, p.groups)


def convbn_fwd(ctx: Ctx, p: ConvBnPlan, x: Value):
    b, L, pr = ctx.b, ctx.L, ctx.prec
    with b.scope(p.name):
        z = pr.store(b, conv_fwd(b, L, x, ctx.params[p.w], geom(p, L, x.shape), prec=pr))
        gamma, beta = ctx.params[p.gamma], ctx.params[p.beta]
        r_mean, r_var = ctx.bn_running[p.bn]
        if not ctx.train:
            y, _ = act_fwd(b, p.act, bn_infer(b, L, z, gamma, beta, r_mean, r_var, ctx.bn_eps), train=False)
            return pr.store(b, y), None
        u, bn_saved, mean, var = bn_train_fwd(b, L, z, gamma, beta, ctx.bn_eps, sync=ctx.sync_bn)
        ctx.bn_updated[p.bn] = bn_running_update(b, r_mean, r_var, mean, var, bn_saved.n,
                                                           ctx.bn_momentum)
        y, _ = act_fwd(b, p.act, u)
        y = pr.store(b, y)
        return y, ConvBnSaved(x, bn_saved, ActSaved(p.act, y=y))


def convbn_vjp(ctx: Ctx, p: ConvBnPlan, s: ConvBnSaved, dy: Value, need_dx: bool = True):
    b, L, pr = ctx.b, ctx.L, ctx.prec
    with b.scope(p.name):
        dy = pr.compute(b, pr.store(b, dy))
        xhat = bn_xhat(b, L, s.bn)
        u = bn_preact(b, L, s.bn, xhat) if needs_preact(p.act) else None
        du = act_vjp(b, act_saved(b, p.act, u, pr.compute(b, s.act.y)), dy)
        dz, dgamma, dbeta = bn_vjp(b, L, s.bn, du, xhat, sync=ctx.sync_bn)
        ctx.grad(p.gamma, dgamma)
        ctx.grad(p.beta, dbeta)
        g = geom(p, L, s.x.shape)
        ctx.grad(p.w, conv_dw(b, L, s.x, dz, g, prec=pr, chunk=ctx.dw_chunk))
        if not need_dx:
            return None
        return conv_dx(b, L, dz, ctx.params[p.w], s.x.shape, g, prec=pr)


# -- the convBn layer kind ---------------------------------------------------------------
def forward(ctx: Ctx, info, x: Value):
    return convbn_fwd(ctx, info.plan, x)


def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
    return convbn_vjp(ctx, info.plan, saved, dy, need_dx)


lowering(convBn, forward, vjp)
