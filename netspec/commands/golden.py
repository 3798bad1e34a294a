"""``netspec golden``: check (or ``--update``) the golden MLIR files in ``golden_mlir/``.

    netspec golden              regenerate every golden module, print a unified diff (first
                                lines per file, with the count of changed lines) for each file
                                that differs, is missing or is stale; exit 1 on any difference
    netspec golden --update     rewrite the files that differ, delete stale ones, and list them;
                                review the change with `git diff golden_mlir/`

The set (which networks, batch, optimizer) is defined in ``codegen/golden.py``.  The root is
the repository next to the installed package (the directory holding ``codegen/``,
``examples/`` and ``golden_mlir/``), or ``--root DIR``.
"""

from __future__ import annotations

from pathlib import Path

import click

from codegen import golden as G
from netspec.cli import main
from netspec.errors import NetspecError
from runtime.engines.iree import MLIRVerifyError, verify_mlir


class GoldenError(NetspecError):
    """No usable repository root, or an updated golden file that does not verify."""


def find_root(root: str | None) -> Path:
    if root is not None:
        path = Path(root).expanduser().resolve()
        if not path.is_dir():
            raise GoldenError(f"--root {root}: not a directory")
    else:
        path = G.repo_root()
    if not (path / "examples").is_dir():
        how = "--root" if root is not None else f"the repository next to the package ({path})"
        raise GoldenError(f"{how}: has no examples/ folder, so it is not a netspec checkout"
                          "\n  hint: pass --root DIR, the directory holding examples/ and "
                          f"{G.GOLDEN_DIR}/")
    return path


@main.command()
@click.option("--update", is_flag=True, help="Rewrite the golden files that differ and delete stale ones.")
@click.option("--root", metavar="DIR", default=None,
              help="Repository root holding examples/ and golden_mlir/ (default: next to the package).")
def golden(update: bool, root: str | None):
    """Check the golden MLIR files against the code generator (or --update them)."""
    path = find_root(root)
    n = len(G.golden_entries(path))
    mismatches = G.check(path)
    if not update:
        for m in mismatches:
            if m.detail in ("missing", "extra file"):
                click.echo(f"{m.path}: {m.detail}")
            else:
                click.echo(m.detail + "\n")
        if mismatches:
            click.echo(f"{len(mismatches)} of {n} golden files differ ({path / G.GOLDEN_DIR}); "
                       "if the change is intended run `netspec golden --update` and review "
                       f"`git diff {G.GOLDEN_DIR}/`")
            raise SystemExit(1)
        click.echo(f"all {n} golden files match ({path / G.GOLDEN_DIR})")
        return

    written = G.update(path)
    for m in mismatches:
        if m.detail == "missing":
            click.echo(f"created {m.path}")
        elif m.detail == "extra file":
            click.echo(f"deleted {m.path} (no longer in the golden set)")
        else:
            click.echo(f"updated {m.path}: {m.detail.splitlines()[0].split(': ', 1)[1]}")
    bad = []
    for rel in written:
        try:
            verify_mlir((path / rel).read_text(encoding="utf-8"), source_hint=rel)
        except MLIRVerifyError as e:
            bad.append(str(e))
    if bad:
        raise GoldenError(f"{len(bad)} updated golden file(s) do not verify:\n" + "\n".join(bad))
    if not mismatches:
        click.echo(f"all {n} golden files already match; nothing written")
    else:
        click.echo(f"{len(written)} written, {sum(m.detail == 'extra file' for m in mismatches)} "
                   f"deleted, of {n} golden files; review with `git diff {G.GOLDEN_DIR}/`")
