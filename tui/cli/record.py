"""casefile journal show|verify ; evidence add|list ; publicity due|export|publish|withdraw ; stats YEAR."""

from __future__ import annotations

import json
from pathlib import Path

import click

from casefile.errors import IntegrityError
from tui.application import bar_chart, journal_summary
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table

DATE = click.DateTime(["%Y-%m-%d"])


@click.group()
def journal() -> None:
    """全过程记录：查看案件的执法时间线、校验记录是否被改动。"""


@journal.command("show")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def journal_show(case_ref, as_json):
    """按时间顺序列出案件的每一条记录（时间、操作人、行为、阶段、改动）。"""
    entries = open_session().records.journal(case_ref)

    def human(_):
        rows = [[e.get("seq"), e.get("time", "")[:19].replace("T", " "), e.get("user") or e.get("actor"), e.get("stage"), e.get("act"), _summary(e)] for e in entries]
        click.echo(table(rows, ["序号", "时间", "操作人", "阶段", "行为", "内容"], max_width=40))

    emit(entries, as_json, human)


def _summary(e: dict) -> str:
    return journal_summary(e)  # the same line the TUI's journal screen shows


@journal.command("verify")
@workspace_option
@click.argument("case_ref", metavar="CASE", required=False)
@click.option("--all", "all_cases", is_flag=True, help="校验工作区中的全部案件（包括 case.toml 或文件夹已不见的案件）")
@click.option("--against", "against", default=None, metavar="DIGEST",
              help="与封存摘要核对：journal seal 保存的文件（JSON 或文本），或摘要值本身")
@json_option
def journal_verify(case_ref, all_cases, against, as_json):
    """校验全过程记录的哈希链、链头（case.toml 与工作区记录头账本）与文书哈希；
    发现改动、删除、截短、调换、插入时指出第一处并以非零状态退出。"""
    if not case_ref and not all_cases and not against:
        raise click.UsageError("请给出案件编号，或使用 --all 或 --against")
    r = open_session().records.verify_journals(None if all_cases else case_ref, against)
    results, sealed, bad = r.results, r.sealed, r.breaks

    def human(_):
        if sealed:
            click.echo(f"与 {sealed['sealed']} 的封存摘要（{sealed['digest'][:16]}…）核对：")
        for cid, breaks in results.items():
            if breaks:
                click.echo(f"✗ {cid}：{breaks[0]['message']}")
                for b in breaks[1:]:
                    click.echo(f"    {b['message']}")
            elif not r.head_recorded.get(cid, True):
                click.echo(f"✓ {cid}：{r.entries[cid]} 条记录，哈希链完整，文书未被改动（尚未记录链头：旧版本创建的案件，下一次写入时记录）")
            else:
                click.echo(f"✓ {cid}：{r.entries[cid]} 条记录，哈希链完整，链头相符，文书未被改动")
            n = r.unanchored.get(cid)
            if not breaks and n:
                whole = n == r.entries[cid]
                click.echo(f"    案件事实未锚定：{'全部' if whole else f'前 {n} 条'}记录由旧版本写入，未记案件事实的哈希"
                           + ("（下一次修改案件事实时开始锚定）" if whole else "，此后的记录已锚定"))

    emit(r.verdict(), as_json, human)
    if bad:
        first = next(iter(bad))
        raise IntegrityError(f"案件 {first}：{bad[first][0]['message']}", details=[f"另有 {len(bad) - 1} 件案件有问题"] if len(bad) > 1 else None)


@journal.command("accept")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--reason", required=True, help="确认的理由（如：更正录入错误，经负责人同意）")
@json_option
def journal_accept(case_ref, reason, as_json):
    """确认在 casefile 之外对 case.toml 的有意修改（手工编辑）：记入全过程记录（改动的字段、理由、
    操作人），此后 journal verify 不再报告它。case.toml 与记录一致时不做任何改动。"""
    r = open_session().records.accept_outside_change(case_ref, reason)
    emit(r, as_json, lambda d: click.echo(f"已记入第 {d.seq} 条记录：确认案件 {d.case} 的记录外修改"
                                          + (f"（{'、'.join(d.fields)}）" if d.fields else "") + f"，理由：{d.reason}"))


