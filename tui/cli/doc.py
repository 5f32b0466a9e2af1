"""casefile doc types | render | list."""

from __future__ import annotations

import click

from tui.application import Documents
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.facts import doc_facts
from tui.cli.output import emit, table


@click.group()
def doc() -> None:
    """执法文书：文书目录、按模板生成、查看案件中的文书。"""


@doc.command("types")
@workspace_option
@json_option
def doc_types(as_json):
    """列出文书目录：代码、名称、阶段、卷别、装订顺序、何时必需。"""
    types = Documents.doc_types()

    def human(_):
        rows = []
        for t in types:
            r = t.required
            when = ""
            if r:
                bits = []
                if r.procedures:
                    bits.append("/".join(r.procedures))
                bits += list(r.when) + (["或".join(r.when_any)] if r.when_any else [])
                if r.due_after:
                    bits.append(f"{r.due_after}后")
                when = "，".join(bits)
            rows.append([t.code, t.name, t.stage, t.volume, t.order, "有" if t.template else "仅导入", when])
        click.echo(table(rows, ["代码", "名称", "阶段", "卷别", "顺序", "模板", "何时必需"], max_width=36))

    emit([t.to_dict() for t in types], as_json, human)


@doc.command("render")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("doc_type", metavar="TYPE")
@click.option("--confirm", is_flag=True, help="确认属于法定例外（如法律、行政法规另有规定的延长查封扣押期限），确认记入案件日志")
@json_option
def doc_render(case_ref, doc_type, confirm, as_json):
    """按模板生成一份文书，写入案件的 docs/（TYPE 为文书代码或中文名）。

    缺少案件事实时列出缺什么，不生成留白的文书；在 casefile 之外修改过的文书不会被覆盖。
    文书内容将违反法律规定的（如当场处罚超过《行政处罚法》第五十一条的数额、缴款期限内催告）拒绝生成并写明条文；
    法律允许例外的须加 --confirm。
    """
    result = open_session().documents.render(case_ref, doc_type, confirm=confirm)
    emit(result.to_dict(), as_json, lambda d: click.echo(result.message))


@doc.command("list")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def doc_list(case_ref, as_json):
    """列出案件中已有的文书（类型、来源、页数、是否在外部被修改）。"""
    data = open_session().documents.documents(case_ref)

    def human(_):
        rows = [[d["file"], d["doc_type"], d["origin"], d["pages"] or "", "是" if d["changed_outside"] else ""] for d in data]
        click.echo(table(rows, ["文件", "类型", "来源", "页数", "外部修改"], max_width=44))

    emit(data, as_json, human)


doc.add_command(doc_facts)  # ``doc facts`` lives in its own module
