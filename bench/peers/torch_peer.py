"""The PyTorch-eager peer: the same network as a plain ``torch.nn.Module``, trained the way a
PyTorch user would train it (``loss.backward()`` + ``torch.optim.Adam``), no compilation.

The module is built from ``netspec.analysis.analyze(spec)`` (any spec of registered layer
kinds: each kind's ``torch_module`` hook gives its block), not hard-coded to one model, and
computes exactly the function of ``netspec.reference`` (the JAX oracle):

- convBn -> ``nn.Conv2d(bias=False, groups=g, padding=k//2 | 0)`` + ``nn.BatchNorm2d(eps=
  spec.bn_eps, momentum=spec.bn_momentum)`` + act (swish = ``nn.SiLU``, relu6 = ``nn.ReLU6``,
  relu = ``nn.ReLU``, sigmoid = ``nn.Sigmoid``, identity = ``nn.Identity``).  PyTorch's train-mode
  BN is the reference's: normalise with the batch mean and the BIASED variance over (B, H, W),
  running stats ``r = (1-m) r + m stat`` with the UNBIASED variance (n / (n-1), n = B*H*W).
- blocks (inverted residual / MBConv): [expand convBn] -> depthwise convBn (groups = channels)
  -> [SE] -> project convBn (identity act) -> ``+ x`` when the plan says residual.
- SE (as torchvision's ``SqueezeExcitation``): ``AdaptiveAvgPool2d(1)`` -> 1x1 ``Conv2d`` with
  bias (c -> se) -> SiLU -> 1x1 ``Conv2d`` with bias (se -> c) -> Sigmoid -> ``x * gate``; the
  reference's ``mean_hw(x) @ W1 + b1`` is the 1x1 conv with weight ``W1.T``.
- globalAvgPool -> ``AdaptiveAvgPool2d(1)`` + ``flatten(1)``; dense -> ``nn.Linear`` + act.
- dropout: NOT ``nn.Dropout`` (its own RNG) but the shared uniforms, so every peer computes the
  same function: layer j reads ``rand[:, off_j:off_j+F_j]`` (``Analysis.rand_slices``),
  ``keep = u >= rate``, ``y = x * keep / (1 - rate)``; identity in eval mode or at rate 0.
- loss: ``F.cross_entropy(logits, labels, label_smoothing=eps)`` =
  ``(1-eps) nll + eps * mean_k(-log p_k)`` = the reference's CE against
  ``(1-eps) onehot + eps/K``, batch mean.
- Adam: ``torch.optim.Adam(lr, betas, eps, weight_decay=0)`` defaults otherwise;
  ``p -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)`` = the reference's
  ``lr * (m/bc1) / (sqrt(v/bc2) + eps)``.

Layout mapping (netspec registry -> torch), see ``to_torch`` / ``from_torch``:
conv ``w`` HWIO (kh, kw, in/g, out) -> OIHW ``permute(3, 2, 0, 1)``; dense ``w`` (in, out) ->
Linear ``(out, in)``; SE ``reduce.w`` (c, se) -> conv ``(se, c, 1, 1)`` and ``expand.w``
(se, c) -> ``(c, se, 1, 1)``; gamma / beta / biases unchanged; the BN state of
``split_bn(flat)`` -> ``running_mean`` / ``running_var``.  ``model.param_map`` (netspec name ->
(torch parameter name, role)) and ``model.bn_map`` (netspec BN name -> torch module name) keep
the correspondence so gradients compare per tensor.

Images arrive NHWC (the suite's shared inputs) and are converted to contiguous NCHW inside the
step (``permute(0, 3, 1, 2).contiguous()``): PyTorch's default memory format, float32.
"""

from __future__ import annotations

import os

import numpy as np

import torch
import torch.nn.functional as F
from torch import nn

from netspec.analysis import analyze
from netspec.kinds import TorchEnv

from ..workloads import BETA1, BETA2, EPS, LABEL_SMOOTHING, LR
from .base import Peer

__all__ = ["TorchPeer", "TorchCompilePeer", "NetspecTorch", "build_model", "load_state", "to_torch", "from_torch",
           "export_params", "export_grads", "export_bn", "torch_version"]


def torch_version() -> str:
    return torch.__version__


# --------------------------------------------------------------------------- layout transforms
def to_torch(role: str, a: np.ndarray) -> np.ndarray:
    """A registry tensor (netspec layout) -> the torch parameter's layout."""
    a = np.asarray(a)
    if role in ("conv_w", "dw_w"):            # HWIO -> OIHW
        return np.ascontiguousarray(a.transpose(3, 2, 0, 1))
    if role == "dense_w":                     # (in, out) -> (out, in)
        return np.ascontiguousarray(a.T)
    if role == "se_w":                        # (in, out) -> 1x1 conv (out, in, 1, 1)
        return np.ascontiguousarray(a.T[:, :, None, None])
    return a


