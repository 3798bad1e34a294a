"""Softmax cross-entropy with label smoothing, mean over the batch.

targets t = (1 - eps) * y + eps / K, with y one-hot labels (hard) or given soft targets;
    logp = z - max(z) - log(sum exp(z - max(z)))
    loss = -sum_{b,k} t * logp / B
    dz   = (softmax(z) - t) / B            (sum_k t = 1)
correct = #{b : z[b, label_b] >= max_k z[b, k]}  (the label is the argmax of a soft target)
"""

from __future__ import annotations

from .ir import Builder, Value
from .ops.sums import row_sum, total_sum


def cross_entropy(b: Builder, logits: Value, labels: Value, eps: Value, soft: bool):
    """-> (loss f32[], correct i32[], d_logits)"""
    B, K = logits.shape
    dt = logits.dtype
    with b.scope("loss"):
        if soft:
            y = labels
            y_max = b.broadcast_in_dim(b.reduce(y, (1,), "maximum", hint="target_max"), (B, K), (0,), hint="target_max_b")
            is_label = b.compare("GE", y, y_max, hint="is_label")
        else:
            cls = b.iota((B, K), 1, "i32", hint="class")
            is_label = b.compare("EQ", cls, b.broadcast_in_dim(labels, (B, K), (0,), hint="label_b"), hint="is_label")
            y = b.convert(is_label, dt, hint="onehot")
        one = b.const(1.0, dt)
        t = b.add(b.mul(y, b.sub(one, eps, hint="one_minus_eps"), hint="t_main"),
                  b.mul(eps, b.const(1.0 / K, dt), hint="eps_over_k"), hint="target")
        z_max = b.reduce(logits, (1,), "maximum", hint="z_max")
        z_max_b = b.broadcast_in_dim(z_max, (B, K), (0,), hint="z_max_b")
        shifted = b.sub(logits, z_max_b, hint="shifted")
        lse = b.log(row_sum(b, b.exp(shifted, hint="exp"), "sum_exp"), hint="lse")
        logp = b.sub(shifted, b.broadcast_in_dim(lse, (B, K), (0,), hint="lse_b"), hint="logp")
        loss = b.mul(total_sum(b, b.mul(t, logp, hint="t_logp"), "sum_t_logp"),
                     b.const(-1.0 / B, dt), hint="loss")
        d_logits = b.mul(b.sub(b.exp(logp, hint="softmax"), t, hint="p_minus_t"), b.const(1.0 / B, dt),
                         hint="d_logits")
        picked = b.reduce(b.select(is_label, logits, b.full(-3.0e38, (B, K), dt, hint="very_neg"), hint="label_z"),
                          (1,), "maximum", hint="label_logit")
        hit = b.convert(b.compare("GE", picked, z_max, hint="hit"), "i32", hint="hit_i32")
        correct = b.reduce(hit, (0,), hint="correct")
    return loss, correct, d_logits
