"""A small EfficientNet-style network for scikit-learn's embedded digits data set.

The 8x8 grayscale digits are upscaled to 32x32 (1 input channel, 10 classes); the data ships
with scikit-learn, so ``default_data="embedded:digits"`` needs no download.
"""

from netspec import NetSpec, TrainConfig, convBn, dense, dropout, globalAvgPool, mbConv

spec = NetSpec("DigitsNet", 32, 32, in_channels=1, layers=[
    convBn(1, 16, 3, 1, act="swish"),
    mbConv(16, 24, 4, 3, 2, 1, True),
    mbConv(24, 32, 4, 3, 2, 2, True),
    convBn(32, 128, 1, 1, act="swish"),
    globalAvgPool(),
    dropout(0.1),
    dense(128, 10),
])

config = TrainConfig(
    learning_rate=3e-3,
    batch_size=64,
    epochs=8,
    optimizer="adam",
    weight_decay=1e-4,
    cosine_decay=True,
    warmup_epochs=1,
    augment=False,
    label_smoothing=0.1,
    default_data="embedded:digits",
)
