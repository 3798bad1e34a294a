"""Batches for a static-batch training loop, produced ahead in background workers.

    with Loader(splits.train, 32, train=True, image_hw=(224, 224), channels=3,
                mean=splits.mean, std=splits.std, seed=0, augment=True, flip=splits.flip_ok) as ld:
        for batch in ld.epoch(e, start_batch=k):    # Batch: images f32 NHWC, labels i32, ...
            ...

Order. Epoch ``e`` of a train loader visits ``np.random.default_rng([seed, e]).permutation(N)``
in consecutive slices of ``batch_size``, dropping the incomplete last slice
(``batches_per_epoch = N // B``). A val loader visits ``0..N-1`` in order and pads its last
batch up to ``B`` rows with zero images, label 0 and index -1 (``Batch.n_valid`` rows are real;
``batches_per_epoch = ceil(N / B)``).

Augmentation. The sample at position ``p`` of epoch ``e``'s order draws its crop and flip from
``default_rng([seed, e, AUG_STREAM, p])`` (see ``runtime.data.transforms``). Nothing else is
random, so a batch is a pure function of (data, seed, epoch, batch index): the same bytes
whatever the number of workers, and ``epoch(e, start_batch=k)`` yields exactly batches
``k..`` of ``epoch(e)`` (exact resume).

Extra augmentation (train only, each off by default; ``runtime.data.augment``): with
``randaugment`` (timm's string) each sample's uint8 crop goes through RandAugment, drawn from
``default_rng([seed, e, RANDAUG_STREAM, p])``; with ``random_erasing`` > 0 its normalised
image through RandomErasing (``[seed, e, ERASE_STREAM, p]``); with ``mixup_alpha`` or
``cutmix_alpha`` > 0 the assembled batch ``b`` is mixed (``[seed, e, MIX_STREAM, b]``) and
``Batch.targets`` holds its soft targets f32[B, K] (``Batch.labels`` stays the rows' own
labels).  Each has its own stream, so the crop/flip draws are those of a loader without them,
and batches stay a pure function of (data, seed, epoch, batch index).

Shards. ``shard=(i, P)`` makes a loader fill only rows ``[i*B/P, (i+1)*B/P)`` of every global
batch of ``B`` (one process of a P-process data-parallel run, ``runtime.distributed``): the same
positions, hence the same items and per-position augmentation, as those rows of the unsharded
batch; ``Batch.n_valid`` counts this shard's real rows.  Mixup/CutMix mix within the shard (as
timm does per process under DDP), with the batch's own draw, so lambda and the box are the
same on every shard.

Substitution. An item that cannot be decoded (corrupt, truncated, not an image, unreadable)
at position ``p`` is replaced by the next position of the same order that decodes
(``p+1, p+2, ...``, wrapping round); the row takes that item's label and index, so images and
labels stay paired, the batch stays full, and, since the set of bad files is a property of the
files, the result is still deterministic. The crop/flip of the row is drawn from position
``p``'s generator, anew for each attempt. Each bad file is reported once per loader with a
``DataWarning`` naming it and the reason in plain words (``warnings.warn`` in the iterating
process: filter or log it as you like; ``known_bad`` files, reported before, are not warned
about again), passed to ``on_bad_file(desc, reason)`` if given, kept in ``bad_files`` and
counted in ``stats``; only if every item of the split fails is ``DataError`` raised.

Workers. ``workers=0`` produces batches in one background thread of this process (Pillow and
numpy release the GIL for the heavy parts). ``workers=n`` starts ``n`` processes with the
"spawn" start method (safe when the parent runs IREE/JAX threads; the parent's main module
must therefore be import-safe, as for any spawn-based multiprocessing). SIGINT is ignored in
the parent while they start (so that the SIG_IGN disposition is inherited through exec; a
Ctrl-C in that fraction of a second is lost), and by each worker itself. They are started by
the first ``epoch()`` call and kept for the loader's lifetime; each receives the dataset once
(paths or arrays) and then tasks ``(generation, epoch, batch, slot)``; it writes the
normalised float32 batch straight into one of ``max(prefetch, workers)`` shared-memory slots
and answers with the labels and indices. The parent copies a slot out when its batch is due
(in order) and hands the slot to the next task, so memory is bounded by the slot count, never
by the run's length. Workers ignore SIGINT (the parent handles Ctrl-C), and exit within a
second when the parent dies (they poll ``os.getppid()`` between tasks); the parent's resource
tracker then removes the shared memory. ``close()`` (also on ``with`` exit and at garbage
collection) stops and joins them, terminating any that do not exit in time.

``workers=None`` picks 0 for in-memory data sets (digits, npz) and ``min(cpus, 4)`` for files.
One epoch iterator is live per loader: calling ``epoch()`` again abandons the previous one
(its queued work is skipped; using it afterwards raises ``RuntimeError``).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
import traceback
import warnings
import weakref
from dataclasses import dataclass, field
from multiprocessing.shared_memory import SharedMemory
from typing import Any, Iterator

import numpy as np

from .augment import (Mix, RandAugment, RandAugmentSpec, RandomErasing, erase_rng, mix_rng,
                      parse_randaugment, randaug_rng)
from .decode import DecodeFailure, active_decoder
from .errors import DataError, DataWarning
from .sources import ArrayDataset, Dataset
from .transforms import Normalizer, Plan, PlanFn, sample_rng, train_plan, val_plan

__all__ = ["Batch", "Loader"]

_POLL_S = 0.5           # how often a blocked worker / consumer checks that its peer is alive
_JOIN_S = 2.0           # how long close() waits for a worker to exit by itself
_MAX_SKIPPED_FILES = 100


@dataclass
class Batch:
    images: np.ndarray    # float32 [B, H, W, C], normalised
    labels: np.ndarray    # int32 [B]
    indices: np.ndarray   # int64 [B], dataset indices; -1 on padding rows
    n_valid: int          # rows that are real (val's last batch is padded up to B)
    batch_index: int
    epoch: int
    targets: np.ndarray | None = None   # float32 [B, K] soft targets when mixup/cutmix is on


@dataclass(frozen=True)
class _Config:
    """Everything needed to produce a batch; pickled once to each worker."""
    dataset: Dataset
    batch_size: int
    train: bool
    image_hw: tuple[int, int]
    channels: int
    mean: tuple[float, ...]
    std: tuple[float, ...]
    seed: int
    augment: bool
    flip: bool
    randaugment: RandAugmentSpec | None = None
    random_erasing: float = 0.0
    mix: Mix | None = None
    shard: tuple[int, int] = (0, 1)     # (index, count): this loader's rows of each batch

    @property
    def rows(self) -> int:
        """Rows this loader fills of each global batch (``batch_size / count``)."""
        return self.batch_size // self.shard[1]

    @property
    def shape(self) -> tuple[int, int, int, int]:
        return (self.rows, self.image_hw[0], self.image_hw[1], self.channels)


@dataclass
class _Meta:
    labels: np.ndarray
    indices: np.ndarray
    n_valid: int
    substituted: int = 0
    bad_files: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    targets: np.ndarray | None = None


class _Producer:
    """Fills one batch: order, plan, decode, substitute, normalise. Used in-process (thread
    mode) and inside each worker process."""

    def __init__(self, cfg: _Config):
        self.cfg = cfg
        self.n = len(cfg.dataset)
        self.norm = Normalizer(cfg.mean, cfg.std)
        self._order_epoch: int | None = None
        self._order = np.arange(self.n, dtype=np.int64)
        self._bad: dict[int, str] = {}  # item -> reason; a bad file stays bad
        self.randaug = RandAugment(cfg.randaugment) if cfg.randaugment is not None else None
        self.erase = RandomErasing(cfg.random_erasing) if cfg.random_erasing > 0 else None

    def order(self, epoch: int) -> np.ndarray:
        if self.cfg.train and self._order_epoch != epoch:
            self._order = np.random.default_rng([self.cfg.seed, epoch]).permutation(self.n)
            self._order_epoch = epoch
        return self._order

    def _plan_for(self, epoch: int, position: int) -> PlanFn:
        cfg = self.cfg
        if cfg.train and cfg.augment:
            def plan(width: int, height: int) -> Plan:
                return train_plan(width, height, cfg.image_hw,
                                  sample_rng(cfg.seed, epoch, position), cfg.flip)
        else:
            def plan(width: int, height: int) -> Plan:
                return val_plan(width, height, cfg.image_hw)
        return plan

    def _sample(self, epoch: int, order: np.ndarray, position: int,
                meta: _Meta) -> tuple[int, np.ndarray]:
        ds = self.cfg.dataset
        plan = self._plan_for(epoch, position)
        for k in range(self.n):
            i = int(order[(position + k) % self.n])
            reason = self._bad.get(i)
            if reason is None:
                try:
                    image = ds.render(i, plan, self.cfg.image_hw)
                    if k:
                        meta.substituted += 1
                    return i, image
                except DecodeFailure as e:
                    reason = self._bad[i] = e.reason   # plain words; e.detail: the decoder's
            entry = (ds.describe_item(i), reason)
            if entry not in meta.bad_files:
                meta.bad_files.append(entry)
        first = next(iter(self._bad))
        where = getattr(ds, "root", None) or getattr(ds, "origin", "")
        raise DataError(
            f"every image of the {ds.name} split of {where} failed to decode ({self.n} tried); "
            f"first: {ds.describe_item(first)}: {self._bad[first]}",
            hint="check that the files are images (try opening one with Pillow)")

    def produce(self, epoch: int, batch_index: int, out: np.ndarray) -> _Meta:
        t0 = time.perf_counter()
        cfg = self.cfg
        order = self.order(epoch)
        # this shard's rows of global batch batch_index: positions in the epoch's order
        b = cfg.rows
        start = batch_index * cfg.batch_size + cfg.shard[0] * b
        stop = min(start + b, self.n)
        rows = max(0, stop - start)
        labels = np.zeros(b, np.int32)
        indices = np.full(b, -1, np.int64)
        meta = _Meta(labels, indices, rows)
        for r in range(rows):
            i, image = self._sample(epoch, order, start + r, meta)
            if self.randaug is not None:
                image = self.randaug(image, randaug_rng(cfg.seed, epoch, start + r))
            self.norm(image, out[r])
            if self.erase is not None:
                self.erase(out[r], erase_rng(cfg.seed, epoch, start + r))
            labels[r] = cfg.dataset.labels[i]
            indices[r] = i
        if rows < b:
            out[rows:] = 0.0
        if cfg.mix is not None:     # train batches are always full (drop_last)
            meta.targets, _ = cfg.mix(out, labels, mix_rng(cfg.seed, epoch, batch_index))
        meta.seconds = time.perf_counter() - t0
        return meta


# ----------------------------------------------------------------------------------------------
# worker processes


def _worker_main(cfg: _Config, tasks: Any, results: Any, shm_names: list[str], parent_pid: int,
                 current: Any) -> None:
    """Entry point of a worker process (spawned)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    results.cancel_join_thread()  # never block exit on a parent that stopped reading
    shms = [SharedMemory(name=n) for n in shm_names]
    views = [np.ndarray(cfg.shape, np.float32, buffer=s.buf) for s in shms]
    producer = _Producer(cfg)
    try:
        while True:
            try:
                task = tasks.get(timeout=_POLL_S)
            except queue.Empty:
                if os.getppid() != parent_pid:
                    return
                continue
            if task is None:
                return
            gen, epoch, batch_index, slot = task
            if gen != current.value:
                results.put(("stale", gen, batch_index, slot, None))
                continue
            try:
                meta = producer.produce(epoch, batch_index, views[slot])
                results.put(("ok", gen, batch_index, slot, meta))
            except DataError as e:
                results.put(("error", gen, batch_index, slot, e))
            except Exception:  # noqa: BLE001 - reported to the parent with its traceback
                results.put(("crash", gen, batch_index, slot, traceback.format_exc()))
    finally:
        del views
        for s in shms:
            s.close()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while workers are spawned: the disposition survives exec, so a Ctrl-C
    during a worker's interpreter start-up cannot kill it (it sets SIG_IGN itself later too)."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield  # only the main thread may set handlers; None: a handler Python cannot restore
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Pool:
    """Worker processes, their task/result queues and the shared-memory batch slots."""

    def __init__(self, cfg: _Config, workers: int, slots: int):
        ctx = mp.get_context("spawn")
        nbytes = int(np.prod(cfg.shape)) * 4
        self.shms: list[SharedMemory] = []
        self.procs: list[Any] = []
        self.closed = False
        try:
            self.shms = [SharedMemory(create=True, size=nbytes) for _ in range(slots)]
            self.views = [np.ndarray(cfg.shape, np.float32, buffer=s.buf) for s in self.shms]
            self.free = list(range(slots))[::-1]
            self.tasks = ctx.Queue()
            self.results = ctx.Queue()
            self.current = ctx.RawValue("q", 0)
            names = [s.name for s in self.shms]
            with _sigint_ignored():
                for w in range(workers):
                    p = ctx.Process(target=_worker_main, name=f"netspec-data-{w}", daemon=True,
                                    args=(cfg, self.tasks, self.results, names, os.getpid(),
                                          self.current))
                    p.start()
                    self.procs.append(p)
        except BaseException:
            self.close()
            raise

    def submit(self, gen: int, epoch: int, batch_index: int) -> None:
        slot = self.free.pop()
        self.tasks.put((gen, epoch, batch_index, slot))

    def receive(self) -> tuple:
        while True:
            try:
                return self.results.get(timeout=_POLL_S)
            except queue.Empty:
                for p in self.procs:
                    if not p.is_alive():
                        self.close()  # broken: the loader starts a fresh pool next epoch
                        raise DataError(
                            f"data loader worker {p.name} (pid {p.pid}) exited unexpectedly "
                            f"with code {p.exitcode}",
                            hint="out of memory? try fewer workers (workers=0 decodes in a thread)")

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.procs:
            self.current.value = -1
            for _ in self.procs:
                try:
                    self.tasks.put_nowait(None)
                except Exception:  # noqa: BLE001 - queue already broken: terminate below
                    pass
            deadline = time.monotonic() + _JOIN_S
            for p in self.procs:
                p.join(timeout=max(0.0, deadline - time.monotonic()))
            for p in self.procs:
                if p.is_alive():
                    p.terminate()
                    p.join(timeout=1.0)
                if p.is_alive():
                    p.kill()
                    p.join()
            for q in (self.tasks, self.results):
                q.cancel_join_thread()
                q.close()
        self.views = []
        for s in self.shms:
            s.close()
            try:
                s.unlink()
            except FileNotFoundError:
                pass


