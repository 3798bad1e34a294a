"""Pretrained weights in and out: torchvision / timm state dicts <-> netspec checkpoints.

The name mapping is not a table per model: ``torch_key_table(spec, scheme)`` walks the spec's
layers in order and asks each kind's ``torch_names`` hook (``netspec.kinds``) where its
tensors live in a real torch model of that scheme, passing one ``NamingEnv`` along (the
position in the model's module tree: torchvision's ``features.<i>`` / ``classifier.<j>``,
timm's ``conv_stem`` / ``blocks.<s>.<r>`` / ``conv_head``).  The layout conversion is chosen by
each parameter's registry role (``netspec.kinds.TORCH_LAYOUTS``):

    OIHW  conv (out, in/groups, kh, kw) <-> HWIO (kh, kw, in/groups, out); depthwise
          (C, 1, k, k) <-> (k, k, 1, C) is the same transpose
    OI    nn.Linear (out, in)           <-> (in, out)
    OI11  1x1 conv (out, in, 1, 1)      <-> (in, out)          (the SE matmuls)
    C     vectors (biases, BN gamma / beta) as they are

Every BatchNorm contributes ``<bn>.weight`` / ``.bias`` (registry parameters), ``.running_mean``
and ``.running_var`` (netspec's BN-statistics buffer: mean[C] then var[C] per BN) and
``.num_batches_tracked``: read (a scalar integer) and ignored, because torch consults it only
for ``momentum=None`` (a cumulative average) and netspec's BN always uses the spec's fixed
``bn_momentum``; a state dict without it is accepted, as torch's own loader accepts one.  On
export it is written as the checkpoint's optimizer step count.

Importing checks every key: missing, unexpected, mis-shaped, non-float or non-finite tensors
are listed by name in ONE ``WeightsError``; nothing is skipped.  A state dict does not record
BatchNorm's eps or momentum: ``check_model_conventions`` compares them on a model object
(``--arch NAME`` builds the named model class, randomly initialised, to check them and its
own key set).

Files: safetensors is read directly; a ``.pth`` / ``.pt`` / ``.bin`` is a pickle and is read
only through ``torch.load(weights_only=True)`` when torch is installed.
"""

from __future__ import annotations

import json
import sys
import time
import types
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from netspec.analysis import analyze, layout_dict, layout_hash, spec_hash
from netspec.atomic import remove_stale_tmp, sha256_file, write_atomic
from netspec.errors import ConfigError, NetspecError
from netspec.kinds import TORCH_LAYOUTS, TORCH_SCHEMES, NamingEnv

from .checkpoint import save_checkpoint

__all__ = ["IMAGENET_MEAN", "IMAGENET_STD", "ImportResult", "SCHEMES", "TorchKey", "WeightsError",
           "check_model_conventions", "export_file", "export_state_dict", "import_file",
           "import_state_dict", "read_state_dict", "torch_key_table", "torch_model", "torch_zoo"]

SCHEMES = TORCH_SCHEMES
#: the input normalisation both libraries' ImageNet weights for these nets expect
#: (torchvision's transforms, timm's IMAGENET_DEFAULT_MEAN / STD); stored in an imported checkpoint
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
PICKLE_SUFFIXES = (".pth", ".pt", ".bin", ".ckpt")
BN_BUFFERS = ("running_mean", "running_var")
NBT = "num_batches_tracked"
NBT_REASON = ("read and ignored: torch uses it only with momentum=None (a cumulative average); "
              "netspec's BatchNorm always uses the spec's fixed bn_momentum")


class WeightsError(NetspecError):
    """A state dict that does not fit the spec, or a weights file that cannot be read/written."""


# --------------------------------------------------------------------------- the torch model zoo
def torch_zoo():
    """``(torchvision.models, timm)``, imported with the one shim they need next to the CPU torch
    build: torchvision 0.28.0's wheel registers fake kernels for its CUDA-built C ops (nms, ...)
    at import and fails ("operator torchvision::nms does not exist"); the model classes are pure
    Python, so its ``_meta_registrations`` module is replaced by an empty one before import.
    WeightsError naming what is missing when they are not installed."""
    if "torchvision" not in sys.modules:
        sys.modules.setdefault("torchvision._meta_registrations",
                               types.ModuleType("torchvision._meta_registrations"))
    try:
        import torchvision.models as tvm
    except ImportError as e:
        raise WeightsError(f"torchvision is not installed ({e})\n  hint: pip install -e "
                           "'.[weights]' (torchvision 0.28.0, timm 1.0.31)") from None
    try:
        import timm
    except ImportError as e:
        raise WeightsError(f"timm is not installed ({e})\n  hint: pip install -e '.[weights]'"
                           ) from None
    return tvm, timm


