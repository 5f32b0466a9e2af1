"""Keyboard and looks of the TUI (issue 21, deliver 5), driven with Pilot on the demo workspace:
Tab moves between panes and the focused one is marked, the palette finds and runs the screen's
actions by their Chinese names, `?` lists keys as a person writes them, nothing a person reads is an
internal code, the score total and the form's errors are on screen at 80×24, and rendering asks
before replacing a document."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)
CASE = "HB-2026-005"  # a seizure under investigation: documents rendered before, checkable


_settle = settle


def screen_text(app) -> str:
    """What the terminal shows now (the screen and any dialog over it), as plain text."""
    from rich.console import Console

    w, h = app.size
    console = Console(width=w, height=h, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def _open_case(app, pilot, case_id: str = CASE):
    table = app.screen.query_one("#cases")
    table.move_cursor(row=[str(r.value) for r in table.rows].index(case_id))
    await pilot.press("enter")
    await _settle(app, pilot)
    assert type(app.screen).__name__ == "CaseScreen" and app.screen.case_id == case_id
    return app.screen


def _pane_of(screen, widget):
    return next(p for p in screen.panes() if widget is p or p in widget.ancestors)


# -- Tab between panes, focus visible -------------------------------------------------------------
@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_tab_cycles_panes_and_marks_the_focused_one(demo_ws, size):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = await _open_case(app, pilot)
        order = ["tree", "doc-pane", "side"]
        seen = [_pane_of(screen, app.focused).id]
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(_pane_of(screen, app.focused).id)
        assert seen == order + ["tree"]  # Tab goes round the three panes and back
        await pilot.press("shift+tab")
        await pilot.pause()
        current = _pane_of(screen, app.focused)
        assert current.id == "side"
        # the focused pane is drawn differently: heavy accent border, the others a quiet round one
        assert current.styles.border_top[0] == "heavy"
        others = [p for p in screen.panes() if p is not current]
        assert all(p.styles.border_top[0] == "round" for p in others)
        assert current.styles.border_top[1] != others[0].styles.border_top[1]
        if size[0] < 100:  # one pane at a time, the whole width, saying which of three it is
            assert current.display and not any(p.display for p in others)
            assert current.region.width == size[0]
            assert "3/3" in screen_text(app)
        else:  # all three side by side, the document the widest
            assert all(p.display and p.region.width > 0 for p in screen.panes())
            widths = {p.id: p.region.width for p in screen.panes()}
            assert widths["doc-pane"] == max(widths.values())


@pytest.mark.asyncio
async def test_narrow_screen_shows_the_document_when_one_is_chosen(demo_ws):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await _open_case(app, pilot)
        tree = screen.query_one("#tree")
        node = next(n for n in tree.root.children[0].children if n.data == "docs/010-立案审批表.docx")
        tree.select_node(node)
        await _settle(app, pilot)
        assert screen.current_doc == "docs/010-立案审批表.docx"
        assert screen.query_one("#doc-pane").display and not tree.display
        assert "立案审批表" in screen_text(app)


# -- the command palette ----------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_palette_finds_and_runs_the_screens_action_by_its_chinese_name(demo_ws):
    from textual.command import CommandList, CommandPalette

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_case(app, pilot, "SJ-2026-088")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"评查")
        await pilot.pause(0.5)
        await _settle(app, pilot)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts and "评查计分" in prompts[0]
        await pilot.press("enter")
        await _settle(app, pilot)
        await _settle(app, pilot)
        # the case screen's action ran: the score sheet of SJ-2026-088 is open
        assert type(app.screen).__name__ == "TextScreen" and "清市监处罚〔2026〕88号" in app.screen.title_text
        assert "得分" in app.screen.pinned


@pytest.mark.asyncio
async def test_palette_lists_the_screen_under_it_in_chinese_only(demo_ws):
    from textual.command import CommandList

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await _settle(app, pilot)
        await pilot.pause(0.3)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        # the case list's own actions, and none of Textual's English built-ins
        assert any("新建案件" in p for p in prompts) and any("公示期限" in p for p in prompts)
        assert not any(w in p for p in prompts for w in ("Quit", "Theme", "Keys", "Screenshot"))
        await pilot.press(*"新建")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "NewCaseScreen"


# -- help -------------------------------------------------------------------------------------------
@pytest.mark.asyncio
async def test_help_lists_the_screens_keys_as_a_person_writes_them(demo_ws):
    from textual.widgets import DataTable

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_case(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        table = app.screen.query_one("#help-table", DataTable)
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert rows["?"] == "帮助" and rows["/"] == "检索" and rows["Tab"] == "下一窗格"
        assert rows["c"] == "运行审核" and rows["Esc"] == "返回"
        assert not {"question_mark", "slash", "escape", "tab"} & set(rows)
        assert all(re.search(r"[\u4e00-\u9fff]", d) for d in rows.values())
        assert "question_mark" not in screen_text(app)


# -- nothing a person reads is an internal code ---------------------------------------------------------
# What may legitimately be written in ASCII letters on screen, each for a reason:
KEY_WORDS = {"Esc", "Tab", "Shift", "Ctrl", "PgUp", "PgDn", "Home", "End", "Del"}  # key names (help, footer)
PRODUCT = {"casefile"}  # the program's name in the title bar
IDENTITY = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"  # 统一社会信用代码
                      r"|(?<!\d)\d{17}[\dXx](?!\d)")  # 居民身份证号码
FILE_NAME = re.compile(r"\S+\.(?:docx|pdf|txt)\b")  # a document's file name as it is on disk
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-\[\]]*")
WRAPPED = re.compile(r"([0-9A-Za-z])[ \t]*\n[\s▌│┃║]*([0-9A-Za-z])")


def internal_tokens(text: str, case_ids: set[str]) -> set[str]:
    """ASCII words on screen that are not a case id, a key, an identity number or a file name."""
    # a number or word the screen wrapped onto the next line is read whole (the pane's border and
    # indent between the halves dropped), so a wrapped 统一社会信用代码 is still recognised
    text = WRAPPED.sub(r"\1\2", text)
    text = FILE_NAME.sub(" ", IDENTITY.sub(" ", text))
    for cid in case_ids:
        text = text.replace(cid, " ")
    # a case id partly hidden under a dialog shows as its beginning
    return {t for t in TOKEN.findall(text)
            if len(t) > 1 and t not in KEY_WORDS | PRODUCT and not any(cid.startswith(t) for cid in case_ids)}


def test_the_whitelist_is_narrow():
    ids = {"HB-2026-005"}
    assert internal_tokens("HB-2026-005 清溪县 91331126MA2N8F6A1D docs/010-立案审批表.docx Esc 返回 c 运行审核", ids) == set()
    assert internal_tokens("代码为91331126MA2N8F6A1  \n ▌  D，与案件记载的不一致", ids) == set()  # wrapped at the pane's edge
    for code in ("decision（0.95）", "冲突：parties[1].name", "hearing_rights_notice", "L01-citations", "question_mark 帮助",
                 "类型：penalty_notice(2)", "agency:", "year:2024", "Focus Next"):
        assert internal_tokens(code, ids), code


@pytest.mark.asyncio
async def test_no_internal_code_on_the_main_screens(demo_ws):
    from tui.application import Clock, Session

    session = Session(demo_ws, Clock(TODAY))
    case_ids = {d.name for d in demo_ws.cases_dir.iterdir() if d.is_dir()}  # a case's id is its folder's name
    assert "SJ-2026-088" in case_ids
    app = CasefileApp(session)
    seen: dict[str, str] = {}

    def look(name: str) -> None:
        seen[name] = screen_text(app)

    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        look("案件列表")
        await pilot.press("question_mark")
        await pilot.pause()
        look("帮助")
        await pilot.press("escape", "p")
        await pilot.pause()
        look("公示期限")
        await pilot.press("escape", "n", "ctrl+s")
        await pilot.pause()
        look("新建案件（有错误）")
        await pilot.press("escape")
        await pilot.pause()
        screen = await _open_case(app, pilot, "SJ-2026-088")
        look("案件：材料")
        await pilot.press("c")
        await _settle(app, pilot)
        look("案件：审核发现")
        finding = next(i for i, f in enumerate(sorted(screen.findings, key=lambda f: f["category"])) if f["evidence"])
        screen.query_one("#findings").index = finding
        await pilot.press("enter")
        await _settle(app, pilot)
        look("案件：文书")
        await pilot.press("ctrl+p", *"审核")
        await pilot.pause(0.5)
        look("命令面板")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await _settle(app, pilot)
        look("评查计分表")
        await pilot.press("escape", "d")
        await pilot.pause()
        look("生成文书")
        await pilot.press("escape", "r")
        await _settle(app, pilot)
        look("法制审核")
        await pilot.press("escape", "escape", "slash", *"听证", "enter")
        await _settle(app, pilot)
        look("检索")
    for name, text in seen.items():
        assert text.strip(), name
        assert not internal_tokens(text, case_ids), f"{name}：{sorted(internal_tokens(text, case_ids))}\n{text}"
    assert len(seen) == 12


# -- nothing important cut at 80×24 -----------------------------------------------------------------
def _on_screen(app, widget) -> bool:
    r = widget.region
    return widget.display and r.height > 0 and r.y >= 0 and r.bottom <= app.size.height and r.right <= app.size.width


@pytest.mark.asyncio
async def test_score_total_and_form_errors_are_on_screen_at_80x24(demo_ws):
    from textual.widgets import Static

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "ctrl+s")
        await pilot.pause()
        errors = app.screen.query_one("#errors", Static)
        assert _on_screen(app, errors) and errors.region.height >= 3  # the headline and both fields
        assert "当事人" in screen_text(app) and "案由" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await _open_case(app, pilot, "SJ-2026-088")
        await pilot.press("e")
        await _settle(app, pilot)
        total = app.screen.query_one("#text-pinned", Static)
        assert _on_screen(app, total) and "得分：" in screen_text(app)


@pytest.mark.asyncio
async def test_case_list_shows_whole_party_names_at_80x24(demo_ws):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        text = screen_text(app)
        for c in app.screen.cases:
            assert c.party in text, c.party
    async with CasefileApp(demo_ws, TODAY).run_test(size=(120, 40)) as pilot:
        await _settle(pilot.app, pilot)
        text = screen_text(pilot.app)  # wide: the 文号 column as well
        assert all(c.party in text and c.summary["number"] in text for c in pilot.app.screen.cases)


# -- rendering asks before replacing a document --------------------------------------------------------
def test_render_would_overwrite_names_the_file(demo_ws):
    from tui.application import Clock, Session

    s = Session(demo_ws, Clock(TODAY))
    assert s.documents.render_would_overwrite(CASE, "filing_approval") == "docs/010-立案审批表.docx"
    assert s.documents.render_would_overwrite(CASE, "penalty_notice") == ""  # never rendered for this case
    # a document changed outside casefile is kept (the new one goes beside it): nothing is replaced
    path = demo_ws.cases_dir / CASE / "docs" / "010-立案审批表.docx"
    path.write_bytes(path.read_bytes() + b"\0")
    assert s.documents.render_would_overwrite(CASE, "filing_approval") == ""


async def _choose(app, pilot, name: str):
    lv = app.screen.query_one("#types")
    lv.index = next(i for i, item in enumerate(lv.children) if item.code == name)
    await pilot.press("enter")
    await _settle(app, pilot)


@pytest.mark.asyncio
async def test_render_asks_before_overwriting_and_cancel_keeps_the_file(demo_ws):
    from textual.widgets import Static

    path = demo_ws.cases_dir / CASE / "docs" / "010-立案审批表.docx"
    before = path.read_bytes()
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_case(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        render = app.screen
        await _choose(app, pilot, "filing_approval")
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "docs/010-立案审批表.docx" in screen_text(app) and "覆盖" in screen_text(app)
        await pilot.press("escape")
        await _settle(app, pilot)
        assert app.screen is render and path.read_bytes() == before
        assert "保持不变" in str(render.query_one("#render-result", Static).render())
        # Enter on the default button is the safe answer too
        await _choose(app, pilot, "filing_approval")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is render and path.read_bytes() == before
        # y replaces it, and says so
        await _choose(app, pilot, "filing_approval")
        await pilot.press("y")
        await _settle(app, pilot)
        assert "已重新生成 docs/010-立案审批表.docx" in str(render.query_one("#render-result", Static).render())
        journal = (demo_ws.cases_dir / CASE / "journal.jsonl")
        assert journal.exists() and "010-立案审批表.docx" in journal.read_text(encoding="utf-8").splitlines()[-1]


@pytest.mark.asyncio
async def test_render_refusal_names_missing_facts_in_chinese(demo_ws):
    from textual.widgets import Static

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_case(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await _choose(app, pilot, "penalty_notice")  # the case has no proposed penalty nor 告知 yet
        shown = str(app.screen.query_one("#render-result", Static).render())
        assert "拟处罚内容" in shown and "告知日期" in shown
        assert not internal_tokens(shown, {CASE}), shown
    assert not (demo_ws.cases_dir / CASE / "docs" / "040-行政处罚告知书.docx").exists()


def test_names_for_codes_a_person_would_otherwise_read():
    from tui.application import doc_type_name, facet_value_name, field_label, rule_title, without_file_hints

    assert doc_type_name("penalty_notice") == "行政处罚告知书" and facet_value_name("doc_type", "decision") == "行政处罚决定书"
    assert facet_value_name("agency", "清溪县市场监督管理局") == "清溪县市场监督管理局"
    assert field_label("parties[1].name") == "当事人名称"
    assert rule_title("P06-officers") == "执法人员资格" and rule_title("L01-citations") == "法律条文引用"
    assert without_file_hints("拟处罚内容（proposed）；法律依据（《行政处罚法》第四十条）") == "拟处罚内容；法律依据（《行政处罚法》第四十条）"


@pytest.mark.asyncio
async def test_focus_is_visible_outside_panes_too(demo_ws):
    from textual.widgets import DataTable, Input

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#cases", DataTable)
        assert app.focused is table
        focused_bar = table.styles.border_left
        await pilot.press("f")  # the filter box takes the focus: the list's bar goes quiet
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert focused_bar[0] == "outer" and table.styles.border_left != focused_bar
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is table and table.styles.border_left == focused_bar


@pytest.mark.asyncio
async def test_highlighted_document_name_shown_in_full(demo_ws):
    from textual.widgets import Static, Tree

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await _open_case(app, pilot, "SJ-2026-088")
        tree = screen.query_one("#tree", Tree)
        missing = next(n for v in tree.root.children for n in v.children if str(n.label).startswith("✗"))
        tree.move_cursor(missing)
        await pilot.pause()
        status = str(screen.query_one("#status", Static).render())
        assert status.startswith(str(missing.label)) and "先行登记保存物品处理决定书" in status
