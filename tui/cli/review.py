"""casefile review open | show | accept | override | add | opinion | resubmit."""

from __future__ import annotations

import click

from casefile.errors import CheckError
from tui.application import CATEGORIES, CATEGORY_NAMES, SEVERITIES, SEVERITY_NAMES, change_lines, finding_line
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit


@click.group()
def review() -> None:
    """法制审核轮次：开始审核、逐条采纳或不采纳、补充发现、出具审核意见书、重新送审。"""


def _show_round(rnd: dict) -> None:
    tl = rnd["time_limit"]
    click.echo(f"第 {rnd['round']} 轮审核（{rnd['opened'][:10]} 开始，审核期限 {tl['days']}{'个工作日' if tl['unit'] == 'WD' else '日'}，"
               f"{'至 ' + tl['due'] if tl['due'] else tl['note']}）")
    md = rnd["major_decision"]
    click.echo("重大执法决定：" + ("是——" + "；".join(md["reasons"]) if md["required"] else "否"))
    for f in rnd["findings"] + rnd["added"]:
        click.echo("  " + finding_line(f))
    for line in change_lines(rnd.get("changes")):
        click.echo(line)
    if rnd.get("opinion"):
        o = rnd["opinion"]
        click.echo(f"审核意见：{o['conclusion']}（{o['date']}，{o['reviewer']}，{o['file']}）")


@review.command("open")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_open(case_ref, as_json):
    """开始一轮法制审核（案件须已提交法制审核）：记录所审文书的哈希与案件事实，运行审核清单。"""
    emit(open_session().review.open_review(case_ref), as_json, _show_round)


@review.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_show(case_ref, as_json):
    """查看当前审核轮次：每条发现的处理、期限、与上一轮相比的变化（只查看，不开始新一轮）。"""
    rnd = open_session().review.current_review(case_ref)
    if rnd is None:
        raise CheckError(f"案件 {case_ref} 还没有审核轮次", details=["先运行 casefile review open CASE"])
    emit(rnd, as_json, _show_round)


@review.command("accept")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("finding", type=int)
@json_option
def review_accept(case_ref, finding, as_json):
    """采纳一条审核发现（FINDING 为 review show 中的编号）。"""
    f = open_session().review.decide_finding(case_ref, finding, "accept")
    emit(f, as_json, lambda d: click.echo(f"已采纳第 {finding} 条：{d['message']}"))


@review.command("override")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("finding", type=int)
@click.option("--reason", required=True, help="不采纳的理由（必填）")
@json_option
def review_override(case_ref, finding, reason, as_json):
    """不采纳一条审核发现，并写明理由。"""
    f = open_session().review.decide_finding(case_ref, finding, "override", reason)
    emit(f, as_json, lambda d: click.echo(f"已不采纳第 {finding} 条（理由：{reason}）"))


@review.command("add")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--category", required=True,
              help="类别（必填）：" + "、".join(CATEGORY_NAMES[c] for c in CATEGORIES) + "，或其代码")
@click.option("--severity", required=True,
              help="严重程度（必填）：" + "、".join(SEVERITY_NAMES[s] for s in SEVERITIES) + "，或其代码")
@click.option("--message", required=True, help="问题描述（必填）")
@click.option("--basis", required=True, help="法律依据（必填），如《中华人民共和国行政处罚法》第三十二条")
@json_option
def review_add(case_ref, category, severity, message, basis, as_json):
    """补充一条审核规则没有覆盖的发现：类别、严重程度、问题描述与法律依据都必须写明。"""
    f = open_session().review.add_finding(case_ref, category, severity, message, basis)
    emit(f, as_json, lambda d: click.echo(f"已补充第 {d['id']} 条：{message}"))


@review.command("opinion")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_opinion(case_ref, as_json):
    """出具法制审核意见书（.docx，日期按 --today 或今天）：列出每个问题及依据，结论为同意或存在问题。
    本轮每条发现都已采纳或不采纳、案件有送审记录时才能出具。"""
    o = open_session().review.issue_opinion(case_ref)
    emit(o, as_json, lambda d: click.echo(f"已出具法制审核意见书：{d['file']}，结论：{d['conclusion']}（{d['problems']} 个问题）"))


@review.command("resubmit")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_resubmit(case_ref, as_json):
    """承办机构按审核意见修改后重新送审。"""
    r = open_session().review.resubmit(case_ref)
    emit(r, as_json, lambda d: click.echo(f"已重新送审（{d.resubmitted}），下一轮审核会列出修改之处"))


@review.command("respond")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--text", required=True, help="承办机构的书面说明：不采纳审核意见的理由（必填）")
@click.option("--to", "to", type=click.Choice(["负责人", "集体讨论"]), required=True, help="报送：负责人 或 集体讨论")
@json_option
def review_respond(case_ref, text, to, as_json):
    """审核意见为“存在问题”而承办机构不修改时，书面说明理由并报负责人或集体讨论决定；
    在其决定（casefile approve / casefile discuss）之前不能作出决定。修改后重新送审则用 review resubmit。"""
    r = open_session().approvals.respond_to_review(case_ref, text, to)
    emit(r, as_json, lambda d: click.echo(f"已记录承办机构书面说明，报{d['to']}决定（{d['date']}）"))
