"""The engine seam: what netspec needs from a compiler + runtime to run its emitted modules.

An ``Engine`` compiles the emitted StableHLO text for a target (``--backend``: the hardware,
cpu | rocm | cuda | vulkan) and loads the result as an ``Executable`` on a device; the
executable moves buffers between host and device and calls a function with device buffers in
and out, so the training state stays resident between calls.  ``train``, ``eval``,
``predict``, ``verify`` and the benchmarks use only this seam (``runtime.session``), and the
function ABI (``codegen.abi``) tells them what each argument and result is.

IREE (``runtime.engines.iree``) is the first engine; ``--engine`` chooses
(``runtime.engines.get_engine``).
"""

from __future__ import annotations

import abc
from pathlib import Path
from typing import Any, ClassVar, Sequence

import numpy as np

from codegen.abi import ModuleABI


class Executable(abc.ABC):
    """One compiled module loaded on one device."""

    engine: str
    abi: ModuleABI | None

    @abc.abstractmethod
    def functions(self) -> list[str]:
        """The exported function names."""

    @abc.abstractmethod
    def upload(self, array: np.ndarray) -> Any:
        """A host array -> a device buffer (kept until dropped)."""

    @abc.abstractmethod
    def download(self, buffer: Any) -> np.ndarray:
        """A device buffer (or host array) -> a host array."""

    def gather(self, buffer: Any) -> np.ndarray:
        """A per-replica result (``logits``) -> the host array of every replica's rows, in
        replica order (one device: ``download``)."""
        return self.download(buffer)

    @abc.abstractmethod
    def call(self, fn: str, args: Sequence[Any]) -> tuple:
        """Call ``fn`` with device buffers or host arrays; -> device buffers (nothing is copied
        back to the host)."""

    def call_host(self, fn: str, args: Sequence[Any]) -> tuple[np.ndarray, ...]:
        """Call and copy every result back (tests, verify, one-off calls)."""
        return tuple(self.download(r) for r in self.call(fn, args))


class Engine(abc.ABC):
    """A compiler + runtime pair netspec can run emitted modules on."""

    name: ClassVar[str]
    artifact_suffix: ClassVar[str] = ".vmfb"    # the compiled module's file name suffix

    @abc.abstractmethod
    def backends(self) -> tuple[str, ...]:
        """The target hardware names it compiles for (``--backend``)."""

    @abc.abstractmethod
    def devices(self, backend: str) -> list[str]:
        """The devices of ``backend`` this machine can run on (empty: none)."""

    @abc.abstractmethod
    def check_device(self, backend: str, count: int = 1) -> None:
        """Raise a NetspecError naming the backend when this machine cannot run it on
        ``count`` devices — before anything is compiled or written."""

    @abc.abstractmethod
    def compile(self, text: str, *, backend: str, chip: str | None = None,
                extra_flags: Sequence[str] = (), cache_dir=None, source_hint: str | None = None,
                input_name: str | None = None, verify: bool = False):
        """Compile module text for a target (content-addressed cache; ``verify``: parse and
        verify the text first); -> the engine's result record (``vmfb_path``: the compiled
        file; ``backend``, ``chip``, ``driver``, ``key``, ``cache_hit``, ``seconds``...)."""

    @abc.abstractmethod
    def load(self, path: str | Path, *, backend: str, abi: ModuleABI | None = None) -> Executable:
        """Load a compiled executable on ``backend``'s device."""
