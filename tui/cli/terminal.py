"""casefile tui — the Textual front end."""

from __future__ import annotations


import click

from tui.cli.common import open_workspace, workspace_option


def register(cli: click.Group) -> None:
    cli.add_command(tui)


@click.command()
@workspace_option
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="按该日期计算期限（默认今天）")
def tui(today):
    """打开终端界面（键盘操作；? 帮助，/ 检索，q 退出）。"""
    from tui.textual_app.app import run

    run(open_workspace(), today.date() if today else None)
