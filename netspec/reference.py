"""A plain JAX reference model of a NetSpec: the ORACLE for tests and ``netspec verify``.

Never on the emitted path.  It is built from the same spec and the same parameter registry
(``analyze(spec)``) as the code generator, but written independently and plainly with
``jax.lax.conv_general_dilated`` / ``jax.nn`` and differentiated with ``jax.grad``.

Conventions (fixed, see the module docs of ``netspec.layers`` and ``netspec.state``):

- parameters: dict name -> array of the registry shape (``Analysis.split(flat)``); conv weights
  HWIO ``(kh, kw, in/groups, out)``, depthwise ``(k, k, 1, C)`` with ``feature_group_count=C``,
  dense ``(in, out)`` + bias ``(out,)``; SE ``reduce.w (c, se)``, ``reduce.b (se,)``,
  ``expand.w (se, c)``, ``expand.b (c,)``.
- images: NHWC ``(B, H, W, C)``.  Padding 'same' = symmetric k//2 (PyTorch), 'valid' = 0.
- BatchNorm state: dict bn_name -> (running_mean, running_var) (``Analysis.split_bn(flat)``).
  Train mode normalises with the batch mean and the BIASED batch variance over (B, H, W) and
  returns updated running stats (PyTorch): ``r = (1-m) r + m * stat`` with the UNBIASED
  variance ``var * n / (n-1)``, ``n = B*H*W``.  Eval mode uses the running stats and returns
  them unchanged.
- dropout (train only, rate > 0): ``rand`` is a float array (B, R) of uniforms in [0, 1),
  ``R = rand_width(analysis)`` = the sum of the feature sizes of ALL dropout layers in network
  order (rate-0 layers included, so the layout does not depend on the rates); dropout layer j
  reads columns ``[off_j, off_j + F_j)`` (``Analysis.rand_slices``); ``keep = u >= rate``;
  ``y = x * keep / (1 - rate)``.
- stochastic depth (``Reference(spec, drop_path=p)``, train only): the dropping residual
  blocks of ``Analysis.depth`` each read one column u of ``rand`` (B,) and compute
  ``y = x + branch * [u >= rate] / (1 - rate)`` (the columns sit in their layer's rand slice).
- every layer's forward is its kind's ``reference`` hook (``netspec/kinds/<kind>.py``), given a
  ``RefEnv`` with the parameters, BN state, layout and its columns of ``rand``.
- loss: softmax cross-entropy with label smoothing, batch mean.  Hard int labels (B,) or soft
  targets (B, K); ``targets = (1-eps) * t + eps / K``.  ``correct`` counts
  ``argmax(logits) == label`` (argmax of the soft target for soft targets).
- optimizers: exactly the formulas of ``netspec/state.py``; weight decay only where the
  registry's ``decay`` flag is set.  Gradient clipping (``train_step(clip=True)``) scales the
  LOSS gradient by min(1, max_grad_norm / (||g||_2 + 1e-6)) before the optimizer adds any
  coupled decay; the EMA (``train_step(ema=...)``) is ema = d*ema + (1-d)*new for the
  parameters and the BN running statistics, after the optimizer.  Freezing
  (``train_step(freeze=names)``) follows PyTorch ``requires_grad=False`` while hyper
  ``freeze_on`` = 1: netspec/state.py.

The compute dtype is the dtype of the parameters (images, BN state and ``rand`` are cast to
it).  For float64 enable jax x64 first (``with x64(): ...`` or ``enable_x64()``).

Also here: ``fd_check`` / ``central_difference``, a pure-NumPy float64 finite-difference
checker for directional derivatives.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Mapping

import numpy as np

import jax
import jax.numpy as jnp
from jax import lax

from .analysis import Analysis, analyze
from .kinds import RefEnv
from .precision import Precision
from .state import HYPER, HYPER_TABLE, OPT_STATE, hyper_names

__all__ = [
    "Reference", "rand_width", "softmax_xent", "x64", "enable_x64",
    "decode_hyper", "optimizer_update", "central_difference", "fd_check", "rel_err",
    "random_direction",
]

_HI = lax.Precision.HIGHEST


# --------------------------------------------------------------------------- x64 helpers
@contextlib.contextmanager
def x64():
    """Context manager: jax 64-bit types enabled inside (restored on exit)."""
    with jax.enable_x64(True):
        yield


def enable_x64(on: bool = True) -> None:
    """Globally enable (or disable) jax 64-bit types."""
    jax.config.update("jax_enable_x64", bool(on))


# --------------------------------------------------------------------------- rand layout
def rand_width(analysis: Analysis) -> int:
    """R: the number of uniform columns ``rand`` (B, R) must have (sum of dropout widths)."""
    return analysis.rand_width


# --------------------------------------------------------------------------- layout
class _Lay:
    """Activation layout of the reference's internals (inputs are NHWC either way): the oracle
    is NHWC; NCHW exists so the benchmark's JAX peers can be measured in both layouts."""

    def __init__(self, name: str):
        if name not in ("NHWC", "NCHW"):
            raise ValueError(f"layout must be 'NHWC' or 'NCHW', got {name!r}")
        self.name = name
        self.spatial = (1, 2) if name == "NHWC" else (2, 3)
        self.stats = (0,) + self.spatial

    def entry(self, images):
        return images if self.name == "NHWC" else jnp.transpose(images, (0, 3, 1, 2))

    def per_channel(self, v):
        """(B, C) -> broadcastable against an activation."""
        return v[:, None, None, :] if self.name == "NHWC" else v[:, :, None, None]


