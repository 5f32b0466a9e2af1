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


def test_the_command_answers_from_a_stale_index_and_updates_it_in_a_process_of_its_own(indexed_demo_ws, run_cli):
    import json
    import time

    from tui.application import background_index

    w = ["-w", str(indexed_demo_ws.root)]
    _rename_party_by_hand(indexed_demo_ws)
    code, out, err = run_cli("search", NEW, *w, "--json")
    assert code in (0, None)
    r = json.loads(out)
    assert r["index"]["stale"] == 1 and r["index"]["background"] is True
    assert "索引落后 1 个案件" in err and "--wait" in err
    assert not any(h["party"] == NEW for h in r["hits"])  # the old index answered at once
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the detached update: a process of its own, not this one
        time.sleep(0.5)
        if not background_index.running(indexed_demo_ws.root) and Session(indexed_demo_ws).search.index_status().current:
            break
    code, out, err = run_cli("search", NEW, *w, "--json")
    r = json.loads(out)
    assert any(h["party"] == NEW for h in r["hits"]) and not r["index"].get("stale") and "索引落后" not in err


def test_wait_brings_the_index_up_to_date_before_answering(indexed_demo_ws, run_cli):
    import json

    _rename_party_by_hand(indexed_demo_ws)
    code, out, err = run_cli("search", NEW, "-w", str(indexed_demo_ws.root), "--wait", "--json")
    r = json.loads(out)
    assert any(h["party"] == NEW and h["case"] == "SJ-2026-037" for h in r["hits"])
    assert "stale" not in r["index"] and "索引落后" not in err


def test_a_slow_freshness_check_is_reused_for_a_while_a_quick_one_never(indexed_demo_ws, monkeypatch):
    """At 10,000 cases the check costs tens of milliseconds: a person typing queries pays it once
    every few seconds, not for each; a small workspace checks at every search."""
    import time

    from index import freshness

    calls = []
    real = freshness.taken

    def slow(ws, case_ids=None):
        calls.append(1)
        time.sleep(0.05)
        return real(ws, case_ids)

    monkeypatch.setattr(freshness, "taken", slow)
    s = Session(indexed_demo_ws)
    assert freshness.stale(s.ws) == [] and freshness.stale(s.ws) == []
    assert len(calls) == 1  # the second answered from the first, well inside 40 × 50 ms
    import shutil

    shutil.rmtree(s.ws.cases_dir / "ZR-2026-012")  # a case folder removed: the cases folder's stamp ends the reuse
    assert freshness.stale(s.ws) == ["ZR-2026-012"] and len(calls) == 2
    monkeypatch.setattr(freshness, "taken", real)
    freshness._QUIET.clear()
    _rename_party_by_hand(indexed_demo_ws)
    assert "SJ-2026-037" in freshness.stale(s.ws)  # quick: checked again, the hand edit seen
