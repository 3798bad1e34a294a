"""Opening a data set: ``open_dataset(source, image_hw=, channels=)`` -> ``Splits``.

Sources:

``embedded:digits``
    scikit-learn's ``load_digits()``: 1,797 real 8x8 images (0..16) -> uint8 (x * 255 / 16,
    rounded) -> resized to ``image_hw`` with Pillow bilinear -> 1 channel (repeated for 3).
    Kept in memory. Stratified 80/20 split with the fixed ``SPLIT_SEED``. ``flip_ok`` False.
    mean/std are measured on the train split (per channel; the split never changes, so
    neither do they).

a folder in the ImageFolder layout
    ``DIR/train/<class>/**/*.{jpg,jpeg,png,ppm,bmp,pgm,tif,tiff,webp}`` (any case) and the
    same under ``DIR/val/``. Classes are the sorted sub-folder names (hidden ones skipped) and
    must be the same in both splits. Without ``val/``, a stratified 10% of train is held out
    with ``SPLIT_SEED``. Files with other extensions are ignored and counted in the
    description; a class folder with no image is an error naming the folder. Only paths and
    labels are kept; pixels are decoded by the loader. ``flip_ok`` True. mean/std are
    ImageNet's for 3 channels, 0.5/0.5 for 1 channel.

a ``.npz`` file
    keys ``x_train``, ``y_train``, ``x_val``, ``y_val`` (images uint8, or float in [0, 1];
    shape N,H,W or N,H,W,C with C in 1, 3; labels integer, 0..K-1), optional ``classes`` (str
    array). Without both ``x_val`` and ``y_val``, 10% of train is held out as for folders.
    Loaded with ``allow_pickle=False``. Images are converted to the spec's channels once, at
    open. mean/std are measured on the train split (up to 10,000 evenly spaced images).
    ``flip_ok`` False (nothing is known about the content).

The split seed is fixed on purpose: the ``seed`` argument of ``open_dataset`` (a training
seed) does not change which images are in val, so runs with different seeds are evaluated on
the same images. Labels are known without decoding any image.
"""

from __future__ import annotations

import abc
import math
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from .decode import DecodeFailure, render_array, render_file, to_channels
from .errors import DataError
from .transforms import PlanFn

__all__ = ["ArrayDataset", "Dataset", "FolderDataset", "IMAGE_EXTENSIONS", "SPLIT_SEED", "Splits",
           "open_dataset", "stratified_split"]

SPLIT_SEED = 20240611
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp")
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
_LAYOUT = "DIR/train/<class>/*.jpg and DIR/val/<class>/*.jpg (ImageFolder layout)"
_SOURCES_HINT = ("a data source is a folder in the ImageFolder layout (DIR/train/<class>/*.jpg), "
                 "a .npz file (x_train, y_train, x_val, y_val) or embedded:digits")
_MEANSTD_SAMPLE = 10_000


class Dataset(abc.ABC):
    """One split: ``len`` items with integer ``labels`` and the shared ``classes``.

    Subclasses implement ``render(i, plan_for, out_hw)``: decode item ``i``, cut the box that
    ``plan_for(width, height)`` returns (asked once the size is known, from the file header
    for files), resize it to ``out_hw``: uint8 [H, W, channels]; it raises
    ``decode.DecodeFailure`` for an unreadable item. ``load(i)`` is the untransformed image.
    """

    classes: list[str]
    labels: np.ndarray
    channels: int
    name: str  # e.g. "train", "val"

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    @abc.abstractmethod
    def describe_item(self, i: int) -> str:
        """Where item ``i`` comes from, for messages: a path, or ``FILE.npz x_train[17]``."""

    @abc.abstractmethod
    def render(self, i: int, plan_for: PlanFn, out_hw: tuple[int, int]) -> np.ndarray:
        """Item ``i`` cut and resized as ``plan_for`` says: uint8 [H, W, channels]."""

    @abc.abstractmethod
    def load(self, i: int) -> np.ndarray:
        """Item ``i`` at its stored size, uint8 [H, W, channels] (no transform)."""