def from_torch(role: str, a: np.ndarray) -> np.ndarray:
    """Inverse of :func:`to_torch` (for parameters and their gradients)."""
    a = np.asarray(a)
    if role in ("conv_w", "dw_w"):            # OIHW -> HWIO
        return np.ascontiguousarray(a.transpose(2, 3, 1, 0))
    if role == "dense_w":
        return np.ascontiguousarray(a.T)
    if role == "se_w":
        return np.ascontiguousarray(a[:, :, 0, 0].T)
    return a


# --------------------------------------------------------------------------- the model
class NetspecTorch(nn.Module):
    """The spec's network; ``forward(x NCHW, rand (B, R) or None)`` -> logits (B, K).

    Layer i is the torch block of its kind (the kind's ``torch_module`` hook in
    ``netspec/kinds/``), registered as ``layers.i``; the hook also names, for each of its
    registry parameters and BatchNorms, the torch parameter / module that holds it."""

    def __init__(self, analysis):
        super().__init__()
        spec = analysis.spec
        eps, mom = float(spec.bn_eps), float(spec.bn_momentum)
        layers, self._takes_rand = [], []
        self.param_map: dict[str, tuple[str, str]] = {}   # netspec name -> (torch name, role)
        self.bn_map: dict[str, str] = {}                   # netspec BN name -> torch module
        roles = {p.name: p.role for p in analysis.params}
        for info in analysis.layers:
            env = TorchEnv(eps, mom, analysis.rand_slices.get(info.index))
            block, names, bn_names = info.layer.torch_module(info.plan, env)
            pre = f"layers.{info.index}"
            layers.append(block)
            self._takes_rand.append(type(info.layer).torch_takes_rand)
            for name in (p.name for p in info.layer.params(info.plan)):   # registry order
                self.param_map[name] = (f"{pre}.{names[name]}", roles[name])
            self.bn_map.update({n: f"{pre}.{m}" for n, m in bn_names.items()})
        self.layers = nn.ModuleList(layers)
        names = dict(self.named_parameters())
        if [p.name for p in analysis.params] != list(self.param_map) or \
                sorted(t for t, _ in self.param_map.values()) != sorted(names):
            raise RuntimeError("torch model does not map one-to-one onto the parameter registry")

    def forward(self, x, rand=None):
        for layer, takes_rand in zip(self.layers, self._takes_rand):
            x = layer(x, rand) if takes_rand else layer(x)
        return x


def build_model(spec) -> NetspecTorch:
    return NetspecTorch(analyze(spec))


@torch.no_grad()
def load_state(model: NetspecTorch, analysis, params_flat, bn_flat) -> None:
    """Copy the registry's flat parameters and BN running statistics into the model (cast to the
    model's dtype)."""
    tparams = dict(model.named_parameters())
    for name, arr in analysis.split(np.asarray(params_flat)).items():
        tname, role = model.param_map[name]
        tparams[tname].copy_(torch.from_numpy(to_torch(role, arr)))
    mods = dict(model.named_modules())
    for name, (mean, var) in analysis.split_bn(np.asarray(bn_flat)).items():
        bn = mods[model.bn_map[name]]
        bn.running_mean.copy_(torch.from_numpy(np.array(mean)))
        bn.running_var.copy_(torch.from_numpy(np.array(var)))
        bn.num_batches_tracked.zero_()


def export_params(model: NetspecTorch) -> dict[str, np.ndarray]:
    """netspec name -> parameter in the registry layout."""
    tp = dict(model.named_parameters())
    return {n: from_torch(role, tp[t].detach().cpu().numpy()) for n, (t, role) in model.param_map.items()}


def export_grads(model: NetspecTorch) -> dict[str, np.ndarray]:
    """netspec name -> ``.grad`` in the registry layout (after a backward)."""
    tp = dict(model.named_parameters())
    return {n: from_torch(role, tp[t].grad.detach().cpu().numpy())
            for n, (t, role) in model.param_map.items()}


def export_bn(model: NetspecTorch) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    mods = dict(model.named_modules())
    return {n: (mods[m].running_mean.cpu().numpy().copy(), mods[m].running_var.cpu().numpy().copy())
            for n, m in model.bn_map.items()}


def nchw(images_nhwc: np.ndarray, dtype=None) -> torch.Tensor:
    x = torch.from_numpy(images_nhwc).permute(0, 3, 1, 2).contiguous()
    return x if dtype is None else x.to(dtype)


