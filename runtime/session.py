"""A training session: one compiled module on one device, with the training state resident there.

The state is four to six flat buffers laid out by the parameter registry (``netspec.analysis``):
``params``, one buffer per optimizer state (``codegen.hyper.OPT_STATE``) and the BN running
statistics.  They are uploaded once (initialised or restored from a checkpoint) and then only
ever passed from one ``train_step`` call's results to the next call's arguments, as IREE
``DeviceArray``s — nothing is copied to the host per step except the two scalars ``loss`` and
``correct``.  ``state_to_host`` copies everything back (checkpoints, evaluation on the host).

Per step the host uploads the batch (images, labels), the dropout uniforms ``rand`` (only when
the network has dropout) and the small ``hyper`` vector; everything random is derived from
``(seed, step)`` with a counter-based generator, so a resumed run draws exactly the numbers the
uninterrupted run would have drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from codegen.hyper import OPT_STATE
from netspec.analysis import Analysis, analyze
from netspec.init import init_params

from .iree_run import Module, load_module

#: ``np.random.default_rng([seed, STREAM_DROPOUT, step])``: the dropout stream of a run.
STREAM_DROPOUT = 1


def state_keys(optimizer: str | None) -> list[str]:
    """The names of a session's state buffers (and of a checkpoint's tensors)."""
    return ["params", *[f"opt.{n}" for n, _ in OPT_STATE.get(optimizer, ())], "bn"]


@dataclass
class StepResult:
    loss: float
    correct: int


class Session:
    """``train_step`` / ``predict`` of one module with device-resident state."""

    def __init__(self, spec, *, vmfb_path, driver: str, batch: int, optimizer: str | None,
                 module: Module | None = None):
        """``optimizer=None``: an inference session (``predict`` only, no optimizer state)."""
        self.spec = spec
        self.analysis: Analysis = analyze(spec)
        self.batch = int(batch)
        self.optimizer = optimizer
        self.state_names: tuple[str, ...] = (
            tuple(n for n, _ in OPT_STATE[optimizer]) if optimizer else ())
        self.module = module if module is not None else load_module(vmfb_path, driver)
        self.rand_width = self.analysis.rand_width
        self._params = self._opt = self._bn = None

    # -- state ---------------------------------------------------------------------------
    def init_state(self, seed: int) -> None:
        """Parameters from the registry's init (seeded), optimizer state and BN stats fresh."""
        a = self.analysis
        host = {"params": init_params(a, seed), "bn": a.init_bn()}
        for name, value in OPT_STATE.get(self.optimizer, ()):
            host[f"opt.{name}"] = np.full((a.n_params,), value, np.float32)
        self.load_state(host)

    def state_keys(self) -> list[str]:
        return state_keys(self.optimizer)

    def load_state(self, host: dict[str, np.ndarray]) -> None:
        """Upload a full state (the dict ``state_to_host`` returns)."""
        m = self.module
        self._params = m.to_device(np.ascontiguousarray(host["params"], np.float32))
        self._opt = [m.to_device(np.ascontiguousarray(host[f"opt.{n}"], np.float32))
                     for n in self.state_names]
        self._bn = m.to_device(np.ascontiguousarray(host["bn"], np.float32))

    def state_to_host(self) -> dict[str, np.ndarray]:
        m = self.module
        out = {"params": m.to_host(self._params)}
        for n, buf in zip(self.state_names, self._opt):
            out[f"opt.{n}"] = m.to_host(buf)
        out["bn"] = m.to_host(self._bn)
        return {k: np.array(v, np.float32, copy=True) for k, v in out.items()}

    # -- calls -----------------------------------------------------------------------------
    def rand_for_step(self, seed: int, step: int) -> np.ndarray | None:
        if not self.rand_width:
            return None
        rng = np.random.default_rng([seed, STREAM_DROPOUT, step])
        return rng.random((self.batch, self.rand_width), dtype=np.float32)

    def train_step(self, images: np.ndarray, labels: np.ndarray, hyper: np.ndarray,
                   rand: np.ndarray | None = None) -> StepResult:
        args = [self._params, *self._opt, self._bn, images, labels.astype(np.int32, copy=False)]
        if self.rand_width:
            if rand is None:
                raise ValueError("this network has dropout: train_step needs rand")
            args.append(rand)
        args.append(hyper)
        out = self.module.call_device("train_step", *args)
        k = len(self.state_names)
        self._params, self._opt, self._bn = out[0], list(out[1:1 + k]), out[1 + k]
        loss = float(self.module.to_host(out[2 + k]))
        correct = int(self.module.to_host(out[3 + k]))
        return StepResult(loss, correct)

    def predict(self, images: np.ndarray) -> np.ndarray:
        """Logits f32[B, K] with the running BN statistics (inference)."""
        out = self.module.call_device("predict", self._params, self._bn, images)
        return np.asarray(self.module.to_host(out[0]))

