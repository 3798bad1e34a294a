"""The interface every peer implements (one instance per worker process).

A peer is built from the workload and the shared inputs (``bench.workloads.make_inputs``):
the same spec, initial parameters / BN statistics, image batches, labels, dropout uniforms and
hyper-parameters for every peer.  The orchestrator then calls, in this order:

    prepare()   -> build / compile; returns {"compile_s": float | None, "mlir_bytes": int | None,
                   "params": int (parameter count of the peer's own model)}
    step(i)     -> run step i on batch i % POOL; returns the loss (train) or the logits' sum
                   (predict).  Reading that scalar back is part of the step (it forces the
                   work to finish), as it is in ``netspec train``.
    check()     -> called once, right after step(0): train: {"grad_norm": ||d loss / d params||_2
                   at the initial parameters} (the worker adds step(0)'s loss);
                   predict: {"logits": the step-0 logits as a nested list}
"""

from __future__ import annotations

import numpy as np

from ..workloads import BETA1, Workload


class Peer:
    name = "?"
    label = "?"            # the column title in the report

    def __init__(self, workload: Workload, inputs: dict[str, np.ndarray],
                 options: dict | None = None):
        self.w = workload
        self.inputs = inputs
        self.options = dict(options or {})     # cache_dir, iree_flags (IREE peers)
        self.spec = workload.spec()

    def batch(self, i: int):
        """(images NHWC f32[B,H,W,3], labels i32[B], rand f32[B,R]) of step i."""
        n = self.inputs["images"].shape[0]
        return (self.inputs["images"][i % n], self.inputs["labels"][i % n],
                self.inputs["rand"][i % n])

    @staticmethod
    def grad_norm_from_first_moment(m: np.ndarray) -> float:
        """Adam's first moment after one step from zero is (1 - beta1) * grad (weight decay 0)."""
        return float(np.linalg.norm(np.asarray(m, np.float64)) / (1 - BETA1))

    def prepare(self) -> dict:
        raise NotImplementedError

    def step(self, i: int) -> float:
        raise NotImplementedError

    def check(self) -> dict:
        raise NotImplementedError
