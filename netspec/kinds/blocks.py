"""invertedResidual (MobileNetV2), mbConv (EfficientNet, EfficientNet-Lite): ``repeats`` blocks,
and bneck (MobileNetV3: one block of Table 1's row), each

    h = expand(x)   1x1 convBn (absent when expand == 1)
    h = dw(h)       kxk depthwise convBn (the stride lives here; first block only; the kind's
                    ``padding``: 'same' symmetric k//2, 'tf_same' TensorFlow's SAME, ``conv_pads``)
    h = se(h)       squeeze-excitation (mbConv / bneck with use_se)
    y = project(h)  1x1 convBn, identity activation  (+ x when residual: stride 1 and ic == oc)

Squeeze-excitation on c channels with a bottleneck of se channels (1x1 convs with bias):
    gate = gate_act(W2 act(W1 mean_hw(h) + b1) + b2);  y = h * gate
mbConv: act = the block's activation (swish; timm passes the block's act_layer to its SE),
gate_act = sigmoid, the bottleneck sized off the block's INPUT channels, max(1, int(ic *
se_ratio)), as torchvision, timm and TF do.  bneck (torchvision's MobileNetV3): act = relu,
gate_act = hsigmoid, the bottleneck _make_divisible(mid // 4, 8) off the EXPANDED channels.

Stochastic depth (train, a residual block with a rate > 0, ``netspec.analysis``):
    y = x + project(...) * [u >= rate] / (1 - rate)      u: the block's column of ``rand``
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar, Iterator

from ..errors import SpecError
from .base import KERNELS, STRIDES, ParamSpec, Stage, TorchNames, _choice, _int, _ratio, register
from .conv_bn import ConvBnPlan, conv_bn_reference, conv_bn_torch, conv_bn_torch_names, jax_act


@dataclass(frozen=True)
class SEPlan:
    """Squeeze-excitation on c channels with a bottleneck of se channels."""
    name: str
    c: int
    se: int
    act: str = "swish"         # the bottleneck's activation
    gate: str = "sigmoid"      # the gate's (MobileNetV3: hsigmoid)

    @property
    def reduce_w(self) -> str:
        return f"{self.name}.reduce.w"

    @property
    def reduce_b(self) -> str:
        return f"{self.name}.reduce.b"

    @property
    def expand_w(self) -> str:
        return f"{self.name}.expand.w"

    @property
    def expand_b(self) -> str:
        return f"{self.name}.expand.b"

    def params(self) -> Iterator[ParamSpec]:
        yield ParamSpec(self.reduce_w, (self.c, self.se), "se_w", "kaiming_normal_fan_out", True)
        yield ParamSpec(self.reduce_b, (self.se,), "se_b", "zeros", False)
        yield ParamSpec(self.expand_w, (self.se, self.c), "se_w", "kaiming_normal_fan_out", True)
        yield ParamSpec(self.expand_b, (self.c,), "se_b", "zeros", False)

    def macs(self) -> int:
        return 2 * self.c * self.se


@dataclass(frozen=True)
class BlockPlan:
    """One inverted-residual / MBConv block: [expand] -> dw -> [se] -> project (+ residual)."""
    name: str
    ic: int
    oc: int
    expand: ConvBnPlan | None
    dw: ConvBnPlan
    se: SEPlan | None
    project: ConvBnPlan
    residual: bool

    def convbns(self) -> list[ConvBnPlan]:
        return [p for p in (self.expand, self.dw, self.project) if p is not None]

    def params(self) -> Iterator[ParamSpec]:
        if self.expand is not None:
            yield from self.expand.params()
        yield from self.dw.params()
        if self.se is not None:
            yield from self.se.params()
        yield from self.project.params()

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
        return total + (self.se.macs() if self.se else 0)


def _block(name, ic, oc, expand, k, stride, act, se_ratio, padding="same") -> BlockPlan:
    mid = ic * expand
    exp = ConvBnPlan(f"{name}.expand", ic, mid, 1, 1, "same", 1, act) if expand != 1 else None
    dw = ConvBnPlan(f"{name}.dw", mid, mid, k, stride, padding, mid, act)
    se = SEPlan(f"{name}.se", mid, max(1, int(ic * se_ratio)), act) if se_ratio else None
    proj = ConvBnPlan(f"{name}.project", mid, oc, 1, 1, "same", 1, "identity")
    return BlockPlan(name, ic, oc, exp, dw, se, proj, stride == 1 and ic == oc)


def v3_se_channels(mid: int) -> int:
    """MobileNetV3's SE bottleneck: torchvision's ``_make_divisible(mid // 4, 8)`` (the nearest
    multiple of 8, at least 8, never more than 10% below)."""
    v = mid // 4
    new_v = max(8, int(v + 4) // 8 * 8)
    return new_v + 8 if new_v < 0.9 * v else new_v


def _v3_block(name, ic, mid, oc, k, stride, act, use_se, padding="same") -> BlockPlan:
    """torchvision's MobileNetV3 ``InvertedResidual``: the expand conv only when mid != ic."""
    exp = ConvBnPlan(f"{name}.expand", ic, mid, 1, 1, "same", 1, act) if mid != ic else None
    dw = ConvBnPlan(f"{name}.dw", mid, mid, k, stride, padding, mid, act)
    se = SEPlan(f"{name}.se", mid, v3_se_channels(mid), "relu", "hsigmoid") if use_se else None
    proj = ConvBnPlan(f"{name}.project", mid, oc, 1, 1, "same", 1, "identity")
    return BlockPlan(name, ic, oc, exp, dw, se, proj, stride == 1 and ic == oc)