@journal.command("seal")
@workspace_option
@click.argument("case_ref", metavar="CASE", required=False)
@click.option("--all", "all_cases", is_flag=True, help="封存工作区中的全部案件")
@click.option("--out", default=None, type=click.Path(dir_okay=False), help="另存封存摘要（JSON）")
@json_option
def journal_seal(case_ref, all_cases, out, as_json):
    """打印带日期的链头摘要（每件案件的记录条数与最后一条的哈希），交法制机构留存；
    日后用 journal verify --against 核对，可发现封存后被截短、删除或整体改写的记录。"""
    if not case_ref and not all_cases:
        raise click.UsageError("请给出案件编号，或使用 --all")
    s = open_session()
    sealed = s.records.seal_journals(None if all_cases else case_ref)
    if out:
        Path(out).write_text(json.dumps(sealed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    emit(sealed, as_json, lambda d: click.echo(s.records.seal_text(d) + (f"\n已另存为 {out}" if out else "")))


@click.group()
def evidence() -> None:
    """音像记录与照片证据：按内容哈希保存并关联到执法行为。"""


@evidence.command("add")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--act", required=True, help="关联的执法行为（如：查封扣押、现场检查、询问）")
@click.option("--officer", "officers", multiple=True, help="记录人执法证号（可多次给出）")
@click.option("--time", "time_", default="", help="记录时间（如 2026-10-29T09:30）；有多次同类行为时用日期区分")
@click.option("--note", default="", help="说明")
@json_option
def evidence_add(case_ref, file, act, officers, time_, note, as_json):
    """添加一份音像/照片证据（同一文件只保存一次）。"""
    r = open_session().documents.add_evidence(case_ref, Path(file), act, officers=list(officers), time=time_, note=note)
    emit(r, as_json, lambda d: click.echo(("该文件已关联过此行为，未重复保存" if d["duplicate"] else f"已保存 {d['file']}，关联 {d['date']} 的{d['act']}")))


@evidence.command("list")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@json_option
def evidence_list(case_ref, as_json):
    """列出案件的音像记录。"""
    items = open_session().documents.evidence(case_ref)
    emit(items, as_json, lambda d: click.echo(table([[i["date"], i["act"], i["type"], i["name"], i["file"]] for i in items], ["日期", "行为", "类型", "原文件名", "保存为"], max_width=50)))


@click.group()
def publicity() -> None:
    """行政执法公示：到期与逾期清单、生成去除个人信息的公示文本、登记公示与撤回。"""


@publicity.command("due")
@workspace_option
@click.option("--today", type=DATE, default=None, help="按该日期计算（默认：全局 --today、CASEFILE_TODAY 或今天）")
@json_option
def publicity_due(today, as_json):
    """列出已决定案件的公示期限与撤回期限（期限按规则配置；撤销、变更后应撤回），
    以及内容变更后需要重新公示的事前公开清单。"""
    session = open_session(today)
    items = session.records.publicity_due()
    for cid, e in session.records.unreadable_cases():
        click.echo(f"警告：案件 {cid} 无法读取，未列入：{e}", err=True)
    emit([i.to_dict() for i in items], as_json, lambda d: click.echo(table(
        [[i.case, i.number, i.kind, i.decided, i.due or "—", i.status, i.note] for i in items],
        ["案件", "文号", "事项", "起算日", "期限", "状态", "说明"], max_width=36)))


@publicity.command("registers")
@workspace_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True, help="清单的输出目录")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "docx"]), default="xlsx", show_default=True, help="文件格式")
@json_option
def publicity_registers(out_dir, fmt, as_json):
    """事前公开：生成行政执法主体、行政执法人员清单（不含身份证号）、行政执法事项清单、随机抽查事项清单。

    人员清单取自执法人员清单中当日证件有效的人员；事项取自工作区的 matters.toml。
    每个事项另按其类别声明的程序生成执法流程图（SVG、PNG，Graphviz 绘制）和服务指南（.docx）。
    生成后内容再有变更时，publicity due 会提示重新公示。"""
    written = open_session().inspections.write_registers(Path(out_dir), fmt)
    rows = [[w["register"], w["rows"], w["file"]] for w in written if "matter" not in w]
    rows += [[w["register"], w["matter"], w["file"] or w["note"]] for w in written if "matter" in w]
    emit(written, as_json, lambda d: click.echo(table(rows, ["清单", "条数/事项", "文件"], max_width=60)))


