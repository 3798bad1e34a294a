"""Lower a NetSpec to one StableHLO module: predict, grads and train_step.

Signatures (P = parameters, S = BN stat floats, B = batch, K = classes, R = dropout uniforms,
NH = len(HYPER); every buffer is f32 unless noted; images are always NHWC):

  predict(params f32[P], bn f32[S], images f32[B,H,W,C]) -> logits f32[B,K]
      BatchNorm on the running statistics (inference).
  grads(params, bn, images, labels i32[B] | targets f32[B,K], [rand f32[B,R]], hyper f32[NH])
      -> (loss f32[], correct i32[], grads f32[P], bn' f32[S] [, d_images f32[B,H,W,C]])
      The train step minus the optimizer: no weight decay, gradients of the loss only.
  train_step(params, opt_0 f32[P] [, opt_1 f32[P]], bn, [ema_params f32[P], ema_bn f32[S]],
             images, labels | targets, [rand], hyper)
      -> (params', opt_0' [, opt_1'], bn', [ema_params', ema_bn',] loss f32[], correct i32[]
          [, grad_norm f32[]])
      With ``clip_grad`` the loss gradient is clipped by its global norm (returned as
      grad_norm, before clipping); with ``ema`` the EMA rows are updated after the optimizer
      (formulas in netspec/state.py); with ``freeze`` (a compile-time set of parameter tensors)
      those get no gradient and keep their parameters and optimizer slots while hyper
      freeze_on = 1 (selects on the flat buffers; adam's bias corrections per parameter).
      NH then counts the feature's extra hyper rows.

State crosses the boundary as one flat buffer per kind (parameters, each optimizer state,
BN running stats), laid out by the parameter registry (``netspec.analysis``): 4–6 arguments
instead of hundreds, and the optimizer update is one elementwise pass over a flat vector.
The argument and result lists are built once, as the ABI (``codegen.abi``) returned with the
text by ``emit``; the training-state buffers are the rows of ``netspec.state.train_state``.
"""

from __future__ import annotations

from dataclasses import dataclass

from netspec import __version__
from netspec.analysis import analyze
from netspec.errors import SpecError
from netspec.precision import Precision
from netspec.state import hyper_names, train_state

from . import optim
from .abi import Emitted, FunctionABI, ModuleABI, Tensor
from .ir import Builder, TensorType, Value
from .kinds import LOWERINGS
from .kinds.context import Ctx
from .layout import DEFAULT_LAYOUT, Layout
from .loss import cross_entropy
from .precision import Casts

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
    replicas: int = 1             # > 1: one replica of a data-parallel module (batch is per replica)
    sync_bn: bool = False         # replicas > 1: BN statistics over all replicas
    precision: str = "f32"        # netspec.precision mode: f32 | bf16_conv | bf16
    drop_path: float = 0.0        # stochastic depth (netspec.analysis): its rates are constants
    clip_grad: bool = False       # train_step clips the loss gradient by its global norm
    #                               (threshold: hyper max_grad_norm) and also returns grad_norm
    ema: bool = False             # train_step carries and updates the EMA rows of train_state
    freeze: tuple[str, ...] = ()  # parameter tensors (registry names) frozen while hyper freeze_on
    #                               = 1: no gradient, no update, optimizer state kept (state.py)
    dw_chunk: int | None = None   # depthwise weight-gradient form (codegen.ops.conv.depthwise_dw_chunk):
    #                               None = its rule by batch, 0 = per sample written out, U = loop of U


def rand_width(analysis) -> int:
    return analysis.rand_width


def drop_path_line(a) -> str:
    """The header line of a stochastic-depth module: each dropping block, its rate and column."""
    rates = ", ".join(f"{d.name} {d.rate:.4g} (u{d.column})" for d in a.drop_blocks.values())
    return (f"// stochastic depth {a.drop_path:g}: block i of {len(a.depth)} drops with "
            f"{a.drop_path:g}*i/{len(a.depth)}, residual blocks only: {rates or 'none'}")


