"""Compiler diagnostics -> source locations, and verification of module text.

:func:`verify_mlir` parses and verifies a module with ``iree-opt`` and raises
:class:`MLIRVerifyError` naming the line, the enclosing ``func.func`` and the SSA value;
:func:`located_error` builds such an error (or a :class:`CompileError`) from a tool's stderr.
"""

from __future__ import annotations

import os
import re
import subprocess

from .errors import CompileError, MLIRVerifyError, SourceLocation
from .tools import tool

__all__ = ["locate", "located_error", "verify_mlir"]


# ---------------------------------------------------------------------------------------
# Diagnostics -> source locations
# ---------------------------------------------------------------------------------------

_DIAG = re.compile(r"^(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+): "
                   r"(?P<sev>error|warning|note|remark): (?P<msg>.*)$")
_FUNC = re.compile(r"\bfunc\.func\s+(?:(?:public|private|nested)\s+)?@(\"[^\"]+\"|[\w$.-]+)")
_SSA = r"%[\w$.-]+"
_DEF = re.compile(rf"^\s*({_SSA})(?::\d+)?\s*(?:,\s*{_SSA}(?::\d+)?\s*)*=")
_SSA_TOKEN = re.compile(rf"{_SSA}(?:#\d+)?")


def locate(text: str, line: int | None, column: int | None = None) -> SourceLocation:
    """The func / SSA value names around ``line`` (1-based) of ``text``."""
    loc = SourceLocation(line=line, column=column)
    if not line or line < 1:
        return loc
    lines = text.splitlines()
    if line > len(lines):
        return loc
    cur = lines[line - 1]
    loc.line_text = cur
    if column:
        for m in _SSA_TOKEN.finditer(cur):
            if m.start() <= column - 1 < m.end():
                loc.token = m.group(0)
                break
    m = _DEF.match(cur)
    if m:
        loc.ssa_name = m.group(1)
    for i in range(line - 1, -1, -1):
        s = lines[i]
        if loc.ssa_name is None and i < line - 1:
            d = _DEF.match(s)
            if d:
                loc.ssa_name = d.group(1)
        f = _FUNC.search(s)
        if f:
            loc.func_name = f.group(1).strip('"')
            if loc.ssa_name is None and i == line - 1:
                # The error is on the func.func line itself (e.g. the signature).
                loc.ssa_name = loc.token
            break
    if loc.ssa_name is None:
        loc.ssa_name = loc.token
    return loc


def _parse_diagnostics(stderr: str, *, max_errors: int = 3, max_lines: int = 40
                       ) -> tuple[list[str], list[tuple[int, int, str]]]:
    """Trim compiler stderr to its first errors.

    Returns (summary lines, [(line, col, message)] of error diagnostics with a location).
    IR dumps ("see current operation: ...") and over-long lines are cut.
    """
    kept: list[str] = []
    located: list[tuple[int, int, str]] = []
    errors = 0
    in_error = False
    for raw in stderr.splitlines():
        m = _DIAG.match(raw)
        if m:
            sev = m.group("sev")
            if sev == "error":
                errors += 1
                if errors > max_errors:
                    break
                in_error = True
                located.append((int(m.group("line")), int(m.group("col")), m.group("msg")))
                kept.append(f"{m.group('file')}:{m.group('line')}:{m.group('col')}: "
                            f"error: {m.group('msg')[:400]}")
            elif in_error and sev == "note" and not m.group("msg").startswith(
                    "see current operation"):
                kept.append(f"  note (line {m.group('line')}): {m.group('msg')[:300]}")
            continue
        stripped = raw.strip()
        if not stripped:
            continue
        if "error:" in stripped or stripped.startswith(("LLVM ERROR", "iree-compile crashed",
                                                         "iree-opt crashed")):
            errors += 1
            if errors > max_errors:
                break
            in_error = True
            kept.append(stripped[:400])
        # source excerpts / carets / IR dumps after a diagnostic: dropped (we print our own)
        if len(kept) >= max_lines:
            break
    if not kept:
        tail = [l for l in stderr.strip().splitlines() if l.strip()][-10:]
        kept = [l[:400] for l in tail]
    return kept, located


