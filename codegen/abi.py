"""The ABI of an emitted module: every function's arguments and results, typed and named.

Emission returns this description next to the text (``codegen.emit``); the session, the
compile manifest, checkpoints, the bench peers and the profiler read it instead of parsing
the MLIR or counting positions.  It is derived from the two tables of ``netspec.state``: the
training state (``train_state``: parameters, optimizer slots, BN statistics) and ``HYPER``.

A tensor's ``role`` says where its value comes from:
  state      a training-state buffer (``key``: its checkpoint key, "params", "opt.m", "bn")
  data       a per-step input the host uploads: images, labels | targets, rand
  hyper      the runtime scalars f32[len(HYPER)]
  output     a per-step result read back: logits, loss, correct, grads, d_images
"""

from __future__ import annotations

from dataclasses import dataclass, field

ABI_FORMAT = 1


@dataclass(frozen=True)
class Tensor:
    name: str                       # the MLIR argument name (%name) / the documented result name
    shape: tuple[int, ...]
    dtype: str                      # f32 | f64 | i32
    role: str                       # state | data | hyper | output
    key: str | None = None          # state: the training-state key ("params", "opt.m", "bn")

    @property
    def mlir_type(self) -> str:
        return "tensor<" + "".join(f"{d}x" for d in self.shape) + self.dtype + ">"

    def to_dict(self) -> dict:
        d = {"name": self.name, "shape": list(self.shape), "dtype": self.dtype,
             "type": self.mlir_type, "role": self.role}
        if self.key is not None:
            d["key"] = self.key
        return d

    @staticmethod
    def from_dict(d: dict) -> "Tensor":
        return Tensor(d["name"], tuple(d["shape"]), d["dtype"], d["role"], d.get("key"))


@dataclass(frozen=True)
class FunctionABI:
    name: str
    args: tuple[Tensor, ...]
    results: tuple[Tensor, ...]

    @property
    def signature(self) -> str:
        """The ``func.func`` line as emitted (without the body's brace)."""
        args = ", ".join(f"%{t.name}: {t.mlir_type}" for t in self.args)
        res = ", ".join(t.mlir_type for t in self.results)
        return f"func.func @{self.name}({args}) -> ({res})"

    def arg(self, name: str) -> Tensor:
        return _find(self.args, name, self.name, "argument")

    def result(self, name: str) -> Tensor:
        return _find(self.results, name, self.name, "result")

    def arg_names(self) -> list[str]:
        return [t.name for t in self.args]

    def result_index(self, name: str) -> int:
        return self.results.index(self.result(name))

    def state_args(self) -> list[Tensor]:
        return [t for t in self.args if t.role == "state"]

    def state_results(self) -> list[Tensor]:
        return [t for t in self.results if t.role == "state"]

    def to_dict(self) -> dict:
        return {"signature": self.signature, "args": [t.to_dict() for t in self.args],
                "results": [t.to_dict() for t in self.results]}

    @staticmethod
    def from_dict(name: str, d: dict) -> "FunctionABI":
        return FunctionABI(name, tuple(Tensor.from_dict(t) for t in d["args"]),
                           tuple(Tensor.from_dict(t) for t in d["results"]))


def _find(ts, name, fn, what) -> Tensor:
    for t in ts:
        if t.name == name:
            return t
    raise KeyError(f"@{fn} has no {what} named {name!r} (it has {[t.name for t in ts]})")


@dataclass(frozen=True)
class ModuleABI:
    """What an emitted module exposes.  ``hyper``: the names of the hyper vector's entries;
    ``state``: the training-state keys the module's train_step carries (empty without one)."""
    functions: dict[str, FunctionABI]
    hyper: tuple[str, ...]
    optimizer: str
    dtype: str
    batch: int                      # per replica
    state: tuple[str, ...] = field(default=())
    replicas: int = 1               # > 1: data parallel, the global batch is batch * replicas
    sync_bn: bool = False

    @property
    def global_batch(self) -> int:
        return self.batch * self.replicas

    def __getitem__(self, fn: str) -> FunctionABI:
        try:
            return self.functions[fn]
        except KeyError:
            raise KeyError(f"the module has no function @{fn} (it has "
                           f"{', '.join('@' + f for f in self.functions)})") from None

    def __contains__(self, fn: str) -> bool:
        return fn in self.functions

    def to_dict(self) -> dict:
        return {"format": ABI_FORMAT, "optimizer": self.optimizer, "dtype": self.dtype,
                "batch": self.batch, "hyper": list(self.hyper), "state": list(self.state),
                "replicas": self.replicas, "sync_bn": self.sync_bn,
                "functions": {n: f.to_dict() for n, f in self.functions.items()}}

    @staticmethod
    def from_dict(d: dict) -> "ModuleABI":
        if d.get("format") != ABI_FORMAT:
            raise ValueError(f"unknown ABI format {d.get('format')!r} (this netspec reads {ABI_FORMAT})")
        return ModuleABI({n: FunctionABI.from_dict(n, f) for n, f in d["functions"].items()},
                         tuple(d["hyper"]), d["optimizer"], d["dtype"], int(d["batch"]),
                         tuple(d.get("state", ())), int(d.get("replicas", 1)),
                         bool(d.get("sync_bn", False)))


@dataclass(frozen=True)
class Emitted:
    """An emitted module: its text and its ABI."""
    text: str
    abi: ModuleABI
