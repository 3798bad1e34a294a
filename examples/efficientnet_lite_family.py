"""EfficientNet-Lite0..4 for ImageNet-1k (timm's ``efficientnet_lite0..4``).

Pick one with ``--spec``:  netspec info examples/efficientnet_lite_family.py --spec lite3
(each at the resolution of timm's ``_gen_efficientnet_lite`` table: 224, 240, 260, 280, 300;
4,652,008 / 5,416,680 / 6,092,072 / 8,197,096 / 13,006,568 parameters).
"""

from netspec import efficientnet_lite

lite0 = efficientnet_lite(0, 1000)
lite1 = efficientnet_lite(1, 1000)
lite2 = efficientnet_lite(2, 1000)
lite3 = efficientnet_lite(3, 1000)
lite4 = efficientnet_lite(4, 1000)
