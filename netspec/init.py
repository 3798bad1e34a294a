"""Parameter initialisation from the registry (torchvision's reference schemes), seedable.

- kaiming_normal_fan_out: N(0, 2 / fan_out), fan_out = out_channels_per_group_view * kh * kw as
  torch computes it for a conv weight (out_channels * kh * kw; for a depthwise (k, k, 1, C)
  weight torch's fan_out is C * k * k as well).  SE 1x1 convs (in, out): fan_out = out.
- uniform_fan_out: U(-1/sqrt(out), 1/sqrt(out))  (torchvision EfficientNet classifier)
- normal_0.01: N(0, 0.01^2)                     (torchvision MobileNetV2 classifier)
- ones / zeros.
"""

from __future__ import annotations

import numpy as np


def _fan_out(p) -> int:
    if len(p.shape) == 4:          # HWIO
        kh, kw, _, o = p.shape
        return o * kh * kw
    return p.shape[-1]             # (in, out)


def init_params(analysis, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    flat = np.empty((analysis.n_params,), np.float32)
    for p in analysis.params:
        if p.init == "kaiming_normal_fan_out":
            v = rng.standard_normal(p.shape) * np.sqrt(2.0 / _fan_out(p))
        elif p.init == "uniform_fan_out":
            r = 1.0 / np.sqrt(p.shape[-1])
            v = rng.uniform(-r, r, p.shape)
        elif p.init == "normal_0.01":
            v = rng.standard_normal(p.shape) * 0.01
        elif p.init == "ones":
            v = np.ones(p.shape)
        elif p.init == "zeros":
            v = np.zeros(p.shape)
        else:  # pragma: no cover - the layer constructors only produce the kinds above
            raise AssertionError(p.init)
        flat[p.offset:p.offset + p.size] = np.asarray(v, np.float32).reshape(-1)
    return flat
