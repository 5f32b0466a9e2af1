"""casefile import PATH... ; casefile extract FILE..."""

from __future__ import annotations

from pathlib import Path

import click

from casefile.errors import CasefileError
from casefile.importer import import_paths
from tui.cli.common import json_option, open_workspace, workspace_option
from tui.cli.output import dumps, emit, progress, table


def register(cli: click.Group) -> None:
    cli.add_command(import_cmd)
    cli.add_command(extract_cmd)


def after_import(ws, case_id: str) -> None:
    """Keep derived data current after documents arrive (the search index)."""
    from index import update_case

    update_case(ws, case_id)


@click.command("import")
@workspace_option
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--case", "case_ref", default=None, help="导入到已有案件（编号或文号）；不给时，一个文件夹成为一个新案件")
@json_option
def import_cmd(paths, case_ref, as_json):
    """导入 .docx/.pdf/.txt 文书或文件夹：抽取文字、识别文书类型、补充案件事实（不覆盖已有事实，冲突逐项列出）。"""
    ws = open_workspace()
    result = import_paths(ws, [Path(p) for p in paths], case_ref, progress=lambda i, n, name: progress(f"[{i}/{n}] {name}"))
    if result.case:
        after_import(ws, result.case)
    data = result.to_dict()

    def human(_):
        from casefile.facts import doc_type_name, field_label

        if result.case:
            click.echo(f"案件：{result.case}" + ("（新建）" if result.created else ""))
        rows = [[Path(d.file).name, doc_type_name(d.doc_type), f"{d.confidence:.2f}", d.pages, d.status] for d in result.documents]
        if rows:
            click.echo(table(rows, ["文件", "类型", "置信度", "页数", "状态"], max_width=40))
        if result.facts_filled:
            click.echo("已补充：" + "、".join(field_label(f) for f in result.facts_filled))
        for c in result.conflicts:
            click.echo(f"冲突：{field_label(c['field'])} 案件中为“{c['present']}”，《{doc_type_name(c['document'])}》中为“{c['extracted']}”，未覆盖")
        for e in result.errors:
            click.echo(f"未导入：{e['error']}", err=True)

    emit(data, as_json, human)
    if result.errors and not result.documents:
        raise SystemExit(1)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@json_option
def extract_cmd(files, as_json):
    """从文书中抽取实体与办案经过（不写入工作区）；多个文件时每行一个 JSON 对象。"""
    from casefile.extract import extract
    from casefile.textio import read_document

    failed = 0
    for f in files:
        try:
            x = extract(read_document(Path(f)))
        except CasefileError as e:
            failed += 1
            out = {"file": f, "error": str(e)}
            click.echo(dumps(out, indent=None) if as_json else f"{f}：{e}", err=not as_json)
            continue
        d = x.to_dict()
        out = {"file": f, "doc_type": d["doc_type"], "confidence": d["confidence"], "pages": d["pages"], "entities": d["entities"],
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
        raise SystemExit(1)
