"""Host data augmentation (issue 14): RandAugment's ops and parser, Random Erasing, Mixup /
CutMix, their determinism and loader wiring, the TrainConfig knobs and a CLI run with all on."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import textwrap

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from netspec.cli import main
from netspec.errors import ConfigError
from netspec.spec import ConfigProblems, RandAugmentSpec, TrainConfig, parse_randaugment
from runtime.data import Loader, open_dataset
from runtime.data.augment import (INCREASING_TRANSFORMS, OPS, RAND_TRANSFORMS, Mix, RandAugment,
                                  RandomErasing, _level_args, apply_op, invert, posterize,
                                  randaug_rng, rotate, shear_x, shear_y, solarize, solarize_add,
                                  translate_x_rel, translate_y_rel)
from runtime.data.transforms import AUG_STREAM

from .test_train import make_npz


def sha(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()[:16]


def fixed_image() -> np.ndarray:
    yy, xx = np.mgrid[0:24, 0:32]
    return np.stack([(xx * 8 + yy * 3) % 256, (xx * yy * 5 + 17) % 256,
                     (200 - xx * 3 - yy * 4) % 256], -1).astype(np.uint8)


def run_op(name, img, magnitude=7.0, **kw) -> np.ndarray:
    return np.asarray(apply_op(name, Image.fromarray(img), magnitude, **kw))


# ------------------------------------------------------------------------------ RandAugment ops

#: sha256[:16] of each op at magnitude 7 on ``fixed_image()`` (positive sign, bilinear), made
#: once with Pillow 13.0.  A change means the op changed (or Pillow's kernels did).
PINNED = {
    "AutoContrast": "207a4debbe102755",
    "Equalize": "2d9a3ed2b4bd3e1b",
    "Invert": "6cca5b3218d84194",
    "Rotate": "c06888fbf472904d",
    "Posterize": "574cc16aa2c4b813",
    "PosterizeIncreasing": "574cc16aa2c4b813",
    "Solarize": "af4f68db2563d0c8",
    "SolarizeIncreasing": "2642c596fc4d1788",
    "SolarizeAdd": "c9504791fc5bd33c",
    "Color": "80e221afe54a883f",
    "ColorIncreasing": "cdf04f7114fe7144",
    "Contrast": "74345e4560025489",
    "ContrastIncreasing": "e3d06040ef7dcfba",
    "Brightness": "3ce54d7c847b0072",
    "BrightnessIncreasing": "e729d37431ba4438",
    "Sharpness": "c8ed7efaffdab5b6",
    "SharpnessIncreasing": "65572389cdea7b64",
    "ShearX": "f9ccc9f3462c839f",
    "ShearY": "79ec7acf9e64a42f",
    "TranslateXRel": "6d376635a1df939b",
    "TranslateYRel": "5b7630f2fd09e7f4",
}


def test_op_tables_are_timms():
    assert len(RAND_TRANSFORMS) == 15 and set(RAND_TRANSFORMS) | set(INCREASING_TRANSFORMS) == set(OPS)
    assert set(PINNED) == set(OPS)


@pytest.mark.parametrize("name", sorted(OPS))
def test_each_op_is_pinned(name):
    img = fixed_image()
    out = run_op(name, img)
    assert out.shape == img.shape and out.dtype == np.uint8
    assert sha(out) == PINNED[name], (name, sha(out))
    if name not in ("PosterizeIncreasing",):    # m7: posterize keeps 2 bits either way
        assert not np.array_equal(out, img), name


def test_level_to_arg_is_timms():
    # timm's _LEVEL_TO_ARG at magnitude 9 (positive sign without a generator)
    assert _level_args("rotate", 9, None) == pytest.approx((27.0,))
    assert _level_args("posterize", 9, None) == (3,)
    assert _level_args("posterize_inc", 9, None) == (1,)
    assert _level_args("solarize", 9, None) == (230,)
    assert _level_args("solarize_inc", 9, None) == (26,)
    assert _level_args("solarize_add", 9, None) == (99,)
    assert _level_args("enhance", 9, None) == pytest.approx((1.72,))
    assert _level_args("enhance_inc", 9, None) == pytest.approx((1.81,))
    assert _level_args("shear", 9, None) == pytest.approx((0.27,))
    assert _level_args("translate_rel", 9, None) == pytest.approx((0.405,))
    # the signed ones are negated half of the time
    rng = np.random.default_rng(0)
    signs = [np.sign(_level_args("shear", 5, rng)[0]) for _ in range(400)]
    assert 150 < signs.count(-1.0) < 250 and set(signs) == {-1.0, 1.0}
    low = [_level_args("enhance_inc", 10, rng)[0] for _ in range(50)]
    assert min(low) == pytest.approx(0.1) and max(low) == pytest.approx(1.9)


def test_op_properties():
    img = fixed_image()
    pil = Image.fromarray(img)
    a = lambda im: np.asarray(im)  # noqa: E731
    # Invert: 255 - x, and twice is the identity
    assert np.array_equal(a(invert(pil)), 255 - img)
    assert np.array_equal(a(invert(invert(pil))), img)
    # Rotate 0 is the identity; 90 degrees of a square is numpy's rot90 (counter-clockwise)
    assert np.array_equal(a(rotate(pil, 0.0)), img)
    sq = img[:24, :24].copy()
    assert np.array_equal(a(rotate(Image.fromarray(sq), 90.0)), np.rot90(sq))
    # Posterize: 8 bits identity, 4 bits clears the low 4 bits, 0 bits black
    assert np.array_equal(a(posterize(pil, 8)), img)
    assert np.array_equal(a(posterize(pil, 4)), img & 0xF0)
    assert not a(posterize(pil, 0)).any()
    # Solarize: threshold 256 is the identity (timm's magnitude 10), 0 inverts everything
    assert np.array_equal(a(solarize(pil, 256)), img)
    assert np.array_equal(run_op("Solarize", img, 10.0), img)
    assert np.array_equal(a(solarize(pil, 0)), 255 - img)
    t = 100
    assert np.array_equal(a(solarize(pil, t)), np.where(img < t, img, 255 - img))
    # SolarizeAdd: below 128 + add (clipped at 255), the rest unchanged; magnitude 0 identity
    want = np.where(img < 128, np.minimum(img.astype(int) + 99, 255), img).astype(np.uint8)
    assert np.array_equal(a(solarize_add(pil, 99)), want)
    assert np.array_equal(run_op("SolarizeAdd", img, 9.0), want)
    assert np.array_equal(run_op("SolarizeAdd", img, 0.0), img)
    # AutoContrast stretches each channel to 0..255; on a full-range image it is the identity
    low = (img // 4 + 60).astype(np.uint8)
    ac = run_op("AutoContrast", low)
    assert (ac.reshape(-1, 3).min(0) == 0).all() and (ac.reshape(-1, 3).max(0) == 255).all()
    full = np.zeros((4, 4, 3), np.uint8)
    full[0, 0], full[1, 1] = 255, 17
    assert np.array_equal(run_op("AutoContrast", full), full)
    # Equalize: a monotone map per channel that spreads the values
    eq = run_op("Equalize", low)
    for c in range(3):
        order = np.argsort(low[..., c], axis=None, kind="stable")
        assert (np.diff(eq[..., c].reshape(-1)[order].astype(int)) >= 0).all()
        assert np.ptp(eq[..., c]) > np.ptp(low[..., c])
    # the enhancements: factor 1 (magnitude 5) is the identity
    for name in ("Color", "Contrast", "Brightness", "Sharpness"):
        assert np.array_equal(run_op(name, img, 5.0), img), name
    # Color 0.1 (magnitude 0) is nearly grey; Brightness 0.1 nearly black; Contrast 0.1 flat
    grey = run_op("Color", img, 0.0).astype(int)
    assert np.abs(grey - grey.mean(axis=2, keepdims=True)).max() < 0.1 * 255 / 2 + 2
    assert run_op("Brightness", img, 0.0).max() <= 26
    assert np.ptp(run_op("Contrast", img, 0.0)) < 0.1 * np.ptp(img) + 2
    # Shear 0 and Translate 0 are the identity
    for name in ("ShearX", "ShearY", "TranslateXRel", "TranslateYRel"):
        assert np.array_equal(run_op(name, img, 0.0), img), name


def test_geometric_ops_move_pixels_as_timm():
    img = fixed_image()
    pil = Image.fromarray(img)
    H, W = img.shape[:2]
    # translate by +25% of the width: output x samples input x + 8 (content moves left), the
    # uncovered band is filled with grey 128; an integer shift is exact even when bilinear
    out = np.asarray(translate_x_rel(pil, 0.25))
    assert np.array_equal(out[:, :W - 8], img[:, 8:]) and (out[:, W - 8:] == 128).all()
    out = np.asarray(translate_y_rel(pil, -0.25))       # 6 rows, content moves down
    assert np.array_equal(out[6:], img[:H - 6]) and (out[:6] == 128).all()
    # one bright pixel at (x=20, y=8): ShearX(0.25) samples x + 0.25 (y + 0.5), nearest
    dot = np.zeros((24, 32, 3), np.uint8)
    dot[8, 20] = 255
    sx = np.asarray(shear_x(Image.fromarray(dot), 0.25, resample=Image.NEAREST))
    assert np.argwhere(sx[..., 0] == 255).tolist() == [[8, 18]]
    sy = np.asarray(shear_y(Image.fromarray(dot), 0.25, resample=Image.NEAREST))
    assert np.argwhere(sy[..., 0] == 255).tolist() == [[3, 20]]   # 3.5 + 0.25 * 20.5 -> 8
    # a rotation fills the corners with grey 128
    r = np.asarray(rotate(pil, 30.0))
    assert (r[0, 0] == 128).all() and (r[-1, -1] == 128).all()


def test_grayscale_images_are_augmented():
    img = fixed_image()[:, :, :1]
    ra = RandAugment("rand-m9-n3-mstd0.5")
    outs = [ra(img, randaug_rng(0, 0, p)) for p in range(20)]
    assert all(o.shape == img.shape and o.dtype == np.uint8 for o in outs)
    assert sum(not np.array_equal(o, img) for o in outs) >= 15
    r = run_op("Rotate", img[:, :, 0], 9.0)
    assert r[0, 0] == 128


def test_randaugment_draws_and_pins():
    img = fixed_image()
    ra = RandAugment("rand-m9-mstd0.5")
    out = ra(img, randaug_rng(0, 0, 0))
    assert np.array_equal(out, ra(img, randaug_rng(0, 0, 0)))        # a function of the rng
    assert sha(out) == RA_PIN, sha(out)
    # p0: every op is skipped; p1 with n1: exactly one op, drawn uniformly from the 15
    assert np.array_equal(RandAugment("rand-p0")(img, randaug_rng(1, 2, 3)), img)
    one = RandAugment("rand-n1-p1-m9")
    picks = [one.ops_for(np.random.default_rng(i))[0] for i in range(600)]
    assert set(picks) == set(RAND_TRANSFORMS)
    assert max(picks.count(n) for n in RAND_TRANSFORMS) < 80
    assert RandAugment("rand-inc1").names == INCREASING_TRANSFORMS
    # magnitude noise: normal around m, clipped to [0, 10] (or mmax); mstd > 100: uniform
    rng = np.random.default_rng(0)
    ms = [RandAugment("rand-m9-mstd0.5")._magnitude(rng) for _ in range(2000)]
    assert max(ms) == 10.0 and 8.6 < np.mean(ms) < 9.0 and min(ms) > 7
    ms = [RandAugment("rand-m9-mstd0.5-mmax20")._magnitude(rng) for _ in range(2000)]
    assert max(ms) > 10.0 and abs(np.mean(ms) - 9.0) < 0.05
    ms = [RandAugment("rand-m9-mstd101")._magnitude(rng) for _ in range(2000)]
    assert min(ms) < 0.1 and max(ms) > 8.9 and abs(np.mean(ms) - 4.5) < 0.3
    assert RandAugment("rand-m9")._magnitude(rng) == 9.0


#: sha256[:16] of RandAugment('rand-m9-mstd0.5') on fixed_image() with randaug_rng(0, 0, 0)
RA_PIN = "9dfaa04c221d00ba"


# ------------------------------------------------------------------------------ parser


@pytest.mark.parametrize("text, want", [
    ("rand-m9-mstd0.5", RandAugmentSpec(magnitude=9, magnitude_std=0.5)),
    ("rand-m9-mstd0.5-inc1", RandAugmentSpec(magnitude=9, magnitude_std=0.5, increasing=True)),
    ("rand-m7-n3-mmax15-p0.8", RandAugmentSpec(magnitude=7, num_ops=3, magnitude_max=15,
                                               prob=0.8)),
    ("rand-n2-m10-inc0", RandAugmentSpec()),
    ("rand-inc", RandAugmentSpec(increasing=True)),
    ("rand-m9-mstd101", RandAugmentSpec(magnitude=9, magnitude_std=math.inf)),
    ("rand", RandAugmentSpec()),
])
def test_parse_good_strings(text, want):
    assert parse_randaugment(text) == want


@pytest.mark.parametrize("text, piece", [
    ("rand-x9", "'x9'"), ("randaug-m9", "'randaug'"), ("rand-m9-mstd0.5.5", "'mstd0.5.5'"),
    ("rand-m", "'m'"), ("rand-m9.5", "'m9.5'"), ("rand-n0", "'n0'"), ("rand-p1.5", "'p1.5'"),
    ("rand-inc2", "'inc2'"), ("rand-w0", "'w0'"), ("rand-m9-m8", "'m8'"), ("rand--m9", "''"),
    ("rand-m9-MSTD1", "'MSTD1'"), ("", "''"),
])
def test_parse_bad_strings_name_the_field_and_piece(text, piece):
    with pytest.raises(ConfigError) as e:
        parse_randaugment(text)
    msg = str(e.value)
    assert e.value.field == "randaugment" and "field 'randaugment'" in msg, msg
    assert f"the part {piece}" in msg and "rand-m9-mstd0.5" in msg, msg


# ------------------------------------------------------------------------------ random erasing


def test_random_erasing_area_aspect_and_noise():
    H, W, C = 224, 224, 3
    er = RandomErasing(1.0)
    fracs, aspects, noise = [], [], []
    for i in range(300):
        x = np.full((H, W, C), 7.0, np.float32)
        box = er(x, np.random.default_rng(i))
        assert box is not None
        top, left, h, w = box
        assert 0 <= top and top + h <= H and 0 <= left and left + w <= W and h < H and w < W
        changed = np.argwhere((x != 7.0).any(axis=2))
        assert (changed.min(0) >= (top, left)).all() and (changed.max(0) < (top + h, left + w)).all()
        outside = x.copy()
        outside[top:top + h, left:left + w] = 7.0
        assert (outside == 7.0).all()
        fracs.append(h * w / (H * W))
        aspects.append(h / w)
        noise.append(x[top:top + h, left:left + w].ravel())
    # area U(0.02, 1/3) and ratio log-U(0.3, 1/0.3), up to the rounding of h and w
    assert 0.02 * 0.9 <= min(fracs) < 0.05 and 0.25 < max(fracs) <= (1 / 3) * 1.05
    assert 0.3 * 0.9 <= min(aspects) < 0.45 and 2.4 < max(aspects) <= 3.34 * 1.1
    n = np.concatenate(noise)
    assert abs(n.mean()) < 0.01 and abs(n.std() - 1.0) < 0.01        # per-pixel N(0, 1)
    # probability: ~25% of images erased at 0.25; 0 never
    hits = sum(RandomErasing(0.25)(np.zeros((8, 8, 1), np.float32), np.random.default_rng(i))
               is not None for i in range(800))
    assert 150 < hits < 250
    z = np.zeros((8, 8, 1), np.float32)
    assert RandomErasing(0.0)(z, np.random.default_rng(0)) is None and not z.any()


# ------------------------------------------------------------------------------ mixup / cutmix


def constant_batch(B: int, hw=(20, 30)) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """B constant-coloured images with distinct labels (a permutation of B classes)."""
    labels = np.random.default_rng(5).permutation(B).astype(np.int32)
    levels = (labels.astype(np.float32) + 1.0) * 10.0
    images = np.broadcast_to(levels[:, None, None, None], (B, *hw, 3)).astype(np.float32)
    return images, labels, levels


@pytest.mark.parametrize("mode", ["mixup", "cutmix", "both"])
def test_mix_targets_match_the_pixels(mode):
    B = 8
    alphas = {"mixup": (0.4, 0.0), "cutmix": (0.0, 1.0), "both": (0.2, 1.0)}[mode]
    mix = Mix(B, *alphas, prob=1.0, switch_prob=0.5)
    seen = set()
    for b in range(40):
        images, labels, levels = constant_batch(B)
        targets, p = mix(images, labels, np.random.default_rng([0, 0, 1, b]))
        seen.add(p.mode)
        assert targets.dtype == np.float32 and targets.shape == (B, B)
        assert np.allclose(targets.sum(1), 1.0, atol=1e-6)
        for i in range(B):
            own, other = labels[i], labels[B - 1 - i]          # the flipped-batch partner
            if p.mode == "cutmix":
                frac_own = np.mean(images[i, :, :, 0] == levels[i])
                frac_other = np.mean(images[i, :, :, 0] == levels[B - 1 - i])
                assert frac_own + frac_other == pytest.approx(1.0)
                assert targets[i, own] == pytest.approx(frac_own, abs=1e-6)
                assert targets[i, other] == pytest.approx(frac_other, abs=1e-6)
            else:   # every pixel lam * own + (1 - lam) * other
                lam = (images[i, 0, 0, 0] - levels[B - 1 - i]) / (levels[i] - levels[B - 1 - i])
                assert np.allclose(images[i], images[i, 0, 0, 0])
                assert targets[i, own] == pytest.approx(lam, abs=1e-5)
                assert targets[i, other] == pytest.approx(1 - lam, abs=1e-5)
            assert np.count_nonzero(targets[i]) <= 2
    assert seen == ({"mixup", "cutmix"} if mode == "both" else {mode})


def test_mix_prob_and_odd_batches():
    mix = Mix(5, 0.0, 1.0, prob=0.0)
    images, labels, _ = constant_batch(5)
    before = images.copy()
    targets, p = mix(images, labels, np.random.default_rng(0))
    assert p.mode == "none" and np.array_equal(images, before)
    assert np.array_equal(targets, np.eye(5, dtype=np.float32)[labels])
    # odd B: the middle row is mixed with itself, its target stays one-hot
    targets, p = Mix(5, 0.0, 1.0)(images, labels, np.random.default_rng(1))
    assert targets[2, labels[2]] == pytest.approx(1.0) and np.allclose(targets.sum(1), 1)
    with pytest.raises(Exception, match="mixup_alpha > 0 or cutmix_alpha > 0"):
        Mix(5, 0.0, 0.0)


# ------------------------------------------------------------------------------ the loader

HW = (16, 16)


@pytest.fixture(scope="module")
def digits():
    return open_dataset("embedded:digits", image_hw=HW, channels=3)


def batches(splits, *, epoch=1, n=4, workers=0, seed=3, start=0, **kw):
    with Loader(splits.train, 16, train=True, image_hw=HW, channels=3, mean=splits.mean,
                std=splits.std, seed=seed, workers=workers, **kw) as ld:
        out = []
        for i, b in enumerate(ld.epoch(epoch, start_batch=start)):
            if i == n:
                break
            out.append(b)
        return out


def digest(bs) -> str:
    h = hashlib.sha256()
    for b in bs:
        h.update(b.images.tobytes())
        h.update(b.labels.tobytes())
    return h.hexdigest()


def test_knobs_off_leave_the_loader_bitwise_unchanged(digits):
    # made with the loader before augmentation existed (same seed, epoch 1, first 4 batches)
    on = batches(digits, augment=True, flip=True)
    assert digest(on) == "c490e33c372eb5c34120ac0957129e5f4631e39f28faad0e4f5042d624c7b1eb"
    off = batches(digits, augment=False)
    assert digest(off) == "78df336da2672df99781cf7a533b1ef1065b6e570ac8042e54d5cbb55abef7c0"
    assert all(b.targets is None for b in on + off)
    explicit = batches(digits, augment=True, flip=True, randaugment=None, random_erasing=0.0,
                       mixup_alpha=0.0, cutmix_alpha=0.0)
    assert digest(explicit) == digest(on)
    # RandAugment with every op skipped (p0) draws from its own stream: crops/flips unchanged
    assert digest(batches(digits, augment=True, flip=True, randaugment="rand-p0")) == digest(on)
    assert AUG_STREAM not in (0x52414E44, 0x45524153, 0x4D495855)


def test_each_knob_changes_only_its_part(digits):
    base = batches(digits, augment=True, flip=True)
    ra = batches(digits, augment=True, flip=True, randaugment="rand-m9-mstd0.5")
    assert [np.array_equal(b.labels, r.labels) for b, r in zip(base, ra)] == [True] * 4
    diff_rows = sum(not np.array_equal(b.images[i], r.images[i])
                    for b, r in zip(base, ra) for i in range(16))
    assert diff_rows > 40          # most of 64 images changed (an op may be skipped)
    # random erasing: rows not erased are bitwise the same, erased ones differ in one box
    er = batches(digits, augment=True, flip=True, random_erasing=0.5)
    erased = 0
    for b, e in zip(base, er):
        for i in range(16):
            d = np.argwhere((b.images[i] != e.images[i]).any(axis=2))
            if len(d):
                erased += 1
                (y0, x0), (y1, x1) = d.min(0), d.max(0)
                area = (y1 - y0 + 1) * (x1 - x0 + 1) / (HW[0] * HW[1])
                assert area <= 1 / 3 * 1.2
    assert 16 < erased < 48
    # mixup: the images are lam * x + (1 - lam) * x[::-1] of the unmixed batch, labels kept
    mx = batches(digits, augment=True, flip=True, mixup_alpha=0.4)
    for b, m in zip(base, mx):
        assert np.array_equal(b.labels, m.labels) and m.targets.shape == (16, 10)
        assert np.allclose(m.targets.sum(1), 1.0, atol=1e-6)
        lam = float(m.targets[0, m.labels[0]]) if m.labels[0] != m.labels[-1] else None
        if lam is not None:
            want = b.images * np.float32(lam) + b.images[::-1] * np.float32(1 - lam)
            assert np.allclose(m.images, want, atol=1e-5)
    # the val loader ignores every knob
    with Loader(digits.val, 16, train=False, image_hw=HW, channels=3, mean=digits.mean,
                std=digits.std, workers=0, randaugment="rand-m9", random_erasing=1.0,
                mixup_alpha=1.0) as ld, \
            Loader(digits.val, 16, train=False, image_hw=HW, channels=3, mean=digits.mean,
                   std=digits.std, workers=0) as plain:
        a, p = next(iter(ld.epoch(0))), next(iter(plain.epoch(0)))
        assert np.array_equal(a.images, p.images) and a.targets is None


ALL_ON = dict(augment=True, flip=True, randaugment="rand-m9-mstd0.5", random_erasing=0.25,
              mixup_alpha=0.2, cutmix_alpha=1.0)


def test_determinism_resume_and_worker_independence(digits):
    a = batches(digits, **ALL_ON)
    b = batches(digits, **ALL_ON)
    assert digest(a) == digest(b)
    assert all(np.array_equal(x.targets, y.targets) for x, y in zip(a, b))
    # exact resume: epoch(e, start_batch=2) is batches 2.. of epoch(e)
    r = batches(digits, start=2, n=2, **ALL_ON)
    assert digest(r) == digest(a[2:])
    assert all(np.array_equal(x.targets, y.targets) for x, y in zip(a[2:], r))
    # another epoch or seed gives other batches
    assert digest(batches(digits, epoch=2, **ALL_ON)) != digest(a)
    assert digest(batches(digits, seed=4, **ALL_ON)) != digest(a)
    # the same bytes from 2 worker processes
    w = batches(digits, workers=2, **ALL_ON)
    assert digest(w) == digest(a)
    assert all(np.array_equal(x.targets, y.targets) for x, y in zip(a, w))


def test_loader_cutmix_targets_are_pixel_fractions(tmp_path):
    """Constant-coloured images, one class each: through the loader, each CutMix row's target
    weights are the fractions of its pixels that come from each source image."""
    n, K, size = 32, 32, 12
    levels = np.arange(n, dtype=np.uint8) * 7 + 10
    x = np.broadcast_to(levels[:, None, None], (n, size, size)).copy()
    y = np.arange(n)
    path = tmp_path / "const.npz"
    np.savez(path, x_train=x, y_train=y, x_val=x[:4], y_val=y[:4],
             classes=np.array([f"c{i}" for i in range(K)]))
    sp = open_dataset(str(path), image_hw=(size, size), channels=1)
    with Loader(sp.train, 8, train=True, image_hw=(size, size), channels=1, mean=sp.mean,
                std=sp.std, seed=1, workers=0, cutmix_alpha=1.0) as ld:
        norm = (levels.astype(np.float32) / 255 - np.float32(sp.mean[0])) / np.float32(sp.std[0])
        for batch in ld.epoch(0):
            B = len(batch.labels)
            for i in range(B):
                own, other = batch.labels[i], batch.labels[B - 1 - i]
                img = batch.images[i, :, :, 0]
                f_own = np.mean(np.isclose(img, norm[own], atol=1e-5))
                f_other = np.mean(np.isclose(img, norm[other], atol=1e-5))
                assert f_own + f_other == pytest.approx(1.0)
                assert batch.targets[i, own] == pytest.approx(f_own, abs=1e-6)
                assert batch.targets[i, other] == pytest.approx(f_other, abs=1e-6)


def test_loader_rejects_bad_augmentation_arguments(digits):
    kw = dict(train=True, image_hw=HW, channels=3, mean=digits.mean, std=digits.std)
    with pytest.raises(ConfigError, match="randaugment"):
        Loader(digits.train, 16, randaugment="rand-zz", **kw)
    with pytest.raises(Exception, match="random_erasing"):
        Loader(digits.train, 16, random_erasing=1.5, **kw)
    with pytest.raises(Exception, match="mixup_prob"):
        Loader(digits.train, 16, mixup_alpha=0.2, mixup_prob=-0.1, **kw)


# ------------------------------------------------------------------------------ TrainConfig


@pytest.mark.parametrize("field_, value", [
    ("randaugment", "rand-q"), ("randaugment", 9), ("mixup_alpha", -0.1),
    ("mixup_alpha", float("inf")), ("cutmix_alpha", "1"), ("cutmix_alpha", True),
    ("mixup_prob", 1.5), ("mixup_switch_prob", -0.5), ("random_erasing", 2.0),
    ("random_erasing", float("nan")),
])
def test_trainconfig_errors_name_the_field(field_, value):
    with pytest.raises(ConfigProblems) as e:
        TrainConfig(**{field_: value})
    assert [p.field for p in e.value.problems] == [field_]
    assert f"field '{field_}'" in str(e.value)


def test_trainconfig_defaults_are_off():
    c = TrainConfig()
    assert (c.randaugment, c.mixup_alpha, c.cutmix_alpha, c.random_erasing) == (None, 0, 0, 0)
    assert not c.mixes and TrainConfig(cutmix_alpha=1.0).mixes
    assert TrainConfig(randaugment="rand-m9-mstd0.5", mixup_alpha=0.2, random_erasing=0.25)
    names = {f.name for f in dataclasses.fields(TrainConfig)}
    assert {"randaugment", "mixup_alpha", "cutmix_alpha", "mixup_prob", "mixup_switch_prob",
            "random_erasing"} <= names


# ------------------------------------------------------------------------------ the CLI


TINY = textwrap.dedent("""
    from netspec import NetSpec, TrainConfig, convBn, dense, globalAvgPool
    spec = NetSpec("AugTiny", 12, 12, in_channels=1, layers=[
        convBn(1, 8, 3, 2, act="relu"), globalAvgPool(), dense(8, 3)])
    config = TrainConfig(batch_size=16, epochs=1, learning_rate=0.02, augment=True)
