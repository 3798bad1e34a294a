"""Opening a trained checkpoint for inference (``netspec eval`` / ``netspec predict``).

``open_checkpoint`` resolves ``RUN_DIR`` (its best checkpoint, else its last) or a file, loads
and integrity-checks it and checks it belongs to the spec; ``inference_session`` compiles the
spec's ``predict`` at the wanted batch and uploads the checkpoint's parameters and BN stats.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from netspec.analysis import analyze, layout_hash, spec_hash
from netspec.loader import load_spec_file

from .checkpoint import CheckpointError, check_compatible, load_checkpoint
from .session import open_session


@dataclass
class OpenCheckpoint:
    path: Path
    tensors: dict[str, np.ndarray]
    manifest: dict

    @property
    def classes(self) -> list[str]:
        return list(self.manifest["data"]["classes"])

    def check_classes(self, classes, source) -> None:
        if list(classes) != self.classes:
            raise CheckpointError(
                f"the data at {source} has classes {list(classes)[:6]}"
                f"{'...' if len(classes) > 6 else ''}, but {self.path} was trained on "
                f"{self.classes[:6]}{'...' if len(self.classes) > 6 else ''}")

    def default_out_dir(self) -> Path:
        if self.path.parent.name == "checkpoints":
            return self.path.parent.parent / "eval"
        return self.path.parent / f"eval-{self.path.stem}"


def resolve_checkpoint(path) -> Path:
    p = Path(path)
    if p.is_dir():
        for cand in (p / "checkpoints" / "best.safetensors", p / "checkpoints" / "last.safetensors",
                     p / "best.safetensors", p / "last.safetensors"):
            if cand.is_file():
                return cand
        raise CheckpointError(f"{p} holds no checkpoint (looked for checkpoints/best.safetensors "
                              "and checkpoints/last.safetensors)")
    return p


def open_checkpoint(spec_file, spec_name, path):
    """(spec, OpenCheckpoint) with the checkpoint verified against the spec."""
    spec, _, _ = load_spec_file(spec_file, spec_name)
    p = resolve_checkpoint(path)
    tensors, man = load_checkpoint(p)
    a = analyze(spec)
    check_compatible(p, tensors, man, spec_name=spec.name, spec_hash=spec_hash(spec),
                     layout_hash=layout_hash(a), n_params=a.n_params, n_bn_floats=a.n_bn_floats)
    return spec, OpenCheckpoint(p, tensors, man)


def inference_session(spec, ck: OpenCheckpoint, *, batch: int, backend="cpu", chip=None,
                      extra_flags=(), cache_dir=None, engine: str = "iree"):
    from .build import build

    built = build(spec, None, backend=backend, chip=chip, batch=batch, functions=("predict",),
                  extra_flags=tuple(extra_flags), cache_dir=cache_dir, engine=engine)
    s = open_session(built, optimizer=None, engine=engine)
    s.load_state({"params": ck.tensors["params"], "bn": ck.tensors["bn"]})
    return s, built



def preprocess_file(path, image_hw, channels: int, mean, std) -> np.ndarray:
    """One image file -> f32[H, W, C] exactly as a validation batch row (decode, mode
    conversion, resize + centre crop, normalisation); ValueError naming why it is unreadable."""
    from runtime.data.decode import DecodeFailure, render_file
    from runtime.data.transforms import Normalizer, val_plan

    hw = tuple(image_hw)
    try:
        img = render_file(str(path), lambda w, h: val_plan(w, h, hw), hw, channels)
    except DecodeFailure as e:
        raise ValueError(f"not a readable image: {e}") from None
    out = np.empty(img.shape, np.float32)
    Normalizer(tuple(mean), tuple(std))(img, out)
    return out