_NHWC = _Lay("NHWC")


# --------------------------------------------------------------------------- loss
def softmax_xent(logits, labels, label_smoothing=0.0):
    """(mean smoothed cross-entropy, number correct).  labels: int (B,) or soft (B, K)."""
    k = logits.shape[-1]
    labels = jnp.asarray(labels)
    if labels.ndim == 1:
        target = jax.nn.one_hot(labels, k, dtype=logits.dtype)
        cls = labels.astype(jnp.int32)
    elif labels.ndim == 2:
        target = labels.astype(logits.dtype)
        cls = jnp.argmax(labels, axis=-1).astype(jnp.int32)
    else:
        raise ValueError(f"labels must be (B,) ints or (B, K) soft targets, got {labels.shape}")
    eps = jnp.asarray(label_smoothing, logits.dtype)
    target = (1 - eps) * target + eps / k
    loss = jnp.mean(-jnp.sum(target * jax.nn.log_softmax(logits, axis=-1), axis=-1))
    correct = jnp.sum(jnp.argmax(logits, axis=-1).astype(jnp.int32) == cls).astype(jnp.int32)
    return loss, correct


# --------------------------------------------------------------------------- optimizers
def decode_hyper(hyper, names: tuple[str, ...] = HYPER) -> dict[str, Any]:
    """A hyper dict (names of ``netspec.state.HYPER_TABLE``; no defaults are filled in, so pass
    what the optimizer needs) or a hyper vector with entries ``names`` (a module's
    ``hyper_names(...)``; default the base ``HYPER``) -> dict name -> value."""
    if isinstance(hyper, Mapping):
        known = [n for n, _, _ in HYPER_TABLE]
        unknown = set(hyper) - set(known)
        if unknown:
            raise KeyError(f"unknown hyper names {sorted(unknown)}; known: {tuple(known)}")
        return dict(hyper)
    vec = hyper
    if getattr(vec, "shape", None) != (len(names),):
        raise ValueError(f"hyper vector must have shape ({len(names)},), got {getattr(vec, 'shape', None)}")
    return {n: vec[i] for i, n in enumerate(names)}


def optimizer_update(optimizer: str, p, g, state: list, h: Mapping, decay: bool):
    """One parameter tensor's update.  state: this tensor's buffers in ``OPT_STATE`` order.
    Returns (new_p, new_state).  Pure jnp; exactly the formulas of ``netspec/state.py``."""
    lr = h["lr"]
    wd = h.get("weight_decay", 0.0) if decay else 0.0
    if optimizer == "sgd":
        (buf,) = state
        mu = h["momentum"]
        g = g + wd * p
        buf = mu * buf + g
        d = jnp.where(jnp.asarray(h.get("nesterov", 0.0)) > 0.5, g + mu * buf, buf)
        return p - lr * d, [buf]
    if optimizer in ("adam", "adamw"):
        m, v = state
        b1, b2 = h["beta1"], h["beta2"]
        if optimizer == "adam":
            g = g + wd * p
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        new_p = p - lr * (m / h["bias_correction1"]) / (jnp.sqrt(v / h["bias_correction2"]) + h["eps"])
        if optimizer == "adamw":
            new_p = new_p - lr * wd * p
        return new_p, [m, v]
    if optimizer == "rmsprop":
        ms, mom = state
        rho, mu = h["rms_decay"], h["momentum"]
        g = g + wd * p
        ms = rho * ms + (1 - rho) * g * g
        mom = mu * mom + lr * g / jnp.sqrt(ms + h["eps"])
        return p - mom, [ms, mom]
    raise ValueError(f"unknown optimizer {optimizer!r}")


