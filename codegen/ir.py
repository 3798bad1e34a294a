"""A small typed SSA builder that owns all StableHLO syntax.

Emitters never format strings: they call one shape-checked method per StableHLO op.  Values
carry their ``TensorType``; names are fresh, deterministic and scope-prefixed so a value's name
says where it comes from (``%blocks.5.2.se.gate``).  A wrong operand shape raises ``EmitError``
at emission, naming the scope (the layer), never an IREE error later.  One op per line.

Op reference: https://openxla.org/stablehlo/spec
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np


class EmitError(Exception):
    """A shape or type mismatch found while emitting (a code-generator bug or an unsupported
    configuration); the message names the scope (layer) it happened in."""


@dataclass(frozen=True)
class TensorType:
    shape: tuple[int, ...]
    dtype: str = "f32"   # f32 | f64 | bf16 | i32 | i1

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))

    def __str__(self) -> str:
        dims = "".join(f"{d}x" for d in self.shape)
        return f"tensor<{dims}{self.dtype}>"


@dataclass(frozen=True)
class Value:
    name: str
    type: TensorType

    @property
    def shape(self) -> tuple[int, ...]:
        return self.type.shape

    @property
    def dtype(self) -> str:
        return self.type.dtype

    def __str__(self) -> str:
        return self.name


_NAME_OK = re.compile(r"[^A-Za-z0-9_.$-]")


def _fmt_float(v: float, dtype: str = "f32") -> str:
    """MLIR float literals need a '.'; 9 significant digits round-trip an f32, 17 an f64 (a
    bf16 literal is written like an f32 one; the parser rounds it to the nearest bf16)."""
    return f"{float(v):.16e}" if dtype == "f64" else f"{float(v):.8e}"


#: the bit pattern of -inf per float type (a reduction's max identity)
_NEG_INF = {"f32": "0xFF800000", "f64": "0xFFF0000000000000", "bf16": "0xFF80"}

#: contraction (convolution, dot_general) result types allowed besides the operands' own:
#: bf16 operands accumulated into an f32 result (StableHLO's mixed-precision form)
_WIDER_RESULT = {("bf16", "f32")}


def _ints(xs: Iterable[int]) -> str:
    return "[" + ", ".join(str(int(x)) for x in xs) + "]"


class Function:
    """One ``func.func`` under construction."""

    def __init__(self, builder: "Builder", name: str, args: Sequence[tuple[str, TensorType]]):
        self.b = builder
        self.name = name
        self.lines: list[str] = []
        self.used: dict[str, int] = {}
        self.consts: dict[tuple, Value] = {}
        self.args = [self._fresh_arg(n, t) for n, t in args]
        self.results: list[Value] | None = None
        self.result_names: list[str] = []

    def _fresh_arg(self, name, t):
        v = Value(self._unique(name), t)
        return v

    def _unique(self, base: str) -> str:
        base = _NAME_OK.sub("_", base)
        if not base or not (base[0].isalpha() or base[0] == "_"):
            base = "v" + base
        n = self.used.get(base, 0)
        self.used[base] = n + 1
        return "%" + (base if n == 0 else f"{base}_{n}")

    def text(self) -> str:
        sig = ", ".join(f"{a.name}: {a.type}" for a in self.args)
        res = ", ".join(str(v.type) for v in self.results)
        out = [f"  func.func @{self.name}({sig}) -> ({res}) {{"]
        out += ["    " + l for l in self.lines]
        out.append("    return " + ", ".join(v.name for v in self.results) + " : " + res)
        out.append("  }")
        return "\n".join(out)


class Builder:
    """Emits a module function by function.  Use ``with b.scope("blocks.5.2"):`` around a
    layer's emission; every value created inside is named ``blocks.5.2.<hint>``."""

    def __init__(self, num_replicas: int = 1):
        self.functions: list[Function] = []
        self.fn: Function | None = None
        self._scope: list[str] = []
        self.num_replicas = num_replicas   # > 1: the module is one replica of an SPMD program

    # ------------------------------------------------------------------ structure
    def begin(self, name: str, args: Sequence[tuple[str, TensorType]]) -> list[Value]:
        self.fn = Function(self, name, args)
        self.functions.append(self.fn)
        return list(self.fn.args)

    def end(self, results: Sequence[Value]):
        self.fn.results = list(results)
        self.fn = None

    def module_text(self, header: str = "") -> str:
        parts = [header.rstrip()] if header else []
        if self.num_replicas > 1:
            # the replica count the collectives' groups refer to (XLA reads these attributes)
            parts.append(f"module attributes {{mhlo.num_replicas = {self.num_replicas} : i32, "
                         "mhlo.num_partitions = 1 : i32} {")
        else:
            parts.append("module {")
        parts += [f.text() for f in self.functions]
        parts.append("}")
        return "\n".join(parts) + "\n"

    @contextlib.contextmanager
    def scope(self, name: str):
        self._scope.append(name)
        try:
            yield
        except EmitError as e:
            if not getattr(e, "_located", False):
                e2 = EmitError(f"in {'.'.join(self._scope)}: {e}")
                e2._located = True
                raise e2 from None
            raise
        finally:
            self._scope.pop()

    @property
    def where(self) -> str:
        return ".".join(self._scope) or "<top>"

    def comment(self, text: str):
        for line in text.splitlines():
            self.fn.lines.append("// " + line)

    def _new(self, hint: str, t: TensorType, rhs: str) -> Value:
        prefix = ".".join(self._scope)
        name = f"{prefix}.{hint}" if prefix else hint
        v = Value(self.fn._unique(name), t)
        self.fn.lines.append(f"{v.name} = {rhs}")
        return v

    def _fail(self, msg: str):
        raise EmitError(f"in {self.where}: {msg}")

    def _same(self, op: str, *vals: Value):
        t0 = vals[0].type
        for v in vals[1:]:
            if v.type != t0:
                self._fail(f"{op}: operand types differ: {t0} vs {v.type}")

    # ------------------------------------------------------------------ constants
    def const(self, value: float, dtype: str = "f32") -> Value:
        """Scalar constant, interned per function."""
        key = (dtype, float(value))
        if key in self.fn.consts:
            return self.fn.consts[key]
        lit = _fmt_float(value, dtype) if dtype.startswith("f") else str(int(value))
        if dtype == "i1":
            lit = "true" if value else "false"
        v = Value(self.fn._unique("cst"), TensorType((), dtype))
        self.fn.lines.append(f"{v.name} = stablehlo.constant dense<{lit}> : {v.type}")
        self.fn.consts[key] = v
        return v

    def full(self, value: float, shape: Sequence[int], dtype: str = "f32", hint: str = "full") -> Value:
        return self.broadcast_in_dim(self.const(value, dtype), tuple(shape), (), hint)

    # ------------------------------------------------------------------ elementwise
    def _binary(self, op: str, a: Value, b: Value, hint: str) -> Value:
        if a.type.rank == 0 and b.type.rank > 0:
            a = self.broadcast_in_dim(a, b.shape, (), "bcast")
        elif b.type.rank == 0 and a.type.rank > 0:
            b = self.broadcast_in_dim(b, a.shape, (), "bcast")
        self._same(op, a, b)
        return self._new(hint, a.type, f"stablehlo.{op} {a}, {b} : {a.type}")

    def add(self, a, b, hint="add"): return self._binary("add", a, b, hint)
    def sub(self, a, b, hint="sub"): return self._binary("subtract", a, b, hint)
    def mul(self, a, b, hint="mul"): return self._binary("multiply", a, b, hint)
    def div(self, a, b, hint="div"): return self._binary("divide", a, b, hint)
    def max(self, a, b, hint="max"): return self._binary("maximum", a, b, hint)
    def min(self, a, b, hint="min"): return self._binary("minimum", a, b, hint)
    def and_(self, a, b, hint="and"): return self._binary("and", a, b, hint)

    def _unary(self, op: str, x: Value, hint: str) -> Value:
        if not x.dtype.startswith("f"):
            self._fail(f"{op} needs a float operand, got {x.type}")
        return self._new(hint, x.type, f"stablehlo.{op} {x} : {x.type}")

    def neg(self, x, hint="neg"): return self._unary("negate", x, hint)
    def exp(self, x, hint="exp"): return self._unary("exponential", x, hint)
    def log(self, x, hint="log"): return self._unary("log", x, hint)
    def logistic(self, x, hint="sigmoid"): return self._unary("logistic", x, hint)
    def sqrt(self, x, hint="sqrt"): return self._unary("sqrt", x, hint)
    def rsqrt(self, x, hint="rsqrt"): return self._unary("rsqrt", x, hint)

    def compare(self, direction: str, a: Value, b: Value, hint="cmp") -> Value:
        if direction not in ("EQ", "NE", "GE", "GT", "LE", "LT"):
            self._fail(f"bad compare direction {direction}")
        if b.type.rank == 0 and a.type.rank > 0:
            b = self.broadcast_in_dim(b, a.shape, (), "bcast")
        self._same("compare", a, b)
        t = TensorType(a.shape, "i1")
        return self._new(hint, t, f"stablehlo.compare {direction}, {a}, {b} : ({a.type}, {b.type}) -> {t}")

    def select(self, pred: Value, a: Value, b: Value, hint="sel") -> Value:
        self._same("select", a, b)
        if pred.type != TensorType(a.shape, "i1"):
            self._fail(f"select: predicate {pred.type} does not match {a.type}")
        return self._new(hint, a.type, f"stablehlo.select {pred}, {a}, {b} : ({pred.type}, {a.type}, {b.type}) -> {a.type}")

    def convert(self, x: Value, dtype: str, hint="cvt") -> Value:
        t = TensorType(x.shape, dtype)
        return self._new(hint, t, f"stablehlo.convert {x} : ({x.type}) -> {t}")

    def reduce_precision(self, x: Value, exponent_bits: int, mantissa_bits: int, hint="rounded") -> Value:
        """``x`` rounded (to nearest even) to a float format with the given bits, same type."""
        if not x.dtype.startswith("f"):
            self._fail(f"reduce_precision needs a float operand, got {x.type}")
        return self._new(hint, x.type, f"stablehlo.reduce_precision {x}, format = "
                                       f"e{int(exponent_bits)}m{int(mantissa_bits)} : {x.type}")

    def cast(self, x: Value, dtype: str, hint="cvt") -> Value:
        """``x`` as ``dtype``: x itself when it has that type already, else a convert."""
        return x if x.dtype == dtype else self.convert(x, dtype, hint)

    # ------------------------------------------------------------------ shape ops
    def broadcast_in_dim(self, x: Value, shape: Sequence[int], dims: Sequence[int], hint="bcast") -> Value:
        shape = tuple(shape)
        if len(dims) != x.type.rank:
            self._fail(f"broadcast_in_dim: {len(dims)} dims for rank-{x.type.rank} operand")
        for i, d in enumerate(dims):
            if not (0 <= d < len(shape)) or x.shape[i] not in (1, shape[d]):
                self._fail(f"broadcast_in_dim: operand {x.type} dims {list(dims)} do not fit {shape}")
        t = TensorType(shape, x.dtype)
        return self._new(hint, t, f"stablehlo.broadcast_in_dim {x}, dims = {_ints(dims)} : ({x.type}) -> {t}")

    def reshape(self, x: Value, shape: Sequence[int], hint="reshape") -> Value:
        t = TensorType(tuple(shape), x.dtype)
        if t.size != x.type.size:
            self._fail(f"reshape: {x.type} has {x.type.size} elements, {t} has {t.size}")
        if t == x.type:
            return x
        return self._new(hint, t, f"stablehlo.reshape {x} : ({x.type}) -> {t}")

    def transpose(self, x: Value, perm: Sequence[int], hint="transpose") -> Value:
        if sorted(perm) != list(range(x.type.rank)):
            self._fail(f"transpose: {list(perm)} is not a permutation of rank {x.type.rank}")
        t = TensorType(tuple(x.shape[p] for p in perm), x.dtype)
        return self._new(hint, t, f"stablehlo.transpose {x}, dims = {_ints(perm)} : ({x.type}) -> {t}")

    def reverse(self, x: Value, dims: Sequence[int], hint="reverse") -> Value:
        if any(not (0 <= d < x.type.rank) for d in dims):
            self._fail(f"reverse: dims {list(dims)} out of range for {x.type}")
        return self._new(hint, x.type, f"stablehlo.reverse {x}, dims = {_ints(dims)} : {x.type}")

    def slice(self, x: Value, start: Sequence[int], limit: Sequence[int], strides: Sequence[int] | None = None,
              hint="slice") -> Value:
        r = x.type.rank
        strides = strides or [1] * r
        if not (len(start) == len(limit) == len(strides) == r):
            self._fail(f"slice: index lists do not match rank {r}")
        shape = []
        for s, l, st, d in zip(start, limit, strides, x.shape):
            if not (0 <= s <= l <= d) or st < 1:
                self._fail(f"slice: [{s}:{l}:{st}] out of bounds for extent {d} of {x.type}")
            shape.append((l - s + st - 1) // st)
        t = TensorType(tuple(shape), x.dtype)
        idx = ", ".join(f"{s}:{l}" if st == 1 else f"{s}:{l}:{st}" for s, l, st in zip(start, limit, strides))
        return self._new(hint, t, f"stablehlo.slice {x} [{idx}] : ({x.type}) -> {t}")

    def pad(self, x: Value, value: Value, low: Sequence[int], high: Sequence[int],
            interior: Sequence[int] | None = None, hint="pad") -> Value:
        r = x.type.rank
        interior = interior or [0] * r
        shape = tuple(lo + hi + d + max(d - 1, 0) * it for lo, hi, d, it in zip(low, high, x.shape, interior))
        if any(s < 0 for s in shape):
            self._fail(f"pad: negative result shape {shape}")
        t = TensorType(shape, x.dtype)
        return self._new(hint, t, f"stablehlo.pad {x}, {value}, low = {_ints(low)}, high = {_ints(high)}, "
                                  f"interior = {_ints(interior)} : ({x.type}, {value.type}) -> {t}")

    def concatenate(self, xs: Sequence[Value], dim: int, hint="concat") -> Value:
        if not xs:
            self._fail("concatenate of nothing")
        if len(xs) == 1:
            return xs[0]
        r = xs[0].type.rank
        for v in xs:
            if v.type.rank != r or v.dtype != xs[0].dtype or any(
                    a != b for i, (a, b) in enumerate(zip(v.shape, xs[0].shape)) if i != dim):
                self._fail(f"concatenate: {v.type} does not fit {xs[0].type} along dim {dim}")
        shape = list(xs[0].shape)
        shape[dim] = sum(v.shape[dim] for v in xs)
        t = TensorType(tuple(shape), xs[0].dtype)
        ops = ", ".join(v.name for v in xs)
        tys = ", ".join(str(v.type) for v in xs)
        return self._new(hint, t, f"stablehlo.concatenate {ops}, dim = {dim} : ({tys}) -> {t}")

    def dynamic_slice(self, x: Value, start: Sequence[Value], sizes: Sequence[int], hint="dslice") -> Value:
        """``x[start_0 : start_0 + sizes_0, ...]`` with run-time scalar integer starts, each
        clamped by the op to ``0 <= start_d <= dim_d - sizes_d`` (so an emitter keeps its
        indices in range itself: a clamped read would silently repeat rows).
        Spec: https://openxla.org/stablehlo/spec#dynamic_slice"""
        r = x.type.rank
        if len(start) != r or len(sizes) != r:
            self._fail(f"dynamic_slice: {len(start)} starts / {len(sizes)} sizes for rank-{r} {x.type}")
        dt = {v.dtype for v in start}
        if any(v.type.rank != 0 for v in start) or len(dt) != 1 or not dt <= {"i32", "i64"}:
            self._fail(f"dynamic_slice: starts must be scalar i32/i64 of one type: "
                       f"{[str(v.type) for v in start]}")
        if any(not (0 <= s <= d) for s, d in zip(sizes, x.shape)):
            self._fail(f"dynamic_slice: sizes {list(sizes)} do not fit {x.type}")
        t = TensorType(tuple(sizes), x.dtype)
        ops = ", ".join([x.name] + [v.name for v in start])
        tys = ", ".join([str(x.type)] + [str(v.type) for v in start])
        return self._new(hint, t, f"stablehlo.dynamic_slice {ops}, sizes = {_ints(sizes)} : ({tys}) -> {t}")

    def while_loop(self, init: Sequence[Value], cond: Callable[[list[Value]], Value],
                   body: Callable[[list[Value]], Sequence[Value]], hints: Sequence[str]) -> list[Value]:
        """``stablehlo.while``: carried values ``v = init``; while ``cond(v)`` (a scalar i1)
        holds, ``v = body(v)``; -> the final ``v``.  ``cond`` and ``body`` receive the region's
        block arguments (named ``<hint>_it``) and emit into their own region with this builder;
        they may read any value defined before the loop (the op is not isolated from above).
        ``body`` must give back values of exactly the carried types.  Constants first made
        inside a region stay local to it (the function's interning table is restored).
        Spec: https://openxla.org/stablehlo/spec#while"""
        if not init or len(hints) != len(init):
            self._fail("while_loop: one hint per carried value")
        fn = self.fn
        prefix = ".".join(self._scope)
        base = fn._unique((f"{prefix}." if prefix else "") + "+".join(hints))
        args = [Value(fn._unique((f"{prefix}." if prefix else "") + f"{h}_it"), v.type)
                for h, v in zip(hints, init)]
        types = ", ".join(str(v.type) for v in init)

        def region(build) -> tuple[list[str], list[Value]]:
            outer_lines, outer_consts = fn.lines, fn.consts
            fn.lines, fn.consts = [], dict(outer_consts)
            try:
                res = build(list(args))
                res = [res] if isinstance(res, Value) else list(res)
                return fn.lines, res
            finally:
                fn.lines, fn.consts = outer_lines, outer_consts

        c_lines, c_res = region(cond)
        if len(c_res) != 1 or c_res[0].type != TensorType((), "i1"):
            self._fail(f"while_loop: cond must give one tensor<i1>, got {[str(v.type) for v in c_res]}")
        b_lines, b_res = region(body)
        if [v.type for v in b_res] != [v.type for v in init]:
            self._fail(f"while_loop: body gives {[str(v.type) for v in b_res]}, carries {types}")
        k = len(init)
        head = f"{base}:{k}" if k > 1 else base
        pairs = ", ".join(f"{a} = {v}" for a, v in zip(args, init))
        L = fn.lines
        L.append(f"{head} = stablehlo.while({pairs}) : {types}")
        L.append(" cond {")
        L += ["  " + l for l in c_lines]
        L.append(f"  stablehlo.return {c_res[0]} : {c_res[0].type}")
        L.append(" } do {")
        L += ["  " + l for l in b_lines]
        L.append(f"  stablehlo.return {', '.join(v.name for v in b_res)} : {types}")
        L.append(" }")
        if k == 1:
            return [Value(base, init[0].type)]
        return [Value(f"{base}#{i}", v.type) for i, v in enumerate(init)]

    def iota(self, shape: Sequence[int], dim: int, dtype: str = "i32", hint="iota") -> Value:
        t = TensorType(tuple(shape), dtype)
        return self._new(hint, t, f"stablehlo.iota dim = {dim} : {t}")

    # ------------------------------------------------------------------ reductions / contractions
    def reduce(self, x: Value, dims: Sequence[int], kind: str = "add", hint="sum") -> Value:
        """Sum (kind='add') or max (kind='maximum') over ``dims``."""
        dims = sorted(dims)
        if any(not (0 <= d < x.type.rank) for d in dims) or len(set(dims)) != len(dims):
            self._fail(f"reduce: dims {dims} invalid for {x.type}")
        if kind == "add":
            init = self.const(0.0, x.dtype)
        elif kind == "maximum":
            init = self._neg_inf(x.dtype)
        else:
            self._fail(f"reduce: unsupported kind {kind}")
        t = TensorType(tuple(d for i, d in enumerate(x.shape) if i not in dims), x.dtype)
        return self._new(hint, t, f"stablehlo.reduce({x} init: {init}) applies stablehlo.{kind} across "
                                  f"dimensions = {_ints(dims)} : ({x.type}, {init.type}) -> {t}")

    def reduce_window(self, x: Value, window: Sequence[int], strides: Sequence[int],
                      padding: Sequence[tuple[int, int]], kind: str = "maximum",
                      hint="pool") -> Value:
        """``stablehlo.reduce_window``: max (kind='maximum', init and pad value -inf) or sum
        (kind='add', init 0) over windows of extent ``window`` moved by ``strides`` over ``x``
        padded by ``padding`` [(low, high)] per dim; out extent (x + lo + hi - w) // s + 1,
        checked here (a window larger than the padded input is an EmitError).
        Spec: https://openxla.org/stablehlo/spec#reduce_window"""
        r = x.type.rank
        if not (len(window) == len(strides) == len(padding) == r):
            self._fail(f"reduce_window: window / strides / padding do not match rank {r} of {x.type}")
        if any(w < 1 for w in window) or any(st < 1 for st in strides) or any(
                lo < 0 or hi < 0 for lo, hi in padding):
            self._fail(f"reduce_window: bad window {list(window)}, strides {list(strides)} or "
                       f"padding {list(padding)}")
        shape = []
        for d, w, st, (lo, hi) in zip(x.shape, window, strides, padding):
            if d + lo + hi < w:
                self._fail(f"reduce_window: window {w} larger than padded extent {d + lo + hi} of {x.type}")
            shape.append((d + lo + hi - w) // st + 1)
        if kind == "add":
            init = self.const(0.0, x.dtype)
        elif kind == "maximum":
            init = self._neg_inf(x.dtype)
        else:
            self._fail(f"reduce_window: unsupported kind {kind}")
        t = TensorType(tuple(shape), x.dtype)
        scal = str(init.type)
        a, e, o = self.fn._unique("lhs"), self.fn._unique("rhs"), self.fn._unique("red")
        pads = "[" + ", ".join(f"[{lo}, {hi}]" for lo, hi in padding) + "]"
        attrs = (f"padding = dense<{pads}> : tensor<{r}x2xi64>, "
                 f"window_dimensions = array<i64: {', '.join(str(int(w)) for w in window)}>, "
                 f"window_strides = array<i64: {', '.join(str(int(st)) for st in strides)}>")
        v = self._new(hint, t, f'"stablehlo.reduce_window"({x}, {init}) <{{{attrs}}}> ({{')
        self.fn.lines.append(f"  ^bb0({a}: {scal}, {e}: {scal}):")
        self.fn.lines.append(f"    {o} = stablehlo.{kind} {a}, {e} : {scal}")
        self.fn.lines.append(f"    stablehlo.return {o} : {scal}")
        self.fn.lines.append(f"  }}) : ({x.type}, {scal}) -> {t}")
        return v

    def reduce_sums(self, xs: Sequence[Value], dims: Sequence[int], hints: Sequence[str]) -> list[Value]:
        """Sums of several same-shaped tensors over ``dims`` as ONE multi-operand reduce (one
        loop nest reads all inputs; IREE emits a single dispatch for it)."""
        dims = sorted(dims)
        x0 = xs[0]
        if len(xs) != len(hints) or any(x.type != x0.type for x in xs):
            self._fail(f"reduce_sums: operands must share one type: {[str(x.type) for x in xs]}")
        if any(not (0 <= d < x0.type.rank) for d in dims) or len(set(dims)) != len(dims):
            self._fail(f"reduce_sums: dims {dims} invalid for {x0.type}")
        init = self.const(0.0, x0.dtype)
        t = TensorType(tuple(d for i, d in enumerate(x0.shape) if i not in dims), x0.dtype)
        prefix = ".".join(self._scope)
        base = self.fn._unique((f"{prefix}." if prefix else "") + "+".join(hints))
        k = len(xs)
        acc = [(self.fn._unique("acc"), self.fn._unique("elt")) for _ in xs]
        out = [self.fn._unique("part") for _ in xs]
        scal = str(init.type)
        operands = ", ".join(f"({x} init: {init})" for x in xs)
        types = ", ".join([str(x.type) for x in xs] + [scal] * k)
        self.fn.lines.append(f"{base}:{k} = stablehlo.reduce{operands} across dimensions = "
                             f"{_ints(dims)} : ({types}) -> ({', '.join([str(t)] * k)})")
        self.fn.lines.append("  reducer" + " ".join(f"({a}: {scal}, {e}: {scal})" for a, e in acc)
                             + " {")
        for o, (a, e) in zip(out, acc):
            self.fn.lines.append(f"    {o} = stablehlo.add {a}, {e} : {scal}")
        self.fn.lines.append(f"    stablehlo.return {', '.join(out)} : {', '.join([scal] * k)}")
        self.fn.lines.append("  }")
        return [Value(f"{base}#{i}", t) for i in range(k)]

    def all_reduce(self, xs: Sequence[Value], hints: Sequence[str]) -> list[Value]:
        """The sum of each of ``xs`` over all ``num_replicas`` replicas (one replica group),
        as ONE ``stablehlo.all_reduce`` with several operands: every replica gets the sums."""
        n = self.num_replicas
        if n < 2:
            self._fail("all_reduce: the module has one replica (emit with replicas > 1)")
        if len(xs) != len(hints) or not xs:
            self._fail("all_reduce: one hint per operand")
        dt = {x.dtype for x in xs}
        if len(dt) != 1:
            self._fail(f"all_reduce: operands must share one element type: {[str(x.type) for x in xs]}")
        scal = str(TensorType((), xs[0].dtype))
        prefix = ".".join(self._scope)
        base = self.fn._unique((f"{prefix}." if prefix else "") + "+".join(hints))
        a, e, o = self.fn._unique("lhs"), self.fn._unique("rhs"), self.fn._unique("sum")
        k = len(xs)
        head = f"{base}:{k}" if k > 1 else base
        ops = ", ".join(str(x) for x in xs)
        types = ", ".join(str(x.type) for x in xs)
        groups = ", ".join(str(i) for i in range(n))
        self.fn.lines.append(f'{head} = "stablehlo.all_reduce"({ops}) ({{')
        self.fn.lines.append(f"  ^bb0({a}: {scal}, {e}: {scal}):")
        self.fn.lines.append(f"    {o} = stablehlo.add {a}, {e} : {scal}")
        self.fn.lines.append(f"    stablehlo.return {o} : {scal}")
        self.fn.lines.append(f"  }}) {{replica_groups = dense<[[{groups}]]> : tensor<1x{n}xi64>}} : "
                             f"({types}) -> ({types})" if k > 1 else
                             f"  }}) {{replica_groups = dense<[[{groups}]]> : tensor<1x{n}xi64>}} : "
                             f"({types}) -> {types}")
        if k == 1:
            return [Value(base, xs[0].type)]
        return [Value(f"{base}#{i}", x.type) for i, x in enumerate(xs)]

    def neg_inf(self, dtype: str = "f32") -> Value:
        """The scalar -inf of a float type (a max reduction's identity, max pooling's pad)."""
        if dtype not in _NEG_INF:
            self._fail(f"neg_inf: no -inf in {dtype}")
        return self._neg_inf(dtype)

    def _neg_inf(self, dtype: str) -> Value:
        key = (dtype, "-inf")
        if key not in self.fn.consts:
            v = Value(self.fn._unique("cst_neg_inf"), TensorType((), dtype))
            self.fn.lines.append(f"{v.name} = stablehlo.constant dense<{_NEG_INF[dtype]}> : {v.type}")
            self.fn.consts[key] = v
        return self.fn.consts[key]

    def _result_dtype(self, op: str, a: Value, b: Value, out_dtype: str | None) -> str:
        """A contraction's result element type: the operands' (which must agree), or
        ``out_dtype`` where that is a legal wider accumulation (bf16 x bf16 -> f32)."""
        if a.dtype != b.dtype:
            self._fail(f"{op}: operand element types differ: {a.type} vs {b.type}")
        if out_dtype is None or out_dtype == a.dtype:
            return a.dtype
        if (a.dtype, out_dtype) not in _WIDER_RESULT:
            self._fail(f"{op}: {a.dtype} operands cannot give a {out_dtype} result")
        return out_dtype

    def dot_general(self, a: Value, b: Value, contract: tuple[Sequence[int], Sequence[int]],
                    batch: tuple[Sequence[int], Sequence[int]] = ((), ()), hint="dot",
                    out_dtype: str | None = None) -> Value:
        """``out_dtype``: the result element type when wider than the operands' (bf16 -> f32)."""
        dt = self._result_dtype("dot_general", a, b, out_dtype)
        ca, cb = contract
        ba, bb = batch
        for i, j in zip(ca, cb):
            if a.shape[i] != b.shape[j]:
                self._fail(f"dot_general: contracting extents differ {a.type} [{i}] vs {b.type} [{j}]")
        for i, j in zip(ba, bb):
            if a.shape[i] != b.shape[j]:
                self._fail(f"dot_general: batch extents differ {a.type} [{i}] vs {b.type} [{j}]")
        free_a = [d for i, d in enumerate(a.shape) if i not in ca and i not in ba]
        free_b = [d for i, d in enumerate(b.shape) if i not in cb and i not in bb]
        t = TensorType(tuple([a.shape[i] for i in ba] + free_a + free_b), dt)
        dn = ""
        if ba:
            dn += f"batching_dims = {_ints(ba)} x {_ints(bb)}, "
        dn += f"contracting_dims = {_ints(ca)} x {_ints(cb)}"
        return self._new(hint, t, f"stablehlo.dot_general {a}, {b}, {dn} : ({a.type}, {b.type}) -> {t}")

    def convolution(self, lhs: Value, rhs: Value, *, lhs_spec: str, rhs_spec: str, out_spec: str,
                    stride: Sequence[int], padding: Sequence[tuple[int, int]],
                    lhs_dilation: Sequence[int] = (1, 1), rhs_dilation: Sequence[int] = (1, 1),
                    feature_groups: int = 1, batch_groups: int = 1, hint="conv",
                    out_dtype: str | None = None) -> Value:
        """2-D convolution.  Specs name each operand dim: lhs 'b','f','0','1'; rhs 'i','o','0','1';
        out 'b','f','0','1' (e.g. NHWC/HWIO: lhs 'b01f', rhs '01io', out 'b01f').  The output
        shape follows the StableHLO shape rule and is checked here.  ``out_dtype``: the result
        element type when wider than the operands' (bf16 operands, f32 accumulation)."""
        dt = self._result_dtype("convolution", lhs, rhs, out_dtype)
        def dim(spec, shape, c):
            return shape[spec.index(c)]
        B = dim(lhs_spec, lhs.shape, "b")
        Fi = dim(lhs_spec, lhs.shape, "f")
        Ki = dim(rhs_spec, rhs.shape, "i")
        Ko = dim(rhs_spec, rhs.shape, "o")
        if Fi != Ki * feature_groups:
            self._fail(f"convolution: input features {Fi} != kernel in {Ki} x groups {feature_groups} "
                       f"({lhs.type} * {rhs.type})")
        if Ko % feature_groups or Ko % batch_groups or B % batch_groups:
            self._fail(f"convolution: groups do not divide ({lhs.type} * {rhs.type})")
        sp = []
        for s in range(2):
            x = dim(lhs_spec, lhs.shape, str(s))
            k = dim(rhs_spec, rhs.shape, str(s))
            xd = (x - 1) * lhs_dilation[s] + 1 + padding[s][0] + padding[s][1]
            kd = (k - 1) * rhs_dilation[s] + 1
            if xd < kd:
                self._fail(f"convolution: window {kd} larger than padded input {xd}")
            sp.append((xd - kd) // stride[s] + 1)
        out = {"b": B // batch_groups, "f": Ko, "0": sp[0], "1": sp[1]}
        t = TensorType(tuple(out[c] for c in out_spec), dt)
        fmt = lambda s: "[" + ", ".join(s) + "]"
        pads = "[" + ", ".join(f"[{lo}, {hi}]" for lo, hi in padding) + "]"
        return self._new(
            hint, t,
            f"stablehlo.convolution({lhs}, {rhs}) dim_numbers = {fmt(lhs_spec)}x{fmt(rhs_spec)}->{fmt(out_spec)}, "
            f"window = {{stride = {_ints(stride)}, pad = {pads}, lhs_dilate = {_ints(lhs_dilation)}, "
            f"rhs_dilate = {_ints(rhs_dilation)}}} {{batch_group_count = {batch_groups} : i64, "
            f"feature_group_count = {feature_groups} : i64}} : ({lhs.type}, {rhs.type}) -> {t}")
