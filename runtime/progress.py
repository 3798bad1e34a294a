"""Progress of a build: stage events, and the console display the commands and ``train`` share.

The pipeline functions (``runtime.build.build``, ``runtime.inference.inference_session``,
``runtime.verify.compile_grads_module`` / ``check_grads``) never print; they take
``progress=``, a callable that receives one :class:`StageEvent` as each stage starts:

    emit       the module text is being emitted (codegen)
    verify     the text is being verified (IREE's parser and op verifiers)
    compile    ``iree-compile`` runs for ``target`` (llvm-cpu, hip, cuda, vulkan), or the
               content-addressed cache is looked up
    cache hit  the cache had the module; ``compiled`` / ``compile_seconds``: when, and how long
               the compile that made the entry took
    load       the compiled module is being loaded on ``driver``
    done       the pipeline finished (``elapsed``: its total time)

(``check_grads`` adds ``run``, ``reference`` and ``compare``.)  ``elapsed`` counts from the
start of the pipeline.

Composition: a pipeline that calls another passes its :class:`Reporter` down; the inner one
then reports on the same clock and leaves ``done`` to the outer one
(``Reporter.joined``).  So ``inference_session`` reports emit, verify, compile, load, done.

:class:`ConsoleProgress` shows the events on a rich console: on a terminal one live line (a
spinner, the stage and the seconds elapsed, redrawn 4 times a second); anywhere else (CI logs,
pipes) one line per stage as it starts; both end with a line giving the time.  ``netspec
compile`` and ``eval`` show it on stdout before their summary, ``verify`` and ``predict`` on
stderr (their stdout may be JSON; ``netspec.commands._progress``), ``netspec train`` on its
console, after the run header.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Protocol

__all__ = ["STAGES", "ConsoleProgress", "Progress", "Reporter", "StageEvent", "describe"]

STAGES = ("emit", "verify", "compile", "cache hit", "load", "done")


@dataclass(frozen=True)
class StageEvent:
    stage: str                            # one of STAGES, or a pipeline's own (run, ...)
    elapsed: float                        # seconds since the pipeline started
    target: str | None = None             # compile: iree-compile's target (llvm-cpu, ...)
    chip: str | None = None               # compile: the target chip
    compiled: str | None = None           # cache hit: when the entry was compiled (ISO time)
    compile_seconds: float | None = None  # cache hit: how long that compile took
    driver: str | None = None             # load: the runtime driver


class Progress(Protocol):
    def __call__(self, event: StageEvent) -> None: ...


class Reporter:
    """Sends :class:`StageEvent`\\ s to ``progress`` (if any) on one clock."""

    def __init__(self, progress: Progress | Callable[[StageEvent], None] | None = None):
        self.progress = progress
        self.t0 = time.perf_counter()

    @classmethod
    def joined(cls, progress) -> tuple["Reporter", bool]:
        """(reporter, owner): ``progress`` itself when it is a Reporter (a caller's pipeline:
        it reports ``done``), else a new one that this pipeline owns (it reports ``done``)."""
        if isinstance(progress, Reporter):
            return progress, False
        return cls(progress), True

    def __call__(self, stage: str, **fields) -> None:
        if self.progress is not None:
            self.progress(StageEvent(stage, time.perf_counter() - self.t0, **fields))


# --------------------------------------------------------------------------- the display
def _when(iso: str | None) -> str:
    """'2026-01-02T10:11:12+0100' -> '2026-01-02 10:11'."""
    return iso[:16].replace("T", " ") if iso else "earlier"


def describe(ev: StageEvent) -> str:
    """The line that announces ``ev`` ("compiling (IREE llvm-cpu)...")."""
    s = ev.stage
    if s == "emit":
        return "emitting..."
    if s == "verify":
        return "verifying..."
    if s == "compile":
        if not ev.target:
            return "compiling..."
        if ev.target.startswith("xla-"):
            return f"compiling (XLA {ev.target[4:]})..."
        return f"compiling (IREE {ev.target})..."
    if s == "cache hit":
        took = f" in {ev.compile_seconds:.1f} s" if ev.compile_seconds is not None else ""
        return f"cache hit, compiled {_when(ev.compiled)}{took}"
    if s == "load":
        return f"loading on {ev.driver}..." if ev.driver else "loading..."
    if s == "reference":
        return "reference (JAX float64)..."
    if s == "run":
        return "running..."
    if s == "compare":
        return "comparing..."
    if s == "done":
        return f"done in {ev.elapsed:.1f} s"
    return f"{s}..."


class _LiveLine:
    """The renderable of the live line: redrawn on each refresh, so the seconds advance."""

    def __init__(self, prefix: str):
        from rich.spinner import Spinner
        self.prefix = prefix
        self.spinner = Spinner("dots", style="cyan")
        self.label = ""
        self.base = 0.0                   # elapsed at the last event ...
        self.at = time.perf_counter()     # ... and when it arrived

    def set(self, label: str, elapsed: float) -> None:
        self.label, self.base, self.at = label, elapsed, time.perf_counter()

    def __rich__(self):
        from rich.table import Table
        from rich.text import Text
        seconds = self.base + time.perf_counter() - self.at
        self.spinner.update(text=Text(f"{self.label}  {seconds:.1f} s"))
        if not self.prefix:
            return self.spinner
        grid = Table.grid()
        grid.add_row(Text(self.prefix), self.spinner)
        return grid


class ConsoleProgress:
    """A :class:`Progress` that shows the events on ``console`` (see the module docstring).

    Use it as a context manager: leaving it stops the live line (also on an error or
    Ctrl-C).  ``prefix`` starts every line (``train``: its header's "  compile" column);
    ``live`` (default: whether the console is an interactive terminal) chooses the live
    line."""

    def __init__(self, console, *, prefix: str = "", live: bool | None = None):
        self.console = console
        self.prefix = prefix
        if live is None:        # a terminal that can redraw a line (not TERM=dumb)
            live = getattr(console, "is_interactive", console.is_terminal)
        self.live = live
        self._line: _LiveLine | None = None
        self._live = None
        self._compile_at: float | None = None      # elapsed when "compile" started
        self._compile_took: float | None = None    # ... and how long it took
        self._hit: StageEvent | None = None

    def __enter__(self) -> "ConsoleProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _print(self, text: str, style: str | None = "dim") -> None:
        from rich.markup import escape
        body = f"[{style}]{escape(text)}[/{style}]" if style else escape(text)
        self.console.print(f"{escape(self.prefix)}{body}", highlight=False, soft_wrap=True)

    def summary(self, ev: StageEvent) -> str:
        """The final line: the total time and what the compile was."""
        line = describe(ev)
        if self._hit is not None:
            line += f" ({describe(self._hit)})"
        elif self._compile_took is not None:
            line += f" (compiled in {self._compile_took:.1f} s)"
        return line

    def __call__(self, ev: StageEvent) -> None:
        if self._compile_at is not None and self._compile_took is None and ev.stage != "compile":
            self._compile_took = ev.elapsed - self._compile_at
        if ev.stage == "compile":
            self._compile_at, self._compile_took = ev.elapsed, None
        elif ev.stage == "cache hit":
            self._hit = ev
        if ev.stage == "done":
            self.close()
            self._print(self.summary(ev), style=None)
            return
        if not self.live:
            self._print(describe(ev))
            return
        if self._live is None:
            from rich.live import Live
            self._line = _LiveLine(self.prefix)
            self._live = Live(self._line, console=self.console, transient=True,
                              refresh_per_second=4)
            self._live.start()
        self._line.set(describe(ev), ev.elapsed)
        self._live.refresh()
