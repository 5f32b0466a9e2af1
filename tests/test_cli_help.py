"""Every CLI command has Chinese help text and a --workspace option where it touches one."""

import click

from tui.cli import cli


def _walk(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _walk(cmd, prefix + (name,))


def test_every_command_has_help():
    missing = [" ".join(p) for p, c in _walk(cli) if not (c.help or "").strip()]
    assert not missing, missing
    for path, cmd in _walk(cli):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in cmd.help), f"{' '.join(path)} help is not Chinese"


def test_every_leaf_command_takes_workspace():
    exempt = {("case", "validate"), ("extract",)}
    for path, cmd in _walk(cli):
        if isinstance(cmd, click.Group) or path in exempt:
            continue
        opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
        assert "--workspace" in opts, f"{' '.join(path)} has no --workspace"
