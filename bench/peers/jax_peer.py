"""The JAX peers: a JAX training step a user would write (``jit(value_and_grad)`` of the model),
run two ways.

- ``jax-xla``: ``jax.jit`` on XLA's CPU backend, state donated step to step.
- ``jax-iree-nchw`` / ``jax-iree-nhwc``: the same step exported to StableHLO
  (``jax.jit(step).lower(...).as_text()``) and compiled by IREE for llvm-cpu with exactly the
  flags netspec uses, then run by netspec's own runtime session (``runtime.session.Session``:
  state resident on the device, the batch uploaded and ``loss``/``correct`` read back per
  step).  The module has netspec's ``train_step`` / ``predict`` ABI — the argument list is
  read from netspec's own emission (``codegen.emit(...).abi``) and the session is given that
  ABI — so the ONLY difference from the ``netspec`` peer is the StableHLO: autodiff's against
  the hand-written emitter's.  That isolates the quality of netspec's emitted IR.

The model is ``netspec.reference.Reference`` (the test oracle, built from the same spec and
parameter registry) in the chosen activation layout; its gradient is ``jax.value_and_grad`` and
its update the Adam formula of ``netspec/state.py``.  Flat state buffers are split into and
joined from the registry's tensors inside the step, as netspec's module does.
"""

from __future__ import annotations

import time

import numpy as np

from .base import Peer
from ..workloads import OPTIMIZER, hyper_vector


def netspec_abi(w):
    """netspec's ABI of the workload's function (emitted, never compiled, here)."""
    from codegen import emit
    fn = "predict" if w.kind == "predict" else "train_step"
    kw = {} if w.precision == "f32" else {"precision": w.precision}
    return emit(w.spec(), batch=w.batch, optimizer=OPTIMIZER, functions=(fn,), **kw).abi


def _step_functions(spec, layout: str, abi, precision: str = "f32"):
    """(train_step, predict) as pure JAX functions of flat buffers, taking netspec's arguments
    in the order of ``abi`` (names: the training-state args, images, labels, rand, hyper);
    ``precision``: the reference's netspec.precision mode (its bf16 casts)."""
    import jax.numpy as jnp
    from netspec.reference import Reference, decode_hyper

    ref = Reference(spec, jit=False, layout=layout, precision=precision)
    a = ref.analysis

    # the registry's own slicing works on traced arrays; the joins must stay in jnp (traced)
    split, split_bn = a.split, a.split_bn

    def join(d):
        return jnp.concatenate([d[p.name].reshape(-1) for p in a.params])

    def join_bn(bn):
        return jnp.concatenate([jnp.concatenate([bn[b.name][0], bn[b.name][1]]) for b in a.bns])

    from netspec.state import train_state
    opt_keys = {s.key for s in train_state(OPTIMIZER) if s.role == "opt"}

    def named(fn, *args):
        return dict(zip(abi[fn].arg_names(), args))

    def train_step(*args):
        v = named("train_step", *args)
        fa = abi["train_step"]
        slots = [t for t in fa.state_args() if t.key in opt_keys]
        h = decode_hyper(v["hyper"])
        p = split(v["params"])
        loss, correct, g, new_bn = ref._loss_grads_impl(
            p, split_bn(v["bn"]), v["images"], v["labels"], h["label_smoothing"], h["bn_momentum"],
            v.get("rand"), wrt_input=False)
        p2, st2 = ref._opt_impl(p, g, [split(v[t.name]) for t in slots], h, optimizer=OPTIMIZER)
        new = {"params": join(p2), "bn": join_bn(new_bn), "loss": loss, "correct": correct,
               **{t.key: join(s) for t, s in zip(slots, st2)}}
        return tuple(new[t.key if t.role == "state" else t.name] for t in fa.results)

    def predict(*args):
        v = named("predict", *args)
        logits, _, _ = ref._forward_impl(split(v["params"]), split_bn(v["bn"]), v["images"], 0.0,
                                         None, train=False, collect=False)
        return logits

    return train_step, predict


def _abstract_args(w, abi):
    """netspec's argument list of the workload's function, as jax.ShapeDtypeStructs."""
    import jax
    fn = "predict" if w.kind == "predict" else "train_step"
    dt = {"f32": np.float32, "i32": np.int32}
    return tuple(jax.ShapeDtypeStruct(t.shape, dt[t.dtype]) for t in abi[fn].args)


def export_stablehlo(w, abi, layout: str) -> str:
    """The JAX step as StableHLO text, its entry renamed to netspec's function name."""
    import jax
    train_step, predict = _step_functions(w.spec(), layout, abi, w.precision)
    fn, name = (predict, "predict") if w.kind == "predict" else (train_step, "train_step")
    text = jax.jit(fn).lower(*_abstract_args(w, abi)).as_text()
    if "func.func public @main(" not in text:
        raise RuntimeError("unexpected JAX export: no public @main")
    return text.replace("func.func public @main(", f"func.func public @{name}(", 1)


