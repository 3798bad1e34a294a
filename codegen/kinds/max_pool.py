"""maxPool (k x k windows, stride s, -inf padding p; ``netspec/kinds/max_pool.py``):

forward:  y = reduce_window_max(pad(x, -inf, p), k, s)          (one stablehlo.reduce_window)

vjp (explicit; IREE does not lower ``stablehlo.select_and_scatter``): each output's cotangent
goes to the FIRST maximum of its window in scan order, as PyTorch and JAX send it.  With xp the
-inf padded input, span = s*(Ho-1) + 1 and, for each window offset (u, v) in row-major order,
xs_uv = xp[u : u + span : s, v : v + span : s] (the element at offset (u, v) of every window,
shape (Ho, Wo)):

    rest = dy                                   the cotangent not yet placed
    for (u, v):  hit = [xs_uv == y]             (y is exactly one of its window's values)
                 c_uv = hit ? rest : 0;  rest = hit ? 0 : rest
                 dxp += pad(c_uv, low = (u, v), high = Hp - u - span, interior = s - 1)
    dx = dxp[p : p + H, p : p + W]

``rest`` makes a tie's later elements receive nothing; the interior padding puts c_uv[i, j] at
xp[s*i + u, s*j + v], and overlapping windows (s < k) add up there.  The pad rows never hit
(every window holds an element of x: p <= k // 2), and are cut off.  Kept for the backward:
x (the previous layer keeps it anyway) and y (the next layer's input).
"""

from __future__ import annotations

from netspec.kinds.max_pool import maxPool

from ..ir import Value
from .context import Ctx
from .registry import lowering


def _window(L, rank: int, k: int, s: int, p: int):
    window, strides, pads = [1] * rank, [1] * rank, [(0, 0)] * rank
    for a in L.spatial_axes:
        window[a], strides[a], pads[a] = k, s, (p, p)
    return window, strides, pads


def forward(ctx: Ctx, info, x: Value):
    b, L, pl = ctx.b, ctx.L, info.plan
    with b.scope(pl.name):
        window, strides, pads = _window(L, x.type.rank, pl.k, pl.stride, pl.pad)
        y = b.reduce_window(x, window, strides, pads, "maximum", hint="max")
    return y, (x, y)


def vjp(ctx: Ctx, info, saved, dy: Value, need_dx: bool):
    if not need_dx:
        return None
    b, L, pl = ctx.b, ctx.L, info.plan
    x, y = saved
    k, s, p = pl.k, pl.stride, pl.pad
    ah, aw = L.spatial_axes
    rank = x.type.rank
    with b.scope(pl.name):
        low, high = [0] * rank, [0] * rank
        low[ah] = low[aw] = high[ah] = high[aw] = p
        xp = b.pad(x, b.neg_inf(x.dtype), low, high, hint="x_pad") if p else x
        span = {a: s * (y.shape[a] - 1) + 1 for a in (ah, aw)}
        zeros = b.full(0.0, dy.shape, dy.dtype, hint="zeros")
        zero = b.const(0.0, dy.dtype)
        interior = [0] * rank
        interior[ah] = interior[aw] = s - 1
        rest, acc = dy, None
        offsets = [(u, v) for u in range(k) for v in range(k)]     # scan order: row-major
        for n, (u, v) in enumerate(offsets):
            start, limit, stride = [0] * rank, list(xp.shape), [1] * rank
            for a, o in ((ah, u), (aw, v)):
                start[a], limit[a], stride[a] = o, o + span[a], s
            xs = b.slice(xp, start, limit, stride, hint=f"x_{u}{v}")
            hit = b.compare("EQ", xs, y, hint=f"hit_{u}{v}")
            c = b.select(hit, rest, zeros, hint=f"d_{u}{v}")
            if n + 1 < len(offsets):
                rest = b.select(hit, zeros, rest, hint=f"rest_{u}{v}")
            lo, hi = [0] * rank, [0] * rank
            for a, o in ((ah, u), (aw, v)):
                lo[a], hi[a] = o, xp.shape[a] - o - span[a]
            spread = b.pad(c, zero, lo, hi, interior, hint=f"dxp_{u}{v}")
            acc = spread if acc is None else b.add(acc, spread, hint="dxp")
        if not p:
            return acc
        start, limit = [0] * rank, list(acc.shape)
        for a in (ah, aw):
            start[a], limit[a] = p, acc.shape[a] - p
        return b.slice(acc, start, limit, hint="d_x")


lowering(maxPool, forward, vjp)
