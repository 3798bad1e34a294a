"""The layer-kind registry: what every DSL layer kind must provide, and the table of kinds.

A layer kind lives in ONE module of ``netspec/kinds/`` (its lowering in ONE module of
``codegen/kinds/``).  The module defines the DSL class (a frozen dataclass validated on
construction) and registers it with ``@register``; every walker — the analysis, ``info``,
verify's tolerance choice, the JAX reference, the torch peer, the case table's coverage test,
later weight import — asks the kind through the hooks below and never matches on kind names.

Hooks (``HOOKS``; each kind defines every one of them itself or through a base it opts into,
such as ``Parameterless`` — never inherited silently from ``Layer``; ``register`` checks):

  check_input(shape, where)      the input shape this kind accepts (SpecError naming ``where``)
  plan(index) -> plan            the typed plan: hierarchical names of its parameters and BNs
  out_shape(plan, shape)         the shape rule: logical (C, H, W) or (F,), batch excluded
  macs(plan, shape) -> int       multiply-accumulates per image (convolutions, dense, SE)
  params(plan) -> [ParamSpec]    its parameter tensors in registry order
  bns(plan) -> [(name, C)]       its BatchNorm layers (running-stat slots) in order
  rand_columns(plan, shape)      how many columns of the per-sample uniforms ``rand`` it reads
  depth_blocks(plan)             its blocks in the stochastic-depth numbering: [(name, residual)]
                                 (``netspec.analysis``: rates and their ``rand`` columns)
  activations(plan) -> set       the activations it applies (kinks decide verify's tolerance)
  describe() -> str              the one-line argument summary of ``netspec info``
  reference(plan, x, env)        the JAX forward of the oracle (``netspec.reference``)
  torch_module(plan, env)        the PyTorch block of the benchmark peer: (module, param names
                                 {registry name: local torch name}, BN names {bn: local module})
  torch_names(plan, env)         its tensors' keys in a real torch model's state dict
                                 (``TorchNames``) under ``env.scheme`` (``TORCH_SCHEMES``:
                                 torchvision, timm); ``env`` (``NamingEnv``) carries the position
                                 in that model's module tree from layer to layer

Shapes are logical; the activation layout (NCHW/NHWC) is the code generator's business.
Parameter storage convention (fixed): convolution weights HWIO ``(kh, kw, in/groups, out)``
— a depthwise weight is ``(k, k, 1, C)`` — and dense weights ``(in, out)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import SpecError
from ..precision import F32

ACTIVATIONS = ("identity", "relu", "relu6", "swish", "sigmoid", "hswish", "hsigmoid")
#: activations whose derivative jumps (f32 gradient error is judged with the kinked bound):
#: relu at 0, relu6 at 0 and 6, hswish / hsigmoid (MobileNetV3's hard functions) at -3 and 3;
#: "max" is not a selectable activation but the nonlinearity of max pooling (its gradient
#: jumps between window elements where two of them tie), reported by ``maxPool.activations``
KINKED_ACTIVATIONS = frozenset({"relu", "relu6", "hswish", "hsigmoid", "max"})
#: convolution paddings (``conv_pads``): 'same' symmetric k//2 (PyTorch's), 'valid' none,
#: 'tf_same' TensorFlow's SAME (asymmetric, from the input extent; timm's ``Conv2dSame``)
PADDINGS = ("same", "valid", "tf_same")
KERNELS = (1, 3, 5, 7)
STRIDES = (1, 2)

HOOKS = ("check_input", "plan", "out_shape", "macs", "params", "bns", "rand_columns",
         "depth_blocks", "activations", "describe", "reference", "torch_module",
         "torch_names")


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


def _need_image(shape, where, what):
    if len(shape) != 3:
        raise SpecError(f"{what} needs a 4-D image tensor (N, C, H, W) but its input is 2-D",
                        where=where, expected="an image input", received=f"features {shape}",
                        hint="convolutions cannot follow globalAvgPool or dense")


def _need_channels(shape, ic, where, field_="ic"):
    if shape[0] != ic:
        raise SpecError("does not match the channels the previous layer produces", where=where,
                        field=field_, expected=str(shape[0]), received=ic)


def conv_pads(size: int, k: int, stride: int, padding: str) -> tuple[int, int]:
    """(pad_lo, pad_hi) of a convolution along one axis of extent ``size``:

        'same'     lo = hi = k // 2                      (symmetric, PyTorch's)
        'valid'    lo = hi = 0
        'tf_same'  out = ceil(size / s);  total = max((out - 1) s + k - size, 0)
                   lo = total // 2,  hi = total - lo     (TensorFlow's SAME, timm's ``pad_same``:
                                                          the odd pixel goes at the END)

    tf_same depends on the input extent: at stride 1 with an odd k it is k // 2 on both sides
    ('same'); at stride 2 a 3x3 on an even extent pads (0, 1), on an odd one (1, 1)."""
    if padding == "same":
        return k // 2, k // 2
    if padding == "valid":
        return 0, 0
    if padding == "tf_same":
        out = -(-size // stride)
        total = max((out - 1) * stride + k - size, 0)
        return total // 2, total - total // 2
    raise ValueError(f"unknown padding {padding!r}")


def conv_out(size: int, k: int, stride: int, padding: str) -> int:
    """Output extent of a convolution: floor((size + lo + hi - k) / stride) + 1 with (lo, hi) =
    ``conv_pads`` (lo = hi = k//2 for 'same', 0 for 'valid'; ceil(size / stride) for 'tf_same')."""
    lo, hi = conv_pads(size, k, stride, padding)
    return (size + lo + hi - k) // stride + 1


# --------------------------------------------------------------------------- parameter specs
@dataclass(frozen=True)
class ParamSpec:
    """One parameter tensor as a layer declares it (the registry adds the offset)."""
    name: str
    shape: tuple[int, ...]
    role: str        # conv_w | dw_w | bn_gamma | bn_beta | dense_w | dense_b | se_w | se_b
    init: str        # kaiming_normal_fan_out | ones | zeros | uniform_fan_out | normal_0.01
    decay: bool      # weight decay applies (never to BN parameters and biases by default)


# --------------------------------------------------------------------------- oracle / peer envs
@dataclass
class RefEnv:
    """What a kind's JAX reference forward receives (``netspec.reference`` builds it).

    params: registry name -> array; bn: BN name -> (running mean, running var); new_bn: the
    updated running statistics, filled by train-mode BatchNorms; lay: the activation layout
    helper (``spatial``, ``stats``, ``per_channel``); rand: this layer's columns of the
    uniforms (B, width), or None (eval, or no rand columns); drop_path: block name ->
    (column of ``rand``, rate) for this layer's dropping blocks (stochastic depth, train); prec: the precision policy
    (``netspec.precision.Precision``: its ``ref_contract`` / ``ref_store`` cast like the
    emitted module)."""
    params: dict
    bn: dict
    new_bn: dict
    train: bool
    momentum: Any
    eps: float
    lay: Any
    rand: Any = None
    prec: Any = F32
    drop_path: Any = None


@dataclass
class TorchEnv:
    """What a kind's torch block receives (the benchmark's PyTorch peer builds it).
    rand_slice: (column offset, width) of this layer's uniforms, or None."""
    eps: float
    momentum: float
    rand_slice: tuple[int, int] | None = None


# --------------------------------------------------------------------------- torch naming
#: the state-dict naming schemes a kind's ``torch_names`` answers for (weights import/export)
TORCH_SCHEMES = ("torchvision", "timm")

#: how a parameter of each role is laid out in a torch state dict (netspec's layout: the
#: storage convention of the module docstring).  ``OIHW``: conv weight (out, in/groups, kh, kw),
#: a depthwise one (C, 1, k, k); ``OI``: ``nn.Linear`` (out, in); ``OI11``: a 1x1 conv standing
#: for a matmul (the SE convs: (out, in, 1, 1)); ``C``: a vector as is.
TORCH_LAYOUTS = {"conv_w": "OIHW", "dw_w": "OIHW", "dense_w": "OI", "dense_b": "C",
                 "se_w": "OI11", "se_b": "C", "bn_gamma": "C", "bn_beta": "C"}


@dataclass
class TorchNames:
    """A layer's tensors in a torch state dict: ``params`` {registry name: torch key} for every
    parameter of the layer (BN gamma / beta included: ``<bn>.weight`` / ``<bn>.bias``);
    ``bns`` {BN name: torch module path}, whose ``running_mean``, ``running_var`` and
    ``num_batches_tracked`` the importer reads."""
    params: dict = field(default_factory=dict)
    bns: dict = field(default_factory=dict)

    def update(self, other: "TorchNames") -> "TorchNames":
        self.params.update(other.params)
        self.bns.update(other.bns)
        return self


@dataclass
class NamingEnv:
    """What a kind's ``torch_names`` receives: the naming ``scheme`` and the position in the
    torch model's module tree, shared by the layers in network order.  ``take(counter)``: the
    next index of a numbered container (torchvision's ``features`` / ``classifier``, timm's
    ``blocks``); ``mark`` / ``seen``: named slots already used (timm's ``conv_stem``);
    ``where``: the layer being named (for errors).  ``of(scheme, layers)`` starts the walk
    with the marks every layer's kind declares for the whole model (``Layer.torch_marks``: a
    ResNet stage marks ``resnet``, so the stem convBn is ``conv1`` / ``bn1`` and the dense
    ``fc``, though both come before or after it)."""
    scheme: str
    where: str = ""
    counters: dict = field(default_factory=dict)
    marks: set = field(default_factory=set)

    @classmethod
    def of(cls, scheme: str, layers) -> "NamingEnv":
        return cls(scheme, marks={m for layer in layers for m in type(layer).torch_marks})

    def take(self, counter: str, n: int = 1) -> int:
        i = self.counters.get(counter, 0)
        self.counters[counter] = i + n
        return i

    def count(self, counter: str) -> int:
        return self.counters.get(counter, 0)

    def mark(self, slot: str) -> None:
        self.marks.add(slot)

    def seen(self, slot: str) -> bool:
        return slot in self.marks

    def unsupported(self, what: str) -> SpecError:
        """The error of a layer this scheme's models have no place for."""
        return SpecError(f"has no {self.scheme} state-dict name: {what}", where=self.where,
                         hint=f"a {self.scheme} checkpoint of this architecture cannot be mapped")


# --------------------------------------------------------------------------- the registry
class Layer:
    """Base of the DSL layer kinds (see the module docstring for the hooks)."""
    kind: ClassVar[str] = "layer"
    #: True for kinds whose torch block reads the uniforms (called as ``block(x, rand)``)
    torch_takes_rand: ClassVar[bool] = False
    #: marks this kind's presence sets for the whole torch state-dict walk (``NamingEnv.of``):
    #: the model family whose naming the other layers then follow (``basicBlock``: ``resnet``)
    torch_marks: ClassVar[frozenset[str]] = frozenset()


class Parameterless(Layer):
    """Hooks of a kind without parameters, BatchNorms, multiply-accumulates, activations or
    uniforms (pooling, dropout); a kind opts in by subclassing and overrides what differs."""

    def macs(self, plan, shape) -> int:
        return 0

    def params(self, plan):
        return []

    def bns(self, plan):
        return []

    def rand_columns(self, plan, shape) -> int:
        return 0

    def depth_blocks(self, plan):
        return []

    def activations(self, plan):
        return set()


class Stage(Layer):
    """Hooks of a kind whose plan is a list of blocks (a network stage: ``repeats`` blocks, the
    first one changing width / stride), each block plan providing ``name``, ``residual``,
    ``out_shape``, ``macs``, ``params``, ``bns`` and ``convbns``.  A kind opts in by
    subclassing and names its per-block pieces: ``block_reference(plan, x, env)`` (JAX),
    ``block_torch(plan, env, prefix)`` (the torch peer block) and, beyond its convolutions'
    activations, ``block_activations(plan)``; it still defines ``plan``, ``describe`` and
    ``torch_names``."""
    block_reference: ClassVar[Any]
    block_torch: ClassVar[Any]

    def block_activations(self, b) -> set:
        return set()

    def check_input(self, shape, where):
        _need_image(shape, where, self.kind)
        _need_channels(shape, self.ic, where)

    def out_shape(self, plan, shape):
        for b in plan:
            shape = b.out_shape(shape)
        return shape

    def macs(self, plan, shape) -> int:
        macs = 0
        for b in plan:
            macs += b.macs(shape)
            shape = b.out_shape(shape)
        return macs

    def params(self, plan):
        return [p for b in plan for p in b.params()]

    def bns(self, plan):
        return [x for b in plan for x in b.bns()]

    def rand_columns(self, plan, shape) -> int:
        return 0

    def depth_blocks(self, plan):
        return [(b.name, b.residual) for b in plan]

    def activations(self, plan):
        return {c.act for b in plan for c in b.convbns()} | {
            a for b in plan for a in self.block_activations(b)}

    def reference(self, plan, x, env):
        for b in plan:
            x = type(self).block_reference(b, x, env)
        return x

    def torch_module(self, plan, env):
        from torch import nn
        blocks, names, bn_names = [], {}, {}
        for r, b in enumerate(plan):
            m, n, bn = type(self).block_torch(b, env, str(r))
            blocks.append(m)
            names.update(n)
            bn_names.update(bn)
        return nn.Sequential(*blocks), names, bn_names


KINDS: dict[str, type[Layer]] = {}


def register(cls: type[Layer]) -> type[Layer]:
    """Class decorator: add a layer kind to ``KINDS`` after checking it defines every hook."""
    if not (isinstance(cls, type) and issubclass(cls, Layer)):
        raise TypeError(f"{cls!r} is not a Layer subclass")
    missing = [h for h in HOOKS
               if not any(h in vars(c) for c in cls.__mro__ if c is not Layer and c is not object)]
    if missing:
        raise TypeError(f"layer kind {cls.__name__} does not define the hooks {missing}")
    if cls.kind in KINDS and KINDS[cls.kind] is not cls:
        raise TypeError(f"layer kind {cls.kind!r} is registered twice "
                        f"({KINDS[cls.kind].__module__} and {cls.__module__})")
    KINDS[cls.kind] = cls
    return cls


def kinked(layer: Layer, plan) -> bool:
    """Whether the layer applies an activation with a kink (``KINKED_ACTIVATIONS``: relu, relu6,
    the hard functions, max pooling's max)."""
    return bool(set(layer.activations(plan)) & KINKED_ACTIVATIONS)
