"""2-D convolution (dense and depthwise) and its two VJPs.

Forward, HWIO weight w[kh, kw, ci/g, co], stride s, groups g (1 or C), padding (lo, hi) per
spatial axis (``ConvGeom.pad_h`` / ``pad_w``, from ``netspec.kinds.base.conv_pads``: 'same'
lo = hi = k//2, 'valid' 0, 'tf_same' TensorFlow's SAME, hi = lo or lo + 1 — asymmetric; the
formulas below are written for H, W is the same with its own (lo, hi)):

    y[b, i, j, o] = sum_{kh, kw, c} x_pad[b, s*i + kh, s*j + kw, c] * w[kh, kw, c, o]
    x_pad[b, h', ...] = x[b, h' - lo, ...]   (0 outside)
    Ho = floor((H + lo + hi - k) / s) + 1

Input gradient (the transpose of a strided correlation is a correlation of the
s-dilated cotangent with the spatially flipped kernel):

    dx = conv(dilate_s(dy), flip(w), pad_lo = k - 1 - lo, pad_hi = H - (Ho - 1) s - 1 + lo)

  (output row i reads x row s*i + kh - lo, so dx[h] collects dy[i] w[kh] over s*i + kh - lo = h:
  the flipped kernel read from pad_lo = k - 1 - lo rows before the dilated dy; pad_hi fills
  the result to H rows.  hi enters only through Ho: with symmetric p, lo = hi = p.)

  dense (g = 1): the flipped kernel is read with in/out swapped (rhs spec '01oi'), no transpose;
  depthwise (g = C): the same grouped convolution, flipped kernel, feature_group_count = C.
  pad_hi accounts for the rows the forward never read when (H + 2p - k) is not a multiple of s
  (odd sizes at stride 2); ``input_grad_padding`` names that arithmetic.

Weight gradient (a correlation of the input with the cotangent, batch as the contraction):

    dw[kh, kw, c, o] = sum_{b, i, j} x_pad[b, s*i + kh, s*j + kw, c] * dy[b, i, j, o]
    pad_lo = lo, pad_hi = (Ho - 1) s + k - H - lo    (so the padded input is (Ho - 1) s + k)

  dense (g = 1): conv(x read as (feature=b, batch=c), dy read as kernel (i=b, o),
                      rhs_dilation = s), the k x k "output" window slides over x_pad.
  dense 1x1, stride 1, no padding (the expand / project / head convolutions), the "pieces"
  form: the contraction over B*H*W is split into P = B*S pieces of whole rows (S pieces per
  sample, ``pointwise_dw_pieces``: as many as leave each at least DW_PIECE_PIXELS pixels):

    dw[0, 0, c, o] = sum_p t_p[c, o],   t_p = sum_{pixels of piece p} x[., c] dy[., o]

  emitted as ONE batch matmul (x and dy reshaped to [P, pixels, C]: rows are contiguous in
  NHWC, so the reshape moves nothing), then a reduce over p.  Why: one convolution contracting
  100,352 pixels (B0's blocks.2.0 at batch 8) against 16-24 channels gives IREE a 16x96 output
  to parallelise and one serial accumulation per lane; P independent products keep both cores
  busy and every accumulation short.  Measured on B0 at batch 8, 224 (bench/wgrad_forms.py,
  docs/bench.md): the 32 such gradients 75.6 -> 55.9 ms, their error against float64 (max per
  tensor) 1.6e-5 -> 1.0e-6; the step 532 -> 496 ms (medians of three alternating rounds).
  NCHW keeps whole samples (S = 1).
  depthwise (g = C): o = c, so every (b, c) pair is an independent 2-D correlation of one
  sample's channel with its own cotangent.  Per sample b, that is a depthwise FORWARD
  convolution of x[b] whose filter is dy[b] (i = 1, o = c) and whose output is the k x k window:

    t_b[kh, kw, 0, c] = sum_{i, j} x_pad[b, kh + s*i, kw + s*j, c] * dy[b, i, j, c]
                      = conv(x[b:b+1], dy[b:b+1] read as kernel, feature_group_count = C,
                             rhs_dilation = s)
    dw = sum_b t_b      (t_b is already HWIO [k, k, 1, C]; accumulated sample by sample)

  IREE lowers each t_b to its vectorised depthwise kernel, reading only the products the
  forward made.  One batch_group_count = C convolution (the dense form) becomes a generic loop
  over the s-dilated cotangent, 3-6x slower on EfficientNet-B0 shapes; folding the batch into
  the channels (one depthwise convolution over N*C channels) is 2-4x slower than per-sample
  (channel tiles walk pixels N times further apart, and NHWC needs two transposes).

  Written out, that is N convolutions per depthwise layer: B0's train_step held 258 at batch
  8, 642 at 32, 2,178 at 128, 4,226 at 256, and its compile grew with them (iree-compile CPU
  seconds 52 / 72 / 186 at batch 8 / 32 / 128).  Above ``DW_UNROLL_MAX_BATCH`` the same
  per-sample convolutions are emitted for ONE chunk of U = ``DW_LOOP_CHUNK`` samples inside a
  ``stablehlo.while`` over the N // U chunks: the chunk starting at n = U*i is read with one
  ``dynamic_slice`` of x and of dy (start n on the batch axis, 0 elsewhere; n + U <= N always,
  so the op's clamping never acts), its samples with static slices as in the written-out
  form, dw is the carried accumulator (0, then t_0, t_1, ... added in sample order: the
  written-out sum's order), and the N % U remaining samples are written out after the loop.
  The text, and the compile, are then those of batch U at any batch (B0 at 256: 258
  convolutions, 832 kB, 50 CPU s).  ``depthwise_dw_chunk`` is the rule; the case table
  forces the loop on tiny shapes (``dw_chunk``).  Measured on B0 at 224 (docs/bench.md,
  "Emitted size and compile time against the batch"): the loop costs ~1% of the step at
  batch 32 (two interleaved runs: +0.9% and +1.2% median), so batches up to 32 stay written
  out (at most 642 convolutions, 1.1 MB); above that the written-out compile grows 2.5-3.6x
  and more while the loop's stays flat.  U = 8 beat U = 1, 2, 4 in the dw-only benchmark and
  U = 16 in the full step; one dynamic_slice per chunk (not per sample) keeps its compile at
  that of U = 1.
  A negative pad_hi means the forward never read the last rows: they are sliced off instead.

Precision (``codegen.precision``): each of the three convolutions casts its two operands to
the policy's "conv" type (bf16 in the bf16 modes, the cotangent dy included) and gives its
result in the "accumulate" type (f32): ``prec`` defaults to no casts.  Depthwise (g > 1):
IREE 3.13 fails on a grouped convolution with bf16 operands and an f32 result (its depthwise
lowering collapses the kernel with the result's element type: "'tensor.collapse_shape' op
expected collapsed type to be 'tensor<3x3x4xbf16>', but got 'tensor<3x3x4xf32>'"), so there
the operands are rounded to bf16 and the convolution runs in f32 on them: the same numbers
(a bf16 x bf16 product is exact in f32), without bf16 arithmetic (a depthwise convolution is
bound by memory, not by multiply-adds).

Spec: https://openxla.org/stablehlo/spec#convolution (and #while, #dynamic_slice)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Builder, TensorType, Value
from ..layout import Layout
from ..precision import NO_CASTS, Casts


#: the depthwise weight-gradient form (``depthwise_dw_chunk``; the module docstring gives the
#: measured reason): written out up to this batch, above it a while loop over chunks of
#: DW_LOOP_CHUNK samples (docs/bench.md, "Emitted size and compile time against the batch")
DW_UNROLL_MAX_BATCH = 32
DW_LOOP_CHUNK = 8

#: the dense 1x1 weight-gradient forms (``dense_1x1_dw_form``) and the least pixels a piece of
#: the "pieces" form contracts (``pointwise_dw_pieces``; measured, docs/bench.md)
DENSE_1X1_DW_FORMS = ("conv", "pieces")
DW_PIECE_PIXELS = 1568


@dataclass(frozen=True)
class ConvGeom:
    k: int
    stride: int
    pad_h: tuple[int, int]    # (lo, hi) padding of the forward along H (for its input's H)
    pad_w: tuple[int, int]    # (lo, hi) along W; symmetric unless 'tf_same'
    groups: int               # 1 or channels (depthwise)


def forward_padding(size: int, pad: tuple[int, int], g: ConvGeom) -> tuple[int, int]:
    """Padding (lo, hi) of the forward convolution along one spatial axis, trimmed to what is read.

    With (size + lo + hi - k) % s = r > 0 the last r padded rows are never read; they are
    trimmed from pad_hi (or sliced off the input when that goes below zero).  The result is
    the same function; the trimmed form also avoids an IREE 3.13 llvm-cpu failure on strided
    depthwise convolutions whose output is 1x1 (it assumes the padded input equals the window).
    ('tf_same' pads exactly what the windows read whenever it pads at all: r = 0 then.)"""
    lo, hi = pad
    r = (size + lo + hi - g.k) % g.stride
    return lo, hi - r


def _trim(b: Builder, L: Layout, x: Value, hi: tuple[int, int], hint: str):
    """Slice off trailing rows/cols for a negative pad_hi; -> (x, non-negative pad_hi)."""
    if min(hi) >= 0:
        return x, hi
    ah, aw = L.spatial_axes
    limit = list(x.shape)
    limit[ah] += min(hi[0], 0)
    limit[aw] += min(hi[1], 0)
    return b.slice(x, [0] * 4, limit, hint=hint), (max(hi[0], 0), max(hi[1], 0))


def input_grad_padding(size: int, out: int, lo: int, g: ConvGeom) -> tuple[int, int]:
    """Padding of the input-gradient convolution along one spatial axis whose forward pads
    ``lo`` rows before the input: (k - 1 - lo, size - (out - 1) s - 1 + lo)."""
    return g.k - 1 - lo, size - (out - 1) * g.stride - 1 + lo


def weight_grad_padding(size: int, out: int, lo: int, g: ConvGeom) -> tuple[int, int]:
    """Padding of the weight-gradient convolution along one spatial axis whose forward pads
    ``lo`` rows before the input: (lo, (out - 1) s + k - size - lo); hi may be < 0."""
    return lo, (out - 1) * g.stride + g.k - size - lo


def _operands(b: Builder, prec: Casts, g: ConvGeom, lhs: Value, rhs: Value):
    """-> (lhs, rhs, result dtype) of a convolution under the policy (module docstring)."""
    if g.groups > 1:
        return (*prec.rounded(b, "conv", lhs, rhs), None)
    return (*prec.operands(b, "conv", lhs, rhs), prec.accumulate("conv"))


def conv_fwd(b: Builder, L: Layout, x: Value, w: Value, g: ConvGeom, hint="conv",
             prec: Casts = NO_CASTS) -> Value:
    x, w, acc = _operands(b, prec, g, x, w)
    H, W = L.hw(x.shape)
    (lo_h, hi_h), (lo_w, hi_w) = forward_padding(H, g.pad_h, g), forward_padding(W, g.pad_w, g)
    x, (hi_h, hi_w) = _trim(b, L, x, (hi_h, hi_w), "x_read")
    return b.convolution(x, w, lhs_spec=L.act_spec, rhs_spec="01io", out_spec=L.act_spec,
                         stride=(g.stride, g.stride), padding=((lo_h, hi_h), (lo_w, hi_w)),
                         feature_groups=g.groups, hint=hint, out_dtype=acc)


def conv_dx(b: Builder, L: Layout, dy: Value, w: Value, x_shape, g: ConvGeom, hint="d_x",
            prec: Casts = NO_CASTS) -> Value:
    dy, w, acc = _operands(b, prec, g, dy, w)
    H, W = L.hw(x_shape)
    Ho, Wo = L.hw(dy.shape)
    wf = b.reverse(w, (0, 1), hint="w_flip")
    return b.convolution(dy, wf, lhs_spec=L.act_spec, rhs_spec="01io" if g.groups > 1 else "01oi",
                         out_spec=L.act_spec, stride=(1, 1),
                         padding=(input_grad_padding(H, Ho, g.pad_h[0], g),
                                  input_grad_padding(W, Wo, g.pad_w[0], g)),
                         lhs_dilation=(g.stride, g.stride), feature_groups=g.groups, hint=hint,
                         out_dtype=acc)


def _sample(b: Builder, t: Value, n: int, hint: str) -> Value:
    """Batch element n of an activation, kept 4-D (batch 1): a contiguous slice."""
    return b.slice(t, [n, 0, 0, 0], [n + 1, *t.shape[1:]], hint=hint)


def depthwise_dw_chunk(batch: int, chunk: int | None = None) -> int:
    """How the depthwise weight gradient is emitted (see the module docstring): 0 = one
    convolution per sample written out, U >= 1 = a ``stablehlo.while`` over chunks of U
    samples (U convolutions in its body, the remainder written out after it).  ``chunk``
    forces a form (the case table's loop rows); None applies the rule: written out up to
    batch 32 (the loop cost ~1% of B0's step at batch 32), chunks of 8 above (docs/bench.md,
    "Emitted size and compile time against the batch")."""
    if chunk is not None:
        if chunk < 0:
            raise ValueError(f"depthwise weight-gradient chunk must be >= 0, got {chunk}")
        return chunk
    return 0 if batch <= DW_UNROLL_MAX_BATCH else DW_LOOP_CHUNK


def _dw_sample(b: Builder, x: Value, dy: Value, n, conv) -> Value:
    """t_n of the module docstring for sample n: a static index (written-out form) or a
    run-time scalar i32 (loop form, read with dynamic_slice)."""
    if isinstance(n, int):
        return conv(_sample(b, x, n, "x_n"), _sample(b, dy, n, "dy_n"))
    zero = b.const(0, n.dtype)
    at = lambda t, hint: b.dynamic_slice(t, [n, zero, zero, zero], [1, *t.shape[1:]], hint=hint)
    return conv(at(x, "x_n"), at(dy, "dy_n"))


def _dw_chunk_of(b: Builder, t: Value, n: Value, U: int, hint: str) -> Value:
    """Samples n .. n + U - 1 of an activation (n a run-time scalar i32): one dynamic_slice
    per chunk; its samples are then static slices, as in the written-out form."""
    zero = b.const(0, n.dtype)
    return b.dynamic_slice(t, [n, zero, zero, zero], [U, *t.shape[1:]], hint=hint)


def dense_1x1_dw_form(g: ConvGeom, x_shape, form: str | None = None) -> str:
    """How a dense weight gradient is emitted (module docstring): "pieces" = one matmul per
    piece of whole rows of one sample (``pointwise_dw_pieces``), then the sum over the pieces
    (a 1x1 stride-1 unpadded convolution only), "conv" = one convolution contracting over
    B*H*W.  ``form`` forces one (bench/wgrad_forms.py); None applies the rule:
    pieces wherever there is more than one."""
    if form is not None:
        if form not in DENSE_1X1_DW_FORMS:
            raise ValueError(f"dense weight-gradient form must be one of {DENSE_1X1_DW_FORMS}, got {form!r}")
        return form
    return "pieces" if _is_pointwise(g) and x_shape[0] > 1 else "conv"


def _is_pointwise(g: ConvGeom) -> bool:
    return g.groups == 1 and g.k == 1 and g.stride == 1 and g.pad_h == (0, 0) and g.pad_w == (0, 0)


def pointwise_dw_pieces(L: Layout, x_shape) -> int:
    """Pieces per sample of the "pieces" form: NHWC splits a sample into S groups of H/S whole
    rows, S the largest divisor of H leaving at least DW_PIECE_PIXELS pixels a piece (1 when
    the sample is smaller); NCHW keeps whole samples (its rows are not contiguous per pixel)."""
    H, W = L.hw(x_shape)
    if L.channel_axis != 3:             # NCHW
        return 1
    return max([s for s in range(1, H + 1) if H % s == 0 and (H // s) * W >= DW_PIECE_PIXELS] or [1])


def _pointwise_dw_pieces(b: Builder, L: Layout, x: Value, dy: Value, acc, hint: str) -> Value:
    """dw[0, 0, c, o] = sum_p (sum_{pixels of piece p} x[., c] dy[., o]): the B*S pieces (S of
    ``pointwise_dw_pieces`` per sample, whole rows each) are the batch of one batch matmul
    contracting a piece's pixels, then the sum of its B*S products over the batch."""
    S = pointwise_dw_pieces(L, x.shape)
    P, (H, W) = x.shape[0] * S, L.hw(x.shape)
    C, O = L.channels(x.shape), L.channels(dy.shape)
    pix = 1 if L.channel_axis == 3 else 2           # where a piece's pixels sit in [P, ., .]
    n = H * W // S
    flat = lambda t, c, h: b.reshape(t, (P, n, c) if pix == 1 else (P, c, n), hint=h)
    per_piece = b.dot_general(flat(x, C, "x_pieces"), flat(dy, O, "dy_pieces"), contract=([pix], [pix]),
                              batch=([0], [0]), hint=hint + "_pieces", out_dtype=acc)
    return b.reshape(b.reduce(per_piece, (0,), hint=hint + "_sum"), (1, 1, C, O), hint=hint)


def conv_dw(b: Builder, L: Layout, x: Value, dy: Value, g: ConvGeom, hint="d_w",
            prec: Casts = NO_CASTS, chunk: int | None = None, dense_form: str | None = None) -> Value:
    """``chunk``: the depthwise form (``depthwise_dw_chunk``); ``dense_form``: the dense 1x1
    form (``dense_1x1_dw_form``); None applies the rule."""
    x, dy, acc = _operands(b, prec, g, x, dy)
    if g.groups == 1 and dense_1x1_dw_form(g, x.shape, dense_form) == "pieces":
        if not _is_pointwise(g):
            raise ValueError(f"the 'pieces' weight-gradient form needs a 1x1 stride-1 unpadded convolution ({hint})")
        return _pointwise_dw_pieces(b, L, x, dy, acc, hint)
    H, W = L.hw(x.shape)
    Ho, Wo = L.hw(dy.shape)
    (plo_h, phi_h), (plo_w, phi_w) = (weight_grad_padding(H, Ho, g.pad_h[0], g),
                                      weight_grad_padding(W, Wo, g.pad_w[0], g))
    x, (phi_h, phi_w) = _trim(b, L, x, (phi_h, phi_w), "x_read")
    kernel_spec = L.act_spec.replace("b", "i").replace("f", "o")
    window = dict(stride=(1, 1), padding=((plo_h, phi_h), (plo_w, phi_w)), rhs_dilation=(g.stride, g.stride),
                  out_dtype=acc)
    if g.groups == 1:
        return b.convolution(x, dy, lhs_spec=L.act_spec_swapped, rhs_spec=kernel_spec, out_spec="01bf",
                             **window, hint=hint)

    def conv(x_n, dy_n):
        return b.convolution(x_n, dy_n, lhs_spec=L.act_spec, rhs_spec=kernel_spec, out_spec="01bf",
                             **window, feature_groups=g.groups, hint=hint)

    B = x.shape[0]
    U = depthwise_dw_chunk(B, chunk)
    dw, first, iters = None, 0, B // U if U else 0
    if iters:
        dw_t = TensorType((g.k, g.k, 1, x.shape[L.act_spec.index("f")]), acc or x.dtype)
        i32 = lambda v: b.const(v, "i32")

        def body(v):
            i, s = v
            n = b.mul(i, i32(U), hint="base") if U > 1 else i
            if U == 1:
                s = b.add(s, _dw_sample(b, x, dy, n, conv), hint=f"{hint}_sum")
            else:
                xc, dyc = _dw_chunk_of(b, x, n, U, "x_c"), _dw_chunk_of(b, dy, n, U, "dy_c")
                for u in range(U):
                    s = b.add(s, _dw_sample(b, xc, dyc, u, conv), hint=f"{hint}_sum")
            return [b.add(i, i32(1), hint="i_next"), s]

        _, dw = b.while_loop([i32(0), b.full(0.0, dw_t.shape, dw_t.dtype, hint=f"{hint}_zero")],
                             lambda v: b.compare("LT", v[0], i32(iters), hint="more"), body,
                             hints=["i", f"{hint}_acc"])
        first = iters * U
    for n in range(first, B):
        t_n = _dw_sample(b, x, dy, n, conv)
        dw = t_n if dw is None else b.add(dw, t_n, hint=f"{hint}_sum")
    return dw