def torch_model(scheme: str, arch: str, num_classes: int):
    """The real model class ``arch`` of ``scheme``, randomly initialised (never downloads)."""
    _scheme(scheme)
    tvm, timm = torch_zoo()
    try:
        if scheme == "torchvision":
            return tvm.get_model(arch, weights=None, num_classes=num_classes)
        return timm.create_model(arch, pretrained=False, num_classes=num_classes)
    except (ValueError, KeyError, RuntimeError) as e:
        raise WeightsError(f"--arch {arch}: {scheme} cannot build it: {e}") from None


def _scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise ConfigError("is not a known state-dict naming", where="--from/--to",
                          expected=" | ".join(SCHEMES), received=scheme)
    return scheme


# --------------------------------------------------------------------------- the key table
@dataclass(frozen=True)
class TorchKey:
    """One tensor of the torch state dict: ``key``; ``what``: ``param`` (registry parameter
    ``target``, converted by ``layout``), ``running_mean`` / ``running_var`` (BN ``target``),
    or ``num_batches_tracked``; ``shape``: its torch shape (``()`` for the counter)."""
    key: str
    what: str
    target: str
    layout: str
    shape: tuple[int, ...]
    netspec_shape: tuple[int, ...]


def torch_shape(layout: str, shape) -> tuple[int, ...]:
    """The torch shape of a netspec tensor of ``shape`` stored as ``layout``."""
    if layout == "OIHW":
        kh, kw, i, o = shape
        return (o, i, kh, kw)
    if layout == "OI":
        i, o = shape
        return (o, i)
    if layout == "OI11":
        i, o = shape
        return (o, i, 1, 1)
    return tuple(shape)


def to_netspec(layout: str, t: np.ndarray) -> np.ndarray:
    if layout == "OIHW":
        return t.transpose(2, 3, 1, 0)
    if layout == "OI":
        return t.T
    if layout == "OI11":
        return t[:, :, 0, 0].T
    return t


def to_torch(layout: str, t: np.ndarray) -> np.ndarray:
    if layout == "OIHW":
        return t.transpose(3, 2, 0, 1)
    if layout == "OI":
        return t.T
    if layout == "OI11":
        return t.T[:, :, None, None]
    return t


def torch_key_table(spec, scheme: str) -> list[TorchKey]:
    """Every key of a ``scheme`` state dict of ``spec``'s network, from the layer kinds'
    ``torch_names`` hooks, in network order; each registry parameter and BN named exactly once
    (a kind that names less or more is a bug, reported by name)."""
    _scheme(scheme)
    a = analyze(spec)
    env = NamingEnv.of(scheme, [info.layer for info in a.layers])
    names, bns = {}, {}
    for info in a.layers:
        env.where = info.where
        got = info.layer.torch_names(info.plan, env)
        names.update(got.params)
        bns.update(got.bns)
    want_p = [p.name for p in a.params]
    want_b = [b.name for b in a.bns]
    if set(names) != set(want_p) or set(bns) != set(want_b):
        raise RuntimeError(f"torch_names hooks disagree with the registry: unnamed "
                           f"{sorted(set(want_p) - set(names)) + sorted(set(want_b) - set(bns))}, "
                           f"unknown {sorted(set(names) - set(want_p)) + sorted(set(bns) - set(want_b))}")
    rows = []
    for p in a.params:
        layout = TORCH_LAYOUTS[p.role]
        rows.append(TorchKey(names[p.name], "param", p.name, layout, torch_shape(layout, p.shape),
                             p.shape))
    for b in a.bns:
        for buf in BN_BUFFERS:
            rows.append(TorchKey(f"{bns[b.name]}.{buf}", buf, b.name, "C", (b.channels,),
                                 (b.channels,)))
        rows.append(TorchKey(f"{bns[b.name]}.{NBT}", NBT, b.name, "", (), ()))
    seen: dict[str, str] = {}
    for r in rows:
        if r.key in seen:
            raise RuntimeError(f"torch key {r.key} is claimed by {seen[r.key]} and {r.target}")
        seen[r.key] = r.target
    return rows


