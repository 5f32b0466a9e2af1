"""The user register as the 管理员 keeps it (CLI ``casefile user``, the TUI's 用户管理 screen)."""

from __future__ import annotations

from casefile.store import users
from casefile.errors import UsageError
from casefile.store.users import ROLES, User

USER_ROLES = ROLES
from casefile.model.validation import validate
from tui.application.access import guarded
from tui.application.core import Service


class Users(Service):
    def users(self) -> list[User]:
        return users.load(self.ws.root).users

    @guarded("manage_users")
    def add_user(self, login: str, name: str, roles: list[str], officer: str = "", *, replace: bool = False) -> User:
        """Register a login with its roles (``replace``: change a registered one); ``officer``
        (执法证号) must be in the officer register."""
        if officer and not self.ws.officers().by_certificate(officer):
            raise UsageError(f"执法证号 {officer} 不在行政执法人员清单中，未登记用户", details=["先用 casefile officer add 登记该执法人员"])
        user = validate(User, {"login": login.strip(), "name": name.strip(), "roles": list(roles), "officer": officer.strip()}, "用户信息")
        return users.add(self.ws.root, user, replace=replace)

    @guarded("manage_users")
    def remove_user(self, login: str) -> User:
        return users.remove(self.ws.root, login)
