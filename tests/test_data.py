"""The data pipeline (runtime.data): sources, transforms, determinism, workers, faults.

Every image here is tiny (8-40 px) and solid-coloured, so that any crop, flip and resize of it
keeps its colour: after un-normalising, each row must still say which file it came from.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import warnings
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from runtime.data import Batch, DataError, DataWarning, Loader, open_dataset
from runtime.data.decode import DecodeFailure, render_file
from runtime.data.transforms import Plan, rrc_box, val_box

HW = (16, 16)


# ---------------------------------------------------------------------------------- helpers


def gray_level(i: int) -> int:
    """A distinct gray level per file (spaced by 8: JPEG keeps a solid level within +-2)."""
    return 8 + 8 * i


def write_image(path: Path, level: int | tuple[int, int, int], size: tuple[int, int],
                mode: str = "RGB", fmt: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = size
    if isinstance(level, int):
        level = (level, level, level)
    im = Image.new("RGB", (w, h), level)
    if mode == "P":
        im = im.convert("P", palette=Image.ADAPTIVE)               # exact (no dithering)
    elif mode != "RGB":
        im = im.convert(mode)
    im.save(path, fmt or ("JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else None),
            **({"quality": 95} if path.suffix.lower() in (".jpg", ".jpeg") else {}))


def make_folder(root: Path, n_classes: int = 3, per_class: int = 5, val_per_class: int = 2,
                sizes=((20, 16), (40, 30), (12, 24), (33, 33), (16, 16))) -> dict[str, int]:
    """ImageFolder with a unique gray level per file; returns {relative path: level}."""
    levels: dict[str, int] = {}
    k = 0
    for split, n in (("train", per_class), ("val", val_per_class)):
        if n == 0:
            continue
        for c in range(n_classes):
            for j in range(n):
                rel = f"{split}/class_{c}/img_{j}.jpg"
                write_image(root / rel, gray_level(k), sizes[(k + j) % len(sizes)])
                levels[rel] = gray_level(k)
                k += 1
    return levels


def levels_of(batch: Batch, mean, std) -> np.ndarray:
    """Mean 0..255 level of each row (un-normalised)."""
    x = batch.images.astype(np.float64) * np.asarray(std) + np.asarray(mean)
    return (x * 255.0).reshape(x.shape[0], -1, x.shape[-1]).mean(axis=(1, 2))


def row_levels_are_solid(batch: Batch, mean, std, tol: float = 3.0) -> bool:
    x = (batch.images.astype(np.float64) * np.asarray(std) + np.asarray(mean)) * 255.0
    flat = x[:batch.n_valid].reshape(batch.n_valid, -1, x.shape[-1])   # per row, per channel
    return bool(np.all(flat.max(axis=1) - flat.min(axis=1) <= tol))


def file_levels(ds) -> np.ndarray:
    """Gray level of each item of a folder split, read from its path (img order as written)."""
    levels = _LEVELS[ds.root]
    return np.array([levels[os.path.relpath(ds.path(i), ds.root)] for i in range(len(ds))])


_LEVELS: dict[str, dict[str, int]] = {}


def loader(ds, splits, batch, *, train, workers, augment=False, flip=False, seed=0, **kw) -> Loader:
    return Loader(ds, batch, train=train, image_hw=splits.image_hw, channels=splits.channels,
                  mean=splits.mean, std=splits.std, seed=seed, augment=augment, flip=flip,
                  workers=workers, **kw)


def collect(ld: Loader, epoch: int, start: int = 0) -> list[Batch]:
    return list(ld.epoch(epoch, start_batch=start))


def same(a: list[Batch], b: list[Batch]) -> bool:
    return len(a) == len(b) and all(
        np.array_equal(x.images, y.images) and np.array_equal(x.labels, y.labels)
        and np.array_equal(x.indices, y.indices) and x.n_valid == y.n_valid
        and x.batch_index == y.batch_index for x, y in zip(a, b))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("imgfolder")
    _LEVELS[str(root)] = make_folder(root)
    (root / "train" / "class_0" / "README.txt").write_text("not an image\n")
    return root


@pytest.fixture(scope="module")
def folder_splits(folder):
    return open_dataset(str(folder), image_hw=HW, channels=3)


# ------------------------------------------------------------------------ sources: ImageFolder


def test_folder_open(folder_splits, folder):
    s = folder_splits
    assert s.classes == ["class_0", "class_1", "class_2"]
    assert len(s.train) == 15 and len(s.val) == 6
    assert s.train.labels.dtype == np.int64 and list(np.bincount(s.train.labels)) == [5, 5, 5]
    assert s.flip_ok and s.mean == (0.485, 0.456, 0.406) and len(s.std) == 3
    assert str(folder) in s.description and "21 images (15 train / 6 val)" in s.description
    assert "1 non-image file(s) ignored" in s.description
    assert s.train.describe_item(0).endswith(os.path.join("train", "class_0", "img_0.jpg"))


def test_folder_without_val_holds_out_10_percent(tmp_path):
    make_folder(tmp_path, n_classes=2, per_class=10, val_per_class=0)
    s = open_dataset(str(tmp_path), image_hw=HW, channels=1)
    assert len(s.train) + len(s.val) == 20 and len(s.val) == 2
    assert sorted(s.val.labels.tolist()) == [0, 1]           # stratified
    assert "10% of train held out" in s.description
    assert s.mean == (0.5,) and s.std == (0.5,)
    again = open_dataset(str(tmp_path), image_hw=HW, channels=1, seed=7)
    assert [again.val.path(i) for i in range(2)] == [s.val.path(i) for i in range(2)]


# ----------------------------------------------------------------- pairing under augmentation


@pytest.mark.parametrize("workers", [0, 2])
def test_pairing_survives_shuffle_augment_workers(folder_splits, workers):
    s = folder_splits
    levels = file_levels(s.train)
    with loader(s.train, s, 4, train=True, workers=workers, augment=True, flip=True) as ld:
        assert ld.batches_per_epoch == 3
        for e in range(2):
            seen = []
            for b in ld.epoch(e):
                assert b.images.shape == (4, 16, 16, 3) and b.images.dtype == np.float32
                assert b.labels.dtype == np.int32 and b.indices.dtype == np.int64
                assert b.n_valid == 4 and b.epoch == e
                assert row_levels_are_solid(b, s.mean, s.std)
                np.testing.assert_allclose(levels_of(b, s.mean, s.std), levels[b.indices], atol=3)
                np.testing.assert_array_equal(b.labels, s.train.labels[b.indices])
                seen += b.indices.tolist()
            assert len(set(seen)) == 12                             # drop_last: 15 // 4 * 4
        assert ld.stats["images_loaded"] == 24 and ld.stats["skipped"] == 0


def test_pairing_npz_unique_levels(tmp_path):
    n = 30
    x = np.stack([np.full((10, 12), 4 + 8 * i, np.uint8) for i in range(n)])
    y = np.arange(n) % 3
    np.savez(tmp_path / "d.npz", x_train=x, y_train=y, x_val=x[:7], y_val=y[:7],
             classes=np.array(["a", "b", "c"]))
    s = open_dataset(str(tmp_path / "d.npz"), image_hw=(8, 8), channels=1)
    assert s.classes == ["a", "b", "c"] and not s.flip_ok
    assert "npz" in s.description and "37 images (30 train / 7 val)" in s.description
    assert s.train.describe_item(5).endswith("x_train[5]")
    with loader(s.train, s, 8, train=True, workers=0, augment=True, flip=True) as ld:
        for b in ld.epoch(3):
            np.testing.assert_allclose(levels_of(b, s.mean, s.std), 4 + 8 * b.indices, atol=1)
            np.testing.assert_array_equal(b.labels, y[b.indices])


# ------------------------------------------------------------------------------ determinism


def test_determinism_order_resume_and_workers(folder_splits):
    s = folder_splits
    kw = dict(train=True, augment=True, flip=True, seed=3)
    with loader(s.train, s, 4, workers=0, **kw) as a0, loader(s.train, s, 4, workers=0, **kw) as a1:
        e0 = collect(a0, 0)
        assert same(e0, collect(a1, 0))                             # same seed -> identical
        e1 = collect(a0, 1)
        assert [b.indices.tolist() for b in e0] != [b.indices.tolist() for b in e1]
        assert same(collect(a1, 1, start=1), e1[1:])                # exact resume
        assert same(collect(a1, 1, start=3), [])
    with loader(s.train, s, 4, workers=2, **kw) as p:
        assert same(collect(p, 1, start=2), e1[2:])
        assert same(collect(p, 0), e0)                              # workers don't change a bit
    with loader(s.train, s, 4, workers=0, train=True, augment=True, flip=True, seed=4) as other:
        assert not same(collect(other, 0), e0)


def test_order_is_the_documented_permutation(folder_splits):
    s = folder_splits
    with loader(s.train, s, 5, train=True, workers=0, seed=11) as ld:
        got = np.concatenate([b.indices for b in ld.epoch(2)])
    np.testing.assert_array_equal(got, np.random.default_rng([11, 2]).permutation(15))


def test_superseded_iterator_raises(folder_splits):
    s = folder_splits
    with loader(s.train, s, 4, train=True, workers=0) as ld:
        first = ld.epoch(0)
        next(first)
        second = ld.epoch(1)
        with pytest.raises(RuntimeError, match="superseded"):
            next(first)
        assert len(list(second)) == 3


# ----------------------------------------------------------------------- val padding, drop_last


def test_val_padding_and_each_image_once(folder_splits):
    s = folder_splits                                               # 6 val images
    with loader(s.val, s, 4, train=False, workers=0, augment=True, flip=True) as ld:
        assert ld.batches_per_epoch == 2
        bs = collect(ld, 0)
    assert [b.n_valid for b in bs] == [4, 2]
    assert np.concatenate([b.indices[:b.n_valid] for b in bs]).tolist() == list(range(6))
    last = bs[-1]
    assert np.all(last.images[2:] == 0) and np.all(last.labels[2:] == 0)
    assert np.all(last.indices[2:] == -1)
    levels = file_levels(s.val)
    np.testing.assert_allclose(levels_of(last, s.mean, s.std)[:2], levels[last.indices[:2]], atol=3)


def test_train_drop_last_and_too_small(folder_splits):
    s = folder_splits
    with loader(s.train, s, 4, train=True, workers=0) as ld:
        assert ld.batches_per_epoch == 3 and len(collect(ld, 0)) == 3
    with pytest.raises(DataError, match="fewer than one batch"):
        loader(s.train, s, 16, train=True, workers=0)


def test_val_transform_resize_shorter_side_then_center_crop():
    assert val_box(16, 16, (16, 16)) == (0.0, 0.0, 16.0, 16.0)     # identity at the output size
    l, t, r, b = val_box(500, 375, (224, 224))                      # 375 -> 256, crop 224
    assert abs((r - l) - 224 * 375 / 256) < 1e-9 and abs((b - t) - 224 * 375 / 256) < 1e-9
    assert abs(l - (500 - (r - l)) / 2) < 1e-9 and abs(t - (375 - (b - t)) / 2) < 1e-9
    rng = np.random.default_rng(0)
    for _ in range(200):
        x, y, w, h = rrc_box(40, 30, rng)
        assert 0 <= x and x + w <= 40 and 0 <= y and y + h <= 30 and w > 0 and h > 0


# -------------------------------------------------------------------------------- digits


def test_embedded_digits():
    s = open_dataset("embedded:digits", image_hw=(32, 32), channels=1)
    assert len(s.train) + len(s.val) == 1797 and (len(s.train), len(s.val)) == (1437, 360)
    assert s.classes == [str(i) for i in range(10)] and not s.flip_ok
    assert s.description.startswith(
        "embedded:digits — 1,797 images (1,437 train / 360 val), 10 classes")
    frac = np.bincount(s.val.labels, minlength=10) / np.bincount(
        np.concatenate([s.train.labels, s.val.labels]), minlength=10)
    assert np.all(np.abs(frac - 0.2) < 0.02)                        # stratified
    assert s.train.images.shape[1:] == (32, 32, 1) and s.train.images.dtype == np.uint8
    assert set(s.train.labels.tolist()) == set(range(10))
    assert len(s.mean) == 1 and 0 < s.mean[0] < 1
    s3 = open_dataset("embedded:digits", image_hw=(16, 16), channels=3)
    np.testing.assert_array_equal(s3.val.labels, open_dataset(
        "embedded:digits", image_hw=(16, 16), channels=3, seed=5).val.labels)
    img = s3.train.load(0)
    assert img.shape == (16, 16, 3) and np.array_equal(img[..., 0], img[..., 2])
    with loader(s.val, s, 64, train=False, workers=None) as ld:
        assert ld.workers == 0                                      # in memory -> thread
        bs = collect(ld, 0)
    assert len(bs) == 6 and bs[-1].n_valid == 360 - 5 * 64
    x = bs[0].images[0] * s.std[0] + s.mean[0]                      # val: identity transform
    np.testing.assert_allclose(x * 255, s.val.images[0], atol=1e-3)


# ------------------------------------------------------------------------------------ faults


def test_missing_directory(tmp_path):
    with pytest.raises(DataError, match="not found") as e:
        open_dataset(str(tmp_path / "nope"), image_hw=HW, channels=3)
    assert str(tmp_path / "nope") in str(e.value)


def test_no_train_folder_and_file_instead_of_dir(tmp_path):
    with pytest.raises(DataError, match="no train/ folder") as e:
        open_dataset(str(tmp_path), image_hw=HW, channels=3)
    assert str(tmp_path) in str(e.value)
    (tmp_path / "train").write_text("x")
    with pytest.raises(DataError, match="is a file") as e:
        open_dataset(str(tmp_path), image_hw=HW, channels=3)
    assert str(tmp_path / "train") in str(e.value)
    f = tmp_path / "data.csv"
    f.write_text("a,b\n")
    with pytest.raises(DataError, match="is a file") as e:
        open_dataset(str(f), image_hw=HW, channels=3)
    assert str(f) in str(e.value)


def test_unknown_embedded():
    with pytest.raises(DataError, match="embedded:mnist.*known: embedded:digits"):
        open_dataset("embedded:mnist", image_hw=HW, channels=1)


def test_empty_class_folder(tmp_path):
    make_folder(tmp_path, n_classes=2, per_class=2, val_per_class=1)
    empty = tmp_path / "val" / "class_1"
    for p in empty.iterdir():
        p.unlink()
    (empty / "notes.txt").write_text("x")
    with pytest.raises(DataError, match="contains no images") as e:
        open_dataset(str(tmp_path), image_hw=HW, channels=3)
    assert str(empty) in str(e.value) and "1 non-image file" in str(e.value)


def test_mismatched_class_sets(tmp_path):
    make_folder(tmp_path, n_classes=3, per_class=1, val_per_class=1)
    for p in (tmp_path / "val" / "class_2").iterdir():
        p.unlink()
    (tmp_path / "val" / "class_2").rmdir()
    write_image(tmp_path / "val" / "zebra" / "a.jpg", 100, (8, 8))
    with pytest.raises(DataError) as e:
        open_dataset(str(tmp_path), image_hw=HW, channels=3)
    msg = str(e.value)
    assert f"missing from {tmp_path / 'val'}: class_2" in msg
    assert f"missing from {tmp_path / 'train'}: zebra" in msg


def _corrupt_folder(root: Path) -> tuple[dict[str, int], list[Path]]:
    levels = make_folder(root, n_classes=2, per_class=5, val_per_class=3)
    good = (root / "train/class_0/img_1.jpg").read_bytes()
    bad = [root / "train/class_0/img_1.jpg", root / "train/class_1/img_3.jpg",
           root / "val/class_1/img_0.jpg", root / "train/class_1/text.jpg"]
    bad[0].write_bytes(good[:len(good) // 2])                      # truncated
    bad[1].write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(200))      # JPEG magic, garbage
    bad[2].write_bytes(b"")                                         # empty
    bad[3].write_text("this is text, not a JPEG\n")                # a .jpg that is text
    _LEVELS[str(root)] = levels
    return levels, bad


@pytest.mark.parametrize("workers", [0, 2])
def test_corrupt_files_are_substituted(tmp_path, workers):
    levels, bad = _corrupt_folder(tmp_path)
    s = open_dataset(str(tmp_path), image_hw=HW, channels=3)
    assert len(s.train) == 11                                       # the text .jpg is listed
    bad_idx = {i for i in range(len(s.train)) if Path(s.train.path(i)) in bad}
    lv = {i: levels.get(os.path.relpath(s.train.path(i), tmp_path)) for i in range(len(s.train))}
    with loader(s.train, s, 11, train=True, workers=workers, augment=True, flip=True) as ld:
        with pytest.warns(DataWarning) as rec:                      # one batch: every file met
            bs = collect(ld, 0) + collect(ld, 1)
        for b in bs:
            assert b.n_valid == 11 and not (set(b.indices.tolist()) & bad_idx)
            np.testing.assert_array_equal(b.labels, s.train.labels[b.indices])
            np.testing.assert_allclose(levels_of(b, s.mean, s.std),
                                       [lv[i] for i in b.indices.tolist()], atol=3)
        st = ld.stats
        messages = " ".join(str(w.message) for w in rec)
    train_bad = [p for p in bad if "/train/" in str(p)]
    assert sorted(st["skipped_files"]) == sorted(str(p) for p in train_bad)
    for p in train_bad:
        assert str(p) in messages
    assert st["skipped"] == 2 * 3 and st["images_loaded"] == 22
    assert len(rec) == 3                                            # once per file
    with loader(s.val, s, 4, train=False, workers=0) as ld:
        with pytest.warns(DataWarning, match="img_0"):
            vb = collect(ld, 0)
    assert [b.n_valid for b in vb] == [4, 2] and ld.stats["skipped"] == 1


def test_substitution_is_deterministic_across_workers(tmp_path):
    _corrupt_folder(tmp_path)
    s = open_dataset(str(tmp_path), image_hw=HW, channels=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        with loader(s.train, s, 2, train=True, workers=0, augment=True) as a:
            ref = collect(a, 4)
        with loader(s.train, s, 2, train=True, workers=2, augment=True) as b:
            assert same(collect(b, 4), ref)
            assert b.stats["skipped"] == a.stats["skipped"]


def test_all_images_corrupt(tmp_path):
    for split in ("train", "val"):
        for c in ("a", "b"):
            d = tmp_path / split / c
            d.mkdir(parents=True)
            (d / "x.jpg").write_bytes(b"not a jpeg")
            (d / "y.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    s = open_dataset(str(tmp_path), image_hw=HW, channels=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        for workers in (0, 1):
            with loader(s.train, s, 2, train=True, workers=workers) as ld:
                with pytest.raises(DataError, match="every image of the train split") as e:
                    collect(ld, 0)
            assert str(tmp_path) in str(e.value)


@pytest.mark.parametrize("channels", [3, 1])
def test_modes_converted_and_small_images_upscaled(tmp_path, channels):
    d = tmp_path / "train" / "c"
    write_image(d / "gray.jpg", 100, (20, 20), mode="L")
    write_image(d / "cmyk.jpg", (200, 50, 50), (20, 20), mode="CMYK")
    write_image(d / "rgba.png", (10, 200, 10), (20, 20), mode="RGBA")
    write_image(d / "pal.png", (10, 10, 200), (20, 20), mode="P")
    write_image(d / "tiny.jpg", 150, (3, 2))                        # smaller than the crop
    Image.fromarray(np.full((20, 20), 40000, np.uint16)).save(d / "deep.png")   # 16-bit
    s = open_dataset(str(tmp_path), image_hw=(24, 24), channels=channels)  # no val/: held out
    for ds in (s.train, s.val):
        with loader(ds, s, 1, train=ds is s.train, workers=0, augment=True, flip=True) as ld:
            for b in ld.epoch(0):
                assert b.images.shape == (1, 24, 24, channels)
                assert row_levels_are_solid(b, s.mean, s.std, tol=4)
                name = Path(ds.path(int(b.indices[0]))).name
                level = levels_of(b, s.mean, s.std)[0]
                expect = {"gray.jpg": 100, "tiny.jpg": 150, "deep.png": 40000 / 257}.get(name)
                if expect is not None:
                    assert abs(level - expect) < 3, (name, level)
                if channels == 3 and name == "cmyk.jpg":
                    rgb = (b.images[0].mean(axis=(0, 1)) * s.std + s.mean) * 255
                    assert rgb[0] > 150 and rgb[1] < 100, rgb
                assert ld.stats["skipped"] == 0


def test_render_file_raises_decode_failure_naming_reason(tmp_path):
    p = tmp_path / "x.jpg"
    p.write_text("hello")
    with pytest.raises(DecodeFailure, match="cannot identify image file"):
        render_file(str(p), lambda w, h: Plan((0, 0, w, h)), (8, 8), 3)


def test_npz_faults(tmp_path):
    x = np.zeros((6, 8, 8), np.uint8)
    y = np.array([0, 1, 2, 0, 1, 2])

    def attempt(**arrays) -> str:
        path = tmp_path / "bad.npz"
        np.savez(path, **arrays)
        with pytest.raises(DataError) as e:
            open_dataset(str(path), image_hw=(8, 8), channels=1)
        assert str(path) in str(e.value)
        return str(e.value)

    assert "missing key 'x_train'" in attempt(images=x, y_train=y)
    assert "'x_val'" in attempt(x_train=x, y_train=y, y_val=y)
    assert "key 'x_train' has shape (6, 8)" in attempt(x_train=x[:, 0], y_train=y, x_val=x, y_val=y)
    assert "key 'y_val' has a negative label" in attempt(x_train=x, y_train=y, x_val=x, y_val=y - 1)
    assert "key 'y_train' has label 2" in attempt(x_train=x, y_train=y, x_val=x, y_val=y % 2,
                                                  classes=np.array(["a", "b"]))
    assert "key 'y_train' has 5 labels" in attempt(x_train=x, y_train=y[:5], x_val=x, y_val=y)
    assert "key 'y_train' has dtype float" in attempt(x_train=x, y_train=y * 1.0, x_val=x, y_val=y)
    assert "values in [0, 255]" in attempt(x_train=x.astype(np.float32) + np.float32(255) * (
        np.arange(6)[:, None, None] == 0), y_train=y, x_val=x, y_val=y)
    msg = attempt(x_train=x, y_train=y, x_val=x, y_val=y,
                  classes=np.array([{"a": 1}, None, 3], dtype=object))
    assert "key 'classes'" in msg and "allow_pickle=False" in msg


def test_npz_float_images_and_held_out_val(tmp_path):
    x = np.linspace(0, 1, 20 * 4 * 4 * 3).reshape(20, 4, 4, 3).astype(np.float32)
    y = np.arange(20) % 2
    np.savez(tmp_path / "f.npz", x_train=x, y_train=y)
    s = open_dataset(str(tmp_path / "f.npz"), image_hw=(4, 4), channels=3)
    assert len(s.val) == 2 and sorted(s.val.labels.tolist()) == [0, 1]
    assert "held out" in s.description
    np.testing.assert_array_equal(s.train.load(0), np.rint(x[s.train.source_index[0]] * 255))


# -------------------------------------------------------------------------------- lifecycle


def test_close_ends_worker_processes(folder_splits):
    s = folder_splits
    before = {p.pid for p in mp.active_children()}
    ld = loader(s.train, s, 4, train=True, workers=2, prefetch=2)
    it = ld.epoch(0)
    next(it)                                                       # abandon mid-epoch
    started = {p.pid for p in mp.active_children()} - before
    assert len(started) == 2
    ld.close()
    ld.close()                                                     # idempotent
    assert not ({p.pid for p in mp.active_children()} & started)
    with pytest.raises(RuntimeError):
        next(it)
    with pytest.raises(RuntimeError, match="closed"):
        ld.epoch(1)
    st = ld.stats
    assert st["wait_seconds"] >= 0 and st["produce_seconds"] > 0 and st["images_loaded"] == 4


def test_loader_argument_errors(folder_splits):
    s = folder_splits
    with pytest.raises(DataError, match="channel"):
        Loader(s.train, 2, train=True, image_hw=HW, channels=1, mean=(0.5,), std=(0.5,))
    with pytest.raises(DataError, match="mean and std"):
        Loader(s.train, 2, train=True, image_hw=HW, channels=3, mean=(0.5,), std=(0.5,))
    with loader(s.train, s, 2, train=True, workers=0) as ld:
        with pytest.raises(ValueError, match="start_batch"):
            ld.epoch(0, start_batch=99)


_ORPHAN_SCRIPT = """
import multiprocessing as mp, sys, time
from runtime.data import Loader, open_dataset

