"""A handler builds a case by keys only (issue 29, done-when): the new-case form, then 案情, 执法行为,
处罚 and 证据 under `f`, then 立案审批表, 告知书 and 决定书 under `d` — each printing what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Select, SelectionList

from tests.docx_text import docx_text
from tui.textual_app.app import CasefileApp

TODAY = dt.date(2026, 11, 23)
FACTS = "当事人在其经营场所销售超过保质期的纯牛奶12盒。"
BASIS = "《中华人民共和国食品安全法》第三十四条第（十）项"
PENALTY = "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"


async def _type(pilot, text: str) -> None:
    """Each character as a terminal sends it. Pilot.press drops punctuation outside ASCII (〔〕（）:
    it looks the character up by its key name), so those go as the key event a terminal makes."""
    from textual import events
    from textual.keys import _character_to_key

    run: list[str] = []  # keys pressed in one call: Pilot waits for the screen once per call, not per key
    for ch in text:
        if ch.isalnum() or ch.isascii():
            run.append(ch)
            continue
        if run:
            await pilot.press(*run)
            run = []
        pilot.app._driver.send_message(events.Key(_character_to_key(ch), ch))
        await pilot.pause()
    if run:
        await pilot.press(*run)


async def _choose(pilot, select: Select, value: str) -> None:
    """Open the focused choice list with Enter and move down to ``value``."""
    options = [v for _, v in select._options]
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*(["down"] * (options.index(value) - options.index(select.value if select.value in options else options[0]))))
    await pilot.press("enter")
    await pilot.pause()
    assert select.value == value


async def _pick(pilot, sl: SelectionList, values: list[str]) -> None:
    """Tick officers in the focused list: down to each, space."""
    at = 0
    for v in values:
        i = [o.value for o in sl._options].index(v)
        await pilot.press(*(["down"] * (i - at)), "space")
        at = i
    await pilot.pause()
    assert sorted(sl.selected) == sorted(values)


async def _field(pilot, screen, field_id: str, text: str) -> None:
    """Tab until the field has the focus, then type into it."""
    target = screen.query_one(f"#{field_id}").widget
    for _ in range(30):
        if screen.focused is target:
            break
        await pilot.press("tab")
    assert screen.focused is target, field_id
    if text:
        await _type(pilot, text)


async def _render(pilot, app, code: str) -> None:
    await pilot.press("d")
    await pilot.pause()
    codes = [t.code for t in app.session.documents.templated_types(app.screen.case_id)]
    await pilot.press(*(["down"] * codes.index(code)), "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.asyncio
async def test_a_case_by_keys_only(demo_ws):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await _type(pilot, "清市监处罚〔2026〕141号")
        await _field(pilot, form, "field-party", "清溪县好又多超市有限公司")
        await _field(pilot, form, "field-party_id", "91320281MA1R5YAN5W")
        await _field(pilot, form, "field-party_address", "清溪县城关镇解放路8号")
        await _field(pilot, form, "field-cause", "销售超过保质期的食品")
        await _field(pilot, form, "field-filed", "2026-11-02")
        await _field(pilot, form, "field-case_type", "")
        assert form.query_one("#case_type", Select).value == "行政处罚"
        await _field(pilot, form, "field-source", "")
        await _choose(pilot, form.query_one("#source", Select), "投诉举报")
        await _field(pilot, form, "field-handlers", "")
        await _pick(pilot, form.query_one("#handlers", SelectionList), ["33112600101", "33112600102"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        cid = str(app.screen.query_one("#cases", DataTable).coordinate_to_cell_key(app.screen.query_one("#cases", DataTable).cursor_coordinate).row_key.value)
        assert demo_ws.load_case(cid).number == "清市监处罚〔2026〕141号"
        await pilot.press("enter")
        await pilot.pause()
        await _render(pilot, app, "filing_approval")

        await pilot.press("f")
        await pilot.pause()
        facts = app.screen
        # 案情: 违法事实 and 违反条款 (来源 and 承办人 shown as the new-case form entered them)
        await pilot.press(*["ctrl+o"] * 4)
        await pilot.pause()
        assert facts.active() == "case" and facts.query_one("#field-case-source").value == "投诉举报"
        await _field(pilot, facts, "field-case-facts", FACTS)
        await _field(pilot, facts, "field-case-date", "2026-10-05")
        await _field(pilot, facts, "field-case-basis", BASIS)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_ws.load_case(cid).violation.facts == FACTS

        # 执法行为: 调查终结 and 告知; 处罚: 拟处罚 and 决定; 证据
        async def act(kind: str, day: str):
            await pilot.press("ctrl+o", "ctrl+o")  # 记录 → 当事人 → 执法行为
            await pilot.pause()
            while facts.active() != "acts":
                await pilot.press("ctrl+o")
                await pilot.pause()
            await _choose(pilot, facts.query_one("#field-acts-kind").widget, kind)
            await _field(pilot, facts, "field-acts-date", day)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert demo_ws.load_case(cid).acts[-1].kind.value == kind

        async def measure(which: str):
            while facts.active() != "measures":
                await pilot.press("ctrl+o")
                await pilot.pause()
            await _choose(pilot, facts.query_one("#field-measures-which").widget, which)
            await _field(pilot, facts, "field-measures-kind", "")
            await _choose(pilot, facts.query_one("#field-measures-kind").widget, "罚款")
            await _field(pilot, facts, "field-measures-amount", "5000")
            await _field(pilot, facts, "field-measures-basis", PENALTY)
            await pilot.press("ctrl+s")
            await pilot.pause()

        await act("调查终结", "2026-11-10")
        await measure("拟处罚")
        await act("告知", "2026-11-12")
        await measure("决定")
        await act("决定", "2026-11-20")
        while facts.active() != "evidence":
            await pilot.press("ctrl+o")
            await pilot.pause()
        await _choose(pilot, facts.query_one("#field-evidence-kind").widget, "物证")
        await _field(pilot, facts, "field-evidence-name", "超过保质期的纯牛奶12盒")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await _render(pilot, app, "penalty_notice")
        await _render(pilot, app, "decision")

    case = demo_ws.load_case(cid)
    assert [m.amount for m in case.decided] == [5000] and case.evidence[-1].name == "超过保质期的纯牛奶12盒"
    docs = demo_ws.cases_dir / cid / "docs"
    filing = docx_text(next(docs.glob("*立案审批表.docx")))
    assert "投诉举报" in filing and "王建国、李晓梅" in filing and "销售超过保质期的食品" in filing
    for name in ("行政处罚告知书", "行政处罚决定书"):
        text = docx_text(next(docs.glob(f"*{name}.docx")))
        assert FACTS in text and BASIS in text and "伍仟元" in text, name


@pytest.mark.asyncio
async def test_list_refreshes_and_esc_asks_before_dropping_typed_input(demo_ws):
    from textual.widgets import Input

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#cases", DataTable)
        cid = "YJ-2026-003"
        table.move_cursor(row=[str(r.value) for r in table.rows].index(cid))
        await pilot.press("enter")
        await pilot.pause()
        app.session.entries.move_case(cid, "开始调查")  # as the case screen's 状态变更 does
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#cases", DataTable)
        row = [str(c) for c in table.get_row(cid)]
        assert "调查中" in row and table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == cid

        n = len(demo_ws.case_ids())
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#party", Input).value = "清溪县好又多超市有限公司"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("escape")  # 取消: back to the form, the text kept
        await pilot.pause()
        assert app.screen is form and form.query_one("#party", Input).value == "清溪县好又多超市有限公司"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseListScreen" and len(demo_ws.case_ids()) == n
