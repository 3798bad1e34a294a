"""The training state and the runtime scalars of a train step: the tables the emitted
functions' ABI (``codegen.abi``), the session, checkpoints, the reference and the peers read.

``train_state(optimizer)`` is the ONE list of state buffers a training run carries between
steps — the parameters, each optimizer slot, the BN running statistics and, with ``ema``, the
EMA copies of both (each a row) — with its checkpoint key, its argument name in the emitted
functions, the flat space it lives in (``params``: f32[n_params] in registry order; ``bn``:
f32[n_bn_floats]) and how it starts.

Every per-step scalar is a runtime input, the ``hyper`` vector (the rows of ``HYPER_TABLE``
that the module's features select, ``hyper_names``; ``HYPER`` without any), so one
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

Gradient clipping (``clip_grad``, PyTorch ``clip_grad_norm_`` on ``.grad``): applied to the LOSS
gradient g (after the data-parallel all-reduce, before the coupled ``g += wd*p`` above, which
torch's optimizers add inside ``step()``):
  norm = sqrt(sum g^2) over the whole flat gradient;  g *= min(1, max_grad_norm / (norm + 1e-6))
EMA of the weights (``ema``, timm ModelEmaV2, which treats the BN buffers alike), after the
optimizer:  ema = d*ema + (1-d)*p_new;  ema_bn = d*ema_bn + (1-d)*bn_new   (d: ``ema_decay``)
Freezing (``freeze``: a compile-time set F of parameter tensors, PyTorch ``requires_grad=False``
while hyper ``freeze_on`` = 1): a tensor of F gets no gradient, so with hold = F and freeze_on
  g = 0 where hold (before clipping: a frozen tensor is not in the global norm);
  p', each optimizer slot' = the old values where hold (bit-identical: a select, so no weight
  decay, no momentum / moment / mean-square decay either: torch's optimizers skip a parameter
  whose .grad is None);
  adam / adamw: the tensors of F use bias corrections thaw_bias_correction_i = 1 - b_i^(t - T)
  (T = the steps they were frozen), PyTorch's per-parameter step count, which starts at their
  first update; the others use bias_correction_i as always.
BatchNorm running statistics of frozen layers keep updating, as in PyTorch's train mode (a frozen
BN's gamma / beta do not move; its batch statistics are still used and still tracked).  The EMA
(timm ModelEmaV2) keeps averaging every tensor, frozen or not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The ONE table of runtime scalars: (name, feature, meaning).  Rows with feature None are in
#: every module's hyper vector, in this order (``HYPER``); a row with a feature (an
#: ``EmitOptions`` switch: ``clip_grad``, ``ema``, ``freeze``) exists only in a module emitted with that
#: feature on, after the base rows in table order (``hyper_names``).  So a module without the
#: feature has exactly the base vector (and the same text), and a base row's index is the same
#: in every module.
HYPER_TABLE = (
    ("lr", None, "learning rate of this step"),
    ("weight_decay", None, "L2 (coupled) or decoupled (adamw) coefficient"),
    ("label_smoothing", None, "epsilon of the smoothed targets"),
    ("bn_momentum", None, "PyTorch-style BN running-stat momentum"),
    ("momentum", None, "sgd / rmsprop momentum"),
    ("nesterov", None, "0 or 1 (sgd)"),
    ("beta1", None, "adam beta1"),
    ("beta2", None, "adam beta2"),
    ("eps", None, "adam eps (outside sqrt) or rmsprop eps (inside sqrt)"),
    ("bias_correction1", None, "1 - beta1^t"),
    ("bias_correction2", None, "1 - beta2^t"),
    ("rms_decay", None, "rmsprop rho"),
    ("max_grad_norm", "clip_grad", "global-norm gradient clipping threshold (TrainConfig.clip_grad_norm)"),
    ("ema_decay", "ema", "EMA decay d of this step (runtime.schedule.ema_decay_at)"),
    ("freeze_on", "freeze", "1 while the frozen tensors are frozen (the first freeze epochs), else 0"),
    ("thaw_bias_correction1", "freeze", "adam: 1 - beta1^(t - T) of the frozen tensors once thawed (T = frozen steps)"),
    ("thaw_bias_correction2", "freeze", "adam: 1 - beta2^(t - T) of the frozen tensors once thawed"),
)
#: The switches a hyper row may depend on (``hyper_names`` keywords).
HYPER_FEATURES = tuple(dict.fromkeys(f for _, f, _ in HYPER_TABLE if f is not None))


def hyper_names(**features: bool) -> tuple[str, ...]:
    """The hyper vector's entries of a module emitted with ``features`` on
    (``hyper_names(clip_grad=True, ema=False)``); no keyword: the base vector ``HYPER``."""
    unknown = set(features) - set(HYPER_FEATURES)
    if unknown:
        raise KeyError(f"unknown hyper features {sorted(unknown)}; known: {HYPER_FEATURES}")
    return tuple(n for n, f, _ in HYPER_TABLE if f is None or features.get(f))


HYPER = hyper_names()
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
                 eps: float | None = None, rms_decay: float = 0.9, max_grad_norm: float = 0.0,
                 ema_decay: float = 0.0, freeze_on: bool = False, thaw_step: int = 0,
                 names: tuple[str, ...] = HYPER) -> np.ndarray:
    """The hyper vector for 1-based optimizer step ``step``, entries ``names`` (a module's
    ``hyper_names(...)``; default the base vector).  ``freeze_on``: the frozen set is frozen at
    this step; ``thaw_step``: the 1-based count of the frozen tensors' own updates (their adam
    step), 0 while frozen (their bias corrections are then 1, unused)."""
    if eps is None:
        eps = 1e-3 if optimizer == "rmsprop" else 1e-8
    vals = dict(lr=lr, weight_decay=weight_decay, label_smoothing=label_smoothing,
                bn_momentum=bn_momentum, momentum=momentum, nesterov=float(bool(nesterov)),
                beta1=beta1, beta2=beta2, eps=eps,
                bias_correction1=1.0 - beta1 ** step, bias_correction2=1.0 - beta2 ** step,
                rms_decay=rms_decay, max_grad_norm=max_grad_norm, ema_decay=ema_decay,
                freeze_on=float(bool(freeze_on)),
                thaw_bias_correction1=1.0 - beta1 ** thaw_step if thaw_step > 0 else 1.0,
                thaw_bias_correction2=1.0 - beta2 ** thaw_step if thaw_step > 0 else 1.0)
    return np.array([vals[n] for n in names], np.float32)


# --------------------------------------------------------------------------- training state
@dataclass(frozen=True)
class StateBuffer:
    """One flat buffer of the training state."""
    key: str            # checkpoint / session key: "params", "opt.m", "bn"
    arg: str            # its argument (and result) name in the emitted functions: "params", "m"
    space: str          # "params" (f32[n_params], registry layout) | "bn" (f32[n_bn_floats])
    role: str           # "params" | "opt" | "bn"
    role: str           # "params" | "opt" | "bn" | "ema"
    fill: float | None  # initial constant, or None: from the registry (init_params / init_bn)
    copy_of: str | None = None  # starts as a copy of that row's initial value (fill unused)


#: The EMA rows (``train_state(..., ema=True)``): the EMA copy of the parameters and of the BN
#: running statistics, each starting as a copy of what it averages.
EMA_STATE = (StateBuffer("ema", "ema_params", "params", "ema", None, copy_of="params"),
             StateBuffer("ema.bn", "ema_bn", "bn", "ema", None, copy_of="bn"))


def train_state(optimizer: str | None, ema: bool = False) -> tuple[StateBuffer, ...]:
    """The state buffers of a training run in argument order (``optimizer=None``: inference,
    parameters and BN statistics only; ``ema``: the EMA rows after them)."""
    opt = tuple(StateBuffer(f"opt.{n}", n, "params", "opt", float(v))
                for n, v in OPT_STATE.get(optimizer, ()))
    return (StateBuffer("params", "params", "params", "params", None), *opt,
            StateBuffer("bn", "bn", "bn", "bn", None), *(EMA_STATE if ema else ()))


def state_keys(optimizer: str | None, ema: bool = False) -> list[str]:
    """The names of a session's state buffers (and of a checkpoint's tensors)."""
    return [s.key for s in train_state(optimizer, ema)]


def state_space(key: str) -> str | None:
    """The flat space ("params" | "bn") of a state key of any optimizer, or None if unknown."""
    for opt in (None, *OPT_STATE):
        for s in train_state(opt, ema=True):
            if s.key == key:
                return s.space
    return None
