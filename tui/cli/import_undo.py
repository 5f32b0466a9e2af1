"""casefile import as a group: ``import PATH...`` imports as before; ``import preview``,
``import list`` and ``import undo`` look before and take back. The logic is in
tui.application (session.imports); these commands only print."""

from __future__ import annotations

from pathlib import Path

import click

from tui.application import doc_type_name, field_label
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table

# options of ``import PATH...`` that take a value: the word after them is not a subcommand
_VALUE_OPTIONS = {"-w", "--workspace", "--case"}
DEFAULT = "files"


class ImportGroup(click.Group):
    """``casefile import PATH...`` stays the import; a first word naming a subcommand runs it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not (len(args) == 1 and args[0] in ("-h", "--help")):
            first, skip = None, False
            for i, a in enumerate(args):
                if skip:
                    skip = False
                    continue
                if a in _VALUE_OPTIONS:
                    skip = True
                    continue
                if a.startswith("-"):
                    continue
                first = i
                break
            if first is not None and args[first] in self.commands and args[first] != DEFAULT:
                args = [args[first]] + args[:first] + args[first + 1:]  # options given before the subcommand
            else:
                args = [DEFAULT] + args
        return super().parse_args(ctx, args)


@click.group("import", cls=ImportGroup)
def import_group():
    """导入文书：casefile import 路径… [--case 案件] [--json]（.docx/.pdf/.txt 文件或文件夹）。

    导入前不会写入任何东西的预览：casefile import preview 路径… --case 案件；
    工作区自己的文件夹（工作区、案件目录、案件文件夹、索引和缓存）拒绝导入；
    文中出现本工作区其他案件文号的文书默认跳过并说明依据。
    每次导入都有记录：casefile import list 案件 列出；casefile import undo 案件 [--import 编号] 撤销（删除这次导入的文书、恢复它补充的案件事实，记入办案记录）。"""


@import_group.command("preview")
@workspace_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--case", "case_ref", default=None, help="要导入的案件（编号或文号）；用于判断哪些文书属于其他案件")
@json_option
def preview_cmd(paths, case_ref, as_json):
    """预览导入：列出将导入的文件（识别出的文书类型）、将跳过的文件及原因；不写入任何东西。"""
    pv = open_session().imports.import_preview(case_ref, [Path(p) for p in paths])
    data = pv.to_dict()

    def human(_):
        rows = [[Path(i.path).name, doc_type_name(i.doc_type) if i.doc_type else "—", i.doc_no or "—",
                 ("导入" if not i.reason else "导入（请核对）") if i.action == "导入" else "跳过", i.reason or ""] for i in pv.items]
        if rows:
            click.echo(table(rows, ["文件", "类型", "文号", "处理", "说明"], max_width=40))
        for s in pv.folders_skipped:
            click.echo(f"跳过文件夹：{s.path}：{s.reason}")
        if pv.case_type and pv.to_import:
            click.echo(pv.case_type["sentence"] if not pv.case else f"文书显示的{pv.case_type['sentence']}")
        if pv.type_warning:
            click.echo(f"注意：{pv.type_warning}")
        click.echo(f"将导入 {len(pv.to_import)} 个文件，跳过 {len(pv.skipped) + len(pv.folders_skipped)} 项"
                   + (f"，其中 {len(pv.flagged)} 个疑属其他案件，请核对" if pv.flagged else "")
                   + ("；文件过多，只列出了前面的部分，请选择更具体的文件夹" if pv.truncated else ""))

    emit(data, as_json, human)


@import_group.command("list")
@workspace_option
@click.argument("case_ref")
@json_option
def list_cmd(case_ref, as_json):
    """列出案件的各次导入：编号、时间、导入了哪些文书、补充了哪些事实、是否已撤销。"""
    session = open_session()
    items = session.imports.imports(case_ref)

    def human(_):
        if not items:
            click.echo("这个案件没有导入记录")
            return
        rows = [[r["id"], r["started"][:16].replace("T", " "), r["documents"], "、".join(field_label(f) for f in r["facts_filled"]) or "—",
                 r["state"], "；".join(r["sources"])] for r in items]
        click.echo(table(rows, ["编号", "时间", "文书数", "补充的事实", "状态", "来源"], max_width=40))

    emit({"case": session.cases.resolve(case_ref), "imports": items}, as_json, human)


@import_group.command("undo")
@workspace_option
@click.argument("case_ref")
@click.option("--import", "import_id", default=None, help="导入编号（见 casefile import list）；不给时撤销最近一次未撤销的导入")
@json_option
def undo_cmd(case_ref, import_id, as_json):
    """撤销一次导入：删除它导入的文书、把它补充或改变的案件事实恢复原样，并记入办案记录（撤销导入）。

    导入后案件有冲突的改动（导入的文书被替换或改动、它补充的事实又被修改、已开始法制审核）时拒绝，并说明原因。"""
    result = open_session().imports.undo_import(case_ref, import_id)

    def human(_):
        click.echo(f"已撤销案件 {result['case']} 的第 {result['import']} 次导入：删除文书 {len(result['removed'])} 份")
        for f in result["removed"]:
            click.echo(f"  - {f}")
        if result["facts_restored"]:
            click.echo("恢复的案件事实：" + "、".join(field_label(f) for f in result["facts_restored"]))

    emit(result, as_json, human)