# --------------------------------------------------------------------------- the reference
class Reference:
    """JAX reference of ``spec``: forward (train/eval), loss, grads, optimizer step."""

    def __init__(self, spec, *, jit: bool = True, layout: str = "NHWC", precision: str = "f32",
                 drop_path: float = 0.0):
        """``layout``: the activation layout inside the model (inputs are NHWC either way);
        NHWC is the oracle's, NCHW is there for the benchmark's layout comparison.
        ``precision``: a ``netspec.precision`` mode; bf16_conv / bf16 round to bf16 exactly
        where the emitted module casts (run it in f32 for the emitted module's peer); the
        oracle is "f32" (no rounding: float64 truth with x64).
        ``drop_path``: the stochastic-depth rate (``netspec.analysis``; the rand layout)."""
        self.spec = spec
        self.prec = Precision(precision)
        self._lay = _Lay(layout)
        self.analysis: Analysis = analyze(spec, drop_path)
        self.eps = float(spec.bn_eps)
        self._rand_slices = self.analysis.rand_slices
        self._drops = {}      # layer index -> {block name: (column in its slice, rate)}
        for d in self.analysis.drop_blocks.values():
            self._drops.setdefault(d.layer, {})[d.name] = (
                d.column - self._rand_slices[d.layer][0], d.rate)
        self.rand_width = rand_width(self.analysis)
        self._decay = {p.name: bool(p.decay) for p in self.analysis.params}
        wrap = (lambda f, **kw: jax.jit(f, **kw)) if jit else (lambda f, **kw: f)
        self._fwd = wrap(self._forward_impl, static_argnames=("train", "collect"))
        self._loss = wrap(self._loss_fn)
        self._loss_grads = wrap(self._loss_grads_impl, static_argnames=("wrt_input",))
        self._vjp = wrap(self._vjp_impl, static_argnames=("train",))
        # the train step = the (shared) loss-gradient program + a small elementwise update
        self._opt = wrap(self._opt_impl, static_argnames=("optimizer", "frozen"))

    # ------------------------------------------------------------------ casting helpers
    def _prep(self, params, bn, images, rand):
        params = {k: jnp.asarray(v) for k, v in params.items()}
        missing = [p.name for p in self.analysis.params if p.name not in params]
        if missing:
            raise KeyError(f"missing parameters: {missing[:5]}{'...' if len(missing) > 5 else ''}")
        for p in self.analysis.params:
            if params[p.name].shape != p.shape:
                raise ValueError(f"{p.name}: shape {params[p.name].shape}, registry says {p.shape}")
        dt = params[self.analysis.params[0].name].dtype
        bn = {b.name: (jnp.asarray(bn[b.name][0], dt), jnp.asarray(bn[b.name][1], dt))
              for b in self.analysis.bns}
        images = jnp.asarray(images, dt)
        c, h, w = self.spec.in_channels, self.spec.image_h, self.spec.image_w
        if images.ndim != 4 or images.shape[1:] != (h, w, c):
            raise ValueError(f"images must be NHWC (B, {h}, {w}, {c}), got {images.shape}")
        if rand is not None:
            rand = jnp.asarray(rand, dt)
        return params, bn, images, rand

    def _check_rand(self, rand, batch, train):
        if not train:
            return
        if self.rand_width and rand is None:
            raise ValueError(f"train mode with dropout (or stochastic depth) needs rand of shape "
                             f"(B, {self.rand_width})")
        if rand is not None and rand.shape != (batch, self.rand_width):
            raise ValueError(f"rand must have shape ({batch}, {self.rand_width}), got {rand.shape}")

    def _m(self, bn_momentum):
        """The BN running-stat momentum: the runtime value, else the spec's (0.1 by default)."""
        return float(self.spec.bn_momentum) if bn_momentum is None else bn_momentum

    def _bn_order(self, bn):
        return {b.name: bn[b.name] for b in self.analysis.bns}

    def _p_order(self, d):
        return {p.name: d[p.name] for p in self.analysis.params}

    # ------------------------------------------------------------------ forward
    def _forward_impl(self, params, bn, images, bn_momentum, rand, *, train: bool, collect: bool):
        new_bn: dict = {}
        lay = self._lay
        x = lay.entry(images)
        outs = []
        for info in self.analysis.layers:
            cols = self._rand_slices.get(info.index)
            u = rand[:, cols[0]:cols[0] + cols[1]] if (train and rand is not None and cols) else None
            env = RefEnv(params, bn, new_bn, train, bn_momentum, self.eps, lay, u, self.prec,
                         self._drops.get(info.index))
            x = info.layer.reference(info.plan, x, env)
            if collect:
                outs.append(x)
        new_bn = {b.name: new_bn[b.name] for b in self.analysis.bns}
        return x, new_bn, (outs if collect else None)

    def forward(self, params, bn, images, *, train: bool, bn_momentum=None, rand=None):
        """-> (logits (B, K), new_bn).  new_bn is ``bn`` unchanged in eval mode."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], train)
        logits, new_bn, _ = self._fwd(params, bn, images, self._m(bn_momentum),
                                      rand if train else None, train=bool(train), collect=False)
        return logits, self._bn_order(new_bn)

    def layer_outputs(self, params, bn, images, *, train: bool, bn_momentum=None, rand=None):
        """The output of every spec layer (NHWC images / (B, F) features), in order."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], train)
        _, _, outs = self._fwd(params, bn, images, self._m(bn_momentum), rand if train else None,
                               train=bool(train), collect=True)
        return outs

    def predict(self, params, bn, images):
        """Eval-mode logits."""
        return self.forward(params, bn, images, train=False)[0]

    # ------------------------------------------------------------------ loss / grads
    def _loss_fn(self, params, bn, images, labels, label_smoothing, bn_momentum, rand):
        logits, new_bn, _ = self._forward_impl(params, bn, images, bn_momentum, rand,
                                               train=True, collect=False)
        loss, correct = softmax_xent(logits, labels, label_smoothing)
        return loss, (correct, new_bn, logits)

    def loss(self, params, bn, images, labels, *, label_smoothing=0.0, bn_momentum=None, rand=None):
        """Train-mode loss -> (loss, (correct, new_bn, logits))."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], True)
        loss, (correct, new_bn, logits) = self._loss(params, bn, images, jnp.asarray(labels),
                                                     label_smoothing, self._m(bn_momentum), rand)
        return loss, (correct, self._bn_order(new_bn), logits)

    def _loss_grads_impl(self, params, bn, images, labels, label_smoothing, bn_momentum, rand,
                         *, wrt_input: bool):
        argnums = (0, 2) if wrt_input else 0
        (loss, (correct, new_bn, _)), g = jax.value_and_grad(self._loss_fn, argnums=argnums,
                                                             has_aux=True)(
            params, bn, images, labels, label_smoothing, bn_momentum, rand)
        return loss, correct, g, new_bn

    def grads(self, params, bn, images, labels, *, label_smoothing=0.0, bn_momentum=None,
              rand=None, wrt_input: bool = False):
        """Train-mode loss gradient.  -> (loss, correct, grads_dict, new_bn), plus d_images
        (NHWC, same shape as images) appended when ``wrt_input``."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], True)
        labels = jnp.asarray(labels)
        loss, correct, g, new_bn = self._loss_grads(params, bn, images, labels, label_smoothing,
                                                    self._m(bn_momentum), rand,
                                                    wrt_input=bool(wrt_input))
        new_bn = self._bn_order(new_bn)
        if wrt_input:
            gp, gx = g
            return loss, correct, self._p_order(gp), new_bn, gx
        return loss, correct, self._p_order(g), new_bn

    def input_vjp(self, params, bn, images, labels, **kw):
        """The train-mode loss gradient wrt the images (NHWC)."""
        return self.grads(params, bn, images, labels, wrt_input=True, **kw)[4]

    def _vjp_impl(self, params, bn, images, bn_momentum, rand, cot, *, train: bool):
        def f(p, x):
            return self._forward_impl(p, bn, x, bn_momentum, rand, train=train, collect=False)[0]
        logits, pull = jax.vjp(f, params, images)
        dp, dx = pull(cot.astype(logits.dtype))
        return logits, dp, dx

    def vjp(self, params, bn, images, cot_logits, *, train: bool = True, bn_momentum=None,
            rand=None):
        """Pull a logits cotangent (B, K) back: -> (logits, d_params dict, d_images NHWC)."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], train)
        logits, dp, dx = self._vjp(params, bn, images, self._m(bn_momentum),
                                   rand if train else None, jnp.asarray(cot_logits),
                                   train=bool(train))
        return logits, self._p_order(dp), dx

    # ------------------------------------------------------------------ optimizer
    def init_opt_state(self, optimizer: str, dtype=np.float32) -> list[dict[str, np.ndarray]]:
        """One dict name -> array per state buffer of ``netspec.state.OPT_STATE[optimizer]``."""
        return [{p.name: np.full(p.shape, init, dtype) for p in self.analysis.params}
                for _, init in OPT_STATE[optimizer]]

    def _opt_impl(self, params, grads, opt_state, h, *, optimizer, frozen=frozenset()):
        new_params = {}
        new_state = [dict() for _ in opt_state]
        # the frozen set's tensors count their own (adam) steps from their first update
        h_thaw = (dict(h, bias_correction1=h["thaw_bias_correction1"],
                       bias_correction2=h["thaw_bias_correction2"])
                  if frozen and optimizer in ("adam", "adamw") else h)
        for p in self.analysis.params:
            np_, st = optimizer_update(optimizer, params[p.name], grads[p.name],
                                       [s[p.name] for s in opt_state],
                                       h_thaw if p.name in frozen else h, self._decay[p.name])
            new_params[p.name] = np_
            for i, s in enumerate(st):
                new_state[i][p.name] = s
        return new_params, new_state

    def train_step(self, params, opt_state, bn, images, labels, hyper, *, optimizer: str,
                   rand=None, clip: bool = False, ema=None, freeze=()):
        """One train step -> (params', opt_state', new_bn, loss, correct), and with ``clip``
        or ``ema`` a sixth element, a dict of the extras: ``grad_norm`` (clip: the loss
        gradient's global norm before clipping), ``ema`` / ``ema.bn`` (the updated EMA
        parameters dict and BN dict, ``ema`` being (parameters dict, BN dict) before the step).
        hyper: dict of ``netspec.state.HYPER_TABLE`` names or the hyper vector of a module with
        these features (``hyper_names(clip_grad=clip, ema=ema is not None)``; label_smoothing
        and bn_momentum are read from it; a dict may omit them: 0 and spec.bn_momentum).
        ``freeze``: parameter names frozen while hyper ``freeze_on`` is 1 (PyTorch
        ``requires_grad=False``: no gradient, so not in the clipping norm; parameters and
        optimizer state unchanged; adam's bias corrections of these tensors from
        ``thaw_bias_correction*``; BN statistics still tracked; netspec/state.py)."""
        params, bn, images, rand = self._prep(params, bn, images, rand)
        self._check_rand(rand, images.shape[0], True)
        dt = params[self.analysis.params[0].name].dtype
        frozen = frozenset(freeze or ())
        unknown = frozen - set(self._decay)
        if unknown:
            raise ValueError(f"freeze names tensors that are not parameters: {sorted(unknown)}")
        names = hyper_names(clip_grad=bool(clip), ema=ema is not None, freeze=bool(frozen))
        h = {k: jnp.asarray(v, dt) for k, v in decode_hyper(hyper, names).items()}
        if len(opt_state) != len(OPT_STATE[optimizer]):
            raise ValueError(f"{optimizer} keeps {len(OPT_STATE[optimizer])} state buffers, "
                             f"got {len(opt_state)}")
        opt_state = [{k: jnp.asarray(v, dt) for k, v in s.items()} for s in opt_state]
        ls = h.get("label_smoothing", jnp.asarray(0.0, dt))
        mom = h.get("bn_momentum", jnp.asarray(self.spec.bn_momentum, dt))
        loss, correct, g, bn2 = self._loss_grads(params, bn, images, jnp.asarray(labels), ls, mom,
                                                 rand, wrt_input=False)
        extras = {}
        if frozen:  # requires_grad=False: no .grad at all
            hold = h["freeze_on"] > 0.5
            g = {k: jnp.where(hold, jnp.zeros_like(v), v) if k in frozen else v
                 for k, v in g.items()}
        if clip:    # torch.nn.utils.clip_grad_norm_ on the loss gradient (.grad)
            norm = jnp.sqrt(sum(jnp.sum(jnp.square(g[p.name])) for p in self.analysis.params))
            scale = jnp.minimum(jnp.asarray(1.0, dt), h["max_grad_norm"] / (norm + 1e-6))
            g = {k: v * scale for k, v in g.items()}
            extras["grad_norm"] = norm
        p2, st2 = self._opt(params, g, opt_state, h, optimizer=optimizer, frozen=frozen)
        if frozen:  # the optimizer skips them: parameters and their state as they were
            p2 = {k: jnp.where(hold, params[k], v) if k in frozen else v for k, v in p2.items()}
            st2 = [{k: jnp.where(hold, old[k], v) if k in frozen else v for k, v in new.items()}
                   for old, new in zip(opt_state, st2)]
        p2, bn2 = self._p_order(p2), self._bn_order(bn2)
        if ema is not None:     # timm ModelEmaV2: parameters and BN buffers alike
            d = h["ema_decay"]
            ep, eb = ema
            extras["ema"] = {k: d * jnp.asarray(ep[k], dt) + (1 - d) * v for k, v in p2.items()}
            extras["ema.bn"] = {k: tuple(d * jnp.asarray(e, dt) + (1 - d) * x
                                         for e, x in zip(eb[k], v)) for k, v in bn2.items()}
        out = (p2, [self._p_order(s) for s in st2], bn2, loss, correct)
        return out + (extras,) if (clip or ema is not None) else out

    # ------------------------------------------------------------------ flat buffers
    def split(self, flat) -> dict:
        """Flat parameter / gradient / optimizer-state buffer -> dict (dtype kept)."""
        return self.analysis.split(np.asarray(flat))

    def join(self, tensors, dtype=None) -> np.ndarray:
        """dict -> flat buffer (dtype: given, else that of the tensors)."""
        first = np.asarray(tensors[self.analysis.params[0].name])
        return self.analysis.join(tensors, dtype or first.dtype)

    def split_bn(self, flat) -> dict:
        return self.analysis.split_bn(np.asarray(flat))

    def join_bn(self, bn, dtype=None) -> np.ndarray:
        if dtype is None:
            dtype = np.asarray(bn[self.analysis.bns[0].name][0]).dtype if self.analysis.bns \
                else np.float32
        out = np.empty((self.analysis.n_bn_floats,), dtype)
        for b in self.analysis.bns:
            mean, var = bn[b.name]
            out[b.offset:b.offset + b.channels] = np.asarray(mean)
            out[b.offset + b.channels:b.offset + 2 * b.channels] = np.asarray(var)
        return out

    def forward_flat(self, params_flat, bn_flat, images, *, train: bool, bn_momentum=None,
                     rand=None):
        """-> (logits np, new_bn_flat np)."""
        logits, new_bn = self.forward(self.split(params_flat), self.split_bn(bn_flat), images,
                                      train=train, bn_momentum=bn_momentum, rand=rand)
        dt = np.asarray(params_flat).dtype
        return np.asarray(logits), self.join_bn(new_bn, dt)

    def grads_flat(self, params_flat, bn_flat, images, labels, *, label_smoothing=0.0,
                   bn_momentum=None, rand=None, wrt_input: bool = False):
        """-> (loss, correct, grads_flat, new_bn_flat[, d_images]) as numpy (dtype of params)."""
        out = self.grads(self.split(params_flat), self.split_bn(bn_flat), images, labels,
                         label_smoothing=label_smoothing, bn_momentum=bn_momentum, rand=rand,
                         wrt_input=wrt_input)
        dt = np.asarray(params_flat).dtype
        res = (float(out[0]), int(out[1]), self.join(out[2], dt), self.join_bn(out[3], dt))
        return res + ((np.asarray(out[4]),) if wrt_input else ())

    def train_step_flat(self, params_flat, opt_flat, bn_flat, images, labels, hyper, *,
                        optimizer: str, rand=None, clip: bool = False, ema_flat=None,
                        freeze=()):
        """Flat buffers in and out: -> (params_flat', [opt_flat'...], bn_flat', loss, correct)
        and with ``clip`` / ``ema_flat`` (= (ema params flat, ema bn flat)) a dict of extras:
        ``grad_norm`` float, ``ema`` / ``ema.bn`` flat."""
        dt = np.asarray(params_flat).dtype
        ema = (None if ema_flat is None else
               (self.split(ema_flat[0]), self.split_bn(ema_flat[1])))
        out = self.train_step(
            self.split(params_flat), [self.split(s) for s in opt_flat], self.split_bn(bn_flat),
            images, labels, hyper, optimizer=optimizer, rand=rand, clip=clip, ema=ema,
            freeze=freeze)
        p, st, nbn, loss, correct = out[:5]
        res = (self.join(p, dt), [self.join(s, dt) for s in st], self.join_bn(nbn, dt),
               float(loss), int(correct))
        if len(out) == 5:
            return res
        ex = {}
        if "grad_norm" in out[5]:
            ex["grad_norm"] = float(out[5]["grad_norm"])
        if "ema" in out[5]:
            ex["ema"] = self.join(out[5]["ema"], dt)
            ex["ema.bn"] = self.join_bn(out[5]["ema.bn"], dt)
        return res + (ex,)

    def init_opt_state_flat(self, optimizer: str, dtype=np.float32) -> list[np.ndarray]:
        return [np.full((self.analysis.n_params,), init, dtype) for _, init in OPT_STATE[optimizer]]


# --------------------------------------------------------------------------- finite differences
def _tree_map(fn, *xs):
    if isinstance(xs[0], Mapping):
        return {k: fn(*(x[k] for x in xs)) for k in xs[0]}
    return fn(*xs)


def _tree_leaves(x):
    return [x[k] for k in x] if isinstance(x, Mapping) else [x]


def random_direction(x, seed: int = 0, *, normalize: bool = True):
    """A float64 standard-normal direction with the structure of x (array or dict of arrays),
    scaled to unit 2-norm overall when ``normalize``."""
    rng = np.random.default_rng(seed)
    u = _tree_map(lambda a: rng.standard_normal(np.shape(a)), x)
    if normalize:
        n = np.sqrt(sum(float(np.sum(np.square(l))) for l in _tree_leaves(u)))
        u = _tree_map(lambda a: a / n, u)
    return u


def central_difference(f: Callable, x, u, eps: float) -> float:
    """(f(x + eps u) - f(x - eps u)) / (2 eps), all in float64 NumPy (x, u: array or dict)."""
    xp = _tree_map(lambda a, b: np.asarray(a, np.float64) + eps * np.asarray(b, np.float64), x, u)
    xm = _tree_map(lambda a, b: np.asarray(a, np.float64) - eps * np.asarray(b, np.float64), x, u)
    return (float(f(xp)) - float(f(xm))) / (2.0 * eps)


def rel_err(a: float, b: float, floor: float = 1e-30) -> float:
    return abs(a - b) / max(abs(a), abs(b), floor)


def fd_check(f: Callable, x, grad, *, direction=None, eps: float = 1e-5, seed: int = 0):
    """Compare the directional derivative <grad, u> with the central difference of the scalar
    function f along u (random unit direction unless given).  -> (analytic, numeric, rel_err).
    x / grad / u: an array or a dict of arrays; f receives float64 NumPy of x's structure (for a
    JAX f, evaluate it with x64 enabled, or the difference measures float32 rounding)."""
    u = random_direction(x, seed) if direction is None else direction
    if isinstance(u, Mapping):
        pairs = [(grad[k], u[k]) for k in u]
    else:
        pairs = [(grad, u)]
    analytic = sum(float(np.sum(np.asarray(g, np.float64) * np.asarray(d, np.float64)))
                   for g, d in pairs)
    numeric = central_difference(f, x, u, eps)
    return analytic, numeric, rel_err(analytic, numeric)
