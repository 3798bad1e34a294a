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

    def with_num_classes(self, n: int) -> "NetSpec":
        """The spec with ``n`` classifier outputs: the last layer that has an output width
        (a dataclass field ``oc``, e.g. the final dense) gets ``oc = n``; the layers after it
        must carry that width through.  What ``netspec train --num-classes`` trains: e.g. the
        1000-class ImageNet example on a data set with fewer classes.  A spec whose output
        width no layer sets is refused, naming it."""
        where = f"NetSpec '{self.name}'"
        _int(where, "num_classes", n)
        from .analysis import analyze
        for i in range(len(self.layers) - 1, -1, -1):
            layer = self.layers[i]
            if "oc" in {f.name for f in fields(layer)}:
                break
        else:
            raise SpecError("has no layer with an output width (oc) to set the class count of",
                            where=where, field="num_classes", received=n)
        if layer.oc == n:
            return self
        from dataclasses import replace
        layers = list(self.layers)
        layers[i] = replace(layer, oc=n)
        out = self.with_(layers=layers)
        got = analyze(out).num_classes
        if got != n:
            raise SpecError(f"setting layer {i} ({layer.kind})'s oc to {n} gives {got} outputs; "
                            "the layers after it set the output width",
                            where=where, field="num_classes", expected=n, received=got)
        return out


class ConfigProblems(ConfigError):
    """One or more problems of a configuration, reported in one message (``problems``: each a
    ConfigError naming its field).  With one problem it reads exactly like that problem."""

    def __init__(self, problems: list[ConfigError], what: str = "the training configuration"):
        self.problems = list(problems)
        one = self.problems[0]
        self.where, self.field, self.expected = one.where, one.field, one.expected
        self.received, self.hint, self.detail = one.received, one.hint, one.detail
        if len(self.problems) == 1:
            text = str(one)
        else:
            lines = [f"{len(self.problems)} problems with {what}:"]
            for i, p in enumerate(self.problems, 1):
                lines.append(f"  {i}. " + str(p).replace("\n", "\n     "))
            text = "\n".join(lines)
        Exception.__init__(self, text)

    def at(self, where: str) -> "ConfigError":
        return ConfigProblems([p.at(where) for p in self.problems])


OPTIMIZERS = ("adam", "adamw", "sgd", "rmsprop")
SCHEDULES = ("cosine", "step", "exponential", "constant")
#: The epoch-record metrics ``TrainConfig.best_on`` may choose (higher is better).
BEST_ON = ("val_top1", "ema_val_top1")

#: The grammar of ``TrainConfig.randaugment`` (timm's ``rand_augment_transform`` strings).
RANDAUGMENT_FORM = "rand[-m<int>][-n<int>][-mstd<float>][-mmax<int>][-inc<0|1>][-p<float>]"


@dataclass(frozen=True)
class RandAugmentSpec:
    """A parsed timm RandAugment string (``parse_randaugment``); defaults are timm's.

    ``magnitude_std``: 0 = the fixed magnitude, ``inf`` (``mstd`` > 100) = uniform in
    [0, magnitude], else a normal around it; the magnitude is then clipped to
    [0, ``magnitude_max`` or 10].  ``increasing``: timm's ``_RAND_INCREASING_TRANSFORMS``."""
    magnitude: int = 10
    num_ops: int = 2
    magnitude_std: float = 0.0
    magnitude_max: int | None = None
    increasing: bool = False
    prob: float = 0.5


