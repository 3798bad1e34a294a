"""TF-EfficientNet-B0 (timm's ``tf_efficientnet_b0``, the port of the TensorFlow checkpoints)
for ImageNet-1k at 224x224.

EfficientNet-B0 (examples/effnet_b0.py) with TensorFlow's conventions, which the TF-trained
weights depend on:

* ``padding="tf_same"`` on the stem and every depthwise conv: TensorFlow's SAME, out =
  ceil(H / s), total = max((out - 1) s + k - H, 0) split lo = total // 2, hi = total - lo.  At
  stride 2 on the even maps of a 224 input (224, 112, 56, 28, 14) the extra row and column go
  at the END: (0, 1) for the 3x3s, (1, 2) for the 5x5s, where PyTorch's symmetric 'same' pads
  (1, 1) / (2, 2).  At stride 1 both are k // 2; the 1x1 convs pad nothing in either;
* BatchNorm eps 1e-3 (``bn_eps``; timm's ``BN_EPS_TF_DEFAULT``; momentum PyTorch's 0.1).

The layers are written out; ``netspec.tf_efficientnet("b0", 1000)`` builds the same network
(``efficientnet("b0", padding="tf_same", bn_eps=1e-3)``).  5,288,548 parameters, as
``efficientnet_b0``: exactly timm's model, whose weights ``netspec weights import ... --from
timm --arch tf_efficientnet_b0`` reads.
"""

from netspec import NetSpec, convBn, dense, dropout, globalAvgPool, mbConv

spec = NetSpec("TF-EfficientNet-B0", 224, 224, [
    convBn(3, 32, 3, 2, padding="tf_same", act="swish"),
    # mbConv(ic, oc, expand, kernel, stride, repeats, use_se, padding=...)
    mbConv(32, 16, 1, 3, 1, 1, True, padding="tf_same"),
    mbConv(16, 24, 6, 3, 2, 2, True, padding="tf_same"),
    mbConv(24, 40, 6, 5, 2, 2, True, padding="tf_same"),
    mbConv(40, 80, 6, 3, 2, 3, True, padding="tf_same"),
    mbConv(80, 112, 6, 5, 1, 3, True, padding="tf_same"),
    mbConv(112, 192, 6, 5, 2, 4, True, padding="tf_same"),
    mbConv(192, 320, 6, 3, 1, 1, True, padding="tf_same"),
    convBn(320, 1280, 1, 1, act="swish"),
    globalAvgPool(),
    dropout(0.2),
    dense(1280, 1000, init="uniform_fan_out"),
], bn_eps=1e-3)
