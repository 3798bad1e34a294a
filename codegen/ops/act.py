"""Activations and their VJPs (z is the pre-activation, y = act(z)).

    relu     y = max(z, 0)             dz = dy * [z > 0]     = dy * [y > 0]
    relu6    y = min(max(z, 0), 6)     dz = dy * [0 < z < 6] = dy * [0 < y < 6]
                                       (no derivative at the kinks 0 and 6; the strict mask is
                                        PyTorch's choice)
    sigmoid  y = s = 1 / (1 + e^-z)    dz = dy * s * (1 - s)
    swish    y = z * s                 dz = dy * s * (1 + z * (1 - s))
    identity y = z                     dz = dy
The forward returns what the VJP needs: y for relu/relu6 (the masks read the output, which the
next layer keeps anyway, so the pre-activation need not stay live), z and s for swish, s for
sigmoid.  A caller that can recompute z (convBn does, from the BN input) passes
``ActSaved(kind, y=y)`` forward and rebuilds the swish/sigmoid record with ``act_saved``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, Value


@dataclass(frozen=True)
class ActSaved:
    kind: str
    z: Value | None = None      # pre-activation (swish)
    s: Value | None = None      # sigmoid(z) for swish / sigmoid
    y: Value | None = None      # the output (relu / relu6 masks)


def needs_preact(kind: str) -> bool:
    """Whether the VJP of ``kind`` reads the pre-activation (else the output y suffices)."""
    return kind in ("swish", "sigmoid")


def act_saved(b: Builder, kind: str, z: Value, y: Value) -> ActSaved:
    """The VJP record of ``kind`` from a (recomputed) pre-activation z and the output y."""
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
    raise AssertionError(k)