if __name__ == "__main__":
    s = open_dataset(sys.argv[1], image_hw=(16, 16), channels=3)
    ld = Loader(s.train, 4, train=True, image_hw=(16, 16), channels=3, mean=s.mean, std=s.std,
                workers=2)
    next(ld.epoch(0))
    print(" ".join(str(p.pid) for p in mp.active_children()), flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_workers_ignore_sigint_and_die_with_parent(folder, tmp_path):
    import signal
    import subprocess
    import sys
    import time
    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN_SCRIPT)
    proc = subprocess.Popen([sys.executable, str(script), str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2
        for pid in pids:
            os.kill(pid, signal.SIGINT)                             # the parent's business
        time.sleep(0.3)
        assert all(_alive(p) for p in pids)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids)


def test_dead_worker_is_a_data_error_and_the_next_epoch_recovers(folder_splits):
    import signal
    s = folder_splits
    with loader(s.train, s, 4, train=True, workers=1, prefetch=1) as ld:
        it = ld.epoch(0)
        first = next(it)
        (worker,) = [p for p in mp.active_children() if p.name.startswith("netspec-data")]
        os.kill(worker.pid, signal.SIGKILL)
        with pytest.raises(DataError, match=r"worker netspec-data-0 .* exited unexpectedly"):
            for _ in range(ld.batches_per_epoch):
                next(it)
        again = collect(ld, 0)                                      # a fresh pool
        assert same(again[:1], [first]) and len(again) == 3


# ------------------------------------------------------------ issue 18: bad files, plainly


@pytest.mark.parametrize("decoder", ["simplejpeg", "pillow"])
def test_bad_files_get_plain_reasons(tmp_path, monkeypatch, decoder):
    """The decoder's own message ("Premature end of JPEG file", "tjDecompressHeader3(): ...")
    becomes a plain reason; the raw message stays in ``detail``."""
    monkeypatch.setenv("NETSPEC_JPEG_DECODER", decoder)
    rng = np.random.default_rng(0)
    im = Image.fromarray((rng.random((40, 48, 3)) * 255).astype(np.uint8))
    im.save(tmp_path / "good.jpg", quality=90)
    im.save(tmp_path / "good.png")
    jpg, png = (tmp_path / "good.jpg").read_bytes(), (tmp_path / "good.png").read_bytes()
    cases = {
        "half.jpg": (jpg[:len(jpg) // 2], "truncated JPEG"),
        "header_only.jpg": (jpg[:120], "truncated JPEG"),
        "half.png": (png[:len(png) // 2], "truncated PNG"),
        "text.jpg": (b"this is text, not a JPEG\n", "not an image file (it holds text)"),
        "page.jpg": (b"<!DOCTYPE html><html><body>404</body></html>",
                     "not an image file (it holds HTML)"),
        "noise.jpg": (bytes(range(256)) * 4, "not an image file"),
        "empty.jpg": (b"", "empty file"),
    }
    plan = lambda w, h: Plan((0, 0, w, h))  # noqa: E731
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DecodeFailure) as e:
            render_file(str(tmp_path / name), plan, (8, 8), 3)
        assert e.value.reason == reason, (name, e.value.reason, e.value.detail)
        assert "tjDecompress" not in e.value.reason and "Premature" not in e.value.reason
    with pytest.raises(DecodeFailure) as e:
        render_file(str(tmp_path / "missing.jpg"), plan, (8, 8), 3)
    assert e.value.reason == "no such file"


def test_loader_reports_each_bad_file_once_with_its_reason(tmp_path):
    """Over several epochs (and with workers, each of which meets the file anew) a bad file is
    warned about once, passed to on_bad_file once, and counted once in stats["bad_files"],
    while ``skipped`` counts every substitution; ``known_bad`` files are not warned about."""
    _, bad = _corrupt_folder(tmp_path)
    s = open_dataset(str(tmp_path), image_hw=HW, channels=3)
    seen: list[tuple[str, str]] = []
    truncated, garbage, _, text = (str(p) for p in bad)
    with loader(s.train, s, 11, train=True, workers=2, augment=True,
                on_bad_file=lambda p, r: seen.append((p, r)), known_bad=[garbage]) as ld:
        with pytest.warns(DataWarning) as rec:
            for e in range(3):
                collect(ld, e)
        st = ld.stats
        files = ld.bad_files
    assert sorted(seen) == sorted(files.items()) and len(seen) == 3
    assert files[truncated] == "truncated JPEG"
    assert files[text] == "not an image file (it holds text)"
    assert st["bad_files"] == 3 and st["skipped"] == 3 * 3
    warned = [w.message for w in rec]
    assert sorted(w.path for w in warned) == sorted([truncated, text])   # not the known one
    for w in warned:
        assert str(w).startswith(f"skipping unreadable image {w.path}: {w.reason};")


@pytest.mark.parametrize("workers", [0, 2])
def test_shards_are_the_rows_of_the_unsharded_batch(folder_splits, workers):
    """``shard=(i, P)`` (one process of a P-process run): each shard is exactly its rows of
    the unsharded batch — images (augmented and RandAugmented per position), labels, indices —
    and the shards' n_valid add up to the batch's (val's padded last batch split unevenly)."""
    splits = folder_splits
    for train, ds, B in ((True, splits.train, 4), (False, splits.val, 4)):
        kw = dict(train=train, workers=workers, augment=train, flip=train,
                  randaugment="rand-m9-mstd0.5" if train else None)
        full = collect(loader(ds, splits, B, **kw), 1)
        parts = [collect(loader(ds, splits, B, shard=(i, 2), **kw), 1) for i in range(2)]
        assert len(parts[0]) == len(parts[1]) == len(full)
        for j, b in enumerate(full):
            p0, p1 = parts[0][j], parts[1][j]
            assert p0.images.shape[0] == p1.images.shape[0] == B // 2
            assert np.array_equal(np.concatenate([p0.images, p1.images]), b.images)
            assert np.array_equal(np.concatenate([p0.labels, p1.labels]), b.labels)
            assert np.array_equal(np.concatenate([p0.indices, p1.indices]), b.indices)
            assert p0.n_valid + p1.n_valid == b.n_valid
        if not train:
            assert full[-1].n_valid < B           # the uneven split really was exercised
    with pytest.raises(DataError, match="shard"):
        loader(splits.train, splits, 5, train=True, workers=0, shard=(0, 2))
