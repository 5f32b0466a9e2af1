"""casefile catalogue rebuild | status: the derived case catalogue (.catalog.sqlite)."""

from __future__ import annotations

import click

from casefile import catalog
from tui.cli.common import json_option, open_workspace, workspace_option
from tui.cli.output import emit


def register(cli: click.Group) -> None:
    cli.add_command(catalogue)


@click.group()
def catalogue() -> None:
    """案件目录：列表、公示期限与统计读取的派生摘要（案件文件夹始终是依据，目录可随时重建）。"""


@catalogue.command("rebuild")
@workspace_option
@json_option
def catalogue_rebuild(as_json):
    """删除并从案件文件夹重新生成案件目录。"""
    ws = open_workspace()
    r = catalog.rebuild(ws)
    broken = catalog.broken_cases(ws)
    data = dict(r.to_dict(), file=str(catalog.path_of(ws)), broken=[{"id": i, "error": e} for i, e in broken])

    def human(_):
        click.echo(f"已重建案件目录 {data['file']}：{r.updated} 件")
        for cid, e in broken:
            click.echo(f"警告：案件 {cid} 无法读取：{e}", err=True)

    emit(data, as_json, human)


@catalogue.command("status")
@workspace_option
@json_option
def catalogue_status(as_json):
    """核对案件目录与案件文件夹：更新有改动的案件，列出无法读取的案件。"""
    ws = open_workspace()
    r = catalog.refresh(ws)
    broken = catalog.broken_cases(ws)
    data = dict(r.to_dict(), file=str(catalog.path_of(ws)), broken=[{"id": i, "error": e} for i, e in broken])

    def human(_):
        click.echo(f"案件目录 {data['file']}：未变 {r.unchanged} 件，更新 {r.updated} 件，移除 {r.removed} 件"
                   + (f"（全部重算：{r.rebuilt_all}）" if r.rebuilt_all else ""))
        for cid, e in broken:
            click.echo(f"警告：案件 {cid} 无法读取：{e}", err=True)

    emit(data, as_json, human)
