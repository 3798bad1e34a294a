"""Checkpoints: one safetensors file holding the flat state buffers and a JSON manifest.

File format (``FORMAT``): a standard safetensors file (readable by any safetensors reader, no
pickle) whose tensors are the session state — ``params``, ``opt.<name>`` per optimizer buffer,
``bn``, with EMA ``ema`` and ``ema.bn`` (the rows of ``netspec.state.train_state``) — all float32, flat, in the registry layout; its ``__metadata__`` holds one key,
``netspec``, the JSON manifest:

  format, netspec version, spec name, spec_hash, layout_hash, n_params, n_bn_floats, dtype,
  optimizer and its state names, step (optimizer steps done), epoch / batch position,
  steps_per_epoch, seed and the RNG scheme (every random draw is derived from (seed, step)),
  the data source, classes and normalisation, the training config, and per tensor its shape,
  dtype and sha256.

The manifest travels inside the same file as the tensors, so one ``rename`` publishes both:
``save_checkpoint`` writes ``.<name>.<random>.tmp`` in the same directory, flushes and fsyncs
it, renames it over the target and fsyncs the directory.  A crash (even SIGKILL) or a full disk
at any point leaves the previous file untouched; the leftover temporary is removed by the next
save.  A JSON copy of the manifest (``<name>.json``) is written next to it for people and
tools; the loader never trusts it.

``load_checkpoint`` refuses, with a message saying which: a missing file, a file that is not
safetensors or is truncated, one without a netspec manifest or of another format version, a
tensor whose bytes do not match the recorded sha256 (corruption), and — via
``check_compatible`` — a checkpoint of another spec, another parameter layout, another dtype
or another optimizer.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import struct
from pathlib import Path

import numpy as np

from netspec import __version__
from netspec.atomic import remove_stale_tmp, write_atomic
from netspec.errors import NetspecError

FORMAT = "netspec-checkpoint/1"
_META_KEY = "netspec"


class CheckpointError(NetspecError):
    """A checkpoint could not be written, read, or does not fit the run."""


def _sha256(a: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(a).view(np.uint8).reshape(-1).data).hexdigest()


def save_checkpoint(path, tensors: dict[str, np.ndarray], manifest: dict) -> int:
    """Write ``tensors`` + ``manifest`` to ``path`` atomically; returns the bytes written.

    Raises CheckpointError (the previous file at ``path`` is intact) if the disk is full or
    the directory cannot be written.
    """
    from safetensors.numpy import save

    path = Path(path)
    arrays = {k: np.ascontiguousarray(v) for k, v in tensors.items()}
    man = dict(manifest)
    man["format"] = FORMAT
    man.setdefault("netspec_version", __version__)
    man["tensors"] = {k: {"shape": list(v.shape), "dtype": str(v.dtype), "sha256": _sha256(v)}
                      for k, v in arrays.items()}
    meta_json = json.dumps(man, sort_keys=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_tmp(path)
        data = save(arrays, metadata={_META_KEY: meta_json})
        write_atomic(path, data)
        side = path.with_suffix(".json")
        remove_stale_tmp(side)
        write_atomic(side, json.dumps(man, indent=1, sort_keys=True) + "\n")
    except OSError as e:
        why = os.strerror(e.errno) if e.errno else str(e)
        full = e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
        raise CheckpointError(
            f"could not write checkpoint {path}: {why}"
            + ("; the disk (or a size limit) is full" if full else "")
            + (f"; the previous checkpoint {path} is intact" if path.exists() else ""),
        ) from None
    return len(data)


def _read_header(path: Path, data: bytes) -> dict:
    if len(data) < 8:
        raise CheckpointError(f"{path} is not a netspec checkpoint: only {len(data)} bytes "
                              "(truncated?)")
    (n,) = struct.unpack("<Q", data[:8])
    if n > len(data) - 8 or n > 100 << 20:
        raise CheckpointError(f"{path} is not a safetensors checkpoint or is truncated: "
                              f"header of {n} bytes in a {len(data)}-byte file")
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise CheckpointError(f"{path} is not a safetensors checkpoint (unreadable header)"
                              ) from None
    if not isinstance(header, dict):
        raise CheckpointError(f"{path} is not a safetensors checkpoint (bad header)")
    end = max((v.get("data_offsets", [0, 0])[1] for k, v in header.items()
               if k != "__metadata__" and isinstance(v, dict)), default=0)
    if 8 + n + end != len(data):
        raise CheckpointError(f"{path} is truncated or corrupt: the header describes "
                              f"{8 + n + end} bytes, the file has {len(data)}")
    return header


def peek_manifest(path) -> dict:
    """The netspec manifest of a checkpoint read from its safetensors header alone (the tensors
    are not read: ``netspec runs`` on many large checkpoints).  CheckpointError saying why."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            (n,) = struct.unpack("<Q", head) if len(head) == 8 else (-1,)
            raw = f.read(n) if 0 <= n <= 100 << 20 else b""
    except FileNotFoundError:
        raise CheckpointError(f"{path} is missing") from None
    except OSError as e:
        raise CheckpointError(f"cannot read {path}: {e.strerror or e}") from None
    if n < 0 or len(raw) < n:
        raise CheckpointError(f"{path} is truncated")
    if n > 100 << 20:
        raise CheckpointError(f"{path} is not a safetensors checkpoint")
    try:
        man = json.loads(json.loads(raw.decode("utf-8"))["__metadata__"][_META_KEY])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise CheckpointError(f"{path} is not a readable netspec checkpoint") from None
    if not isinstance(man, dict):
        raise CheckpointError(f"{path} is not a readable netspec checkpoint")
    return man


