"""The network as trained: the spec file's network with ``netspec train``'s spec flags applied.

``netspec train SPEC.py --image-size N --num-classes K`` trains another network than the one
the spec file builds (the 1000-class ImageNet example on a 10-class folder, at 128 px).  The
run records what it changed as ``spec_overrides`` — in every checkpoint's manifest and in
``run.json`` — so every later reader rebuilds the same network from the same spec file:
``eval``, ``predict``, ``weights export`` (``runtime.inference.open_checkpoint``) and
``train --resume`` (when the flags are not given again).  Only the flags that were given are
recorded: a run without them has no ``spec_overrides`` and reads exactly as before.

    apply_overrides(spec, {"image_size": N, "num_classes": K}) -> spec   (errors name the flag)
    recorded_overrides(manifest) -> dict                                  ({} when none)
    resumed_overrides(run_dir) -> dict                   (those of the run's last checkpoint)
"""

from __future__ import annotations

from netspec.errors import ConfigError, NetspecError

#: the spec-changing flags of ``netspec train``, in the order they are applied
OVERRIDE_FLAGS = {"image_size": "--image-size", "num_classes": "--num-classes"}


def apply_overrides(spec, overrides: dict):
    """``spec`` with the given overrides (None values skipped): ``image_size`` sets both image
    sides, ``num_classes`` the classifier's outputs (``NetSpec.with_num_classes``).  A value
    the spec cannot take is an error naming its flag."""
    unknown = sorted(set(overrides) - set(OVERRIDE_FLAGS))
    if unknown:
        raise ConfigError("are not spec overrides netspec knows", where="spec_overrides",
                          expected=" | ".join(OVERRIDE_FLAGS), received=unknown)
    for key, flag in OVERRIDE_FLAGS.items():
        v = overrides.get(key)
        if v is None:
            continue
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise ConfigError("must be a positive integer", where=flag,
                              expected="an integer >= 1", received=v)
        try:
            spec = (spec.with_(image_h=v, image_w=v) if key == "image_size"
                    else spec.with_num_classes(v))
        except ConfigError:
            raise
        except NetspecError as e:
            raise e.at(f"{flag} {v}") from None
    return spec


def given(**flags) -> dict:
    """The overrides among ``flags`` that were given (not None), as recorded."""
    return {k: v for k, v in flags.items() if k in OVERRIDE_FLAGS and v is not None}


def recorded_overrides(manifest: dict) -> dict:
    """The ``spec_overrides`` a checkpoint manifest (or run.json) recorded; {} when none."""
    return dict(manifest.get("spec_overrides") or {})


def resumed_overrides(run_dir) -> dict:
    """The overrides recorded by the last checkpoint of the run directory ``run_dir`` ({} when
    it has none or cannot be read: ``--resume`` then reports the problem itself)."""
    from .checkpoint import CheckpointError, peek_manifest
    from .train.rundir import RunDir

    try:
        return recorded_overrides(peek_manifest(RunDir(run_dir).last))
    except (CheckpointError, OSError, ValueError):
        return {}
