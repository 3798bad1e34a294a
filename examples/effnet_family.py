"""The EfficientNet family B0..B7 for ImageNet-1k, built by compound scaling.

Pick one with ``--spec``:  netspec info examples/effnet_family.py --spec b3
(each variant at its own resolution: 224, 240, 260, 300, 380, 456, 528, 600).
"""

from netspec import efficientnet

b0 = efficientnet("b0", 1000)
b1 = efficientnet("b1", 1000)
b2 = efficientnet("b2", 1000)
b3 = efficientnet("b3", 1000)
b4 = efficientnet("b4", 1000)
b5 = efficientnet("b5", 1000)
b6 = efficientnet("b6", 1000)
b7 = efficientnet("b7", 1000)
