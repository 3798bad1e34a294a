"""Shape and parameter inference over a whole spec: the ONE parameter registry.

``analyze(spec)`` walks the layers once and returns:
- per layer: input/output shape, its plan, parameter count, multiply-accumulates per image;
- ``params``: the ordered parameter registry — name, shape, role, init, weight-decay flag,
  offset into the one flat f32 parameter buffer.  Signatures, initialisation, counts, the
  optimizer, checkpoints and the JAX reference all derive from it;
- ``bns``: the BatchNorm running-stat layout: one flat f32 buffer holding, per BN layer in
  network order, ``mean[C]`` then ``var[C]``.

MACs count convolution (incl. depthwise) and dense multiply-accumulates, and the two SE
matmuls; BatchNorm, activations, pooling and the residual adds are not counted (the usual
convention of the published 0.39 G / 0.30 G figures).

Stochastic depth (``analyze(spec, drop_path=p)``, TrainConfig.drop_path): the blocks every
kind declares (``depth_blocks``: each MBConv / inverted-residual block) are numbered i = 0..n-1
over the whole net, residual or not, and block i gets the rate ``p * i / n`` — torchvision's
``stochastic_depth_prob * stage_block_id / total_stage_blocks`` and timm's
``drop_path_rate * block_idx / block_count`` (so block 0 never drops and the last drops with
``p * (n-1) / n``).  Only residual blocks with a rate > 0 drop; each reads ONE column of the
uniforms ``rand`` (one per sample), placed in its layer's rand slice after the kind's own
columns.  With p = 0 nothing changes (no columns).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from dataclasses import dataclass

import numpy as np

from .errors import SpecError
from .kinds import kinked


@dataclass(frozen=True)
class Param:
    name: str
    shape: tuple[int, ...]
    role: str
    init: str
    decay: bool
    offset: int
    layer: int

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64))


@dataclass(frozen=True)
class BNStat:
    name: str          # e.g. "blocks.2.0.dw.bn"
    channels: int
    offset: int        # mean at [offset, offset+C), var at [offset+C, offset+2C)
    layer: int


@dataclass(frozen=True)
class DepthBlock:
    """One block of the stochastic-depth numbering (``Analysis.depth``)."""
    name: str              # the block's name, e.g. "blocks.2.1"
    layer: int             # its layer index
    index: int             # i of n over all blocks of the net (residual or not)
    residual: bool
    rate: float            # drop_path * i / n when residual, else 0
    column: int | None     # its column of ``rand`` (None: it never drops)


@dataclass(frozen=True)
class LayerInfo:
    index: int
    kind: str
    layer: object
    plan: object                 # what the kind's plan() returned (ConvBnPlan, [BlockPlan], ...)
    in_shape: tuple[int, ...]
    out_shape: tuple[int, ...]
    params: int
    macs: int

    @property
    def where(self) -> str:
        return f"layer {self.index} ({self.kind})"


@dataclass(frozen=True)
class Analysis:
    spec: object
    layers: tuple[LayerInfo, ...]
    params: tuple[Param, ...]
    bns: tuple[BNStat, ...]
    drop_path: float = 0.0       # stochastic depth (module docstring); 0: off

    @property
    def n_params(self) -> int:
        return sum(p.size for p in self.params)

    @property
    def n_bn_floats(self) -> int:
        return sum(2 * b.channels for b in self.bns)

    @property
    def macs(self) -> int:
        return sum(l.macs for l in self.layers)

    @property
    def out_shape(self):
        return self.layers[-1].out_shape

    @property
    def num_classes(self) -> int:
        return self.layers[-1].out_shape[0]

    @functools.cached_property
    def rand_slices(self) -> dict[int, tuple[int, int]]:
        """Layer index -> (column offset, width) in the ``rand`` input f32[B, R], for every layer
        whose kind reads uniforms (``rand_columns``; dropout: its features, whatever its rate —
        rate 0 never reads its columns) or that holds dropping blocks (one column each, after
        the kind's own), in network order."""
        return self._rand_layout[0]

    @property
    def depth(self) -> tuple[DepthBlock, ...]:
        """The stochastic-depth blocks in network order, with their rates and rand columns
        (empty without ``depth_blocks``; every rate 0 when drop_path is 0)."""
        return self._rand_layout[1]

    @property
    def drop_blocks(self) -> dict[str, DepthBlock]:
        """Block name -> DepthBlock, for the blocks that drop (rate > 0, residual)."""
        return {d.name: d for d in self.depth if d.column is not None}

    @functools.cached_property
    def _rand_layout(self):
        blocks = [(info.index, name, res) for info in self.layers
                  for name, res in info.layer.depth_blocks(info.plan)]
        n = len(blocks)
        rates = [self.drop_path * i / n if res else 0.0 for i, (_, _, res) in enumerate(blocks)]
        out, depth, off = {}, [], 0
        for info in self.layers:
            width = info.layer.rand_columns(info.plan, info.in_shape)
            start = off
            off += width
            for i, (layer, name, res) in enumerate(blocks):
                if layer == info.index:
                    col = off if rates[i] > 0 else None
                    off += col is not None
                    depth.append(DepthBlock(name, layer, i, res, rates[i], col))
            if off > start:
                out[info.index] = (start, off - start)
        return out, tuple(depth)

    @property
    def has_kinks(self) -> bool:
        """Whether any layer applies an activation with a kink (relu, relu6): f32 gradients are
        then judged with the kinked tolerance (``runtime.verify.Tolerance``)."""
        return any(kinked(l.layer, l.plan) for l in self.layers)

    @property
    def min_bn_pixels(self) -> int | None:
        """The fewest pixels (H*W) a BatchNorm of the network normalises over per image, bounded
        by the spatial sizes at its layer's input and output (None without BatchNorm)."""
        sizes = [s[1] * s[2] for l in self.layers if l.layer.bns(l.plan)
                 for s in (l.in_shape, l.out_shape) if len(s) == 3]
        return min(sizes) if sizes else None

    @property
    def rand_width(self) -> int:
        return sum(f for _, f in self.rand_slices.values())

    def param(self, name: str) -> Param:
        return self._by_name[name]

    @functools.cached_property
    def _by_name(self) -> dict[str, Param]:
        # cached_property, not functools.cache: an Analysis is unhashable (a LayerInfo's plan
        # may be a list of BlockPlans), and a per-instance cache does not leak.
        return {p.name: p for p in self.params}

    def split(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        """Flat parameter (or gradient) buffer -> {name: array of the registry shape}."""
        if flat.shape != (self.n_params,):
            raise SpecError("flat buffer has the wrong size", where=self.spec.name,
                            expected=f"({self.n_params},)", received=flat.shape)
        return {p.name: flat[p.offset:p.offset + p.size].reshape(p.shape) for p in self.params}

    def join(self, tensors: dict[str, np.ndarray], dtype=np.float32) -> np.ndarray:
        """{name: array} -> one flat buffer in registry order."""
        out = np.empty((self.n_params,), dtype)
        for p in self.params:
            t = np.asarray(tensors[p.name])
            if t.shape != p.shape:
                raise SpecError("tensor has the wrong shape", where=p.name,
                                expected=str(p.shape), received=t.shape)
            out[p.offset:p.offset + p.size] = t.reshape(-1)
        return out

    def split_bn(self, flat: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        return {b.name: (flat[b.offset:b.offset + b.channels],
                         flat[b.offset + b.channels:b.offset + 2 * b.channels]) for b in self.bns}

    def init_bn(self) -> np.ndarray:
        """Running mean 0, running var 1 (PyTorch's reset_running_stats)."""
        out = np.zeros((self.n_bn_floats,), np.float32)
        for b in self.bns:
            out[b.offset + b.channels:b.offset + 2 * b.channels] = 1.0
        return out


@functools.lru_cache(maxsize=64)
def analyze(spec, drop_path: float = 0.0) -> Analysis:
    """The analysis of ``spec``; ``drop_path``: the stochastic-depth rate (module docstring)."""
    if isinstance(drop_path, bool) or not isinstance(drop_path, (int, float)) \
            or not 0.0 <= drop_path < 1.0:
        raise SpecError("is out of range", where=spec.name, field="drop_path",
                        expected="a number in [0, 1)", received=drop_path)
    shape = (spec.in_channels, spec.image_h, spec.image_w)
    infos, params, bns = [], [], []
    offset = bn_offset = 0
    for i, layer in enumerate(spec.layers):
        where = f"layer {i} ({layer.kind})"
        layer.check_input(shape, where)
        plan = layer.plan(i)
        out, macs = tuple(layer.out_shape(plan, shape)), layer.macs(plan, shape)
        if len(out) == 3 and (out[1] < 1 or out[2] < 1):
            raise SpecError("collapses the spatial size to zero", where=where,
                            expected="an output of at least 1x1",
                            received=f"{shape[1]}x{shape[2]} -> {out[1]}x{out[2]}",
                            hint="use a larger input resolution, padding='same', or fewer stride-2 layers")
        n = 0
        for ps in layer.params(plan):
            params.append(Param(ps.name, ps.shape, ps.role, ps.init, ps.decay, offset, i))
            size = int(np.prod(ps.shape))
            offset += size
            n += size
        for name, c in layer.bns(plan):
            bns.append(BNStat(name, c, bn_offset, i))
            bn_offset += 2 * c
        infos.append(LayerInfo(i, layer.kind, layer, plan, shape, out, n, macs))
        shape = out
    last = infos[-1]
    if len(last.out_shape) != 1:
        raise SpecError("the network must end in class logits (N, classes)", where=last.where,
                        expected="a 2-D output (globalAvgPool then dense)",
                        received=f"image output {last.out_shape}")
    if not last.params:
        raise SpecError("the last layer must be dense (the classifier)", where=last.where,
                        expected="dense(..., act='identity')", received=last.kind)
    return Analysis(spec, tuple(infos), tuple(params), tuple(bns), float(drop_path))


# --------------------------------------------------------------------------- fingerprints
def spec_dict(spec) -> dict:
    """A canonical, JSON-able description of a NetSpec (every field, every layer argument)."""
    def layer(l):
        # a field a kind added later (``hash_omit_default``) is left out at its default, so the
        # specs (and checkpoints, runs) saved before it existed keep their hash
        omit = getattr(type(l), "hash_omit_default", ())
        d = {"kind": type(l).__name__}
        d.update({f.name: getattr(l, f.name) for f in dataclasses.fields(l)
                  if not (f.name in omit and getattr(l, f.name) == f.default)})
        return d
    return {"name": spec.name, "image_h": spec.image_h, "image_w": spec.image_w,
            "in_channels": spec.in_channels, "bn_eps": spec.bn_eps,
            "bn_momentum": spec.bn_momentum, "init": spec.init,
            "layers": [layer(l) for l in spec.layers]}


def spec_hash(spec) -> str:
    """sha256 of :func:`spec_dict`: equal iff the networks are the same (name included)."""
    blob = json.dumps(spec_dict(spec), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def layout_dict(a: "Analysis") -> dict:
    """The flat-buffer layouts: every parameter (name, shape, offset, role) and BN stat."""
    return {"n_params": a.n_params, "n_bn_floats": a.n_bn_floats,
            "params": [{"name": p.name, "shape": list(p.shape), "offset": p.offset,
                        "role": p.role, "decay": p.decay} for p in a.params],
            "bn": [{"name": b.name, "channels": b.channels, "offset": b.offset} for b in a.bns]}


def layout_hash(a: "Analysis") -> str:
    """sha256 of :func:`layout_dict`: equal iff flat buffers can be exchanged."""
    blob = json.dumps(layout_dict(a), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()
