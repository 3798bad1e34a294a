"""The errors of the IREE engine: a bad target, a module that does not verify, a failed compile.

:class:`MLIRVerifyError` and :class:`CompileError` carry the :class:`SourceLocation` their
first diagnostic points at (line, column, enclosing ``func.func``, SSA value); the parsing
that fills it in is :mod:`runtime.engines.iree.diagnostics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from netspec.errors import NetspecError

__all__ = ["CompileError", "MLIRVerifyError", "SourceLocation", "TargetError"]


class TargetError(NetspecError, ValueError):
    """An unknown backend, or a chip the installed IREE compiler cannot target."""

    def __init__(self, message: str, *, backend: str | None = None, chip: str | None = None,
                 hint: str | None = None):
        self.backend = backend
        self.chip = chip
        self.hint = hint
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))


@dataclass
class SourceLocation:
    """Where in the MLIR text a diagnostic points, with the names that identify the layer."""

    line: int | None = None
    column: int | None = None
    line_text: str | None = None
    func_name: str | None = None       # nearest enclosing/preceding `func.func @name`
    ssa_name: str | None = None        # value defined on that line, else nearest preceding
    token: str | None = None           # SSA value at the error column (e.g. an operand)

    def describe(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", col {self.column}" if self.column else ""))
        if self.func_name:
            parts.append(f"func @{self.func_name}")
        if self.ssa_name:
            parts.append(f"value {self.ssa_name}")
        if self.token and self.token != self.ssa_name:
            parts.append(f"at {self.token}")
        return ", ".join(parts)

    def excerpt(self) -> str:
        if self.line is None or self.line_text is None:
            return ""
        text = self.line_text
        col = self.column or 0
        if len(text) > 240:  # e.g. a line holding a large dense<...> constant
            start = max(0, min(col - 1 - 80, len(text) - 240))
            text = ("..." if start else "") + text[start:start + 240] + "..."
            col = col - start + (3 if start else 0)
        gutter = f"{self.line:>6} | "
        out = gutter + text
        if col:
            out += "\n" + " " * (len(gutter) - 2) + "| " + " " * (col - 1) + "^"
        return out


class _LocatedError(NetspecError):
    what = "error"

    def __init__(self, summary: str, *, location: SourceLocation | None = None,
                 diagnostics: Sequence[str] = (), source_hint: str | None = None,
                 command: str | None = None, hint: str | None = None):
        self.summary = summary
        self.location = location or SourceLocation()
        self.diagnostics = list(diagnostics)
        self.source_hint = source_hint
        self.command = command
        self.hint = hint
        loc = self.location
        self.line = loc.line
        self.column = loc.column
        self.line_text = loc.line_text
        self.func_name = loc.func_name
        self.ssa_name = loc.ssa_name
        head = self.what
        if source_hint:
            head += f" in {source_hint}"
        where = loc.describe()
        if where:
            head += f" at {where}"
        lines = [f"{head}: {summary}"]
        ex = loc.excerpt()
        if ex:
            lines.append(ex)
        extra = [d for d in self.diagnostics[1:]]
        if extra:
            lines.append("  further diagnostics:")
            lines.extend("    " + d for d in extra)
        if command:
            lines.append(f"  command: {command}")
        if hint:
            lines.append(f"  hint: {hint}")
        super().__init__("\n".join(lines))


class MLIRVerifyError(_LocatedError):
    """The module text does not parse or verify (checked before anything compiles/runs it)."""

    what = "MLIR verification failed"


class CompileError(_LocatedError):
    """``iree-compile`` rejected the module or crashed."""

    what = "iree-compile failed"
