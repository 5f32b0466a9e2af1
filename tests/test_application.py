"""The application layer under both front ends (issue 14 §3, issue 21 §2-3): one case-id
scheme, one clock, search that keeps the index current, review rounds opened only on purpose."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from casefile.model import ActKind, CaseState
from casefile.model.names import new_case_id
from tui.application import Clock, NewCase, Session
from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)


_wait_workers = settle


# -- one case-id scheme -------------------------------------------------------------------------
def test_case_id_scheme_is_collision_free_after_deletions_and_odd_ids():
    # YYYY-NNN: one more than the highest serial of the year; other forms and years are ignored
    assert new_case_id([], year=2026) == "2026-001"
    assert new_case_id(["2026-001", "2026-007", "123", "SJ-2026-088", "2025-041"], year=2026) == "2026-008"
    # after 2026-002 was deleted from three cases, the count (2) would clash with 2026-003
    assert new_case_id(["2026-001", "2026-003"], year=2026) == "2026-004"
    # a 文号 or a folder names the case; a clash takes the first free suffix
    assert new_case_id(["清市监处罚〔2026〕120号"], number="清市监处罚〔2026〕120号") == "清市监处罚〔2026〕120号-2"
    assert new_case_id(["材料", "材料-2"], hint="材料") == "材料-3"
    assert new_case_id([], number="陵自然资罚/2019/23号") == "陵自然资罚-2019-23号"  # a 文号 with / is made safe


def test_cli_tui_and_import_share_the_id_scheme(demo_ws, run_cli, tmp_path):
    w = ["-w", str(demo_ws.root)]
    code, out, err = run_cli("--today", "2026-11-23", "case", "new", "--party", "张三", "--cause", "无照经营", "--json", *w)
    assert code == 0, err
    assert json.loads(out)["id"] == "2026-001"
    session = Session(demo_ws, Clock(TODAY))
    assert session.cases.create_case(NewCase(party="李四", cause="无照经营")).id == "2026-002"
    shutil.rmtree(demo_ws.cases_dir / "2026-001")  # a deleted case does not make the next id clash
    (demo_ws.cases_dir / "123").mkdir()
    assert session.cases.new_case_id() == "2026-003"
    # import: a folder names the case, another folder of the same name gets the suffix (the same
    # folder again is the same import: tests/test_import_again.py)
    folder = tmp_path / "现场检查材料"
    folder.mkdir()
    (folder / "询问笔录.txt").write_text("询问笔录\n询问时间：2026年11月20日\n被询问人：王五\n问：你是否知道销售过期食品违法？答：知道。\n", encoding="utf-8")
    elsewhere = tmp_path / "另一处" / "现场检查材料"
    shutil.copytree(folder, elsewhere)
    first = session.imports.import_files(None, [folder])
    second = session.imports.import_files(None, [elsewhere])
    assert (first.case, second.case) == ("现场检查材料", "现场检查材料-2")


@pytest.mark.asyncio
async def test_tui_new_case_gets_the_next_id_of_the_scheme(demo_ws):
    from textual.widgets import Input, Select

    (demo_ws.cases_dir / "2026-005").mkdir()  # an id in use, though not a loadable case
    (demo_ws.cases_dir / "2026-005" / "case.toml").write_text('id = "2026-005"\n', encoding="utf-8")
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#party", Input).value = "王小明"
        form.query_one("#party_kind", Select).value = "自然人"
        form.query_one("#cause", Input).value = "未取得食品经营许可从事食品经营"
        form.query_one("#filed", Input).value = "2026-11-30"  # after the clock's today
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "晚于今天" in str(form.query_one("#errors").render())
        form.query_one("#filed", Input).value = "2026-11-20"
        await pilot.press("ctrl+s")
        await pilot.pause()
    case = demo_ws.load_case("2026-006")
    assert case.party.name == "王小明" and case.party.kind.value == "自然人"
    assert case.first_date(ActKind.FILING) == dt.date(2026, 11, 20)


# -- one clock ----------------------------------------------------------------------------------
def _warnings(out: str, case_id: str) -> list[dict]:
    return next(c["warnings"] for c in json.loads(out) if c["id"] == case_id)


def test_today_option_and_environment_move_a_deadline_warning(demo_ws, run_cli, monkeypatch):
    w = ["-w", str(demo_ws.root)]
    # SJ-2026-088 was submitted for review on 2026-11-16; 10 working days end on 2026-11-30
    code, out, err = run_cli("--today", "2026-11-23", "case", "list", "--json", *w)
    assert code == 0, err
    review = next(x for x in _warnings(out, "SJ-2026-088") if x["kind"] == "审核期限")
    assert review["status"] == "即将到期" and review["due"] == "2026-11-30"
    code, out, err = run_cli("--today", "2026-12-02", "case", "list", "--json", *w)
    review = next(x for x in _warnings(out, "SJ-2026-088") if x["kind"] == "审核期限")
    assert review["status"] == "已逾期" and "逾期2日" in review["text"]
    monkeypatch.setenv("CASEFILE_TODAY", "2026-12-02")
    code, out, err = run_cli("case", "list", "--json", *w)
    assert code == 0, err
    assert next(x for x in _warnings(out, "SJ-2026-088") if x["kind"] == "审核期限")["status"] == "已逾期"
    # a command's own --today wins over the environment
    code, out, err = run_cli("publicity", "due", "--today", "2026-11-18", "--json", *w)
    zr = next(d for d in json.loads(out) if d["case"] == "ZR-2026-012" and d["kind"] == "公示")
    assert zr["status"] == "未到期" and zr["days_left"] == 1
    code, _, err = run_cli("--today", "2026-13-01", "case", "list", *w)
    assert code == 2 and "不是有效的日期" in err


def test_the_clock_dates_what_is_rendered(demo_ws, run_cli):
    code, out, err = run_cli("--today", "2026-11-25", "review", "open", "SJ-2026-088", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    for f in json.loads(out)["findings"]:  # the opinion waits for every finding to be decided
        run_cli("review", "accept", "SJ-2026-088", str(f["id"]), "-w", str(demo_ws.root))
    code, out, err = run_cli("--today", "2026-11-25", "review", "opinion", "SJ-2026-088", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    assert json.loads(out)["date"] == "2026-11-25"


# -- search keeps the index current --------------------------------------------------------------
def test_cli_search_on_a_fresh_demo_finds_hearings(demo_ws, run_cli):
    assert not (demo_ws.root / ".index").exists()  # the demo is built without an index
    code, out, err = run_cli("search", "听证", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    r = json.loads(out)
    assert r["total"] > 0 and r["index"]["built"] is True
    assert "SJ-2026-088" in {h["case"] for h in r["hits"]}
    assert any(h["doc"].endswith("听证笔录.docx") for h in r["hits"])


@pytest.mark.asyncio
async def test_tui_and_cli_search_give_the_same_hits_on_a_fresh_demo(demo_template, tmp_path, run_cli):
    from casefile.store.workspace import Workspace

    cli_ws, tui_ws = tmp_path / "cli", tmp_path / "tui"
    shutil.copytree(demo_template, cli_ws)
    shutil.copytree(demo_template, tui_ws)
    code, out, err = run_cli("search", "听证", "--limit", "30", "--json", "-w", str(cli_ws))
    assert code == 0, err
    cli_hits = [(h["case"], h["doc"], h["page"]) for h in json.loads(out)["hits"]]
    app = CasefileApp(Workspace.open(tui_ws), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"听证")
        await pilot.press("enter")
        await _wait_workers(app, pilot)
        tui_hits = [(h["case"], h["doc"], h["page"]) for h in app.screen.result["hits"]]
    assert cli_hits and tui_hits == cli_hits


def test_changes_through_the_session_are_searchable_at_once(demo_ws, tmp_path):
    session = Session(demo_ws, Clock(TODAY))
    assert session.search.search("听证")["total"] > 0  # builds the index
    note = tmp_path / "情况说明.txt"
    note.write_text("情况说明\n当事人于2026年11月20日提交了整改报告，承诺建立进货查验台账。\n", encoding="utf-8")
    session.imports.import_files("SJ-2026-088", [note])
    r = session.search.search("进货查验台账")
    assert r["index"]["added"] == 0  # the import already re-indexed the case
    assert [h["case"] for h in r["hits"]] == ["SJ-2026-088"]
    # a fact changed through the session reaches the hits (the party shown with each hit)
    case = session.cases.load_case("SJ-2026-088")
    case.parties[0].name = "清溪县百味源食品股份有限公司"
    session.cases.save_case(case)
    assert session.search.search("进货查验台账")["hits"][0]["party"] == "清溪县百味源食品股份有限公司"


def test_search_notices_documents_changed_outside(demo_ws, tmp_path):
    session = Session(demo_ws, Clock(TODAY))
    session.search.search("听证")
    # another process (an older casefile, a script) adds a document without re-indexing
    note = tmp_path / "补充说明.txt"
    note.write_text("补充说明\n当事人已全部召回涉案批次产品并销毁。\n", encoding="utf-8")
    other = Session(demo_ws, Clock(TODAY))
    other.search.reindex = lambda *a, **k: None  # what a front end bypassing the layer would do
    other.imports.import_files("SJ-2026-088", [note])
    r = session.search.search("召回涉案批次")
    assert r["index"]["added"] >= 1 and r["total"] > 0
    # a fact edited by hand in case.toml, and a case folder removed by hand
    toml = demo_ws.cases_dir / "SJ-2026-088" / "case.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("清溪县百味源食品有限公司", "清溪县百味源食品股份有限公司"), encoding="utf-8")
    assert {h["party"] for h in session.search.search("召回涉案批次")["hits"]} == {"清溪县百味源食品股份有限公司"}
    assert "ZR-2026-012" in {h["case"] for h in session.search.search("听证", limit=30)["hits"]}
    shutil.rmtree(demo_ws.cases_dir / "ZR-2026-012")
    r = session.search.search("听证", limit=30)
    assert r["index"]["removed"] > 0 and "ZR-2026-012" not in {h["case"] for h in r["hits"]}
    # nothing changed: the index is known current without loading any case
    assert session.search.search("听证")["index"] == {"built": False, "added": 0, "removed": 0}


# -- review rounds: explicit, on a submitted case ------------------------------------------------
@pytest.mark.asyncio
async def test_viewing_the_review_screen_opens_no_round(demo_ws):
    from tui.textual_app.screens.review import ReviewScreen

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for case_id in ("SJ-2026-088", "YJ-2026-003"):
            app.push_screen(ReviewScreen(case_id))
            await pilot.pause()
            assert app.screen.round is None
            assert "尚无审核轮次" in str(app.screen.query_one("#round-title").render())
            await pilot.press("escape")
            await pilot.pause()
        # on a case not submitted for review, n refuses
        app.push_screen(ReviewScreen("YJ-2026-003"))
        await pilot.pause()
        await pilot.press("n")
        await _wait_workers(app, pilot)
        assert app.screen.round is None
    for case_id in ("SJ-2026-088", "YJ-2026-003"):
        assert not list((demo_ws.cases_dir / case_id / "reviews").glob("round-*"))
        acts = [json.loads(l)["act"] for l in (demo_ws.cases_dir / case_id / "journal.jsonl").read_text(encoding="utf-8").splitlines()]
        assert "开始法制审核" not in acts


@pytest.mark.asyncio
async def test_added_finding_asks_category_severity_and_basis(demo_ws):
    from textual.widgets import Input, Select

    from tui.textual_app.screens.review import ReviewScreen

    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(ReviewScreen("SJ-2026-088"))
        await pilot.pause()
        review = app.screen
        await pilot.press("n")
        await _wait_workers(app, pilot)
        assert review.round["round"] == 1
        await pilot.press("plus")
        await pilot.pause()
        form = app.screen
        form.query_one("#message", Input).value = "裁量理由未说明当事人主动召回情节"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(form.query_one("#finding-errors").render())
        assert "类别" in errors and "严重程度" in errors and "法律依据" in errors
        form.query_one("#category", Select).value = "discretion"
        form.query_one("#severity", Select).value = "minor"
        form.query_one("#basis", Input).value = "《中华人民共和国行政处罚法》第三十二条"
        await pilot.press("ctrl+s")
        await pilot.pause()
        added = review.round["added"][-1]
    assert (added["category"], added["severity"], added["basis"]) == ("discretion", "minor", "《中华人民共和国行政处罚法》第三十二条")


def test_library_refuses_a_round_on_a_case_not_submitted(demo_ws):
    from casefile.errors import CheckError

    session = Session(demo_ws, Clock(TODAY))
    with pytest.raises(CheckError, match="尚未提交法制审核"):
        session.review.open_review("ZR-2026-012")
    assert session.review.current_review("ZR-2026-012") is None
    assert session.cases.load_case("SJ-2026-088").state == CaseState.IN_REVIEW
    assert session.review.open_review("SJ-2026-088")["round"] == 1
