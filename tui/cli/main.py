"""The ``casefile`` command: a thin click front over the application layer (``tui.application``).

The front door opens at once. ``COMMANDS`` names each top-level command's module and the short
help that ``casefile --help`` lists, so a command's module (and what it needs: python-docx, the
index engines, the checklists) is imported only when that command runs or shows its own ``--help``.

To add a command, write it in ``tui/cli/<area>.py`` as a plain click command or group and add ONE
line to ``COMMANDS``::

    "name": ("tui.cli.area:attribute", "中文简短说明（命令说明的第一段）。"),

``tests/test_cli_help.py`` checks each line against the command (its short help is the first
paragraph of the command's own help). A subcommand is added by its group's module
(``doc facts`` in ``tui/cli/doc.py``, ``import files`` in ``tui/cli/importing.py``).
"""

from __future__ import annotations

import errno
import importlib
import os
import sys

import click

from casefile.errors import CasefileError
from casefile.display import clean  # the one terminal sanitiser: a light module, --help stays lazy

# name: ("module:attribute", short help that ``casefile --help`` shows without importing the module)
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("tui.cli.workspace:init", "新建工作区（执法机关信息、行政执法人员清单、案件目录）。"),
    "demo": ("tui.cli.workspace:demo", "新建演示工作区：不同领域、不同类型（处罚、许可、强制）和不同阶段的案件，含人员清单、文书与一次双随机抽查。"),
    "case": ("tui.cli.case:case", "案件：新建、列表、查看。"),
    "officer": ("tui.cli.officer:officer", "行政执法人员清单：登记与查看（也可直接编辑工作区的 officers.toml）。"),
    "doc": ("tui.cli.doc:doc", "执法文书：文书目录、按模板生成、查看案件中的文书。"),
    "dossier": ("tui.cli.dossier:dossier", "组卷：按装订顺序列出本案应有与已有的文书、缺失项、相互矛盾的文书，以及卷内目录（含页数）。"),
    "package": ("tui.cli.dossier:package", "案卷包：导入他人导出的送审案卷包。"),
    "import": ("tui.cli.importing:import_group", "导入文书：casefile import 路径… [--case 案件] [--json]（.docx/.pdf/.txt 文件或文件夹）。"),
    "extract": ("tui.cli.importing:extract_cmd", "从文书中抽取实体与办案经过（不写入工作区）；多个文件时每行一个 JSON 对象。"),
    "check": ("tui.cli.check:check", "按法制审核清单检查案件：执法主体、事实、证据、依据、裁量、程序、移送、文书（期限按 --today 或今天）。"),
    "laws": ("tui.cli.check:laws", "法律库：导入法律法规文本，用于核实引用的法律条款。"),
    "review": ("tui.cli.review:review", "法制审核轮次：开始审核、逐条采纳或不采纳、补充发现、出具审核意见书、重新送审。"),
    "journal": ("tui.cli.record:journal", "全过程记录：查看案件的执法时间线、校验记录是否被改动。"),
    "evidence": ("tui.cli.record:evidence", "音像记录与照片证据：按内容哈希保存并关联到执法行为。"),
    "publicity": ("tui.cli.record:publicity", "行政执法公示：到期与逾期清单、生成去除个人信息的公示文本、登记公示与撤回。"),
    "stats": ("tui.cli.record:stats", "年度行政执法数据：按类型与结果计数、罚没款、听证、法制审核、移送、平均办案天数。"),
    "search": ("tui.cli.search:search", "全文检索案卷（支持 AND/OR/NOT、\"短语\"、字段:值、日期范围）：命中按案件分组，附高亮摘要与页码。"),
    "index": ("tui.cli.search:index_group", "检索索引：增量更新、重建、把外部文件夹加入检索。"),
    "inspect": ("tui.cli.inspect:inspect", "行政检查：双随机抽取检查对象和执法人员、记录检查结果、导出抽查结果供公示。"),
    "tui": ("tui.cli.terminal:tui", "打开终端界面（键盘操作；? 帮助，/ 检索，q 退出）。"),
    "catalogue": ("tui.cli.catalog:catalogue", "案件目录：列表、公示期限与统计读取的派生摘要（案件文件夹始终是依据，目录可随时重建）。"),
    "facts": ("tui.cli.entry:facts", "录入、修改、删除案件事实：当事人、执法行为、拟处罚、决定的处罚、证据（与界面的表格同样校验）。"),
    "state": ("tui.cli.entry:state", "案件状态：查看可做的状态变更及其障碍，变更状态（记录执法行为并记入日志）。"),
    "user": ("tui.cli.user:user", "用户与角色：谁可以做什么（承办人、法制审核、负责人、评查、公示、管理员）。当前用户是操作系统登录名； 未登记的登录名只能查看。登记和删除用户须由管理员进行。"),
    "approve": ("tui.cli.approval:approve", "负责人审批（《中华人民共和国行政处罚法》第五十七条第一款）：须由负责人本人记录。 承办机构的书面说明报负责人的，本审批即为负责人的决定。"),
    "discuss": ("tui.cli.approval:discuss", "记录集体讨论（《中华人民共和国行政处罚法》第五十七条第二款：情节复杂或者重大违法行为给予行政处罚， 行政机关负责人应当集体讨论决定）：参加人员、各人意见、结论，并生成集体讨论记录。须由负责人记录。"),
    "work": ("tui.cli.approval:work", "我的工作：按当前用户的角色列出待我审核、待我审批的案件，以及我承办的案件及其期限提醒。"),
    "evaluate": ("tui.cli.evaluate:evaluate", "案卷评查：对文书、案卷目录、案卷包或工作区的案件批量评查计分。"),
}


def load_command(name: str) -> click.Command:
    """The command ``name`` of ``COMMANDS``, importing its module now."""
    module, attribute = COMMANDS[name][0].split(":")
    return getattr(importlib.import_module(module), attribute)


class _CleanStream:
    """A text stream that passes every write through the one sanitiser (casefile.display): no
    escape sequence or control character in a title, party name or file name reaches the terminal."""

    def __init__(self, raw):
        self._raw = raw

    def write(self, s):
        self._raw.write(clean(s) if isinstance(s, str) else s)
        return len(s)

    def __getattr__(self, name):
        return getattr(self._raw, name)


class CasefileGroup(click.Group):
    """Loads each command on first use (see ``COMMANDS``); errors become Chinese text on stderr."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return load_command(name) if name in COMMANDS else None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from ``COMMANDS`` alone: ``casefile --help`` imports no command module."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])

    def main(self, *args, **kwargs):
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = _CleanStream(out), _CleanStream(err)
        try:
            return self._main(*args, **kwargs)
        finally:
            sys.stdout, sys.stderr = out, err

    def _main(self, *args, **kwargs):  # errors become Chinese text on stderr, never a traceback
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
        ctx.invoke(load_command("tui"), workspace=workspace, today=None)


def main() -> None:
    sys.exit(cli.main(prog_name="casefile"))


if __name__ == "__main__":
    main()