# --------------------------------------------------------------------------- JAX reference
def se_reference(plan: SEPlan, h, env):
    import jax
    import jax.numpy as jnp
    from jax import lax
    hi, params, prec = lax.Precision.HIGHEST, env.params, env.prec
    mm = lambda a, b: jnp.matmul(a, b, precision=hi)
    s = jnp.mean(h, axis=env.lay.spatial)                                      # (B, c)
    z = prec.ref_contract("dense", mm, s, params[plan.reduce_w]) + params[plan.reduce_b]
    z = jax_act(z, plan.act)
    g = jax_act(prec.ref_contract("dense", mm, z, params[plan.expand_w]) + params[plan.expand_b],
                plan.gate)
    return prec.ref_store(h * env.lay.per_channel(g))


def block_reference(plan: BlockPlan, x, env):
    h = x
    if plan.expand is not None:
        h = conv_bn_reference(plan.expand, h, env)
    h = conv_bn_reference(plan.dw, h, env)
    if plan.se is not None:
        h = se_reference(plan.se, h, env)
    h = conv_bn_reference(plan.project, h, env)
    drop = (env.drop_path or {}).get(plan.name) if env.train else None
    if drop is not None:
        # stochastic depth: per sample keep = [u >= rate], the kept branch scaled by 1/(1-rate)
        col, rate = drop
        m = (env.rand[:, col] >= rate).astype(h.dtype) / (1.0 - rate)
        h = h * m.reshape((-1,) + (1,) * (h.ndim - 1))
    return env.prec.ref_store(h + x) if plan.residual else h


# --------------------------------------------------------------------------- torch blocks
@functools.cache
def torch_blocks():
    """SE as torchvision's ``SqueezeExcitation`` (AdaptiveAvgPool2d(1) -> 1x1 conv with bias ->
    act (SiLU; MobileNetV3: ReLU) -> 1x1 conv with bias -> gate (Sigmoid; MobileNetV3:
    Hardsigmoid) -> x * gate; the reference's ``mean_hw(x) @ W1 + b1`` is the 1x1 conv with
    weight ``W1.T``) and the block around it."""
    from torch import nn
    acts = {"swish": nn.SiLU, "relu": nn.ReLU, "relu6": nn.ReLU6, "hswish": nn.Hardswish,
            "sigmoid": nn.Sigmoid, "hsigmoid": nn.Hardsigmoid, "identity": nn.Identity}

    class SqueezeExcite(nn.Module):
        def __init__(self, c: int, se: int, act: str = "swish", gate: str = "sigmoid"):
            super().__init__()
            self.avgpool = nn.AdaptiveAvgPool2d(1)
            self.reduce = nn.Conv2d(c, se, 1)
            self.act = acts[act]()
            self.expand = nn.Conv2d(se, c, 1)
            self.gate = acts[gate]()

        def forward(self, x):
            s = self.gate(self.expand(self.act(self.reduce(self.avgpool(x)))))
            return x * s

    class Block(nn.Module):
        def __init__(self, expand, dw, se, project, residual: bool):
            super().__init__()
            self.expand, self.dw, self.se, self.project = expand, dw, se, project
            self.residual = residual

        def forward(self, x):
            h = self.expand(x) if self.expand is not None else x
            h = self.dw(h)
            if self.se is not None:
                h = self.se(h)
            h = self.project(h)
            return h + x if self.residual else h

    return SqueezeExcite, Block


