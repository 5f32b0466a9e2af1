"""casefile officer add | list."""

from __future__ import annotations

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table


@click.group()
def officer() -> None:
    """行政执法人员清单：登记与查看（也可直接编辑工作区的 officers.toml）。"""


@officer.command("add")
@workspace_option
@click.option("--name", required=True, help="姓名")
@click.option("--certificate", "--cert", required=True, help="执法证号")
@click.option("--unit", default="", help="所在单位")
@click.option("--title", default="", help="职务")
@click.option("--category", "categories", multiple=True, help="执法类别/领域（可多次给出）")
@click.option("--region", default="", help="执法区域")
@click.option("--valid-from", type=click.DateTime(["%Y-%m-%d"]), default=None, help="证件有效期起（YYYY-MM-DD）")
@click.option("--valid-to", type=click.DateTime(["%Y-%m-%d"]), default=None, help="证件有效期止（YYYY-MM-DD）")
@click.option("--role", "roles", multiple=True, help="角色：承办人 / 法制审核 / 负责人（可多次给出）")
@click.option("--legal-qualification", is_flag=True, help="具有法律职业资格")
@json_option
def officer_add(name, certificate, unit, title, categories, region, valid_from, valid_to, roles, legal_qualification, as_json):
    """登记一名执法人员。"""
    o = open_session().cases.add_officer(dict(
        name=name, certificate=certificate, unit=unit, title=title, categories=list(categories), region=region,
        valid_from=valid_from.date() if valid_from else None, valid_to=valid_to.date() if valid_to else None,
        roles=list(roles), legal_qualification=legal_qualification,
    ))
    emit(o.model_dump(mode="json"), as_json, lambda d: click.echo(f"已登记：{o.name}（执法证号 {o.certificate}）"))


@officer.command("list")
@workspace_option
@click.option("--on", "on_date", type=click.DateTime(["%Y-%m-%d"]), default=None, help="只列出在该日期证件有效的人员")
@json_option
def officer_list(on_date, as_json):
    """列出行政执法人员清单（“今日”一栏按 --today 或今天）。"""
    s = open_session()
    officers = s.cases.officers(on_date.date() if on_date else None)
    today = s.today

    def human(_):
        rows = [[o.name, o.certificate, o.unit, "、".join(o.categories), f"{o.valid_from or ''}～{o.valid_to or ''}", "有效" if o.valid_on(today) else "失效"] for o in officers]
        click.echo(table(rows, ["姓名", "执法证号", "单位", "执法类别", "有效期", "今日"]))

    emit([o.model_dump(mode="json") for o in officers], as_json, human)
