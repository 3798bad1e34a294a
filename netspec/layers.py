"""The layer kinds of the NetSpec DSL, with their shape rules and parameter lists.

A spec reads like the book's listings: positional arguments come in the seeds' order,
    convBn(ic, oc, kernel, stride, padding="same", act="relu6")
    invertedResidual(ic, oc, expand, stride, repeats=1)
    mbConv(ic, oc, expand, kernel, stride, repeats=1, use_se=True, se_ratio=0.25)
    globalAvgPool()
    dropout(rate)
    dense(ic, oc, act="identity")

Every kind is an immutable dataclass validated on construction.  Each kind expands into a
*plan*: a small tree of primitive configurations (``ConvBnPlan``, ``SEPlan``, ``BlockPlan``,
``DensePlan``...) carrying the hierarchical names the parameter registry, the code generator,
checkpoints and the JAX reference all share.  Shapes are logical ``(C, H, W)`` for images and
``(F,)`` for vectors, batch excluded; the activation layout (NCHW/NHWC) is the code generator's
choice and never appears here.

Parameter storage convention (documented, fixed): convolution weights are HWIO
``(kh, kw, in_channels / groups, out_channels)`` — a depthwise weight is ``(k, k, 1, C)`` —
and dense weights are ``(in, out)``.  PyTorch/timm weight import transposes from OIHW/(out, in).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import ClassVar, Iterator

from .errors import SpecError

ACTIVATIONS = ("identity", "relu", "relu6", "swish", "sigmoid")
PADDINGS = ("same", "valid")
KERNELS = (1, 3, 5, 7)
STRIDES = (1, 2)


# --------------------------------------------------------------------------- validation helpers
def _int(kind: str, name: str, value, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SpecError("must be an integer", where=kind, field=name,
                        expected=f"an integer >= {minimum}", received=value)
    if value < minimum:
        raise SpecError("is out of range", where=kind, field=name,
                        expected=f"an integer >= {minimum}", received=value)
    return value


def _choice(kind: str, name: str, value, choices, hint: str | None = None):
    if value not in choices:
        raise SpecError("is not supported", where=kind, field=name,
                        expected="one of " + ", ".join(map(repr, choices)), received=value, hint=hint)
    return value


def _ratio(kind: str, name: str, value, lo: float, hi: float, *, lo_open=False, hi_open=False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise SpecError("must be a number", where=kind, field=name,
                        expected=f"a number in {'(' if lo_open else '['}{lo}, {hi}{')' if hi_open else ']'}",
                        received=value)
    bad = value < lo or value > hi or (lo_open and value == lo) or (hi_open and value == hi)
    if bad:
        raise SpecError("is out of range", where=kind, field=name,
                        expected=f"a number in {'(' if lo_open else '['}{lo}, {hi}{')' if hi_open else ']'}",
                        received=value)
    return float(value)


def conv_out(size: int, k: int, stride: int, padding: str) -> int:
    """Output extent of a convolution: floor((size + 2p - k) / stride) + 1, p = k//2 for 'same'."""
    p = k // 2 if padding == "same" else 0
    return (size + 2 * p - k) // stride + 1


# --------------------------------------------------------------------------- parameter specs
@dataclass(frozen=True)
class ParamSpec:
    """One parameter tensor as a layer declares it (the registry adds the offset)."""
    name: str
    shape: tuple[int, ...]
    role: str        # conv_w | dw_w | bn_gamma | bn_beta | dense_w | dense_b | se_w | se_b
    init: str        # kaiming_normal_fan_out | ones | zeros | uniform_fan_out | normal_0.01
    decay: bool      # weight decay applies (never to BN parameters and biases by default)


