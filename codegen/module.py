"""Lower a NetSpec to one StableHLO module: predict, grads and train_step.

Signatures (P = parameters, S = BN stat floats, B = batch, K = classes, R = dropout uniforms,
NH = len(HYPER); every buffer is f32 unless noted; images are always NHWC):

  predict(params f32[P], bn f32[S], images f32[B,H,W,C]) -> logits f32[B,K]
      BatchNorm on the running statistics (inference).
  grads(params, bn, images, labels i32[B] | targets f32[B,K], [rand f32[B,R]], hyper f32[NH])
      -> (loss f32[], correct i32[], grads f32[P], bn' f32[S] [, d_images f32[B,H,W,C]])
      The train step minus the optimizer: no weight decay, gradients of the loss only.
  train_step(params, opt_0 f32[P] [, opt_1 f32[P]], bn, images, labels | targets, [rand], hyper)
      -> (params', opt_0' [, opt_1'], bn', loss f32[], correct i32[])

State crosses the boundary as one flat buffer per kind (parameters, each optimizer state,
BN running stats), laid out by the parameter registry (``netspec.analysis``): 4–6 arguments
instead of hundreds, and the optimizer update is one elementwise pass over a flat vector.
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec import __version__
from netspec.analysis import analyze

from . import optim
from .hyper import HYPER, OPT_STATE
from .ir import Builder, TensorType, Value
from .layers import LOWERINGS
from .layers.context import Ctx
from .layout import DEFAULT_LAYOUT, Layout
from .loss import cross_entropy

FUNCTIONS = ("predict", "grads", "train_step")


@dataclass(frozen=True)
class EmitOptions:
    batch: int = 8
    optimizer: str = "adam"
    layout: Layout = DEFAULT_LAYOUT
    functions: tuple[str, ...] = FUNCTIONS
    soft_targets: bool = False
    input_grad: bool = False      # grads also returns d_images (tests, verify)
    dtype: str = "f32"


def rand_width(analysis) -> int:
    return analysis.rand_width


class _Emitter:
    def __init__(self, spec, opts: EmitOptions):
        self.spec = spec
        self.a = analyze(spec)
        self.o = opts
        self.b = Builder()
        self.dt = opts.dtype
        self.R = rand_width(self.a)

    # -------------------------------------------------------------- argument plumbing
    def t(self, *shape, dtype=None):
        return TensorType(tuple(shape), dtype or self.dt)

    @property
    def image_t(self):
        s = self.spec
        return self.t(self.o.batch, s.image_h, s.image_w, s.in_channels)

    def unpack_params(self, flat: Value) -> dict[str, Value]:
        b, out = self.b, {}
        for p in self.a.params:
            v = b.slice(flat, [p.offset], [p.offset + p.size], hint=p.name + ".flat")
            out[p.name] = b.reshape(v, p.shape, hint=p.name)
        return out

    def unpack_bn(self, flat: Value) -> dict[str, tuple[Value, Value]]:
        b, out = self.b, {}
        for s in self.a.bns:
            out[s.name] = (b.slice(flat, [s.offset], [s.offset + s.channels], hint=s.name + ".running_mean"),
                           b.slice(flat, [s.offset + s.channels], [s.offset + 2 * s.channels],
                                   hint=s.name + ".running_var"))
        return out

    def unpack_hyper(self, vec: Value) -> dict[str, Value]:
        b = self.b
        return {n: b.reshape(b.slice(vec, [i], [i + 1], hint=f"hyper.{n}.v"), (), hint=f"hyper.{n}")
                for i, n in enumerate(HYPER)}

    def entry_images(self, images: Value) -> Value:
        perm = self.o.layout.from_nhwc
        return self.b.transpose(images, perm, hint="images_layout") if perm else images

    # -------------------------------------------------------------- the network
    def ctx(self, params, bn, train, hyper=None, rand=None) -> Ctx:
        return Ctx(self.b, self.o.layout, self.o.batch, params, self.spec.bn_eps, train, bn,
                   bn_momentum=hyper["bn_momentum"] if hyper else None, rand=rand,
                   rand_offsets={i: off for i, (off, _) in self.a.rand_slices.items()})

    def forward(self, ctx: Ctx, x: Value):
        saved = []
        for info in self.a.layers:
            x, s = LOWERINGS[info.kind].forward(ctx, info, x)
            saved.append(s)
        return x, saved

    def backward(self, ctx: Ctx, saved, d_logits: Value, need_input_grad: bool):
        dy = d_logits
        for info in reversed(self.a.layers):
            need = need_input_grad or info.index > 0
            dy = LOWERINGS[info.kind].vjp(ctx, info, saved[info.index], dy, need)
        return dy

    def loss_and_grads(self, ctx: Ctx, images: Value, labels: Value, hyper, need_input_grad=False):
        logits, saved = self.forward(ctx, self.entry_images(images))
        loss, correct, d_logits = cross_entropy(self.b, logits, labels, hyper["label_smoothing"], self.o.soft_targets)
        d_x = self.backward(ctx, saved, d_logits, need_input_grad)
        return loss, correct, d_x

    def flat_grads(self, ctx: Ctx) -> Value:
        b = self.b
        with b.scope("grads"):
            parts = [b.reshape(ctx.grads[p.name], (p.size,), hint=p.name) for p in self.a.params]
            return b.concatenate(parts, 0, hint="flat")

    def flat_bn(self, ctx: Ctx) -> Value:
        b = self.b
        parts = []
        for s in self.a.bns:
            parts += list(ctx.bn_updated[s.name])
        with b.scope("bn"):
            return b.concatenate(parts, 0, hint="updated")

    def label_t(self):
        K = self.a.num_classes
        return self.t(self.o.batch, K) if self.o.soft_targets else self.t(self.o.batch, dtype="i32")

    def data_args(self):
        args = [("images", self.image_t), ("targets" if self.o.soft_targets else "labels", self.label_t())]
        if self.R:
            args.append(("rand", self.t(self.o.batch, self.R)))
        args.append(("hyper", self.t(len(HYPER))))
        return args

    # -------------------------------------------------------------- functions
    def emit_predict(self):
        b = self.b
        P, S = self.a.n_params, self.a.n_bn_floats
        params, bn, images = b.begin("predict", [("params", self.t(P)), ("bn", self.t(S)), ("images", self.image_t)])
        ctx = self.ctx(self.unpack_params(params), self.unpack_bn(bn), train=False)
        logits, _ = self.forward(ctx, self.entry_images(images))
        b.end([logits])

    def emit_grads(self):
        b = self.b
        P, S = self.a.n_params, self.a.n_bn_floats
        args = b.begin("grads", [("params", self.t(P)), ("bn", self.t(S))] + self.data_args())
        params, bn, images, labels = args[:4]
        rand = args[4] if self.R else None
        hyper = self.unpack_hyper(args[-1])
        ctx = self.ctx(self.unpack_params(params), self.unpack_bn(bn), True, hyper, rand)
        loss, correct, d_x = self.loss_and_grads(ctx, images, labels, hyper, self.o.input_grad)
        outs = [loss, correct, self.flat_grads(ctx), self.flat_bn(ctx)]
        if self.o.input_grad:
            perm = self.o.layout.from_nhwc
            outs.append(b.transpose(d_x, (0, 2, 3, 1), hint="d_images") if perm else d_x)
        b.end(outs)

    def emit_train_step(self):
        b = self.b
        P, S = self.a.n_params, self.a.n_bn_floats
        states = OPT_STATE[self.o.optimizer]
        args = b.begin("train_step", [("params", self.t(P))] + [(n, self.t(P)) for n, _ in states]
                       + [("bn", self.t(S))] + self.data_args())
        params, opt = args[0], args[1:1 + len(states)]
        bn, images, labels = args[1 + len(states):4 + len(states)]
        rand = args[4 + len(states)] if self.R else None
        hyper = self.unpack_hyper(args[-1])
        pdict = self.unpack_params(params)
        ctx = self.ctx(pdict, self.unpack_bn(bn), True, hyper, rand)
        decay_p = None
        if self.o.optimizer == "adamw":
            with b.scope("decay"):
                decay_p = b.concatenate([b.reshape(pdict[p.name], (p.size,), hint=p.name) if p.decay
                                         else b.full(0.0, (p.size,), self.dt, hint=p.name)
                                         for p in self.a.params], 0, hint="masked_params")
        else:
            ctx.decay_fold = hyper["weight_decay"]
            ctx.decay_names = frozenset(p.name for p in self.a.params if p.decay)
        loss, correct, _ = self.loss_and_grads(ctx, images, labels, hyper)
        g = self.flat_grads(ctx)
        new_p, new_opt = optim.apply(b, self.o.optimizer, params, g, list(opt), hyper, decay_p)
        b.end([new_p, *new_opt, self.flat_bn(ctx), loss, correct])

    def header(self) -> str:
        a, o = self.a, self.o
        lines = [
            f"// netspec {__version__} — {self.spec.name}",
            f"// batch {o.batch}, input {self.spec.image_h}x{self.spec.image_w}x{self.spec.in_channels} (NHWC),"
            f" activations {o.layout.name}, optimizer {o.optimizer}, dtype {o.dtype}",
            f"// params {a.n_params} (flat), BN layers {len(a.bns)} ({a.n_bn_floats} stat floats),"
            f" classes {a.num_classes}, dropout uniforms {self.R}",
            "// hyper = [" + ", ".join(HYPER) + "]",
            "// Backward pass written out op by op by netspec's VJP emitters; no autodiff.",
        ]
        return "\n".join(lines)

    def emit(self) -> str:
        for fn in self.o.functions:
            getattr(self, f"emit_{fn}")()
        return self.b.module_text(self.header())


def emit_module(spec, **kw) -> str:
    """Emit the StableHLO text of ``spec`` (see ``EmitOptions`` for the keywords)."""
    opts = EmitOptions(**kw)
    bad = [f for f in opts.functions if f not in FUNCTIONS]
    if bad:
        from netspec.errors import SpecError
        raise SpecError("unknown function", field="function", expected=" / ".join(FUNCTIONS), received=bad[0])
    return _Emitter(spec, opts).emit()