class _Emitter:
    def __init__(self, spec, opts: EmitOptions):
        self.spec = spec
        self.a = analyze(spec, opts.drop_path)
        self.o = opts
        self.b = Builder(num_replicas=opts.replicas)
        self.dt = opts.dtype
        self.R = rand_width(self.a)
        self.prec = Casts(Precision(opts.precision), self.dt)
        self.hyper = hyper_names(clip_grad=opts.clip_grad, ema=opts.ema, freeze=bool(opts.freeze))

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
                for i, n in enumerate(self.hyper)}

    def entry_images(self, images: Value) -> Value:
        perm = self.o.layout.from_nhwc
        return self.b.transpose(images, perm, hint="images_layout") if perm else images

    # -------------------------------------------------------------- the network
    def ctx(self, params, bn, train, hyper=None, rand=None) -> Ctx:
        return Ctx(self.b, self.o.layout, self.o.batch, params, self.spec.bn_eps, train, bn,
                   bn_momentum=hyper["bn_momentum"] if hyper else None, rand=rand,
                   rand_offsets={i: off for i, (off, _) in self.a.rand_slices.items()},
                   sync_bn=train and self.o.sync_bn, prec=self.prec,
                   drop_path={n: (d.column, d.rate) for n, d in self.a.drop_blocks.items()},
                   dw_chunk=self.o.dw_chunk)

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

    def across_replicas(self, grads: Value, bn: Value, loss: Value, correct: Value):
        """Data parallelism: ONE all-reduce of the flat gradient, the loss, the hit count and
        (without sync BN) the updated BN running statistics; -> the replica means of grads,
        loss and bn (identical on every replica) and the global hit count.  With sync BN the
        running statistics already come from the global batch statistics, so are identical."""
        b, n = self.b, self.o.replicas
        if n == 1:
            return grads, bn, loss, correct
        with b.scope("replicas"):
            ops = [grads, loss, b.convert(correct, self.dt, hint="correct_f")]
            hints = ["grads_sum", "loss_sum", "correct_sum"]
            if not self.o.sync_bn:
                ops.append(bn)
                hints.append("bn_sum")
            sums = b.all_reduce(ops, hints)
            inv = b.const(1.0 / n, self.dt)
            grads = b.mul(sums[0], b.broadcast_in_dim(inv, grads.shape, (), hint="inv_n_g"), hint="grads")
            loss = b.mul(sums[1], inv, hint="loss")
            correct = b.convert(sums[2], "i32", hint="correct")
            if not self.o.sync_bn:
                bn = b.mul(sums[3], b.broadcast_in_dim(inv, bn.shape, (), hint="inv_n_bn"), hint="bn")
        return grads, bn, loss, correct

    # -------------------------------------------------------------- the ABI
    def state_tensor(self, sb) -> Tensor:
        size = self.a.n_params if sb.space == "params" else self.a.n_bn_floats
        return Tensor(sb.arg, (size,), self.dt, "state", sb.key)

    def data_args(self) -> list[Tensor]:
        B, K = self.o.batch, self.a.num_classes
        args = [Tensor("images", self.image_t.shape, self.dt, "data"),
                Tensor("targets", (B, K), self.dt, "data") if self.o.soft_targets
                else Tensor("labels", (B,), "i32", "data")]
        if self.R:
            args.append(Tensor("rand", (B, self.R), self.dt, "data"))
        args.append(Tensor("hyper", (len(self.hyper),), self.dt, "hyper"))
        return args

    def begin(self, fn: str, args: list[Tensor]) -> dict[str, Value]:
        self._args = tuple(args)
        values = self.b.begin(fn, [(t.name, TensorType(t.shape, t.dtype)) for t in args])
        return {t.name: v for t, v in zip(args, values)}

    def end(self, fn: str, results: list[tuple[Tensor | str, Value]]):
        """Close ``fn``; results are (state tensor, value) or (output name, value) pairs."""
        outs = []
        for t, v in results:
            if isinstance(t, str):
                t = Tensor(t, v.shape, v.type.dtype, "output")
            elif (t.shape, t.dtype) != (v.shape, v.type.dtype):  # pragma: no cover - emitter bug
                raise AssertionError(f"@{fn} result {t.name}: {v.type} is not {t.mlir_type}")
            outs.append(t)
        self.b.end([v for _, v in results])
        self.functions[fn] = FunctionABI(fn, self._args, tuple(outs))

    # -------------------------------------------------------------- functions
    def emit_predict(self):
        st = {s.key: self.state_tensor(s) for s in train_state(None)}
        v = self.begin("predict", [st["params"], st["bn"], self.data_args()[0]])
        ctx = self.ctx(self.unpack_params(v["params"]), self.unpack_bn(v["bn"]), train=False)
        logits, _ = self.forward(ctx, self.entry_images(v["images"]))
        self.end("predict", [("logits", logits)])

    def emit_grads(self):
        st = {s.key: self.state_tensor(s) for s in train_state(None)}
        data = self.data_args()
        v = self.begin("grads", [st["params"], st["bn"], *data])
        labels = v[data[1].name]
        hyper = self.unpack_hyper(v["hyper"])
        ctx = self.ctx(self.unpack_params(v["params"]), self.unpack_bn(v["bn"]), True, hyper,
                       v.get("rand"))
        loss, correct, d_x = self.loss_and_grads(ctx, v["images"], labels, hyper, self.o.input_grad)
        g, bn, loss, correct = self.across_replicas(self.flat_grads(ctx), self.flat_bn(ctx), loss, correct)
        outs = [("loss", loss), ("correct", correct), ("grads", g), ("bn", bn)]
        if self.o.input_grad:
            perm = self.o.layout.from_nhwc
            outs.append(("d_images", self.b.transpose(d_x, (0, 2, 3, 1), hint="d_images") if perm else d_x))
        self.end("grads", outs)

    def emit_train_step(self):
        b = self.b
        rows = train_state(self.o.optimizer, self.o.ema)
        state = [self.state_tensor(s) for s in rows]
        data = self.data_args()
        v = self.begin("train_step", [*state, *data])
        opt_args = [t for s, t in zip(rows, state) if s.role == "opt"]
        params, labels = v["params"], v[data[1].name]
        hyper = self.unpack_hyper(v["hyper"])
        pdict = self.unpack_params(params)
        ctx = self.ctx(pdict, self.unpack_bn(v["bn"]), True, hyper, v.get("rand"))
        decay_p = None
        # clipping acts on the loss gradient alone, so with it coupled L2 decay is added to the
        # flat, clipped gradient (as torch's optimizers add it inside step()), not per tensor
        if self.o.optimizer == "adamw" or self.o.clip_grad:
            with b.scope("decay"):
                decay_p = b.concatenate([b.reshape(pdict[p.name], (p.size,), hint=p.name) if p.decay
                                         else b.full(0.0, (p.size,), self.dt, hint=p.name)
                                         for p in self.a.params], 0, hint="masked_params")
        else:
            ctx.decay_fold = hyper["weight_decay"]
            ctx.decay_names = frozenset(p.name for p in self.a.params if p.decay)
        loss, correct, _ = self.loss_and_grads(ctx, v["images"], labels, hyper)
        g = self.flat_grads(ctx)
        new_bn = None
        if self.o.replicas > 1:
            g, new_bn, loss, correct = self.across_replicas(g, self.flat_bn(ctx), loss, correct)
        hold = None
        if self.o.freeze:   # requires_grad=False: no gradient (so not in the clipping norm)
            in_set, hold = self.freeze_masks(hyper["freeze_on"])
            with b.scope("freeze"):
                g = b.select(hold, b.full(0.0, g.shape, self.dt, hint="zero"), g, hint="grads")
        extra = []
        if self.o.clip_grad:
            g, norm = self.clip_by_global_norm(g, hyper["max_grad_norm"])
            extra.append(("grad_norm", norm))
            if self.o.optimizer != "adamw":
                with b.scope("decay"):
                    g = b.add(g, b.mul(decay_p, hyper["weight_decay"], hint="wd_p"), hint="grads")
        h_opt = hyper
        if self.o.freeze and self.o.optimizer in ("adam", "adamw"):
            h_opt = dict(hyper, **self.thaw_bias_corrections(in_set, hyper))
        new_p, new_opt = optim.apply(b, self.o.optimizer, params, g, [v[t.name] for t in opt_args],
                                     h_opt, decay_p)
        if hold is not None:    # frozen: parameters and optimizer state kept bit for bit
            with b.scope("freeze"):
                new_p = b.select(hold, params, new_p, hint="params")
                new_opt = [b.select(hold, v[t.name], x, hint=t.name)
                           for t, x in zip(opt_args, new_opt)]
        if new_bn is None:
            new_bn = self.flat_bn(ctx)
        new = {"params": new_p, "bn": new_bn, **{t.key: x for t, x in zip(opt_args, new_opt)}}
        if self.o.ema:
            new.update(self.ema_update(hyper["ema_decay"], {t.key: v[t.name] for t in state},
                                       new_p, new_bn))
        self.end("train_step", [*((t, new[t.key]) for t in state), ("loss", loss), ("correct", correct),
                                *extra])

    def freeze_masks(self, freeze_on: Value) -> tuple[Value, Value]:
        """The frozen set as an f32[P] constant (1 on its tensors; one broadcast per run of
        consecutive tensors, named by its first tensor) and hold = set * freeze_on > 0.5, i1[P]."""
        b, frozen = self.b, set(self.o.freeze)
        runs: list[list] = []
        for p in self.a.params:
            if runs and runs[-1][0] == (p.name in frozen):
                runs[-1][2] += p.size
            else:
                runs.append([p.name in frozen, p.name, p.size])
        with b.scope("freeze"):
            parts = [b.full(1.0 if f else 0.0, (n,), self.dt,
                            hint=f"{'frozen' if f else 'trainable'}.{name}") for f, name, n in runs]
            in_set = parts[0] if len(parts) == 1 else b.concatenate(parts, 0, hint="set")
            hold = b.compare("GT", b.mul(in_set, freeze_on, hint="set_on"),
                             b.const(0.5, self.dt), hint="hold")
        return in_set, hold

    def thaw_bias_corrections(self, in_set: Value, h: dict[str, Value]) -> dict[str, Value]:
        """Adam's bias corrections per parameter: the frozen set's own step count (thaw_*) on
        its tensors, the run's elsewhere (PyTorch counts steps per parameter)."""
        b, P = self.b, self.a.n_params
        with b.scope("freeze"):
            mine = b.compare("GT", in_set, b.const(0.5, self.dt), hint="in_set")
            return {f"bias_correction{i}": b.select(
                mine, b.broadcast_in_dim(h[f"thaw_bias_correction{i}"], (P,), (), hint=f"thaw_bc{i}"),
                b.broadcast_in_dim(h[f"bias_correction{i}"], (P,), (), hint=f"bc{i}"), hint=f"bc{i}_per_param")
                for i in (1, 2)}

    def clip_by_global_norm(self, g: Value, max_norm: Value) -> tuple[Value, Value]:
        """PyTorch ``clip_grad_norm_``: g * min(1, max_norm / (||g||_2 + 1e-6)), and ||g||_2."""
        b = self.b
        with b.scope("clip"):
            norm = b.sqrt(b.reduce(b.mul(g, g, hint="g2"), [0], "add", hint="sum_g2"), hint="norm")
            coef = b.div(max_norm, b.add(norm, b.const(1e-6, self.dt), hint="norm_eps"), hint="coef")
            scale = b.min(coef, b.const(1.0, self.dt), hint="scale")
            return b.mul(g, scale, hint="grads"), norm

    def ema_update(self, d: Value, old: dict[str, Value], new_p: Value, new_bn: Value) -> dict:
        """timm ModelEmaV2 on the parameters and the BN statistics: ema = d*ema + (1-d)*new."""
        b = self.b
        with b.scope("ema"):
            one_m = b.sub(b.const(1.0, self.dt), d, hint="one_minus_d")
            out = {}
            for key, x, hint in (("ema", new_p, "params"), ("ema.bn", new_bn, "bn")):
                out[key] = b.add(b.mul(old[key], d, hint=f"d_{hint}"),
                                 b.mul(x, one_m, hint=f"new_{hint}"), hint=hint)
            return out

    def header(self) -> str:
        a, o = self.a, self.o
        feats = [w for w, on in (("global-norm gradient clipping", o.clip_grad),
                                 ("EMA of the weights and BN statistics", o.ema),
                                 ("frozen tensors", bool(o.freeze))) if on]
        lines = [
            f"// netspec {__version__} — {self.spec.name}",
            f"// batch {o.batch}, input {self.spec.image_h}x{self.spec.image_w}x{self.spec.in_channels} (NHWC),"
            f" activations {o.layout.name}, optimizer {o.optimizer}, dtype {o.dtype}",
            *([f"// data parallel: {o.replicas} replicas of batch {o.batch} (global {o.replicas * o.batch}),"
               f" {'synchronised' if o.sync_bn else 'per-replica'} BatchNorm; gradients averaged by one"
               " stablehlo.all_reduce"] if o.replicas > 1 else []),
            f"// params {a.n_params} (flat), BN layers {len(a.bns)} ({a.n_bn_floats} stat floats),"
            f" classes {a.num_classes}, dropout uniforms {self.R}",
            *([f"// precision {o.precision}: see netspec/precision.py (bf16 operands, f32 accumulation)"]
              if self.prec.policy.lowered else []),
            *([drop_path_line(a)] if a.drop_path else []),
            *([f"// train_step: {' and '.join(feats)} (netspec/state.py)"] if feats else []),
            *([self.freeze_line()] if o.freeze else []),
            "// hyper = [" + ", ".join(self.hyper) + "]",
            "// Backward pass written out op by op by netspec's VJP emitters; no autodiff.",
        ]
        return "\n".join(lines)

    def freeze_line(self) -> str:
        frozen = [p for p in self.a.params if p.name in set(self.o.freeze)]
        return (f"// frozen while hyper freeze_on = 1 (no gradient, parameters and optimizer state"
                f" kept, BN statistics still tracked): {len(frozen)} of {len(self.a.params)} tensors,"
                f" {sum(p.size for p in frozen)} of {self.a.n_params} params: "
                + ", ".join(p.name for p in frozen))

    def emit(self) -> Emitted:
        self.functions: dict[str, FunctionABI] = {}
        for fn in self.o.functions:
            getattr(self, f"emit_{fn}")()
        keys = (tuple(s.key for s in train_state(self.o.optimizer, self.o.ema))
                if "train_step" in self.functions else ())
        abi = ModuleABI(dict(self.functions), self.hyper, self.o.optimizer, self.dt, self.o.batch, keys,
                        replicas=self.o.replicas, sync_bn=self.o.sync_bn)
        return Emitted(self.b.module_text(self.header()), abi)