def block_torch(plan: BlockPlan, env, prefix: str):
    """-> (Block, {registry name: torch name}, {bn name: torch module name})."""
    SqueezeExcite, Block = torch_blocks()
    names, bn_names, parts = {}, {}, {}
    for part in ("expand", "dw", "se", "project"):      # registry order
        sub = getattr(plan, part)
        if sub is None:
            parts[part] = None
        elif part == "se":
            parts[part] = SqueezeExcite(sub.c, sub.se, sub.act, sub.gate)
            for t, (w, b) in (("reduce", (sub.reduce_w, sub.reduce_b)),
                              ("expand", (sub.expand_w, sub.expand_b))):
                names[w] = f"{prefix}.se.{t}.weight"
                names[b] = f"{prefix}.se.{t}.bias"
        else:
            parts[part], n, bn = conv_bn_torch(sub, env, f"{prefix}.{part}")
            names.update(n)
            bn_names.update(bn)
    return Block(parts["expand"], parts["dw"], parts["se"], parts["project"], plan.residual), \
        names, bn_names


# --------------------------------------------------------------------------- torch state-dict names
def se_torch_names(plan: SEPlan, module: str, reduce: str, expand: str) -> TorchNames:
    """SE as two 1x1 convs with bias at ``<module>.<reduce>`` / ``<module>.<expand>``."""
    return TorchNames({plan.reduce_w: f"{module}.{reduce}.weight",
                       plan.reduce_b: f"{module}.{reduce}.bias",
                       plan.expand_w: f"{module}.{expand}.weight",
                       plan.expand_b: f"{module}.{expand}.bias"})


def timm_block_names(plan: BlockPlan, prefix: str) -> TorchNames:
    """timm's ``_efficientnet_blocks``: without an expand conv a ``DepthwiseSeparableConv``
    (``conv_dw``/``bn1``, ``se``, ``conv_pw``/``bn2``), else an ``InvertedResidual``
    (``conv_pw``/``bn1``, ``conv_dw``/``bn2``, ``se``, ``conv_pwl``/``bn3``); SE
    ``se.conv_reduce`` / ``se.conv_expand``."""
    if plan.expand is None:
        parts = [(plan.dw, "conv_dw", "bn1"), (plan.project, "conv_pw", "bn2")]
    else:
        parts = [(plan.expand, "conv_pw", "bn1"), (plan.dw, "conv_dw", "bn2"),
                 (plan.project, "conv_pwl", "bn3")]
    out = TorchNames()
    for cb, conv, bn in parts:
        out.update(conv_bn_torch_names(cb, f"{prefix}.{conv}.weight", f"{prefix}.{bn}"))
    if plan.se is not None:
        out.update(se_torch_names(plan.se, f"{prefix}.se", "conv_reduce", "conv_expand"))
    return out


def torchvision_block_names(b: BlockPlan, pre: str) -> TorchNames:
    """torchvision's MBConv / MobileNetV3 InvertedResidual: the ``block`` Sequential at ``pre``
    holds [expand], depthwise, [SE ``fc1`` / ``fc2``] and project, each conv a
    Conv2dNormActivation (``.0`` conv, ``.1`` BN)."""
    out = TorchNames()
    j = 0
    for part in (b.expand, b.dw, b.se, b.project):
        if part is None:
            continue
        if part is b.se:
            out.update(se_torch_names(part, f"{pre}.{j}", "fc1", "fc2"))
        else:
            out.update(conv_bn_torch_names(part, f"{pre}.{j}.0.weight", f"{pre}.{j}.1"))
        j += 1
    return out


#: activations a block's expand / depthwise convs may use
BLOCK_ACTIVATIONS = ("swish", "relu6", "relu", "hswish")
#: paddings of a block's depthwise conv (the 1x1 expand / project pad nothing in either);
#: 'valid' would shrink the map and break the residual
BLOCK_PADDINGS = ("same", "tf_same")


def _padding(kind: str, value) -> None:
    _choice(kind, "padding", value, BLOCK_PADDINGS,
            hint="'same' pads k//2 each side (PyTorch), 'tf_same' TensorFlow's asymmetric SAME")


def _pad_note(padding: str) -> str:
    return "" if padding == "same" else f" {padding}"


