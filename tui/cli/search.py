"""casefile search … ; casefile index update | rebuild | add-folder."""

from __future__ import annotations

from pathlib import Path

import click

import index as idx
from casefile.errors import UsageError
from index.facade import save_search, saved
from tui.cli.common import json_option, open_workspace, workspace_option
from tui.cli.output import dumps, emit, progress


def register(cli: click.Group) -> None:
    cli.add_command(search)
    cli.add_command(index_group)


@click.command()
@workspace_option
@click.argument("query", required=False, default="")
@click.option("--limit", type=int, default=10, show_default=True, help="最多返回的命中数")
@click.option("--agency", default=None, help="只看该执法机关")
@click.option("--year", type=int, default=None, help="只看该年度")
@click.option("--law", default=None, help="只看引用了该法律的文书（如：价格法）")
@click.option("--type", "doc_type", default=None, help="只看该类文书（代码，如 decision）")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True, help="排序")
@click.option("--queries", "queries_file", type=click.Path(exists=True, dir_okay=False), default=None, help="逐行执行文件中的检索式，每行输出一个 JSON")
@click.option("--save", "save_name", default=None, help="把这次检索保存为命名检索")
@click.option("--run", "run_name", default=None, help="执行一个命名检索")
@json_option
def search(query, limit, agency, year, law, doc_type, sort, queries_file, save_name, run_name, as_json):
    """全文检索案卷（支持 AND/OR/NOT、"短语"、字段:值、日期范围）：命中按案件分组，附高亮摘要与页码。"""
    ws = open_workspace()
    params = dict(limit=limit, agency=agency, year=year, law=law, doc_type=doc_type, sort=sort)
    if run_name:
        stored = saved(ws)
        if run_name not in stored:
            raise UsageError(f"没有名为“{run_name}”的检索", details=["已保存：" + ("、".join(stored) or "无")])
        query = stored[run_name]["query"]
        params.update({k: v for k, v in stored[run_name].items() if k != "query"})
    if queries_file:
        for line in Path(queries_file).read_text(encoding="utf-8").splitlines():
            if line.strip():
                click.echo(dumps(idx.search(ws, line.strip(), **params), indent=None))
        return
    if not query:
        raise UsageError("请给出检索词（或 --run 名称 / --queries 文件）")
    if save_name:
        save_search(ws, save_name, dict(params, query=query))
    result = idx.search(ws, query, **params)
    if result.get("recovered"):
        click.echo(f"注意：{result['recovered']}", err=True)

    def human(r):
        click.echo(f"“{r['query']}”：{r['total']} 处命中（{r['elapsed_ms']} 毫秒）")
        partial = sum(1 for h in r["hits"] if h.get("partial"))
        if partial:
            click.echo(f"另列 {partial} 处只含部分检索词的命中（标 ≈）")
        current = None
        for h in r["hits"]:
            if h["case"] != current:
                current = h["case"]
                click.echo(f"\n■ {h['case']}　{h['number']}　{h['party']}")
            mark = "≈ " if h.get("partial") else ""
            click.echo(f"  {mark}{Path(h['doc']).name} 第{h['page']}页：{h['snippet']}")
        for name, counts in r["facets"].items():
            if counts:
                click.echo(f"\n{ {'agency': '机关', 'year': '年度', 'laws': '法律', 'doc_type': '文书类型'}[name] }：" + "　".join(f"{k}({v})" for k, v in list(counts.items())[:6]))

    emit(result, as_json, human)


@click.group("index")
def index_group() -> None:
    """检索索引：增量更新、重建、把外部文件夹加入检索。"""


def _every(k: int):
    def show(i: int, n: int, name: str) -> None:
        if i % k == 0 or i == n:
            progress(f"[{i}/{n}] {name}")

    return show


def _report(r: dict, as_json: bool, what: str) -> None:
    def human(d):
        if d.get("recovered"):
            click.echo(f"注意：{d['recovered']}", err=True)
        if d.get("rebuilt"):
            click.echo(f"注意：{d['rebuilt']}，已重建索引")
        click.echo(f"{what}：新增或更新 {d['added']} 份文书（{d['pages']} 页），删除 {d['removed']} 份，未变 {d['unchanged']} 份")
        for e in d.get("errors", []):
            click.echo(f"未能索引：{e['doc']}：{e['error']}", err=True)

    emit(r, as_json, human)


@index_group.command("update")
@workspace_option
@json_option
def index_update(as_json):
    """增量更新索引：只重建内容哈希变化的文书，删除已不存在的文书。"""
    ws = open_workspace()
    _report(idx.update(ws, _every(25)), as_json, "索引已更新")


@index_group.command("rebuild")
@workspace_option
@json_option
def index_rebuild(as_json):
    """从头重建索引。"""
    ws = open_workspace()
    _report(idx.rebuild(ws, _every(25)), as_json, "索引已重建")


@index_group.command("add-folder")
@workspace_option
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@json_option
def index_add_folder(path, as_json):
    """把一个文件夹中的 .pdf/.docx/.txt 作为外部档案加入检索（不建立案件）。"""
    ws = open_workspace()
    r = idx.add_folder(ws, Path(path), _every(50))
    _report(r, as_json, f"档案 {r['archive']} 已索引")
