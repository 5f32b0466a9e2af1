"""casefile catalogue rebuild | status: the derived case catalogue (.catalog.sqlite)."""

from __future__ import annotations

import click

from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit


@click.group()
def catalogue() -> None:
    """案件目录：列表、公示期限与统计读取的派生摘要（案件文件夹始终是依据，目录可随时重建）。"""


@catalogue.command("rebuild")
@workspace_option
@json_option
def catalogue_rebuild(as_json):
    """删除并从案件文件夹重新生成案件目录。"""
    data = open_session().cases.rebuild_catalog()

    def human(_):
        click.echo(f"已重建案件目录 {data.file}：{data.updated} 件")
        for b in data.broken:
            click.echo(f"警告：案件 {b['id']} 无法读取：{b['error']}", err=True)

    emit(data, as_json, human)


@catalogue.command("status")
@workspace_option
@json_option
def catalogue_status(as_json):
    """核对案件目录与案件文件夹：更新有改动的案件，列出无法读取的案件。"""
    data = open_session().cases.catalog_status()

    def human(_):
        click.echo(f"案件目录 {data.file}：未变 {data.unchanged} 件，更新 {data.updated} 件，移除 {data.removed} 件"
                   + (f"（全部重算：{data.rebuilt_all}）" if data.rebuilt_all else ""))
        for b in data.broken:
            click.echo(f"警告：案件 {b['id']} 无法读取：{b['error']}", err=True)

    emit(data, as_json, human)
