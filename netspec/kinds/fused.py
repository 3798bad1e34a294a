"""fusedMbConv (EfficientNetV2's Fused-MBConv, Tan & Le 2021; torchvision's ``FusedMBConv``,
timm's ``EdgeResidual`` / ``ConvBnAct``): ``repeats`` blocks, each

    expand != 1:  h = fused(x)     kxk stride-s FULL convBn ic -> ic*expand, act (swish)
                  y = project(h)   1x1 convBn ic*expand -> oc, identity
    expand == 1:  y = fused(x)     kxk stride-s full convBn ic -> oc, act (swish)
    (+ x when residual: stride 1 and ic == oc)

The MBConv's 1x1 expand and kxk depthwise are fused into one dense kxk convolution; there is
no squeeze-excitation.  The first block maps ic -> oc with the stride, the rest oc -> oc at
stride 1.  torchvision builds the expand conv when ``_make_divisible(ic * expand, 8) != ic``;
netspec's expanded width is ``ic * expand`` (the same for the multiples of 8 of EfficientNetV2),
the expand conv present when expand != 1.

Stochastic depth (train, a residual block with a rate > 0, ``netspec.analysis``): every block
counts in the numbering (torchvision's ``stage_block_id`` over all stages' blocks), and
    y = x + branch(x) * [u >= rate] / (1 - rate)      u: the block's column of ``rand``
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar, Iterator

from .base import KERNELS, STRIDES, ParamSpec, Stage, TorchNames, _choice, _int, register
from .blocks import BLOCK_ACTIVATIONS
from .conv_bn import ConvBnPlan, conv_bn_reference, conv_bn_torch, conv_bn_torch_names


@dataclass(frozen=True)
class FusedPlan:
    """One Fused-MBConv block: fused (kxk full conv, stride, act) -> [project (1x1, identity)]
    (+ residual)."""
    name: str
    ic: int
    oc: int
    fused: ConvBnPlan
    project: ConvBnPlan | None
    residual: bool

    def convbns(self) -> list[ConvBnPlan]:
        return [p for p in (self.fused, self.project) if p is not None]

    def params(self) -> Iterator[ParamSpec]:
        for p in self.convbns():
            yield from p.params()

    def bns(self):
        for p in self.convbns():
            yield from p.bns()

    def out_shape(self, shape):
        for p in self.convbns():
            shape = p.out_shape(shape)
        return shape

    def macs(self, shape) -> int:
        total = 0
        for p in self.convbns():
            total += p.macs(shape)
            shape = p.out_shape(shape)
        return total


def _fused(name: str, ic: int, oc: int, expand: int, k: int, stride: int, act: str) -> FusedPlan:
    if expand == 1:
        return FusedPlan(name, ic, oc, ConvBnPlan(f"{name}.fused", ic, oc, k, stride, "same", 1, act),
                         None, stride == 1 and ic == oc)
    mid = ic * expand
    return FusedPlan(name, ic, oc, ConvBnPlan(f"{name}.fused", ic, mid, k, stride, "same", 1, act),
                     ConvBnPlan(f"{name}.project", mid, oc, 1, 1, "same", 1, "identity"),
                     stride == 1 and ic == oc)


# --------------------------------------------------------------------------- JAX reference
def fused_reference(plan: FusedPlan, x, env):
    h = x
    for p in plan.convbns():
        h = conv_bn_reference(p, h, env)
    if not plan.residual:
        return h
    drop = (env.drop_path or {}).get(plan.name) if env.train else None
    if drop is not None:
        # stochastic depth: per sample keep = [u >= rate], the kept branch scaled by 1/(1-rate)
        col, rate = drop
        m = (env.rand[:, col] >= rate).astype(h.dtype) / (1.0 - rate)
        h = h * m.reshape((-1,) + (1,) * (h.ndim - 1))
    return env.prec.ref_store(h + x)


# --------------------------------------------------------------------------- torch block
@functools.cache
def torch_blocks():
    from torch import nn

    class FusedBlock(nn.Module):
        """torchvision's FusedMBConv (eval / no stochastic depth): project(fused(x)) [+ x]."""

        def __init__(self, fused, project, residual: bool):
            super().__init__()
            self.fused, self.project, self.residual = fused, project, residual

        def forward(self, x):
            h = self.fused(x)
            if self.project is not None:
                h = self.project(h)
            return h + x if self.residual else h

    return FusedBlock


