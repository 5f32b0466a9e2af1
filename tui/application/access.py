"""Who may do what: the acting user (the OS login, or CASEFILE_USER where the workspace allows it),
their roles from the user register, and the checks every writing operation passes first.

The roles per action and per move are data (``casefile/data/permissions.toml``); the separation of
duties is stated here: a 承办人 of a case never reviews it, the reviewer of an open round never
changes the facts she reviews. Each service's writing operations are wrapped by :func:`guarded`, so the
CLI and the TUI refuse the same things with the same Chinese reasons, before anything is written.
"""

from __future__ import annotations

import functools
import inspect
import threading
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from casefile.store import users
from casefile.errors import PermissionDenied
from casefile.law import casetypes
from casefile.model import Case, CaseState
from casefile.store.workspace import Workspace
from tui.application.lazy import lazy_module

rounds = lazy_module("checklists.review")  # the review rounds (and the check engine) load when a case is checked, not per command


@lru_cache(maxsize=1)
def permissions() -> dict[str, Any]:
    with open(str(resources.files("casefile") / "data" / "permissions.toml"), "rb") as f:
        data = tomllib.load(f)
    for roles in [a["roles"] for a in data["actions"].values()]:  # moves: checked with their declaration
        bad = [r for r in roles if r not in users.ROLES]
        if bad:
            raise ValueError(f"permissions.toml：不认识的角色“{'、'.join(bad)}”")
    return data


def move_rule(case: Case, move: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(roles who may make the move, approvals it requires) for this case, as its case type declares
    the move (casefile.law.casetypes): the 集体讨论 of ``requires_if_major`` is checked by its own test
    (casefile.law.transitions.REQUIREMENTS), which passes where the case needs none."""
    declared = next((m for m in casetypes.get(case.case_type.value).moves if m.id == move), None)
    if declared is None:
        return ("承办人",), ()
    return declared.roles or ("承办人",), declared.requires + declared.requires_if_major


def action_roles(action: str) -> tuple[str, ...]:
    return tuple(permissions()["actions"][action]["roles"])


def action_name(action: str) -> str:
    return permissions()["actions"][action]["name"]


# a check is journaled, so it is an act: the handler's self-check, the review, the 评查
CHECK_ACTIONS = {"self": "enter_facts", "review": "review", "evaluate": "evaluate"}


class Access:
    """The acting user of a workspace (``user``: None for a login not in the register) and the checks
    every writing operation passes (:func:`guarded`)."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self.login = users.acting_login(ws.root, ws.profile.user_from_env)
        self.user = users.load(ws.root).get(self.login)
        u = self.user
        ws.acting = users.Actor(self.login, u.name if u else "", u.officer if u else "")
        self.depth = threading.local()  # guarded operations under way in this thread

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.user.roles) if self.user else ()

    def who(self) -> str:
        """The acting person as a line: 姓名（登录名，角色）, or that the login is not registered."""
        if not self.user:
            return f"{self.login}（未登记用户，只能查看）"
        return f"{self.user.name}（{self.login}，{'、'.join(self.user.roles)}）"

    def handles(self, case: Case) -> bool:
        """The acting user is a 承办人 of the case (listed among its handlers by 执法证号)."""
        return bool(self.user and self.user.officer and self.user.officer in case.handlers)

    def reviewing(self, case: Case) -> bool:
        """The acting user opened the case's current round and has not issued its opinion."""
        if case.state != CaseState.IN_REVIEW:
            return False
        rs = rounds.rounds(self.ws, case.id)
        return bool(rs and not rs[-1].get("opinion") and rs[-1].get("reviewer") == self.login)

    # -- the rules -------------------------------------------------------------------------------
    def why_not(self, action: str, case: Case | None = None, move: str = "") -> str:
        """'' when the acting user may do ``action`` (on ``case``; ``move``: which move), else why not."""
        what = f"“{move}”" if action == "move" else action_name(action)
        if self.user is None:
            return f"登录名 {self.login} 不在本工作区的用户清单中，只能查看，不能{what}（请管理员用 casefile user add 登记）"
        roles = move_rule(case, move)[0] if action == "move" else action_roles(action)
        held = [r for r in roles if r in self.user.roles]
        if not held:
            return f"{self.user.name}没有{'或'.join(roles)}角色，不能{what}"
        if case is None:
            return ""
        if action == "review" and self.handles(case):
            return f"{self.user.name}是案件 {case.id} 的承办人，不能审核本案（法制审核由法制审核机构进行，承办人员不得审核本人承办的案件）"
        if action in ("enter_facts", "respond") and self.reviewing(case):
            return f"{self.user.name}正在审核案件 {case.id}（本轮审核意见尚未出具），不能修改所审核的案件事实"
        if held == ["承办人"] and self.user.officer and not self.handles(case):
            return f"{self.user.name}不是案件 {case.id} 的承办人，不能{what}"
        return ""

    def may(self, action: str, case: Case | None = None, move: str = "") -> bool:
        return not self.why_not(action, case, move)

    def require(self, action: str, case: Case | None = None, move: str = "") -> None:
        why = self.why_not(action, case, move)
        if why:
            raise PermissionDenied(why, details=[f"当前用户：{self.who()}"])


def guarded(action: str, how: str = "", move: str = ""):
    """Check the acting user's permission before a writing operation runs: ``action`` (a key of
    permissions.toml; ``check`` journals as its mode's action, ``move`` as the move), and how the case is
    found: ``ref`` the argument case_ref, ``case`` the argument case (a Case), ``ref_or_new`` an import
    into case_ref or one that creates a case when none is given, '' none; ``move``: the move an
    operation makes when it names none itself (重新送审). The operation's own inner
    calls (a move saves the case) were allowed with it."""

    def wrap(method):
        signature = inspect.signature(method)

        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            access: Access = self.core.access
            depth = getattr(access.depth, "n", 0)
            if depth == 0:
                given = signature.bind_partial(self, *args, **kwargs).arguments
                case = given.get("case") if how == "case" else None
                if how in ("ref", "ref_or_new") and given.get("case_ref"):
                    case = access.ws.load_case(given["case_ref"])
                act = "create_case" if how == "ref_or_new" and case is None else action
                if action == "check":
                    act = CHECK_ACTIONS.get(given.get("mode", "review"), "review")
                access.require(act, case, given.get("move", move) if action == "move" else "")
            access.depth.n = depth + 1
            try:
                return method(self, *args, **kwargs)
            finally:
                access.depth.n = depth

        return wrapper

    return wrap
