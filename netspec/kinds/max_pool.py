"""maxPool: the maximum over k x k windows, PyTorch's ``nn.MaxPool2d(k, stride, padding)``.

    y[b, c, i, j] = max_{0 <= u, v < k} xp[b, c, s*i + u, s*j + v]
    xp = x padded with -inf by p on every side (a pad never wins: p <= k // 2, so every window
    holds at least one element of x)
    Ho = floor((H + 2p - k) / s) + 1          (floor mode: PyTorch's ceil_mode=False)

Derivative: the cotangent of y[b, c, i, j] goes to ONE element of its window, the first
maximum in scan order (row-major over (u, v)); overlapping windows (s < k) add up.  On ties
this is PyTorch's choice (``max_pool2d`` backward scatters to the index its forward kept, the
first ``val > max``) and JAX's (``lax.reduce_window`` max differentiates to
``select_and_scatter_add`` with the ``ge`` selector, which keeps the earlier element of a
tie); tests/test_resnet.py checks all three agree on a tied input.  max is a kink for verify's
tolerance (``activations`` reports "max", ``KINKED_ACTIVATIONS``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar

from ..errors import SpecError
from .base import Parameterless, TorchNames, _int, _need_image, register


@dataclass(frozen=True)
class MaxPoolPlan:
    name: str
    k: int
    stride: int
    pad: int

    def out_extent(self, size: int) -> int:
        return (size + 2 * self.pad - self.k) // self.stride + 1


@functools.cache
def torch_blocks():
    from torch import nn
    return nn.MaxPool2d


@register
@dataclass(frozen=True)
class maxPool(Parameterless):
    """Max pooling over k x k windows with a stride and symmetric -inf padding (PyTorch's
    ``nn.MaxPool2d(k, stride, padding)``, floor mode); ResNet's stem uses
    ``maxPool(3, 2, 1)``."""
    k: int = 3
    stride: int = 2
    padding: int = 1
    kind: ClassVar[str] = "maxPool"

    def __post_init__(self):
        _int(self.kind, "k", self.k)
        _int(self.kind, "stride", self.stride)
        _int(self.kind, "padding", self.padding, minimum=0)
        if self.padding > self.k // 2:
            raise SpecError("is out of range", where=self.kind, field="padding",
                            expected=f"at most k // 2 = {self.k // 2} (every window must hold an "
                                     "input element, as PyTorch requires)", received=self.padding)

    def check_input(self, shape, where):
        _need_image(shape, where, "maxPool")
        _, h, w = shape
        if min(h, w) + 2 * self.padding < self.k:
            raise SpecError("the window is larger than the padded input", where=where, field="k",
                            expected=f"at most {min(h, w) + 2 * self.padding}", received=self.k)

    def plan(self, index: int) -> MaxPoolPlan:
        return MaxPoolPlan(f"maxpool.{index}", self.k, self.stride, self.padding)

    def out_shape(self, plan, shape):
        c, h, w = shape
        return (c, plan.out_extent(h), plan.out_extent(w))

    def activations(self, plan):
        return {"max"}

    def describe(self) -> str:
        return f"k{self.k} s{self.stride} p{self.padding}"

    def reference(self, plan, x, env):
        from jax import lax
        window, strides, pads = [1] * 4, [1] * 4, [(0, 0)] * 4
        for a in env.lay.spatial:
            window[a], strides[a], pads[a] = plan.k, plan.stride, (plan.pad, plan.pad)
        # a concrete -inf init with lax.max is JAX's reduce_window_max, whose gradient is
        # select_and_scatter_add with the ``ge`` selector (the first maximum of a window)
        return lax.reduce_window(x, -float("inf"), lax.max, tuple(window), tuple(strides),
                                 tuple(pads))

    def torch_module(self, plan, env):
        return torch_blocks()(plan.k, plan.stride, plan.pad), {}, {}

    def torch_names(self, plan, env):
        """No tensors.  torchvision / timm ResNet: the ``maxpool`` module outside any numbered
        container; elsewhere in torchvision a ``MaxPool2d`` takes its slot of ``features``
        (VGG, AlexNet)."""
        if env.scheme == "torchvision" and not env.seen("resnet"):
            env.take("features")
        return TorchNames()
