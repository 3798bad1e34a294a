"""The data pipeline's error and warning types.

``DataError`` is a user's-to-fix problem with a data set or a loader setting (missing folder,
empty class folder, bad ``.npz`` key, every image undecodable, ...). It subclasses
``netspec.errors.NetspecError``, so the CLI prints ``error: <message>`` and exits 2 without a
traceback. Every message says *what* is wrong and *where* (the path, the class folder, the
file or the ``.npz`` key), and, where one helps, ends with a ``hint:`` line.

``DataWarning`` is issued (through Python's ``warnings`` module, in the process that iterates
the loader) once per undecodable file, naming it and saying why in plain words (``.path``,
``.reason``); the file is then replaced in its batch (see ``runtime.data.loader``) and the run
goes on.
"""

from __future__ import annotations

from netspec.errors import NetspecError

__all__ = ["DataError", "DataWarning"]


class DataError(NetspecError):
    """A data set that cannot be opened or read, or a loader setting that cannot be honoured."""

    def __init__(self, message: str, *, hint: str | None = None):
        self.detail = message
        self.hint = hint
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))

    def __reduce__(self):  # crosses the worker -> parent pipe intact
        return (type(self), (self.detail,), {"hint": self.hint})

    def __setstate__(self, state: dict) -> None:
        self.__init__(self.detail, hint=state.get("hint"))


class DataWarning(UserWarning):
    """An image file that could not be decoded and was replaced in its batch.

    ``path``: the item (``Dataset.describe_item``); ``reason``: why, in plain words
    ("truncated JPEG", "not an image file (it holds text)", ...)."""

    def __init__(self, message: str, *, path: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.path = path
        self.reason = reason
