"""netspec: declarative network specs lowered to auditable StableHLO with hand-written VJPs."""

from .errors import ConfigError, NetspecError, SpecError
from .layers import convBn, dense, dropout, globalAvgPool, invertedResidual, mbConv
from .spec import NetSpec, TrainConfig
from .analysis import analyze
from .zoo import efficientnet, mobilenet_v2, round_filters, round_repeats

__version__ = "0.1.0"

__all__ = [
    "NetSpec", "TrainConfig", "convBn", "dense", "dropout", "globalAvgPool", "invertedResidual",
    "mbConv", "analyze", "efficientnet", "mobilenet_v2", "round_filters", "round_repeats",
    "SpecError", "ConfigError", "NetspecError", "__version__",
]
