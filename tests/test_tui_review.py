"""The reviewer's whole job on screen at 80×24 (issue 21, Deliver 3): open the round on the submitted
demo case, decide every finding (the opinion offers to walk the undecided ones), issue the opinion,
and after a resubmission see the carried decisions and what changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tui.textual_app.app import CasefileApp
from tests.pilot import settle

CASE = "SJ-2026-088"
TODAY = dt.date(2026, 11, 23)


_settle = settle


def _text(screen, selector: str) -> str:
    from textual.widgets import Label, Static

    w = screen.query_one(selector)
    return str(w.render()) if isinstance(w, (Label, Static)) else ""


def _journal(ws) -> list[str]:
    return [json.loads(l)["act"] for l in (ws.cases_dir / CASE / "journal.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.asyncio
async def test_reviewer_decides_every_finding_issues_and_sees_round_two(demo_ws):
    from textual.widgets import ListView

    from tui.textual_app.screens.review import ReviewScreen

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewScreen(CASE))
        await pilot.pause()
        review = app.screen
        # before any round: the proposed penalty and the latest acts, from the case's facts
        facts = _text(review, "#review-facts")
        assert "罚款150000元，依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项" in facts
        assert "没收违法所得4380元" in facts
        assert "2026-11-16 提交法制审核（王建国、李晓梅）" in facts
        await pilot.press("n")
        await _settle(app, pilot)
        r1 = review.round
        assert r1["round"] == 1 and "送审 2026-11-16" in _text(review, "#round-title")
        # findings by their rule's Chinese name, never its id
        items = review.query_one("#round-findings", ListView).children
        lines = [str(item.query_one("Label").render()) for item in items]
        assert any("[当事人信息一致｜事实/重大]" in line for line in lines)
        assert not any("F02-parties-agree" in line or "C01-required-documents" in line for line in lines)

        # i with everything 待定: refused, the walk offered instead; n declines and nothing is written
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert f"还有 {len(r1['findings'])} 条审核发现待定" in _text(app.screen, "#confirm-question")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is review and review.round["opinion"] is None
        # walk: override the party's code with a reason, accept the missing document; then issue
        party = next(f for f in r1["findings"] if f["rule"] == "F02-parties-agree")
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        walk = app.screen
        assert type(walk).__name__ == "WalkFindingsScreen"
        for f in r1["findings"]:
            assert f"{f['id']:>2}．[" in _text(walk, "#walk-finding")
            if f["id"] == party["id"]:
                await pilot.press("o")
                await pilot.press("enter")  # an empty reason is refused in place
                await pilot.pause()
                assert "必须写明理由" in _text(walk, "#walk-error")
                await pilot.press(*"当事人笔误")
                await pilot.press("enter")
            else:
                await pilot.press("a")
            await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "已全部处理" in _text(app.screen, "#confirm-question")
        await pilot.press("y")
        await _settle(app, pilot)
        opinion = review.round["opinion"]
        assert opinion is not None and opinion["conclusion"] == "存在问题" and opinion["submitted"] == "2026-11-16"
        assert (demo_ws.cases_dir / CASE / opinion["file"]).exists()
        decided = {f["id"]: (f["decision"], f["reason"]) for f in review.round["findings"]}
        assert decided[party["id"]] == ("override", "当事人笔误")
        assert all(d for d, _ in decided.values())
        # round 2 is refused until the handler resubmits
        await pilot.press("n")
        await _settle(app, pilot)
        assert review.round["round"] == 1

        # the handler revises a fact and resubmits (through the application layer)
        case = app.session.cases.load_case(CASE)
        case.violation.circumstances = ["主动召回"]
        demo_ws.save_case(case)
        app.session.review.resubmit(CASE)
        await pilot.press("n")
        await _settle(app, pilot)
        r2 = review.round
        assert r2["round"] == 2
        carried = next(f for f in r2["findings"] if f["rule"] == "F02-parties-agree" and f.get("carried_from"))
        assert (carried["decision"], carried["reason"], carried["carried_from"]) == ("override", "当事人笔误", 1)
        lines = [str(item.query_one("Label").render()) for item in review.query_one("#round-findings", ListView).children]
        assert any("不采纳：当事人笔误，沿用第1轮" in line for line in lines)
        changes = _text(review, "#changes")
        assert "与上一轮相比：" in changes and "事实·违法情节修改：（无） → 主动召回" in changes
        assert "事实·执法行为新增：" in changes and "未变化：" in changes and "沿用第1轮决定" in changes
        assert "acts" not in changes and "已解决：" not in changes  # nothing was fixed, nothing is called resolved
        # the side pane scrolls at 80×24 so the diff can be read to its end
        side = review.query_one("#review-side")
        assert side.max_scroll_y > 0
    acts = _journal(demo_ws)
    assert acts.count("开始法制审核") == 2 and "沿用上一轮审核决定" in acts and "出具法制审核意见" in acts


@pytest.mark.asyncio
async def test_added_finding_form_uses_the_library_checks(demo_ws):
    from textual.widgets import Input, Select

    from tui.textual_app.screens.review import ReviewScreen

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewScreen(CASE))
        await pilot.pause()
        review = app.screen
        await pilot.press("n")
        await _settle(app, pilot)
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        form.query_one("#message", Input).value = "听证笔录未载明申请回避权利的告知"
        form.query_one("#category", Select).value = "procedure"
        form.query_one("#severity", Select).value = "major"
        form.query_one("#basis", Input).value = "—"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "法律依据：必填" in _text(form, "#finding-errors") and app.screen is form
        form.query_one("#basis", Input).value = "《中华人民共和国行政处罚法》第六十四条"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = review.round["added"][-1]
        assert (added["basis"], added["decision"]) == ("《中华人民共和国行政处罚法》第六十四条", "accept")
