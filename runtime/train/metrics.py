"""Evaluation (loss, top-1 / top-5, confusion) and the resource figures of the epoch records."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from ..session import Session
from .errors import TrainError


def rss_mb(pid: int | str = "self") -> float:
    """Resident set size in MiB (Linux /proc; 0 where unavailable)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def workers_rss_mb() -> float:
    """Summed RSS of this process's live child processes (the data workers)."""
    import multiprocessing
    return sum(rss_mb(p.pid) for p in multiprocessing.active_children())



def topk_correct(logits: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Per row: is the label among the k largest logits (ties broken by index)."""
    k = min(k, logits.shape[1])
    top = np.argsort(-logits, axis=1, kind="stable")[:, :k]
    return (top == labels[:, None]).any(axis=1)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


@dataclass
class EvalResult:
    n: int
    loss: float
    top1: float
    top5: float
    confusion: np.ndarray    # [true, predicted] counts

    def per_class(self) -> np.ndarray:
        tot = self.confusion.sum(axis=1)
        return np.where(tot > 0, np.diag(self.confusion) / np.maximum(tot, 1), np.nan)


def evaluate(session: Session, loader, num_classes: int, epoch: int = 0,
             should_stop=lambda: False, weights: str = "raw") -> EvalResult | None:
    """Top-1 / top-5 / loss / confusion of the running-BN model over a whole split
    (``weights``: "raw", or "ema" for the EMA weights of a training session)."""
    r = evaluate_weights(session, loader, num_classes, (weights,), epoch, should_stop)
    return None if r is None else r[weights]


def evaluate_weights(session: Session, loader, num_classes: int, weights=("raw",),
                     epoch: int = 0, should_stop=lambda: False, processes=None) -> dict | None:
    """``evaluate`` of each of ``weights`` ("raw" / "ema") in ONE pass over the split (each
    batch decoded once) -> {weights: EvalResult}; None when a stop was requested.
    ``processes`` (``runtime.distributed.Processes``): the loader gives this process's shard
    of each batch and the counts are summed over all processes (the same result everywhere)."""
    n = 0
    acc = {w: [0.0, 0, 0, np.zeros((num_classes, num_classes), np.int64)] for w in weights}
    for batch in loader.epoch(epoch):
        if should_stop():
            return None
        labels = batch.labels[:batch.n_valid].astype(np.int64)
        for w, a in acc.items():
            logits = session.predict(batch.images, w)[:batch.n_valid].astype(np.float64)
            a[0] += float(-log_softmax(logits)[np.arange(len(labels)), labels].sum())
            a[1] += int(topk_correct(logits, labels, 1).sum())
            a[2] += int(topk_correct(logits, labels, 5).sum())
            np.add.at(a[3], (labels, logits.argmax(axis=1)), 1)
        n += len(labels)
    if processes is not None and processes.count > 1:
        n = int(processes.sum("eval.n", np.array([n], np.int64))[0])
        for w, a in acc.items():
            a[0] = float(processes.sum(f"eval.{w}.loss", np.array([a[0]], np.float64))[0])
            a[1], a[2] = (int(v) for v in processes.sum(f"eval.{w}.hits", np.array(a[1:3], np.int64)))
            a[3] = processes.sum(f"eval.{w}.confusion", a[3])
    if n == 0:
        raise TrainError("the validation split is empty")
    return {w: EvalResult(n, a[0] / n, a[1] / n, a[2] / n, a[3]) for w, a in acc.items()}
