"""casefile approve | discuss | work (review respond is in tui/cli/review.py): the approval chain before a decision and
what waits for the acting user."""

from __future__ import annotations

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table


@click.command()
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--opinion", required=True, help="审批意见（必填）")
@click.option("--conclusion", type=click.Choice(["同意", "不同意"]), default="同意", show_default=True, help="审批结论")
@json_option
def approve(case_ref, opinion, conclusion, as_json):
    """负责人审批（《中华人民共和国行政处罚法》第五十七条第一款）：须由负责人本人记录。
    承办机构的书面说明报负责人的，本审批即为负责人的决定。"""
    r = open_session().approvals.approve(case_ref, opinion, conclusion)
    emit(r, as_json, lambda d: click.echo(f"已记录负责人审批：{d.approver}，{d.conclusion}（{d.date}）"
                                          + ("；承办机构书面说明已由负责人决定" if d.settled_response else "")))


@click.command()
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--participant", "participants", multiple=True, required=True, help="参加人员姓名（每人一次，至少两人）")
@click.option("--opinion", "opinions", multiple=True, help="讨论意见：“姓名：意见”或“姓名（职务）：意见”（每人一次）")
@click.option("--conclusion", required=True, help="讨论结论（写入集体讨论记录）")
@click.option("--result", type=click.Choice(["同意", "不同意"]), default="同意", show_default=True,
              help="是否同意拟作出的决定（或承办机构书面说明的意见）")
@click.option("--place", default="", help="讨论地点")
@click.option("--recorder", default="", help="记录人（默认：当前用户）")
@json_option
def discuss(case_ref, participants, opinions, conclusion, result, place, recorder, as_json):
    """记录集体讨论（《中华人民共和国行政处罚法》第五十七条第二款：情节复杂或者重大违法行为给予行政处罚，
    行政机关负责人应当集体讨论决定）：参加人员、各人意见、结论，并生成集体讨论记录。须由负责人记录。"""
    r = open_session().approvals.discuss(case_ref, participants=list(participants), opinions=list(opinions), conclusion=conclusion,
                               result=result, place=place, recorder=recorder)
    emit(r, as_json, lambda d: click.echo(f"已记录集体讨论（{d.date}，{len(d.participants)} 人参加）：{d.conclusion}"
                                          + (f"；集体讨论记录：{d.document}" if d.document else "")))


@click.command()
@workspace_option
@json_option
def work(as_json):
    """我的工作：按当前用户的角色列出待我审核、待我审批的案件，以及我承办的案件及其期限提醒。"""
    s = open_session()
    mine = s.approvals.my_work()

    def human(d):
        click.echo(f"当前用户：{s.access.who()}")
        for title, items in d.items():
            if items:
                click.echo(f"\n{title}（{len(items)}）")
                click.echo(table([[i.case, i.party, i.state, i.waiting] for i in items], ["案件", "当事人", "状态", "待办"]))
        if not any(d.values()):
            click.echo("没有待办的案件")

    emit(mine, as_json, human)
