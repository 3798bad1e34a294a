"""The layer kinds of the NetSpec DSL, one module each, registered by the kind itself.

A spec reads like the book's listings: positional arguments come in the seeds' order,
    convBn(ic, oc, kernel, stride, padding="same", act="relu6")
    invertedResidual(ic, oc, expand, stride, repeats=1)
    mbConv(ic, oc, expand, kernel, stride, repeats=1, use_se=True, se_ratio=0.25)
    globalAvgPool()
    dropout(rate)
    dense(ic, oc, act="identity")

Every module of this package (but ``base``) is imported here, and each registers its kinds
with ``@register`` (``base.KINDS``): adding a kind is adding a module, nothing else in this
package changes.  See ``base`` for the hooks a kind provides.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import (HOOKS, KINDS, TORCH_LAYOUTS, TORCH_SCHEMES, Layer, NamingEnv, Parameterless,
                   ParamSpec, RefEnv, TorchEnv, TorchNames, kinked, register)

for _m in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _m != "base":
        importlib.import_module(f"{__name__}.{_m}")

# every registered kind by its DSL name (``from netspec.kinds import mbConv`` / ``netspec.mbConv``)
globals().update(KINDS)

__all__ = ["HOOKS", "KINDS", "Layer", "NamingEnv", "Parameterless", "ParamSpec", "RefEnv",
           "TORCH_LAYOUTS", "TORCH_SCHEMES", "TorchEnv", "TorchNames", "kinked", "register", *KINDS]
