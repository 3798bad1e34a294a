"""netspec: declarative network specs lowered to auditable StableHLO with hand-written VJPs."""

from .errors import ConfigError, NetspecError, SpecError
from .kinds import KINDS as _KINDS
from .spec import NetSpec, TrainConfig
from .analysis import analyze
from .zoo import (efficientnet, efficientnet_lite, efficientnet_v2_s, mobilenet_v2,
                  mobilenet_v3_large, resnet34, round_filters, round_repeats, tf_efficientnet)

__version__ = "0.1.0"

# the DSL's layer kinds, as registered in ``netspec.kinds`` (convBn, mbConv, dense, ...)
globals().update(_KINDS)

__all__ = [
    "NetSpec", "TrainConfig", *_KINDS, "analyze", "efficientnet", "efficientnet_lite",
    "efficientnet_v2_s", "mobilenet_v2", "mobilenet_v3_large", "resnet34",
    "round_filters", "round_repeats", "tf_efficientnet", "SpecError", "ConfigError", "NetspecError", "__version__",
]
