"""BatchNorm over the batch and spatial axes, per channel c, N = B*H*W elements each.

Training forward:
    mean = sum(x) / N,   xc = x - mean,   var = sum(xc^2) / N          (biased)
    inv  = 1 / sqrt(var + eps),   xhat = xc * inv,   y = gamma * xhat + beta
Running statistics (PyTorch semantics, momentum m):
    r_mean' = (1 - m) r_mean + m mean,    r_var' = (1 - m) r_var + m var * N / (N - 1)
VJP (the three-term input gradient):
    dbeta  = sum(dy)
    dgamma = sum(dy * xhat)
    dx     = gamma * inv / N * (N dy - dbeta - xhat * dgamma)
Inference:  y = x * scale + shift,  scale = gamma / sqrt(r_var + eps),  shift = beta - r_mean * scale
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, Value
from ..layout import Layout


@dataclass(frozen=True)
class BNSaved:
    xhat: Value
    inv: Value        # [C]
    gamma: Value      # [C]
    n: int


def channel_sum(b: Builder, L: Layout, x: Value, hint: str) -> Value:
    """sum over batch and space per channel, as two reductions: space first ([B, C]), then batch.
    A single reduction over (b, h, w) of ``bcast([B, C]) * x`` is a "matvec-like" kernel that
    IREE 3.13's llvm-cpu backend fails to compile for C < 16 ('vector.contract' op invalid
    accumulator/result vector shape) — it happens when a BN directly precedes the pool."""
    return b.reduce(b.reduce(x, L.spatial_axes, hint=hint + "_hw"), (0,), hint=hint)


def _per_channel(b: Builder, L: Layout, v: Value, shape, hint) -> Value:
    return b.broadcast_in_dim(v, shape, (L.channel_axis,), hint=hint)


def bn_train_fwd(b: Builder, L: Layout, x: Value, gamma: Value, beta: Value, eps: float):
    """-> (y, saved, batch_mean, batch_var_biased)"""
    n = 1
    for a in L.stat_axes:
        n *= x.shape[a]
    inv_n = b.const(1.0 / n, x.dtype)
    mean = b.mul(channel_sum(b, L, x, "sum_x"), inv_n, hint="mean")
    xc = b.sub(x, _per_channel(b, L, mean, x.shape, "mean_b"), hint="xc")
    var = b.mul(channel_sum(b, L, b.mul(xc, xc, hint="xc2"), "sum_xc2"), inv_n, hint="var")
    inv = b.rsqrt(b.add(var, b.const(eps, x.dtype), hint="var_eps"), hint="inv_std")
    xhat = b.mul(xc, _per_channel(b, L, inv, x.shape, "inv_std_b"), hint="xhat")
    y = b.add(b.mul(xhat, _per_channel(b, L, gamma, x.shape, "gamma_b"), hint="scaled"),
              _per_channel(b, L, beta, x.shape, "beta_b"), hint="bn")
    return y, BNSaved(xhat, inv, gamma, n), mean, var


def bn_running_update(b: Builder, r_mean: Value, r_var: Value, mean: Value, var: Value, n: int,
                      momentum: Value) -> tuple[Value, Value]:
    one_m = b.sub(b.const(1.0, mean.dtype), momentum, hint="one_minus_momentum")
    unbiased = b.mul(var, b.const(n / max(n - 1, 1), var.dtype), hint="var_unbiased")
    new_mean = b.add(b.mul(r_mean, one_m, hint="rm_keep"), b.mul(mean, momentum, hint="rm_new"), hint="running_mean")
    new_var = b.add(b.mul(r_var, one_m, hint="rv_keep"), b.mul(unbiased, momentum, hint="rv_new"), hint="running_var")
    return new_mean, new_var


def bn_vjp(b: Builder, L: Layout, s: BNSaved, dy: Value):
    """-> (dx, dgamma, dbeta)"""
    dbeta = channel_sum(b, L, dy, "d_beta")
    dgamma = channel_sum(b, L, b.mul(dy, s.xhat, hint="dy_xhat"), "d_gamma")
    k = b.mul(b.mul(s.gamma, s.inv, hint="gamma_inv"), b.const(1.0 / s.n, dy.dtype), hint="gamma_inv_n")
    t = b.sub(b.sub(b.mul(dy, b.const(float(s.n), dy.dtype), hint="n_dy"),
                    _per_channel(b, L, dbeta, dy.shape, "d_beta_b"), hint="t1"),
              b.mul(s.xhat, _per_channel(b, L, dgamma, dy.shape, "d_gamma_b"), hint="xhat_dgamma"), hint="t2")
    dx = b.mul(t, _per_channel(b, L, k, dy.shape, "k_b"), hint="d_x")
    return dx, dgamma, dbeta


def bn_infer(b: Builder, L: Layout, x: Value, gamma: Value, beta: Value, r_mean: Value, r_var: Value,
             eps: float) -> Value:
    scale = b.mul(gamma, b.rsqrt(b.add(r_var, b.const(eps, x.dtype), hint="var_eps"), hint="inv_std"),
                  hint="scale")
    shift = b.sub(beta, b.mul(r_mean, scale, hint="mean_scale"), hint="shift")
    return b.add(b.mul(x, _per_channel(b, L, scale, x.shape, "scale_b"), hint="scaled"),
                 _per_channel(b, L, shift, x.shape, "shift_b"), hint="bn")