# --------------------------------------------------------------------------- the kinds
class _Blocks(Stage):
    """What the block kinds share (``Stage``): the plan is a list of BlockPlans."""
    block_reference = staticmethod(block_reference)
    block_torch = staticmethod(block_torch)

    def block_activations(self, b) -> set:
        return set() if b.se is None else {b.se.act, b.se.gate}

    def torch_names(self, plan, env):
        """timm: stage ``blocks.<s>``, block ``blocks.<s>.<r>`` (``timm_block_names``);
        torchvision: the kind's own ``_torchvision_names``."""
        out = TorchNames()
        if env.scheme == "timm":
            s = env.take("blocks")
            for r, b in enumerate(plan):
                out.update(timm_block_names(b, f"blocks.{s}.{r}"))
            return out
        return self._torchvision_names(plan, env)


@register
@dataclass(frozen=True)
class invertedResidual(_Blocks):
    """MobileNetV2 block: 1x1 expand (absent when expand == 1) + BN + relu6, 3x3 depthwise +
    BN + relu6, 1x1 linear project + BN, residual when stride 1 and ic == oc.  ``repeats``
    blocks; the stride applies to the first, the rest map oc -> oc."""
    ic: int
    oc: int
    expand: int
    stride: int
    repeats: int = 1
    padding: str = "same"      # the depthwise conv's: 'same' | 'tf_same'
    kind: ClassVar[str] = "invertedResidual"
    #: fields left out of the spec hash at their default (added after specs were saved)
    hash_omit_default: ClassVar[tuple[str, ...]] = ("padding",)

    def __post_init__(self):
        for f in ("ic", "oc", "expand", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "stride", self.stride, STRIDES)
        _padding(self.kind, self.padding)

    def plan(self, index: int) -> list[BlockPlan]:
        return [_block(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc, self.expand,
                       3, self.stride if r == 0 else 1, "relu6", None, self.padding)
                for r in range(self.repeats)]

    def describe(self) -> str:
        return (f"{self.ic}→{self.oc} e{self.expand} k3 s{self.stride} ×{self.repeats}"
                f"{_pad_note(self.padding)}")

    def _torchvision_names(self, plan, env):
        """torchvision's MobileNetV2 numbers its blocks flat: ``features.<n>`` per block, an
        ``InvertedResidual`` whose ``conv`` Sequential holds [expand Conv2dNormActivation],
        depthwise Conv2dNormActivation (``.0`` conv, ``.1`` BN), then the project conv and its
        BN as two entries."""
        out = TorchNames()
        for b in plan:
            pre = f"features.{env.take('features')}.conv"
            j = 0
            for cb in (b.expand, b.dw):
                if cb is not None:
                    out.update(conv_bn_torch_names(cb, f"{pre}.{j}.0.weight", f"{pre}.{j}.1"))
                    j += 1
            if b.se is not None:
                raise env.unsupported("torchvision's InvertedResidual has no squeeze-excitation")
            out.update(conv_bn_torch_names(b.project, f"{pre}.{j}.weight", f"{pre}.{j + 1}"))
        return out


