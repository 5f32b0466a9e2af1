"""casefile facts add | edit | remove (当事人, 执法行为, 拟处罚, 决定, 证据; the case's own
违法事实, 违反条款, 案件来源, 承办人; the records' 陈述申辩, 听证, 集体讨论 …) and casefile state
show | move: the same checks and journal entries as the TUI's forms and dialog."""

from __future__ import annotations

import click

from tui.application import Entries
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit

SECTIONS = {"当事人": "parties", "执法行为": "acts", "拟处罚": "proposed", "决定": "decided", "证据": "evidence"}
# sections a case holds once (or a record's content): 违法事实, 违反条款, 案件来源, 承办人, 陈述申辩 …
ONCE = list(Entries.case_fact_sections())
# options that may be repeated, and the form field each fills
REPEATED = {"officers": "officers", "members": "members", "opinions": "opinions", "statements": "statements"}


@click.group()
def facts() -> None:
    """录入、修改、删除案件事实：当事人、执法行为、拟处罚、决定的处罚、证据（与界面的表格同样校验）。"""


def _entry_options(f):
    for opt in reversed([
        click.option("--kind", default=None, help="类型：当事人类型、执法行为、处罚种类或证据种类"),
        click.option("--name", default=None, help="当事人名称或姓名；证据名称"),
        click.option("--id-number", default=None, help="统一社会信用代码或公民身份号码（校验码按国家标准核对）"),
        click.option("--address", default=None, help="当事人住所"),
        click.option("--representative", default=None, help="法定代表人、负责人或经营者"),
        click.option("--phone", default=None, help="电话"),
        click.option("--date", default=None, help="日期 YYYY-MM-DD（不晚于今天）：执法行为日期、证据取得日期"),
        click.option("--end-date", default=None, help="有期限的执法行为的截止日期"),
        click.option("--officer", "officers", multiple=True, help="执法人员（执法证号或姓名，可重复），须在执法人员清单中且证件在行为日期有效"),
        click.option("--place", default=None, help="地点"),
        click.option("--method", default=None, help="送达方式"),
        click.option("--amount", default=None, help="金额（元），大于零"),
        click.option("--basis", default=None, help="法律依据，如：《中华人民共和国价格法》第四十条第一款"),
        click.option("--source", default=None, help="证据来源"),
        click.option("--note", default=None, help="备注"),
        click.option("--text", default=None, help="违法事实、案件来源、陈述申辩的内容"),
        click.option("--review", default=None, help="本机关对陈述申辩、听证意见的复核意见（答复）"),
        click.option("--start", default=None, help="开始时间，如 9:30"),
        click.option("--end", default=None, help="结束时间，如 11:00"),
        click.option("--recorder", default=None, help="记录人（笔录、记录中签名的人）"),
        click.option("--host", default=None, help="集体讨论的主持人"),
        click.option("--member", "members", multiple=True, help="参加人员或听证员（可重复）"),
        click.option("--opinion", "opinions", multiple=True, help="讨论意见“姓名（职务）：意见”（可重复）"),
        click.option("--statement", "statements", multiple=True, help="听证发言“发言人：内容”（可重复）"),
        click.option("--conclusion", default=None, help="集体讨论的结论"),
        click.option("--host-opinion", default=None, help="听证主持人意见"),
        click.option("--agents", default=None, help="委托代理人"),
        click.option("--public", default=None, help="听证公开与否（不公开的写明理由）"),
        click.option("--present", default=None, help="现场负责人及其证件"),
        click.option("--witness", default=None, help="见证人"),
        click.option("--observed", default=None, help="现场看到的情况"),
        click.option("--interviewee", default=None, help="被询问人"),
        click.option("--relation", default=None, help="被询问人与当事人的关系"),
        click.option("--correction", default=None, help="责令改正的内容和期限"),
        click.option("--discretion", default=None, help="罚款数额的裁量理由"),
        click.option("--recipient", default=None, help="受送达人"),
        click.option("--signer", default=None, help="签收人"),
    ]):
        f = opt(f)
    return f


def _given(options: dict) -> dict:
    out = {k: v for k, v in options.items() if v is not None and k not in REPEATED}
    for k in REPEATED:
        if options.get(k):
            out[k] = list(options[k])
    return out


def _summary(case, section: str) -> dict:
    return {"case": case.id, "section": section, "count": len(getattr(case, SECTIONS[section]))}


