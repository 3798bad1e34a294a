"""The training state and the runtime scalars of a train step: the tables the emitted
functions' ABI (``codegen.abi``), the session, checkpoints, the reference and the peers read.

``train_state(optimizer)`` is the ONE list of state buffers a training run carries between
steps — the parameters, each optimizer slot, the BN running statistics (room for EMA copies
and more: each is a row) — with its checkpoint key, its argument name in the emitted
functions, the flat space it lives in (``params``: f32[n_params] in registry order; ``bn``:
f32[n_bn_floats]) and how it starts.

Every per-step scalar is a runtime input, the ``hyper`` vector f32[len(HYPER)], so one
compiled module serves every schedule; the host fills it with ``hyper_vector``.  The
optimizer *kind* is compile-time (it decides how many state buffers exist).

Optimizer math (g is the gradient; decay applies only where the registry's decay flag is set):
  sgd      g += wd*p;  buf = mu*buf + g;  d = nesterov ? g + mu*buf : buf;  p -= lr*d
  adam     g += wd*p;  m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2;
           p -= lr * (m/bc1) / (sqrt(v/bc2) + eps)                (bc_i = 1 - b_i^t, from the host)
  adamw    as adam without the g += wd*p, then  p -= lr*wd*p_old  (decoupled, PyTorch AdamW)
  rmsprop  TF/EfficientNet form: g += wd*p;  ms = rho*ms + (1-rho)*g^2;
           mom = mu*mom + lr*g/sqrt(ms + eps);  p -= mom          (ms starts at 1, as TF's)
BatchNorm running stats (PyTorch): r = (1-bn_momentum)*r + bn_momentum*batch_stat, the variance
stat being the unbiased batch variance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HYPER = (
    "lr",               # learning rate of this step
    "weight_decay",     # L2 (coupled) or decoupled (adamw) coefficient
    "label_smoothing",  # epsilon of the smoothed targets
    "bn_momentum",      # PyTorch-style BN running-stat momentum
    "momentum",         # sgd / rmsprop momentum
    "nesterov",         # 0 or 1 (sgd)
    "beta1",
    "beta2",
    "eps",              # adam eps (outside sqrt) or rmsprop eps (inside sqrt)
    "bias_correction1", # 1 - beta1^t
    "bias_correction2", # 1 - beta2^t
    "rms_decay",        # rmsprop rho
)
HYPER_INDEX = {n: i for i, n in enumerate(HYPER)}

# optimizer -> names of its state buffers (each a flat f32[n_params]) and their initial value
OPT_STATE = {
    "sgd": (("momentum_buf", 0.0),),
    "adam": (("m", 0.0), ("v", 0.0)),
    "adamw": (("m", 0.0), ("v", 0.0)),
    "rmsprop": (("ms", 1.0), ("mom", 0.0)),
}


def hyper_vector(*, lr: float, step: int, optimizer: str, weight_decay: float = 0.0,
                 label_smoothing: float = 0.0, bn_momentum: float = 0.1, momentum: float = 0.9,
                 nesterov: bool = False, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float | None = None, rms_decay: float = 0.9) -> np.ndarray:
    """The hyper vector for 1-based optimizer step ``step``."""
    if eps is None:
        eps = 1e-3 if optimizer == "rmsprop" else 1e-8
    vals = dict(lr=lr, weight_decay=weight_decay, label_smoothing=label_smoothing,
                bn_momentum=bn_momentum, momentum=momentum, nesterov=float(bool(nesterov)),
                beta1=beta1, beta2=beta2, eps=eps,
                bias_correction1=1.0 - beta1 ** step, bias_correction2=1.0 - beta2 ** step,
                rms_decay=rms_decay)
    return np.array([vals[n] for n in HYPER], np.float32)


# --------------------------------------------------------------------------- training state
@dataclass(frozen=True)
class StateBuffer:
    """One flat buffer of the training state."""
    key: str            # checkpoint / session key: "params", "opt.m", "bn"
    arg: str            # its argument (and result) name in the emitted functions: "params", "m"
    space: str          # "params" (f32[n_params], registry layout) | "bn" (f32[n_bn_floats])
    role: str           # "params" | "opt" | "bn"
    fill: float | None  # initial constant, or None: from the registry (init_params / init_bn)


def train_state(optimizer: str | None) -> tuple[StateBuffer, ...]:
    """The state buffers of a training run in argument order (``optimizer=None``: inference,
    parameters and BN statistics only)."""
    opt = tuple(StateBuffer(f"opt.{n}", n, "params", "opt", float(v))
                for n, v in OPT_STATE.get(optimizer, ()))
    return (StateBuffer("params", "params", "params", "params", None), *opt,
            StateBuffer("bn", "bn", "bn", "bn", None))


def state_keys(optimizer: str | None) -> list[str]:
    """The names of a session's state buffers (and of a checkpoint's tensors)."""
    return [s.key for s in train_state(optimizer)]
