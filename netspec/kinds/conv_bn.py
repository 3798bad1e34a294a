"""convBn: convolution without bias -> BatchNorm -> activation.

Also the primitive behind the expand / depthwise / project stages of the block kinds
(``blocks.py``): ``ConvBnPlan`` owns its parameter names, its shape rule and MACs, its JAX
reference and its torch module, and the blocks compose it.

    z = conv(x, w)  (HWIO weight, groups; padding 'same' = symmetric k//2 as PyTorch, 'valid' = 0,
                     'tf_same' = TensorFlow's SAME: (lo, hi) from the input extent, ``conv_pads``)
    u = gamma * (z - mean) / sqrt(var + eps) + beta    (train: batch statistics, biased variance)
    y = act(u)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import ClassVar, Iterator

from .base import (ACTIVATIONS, KERNELS, PADDINGS, STRIDES, Layer, ParamSpec, TorchNames,
                   _choice, _int, _need_channels, _need_image, conv_out, conv_pads, register)


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

    # the registry names of its tensors (declared once, read by every walker)
    @property
    def w(self) -> str:
        return f"{self.name}.conv.w"

    @property
    def gamma(self) -> str:
        return f"{self.name}.bn.gamma"

    @property
    def beta(self) -> str:
        return f"{self.name}.bn.beta"

    @property
    def bn(self) -> str:
        return f"{self.name}.bn"

    @property
    def pad(self) -> int:
        """Symmetric padding per side: k//2 for 'same', 0 for 'valid' ('tf_same' has none: its
        two sides depend on the input extent, ``pads``)."""
        if self.padding == "tf_same":
            raise ValueError(f"{self.name}: 'tf_same' padding is per side and input-size "
                             "dependent; use ConvBnPlan.pads(h, w)")
        return self.k // 2 if self.padding == "same" else 0

    def pads(self, h: int, w: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """((lo_h, hi_h), (lo_w, hi_w)): the padding of each side for an input of h x w
        (``conv_pads``: symmetric for 'same' / 'valid', TensorFlow's asymmetric for 'tf_same')."""
        return (conv_pads(h, self.k, self.stride, self.padding),
                conv_pads(w, self.k, self.stride, self.padding))

    def params(self) -> Iterator[ParamSpec]:
        role = "dw_w" if self.groups > 1 else "conv_w"
        yield ParamSpec(self.w, (self.k, self.k, self.ic // self.groups, self.oc),
                        role, "kaiming_normal_fan_out", True)
        yield ParamSpec(self.gamma, (self.oc,), "bn_gamma", "ones", False)
        yield ParamSpec(self.beta, (self.oc,), "bn_beta", "zeros", False)

    def bns(self) -> Iterator[tuple[str, int]]:
        yield self.bn, self.oc

    def out_shape(self, shape):
        c, h, w = shape
        return (self.oc, conv_out(h, self.k, self.stride, self.padding),
                conv_out(w, self.k, self.stride, self.padding))

    def macs(self, shape) -> int:
        _, ho, wo = self.out_shape(shape)
        return ho * wo * self.k * self.k * (self.ic // self.groups) * self.oc


# --------------------------------------------------------------------------- JAX reference
def jax_act(x, act: str):
    import jax
    import jax.numpy as jnp
    if act == "identity":
        return x
    if act == "relu":
        return jnp.maximum(x, 0)
    if act == "relu6":
        return jnp.clip(x, 0, 6)
    if act == "swish":
        return x * jax.nn.sigmoid(x)
    if act == "sigmoid":
        return jax.nn.sigmoid(x)
    if act == "hsigmoid":
        # min(max(x + 3, 0), 6) / 6, written piecewise so that jax.grad takes PyTorch's
        # one-sided derivatives at the kinks: 1/6 on the open interval (-3, 3), else 0
        # (``jnp.clip``'s gradient would split 1/2 : 1/2 at a tie)
        inside = (x > -3) & (x < 3)
        return jnp.where(inside, (x + 3) / 6, jnp.where(x >= 3, jnp.ones_like(x), jnp.zeros_like(x)))
    if act == "hswish":
        # x * min(max(x + 3, 0), 6) / 6; derivative (PyTorch's hardswish_backward): 0 up to
        # -3, x/3 + 1/2 on the open (-3, 3), 1 from 3 on
        return jnp.where(x <= -3, jnp.zeros_like(x), jnp.where(x < 3, x * (x + 3) / 6, x))
    raise ValueError(f"unknown activation {act!r}")


def conv_bn_reference(plan: ConvBnPlan, x, env):
    """The oracle's convBn: ``lax.conv_general_dilated`` at HIGHEST precision, then PyTorch's BN
    (train: batch mean / biased variance, running stats updated with the unbiased variance)."""
    import jax.numpy as jnp
    from jax import lax
    lay, params = env.lay, env.params
    w, gamma, beta = params[plan.w], params[plan.gamma], params[plan.beta]
    rmean, rvar = env.bn[plan.bn]
    pads = plan.pads(x.shape[lay.spatial[0]], x.shape[lay.spatial[1]])
    prec = env.prec
    y = prec.ref_store(prec.ref_contract("conv", lambda a, b: lax.conv_general_dilated(
        a, b, window_strides=(plan.stride, plan.stride), padding=list(pads),
        dimension_numbers=(lay.name, "HWIO", lay.name), feature_group_count=plan.groups,
        precision=lax.Precision.HIGHEST), x, w))
    if lay.name == "NCHW":      # per-channel vectors broadcast over (B, C, H, W)
        gamma, beta = gamma[:, None, None], beta[:, None, None]
    if env.train:
        n = y.shape[0] * y.shape[lay.spatial[0]] * y.shape[lay.spatial[1]]
        if n < 2:
            raise ValueError(f"{plan.bn}: train-mode BatchNorm needs more than one value per channel "
                             f"(B*H*W = {n})")
        mean = jnp.mean(y, axis=lay.stats, keepdims=True)
        var = jnp.mean(jnp.square(y - mean), axis=lay.stats, keepdims=True)   # biased
        m = env.momentum
        env.new_bn[plan.bn] = ((1 - m) * rmean + m * lax.stop_gradient(mean).reshape(-1),
                               (1 - m) * rvar + m * lax.stop_gradient(var).reshape(-1) * (n / (n - 1)))
    else:
        mean, var = (rmean, rvar) if lay.name == "NHWC" else (rmean[:, None, None],
                                                               rvar[:, None, None])
        env.new_bn[plan.bn] = (rmean, rvar)
    xhat = (y - mean) / jnp.sqrt(var + env.eps)
    return prec.ref_store(jax_act(gamma * xhat + beta, plan.act))


# --------------------------------------------------------------------------- torch block
@functools.cache
def torch_blocks():
    """The torch modules of the primitive (built on first use: importing a kind never imports
    torch).  ``nn.Conv2d(bias=False, groups)`` + ``nn.BatchNorm2d(eps, momentum)`` + act;
    'tf_same': ``F.pad`` by the input's (lo, hi) per side, then the conv without padding
    (timm's ``Conv2dSame``)."""
    import torch.nn.functional as F
    from torch import nn

    def act(name: str) -> nn.Module:
        # in-place where torchvision's Conv2dNormActivation uses it (after BN, whose backward
        # does not need its output)
        return {"identity": lambda: nn.Identity(), "relu": lambda: nn.ReLU(inplace=True),
                "relu6": lambda: nn.ReLU6(inplace=True), "swish": lambda: nn.SiLU(inplace=True),
                "sigmoid": lambda: nn.Sigmoid(), "hswish": lambda: nn.Hardswish(inplace=True),
                "hsigmoid": lambda: nn.Hardsigmoid()}[name]()

    class ConvBnAct(nn.Module):
        def __init__(self, plan: ConvBnPlan, eps: float, momentum: float):
            super().__init__()
            self.plan = plan
            self.tf_same = plan.padding == "tf_same"
            self.conv = nn.Conv2d(plan.ic, plan.oc, plan.k, plan.stride,
                                  0 if self.tf_same else plan.pad, groups=plan.groups, bias=False)
            self.bn = nn.BatchNorm2d(plan.oc, eps=eps, momentum=momentum)
            self.act = act(plan.act)

        def forward(self, x):
            if self.tf_same:      # NCHW: F.pad takes (w_lo, w_hi, h_lo, h_hi)
                (lo_h, hi_h), (lo_w, hi_w) = self.plan.pads(x.shape[-2], x.shape[-1])
                x = F.pad(x, (lo_w, hi_w, lo_h, hi_h))
            return self.act(self.bn(self.conv(x)))

    return act, ConvBnAct


def conv_bn_torch(plan: ConvBnPlan, env, prefix: str = ""):
    """-> (ConvBnAct, {registry name: torch name}, {bn name: torch module name})."""
    _, ConvBnAct = torch_blocks()
    pre = f"{prefix}." if prefix else ""
    names = {plan.w: f"{pre}conv.weight", plan.gamma: f"{pre}bn.weight", plan.beta: f"{pre}bn.bias"}
    return ConvBnAct(plan, env.eps, env.momentum), names, {plan.bn: f"{pre}bn"}


# --------------------------------------------------------------------------- torch state-dict names
def conv_bn_torch_names(plan: ConvBnPlan, conv_key: str, bn_module: str) -> TorchNames:
    """The convBn's tensors in a torch state dict: the conv weight at ``conv_key``, the BN at
    module path ``bn_module`` (gamma = ``.weight``, beta = ``.bias``, its running stats)."""
    return TorchNames({plan.w: conv_key, plan.gamma: f"{bn_module}.weight",
                       plan.beta: f"{bn_module}.bias"}, {plan.bn: bn_module})


# --------------------------------------------------------------------------- the kind
@register
@dataclass(frozen=True)
class convBn(Layer):
    """Convolution without bias, BatchNorm, activation (swish for EfficientNet, relu6 for
    MobileNetV2 and EfficientNet-Lite, hswish for MobileNetV3, identity for none).  Padding
    'same' is symmetric k//2 (PyTorch's), 'tf_same' TensorFlow's SAME (``conv_pads``)."""
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
                hint="'same' pads k//2 each side (PyTorch), 'tf_same' TensorFlow's asymmetric SAME")
        _choice(self.kind, "act", self.act, ACTIVATIONS)

    def check_input(self, shape, where):
        _need_image(shape, where, "convBn")
        _need_channels(shape, self.ic, where)

    def plan(self, index: int) -> ConvBnPlan:
        return ConvBnPlan(f"conv.{index}", self.ic, self.oc, self.kernel, self.stride,
                          self.padding, 1, self.act)

    def out_shape(self, plan, shape):
        return plan.out_shape(shape)

    def macs(self, plan, shape) -> int:
        return plan.macs(shape)

    def params(self, plan):
        return list(plan.params())

    def bns(self, plan):
        return list(plan.bns())

    def rand_columns(self, plan, shape) -> int:
        return 0

    def depth_blocks(self, plan):
        return []

    def activations(self, plan):
        return {plan.act}

    def describe(self) -> str:
        pad = "" if self.padding == "same" else f" {self.padding}"
        return f"{self.ic}→{self.oc} k{self.kernel} s{self.stride}{pad} {self.act}"

    def reference(self, plan, x, env):
        return conv_bn_reference(plan, x, env)

    def torch_module(self, plan, env):
        return conv_bn_torch(plan, env)

    def torch_names(self, plan, env):
        """torchvision: ``features.<i>`` is a Conv2dNormActivation (``.0`` conv, ``.1`` BN).
        timm (EfficientNet / MobileNetV2 family): the one stem (``conv_stem``, ``bn1``) before
        the blocks and the one head (``conv_head``, ``bn2``) after them.  A ResNet (the
        ``resnet`` mark of ``basicBlock``; torchvision and timm name it alike): the one stem
        ``conv1`` / ``bn1`` before the stages."""
        if env.seen("resnet"):
            if env.seen("stem") or env.count("layer"):
                raise env.unsupported("a ResNet has one convolution outside its stages, the "
                                      "stem conv1 / bn1, and it is taken")
            env.mark("stem")
            return conv_bn_torch_names(plan, "conv1.weight", "bn1")
        if env.scheme == "torchvision":
            i = env.take("features")
            return conv_bn_torch_names(plan, f"features.{i}.0.weight", f"features.{i}.1")
        slot = "head" if env.count("blocks") else "stem"
        if env.seen(slot):
            raise env.unsupported(f"timm's model has one {slot} convolution, and it is taken")
        env.mark(slot)
        return conv_bn_torch_names(plan, f"conv_{slot}.weight", "bn1" if slot == "stem" else "bn2")
