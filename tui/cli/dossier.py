"""casefile dossier CASE [--export FILE.zip] [--print FILE.docx]; casefile package import."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, progress, table


@click.command()
@workspace_option
@click.argument("case_ref", metavar="CASE")
@click.option("--export", "export_to", type=click.Path(dir_okay=False), default=None, help="导出送审案卷包（.zip，含 manifest.json 校验和）")
@click.option("--print", "print_to", type=click.Path(dir_okay=False), default=None, help="合并为一份可打印的 .docx（每卷：封面、卷内目录、文书、备考表；装有 LibreOffice 时另出 PDF）")
@json_option
def dossier(case_ref, export_to, print_to, as_json):
    """组卷：按装订顺序列出本案应有与已有的文书、缺失项、相互矛盾的文书，以及卷内目录（含页数）。

    只查看时页数取 LibreOffice 以前排过的结果，其余按字数估算（输出注明）；--export 与 --print
    先用 LibreOffice 一次排完全卷（未安装时估算），据此生成各卷封面、卷内目录和备考表。
    """
    s = open_session()
    warnings: list[str] = []
    done = None
    if export_to or print_to:
        # one path with the TUI's 案卷导出: finish the dossier, then the package and the print
        done = s.documents.export_dossier(case_ref, zip_to=Path(export_to) if export_to else None,
                                print_to=Path(print_to) if print_to else None, progress=lambda i, n, msg: progress(msg))
        d, rows, warnings = done.dossier, done.rows, done.warnings + done.notes
    else:
        # the view lays nothing out: pages LibreOffice counted before, estimates for the rest
        d = s.documents.dossier(case_ref)
        rows = s.documents.table_of_contents(d, quick=True)
    data = d.to_dict()
    data["toc"] = [r.to_dict() for r in rows]
    data["pages_estimated"] = any(r.estimated for r in rows)
    data["pages_counted_by"] = sorted({r.method for r in rows})
    data["warnings"] = warnings
    if export_to:
        data["export"] = done.export
    if print_to:
        data["print"] = done.print

    def human(_):
        click.echo(f"{d.case.number or d.case.id}　{d.case.procedure.value}程序　{d.case.state.value}")
        rows_ = [[e["volume"], e["name"], "必需" if e["required"] else "", e["status"], "、".join(Path(f).name for f in e["files"])] for e in data["entries"]]
        click.echo(table(rows_, ["卷别", "文书", "", "状态", "文件"], max_width=40))
        if data["gaps"]:
            click.echo("缺失：" + "、".join(data["gaps"]))
        for p in data["problems"]:
            click.echo(f"问题：{p}")
        if data["complete"]:
            click.echo("必需文书齐全。")
        if rows:
            click.echo("\n卷内目录（页数：" + "、".join(data["pages_counted_by"]) + "）")
            click.echo(table([[r.volume, r.seq, r.doc_no, r.title, r.date, r.page] for r in rows], ["卷别", "序号", "文号", "题名", "日期", "页号"], max_width=30))
        for w in warnings:
            click.echo(f"注意：{w}", err=True)
        if export_to:
            click.echo(f"已导出 {export_to}（{data['export']['files']} 个文件）；链头摘要 {data['export']['sender']['digest']}（接收方导入时核对）")
        if print_to:
            click.echo(f"已合并 {print_to}" + (f"，PDF：{data['print']['pdf']}" if data["print"]["pdf"] else ""))

    emit(data, as_json, human)


@click.group()
def package() -> None:
    """案卷包：导入他人导出的送审案卷包。"""


@package.command("import")
@workspace_option
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--replace", is_flag=True, help="工作区已有同一案件时替换它（原案件移到 cases/.replaced/ 保留）")
@click.option("--accept-foreign", is_flag=True, help="接收其他机关发来的案卷包（默认拒绝；先向发送方核对链头摘要）")
@json_option
def package_import(path, replace, accept_foreign, as_json):
    """导入案卷包：先校验每个文件的 SHA-256 与文件名，再核对案件事实、审核轮次与全过程记录是否一致，
    全部无误才写入工作区；显示发送机关与链头摘要。其他机关的案卷包须加 --accept-foreign。"""
    result = open_session().documents.import_package(Path(path), replace=replace, accept_foreign=accept_foreign)

    def human(d):
        s = d["sender"]
        click.echo(f"已导入案件 {d['case']}（{d['files']} 个文件）" + (f"，原案件保留在 {d['replaced']}" if d["replaced"] else ""))
        click.echo(f"发送机关：{s['agency'] or '（未写明）'}{'（他机关）' if d['foreign'] else ''}；链头 {s['entries']} 条，摘要 {s['digest']}")
        if d.get("type_warning"):
            click.echo(f"注意：{d['type_warning']}")

    emit(result, as_json, human)
