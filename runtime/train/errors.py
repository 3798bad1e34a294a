"""The errors of a training run."""

from __future__ import annotations

from netspec.errors import NetspecError


class TrainError(NetspecError):
    """The run cannot start or continue (data / run directory / numerics)."""


class Diverged(TrainError):
    """The loss became NaN or Inf."""
