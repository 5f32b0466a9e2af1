"""The issue's done-when, one Pilot test per role at 80×24 on the demo workspace (issue 21): each
role finishes its work with keys only, along the path walked in tmux (docs/tui-walk.md), and the
test reads the outcome where it lands — case.toml, the files in the case, its journal, the review
round, the reader's page, the public text, the statistics the application layer computes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, ListView, Static

from casefile.chain import journal
from casefile.model import ActKind, CaseState
from tui.application import Clock, Session
from tui.textual_app.app import CasefileApp
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)
SIZE = (80, 24)
DATA = Path(__file__).resolve().parent / "data"
NUMBER = "清市监处罚〔2026〕130号"


async def _settle(app, pilot):
    await settle(app, pilot, rounds=3)


async def _type(pilot, text: str):
    """Type ``text`` into the focused box. Pilot has no key for Chinese punctuation (〔 〕 ， 《 》 …;
    a terminal sends them as text): those go in as the box's own insert, the rest as key presses."""
    run: list[str] = []  # keys pressed in one call: Pilot waits for the screen once per call, not per key
    for ch in text:
        if not ch.isascii() and not ch.isalnum():
            if run:
                await pilot.press(*run)
                run = []
            pilot.app.focused.insert_text_at_cursor(ch)
        else:
            run.append(ch)
    if run:
        await pilot.press(*run)


def _acts(ws, case_id: str) -> list[str]:
    return [e["act"] for e in journal.read(ws.cases_dir / case_id)]


def _open_case(app, case_id: str):
    table = app.screen.query_one("#cases", DataTable)
    table.move_cursor(row=[str(r.value) for r in table.rows].index(case_id))


async def _pick(pilot, app, n: int):
    """Open the focused select with Enter, go down n options from its prompt, choose with Enter."""
    await pilot.press("enter")
    await pilot.pause()
    for _ in range(n):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


