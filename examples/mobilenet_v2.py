"""MobileNetV2 (Sandler et al. 2018) for Imagenette: 10 classes at 224x224.

The layers are written out as in the book's listing; ``netspec.mobilenet_v2(10)`` builds the
same network from the paper's table.  2,236,682 parameters, 0.300 G MACs per image.
"""

from netspec import (NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool,
                     invertedResidual)

spec = NetSpec("MobileNetV2", 224, 224, [
    convBn(3, 32, 3, 2, act="relu6"),
    # invertedResidual(ic, oc, expand, stride, repeats)
    invertedResidual(32, 16, 1, 1, 1),
    invertedResidual(16, 24, 6, 2, 2),
    invertedResidual(24, 32, 6, 2, 3),
    invertedResidual(32, 64, 6, 2, 4),
    invertedResidual(64, 96, 6, 1, 3),
    invertedResidual(96, 160, 6, 2, 3),
    invertedResidual(160, 320, 6, 1, 1),
    convBn(320, 1280, 1, 1, act="relu6"),
    globalAvgPool(),
    dropout(0.2),
    dense(1280, 10, init="normal_0.01"),
])

config = TrainConfig(
    learning_rate=1e-3,
    batch_size=32,
    epochs=80,
    optimizer="adam",
    weight_decay=1e-4,
    cosine_decay=True,
    warmup_epochs=3,
    augment=True,
    label_smoothing=0.1,
)