# --------------------------------------------------------------------------- the peer
class TorchPeer(Peer):
    name = "torch"
    label = "PyTorch eager"

    def __init__(self, workload, inputs, options=None):
        super().__init__(workload, inputs, options)
        torch.set_num_threads(os.cpu_count() or 1)
        self.model = None
        self.opt = None
        self._last = None          # step's loss (train) or logits (predict), for check()

    def prepare(self) -> dict:
        torch.set_num_threads(os.cpu_count() or 1)
        self.analysis = analyze(self.spec)
        self.model = NetspecTorch(self.analysis)
        load_state(self.model, self.analysis, self.inputs["params"], self.inputs["bn"])
        if self.w.kind == "predict":
            self.model.eval()
        else:
            self.model.train()
            self.opt = torch.optim.Adam(self.model.parameters(), lr=LR, betas=(BETA1, BETA2),
                                        eps=EPS, weight_decay=0)
        n = sum(p.numel() for p in self.model.parameters())
        return {"compile_s": None, "mlir_bytes": None, "params": int(n)}

    def _forward(self, *args):
        """The model call of a step (the compiled model in ``TorchCompilePeer``)."""
        return self.model(*args)

    def step(self, i: int) -> float:
        images, labels, rand = self.batch(i)
        if self.w.kind == "predict":
            with torch.inference_mode(), self._autocast():
                logits = self._forward(nchw(images)).float()
                self._last = logits
                return float(logits.sum())
        x = nchw(images)
        y = torch.from_numpy(labels).long()
        u = torch.from_numpy(rand)
        with self._autocast():
            logits = self._forward(x, u)
        loss = F.cross_entropy(logits.float(), y, label_smoothing=LABEL_SMOOTHING)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        self._last = loss.item()
        return self._last

    def _autocast(self):
        """The workload's precision: f32 (autocast off) or bf16 (PyTorch's CPU autocast; the
        parameters, their gradients and Adam stay f32)."""
        if self.w.precision not in ("f32", "bf16"):
            raise ValueError(f"the torch peer has no {self.w.precision} mode")
        return torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.w.precision == "bf16")

    def grad_norm_direct(self) -> float:
        """||grad||_2 of the last step from the ``.grad`` buffers (kept until the next step)."""
        g = [p.grad.detach().double().reshape(-1) for p in self.model.parameters()]
        return float(torch.linalg.vector_norm(torch.cat(g)))

    def grad_norm_first_moment(self) -> float:
        m = [self.opt.state[p]["exp_avg"].detach().reshape(-1) for p in self.model.parameters()]
        return self.grad_norm_from_first_moment(torch.cat(m).numpy())

    def check(self) -> dict:
        if self.w.kind == "predict":
            return {"logits": self._last.tolist()}
        return {"loss": float(self._last), "grad_norm": self.grad_norm_first_moment()}


class TorchCompilePeer(TorchPeer):
    """PyTorch with ``torch.compile`` (inductor, default mode) on the model; the loss, backward
    and Adam as in the eager peer (Adam eager, as most users run it).  ``prepare`` compiles by
    running one step (forward and the AOT-compiled backward graph) and records its time as the
    compile time; then the parameters, BN statistics and Adam are reset to the shared initial
    state, so step 0 is the same step every peer runs (the step-0 check)."""
    name = "torch-compile"
    label = "torch.compile"

    def prepare(self) -> dict:
        import os
        import time
        if self.options.get("cache_dir"):
            # inductor's on-disk caches (FX graphs, AOT autograd, kernels) under the run's
            # compile cache: a fresh cache makes its compile as cold as every other peer's,
            # not a hit on an earlier run's /tmp/torchinductor_<user>
            os.environ["TORCHINDUCTOR_CACHE_DIR"] = os.path.join(self.options["cache_dir"], "torchinductor")
        info = super().prepare()
        self._compiled = torch.compile(self.model)
        t0 = time.perf_counter()
        self.step(0)                    # compiles (predict: under inference_mode, as timed)
        info["compile_s"] = round(time.perf_counter() - t0, 2)
        with torch.no_grad():
            load_state(self.model, self.analysis, self.inputs["params"], self.inputs["bn"])
        if self.w.kind != "predict":
            self.opt = torch.optim.Adam(self.model.parameters(), lr=LR, betas=(BETA1, BETA2),
                                        eps=EPS, weight_decay=0)
            self.model.zero_grad(set_to_none=True)
        return info

    def _forward(self, *args):
        return self._compiled(*args)