# --------------------------------------------------------------------------- reading files
def _to_numpy(key: str, v, path) -> np.ndarray:
    import torch
    if not isinstance(v, torch.Tensor):
        raise WeightsError(f"{path}: entry {key!r} is a {type(v).__name__}, not a tensor")
    if v.dtype == torch.bfloat16:
        v = v.float()
    return v.detach().cpu().numpy()


def read_state_dict(path) -> dict[str, np.ndarray]:
    """{key: array} of a safetensors file, or of a pickled ``.pth`` through
    ``torch.load(weights_only=True)`` (torch needed; bf16 tensors are widened to f32 by torch).
    A ``{"state_dict": ...}`` / ``{"model": ...}`` wrapper (training checkpoints) is unwrapped."""
    path = Path(path)
    if not path.is_file():
        raise WeightsError(f"{path}: no such weights file")
    if path.suffix.lower() in PICKLE_SUFFIXES:
        try:
            import torch
        except ImportError:
            raise WeightsError(
                f"{path} is a pickle ({path.suffix}); netspec reads one only through "
                "torch.load(weights_only=True), and torch is not installed"
                "\n  hint: pip install torch, or convert the file to safetensors") from None
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001 - torch's unpickler raises many types
            raise WeightsError(f"{path}: torch.load(weights_only=True) refused it: "
                               f"{str(e).splitlines()[0]}") from None
        for wrap in ("state_dict", "model"):
            if isinstance(obj, dict) and isinstance(obj.get(wrap), dict) and not any(
                    hasattr(v, "shape") for v in obj.values()):
                obj = obj[wrap]
        if not isinstance(obj, dict):
            raise WeightsError(f"{path}: holds a {type(obj).__name__}, not a state dict")
        return {str(k): _to_numpy(k, v, path) for k, v in obj.items()}
    if path.suffix.lower() != ".safetensors":
        raise WeightsError(f"{path}: unknown weights format {path.suffix!r}; netspec reads "
                           f".safetensors (and {', '.join(PICKLE_SUFFIXES)} through torch)")
    from safetensors import SafetensorError
    from safetensors.numpy import load_file
    try:
        return load_file(str(path))
    except SafetensorError as e:
        raise WeightsError(f"{path}: not a readable safetensors file: {e}") from None
    except (TypeError, ValueError) as e:       # a dtype numpy lacks (bf16): torch can widen it
        try:
            from safetensors.torch import load_file as torch_load
        except ImportError:
            raise WeightsError(f"{path}: {e}; reading it needs torch (bf16 tensors)") from None
        return {k: _to_numpy(k, v, path) for k, v in torch_load(str(path)).items()}


# --------------------------------------------------------------------------- import
@dataclass
class ImportResult:
    params: np.ndarray                 # the flat parameter buffer (registry layout)
    bn: np.ndarray                     # the flat BN statistics (mean[C], var[C] per BN)
    keys: int                          # torch keys read
    notes: list[str] = field(default_factory=list)


def _listing(title: str, items: list[str], limit: int = 40) -> str:
    shown = items[:limit]
    more = f"\n    ... and {len(items) - limit} more" if len(items) > limit else ""
    return f"  {title} ({len(items)}):\n" + "\n".join(f"    {s}" for s in shown) + more


