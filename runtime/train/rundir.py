"""The run directory: its lock (one ``netspec train`` per directory), metrics.jsonl and the list
of unreadable images (bad_images.txt)."""

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
        self.bad_images = self.path / "bad_images.txt"
        self.lock_file = self.path / ".lock"
        self._lock_fd: int | None = None
        self._metrics_f = None

    def lock(self) -> None:
        """Refuse a second ``netspec train`` on the same directory (the lock dies with us)."""
        self.path.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
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

    def read_bad_images(self) -> dict[str, str]:
        return read_bad_images(self.bad_images)

    def write_bad_images(self, files: dict[str, str]) -> None:
        """bad_images.txt: one line per unreadable file, ``path<TAB>reason`` (atomic)."""
        write_atomic(self.bad_images, "".join(
            f"{_one_line(p)}\t{_one_line(r)}\n" for p, r in files.items()))

    def held_by(self) -> str | None:
        """The pid (as recorded) of the ``netspec train`` holding this directory's lock, or
        None when no process holds it.  Probes with a shared non-blocking ``flock`` on a fresh
        descriptor, released at once, so a live trainer is never disturbed (a trainer that
        starts in that instant is refused, as for any second trainer)."""
        try:
            fd = os.open(self.lock_file, os.O_RDONLY)
        except OSError:
            return None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return os.read(fd, 64).decode(errors="replace").strip() or "?"
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)

    def cut_metrics(self, step: int, epochs_evaluated: int) -> list[dict]:
        """Keep the records of steps < ``step`` and epochs < ``epochs_evaluated`` (atomic)."""
        keep = [r for r in self.read_metrics()
                if (r.get("kind") == "step" and r["step"] < step)
                or (r.get("kind") == "epoch" and r["epoch"] < epochs_evaluated)]
        write_atomic(self.metrics, "".join(json.dumps(r, sort_keys=True) + "\n" for r in keep))
        return keep


def _one_line(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split())


def read_bad_images(path: Path) -> dict[str, str]:
    """bad_images.txt as {path: reason}; missing file: {}; malformed lines are skipped."""
    out: dict[str, str] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except (FileNotFoundError, NotADirectoryError):
        return out
    for line in lines:
        p, sep, reason = line.partition("\t")
        if sep and p:
            out[p] = reason
    return out


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


class FollowerRunDir(RunDir):
    """The run directory as a process other than process 0 of a multi-process run sees it
    (``runtime.distributed``): read (``--resume``), never written — process 0 holds the lock
    and writes checkpoints, metrics and plots.  Its module build goes to a private temporary
    directory, removed by ``unlock``."""

    def __init__(self, path: Path):
        super().__init__(path)
        import tempfile
        self.module_dir = Path(tempfile.mkdtemp(prefix="netspec-follower-module-"))

    def lock(self) -> None:
        pass

    def unlock(self) -> None:
        import shutil
        shutil.rmtree(self.module_dir, ignore_errors=True)

    def append(self, record: dict) -> None:
        pass

    def write_bad_images(self, files: dict[str, str]) -> None:
        pass

    def cut_metrics(self, step: int, epochs_evaluated: int) -> list[dict]:
        return [r for r in self.read_metrics()
                if (r.get("kind") == "step" and r["step"] < step)
                or (r.get("kind") == "epoch" and r["epoch"] < epochs_evaluated)]