@publicity.command("export")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=".", show_default=True, help="公示文本的输出目录")
@json_option
def publicity_export(case_ref, out_dir, as_json):
    """生成公示版本（.docx 与 .txt）：公示要素与去除个人信息的决定书正文；隐去记录留存在案件中。"""
    r = open_session().records.export_public(case_ref, Path(out_dir))
    emit(r, as_json, lambda d: click.echo(f"已生成 {d['txt']} 与 {d['docx']}，隐去个人信息 {d['redactions']} 处（记录见 {d['log']}，不公开）"))


@publicity.command("publish")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--date", "day", type=DATE, default=None, help="公示日期（默认今天）")
@click.option("--where", default="", help="公示平台")
@json_option
def publicity_publish(case_ref, day, where, as_json):
    """登记决定已公示。"""
    r = open_session().records.publish(case_ref, day.date() if day else None, where)
    emit(r, as_json, lambda d: click.echo(f"已登记 {d.date} 公示"))


@publicity.command("withdraw")
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--reason", required=True, help="撤回理由（决定被撤销、变更等）")
@click.option("--date", "day", type=DATE, default=None, help="撤回日期（默认今天）")
@json_option
def publicity_withdraw(case_ref, reason, day, as_json):
    """登记撤回已公示的决定（决定被撤销或变更后，在规则配置的期限内）。"""
    r = open_session().records.withdraw(case_ref, reason, day.date() if day else None)
    emit(r, as_json, lambda d: click.echo(f"已登记 {d.date} 撤回公示：{reason}"))


@click.command()
@workspace_option
@click.argument("year", type=int)
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None, help="另存为 CSV")
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False), default=None, help="另存为 Word 文档")
@json_option
def stats(year, csv_path, docx_path, as_json):
    """年度行政执法数据：按类型与结果计数、罚没款、听证、法制审核、移送、平均办案天数。"""
    session = open_session()
    s = session.records.annual_stats(year)
    for u in s.get("unreadable", []):
        click.echo(f"警告：案件 {u['case']} 无法读取，未计入：{u['error']}", err=True)
    for agency, n in s.get("received_not_counted", {}).items():
        click.echo(f"注意：{agency}移交的 {n} 件案卷未计入本机关统计", err=True)
    for path, fmt in ((csv_path, "csv"), (docx_path, "docx")):
        if path:
            if Path(path).suffix.lower() == f".{fmt}":
                session.records.save_stats(s, Path(path))  # the TUI's 统计 export writes through the same method
            else:
                Path(path).write_bytes(session.records.export_stats(s, fmt))

    def human(_):
        click.echo(f"{year}年度行政执法数据（应于 {s['publish_by']} 前公开）")
        click.echo(table([[k, v] for k, v in session.records.stats_rows(s)], ["项目", "数值"]))
        click.echo("\n按执法类型：")
        for line in bar_chart(s["by_type"]):
            click.echo("  " + line)
        click.echo("\n按结果：")
        for line in bar_chart(s["by_outcome"]):
            click.echo("  " + line)

    emit(s, as_json, human)