def located_error(cls, text: str, stderr: str, *, source_hint: str | None,
                   command: str | None = None, hint: str | None = None,
                   fallback: str = "failed"):
    kept, located = _parse_diagnostics(stderr)
    if located:
        line, col, msg = located[0]
        loc = locate(text, line, col)
        # Drop the first error's own header line from "further diagnostics".
        diags = [d for d in kept]
        return cls(msg, location=loc, diagnostics=diags, source_hint=source_hint,
                   command=command, hint=hint)
    summary = kept[0] if kept else fallback
    return cls(summary, diagnostics=kept, source_hint=source_hint, command=command, hint=hint)


# ---------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------

def verify_mlir(text: str, *, source_hint: str | None = None) -> None:
    """Parse and verify ``text`` with IREE's MLIR tooling; raise MLIRVerifyError if invalid.

    Runs ``iree-opt`` (all IREE dialects incl. StableHLO registered) on the text via stdin:
    parsing runs every op verifier.  A ~1 MB module takes ~0.05 s (process start included);
    running out of process keeps a parser crash or the memory of interned constants out of
    the caller.  Falls back to the ``iree.compiler.ir`` bindings if ``iree-opt`` is missing.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    try:
        opt = tool("iree-opt")
    except CompileError:
        return _verify_with_bindings(text, source_hint=source_hint)
    cmd = [opt, "--emit-bytecode", "-o", os.devnull, "-"]
    proc = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True)
    if proc.returncode != 0:
        stderr = proc.stderr.decode("utf-8", errors="replace")
        if proc.returncode < 0:
            stderr += f"\niree-opt crashed (signal {-proc.returncode})"
        raise located_error(MLIRVerifyError, text, stderr, source_hint=source_hint,
                             fallback=f"iree-opt exited with status {proc.returncode}")


def _verify_with_bindings(text: str, *, source_hint: str | None = None) -> None:
    from iree.compiler import ir  # type: ignore

    ctx = ir.Context()
    try:
        ir.Module.parse(text, ctx)
    except ir.MLIRError as e:
        lines = []
        for d in e.error_diagnostics:
            m = re.search(r'(\d+):(\d+)\)?\s*$', str(d.location))
            if m:
                lines.append(f"<stdin>:{m.group(1)}:{m.group(2)}: error: {d.message}")
            else:
                lines.append(f"error: {d.message}")
        raise located_error(MLIRVerifyError, text, "\n".join(lines) or str(e),
                             source_hint=source_hint) from None


def read_abi(text: str, *, batch: int = 0):
    """The functions of a module netspec did not emit (a JAX export, a hand-written file), as
    an ABI read with IREE's MLIR parser: argument names ``arg0``, ``arg1``... (names do not
    survive parsing), role ``data``; results ``result0``... role ``output``.  For netspec's
    own modules use the ABI emission returns instead."""
    from iree.compiler import ir  # type: ignore

    from codegen.abi import FunctionABI, ModuleABI, Tensor

    def tensor(t, name, role):
        rt = ir.RankedTensorType(t)
        return Tensor(name, tuple(int(d) for d in rt.shape), str(rt.element_type), role)

    ctx = ir.Context()
    module = ir.Module.parse(text, ctx)
    functions = {}
    for op in module.body.operations:
        if op.operation.name != "func.func":
            continue
        name = ir.StringAttr(op.attributes["sym_name"]).value
        ft = ir.FunctionType(ir.TypeAttr(op.attributes["function_type"]).value)
        functions[name] = FunctionABI(
            name, tuple(tensor(t, f"arg{i}", "data") for i, t in enumerate(ft.inputs)),
            tuple(tensor(t, f"result{i}", "output") for i, t in enumerate(ft.results)))
    return ModuleABI(functions, (), "", "", batch)
