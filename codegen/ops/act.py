"""Activations and their VJPs (z is the pre-activation, y = act(z)).

    relu     y = max(z, 0)             dz = dy * [z > 0]
    relu6    y = min(max(z, 0), 6)     dz = dy * [0 < z < 6]   (no derivative at the kinks 0 and 6;
                                                                 the strict mask is PyTorch's choice)
    sigmoid  y = s = 1 / (1 + e^-z)    dz = dy * s * (1 - s)
    swish    y = z * s                 dz = dy * s * (1 + z * (1 - s))
    identity y = z                     dz = dy
The forward returns what the VJP needs: z for relu/relu6/swish (plus s for swish), y for sigmoid.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, Value


@dataclass(frozen=True)
class ActSaved:
    kind: str
    z: Value | None = None
    s: Value | None = None      # sigmoid(z) for swish / sigmoid


def act_fwd(b: Builder, kind: str, z: Value, train: bool = True) -> tuple[Value, ActSaved]:
    if kind == "identity":
        return z, ActSaved(kind)
    if kind == "relu":
        return b.max(z, b.const(0.0, z.dtype), hint="relu"), ActSaved(kind, z)
    if kind == "relu6":
        y = b.min(b.max(z, b.const(0.0, z.dtype), hint="relu"), b.const(6.0, z.dtype), hint="relu6")
        return y, ActSaved(kind, z)
    if kind == "sigmoid":
        s = b.logistic(z, hint="sigmoid")
        return s, ActSaved(kind, None, s)
    if kind == "swish":
        s = b.logistic(z, hint="sigmoid")
        return b.mul(z, s, hint="swish"), ActSaved(kind, z, s)
    raise AssertionError(kind)


def act_vjp(b: Builder, saved: ActSaved, dy: Value) -> Value:
    k = saved.kind
    if k == "identity":
        return dy
    zero = b.const(0.0, dy.dtype)
    if k == "relu":
        return b.select(b.compare("GT", saved.z, zero, hint="relu_on"), dy, b.full(0.0, dy.shape, dy.dtype),
                        hint="d_relu")
    if k == "relu6":
        on = b.and_(b.compare("GT", saved.z, zero, hint="gt0"),
                    b.compare("LT", saved.z, b.const(6.0, dy.dtype), hint="lt6"), hint="relu6_on")
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
    raise AssertionError(k)