class JaxXlaPeer(Peer):
    name = "jax-xla"
    label = "JAX XLA CPU"

    def prepare(self) -> dict:
        import jax
        import jax.numpy as jnp
        self.jnp = jnp
        self.abi = netspec_abi(self.w)
        train_step, predict = _step_functions(self.spec, "NHWC", self.abi, self.w.precision)
        args = _abstract_args(self.w, self.abi)
        t = time.perf_counter()
        if self.w.kind == "predict":
            self.fn = jax.jit(predict).lower(*args).compile()
            self.state = [jnp.asarray(self.inputs["params"]), jnp.asarray(self.inputs["bn"])]
        else:
            fa = self.abi["train_step"]
            n_state = len(fa.state_args())
            self.fn = jax.jit(train_step, donate_argnums=tuple(range(n_state))).lower(*args).compile()
            host = _initial_state(self.abi, self.inputs)
            self.state = [jnp.asarray(host[t.key]) for t in fa.state_args()]
        seconds = time.perf_counter() - t
        return {"compile_s": seconds, "mlir_bytes": None, "params": int(self.inputs["params"].size)}

    def step(self, i: int) -> float:
        x, y, u = self.batch(i)
        if self.w.kind == "predict":
            self.logits = np.asarray(self.fn(*self.state, x))
            return float(self.logits.sum())
        fa = self.abi["train_step"]
        data = {"images": x, "labels": y, "rand": u, "hyper": hyper_vector(i)}
        out = self.fn(*self.state, *(data[t.name] for t in fa.args if t.role != "state"))
        self.state = [o for t, o in zip(fa.results, out) if t.role == "state"]
        return float(out[fa.result_index("loss")])

    def check(self) -> dict:
        if self.w.kind == "predict":
            return {"logits": self.logits.tolist()}
        keys = [t.key for t in self.abi["train_step"].state_args()]
        return {"grad_norm": self.grad_norm_from_first_moment(np.asarray(self.state[keys.index("opt.m")]))}


class JaxIreePeer(Peer):
    layout = "NHWC"

    def prepare(self) -> dict:
        from netspec.analysis import analyze
        from runtime.engines import get_engine
        from runtime.session import Session
        abi = netspec_abi(self.w)
        text = export_stablehlo(self.w, abi, self.layout)
        engine = get_engine("iree")          # the peer is "JAX exported to IREE"
        t = time.perf_counter()
        res = engine.compile(text, backend="cpu", cache_dir=self.options.get("cache_dir"),
                             input_name=f"jax_{self.layout.lower()}", verify=True)
        seconds = time.perf_counter() - t
        opt = None if self.w.kind == "predict" else OPTIMIZER
        exe = engine.load(res.vmfb_path, backend="cpu", abi=abi)
        self.session = Session(self.spec, exe, optimizer=opt)
        _load(self.session, self.inputs)
        return {"compile_s": seconds, "cache_hit": res.cache_hit,
                "mlir_bytes": len(text.encode()), "params": analyze(self.spec).n_params}

    def step(self, i: int) -> float:
        return _session_step(self, i)

    def check(self) -> dict:
        return _session_check(self)


class JaxIreeNchwPeer(JaxIreePeer):
    name = "jax-iree-nchw"
    label = "JAX→IREE NCHW"
    layout = "NCHW"


class JaxIreeNhwcPeer(JaxIreePeer):
    name = "jax-iree-nhwc"
    label = "JAX→IREE NHWC"
    layout = "NHWC"


# --------------------------------------------------------------------------- shared with netspec
def _initial_state(abi, inputs) -> dict:
    """The workload's shared parameters and BN statistics, every optimizer slot at its
    initial value (``netspec.state.train_state``)."""
    from netspec.state import train_state
    host = {"params": inputs["params"], "bn": inputs["bn"]}
    for s in train_state(OPTIMIZER if "train_step" in abi else None):
        if s.key not in host:
            host[s.key] = np.full_like(inputs["params"], s.fill)
    return host


def _load(session, inputs) -> None:
    session.load_state(_initial_state(session.abi, inputs))


def _session_step(peer, i: int) -> float:
    x, y, u = peer.batch(i)
    if peer.w.kind == "predict":
        peer.logits = peer.session.predict(x)
        return float(peer.logits.sum())
    return peer.session.train_step(x, y, hyper_vector(i), u).loss


def _session_check(peer) -> dict:
    if peer.w.kind == "predict":
        return {"logits": peer.logits.tolist()}
    m = peer.session.state_to_host()["opt.m"]
    return {"grad_norm": peer.grad_norm_from_first_moment(m)}
