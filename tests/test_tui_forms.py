"""The fact forms, the new-case form and the 状态变更 dialog driven with Pilot at 80×24 on the
demo workspace (issue 21, item 4): errors show under their field, on screen; saves go through
the session (case.toml and journal); a move changes the state and the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.chain import journal
from casefile.model import ActKind, CaseState
from tui.textual_app.app import CasefileApp

TODAY = dt.date(2026, 11, 23)
GOOD_USCC = "91320281MA1R5YAN5W"  # as printed in a published decision (tests/data/entries/codes.toml)
BAD_USCC = "91320281MA1R5YAN5X"


def _journal(ws, cid):
    return [e["act"] for e in journal.read(ws.cases_dir / cid)]


async def _open_case(app, pilot, cid):
    from textual.widgets import DataTable

    await pilot.pause()
    table = app.screen.query_one("#cases", DataTable)
    table.move_cursor(row=[str(r.value) for r in table.rows].index(cid))
    await pilot.press("enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "CaseScreen" and app.screen.case_id == cid


def _on_screen(widget) -> bool:
    r = widget.region
    return r.height > 0 and 0 <= r.y and r.bottom <= 24 and r.right <= 80


@pytest.mark.asyncio
async def test_facts_forms_at_80x24(demo_ws):
    cid = "YJ-2026-003"
    path = demo_ws.cases_dir / cid / "case.toml"
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_case(app, pilot, cid)
        await pilot.press("f")
        await pilot.pause()
        facts = app.screen
        assert type(facts).__name__ == "FactsScreen" and facts.active() == "parties"

        # a party with a bad check character: the error under the field, on screen, nothing saved
        before, journal_before = path.read_bytes(), _journal(demo_ws, cid)
        facts.query_one("#field-parties-kind").set_value("法人")
        facts.query_one("#field-parties-name").set_value("清溪县好运来超市有限公司")
        facts.query_one("#field-parties-id_number").set_value(BAD_USCC)
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = facts.query_one("#field-parties-id_number")
        assert "校验码" in field.error
        assert _on_screen(field.query_one(".field-error"))
        assert "parties" not in field.error and "id_number" not in field.error  # no internal names
        assert path.read_bytes() == before and _journal(demo_ws, cid) == journal_before

        # corrected: saved in case.toml, journaled, listed
        field.set_value(GOOD_USCC)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field.error == ""
        case = demo_ws.load_case(cid)
        assert case.parties[-1].name == "清溪县好运来超市有限公司" and case.parties[-1].id_number == GOOD_USCC
        assert GOOD_USCC in path.read_text(encoding="utf-8")
        assert _journal(demo_ws, cid)[-1] == "录入当事人"

        # an act with two officers picked from the register
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert facts.active() == "acts"
        facts.query_one("#field-acts-kind").set_value("现场检查")
        facts.query_one("#field-acts-date").set_value("2026-11-21")
        facts.query_one("#field-acts-officers").set_value(["33112600101"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "两名" in facts.query_one("#field-acts-officers").error  # one officer is not enough
        facts.query_one("#field-acts-officers").set_value(["33112600101", "33112600102"])
        facts.query_one("#field-acts-place").set_value("清溪县城东工业园")
        await pilot.press("ctrl+s")
        await pilot.pause()
        act = demo_ws.load_case(cid).acts_of(ActKind.INSPECTION)[-1]
        assert act.officers == ["33112600101", "33112600102"] and act.place == "清溪县城东工业园"
        assert _journal(demo_ws, cid)[-1] == "录入执法行为"

        # a proposed fine: refused without its basis, saved with it
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert facts.active() == "measures"
        facts.query_one("#field-measures-kind").set_value("罚款")
        facts.query_one("#field-measures-amount").set_value("20000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        basis = facts.query_one("#field-measures-basis")
        assert "法律依据" in basis.error and _on_screen(basis.query_one(".field-error"))
        basis.set_value("《中华人民共和国安全生产法》第九十九条第（一）项")
        await pilot.press("ctrl+s")
        await pilot.pause()
        m = demo_ws.load_case(cid).proposed[-1]
        assert m.kind == "罚款" and int(m.amount) == 20000 and m.basis[0].article == 99
        assert _journal(demo_ws, cid)[-1] == "录入拟处罚"

        # the saved party can be opened for editing and removed after confirming
        # round the tabs (证据, 案情, 记录) back to 当事人
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+o", "ctrl+o")
        await pilot.pause()
        assert facts.active() == "parties"
        lv = facts.query_one("#list-parties")
        lv.index = len(lv.children) - 1
        lv.focus()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert "清溪县好运来超市有限公司" in str(app.screen.query_one("#confirm-question").content)
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in demo_ws.load_case(cid).parties] == ["清溪县鑫盛五金制品有限公司"]
        assert _journal(demo_ws, cid)[-1] == "删除当事人"

        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen"


@pytest.mark.asyncio
async def test_transition_dialog_moves_the_case(demo_ws):
    from textual.widgets import ListView

    cid = "YJ-2026-003"
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_case(app, pilot, cid)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "TransitionScreen"
        lv = dialog.query_one("#moves", ListView)
        texts = [str(item.query_one("Label").content) for item in lv.children]
        assert texts[0].startswith("✓ 开始调查 → 调查中")
        assert "✗ 提交法制审核" in texts[1] and "不能：尚未录入拟处罚" in texts[1]
        # a blocked move says why and changes nothing
        lv.index = 1
        lv.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "现在不能“提交法制审核”" in str(dialog.query_one("#transition-error").content)
        assert demo_ws.load_case(cid).state == CaseState.OPENED
        # an allowed one asks first; n leaves the case as it was
        lv.index = 0
        await pilot.press("enter")
        await pilot.pause()
        assert "确认" in str(app.screen.query_one("#confirm-question").content)
        await pilot.press("n")
        await pilot.pause()
        assert demo_ws.load_case(cid).state == CaseState.OPENED
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen"
        assert demo_ws.load_case(cid).state == CaseState.INVESTIGATING
        assert _journal(demo_ws, cid)[-1] == "开始调查（已立案 → 调查中）"
        assert "调查中" in str(app.screen.query_one("#facts").content)


@pytest.mark.asyncio
async def test_serving_asks_the_method(demo_ws, tmp_path):
    """送达决定 on a decided case not yet served records a 送达 act with the chosen method."""
    from tui.application import Clock, Session

    session = Session(demo_ws, Clock(TODAY))
    cid = "ZR-2026-012"
    case = demo_ws.load_case(cid)
    case.acts = [a for a in case.acts if a.kind != ActKind.SERVICE]
    demo_ws.save_case(case, act="测试：去掉送达")
    assert next(o for o in session.entries.transitions(cid) if o.transition.id == "送达决定").allowed
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_case(app, pilot, cid)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        lv = dialog.query_one("#moves")
        lv.index = [i for i, item in enumerate(lv.children) if item.option.transition.id == "送达决定"][0]
        lv.focus()
        await pilot.pause()
        method = dialog.query_one("#field-method")
        assert method.display
        method.set_value("邮寄送达")
        await pilot.press("enter")
        await pilot.pause()
        assert "邮寄送达" in str(app.screen.query_one("#confirm-question").content)
        await pilot.press("y")
        await pilot.pause()
    served = demo_ws.load_case(cid).acts_of(ActKind.SERVICE)
    assert served[-1].date == TODAY and served[-1].method.value == "邮寄送达"
    assert _journal(demo_ws, cid)[-1] == "送达决定（已决定）"


@pytest.mark.asyncio
async def test_new_case_form_errors_under_their_fields_at_80x24(demo_ws):
    from textual.widgets import Input

    n = len(demo_ws.case_ids())
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#party", Input).value = "清溪县好运来超市有限公司"
        form.query_one("#party_id", Input).value = "123"
        form.query_one("#cause", Input).value = "销售过期食品"
        form.query_one("#filed", Input).value = "2027-05-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        pid, filed = form.query_one("#field-party_id"), form.query_one("#field-filed")
        assert "统一社会信用代码应为18位" in pid.error and "晚于今天" in filed.error
        # the first field in error has focus and its message is on screen
        assert form.focused is pid.widget and _on_screen(pid.query_one(".field-error"))
        assert len(demo_ws.case_ids()) == n
        form.query_one("#party_id", Input).value = GOOD_USCC
        form.query_one("#filed", Input).value = "2026-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert len(demo_ws.case_ids()) == n + 1
