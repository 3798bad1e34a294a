"""The backend / chip table: everything that decides *how* a module is compiled.

:data:`BACKENDS` has one row per backend: the runtime driver that runs its output, the default
chip, the compiler flags, the chips the installed compiler accepts and the hint shown when a
chip is refused.  :func:`target_flags` turns ``(backend, chip)`` into ``iree-compile`` flags or
raises :class:`TargetError` before the compiler is ever started (some unknown target names
make ``iree-compile`` 3.13 segfault instead of reporting an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .errors import TargetError
from .tools import iree_version

__all__ = ["BACKENDS", "BackendSpec", "INPUT_FLAGS", "TargetError", "TuningFlag", "backend_spec",
           "resolve_chip", "target_flags"]

INPUT_FLAGS: tuple[str, ...] = ("--iree-input-type=stablehlo",)


# ---------------------------------------------------------------------------------------
# Backend / chip table
# ---------------------------------------------------------------------------------------

_CPU_NAME = re.compile(r"^[a-z0-9][a-z0-9_.+-]*$")


def _valid_cpu(chip: str) -> bool:
    # LLVM CPU names ("host", "generic", "x86-64-v3", "znver4", "skylake-avx512",
    # "neoverse-v2", ...). The list is LLVM's and long; only the shape is checked here and
    # an unknown name is reported by the compiler (see _CPU_HINT).
    return bool(_CPU_NAME.match(chip))


@dataclass(frozen=True)
class TuningFlag:
    """A code-generation flag measured faster, and the modules it is not given to (a module
    text holding ``unless_in``) because the compiler fails on them with it."""
    flag: str
    unless_in: str | None = None

    def applies(self, text: str) -> bool:
        return self.unless_in is None or self.unless_in not in text


@dataclass(frozen=True)
class BackendSpec:
    name: str
    driver: str                               # iree.runtime driver that runs the output
    default_chip: str
    device_flags: tuple[str, ...]             # flags independent of the chip
    chip_flag: str                            # template, formatted with chip=...
    chips: frozenset[str] | None = None       # accepted chips (verified on IREE 3.13.0)
    validate: Callable[[str], bool] | None = None   # used when `chips` is None
    hint: str = ""                            # shown with an unsupported chip
    #: refused chips with a specific suggestion (chip -> hint)
    refused: dict[str, str] = field(default_factory=dict)
    #: chips listed first in messages (the full set is long)
    common: tuple[str, ...] = ()
    #: code-generation choices measured faster on this backend (docs/bench.md says where)
    tuning_flags: tuple[TuningFlag, ...] = ()

    def flags(self, chip: str, text: str | None = None, tuned: bool = True) -> list[str]:
        """The flags for ``chip``; with the module ``text``, only the tuning flags that apply
        to it (all of them without); ``tuned=False``: none of them."""
        tuning = [t.flag for t in self.tuning_flags if tuned and (text is None or t.applies(text))]
        return [*self.device_flags, self.chip_flag.format(chip=chip), *tuning]


_HOPPER_HINT = ("use --chip sm_80 (PTX for sm_80 runs on Hopper and newer GPUs: the CUDA "
                "driver JIT-compiles it)")

# The sets below were established by compiling a small StableHLO matmul with
# iree-compile 3.13.0 for each candidate (see probe_chips()); re-probe when upgrading IREE.
_CUDA_CHIPS = frozenset({
    "sm_60", "sm_61", "sm_62", "sm_70", "sm_72", "sm_75", "sm_80", "sm_86", "sm_87",
    "sm_89", "sm_120", "sm_121",
    "pascal", "volta", "turing", "ampere", "ada",
    "a100", "rtx3070", "rtx3080", "rtx3090", "rtx4070", "rtx4080", "rtx4090",
})
_CUDA_REFUSED = {c: _HOPPER_HINT for c in (
    "sm_90", "sm_90a", "hopper", "h100", "h200", "gh200")}
_CUDA_REFUSED.update({c: "use --chip sm_120 (Blackwell consumer) or --chip sm_80 (PTX for "
                         "sm_80 runs on newer GPUs via the driver JIT)"
                      for c in ("sm_100", "sm_100a", "sm_101", "sm_103", "sm_120a",
                                "blackwell", "b100", "b200", "gb200")})

_ROCM_CHIPS = frozenset({
    "gfx908", "gfx90a", "gfx942", "gfx950",
    "gfx1100", "gfx1101", "gfx1103", "gfx1150", "gfx1151", "gfx1200", "gfx1201",
    "cdna1", "cdna2",
    "mi100", "mi210", "mi250", "mi250x", "mi300a", "mi300x", "mi325x", "mi355x",
    "rx7700xt", "rx7800xt", "rx7900xt", "rx7900xtx", "w7800", "w7900", "v710",
    "rx9060xt", "rx9070xt", "r9700",
})

_VULKAN_CHIPS = frozenset({
    "rdna1", "rdna2", "rdna3", "rdna4", "cdna1", "cdna2", "cdna3",
    "gfx908", "gfx90a", "gfx942", "gfx1030", "gfx1100", "gfx1151", "gfx1201",
    "mi250", "mi300x", "rx7900xtx", "rx9070xt",
    "pascal", "volta", "turing", "ampere", "ada",
    "sm_60", "sm_75", "sm_80", "sm_86", "sm_89", "sm_120",
    "a100", "rtx3090", "rtx4080", "rtx4090",
    "valhall", "valhall1", "valhall2", "valhall3", "valhall4", "adreno",
    "vp_android_baseline_2022",
})

BACKENDS: dict[str, BackendSpec] = {
    "cpu": BackendSpec(
        name="cpu", driver="local-task", default_chip="host",
        device_flags=("--iree-hal-target-device=local",
                      "--iree-hal-local-target-device-backends=llvm-cpu"),
        chip_flag="--iree-llvmcpu-target-cpu={chip}",
        validate=_valid_cpu,
        hint="the cpu chip is an LLVM CPU name: 'host' (this machine), 'generic', "
             "'x86-64-v3', 'znver4', 'skylake-avx512', 'neoverse-v2', ...",
        common=("host", "generic", "x86-64-v3", "x86-64-v4", "znver4"),
        # the zero padding of a convolution's input read inside the convolution's dispatch
        # instead of a padded copy first ("staging" memcpys): B0 and MobileNetV2 train steps
        # -2.5% each, three alternating rounds (docs/bench.md, "Levers", issue 17)
        # Not for bf16 modules: with it, IREE 3.13 fails on their depthwise convolutions
        # ("'memref.alloca' op all stack allocations need to be hoisted to the entry block").
        tuning_flags=(TuningFlag("--iree-dispatch-creation-enable-fuse-padding-into-linalg-consumer-ops",
                                 unless_in="bf16"),),
    ),
    "rocm": BackendSpec(
        name="rocm", driver="hip", default_chip="gfx1100",
        device_flags=("--iree-hal-target-device=hip",),
        chip_flag="--iree-rocm-target={chip}",
        chips=_ROCM_CHIPS,
        hint="the HIP backend of this IREE knows CDNA (gfx908/gfx90a/gfx942/gfx950) and "
             "RDNA3/4 (gfx110x/gfx115x/gfx120x) chips",
        common=("gfx1100", "gfx942", "gfx90a", "gfx1201", "gfx950"),
    ),
    "cuda": BackendSpec(
        name="cuda", driver="cuda", default_chip="sm_80",
        device_flags=("--iree-hal-target-device=cuda",),
        chip_flag="--iree-cuda-target={chip}",
        chips=_CUDA_CHIPS,
        refused=_CUDA_REFUSED,
        hint="use --chip sm_80 for A100/H100-class GPUs (sm_80 PTX runs on newer GPUs)",
        common=("sm_80", "sm_86", "sm_89", "sm_75", "sm_70", "sm_120"),
    ),
    "vulkan": BackendSpec(
        name="vulkan", driver="vulkan", default_chip="rdna3",
        device_flags=("--iree-hal-target-device=vulkan",),
        chip_flag="--iree-vulkan-target={chip}",
        chips=_VULKAN_CHIPS,
        hint="vulkan chips are GPU architectures (rdna3, ampere, valhall, ...) or their "
             "gfx*/sm_* names",
        common=("rdna3", "rdna2", "ampere", "ada", "gfx1100", "valhall"),
    ),
}

_BACKEND_ALIASES = {"hip": "rocm", "llvm-cpu": "cpu", "local": "cpu", "vulkan-spirv": "vulkan"}


def backend_spec(backend: str) -> BackendSpec:
    """The table row for ``backend`` (aliases: hip, llvm-cpu, local, vulkan-spirv)."""
    key = str(backend).strip().lower()
    key = _BACKEND_ALIASES.get(key, key)
    spec = BACKENDS.get(key)
    if spec is None:
        raise TargetError(
            f"unknown backend {backend!r}; expected one of {', '.join(sorted(BACKENDS))}",
            backend=str(backend),
            hint="--backend cpu runs anywhere; rocm/cuda/vulkan cross-compile without a GPU")
    return spec


def _chip_list(spec: BackendSpec) -> str:
    if spec.chips is None:
        return ", ".join(spec.common)
    rest = sorted(spec.chips - set(spec.common))
    return ", ".join([*spec.common, *rest])


def resolve_chip(backend: str, chip: str | None = None) -> tuple[BackendSpec, str]:
    """Validate ``chip`` for ``backend`` (``None`` -> the default chip)."""
    spec = backend_spec(backend)
    if chip is None or str(chip).strip() == "":
        return spec, spec.default_chip
    raw = str(chip).strip()
    c = raw.lower()
    if c in spec.refused:
        raise TargetError(
            f"{spec.name} chip {raw!r} cannot be targeted by the installed IREE "
            f"{iree_version()}; {spec.refused[c]}",
            backend=spec.name, chip=raw,
            hint=f"accepted {spec.name} chips: {_chip_list(spec)}")
    ok = (c in spec.chips) if spec.chips is not None else bool(spec.validate and spec.validate(c))
    if not ok:
        hint = (f"accepted {spec.name} chips: {_chip_list(spec)}" if spec.chips is not None
                else spec.hint)
        other = [b.name for b in BACKENDS.values()
                 if b is not spec and b.chips is not None and c in b.chips]
        if other:
            hint += f"; {raw!r} can be targeted with --backend {' or --backend '.join(other)}"
        if spec.hint and spec.chips is not None:
            hint += f" ({spec.hint})"
        raise TargetError(
            f"{spec.name} chip {raw!r} cannot be targeted by the installed IREE "
            f"{iree_version()}", backend=spec.name, chip=raw, hint=hint)
    return spec, c


def target_flags(backend: str, chip: str | None = None) -> list[str]:
    """``iree-compile`` target flags for ``backend``/``chip`` (raises TargetError)."""
    spec, c = resolve_chip(backend, chip)
    return spec.flags(c)
