"""casefile import PATH... (and import preview/list/undo) ; casefile extract FILE..."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from casefile.errors import DocumentError
from casefile.model import CaseType
from tui.application import doc_type_name, field_label
from tui.application import Documents
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.import_undo import import_group
from tui.cli.output import dumps, emit, progress, table


@click.command("files", hidden=True)
@workspace_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--case", "case_ref", default=None, help="导入到已有案件（编号或文号）；不给时，一个文件夹成为一个新案件")
@click.option("--include-other-cases", is_flag=True, default=False,
              help="文中出现本工作区其他案件文号的文书也导入（默认跳过并说明依据）")
@click.option("--type", "case_type", type=click.Choice([t.value for t in CaseType]), default=None,
              help="新建案件的案件类型；不给时由文书判断（受理通知书、准予许可决定书为行政许可，审计通知书为审计……），文书不一致时询问")
@json_option
def import_cmd(paths, case_ref, as_json, include_other_cases=False, case_type=None):
    """导入 .docx/.pdf/.txt 文书或文件夹：抽取文字、识别文书类型、补充案件事实（不覆盖已有事实，冲突逐项列出）。

    有问题的文件（损坏、加密、过大、压缩炸弹、符号链接等）逐个列出原因并跳过，其余照常导入；
    扫描页用文字识别（OCR）读取。新建案件的类型由文书判断并说明依据（--json 中 case_type），文书像两类案件时
    在终端中询问（--json 或非交互时取分量较重的一类，并在 case_type.disagree 中标明）；导入已有案件而文书像
    另一类案件时提示（warnings）。退出码：0 全部导入；1 有文件未导入（--json 中 failed 为个数）；13 磁盘已满。"""
    ask = None if as_json or not sys.stdin.isatty() else _ask_type
    result = open_session().imports.import_files(case_ref, [Path(p) for p in paths], progress=lambda i, n, name: progress(f"[{i}/{n}] {name}"),
                                         include_other_cases=include_other_cases, case_type=case_type, ask=ask)
    data = result.to_dict()

    def human(_):

        if result.case:
            click.echo(f"案件：{result.case}" + ("（新建）" if result.created else "（续完上次中断的导入）" if result.resumed else ""))
        if result.already:
            click.echo(f"这些文书已在案件 {result.case} 的第 {result.already} 次导入中全部导入，未做任何改动")
        if result.created and result.case_type:
            click.echo(result.case_type["sentence"])
        for w in result.warnings:
            click.echo(f"注意：{w}", err=True)
        rows = [[Path(d.file).name, doc_type_name(d.doc_type), f"{d.confidence:.2f}", d.pages, d.status] for d in result.documents]
        if rows:
            click.echo(table(rows, ["文件", "类型", "置信度", "页数", "状态"], max_width=40))
        if result.facts_filled:
            click.echo("已补充：" + "、".join(field_label(f) for f in result.facts_filled))
        for c in result.conflicts:
            click.echo(f"冲突：{field_label(c['field'])} 案件中为“{c['present']}”，《{doc_type_name(c['document'])}》中为“{c['extracted']}”，未覆盖")
        for sk in result.skipped:
            click.echo(f"跳过：{sk['reason'] if sk['reason'].startswith(Path(sk['file']).name) else Path(sk['file']).name + '：' + sk['reason']}", err=True)
        for fl in result.flagged:
            click.echo(f"注意：{fl['reason']}（已导入，请核对）", err=True)
        if result.import_id and result.documents:
            click.echo(f"这是本案第 {result.import_id} 次导入；撤销：casefile import undo {result.case} --import {result.import_id}")
        for e in result.errors:
            click.echo(f"未导入：{e['error']}", err=True)
        if result.failed:
            click.echo(f"共 {result.failed + len(result.documents)} 个文件：已导入 {len(result.documents)} 个，未导入 {result.failed} 个", err=True)

    emit(data, as_json, human)
    if result.errors:
        raise click.exceptions.Exit(1)  # some files were not imported: named above, the rest are in


def _ask_type(t) -> str:
    """Asked in a terminal when the documents look like two case types: which one the case is."""
    click.echo(t.sentence(), err=True)
    return click.prompt("请选择案件类型", type=click.Choice([t.case_type, t.rival]), default=t.case_type, err=True)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@json_option
def extract_cmd(files, as_json):
    """从文书中抽取实体与办案经过（不写入工作区）；多个文件时每行一个 JSON 对象。"""
    failed = 0
    for f, d, err in Documents.extract_files([Path(x) for x in files]):
        if err is not None:
            failed += 1
            click.echo(dumps({"file": str(f), "error": str(err)}, indent=None) if as_json else f"{f}：{err}", err=not as_json)
            continue
        out = {"file": str(f), "doc_type": d["doc_type"], "confidence": d["confidence"], "pages": d["pages"], "entities": d["entities"],
               "events": d["events"], "fields": d["fields"], "abridged": d["abridged"], "needs_ocr": d["needs_ocr"]}
        if as_json:
            click.echo(dumps(out, indent=None if len(files) > 1 else 2))
        else:
            click.echo(f"== {f}（{d['doc_type']}，置信度 {d['confidence']}，{d['pages']} 页）")
            for k, v in d["fields"].items():
                click.echo(f"  {k}：{v}")
            for e in d["events"]:
                click.echo(f"  {e['date']} {e['act']}")
    if failed == len(files):
        raise DocumentError(f"{failed} 个文件都未能读取")


import_group.add_command(import_cmd)  # ``casefile import PATH...`` runs this hidden ``files`` subcommand