# --------------------------------------------------------------------------- plans (primitives)
@dataclass(frozen=True)
class ConvBnPlan:
    """conv (no bias, HWIO weight, groups) -> BatchNorm (train: batch stats) -> activation."""
    name: str
    ic: int
    oc: int
    k: int
    stride: int
    padding: str
    groups: int
    act: str

    def params(self, linear_init: str = "") -> Iterator[ParamSpec]:
        role = "dw_w" if self.groups > 1 else "conv_w"
        yield ParamSpec(f"{self.name}.conv.w", (self.k, self.k, self.ic // self.groups, self.oc),
                        role, "kaiming_normal_fan_out", True)
        yield ParamSpec(f"{self.name}.bn.gamma", (self.oc,), "bn_gamma", "ones", False)
        yield ParamSpec(f"{self.name}.bn.beta", (self.oc,), "bn_beta", "zeros", False)

    def bns(self) -> Iterator[tuple[str, int]]:
        yield f"{self.name}.bn", self.oc

    def out_shape(self, shape):
        c, h, w = shape
        return (self.oc, conv_out(h, self.k, self.stride, self.padding),
                conv_out(w, self.k, self.stride, self.padding))

    def macs(self, shape) -> int:
        _, ho, wo = self.out_shape(shape)
        return ho * wo * self.k * self.k * (self.ic // self.groups) * self.oc


@dataclass(frozen=True)
class SEPlan:
    """Squeeze-excitation on c channels with a bottleneck of se channels (1x1 convs with bias):
    gate = sigmoid(W2 swish(W1 mean_hw(x) + b1) + b2);  y = x * gate."""
    name: str
    c: int
    se: int

    def params(self) -> Iterator[ParamSpec]:
        yield ParamSpec(f"{self.name}.reduce.w", (self.c, self.se), "se_w", "kaiming_normal_fan_out", True)
        yield ParamSpec(f"{self.name}.reduce.b", (self.se,), "se_b", "zeros", False)
        yield ParamSpec(f"{self.name}.expand.w", (self.se, self.c), "se_w", "kaiming_normal_fan_out", True)
        yield ParamSpec(f"{self.name}.expand.b", (self.c,), "se_b", "zeros", False)

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


@dataclass(frozen=True)
class DensePlan:
    name: str
    ic: int
    oc: int
    act: str
    init: str

    def params(self) -> Iterator[ParamSpec]:
        yield ParamSpec(f"{self.name}.w", (self.ic, self.oc), "dense_w", self.init, True)
        yield ParamSpec(f"{self.name}.b", (self.oc,), "dense_b", "zeros", False)


# --------------------------------------------------------------------------- layer kinds
class Layer:
    """Base of the DSL layer kinds: ``plan(index)``, ``out_shape``, ``check_input``."""
    kind: ClassVar[str] = "layer"

    def check_input(self, shape, where: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def _need_image(shape, where, what):
    if len(shape) != 3:
        raise SpecError(f"{what} needs a 4-D image tensor (N, C, H, W) but its input is 2-D",
                        where=where, expected="an image input", received=f"features {shape}",
                        hint="convolutions cannot follow globalAvgPool or dense")


def _need_channels(shape, ic, where, field_="ic"):
    if shape[0] != ic:
        raise SpecError("does not match the channels the previous layer produces", where=where,
                        field=field_, expected=str(shape[0]), received=ic)


@dataclass(frozen=True)
class convBn(Layer):
    """Convolution without bias, BatchNorm, activation (swish for EfficientNet, relu6 for
    MobileNetV2, identity for none).  Padding 'same' is symmetric k//2 (PyTorch's)."""
    ic: int
    oc: int
    kernel: int
    stride: int = 1
    padding: str = "same"
    act: str = "relu6"
    kind: ClassVar[str] = "convBn"

    def __post_init__(self):
        _int(self.kind, "ic", self.ic)
        _int(self.kind, "oc", self.oc)
        _int(self.kind, "kernel", self.kernel)
        _choice(self.kind, "kernel", self.kernel, KERNELS)
        _int(self.kind, "stride", self.stride)
        _choice(self.kind, "stride", self.stride, STRIDES)
        _choice(self.kind, "padding", self.padding, PADDINGS,
                hint="'tf_same' (TensorFlow's asymmetric padding) is not supported yet")
        _choice(self.kind, "act", self.act, ACTIVATIONS)

    def plan(self, index: int):
        return ConvBnPlan(f"conv.{index}", self.ic, self.oc, self.kernel, self.stride,
                          self.padding, 1, self.act)

    def check_input(self, shape, where):
        _need_image(shape, where, "convBn")
        _need_channels(shape, self.ic, where)


@dataclass(frozen=True)
class invertedResidual(Layer):
    """MobileNetV2 block: 1x1 expand (absent when expand == 1) + BN + relu6, 3x3 depthwise +
    BN + relu6, 1x1 linear project + BN, residual when stride 1 and ic == oc.  ``repeats``
    blocks; the stride applies to the first, the rest map oc -> oc."""
    ic: int
    oc: int
    expand: int
    stride: int
    repeats: int = 1
    kind: ClassVar[str] = "invertedResidual"

    def __post_init__(self):
        for f in ("ic", "oc", "expand", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "stride", self.stride, STRIDES)

    def plan(self, index: int):
        return [_block(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc, self.expand,
                       3, self.stride if r == 0 else 1, "relu6", None)
                for r in range(self.repeats)]

    def check_input(self, shape, where):
        _need_image(shape, where, "invertedResidual")
        _need_channels(shape, self.ic, where)


@dataclass(frozen=True)
class mbConv(Layer):
    """EfficientNet MBConv: [1x1 expand + BN + swish] -> kxk depthwise + BN + swish ->
    squeeze-excitation -> 1x1 project + BN (+ residual).  The SE bottleneck is sized off the
    block's INPUT channels, max(1, int(ic * se_ratio)), as torchvision/timm/TF do."""
    ic: int
    oc: int
    expand: int
    kernel: int
    stride: int
    repeats: int = 1
    use_se: bool = True
    se_ratio: float = 0.25
    kind: ClassVar[str] = "mbConv"

    def __post_init__(self):
        for f in ("ic", "oc", "expand", "kernel", "stride", "repeats"):
            _int(self.kind, f, getattr(self, f))
        _choice(self.kind, "kernel", self.kernel, KERNELS)
        _choice(self.kind, "stride", self.stride, STRIDES)
        if not isinstance(self.use_se, bool):
            raise SpecError("must be a bool", where=self.kind, field="use_se",
                            expected="True or False", received=self.use_se)
        _ratio(self.kind, "se_ratio", self.se_ratio, 0.0, 1.0, lo_open=True)

    def plan(self, index: int):
        return [_block(f"blocks.{index}.{r}", self.ic if r == 0 else self.oc, self.oc, self.expand,
                       self.kernel, self.stride if r == 0 else 1, "swish",
                       self.se_ratio if self.use_se else None)
                for r in range(self.repeats)]

    def check_input(self, shape, where):
        _need_image(shape, where, "mbConv")
        _need_channels(shape, self.ic, where)


def _block(name, ic, oc, expand, k, stride, act, se_ratio) -> BlockPlan:
    mid = ic * expand
    exp = ConvBnPlan(f"{name}.expand", ic, mid, 1, 1, "same", 1, act) if expand != 1 else None
    dw = ConvBnPlan(f"{name}.dw", mid, mid, k, stride, "same", mid, act)
    se = SEPlan(f"{name}.se", mid, max(1, int(ic * se_ratio))) if se_ratio else None
    proj = ConvBnPlan(f"{name}.project", mid, oc, 1, 1, "same", 1, "identity")
    return BlockPlan(name, ic, oc, exp, dw, se, proj, stride == 1 and ic == oc)


@dataclass(frozen=True)
class globalAvgPool(Layer):
    """Mean over the spatial axes: (C, H, W) -> (C,)."""
    kind: ClassVar[str] = "globalAvgPool"

    def plan(self, index: int):
        return None

    def check_input(self, shape, where):
        _need_image(shape, where, "globalAvgPool")


@dataclass(frozen=True)
class dropout(Layer):
    """Inverted dropout on features (train only): y = x * keep / (1 - rate)."""
    rate: float
    kind: ClassVar[str] = "dropout"

    def __post_init__(self):
        _ratio(self.kind, "rate", self.rate, 0.0, 1.0, hi_open=True)

    def plan(self, index: int):
        return None

    def check_input(self, shape, where):
        if len(shape) != 1:
            raise SpecError("dropout is supported on feature vectors (after globalAvgPool)",
                            where=where, expected="a 2-D (N, F) input", received=f"image {shape}")


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

    def plan(self, index: int):
        return DensePlan(f"fc.{index}", self.ic, self.oc, self.act, self.init)

    def check_input(self, shape, where):
        if len(shape) != 1:
            raise SpecError("dense needs a 2-D (N, F) input but receives a 4-D image tensor",
                            where=where, expected="features after globalAvgPool",
                            received=f"image (C, H, W) = {shape}",
                            hint="insert globalAvgPool() before the dense layer")
        if shape[0] != self.ic:
            raise SpecError("does not match the feature size of its input", where=where, field="ic",
                            expected=str(shape[0]), received=self.ic)


LAYER_KINDS = (convBn, invertedResidual, mbConv, globalAvgPool, dropout, dense)
