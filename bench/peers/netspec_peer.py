"""The netspec peer: the emitted module, compiled and run exactly as ``netspec train`` does
(``runtime.build.build`` -> ``runtime.session.open_session`` on the chosen engine: state
resident on the device,
the batch and the hyper vector uploaded and ``loss``/``correct`` read back per step)."""

from __future__ import annotations

import contextlib
import sys
import time

from .base import Peer
from .jax_peer import _load, _session_check, _session_step
from ..workloads import OPTIMIZER


@contextlib.contextmanager
def _stage_lines():
    """A ``runtime.progress.Reporter`` writing one ``bench.suite.PROGRESS_MARK`` line per
    stage to stderr (the worker's log, which the suite follows while the peer prepares)."""
    from rich.console import Console

    from runtime.progress import ConsoleProgress, Reporter
    from ..suite import PROGRESS_MARK
    console = Console(file=sys.stderr, force_terminal=False, no_color=True, highlight=False,
                      soft_wrap=True)
    with ConsoleProgress(console, prefix=PROGRESS_MARK, live=False) as show:
        yield Reporter(show)


class NetspecPeer(Peer):
    name = "netspec"
    label = "netspec"

    def prepare(self) -> dict:
        from netspec import TrainConfig
        from runtime.build import build
        from runtime.session import open_session
        fn = "predict" if self.w.kind == "predict" else "train_step"
        with _stage_lines() as rep:     # the compile's stages, relayed by bench.suite
            t = time.perf_counter()
            built = build(self.spec, TrainConfig(batch_size=self.w.batch, optimizer=OPTIMIZER),
                          backend="cpu", batch=self.w.batch, functions=(fn,),
                          extra_flags=self.options.get("iree_flags", ()),
                          cache_dir=self.options.get("cache_dir"),
                          engine=self.options.get("engine", "iree"), progress=rep)
            seconds = time.perf_counter() - t
            opt = None if self.w.kind == "predict" else OPTIMIZER
            rep("load", driver=built.result.driver)
            self.session = open_session(built, optimizer=opt,
                                        engine=self.options.get("engine", "iree"))
            rep("done")
        _load(self.session, self.inputs)
        return {"compile_s": seconds, "cache_hit": built.result.cache_hit,
                "mlir_bytes": len(built.text.encode()), "params": self.session.analysis.n_params}

    def step(self, i: int) -> float:
        return _session_step(self, i)

    def check(self) -> dict:
        return _session_check(self)
