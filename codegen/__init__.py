"""codegen: lowers a NetSpec to StableHLO text (predict, grads, train_step), backward by hand."""

from .ir import EmitError
from .layout import DEFAULT_LAYOUT, LAYOUTS, NCHW, NHWC, Layout
from .module import FUNCTIONS, EmitOptions, emit_module, rand_width

__all__ = ["emit_module", "EmitOptions", "FUNCTIONS", "rand_width", "Layout", "NHWC", "NCHW",
           "LAYOUTS", "DEFAULT_LAYOUT", "EmitError"]