def import_state_dict(spec, sd: dict, scheme: str, *, source: str = "state dict") -> ImportResult:
    """The netspec parameters and BN statistics of a ``scheme`` state dict ``sd`` ({key:
    array}); WeightsError listing every missing, unexpected, mis-shaped or unusable key."""
    a = analyze(spec)
    rows = torch_key_table(spec, scheme)
    by_key = {r.key: r for r in rows}
    missing = [f"{r.key}  {r.shape}  (netspec {r.target})" for r in rows
               if r.key not in sd and r.what != NBT]
    unexpected = [f"{k}  {tuple(np.shape(v))}" for k, v in sd.items() if k not in by_key]
    bad_shape, bad_value = [], []
    for k, v in sd.items():
        r = by_key.get(k)
        if r is None:
            continue
        shape = tuple(np.shape(v))
        if shape != r.shape:
            bad_shape.append(f"{k}: has shape {shape}, expected {r.shape} (netspec {r.target} "
                             f"{r.netspec_shape}{', ' + r.layout if r.layout else ''})")
            continue
        dt = np.asarray(v).dtype
        if r.what == NBT:
            if dt.kind not in "iu":
                bad_value.append(f"{k}: is {dt}, expected an integer counter")
        elif dt.kind != "f":
            bad_value.append(f"{k}: is {dt}, expected floating point")
        elif not np.all(np.isfinite(v)):
            bad_value.append(f"{k}: holds non-finite values (netspec {r.target})")
        elif r.what == "running_var" and np.any(np.asarray(v) < 0):
            bad_value.append(f"{k}: a running variance with negative entries")
    if missing or unexpected or bad_shape or bad_value:
        nbt = sum(r.what == NBT for r in rows)
        parts = [f"{source} does not fit {spec.name} as a {scheme} state dict ({len(sd)} keys "
                 f"read; expected {len(rows) - nbt} tensors and {nbt} optional "
                 f"num_batches_tracked):"]
        if missing:
            parts.append(_listing("missing keys", missing))
        if unexpected:
            parts.append(_listing("unexpected keys", unexpected))
        if bad_shape:
            parts.append(_listing("mis-shaped keys", bad_shape))
        if bad_value:
            parts.append(_listing("unusable tensors", bad_value))
        hint = (f"check --from ({' | '.join(SCHEMES)}) and that SPEC.py is the architecture "
                "(and class count) the weights were saved for")
        for other in SCHEMES:
            if other != scheme and unexpected:
                theirs = {r.key for r in torch_key_table(spec, other)}
                if sum(k in theirs for k in sd) > len(sd) // 2:
                    hint = (f"most keys are {other}'s names for this network: pass --from "
                            f"{other}")
        parts.append(f"  hint: {hint}")
        raise WeightsError("\n".join(parts))
    tensors = {}
    bn = np.empty((a.n_bn_floats,), np.float32)
    bn_off = {b.name: b for b in a.bns}
    for r in rows:
        if r.key not in sd or r.what == NBT:
            continue
        v = np.asarray(sd[r.key], np.float32)
        if r.what == "param":
            tensors[r.target] = to_netspec(r.layout, v)
        else:
            b = bn_off[r.target]
            start = b.offset + (0 if r.what == "running_mean" else b.channels)
            bn[start:start + b.channels] = v
    notes = []
    nbt = sum(r.what == NBT for r in rows)
    absent = sum(r.what == NBT and r.key not in sd for r in rows)
    notes.append(f"{nbt - absent} num_batches_tracked counters {NBT_REASON}"
                 + (f"; {absent} absent (torch's own loader accepts that too)" if absent else ""))
    return ImportResult(a.join(tensors), bn, len(sd), notes)


def check_model_conventions(spec, model) -> list[str]:
    """Compare every BatchNorm of a torch ``model`` with the spec's ``bn_eps`` / ``bn_momentum``.
    An eps that differs changes every output: WeightsError naming the modules.  A momentum that
    differs only changes fine-tuning's running statistics: returned as notes."""
    from torch import nn
    eps, mom = [], []
    for name, m in model.named_modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            if not np.isclose(m.eps, spec.bn_eps, rtol=1e-6, atol=0):
                eps.append(f"{name}: eps {m.eps:g}")
            if m.momentum is None or not np.isclose(m.momentum, spec.bn_momentum):
                mom.append(f"{name}: momentum {m.momentum}")
    if eps:
        raise WeightsError(
            f"the torch model's BatchNorm eps differs from the spec's bn_eps {spec.bn_eps:g} "
            "(it changes every normalised value, so the logits would not match):\n"
            + _listing("BatchNorms", eps)
            + "\n  hint: set NetSpec(..., bn_eps=...) to the model's eps")
    if mom:
        return [f"{len(mom)} BatchNorm(s) use another momentum than the spec's bn_momentum "
                f"{spec.bn_momentum:g} (first: {mom[0]}); inference is unaffected, fine-tuning "
                "updates the running statistics with the spec's"]
    return []


def check_arch(spec, scheme: str, arch: str) -> list[str]:
    """``--arch``: build the real model class and check its BN conventions and that its own
    state dict has exactly the keys and shapes of this spec's table."""
    model = torch_model(scheme, arch, analyze(spec).num_classes)
    notes = check_model_conventions(spec, model)
    sd = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    try:
        import_state_dict(spec, sd, scheme, source=f"{scheme} {arch}'s own state dict")
    except WeightsError as e:
        raise WeightsError(f"--arch {arch}: the model class does not have this spec's "
                           f"architecture:\n{e}") from None
    return notes + [f"--arch {arch}: BatchNorm eps {spec.bn_eps:g} and the key set match the "
                    "model class"]


