"""MobileNetV3-Large (Howard et al. 2019, Table 1) for ImageNet-1k at 224x224: torchvision's
``mobilenet_v3_large``.

One ``bneck`` per row of the paper's table: bneck(in, exp size, out, kernel, stride, NL, SE);
NL relu (RE) or hswish (HS); the SE's bottleneck is _make_divisible(exp // 4, 8) with a relu
inside and a hard-sigmoid gate.  BatchNorm eps 1e-3, momentum 0.01 (torchvision's).
``netspec.mobilenet_v3_large(1000)`` builds the same network.  5,483,032 parameters, exactly
torchvision's model, whose weights ``netspec weights import ... --from torchvision`` reads.
"""

from netspec import NetSpec, bneck, convBn, dense, dropout, globalAvgPool

spec = NetSpec("MobileNetV3-Large", 224, 224, [
    convBn(3, 16, 3, 2, act="hswish"),
    bneck(16, 16, 16, 3, 1, "relu", False),
    bneck(16, 64, 24, 3, 2, "relu", False),
    bneck(24, 72, 24, 3, 1, "relu", False),
    bneck(24, 72, 40, 5, 2, "relu", True),
    bneck(40, 120, 40, 5, 1, "relu", True),
    bneck(40, 120, 40, 5, 1, "relu", True),
    bneck(40, 240, 80, 3, 2, "hswish", False),
    bneck(80, 200, 80, 3, 1, "hswish", False),
    bneck(80, 184, 80, 3, 1, "hswish", False),
    bneck(80, 184, 80, 3, 1, "hswish", False),
    bneck(80, 480, 112, 3, 1, "hswish", True),
    bneck(112, 672, 112, 3, 1, "hswish", True),
    bneck(112, 672, 160, 5, 2, "hswish", True),
    bneck(160, 960, 160, 5, 1, "hswish", True),
    bneck(160, 960, 160, 5, 1, "hswish", True),
    convBn(160, 960, 1, 1, act="hswish"),
    globalAvgPool(),
    dense(960, 1280, act="hswish", init="normal_0.01"),
    dropout(0.2),
    dense(1280, 1000, init="normal_0.01"),
], bn_eps=1e-3, bn_momentum=0.01)
