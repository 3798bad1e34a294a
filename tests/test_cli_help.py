"""Every option of every ``netspec`` command says what it does (issue 18, point 5).

All commands: those defined in ``netspec/cli.py`` and every one of ``cli.LAZY_COMMANDS``
(imported here), subcommands of groups included.  click has no help text for arguments, so
options only.  ``test_the_check_catches_an_option_without_help`` shows the walk finds a
planted option with no help.
"""

from __future__ import annotations

import importlib

import click
import pytest

from netspec.cli import LAZY_COMMANDS, main


def _commands(group: click.Group) -> dict[str, click.Command]:
    """'netspec NAME [SUB...]' -> command, for every command reachable from ``group``."""
    ctx = click.Context(group, info_name="netspec")
    out: dict[str, click.Command] = {}

    def walk(cmd: click.Command, path: str) -> None:
        out[path] = cmd
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                assert sub is not None, f"{path} {name}: listed but cannot be loaded"
                walk(sub, f"{path} {name}")

    walk(group, "netspec")
    return out


def options_without_help(cmd: click.Command) -> list[str]:
    return ["/".join(p.opts) for p in cmd.params
            if isinstance(p, click.Option) and not (p.help or "").strip()]


def test_every_lazy_command_loads():
    for name, module in LAZY_COMMANDS.items():
        importlib.import_module(module)
        assert main.get_command(click.Context(main), name) is not None, name


def test_the_walk_covers_every_command():
    found = _commands(main)
    for name in (*LAZY_COMMANDS, *main.commands):
        assert f"netspec {name}" in found, name


@pytest.mark.parametrize("path", sorted(_commands(main)))
def test_every_option_has_help(path):
    cmd = _commands(main)[path]
    missing = options_without_help(cmd)
    assert not missing, f"`{path}`: options without help text: {', '.join(missing)}"


def test_the_check_catches_an_option_without_help():
    @click.command()
    @click.option("--documented", help="Does a thing.")
    @click.option("--bare")
    @click.option("--blank", help="   ")
    def planted(documented, bare, blank):
        """A command with two options lacking help."""

    assert options_without_help(planted) == ["--bare", "--blank"]