# ----------------------------------------------------------------------------------------------
# epoch iterators


class _EpochIter:
    """Common bookkeeping of an epoch iterator: stats, warnings, supersession."""

    def __init__(self, loader: "Loader", gen: int, epoch: int, start: int, stop: int):
        self._loader = loader
        self.gen = gen
        self.epoch = epoch
        self.next_yield = start
        self.stop = stop
        self.dead: str | None = None

    def __iter__(self) -> "_EpochIter":
        return self

    def __next__(self) -> Batch:
        if self.dead:
            raise RuntimeError(self.dead)
        if self.next_yield >= self.stop:
            self.cancel("this epoch iterator is exhausted")
            raise StopIteration
        t0 = time.perf_counter()
        try:
            images, meta = self._take(self.next_yield)
        except BaseException:
            self.cancel("this epoch iterator failed")
            raise
        batch = Batch(images, meta.labels, meta.indices, meta.n_valid, self.next_yield, self.epoch,
                      meta.targets)
        self.next_yield += 1
        self._loader._account(meta, time.perf_counter() - t0)
        return batch

    def _take(self, batch_index: int) -> tuple[np.ndarray, _Meta]:
        raise NotImplementedError

    def cancel(self, reason: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.cancel("this epoch iterator was closed")


class _ThreadEpoch(_EpochIter):
    def __init__(self, loader: "Loader", producer: _Producer, gen: int, epoch: int, start: int,
                 stop: int, prefetch: int):
        super().__init__(loader, gen, epoch, start, stop)
        self._q: queue.Queue = queue.Queue(maxsize=prefetch)
        self._stop_evt = threading.Event()
        # the thread holds no reference to this iterator, and is told to stop when it is collected
        self._thread = threading.Thread(
            target=_thread_main, name="netspec-data-thread", daemon=True,
            args=(producer, self._q, self._stop_evt, epoch, start, stop, loader._cfg.shape))
        self._thread.start()
        weakref.finalize(self, self._stop_evt.set)

    def _take(self, batch_index: int) -> tuple[np.ndarray, _Meta]:
        while True:
            try:
                kind, payload, meta = self._q.get(timeout=_POLL_S)
                break
            except queue.Empty:
                if not self._thread.is_alive() and self._q.empty():
                    raise RuntimeError("the data loader thread stopped unexpectedly") from None
        if kind == "error":
            raise payload
        return payload, meta

    def cancel(self, reason: str) -> None:
        if self.dead:
            return
        self.dead = reason
        self._stop_evt.set()
        while True:  # unblock a producer waiting on a full queue
            try:
                self._q.get_nowait()
            except queue.Empty:
                break
        self._thread.join()


def _thread_main(producer: _Producer, q: queue.Queue, stop_evt: threading.Event, epoch: int,
                 start: int, stop: int, shape: tuple[int, ...]) -> None:
    """Body of the workers=0 background thread: produce batches start..stop-1 into ``q``."""
    def put(item: tuple) -> bool:
        while not stop_evt.is_set():
            try:
                q.put(item, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    try:
        for b in range(start, stop):
            if stop_evt.is_set():
                return
            out = np.empty(shape, np.float32)
            if not put(("ok", out, producer.produce(epoch, b, out))):
                return
    except BaseException as e:  # noqa: BLE001 - re-raised in the consumer
        put(("error", e, None))


class _PoolEpoch(_EpochIter):
    def __init__(self, loader: "Loader", pool: _Pool, gen: int, epoch: int, start: int, stop: int):
        super().__init__(loader, gen, epoch, start, stop)
        self._pool = pool
        self._next_submit = start
        self._ready: dict[int, tuple[int, _Meta]] = {}
        pool.current.value = gen
        self._fill()

    def _fill(self) -> None:
        while self._next_submit < self.stop and self._pool.free:
            self._pool.submit(self.gen, self.epoch, self._next_submit)
            self._next_submit += 1

    def _take(self, batch_index: int) -> tuple[np.ndarray, _Meta]:
        pool = self._pool
        while batch_index not in self._ready:
            kind, gen, b, slot, payload = pool.receive()
            if gen != self.gen or kind == "stale":
                pool.free.append(slot)
                self._fill()
                continue
            if kind == "ok":
                self._ready[b] = (slot, payload)
            else:
                pool.free.append(slot)
                if kind == "error":
                    raise payload
                raise RuntimeError(f"data loader worker failed producing batch {b} of epoch "
                                   f"{self.epoch}:\n{payload}")
        slot, meta = self._ready.pop(batch_index)
        images = pool.views[slot].copy()
        pool.free.append(slot)
        self._fill()
        return images, meta

    def cancel(self, reason: str) -> None:
        if self.dead:
            return
        self.dead = reason
        if not self._pool.closed:
            for slot, _ in self._ready.values():
                self._pool.free.append(slot)
        self._ready.clear()
        # tasks still queued or in flight come back as "stale" and free their slots then


# ----------------------------------------------------------------------------------------------


def _auto_workers(dataset: Dataset) -> int:
    if isinstance(dataset, ArrayDataset):
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


class Loader:
    """Fixed-size batches of one split, in a deterministic order, produced ahead.

    ``train=True``: shuffled per epoch, ``drop_last``; with ``augment`` the
    RandomResizedCrop + (if ``flip``) horizontal-flip transform, else the val transform
    (``flip`` has no effect without ``augment``). ``train=False``: sequential, val transform,
    last batch padded (see ``Batch.n_valid``); ``augment`` and ``flip`` are ignored.

    ``randaugment`` (a timm string such as ``'rand-m9-mstd0.5'``, or a ``RandAugmentSpec``),
    ``random_erasing`` (probability), ``mixup_alpha`` / ``cutmix_alpha`` / ``mixup_prob`` /
    ``mixup_switch_prob`` (timm's Mixup, per batch; ``Batch.targets`` then holds the soft
    targets): train only, ignored when ``train=False``, independent of ``augment``.

    ``shard=(index, count)``: only this shard's rows of each batch (see the module's Shards).

    ``known_bad``: items (``describe_item`` strings) already reported elsewhere, e.g. listed in
    a resumed run's ``bad_images.txt``: still substituted and counted, not warned about again.
    ``on_bad_file(desc, reason)``: called in the iterating thread once per distinct bad item.
    """

    def __init__(self, dataset: Dataset, batch_size: int, *, train: bool,
                 image_hw: tuple[int, int], channels: int, mean: tuple[float, ...],
                 std: tuple[float, ...], seed: int = 0, augment: bool = False, flip: bool = False,
                 workers: int | None = None, prefetch: int = 4, known_bad: Any = (),
                 on_bad_file: Any = None, randaugment: str | RandAugmentSpec | None = None,
                 random_erasing: float = 0.0, mixup_alpha: float = 0.0,
                 cutmix_alpha: float = 0.0, mixup_prob: float = 1.0,
                 mixup_switch_prob: float = 0.5, shard: tuple[int, int] = (0, 1)):
        name = f"{getattr(dataset, 'name', 'dataset')} split"
        if batch_size < 1:
            raise DataError(f"{name}: batch_size must be >= 1, got {batch_size}")
        shard = (int(shard[0]), int(shard[1]))
        if shard[1] < 1 or not 0 <= shard[0] < shard[1] or batch_size % shard[1]:
            raise DataError(f"{name}: shard {shard[0]} of {shard[1]} needs 0 <= index < count "
                            f"and a batch ({batch_size}) that count divides")
        if channels != dataset.channels:
            raise DataError(f"{name}: the loader asks for {channels} channel(s) but the data set "
                            f"was opened with {dataset.channels}",
                            hint="pass the same channels to open_dataset and Loader")
        mean_t = tuple(float(v) for v in mean)
        std_t = tuple(float(v) for v in std)
        if len(mean_t) != channels or len(std_t) != channels:
            raise DataError(f"{name}: mean and std need {channels} value(s) each, got "
                            f"{len(mean_t)} and {len(std_t)}")
        if min(std_t) <= 0:
            raise DataError(f"{name}: std must be positive, got {std_t}")
        if seed < 0:
            raise DataError(f"{name}: seed must be >= 0, got {seed}")
        if prefetch < 1:
            raise DataError(f"{name}: prefetch must be >= 1, got {prefetch}")
        if workers is not None and workers < 0:
            raise DataError(f"{name}: workers must be >= 0 (0 = a background thread), "
                            f"got {workers}")
        if len(dataset) == 0:
            raise DataError(f"{name} is empty")
        if train and len(dataset) < batch_size:
            raise DataError(f"{name} has {len(dataset)} images, fewer than one batch of "
                            f"{batch_size} (train batches drop the incomplete last one)",
                            hint="use a smaller batch size or more data")
        hw = (int(image_hw[0]), int(image_hw[1]))
        ra = mix = None
        erasing = 0.0
        if train:
            if isinstance(randaugment, str):
                ra = parse_randaugment(randaugment, where=f"{name} loader")
            elif randaugment is not None:
                ra = randaugment
            if not 0.0 <= float(random_erasing) <= 1.0:
                raise DataError(f"{name}: random_erasing must be a probability in [0, 1], "
                                f"got {random_erasing}")
            erasing = float(random_erasing)
            if mixup_alpha > 0 or cutmix_alpha > 0:
                mix = Mix(len(dataset.classes), mixup_alpha, cutmix_alpha, mixup_prob,
                          mixup_switch_prob)
        self._cfg = _Config(dataset, int(batch_size), bool(train), hw, int(channels), mean_t,
                            std_t, int(seed), bool(augment) and bool(train),
                            bool(flip) and bool(augment) and bool(train), ra, erasing, mix,
                            shard)
        self.dataset = dataset
        self.batch_size = int(batch_size)
        self.train = bool(train)
        self.workers = _auto_workers(dataset) if workers is None else int(workers)
        self.prefetch = int(prefetch)
        self._pool: _Pool | None = None
        self._pool_finalizer: weakref.finalize | None = None
        self._producer: _Producer | None = None
        self._active: _EpochIter | None = None
        self._gen = 0
        self._closed = False
        self._warned: set[str] = set()
        self._known_bad = set(known_bad)       # reported before (e.g. a resumed run's list)
        self._on_bad_file = on_bad_file
        self._bad_files: dict[str, str] = {}   # file -> plain reason, distinct, in met order
        self._stats: dict[str, Any] = dict(images_loaded=0, skipped=0, skipped_files=[],
                                           bad_files=0,
                                           wait_seconds=0.0, produce_seconds=0.0, batches=0,
                                           workers=self.workers, decoder=active_decoder())

    @property
    def batches_per_epoch(self) -> int:
        n = len(self.dataset)
        return n // self.batch_size if self.train else math.ceil(n / self.batch_size)

    @property
    def bad_files(self) -> dict[str, str]:
        """Every distinct unreadable item met so far: ``describe_item`` -> plain reason."""
        return dict(self._bad_files)

    @property
    def stats(self) -> dict[str, Any]:
        s = dict(self._stats)
        s["skipped_files"] = list(s["skipped_files"])
        return s

    def epoch(self, epoch: int, start_batch: int = 0) -> Iterator[Batch]:
        """Batches ``start_batch..batches_per_epoch-1`` of epoch ``epoch``, in order."""
        if self._closed:
            raise RuntimeError("Loader.epoch() on a closed loader")
        if epoch < 0:
            raise ValueError(f"epoch must be >= 0, got {epoch}")
        if not 0 <= start_batch <= self.batches_per_epoch:
            raise ValueError(f"start_batch must be in 0..{self.batches_per_epoch}, "
                             f"got {start_batch}")
        if self._active is not None:
            self._active.cancel("this epoch iterator was superseded by a later Loader.epoch() call")
        self._gen += 1
        stop = self.batches_per_epoch
        if self.workers == 0:
            if self._producer is None:
                self._producer = _Producer(self._cfg)
            it: _EpochIter = _ThreadEpoch(self, self._producer, self._gen, int(epoch),
                                          int(start_batch), stop, self.prefetch)
        else:
            if self._pool is None or self._pool.closed:
                slots = max(self.prefetch, self.workers)
                self._pool = _Pool(self._cfg, self.workers, slots)
                self._pool_finalizer = weakref.finalize(self, self._pool.close)
            it = _PoolEpoch(self, self._pool, self._gen, int(epoch), int(start_batch), stop)
        self._active = it
        return it

    def _account(self, meta: _Meta, waited: float) -> None:
        s = self._stats
        s["batches"] += 1
        s["images_loaded"] += meta.n_valid
        s["skipped"] += meta.substituted
        s["wait_seconds"] += waited
        s["produce_seconds"] += meta.seconds
        for desc, reason in meta.bad_files:
            if desc in self._warned:
                continue
            self._warned.add(desc)
            self._bad_files[desc] = reason
            s["bad_files"] = len(self._bad_files)
            if len(s["skipped_files"]) < _MAX_SKIPPED_FILES:
                s["skipped_files"].append(desc)
            if self._on_bad_file is not None:
                self._on_bad_file(desc, reason)
            if desc not in self._known_bad:
                warnings.warn(DataWarning(
                    f"skipping unreadable image {desc}: {reason}; it is replaced by the next "
                    "readable image (reported once per file)", path=desc, reason=reason),
                    stacklevel=3)

    def close(self) -> None:
        """Stop producing, end the worker processes, free the shared memory. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._active is not None:
            self._active.cancel("the loader was closed")
            self._active = None
        if self._pool is not None:
            self._pool.close()
            if self._pool_finalizer is not None:
                self._pool_finalizer.detach()
            self._pool = None
        self._producer = None

    def __enter__(self) -> "Loader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (f"Loader({self.dataset.name}, {len(self.dataset)} items, batch {self.batch_size}, "
                f"{'train' if self.train else 'val'}, workers {self.workers})")
