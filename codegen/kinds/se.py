"""Squeeze-excitation: y = h * g(h), a product rule.

forward (h: [B, H, W, C] in the layout, P = H*W; act = swish, gate = sigmoid for EfficientNet,
act = relu, gate = hsigmoid for MobileNetV3 — ``SEPlan.act`` / ``SEPlan.gate``):
    s  = sum_hw(h) / P                     [B, C]    squeeze
    z1 = s @ W1 + b1,  a1 = act(z1)        [B, se]   reduce
    z2 = a1 @ W2 + b2, g = gate(z2)        [B, C]    expand + gate
    y  = h * bcast(g)
vjp — BOTH terms of the product rule:
    dh_gate_weighted = dy * bcast(g)                   (the term a naive generator stops at)
    dg  = sum_hw(dy * h)                               (adjoint of the broadcast)
    dz2 = gate'(dg):  sigmoid: dg * g (1 - g);  hsigmoid: dg * [-3 < z2 < 3] / 6  (ops/act.py)
    dW2 = a1^T dz2;  db2 = sum_b dz2
    da1 = dz2 W2^T;          dz1 = act'(z1) da1
    dW1 = s^T dz1;           db1 = sum_b dz1;  ds = dz1 W1^T
    dh  = dh_gate_weighted + bcast(ds) / P             (back through the squeeze)
Precision (``ctx.prec``): h is read in f32 (the squeeze is an f32 mean), the four matmuls are
"dense" contractions, the output y is stored in the activation type and dy is rounded to it
on entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec.kinds.blocks import SEPlan

from ..ir import Value
from ..ops.act import ActSaved, act_fwd, act_vjp
from ..ops.sums import spatial_sum
from .context import Ctx


@dataclass(frozen=True)
class SESaved:
    h: Value
    s: Value
    a1: Value
    swish: ActSaved
    g: Value
    g_b: Value
    gate: ActSaved | None = None    # the gate's VJP record (None: sigmoid, from g)


def se_fwd(ctx: Ctx, p: SEPlan, h: Value):
    b, L = ctx.b, ctx.L
    w1, b1 = ctx.params[p.reduce_w], ctx.params[p.reduce_b]
    w2, b2 = ctx.params[p.expand_w], ctx.params[p.expand_b]
    pr = ctx.prec
    acc = pr.accumulate("dense")
    with b.scope(p.name):
        H, W = L.hw(h.shape)
        h_stored, h = h, pr.compute(b, h)
        s = b.mul(spatial_sum(b, L, h, "sum_hw"), b.const(1.0 / (H * W), h.dtype), hint="squeeze")
        z1 = b.add(b.dot_general(*pr.operands(b, "dense", s, w1), ((1,), (0,)), hint="reduce_mm", out_dtype=acc),
                   b.broadcast_in_dim(b1, (ctx.batch, p.se), (1,), hint="reduce_b_b"), hint="reduce_z")
        a1, swish_saved = act_fwd(b, p.act, z1)
        z2 = b.add(b.dot_general(*pr.operands(b, "dense", a1, w2), ((1,), (0,)), hint="expand_mm",
                                 out_dtype=acc),
                   b.broadcast_in_dim(b2, (ctx.batch, p.c), (1,), hint="expand_b_b"), hint="expand_z")
        if p.gate == "sigmoid":
            g, gate_saved = b.logistic(z2, hint="gate"), None
        else:
            g, gate_saved = act_fwd(b, p.gate, z2)
        g_b = b.broadcast_in_dim(g, h.shape, (0, L.channel_axis), hint="gate_b")
        y = pr.store(b, b.mul(h, g_b, hint="excited"))
    return y, SESaved(h_stored, s, a1, swish_saved, g, g_b, gate_saved)


def se_vjp(ctx: Ctx, p: SEPlan, sv: SESaved, dy: Value) -> Value:
    b, L = ctx.b, ctx.L
    w1, w2 = ctx.params[p.reduce_w], ctx.params[p.expand_w]
    pr = ctx.prec
    acc = pr.accumulate("dense")
    with b.scope(p.name):
        dy = pr.compute(b, pr.store(b, dy))
        dh_gated = b.mul(dy, sv.g_b, hint="d_h_gated")
        dg = spatial_sum(b, L, b.mul(dy, pr.compute(b, sv.h), hint="dy_h"), "d_gate")
        if sv.gate is None:
            one = b.const(1.0, dy.dtype)
            dz2 = b.mul(dg, b.mul(sv.g, b.sub(one, sv.g, hint="one_minus_g"), hint="dsigmoid"),
                        hint="d_expand_z")
        else:
            dz2 = act_vjp(b, sv.gate, dg)
        a1c, dz2c, w2c = pr.operands(b, "dense", sv.a1, dz2, w2)
        ctx.grad(p.expand_w, b.dot_general(a1c, dz2c, ((0,), (0,)), hint="d_expand_w", out_dtype=acc))
        ctx.grad(p.expand_b, b.reduce(dz2, (0,), hint="d_expand_b"))
        da1 = b.dot_general(dz2c, w2c, ((1,), (1,)), hint="d_a1", out_dtype=acc)
        dz1 = act_vjp(b, sv.swish, da1)
        sc, dz1c, w1c = pr.operands(b, "dense", sv.s, dz1, w1)
        ctx.grad(p.reduce_w, b.dot_general(sc, dz1c, ((0,), (0,)), hint="d_reduce_w", out_dtype=acc))
        ctx.grad(p.reduce_b, b.reduce(dz1, (0,), hint="d_reduce_b"))
        ds = b.dot_general(dz1c, w1c, ((1,), (1,)), hint="d_squeeze", out_dtype=acc)
        H, W = L.hw(dy.shape)
        ds_b = b.broadcast_in_dim(b.mul(ds, b.const(1.0 / (H * W), dy.dtype), hint="d_squeeze_p"),
                                  dy.shape, (0, L.channel_axis), hint="d_squeeze_b")
        return b.add(dh_gated, ds_b, hint="d_h")
