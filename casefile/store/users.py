"""The user register (``users.toml`` in the workspace): who may log in to act, by OS login, with
their name, roles and (for an enforcement officer) their certificate number in officers.toml.

The person acting is the operating-system login. ``CASEFILE_USER`` names another login only in a
workspace whose profile sets ``user_from_env`` (the demo, the tests): on a shared server a person
must not become someone else by setting a variable. What each role may do is decided in the
application layer (``tui.application.access``); this module only keeps the register.
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import tomli_w
import tomllib
from pydantic import BaseModel, ConfigDict, Field, field_validator

from casefile.store import locks
from casefile.errors import UsageError, ValidationError
from casefile.store.fsutil import atomic_write_text
from casefile.model.validation import validate

USERS_FILE = "users.toml"
ROLES = ("承办人", "法制审核", "负责人", "评查", "公示", "管理员")
ENV_USER = "CASEFILE_USER"


class User(BaseModel):
    model_config = ConfigDict(extra="forbid")

    login: str = Field(min_length=1)
    name: str = Field(min_length=1)
    roles: list[str] = Field(default_factory=list)
    officer: str = ""  # 执法证号 in officers.toml: whose case is whose (案件的承办人) is decided by it

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: list[str]) -> list[str]:
        bad = [r for r in roles if r not in ROLES]
        if bad:
            raise ValueError(f"不认识的角色“{'、'.join(bad)}”（可选：{'、'.join(ROLES)}）")
        return list(dict.fromkeys(roles))


class UserRegister(BaseModel):
    model_config = ConfigDict(extra="forbid")

    users: list[User] = Field(default_factory=list)

    def get(self, login: str) -> User | None:
        return next((u for u in self.users if u.login == login), None)


class Actor(str):
    """A login that also carries the person's name and certificate: the journal writes the name
    beside the login (``user``), the 法制审核意见书 is signed with it."""

    name: str
    officer: str

    def __new__(cls, login: str, name: str = "", officer: str = "") -> "Actor":
        s = super().__new__(cls, login)
        s.name, s.officer = name, officer
        return s


def os_login() -> str:
    """The operating-system login of this process (the passwd entry, not $USER, which anyone may set)."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # no passwd entry in some containers
        return f"uid{os.getuid()}"


def acting_login(root: Path, allow_env: bool) -> str:
    env = os.environ.get(ENV_USER, "").strip()
    return env if env and allow_env else os_login()


def load(root: Path) -> UserRegister:
    path = Path(root) / USERS_FILE
    if not path.exists():
        return UserRegister()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ValidationError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
    return validate(UserRegister, data, str(path))


def save(root: Path, register: UserRegister) -> None:
    data = {"users": [u.model_dump() for u in register.users]}
    atomic_write_text(Path(root) / USERS_FILE, "# 用户清单：登录名、姓名、角色（" + "、".join(ROLES) + "）、执法证号\n" + tomli_w.dumps(data))


def add(root: Path, user: User, *, replace: bool = False) -> User:
    """Register ``user``; ``replace``: change the entry of a login already registered (its name,
    roles, certificate), never leaving the workspace without a 管理员."""
    with locks.register_lock(Path(root), "users"):
        reg = load(root)
        if reg.get(user.login) and not replace:
            raise UsageError(f"登录名 {user.login} 已在用户清单中，未做改动", details=["要修改其姓名、角色或执法证号，加 --replace"])
        if not user.roles:
            raise UsageError(f"用户 {user.login} 没有角色，未登记", details=["用 --role 给出至少一个角色：" + "、".join(ROLES)])
        after = [user if u.login == user.login else u for u in reg.users] if reg.get(user.login) else reg.users + [user]
        _keep_an_admin(reg, after, user.login)
        reg.users = after
        save(root, reg)
    return user


def _keep_an_admin(before: UserRegister, after: list[User], login: str) -> None:
    if any("管理员" in u.roles for u in before.users) and not any("管理员" in u.roles for u in after):
        raise UsageError(f"{login} 是最后一名管理员，不能取消其管理员角色或删除", details=["先登记另一名管理员"])


def register_first_admin(root: Path) -> User:
    """A new workspace's register: the login that created it, as its 管理员."""
    login = os_login()
    try:
        name = (pwd.getpwnam(login).pw_gecos or "").split(",")[0].strip() or login
    except KeyError:
        name = login
    return add(root, User(login=login, name=name, roles=["管理员"]))


def remove(root: Path, login: str) -> User:
    with locks.register_lock(Path(root), "users"):
        reg = load(root)
        user = reg.get(login)
        if user is None:
            raise UsageError(f"用户清单中没有登录名 {login}，未做改动")
        rest = [u for u in reg.users if u.login != login]
        _keep_an_admin(reg, rest, login)
        reg.users = rest
        save(root, reg)
    return user
