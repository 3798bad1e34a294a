"""basicBlock: a ResNet stage of ``repeats`` basic blocks (He et al. 2016; torchvision's and
timm's ``BasicBlock``, ResNet-18 / 34), each

    h  = conv1(x)     3x3 convBn, relu (the stride lives here; first block only)
    h  = conv2(h)     3x3 convBn, identity
    sc = x                        (identity shortcut: stride 1 and ic == oc)
       | down(x)      1x1 stride-s convBn, identity (the projection: torchvision's
                      ``downsample`` = conv1x1 + BatchNorm)
    y  = relu(h + sc)             (the relu AFTER the add)

The first block maps ic -> oc with the stride, the rest oc -> oc at stride 1.

Stochastic depth (train, a block with a rate > 0, ``netspec.analysis``; timm's ``drop_path``
of its BasicBlock, on the residual branch before the add, the shortcut always kept):
    y = relu(h * [u >= rate] / (1 - rate) + sc)       u: the block's column of ``rand``
Every block has a shortcut, so every block counts in the stochastic-depth numbering.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar, Iterator

from .base import STRIDES, ParamSpec, Stage, TorchNames, _choice, _int, register
from .conv_bn import ConvBnPlan, conv_bn_reference, conv_bn_torch, conv_bn_torch_names, jax_act


@dataclass(frozen=True)
class BasicPlan:
    """One basic block: conv1 (3x3, stride, relu) -> conv2 (3x3, identity), + shortcut (x, or
    the 1x1 stride-s projection ``down``), relu."""
    name: str
    ic: int
    oc: int
    stride: int
    conv1: ConvBnPlan
    conv2: ConvBnPlan
    down: ConvBnPlan | None
    #: every basic block adds its shortcut (x, or ``down``): residual in the stochastic-depth
    #: numbering
    residual = True

    def convbns(self) -> list[ConvBnPlan]:
        return [p for p in (self.conv1, self.conv2, self.down) if p is not None]

    def params(self) -> Iterator[ParamSpec]:
        for p in self.convbns():
            yield from p.params()

    def bns(self):
        for p in self.convbns():
            yield from p.bns()

    def out_shape(self, shape):
        return self.conv2.out_shape(self.conv1.out_shape(shape))

    def macs(self, shape) -> int:
        mid = self.conv1.out_shape(shape)
        return (self.conv1.macs(shape) + self.conv2.macs(mid)
                + (self.down.macs(shape) if self.down is not None else 0))


def _basic(name: str, ic: int, oc: int, stride: int) -> BasicPlan:
    down = (ConvBnPlan(f"{name}.down", ic, oc, 1, stride, "same", 1, "identity")
            if stride != 1 or ic != oc else None)
    return BasicPlan(name, ic, oc, stride,
                     ConvBnPlan(f"{name}.conv1", ic, oc, 3, stride, "same", 1, "relu"),
                     ConvBnPlan(f"{name}.conv2", oc, oc, 3, 1, "same", 1, "identity"), down)


# --------------------------------------------------------------------------- JAX reference
def basic_reference(plan: BasicPlan, x, env):
    h = conv_bn_reference(plan.conv2, conv_bn_reference(plan.conv1, x, env), env)
    sc = conv_bn_reference(plan.down, x, env) if plan.down is not None else x
    drop = (env.drop_path or {}).get(plan.name) if env.train else None
    if drop is not None:
        col, rate = drop
        m = (env.rand[:, col] >= rate).astype(h.dtype) / (1.0 - rate)
        h = h * m.reshape((-1,) + (1,) * (h.ndim - 1))
    return env.prec.ref_store(jax_act(h + sc, "relu"))


# --------------------------------------------------------------------------- torch block
@functools.cache
def torch_blocks():
    from torch import nn

    class BasicBlock(nn.Module):
        """torchvision's BasicBlock: relu(conv2(conv1(x)) + (down(x) or x))."""

        def __init__(self, conv1, conv2, down):
            super().__init__()
            self.conv1, self.conv2, self.down = conv1, conv2, down
            self.relu = nn.ReLU(inplace=True)

        def forward(self, x):
            sc = self.down(x) if self.down is not None else x
            return self.relu(self.conv2(self.conv1(x)) + sc)

    return BasicBlock


def basic_torch(plan: BasicPlan, env, prefix: str):
    """-> (BasicBlock, {registry name: torch name}, {bn name: torch module name})."""
    names, bn_names, parts = {}, {}, {}
    for part in ("conv1", "conv2", "down"):      # registry order
        sub = getattr(plan, part)
        if sub is None:
            parts[part] = None
            continue
        parts[part], n, bn = conv_bn_torch(sub, env, f"{prefix}.{part}")
        names.update(n)
        bn_names.update(bn)
    return torch_blocks()(parts["conv1"], parts["conv2"], parts["down"]), names, bn_names


def basic_torch_names(plan: BasicPlan, pre: str) -> TorchNames:
    """torchvision's / timm's ``BasicBlock`` at ``pre`` (``layer<s>.<i>``): ``conv1`` / ``bn1``,
    ``conv2`` / ``bn2``, the projection ``downsample.0`` (conv) / ``downsample.1`` (BN)."""
    out = TorchNames()
    out.update(conv_bn_torch_names(plan.conv1, f"{pre}.conv1.weight", f"{pre}.bn1"))
    out.update(conv_bn_torch_names(plan.conv2, f"{pre}.conv2.weight", f"{pre}.bn2"))
    if plan.down is not None:
        out.update(conv_bn_torch_names(plan.down, f"{pre}.downsample.0.weight",
                                       f"{pre}.downsample.1"))
    return out


# --------------------------------------------------------------------------- the kind
@register
@dataclass(frozen=True)
class basicBlock(Stage):
    """A ResNet stage of ``repeats`` basic blocks (3x3 convBn relu -> 3x3 convBn, + identity or
    1x1 stride-s projection shortcut, relu after the add); the stride applies to the first
    block.  ResNet-34: basicBlock(64, 64, 1, 3), (64, 128, 2, 4), (128, 256, 2, 6),
    (256, 512, 2, 3)."""
    ic: int
    oc: int
    stride: int = 1
    repeats: int = 1
    kind: ClassVar[str] = "basicBlock"
    block_reference = staticmethod(basic_reference)
    block_torch = staticmethod(basic_torch)

    def block_activations(self, b) -> set:
        return {"relu"}         # after the add
    #: a ResNet: the stem convBn is ``conv1`` / ``bn1``, the dense ``fc`` (``NamingEnv.of``)
    torch_marks: ClassVar[frozenset[str]] = frozenset({"resnet"})

    def __post_init__(self):
        for f in ("ic", "oc", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "stride", self.stride, STRIDES)

    def plan(self, index: int) -> list[BasicPlan]:
        return [_basic(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc,
                       self.stride if r == 0 else 1) for r in range(self.repeats)]

    def describe(self) -> str:
        return f"{self.ic}→{self.oc} s{self.stride} ×{self.repeats}"

    def torch_names(self, plan, env):
        """torchvision and timm (the same names): stage ``layer<s>`` (s = 1, 2, ... in network
        order), block ``layer<s>.<i>`` (``basic_torch_names``)."""
        s = env.take("layer") + 1
        out = TorchNames()
        for i, b in enumerate(plan):
            out.update(basic_torch_names(b, f"layer{s}.{i}"))
        return out
