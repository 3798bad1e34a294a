"""The netspec peer: the emitted module, compiled and run exactly as ``netspec train`` does
(``runtime.build.build`` -> ``runtime.session.open_session`` on the chosen engine: state
resident on the device,
the batch and the hyper vector uploaded and ``loss``/``correct`` read back per step)."""

from __future__ import annotations

import time

from .base import Peer
from .jax_peer import _load, _session_check, _session_step
from ..workloads import OPTIMIZER


class NetspecPeer(Peer):
    name = "netspec"
    label = "netspec"

    def prepare(self) -> dict:
        from netspec import TrainConfig
        from runtime.build import build
        from runtime.session import open_session
        fn = "predict" if self.w.kind == "predict" else "train_step"
        t = time.perf_counter()
        built = build(self.spec, TrainConfig(batch_size=self.w.batch, optimizer=OPTIMIZER),
                      backend="cpu", batch=self.w.batch, functions=(fn,),
                      extra_flags=self.options.get("iree_flags", ()),
                      cache_dir=self.options.get("cache_dir"),
                      engine=self.options.get("engine", "iree"))
        seconds = time.perf_counter() - t
        opt = None if self.w.kind == "predict" else OPTIMIZER
        self.session = open_session(built, optimizer=opt, engine=self.options.get("engine", "iree"))
        _load(self.session, self.inputs)
        return {"compile_s": seconds, "cache_hit": built.result.cache_hit,
                "mlir_bytes": len(built.text.encode()), "params": self.session.analysis.n_params}

    def step(self, i: int) -> float:
        return _session_step(self, i)

    def check(self) -> dict:
        return _session_check(self)
