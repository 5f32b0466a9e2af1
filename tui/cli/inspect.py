"""casefile inspect draw|list|show|record|export — 双随机、一公开."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table


def _plan_dict(plan) -> dict:
    return plan.to_dict()


def _print_plan(plan) -> None:
    click.echo(f"抽查计划 {plan.id}：{plan.day}，随机种子 {plan.seed}，比例 {plan.ratio:.0%}，名录 {plan.population} 户，抽中 {len(plan.picks)} 户")
    click.echo(table([[p.target.name, p.target.matter, "、".join(f"{o['name']}（{o['certificate']}）" for o in p.officers),
                       p.result or "尚未检查"] for p in plan.picks], ["检查对象", "抽查事项", "执法人员", "检查结果"], max_width=40))


@click.group()
def inspect() -> None:
    """行政检查：双随机抽取检查对象和执法人员、记录检查结果、导出抽查结果供公示。"""


@inspect.command("draw")
@workspace_option
@click.option("--targets", "targets", type=click.Path(dir_okay=False, exists=True), required=True,
              help="检查对象名录（CSV，首行列名：名称、统一社会信用代码、地址、抽查事项、执法类别）")
@click.option("--ratio", required=True, help="抽查比例，如 5% 或 0.05")
@click.option("--officers", type=int, default=2, show_default=True, help="每个检查对象派出的执法人员数（不少于2）")
@click.option("--seed", type=int, required=True, help="随机种子：同一名录、同一种子得到同一结果，可复核")
@click.option("--category", default="", help="名录中没有“执法类别”列时，执法人员须具备的类别")
@click.option("--plan", "plan_id", default="", help="抽查计划编号（默认：日期-种子）")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="抽取日期（默认今天），用于核对证件有效期")
@json_option
def inspect_draw(targets, ratio, officers, seed, category, plan_id, today, as_json):
    """从名录中随机抽取检查对象，并为每个对象随机匹配执法人员。

    执法人员须在抽取当日持有效证件、执法类别覆盖抽查事项，且不得连续两次检查同一对象；
    抽取结果记入全过程记录（inspections/journal.jsonl）。"""
    plan = open_session(today).inspections.draw_inspections(Path(targets), ratio, seed, officers=officers, category=category, plan_id=plan_id)
    emit(_plan_dict(plan), as_json, lambda d: _print_plan(plan))


@inspect.command("list")
@workspace_option
@json_option
def inspect_list(as_json):
    """列出全部抽查计划。"""
    plans = open_session().inspections.inspection_plans()
    emit([_plan_dict(p) for p in plans], as_json, lambda d: click.echo(table(
        [[p.id, p.day, p.seed, f"{p.ratio:.0%}", len(p.picks), sum(1 for x in p.picks if x.result)] for p in plans],
        ["计划", "日期", "种子", "比例", "抽中", "已检查"])))


@inspect.command("show")
@workspace_option
@click.argument("plan_id", metavar="PLAN")
@json_option
def inspect_show(plan_id, as_json):
    """显示一个抽查计划的抽取结果与检查结果。"""
    plan = open_session().inspections.inspection_plan(plan_id)
    emit(_plan_dict(plan), as_json, lambda d: _print_plan(plan))


@inspect.command("record")
@workspace_option
@click.argument("plan_id", metavar="PLAN")
@click.option("--target", required=True, help="检查对象名称或统一社会信用代码")
@click.option("--result", required=True, help="检查结果，如：未发现问题 / 发现问题已责令整改 / 未找到检查对象")
@click.option("--problems", default="", help="发现的问题（如有）")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="检查日期（默认今天）")
@json_option
def inspect_record(plan_id, target, result, problems, today, as_json):
    """记录一个检查对象的检查结果（现场检查笔录的结论）。"""
    plan = open_session(today).inspections.record_inspection(plan_id, target, result, problems)
    emit(_plan_dict(plan), as_json, lambda d: click.echo(f"已记录：{target} — {result}"))


@inspect.command("export")
@workspace_option
@click.argument("plan_id", metavar="PLAN")
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True, help="输出文件")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "docx"]), default="xlsx", show_default=True, help="文件格式")
@json_option
def inspect_export(plan_id, out, fmt, as_json):
    """导出抽查结果（检查对象、事项、执法人员姓名与证号、结果）供公示。"""
    r = open_session().inspections.export_inspection_results(plan_id, Path(out), fmt)
    emit(r, as_json, lambda d: click.echo(f"已导出 {r.rows} 条抽查结果：{r.file}"))
