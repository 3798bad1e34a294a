"""One error type for every user mistake in a spec, a config or a command line.

A ``SpecError`` is raised where the numbers are known and carries *where* (layer index and
kind, or a file, or a flag), *which field*, *what was expected* and *what was received*.
The CLI prints it as one readable message and exits non-zero; it never shows a traceback.
"""

from __future__ import annotations


class NetspecError(Exception):
    """Base of all errors that are the user's to fix (printed without a traceback)."""


class SpecError(NetspecError, ValueError):
    def __init__(self, message: str, *, where: str | None = None, field: str | None = None,
                 expected: str | None = None, received: object = None, hint: str | None = None):
        self.where = where
        self.field = field
        self.expected = expected
        self.received = received
        self.hint = hint
        self.detail = message
        parts = []
        if where:
            parts.append(f"{where}:")
        if field:
            parts.append(f"field '{field}':")
        parts.append(message)
        if expected is not None:
            parts.append(f"(expected {expected}; received {received!r})")
        text = " ".join(parts)
        if hint:
            text += f"\n  hint: {hint}"
        super().__init__(text)

    def at(self, where: str) -> "SpecError":
        """The same error, located (e.g. 'layer 3 (mbConv)')."""
        if self.where and where in self.where:
            return self
        loc = f"{where}, {self.where}" if self.where else where
        return SpecError(self.detail, where=loc, field=self.field, expected=self.expected,
                         received=self.received, hint=self.hint)


class ConfigError(SpecError):
    """A TrainConfig knob or command-line flag that is invalid or cannot be honoured."""
