"""The ``casefile`` command: a thin click front over the casefile functions.

Subcommands live in ``tui/cli/<area>.py``; each module exposes ``register(cli)``.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys

import click

from casefile.errors import CasefileError

COMMAND_MODULES = [
    "tui.cli.workspace",
    "tui.cli.case",
    "tui.cli.officer",
    "tui.cli.doc",
    "tui.cli.facts",
    "tui.cli.dossier",
    "tui.cli.importing",
    "tui.cli.check",
    "tui.cli.review",
    "tui.cli.record",
    "tui.cli.search",
    "tui.cli.inspect",
    "tui.cli.terminal",
    "tui.cli.catalog",
    "tui.cli.entry",
    "tui.cli.user",
    "tui.cli.approval",
]


class CasefileGroup(click.Group):
    def main(self, *args, **kwargs):  # errors become Chinese text on stderr, never a traceback
        kwargs.setdefault("standalone_mode", False)
        try:
            rv = super().main(*args, **kwargs)
            return rv if isinstance(rv, int) else 0
        except CasefileError as e:
            click.echo(f"{e.title}：{e}", err=True)
            return e.exit_code
        except click.exceptions.Abort:
            click.echo("已取消", err=True)
            return 130
        except click.exceptions.Exit as e:
            return e.exit_code
        except click.UsageError as e:
            ctx = e.ctx
            if ctx is not None:
                click.echo(ctx.get_usage(), err=True)
            click.echo(f"用法错误：{e.format_message()}（用 --help 查看帮助）", err=True)
            return 2
        except click.ClickException as e:
            click.echo(f"错误：{e.format_message()}", err=True)
            return e.exit_code
        except KeyboardInterrupt:
            click.echo("已中断", err=True)
            return 130
        except OSError as e:
            if e.errno not in (errno.ENOSPC, errno.EDQUOT):
                return self._internal(e)
            click.echo(f"错误：磁盘空间已满（{e.filename or '工作区'}），操作未完成；请腾出空间后重试", err=True)
            return 13
        except Exception as e:  # a bug must still reach the person as a message, not a traceback
            return self._internal(e)

    @staticmethod
    def _internal(e: Exception) -> int:
        if os.environ.get("CASEFILE_DEBUG"):
            raise e
        click.echo(f"内部错误：{type(e).__name__}: {e}\n（这是 casefile 的缺陷，请附上命令报告；设置 CASEFILE_DEBUG=1 可看到详细信息）", err=True)
        return 70


@click.group(cls=CasefileGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--workspace", "-w", type=click.Path(file_okay=False), envvar="CASEFILE_HOME", help="工作区目录（默认：CASEFILE_HOME 或用户数据目录）")
@click.option("--today", default=None, metavar="YYYY-MM-DD", help="按该日期计算期限、提醒和文书日期（默认：CASEFILE_TODAY 或系统日期）")
@click.version_option(package_name="casefile", message="casefile %(version)s")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, today: str | None) -> None:
    """casefile：行政执法案卷的组卷、法制审核、全过程记录、公示与检索。

    不带子命令时打开终端界面（TUI）。
    """
    ctx.ensure_object(dict)
    ctx.obj["workspace"] = workspace
    ctx.obj["today"] = today
    if ctx.invoked_subcommand is None:
        tui_cmd = cli.get_command(ctx, "tui")
        if tui_cmd is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(tui_cmd, workspace=workspace, today=None)


for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(cli)


def main() -> None:
    sys.exit(cli.main(prog_name="casefile"))


if __name__ == "__main__":
    main()
