"""The precision policy (``netspec.precision``) applied to emitted StableHLO.

The lowerings ask one ``Casts`` (``ctx.prec``) for every cast the policy implies; in mode f32
each method returns its operand unchanged and emits nothing (the f32 text is byte-identical
to a module without a policy).

    operands(b, cls, *xs)  the operands of a contraction of class cls ("conv" | "dense")
    accumulate(cls)        its result element type (None: the operands' own)
    rounded(b, cls, *xs)   operands rounded to the class's type but read in the module's dtype
                           (for contractions IREE 3.13 cannot take mixed: depthwise)
    store(b, x)            a feature map as stored between layers (and its cotangent where it
                           enters a VJP)
    compute(b, x)          a stored value as the element-wise code reads it (module dtype)
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec.precision import F32, Precision

from .ir import Builder, Value


@dataclass(frozen=True)
class Casts:
    policy: Precision = F32
    native: str = "f32"          # the module's dtype

    def __post_init__(self):
        self.policy.check_native(self.native)

    def operands(self, b: Builder, cls: str, *xs: Value) -> tuple[Value, ...]:
        dt = self.policy.dtype(cls, self.native)
        return tuple(self._narrow(b, x, dt) for x in xs)

    def _narrow(self, b: Builder, x: Value, dt: str) -> Value:
        """x converted to the narrower ``dt``, rounded first by ``reduce_precision``.

        The explicit rounding is what makes the bf16 numbers hold: where the convert and a
        consumer's convert back to f32 fuse into one dispatch, IREE 3.13 folds
        extf(truncf(x)) to x (measured: a stored activation read back by the pool in the same
        dispatch was summed unrounded).  Folding extf(truncf(r)) of an already rounded r is
        exact, so the module computes on the rounded values wherever IREE fuses."""
        if x.dtype == dt:
            return x
        e, m = _FORMAT[dt]
        return b.convert(b.reduce_precision(x, e, m, hint=_hint(x, dt) + "_r"), dt, hint=_hint(x, dt))

    def rounded(self, b: Builder, cls: str, *xs: Value) -> tuple[Value, ...]:
        """The operands of a contraction that the target cannot take in mixed precision,
        rounded to the class's type and read back in the module's dtype: the contraction then
        runs in that dtype on the same numbers (a product of two bf16 values is exact in f32,
        so the result is the bf16 x bf16 -> f32 contraction's up to the order of the sums)."""
        dt = self.policy.dtype(cls, self.native)
        if dt == self.native:
            return xs
        e, m = _FORMAT[dt]
        return tuple(b.convert(x, self.native, hint=_hint(x, self.native)) if x.dtype == dt
                     else b.reduce_precision(x, e, m, hint=_hint(x, dt) + "_r") for x in xs)

    def accumulate(self, cls: str) -> str | None:
        if self.policy.dtype(cls, self.native) == self.native:
            return None
        return self.policy.dtype("accumulate", self.native)

    def store(self, b: Builder, x: Value) -> Value:
        return self._narrow(b, x, self.policy.dtype("activation", self.native))

    def compute(self, b: Builder, x: Value) -> Value:
        return b.cast(x, self.native, hint=_hint(x, self.native))


def _hint(x: Value, dt: str) -> str:
    """``%stem.conv`` -> ``conv_bf16`` (the builder prefixes the current scope)."""
    base = x.name.lstrip("%").rsplit(".", 1)[-1]
    return f"{base}_{dt}"


#: (exponent bits, mantissa bits) of a narrow float type, for reduce_precision
_FORMAT = {"bf16": (8, 7)}

NO_CASTS = Casts()
