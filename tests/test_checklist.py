"""The legal-review checklist on demo cases, each test planting one defect (issue 5)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from casefile.model import Act, ActKind, LawRef
from checklists.engine import context_for, check_case, load_rules

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def ws(demo_ws):
    return demo_ws  # the statutes ship with casefile: no laws import step


def run(ws, case_id, mode="review"):
    return check_case(context_for(ws, case_id, TODAY), mode)


def rules_fired(result):
    return {f.rule for f in result.findings if f.severity in ("veto", "major")}


def test_rules_are_data_with_every_category():
    rules = load_rules()
    assert {r.category for r in rules} == {"authority", "facts", "evidence", "legal_basis", "discretion", "procedure", "referral", "documents"}
    assert all(r.basis and r.message for r in rules)


def test_clean_archived_case_gets_agree(ws):
    r = run(ws, "SJ-2026-037")
    assert r.verdict == "同意" and not rules_fired(r)
    assert r.major_decision["required"] is False


def test_hearing_case_is_major_and_shows_the_real_gap(ws, run_cli):
    code, out, err = run_cli("check", "SJ-2026-088", "--mode", "review", "--json", "-w", str(ws.root))
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"case", "mode", "major_decision", "findings", "verdict", "score"}
    assert data["major_decision"]["required"] and "经过听证程序" in data["major_decision"]["reasons"]
    f = next(f for f in data["findings"] if f["rule"] == "C01-required-documents")
    assert "先行登记保存物品处理决定书" in f["message"] and f["category"] == "documents"
    assert set(f) == {"rule", "category", "severity", "message", "basis", "documents", "evidence"}
    assert data["verdict"] == "存在问题"


def _edit(ws, case_id, fn):
    c = ws.load_case(case_id)
    fn(c)
    ws.save_case(c)


def _set_act(c, kind, date):
    for a in c.acts:
        if a.kind == kind:
            a.date = date


def test_one_officer_on_an_inspection(ws):
    _edit(ws, "SJ-2026-037", lambda c: setattr(next(a for a in c.acts if a.kind == ActKind.INSPECTION), "officers", ["33112600101"]))
    r = run(ws, "SJ-2026-037")
    f = next(f for f in r.findings if f.rule == "P06-officers")
    assert f.category == "authority" and f.severity == "veto" and "只有1名" in f.message


def test_expired_certificate(ws):
    # 陈志强's certificate ran to 2026-05-31: using him in June is a defect
    _edit(ws, "SJ-2026-101", lambda c: setattr(c.acts[0], "officers", ["33112600101", "33112600103"]))
    r = run(ws, "SJ-2026-101")
    assert any(f.rule == "P06-officers" and "已失效" in f.message for f in r.findings)


def test_late_decision_beyond_90_days(ws):
    _edit(ws, "SJ-2026-037", lambda c: (_set_act(c, ActKind.DECISION, dt.date(2026, 6, 5)), _set_act(c, ActKind.SERVICE, dt.date(2026, 6, 5))))
    r = run(ws, "SJ-2026-037")
    assert any(f.rule == "P17-case-time-limit" and f.category == "procedure" for f in r.findings)


def test_decision_inside_statement_window(ws):
    # 告知书 served 2026-03-31 (Tue); 5 working days run to 2026-04-08 24:00 (04-06 清明 holiday):
    # decided before the last day is a veto, on the last day a minor defect (issue 15)
    def plant(day):
        def f(c):
            c.acts = [a for a in c.acts if a.kind != ActKind.STATEMENT_WAIVED]
            _set_act(c, ActKind.DECISION, day)
        return f
    _edit(ws, "SJ-2026-037", plant(dt.date(2026, 4, 7)))
    r = run(ws, "SJ-2026-037")
    f = next(f for f in r.findings if f.rule == "P12-statement-window")
    assert "2026-04-08" in f.message and "2026-04-07" in f.message and f.severity == "veto"
    _edit(ws, "SJ-2026-037", plant(dt.date(2026, 4, 8)))
    r = run(ws, "SJ-2026-037")
    assert not any(f.rule == "P12-statement-window" for f in r.findings)
    f = next(f for f in r.findings if f.rule == "P12b-statement-last-day")
    assert "2026-04-08" in f.message and f.severity == "minor"


def test_misnamed_law_and_missing_article(ws):
    def plant(c):
        c.violation.violated = [LawRef(law="中华人民共和国产品价格法", article=14), LawRef(law="中华人民共和国价格法", article=99)]
    _edit(ws, "SJ-2026-037", plant)
    found = [f for f in run(ws, "SJ-2026-037").findings if f.rule.startswith("L01")]
    # misnamed but identifiable: a form defect (minor); an article that does not exist: major
    assert any("产品价格法" in f.message and "应为《中华人民共和国价格法》" in f.message and f.severity == "minor" for f in found)
    assert any("没有第99条" in f.message and f.severity == "major" for f in found)


def test_unknown_law_is_unverifiable_not_misnamed(ws):
    # a statute the bundled library does not hold (水污染防治法, 未成年人保护法 are shipped since issue 27)
    def plant(c):
        c.violation.violated = [LawRef(law="中华人民共和国种子法", article=10)]
    _edit(ws, "HB-2026-005", plant)
    r = run(ws, "HB-2026-005")
    f = next(f for f in r.findings if f.rule == "L01-citations")
    assert f.severity == "minor" and f.message.startswith("无法核实")


def test_fine_outside_statutory_range(ws):
    # 食品安全法 §124: goods value 12000 (≥10000) → 10–20 times = 120000–240000
    def plant(c):
        c.proposed[2].amount = Decimal("80000")
    _edit(ws, "SJ-2026-088", plant)
    r = run(ws, "SJ-2026-088")
    f = next(f for f in r.findings if f.rule == "D01-fine-range")
    assert f.category == "discretion" and "120000" in f.message


def test_criminal_threshold_without_referral(ws):
    def plant(c):
        c.violation.area_mu = Decimal("12")
        c.violation.area_m2 = Decimal("8000")
        c.decided[2].amount = Decimal("1600000")
    _edit(ws, "ZR-2026-012", plant)
    r = run(ws, "ZR-2026-012")
    f = next(f for f in r.findings if f.rule == "R01-thresholds")
    assert f.category == "referral" and f.severity == "veto" and "耕地十亩" in f.message


def test_hearing_case_without_legal_review(ws):
    def plant(c):
        c.acts = [a for a in c.acts if a.kind not in (ActKind.LEGAL_REVIEW,)]
        c.acts.append(Act(kind=ActKind.DECISION, date=dt.date(2026, 11, 20), officers=["33112600101", "33112600102"]))
    _edit(ws, "SJ-2026-088", plant)
    r = run(ws, "SJ-2026-088")
    assert any(f.rule == "P15-legal-review" and f.severity == "veto" for f in r.findings)


def test_hearing_notice_too_short(ws):
    _edit(ws, "SJ-2026-088", lambda c: _set_act(c, ActKind.HEARING_NOTICE, dt.date(2026, 10, 30)))
    r = run(ws, "SJ-2026-088")
    f = next(f for f in r.findings if f.rule == "P20-hearing-timing")
    assert "少于7个工作日" in f.message


def test_no_hearing_rights_for_a_large_fine(ws):
    from casefile.store import documents
    from casefile.output.render import render_document

    def plant(c):
        c.decided[2].amount = Decimal("150000")  # far above the 1万 threshold for a natural person …
    _edit(ws, "ZR-2026-012", plant)
    case_dir = ws.cases_dir / "ZR-2026-012"
    documents.remove_document(case_dir, "docs/041-听证告知书.docx", stage="审查")
    # … and a 告知书 that says nothing of a hearing
    render_document(ws, "ZR-2026-012", "penalty_notice", extra={"hearing_rights_due": False}, today=TODAY)
    r = run(ws, "ZR-2026-012")
    assert any(f.rule == "P19-hearing-rights" and f.severity == "veto" for f in r.findings)


def test_late_service(ws):
    _edit(ws, "ZR-2026-012", lambda c: _set_act(c, ActKind.SERVICE, dt.date(2026, 11, 23)))
    r = run(ws, "ZR-2026-012")
    f = next(f for f in r.findings if f.rule == "P18-service")
    assert "2026-11-19" in f.message  # 11-10 + 7 working days


def test_missing_service_receipt(ws):
    from casefile.store import documents
    documents.remove_document(ws.cases_dir / "ZR-2026-012", "docs/050-送达回证.docx", stage="送达")
    r = run(ws, "ZR-2026-012")
    assert any(f.rule == "C01-required-documents" and "送达回证" in f.message for f in r.findings)


def test_deadline_beyond_the_calendar_is_unverifiable_not_guessed(ws, monkeypatch):
    # filed 2026-11-20: 90 days end on or after 2027-02-18; the holiday data is held to 2026 whatever
    # chinesecalendar version is installed, so the test does not depend on the package's coverage
    from casefile.law.days import Calendar

    monkeypatch.setattr(Calendar, "LAST_PACKAGE_YEAR", 2026)
    r = check_case(context_for(ws, "YJ-2026-003", dt.date(2027, 3, 1)), "review")
    f = next(f for f in r.findings if f.rule == "P17-case-time-limit")
    assert f.message.startswith("无法核实") and "2027" in f.message


def test_evaluate_score_and_veto(ws, run_cli):
    code, out, _ = run_cli("check", "SJ-2026-037", "--mode", "evaluate", "--json", "-w", str(ws.root))
    s = json.loads(out)["score"]
    assert s["total"] == 100 and s["grade"] == "优秀"
    _edit(ws, "SJ-2026-037", lambda c: setattr(next(a for a in c.acts if a.kind == ActKind.INSPECTION), "officers", ["33112600101"]))
    r = run(ws, "SJ-2026-037", "evaluate")
    assert r.score["vetoed"] and r.score["total"] == 0 and r.score["grade"] == "不合格"


def test_a_workspace_with_no_imported_laws_checks_citations(demo_ws):
    import shutil

    # the statutes ship with casefile: a workspace that never ran `laws import` still verifies articles
    shutil.rmtree(demo_ws.root / "laws", ignore_errors=True)
    _edit(demo_ws, "SJ-2026-037", lambda c: setattr(c.violation, "violated", [LawRef(law="中华人民共和国价格法", article=99)]))
    r = check_case(context_for(demo_ws, "SJ-2026-037", TODAY), "review")
    assert not any("尚未导入法律库" in f.message for f in r.findings)
    assert any(f.rule == "L01-citations" and "没有第99条" in f.message for f in r.findings)
