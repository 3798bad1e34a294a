"""BatchNorm over the batch and spatial axes, per channel c, N = B*H*W elements each.

Training forward:
    mean = sum(z) / N,   var = sum((z - mean)^2) / N          (biased; two passes)
    inv  = 1 / sqrt(var + eps),   xhat = (z - mean) * inv,   u = gamma * xhat + beta
  emitted as  u = z * scale + shift,  scale = gamma * inv,  shift = beta - mean * scale:
  one multiply-add per element, and (z - mean) is consumed only by the variance's reduction,
  so no full-size tensor besides u itself is written.
Running statistics (PyTorch semantics, momentum m):
    r_mean' = (1 - m) r_mean + m mean,    r_var' = (1 - m) r_var + m var * N / (N - 1)
VJP (the three-term input gradient):
    dbeta  = sum(du)
    dgamma = sum(du * xhat)
    dz     = gamma * inv / N * (N du - dbeta - xhat * dgamma)
What the backward keeps from the forward: z (the conv output, written anyway) and the
per-channel mean and inv.  It RECOMPUTES xhat = z * inv - mean * inv (and the pre-activation
u = gamma * xhat + beta where an activation's VJP needs it) instead of keeping them live from
the forward: elementwise work is cheap next to writing and re-reading full-size tensors.  The
recomputation is written in a different form from the forward's expressions on purpose, so that
common-subexpression elimination cannot fold it back into a saved tensor.  dbeta and dgamma
come from one two-operand reduction (one pass over du and xhat).
Synchronised BatchNorm (``sync=True``, a module of R replicas, each with its own B/R samples):
    the statistics are over all R * N elements: sum(z) and sum((z - mean)^2) are all-reduced
    (summed over the replicas) before dividing by R * N, and in the VJP the two channel sums
    that form dz's means (dbeta, dgamma) are all-reduced the same way; the *local* dbeta and
    dgamma are what the layer returns as its parameter gradients, since the train step's
    gradient all-reduce sums (and averages) them.  With every replica's cotangent at its local
    scale (d(loss_r)/du), dz is R times the true d(mean_r loss_r)/dz, as every other local
    gradient of the step, and the final average over replicas makes each parameter gradient
    exact.  Without ``sync`` each replica normalises over its own samples (PyTorch DDP).
Inference:  u = z * scale + shift,  scale = gamma / sqrt(r_var + eps),  shift = beta - r_mean * scale
Precision: BN computes in the dtype of its parameters; z may be stored narrower (bf16 in the
bf16 mode of ``codegen.precision``) and is read converted, in the forward and the backward.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, Value
from ..layout import Layout
from .sums import channel_sum, channel_sums


@dataclass(frozen=True)
class BNSaved:
    z: Value          # the BN input (the conv output): the one full-size tensor kept
    mean: Value       # [C] batch mean
    inv: Value        # [C] 1 / sqrt(var + eps)
    gamma: Value      # [C]
    beta: Value       # [C]
    n: int


def _per_channel(b: Builder, L: Layout, v: Value, shape, hint) -> Value:
    return b.broadcast_in_dim(v, shape, (L.channel_axis,), hint=hint)


def _replica_sum(b: Builder, v: Value, sync: bool, hint: str) -> Value:
    """``v`` summed over the replicas (sync BN), or ``v`` itself."""
    return b.all_reduce([v], [hint])[0] if sync else v


def bn_train_fwd(b: Builder, L: Layout, z: Value, gamma: Value, beta: Value, eps: float,
                 sync: bool = False):
    """-> (u, saved, batch_mean, batch_var_biased).  ``sync``: statistics over all replicas.
    ``z`` as stored (it is what ``saved`` keeps); the statistics use it in gamma's dtype."""
    z_stored, z = z, b.cast(z, gamma.dtype, hint="z_read")
    n = b.num_replicas if sync else 1
    for a in L.stat_axes:
        n *= z.shape[a]
    inv_n = b.const(1.0 / n, z.dtype)
    mean = b.mul(_replica_sum(b, channel_sum(b, L, z, "sum_x"), sync, "sum_x_all"), inv_n, hint="mean")
    xc = b.sub(z, _per_channel(b, L, mean, z.shape, "mean_b"), hint="xc")
    var = b.mul(_replica_sum(b, channel_sum(b, L, b.mul(xc, xc, hint="xc2"), "sum_xc2"), sync, "sum_xc2_all"),
                inv_n, hint="var")
    inv = b.rsqrt(b.add(var, b.const(eps, z.dtype), hint="var_eps"), hint="inv_std")
    scale = b.mul(gamma, inv, hint="scale")
    shift = b.sub(beta, b.mul(mean, scale, hint="mean_scale"), hint="shift")
    u = b.add(b.mul(z, _per_channel(b, L, scale, z.shape, "scale_b"), hint="scaled"),
              _per_channel(b, L, shift, z.shape, "shift_b"), hint="bn")
    return u, BNSaved(z_stored, mean, inv, gamma, beta, n), mean, var


