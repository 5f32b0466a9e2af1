"""casefile check CASE --mode self|review|evaluate ; casefile laws import | show."""

from __future__ import annotations

from pathlib import Path

import click

from tui.application import CATEGORY_NAMES, MODE_NAMES, SEVERITY_NAMES
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, progress


@click.command()
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--mode", type=click.Choice(["self", "review", "evaluate"]), default="review", show_default=True,
              help="self 承办人自查；review 法制审核；evaluate 案卷评查计分")
@json_option
def check(case_ref, mode, as_json):
    """按法制审核清单检查案件：执法主体、事实、证据、依据、裁量、程序、移送、文书（期限按 --today 或今天）。"""
    result = open_session().review.check(case_ref, mode)

    def human(_):
        md = result.major_decision
        click.echo(f"案件 {result.case}（{MODE_NAMES[mode]}）")
        click.echo("重大执法决定：" + ("是，须经法制审核——" + "；".join(md["reasons"]) if md["required"] else "否"))
        if result.abridged:
            click.echo("说明：本件为公示摘要版本，只核对其引用的法律依据，不按决定书评查。")
        for cat, items in result.by_category().items():
            if not items:
                continue
            click.echo(f"\n【{CATEGORY_NAMES[cat]}】")
            for f in items:
                click.echo(f"  [{SEVERITY_NAMES[f.severity]}] {f.message}")
                click.echo(f"      依据：{f.basis}" + (f"；文书：{'、'.join(Path(d).name for d in f.documents)}" if f.documents else ""))
        if result.coverage:
            # what the documents at hand cannot show: listed apart, never a problem found nor a deduction
            click.echo("\n【审查范围说明（不是问题，不扣分）】")
            for c in result.coverage:
                click.echo(f"  {c['message']}")
        if not result.findings and result.verdict != "未审读":
            click.echo("\n未发现问题。")
        if result.score and result.score["total"] is None:
            click.echo(f"\n评查等级：{result.score['grade']}")
        elif result.score:
            s = result.score
            click.echo(f"\n评查得分：{s['total']} / {s['full']}　等级：{s['grade']}" + ("（有否决项）" if s["vetoed"] else ""))
        else:
            click.echo(f"\n建议审核意见：{result.verdict}")

    emit(result.to_dict(), as_json, human)


@click.group()
def laws() -> None:
    """法律库：导入法律法规文本，用于核实引用的法律条款。"""


@laws.command("import")
@workspace_option
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@json_option
def laws_import(directory, as_json):
    """从 LawRefBook 格式的 Markdown（及纯文本规章）目录导入法律库。"""
    s = open_session()
    progress(f"正在解析 {directory} ……")
    result = s.records.import_laws(Path(directory))
    emit(result, as_json, lambda d: click.echo(f"已导入 {d['laws']} 部法律法规（{d['versions']} 个版本）" + (f"；跳过 {len(d['skipped'])} 个无条文的文件：" + "、".join(d["skipped"]) if d["skipped"] else "")))


@laws.command("show")
@workspace_option
@click.argument("name")
@click.argument("article", required=False, type=int)
@json_option
def laws_show(name, article, as_json):
    """查看法律库中的一部法律（及某一条是否存在）。"""
    data = open_session().records.law(name, article)
    found, message = data.found, data.message
    emit(data, as_json, lambda d: click.echo(f"《{found}》版本：{'、'.join(d.versions)}" + (f"；{message}" if message else "；条文存在" if article else "") if found else message))
