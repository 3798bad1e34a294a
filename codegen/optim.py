"""Optimizer updates on the flat parameter buffer (math in netspec/state.py's docstring).

All state buffers are flat f32[n_params]; every scalar comes from the runtime ``hyper``
vector.  Coupled L2 decay (sgd, adam, rmsprop) is folded into each decayed tensor's gradient
before the flat gradient is assembled; adamw's decoupled decay uses ``decay_p`` (the
parameters, zero where the registry's decay flag is off).
"""

from __future__ import annotations

from .ir import Builder, Value


def apply(b: Builder, optimizer: str, p: Value, g: Value, state: list[Value], h: dict[str, Value],
          decay_p: Value | None):
    """-> (p', state')"""
    one = b.const(1.0, p.dtype)
    with b.scope(f"opt.{optimizer}"):
        if optimizer == "sgd":
            (buf,) = state
            mu = h["momentum"]
            buf2 = b.add(b.mul(buf, mu, hint="mu_buf"), g, hint="buf")
            # d = buf' + nesterov * (g + mu buf' - buf')
            nest = b.sub(b.add(g, b.mul(buf2, mu, hint="mu_buf2"), hint="g_mu_buf"), buf2, hint="nest_delta")
            d = b.add(buf2, b.mul(nest, h["nesterov"], hint="nest_on"), hint="direction")
            p2 = b.sub(p, b.mul(d, h["lr"], hint="step"), hint="p")
            return p2, [buf2]
        if optimizer in ("adam", "adamw"):
            m, v = state
            b1, b2 = h["beta1"], h["beta2"]
            m2 = b.add(b.mul(m, b1, hint="b1_m"), b.mul(g, b.sub(one, b1, hint="one_minus_b1"), hint="g_1mb1"), hint="m")
            v2 = b.add(b.mul(v, b2, hint="b2_v"),
                       b.mul(b.mul(g, g, hint="g2"), b.sub(one, b2, hint="one_minus_b2"), hint="g2_1mb2"), hint="v")
            m_hat = b.div(m2, h["bias_correction1"], hint="m_hat")
            v_hat = b.div(v2, h["bias_correction2"], hint="v_hat")
            d = b.div(m_hat, b.add(b.sqrt(v_hat, hint="sqrt_v_hat"), h["eps"], hint="denom"), hint="direction")
            if optimizer == "adamw":
                d = b.add(d, b.mul(decay_p, h["weight_decay"], hint="wd_p"), hint="direction_wd")
            p2 = b.sub(p, b.mul(d, h["lr"], hint="step"), hint="p")
            return p2, [m2, v2]
        if optimizer == "rmsprop":
            ms, mom = state
            rho = h["rms_decay"]
            ms2 = b.add(b.mul(ms, rho, hint="rho_ms"),
                        b.mul(b.mul(g, g, hint="g2"), b.sub(one, rho, hint="one_minus_rho"), hint="g2_1mrho"), hint="ms")
            scaled = b.mul(g, b.rsqrt(b.add(ms2, h["eps"], hint="ms_eps"), hint="rms_inv"), hint="g_scaled")
            mom2 = b.add(b.mul(mom, h["momentum"], hint="mu_mom"), b.mul(scaled, h["lr"], hint="lr_g"), hint="mom")
            return b.sub(p, mom2, hint="p"), [ms2, mom2]
    raise AssertionError(optimizer)
