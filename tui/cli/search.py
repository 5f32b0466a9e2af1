"""casefile search … ; casefile index update | rebuild | add-folder."""

from __future__ import annotations

from pathlib import Path

import click

from casefile.errors import UsageError
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import dumps, emit, progress


def _every(k: int):
    def show(i: int, n: int, name: str) -> None:
        if i % k == 0 or i == n:
            progress(f"[{i}/{n}] {name}")

    return show


@click.command()
@workspace_option
@click.argument("query", required=False, default="")
@click.option("--limit", type=int, default=10, show_default=True, help="最多返回的命中数")
@click.option("--agency", default=None, help="只看该执法机关")
@click.option("--year", type=int, default=None, help="只看该年度")
@click.option("--law", default=None, help="只看引用了该法律的文书（如：价格法）")
@click.option("--type", "doc_type", default=None, help="只看该类文书（名称或代码，如 行政处罚决定书 或 decision）")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True, help="排序")
@click.option("--queries", "queries_file", type=click.Path(exists=True, dir_okay=False), default=None, help="逐行执行文件中的检索式，每行输出一个 JSON")
@click.option("--save", "save_name", default=None, help="把这次检索保存为命名检索")
@click.option("--open", "open_n", type=int, default=None, help="打开第 N 处命中（从 1 数起）：显示该页全文，命中处以【】标出")
@click.option("--run", "run_name", default=None, help="执行一个命名检索")
@click.option("--wait", "wait", is_flag=True, default=False, help="索引落后于案件时，先更新索引再检索（默认：用现有索引立即回答，后台更新）")
@json_option
def search(query, limit, agency, year, law, doc_type, sort, queries_file, save_name, open_n, run_name, wait, as_json):
    """全文检索案卷（支持 AND/OR/NOT、"短语"、字段:值、日期范围）：命中按案件分组，附高亮摘要与页码。

    字段可用中文：机关:某局 年度:2024 类型:行政处罚决定书 法律:价格法 案号:… 当事人:…（冒号全角半角均可）。

    没有索引时先建立索引。案件在上次索引后有改动时，用现有索引立即回答并说明落后几个案件，
    同时在后台更新索引（--json 中 index.stale、index.background）；加 --wait 则先更新再检索。
    """
    s = open_session()
    params = dict(limit=limit, agency=agency, year=year, law=law, doc_type=doc_type, sort=sort)
    if run_name:
        query, stored = s.search.saved_search(run_name)
        params.update(stored)
    if queries_file:
        lines = Path(queries_file).read_text(encoding="utf-8").splitlines()
        results = s.search.search_many([x.strip() for x in lines], background=not wait, **params)
        if results:
            _say_stale(results[0])
        for r in results:
            click.echo(dumps(r, indent=None))
        return
    if not query:
        raise UsageError("请给出检索词（或 --run 名称 / --queries 文件）")
    if save_name:
        s.search.save_search(save_name, query, **params)
    result = s.search.search(query, progress=_every(25), background=not wait, **params)
    _say_stale(result)
    for notice in (result.get("index", {}).get("recovered"), result.get("recovered")):
        if notice:
            click.echo(f"注意：{notice}", err=True)
    if open_n is not None:
        page = s.search.open_hit(result, query, open_n)
        emit(page, as_json, lambda d: click.echo(f"■ {d['case']}　{d['doc']} 第{d['page']}页\n\n{d['text']}"))
        return

    def human(r):
        built = r.get("index", {})
        if built.get("rebuilt"):
            click.echo(f"注意：{built['rebuilt']}，已重建索引", err=True)
        if built.get("built") and not built.get("recovered"):
            click.echo(f"（首次检索：已建立索引，{built['added']} 份文书）")
        elif built.get("added") or built.get("removed"):
            click.echo(f"（索引已更新：{built['added']} 份文书有变化，删除 {built['removed']} 份）")
        click.echo(f"“{r['query']}”：{r['total']} 处命中（{r['elapsed_ms']} 毫秒）")
        partial = sum(1 for h in r["hits"] if h.get("partial"))
        if partial:
            click.echo(f"另列 {partial} 处只含部分检索词的命中（标 ≈）")
        current = None
        for h in r["hits"]:
            if h["case"] != current:
                current = h["case"]
                head = f"{h['case']}　{h['party']}（档案 {h['archive']}）" if h.get("archive") else f"{h['case']}　{h['number']}　{h['party']}"
                click.echo(f"\n■ {head}")
            mark = "≈ " if h.get("partial") else ""
            click.echo(f"  {mark}{Path(h['doc']).name} {h.get('page_label') or '第%s页' % h['page']}：{h['snippet']}")
        for f in r.get("facet_list", []):  # in Chinese: 文书类型：行政处罚决定书(3)
            if f["values"]:
                click.echo(f"\n{f['name']}：" + "　".join(f"{v['label']}({v['count']})" for v in f["values"][:6]))

    emit(result, as_json, human)


def _say_stale(result: dict) -> None:
    built = result.get("index", {})
    if built.get("stale"):
        how = "已在后台更新索引" if built.get("background") else "后台更新未能启动，请运行 casefile index update"
        click.echo(f"注意：索引落后 {built['stale']} 个案件（上次索引后有改动），本次结果来自现有索引；{how}"
                   "（要先更新再检索：加 --wait）", err=True)


@click.group("index")
def index_group() -> None:
    """检索索引：增量更新、重建、把外部文件夹加入检索。"""


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
    _report(open_session().search.update_index(_every(25)), as_json, "索引已更新")


@index_group.command("rebuild")
@workspace_option
@click.option("--engine", type=click.Choice(["tantivy", "whoosh"]), default=None,
              help="检索引擎（默认沿用工作区的选择，未选过为 tantivy）；选择记在索引目录中")
@json_option
def index_rebuild(engine, as_json):
    """从头重建索引（可换检索引擎）。"""
    r = open_session().search.rebuild_index(_every(25), engine=engine)
    _report(r, as_json, f"索引已重建（引擎 {r.get('engine', '')}）")


@index_group.command("add-folder")
@workspace_option
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@json_option
def index_add_folder(path, as_json):
    """把一个文件夹中的 .pdf/.docx/.txt 作为外部档案加入检索（不建立案件）。
    退出码：0 全部索引；1 有文件未能索引（逐个列出，--json 中见 errors）；13 磁盘已满。"""
    r = open_session().search.add_archive(Path(path), _every(50))
    _report(r, as_json, f"档案 {r['archive']} 已索引")
    if r.get("errors"):
        click.echo(f"共 {len(r['errors'])} 个文件未能索引，其余已索引", err=True)
        raise click.exceptions.Exit(1)  # like import: the failures named above, the rest are in
