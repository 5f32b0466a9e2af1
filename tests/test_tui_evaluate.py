"""The 评查 screen at 80×24 (issue 31, item 6): reached from the case list with `e`, a folder of
real decisions evaluated in a worker with progress, a result read at its text, the report
written, and the history as charts — driven with Pilot on the demo workspace."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.test_tui_looks import internal_tokens, screen_text

TODAY = dt.date(2026, 11, 23)
DECISIONS = Path(__file__).resolve().parent / "data" / "decisions"
PRICE_CASE = "samr_22a0b6ef96f84592a0321480cadc5095.txt"  # 剑市监处罚〔2026〕30号


async def _settle(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.asyncio
async def test_evaluate_a_folder_read_a_result_and_write_the_report(demo_ws, tmp_path):
    from textual.widgets import DataTable, Input, ProgressBar, Static

    from tui.textual_app.app import CasefileApp
    from tui.textual_app.screens.evaluate import EvaluateScreen, ReadingScreen

    folder = tmp_path / "抽查"
    folder.mkdir()
    for name in (PRICE_CASE, "samr_a0a0e2858a9315cc018b40ba5fce4dd4.txt"):
        shutil.copy(DECISIONS / name, folder / name)
    before = sorted(p.name for p in demo_ws.cases_dir.iterdir())
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvaluateScreen)
        screen.query_one("#ev-paths", Input).value = str(folder)
        screen.query_one("#ev-cases", Input).value = "全部"
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        results = screen.evaluation.results
        assert len(results) == 2 + len(before)
        seen = {"评查结果": screen_text(app)}
        bar = screen.query_one("#progress", ProgressBar)
        assert bar.progress == bar.total
        table = screen.query_one("#ev-results", DataTable)
        assert table.has_focus and table.row_count == len(results)
        row = next(i for i, r in enumerate(results) if r.get("doc_no") == "剑市监处罚〔2026〕30号")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        # the finding, its passage marked in the document, and what a lone decision cannot show
        assert "复议前置" in reading.text and "【" in reading.text and "不扣分" in reading.text
        seen["逐件阅读"] = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        box = app.screen.query_one(Input)
        box.value = str(tmp_path / "报告" / "评查报告.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "报告" / "评查报告.docx").is_file()
        assert "已写出" in str(screen.query_one("#office-log", Static).render())
        await pilot.press("h")
        await pilot.pause()
        assert "按评查项目" in app.screen.text and "█" in app.screen.text
        seen["历次评查"] = screen_text(app)
    # what the 评查人员 reads is Chinese: no rule id, field name or English word on the three screens
    for name, text in seen.items():
        assert not internal_tokens(text, set(before)), f"{name}：{sorted(internal_tokens(text, set(before)))}\n{text}"
    assert sorted(p.name for p in demo_ws.cases_dir.iterdir()) == before
