"""casefile case new | list | show | validate."""

from __future__ import annotations

import json

import click

from casefile.model import CaseType, PartyKind, Procedure
from tui.application import NewCase, violation_lines
from tui.application import Cases
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table


@click.group()
def case() -> None:
    """案件：新建、列表、查看。"""


@case.command("new")
@workspace_option
@click.option("--id", "case_id", default="", help="案件编号（文件夹名）；默认由文号生成，没有文号时为“年度-序号”")
@click.option("--number", default="", help="文号，如：陵自然资罚〔2019〕23号")
@click.option("--title", default="", help="案件名称")
@click.option("--type", "case_type", default=CaseType.PENALTY.value, show_default=True,
              help="案件类型：" + "、".join(t.value for t in CaseType) + "，或工作区声明的其他类型（casefile case types）")
@click.option("--procedure", type=click.Choice([p.value for p in Procedure]), default=Procedure.ORDINARY.value, show_default=True, help="程序")
@click.option("--sector", default="", help="执法领域")
@click.option("--source", default="", help="案件来源：监督检查 / 投诉举报 / 上级交办 / 移送 …")
@click.option("--cause", default="", help="案由")
@click.option("--party", default="", help="当事人名称或姓名")
@click.option("--party-kind", type=click.Choice([k.value for k in PartyKind]), default=PartyKind.LEGAL.value, show_default=True, help="当事人类型")
@click.option("--party-id", default="", help="统一社会信用代码或身份证号")
@click.option("--party-address", default="", help="住所/地址")
@click.option("--filed", type=click.DateTime(["%Y-%m-%d"]), default=None, help="立案日期（YYYY-MM-DD，不晚于今天）")
@click.option("--from-file", type=click.Path(exists=True, dir_okay=False), default=None, help="从一个 case.toml 文件新建（其余选项忽略）")
@json_option
def case_new(case_id, number, title, case_type, procedure, sector, source, cause, party, party_kind, party_id, party_address, filed, from_file, as_json):
    """新建案件。"""
    s = open_session()
    if from_file:
        c = s.cases.create_case_from_file(from_file)
    else:
        c = s.cases.create_case(NewCase(id=case_id, number=number, title=title, case_type=case_type, procedure=procedure, sector=sector,
                                  source=source, cause=cause, party=party, party_kind=party_kind, party_id=party_id,
                                  party_address=party_address, filed=filed.date() if filed else None))
    emit(c.summary(), as_json, lambda d: click.echo(f"已新建案件 {c.id}{'（' + c.number + '）' if c.number else ''}"))


@case.command("types")
@workspace_option
@json_option
def case_types(as_json):
    """列出案件类型及其声明：规则包、程序（状态变更、谁可以做、须经的审批）、期限、统计标签、封面题名。"""
    decls = open_session().cases.case_type_declarations()

    def show(d: list) -> None:
        for t in d:
            moves = "、".join(f"{m['id']}（{'/'.join(m['roles'])}）" for m in t["moves"])
            click.echo(f"{t['name']}　规则包：{t['pack'] or '（无）'}　统计：{t['statistics']}　封面：{t['cover_title']}")
            click.echo(f"  状态变更：{moves}")
    emit(decls, as_json, show)


@case.command("list")
@workspace_option
@click.option("--state", default=None, help="只列出该状态的案件（如：待法制审核）")
@click.option("--sector", default=None, help="只列出该领域的案件")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="按该日期计算期限提醒（默认：全局 --today、CASEFILE_TODAY 或今天）")
@json_option
def case_list(state, sector, today, as_json):
    """列出工作区中的案件及期限提醒（按 --today 或今天计算；读派生的案件目录，案件文件夹有改动时自动更新）。"""
    session = open_session(today)
    listing = session.cases.case_list(state, sector)
    unfinished = session.cases.import_notes([c.id for c in listing.cases])  # an interrupted import says so
    data = [dict(c.to_dict(), import_incomplete=c.id in unfinished) for c in listing.cases]
    for cid, e in listing.broken:
        click.echo(f"警告：案件 {cid} 无法读取：{e}", err=True)

    def human(_):
        rows = [[c.id, c.summary["number"], c.summary["procedure"], c.summary["state"], c.party,
                 "；".join(([unfinished[c.id]] if c.id in unfinished else []) + [w.text for w in c.warnings])] for c in listing.cases]
        click.echo(table(rows, ["编号", "文号", "程序", "状态", "当事人", "提醒"], max_width=30))
        click.echo(f"共 {len(listing.cases)} 件")

    if as_json:
        # one case a line: the C encoder (indentation would take the slow pure-Python path,
        # four times longer for 10,000 cases), still one JSON array
        click.echo("[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in data) + "\n]" if data else "[]")
    else:
        human(data)


@case.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def case_show(case_ref, as_json):
    """显示一个案件的全部事实（CASE 为案件编号或文号）。"""
    session = open_session()
    c = session.cases.load_case(case_ref)
    unfinished = session.cases.import_notes([c.id]).get(c.id, "")
    data = c.model_dump(mode="json")
    data["import_incomplete"] = bool(unfinished)

    def human(_):
        click.echo(f"{c.number or c.id}  {c.title}")
        if unfinished:
            click.echo(f"注意：{unfinished}")
        click.echo(f"类型：{c.case_type.value}　程序：{c.procedure.value}　状态：{c.state.value}　领域：{c.sector}　机关：{c.agency}")
        for p in c.parties:
            click.echo(f"当事人：{p.name}（{p.kind.value}）{p.id_number}　{p.address}")
        if c.violation.cause:
            click.echo(f"案由：{c.violation.cause}")
        if c.violation.facts:
            click.echo(f"违法事实：{c.violation.facts}")
        for line in violation_lines(c):
            click.echo(line)
        if c.acts:
            click.echo("办案经过：")
            for a in sorted(c.acts, key=lambda a: a.date):
                click.echo(f"  {a.date}  {a.kind.value}  {'、'.join(a.officers)}  {a.note}")
        for label, ms in (("拟处罚", c.proposed), ("决定", c.decided)):
            for m in ms:
                basis = "；".join(b.cite() for b in m.basis)
                click.echo(f"{label}：{m.kind} {m.amount if m.amount is not None else ''} {basis}")

    emit(data, as_json, human)


@case.command("validate")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@json_option
def case_validate(path, as_json):
    """校验一个 case.toml 文件，列出全部问题（不写入任何东西）。"""
    c = Cases.validate_case_file(path)
    emit({"file": path, "valid": True, "id": c.id}, as_json, lambda d: click.echo(f"{path}：校验通过"))
