"""The TUI driven with Pilot on the demo workspace, along the issue's done-when path (issue 6)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)


_wait_workers = settle


@pytest.mark.asyncio
async def test_done_when_path(demo_ws):
    from textual.widgets import DataTable, ListView, Static

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "CaseListScreen"
        table = screen.query_one("#cases", DataTable)
        assert table.row_count == 8
        # warnings: ZR-2026-012 is overdue for publication, SJ-2026-088 near its review limit
        assert any(w.kind == "公示" and w.status == "已逾期" for w in screen.warnings["ZR-2026-012"])
        assert any(w.kind == "审核期限" for w in screen.warnings["SJ-2026-088"])
        # open the case submitted for review
        table.move_cursor(row=[str(r.value) for r in table.rows].index("SJ-2026-088"))
        await pilot.press("enter")
        await pilot.pause()
        case_screen = app.screen
        assert type(case_screen).__name__ == "CaseScreen" and case_screen.case_id == "SJ-2026-088"
        # run the check in a worker, then jump from the party finding to its document
        await pilot.press("c")
        await _wait_workers(app, pilot)
        rules = [f["rule"] for f in case_screen.findings]
        assert "F02-parties-agree" in rules and "C01-required-documents" in rules
        lv = case_screen.query_one("#findings", ListView)
        idx = next(i for i, item in enumerate(lv.children) if item.finding["rule"] == "F02-parties-agree")
        lv.index = idx
        lv.focus()
        await pilot.press("enter")
        await _wait_workers(app, pilot)
        assert case_screen.current_doc == "docs/陈述申辩书.docx"
        assert "91331126MA2N8F6A1D" in str(case_screen.query_one("#doc-text", Static).render())
        # the review screen shows the (absent) round; opening one is an explicit action
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert type(review).__name__ == "ReviewScreen" and review.round is None
        assert not (demo_ws.cases_dir / "SJ-2026-088" / "reviews" / "round-1").exists()
        await pilot.press("n")
        await _wait_workers(app, pilot)
        assert review.round["round"] == 1
        rlv = review.query_one("#round-findings", ListView)
        rlv.focus()
        rlv.index = 0
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"补正中")
        await pilot.press("enter")
        await pilot.pause()
        assert review.round["findings"][0]["decision"] == "override" and review.round["findings"][0]["reason"] == "补正中"
        # the opinion waits for the other findings: i offers to walk them, each accepted here, then issues
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        for _ in review.round["findings"][1:]:
            await pilot.press("a")
            await pilot.pause()
        await pilot.press("y")
        await _wait_workers(app, pilot)
        assert review.round["opinion"]["conclusion"] == "存在问题"
        assert (demo_ws.cases_dir / "SJ-2026-088" / review.round["opinion"]["file"]).exists()
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        # "/" from anywhere, search 听证, open a hit at its page
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert type(search).__name__ == "SearchScreen"
        await pilot.press(*"听证")
        await pilot.press("enter")
        await _wait_workers(app, pilot)
        assert search.result["total"] > 0
        hits = search.query_one("#hits", ListView)
        hits.focus()
        hits.index = 0
        await pilot.press("enter")
        await _wait_workers(app, pilot)
        opened = app.screen  # the hit's document read at its page (tests/test_tui_search.py goes further)
        assert type(opened).__name__ == "ReaderScreen"
        first = search.query_one("#hits", ListView).highlighted_child.hit
        assert opened.reading.doc == first["doc"] and opened.reading.page == first["page"]
        # help lists the bindings; q quits
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # q exits the app (None while it still runs)


@pytest.mark.asyncio
async def test_new_case_form_validates_in_chinese(demo_ws):
    from textual.widgets import Input, Static

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#number", Input).value = "清市监处罚〔2026〕130号"
        form.query_one("#filed", Input).value = "2026-13-45"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(form.query_one("#errors", Static).render())
        assert "日期" in errors
        form.query_one("#filed", Input).value = "2026-11-23"
        form.query_one("#party", Input).value = "清溪县好运来超市有限公司"
        form.query_one("#cause", Input).value = "销售不符合食品安全标准的食品"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_ws.load_case("清市监处罚〔2026〕130号").party.name == "清溪县好运来超市有限公司"


@pytest.mark.asyncio
async def test_filter_sort_and_publicity_list(demo_ws):
    from textual.widgets import DataTable

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.press(*"自然资源")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#cases", DataTable).row_count == 1
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "TextScreen" and "ZR-2026-012" in app.screen.body


def test_snapshot_case_list_80x24(snap_compare, demo_template, tmp_path):
    assert snap_compare("snap_app.py", terminal_size=(80, 24))


def test_snapshot_case_screen_120x40(snap_compare):
    assert snap_compare("snap_app.py", terminal_size=(120, 40), press=["down", "down", "enter"])


# the same screens at the other size: at 80×24 one pane at a time (Tab moves), at 120×40 side by side
def test_snapshot_case_list_120x40(snap_compare):
    assert snap_compare("snap_app.py", terminal_size=(120, 40))


def test_snapshot_case_screen_80x24(snap_compare):
    assert snap_compare("snap_app.py", terminal_size=(80, 24), press=["down", "down", "enter"])


def test_snapshot_facts_form_80x24(snap_compare):
    assert snap_compare("snap_app.py", terminal_size=(80, 24), press=["down", "down", "enter", "f"])


def test_snapshot_help_120x40(snap_compare):
    assert snap_compare("snap_app.py", terminal_size=(120, 40), press=["down", "down", "enter", "question_mark"])


@pytest.mark.asyncio
async def test_score_sheet(demo_ws):
    from tui.application import Clock, Session

    expected = Session(demo_ws, Clock(TODAY)).review.check("SJ-2026-037", "evaluate").score
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")  # SJ-2026-037, the archived case
        await pilot.pause()
        await pilot.press("e")
        await _wait_workers(app, pilot)
        sheet = app.screen
        assert type(sheet).__name__ == "TextScreen" and "评查计分表" in sheet.title_text
        # the sheet shows the score the checklist gives, with each deduction
        # the total pinned below the items (reachable however long the sheet); items by message, never rule ids
        assert f"得分：{expected['total']} / {expected['full']}　等级：{expected['grade']}" in sheet.pinned
        assert all(d["message"] in sheet.body and d["rule"] not in sheet.body for d in expected["deductions"])


@pytest.mark.asyncio
async def test_cancel_drops_the_running_check(demo_ws):
    """A check blocked until the person cancels: its result never reaches the screen."""
    import threading

    from tui.application import Clock, Session

    session = Session(demo_ws, Clock(TODAY))
    real = session.review.check("SJ-2026-088")
    started, release = threading.Event(), threading.Event()

    def blocking_check(case_ref, mode="review", progress=None):
        started.set()
        assert release.wait(10), "the test never released the check"
        return real

    session.review.check = blocking_check
    app = CasefileApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#cases")
        table.move_cursor(row=[str(r.value) for r in table.rows].index("SJ-2026-088"))
        await pilot.press("enter")
        await pilot.pause()
        case_screen = app.screen
        await pilot.press("c")
        assert await asyncio.to_thread(started.wait, 10)  # the check is running
        await pilot.press("x")  # cancel while it runs
        await pilot.pause()
        release.set()
        await _wait_workers(app, pilot)
        assert "已取消" in str(case_screen.query_one("#findings-title").render())
        assert case_screen.findings == [] and len(case_screen.query_one("#findings").children) == 0
        # not cancelled, the same check does reach the screen
        release.clear()
        started.clear()
        await pilot.press("c")
        assert await asyncio.to_thread(started.wait, 10)
        release.set()
        await _wait_workers(app, pilot)
        assert [f["rule"] for f in case_screen.findings] == [f.rule for f in real.findings]
