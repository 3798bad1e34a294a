"""Layer lowerings, one per DSL layer kind: ``forward(ctx, info, x) -> (y, saved)`` and
``vjp(ctx, info, saved, dy, need_dx) -> dx`` (parameter gradients go to ``ctx.grad``)."""

from . import block, conv_bn
from .head import dense, dropout, pool

LOWERINGS = {
    "convBn": conv_bn,
    "invertedResidual": block,
    "mbConv": block,
    "globalAvgPool": pool,
    "dropout": dropout,
    "dense": dense,
}
