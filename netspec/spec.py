"""NetSpec (what the network is) and TrainConfig (how to train it).

Conventions that other toolchains leave implicit are explicit fields here, with documented
defaults:
- padding: per layer; "same" is symmetric k//2 (PyTorch).
- ``bn_eps`` = 1e-5 and ``bn_momentum`` = 0.1 with PyTorch semantics:
  running = (1 - momentum) * running + momentum * batch_stat, the running variance taking the
  unbiased (n / (n - 1)) batch variance; normalisation in training uses the biased variance.
- ``init`` = "torchvision": conv weights kaiming-normal (fan_out, gain sqrt 2), BN gamma 1 /
  beta 0, biases 0, the classifier as each dense layer declares (EfficientNet: uniform
  +-1/sqrt(out); MobileNetV2: normal(0, 0.01)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

from .errors import ConfigError, SpecError
from .kinds import KINDS, Layer
from .kinds.base import _int, _ratio


@dataclass(frozen=True)
class NetSpec:
    name: str
    image_h: int
    image_w: int
    layers: tuple
    in_channels: int = 3
    bn_eps: float = 1e-5
    bn_momentum: float = 0.1
    init: str = "torchvision"

    def __post_init__(self):
        where = f"NetSpec '{self.name}'" if isinstance(self.name, str) else "NetSpec"
        if not isinstance(self.name, str) or not self.name.strip():
            raise SpecError("needs a non-empty name", where="NetSpec", field="name",
                            expected="a string", received=self.name)
        for f in ("image_h", "image_w", "in_channels"):
            try:
                _int(where, f, getattr(self, f))
            except SpecError as e:
                raise e from None
        if isinstance(self.layers, list):
            object.__setattr__(self, "layers", tuple(self.layers))
        if not isinstance(self.layers, tuple) or len(self.layers) == 0:
            raise SpecError("has no layers", where=where, field="layers",
                            expected="a non-empty list of layers", received=self.layers)
        for i, layer in enumerate(self.layers):
            if not isinstance(layer, Layer):
                raise SpecError("is not a netspec layer", where=f"{where}, layer {i}",
                                expected="/".join(KINDS),
                                received=layer)
        _ratio(where, "bn_eps", self.bn_eps, 0.0, 1.0, lo_open=True)
        _ratio(where, "bn_momentum", self.bn_momentum, 0.0, 1.0)
        if self.init != "torchvision":
            raise SpecError("is not supported", where=where, field="init",
                            expected="'torchvision'", received=self.init)
        # Shape inference validates every cross-layer constraint and names the layer.
        from .analysis import analyze
        analyze(self)

    def with_(self, **changes) -> "NetSpec":
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d.update(changes)
        return NetSpec(**d)


OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop")
SCHEDULES = ("cosine", "step", "exponential", "constant")


@dataclass(frozen=True)
class TrainConfig:
    """Every knob of the seeds' TrainConfig listings, stored and validated.

    A knob a backend cannot honour is refused by that backend (never silently ignored)."""
    learning_rate: float = 1e-3
    batch_size: int = 32
    epochs: int = 10
    optimizer: str = "adam"
    momentum: float = 0.9          # SGD momentum; RMSProp momentum
    nesterov: bool = False
    beta1: float = 0.9
    beta2: float = 0.999
    adam_eps: float = 1e-8
    rmsprop_decay: float = 0.9
    rmsprop_eps: float = 1e-3
    weight_decay: float = 0.0
    cosine_decay: bool = True
    lr_schedule: str | None = None  # overrides cosine_decay when set: cosine|step|exponential|constant
    step_size_epochs: int = 30
    gamma: float = 0.1              # step / exponential decay factor
    warmup_epochs: float = 0.0
    augment: bool = False
    label_smoothing: float = 0.0
    bf16: bool = False
    bf16_conv: bool = False
    ema: bool = False
    ema_decay: float = 0.9999
    drop_path: float = 0.0
    seed: int = 0
    default_data: str | None = None  # e.g. "embedded:digits"; used when --data is not given

    def __post_init__(self):
        try:
            self._validate()
        except ConfigError:
            raise
        except SpecError as e:  # the shared _int/_ratio checks raise the base class
            raise ConfigError(e.detail, where=e.where, field=e.field, expected=e.expected,
                              received=e.received, hint=e.hint) from None

    def _validate(self):
        w = "TrainConfig"
        for f in ("learning_rate", "adam_eps", "rmsprop_eps"):
            v = getattr(self, f)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not (v > 0) or math.isinf(v):
                raise ConfigError("must be a positive number", where=w, field=f,
                                  expected="a finite number > 0", received=v)
        for f in ("batch_size", "epochs", "step_size_epochs"):
            _int(w, f, getattr(self, f))
        _int(w, "seed", self.seed, minimum=0)
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError("is not supported", where=w, field="optimizer",
                              expected="one of " + ", ".join(OPTIMIZERS), received=self.optimizer)
        if self.lr_schedule is not None and self.lr_schedule not in SCHEDULES:
            raise ConfigError("is not supported", where=w, field="lr_schedule",
                              expected="one of " + ", ".join(SCHEDULES), received=self.lr_schedule)
        for f in ("momentum", "beta1", "beta2", "rmsprop_decay", "ema_decay", "gamma"):
            _ratio(w, f, getattr(self, f), 0.0, 1.0, hi_open=(f != "gamma"))
        _ratio(w, "label_smoothing", self.label_smoothing, 0.0, 1.0, hi_open=True)
        _ratio(w, "drop_path", self.drop_path, 0.0, 1.0, hi_open=True)
        _ratio(w, "weight_decay", self.weight_decay, 0.0, 1.0)
        if isinstance(self.warmup_epochs, bool) or not isinstance(self.warmup_epochs, (int, float)) \
                or not (0 <= self.warmup_epochs < self.epochs):
            raise ConfigError("is out of range", where=w, field="warmup_epochs",
                              expected=f"a number in [0, epochs={self.epochs})", received=self.warmup_epochs)
        for f in ("nesterov", "cosine_decay", "augment", "bf16", "bf16_conv", "ema"):
            if not isinstance(getattr(self, f), bool):
                raise ConfigError("must be a bool", where=w, field=f,
                                  expected="True or False", received=getattr(self, f))
        if self.nesterov and self.optimizer != "sgd":
            raise ConfigError("applies only to optimizer='sgd'", where=w, field="nesterov",
                              expected="False", received=self.nesterov)

    @property
    def schedule(self) -> str:
        if self.lr_schedule is not None:
            return self.lr_schedule
        return "cosine" if self.cosine_decay else "constant"

    def replace(self, **changes) -> "TrainConfig":
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d.update(changes)
        return TrainConfig(**d)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}
