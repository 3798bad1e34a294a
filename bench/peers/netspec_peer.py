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
    replicas = 1           # > 1: the data-parallel module (sync BN), the workload's batch split evenly

    @property
    def engine(self) -> str:
        return self.options.get("engine", "iree")

    def prepare(self) -> dict:
        from netspec import TrainConfig
        from runtime.build import build
        from runtime.session import open_session
        fn = "predict" if self.w.kind == "predict" else "train_step"
        with _stage_lines() as rep:     # the compile's stages, relayed by bench.suite
            t = time.perf_counter()
            prec = self.w.precision      # the workload's netspec.precision mode
            config = TrainConfig(batch_size=self.w.batch, optimizer=OPTIMIZER,
                                 bf16=prec == "bf16", bf16_conv=prec in ("bf16", "bf16_conv"))
            built = build(self.spec, config,
                          backend="cpu", batch=self.w.batch, functions=(fn,),
                          extra_flags=self.options.get("iree_flags", ()) if self.engine == "iree" else (),
                          cache_dir=self.options.get("cache_dir"),
                          engine=self.engine, progress=rep, replicas=self.replicas,
                          sync_bn=self.replicas > 1)
            seconds = time.perf_counter() - t
            opt = None if self.w.kind == "predict" else OPTIMIZER
            rep("load", driver=built.result.driver)
            self.session = open_session(built, optimizer=opt, engine=self.engine)
            rep("done")
        _load(self.session, self.inputs)
        return {"compile_s": seconds, "cache_hit": built.result.cache_hit,
                "mlir_bytes": len(built.text.encode()), "params": self.session.analysis.n_params}

    def step(self, i: int) -> float:
        return _session_step(self, i)

    def check(self) -> dict:
        return _session_check(self)


class NetspecXlaPeer(NetspecPeer):
    """The same emitted module on XLA's CPU compiler (``--engine xla``), one device."""
    name = "netspec-xla"
    label = "netspec on XLA CPU"

    @property
    def engine(self) -> str:
        return "xla"


class NetspecXlaDp2Peer(NetspecXlaPeer):
    """The data-parallel module (``--replicas 2 --sync-bn``: the same function as one
    replica, so the step-0 check applies) on 2 XLA host devices.  On a 2-core machine this
    measures the overhead of replication and the all-reduces, not a speed-up (the devices
    share the same cores)."""
    name = "netspec-xla-dp2"
    label = "netspec XLA 2 replicas"
    replicas = 2


class NetspecXlaDp4Peer(NetspecXlaDp2Peer):
    name = "netspec-xla-dp4"
    label = "netspec XLA 4 replicas"
    replicas = 4
