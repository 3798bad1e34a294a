"""Decoding image files into the crop a transform asks for.

``render_file(path, plan_for, out_hw, channels)`` reads the file's header for its size, asks
``plan_for(width, height)`` for the crop box (see ``runtime.data.transforms``), decodes the
image at the smallest DCT-domain reduction (1/2, 1/4 or 1/8, JPEG only) that keeps the box at
least as large as the output, and resamples the box to the output size in one bilinear step.
For a 500x375 source and a 224x224 centre crop that is a full decode; for a large photo, or a
small random crop, libjpeg skips most of the IDCT work.

Decoders (``NETSPEC_JPEG_DECODER`` = ``simplejpeg`` | ``pillow`` overrides the choice):

* ``simplejpeg`` (libjpeg-turbo, wheels bundle the library): the default when installed;
  it is the fastest measured here (see docs/data.md). CMYK/YCCK JPEGs go to Pillow, which
  knows Adobe's inverted CMYK.
* ``pillow``: ``Image.draft()`` gives the same DCT-domain reduction; used for every other
  format (PNG, BMP, WebP, TIFF, ...) and as the fallback when simplejpeg rejects a file.

Mode conversion to the spec's channels (RGB or L): grayscale, palette (with or without
transparency), CMYK, LA/RGBA (alpha dropped, as torchvision's ``convert("RGB")``), 1-bit, and
16-bit/32-bit integer images (scaled from 0..65535 to 0..255 rather than clipped) and float
images (taken as 0..1). EXIF orientation is not applied (as torchvision's ImageFolder).

Any failure to read or decode raises ``DecodeFailure``: ``reason`` in plain words ("truncated
JPEG", "not an image file (it holds text)", "corrupt PNG data", "empty file", ...: see
``plain_reason``), ``detail`` the decoder's own message; the loader turns it into a
substitution (never a crash).
"""

from __future__ import annotations

import io
import math
import os
import re
import numpy as np
from PIL import Image

from .transforms import Plan, PlanFn

try:  # pragma: no cover - depends on the environment
    import simplejpeg as _simplejpeg
except ImportError:  # pragma: no cover
    _simplejpeg = None

__all__ = ["DecodeFailure", "DECODERS", "active_decoder", "image_format", "plain_reason",
           "render_array", "render_file", "to_channels"]

DECODERS = ("simplejpeg", "pillow")
_JPEG_MAGIC = b"\xff\xd8\xff"
_REDUCTIONS = (8, 4, 2)

_BYTESIO_REPR = re.compile(r"\s*<_io\.BytesIO object at 0x[0-9a-f]+>")


class DecodeFailure(Exception):
    """A file that cannot be read or decoded (the loader substitutes it).

    ``reason`` says why in plain words ("truncated JPEG", "not an image file", ...: see
    ``plain_reason``); ``detail`` is the decoder's own message, when there was one (kept for
    ``str()`` and debugging, not for users). ``str(e)`` is ``reason`` plus ``[detail]``.
    """

    def __init__(self, reason: str, detail: str | None = None):
        self.reason = reason
        self.detail = detail
        super().__init__(reason if not detail else f"{reason} [{detail}]")

    def __reduce__(self):
        return (type(self), (self.reason, self.detail))


def active_decoder() -> str:
    """The JPEG decoder in use in this process: env override, else simplejpeg if importable."""
    want = os.environ.get("NETSPEC_JPEG_DECODER", "").strip().lower()
    if want == "pillow" or _simplejpeg is None:
        return "pillow"
    return "simplejpeg"


def _reduction(box_w: float, box_h: float, out_hw: tuple[int, int]) -> int:
    """The largest power-of-two reduction (<= 8) that keeps the box >= the output size."""
    ratio = min(box_w / out_hw[1], box_h / out_hw[0])
    for f in _REDUCTIONS:
        if ratio >= f:
            return f
    return 1


