"""THE precision policy: which element type each class of operation computes and stores in.

One table, read by the code generator (``codegen.precision``, which writes the casts into the
emitted StableHLO) and by the JAX reference (``Precision.ref_*`` below, the same casts in
jnp), so that a bf16 module can be compared like with like.  Three modes:

    f32        everything in the module's dtype (f32, or f64 for the f64 test modules)
    bf16_conv  TrainConfig(bf16_conv=True): convolutions (dense and depthwise) and dense
               layers (the SE block's two FCs included) take bf16 operands; products are
               accumulated in f32 (StableHLO convolution / dot_general with bf16 operands and
               an f32 result type)
    bf16       TrainConfig(bf16=True) (bf16 convolutions included): in addition the feature
               maps are stored in bf16 between layers (each convBn's output, an SE block's
               output, a residual sum) and so is each convolution's output (the BatchNorm
               input kept for the backward); their cotangents are rounded to bf16 where they
               enter the layer's VJP, the mirror of the forward's rounding

    class        what                                            f32   bf16_conv  bf16
    conv         operands of convolutions, forward and VJPs     f32   bf16       bf16
    dense        operands of dense / SE FC matmuls and VJPs     f32   bf16       bf16
    accumulate   the result of every contraction                f32   f32        f32
    activation   feature maps between layers, conv outputs,     f32   f32        bf16
                 and their cotangents
    (always f32) BatchNorm statistics and normalisation, SE's squeeze (global mean), the
                 pooled head (pool -> dropout -> dense -> logits), softmax / loss, the
                 optimizer and the master weights (the flat parameter buffer)

Every element-wise computation reads its bf16 operands converted to f32 and computes in f32;
bf16 is only ever an operand of a contraction or a stored tensor.  The backward mirrors the
forward: a VJP convolution / matmul of a bf16 contraction casts both its operands (the
cotangent included) to bf16 and accumulates in f32.

Error scale (bf16 has an 8-bit significand: one rounding is a relative error <= 2^-9, of
standard deviation ~2^-8 / sqrt(12) ~ 1.1e-3 for random data).  A K-term dot product of
rounded operands accumulated in f32 carries ~sqrt(2) such errors per product, and
independent errors average, so its relative error is ~1.6e-3 * (||a|| ||b|| / |a.b|) —
O(1e-3) for well-conditioned sums, larger where the sum cancels (gradients near zero).  The
tests (tests/test_bf16.py) measure it against the float64 truth.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SpecError

MODES = ("f32", "bf16_conv", "bf16")
LOW = "bf16"
ACCUMULATE = "f32"

#: class -> element type per mode; "native" is the module's own dtype (f32 or f64)
POLICY: dict[str, dict[str, str]] = {
    "conv":       {"f32": "native", "bf16_conv": LOW, "bf16": LOW},
    "dense":      {"f32": "native", "bf16_conv": LOW, "bf16": LOW},
    "accumulate": {"f32": "native", "bf16_conv": ACCUMULATE, "bf16": ACCUMULATE},
    "activation": {"f32": "native", "bf16_conv": "native", "bf16": LOW},
}


def mode_of(config) -> str:
    """The mode a TrainConfig asks for (``bf16`` includes the bf16 convolutions)."""
    if config is None:
        return "f32"
    if getattr(config, "bf16", False):
        return "bf16"
    return "bf16_conv" if getattr(config, "bf16_conv", False) else "f32"


@dataclass(frozen=True)
class Precision:
    mode: str = "f32"

    def __post_init__(self):
        if self.mode not in MODES:
            raise SpecError("is not a precision mode", field="precision",
                            expected=" | ".join(MODES), received=self.mode)

    @property
    def lowered(self) -> bool:
        """Some class computes below the module's dtype."""
        return self.mode != "f32"

    def dtype(self, cls: str, native: str = "f32") -> str:
        """The element type of ``cls`` (a POLICY row) in a module of dtype ``native``."""
        t = POLICY[cls][self.mode]
        return native if t == "native" else t

    def check_native(self, native: str) -> None:
        """bf16 modes are defined for f32 modules (the f64 test modules run mode f32)."""
        if self.lowered and native != "f32":
            raise SpecError(f"needs an f32 module, not {native}", field="precision",
                            expected="dtype f32", received=self.mode)

    # ------------------------------------------------------------------ the JAX application
    # A bf16 rounding of an f32 array is q(x) = f32(bf16(x)).  The product of two bf16 values
    # is exact in f32, so an f32 contraction at HIGHEST precision of q-rounded operands is the
    # emitted bf16 x bf16 -> f32 contraction (up to the order of the f32 sums).
    def ref_contract(self, cls: str, fn, a, b):
        """``fn(a, b)`` (a convolution or matmul) under the policy: operands rounded (the
        rounding passes the cotangent through), the result's cotangent rounded (so the VJP
        contractions see bf16 cotangents, as the emitted VJPs do)."""
        if self.dtype(cls) != LOW:
            return fn(a, b)
        return _round_cotangent(fn(_round_value(a), _round_value(b)))

    def ref_store(self, x):
        """A stored activation: x rounded when the activation class is bf16; jax's transpose
        of the rounding rounds its cotangent too (the emitted VJP's rounding at that point)."""
        if self.dtype("activation") != LOW:
            return x
        return _q(x)


def _q(x):
    """x rounded to bf16 (nearest even), kept in its dtype.  ``lax.reduce_precision``, not a
    pair of converts: XLA (xla_allow_excess_precision, on by default) may drop an
    f32 -> bf16 -> f32 pair inside a fusion (measured: the reference then missed roundings that
    the emitted module makes); jax differentiates it as a linear map whose transpose rounds
    the cotangent."""
    from jax import lax
    return lax.reduce_precision(x, exponent_bits=8, mantissa_bits=7)


def _jax_rounders():
    import jax

    @jax.custom_vjp
    def round_value(x):                   # forward: rounded; backward: cotangent as is
        return _q(x)

    round_value.defvjp(lambda x: (_q(x), None), lambda _, ct: (ct,))

    @jax.custom_vjp
    def round_cotangent(x):               # forward: as is; backward: cotangent rounded
        return x

    round_cotangent.defvjp(lambda x: (x, None), lambda _, ct: (_q(ct),))
    return round_value, round_cotangent


_ROUNDERS = None


def _round_value(x):
    global _ROUNDERS
    _ROUNDERS = _ROUNDERS or _jax_rounders()
    return _ROUNDERS[0](x)


def _round_cotangent(x):
    global _ROUNDERS
    _ROUNDERS = _ROUNDERS or _jax_rounders()
    return _ROUNDERS[1](x)


F32 = Precision("f32")
