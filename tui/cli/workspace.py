"""casefile init / demo."""

from __future__ import annotations

import click

from tui.application import Session
from tui.cli.common import json_option, today_given, workspace_option, workspace_root
from tui.cli.output import emit


@click.command()
@workspace_option
@click.option("--name", default="", help="执法机关全称，如：清溪县市场监督管理局")
@click.option("--short-name", default="", help="文号机关代字，如：清市监")
@click.option("--region", default="", help="行政区划")
@click.option("--sector", default="", help="执法领域：市场监管 / 自然资源 / 生态环境 / 应急管理 / 审计 …")
@click.option("--rules-profile", default="national", show_default=True, help="适用的审核规则配置（casefile/data/profiles 下的名称）")
@json_option
def init(name: str, short_name: str, region: str, sector: str, rules_profile: str, as_json: bool) -> None:
    """新建工作区（执法机关信息、行政执法人员清单、案件目录）。"""
    if not name:
        name = click.prompt("执法机关全称") if click.get_text_stream("stdin").isatty() else "未命名执法机关"
    s = Session.init(workspace_root(), name=name, short_name=short_name, region=region, sector=sector, rules_profile=rules_profile)
    exposed = s.records.exposed_files()  # the check: nothing of it readable by other local users, whatever the umask

    def human(d):
        click.echo(f"已新建工作区：{d['workspace']}（{name}）")
        if exposed:
            click.echo("警告：以下文件其他用户可读：" + "、".join(exposed), err=True)
        else:
            click.echo("文件权限：仅本人可读写（文件夹 0700、文件 0600；同组共享见 workspace.toml 的 file_access）")

    emit({"workspace": str(s.root), "profile": s.profile.model_dump(), "private": not exposed, "exposed": exposed}, as_json, human)


@click.command()
@workspace_option
@click.option("--force", is_flag=True, help="目录已是演示工作区时，删除后重建")
@json_option
def demo(force: bool, as_json: bool) -> None:
    """新建演示工作区：不同领域、不同类型（处罚、许可、强制）和不同阶段的案件，含人员清单、文书与一次双随机抽查。"""
    s = Session.demo(workspace_root(), force=force, today=today_given(), with_index=True)
    rows = s.cases.case_list().cases
    data = {"workspace": str(s.root), "cases": [r.summary for r in rows]}
    emit(data, as_json, lambda d: click.echo(f"演示工作区已建立：{d['workspace']}（{len(rows)} 个案件）\n用 casefile case list --workspace {d['workspace']} 查看"))
