"""EfficientNet-B0 for ImageNet-1k (1000 classes at 224x224) with the reference recipe's
knobs: SGD with momentum, cosine decay after warmup, label smoothing, bf16
(including convolutions), weight EMA and stochastic depth.  5,288,548 parameters.
"""

from netspec import TrainConfig, efficientnet

spec = efficientnet("b0", num_classes=1000)

config = TrainConfig(
    learning_rate=0.1,
    batch_size=256,
    epochs=80,
    optimizer="sgd",
    momentum=0.9,
    weight_decay=1e-5,
    cosine_decay=True,
    warmup_epochs=5,
    augment=True,
    label_smoothing=0.1,
    bf16=True,
    bf16_conv=True,
    ema=True,
    ema_decay=0.9999,
    drop_path=0.2,
)