class ArrayDataset(Dataset):
    """Images held in memory as one uint8 [N, H, W, C] array."""

    def __init__(self, images: np.ndarray, labels: np.ndarray, classes: list[str], *,
                 name: str, origin: str, key: str, source_index: np.ndarray | None = None):
        assert images.dtype == np.uint8 and images.ndim == 4, (images.dtype, images.shape)
        self.images = images
        self.labels = np.ascontiguousarray(labels, dtype=np.int64)
        self.classes = list(classes)
        self.channels = int(images.shape[3])
        self.name = name
        self.origin = origin
        self.key = key
        self.source_index = (np.arange(len(labels), dtype=np.int64) if source_index is None
                             else np.asarray(source_index, dtype=np.int64))

    def describe_item(self, i: int) -> str:
        return f"{self.origin} {self.key}[{int(self.source_index[i])}]"

    def render(self, i: int, plan_for: PlanFn, out_hw: tuple[int, int]) -> np.ndarray:
        img = self.images[i]
        return render_array(img, plan_for(img.shape[1], img.shape[0]), out_hw)

    def load(self, i: int) -> np.ndarray:
        return self.images[i].copy()


class FolderDataset(Dataset):
    """Image files under ``root``; only paths and labels are in memory.

    Paths are kept as one byte blob plus offsets (not a list of str), so that sending the
    dataset to a spawned worker is a couple of array copies even for ImageNet's 1.28 M files.
    """

    def __init__(self, root: str, rel_paths: list[str], labels: np.ndarray, classes: list[str],
                 *, name: str, channels: int):
        encoded = [os.fsencode(p) for p in rel_paths]
        self.root = root
        self._blob = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        self._offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=self._offsets[1:])
        self.labels = np.ascontiguousarray(labels, dtype=np.int64)
        self.classes = list(classes)
        self.channels = channels
        self.name = name

    def path(self, i: int) -> str:
        a, b = self._offsets[i], self._offsets[i + 1]
        return os.path.join(self.root, os.fsdecode(self._blob[a:b].tobytes()))

    def describe_item(self, i: int) -> str:
        return self.path(i)

    def render(self, i: int, plan_for: PlanFn, out_hw: tuple[int, int]) -> np.ndarray:
        return render_file(self.path(i), plan_for, out_hw, self.channels)

    def load(self, i: int) -> np.ndarray:
        try:
            with Image.open(self.path(i)) as im:
                a = np.asarray(to_channels(im, self.channels))
        except Exception as e:  # noqa: BLE001 - any decoder failure is a bad file
            raise DecodeFailure(f"{self.path(i)}: {e}") from None
        return a[:, :, None] if a.ndim == 2 else a


@dataclass
class Splits:
    """A data set opened for training: two splits and what the loaders need to know."""
    train: Dataset
    val: Dataset
    classes: list[str]
    description: str
    source: str
    mean: tuple[float, ...]
    std: tuple[float, ...]
    flip_ok: bool
    image_hw: tuple[int, int] = (0, 0)
    channels: int = 3
    notes: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# helpers


