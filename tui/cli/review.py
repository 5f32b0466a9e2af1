"""casefile review open | show | accept | override | add | opinion | resubmit."""

from __future__ import annotations

import click

from casefile.errors import CheckError
from tui.application import CATEGORIES, CATEGORY_NAMES, DECISION_NAMES, SEVERITIES, SEVERITY_NAMES
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit


def register(cli: click.Group) -> None:
    cli.add_command(review)


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
        click.echo(f"  {f['id']:>2}. [{CATEGORY_NAMES[f['category']]}/{SEVERITY_NAMES[f['severity']]}] {f['message']}"
                   f"（{DECISION_NAMES[f['decision']]}{'：' + f['reason'] if f['reason'] else ''}）")
    ch = rnd.get("changes")
    if ch:
        click.echo("与上一轮相比：")
        for label, key in (("新增文书", "documents_added"), ("修改文书", "documents_changed"), ("删除文书", "documents_removed")):
            if ch[key]:
                click.echo(f"  {label}：{'、'.join(ch[key])}")
        for k, v in ch["facts_changed"].items():
            if "added" in v:
                for x in v["added"]:
                    click.echo(f"  事实 {k} 新增：{_brief(x)}")
                for x in v["removed"]:
                    click.echo(f"  事实 {k} 删除：{_brief(x)}")
            else:
                click.echo(f"  事实 {k}：{v['old']} → {v['new']}")
        for r in ch["resolved"]:
            click.echo(f"  已解决：{r['message']}")
    if rnd.get("opinion"):
        o = rnd["opinion"]
        click.echo(f"审核意见：{o['conclusion']}（{o['date']}，{o['reviewer']}，{o['file']}）")


def _brief(x) -> str:
    if isinstance(x, dict):
        return " ".join(str(x[k]) for k in ("date", "kind", "name", "amount", "note") if x.get(k) not in (None, ""))
    return str(x)


@review.command("open")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_open(case_ref, as_json):
    """开始一轮法制审核（案件须已提交法制审核）：记录所审文书的哈希与案件事实，运行审核清单。"""
    emit(open_session().open_review(case_ref), as_json, _show_round)


@review.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_show(case_ref, as_json):
    """查看当前审核轮次：每条发现的处理、期限、与上一轮相比的变化（只查看，不开始新一轮）。"""
    rnd = open_session().current_review(case_ref)
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
    f = open_session().decide_finding(case_ref, finding, "accept")
    emit(f, as_json, lambda d: click.echo(f"已采纳第 {finding} 条：{d['message']}"))


@review.command("override")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("finding", type=int)
@click.option("--reason", required=True, help="不采纳的理由（必填）")
@json_option
def review_override(case_ref, finding, reason, as_json):
    """不采纳一条审核发现，并写明理由。"""
    f = open_session().decide_finding(case_ref, finding, "override", reason)
    emit(f, as_json, lambda d: click.echo(f"已不采纳第 {finding} 条（理由：{reason}）"))


@review.command("add")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--category", type=click.Choice(CATEGORIES), required=True, help="类别")
@click.option("--severity", type=click.Choice(SEVERITIES), default="major", show_default=True, help="严重程度")
@click.option("--message", required=True, help="问题描述")
@click.option("--basis", default="", help="法律依据")
@json_option
def review_add(case_ref, category, severity, message, basis, as_json):
    """补充一条审核规则没有覆盖的发现。"""
    f = open_session().add_finding(case_ref, category, severity, message, basis)
    emit(f, as_json, lambda d: click.echo(f"已补充第 {d['id']} 条：{message}"))


@review.command("opinion")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_opinion(case_ref, as_json):
    """出具法制审核意见书（.docx，日期按 --today 或今天）：列出每个问题及依据，结论为同意或存在问题。"""
    o = open_session().issue_opinion(case_ref)
    emit(o, as_json, lambda d: click.echo(f"已出具法制审核意见书：{d['file']}，结论：{d['conclusion']}（{d['problems']} 个问题）"))


@review.command("resubmit")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def review_resubmit(case_ref, as_json):
    """承办机构按审核意见修改后重新送审。"""
    r = open_session().resubmit(case_ref)
    emit(r, as_json, lambda d: click.echo(f"已重新送审（{d['resubmitted']}），下一轮审核会列出修改之处"))
