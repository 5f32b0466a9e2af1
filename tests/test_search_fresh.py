"""Search answers from the index it has (issue 33, item 3): the demo ships with its index; a
workspace whose index missed a change says so, answers from the old index at once, and the
terminal UI takes the change in behind it and asks again."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Label

from tui.application import Session
from tui.textual_app.app import CasefileApp

TODAY = dt.date(2026, 11, 23)
OLD, NEW = "清溪县悦享商贸有限公司", "清溪县澜庭日化有限公司"


def _rename_party_by_hand(ws) -> None:
    """A change the tool did not make (another copy of the tool, a restored backup): the index
    cannot have been told of it."""
    p = ws.cases_dir / "SJ-2026-037" / "case.toml"
    text = p.read_text(encoding="utf-8")
    assert OLD in text
    p.write_text(text.replace(OLD, NEW), encoding="utf-8")


def test_the_demo_built_by_the_command_ships_with_its_index(run_cli, tmp_path):
    root = tmp_path / "demo"
    code, _, _ = run_cli("demo", "--workspace", str(root))
    assert code in (0, None)
    s = Session.open(root, today=TODAY)
    status = s.search.index_status()
    assert status.exists and status.current, status.label
    r = s.search.search("听证", limit=5, wait_for_index=False)
    assert r["total"] > 0 and not r["index"].get("built") and not r["index"].get("stale")


def test_a_stale_index_answers_at_once_and_says_how_stale(demo_ws):
    s = Session(demo_ws)
    s.search.ensure_index()
    _rename_party_by_hand(demo_ws)
    before = s.search.search(NEW, limit=10, wait_for_index=False)
    assert before["index"]["stale"] == 1  # one case changed since it was indexed
    assert not any(h["party"] == NEW for h in before["hits"])  # the old index answered
    assert "1 个案件的信息" in s.search.index_status().label
    after = s.search.search(NEW, limit=10)  # the CLI's way: brought up to date first
    assert any(h["party"] == NEW and h["case"] == "SJ-2026-037" for h in after["hits"])
    assert not after["index"].get("stale")


@pytest.mark.asyncio
async def test_the_search_screen_updates_a_stale_index_behind_the_old_answer(demo_ws):
    s = Session(demo_ws)
    s.search.ensure_index()
    _rename_party_by_hand(demo_ws)
    app = CasefileApp(Session(demo_ws), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        shown: list[tuple[dict, str]] = []
        real_show = screen.show

        def recording_show(r, status=None):
            real_show(r, status)
            shown.append((r, str(screen.query_one("#summary", Label).render())))

        screen.show = recording_show
        box = screen.query_one("#query", Input)
        box.focus()
        box.value = NEW
        await pilot.press("enter")
        for _ in range(6):
            await pilot.pause()
            await app.workers.wait_for_complete()
        first, first_summary = shown[0]
        assert first["index"]["stale"] == 1 and "正在后台更新" in first_summary
        assert not any(h["party"] == NEW for h in first["hits"])
        last, last_summary = shown[-1]  # asked again once the index took the change in
        assert any(h["party"] == NEW for h in last["hits"]) and "后台" not in last_summary
        assert "索引为最新" in str(screen.query_one("#index-status", Label).render())