""")


def test_cli_trains_with_every_augmentation(tmp_path, cache_dir):
    data = make_npz(tmp_path / "data.npz")
    spec = tmp_path / "tiny.py"
    spec.write_text(TINY)
    out = tmp_path / "run"
    r = CliRunner().invoke(main, [str(a) for a in (
        "train", spec, "--data", data, "--mixup", "0.2", "--cutmix", "1.0", "--randaugment",
        "rand-m9-mstd0.5", "--reprob", "0.25", "--label-smoothing", "0.1",
        "--cache-dir", cache_dir, "--out", out, "--workers", "0")])
    assert r.exit_code == 0, r.output
    cfg = json.loads((out / "run.json").read_text())["config"]
    assert (cfg["mixup_alpha"], cfg["cutmix_alpha"], cfg["randaugment"],
            cfg["random_erasing"]) == (0.2, 1.0, "rand-m9-mstd0.5", 0.25)
    manifest = json.loads((out / "module" / "manifest.json").read_text())
    args = {a["name"]: a for a in manifest["functions"]["train_step"]["args"]}
    assert "targets" in args and "labels" not in args, list(args)
    recs = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]
    steps = [m for m in recs if m["kind"] == "step"]
    epochs = [m for m in recs if m["kind"] == "epoch"]
    assert len(steps) == 96 // 16 and all(math.isfinite(s["loss"]) and s["loss"] > 0
                                          for s in steps)
    assert [m["epoch"] for m in epochs] == [0] and 0 <= epochs[0]["train_acc"] <= 1


def test_cli_bad_augmentation_flags_name_the_flag(tmp_path):
    spec = tmp_path / "tiny.py"
    spec.write_text(TINY)
    r = CliRunner().invoke(main, ["train", str(spec), "--data", "embedded:digits",
                                  "--randaugment", "rand-m9-zz1", "--mixup", "-1",
                                  "--reprob", "3", "--out", str(tmp_path / "r")])
    assert r.exit_code == 2, r.output
    err = r.stderr
    assert err.startswith("error: 3 problems with the training configuration:"), err
    assert "--randaugment rand-m9-zz1:" in err and "'zz1'" in err
    assert "--mixup -1.0:" in err and "--reprob 3.0:" in err
    assert "Traceback" not in r.output and not (tmp_path / "r").exists()
