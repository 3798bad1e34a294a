"""globalAvgPool: the mean over the spatial axes, (C, H, W) -> (C,)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

from .base import Parameterless, TorchNames, _need_image, register


@dataclass(frozen=True)
class PoolPlan:
    name: str


@functools.cache
def torch_blocks():
    import torch
    from torch import nn

    class GlobalAvgPool(nn.Module):
        def __init__(self):
            super().__init__()
            self.pool = nn.AdaptiveAvgPool2d(1)

        def forward(self, x):
            return torch.flatten(self.pool(x), 1)

    return GlobalAvgPool


@register
@dataclass(frozen=True)
class globalAvgPool(Parameterless):
    """Mean over the spatial axes: (C, H, W) -> (C,)."""
    kind: ClassVar[str] = "globalAvgPool"

    def check_input(self, shape, where):
        _need_image(shape, where, "globalAvgPool")

    def plan(self, index: int) -> PoolPlan:
        return PoolPlan(f"pool.{index}")

    def out_shape(self, plan, shape):
        return (shape[0],)

    def describe(self) -> str:
        return ""

    def reference(self, plan, x, env):
        import jax.numpy as jnp
        return jnp.mean(x, axis=env.lay.spatial)

    def torch_module(self, plan, env):
        return torch_blocks()(), {}, {}

    def torch_names(self, plan, env):
        """No tensors (torchvision's ``avgpool``, timm's ``global_pool``: no parameters)."""
        return TorchNames()
