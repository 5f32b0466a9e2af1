"""The terminal UI by the acting user (issue 30): it opens on what the user's roles need (待我审核
for a reviewer, 待我审批 for the 负责人, my cases for a handler), the 管理员 keeps the users, and a
refusal by the application layer is shown, not written."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, SelectionList, Static

from casefile.store import users
from tui.application import Clock, Session
from tui.textual_app.app import CasefileApp

TODAY = dt.date(2026, 11, 23)
SIZE = (80, 24)


def _app(ws, login: str, monkeypatch) -> CasefileApp:
    monkeypatch.setenv("CASEFILE_USER", login)
    return CasefileApp(Session(ws, Clock(TODAY)))


def _rows(app) -> list[list[str]]:
    t = app.screen.query_one("#work", DataTable)
    return [[str(c) for c in t.get_row_at(i)] for i in range(t.row_count)]


@pytest.mark.asyncio
async def test_a_reviewer_opens_on_her_reviews_and_enter_opens_the_case(demo_ws, monkeypatch):
    app = _app(demo_ws, "zhouting", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "MyWorkScreen"
        assert [r[:2] for r in _rows(app)] == [["待我审核", "SJ-2026-088"]]
        assert "周婷" in str(app.screen.query_one("#work-who").render())
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen" and app.screen.case_id == "SJ-2026-088"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseListScreen"


@pytest.mark.asyncio
async def test_a_handler_opens_on_his_cases_with_their_deadlines(demo_ws, monkeypatch):
    app = _app(demo_ws, "wangjg", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = _rows(app)
        assert {r[1] for r in rows if r[0] == "我的案件"} == {"QZ-2026-021", "SJ-2026-037", "SJ-2026-088", "SJ-2026-101"}
        assert any("审核期限" in r[4] for r in rows if r[1] == "SJ-2026-088")


@pytest.mark.asyncio
async def test_the_administrator_registers_a_user_and_a_handler_may_not(demo_ws, monkeypatch):
    app = _app(demo_ws, "wangjg", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # from 我的工作 to all cases
        await pilot.press("U")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseListScreen"  # refused, with the reason shown
        assert any("王建国没有管理员角色" in str(n.message) for n in app._notifications)
    app = _app(demo_ws, "majun", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseListScreen"  # a 管理员 oversees all cases
        await pilot.press("U")
        await pilot.pause()
        assert type(app.screen).__name__ == "UsersScreen"
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#login", Input).value = "tianyu"
        form.query_one("#name", Input).value = "田宇"
        form.query_one("#roles", SelectionList).select("评查")
        form.query_one("#officer", Input).value = "00000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "00000 不在行政执法人员清单中" in str(form.query_one("#user-errors", Static).render())
        form.query_one("#officer", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "UsersScreen"
    u = users.load(demo_ws.root).get("tianyu")
    assert u and u.name == "田宇" and u.roles == ["评查"]


@pytest.mark.asyncio
async def test_the_head_approves_from_his_work_list_and_a_handler_is_refused(demo_ws, monkeypatch):
    from casefile.model import ActKind

    app = _app(demo_ws, "wangjg", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#work", DataTable).move_cursor(row=[r[1] for r in _rows(app)].index("SJ-2026-088"))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert any("王建国没有负责人角色" in str(n.message) for n in app._notifications)
    assert not demo_ws.load_case("SJ-2026-088").acts_of(ActKind.HEAD_APPROVAL)
    app = _app(demo_ws, "xugp", monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "MyWorkScreen"
        app.screen.query_one("#work", DataTable).move_cursor(row=[r[1] for r in _rows(app)].index("QZ-2026-021"))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the prefilled opinion: 同意
        await pilot.pause()
    acts = demo_ws.load_case("QZ-2026-021").acts_of(ActKind.HEAD_APPROVAL)
    assert [(a.note, a.officers) for a in acts] == [("同意：同意", ["33112600105"])]
