"""Throughput of the data pipeline (runtime.data) on a synthetic ImageNet-like folder.

    python bench/data_throughput.py                   # full run, writes bench/data_throughput.json
    python bench/data_throughput.py --quick           # a smoke run (64 images, 1 timed epoch)
    python bench/data_throughput.py --decoders-only   # only the JPEG decoder comparison

What it does:

1. Writes N (default 512) JPEGs (quality 90, smooth random content plus noise, sizes typical
   of ImageNet: mostly 500x375 / 500x333 / 333x500 / 500x400 / 500x500, one in eight
   1024x768) into an ImageFolder layout with 8 classes, in a temporary directory.
2. Decoder comparison (single thread, decode only, per image): Pillow plain, Pillow with
   ``Image.draft()`` to the val transform's 256 short side, simplejpeg full size, simplejpeg with
   DCT-domain scaling to the same size (if simplejpeg is installed).
3. Loader throughput at 224x224 for batch 8 and 32, train (RandomResizedCrop + flip) and val
   (resize 256 + centre crop), workers 0 (thread), 1 and 2: images/s of a consumer that does
   nothing but take batches; median over the timed epochs after one warm-up epoch.

On a machine whose cores also run the training step (IREE's local-task driver uses all of
them), these are upper bounds: the workers compete with the step for the same cores.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from runtime.data import Loader, open_dataset  # noqa: E402
from runtime.data.decode import active_decoder  # noqa: E402

SIZES = [(500, 375), (500, 333), (333, 500), (500, 400), (500, 500), (375, 500), (500, 375),
         (1024, 768)]


def smooth_image(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    small = rng.integers(0, 256, (h // 24 + 2, w // 24 + 2, 3), dtype=np.uint8)
    im = Image.fromarray(small).resize((w, h), Image.BICUBIC)
    a = np.asarray(im).astype(np.int16) + rng.integers(-10, 11, (h, w, 3), dtype=np.int16)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def make_folder(root: Path, n: int, classes: int = 8, val_fraction: float = 0.25) -> None:
    rng = np.random.default_rng(0)
    n_val = int(n * val_fraction)
    for i in range(n):
        split = "val" if i < n_val else "train"
        w, h = SIZES[i % len(SIZES)]
        d = root / split / f"class_{i % classes}"
        d.mkdir(parents=True, exist_ok=True)
        smooth_image(rng, w, h).save(d / f"img_{i:05d}.JPEG", "JPEG", quality=90)


def bench_decoders(folder: Path, repeats: int = 3) -> list[dict]:
    files = sorted(folder.rglob("*.JPEG"))
    by_size: dict[tuple[int, int], list[bytes]] = {}
    for f in files:
        with Image.open(f) as im:
            size = im.size
        if len(by_size.setdefault(size, [])) < 24:
            by_size[size].append(f.read_bytes())
    target = 256

    def pil_plain(b: bytes) -> None:
        Image.open(io.BytesIO(b)).convert("RGB")

    def pil_draft(b: bytes) -> None:
        im = Image.open(io.BytesIO(b))
        w, h = im.size
        s = min(w, h) / target
        im.draft("RGB", (max(1, int(w / s)), max(1, int(h / s))))
        im.convert("RGB")

    cases = [("pillow", pil_plain), ("pillow+draft", pil_draft)]
    try:
        import simplejpeg

        def sj_plain(b: bytes) -> None:
            simplejpeg.decode_jpeg(b, colorspace="RGB")

        def sj_scaled(b: bytes) -> None:
            h, w, _, _ = simplejpeg.decode_jpeg_header(b)
            f = 1
            while min(w, h) // (f * 2) >= target and f < 8:
                f *= 2
            kw = {} if f == 1 else dict(min_width=-(-w // f), min_height=-(-h // f),
                                        min_factor=f)
            simplejpeg.decode_jpeg(b, colorspace="RGB", **kw)

        cases += [("simplejpeg", sj_plain), ("simplejpeg+scale", sj_scaled)]
    except ImportError:
        pass
    rows = []
    for size in [(500, 375), (500, 400), (1024, 768)]:
        blobs = by_size.get(size)
        if not blobs:
            continue
        for name, fn in cases:
            for b in blobs[:4]:
                fn(b)
            best = float("inf")
            for _ in range(repeats):
                t = time.perf_counter()
                for b in blobs:
                    fn(b)
                best = min(best, (time.perf_counter() - t) / len(blobs))
            rows.append(dict(size=f"{size[0]}x{size[1]}", decoder=name,
                             ms_per_image=round(best * 1e3, 3), images_per_s=round(1.0 / best, 1)))
            print(f"  decode {size[0]}x{size[1]:<4} {name:18s} {best * 1e3:6.2f} ms "
                  f"{1 / best:7.0f} img/s", flush=True)
    return rows


def bench_loader(folder: Path, batches: list[int], workers: list[int], epochs: int) -> list[dict]:
    hw = (224, 224)
    splits = open_dataset(str(folder), image_hw=hw, channels=3)
    rows = []
    for mode in ("train", "val"):
        ds = splits.train if mode == "train" else splits.val
        for batch in batches:
            for w in workers:
                with Loader(ds, batch, train=mode == "train", image_hw=hw, channels=3,
                            mean=splits.mean, std=splits.std, seed=0, augment=True, flip=True,
                            workers=w, prefetch=4) as ld:
                    rates = []
                    for e in range(epochs + 1):
                        t = time.perf_counter()
                        n = sum(b.n_valid for b in ld.epoch(e))
                        dt = time.perf_counter() - t
                        if e > 0:  # epoch 0 is the warm-up (and the worker start)
                            rates.append(n / dt)
                    st = ld.stats
                produce_ms = 1e3 * st["produce_seconds"] / st["images_loaded"]
                row = dict(mode=mode, batch=batch, workers=w,
                           images_per_s=round(statistics.median(rates), 1),
                           epochs=[round(r, 1) for r in rates],
                           produce_ms_per_image=round(produce_ms, 3))
                rows.append(row)
                print(f"  {mode:5s} batch {batch:3d} workers {w}: {row['images_per_s']:7.1f} img/s "
                      f"(epochs {row['epochs']}, produce {produce_ms:.2f} ms/img)", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--images", type=int, default=512)
    ap.add_argument("--epochs", type=int, default=3, help="timed epochs after one warm-up")
    ap.add_argument("--batches", default="8,32")
    ap.add_argument("--workers", default="0,1,2")
    ap.add_argument("--decoder", choices=["auto", "simplejpeg", "pillow"], default="auto",
                    help="JPEG decoder of the loader (sets NETSPEC_JPEG_DECODER)")
    ap.add_argument("--out", default=str(Path(__file__).with_suffix(".json")))
    ap.add_argument("--quick", action="store_true", help="64 images, 1 timed epoch, no JSON")
    ap.add_argument("--decoders-only", action="store_true")
    args = ap.parse_args(argv)
    if args.decoder != "auto":
        os.environ["NETSPEC_JPEG_DECODER"] = args.decoder  # inherited by spawned workers
    if args.quick:
        args.images, args.epochs = 64, 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count()
    result: dict = dict(cpus=cpus, python=platform.python_version(), machine=platform.machine(),
                        pillow=Image.__version__, loader_decoder=active_decoder(),
                        images=args.images, image_hw=[224, 224],
                        load_average_before=[round(v, 2) for v in os.getloadavg()])
    try:
        import simplejpeg
        result["simplejpeg"] = simplejpeg.__version__
    except ImportError:
        result["simplejpeg"] = None
    with tempfile.TemporaryDirectory(prefix="netspec-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        make_folder(folder, args.images)
        print(f"{args.images} synthetic JPEGs in {time.perf_counter() - t:.1f} s; {cpus} CPU(s); "
              f"loader decoder: {active_decoder()}", flush=True)
        print("decoders (one thread, decode only):", flush=True)
        result["decoders"] = bench_decoders(folder)
        if not args.decoders_only:
            print("loader at 224x224 (consumer does nothing):", flush=True)
            result["loader"] = bench_loader(folder, [int(b) for b in args.batches.split(",")],
                                            [int(w) for w in args.workers.split(",")], args.epochs)
    result["load_average_after"] = [round(v, 2) for v in os.getloadavg()]
    print(f"load average before {result['load_average_before']}, after "
          f"{result['load_average_after']} (other processes share these cores)")
    if not args.quick:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
