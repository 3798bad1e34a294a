"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never a part.

Temporaries are named ``.<name>.<random>.tmp`` in the target's directory, so a writer killed
mid-write leaves only such a file (``remove_stale_tmp`` clears them).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def sha256_file(path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB chunks (checkpoints, modules, weights)."""
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def remove_stale_tmp(path) -> None:
    """Delete temporaries a killed writer of ``path`` left behind."""
    path = Path(path)
    for p in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            p.unlink()
        except OSError:
            pass


def write_atomic(path, text: str | bytes) -> int:
    """Write ``text`` to ``path`` atomically; return the number of bytes written.

    The bytes go to a temporary file in the same directory, are flushed to disk, and the file
    is renamed over ``path`` (``os.replace``): a reader sees the old file or the new one, never
    a partial write, and an error leaves ``path`` untouched.  Text is written as UTF-8 with
    ``\\n`` line endings exactly as given.  The new file keeps the mode of the file it replaces
    (else the usual 0666 minus the umask, not mkstemp's 0600).
    """
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(directory)   # the rename itself survives a power cut
    return len(data)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