# -- 承办人 -------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_handler_creates_enters_facts_imports_renders_and_submits(demo_ws, tmp_path):
    source = tmp_path / "收到的材料"
    shutil.copytree(DATA / "dossiers" / "correct_market_ordinary_table", source)
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # n: the new-case form, its first field focused
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "NewCaseScreen"
        await _type(pilot, NUMBER)
        await pilot.press("tab")
        await _type(pilot, "清溪县百草堂药房有限公司")
        await pilot.press("tab", "tab")  # 当事人类型 stays 法人
        await _type(pilot, "91350100M000100Y43")
        await pilot.press("tab", "tab")  # 住所 left for later
        await _type(pilot, "销售过期药品")
        await pilot.press("tab")
        await _type(pilot, "2026-11-20")
        await pilot.press("tab", "tab", "tab")  # 案件类型 stays 行政处罚, 程序 stays 普通
        await _pick(pilot, app, 1)  # 案件来源：监督检查
        await pilot.press("tab", "space", "down", "space")  # 承办人: the first two officers
        form = app.screen
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        assert type(app.screen).__name__ == "CaseListScreen", str(form.query_one("#errors", Static).render())
        case = demo_ws.load_case(NUMBER)
        assert case.id == NUMBER and case.state == CaseState.OPENED
        assert case.party.name == "清溪县百草堂药房有限公司" and case.party.id_number == "91350100M000100Y43"
        assert case.source == "监督检查" and case.handlers == ["33112600101", "33112600102"]
        assert [(a.kind.value, a.date) for a in case.acts] == [("立案", dt.date(2026, 11, 20))]
        # the cursor sits on the new case: Enter opens it
        table = app.screen.query_one("#cases", DataTable)
        assert str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value) == NUMBER
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen" and app.screen.case_id == NUMBER

        # f: facts. Ctrl+O goes to 执法行为 with its first field focused
        await pilot.press("f")
        await pilot.pause()
        facts = app.screen
        assert type(facts).__name__ == "FactsScreen"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert facts.active() == "acts"
        await _pick(pilot, app, 4)  # 询问
        await pilot.press("tab")
        await _type(pilot, "2026-11-21")
        await pilot.press("tab", "space", "down", "space", "tab")  # two officers, then 地点
        await _type(pilot, "清溪县城关镇")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # 处罚/措施: 拟处罚 罚款 20000 with its basis
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert facts.active() == "measures"
        await pilot.press("tab")
        await _pick(pilot, app, 3)  # 罚款
        await pilot.press("tab")
        await _type(pilot, "20000")
        await pilot.press("tab")
        await _type(pilot, "《中华人民共和国药品管理法》第一百一十七条第一款")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # 证据
        await pilot.press("ctrl+o")
        await pilot.pause()
        await _pick(pilot, app, 1)  # 书证
        await pilot.press("tab")
        await _type(pilot, "药品购进记录")
        await pilot.press("tab")
        await _type(pilot, "当事人提供")
        await pilot.press("tab")
        await _type(pilot, "2026-11-21")
        await pilot.press("ctrl+s")
        await pilot.pause()
        case = demo_ws.load_case(NUMBER)
        inquiry = [a for a in case.acts if a.kind == ActKind.INQUIRY]
        assert [(a.date, a.officers, a.place) for a in inquiry] == [
            (dt.date(2026, 11, 21), ["33112600101", "33112600102"], "清溪县城关镇")]
        assert [(m.kind, m.amount, [b.cite() for b in m.basis]) for m in case.proposed] == [
            ("罚款", 20000, ["《中华人民共和国药品管理法》第一百一十七条第一款"])]
        assert [(e.kind, e.name, e.source, e.date) for e in case.evidence] == [
            ("书证", "药品购进记录", "当事人提供", dt.date(2026, 11, 21))]
        assert _acts(demo_ws, NUMBER)[-3:] == ["录入执法行为", "录入拟处罚", "录入证据"]
        await pilot.press("escape")
        await pilot.pause()

        # i: import the folder — typed path, preview, the two decision papers of another case left out, confirm
        await pilot.press("i")
        await pilot.pause()
        importer = app.screen
        assert type(importer).__name__ == "ImporterScreen"
        await pilot.press("ctrl+l")
        importer.query_one("#path", Input).value = ""
        await _type(pilot, str(source))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("p")
        await _settle(app, pilot)
        table = importer.query_one("#table", DataTable)
        names = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert len(names) == 10
        table.focus()
        # the decision the preview marks as another case's is left out by default; its 送达回证 by hand
        table.move_cursor(row=names.index("15送达回证（决定书）.docx"))
        await pilot.press("space")
        await pilot.pause()
        summary = str(importer.query_one("#import-summary", Static).render())
        assert "将导入 8 个文件，跳过 0 项，不导入 1 个；1 个疑属其他案件（默认不导入）" in summary and "请核对" not in summary
        await pilot.press("i")
        await pilot.pause()
        assert "8 个文件" in app.screen.question
        await pilot.press("y")
        await _settle(app, pilot)
        docs = {p.name for p in (demo_ws.cases_dir / NUMBER / "docs").iterdir()}
        assert "01立案审批表.docx" in docs and "14行政处罚决定书.docx" not in docs and len(docs) == 8
        assert any(a.startswith("导入文书") for a in _acts(demo_ws, NUMBER))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseScreen"

        # d: render the 立案审批表 (its 案件来源 and 承办人 came from the form)
        await pilot.press("d")
        await pilot.pause()
        render = app.screen
        types = render.query_one("#types", ListView)
        labels = [str(item.query_one(Label).render()) for item in types.children]
        assert not any("许可" in t for t in labels)  # a 行政处罚 case is not offered the 许可 notices
        for _ in range(next(i for i, t in enumerate(labels) if t.endswith("立案审批表"))):
            await pilot.press("down")
        await pilot.press("enter")
        await _settle(app, pilot)
        said = str(render.query_one("#render-result", Static).render())
        assert said.startswith("已生成") and "立案审批表" in said, said
        rendered = [p for p in (demo_ws.cases_dir / NUMBER / "docs").iterdir() if p.name.endswith("-立案审批表.docx")]
        assert len(rendered) == 1 and _acts(demo_ws, NUMBER)[-1] == "生成文书"
        await pilot.press("escape")
        await pilot.pause()

        # t: 提交法制审核 through the state dialog, confirmed
        await pilot.press("t")
        await pilot.pause()
        moves = app.screen.query_one("#moves", ListView)
        names = [item.option.transition.id for item in moves.children]
        moves.focus()
        for _ in range(names.index("提交法制审核")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await _settle(app, pilot)
    case = demo_ws.load_case(NUMBER)
    assert case.state == CaseState.IN_REVIEW
    assert case.acts_of(ActKind.SUBMIT_REVIEW)[-1].date == TODAY
    assert _acts(demo_ws, NUMBER)[-1] == "提交法制审核（已立案 → 待法制审核）"


# -- 法制审核人员 ---------------------------------------------------------------------------------

REVIEWED = "SJ-2026-088"  # the demo case submitted for review


@pytest.mark.asyncio
async def test_reviewer_decides_every_finding_issues_opinion_and_sees_the_resubmission(demo_ws):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _open_case(app, REVIEWED)
        await pilot.press("enter")
        await pilot.pause()
        # r: the review screen; n opens round 1 on the submitted case
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        assert type(review).__name__ == "ReviewScreen" and review.round is None
        await pilot.press("n")
        await _settle(app, pilot)
        rnd = review.round
        assert rnd["round"] == 1
        ids = [f["id"] for f in rnd["findings"]]
        assert len(ids) >= 2
        findings = review.query_one("#round-findings", ListView)
        findings.focus()
        # the first finding overridden with a reason, every other one accepted — one key each:
        # after a decision the highlight moves to the next undecided finding
        await pilot.press("o")
        await pilot.pause()
        await _type(pilot, "证件号码为笔误，已补正")
        await pilot.press("enter")
        await pilot.pause()
        assert findings.highlighted_child.finding_id == ids[1]
        for fid in ids[1:]:
            assert findings.highlighted_child.finding_id == fid
            await pilot.press("a")
            await pilot.pause()
        rnd = review.round
        assert rnd["findings"][0]["decision"] == "override" and rnd["findings"][0]["reason"] == "证件号码为笔误，已补正"
        assert all(f["decision"] == "accept" for f in rnd["findings"][1:])
        assert "已全部处理" in str(review.query_one("#round-title", Label).render())
        # i: every finding decided, the opinion is issued
        await pilot.press("i")
        await _settle(app, pilot)
        opinion = review.round["opinion"]
        assert opinion["conclusion"] == "存在问题"
        assert (demo_ws.cases_dir / REVIEWED / opinion["file"]).is_file()
        assert "出具法制审核意见" in _acts(demo_ws, REVIEWED)

        # the handler corrects the proposed penalty (facts form) and resubmits (state dialog)
        await pilot.press("escape")
        await pilot.pause()
        before = demo_ws.load_case(REVIEWED).proposed[0]
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("ctrl+o", "ctrl+o")
        await pilot.pause()
        assert app.screen.active() == "measures"
        await pilot.press("shift+tab", "enter")  # the list's first entry into the form
        await pilot.pause()
        await pilot.press("tab", "tab", "end", "ctrl+u")
        await _type(pilot, "3000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_ws.load_case(REVIEWED).proposed[0].amount == 3000
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        moves = app.screen.query_one("#moves", ListView)
        names = [item.option.transition.id for item in moves.children]
        moves.focus()
        for _ in range(names.index("重新送审")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await _settle(app, pilot)
        assert demo_ws.load_case(REVIEWED).state == CaseState.IN_REVIEW

        # the reviewer opens round 2: decisions on unchanged findings carried over, what changed shown first
        await pilot.press("r")
        await pilot.pause()
        review = app.screen
        await pilot.press("n")
        await _settle(app, pilot)
        rnd = review.round
        assert rnd["round"] == 2
        carried = [f for f in rnd["findings"] if f.get("carried_from") == 1]
        assert carried and all(f["decision"] in ("accept", "override") for f in carried)
        changes = review.query_one("#changes", Static)
        text = str(changes.render())
        assert text.startswith("与上一轮相比")
        assert f"事实·拟作出的处罚新增：{before.kind}3000元" in text
        assert f"事实·拟作出的处罚删除：{before.kind}{before.amount}元" in text
        assert "acts" not in text and "proposed" not in text
        # at 80×24 the changes are on screen without scrolling, above the facts
        assert changes.region.y < SIZE[1] - 2 and changes.region.y < review.query_one("#review-facts").region.y
        # round 2's opinion is a document of its own: round 1's stays as issued
        first = (demo_ws.cases_dir / REVIEWED / opinion["file"]).read_bytes()
        review.query_one("#round-findings", ListView).focus()
        while review.app.session.review.undecided_findings(review.round):
            await pilot.press("a")
            await pilot.pause()
        await pilot.press("i")
        await _settle(app, pilot)
        second = review.round["opinion"]["file"]
        assert second != opinion["file"] and "第2轮" in second and (demo_ws.cases_dir / REVIEWED / second).is_file()
        assert (demo_ws.cases_dir / REVIEWED / opinion["file"]).read_bytes() == first


# -- 评查人员 -------------------------------------------------------------------------------------

@pytest.mark.asyncio
async def test_auditor_searches_filters_by_facet_and_reads_the_hit_at_its_page(indexed_demo_ws):
    app = CasefileApp(indexed_demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert type(search).__name__ == "SearchScreen"
        await _type(pilot, "罚款")
        await pilot.press("enter")
        await _settle(app, pilot)
        everything = search.result
        agencies = {h["agency"] for h in everything["hits"]}
        assert len(agencies) == 2  # the market regulator's cases and the natural-resources bureau's
        # f: the facet panel (alone at 80 columns); ↓ to the bureau, Enter adds 机关:… to the query
        await pilot.press("f")
        await pilot.pause()
        facets = search.query_one("#facet-list", ListView)
        assert app.focused is facets
        target = "清溪县自然资源和规划局"
        for _ in range(len(facets.children)):
            item = facets.highlighted_child
            if getattr(item, "value", None) == target:
                break
            await pilot.press("down")
        await pilot.press("enter")
        await _settle(app, pilot)
        assert search.query_one("#query", Input).value == f"罚款 机关:{target}"
        r = search.result
        assert 0 < r["total"] < everything["total"] and {h["agency"] for h in r["hits"]} == {target}
        labels = [str(i.query_one(Label).render()) for i in search.query_one("#facet-list", ListView).children]
        assert f"✓ {target}" in "".join(labels)
        # f again: back to the hits; ↓ Enter reads the first hit at its page, the match highlighted
        await pilot.press("f")
        await pilot.pause()
        hits = search.query_one("#hits", ListView)
        assert app.focused is hits
        heads = [str(i.query_one(Label).render()) for i in hits.children]
        assert heads[0].startswith("■ 案件 ZR-2026-012　清自然资罚〔2026〕12号")
        while not hasattr(hits.highlighted_child, "hit") or type(hits.highlighted_child).__name__ != "HitItem":
            await pilot.press("down")
        hit = hits.highlighted_child.hit
        await pilot.press("enter")
        await _settle(app, pilot)
        reader = app.screen
        assert type(reader).__name__ == "ReaderScreen"
        v = reader.reading.view()
        assert reader.reading.doc == hit["doc"] and v["page"] == hit["page"]
        assert v["spans"] and all(v["text"][a:b] == "罚款" for a, b in v["spans"])
        drawn = reader.query_one("#reader-text", Static).content
        assert set(map(tuple, v["spans"])) <= {(s.start, s.end) for s in drawn.spans}
        loc = str(reader.query_one("#reader-loc", Label).render())
        assert "本页第1/" in loc and "只读" in loc
        # the footer names the page keys as they are typed, not by Textual's key names
        footer = " ".join(str(w.render()) for w in app.screen.query("FooterKey"))
        assert "]下一页" in footer.replace(" ", "") and "square_bracket" not in footer


# -- 公示 ----------------------------------------------------------------------------------------

PUBLISHED = "ZR-2026-012"  # decided 2026-11-10, its publication overdue


@pytest.mark.asyncio
async def test_clerk_exports_and_publishes_the_public_version_and_produces_the_statistics(demo_ws):
    app = CasefileApp(demo_ws, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#cases", DataTable)
        rows = [str(r.value) for r in table.rows]
        for _ in range(rows.index(PUBLISHED)):
            await pilot.press("down")
        # u: 公示办理 on the highlighted case
        await pilot.press("u")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PublicityScreen"
        dues = screen.query_one("#dues", DataTable)
        assert dues.get_row_at(dues.cursor_row)[0] == PUBLISHED and dues.get_row_at(dues.cursor_row)[3] == "已逾期"
        # e: export the public version to the folder offered (the workspace's 导出/公示)
        await pilot.press("e")
        await pilot.pause()
        offered = Path(app.screen.query_one("#answer", Input).value)
        await pilot.press("enter")
        await _settle(app, pilot)
        txt, docx = offered / f"{PUBLISHED}-公示.txt", offered / f"{PUBLISHED}-公示.docx"
        assert txt.is_file() and docx.is_file()
        public = txt.read_text(encoding="utf-8")
        case = demo_ws.load_case(PUBLISHED)
        assert case.number in public and case.party.id_number not in public  # a person's ID never published
        assert "生成公示文本" in _acts(demo_ws, PUBLISHED)
        # p: the publication recorded — today's date as offered, then the platform
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await _type(pilot, "清溪县人民政府门户网站")
        await pilot.press("enter")
        await _settle(app, pilot)
        case = demo_ws.load_case(PUBLISHED)
        assert [(a.date, a.note) for a in case.acts_of(ActKind.PUBLICATION)] == [(TODAY, "清溪县人民政府门户网站")]
        assert _acts(demo_ws, PUBLISHED)[-1] == "公示"
        status = {dues.get_row_at(i)[0]: dues.get_row_at(i)[3] for i in range(dues.row_count)}
        assert status[PUBLISHED] == "已公示"
        assert "已公示：2026-11-23（清溪县人民政府门户网站）" in str(screen.query_one("#pub-detail").render())
        await pilot.press("escape")
        await pilot.pause()

        # t: the year's statistics, the same numbers as the application layer's
        await pilot.press("t")
        await _settle(app, pilot)
        stats = app.screen
        assert type(stats).__name__ == "StatsScreen" and stats.year == 2026
        session = Session.open(demo_ws.root, TODAY)
        want = [(k, str(v)) for k, v in session.records.stats_rows(session.records.annual_stats(2026))]
        t = stats.query_one("#stats-table", DataTable)
        assert [tuple(str(c) for c in t.get_row_at(i)) for i in range(t.row_count)] == want
        assert dict(want)["案件总数"] == "8"
        chart = str(stats.query_one("#stats-chart", Static).render())
        assert "按执法类型" in chart and "按结果" in chart
        # x: saved where offered (a .docx in the workspace's 导出/统计)
        await pilot.press("x")
        await pilot.pause()
        dest = Path(app.screen.query_one("#answer", Input).value)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert dest.suffix == ".docx" and dest.is_file() and dest.name.startswith("2026年度")


# -- the application layer under the fixes the walk needed ------------------------------------

def test_new_case_takes_its_source_and_handlers_checked_against_the_register(demo_ws):
    from casefile.errors import EntryError
    from tui.application import NewCase

    session = Session(demo_ws, Clock(TODAY))
    base = dict(party="清溪县百草堂药房有限公司", party_id="91350100M000100Y43", cause="销售过期药品", filed="2026-11-20")
    with pytest.raises(EntryError) as e:
        # an unknown name, and 陈志强 whose certificate ran out on 2026-05-31
        session.cases.create_case(NewCase(**base, source="路过", handlers=["张三", "33112600103"]))
    assert set(e.value.fields) == {"source", "handlers"}
    assert "监督检查" in e.value.fields["source"]
    assert "“张三”不在执法人员清单中" in e.value.fields["handlers"] and "陈志强" in e.value.fields["handlers"]
    case = session.cases.create_case(NewCase(**base, source="投诉举报", handlers=["王建国", "33112600102"]))
    saved = demo_ws.load_case(case.id)
    assert saved.source == "投诉举报" and saved.handlers == ["33112600101", "33112600102"]
    assert session.cases.case_sources() == ["监督检查", "投诉举报", "上级交办", "移送", "其他"]


def test_render_list_offers_the_case_types_own_documents(demo_ws):
    session = Session(demo_ws)
    penalty = {t.name for t in session.documents.templated_types("SJ-2026-088")}
    licence = {t.name for t in session.documents.templated_types("XK-2026-015")}
    assert "行政处罚决定书" in penalty and "受理通知书" not in penalty
    assert "受理通知书" in licence and "行政处罚决定书" not in licence
    assert len(session.documents.templated_types()) >= len(penalty | licence)  # without a case: every template
