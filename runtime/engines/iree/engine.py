"""IREE behind the engine seam: ``iree-compile`` through the content-addressed cache, a
``.vmfb`` loaded on the backend's driver, calls with ``DeviceArray``s in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from codegen.abi import ModuleABI

from ..base import Engine, Executable
from .cache import compile_mlir
from .targets import BACKENDS, backend_spec


class IreeExecutable(Executable):
    engine = "iree"

    def __init__(self, module, abi: ModuleABI | None):
        self.module = module            # runtime.engines.iree.run.Module
        self.abi = abi

    def functions(self) -> list[str]:
        return self.module.functions()

    def upload(self, array: np.ndarray) -> Any:
        return self.module.to_device(array)

    def download(self, buffer: Any) -> np.ndarray:
        return np.asarray(self.module.to_host(buffer))

    def call(self, fn: str, args: Sequence[Any]) -> tuple:
        return tuple(self.module.call_device(fn, *args))

    def __repr__(self) -> str:
        return f"IreeExecutable({self.module!r})"


class IreeEngine(Engine):
    name = "iree"

    def backends(self) -> tuple[str, ...]:
        return tuple(BACKENDS)

    def driver(self, backend: str) -> str:
        return backend_spec(backend).driver

    def devices(self, backend: str) -> list[str]:
        from .run import DriverError, open_driver
        driver = self.driver(backend)
        try:
            open_driver(driver)
        except DriverError:
            return []
        return [driver]

    def check_device(self, backend: str, count: int = 1) -> None:
        from .run import open_driver
        if count > 1:
            from netspec.errors import ConfigError
            raise ConfigError("runs one device per module on the IREE engine", where="--replicas",
                              received=count, hint="use --engine xla for data parallelism "
                                                   "(docs/distributed.md)")
        open_driver(self.driver(backend))

    def compile(self, text: str, *, backend: str, chip: str | None = None,
                extra_flags: Sequence[str] = (), cache_dir=None, source_hint: str | None = None,
                input_name: str | None = None, verify: bool = False):
        return compile_mlir(text, backend, chip, extra_flags=tuple(extra_flags), cache_dir=cache_dir,
                            verify=verify, source_hint=source_hint, input_name=input_name or "module")

    def load(self, path: str | Path, *, backend: str, abi: ModuleABI | None = None,
             driver: str | None = None) -> IreeExecutable:
        from .run import load_module
        return IreeExecutable(load_module(path, driver or self.driver(backend)), abi)