def bn_xhat(b: Builder, L: Layout, s: BNSaved) -> Value:
    """The backward's xhat = z * inv - mean * inv, recomputed from z."""
    mean_inv = b.mul(s.mean, s.inv, hint="mean_inv")
    z = b.cast(s.z, s.inv.dtype, hint="z_read")
    return b.sub(b.mul(z, _per_channel(b, L, s.inv, s.z.shape, "inv_b"), hint="z_inv"),
                 _per_channel(b, L, mean_inv, s.z.shape, "mean_inv_b"), hint="xhat")


def bn_preact(b: Builder, L: Layout, s: BNSaved, xhat: Value) -> Value:
    """The backward's u = gamma * xhat + beta (for an activation VJP that needs it)."""
    return b.add(b.mul(xhat, _per_channel(b, L, s.gamma, xhat.shape, "gamma_b"), hint="gamma_xhat"),
                 _per_channel(b, L, s.beta, xhat.shape, "beta_b"), hint="u")


def bn_running_update(b: Builder, r_mean: Value, r_var: Value, mean: Value, var: Value, n: int,
                      momentum: Value) -> tuple[Value, Value]:
    one_m = b.sub(b.const(1.0, mean.dtype), momentum, hint="one_minus_momentum")
    unbiased = b.mul(var, b.const(n / max(n - 1, 1), var.dtype), hint="var_unbiased")
    new_mean = b.add(b.mul(r_mean, one_m, hint="rm_keep"), b.mul(mean, momentum, hint="rm_new"), hint="running_mean")
    new_var = b.add(b.mul(r_var, one_m, hint="rv_keep"), b.mul(unbiased, momentum, hint="rv_new"), hint="running_var")
    return new_mean, new_var


def bn_vjp(b: Builder, L: Layout, s: BNSaved, du: Value, xhat: Value | None = None,
           sync: bool = False):
    """-> (dz, dgamma, dbeta).  ``xhat``: from ``bn_xhat`` when the caller already has it.
    ``sync``: the forward's statistics were over all replicas (dgamma, dbeta stay local)."""
    if xhat is None:
        xhat = bn_xhat(b, L, s)
    dbeta, dgamma = channel_sums(b, L, [du, b.mul(du, xhat, hint="du_xhat")], ["d_beta", "d_gamma"])
    sb, sg = b.all_reduce([dbeta, dgamma], ["d_beta_all", "d_gamma_all"]) if sync else (dbeta, dgamma)
    k = b.mul(b.mul(s.gamma, s.inv, hint="gamma_inv"), b.const(1.0 / s.n, du.dtype), hint="gamma_inv_n")
    t = b.sub(b.sub(b.mul(du, b.const(float(s.n), du.dtype), hint="n_du"),
                    _per_channel(b, L, sb, du.shape, "d_beta_b"), hint="t1"),
              b.mul(xhat, _per_channel(b, L, sg, du.shape, "d_gamma_b"), hint="xhat_dgamma"), hint="t2")
    dz = b.mul(t, _per_channel(b, L, k, du.shape, "k_b"), hint="d_z")
    return dz, dgamma, dbeta


def bn_infer(b: Builder, L: Layout, x: Value, gamma: Value, beta: Value, r_mean: Value, r_var: Value,
             eps: float) -> Value:
    x = b.cast(x, gamma.dtype, hint="z_read")
    scale = b.mul(gamma, b.rsqrt(b.add(r_var, b.const(eps, x.dtype), hint="var_eps"), hint="inv_std"),
                  hint="scale")
    shift = b.sub(beta, b.mul(r_mean, scale, hint="mean_scale"), hint="shift")
    return b.add(b.mul(x, _per_channel(b, L, scale, x.shape, "scale_b"), hint="scaled"),
                 _per_channel(b, L, shift, x.shape, "shift_b"), hint="bn")
