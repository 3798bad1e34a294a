"""Probing which chips the installed compiler accepts (and which CPU names LLVM knows).

    python -m runtime.engines.iree.chips BACKEND CHIP [CHIP...]
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from .errors import TargetError
from .targets import BACKENDS, INPUT_FLAGS, backend_spec
from .tools import iree_version, tool

__all__ = ["check_llvm_cpu", "probe_chips"]


_cpu_checked: dict[tuple[str, ...], None] = {}


def check_llvm_cpu(chip: str, flags: Sequence[str]) -> None:
    """Raise TargetError if LLVM does not know the cpu ``chip`` for the target of ``flags``.

    iree-compile 3.13 only *warns* about an unknown CPU name ("is not a recognized
    processor ... (ignoring processor)") and builds for a generic CPU; a tiny probe compile
    with the same flags (~0.3 s, once per process and flag set) turns that into an error.
    """
    if chip in ("host", "generic") or tuple(flags) in _cpu_checked:
        return
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "probe.mlir").write_text(_PROBE_MODULE)
        proc = subprocess.run([tool("iree-compile"), *flags, "probe.mlir", "-o", "probe.vmfb"],
                              cwd=d, capture_output=True)
    stderr = proc.stderr.decode("utf-8", errors="replace")
    if "is not a recognized processor" not in stderr:
        _cpu_checked[tuple(flags)] = None
        return
    import difflib
    m = re.search(r"List of accepted CPUs: (.*)", stderr)
    known = [n.strip() for n in m.group(1).split(",")] if m else []
    close = difflib.get_close_matches(chip, known, n=3)
    hint = (f"did you mean {' or '.join(repr(n) for n in close)}? " if close else "")
    hint += BACKENDS["cpu"].hint
    if known:
        hint += f" ({len(known)} names for this target, e.g. {', '.join(known[-6:])})"
    hint += ("; a CPU of another architecture also needs its triple, e.g. --iree-flag="
             "--iree-llvmcpu-target-triple=aarch64-unknown-linux-gnu")
    raise TargetError(f"cpu chip {chip!r} is not a CPU the installed IREE {iree_version()} "
                      "(LLVM) knows for this target; iree-compile would ignore it and build "
                      "for a generic CPU", backend="cpu", chip=chip, hint=hint)

_PROBE_MODULE = """\
func.func @probe(%x: tensor<4x8xf32>, %w: tensor<8x3xf32>) -> tensor<4x3xf32> {
  %0 = stablehlo.dot_general %x, %w, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}
"""


def probe_chips(backend: str, candidates: Iterable[str]) -> dict[str, bool]:
    """Try a tiny compile per candidate chip (bypassing the table); chip -> accepted.

    Use after upgrading IREE to refresh the sets in :data:`BACKENDS`.
    """
    spec = backend_spec(backend)
    out: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "probe.mlir"
        src.write_text(_PROBE_MODULE)
        for chip in candidates:
            argv = [tool("iree-compile"), *INPUT_FLAGS, *spec.flags(chip), str(src),
                    "-o", str(Path(d) / "probe.vmfb")]
            out[chip] = subprocess.run(argv, capture_output=True).returncode == 0
    return out


if __name__ == "__main__":  # python -m runtime.engines.iree.chips BACKEND CHIP...
    import sys
    if len(sys.argv) < 3:
        print("usage: python -m runtime.engines.iree.chips BACKEND CHIP [CHIP...]  "
              "(probe chips)")
        raise SystemExit(2)
    for chip, ok in probe_chips(sys.argv[1], sys.argv[2:]).items():
        print(f"{chip}\t{'accepted' if ok else 'refused'}")