def fused_torch(plan: FusedPlan, env, prefix: str):
    """-> (FusedBlock, {registry name: torch name}, {bn name: torch module name})."""
    names, bn_names, parts = {}, {}, {}
    for part in ("fused", "project"):      # registry order
        sub = getattr(plan, part)
        if sub is None:
            parts[part] = None
            continue
        parts[part], n, bn = conv_bn_torch(sub, env, f"{prefix}.{part}")
        names.update(n)
        bn_names.update(bn)
    return torch_blocks()(parts["fused"], parts["project"], plan.residual), names, bn_names


def torchvision_fused_names(plan: FusedPlan, pre: str) -> TorchNames:
    """torchvision's ``FusedMBConv`` at ``pre`` (``features.<i>.<r>.block``): the Sequential
    holds the fused conv and [the project], each a Conv2dNormActivation (``.0`` conv, ``.1``
    BN)."""
    out = TorchNames()
    for j, cb in enumerate(plan.convbns()):
        out.update(conv_bn_torch_names(cb, f"{pre}.{j}.0.weight", f"{pre}.{j}.1"))
    return out


def timm_fused_names(plan: FusedPlan, pre: str) -> TorchNames:
    """timm's ``_efficientnet_blocks`` at ``pre`` (``blocks.<s>.<r>``): expand 1 a ``ConvBnAct``
    (``conv`` / ``bn1``), else an ``EdgeResidual`` (``conv_exp`` / ``bn1``, ``conv_pwl`` /
    ``bn2``; its SE is off in EfficientNetV2)."""
    if plan.project is None:
        return conv_bn_torch_names(plan.fused, f"{pre}.conv.weight", f"{pre}.bn1")
    out = conv_bn_torch_names(plan.fused, f"{pre}.conv_exp.weight", f"{pre}.bn1")
    return out.update(conv_bn_torch_names(plan.project, f"{pre}.conv_pwl.weight", f"{pre}.bn2"))


# --------------------------------------------------------------------------- the kind
@register
@dataclass(frozen=True)
class fusedMbConv(Stage):
    """EfficientNetV2 Fused-MBConv: kxk stride-s full convBn to ic*expand (act) -> 1x1 project
    convBn to oc (identity); expand 1: the one kxk convBn ic -> oc (act).  No SE; residual when
    stride 1 and ic == oc.  ``repeats`` blocks, the stride on the first.  EfficientNetV2-S:
    fusedMbConv(24, 24, 1, 3, 1, 2), (24, 48, 4, 3, 2, 4), (48, 64, 4, 3, 2, 4)."""
    ic: int
    oc: int
    expand: int
    kernel: int
    stride: int
    repeats: int = 1
    act: str = "swish"
    kind: ClassVar[str] = "fusedMbConv"
    block_reference = staticmethod(fused_reference)
    block_torch = staticmethod(fused_torch)

    def __post_init__(self):
        for f in ("ic", "oc", "expand", "kernel", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "kernel", self.kernel, KERNELS)
        _choice(self.kind, "stride", self.stride, STRIDES)
        _choice(self.kind, "act", self.act, BLOCK_ACTIVATIONS)

    def plan(self, index: int) -> list[FusedPlan]:
        return [_fused(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc, self.expand,
                       self.kernel, self.stride if r == 0 else 1, self.act)
                for r in range(self.repeats)]

    def describe(self) -> str:
        act = "" if self.act == "swish" else f" {self.act}"
        return f"{self.ic}→{self.oc} e{self.expand} k{self.kernel} s{self.stride} ×{self.repeats}{act}"

    def torch_names(self, plan, env):
        """torchvision (``efficientnet_v2_*``): stage ``features.<i>``, block
        ``features.<i>.<r>.block`` (``torchvision_fused_names``).  timm (``efficientnetv2_s``;
        ``tf_efficientnetv2_s`` has the same names but TF's asymmetric padding): stage
        ``blocks.<s>``, block ``blocks.<s>.<r>`` (``timm_fused_names``)."""
        out = TorchNames()
        if env.scheme == "timm":
            s = env.take("blocks")
            for r, b in enumerate(plan):
                out.update(timm_fused_names(b, f"blocks.{s}.{r}"))
            return out
        i = env.take("features")
        for r, b in enumerate(plan):
            out.update(torchvision_fused_names(b, f"features.{i}.{r}.block"))
        return out
