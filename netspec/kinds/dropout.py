"""dropout: inverted dropout on features, driven by the host's uniforms (train only).

    y = x * m,  m = [u >= rate] / (1 - rate)      (eval, or rate 0: identity)

``u`` is this layer's columns of the per-sample uniforms ``rand`` f32[B, R]: every dropout
layer reads ``in_features`` columns, in network order, whatever its rate (rate 0 never reads
them), so the layout does not depend on the rates (``Analysis.rand_slices``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

from ..errors import SpecError
from .base import Parameterless, TorchNames, _ratio, register


@dataclass(frozen=True)
class DropoutPlan:
    name: str
    rate: float


@functools.cache
def torch_blocks():
    from torch import nn

    class SharedDropout(nn.Module):
        """Inverted dropout driven by given uniforms (NOT ``nn.Dropout``, which has its own RNG),
        so every peer computes the same function."""

        def __init__(self, rate: float, off: int, width: int):
            super().__init__()
            self.rate, self.off, self.width = float(rate), int(off), int(width)

        def forward(self, x, rand=None):
            if not self.training or self.rate == 0:
                return x
            if rand is None:
                raise ValueError(f"train-mode dropout (rate {self.rate}) needs the shared uniforms")
            keep = (rand[:, self.off:self.off + self.width] >= self.rate).to(x.dtype)
            return x * keep / (1 - self.rate)

    return SharedDropout


@register
@dataclass(frozen=True)
class dropout(Parameterless):
    """Inverted dropout on features (train only): y = x * keep / (1 - rate)."""
    rate: float
    kind: ClassVar[str] = "dropout"
    torch_takes_rand: ClassVar[bool] = True

    def __post_init__(self):
        _ratio(self.kind, "rate", self.rate, 0.0, 1.0, hi_open=True)

    def check_input(self, shape, where):
        if len(shape) != 1:
            raise SpecError("dropout is supported on feature vectors (after globalAvgPool)",
                            where=where, expected="a 2-D (N, F) input", received=f"image {shape}")

    def plan(self, index: int) -> DropoutPlan:
        return DropoutPlan(f"dropout.{index}", float(self.rate))

    def out_shape(self, plan, shape):
        return shape

    def rand_columns(self, plan, shape) -> int:
        return shape[0]

    def describe(self) -> str:
        return f"rate {self.rate:g}"

    def reference(self, plan, x, env):
        if not env.train or plan.rate <= 0:
            return x
        keep = (env.rand >= plan.rate).astype(x.dtype)
        return x * keep / (1 - plan.rate)

    def torch_module(self, plan, env):
        off, width = env.rand_slice
        return torch_blocks()(plan.rate, off, width), {}, {}

    def torch_names(self, plan, env):
        """No tensors; in torchvision's ``classifier`` Sequential it takes a slot (the
        ``Dropout`` before the Linear: ``classifier.1``); timm's dropout is not a module."""
        if env.scheme == "torchvision":
            env.take("classifier")
        return TorchNames()
