"""Activations and their VJPs (z is the pre-activation, y = act(z)).

    relu     y = max(z, 0)             dz = dy * [z > 0]     = dy * [y > 0]
    relu6    y = min(max(z, 0), 6)     dz = dy * [0 < z < 6] = dy * [0 < y < 6]
                                       (no derivative at the kinks 0 and 6; the strict mask is
                                        PyTorch's choice)
    sigmoid  y = s = 1 / (1 + e^-z)    dz = dy * s * (1 - s)
    swish    y = z * s                 dz = dy * s * (1 + z * (1 - s))
    identity y = z                     dz = dy
    hsigmoid y = min(max(z + 3, 0), 6) / 6                       (PyTorch's Hardsigmoid)
                                       dz = dy * [-3 < z < 3] / 6
    hswish   y = z * min(max(z + 3, 0), 6) / 6                   (PyTorch's Hardswish)
                                       dz = dy * (0          if z <= -3,
                                                  z/3 + 1/2  if -3 < z < 3,
                                                  1          if z >= 3)
                                       (one-sided choices at the kinks -3 and 3 are PyTorch's
                                        hardswish_backward / hardsigmoid_backward; the float64
                                        reference makes the same ones: ``netspec.kinds.conv_bn``)
The forward returns what the VJP needs: y for relu/relu6 (the masks read the output, which the
next layer keeps anyway, so the pre-activation need not stay live), z and s for swish, s for
sigmoid, z for hswish / hsigmoid (their masks read z: a mask on y would misplace the kink 3,
where z + 3 rounds to 6 within an ulp of z = 3).  A caller that can recompute z (convBn does,
from the BN input) passes ``ActSaved(kind, y=y)`` forward and rebuilds the swish / sigmoid /
hswish / hsigmoid record with ``act_saved``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, Value


@dataclass(frozen=True)
class ActSaved:
    kind: str
    z: Value | None = None      # pre-activation (swish, hswish, hsigmoid)
    s: Value | None = None      # sigmoid(z) for swish / sigmoid
    y: Value | None = None      # the output (relu / relu6 masks)


def needs_preact(kind: str) -> bool:
    """Whether the VJP of ``kind`` reads the pre-activation (else the output y suffices)."""
    return kind in ("swish", "sigmoid", "hswish", "hsigmoid")


def act_saved(b: Builder, kind: str, z: Value, y: Value) -> ActSaved:
    """The VJP record of ``kind`` from a (recomputed) pre-activation z and the output y."""
    if kind in ("hswish", "hsigmoid"):
        return ActSaved(kind, z, None, y)
    if needs_preact(kind):
        return ActSaved(kind, z, b.logistic(z, hint="sigmoid_r"), y)
    return ActSaved(kind, None, None, y)


def act_fwd(b: Builder, kind: str, z: Value, train: bool = True) -> tuple[Value, ActSaved]:
    if kind == "identity":
        return z, ActSaved(kind)
    if kind == "relu":
        y = b.max(z, b.const(0.0, z.dtype), hint="relu")
        return y, ActSaved(kind, y=y)
    if kind == "relu6":
        y = b.min(b.max(z, b.const(0.0, z.dtype), hint="relu"), b.const(6.0, z.dtype), hint="relu6")
        return y, ActSaved(kind, y=y)
    if kind == "sigmoid":
        s = b.logistic(z, hint="sigmoid")
        return s, ActSaved(kind, None, s, s)
    if kind == "swish":
        s = b.logistic(z, hint="sigmoid")
        y = b.mul(z, s, hint="swish")
        return y, ActSaved(kind, z, s, y)
    if kind in ("hsigmoid", "hswish"):
        dt = z.dtype
        c = b.min(b.max(b.add(z, b.const(3.0, dt), hint="plus3"), b.const(0.0, dt), hint="relu_p3"),
                  b.const(6.0, dt), hint="relu6_p3")
        if kind == "hsigmoid":
            y = b.div(c, b.const(6.0, dt), hint="hsigmoid")
        else:
            y = b.div(b.mul(z, c, hint="z_relu6_p3"), b.const(6.0, dt), hint="hswish")
        return y, ActSaved(kind, z=z, y=y)
    raise AssertionError(kind)


def act_vjp(b: Builder, saved: ActSaved, dy: Value) -> Value:
    k = saved.kind
    if k == "identity":
        return dy
    zero = b.const(0.0, dy.dtype)
    if k == "relu":
        return b.select(b.compare("GT", saved.y, zero, hint="relu_on"), dy, b.full(0.0, dy.shape, dy.dtype),
                        hint="d_relu")
    if k == "relu6":
        on = b.and_(b.compare("GT", saved.y, zero, hint="gt0"),
                    b.compare("LT", saved.y, b.const(6.0, dy.dtype), hint="lt6"), hint="relu6_on")
        return b.select(on, dy, b.full(0.0, dy.shape, dy.dtype), hint="d_relu6")
    one = b.const(1.0, dy.dtype)
    s = saved.s
    if k == "sigmoid":
        return b.mul(dy, b.mul(s, b.sub(one, s, hint="one_minus_s"), hint="dsigmoid"), hint="d_sigmoid")
    if k == "swish":
        # s * (1 + z * (1 - s))
        deriv = b.mul(s, b.add(one, b.mul(saved.z, b.sub(one, s, hint="one_minus_s"), hint="z_1ms"),
                               hint="one_plus"), hint="dswish")
        return b.mul(dy, deriv, hint="d_swish")
    z, dt = saved.z, dy.dtype
    zeros = b.full(0.0, dy.shape, dt, hint="zeros")
    if k == "hsigmoid":
        on = b.and_(b.compare("GT", z, b.const(-3.0, dt), hint="gt_m3"),
                    b.compare("LT", z, b.const(3.0, dt), hint="lt3"), hint="hsigmoid_on")
        return b.select(on, b.div(dy, b.const(6.0, dt), hint="dy_6"), zeros, hint="d_hsigmoid")
    if k == "hswish":
        # 0 up to -3, z/3 + 1/2 on the open (-3, 3), 1 from 3 on
        mid = b.add(b.div(z, b.const(3.0, dt), hint="z_3"), b.const(0.5, dt), hint="dhswish_mid")
        deriv = b.select(b.compare("LT", z, b.const(3.0, dt), hint="lt3"), mid,
                         b.full(1.0, dy.shape, dt, hint="ones"), hint="dhswish_hi")
        deriv = b.select(b.compare("LE", z, b.const(-3.0, dt), hint="le_m3"), zeros, deriv,
                         hint="dhswish")
        return b.mul(dy, deriv, hint="d_hswish")
    raise AssertionError(k)