def _scale_box(plan: Plan, sx: float, sy: float) -> tuple[float, float, float, float]:
    l, t, r, b = plan.box
    return (l * sx, t * sy, r * sx, b * sy)


def to_channels(im: Image.Image, channels: int) -> Image.Image:
    """Convert any Pillow mode to "RGB" (channels 3) or "L" (channels 1)."""
    target = "RGB" if channels == 3 else "L"
    if im.mode == target:
        return im
    if im.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        a = np.asarray(im)
        if im.mode == "F":
            a8 = np.clip(np.rint(a * 255.0), 0, 255).astype(np.uint8)
        else:
            a8 = ((np.clip(a.astype(np.int64), 0, 65535) + 128) // 257).astype(np.uint8)
        im = Image.fromarray(a8, "L")
        return im if target == "L" else im.convert("RGB")
    if im.mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
    if im.mode not in ("RGB", "L", "1", "LA", "RGBA", "P", "CMYK", "YCbCr"):
        im = im.convert("RGB")  # LAB, HSV, ... via RGB
    return im.convert(target)


def _finish(im: Image.Image, plan: Plan, sx: float, sy: float, out_hw: tuple[int, int],
            channels: int) -> np.ndarray:
    out_h, out_w = out_hw
    im = im.resize((out_w, out_h), Image.BILINEAR, box=_scale_box(plan, sx, sy))
    a = np.asarray(im)
    if a.ndim == 2:
        a = a[:, :, None]
    if plan.flip:
        a = a[:, ::-1]
    assert a.shape == (out_h, out_w, channels), a.shape
    return np.ascontiguousarray(a)


def _render_simplejpeg(data: bytes, plan_for: PlanFn,
                       out_hw: tuple[int, int], channels: int) -> np.ndarray | None:
    """simplejpeg path; None when the file is better handled by Pillow (CMYK, YCCK)."""
    assert _simplejpeg is not None
    height, width, colorspace, _ = _simplejpeg.decode_jpeg_header(data)
    if colorspace.upper() in ("CMYK", "YCCK"):
        return None
    plan = plan_for(width, height)
    l, t, r, b = plan.box
    f = _reduction(r - l, b - t, out_hw)
    kw = {} if f == 1 else dict(min_width=math.ceil(width / f), min_height=math.ceil(height / f),
                                min_factor=f)
    a = _simplejpeg.decode_jpeg(data, colorspace="RGB" if channels == 3 else "GRAY", **kw)
    im = Image.fromarray(a if channels == 3 else a[:, :, 0], "RGB" if channels == 3 else "L")
    return _finish(im, plan, a.shape[1] / width, a.shape[0] / height, out_hw, channels)


def _render_pillow(data: bytes, plan_for: PlanFn, out_hw: tuple[int, int],
                   channels: int) -> np.ndarray:
    im = Image.open(io.BytesIO(data))
    width, height = im.size
    plan = plan_for(width, height)
    if im.format == "JPEG":
        l, t, r, b = plan.box
        f = _reduction(r - l, b - t, out_hw)
        if f > 1:  # draft picks the largest scale s with size // s >= requested
            im.draft("RGB" if channels == 3 else "L", (max(1, width // f), max(1, height // f)))
    im = to_channels(im, channels)  # loads (decodes) the pixels
    return _finish(im, plan, im.size[0] / width, im.size[1] / height, out_hw, channels)


def render_file(path: str, plan_for: PlanFn, out_hw: tuple[int, int],
                channels: int) -> np.ndarray:
    """Decode ``path`` and return ``plan_for(w, h)``'s box at ``out_hw``: uint8 [H, W, C]."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise DecodeFailure("no such file") from None
    except IsADirectoryError:
        raise DecodeFailure("a directory, not an image file") from None
    except OSError as e:
        raise DecodeFailure(f"cannot read the file ({e.strerror or e})") from None
    if not data:
        raise DecodeFailure("empty file")
    first_error: Exception | None = None
    if data.startswith(_JPEG_MAGIC) and active_decoder() == "simplejpeg":
        try:
            a = _render_simplejpeg(data, plan_for, out_hw, channels)
            if a is not None:
                return a
        except Exception as e:  # noqa: BLE001 - judged again by Pillow below
            first_error = e
    try:
        return _render_pillow(data, plan_for, out_hw, channels)
    except Exception as e:  # noqa: BLE001 - any decoder failure is a bad file, not a crash
        err = first_error or e
        text = _BYTESIO_REPR.sub("", str(err)).strip()
        msg = text.splitlines()[0] if text else type(err).__name__
        detail = f"{msg} ({type(err).__name__})"
        raise DecodeFailure(plain_reason(data, detail, (first_error, e)), detail) from None


_SIGNATURES = (  # (magic at offset 0, format name); WebP is RIFF....WEBP (checked apart)
    (_JPEG_MAGIC, "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"BM", "BMP"),
    (b"P1", "PBM"), (b"P2", "PGM"), (b"P3", "PPM"), (b"P4", "PBM"), (b"P5", "PGM"), (b"P6", "PPM"),
)
_TRUNCATED = re.compile(r"truncat|premature end|not enough (image )?data|unexpected end", re.I)


def image_format(data: bytes) -> str | None:
    """The image format the file's first bytes announce ("JPEG", "PNG", ...), else None."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    return None


def _looks_truncated(fmt: str | None, data: bytes) -> bool:
    """The format's end marker is missing (JPEG: no EOI after the SOI; PNG: no IEND chunk)."""
    if fmt == "JPEG":
        return b"\xff\xd9" not in data[2:]
    if fmt == "PNG":
        return b"IEND" not in data[-64:]
    return False


def _looks_like_text(data: bytes) -> bool:
    head = data[:1024]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c.isprintable() or c in "\t\r\n\f" for c in text)


def plain_reason(data: bytes, detail: str, errors=()) -> str:
    """Why a file failed to decode, in plain words, from its bytes and the decoders' messages.

    "truncated JPEG" (the decoder ran out of data, or the end marker is missing), "not an
    image file" (no decoder recognises it; "(it holds text)" / "(it holds HTML)" when it is
    text), "corrupt PNG data" (the format is recognised, its data is not), "image too large
    (Pillow's decompression-bomb limit)", else "unsupported or corrupt image data: <the
    decoder's message>" (the one case where the raw message is the best description)."""
    fmt = image_format(data)
    what = fmt or "image file"
    messages = " ".join(str(e) for e in errors if e is not None) + " " + detail
    if any(isinstance(e, Image.DecompressionBombError) for e in errors):
        return "image too large (Pillow's decompression-bomb limit)"
    if _TRUNCATED.search(messages) or _looks_truncated(fmt, data):
        return f"truncated {what}"
    if "cannot identify image file" in messages or "UnidentifiedImageError" in messages:
        if fmt is not None:
            return f"corrupt {fmt} data"
        if _looks_like_text(data):
            kind = "HTML" if data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")) \
                else "text"
            return f"not an image file (it holds {kind})"
        return "not an image file"
    if fmt is not None:
        return f"corrupt {fmt} data"
    return f"unsupported or corrupt image data: {detail}"


def render_array(image: np.ndarray, plan: Plan, out_hw: tuple[int, int]) -> np.ndarray:
    """The same rendering for an in-memory uint8 [H, W, C] image (C in 1, 3)."""
    h, w, c = image.shape
    if plan.box == (0.0, 0.0, float(w), float(h)) and (h, w) == tuple(out_hw):
        a = image
    else:
        im = Image.fromarray(image[:, :, 0] if c == 1 else image, "L" if c == 1 else "RGB")
        a = np.asarray(im.resize((out_hw[1], out_hw[0]), Image.BILINEAR, box=plan.box))
        if a.ndim == 2:
            a = a[:, :, None]
    if plan.flip:
        a = a[:, ::-1]
    return np.ascontiguousarray(a)
