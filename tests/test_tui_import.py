"""The import picker driven with Pilot at 80×24 (issue 21, item 1): type a path, go to the
parent, preview, confirm, read the results, undo — asserting on the case folder, the
journal and the widgets."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)
DATA = Path(__file__).parent / "data"
CASE = "YJ-2026-003"


_settle = settle


async def _open_importer(app, pilot):
    from textual.widgets import DataTable

    await pilot.pause()
    table = app.screen.query_one("#cases", DataTable)
    table.move_cursor(row=[str(r.value) for r in table.rows].index(CASE))
    await pilot.press("enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "CaseScreen"
    await pilot.press("i")
    await pilot.pause()
    screen = app.screen
    assert type(screen).__name__ == "ImporterScreen"
    return screen


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "材料"
    shutil.copytree(DATA / "dossiers" / "correct_market_ordinary_table", f / "案卷")
    shutil.copy(DATA / "import" / "samr_006133a8cb66a995c8fa5de583fa6584.txt", f / "参考决定书.txt")
    return f


def _docs(ws) -> set[str]:
    return {p.name for p in (ws.cases_dir / CASE / "docs").iterdir()}


@pytest.mark.asyncio
async def test_picker_path_parent_preview_confirm_results_undo(demo_ws, folder):
    from textual.widgets import DataTable, Input, ListView, Static

    from casefile.chain import journal
    before_docs = _docs(demo_ws)
    before_case = demo_ws.load_case(CASE)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_importer(app, pilot)
        # type a path into the box (the dossier folder) and go there
        await pilot.press("ctrl+l")
        box = screen.query_one("#path", Input)
        box.value = ""
        await pilot.press(*str(folder / "案卷"))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.folder == folder / "案卷" and screen.mode == "browse"
        names = [item.text for item in screen.query_one("#browse", ListView).children]
        assert "01立案审批表.docx" in names and len([n for n in names if n.endswith(".docx")]) == 10
        # the parent, above the folder the path named
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.folder == folder
        names = [item.text for item in screen.query_one("#browse", ListView).children]
        assert names[0].startswith("..") and "案卷/" in names and "参考决定书.txt" in names
        # nothing is imported by moving around; p previews the whole folder, writing nothing
        await pilot.press("p")
        await _settle(app, pilot)
        assert screen.mode == "preview" and _docs(demo_ws) == before_docs
        table = screen.query_one("#table", DataTable)
        assert table.row_count == 11
        rows = {table.get_row_at(i)[1]: table.get_row_at(i) for i in range(table.row_count)}
        assert rows["01立案审批表.docx"][2] == "立案审批表" and rows["参考决定书.txt"][2] == "行政处罚决定书"
        # the two decisions the preview marks as another case's start unselected; Space takes them in
        summary = str(screen.query_one("#import-summary", Static).render())
        assert "将导入 9 个文件" in summary and "2 个疑属其他案件（默认不导入）" in summary
        names = [table.get_row_at(i)[1] for i in range(table.row_count)]
        table.focus()
        for i, row in enumerate(table.get_row_at(i) for i in range(table.row_count)):
            if row[0] == "不导入":
                table.move_cursor(row=i)
                await pilot.press("space")
                await pilot.pause()
        assert "将导入 11 个文件" in str(screen.query_one("#import-summary", Static).render())
        # i asks before a folder; n declines and nothing happens
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen" and "11 个文件" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and _docs(demo_ws) == before_docs
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        # the decisions' facts are shown, and recorded only when asked for
        assert type(app.screen).__name__ == "ConfirmScreen" and "记录决定" in app.screen.question
        await pilot.press("y")
        await _settle(app, pilot)
        assert screen.mode == "results"
        assert len(_docs(demo_ws) - before_docs) == 11
        results = [screen.query_one("#table", DataTable).get_row_at(i) for i in range(screen.query_one("#table", DataTable).row_count)]
        imported = [r for r in results if r[0] == "已导入"]
        assert len(imported) == 11 and any(r[1] == "14行政处罚决定书.docx" and r[2] == "行政处罚决定书" for r in imported)
        summary = str(screen.query_one("#import-summary", Static).render())
        assert "已导入 11 个" in summary and "第 1 次导入" in summary
        # 撤销本次导入, after a confirmation
        await pilot.press("z")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen" and "撤销第 1 次导入" in app.screen.question
        await pilot.press("y")
        await _settle(app, pilot)
        assert _docs(demo_ws) == before_docs
        assert "已撤销第 1 次导入：删除文书 11 份" in str(screen.query_one("#import-summary", Static).render())
    after = demo_ws.load_case(CASE)
    assert after.state == before_case.state and after.acts == before_case.acts and after.decided == before_case.decided
    assert any(e["act"].startswith("撤销导入（第1次") for e in journal.read(demo_ws.cases_dir / CASE))


@pytest.mark.asyncio
async def test_a_workspace_path_is_refused_next_to_the_box(demo_ws):
    from textual.widgets import Input, Static

    before = _docs(demo_ws)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_importer(app, pilot)
        screen.query_one("#path", Input).value = str(demo_ws.cases_dir / "SJ-2026-088")
        screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        # the folder can be looked at, with the warning shown; previewing it is refused
        await pilot.press("p")
        await _settle(app, pilot)
        error = str(screen.query_one("#path-error", Static).render())
        assert "不能导入" in error and "SJ-2026-088" in error
        assert screen.mode == "browse" and _docs(demo_ws) == before
        # a path that does not exist, and ~ expanded
        screen.query_one("#path", Input).value = "/没有这个目录/材料"
        screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "不存在" in str(screen.query_one("#path-error", Static).render())
        screen.query_one("#path", Input).value = "~"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.folder == Path.home()


@pytest.mark.asyncio
async def test_marked_files_and_undo_from_the_case_screen(demo_ws, folder):
    from textual.widgets import ListView

    from casefile.chain import journal
    before = _docs(demo_ws)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_importer(app, pilot)
        screen.show_folder(folder / "案卷")
        await pilot.pause()
        lv = screen.query_one("#browse", ListView)
        for name in ("01立案审批表.docx", "02现场检查笔录.docx"):
            lv.index = [i.text for i in lv.children].index(name)
            await pilot.press("space")
        await pilot.press("p")
        await _settle(app, pilot)
        assert len(screen.preview.to_import) == 2
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # several files: confirmed too
        await _settle(app, pilot)
        assert _docs(demo_ws) - before == {"01立案审批表.docx", "02现场检查笔录.docx"}
        await pilot.press("escape")  # results → the folder
        await pilot.press("escape")  # → the case screen
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen"
        await pilot.press("z")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen" and "02现场检查笔录.docx" in app.screen.detail
        await pilot.press("y")
        await _settle(app, pilot)
        assert _docs(demo_ws) == before
    assert any(e["act"].startswith("撤销导入") for e in journal.read(demo_ws.cases_dir / CASE))


@pytest.mark.asyncio
async def test_x_cancels_a_running_import_and_keeps_what_was_read(demo_ws, folder):
    """The import waits on its second file until the person presses x: the file being read then
    finishes, the rest are listed as cancelled, and nothing is left half-done."""
    import threading
    import time

    from textual.widgets import DataTable

    from tui.application import Clock, Session

    session = Session(demo_ws, Clock(TODAY))
    real = session.imports.import_files
    second = threading.Event()

    def slow_import(case_ref, paths, *, progress=None, cancelled=None, include_other_cases=False, fill_decision=True):
        def progress_then_wait(i, n, name):
            progress(i, n, name)
            if i == 2:
                second.set()
                deadline = time.monotonic() + 10
                while not cancelled() and time.monotonic() < deadline:
                    time.sleep(0.02)

        return real(case_ref, paths, progress=progress_then_wait, cancelled=cancelled, include_other_cases=include_other_cases,
                    fill_decision=fill_decision)

    session.imports.import_files = slow_import
    before = _docs(demo_ws)
    app = CasefileApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_importer(app, pilot)
        screen.show_folder(folder / "案卷")
        await pilot.pause()
        await pilot.press("p")
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("y")
        for _ in range(200):
            await pilot.pause(0.05)
            if second.is_set():
                break
        assert screen.mode == "running"
        await pilot.press("x")
        await _settle(app, pilot)
        assert screen.mode == "results"
        table = screen.query_one("#table", DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[1] for r in rows if r[0] == "已导入"] == ["01立案审批表.docx", "02现场检查笔录.docx"]
        # 9 taken (the decision the preview marks as another case's starts unselected): 2 read, 7 cancelled
        assert len([r for r in rows if r[0] == "失败" and "导入已取消" in r[3]]) == 7
    assert _docs(demo_ws) - before == {"01立案审批表.docx", "02现场检查笔录.docx"}


@pytest.mark.asyncio
async def test_preview_warns_when_the_papers_are_another_case_types(demo_ws, tmp_path):
    """Issue 28: an audit's papers previewed for a penalty case are named as such before anything is imported."""
    from textual.widgets import Input, Static

    audit = tmp_path / "审计案卷"
    shutil.copytree(DATA / "dossiers_types" / "audit_hospital_correct", audit)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_importer(app, pilot)
        await pilot.press("ctrl+l")
        screen.query_one("#path", Input).value = ""
        await pilot.press(*str(audit))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await _settle(app, pilot)
        summary = str(screen.query_one("#import-summary", Static).render())
        assert screen.mode == "preview" and "⚠" in summary and "审计案件" in summary and "行政处罚案件" in summary
