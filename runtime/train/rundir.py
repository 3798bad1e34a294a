"""The run directory: its lock (one ``netspec train`` per directory) and metrics.jsonl."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

from netspec.atomic import write_atomic

from .errors import TrainError


class RunDir:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.ckpt_dir = self.path / "checkpoints"
        self.last = self.ckpt_dir / "last.safetensors"
        self.best = self.ckpt_dir / "best.safetensors"
        self.metrics = self.path / "metrics.jsonl"
        self.curves = self.path / "curves.png"
        self.module_dir = self.path / "module"
        self._lock_fd: int | None = None
        self._metrics_f = None

    def lock(self) -> None:
        """Refuse a second ``netspec train`` on the same directory (the lock dies with us)."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                other = os.read(fd, 64).decode(errors="replace").strip() or "?"
            finally:
                os.close(fd)
            raise TrainError(f"run directory {self.path} is in use by another netspec train "
                             f"(pid {other})\n  hint: wait for it, stop it, or pass another "
                             "--out") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def unlock(self) -> None:
        if self._metrics_f is not None:
            self._metrics_f.close()
            self._metrics_f = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def append(self, record: dict) -> None:
        if self._metrics_f is None:
            self._metrics_f = open(self.metrics, "a", encoding="utf-8")
        self._metrics_f.write(json.dumps(record, sort_keys=True) + "\n")
        self._metrics_f.flush()

    def read_metrics(self) -> list[dict]:
        return read_metrics(self.metrics)

    def cut_metrics(self, step: int, epochs_evaluated: int) -> list[dict]:
        """Keep the records of steps < ``step`` and epochs < ``epochs_evaluated`` (atomic)."""
        keep = [r for r in self.read_metrics()
                if (r.get("kind") == "step" and r["step"] < step)
                or (r.get("kind") == "epoch" and r["epoch"] < epochs_evaluated)]
        write_atomic(self.metrics, "".join(json.dumps(r, sort_keys=True) + "\n" for r in keep))
        return keep


def read_metrics(path: Path) -> list[dict]:
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return out
    for line in lines:
        try:
            out.append(json.loads(line))
        except ValueError:   # a line cut by a crash: everything before it is intact
            break
    return out