@register
@dataclass(frozen=True)
class mbConv(_Blocks):
    """EfficientNet MBConv: [1x1 expand + BN + act] -> kxk depthwise + BN + act ->
    squeeze-excitation -> 1x1 project + BN (+ residual); act = swish (EfficientNet) or relu6
    (EfficientNet-Lite: ``use_se=False``).  The SE bottleneck is sized off the
    block's INPUT channels, max(1, int(ic * se_ratio)), as torchvision/timm/TF do.
    ``padding`` of the depthwise conv: 'same' (PyTorch's symmetric k//2) or 'tf_same'
    (TensorFlow's SAME: timm's ``tf_efficientnet_*``)."""
    ic: int
    oc: int
    expand: int
    kernel: int
    stride: int
    repeats: int = 1
    use_se: bool = True
    se_ratio: float = 0.25
    act: str = "swish"         # relu6: EfficientNet-Lite
    padding: str = "same"      # the depthwise conv's: 'same' | 'tf_same' (timm's tf_efficientnet)
    kind: ClassVar[str] = "mbConv"
    #: fields left out of the spec hash at their default (added after specs were saved)
    hash_omit_default: ClassVar[tuple[str, ...]] = ("act", "padding")

    def __post_init__(self):
        for f in ("ic", "oc", "expand", "kernel", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "kernel", self.kernel, KERNELS)
        _choice(self.kind, "stride", self.stride, STRIDES)
        if not isinstance(self.use_se, bool):
            raise SpecError("must be a bool", where=self.kind, field="use_se",
                            expected="True or False", received=self.use_se)
        _ratio(self.kind, "se_ratio", self.se_ratio, 0.0, 1.0, lo_open=True)
        _choice(self.kind, "act", self.act, BLOCK_ACTIVATIONS)
        _padding(self.kind, self.padding)

    def plan(self, index: int) -> list[BlockPlan]:
        return [_block(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc, self.expand,
                       self.kernel, self.stride if r == 0 else 1, self.act,
                       self.se_ratio if self.use_se else None, self.padding)
                for r in range(self.repeats)]

    def _torchvision_names(self, plan, env):
        """torchvision's EfficientNet nests by stage: ``features.<i>`` per layer, block
        ``features.<i>.<r>``, an ``MBConv`` whose ``block`` Sequential holds [expand],
        depthwise, SE (``fc1`` / ``fc2``) and project, the convs as Conv2dNormActivation
        (``.0`` conv, ``.1`` BN)."""
        out = TorchNames()
        i = env.take("features")
        for r, b in enumerate(plan):
            out.update(torchvision_block_names(b, f"features.{i}.{r}.block"))
        return out

    def describe(self) -> str:
        se = f"se{self.se_ratio:g}" if self.use_se else "no-se"
        act = "" if self.act == "swish" else f" {self.act}"
        return (f"{self.ic}→{self.oc} e{self.expand} k{self.kernel} s{self.stride} "
                f"×{self.repeats} {se}{act}{_pad_note(self.padding)}")


@register
@dataclass(frozen=True)
class bneck(_Blocks):
    """MobileNetV3 bottleneck, one row of Howard et al. 2019 Table 1 (exp size = ``mid``, #out,
    SE, NL = ``act``, s): [1x1 expand to mid + BN + act, absent when mid == ic] -> kxk
    depthwise + BN + act -> [SE: relu bottleneck of _make_divisible(mid // 4, 8), hsigmoid
    gate] -> 1x1 project + BN (+ residual when stride 1 and ic == oc).  torchvision's
    ``mobilenetv3.InvertedResidual``."""
    ic: int
    mid: int
    oc: int
    kernel: int
    stride: int
    act: str = "relu"
    use_se: bool = False
    padding: str = "same"      # the depthwise conv's: 'same' | 'tf_same'
    kind: ClassVar[str] = "bneck"
    #: fields left out of the spec hash at their default (added after specs were saved)
    hash_omit_default: ClassVar[tuple[str, ...]] = ("padding",)

    def __post_init__(self):
        for f in ("ic", "mid", "oc", "kernel", "stride"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "kernel", self.kernel, KERNELS)
        _choice(self.kind, "stride", self.stride, STRIDES)
        _choice(self.kind, "act", self.act, ("relu", "hswish"),
                hint="MobileNetV3's blocks use relu (RE) or hswish (HS)")
        if not isinstance(self.use_se, bool):
            raise SpecError("must be a bool", where=self.kind, field="use_se",
                            expected="True or False", received=self.use_se)
        _padding(self.kind, self.padding)

    def plan(self, index: int) -> list[BlockPlan]:
        return [_v3_block(f"blocks.{index}.0", self.ic, self.mid, self.oc, self.kernel,
                          self.stride, self.act, self.use_se, self.padding)]

    def _torchvision_names(self, plan, env):
        """torchvision's MobileNetV3 numbers its blocks flat: ``features.<n>`` per block, an
        ``InvertedResidual`` whose ``block`` Sequential holds [expand], depthwise, [SE
        (``fc1`` / ``fc2``)] and project, the convs as Conv2dNormActivation (``.0`` conv,
        ``.1`` BN)."""
        out = TorchNames()
        for b in plan:
            out.update(torchvision_block_names(b, f"features.{env.take('features')}.block"))
        return out

    def torch_names(self, plan, env):
        if env.scheme == "timm":
            raise env.unsupported("timm's MobileNetV3 (mobilenetv3_large_100) has a bias-only "
                                  "conv head and stage-nested blocks; use torchvision's names")
        return self._torchvision_names(plan, env)

    def describe(self) -> str:
        return (f"{self.ic}→{self.mid}→{self.oc} k{self.kernel} s{self.stride} {self.act}"
                f"{' se' if self.use_se else ''}{_pad_note(self.padding)}")
