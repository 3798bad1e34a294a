"""EfficientNet-Lite0 (timm's ``efficientnet_lite0``) for ImageNet-1k at 224x224.

EfficientNet-B0's block table with relu6 and no squeeze-excitation (the Lite changes for
mobile accelerators); the stem (32) and head (1280) are not scaled across Lite0..4.  The
layers are written out; ``netspec.efficientnet_lite(0, 1000)`` builds the same network from
the table (examples/efficientnet_lite_family.py: Lite0..4).  4,652,008 parameters, 0.385 G
MACs per image: exactly timm's model, whose weights ``netspec weights import ... --from timm``
reads.
"""

from netspec import NetSpec, convBn, dense, dropout, globalAvgPool, mbConv

spec = NetSpec("EfficientNet-Lite0", 224, 224, [
    convBn(3, 32, 3, 2, act="relu6"),
    # mbConv(ic, oc, expand, kernel, stride, repeats, use_se, act=...)
    mbConv(32, 16, 1, 3, 1, 1, False, act="relu6"),
    mbConv(16, 24, 6, 3, 2, 2, False, act="relu6"),
    mbConv(24, 40, 6, 5, 2, 2, False, act="relu6"),
    mbConv(40, 80, 6, 3, 2, 3, False, act="relu6"),
    mbConv(80, 112, 6, 5, 1, 3, False, act="relu6"),
    mbConv(112, 192, 6, 5, 2, 4, False, act="relu6"),
    mbConv(192, 320, 6, 3, 1, 1, False, act="relu6"),
    convBn(320, 1280, 1, 1, act="relu6"),
    globalAvgPool(),
    dropout(0.2),
    dense(1280, 1000),
])
