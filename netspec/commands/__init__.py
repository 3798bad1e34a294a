"""Subcommands that live outside ``netspec/cli.py``; each is registered in ``cli.LAZY_COMMANDS``
and imported only when invoked (``netspec emit``, ``netspec golden``, ...).

Also the small helpers they share; this package imports nothing heavy.
"""

from __future__ import annotations

from netspec.atomic import write_atomic

__all__ = ["write_atomic"]
