"""Learning-rate schedules, computed on the host and passed to the module as the ``lr`` slot of
the runtime ``hyper`` vector (one compiled module serves every schedule).

Let s be the 0-based global step, S the steps per epoch, E the epochs, W = warmup_epochs * S
warmup steps, lr0 the base learning rate and e = s / S the (fractional) epoch:

  warmup (s < W)   lr = lr0 * (s + 1) / W                       linear, never exactly 0
  cosine           lr = lr0 * 0.5 * (1 + cos(pi * (s - W) / (E*S - W)))
  step             lr = lr0 * gamma ** floor(e / step_size_epochs)
  exponential      lr = lr0 * gamma ** e                         (smooth per-step decay)
  constant         lr = lr0

The schedule after warmup starts where warmup ends (cosine is measured from W, step and
exponential from epoch 0, so warmup only replaces their first W steps).

EMA decay (``ema``; the ``ema_decay`` slot): with t = s + 1 the number of optimizer steps done
once step s is applied (t = 1 after the first step; TF's ``num_updates = global_step`` read
after ``apply_gradients``, as in the EfficientNet recipe)

  ema_warmup off   d = ema_decay
  ema_warmup on    d = min(ema_decay, (1 + t) / (10 + t))     (TF ExponentialMovingAverage)

Gradient clipping (``clip_grad_norm`` > 0): the ``max_grad_norm`` slot is clip_grad_norm.
"""

from __future__ import annotations

import math

from netspec.state import hyper_names, hyper_vector
from netspec.spec import TrainConfig


def ema_decay_at(config: TrainConfig, step: int) -> float:
    """The EMA decay of 0-based global step ``step`` (optimizer step t = step + 1)."""
    d = float(config.ema_decay)
    if config.ema_warmup:
        t = int(step) + 1
        d = min(d, (1.0 + t) / (10.0 + t))
    return d


def config_hyper_names(config: TrainConfig, freeze: bool = False) -> tuple[str, ...]:
    """The hyper entries of the train step built for ``config`` (``netspec.state.hyper_names``;
    ``freeze``: the module has a frozen set, ``--freeze``)."""
    return hyper_names(clip_grad=config.clip_grad_norm > 0, ema=bool(config.ema),
                       freeze=bool(freeze))


def lr_at(config: TrainConfig, step: int, steps_per_epoch: int) -> float:
    """The learning rate of 0-based global step ``step``."""
    lr0 = float(config.learning_rate)
    s, S = int(step), max(1, int(steps_per_epoch))
    warm = int(round(config.warmup_epochs * S))
    if s < warm:
        return lr0 * (s + 1) / warm
    kind = config.schedule
    if kind == "cosine":
        total = config.epochs * S
        span = max(1, total - warm)
        t = min(1.0, (s - warm) / span)
        return lr0 * 0.5 * (1.0 + math.cos(math.pi * t))
    if kind == "step":
        return lr0 * config.gamma ** math.floor(s / S / config.step_size_epochs)
    if kind == "exponential":
        return lr0 * config.gamma ** (s / S)
    return lr0


def hyper_for_step(config: TrainConfig, spec, step: int, steps_per_epoch: int,
                   freeze_steps: int | None = None):
    """The module's ``hyper`` vector for 0-based global step ``step`` (optimizer step step+1).
    ``freeze_steps`` T (a module with a frozen set): frozen while step < T; after, the frozen
    set's own adam step is step + 1 - T."""
    opt = config.optimizer
    frz = {}
    if freeze_steps is not None:
        on = step < freeze_steps
        frz = dict(freeze_on=on, thaw_step=0 if on else step + 1 - freeze_steps)
    return hyper_vector(
        lr=lr_at(config, step, steps_per_epoch), step=step + 1, optimizer=opt,
        weight_decay=config.weight_decay, label_smoothing=config.label_smoothing,
        bn_momentum=spec.bn_momentum, momentum=config.momentum, nesterov=config.nesterov,
        beta1=config.beta1, beta2=config.beta2,
        eps=config.rmsprop_eps if opt == "rmsprop" else config.adam_eps,
        rms_decay=config.rmsprop_decay, max_grad_norm=float(config.clip_grad_norm),
        ema_decay=ema_decay_at(config, step),
        names=config_hyper_names(config, freeze_steps is not None), **frz)
