"""The model zoo as data: MobileNetV2, MobileNetV3-Large, the EfficientNet B0..B7 family by
compound scaling and EfficientNet-Lite0..4.

EfficientNet-B0's base block table (Tan & Le 2019, Table 1) — one row per stage:
    (expand, kernel, stride, out_channels, repeats)
Compound scaling (the reference rules of TF/timm/torchvision):
    round_filters(c, w)  = make_divisible(c * w, 8), never more than 10% below c * w
    round_repeats(n, d)  = ceil(d * n)
The stem has round_filters(32) channels, the head round_filters(1280) = 4 * round_filters(320).

TF-EfficientNet (timm's ``tf_efficientnet_b<n>``, the ports of the TF checkpoints): the same
network with TensorFlow's SAME padding (``padding="tf_same"`` on the stem and every depthwise
conv: asymmetric at stride 2, the extra pixel at the end; the 1x1 convs pad nothing either way)
and BatchNorm eps 1e-3 (timm's ``BN_EPS_TF_DEFAULT``; momentum PyTorch's 0.1 as timm's).

EfficientNet-Lite (timm's ``_gen_efficientnet_lite``, after TF's efficientnet/lite): the same
block table with relu6 and no squeeze-excitation; the stem (32) and head (1280) channels are
not scaled (``fix_stem``, ``num_features=1280``) and neither are the repeats of the first and
last stages (``fix_first_last``); the other stages' widths and repeats scale as above.

MobileNetV3-Large (Howard et al. 2019, Table 1; torchvision's ``_mobilenet_v3_conf``): one
``bneck`` per row, hswish stem of 16, head conv 160 -> 960 (hswish) -> pool -> dense 1280
(hswish) -> dropout -> dense; BatchNorm eps 1e-3, momentum 0.01 (torchvision's).

ResNet-34 (He et al. 2016, Table 1; torchvision's / timm's ``resnet34``): 7x7 stride-2 convBn
relu stem of 64, 3x3 stride-2 max pool, four ``basicBlock`` stages (64, 128, 256, 512
channels; 3, 4, 6, 3 blocks; stride 2 from the second on), pool, dense.

EfficientNetV2-S (Tan & Le 2021, Table 4; torchvision's ``_efficientnet_conf("efficientnet_v2_s")``):
3x3 stride-2 swish stem of 24, three ``fusedMbConv`` stages and three ``mbConv`` stages with
SE (bottleneck max(1, ic // 4) off the block input, as V1), head 1x1 conv 256 -> 1280 (swish),
pool, dropout 0.2, dense; BatchNorm eps 1e-3 (torchvision's ``partial(nn.BatchNorm2d,
eps=1e-03)``, momentum the default 0.1).  torchvision's stochastic depth 0.2 (``sd_prob = 0.2 *
stage_block_id / total_stage_blocks`` over all 40 blocks) is netspec's ``TrainConfig(drop_path=0.2)``.
"""

from __future__ import annotations

import math

from .kinds.basic_block import basicBlock
from .kinds.blocks import bneck, invertedResidual, mbConv
from .kinds.conv_bn import convBn
from .kinds.dense import dense
from .kinds.dropout import dropout
from .kinds.fused import fusedMbConv
from .kinds.max_pool import maxPool
from .kinds.pool import globalAvgPool
from .spec import NetSpec

# (expand, kernel, stride, out_channels, repeats)
EFFNET_B0_BLOCKS = (
    (1, 3, 1, 16, 1),
    (6, 3, 2, 24, 2),
    (6, 5, 2, 40, 2),
    (6, 3, 2, 80, 3),
    (6, 5, 1, 112, 3),
    (6, 5, 2, 192, 4),
    (6, 3, 1, 320, 1),
)

# name: (width, depth, resolution, dropout)
EFFNET_COEFFS = {
    "b0": (1.0, 1.0, 224, 0.2),
    "b1": (1.0, 1.1, 240, 0.2),
    "b2": (1.1, 1.2, 260, 0.3),
    "b3": (1.2, 1.4, 300, 0.3),
    "b4": (1.4, 1.8, 380, 0.4),
    "b5": (1.6, 2.2, 456, 0.4),
    "b6": (1.8, 2.6, 528, 0.5),
    "b7": (2.0, 3.1, 600, 0.5),
}

# name: (width, depth, resolution, dropout) — _gen_efficientnet_lite's table (TF's lite
# reference; timm's untrained configs list 300 / 380 for lite3 / lite4, B3 / B4's sizes)
EFFNET_LITE_COEFFS = {
    0: (1.0, 1.0, 224, 0.2),
    1: (1.0, 1.1, 240, 0.2),
    2: (1.1, 1.2, 260, 0.3),
    3: (1.2, 1.4, 280, 0.3),
    4: (1.4, 1.8, 300, 0.3),
}

