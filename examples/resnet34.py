"""ResNet-34 (He et al. 2016, Table 1) for ImageNet-1k at 224x224: torchvision's / timm's
``resnet34`` (the two name their tensors alike).

A 7x7 stride-2 convBn relu stem of 64 channels, a 3x3 stride-2 max pool (padding 1), then four
stages of basic blocks, basicBlock(in, out, stride, blocks): each block 3x3 convBn relu ->
3x3 convBn, plus the identity shortcut or, where the stage changes width and stride, the 1x1
stride-2 convBn projection, then relu after the add.  Global average pool, dense to 1000.
``netspec.resnet34(1000)`` builds the same network.  21,797,672 parameters, exactly
torchvision's model, whose weights ``netspec weights import ... --from torchvision`` (or
``--from timm``) reads.
"""

from netspec import NetSpec, basicBlock, convBn, dense, globalAvgPool, maxPool

spec = NetSpec("ResNet-34", 224, 224, [
    convBn(3, 64, 7, 2, act="relu"),
    maxPool(3, 2, 1),
    basicBlock(64, 64, 1, 3),
    basicBlock(64, 128, 2, 4),
    basicBlock(128, 256, 2, 6),
    basicBlock(256, 512, 2, 3),
    globalAvgPool(),
    dense(512, 1000),
])
