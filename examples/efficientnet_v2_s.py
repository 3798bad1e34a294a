"""EfficientNetV2-S (Tan & Le 2021; torchvision's ``efficientnet_v2_s``) for ImageNet-1k at
384x384 (torchvision's eval crop).

A 3x3 stride-2 swish stem of 24, three Fused-MBConv stages (the MBConv's 1x1 expand and kxk
depthwise fused into one dense kxk convolution, no squeeze-excitation), three MBConv stages
with squeeze-excitation, a 1x1 head of 1280, pool, dropout, dense; BatchNorm eps 1e-3.  The
layers are written out; ``netspec.efficientnet_v2_s(1000)`` builds the same network.
21,458,488 parameters: exactly torchvision's model, whose weights ``netspec weights import ...
--from torchvision --arch efficientnet_v2_s`` reads (timm's ``efficientnetv2_s`` has the same
layers and names, with BN eps 1e-5).  torchvision's stochastic depth 0.2 is ``drop_path=0.2``.
"""

from netspec import NetSpec, TrainConfig, convBn, dense, dropout, fusedMbConv, globalAvgPool, mbConv

spec = NetSpec("EfficientNetV2-S", 384, 384, [
    convBn(3, 24, 3, 2, act="swish"),
    # fusedMbConv(ic, oc, expand, kernel, stride, repeats)
    fusedMbConv(24, 24, 1, 3, 1, 2),
    fusedMbConv(24, 48, 4, 3, 2, 4),
    fusedMbConv(48, 64, 4, 3, 2, 4),
    # mbConv(ic, oc, expand, kernel, stride, repeats, use_se)
    mbConv(64, 128, 4, 3, 2, 6, True),
    mbConv(128, 160, 6, 3, 1, 9, True),
    mbConv(160, 256, 6, 3, 2, 15, True),
    convBn(256, 1280, 1, 1, act="swish"),
    globalAvgPool(),
    dropout(0.2),
    dense(1280, 1000, init="uniform_fan_out"),
], bn_eps=1e-3)

config = TrainConfig(drop_path=0.2)