# (in, kernel, exp size, out, SE, NL, stride) — Howard et al. 2019, Table 1 (torchvision)
MOBILENET_V3_LARGE_BLOCKS = (
    (16, 3, 16, 16, False, "relu", 1),
    (16, 3, 64, 24, False, "relu", 2),
    (24, 3, 72, 24, False, "relu", 1),
    (24, 5, 72, 40, True, "relu", 2),
    (40, 5, 120, 40, True, "relu", 1),
    (40, 5, 120, 40, True, "relu", 1),
    (40, 3, 240, 80, False, "hswish", 2),
    (80, 3, 200, 80, False, "hswish", 1),
    (80, 3, 184, 80, False, "hswish", 1),
    (80, 3, 184, 80, False, "hswish", 1),
    (80, 3, 480, 112, True, "hswish", 1),
    (112, 3, 672, 112, True, "hswish", 1),
    (112, 5, 672, 160, True, "hswish", 2),
    (160, 5, 960, 160, True, "hswish", 1),
    (160, 5, 960, 160, True, "hswish", 1),
)

# (out_channels, blocks, stride) — He et al. 2016, Table 1 (34-layer)
RESNET34_STAGES = ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2))

# (fused, expand, kernel, stride, out_channels, repeats) — Tan & Le 2021, Table 4;
# torchvision's FusedMBConvConfig / MBConvConfig rows of efficientnet_v2_s
EFFNET_V2_S_BLOCKS = (
    (True, 1, 3, 1, 24, 2),
    (True, 4, 3, 2, 48, 4),
    (True, 4, 3, 2, 64, 4),
    (False, 4, 3, 2, 128, 6),
    (False, 6, 3, 1, 160, 9),
    (False, 6, 3, 2, 256, 15),
)

# (expand, out_channels, repeats, stride) — Sandler et al. 2018, Table 2
MOBILENET_V2_BLOCKS = (
    (1, 16, 1, 1),
    (6, 24, 2, 2),
    (6, 32, 3, 2),
    (6, 64, 4, 2),
    (6, 96, 3, 1),
    (6, 160, 3, 2),
    (6, 320, 1, 1),
)


def make_divisible(v: float, divisor: int = 8) -> int:
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    if new_v < 0.9 * v:  # never round down by more than 10%
        new_v += divisor
    return new_v


def round_filters(channels: int, width: float) -> int:
    return make_divisible(channels * width, 8)


def round_repeats(repeats: int, depth: float) -> int:
    return int(math.ceil(depth * repeats))


def efficientnet(variant: str = "b0", num_classes: int = 1000, *, image_size: int | None = None,
                 name: str | None = None, dropout_rate: float | None = None,
                 padding: str = "same", bn_eps: float = 1e-5) -> NetSpec:
    """EfficientNet-B<n> (torchvision's / timm's ``efficientnet_b<n>``); ``padding`` of the stem
    and the depthwise convs ('tf_same': TensorFlow's, ``tf_efficientnet``) and ``bn_eps``."""
    variant = variant.lower()
    if variant not in EFFNET_COEFFS:
        from .errors import SpecError
        raise SpecError("unknown EfficientNet variant", field="variant",
                        expected="one of " + ", ".join(EFFNET_COEFFS), received=variant)
    width, depth, res, drop = EFFNET_COEFFS[variant]
    stem = round_filters(32, width)
    layers = [convBn(3, stem, 3, 2, padding=padding, act="swish")]
    ic = stem
    for expand, k, s, c, n in EFFNET_B0_BLOCKS:
        oc = round_filters(c, width)
        layers.append(mbConv(ic, oc, expand, k, s, round_repeats(n, depth), True, padding=padding))
        ic = oc
    head = 4 * ic
    layers += [convBn(ic, head, 1, 1, act="swish"), globalAvgPool(),
               dropout(drop if dropout_rate is None else dropout_rate),
               dense(head, num_classes, init="uniform_fan_out")]
    size = image_size or res
    return NetSpec(name or f"EfficientNet-{variant.upper()}", size, size, layers, bn_eps=bn_eps)


def tf_efficientnet(variant: str = "b0", num_classes: int = 1000, *, image_size: int | None = None,
                    name: str | None = None, dropout_rate: float | None = None) -> NetSpec:
    """timm's ``tf_efficientnet_b<n>``: EfficientNet-B<n> with TensorFlow's SAME padding and
    BatchNorm eps 1e-3 (5,288,548 parameters for B0 at 1000 classes, as ``efficientnet_b0``)."""
    return efficientnet(variant, num_classes, image_size=image_size,
                        name=name or f"TF-EfficientNet-{variant.upper()}", dropout_rate=dropout_rate,
                        padding="tf_same", bn_eps=1e-3)


