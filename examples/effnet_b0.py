"""EfficientNet-B0 (Tan & Le 2019) for Imagenette: 10 classes at 224x224.

The layers are written out literally; ``netspec.efficientnet("b0", 10)`` builds the same
network by compound scaling (the tests check they are equal layer for layer).
4,020,358 parameters, 0.385 G MACs per image.
"""

from netspec import NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool, mbConv

spec = NetSpec("EfficientNet-B0", 224, 224, [
    convBn(3, 32, 3, 2, act="swish"),
    # mbConv(ic, oc, expand, kernel, stride, repeats, use_se)
    mbConv(32, 16, 1, 3, 1, 1, True),
    mbConv(16, 24, 6, 3, 2, 2, True),
    mbConv(24, 40, 6, 5, 2, 2, True),
    mbConv(40, 80, 6, 3, 2, 3, True),
    mbConv(80, 112, 6, 5, 1, 3, True),
    mbConv(112, 192, 6, 5, 2, 4, True),
    mbConv(192, 320, 6, 3, 1, 1, True),
    convBn(320, 1280, 1, 1, act="swish"),
    globalAvgPool(),
    dropout(0.2),
    dense(1280, 10),
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
