"""A training session: one compiled module on one device, with the training state resident there.

The state is the rows of ``netspec.state.train_state(optimizer, ema)`` — ``params``, one buffer
per optimizer slot, the BN running statistics, and with EMA their averages ``ema`` /
``ema.bn`` — each a flat buffer laid out by the parameter
registry (``netspec.analysis``).  They are uploaded once (initialised or restored from a
checkpoint) and then only ever passed from one ``train_step`` call's results to the next
call's arguments as device buffers of the engine (``runtime.engines``) — nothing is copied to
the host per step except the two scalars ``loss`` and ``correct``.  ``state_to_host`` copies
everything back (checkpoints, evaluation on the host).

Which argument is which, and which result updates which state buffer, is read from the
module's ABI (``codegen.abi``, emitted with the text): arguments are filled by name and role,
results matched by state key, never by position.

Per step the host uploads the batch (images, labels), the uniforms ``rand`` (only when the
module takes them: dropout, stochastic depth) and the small ``hyper`` vector; everything random is derived from
``(seed, step)`` with a counter-based generator, so a resumed run draws exactly the numbers the
uninterrupted run would have drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from netspec.analysis import Analysis, analyze
from netspec.init import init_params
from netspec.state import state_keys, train_state

from .engines.base import Executable

#: ``np.random.default_rng([seed, STREAM_DROPOUT, step])``: the dropout stream of a run.
STREAM_DROPOUT = 1

__all__ = ["STREAM_DROPOUT", "Session", "StepResult", "state_keys"]


@dataclass
class StepResult:
    loss: float
    correct: int
    grad_norm: float | None = None   # the loss gradient's global norm (modules that clip)


class Session:
    """``train_step`` / ``predict`` of one executable with device-resident state."""

    def __init__(self, spec, executable: Executable, *, optimizer: str | None,
                 batch: int | None = None, ema: bool | None = None):
        """``optimizer=None``: an inference session (``predict`` only, no optimizer state).
        ``executable.abi`` describes the module (netspec's own emission, or a peer's module
        built to the same ABI).  ``ema``: the train step carries the EMA rows (None: as the
        module's ABI says)."""
        self.spec = spec
        self.analysis: Analysis = analyze(spec)
        self.exe = executable
        self.abi = executable.abi
        if self.abi is None:
            raise ValueError("a Session needs the executable's ABI (codegen.abi)")
        self.optimizer = optimizer
        if ema is None:
            ema = bool(optimizer) and "ema" in self.abi.state
        self.ema = bool(ema)
        self.state = train_state(optimizer, self.ema)
        fn = "train_step" if optimizer else "predict"
        want = [s.key for s in self.state] if optimizer else ["params", "bn"]
        got = [t.key for t in self.abi[fn].state_args()]
        if got != want:
            raise ValueError(f"@{fn} carries the state {got}, a {optimizer or 'inference'} "
                             f"session needs {want}")
        # the global batch: a data-parallel module (abi.replicas > 1) gets it whole and the
        # engine splits it evenly, replica r taking rows [r * abi.batch, (r + 1) * abi.batch)
        self.batch = int(self.abi.global_batch if batch is None else batch)
        if self.batch != self.abi.global_batch:
            raise ValueError(f"the module was emitted for batch {self.abi.global_batch}, not {self.batch}")
        # the module's own rand width (dropout, and stochastic depth when it was emitted so)
        self.rand_width = next((int(t.shape[1]) for t in self.abi[fn].args if t.name == "rand"), 0)
        self._state: dict[str, object] = {}
        # read once from the ABI: where each result goes (the step loop only indexes)
        self._outputs = {f: ([(i, t.key) for i, t in enumerate(self.abi[f].results) if t.role == "state"],
                             {t.name: i for i, t in enumerate(self.abi[f].results) if t.role == "output"})
                         for f in ("train_step", "predict") if f in self.abi}

    # -- state ---------------------------------------------------------------------------
    def init_state(self, seed: int) -> None:
        """Parameters from the registry's init (seeded), optimizer state and BN stats fresh."""
        a = self.analysis
        fresh = {"params": lambda: init_params(a, seed), "bn": a.init_bn}
        host = {}
        for s in self.state:     # a copy_of row follows the row it copies (train_state order)
            host[s.key] = (host[s.copy_of].copy() if s.copy_of is not None else
                           fresh[s.space]() if s.fill is None else
                           np.full((a.n_params if s.space == "params" else a.n_bn_floats,),
                                   s.fill, np.float32))
        self.load_state(host)

    def state_keys(self) -> list[str]:
        return state_keys(self.optimizer, self.ema)

    def load_state(self, host: dict[str, np.ndarray]) -> None:
        """Upload a full state (the dict ``state_to_host`` returns)."""
        self._state = {s.key: self.exe.upload(np.ascontiguousarray(host[s.key], np.float32))
                       for s in self.state}

    def state_to_host(self) -> dict[str, np.ndarray]:
        return {k: np.array(self.exe.download(v), np.float32, copy=True)
                for k, v in self._state.items()}

    # -- calls -----------------------------------------------------------------------------
    def rand_for_step(self, seed: int, step: int) -> np.ndarray | None:
        if not self.rand_width:
            return None
        rng = np.random.default_rng([seed, STREAM_DROPOUT, step])
        return rng.random((self.batch, self.rand_width), dtype=np.float32)

    def _args(self, fn: str, data: dict, keys: dict | None = None) -> list:
        """``keys``: state key -> the key of the buffer passed in its place."""
        args = []
        for t in self.abi[fn].args:
            if t.role == "state":
                args.append(self._state[(keys or {}).get(t.key, t.key)])
                continue
            value = data.get(t.name)
            if value is None:
                raise ValueError(f"@{fn} needs {t.name} {t.mlir_type}"
                                 + (" (this network has dropout)" if t.name == "rand" else ""))
            args.append(value)
        return args

    def train_step(self, images: np.ndarray, labels: np.ndarray, hyper: np.ndarray,
                   rand: np.ndarray | None = None) -> StepResult:
        labels = labels.astype(np.int32, copy=False) if labels.ndim == 1 else labels
        data = {"images": images, "labels": labels, "targets": labels, "rand": rand, "hyper": hyper}
        out = self.exe.call("train_step", self._args("train_step", data))
        state, outputs = self._outputs["train_step"]
        for i, key in state:
            self._state[key] = out[i]
        loss = float(self.exe.download(out[outputs["loss"]]))
        correct = int(self.exe.download(out[outputs["correct"]]))
        norm = (float(self.exe.download(out[outputs["grad_norm"]])) if "grad_norm" in outputs
                else None)
        return StepResult(loss, correct, norm)

    #: ``predict(weights=...)``: which state rows stand in for ``params`` and ``bn``.
    WEIGHTS = {"raw": {}, "ema": {"params": "ema", "bn": "ema.bn"}}

    def predict(self, images: np.ndarray, weights: str = "raw") -> np.ndarray:
        """Logits f32[B, K] with the running BN statistics (inference); ``weights="ema"``:
        with the EMA parameters and BN statistics of a session that carries them."""
        if weights not in self.WEIGHTS:
            raise ValueError(f"weights must be one of {list(self.WEIGHTS)}, not {weights!r}")
        if weights == "ema" and "ema" not in self._state:
            raise ValueError("this session carries no EMA weights")
        out = self.exe.call("predict", self._args("predict", {"images": images},
                                                   self.WEIGHTS[weights]))
        return np.asarray(self.exe.gather(out[self._outputs["predict"][1]["logits"]]))


def open_session(built, *, optimizer: str | None, engine: str | None = None) -> Session:
    """The session of a ``runtime.build.Build``: its executable loaded by ``engine`` (default:
    the build's own) on the build's backend, with the build's ABI."""
    from .engines import get_engine
    res = built.result
    engine = engine or built.manifest.get("engine", "iree")
    exe = get_engine(engine).load(built.vmfb_path, backend=res.backend, abi=built.abi,
                                  driver=res.driver)
    return Session(built.plan.spec, exe, optimizer=optimizer)
