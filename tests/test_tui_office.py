"""The records office on screen at 80×24 (issue 21, item 4): 公示 export/publish/withdraw,
统计, 案卷导出, 全过程记录 with verify, the law library and its imports, 档案索引 — driven with
Pilot on the demo workspace and checked against the files, the case and its journal."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casefile.chain import journal
from casefile.model import ActKind
from tui.application import Session, article_key, journal_summary
from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)
SIZE = (80, 24)
DATA = Path(__file__).resolve().parent / "data"


_settle = settle


async def _answer(pilot, app, text: str | None):
    """Fill the AskScreen/ReasonScreen on top with ``text`` and confirm."""
    from textual.widgets import Input

    await pilot.pause()
    box = app.screen.query_one(Input)
    if text is not None:
        box.value = text
    box.focus()
    await pilot.press("enter")
    await pilot.pause()


def _row_keys(table) -> list[str]:
    return [str(k.value) for k in table.rows]


def _last_acts(ws, case_id: str, n: int = 2) -> list[str]:
    return [e["act"] for e in journal.read(ws.cases_dir / case_id)[-n:]]


# -- 公示 -------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_publicity_export_publish_withdraw(demo_ws, tmp_path):
    from textual.widgets import DataTable, Static

    app = CasefileApp(demo_ws, TODAY)
    out = tmp_path / "公示文本"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cases = app.screen.query_one("#cases", DataTable)
        cases.move_cursor(row=_row_keys(cases).index("ZR-2026-012"))
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PublicityScreen"
        dues = screen.query_one("#dues", DataTable)
        # the overdue decision is listed with its status, and the highlighted case is the one chosen
        row = dues.get_row_at(dues.cursor_row)
        assert row[0] == "ZR-2026-012" and row[3] == "已逾期"
        assert "已逾期 1 项" in str(screen.query_one("#pub-title").render())

        await pilot.press("e")
        await _answer(pilot, app, str(out))
        await _settle(app, pilot)
        txt = out / "ZR-2026-012-公示.txt"
        assert txt.exists() and (out / "ZR-2026-012-公示.docx").exists()
        public = txt.read_text(encoding="utf-8")
        # a natural person's ID number never reaches the public text
        case = demo_ws.load_case("ZR-2026-012")
        assert case.party.id_number and case.party.id_number not in public
        assert "执法机关" in public and "清自然资罚〔2026〕12号" in public
        assert "生成公示文本" in _last_acts(demo_ws, "ZR-2026-012", 1)
        assert str(txt) in str(screen.query_one("#office-log", Static).render())

        # a publication date in the future is refused, nothing recorded
        await pilot.press("p")
        await _answer(pilot, app, "2026-11-30")
        assert type(app.screen).__name__ == "PublicityScreen"
        assert "晚于今天" in str(screen.query_one("#office-log", Static).render())
        assert not demo_ws.load_case("ZR-2026-012").acts_of(ActKind.PUBLICATION)
        await pilot.press("p")
        await _answer(pilot, app, "2026-11-20")
        await _answer(pilot, app, "清溪县人民政府门户网站")
        case = demo_ws.load_case("ZR-2026-012")
        pubs = case.acts_of(ActKind.PUBLICATION)
        assert [(a.date, a.note) for a in pubs] == [(dt.date(2026, 11, 20), "清溪县人民政府门户网站")]
        assert _last_acts(demo_ws, "ZR-2026-012", 1) == ["公示"]
        row = dues.get_row_at(dues.cursor_row)
        assert row[0] == "ZR-2026-012" and row[3] == "已公示"

        # withdrawal needs a reason: an empty one is refused, the dialog stays
        await pilot.press("w")
        await _answer(pilot, app, "")
        assert type(app.screen).__name__ == "ReasonScreen"
        await _answer(pilot, app, "复议决定撤销原处罚决定")
        await _answer(pilot, app, None)  # the date as offered: today
        assert type(app.screen).__name__ == "PublicityScreen"
        case = demo_ws.load_case("ZR-2026-012")
        assert [(a.date, a.note) for a in case.acts_of(ActKind.WITHDRAWAL)] == [(TODAY, "复议决定撤销原处罚决定")]
        assert _last_acts(demo_ws, "ZR-2026-012", 1) == ["撤回公示"]
        assert "撤回：2026-11-23（复议决定撤销原处罚决定）" in str(screen.query_one("#pub-detail").render())

        # the 事前公开 registers, written where the clerk says
        regs = tmp_path / "事前公开"
        dues.move_cursor(row=next(i for i, k in enumerate(_row_keys(dues)) if k.startswith("|")))
        await pilot.press("r")
        await _answer(pilot, app, str(regs))
        await _settle(app, pilot)
        assert len(list(regs.glob("*.xlsx"))) == 4
        assert "已生成 4 份清单" in str(screen.query_one("#office-log", Static).render())
        # … and beside them each 事项's 执法流程图 and 服务指南, drawn from its declared procedure
        assert len(list(regs.glob("*-执法流程图.svg"))) == len(list(regs.glob("*-服务指南.docx"))) == 5
        assert "食品经营许可：服务指南 食品经营许可-服务指南.docx" in str(screen.query_one("#office-log", Static).render())


@pytest.mark.asyncio
async def test_publicity_refuses_an_undecided_case(demo_ws, tmp_path):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from textual.widgets import DataTable

        cases = app.screen.query_one("#cases", DataTable)
        cases.move_cursor(row=_row_keys(cases).index("YJ-2026-003"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("u")  # from the case screen: this case
        await pilot.pause()
        screen = app.screen
        assert screen.status.case == "YJ-2026-003"
        assert "尚未作出决定" in str(screen.query_one("#pub-detail").render())
        before = len(journal.read(demo_ws.cases_dir / "YJ-2026-003"))
        await pilot.press("e")
        await pilot.press("p")
        await pilot.pause()
        assert type(app.screen).__name__ == "PublicityScreen"  # no dialog opened
        assert len(journal.read(demo_ws.cases_dir / "YJ-2026-003")) == before
        assert not demo_ws.load_case("YJ-2026-003").acts_of(ActKind.PUBLICATION)


# -- 统计 -------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_stats_table_equals_application_stats(demo_ws, tmp_path):
    from textual.widgets import DataTable, Static

    session = Session.open(demo_ws.root, TODAY)
    want = [(k, str(v)) for k, v in session.records.stats_rows(session.records.annual_stats(2026))]
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        t = screen.query_one("#stats-table", DataTable)
        got = [tuple(str(c) for c in t.get_row_at(i)) for i in range(t.row_count)]
        assert got == want
        assert ("案件总数", "8") in got
        chart = str(screen.query_one("#stats-chart", Static).render())
        assert "按执法类型" in chart and "█" in chart
        # the table fits beside the chart at 80 columns: every row label is visible
        assert t.region.width >= 20 and t.region.right <= 80
        # another year with [: its own numbers (the demo has no case in 2025)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.year == 2025
        got25 = [tuple(str(c) for c in t.get_row_at(i)) for i in range(t.row_count)]
        assert got25 == [(k, str(v)) for k, v in session.records.stats_rows(session.records.annual_stats(2025))]
        assert ("案件总数", "0") in got25
        await pilot.press("right_square_bracket")
        await pilot.pause()
        # export to .csv: the numbers in the file are the year's
        dest = tmp_path / "stats" / "2026.csv"
        await pilot.press("x")
        await _answer(pilot, app, str(dest))
        text = dest.read_text(encoding="utf-8-sig")
        assert "案件总数" in text and "78621" in text
        # a file the statistics cannot be written as is refused in Chinese
        await pilot.press("x")
        await _answer(pilot, app, str(tmp_path / "stats.pdf"))
        assert "只能另存为 .csv 或 .docx" in str(screen.query_one("#office-log", Static).render())
        assert not (tmp_path / "stats.pdf").exists()


# -- 案卷导出 ----------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_dossier_export_writes_package_and_print(demo_ws, tmp_path, monkeypatch):
    from textual.widgets import DataTable, Input, Static

    from casefile.output import pages
    monkeypatch.setattr(pages, "soffice", lambda: None)  # no LibreOffice: .docx only, said in Chinese
    out = tmp_path / "导出"
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cases = app.screen.query_one("#cases", DataTable)
        cases.move_cursor(row=_row_keys(cases).index("SJ-2026-037"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "DossierExportScreen"
        assert "未安装 LibreOffice" in str(screen.query_one("#dossier-plan", Static).render())
        screen.query_one("#dossier-folder", Input).value = str(out)
        await pilot.press("e")
        await _settle(app, pilot)
        zip_path = out / "SJ-2026-037-案卷包.zip"
        docx = out / "SJ-2026-037-案卷打印.docx"
        assert zip_path.exists() and docx.exists()
        import zipfile

        with zipfile.ZipFile(zip_path) as z:
            manifest = json.loads(z.read("manifest.json"))
        assert manifest and screen.result.export["files"] > 5
        log = str(screen.query_one("#office-log", Static).render())
        assert str(docx) in log and "未安装 LibreOffice" in log
        # the 卷内目录 was rendered into the case and journaled
        acts = [e["changes"].get("doc_type") for e in journal.read(demo_ws.cases_dir / "SJ-2026-037") if e["act"] == "生成文书"]
        assert "toc" in acts or "卷内目录" in json.dumps(journal.read(demo_ws.cases_dir / "SJ-2026-037"), ensure_ascii=False)


# -- 全过程记录 --------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_journal_view_filter_and_verify(demo_ws):
    from textual.widgets import DataTable

    session = Session.open(demo_ws.root, TODAY)
    total = len(session.records.journal_entries().entries)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        t = screen.query_one("#journal-table", DataTable)
        assert len(screen.entries) == total and t.row_count == min(total, 200)
        first = t.get_row_at(0)
        assert first[1] in demo_ws.case_ids() and first[2]  # case and actor
        # filter to one case by its 文号
        await pilot.press("f")
        await _answer(pilot, app, "清自然资罚〔2026〕12号")
        assert screen.case_id == "ZR-2026-012"
        mine = journal.read(demo_ws.cases_dir / "ZR-2026-012")
        assert t.row_count == len(mine)
        assert {t.get_row_at(i)[1] for i in range(t.row_count)} == {"ZR-2026-012"}
        assert t.get_row_at(t.row_count - 1)[4] == journal_summary(mine[-1]).replace("docs/", "")
        # verify: intact on the demo
        await pilot.press("f")
        await _answer(pilot, app, "")
        await pilot.press("v")
        await _settle(app, pilot)
        assert screen.verdict["ok"] and screen.verdict["cases"] == len(demo_ws.case_ids())
        assert "哈希链完整" in str(screen.query_one("#office-log").render())
        # tamper with a document behind casefile's back: verify names the case and the file
        doc = next((demo_ws.cases_dir / "ZR-2026-012" / "docs").glob("*决定书*.docx"))
        doc.write_bytes(doc.read_bytes() + b"tampered")
        await pilot.press("v")
        await _settle(app, pilot)
        assert not screen.verdict["ok"] and list(screen.verdict["breaks"]) == ["ZR-2026-012"]
        log = str(screen.query_one("#office-log").render())
        assert "✗" in log and "ZR-2026-012" in log and doc.name in log


# -- 法律法规 ----------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_law_opens_at_an_article(demo_ws):
    from textual.widgets import DataTable, Static

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        lib = app.screen
        t = lib.query_one("#law-table", DataTable)
        names = _row_keys(t)
        assert "中华人民共和国行政处罚法" in names and t.row_count == len(lib.laws)
        await pilot.press("f")
        await _answer(pilot, app, "行政处罚法")
        assert _row_keys(t)[0] == "中华人民共和国行政处罚法"
        t.focus()
        await pilot.press("enter")
        await pilot.pause()
        law = app.screen
        assert type(law).__name__ == "LawScreen" and law.law.name == "中华人民共和国行政处罚法"
        await pilot.press("a")
        await _answer(pilot, app, "第二十八条")
        await pilot.pause()
        assert law.current == "28"
        area = law.query_one("#law-text")
        # the article is selected, from its number to its last paragraph, and nothing of the next
        assert area.selected_text.startswith("第二十八条 行政机关实施行政处罚时，应当责令当事人改正")
        assert "违法所得" in area.selected_text and "第二十九条" not in area.selected_text
        # and it is on screen, at the top of the scrolled text, inside the 24 rows
        y = area.wrapped_document.location_to_offset(area.selection.end).y
        assert area.scroll_y > 0 and area.scroll_y <= y < area.scroll_y + area.size.height
        # a number the law does not have
        await pilot.press("a")
        await _answer(pilot, app, "第九百条")
        assert law.current == "28" and area.selected_text.startswith("第二十八条")


@pytest.mark.asyncio
async def test_law_import_lists_every_file(demo_ws, tmp_path):
    from textual.widgets import Static

    src = tmp_path / "laws"
    shutil.copytree(DATA / "laws_import", src)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        lib = app.screen
        before = len(lib.laws)
        await pilot.press("i")
        await _answer(pilot, app, str(src))
        await _settle(app, pilot)
        r = lib.import_result
        files = {f["file"]: f for f in r["files"]}
        assert set(files) == {"说明.txt", "清溪县烟花爆竹安全管理办法_20240301.txt"}
        assert files["说明.txt"]["skipped"] and files["清溪县烟花爆竹安全管理办法_20240301.txt"]["articles"] == 3
        log = str(lib.query_one("#office-log", Static).render())
        assert "✗ 说明.txt" in log and "✓ 清溪县烟花爆竹安全管理办法_20240301.txt" in log
        assert len(lib.laws) == before + 1
        row = next(x for x in lib.laws if x.name == "清溪县烟花爆竹安全管理办法")
        assert row.origin == "导入" and row.versions == ["2024-03-01"]
    # the imported regulation reads with its words
    art = Session.open(demo_ws.root, TODAY).records.law_articles("清溪县烟花爆竹安全管理办法")
    assert [a["key"] for a in art.articles] == ["1", "2", "3"] and "禁止燃放" in art.articles[1]["text"]


@pytest.mark.asyncio
async def test_package_import_from_the_law_screen(demo_ws, tmp_path):
    from textual.widgets import Static

    session = Session.open(demo_ws.root, TODAY)
    pkg = tmp_path / "SJ-2026-101.zip"
    session.documents.export_package("SJ-2026-101", pkg)
    other = tmp_path / "other"
    shutil.copytree(demo_ws.root, other)
    shutil.rmtree(other / "cases" / "SJ-2026-101")
    from casefile.store.workspace import Workspace

    ws2 = Workspace.open(other)
    app = CasefileApp(ws2, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("k")
        await _answer(pilot, app, str(pkg))
        await _settle(app, pilot)
        lib = app.screen
        assert lib.import_result["case"] == "SJ-2026-101"
        assert "已导入案件 SJ-2026-101" in str(lib.query_one("#office-log", Static).render())
    assert ws2.load_case("SJ-2026-101").number == "清市监简罚〔2026〕101号"


def test_article_numbers_as_typed():
    assert article_key("28") == "28"
    assert article_key("第二十八条") == "28"
    assert article_key(" 第 28 条 ") == "28"
    assert article_key("第十条之一") == "10-1"
    assert article_key("10-1") == "10-1"
    assert article_key("行政处罚法") == ""


# -- 档案索引 ----------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_archive_index_with_progress(demo_ws, tmp_path):
    from textual.widgets import Input, ProgressBar, Static

    archive = tmp_path / "2019年档案"
    archive.mkdir()
    for f in sorted((DATA / "samr" / "txt").glob("*.txt"))[:3]:
        shutil.copy(f, archive / f.name)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        box = screen.query_one("#archive-folder", Input)
        box.value = str(archive)
        await pilot.press("enter")
        await _settle(app, pilot)
        r = screen.result
        assert r["added"] == 3 and not r.get("errors")
        bar = screen.query_one("#progress", ProgressBar)
        assert bar.progress == bar.total
        log = str(screen.query_one("#office-log", Static).render())
        assert "档案“2019年档案”已索引：新增或更新 3 份" in log and "archive" not in log
    # the archive's files are found by search, beside the cases' documents
    names = {f.name for f in archive.iterdir()}
    hits = Session.open(demo_ws.root, TODAY).search.search("行政处罚决定书")["hits"]
    assert names <= {h["doc"] for h in hits}


# -- keys and looks ------------------------------------------------------------------------

def test_office_bindings_have_ids_and_chinese_descriptions():
    from tui.textual_app.screens.archive import ArchiveIndexScreen
    from tui.textual_app.screens.case import CaseScreen
    from tui.textual_app.screens.cases import CaseListScreen
    from tui.textual_app.screens.dossier_export import DossierExportScreen
    from tui.textual_app.screens.journal import JournalScreen
    from tui.textual_app.screens.laws import LawLibraryScreen, LawScreen
    from tui.textual_app.screens.publicity import PublicityScreen
    from tui.textual_app.screens.stats import StatsScreen

    for screen in (CaseListScreen, CaseScreen, PublicityScreen, StatsScreen, DossierExportScreen, JournalScreen,
                   LawLibraryScreen, LawScreen, ArchiveIndexScreen):
        keys = [b.key for b in screen.BINDINGS]
        assert len(keys) == len(set(keys)), screen.__name__
        for b in screen.BINDINGS:
            assert b.id and b.description and not b.description.isascii(), (screen.__name__, b.key)


@pytest.mark.asyncio
async def test_export_to_a_folder_that_cannot_be_made_is_said_in_chinese(demo_ws, tmp_path):
    from textual.widgets import DataTable, Static

    blocker = tmp_path / "不是文件夹.txt"
    blocker.write_text("占位", encoding="utf-8")
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cases = app.screen.query_one("#cases", DataTable)
        cases.move_cursor(row=_row_keys(cases).index("ZR-2026-012"))
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        await pilot.press("e")
        await _answer(pilot, app, str(blocker / "公示"))
        await _settle(app, pilot)
        assert app.is_running and app.screen is screen
        log = str(screen.query_one("#office-log", Static).render())
        assert log.startswith("未能导出：无法读写") and "不是文件夹.txt" in log
    assert "生成公示文本" not in [e["act"] for e in journal.read(demo_ws.cases_dir / "ZR-2026-012")]
