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
             should_stop=lambda: False) -> EvalResult | None:
    """Top-1 / top-5 / loss / confusion of the running-BN model over a whole split."""
    n = 0
    loss = 0.0
    c1 = c5 = 0
    conf = np.zeros((num_classes, num_classes), np.int64)
    for batch in loader.epoch(epoch):
        if should_stop():
            return None
        logits = session.predict(batch.images)[:batch.n_valid].astype(np.float64)
        labels = batch.labels[:batch.n_valid].astype(np.int64)
        loss += float(-log_softmax(logits)[np.arange(len(labels)), labels].sum())
        c1 += int(topk_correct(logits, labels, 1).sum())
        c5 += int(topk_correct(logits, labels, 5).sum())
        np.add.at(conf, (labels, logits.argmax(axis=1)), 1)
        n += len(labels)
    if n == 0:
        raise TrainError("the validation split is empty")
    return EvalResult(n, loss / n, c1 / n, c5 / n, conf)
