"""dense: fully connected layer with bias, then an activation: (ic,) -> (oc,).

    z = x @ W + b   (W stored (in, out))      y = act(z)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar, Iterator

from ..errors import SpecError
from .base import ACTIVATIONS, Layer, ParamSpec, TorchNames, _choice, _int, register
from .conv_bn import jax_act


@dataclass(frozen=True)
class DensePlan:
    name: str
    ic: int
    oc: int
    act: str
    init: str

    @property
    def w(self) -> str:
        return f"{self.name}.w"

    @property
    def b(self) -> str:
        return f"{self.name}.b"

    def params(self) -> Iterator[ParamSpec]:
        yield ParamSpec(self.w, (self.ic, self.oc), "dense_w", self.init, True)
        yield ParamSpec(self.b, (self.oc,), "dense_b", "zeros", False)


@functools.cache
def torch_blocks():
    from torch import nn

    from .conv_bn import torch_blocks as conv_bn_blocks
    act, _ = conv_bn_blocks()

    class Dense(nn.Module):
        def __init__(self, plan: DensePlan):
            super().__init__()
            self.fc = nn.Linear(plan.ic, plan.oc)
            self.act = act(plan.act)

        def forward(self, x):
            return self.act(self.fc(x))

    return Dense


@register
@dataclass(frozen=True)
class dense(Layer):
    """Fully connected layer with bias: (ic,) -> (oc,), then an activation."""
    ic: int
    oc: int
    act: str = "identity"
    init: str = "uniform_fan_out"
    kind: ClassVar[str] = "dense"

    def __post_init__(self):
        _int(self.kind, "ic", self.ic)
        _int(self.kind, "oc", self.oc)
        _choice(self.kind, "act", self.act, ACTIVATIONS)
        _choice(self.kind, "init", self.init, ("uniform_fan_out", "normal_0.01", "zeros"))

    def check_input(self, shape, where):
        if len(shape) != 1:
            raise SpecError("dense needs a 2-D (N, F) input but receives a 4-D image tensor",
                            where=where, expected="features after globalAvgPool",
                            received=f"image (C, H, W) = {shape}",
                            hint="insert globalAvgPool() before the dense layer")
        if shape[0] != self.ic:
            raise SpecError("does not match the feature size of its input", where=where, field="ic",
                            expected=str(shape[0]), received=self.ic)

    def plan(self, index: int) -> DensePlan:
        return DensePlan(f"fc.{index}", self.ic, self.oc, self.act, self.init)

    def out_shape(self, plan, shape):
        return (plan.oc,)

    def macs(self, plan, shape) -> int:
        return plan.ic * plan.oc

    def params(self, plan):
        return list(plan.params())

    def bns(self, plan):
        return []

    def rand_columns(self, plan, shape) -> int:
        return 0

    def depth_blocks(self, plan):
        return []

    def activations(self, plan):
        return {plan.act}

    def describe(self) -> str:
        return f"{self.ic}→{self.oc} {self.act} init={self.init}"

    def reference(self, plan, x, env):
        import jax.numpy as jnp
        from jax import lax
        z = env.prec.ref_contract("dense", lambda a, b: jnp.matmul(a, b, precision=lax.Precision.HIGHEST),
                                  x, env.params[plan.w]) + env.params[plan.b]
        return jax_act(z, plan.act)

    def torch_module(self, plan, env):
        return torch_blocks()(plan), {plan.w: "fc.weight", plan.b: "fc.bias"}, {}

    def torch_names(self, plan, env):
        """torchvision: the next ``nn.Linear`` of the ``classifier`` Sequential (an activation
        after it takes the following slot).  timm: the one ``classifier``.  A ResNet (the
        ``resnet`` mark of ``basicBlock``, both schemes): the one ``fc``."""
        if env.seen("resnet"):
            if env.seen("fc"):
                raise env.unsupported("a ResNet has one Linear, fc, and it is taken")
            env.mark("fc")
            return TorchNames({plan.w: "fc.weight", plan.b: "fc.bias"})
        if env.scheme == "torchvision":
            i = env.take("classifier", 1 if plan.act == "identity" else 2)
            key = f"classifier.{i}"
        else:
            if env.seen("classifier"):
                raise env.unsupported("timm's model has one classifier Linear, and it is taken")
            env.mark("classifier")
            key = "classifier"
        return TorchNames({plan.w: f"{key}.weight", plan.b: f"{key}.bias"})
