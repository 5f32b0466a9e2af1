"""Options every command shares, and the session a command works in."""

from __future__ import annotations

import functools

import click

from tui.application import Session


def workspace_option(f):
    """Adds ``--workspace`` to a command; it wins over the group's option and CASEFILE_HOME."""

    @click.option("--workspace", "-w", "workspace", type=click.Path(file_okay=False), default=None, help="工作区目录（默认：CASEFILE_HOME 或用户数据目录）")
    @functools.wraps(f)
    def wrapper(*args, workspace=None, **kwargs):
        ctx = click.get_current_context()
        root = workspace or (ctx.find_root().obj or {}).get("workspace")
        ctx.meta["casefile.workspace_root"] = root
        return f(*args, **kwargs)

    return wrapper


def workspace_root() -> str | None:
    return click.get_current_context().meta.get("casefile.workspace_root")


def today_given() -> str | None:
    """The group's ``--today`` (a command's own ``--today`` is passed to :func:`open_session`)."""
    return (click.get_current_context().find_root().obj or {}).get("today")


def open_session(today=None) -> Session:
    """The workspace of this command with the one clock: the command's ``--today``, else the
    group's ``--today``, else CASEFILE_TODAY, else the system date."""
    if hasattr(today, "date"):
        today = today.date()
    return Session.open(workspace_root(), today or today_given())


json_option = click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供脚本使用）")