@facts.command("add")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("section", metavar="类别", type=click.Choice(list(SECTIONS) + ONCE))
@_entry_options
@json_option
def facts_add(case_ref, section, as_json, **options):
    """新增一项事实；有误时列出每一栏的问题，不写入。

    类别：当事人、执法行为、拟处罚、决定、证据；案件只有一份的：违法事实（--text、--date、--end-date）、
    违反条款（--basis，再次录入则增加条款）、案件来源（--text）、承办人（--officer 可重复）；笔录记录的内容：
    陈述申辩（--text、--review、--place、--start、--end、--recorder）、听证（--statement“发言人：内容”、
    --member、--recorder、--host-opinion …）、集体讨论（--host、--member、--opinion“姓名（职务）：意见”、
    --conclusion、--recorder、--place、--start、--end）、现场、询问、决定内容（--correction、--discretion、
    --review）、送达（--recipient、--address、--signer、--witness、--note）。已录入的用 facts edit 修改。
    """
    session = open_session()
    if section in ONCE:
        case = session.entries.save_case_fact(case_ref, section, _given(options))
        emit({"case": case.id, "section": section, "facts": session.entries.case_fact(case.id, section)}, as_json,
             lambda d: click.echo(f"已录入案件 {d['case']} 的{section}"))
        return
    case = session.entries.save_entry(case_ref, SECTIONS[section], _given(options))
    emit(_summary(case, section), as_json, lambda d: click.echo(f"已录入案件 {d['case']} 的{section}（共 {d['count']} 项）"))


@facts.command("edit")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("section", metavar="类别", type=click.Choice(list(SECTIONS) + ONCE))
@click.argument("number", metavar="序号", type=click.IntRange(min=1), required=False)
@_entry_options
@json_option
def facts_edit(case_ref, section, number, as_json, **options):
    """修改第 序号 项（从 1 数起）；违法事实、承办人等只有一份的不写序号。只改给出的栏目，其余保持原值，再整体校验。"""
    session = open_session()
    if section in ONCE:
        data = {**session.entries.case_fact(case_ref, section), **_given(options)}
        case = session.entries.save_case_fact(case_ref, section, data, replace=True)
        emit({"case": case.id, "section": section, "facts": session.entries.case_fact(case.id, section)}, as_json,
             lambda d: click.echo(f"已修改案件 {d['case']} 的{section}"))
        return
    if number is None:
        raise click.UsageError(f"修改{section}须写明序号（从 1 数起）")
    case = session.cases.load_case(case_ref)
    items = getattr(case, SECTIONS[section])
    data = items[number - 1].model_dump(mode="json") if 0 < number <= len(items) else {}
    if section in ("拟处罚", "决定") and data:
        data["basis"] = "；".join(b.cite() for b in items[number - 1].basis)
    data.update(_given(options))
    case = session.entries.save_entry(case_ref, SECTIONS[section], data, number - 1)
    emit(_summary(case, section), as_json, lambda d: click.echo(f"已修改案件 {d['case']} 的第 {number} 项{section}"))


@facts.command("remove")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("section", metavar="类别", type=click.Choice(list(SECTIONS)))
@click.argument("number", metavar="序号", type=click.IntRange(min=1))
@json_option
def facts_remove(case_ref, section, number, as_json):
    """删除第 序号 项（从 1 数起），记入案件日志。"""
    case = open_session().entries.remove_entry(case_ref, SECTIONS[section], number - 1)
    emit(_summary(case, section), as_json, lambda d: click.echo(f"已删除案件 {d['case']} 的第 {number} 项{section}"))


@click.group()
def state() -> None:
    """案件状态：查看可做的状态变更及其障碍，变更状态（记录执法行为并记入日志）。"""


@state.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def state_show(case_ref, as_json):
    """列出案件现在可做的状态变更；不能做的写明原因。"""
    session = open_session()
    case = session.cases.load_case(case_ref)
    data = {"case": case.id, "state": case.state.value, "moves": [o.to_dict() for o in session.entries.transitions(case.id)]}

    def human(d):
        click.echo(f"案件 {d['case']}　状态：{d['state']}")
        if not d["moves"]:
            click.echo("没有可做的状态变更")
        for m in d["moves"]:
            click.echo(f"  {'✓' if m['allowed'] else '✗'} {m['id']} → {m['to']}")
            for b in m["blockers"]:
                click.echo(f"      不能：{b}")

    emit(data, as_json, human)


@state.command("move")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("move", metavar="变更")
@click.option("--method", default="", help="送达方式（送达决定时；默认直接送达）")
@click.option("--officer", "officers", multiple=True, help="实施该行为的执法人员（执法证号或姓名，可重复）")
@click.option("--note", default="", help="备注")
@click.option("--yes", is_flag=True, help="不再询问，直接变更")
@json_option
def state_move(case_ref, move, method, officers, note, yes, as_json):
    """变更案件状态（变更 为 state show 列出的名称，如 提交法制审核、作出决定、送达决定、结案、归档）；
    有障碍时拒绝并列出原因，日期按 --today 或今天。"""
    session = open_session()
    case = session.cases.load_case(case_ref)
    if not yes:
        click.confirm(f"案件 {case.id}（{case.state.value}）：{move}，确认吗？", abort=True)
    new = session.entries.move_case(case.id, move, officers=list(officers), method=method, note=note)
    emit({"case": new.id, "from": case.state.value, "state": new.state.value, "move": move}, as_json,
         lambda d: click.echo(f"已{move}：案件 {d['case']} {d['from']} → {d['state']}"))