def stratified_split(labels: np.ndarray, fraction: float,
                     seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(train_idx, val_idx), both sorted: ``ceil(fraction * N)`` val items, spread over the
    classes in proportion (largest remainders first), each class keeping at least one train
    item; which items is decided by ``default_rng(seed)`` shuffling each class."""
    labels = np.asarray(labels)
    n = len(labels)
    classes, counts = np.unique(labels, return_counts=True)
    exact = counts * fraction
    quota = np.floor(exact).astype(np.int64)
    extra = math.ceil(fraction * n) - int(quota.sum())
    for c in np.argsort(-(exact - quota), kind="stable")[:max(extra, 0)]:
        quota[c] += 1
    quota = np.minimum(quota, counts - 1)
    rng = np.random.default_rng(seed)
    val: list[np.ndarray] = []
    for c, q in zip(classes, quota):
        members = np.flatnonzero(labels == c)
        val.append(rng.permutation(members)[:q])
    val_idx = np.sort(np.concatenate(val)) if val else np.zeros(0, np.int64)
    mask = np.ones(n, dtype=bool)
    mask[val_idx] = False
    return np.flatnonzero(mask).astype(np.int64), val_idx.astype(np.int64)


def _measured_mean_std(images: np.ndarray) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean/std in [0, 1] units over (up to _MEANSTD_SAMPLE evenly spaced) images."""
    n = images.shape[0]
    if n > _MEANSTD_SAMPLE:
        images = images[np.linspace(0, n - 1, _MEANSTD_SAMPLE).round().astype(np.int64)]
    x = images.reshape(-1, images.shape[-1]).astype(np.float64) / 255.0
    mean = x.mean(axis=0)
    std = np.maximum(x.std(axis=0), 1e-3)
    return tuple(round(float(v), 6) for v in mean), tuple(round(float(v), 6) for v in std)


def _to_channels_array(x: np.ndarray, channels: int) -> np.ndarray:
    """uint8 [N, H, W, C] -> [N, H, W, channels]; 3 -> 1 with Pillow's "L" weights."""
    c = x.shape[3]
    if c == channels:
        return np.ascontiguousarray(x)
    if c == 1:
        return np.ascontiguousarray(np.repeat(x, channels, axis=3))
    # ITU-R 601-2 luma, the integer arithmetic Pillow's convert("L") uses
    r, g, b = (x[..., i].astype(np.uint32) for i in range(3))
    y = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16
    return y.astype(np.uint8)[..., None]


def _fmt(n: int) -> str:
    return f"{n:,}"


def _hw(hw: tuple[int, int]) -> str:
    return f"{hw[0]}x{hw[1]}"


def _channel_word(channels: int) -> str:
    return "RGB" if channels == 3 else "grayscale"


# ----------------------------------------------------------------------------------------------
# embedded:digits


def _open_digits(image_hw: tuple[int, int], channels: int) -> Splits:
    try:
        from sklearn.datasets import load_digits
    except ImportError:
        raise DataError("embedded:digits needs scikit-learn, which is not installed",
                        hint="pip install scikit-learn") from None
    d = load_digits()
    raw = np.asarray(d.images)  # [1797, 8, 8] float, 0..16
    x8 = np.clip(np.rint(raw * 255.0 / 16.0), 0, 255).astype(np.uint8)
    h, w = image_hw
    if (h, w) == x8.shape[1:]:
        resized = x8
    else:
        resized = np.stack([np.asarray(Image.fromarray(a, "L").resize((w, h), Image.BILINEAR))
                            for a in x8])
    images = _to_channels_array(resized[..., None], channels)
    labels = np.asarray(d.target, dtype=np.int64)
    classes = [str(c) for c in range(10)]
    tr, va = stratified_split(labels, 0.2, SPLIT_SEED)
    origin = "embedded:digits"
    train = ArrayDataset(images[tr], labels[tr], classes, name="train", origin=origin,
                         key="images", source_index=tr)
    val = ArrayDataset(images[va], labels[va], classes, name="val", origin=origin,
                       key="images", source_index=va)
    mean, std = _measured_mean_std(train.images)
    desc = (f"embedded:digits — {_fmt(len(labels))} images ({_fmt(len(tr))} train / "
            f"{_fmt(len(va))} val), 10 classes, 8x8 grayscale resized to {_hw(image_hw)}"
            + (" (repeated to 3 channels)" if channels == 3 else ""))
    return Splits(train, val, classes, desc, origin, mean, std, flip_ok=False,
                  image_hw=image_hw, channels=channels)


# ----------------------------------------------------------------------------------------------
# ImageFolder


@dataclass
class _ScannedSplit:
    classes: list[str]
    files: list[str]     # relative to the data set root
    labels: list[int]
    ignored: int         # files that are not images (by extension), anywhere in the split


def _list_classes(split_dir: Path) -> tuple[list[str], int]:
    names: list[str] = []
    stray = 0
    with os.scandir(split_dir) as it:
        for e in it:
            if e.name.startswith("."):
                continue
            if e.is_dir():
                names.append(e.name)
            else:
                stray += 1
    return sorted(names), stray


def _scan_class(root: Path, class_dir: Path) -> tuple[list[str], int]:
    files: list[str] = []
    ignored = 0
    for dirpath, dirnames, filenames in os.walk(class_dir, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fn in sorted(filenames):
            if fn.startswith("."):
                continue
            if fn.lower().endswith(IMAGE_EXTENSIONS):
                files.append(os.path.relpath(os.path.join(dirpath, fn), root))
            else:
                ignored += 1
    return files, ignored


def _scan_split(root: Path, split_dir: Path, classes: list[str]) -> _ScannedSplit:
    files: list[str] = []
    labels: list[int] = []
    _, ignored = _list_classes(split_dir)
    for label, cls in enumerate(classes):
        class_dir = split_dir / cls
        found, skipped = _scan_class(root, class_dir)
        ignored += skipped
        if not found:
            extra = f" (it has {skipped} non-image file(s))" if skipped else ""
            raise DataError(
                f"class folder {class_dir} contains no images{extra}",
                hint=f"image extensions: {', '.join(IMAGE_EXTENSIONS)}; remove the folder or add "
                     "images to it (a class needs images in every split)")
        files += found
        labels += [label] * len(found)
    return _ScannedSplit(classes, files, labels, ignored)


def _open_folder(root: Path, image_hw: tuple[int, int], channels: int) -> Splits:
    train_dir, val_dir = root / "train", root / "val"
    if not train_dir.exists():
        hint = f"expected {_LAYOUT}"
        if root.name in ("train", "val"):
            hint += f"; did you mean the parent folder {root.parent}?"
        raise DataError(f"no train/ folder in data set folder {root}", hint=hint)
    if not train_dir.is_dir():
        raise DataError(f"{train_dir} is a file, expected a folder of class folders",
                        hint=f"expected {_LAYOUT}")
    if val_dir.exists() and not val_dir.is_dir():
        raise DataError(f"{val_dir} is a file, expected a folder of class folders",
                        hint=f"expected {_LAYOUT}")
    classes, _ = _list_classes(train_dir)
    if not classes:
        raise DataError(f"{train_dir} has no class folders",
                        hint=f"expected {_LAYOUT}")
    notes: list[str] = []
    if val_dir.is_dir():
        val_classes, _ = _list_classes(val_dir)
        if val_classes != classes:
            no_val = sorted(set(classes) - set(val_classes))
            no_train = sorted(set(val_classes) - set(classes))

            def show(names: list[str]) -> str:
                more = f", ... ({len(names)} in all)" if len(names) > 10 else ""
                return ", ".join(names[:10]) + more
            parts = []
            if no_val:
                parts.append(f"missing from {val_dir}: {show(no_val)}")
            if no_train:
                parts.append(f"missing from {train_dir}: {show(no_train)}")
            raise DataError(f"train/ and val/ of {root} have different class folders: "
                            + "; ".join(parts),
                            hint="every class needs a folder (with images) in both splits")
        tr = _scan_split(root, train_dir, classes)
        va = _scan_split(root, val_dir, classes)
        train_files, train_labels = tr.files, np.asarray(tr.labels, np.int64)
        val_files, val_labels = va.files, np.asarray(va.labels, np.int64)
        ignored = tr.ignored + va.ignored
    else:
        tr = _scan_split(root, train_dir, classes)
        labels = np.asarray(tr.labels, np.int64)
        ti, vi = stratified_split(labels, 0.1, SPLIT_SEED)
        train_files, train_labels = [tr.files[i] for i in ti], labels[ti]
        val_files, val_labels = [tr.files[i] for i in vi], labels[vi]
        ignored = tr.ignored
        notes.append("no val/ folder: 10% of train held out as val (stratified, fixed split)")
    if len(val_files) == 0:
        raise DataError(f"data set {root} leaves no images for val",
                        hint="add a val/ folder, or more images per class")
    n_tr, n_va = len(train_files), len(val_files)
    if ignored:
        notes.append(f"{_fmt(ignored)} non-image file(s) ignored")
    desc = (f"folder {root} — {_fmt(n_tr + n_va)} images ({_fmt(n_tr)} train / "
            f"{_fmt(n_va)} val), {len(classes)} classes, "
            f"decoded to {_hw(image_hw)} {_channel_word(channels)}")
    if notes:
        desc += "; " + "; ".join(notes)
    rootstr = str(root)
    train = FolderDataset(rootstr, train_files, train_labels, classes, name="train",
                          channels=channels)
    val = FolderDataset(rootstr, val_files, val_labels, classes, name="val", channels=channels)
    if channels == 3:
        mean, std = IMAGENET_MEAN, IMAGENET_STD
    else:
        mean, std = (0.5,), (0.5,)
    return Splits(train, val, classes, desc, rootstr, mean, std, flip_ok=True,
                  image_hw=image_hw, channels=channels, notes=notes)


# ----------------------------------------------------------------------------------------------
# .npz


def _npz_get(z, path: Path, key: str) -> np.ndarray:
    try:
        return z[key]
    except ValueError as e:  # object arrays need pickle, which is refused
        raise DataError(f"{path}: key '{key}' holds Python objects, which are not loaded "
                        f"(allow_pickle=False): {e}",
                        hint="save plain numeric arrays (and classes as np.array(names, dtype=str))"
                        ) from None
    except (OSError, zipfile.BadZipFile, EOFError) as e:
        raise DataError(f"{path}: key '{key}' cannot be read: {e}") from None


def _npz_images(x: np.ndarray, path: Path, key: str, channels: int) -> np.ndarray:
    if x.ndim == 3:
        x = x[..., None]
    if x.ndim != 4 or x.shape[3] not in (1, 3):
        raise DataError(f"{path}: key '{key}' has shape {tuple(x.shape)}, expected "
                        "(N, H, W) or (N, H, W, C) with C 1 or 3")
    if 0 in x.shape:
        raise DataError(f"{path}: key '{key}' is empty (shape {tuple(x.shape)})")
    if x.dtype == np.uint8:
        u8 = x
    elif np.issubdtype(x.dtype, np.floating):
        lo, hi = float(np.min(x)), float(np.max(x))
        if not (math.isfinite(lo) and math.isfinite(hi)) or lo < -1e-6 or hi > 1 + 1e-6:
            raise DataError(f"{path}: key '{key}' is {x.dtype} with values in [{lo:g}, {hi:g}], "
                            "expected uint8, or float in [0, 1]",
                            hint="divide 0..255 images by 255, or store them as uint8")
        u8 = np.clip(np.rint(x * 255.0), 0, 255).astype(np.uint8)
    else:
        raise DataError(f"{path}: key '{key}' has dtype {x.dtype}, "
                        "expected uint8 or float in [0, 1]")
    return _to_channels_array(u8, channels)


def _npz_labels(y: np.ndarray, path: Path, key: str, n: int, xkey: str) -> np.ndarray:
    if y.ndim != 1:
        raise DataError(f"{path}: key '{key}' has shape {tuple(y.shape)}, "
                        "expected (N,) class indices",
                        hint="one-hot labels: store y.argmax(axis=1)")
    if not np.issubdtype(y.dtype, np.integer):
        raise DataError(f"{path}: key '{key}' has dtype {y.dtype}, expected integer class indices")
    if y.shape[0] != n:
        raise DataError(f"{path}: key '{key}' has {y.shape[0]} labels but '{xkey}' has {n} images")
    if n and int(y.min()) < 0:
        raise DataError(f"{path}: key '{key}' has a negative label ({int(y.min())}) "
                        f"at index {int(np.argmin(y))}")
    return y.astype(np.int64)


def _open_npz(path: Path, image_hw: tuple[int, int], channels: int) -> Splits:
    try:
        z = np.load(path, allow_pickle=False)
    except Exception as e:  # noqa: BLE001 - any reason a file is not a readable npz
        raise DataError(f"{path} is not a readable .npz file: {e}") from None
    if not isinstance(z, np.lib.npyio.NpzFile):
        raise DataError(f"{path} holds a single array, expected a .npz archive with keys "
                        "x_train, y_train, x_val, y_val")
    with z:
        keys = set(z.files)
        for k in ("x_train", "y_train"):
            if k not in keys:
                have = ", ".join(sorted(keys)) or "none"
                raise DataError(f"{path}: missing key '{k}' (keys: {have})",
                                hint="expected x_train, y_train, x_val, y_val and optionally "
                                     "classes")
        has_val = {"x_val", "y_val"} & keys
        if len(has_val) == 1:
            missing = ({"x_val", "y_val"} - has_val).pop()
            raise DataError(f"{path}: has '{has_val.pop()}' but not '{missing}'",
                            hint="give both x_val and y_val, or neither (10% of train is then "
                                 "held out)")
        x_tr = _npz_images(_npz_get(z, path, "x_train"), path, "x_train", channels)
        y_tr = _npz_labels(_npz_get(z, path, "y_train"), path, "y_train", x_tr.shape[0], "x_train")
        notes: list[str] = []
        if has_val:
            x_va = _npz_images(_npz_get(z, path, "x_val"), path, "x_val", channels)
            y_va = _npz_labels(_npz_get(z, path, "y_val"), path, "y_val", x_va.shape[0], "x_val")
            if x_va.shape[1:] != x_tr.shape[1:]:
                raise DataError(f"{path}: 'x_val' images are {x_va.shape[1:3]}, "
                                f"'x_train' images are {x_tr.shape[1:3]}; they must match")
            tr_src, va_src = np.arange(len(y_tr)), np.arange(len(y_va))
            va_key = "x_val"
        else:
            tr_src, va_src = stratified_split(y_tr, 0.1, SPLIT_SEED)
            x_va, y_va = x_tr[va_src], y_tr[va_src]
            x_tr, y_tr = x_tr[tr_src], y_tr[tr_src]
            va_key = "x_train"
            notes.append("no x_val/y_val: 10% of train held out as val (stratified, fixed split)")
        if "classes" in keys:
            c = _npz_get(z, path, "classes")
            if c.ndim != 1 or c.dtype.kind not in "US":
                raise DataError(f"{path}: key 'classes' has dtype {c.dtype} and shape {c.shape}, "
                                "expected a 1-D array of str",
                                hint="np.savez(..., classes=np.array(names, dtype=str))")
            classes = [s.decode() if isinstance(s, bytes) else str(s) for s in c.tolist()]
        else:
            classes = None
    n_classes = len(classes) if classes is not None else int(max(y_tr.max(), y_va.max())) + 1
    for key, y in (("y_train", y_tr), ("y_val", y_va)):
        if len(y) and int(y.max()) >= n_classes:
            raise DataError(f"{path}: key '{key}' has label {int(y.max())} but there are only "
                            f"{n_classes} classes (key 'classes')")
    if classes is None:
        classes = [str(i) for i in range(n_classes)]
    if len(y_tr) == 0 or len(y_va) == 0:
        raise DataError(f"{path}: {'x_train' if len(y_tr) == 0 else 'x_val'} has no images")
    origin = str(path)
    train = ArrayDataset(x_tr, y_tr, classes, name="train", origin=origin, key="x_train",
                         source_index=tr_src)
    val = ArrayDataset(x_va, y_va, classes, name="val", origin=origin, key=va_key,
                       source_index=va_src)
    mean, std = _measured_mean_std(x_tr)
    src_hw = x_tr.shape[1:3]
    size = (f"{src_hw[0]}x{src_hw[1]} {_channel_word(channels)}"
            + ("" if tuple(src_hw) == tuple(image_hw) else f" resized to {_hw(image_hw)}"))
    desc = (f"npz {path} — {_fmt(len(y_tr) + len(y_va))} images ({_fmt(len(y_tr))} train / "
            f"{_fmt(len(y_va))} val), {len(classes)} classes, {size}")
    if notes:
        desc += "; " + "; ".join(notes)
    return Splits(train, val, classes, desc, origin, mean, std, flip_ok=False,
                  image_hw=image_hw, channels=channels, notes=notes)


# ----------------------------------------------------------------------------------------------


def open_dataset(source: str, *, image_hw: tuple[int, int], channels: int, seed: int = 0) -> Splits:
    """Open ``source`` (``embedded:NAME``, an ImageFolder directory or a ``.npz`` file).

    ``seed`` is accepted for the training loop's convenience but does not change the split:
    held-out val sets use the fixed ``SPLIT_SEED`` so that val is the same for every run.
    """
    del seed  # deliberately unused, see the docstring
    if channels not in (1, 3):
        raise DataError(f"data set {source}: channels must be 1 or 3, got {channels}")
    try:
        hw = (int(image_hw[0]), int(image_hw[1]))
    except (TypeError, ValueError, IndexError):
        raise DataError(f"data set {source}: image_hw must be (height, width), "
                        f"got {image_hw!r}") from None
    if hw[0] < 1 or hw[1] < 1:
        raise DataError(f"data set {source}: image_hw must be positive, got {image_hw!r}")
    if source.startswith("embedded:"):
        name = source[len("embedded:"):]
        if name == "digits":
            return _open_digits(hw, channels)
        raise DataError(f"unknown embedded data set '{source}' (known: embedded:digits)",
                        hint=_SOURCES_HINT)
    path = Path(source).expanduser()
    if not path.exists():
        raise DataError(f"data set not found: {path}", hint=_SOURCES_HINT)
    if path.is_file():
        if path.suffix.lower() == ".npz":
            return _open_npz(path, hw, channels)
        raise DataError(f"{path} is a file, expected a folder in the ImageFolder layout or a .npz",
                        hint=_SOURCES_HINT)
    return _open_folder(path, hw, channels)
