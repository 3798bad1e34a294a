"""The activation layout: ONE choice, made here.

Every emitter asks the layout for the channel axis, the spatial axes, the shape of a logical
(C, H, W) activation and the convolution dimension specs; nothing else in codegen knows
whether activations are NCHW or NHWC.  Module inputs are always NHWC images (what the data
pipeline produces); an NCHW module transposes once at entry.  Weights are HWIO in both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    name: str           # "NHWC" | "NCHW"

    @property
    def channel_axis(self) -> int:
        return 3 if self.name == "NHWC" else 1

    @property
    def spatial_axes(self) -> tuple[int, int]:
        return (1, 2) if self.name == "NHWC" else (2, 3)

    @property
    def stat_axes(self) -> tuple[int, int, int]:
        """Axes a per-channel statistic reduces over (batch and spatial)."""
        return (0,) + self.spatial_axes

    def shape(self, batch: int, chw) -> tuple[int, ...]:
        c, h, w = chw
        return (batch, h, w, c) if self.name == "NHWC" else (batch, c, h, w)

    def hw(self, shape) -> tuple[int, int]:
        a, b = self.spatial_axes
        return shape[a], shape[b]

    def channels(self, shape) -> int:
        return shape[self.channel_axis]

    @property
    def act_spec(self) -> str:
        """Convolution dim spec of an activation: batch, feature, spatial 0/1."""
        return "b01f" if self.name == "NHWC" else "bf01"

    @property
    def act_spec_swapped(self) -> str:
        """The same tensor read with batch and feature swapped (weight-gradient convolutions)."""
        return "f01b" if self.name == "NHWC" else "fb01"

    @property
    def from_nhwc(self) -> tuple[int, ...] | None:
        return None if self.name == "NHWC" else (0, 3, 1, 2)


NHWC = Layout("NHWC")
NCHW = Layout("NCHW")
LAYOUTS = {"NHWC": NHWC, "NCHW": NCHW}
DEFAULT_LAYOUT = NHWC   # measured faster on IREE llvm-cpu (depthwise is not vectorised in NCHW)