def mobilenet_v2(num_classes: int = 1000, *, image_size: int = 224, name: str = "MobileNetV2",
                 dropout_rate: float = 0.2) -> NetSpec:
    layers = [convBn(3, 32, 3, 2, act="relu6")]
    ic = 32
    for t, c, n, s in MOBILENET_V2_BLOCKS:
        layers.append(invertedResidual(ic, c, t, s, n))
        ic = c
    layers += [convBn(ic, 1280, 1, 1, act="relu6"), globalAvgPool(), dropout(dropout_rate),
               dense(1280, num_classes, init="normal_0.01")]
    return NetSpec(name, image_size, image_size, layers)


def efficientnet_lite(n: int = 0, num_classes: int = 1000, *, image_size: int | None = None,
                      name: str | None = None, dropout_rate: float | None = None) -> NetSpec:
    """EfficientNet-Lite<n> (n = 0..4), timm's ``efficientnet_lite<n>``."""
    if isinstance(n, str) and n.lower().removeprefix("lite").isdigit():
        n = int(n.lower().removeprefix("lite"))
    if isinstance(n, bool) or n not in EFFNET_LITE_COEFFS:
        from .errors import SpecError
        raise SpecError("unknown EfficientNet-Lite variant", field="n",
                        expected="one of " + ", ".join(map(str, EFFNET_LITE_COEFFS)), received=n)
    width, depth, res, drop = EFFNET_LITE_COEFFS[n]
    layers = [convBn(3, 32, 3, 2, act="relu6")]
    ic, last = 32, len(EFFNET_B0_BLOCKS) - 1
    for i, (expand, k, s, c, reps) in enumerate(EFFNET_B0_BLOCKS):
        oc = round_filters(c, width)
        reps = reps if i in (0, last) else round_repeats(reps, depth)
        layers.append(mbConv(ic, oc, expand, k, s, reps, False, act="relu6"))
        ic = oc
    layers += [convBn(ic, 1280, 1, 1, act="relu6"), globalAvgPool(),
               dropout(drop if dropout_rate is None else dropout_rate),
               dense(1280, num_classes, init="uniform_fan_out")]
    size = image_size or res
    return NetSpec(name or f"EfficientNet-Lite{n}", size, size, layers)


def mobilenet_v3_large(num_classes: int = 1000, *, image_size: int = 224,
                       name: str = "MobileNetV3-Large", dropout_rate: float = 0.2) -> NetSpec:
    """torchvision's ``mobilenet_v3_large`` (width 1.0)."""
    layers = [convBn(3, 16, 3, 2, act="hswish")]
    for ic, k, exp, oc, se, act, s in MOBILENET_V3_LARGE_BLOCKS:
        layers.append(bneck(ic, exp, oc, k, s, act, se))
    layers += [convBn(160, 960, 1, 1, act="hswish"), globalAvgPool(),
               dense(960, 1280, act="hswish", init="normal_0.01"), dropout(dropout_rate),
               dense(1280, num_classes, init="normal_0.01")]
    return NetSpec(name, image_size, image_size, layers, bn_eps=1e-3, bn_momentum=0.01)


def resnet34(num_classes: int = 1000, *, image_size: int = 224, name: str = "ResNet-34") -> NetSpec:
    """torchvision's / timm's ``resnet34``: 21,797,672 parameters at 1000 classes."""
    layers = [convBn(3, 64, 7, 2, act="relu"), maxPool(3, 2, 1)]
    ic = 64
    for oc, n, s in RESNET34_STAGES:
        layers.append(basicBlock(ic, oc, s, n))
        ic = oc
    layers += [globalAvgPool(), dense(ic, num_classes)]
    return NetSpec(name, image_size, image_size, layers)


def efficientnet_v2_s(num_classes: int = 1000, *, image_size: int = 384,
                      name: str = "EfficientNetV2-S", dropout_rate: float = 0.2) -> NetSpec:
    """torchvision's ``efficientnet_v2_s``: 21,458,488 parameters at 1000 classes (384x384 its
    eval crop).  timm's ``efficientnetv2_s`` has the same layers and names but BN eps 1e-5."""
    layers = [convBn(3, 24, 3, 2, act="swish")]
    ic = 24
    for fused, expand, k, s, oc, n in EFFNET_V2_S_BLOCKS:
        layers.append(fusedMbConv(ic, oc, expand, k, s, n) if fused
                      else mbConv(ic, oc, expand, k, s, n, True))
        ic = oc
    layers += [convBn(ic, 1280, 1, 1, act="swish"), globalAvgPool(), dropout(dropout_rate),
               dense(1280, num_classes, init="uniform_fan_out")]
    return NetSpec(name, image_size, image_size, layers, bn_eps=1e-3)
