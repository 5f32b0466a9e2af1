"""casefile case new | list | show | check-file."""

from __future__ import annotations

import datetime as dt
import tomllib

import click

from casefile.errors import ValidationError
from casefile.model import Case, CaseType, Procedure
from casefile.names import check_name, safe_name
from casefile.validation import validate
from tui.cli.common import json_option, open_workspace, workspace_option
from tui.cli.output import emit, table


def register(cli: click.Group) -> None:
    cli.add_command(case)


@click.group()
def case() -> None:
    """案件：新建、列表、查看。"""


def _new_id(ws, number: str) -> str:
    if number:
        return safe_name(number)
    year = dt.date.today().year
    n = 1
    existing = set(ws.case_ids())
    while f"{year}-{n:03d}" in existing:
        n += 1
    return f"{year}-{n:03d}"


@case.command("new")
@workspace_option
@click.option("--id", "case_id", default="", help="案件编号（文件夹名）；默认由文号生成")
@click.option("--number", default="", help="文号，如：陵自然资罚〔2019〕23号")
@click.option("--title", default="", help="案件名称")
@click.option("--type", "case_type", type=click.Choice([t.value for t in CaseType]), default=CaseType.PENALTY.value, show_default=True, help="案件类型")
@click.option("--procedure", type=click.Choice([p.value for p in Procedure]), default=Procedure.ORDINARY.value, show_default=True, help="程序")
@click.option("--sector", default="", help="执法领域")
@click.option("--source", default="", help="案件来源：监督检查 / 投诉举报 / 上级交办 / 移送 …")
@click.option("--cause", default="", help="案由")
@click.option("--party", default="", help="当事人名称或姓名")
@click.option("--party-kind", type=click.Choice(["自然人", "法人", "其他组织", "个体工商户"]), default="法人", show_default=True, help="当事人类型")
@click.option("--party-id", default="", help="统一社会信用代码或身份证号")
@click.option("--party-address", default="", help="住所/地址")
@click.option("--filed", type=click.DateTime(["%Y-%m-%d"]), default=None, help="立案日期（YYYY-MM-DD）")
@click.option("--from-file", type=click.Path(exists=True, dir_okay=False), default=None, help="从一个 case.toml 文件新建（其余选项忽略）")
@json_option
def case_new(case_id, number, title, case_type, procedure, sector, source, cause, party, party_kind, party_id, party_address, filed, from_file, as_json):
    """新建案件。"""
    ws = open_workspace()
    if from_file:
        with open(from_file, "rb") as f:
            try:
                data = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                raise ValidationError(f"{from_file} 不是有效的 TOML 文件", details=[str(e)]) from None
        data.setdefault("id", _new_id(ws, data.get("number", "")))
        c = validate(Case, data, from_file)
    else:
        data = {
            "id": check_name(case_id) if case_id else _new_id(ws, number),
            "number": number, "title": title or cause, "case_type": case_type, "procedure": procedure,
            "sector": sector or ws.profile.sector, "source": source, "agency": ws.profile.name,
            "violation": {"cause": cause},
        }
        if party:
            data["parties"] = [{"kind": party_kind, "name": party, "id_number": party_id, "address": party_address}]
        if filed:
            data["acts"] = [{"kind": "立案", "date": filed.date()}]
        c = validate(Case, data, "新案件")
    ws.create_case(c)
    emit(c.summary(), as_json, lambda d: click.echo(f"已新建案件 {c.id}{'（' + c.number + '）' if c.number else ''}"))


@case.command("list")
@workspace_option
@click.option("--state", default=None, help="只列出该状态的案件（如：待法制审核）")
@click.option("--sector", default=None, help="只列出该领域的案件")
@json_option
def case_list(state, sector, as_json):
    """列出工作区中的案件。"""
    ws = open_workspace()
    cases, bad = ws.try_load_cases()
    if state:
        cases = [c for c in cases if c.state.value == state]
    if sector:
        cases = [c for c in cases if c.sector == sector]
    from casefile.deadlines import case_warnings

    warnings = {c.id: case_warnings(ws, c) for c in cases}
    data = [dict(c.summary(), warnings=[w.to_dict() for w in warnings[c.id]]) for c in cases]
    for cid, e in bad:
        click.echo(f"警告：案件 {cid} 无法读取：{e}", err=True)

    def human(_):
        rows = [[c.id, c.number, c.procedure.value, c.state.value, c.party.name if c.party else "",
                 "；".join(w.text for w in warnings[c.id])] for c in cases]
        click.echo(table(rows, ["编号", "文号", "程序", "状态", "当事人", "提醒"], max_width=30))
        click.echo(f"共 {len(cases)} 件")

    emit(data, as_json, human)


@case.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def case_show(case_ref, as_json):
    """显示一个案件的全部事实（CASE 为案件编号或文号）。"""
    from casefile.facts import violation_lines

    ws = open_workspace()
    c = ws.load_case(case_ref)
    data = c.model_dump(mode="json")

    def human(_):
        click.echo(f"{c.number or c.id}  {c.title}")
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
    with open(path, "rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise ValidationError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
    c = validate(Case, data, path)
    emit({"file": path, "valid": True, "id": c.id}, as_json, lambda d: click.echo(f"{path}：校验通过"))