def emit(spec, **kw) -> Emitted:
    """Emit ``spec`` (see ``EmitOptions`` for the keywords): the StableHLO text and its ABI."""
    opts = EmitOptions(**kw)
    bad = [f for f in opts.functions if f not in FUNCTIONS]
    if bad:
        raise SpecError("unknown function", field="function", expected=" / ".join(FUNCTIONS), received=bad[0])
    if isinstance(opts.replicas, bool) or not isinstance(opts.replicas, int) or opts.replicas < 1:
        raise SpecError("must be a positive integer", field="replicas", expected="an integer >= 1",
                        received=opts.replicas)
    if opts.freeze:
        if "train_step" not in opts.functions:
            raise SpecError("applies to train_step only", field="freeze", received=list(opts.freeze))
        names = {p.name for p in analyze(spec).params}
        bad = sorted(set(opts.freeze) - names)
        if bad:
            raise SpecError("names tensors that are not parameters of the spec", field="freeze",
                            expected="registry parameter names", received=bad)
    if opts.sync_bn and opts.replicas == 1:
        raise SpecError("needs more than one replica", field="sync_bn", expected="replicas > 1",
                        received=opts.replicas)
    return _Emitter(spec, opts).emit()


def emit_module(spec, **kw) -> str:
    """The StableHLO text of ``spec`` alone (``emit(spec, **kw).text``)."""
    return emit(spec, **kw).text
