"""The JAX peers: a JAX training step a user would write (``jit(value_and_grad)`` of the model),
run two ways.

- ``jax-xla``: ``jax.jit`` on XLA's CPU backend, state donated step to step.
- ``jax-iree-nchw`` / ``jax-iree-nhwc``: the same step exported to StableHLO
  (``jax.jit(step).lower(...).as_text()``) and compiled by IREE for llvm-cpu with exactly the
  flags netspec uses, then run by netspec's own runtime session (``runtime.session.Session``:
  state resident on the device, the batch uploaded and ``loss``/``correct`` read back per
  step).  The module has netspec's ``train_step`` / ``predict`` signature, so the ONLY
  difference from the ``netspec`` peer is the StableHLO: autodiff's against the hand-written
  emitter's.  That isolates the quality of netspec's emitted IR.

The model is ``netspec.reference.Reference`` (the test oracle, built from the same spec and
parameter registry) in the chosen activation layout; its gradient is ``jax.value_and_grad`` and
its update the Adam formula of ``codegen/hyper.py``.  Flat state buffers are split into and
joined from the registry's tensors inside the step, as netspec's module does.
"""

from __future__ import annotations

import time

import numpy as np

from .base import Peer
from ..workloads import OPTIMIZER, hyper_vector


def _step_functions(spec, layout: str):
    """(train_step, predict) as pure JAX functions of flat buffers, netspec's signatures."""
    import jax.numpy as jnp
    from netspec.reference import Reference, decode_hyper

    ref = Reference(spec, jit=False, layout=layout)
    a = ref.analysis

    # the registry's own slicing works on traced arrays; the joins must stay in jnp (traced)
    split, split_bn = a.split, a.split_bn

    def join(d):
        return jnp.concatenate([d[p.name].reshape(-1) for p in a.params])

    def join_bn(bn):
        return jnp.concatenate([jnp.concatenate([bn[b.name][0], bn[b.name][1]]) for b in a.bns])

    def train_step(params, m, v, bn, images, labels, rand, hyper):
        h = decode_hyper(hyper)
        p = split(params)
        loss, correct, g, new_bn = ref._loss_grads_impl(
            p, split_bn(bn), images, labels, h["label_smoothing"], h["bn_momentum"], rand,
            wrt_input=False)
        p2, (m2, v2) = ref._opt_impl(p, g, [split(m), split(v)], h, optimizer=OPTIMIZER)
        return join(p2), join(m2), join(v2), join_bn(new_bn), loss, correct

    def predict(params, bn, images):
        logits, _, _ = ref._forward_impl(split(params), split_bn(bn), images, 0.0, None,
                                         train=False, collect=False)
        return logits

    return train_step, predict


def _abstract_args(w, inputs):
    import jax
    f32 = np.float32
    P, S = inputs["params"].shape[0], inputs["bn"].shape[0]
    img = jax.ShapeDtypeStruct(inputs["images"].shape[1:], f32)
    if w.kind == "predict":
        return (jax.ShapeDtypeStruct((P,), f32), jax.ShapeDtypeStruct((S,), f32), img)
    return (jax.ShapeDtypeStruct((P,), f32), jax.ShapeDtypeStruct((P,), f32),
            jax.ShapeDtypeStruct((P,), f32), jax.ShapeDtypeStruct((S,), f32), img,
            jax.ShapeDtypeStruct(inputs["labels"].shape[1:], np.int32),
            jax.ShapeDtypeStruct(inputs["rand"].shape[1:], f32),
            jax.ShapeDtypeStruct(hyper_vector(0).shape, f32))


def export_stablehlo(w, inputs, layout: str) -> str:
    """The JAX step as StableHLO text, its entry renamed to netspec's function name."""
    import jax
    train_step, predict = _step_functions(w.spec(), layout)
    fn, name = (predict, "predict") if w.kind == "predict" else (train_step, "train_step")
    text = jax.jit(fn).lower(*_abstract_args(w, inputs)).as_text()
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
        train_step, predict = _step_functions(self.spec, "NHWC")
        args = _abstract_args(self.w, self.inputs)
        t = time.perf_counter()
        if self.w.kind == "predict":
            self.fn = jax.jit(predict).lower(*args).compile()
            self.state = [jnp.asarray(self.inputs["params"]), jnp.asarray(self.inputs["bn"])]
        else:
            self.fn = jax.jit(train_step, donate_argnums=(0, 1, 2, 3)).lower(*args).compile()
            zeros = np.zeros_like(self.inputs["params"])
            self.state = [jnp.asarray(self.inputs["params"]), jnp.asarray(zeros),
                          jnp.asarray(zeros), jnp.asarray(self.inputs["bn"])]
        seconds = time.perf_counter() - t
        return {"compile_s": seconds, "mlir_bytes": None, "params": int(self.inputs["params"].size)}

    def step(self, i: int) -> float:
        x, y, u = self.batch(i)
        if self.w.kind == "predict":
            self.logits = np.asarray(self.fn(*self.state, x))
            return float(self.logits.sum())
        out = self.fn(*self.state, x, y, u, hyper_vector(i))
        self.state = list(out[:4])
        return float(out[4])

    def check(self) -> dict:
        if self.w.kind == "predict":
            return {"logits": self.logits.tolist()}
        return {"grad_norm": self.grad_norm_from_first_moment(np.asarray(self.state[1]))}


class JaxIreePeer(Peer):
    layout = "NHWC"

    def prepare(self) -> dict:
        from netspec.analysis import analyze
        from runtime.compile import compile_mlir
        from runtime.session import Session
        text = export_stablehlo(self.w, self.inputs, self.layout)
        t = time.perf_counter()
        res = compile_mlir(text, backend="cpu", cache_dir=self.options.get("cache_dir"),
                           input_name=f"jax_{self.layout.lower()}")
        seconds = time.perf_counter() - t
        opt = None if self.w.kind == "predict" else OPTIMIZER
        self.session = Session(self.spec, vmfb_path=res.vmfb_path, driver=res.driver,
                               batch=self.w.batch, optimizer=opt)
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
def _load(session, inputs) -> None:
    host = {"params": inputs["params"], "bn": inputs["bn"]}
    for n in session.state_names:
        host[f"opt.{n}"] = np.zeros_like(inputs["params"])
    session.load_state(host)


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
