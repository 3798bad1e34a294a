"""The compile progress of the commands.

    with stage_display() as progress:            # on stderr
        built = build(..., progress=progress)

Which stream: where the command's own human output goes when that is all its stdout holds
(``netspec compile``, ``eval``: stdout, so that a failed compile's stderr is its error message
alone; ``train`` shows it on its console too), else stderr (``verify`` and ``predict``, whose
stdout may be JSON).

On a terminal one live line (stage and seconds elapsed, updating) replaced by a final
``done in 41.3 s (compiled in 41.0 s)`` line; in CI logs and pipes one line per stage as it
starts ("emitting...", "verifying...", "compiling (IREE llvm-cpu)...", "cache hit, compiled
2026-01-02 10:11 in 41.2 s", ...) and the same final line.  The display itself is
``runtime.progress.ConsoleProgress`` (``netspec train`` shows it on its own console).
"""

from __future__ import annotations

import contextlib

from rich.console import Console


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def stage_display(console: Console | None = None, **kwargs):
    """A ``runtime.progress.ConsoleProgress`` on ``console`` (default: stderr); the live line
    stops when the block ends, also on an error."""
    from runtime.progress import ConsoleProgress

    with ConsoleProgress(console or stderr_console(), **kwargs) as show:
        yield show
