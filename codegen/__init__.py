"""codegen: lowers a NetSpec to StableHLO text (predict, grads, train_step), backward by hand."""

from .ir import EmitError
from .layout import DEFAULT_LAYOUT, LAYOUTS, NCHW, NHWC, Layout
from .abi import Emitted, FunctionABI, ModuleABI, Tensor
from .module import FUNCTIONS, EmitOptions, emit, emit_module, rand_width

__all__ = ["emit", "emit_module", "Emitted", "ModuleABI", "FunctionABI", "Tensor", "EmitOptions", "FUNCTIONS", "rand_width", "Layout", "NHWC", "NCHW",
           "LAYOUTS", "DEFAULT_LAYOUT", "EmitError"]
