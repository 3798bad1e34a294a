"""curves.png: the loss and accuracy curves of a run."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def plot_curves(epochs: list[dict], losses, path: Path) -> None:
    """Loss (per step, and per epoch) and accuracy curves as a PNG (atomic).  ``losses`` is
    the per-step loss series (a compact array: 8 bytes per step, never step dicts)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not len(losses):
        return
    fig = Figure(figsize=(10, 3.6), dpi=100)   # no pyplot: no global figure registry
    FigureCanvasAgg(fig)
    ax1, ax2 = fig.subplots(1, 2)
    stride = max(1, len(losses) // 4000)          # at most ~4,000 points drawn
    # a copy, not a view: the figure may outlive this call until the garbage collector runs,
    # and a live view of the array.array stops the loop from appending to it (BufferError)
    ys = np.array(losses, np.float64)
    ax1.plot(np.arange(1, len(ys) + 1)[::stride], ys[::stride], lw=0.6, alpha=0.5,
             label="train loss (step)")
    if epochs:
        ex = [r["step"] for r in epochs]
        ax1.plot(ex, [r["train_loss"] for r in epochs], "o-", label="train loss (epoch mean)")
        ax1.plot(ex, [r["val_loss"] for r in epochs], "s-", label="val loss")
        ax2.plot(ex, [100 * r["train_acc"] for r in epochs], "o-", label="train top-1")
        ax2.plot(ex, [100 * r["val_top1"] for r in epochs], "s-", label="val top-1")
        ax2.plot(ex, [100 * r["val_top5"] for r in epochs], "^-", label="val top-5")
    ax1.set_xlabel("step"), ax1.set_ylabel("loss"), ax1.legend(fontsize=8)
    ax2.set_xlabel("step"), ax2.set_ylabel("accuracy %"), ax2.legend(fontsize=8)
    ax1.grid(alpha=0.3), ax2.grid(alpha=0.3)
    fig.tight_layout()
    tmp = path.with_name(f".{path.name}.tmp.png")
    fig.savefig(tmp)
    os.replace(tmp, path)
