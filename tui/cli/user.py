"""casefile user add | list | remove | whoami: the user register (users.toml) kept by the 管理员."""

from __future__ import annotations

import click

from tui.application import USER_ROLES as ROLES
from tui.cli.common import json_option, open_session, workspace_option
from tui.cli.output import emit, table


@click.group()
def user() -> None:
    """用户与角色：谁可以做什么（承办人、法制审核、负责人、评查、公示、管理员）。当前用户是操作系统登录名；
    未登记的登录名只能查看。登记和删除用户须由管理员进行。"""


@user.command("add")
@workspace_option
@click.argument("login", metavar="LOGIN")
@click.option("--name", required=True, help="姓名")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(ROLES),
              help="角色（可多次给出）：" + "、".join(ROLES))
@click.option("--officer", default="", metavar="证号", help="执法证号（须在行政执法人员清单中）：据此判断谁是案件的承办人")
@click.option("--replace", is_flag=True, help="登录名已登记时，改为给出的姓名、角色和执法证号")
@json_option
def user_add(login, name, roles, officer, replace, as_json):
    """登记一个用户：登录名（操作系统登录名）、姓名、角色、执法证号（加 --replace 修改已登记的用户）。"""
    u = open_session().users.add_user(login, name, list(roles), officer, replace=replace)
    emit(u.model_dump(), as_json, lambda d: click.echo(f"已登记用户：{u.name}（{u.login}，{'、'.join(u.roles)}）"))


@user.command("list")
@workspace_option
@json_option
def user_list(as_json):
    """列出用户清单（登录名、姓名、角色、执法证号）。"""
    users = open_session().users.users()

    def human(_):
        click.echo(table([[u.login, u.name, "、".join(u.roles), u.officer] for u in users], ["登录名", "姓名", "角色", "执法证号"]))

    emit([u.model_dump() for u in users], as_json, human)


@user.command("remove")
@workspace_option
@click.argument("login", metavar="LOGIN")
@json_option
def user_remove(login, as_json):
    """从用户清单中删除一个用户（最后一名管理员不能删除）。其以往的记录不受影响。"""
    u = open_session().users.remove_user(login)
    emit(u.model_dump(), as_json, lambda d: click.echo(f"已删除用户：{u.name}（{u.login}）"))


@user.command("whoami")
@workspace_option
@json_option
def user_whoami(as_json):
    """显示当前用户：登录名、姓名、角色（未登记的登录名只能查看）。"""
    s = open_session()
    data = {"login": s.access.login, "registered": s.access.user is not None, "name": s.access.user.name if s.access.user else "",
            "roles": list(s.access.roles), "officer": s.access.user.officer if s.access.user else ""}
    emit(data, as_json, lambda d: click.echo(s.access.who()))