def import_file(spec, weights, scheme: str, out, *, spec_file: str | None = None,
                classes: list[str] | None = None, arch: str | None = None) -> dict:
    """Read ``weights``, convert, and write the netspec checkpoint ``out`` atomically (nothing is
    written unless every key fits).  -> a summary dict (out, keys, notes)."""
    _scheme(scheme)
    weights, out = Path(weights), Path(out)
    if out.resolve() == weights.resolve():
        raise ConfigError("would overwrite the weights being imported", where="-o",
                          received=str(out))
    a = analyze(spec)
    if classes is None:
        classes = [str(i) for i in range(a.num_classes)]
    if len(classes) != a.num_classes:
        raise ConfigError(f"names {len(classes)} classes; {spec.name} has {a.num_classes}",
                          where="--classes")
    notes = check_arch(spec, scheme, arch) if arch else [
        "BatchNorm eps/momentum not checked (a state dict does not record them): pass --arch "
        "NAME to check them on the model class"]
    res = import_state_dict(spec, read_state_dict(weights), scheme, source=str(weights))
    manifest = {
        "spec_name": spec.name, "spec_hash": spec_hash(spec), "layout_hash": layout_hash(a),
        "n_params": a.n_params, "n_bn_floats": a.n_bn_floats, "dtype": "float32",
        "parameter_layout": layout_dict(a), "optimizer": None, "state_names": [], "step": 0, "epoch": 0, "batch_in_epoch": 0,
        "steps_per_epoch": 0, "epochs_evaluated": 0, "best_top1": None, "reason": "import",
        "config": None,
        "imported": {"from": scheme, "file": str(weights), "sha256": sha256_file(weights),
                     "keys": res.keys, "arch": arch, "spec_file": spec_file},
        "data": {"source": f"imported from {weights} ({scheme})", "classes": list(classes),
                 "mean": list(IMAGENET_MEAN), "std": list(IMAGENET_STD),
                 "image_hw": [spec.image_h, spec.image_w], "channels": spec.in_channels,
                 "description": f"{scheme} weights; ImageNet normalisation"},
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    save_checkpoint(out, {"params": res.params, "bn": res.bn}, manifest)
    return {"out": str(out), "keys": res.keys, "notes": notes + res.notes}


# --------------------------------------------------------------------------- export
def export_state_dict(spec, params: np.ndarray, bn: np.ndarray, scheme: str, *,
                      num_batches_tracked: int = 0) -> dict[str, np.ndarray]:
    """The ``scheme`` state dict {key: array} (torch layouts, f32; the BN counters int64) of
    flat netspec ``params`` and ``bn`` buffers, in the model's key order."""
    a = analyze(spec)
    p = a.split(np.asarray(params, np.float32))
    stats = a.split_bn(np.asarray(bn, np.float32)) if bn.shape == (a.n_bn_floats,) else None
    if stats is None:
        raise WeightsError(f"the BN statistics have shape {bn.shape}, expected ({a.n_bn_floats},)")
    out = {}
    for r in torch_key_table(spec, scheme):
        if r.what == "param":
            t = to_torch(r.layout, p[r.target])
        elif r.what == NBT:
            t = np.asarray(num_batches_tracked, np.int64)
        else:
            t = stats[r.target][0 if r.what == "running_mean" else 1]
        # (np.ascontiguousarray makes a 0-d array 1-d: num_batches_tracked must stay shape ())
        out[r.key] = np.ascontiguousarray(t) if np.ndim(t) else np.asarray(t)
    return out


def export_file(spec, params: np.ndarray, bn: np.ndarray, scheme: str, out, *, step: int = 0,
                source: str = "", arch: str | None = None) -> dict:
    """Write the ``scheme`` state dict as safetensors at ``out`` atomically (the metadata
    ``format: pt`` as torch/timm write it, and where it came from)."""
    _scheme(scheme)
    out = Path(out)
    if out.suffix.lower() != ".safetensors":
        raise ConfigError("must name a .safetensors file", where="-o", received=str(out))
    notes = check_arch(spec, scheme, arch) if arch else []
    sd = export_state_dict(spec, params, bn, scheme, num_batches_tracked=step)
    from safetensors.numpy import save
    meta = {"format": "pt", "netspec": json.dumps({"spec_name": spec.name, "scheme": scheme,
                                                   "source": source, "step": step})}
    data = save(sd, metadata=meta)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_tmp(out)
        write_atomic(out, data)
    except OSError as e:
        raise WeightsError(f"could not write {out}: {e.strerror or e}") from None
    return {"out": str(out), "keys": len(sd), "bytes": len(data), "notes": notes}
