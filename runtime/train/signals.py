"""SIGINT / SIGTERM during a run: a flag the loop polls between steps."""

from __future__ import annotations

import signal

EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}


class Interrupts:
    """SIGINT / SIGTERM set a flag the loop polls between steps; a second SIGINT aborts."""

    def __init__(self):
        self.signum: int | None = None
        self._old = {}

    def __enter__(self):
        for s in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[s] = signal.signal(s, self._handle)
            except ValueError:   # not the main thread: leave the defaults alone
                pass
        return self

    def _handle(self, signum, frame):
        if self.signum is not None and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.signum = signum

    def __exit__(self, *exc):
        for s, h in self._old.items():
            signal.signal(s, h)

    @property
    def name(self) -> str | None:
        return None if self.signum is None else signal.Signals(self.signum).name
