"""EfficientNet-B0 for Imagenette (10 classes at 224x224): the book's Imagenette settings with
the full recipe's regularisers on.  4,020,358 parameters.

The book's Imagenette run (87.58% val top-1 in 80 epochs): Adam at lr 1e-3, batch 32,
weight decay 1e-4, cosine decay after 3 warm-up epochs, label smoothing 0.1, random-resized-
crop + flip.  On top of it, the knobs of the ImageNet recipe (examples/effnet_b0_imagenet.py):
bf16 (convolutions included), weight EMA at decay 0.9999 and stochastic depth 0.2; the network's
own dropout before the classifier is 0.2 (``efficientnet("b0")``).

EMA warm-up is on here and off in the ImageNet example: Imagenette's ~9.5k training images give
295 steps per epoch at batch 32, 23,600 in 80 epochs, and with a fixed decay 0.9999 the initial
weights would still carry 0.9999^23600 ~ 9% of the EMA at the end; the TF warm-up
min(d, (1 + t) / (10 + t)) removes them.

    netspec train examples/effnet_b0_imagenette.py --data imagenette2-320
"""

from netspec import TrainConfig, efficientnet

spec = efficientnet("b0", num_classes=10)

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
    bf16=True,
    bf16_conv=True,
    ema=True,
    ema_decay=0.9999,
    ema_warmup=True,
    drop_path=0.2,
)