def parse_randaugment(text, *, where: str = "TrainConfig",
                      field_: str = "randaugment") -> RandAugmentSpec:
    """``'rand-m9-mstd0.5'`` -> RandAugmentSpec; a ConfigError naming ``field_`` and the bad
    piece otherwise.  Parts (timm's): ``m`` magnitude (int >= 0), ``n`` ops per image
    (int >= 1), ``mstd`` magnitude std (>= 0; > 100 means uniform), ``mmax`` magnitude upper
    bound (int >= 1), ``inc`` 0/1 (``inc`` alone = 1), ``p`` probability of each op [0, 1].
    timm's ``w`` (op weights) and ``t`` (op subsets) are refused, as is any repeated part."""
    import re

    def bad(msg: str, piece=None) -> ConfigError:
        return ConfigError(msg + (f" (the part {piece!r})" if piece is not None else ""),
                           where=where, field=field_, expected=RANDAUGMENT_FORM, received=text,
                           hint="e.g. 'rand-m9-mstd0.5' or 'rand-m9-n2-mstd0.5-inc1' "
                                "(timm's --aa strings)")

    if not isinstance(text, str):
        raise bad("must be a RandAugment string")
    parts = text.strip().split("-")
    if parts[0] != "rand":
        raise bad("must start with 'rand'", parts[0])
    values: dict = {}
    for piece in parts[1:]:
        m = re.fullmatch(r"([a-z]+)(\d[\d.]*(?:e-?\d+)?)?", piece)
        if m is None:
            raise bad("has a part that is not <key><number>", piece)
        key, val = m.group(1), m.group(2)
        if key in values:
            raise bad(f"sets {key!r} twice", piece)
        try:
            if key in ("m", "n", "mmax"):
                if val is None or not val.isdigit():
                    raise bad(f"{key!r} needs an integer", piece)
                v = int(val)
                if key == "n" and v < 1 or key == "mmax" and v < 1:
                    raise bad(f"{key!r} must be >= 1", piece)
            elif key in ("mstd", "p"):
                v = float(val) if val is not None else None
                if v is None or not math.isfinite(v):
                    raise bad(f"{key!r} needs a number", piece)
                if key == "p" and not 0.0 <= v <= 1.0:
                    raise bad("'p' (the probability of each op) must be in [0, 1]", piece)
                if key == "mstd" and v > 100:
                    v = math.inf     # timm: uniform in [0, magnitude]
            elif key == "inc":
                if val not in (None, "0", "1"):
                    raise bad("'inc' takes 0 or 1", piece)
                v = val != "0"
            elif key in ("w", "t"):
                raise bad(f"timm's {key!r} (op {'weights' if key == 'w' else 'subsets'}) "
                          "is not supported", piece)
            else:
                raise bad(f"has an unknown key {key!r}", piece)
        except ConfigError:
            raise
        except ValueError:           # float("0.5.5")
            raise bad(f"{key!r} needs a number", piece) from None
        values[key] = v
    return RandAugmentSpec(magnitude=values.get("m", 10), num_ops=values.get("n", 2),
                           magnitude_std=values.get("mstd", 0.0),
                           magnitude_max=values.get("mmax"), increasing=values.get("inc", False),
                           prob=values.get("p", 0.5))


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
    ema_warmup: bool = False        # EMA decay min(ema_decay, (1+t)/(10+t)), t = optimizer steps done
    clip_grad_norm: float = 0.0     # clip the loss gradient to this global L2 norm (0: off)
    best_on: str | None = None      # the metric choosing checkpoints/best: val_top1 | ema_val_top1
    #                                 (None: ema_val_top1 with ema, else val_top1)
    drop_path: float = 0.0
    # host data augmentation (runtime.data, docs/data.md); all off by default
    randaugment: str | None = None  # timm's string, e.g. "rand-m9-mstd0.5" (parse_randaugment)
    mixup_alpha: float = 0.0        # Beta(alpha, alpha) mixup of whole batches (0: off)
    cutmix_alpha: float = 0.0       # Beta(alpha, alpha) CutMix of whole batches (0: off)
    mixup_prob: float = 1.0         # probability that a batch is mixed at all
    mixup_switch_prob: float = 0.5  # with both on: probability of CutMix rather than mixup
    random_erasing: float = 0.0     # probability of timm's RandomErasing per image (0: off)
    seed: int = 0
    default_data: str | None = None  # e.g. "embedded:digits"; used when --data is not given

    def __post_init__(self):
        problems = self.problems()
        if problems:
            raise ConfigProblems(problems)

    @classmethod
    def unchecked(cls, **fields_) -> "TrainConfig":
        """A TrainConfig holding ``fields_`` WITHOUT validation, to list its ``problems()``."""
        obj = object.__new__(cls)
        for f in fields(cls):
            object.__setattr__(obj, f.name, fields_.get(f.name, f.default))
        return obj

    def problems(self) -> list[ConfigError]:
        """Every problem of this configuration (each a ConfigError naming its field), so that
        one message can report them all."""
        out: list[ConfigError] = []
        for check in self._checks():
            try:
                check()
            except ConfigError as e:
                out.append(e)
            except SpecError as e:  # the shared _int/_ratio checks raise the base class
                out.append(ConfigError(e.detail, where=e.where, field=e.field, expected=e.expected,
                                       received=e.received, hint=e.hint))
        return out

    def _checks(self):
        w = "TrainConfig"

        def positive(f):
            v = getattr(self, f)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not (v > 0) or math.isinf(v):
                raise ConfigError("must be a positive number", where=w, field=f,
                                  expected="a finite number > 0", received=v)

        def optimizer():
            if self.optimizer not in OPTIMIZERS:
                raise ConfigError("is not supported", where=w, field="optimizer",
                                  expected="one of " + ", ".join(OPTIMIZERS), received=self.optimizer)

        def schedule():
            if self.lr_schedule is not None and self.lr_schedule not in SCHEDULES:
                raise ConfigError("is not supported", where=w, field="lr_schedule",
                                  expected="one of " + ", ".join(SCHEDULES), received=self.lr_schedule)

        def warmup():
            v = self.warmup_epochs
            if isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v) or v < 0:
                raise ConfigError("is out of range", where=w, field="warmup_epochs",
                                  expected="a number >= 0", received=v)
            if isinstance(self.epochs, int) and not isinstance(self.epochs, bool) and v >= self.epochs:
                raise ConfigError(f"is {v:g} epochs of warm-up, not fewer than the {self.epochs} "
                                  "epoch(s) of the run", where=w, field="warmup_epochs",
                                  expected=f"a number in [0, epochs={self.epochs})", received=v,
                                  hint=f"pass --warmup-epochs 0 (no warm-up) or a value below "
                                       f"{self.epochs}, or more --epochs")

        def boolean(f):
            if not isinstance(getattr(self, f), bool):
                raise ConfigError("must be a bool", where=w, field=f,
                                  expected="True or False", received=getattr(self, f))

        def nesterov():
            if self.nesterov is True and self.optimizer != "sgd":
                raise ConfigError("applies only to optimizer='sgd'", where=w, field="nesterov",
                                  expected="False", received=self.nesterov)

        checks = [lambda f=f: positive(f) for f in ("learning_rate", "adam_eps", "rmsprop_eps")]
        checks += [lambda f=f: _int(w, f, getattr(self, f))
                   for f in ("batch_size", "epochs", "step_size_epochs")]
        checks += [lambda: _int(w, "seed", self.seed, minimum=0), optimizer, schedule]
        checks += [lambda f=f: _ratio(w, f, getattr(self, f), 0.0, 1.0, hi_open=(f != "gamma"))
                   for f in ("momentum", "beta1", "beta2", "rmsprop_decay", "ema_decay", "gamma")]
        checks += [lambda: _ratio(w, "label_smoothing", self.label_smoothing, 0.0, 1.0, hi_open=True),
                   lambda: _ratio(w, "drop_path", self.drop_path, 0.0, 1.0, hi_open=True),
                   lambda: _ratio(w, "weight_decay", self.weight_decay, 0.0, 1.0), warmup]
        checks += [lambda f=f: boolean(f)
                   for f in ("nesterov", "cosine_decay", "augment", "bf16", "bf16_conv", "ema",
                             "ema_warmup")]
        checks.append(nesterov)

        def clip_grad_norm():
            v = self.clip_grad_norm
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) \
                    or v < 0:
                raise ConfigError("must be a finite number >= 0 (0: no clipping)", where=w,
                                  field="clip_grad_norm", expected="a finite number >= 0",
                                  received=v)

        def best_on():
            v = self.best_on
            if v is not None and v not in BEST_ON:
                raise ConfigError("is not a metric of the epoch records", where=w,
                                  field="best_on", expected="one of " + ", ".join(BEST_ON),
                                  received=v)
            if v == "ema_val_top1" and self.ema is not True:
                raise ConfigError("chooses the best checkpoint on the EMA weights, and EMA is "
                                  "off", where=w, field="best_on", expected="'val_top1'",
                                  received=v, hint="turn EMA on (--ema) or choose val_top1")

        checks += [clip_grad_norm, best_on]

        def randaugment():
            if self.randaugment is not None:
                parse_randaugment(self.randaugment, where=w)

        def alpha(f):
            v = getattr(self, f)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) \
                    or v < 0:
                raise ConfigError("must be a number >= 0 (0: off)", where=w, field=f,
                                  expected="a finite number >= 0", received=v)

        checks += [randaugment, lambda: alpha("mixup_alpha"), lambda: alpha("cutmix_alpha")]
        checks += [lambda f=f: _ratio(w, f, getattr(self, f), 0.0, 1.0)
                   for f in ("mixup_prob", "mixup_switch_prob", "random_erasing")]
        return checks

    @property
    def mixes(self) -> bool:
        """Mixup or CutMix is on: the train step takes soft targets f32[B, K]."""
        return bool(self.mixup_alpha > 0 or self.cutmix_alpha > 0)

    @property
    def best_metric(self) -> str:
        """The epoch-record metric that chooses checkpoints/best (``best_on`` resolved)."""
        return self.best_on or ("ema_val_top1" if self.ema else "val_top1")

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