def load_checkpoint(path) -> tuple[dict[str, np.ndarray], dict]:
    """(tensors, manifest) of a checkpoint file, integrity-checked."""
    from safetensors.numpy import load

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CheckpointError(f"no checkpoint at {path}") from None
    except IsADirectoryError:
        raise CheckpointError(f"{path} is a directory, not a checkpoint file") from None
    except OSError as e:
        raise CheckpointError(f"cannot read checkpoint {path}: {e.strerror}") from None
    header = _read_header(path, data)
    meta = header.get("__metadata__") or {}
    if _META_KEY not in meta:
        raise CheckpointError(f"{path} is a safetensors file but not a netspec checkpoint "
                              "(no 'netspec' manifest in its metadata)")
    try:
        manifest = json.loads(meta[_META_KEY])
    except ValueError:
        raise CheckpointError(f"{path}: its netspec manifest is not valid JSON") from None
    if manifest.get("format") != FORMAT:
        raise CheckpointError(f"{path} has checkpoint format {manifest.get('format')!r}; this "
                              f"netspec reads {FORMAT!r}")
    try:
        tensors = load(data)
    except Exception as e:  # noqa: BLE001 - safetensors raises its own error types
        raise CheckpointError(f"{path} is corrupt: {e}") from None
    recorded = manifest.get("tensors", {})
    if set(recorded) != set(tensors):
        raise CheckpointError(f"{path} is corrupt: tensors {sorted(tensors)} do not match the "
                              f"manifest's {sorted(recorded)}")
    for k, t in tensors.items():
        if _sha256(t) != recorded[k].get("sha256"):
            raise CheckpointError(f"{path} is corrupt: tensor {k!r} does not match its "
                                  "recorded sha256")
    return tensors, manifest


def check_compatible(path, tensors: dict, manifest: dict, *, spec_name: str, spec_hash: str,
                     layout_hash: str, n_params: int, n_bn_floats: int,
                     state_keys: list[str] | None = None) -> None:
    """Refuse a checkpoint that does not belong to this spec / layout / dtype / optimizer."""
    if manifest.get("spec_hash") != spec_hash:
        same_name = manifest.get("spec_name") == spec_name
        raise CheckpointError(
            f"{path} was saved for spec {manifest.get('spec_name')!r}"
            + (" with a different architecture" if same_name else "")
            + f" (spec hash {str(manifest.get('spec_hash'))[:12]}), not for {spec_name!r} "
            f"(spec hash {spec_hash[:12]})"
            "\n  hint: pass the spec file the run was trained with")
    if manifest.get("layout_hash") != layout_hash:
        raise CheckpointError(f"{path} has another parameter layout (layout hash "
                              f"{str(manifest.get('layout_hash'))[:12]}, this netspec lays "
                              f"{spec_name} out as {layout_hash[:12]})")
    for k, t in tensors.items():
        if t.dtype != np.float32:
            raise CheckpointError(f"{path}: tensor {k!r} is {t.dtype}, expected float32")
    want = {"params": n_params, "bn": n_bn_floats}
    for k, n in want.items():
        if k not in tensors:
            raise CheckpointError(f"{path} has no {k!r} tensor")
        if tensors[k].shape != (n,):
            raise CheckpointError(f"{path}: {k!r} has shape {tensors[k].shape}, expected ({n},)")
    if state_keys is not None:
        from netspec.state import state_space
        missing = [k for k in state_keys if k not in tensors]
        if missing and all(k.startswith("ema") for k in missing):
            raise CheckpointError(
                f"{path} holds no EMA weights ({missing} are missing); this run needs them"
                "\n  hint: a run keeps its --ema setting on resume")
        if missing:
            raise CheckpointError(
                f"{path} holds optimizer state {sorted(k for k in tensors if k.startswith('opt.'))} "
                f"(optimizer {manifest.get('optimizer')!r}); this run needs {missing}"
                "\n  hint: resume with the optimizer the run was started with")
        for k in state_keys:
            n = n_bn_floats if state_space(k) == "bn" else n_params
            if tensors[k].shape != (n,):
                raise CheckpointError(f"{path}: {k!r} has shape {tensors[k].shape}, "
                                      f"expected ({n},)")
