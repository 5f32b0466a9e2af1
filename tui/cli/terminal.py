"""casefile tui — the Textual front end."""

from __future__ import annotations

import click

from tui.cli.common import open_session, workspace_option


@click.command()
@workspace_option
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="按该日期计算期限（默认：全局 --today、CASEFILE_TODAY 或今天）")
def tui(today):
    """打开终端界面（键盘操作；? 帮助，/ 检索，q 退出）。"""
    from tui.textual_app.app import run  # textual loads only when the terminal UI is asked for

    run(open_session(today))
