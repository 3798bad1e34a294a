"""Host data augmentation of the EfficientNet recipe: RandAugment, Random Erasing, Mixup/CutMix.

Where each runs (``runtime.data.loader``; train split only, each gated by its own knob):

1. crop/resize and flip (``runtime.data.transforms``) -> uint8 H x W x C;
2. **RandAugment** on that uint8 image (Pillow ops, like timm's ``rand_augment_transform``);
3. normalisation to float32;
4. **Random Erasing** on the normalised image (timm's ``RandomErasing``, mode 'pixel');
5. per batch, **Mixup or CutMix** (timm's ``Mixup``, mode 'batch') on the normalised batch,
   giving soft targets f32[B, K].

Determinism: each step draws from its own generator, on its own stream constant, so turning
one on changes neither the crop/flip draws (``AUG_STREAM``) nor the others':

* RandAugment of the sample at position ``p`` of epoch ``e``:
  ``default_rng([seed, e, RANDAUG_STREAM, p])``;
* Random Erasing: ``default_rng([seed, e, ERASE_STREAM, p])``;
* Mixup/CutMix of batch ``b``: ``default_rng([seed, e, MIX_STREAM, b])``.

So a batch is still a pure function of (data, seed, epoch, batch index), whatever the number
of workers, and a resumed run continues bit for bit.  (timm draws from Python's ``random`` and
numpy's global generator; the distributions and the order of the draws within one op are
timm's, the generators are not, so the values differ from a timm run with the same seed.)

RandAugment (timm's ``_RAND_TRANSFORMS``; ``inc1``: ``_RAND_INCREASING_TRANSFORMS``): ``n``
ops chosen uniformly *with replacement*; each is applied with probability ``p`` (0.5); its
magnitude is ``m``, or with ``mstd`` > 0 a normal draw around ``m`` (uniform in [0, m] when
``mstd`` > 100), clipped to [0, ``mmax`` or 10]; the level-to-argument rules are timm's
``_LEVEL_TO_ARG`` (below, ``_level_args``), the signed ones negated with probability 0.5.
Geometric ops (Rotate, Shear, Translate) resample with bilinear or bicubic chosen at random
(timm's default ``_RANDOM_INTERPOLATION``) and fill with grey 128 (timm's ``_FILL``).

Mixup/CutMix: one lambda per batch; row ``i`` is mixed with row ``B-1-i`` (the flipped batch;
with an odd B the middle row is mixed with itself).  CutMix's lambda is corrected to the box
actually pasted (``1 - box area / image area``).  Targets: ``lam * onehot(y) + (1 - lam) *
onehot(y[::-1])``, rows summing to 1, with **no** label smoothing folded in: the emitted loss
applies ``t' = (1 - eps) t + eps / K`` to the soft target, which equals timm's
``mixup_target(..., smoothing=eps)`` (both are linear in the one-hot vectors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageEnhance, ImageOps

from netspec.spec import RandAugmentSpec, parse_randaugment

from .errors import DataError

__all__ = ["ERASE_STREAM", "FILL", "INCREASING_TRANSFORMS", "MIX_STREAM", "Mix", "MixParams",
           "OPS", "RANDAUG_STREAM", "RAND_TRANSFORMS", "RandAugment", "RandAugmentSpec",
           "RandomErasing", "apply_op", "erase_rng", "mix_rng", "parse_randaugment",
           "randaug_rng"]

RANDAUG_STREAM = 0x52414E44  # "RAND"
ERASE_STREAM = 0x45524153    # "ERAS"
MIX_STREAM = 0x4D495855      # "MIXU"

LEVEL_DENOM = 10.0           # timm's _LEVEL_DENOM: magnitudes are in [0, 10] by default
FILL = 128                   # timm's _FILL (128, 128, 128), per channel
TRANSLATE_PCT = 0.45         # timm's default translate_pct
_RESAMPLE = (Image.BILINEAR, Image.BICUBIC)   # timm's _RANDOM_INTERPOLATION

RAND_TRANSFORMS = ("AutoContrast", "Equalize", "Invert", "Rotate", "Posterize", "Solarize",
                   "SolarizeAdd", "Color", "Contrast", "Brightness", "Sharpness", "ShearX",
                   "ShearY", "TranslateXRel", "TranslateYRel")
INCREASING_TRANSFORMS = ("AutoContrast", "Equalize", "Invert", "Rotate", "PosterizeIncreasing",
                         "SolarizeIncreasing", "SolarizeAdd", "ColorIncreasing",
                         "ContrastIncreasing", "BrightnessIncreasing", "SharpnessIncreasing",
                         "ShearX", "ShearY", "TranslateXRel", "TranslateYRel")


def randaug_rng(seed: int, epoch: int, position: int) -> np.random.Generator:
    return np.random.default_rng([seed, epoch, RANDAUG_STREAM, position])


def erase_rng(seed: int, epoch: int, position: int) -> np.random.Generator:
    return np.random.default_rng([seed, epoch, ERASE_STREAM, position])


def mix_rng(seed: int, epoch: int, batch_index: int) -> np.random.Generator:
    return np.random.default_rng([seed, epoch, MIX_STREAM, batch_index])


# ----------------------------------------------------------------------------------- the ops
# Each op: (PIL image, *args, fill, resample) -> PIL image.  The args are what timm's level
# functions produce; ``apply_op`` maps a magnitude to them.

def _fill_for(img: Image.Image, fill: int):
    return fill if img.mode == "L" else (fill,) * len(img.getbands())


def auto_contrast(img, fill=FILL, resample=Image.BILINEAR):
    return ImageOps.autocontrast(img)


def equalize(img, fill=FILL, resample=Image.BILINEAR):
    return ImageOps.equalize(img)


def invert(img, fill=FILL, resample=Image.BILINEAR):
    return ImageOps.invert(img)


def rotate(img, degrees: float, fill=FILL, resample=Image.BILINEAR):
    return img.rotate(degrees, resample=resample, fillcolor=_fill_for(img, fill))


def posterize(img, bits: int, fill=FILL, resample=Image.BILINEAR):
    """Keep the ``bits`` high bits (0 bits: black, as Pillow < 11 did; Pillow now refuses 0,
    which timm's Posterize reaches below magnitude 2.5)."""
    if bits >= 8:
        return img
    mask = ~(2 ** (8 - max(0, int(bits))) - 1) & 0xFF
    return img.point([i & mask for i in range(256)] * len(img.getbands()))


def solarize(img, threshold: int, fill=FILL, resample=Image.BILINEAR):
    return ImageOps.solarize(img, threshold)


def solarize_add(img, add: int, threshold: int = 128, fill=FILL, resample=Image.BILINEAR):
    lut = [min(255, i + add) if i < threshold else i for i in range(256)]
    return img.point(lut * len(img.getbands()))


def color(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return ImageEnhance.Color(img).enhance(factor)


def contrast(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return ImageEnhance.Contrast(img).enhance(factor)


def brightness(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return ImageEnhance.Brightness(img).enhance(factor)


def sharpness(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return ImageEnhance.Sharpness(img).enhance(factor)


def _affine(img, coeffs, fill, resample):
    return img.transform(img.size, Image.AFFINE, coeffs, resample=resample,
                         fillcolor=_fill_for(img, fill))


def shear_x(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return _affine(img, (1, factor, 0, 0, 1, 0), fill, resample)


def shear_y(img, factor: float, fill=FILL, resample=Image.BILINEAR):
    return _affine(img, (1, 0, 0, factor, 1, 0), fill, resample)


def translate_x_rel(img, pct: float, fill=FILL, resample=Image.BILINEAR):
    """Output pixel (x, y) samples input (x + pct * width, y): content moves left for pct > 0."""
    return _affine(img, (1, 0, pct * img.size[0], 0, 1, 0), fill, resample)


def translate_y_rel(img, pct: float, fill=FILL, resample=Image.BILINEAR):
    return _affine(img, (1, 0, 0, 0, 1, pct * img.size[1]), fill, resample)


# name -> (op, level kind, geometric?)
OPS = {
    "AutoContrast": (auto_contrast, None, False),
    "Equalize": (equalize, None, False),
    "Invert": (invert, None, False),
    "Rotate": (rotate, "rotate", True),
    "Posterize": (posterize, "posterize", False),
    "PosterizeIncreasing": (posterize, "posterize_inc", False),
    "Solarize": (solarize, "solarize", False),
    "SolarizeIncreasing": (solarize, "solarize_inc", False),
    "SolarizeAdd": (solarize_add, "solarize_add", False),
    "Color": (color, "enhance", False),
    "ColorIncreasing": (color, "enhance_inc", False),
    "Contrast": (contrast, "enhance", False),
    "ContrastIncreasing": (contrast, "enhance_inc", False),
    "Brightness": (brightness, "enhance", False),
    "BrightnessIncreasing": (brightness, "enhance_inc", False),
    "Sharpness": (sharpness, "enhance", False),
    "SharpnessIncreasing": (sharpness, "enhance_inc", False),
    "ShearX": (shear_x, "shear", True),
    "ShearY": (shear_y, "shear", True),
    "TranslateXRel": (translate_x_rel, "translate_rel", True),
    "TranslateYRel": (translate_y_rel, "translate_rel", True),
}


def _signed(v: float, rng: np.random.Generator | None) -> float:
    """timm's _randomly_negate: -v with probability 0.5 (no draw without a generator)."""
    if rng is None:
        return v
    return -v if rng.random() > 0.5 else v


def _level_args(kind: str | None, magnitude: float, rng: np.random.Generator | None) -> tuple:
    """timm's _LEVEL_TO_ARG: the op's arguments at ``magnitude`` (0..10 scale)."""
    r = magnitude / LEVEL_DENOM
    if kind is None:
        return ()
    if kind == "rotate":
        return (_signed(r * 30.0, rng),)
    if kind == "posterize":           # keep 0..4 bits; stronger at low magnitude (TF TPU impl)
        return (int(r * 4),)
    if kind == "posterize_inc":       # keep 4..0 bits
        return (4 - int(r * 4),)
    if kind == "solarize":            # threshold 0..256; stronger at low magnitude
        return (int(r * 256),)
    if kind == "solarize_inc":
        return (256 - int(r * 256),)
    if kind == "solarize_add":
        return (int(r * 110),)
    if kind == "enhance":             # factor 0.1..1.9
        return (r * 1.8 + 0.1,)
    if kind == "enhance_inc":         # factor 1 +- 0.9 r, at least 0.1
        return (max(0.1, 1.0 + _signed(r * 0.9, rng)),)
    if kind == "shear":
        return (_signed(r * 0.3, rng),)
    if kind == "translate_rel":
        return (_signed(r * TRANSLATE_PCT, rng),)
    raise AssertionError(kind)


def apply_op(name: str, img: Image.Image, magnitude: float,
             rng: np.random.Generator | None = None, *, fill: int = FILL,
             resample=None) -> Image.Image:
    """Op ``name`` at ``magnitude`` on a PIL image.  With ``rng``: the sign draw of a signed
    op, then (geometric ops, unless ``resample`` is given) the bilinear/bicubic draw, as timm;
    without: positive sign, bilinear."""
    fn, kind, geometric = OPS[name]
    args = _level_args(kind, magnitude, rng)
    if resample is None:
        resample = (_RESAMPLE[int(rng.integers(0, 2))] if (geometric and rng is not None)
                    else Image.BILINEAR)
    return fn(img, *args, fill=fill, resample=resample)


class RandAugment:
    """timm's RandAugment on uint8 H x W x C arrays (C = 1 or 3), driven by a numpy Generator."""

    def __init__(self, spec: RandAugmentSpec | str, fill: int = FILL):
        self.spec = parse_randaugment(spec) if isinstance(spec, str) else spec
        self.names = INCREASING_TRANSFORMS if self.spec.increasing else RAND_TRANSFORMS
        self.fill = int(fill)

    def _magnitude(self, rng: np.random.Generator) -> float:
        s = self.spec
        m = float(s.magnitude)
        if s.magnitude_std == math.inf:
            m = float(rng.uniform(0.0, m))
        elif s.magnitude_std > 0:
            m = float(rng.normal(m, s.magnitude_std))
        upper = float(s.magnitude_max or LEVEL_DENOM)
        return max(0.0, min(m, upper))

    def ops_for(self, rng: np.random.Generator) -> list[str]:
        """The ``n`` op names (uniform, with replacement), drawn first from ``rng``."""
        return [self.names[int(k)] for k in rng.integers(0, len(self.names), self.spec.num_ops)]

    def __call__(self, image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        gray = image.shape[2] == 1
        img = Image.fromarray(image[:, :, 0] if gray else image)
        for name in self.ops_for(rng):
            if self.spec.prob < 1.0 and rng.random() > self.spec.prob:
                continue
            img = apply_op(name, img, self._magnitude(rng), rng, fill=self.fill)
        out = np.asarray(img)
        return out[:, :, None] if gray else out


class RandomErasing:
    """timm's RandomErasing, mode 'pixel', one box: with probability ``probability`` a box of
    area ``U(min_area, max_area)`` of the image and log-uniform aspect ratio in
    [``min_aspect``, 1 / ``min_aspect``] (10 tries, kept only if strictly inside) is filled with
    N(0, 1) noise per pixel and channel, on the *normalised* float image (in place)."""

    def __init__(self, probability: float, min_area: float = 0.02, max_area: float = 1 / 3,
                 min_aspect: float = 0.3, max_aspect: float | None = None):
        if not 0.0 <= probability <= 1.0:
            raise DataError(f"random erasing probability must be in [0, 1], got {probability}")
        self.probability = float(probability)
        self.min_area, self.max_area = float(min_area), float(max_area)
        self.log_aspect = (math.log(min_aspect), math.log(max_aspect or 1.0 / min_aspect))

    def __call__(self, x: np.ndarray, rng: np.random.Generator) -> tuple[int, int, int, int] | None:
        """Erase in ``x`` (float32 H x W x C); the box (top, left, h, w), or None."""
        if rng.random() > self.probability:
            return None
        H, W, C = x.shape
        area = H * W
        for _ in range(10):
            target = rng.uniform(self.min_area, self.max_area) * area
            aspect = math.exp(rng.uniform(*self.log_aspect))
            h = int(round(math.sqrt(target * aspect)))
            w = int(round(math.sqrt(target / aspect)))
            if w < W and h < H:
                top = int(rng.integers(0, H - h + 1))
                left = int(rng.integers(0, W - w + 1))
                x[top:top + h, left:left + w, :] = rng.standard_normal((h, w, C), np.float32)
                return top, left, h, w
        return None


@dataclass(frozen=True)
class MixParams:
    """What was done to one batch: ``lam`` (weight of the batch's own rows), ``mode``
    ('none', 'mixup' or 'cutmix') and CutMix's box (y0, y1, x0, x1)."""
    lam: float
    mode: str
    box: tuple[int, int, int, int] | None = None


class Mix:
    """timm's Mixup (mode 'batch', ``correct_lam``) on a normalised batch, in place."""

    def __init__(self, num_classes: int, mixup_alpha: float = 0.0, cutmix_alpha: float = 0.0,
                 prob: float = 1.0, switch_prob: float = 0.5):
        for name, v in (("mixup_alpha", mixup_alpha), ("cutmix_alpha", cutmix_alpha)):
            if not (math.isfinite(v) and v >= 0):
                raise DataError(f"{name} must be a finite number >= 0, got {v}")
        for name, v in (("mixup_prob", prob), ("mixup_switch_prob", switch_prob)):
            if not 0.0 <= v <= 1.0:
                raise DataError(f"{name} must be in [0, 1], got {v}")
        if mixup_alpha <= 0 and cutmix_alpha <= 0:
            raise DataError("Mix needs mixup_alpha > 0 or cutmix_alpha > 0")
        self.num_classes = int(num_classes)
        self.mixup_alpha, self.cutmix_alpha = float(mixup_alpha), float(cutmix_alpha)
        self.prob, self.switch_prob = float(prob), float(switch_prob)

    def params(self, rng: np.random.Generator, hw: tuple[int, int]) -> MixParams:
        """timm's _params_per_batch and cutmix_bbox_and_lam, drawn from ``rng``."""
        if not rng.random() < self.prob:
            return MixParams(1.0, "none")
        if self.mixup_alpha > 0 and self.cutmix_alpha > 0:
            cut = bool(rng.random() < self.switch_prob)
            a = self.cutmix_alpha if cut else self.mixup_alpha
        elif self.mixup_alpha > 0:
            cut, a = False, self.mixup_alpha
        else:
            cut, a = True, self.cutmix_alpha
        lam = float(rng.beta(a, a))
        if lam == 1.0:
            return MixParams(1.0, "none")
        if not cut:
            return MixParams(lam, "mixup")
        H, W = hw
        ratio = math.sqrt(1.0 - lam)
        cut_h, cut_w = int(H * ratio), int(W * ratio)
        cy, cx = int(rng.integers(0, H)), int(rng.integers(0, W))
        y0, y1 = int(np.clip(cy - cut_h // 2, 0, H)), int(np.clip(cy + cut_h // 2, 0, H))
        x0, x1 = int(np.clip(cx - cut_w // 2, 0, W)), int(np.clip(cx + cut_w // 2, 0, W))
        lam = 1.0 - (y1 - y0) * (x1 - x0) / float(H * W)
        return MixParams(lam, "cutmix", (y0, y1, x0, x1))

    def __call__(self, images: np.ndarray, labels: np.ndarray,
                 rng: np.random.Generator) -> tuple[np.ndarray, MixParams]:
        """Mix ``images`` (float32 [B, H, W, C], in place); the soft targets f32[B, K]."""
        p = self.params(rng, images.shape[1:3])
        if p.mode == "mixup":
            flipped = images[::-1] * np.float32(1.0 - p.lam)
            images *= np.float32(p.lam)
            images += flipped
        elif p.mode == "cutmix":
            y0, y1, x0, x1 = p.box
            images[:, y0:y1, x0:x1, :] = images[::-1, y0:y1, x0:x1, :].copy()
        return self.targets(labels, p.lam), p

    def targets(self, labels: np.ndarray, lam: float) -> np.ndarray:
        B, K = len(labels), self.num_classes
        y = np.zeros((B, K), np.float64)
        rows = np.arange(B)
        y[rows, labels] += lam
        y[rows, labels[::-1]] += 1.0 - lam
        return y.astype(np.float32)
