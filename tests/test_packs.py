"""Rule packs per case type (issue 20 §1–3): a 行政许可 case is checked against 行政许可法, a
行政强制 case against 行政强制法, a type with no pack gets one finding; each deadline rule with
a correct case and a planted defect."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.errors import CheckError
from casefile.model import Act, ActKind, Case, CaseState, CaseType, Party, PartyKind
from checklists import engine
from checklists.engine import check_case, context_for

D = dt.date
MARKET = ["33112600101", "33112600102"]
# the documents each act produced (on file as the act's document)
DOCS = {"受理": "license_acceptance", "准予许可": "license_grant", "查封扣押": "seizure_decision"}  # 王建国、李晓梅: certificates valid through 2028


def _case(ws, cid, case_type, acts, state=CaseState.DECIDED):
    c = Case(id=cid, case_type=case_type, state=state, sector="市场监管", agency="清溪县市场监督管理局",
             title="清溪县百佳福超市有限公司食品经营许可" if case_type == CaseType.LICENSE else "扣押过期食品",
             parties=[Party(kind=PartyKind.LEGAL, name="清溪县百佳福超市有限公司", id_number="91331126MA2H8K3L5Q")],
             acts=[Act(kind=ActKind(k), date=d, officers=list(o), end_date=e, document=DOCS.get(k, "")) for k, d, o, e in acts])
    ws.create_case(c)
    return c


def _findings(ws, cid, today=D(2026, 11, 23)):
    r = check_case(context_for(ws, cid, today), "review")
    return r, {f.rule: f for f in r.findings if f.severity in ("veto", "major")}


# a 食品经营许可: applied 2026-09-01 (Tue), accepted 09-03, verified on site by two, granted, licence issued
LICENSE_OK = [("申请", D(2026, 9, 1), (), None), ("受理", D(2026, 9, 3), (), None),
              ("实地核查", D(2026, 9, 10), MARKET, None), ("准予许可", D(2026, 9, 24), (), None),
              ("颁发证件", D(2026, 9, 28), (), None)]


def test_a_correct_license_case_passes_its_own_pack_and_no_penalty_rule(demo_ws):
    _case(demo_ws, "XK-OK", CaseType.LICENSE, LICENSE_OK)
    r, bad = _findings(demo_ws, "XK-OK")
    assert bad == {}
    assert all(f.rule.startswith("XK") for f in r.findings)  # never 行政处罚法第六十条 or a 立案审批表


@pytest.mark.parametrize("change,rule,words", [
    # accepted 8 working days after the application (§32: 5)
    ({"受理": D(2026, 9, 11)}, "XK01-acceptance-in-time", "2026-09-08"),
    # decided after 20 working days from acceptance (§42): 中秋 09-25 and 国庆 10-01…07 off, 09-20 worked → 10-08
    ({"准予许可": D(2026, 10, 13), "颁发证件": D(2026, 10, 14)}, "XK04-decision-in-time", "2026-10-08"),
    # licence issued 12 working days after the decision (§44: 10)
    ({"颁发证件": D(2026, 10, 19)}, "XK06-certificate-in-time", "2026-10-15"),
    # verified on site by one officer (§34: two)
    ({"实地核查": D(2026, 9, 10)}, "XK03-site-verification-officers", "少于2人"),
])
def test_license_defects_planted_one_at_a_time(demo_ws, change, rule, words):
    acts = [(k, change.get(k, d), o if not (rule.startswith("XK03") and k == "实地核查") else o[:1], e) for k, d, o, e in LICENSE_OK]
    _case(demo_ws, "XK-BAD", CaseType.LICENSE, acts)
    _, bad = _findings(demo_ws, "XK-BAD")
    assert set(bad) == {rule}, bad
    assert words in bad[rule].message and "行政许可法" in bad[rule].basis


def test_license_period_extended_by_approval_and_by_excluded_testing_time(demo_ws):
    late = [a for a in LICENSE_OK if a[0] not in ("准予许可", "颁发证件")] + [("准予许可", D(2026, 10, 13), (), None), ("颁发证件", D(2026, 10, 14), (), None)]
    _case(demo_ws, "XK-EXT", CaseType.LICENSE, late + [("延长审查期限", D(2026, 9, 25), (), None)])
    _, bad = _findings(demo_ws, "XK-EXT")
    assert "XK04-decision-in-time" not in bad  # 20 + 10 working days
    _case(demo_ws, "XK-TEST", CaseType.LICENSE, late + [("检验检测鉴定", D(2026, 9, 14), (), D(2026, 9, 18))])
    _, bad = _findings(demo_ws, "XK-TEST")
    assert "XK04-decision-in-time" not in bad  # five working days of testing are not counted (§45)


def test_license_hearing_held_late_and_noticed_late(demo_ws):
    acts = LICENSE_OK[:3] + [("许可听证告知", D(2026, 9, 11), (), None), ("听证申请", D(2026, 9, 14), (), None),
                             ("听证通知", D(2026, 10, 13), (), None), ("听证", D(2026, 10, 16), MARKET, None),
                             ("准予许可", D(2026, 10, 20), (), None), ("颁发证件", D(2026, 10, 21), (), None)]
    _case(demo_ws, "XK-HEAR", CaseType.LICENSE, acts)
    _, bad = _findings(demo_ws, "XK-HEAR")
    # requested 09-14: to be held within 20 WD (by 10-19 with the holiday) — held 10-16, in time;
    # notified 10-13 for 10-16: fewer than 7 days (§48)
    assert "XK07-hearing-held-in-time" not in bad
    assert "XK08-hearing-notice" in bad and "不足7个工作日" in bad["XK08-hearing-notice"].message


def test_a_decision_without_acceptance_is_a_veto(demo_ws):
    _case(demo_ws, "XK-NOACC", CaseType.LICENSE, [a for a in LICENSE_OK if a[0] != "受理"])
    r, bad = _findings(demo_ws, "XK-NOACC")
    assert bad["XK02-accept-before-decide"].severity == "veto"


SEIZURE_OK = [("现场检查", D(2026, 10, 9), MARKET, None), ("查封扣押", D(2026, 10, 9), MARKET, None),
              ("解除查封扣押", D(2026, 11, 6), MARKET, None)]


def test_seizure_within_thirty_days_passes_and_beyond_is_a_veto(demo_ws):
    _case(demo_ws, "QZ-OK", CaseType.COERCION, SEIZURE_OK, state=CaseState.CLOSED)
    _, bad = _findings(demo_ws, "QZ-OK")
    assert set(bad) == {"QZ04-seizure-list"}  # the 决定书 is the act's document; no 清单 is on file (§24)
    _case(demo_ws, "QZ-LATE", CaseType.COERCION, SEIZURE_OK[:2] + [("解除查封扣押", D(2026, 11, 12), MARKET, None)])
    _, bad = _findings(demo_ws, "QZ-LATE")
    f = bad["QZ05-seizure-period"]
    assert f.severity == "veto" and "2026-11-09" in f.message  # 30 days end 11-08, a Sunday: the next working day
    _case(demo_ws, "QZ-EXT", CaseType.COERCION, SEIZURE_OK[:2] + [("查封扣押延期", D(2026, 11, 5), MARKET, None),
                                                                  ("解除查封扣押", D(2026, 11, 30), MARKET, None)])
    _, bad = _findings(demo_ws, "QZ-EXT", today=D(2026, 12, 1))
    assert "QZ05-seizure-period" not in bad  # extended by 30 days with approval (§25)


def test_seizure_still_running_past_its_period_is_reported(demo_ws):
    _case(demo_ws, "QZ-OPEN", CaseType.COERCION, SEIZURE_OK[:2], state=CaseState.INVESTIGATING)
    _, bad = _findings(demo_ws, "QZ-OPEN", today=D(2026, 11, 23))
    assert "至2026-11-23仍未" in bad["QZ05-seizure-period"].message


def test_enforcement_needs_an_urge_first_and_court_ten_working_days_after_it(demo_ws):
    _case(demo_ws, "QZ-ENF", CaseType.COERCION, [("强制执行决定", D(2026, 11, 2), MARKET, None)])
    _, bad = _findings(demo_ws, "QZ-ENF")
    assert bad["QZ09-urge-before-enforcement"].severity == "veto"
    _case(demo_ws, "QZ-COURT", CaseType.COERCION, [("催告", D(2026, 11, 2), MARKET, None), ("申请法院强制执行", D(2026, 11, 10), (), None)])
    _, bad = _findings(demo_ws, "QZ-COURT")
    assert "QZ13-court-urge" in bad and "不足10个工作日" in bad["QZ13-court-urge"].message


def test_a_case_type_without_a_pack_gets_one_finding_not_another_types_rules(demo_ws):
    _case(demo_ws, "ZS-1", CaseType.EXPROPRIATION, [("现场检查", D(2026, 10, 9), MARKET[:1], None)])
    r = check_case(context_for(demo_ws, "ZS-1", D(2026, 11, 23)), "review")
    assert [f.rule for f in r.findings] == ["PACK-missing"]
    assert "尚无《行政征收征用》审核规则包" in r.findings[0].message and r.verdict == "未能自动审核"


def test_a_misspelt_parameter_stops_the_pack_from_loading(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "x.toml").write_text(
        'case_type = "行政许可"\n[[rules]]\nid = "T1"\ncategory = "procedure"\nseverity = "major"\npredicate = "deadline"\n'
        'params = { start = ["受理"], end = ["准予许可"], dayz = 20 }\nmessage = "{detail}"\n', encoding="utf-8")
    monkeypatch.setattr(engine, "HERE", tmp_path)
    engine.load_rules.cache_clear()
    try:
        with pytest.raises(CheckError) as e:
            engine.load_rules()
        assert "T1" in str(e.value) and "dayz" in str(e.value) and "拼写错误" in str(e.value)
    finally:
        monkeypatch.undo()
        engine.load_rules.cache_clear()


def test_a_license_dossier_asks_for_license_documents_not_penalty_ones(demo_ws):
    from casefile.law.requirements import refusal, required_documents
    from doc_templates.catalogue import load_catalogue

    c = _case(demo_ws, "XK-DOS", CaseType.LICENSE, LICENSE_OK, state=CaseState.CLOSED)
    c.acts.append(Act(kind=ActKind.CLOSING, date=D(2026, 9, 30)))
    need = {t.code for t, _ in required_documents(demo_ws, c)}
    assert {"license_application", "license_application_receipt", "license_acceptance", "site_verification_record",
            "license_grant", "license_certificate", "cover", "toc"} <= need  # 备考表 once archived
    assert not need & {"filing_approval", "decision", "penalty_notice", "decision_approval", "investigation_report"}
    why = refusal(demo_ws, c, load_catalogue().get("decision"))
    assert "本案为行政许可案件" in why


def test_doc_types_lists_license_coercion_and_inspection_documents(run_cli):
    import json

    code, out, _ = run_cli("doc", "types", "--json")
    by_code = {t["code"]: t for t in json.loads(out)}
    assert by_code["license_grant"]["case_types"] == ["行政许可"] and by_code["license_grant"]["name"] == "准予行政许可决定书"
    assert "行政强制" in by_code["urge_notice"]["case_types"] and "行政检查" in by_code["inspection_record"]["case_types"]


def test_license_deadlines_in_the_case_list_and_publicity(demo_ws, run_cli):
    import json

    # the demo's licence was accepted on 2026-11-10: 20 working days end on 2026-12-08 (行政许可法§42)
    code, out, err = run_cli("--today", "2026-12-07", "case", "list", "--json", "-w", str(demo_ws.root))
    xk = next(c for c in json.loads(out) if c["id"] == "XK-2026-015")
    assert ("许可决定", "2026-12-08", "即将到期") in [(w["kind"], w["due"], w["status"]) for w in xk["warnings"]]
    # granted on 12-04: the licence is to be issued within 10 working days, and the grant published within 7 (118号)
    c = demo_ws.load_case("XK-2026-015")
    c.acts.append(Act(kind=ActKind.GRANT, date=D(2026, 12, 4), document="license_grant"))
    demo_ws.save_case(c)
    code, out, err = run_cli("--today", "2026-12-15", "case", "list", "--json", "-w", str(demo_ws.root))
    xk = next(c for c in json.loads(out) if c["id"] == "XK-2026-015")
    assert ("许可证件", "2026-12-18") in [(w["kind"], w["due"]) for w in xk["warnings"]]
    code, out, err = run_cli("--today", "2026-12-15", "publicity", "due", "--json", "-w", str(demo_ws.root))
    pub = next(d for d in json.loads(out) if d["case"] == "XK-2026-015")
    assert (pub["kind"], pub["decided"], pub["due"]) == ("公示", "2026-12-04", "2026-12-15")


def test_a_seizure_term_beyond_thirty_days_and_an_extension_beyond_thirty_more(demo_ws):
    """行政强制法§25 (issue 28): the term a 查封扣押决定书 sets is at most 30 days, an extension at most 30 more."""
    seized = ("查封扣押", D(2026, 6, 1), MARKET, D(2026, 6, 30))
    _case(demo_ws, "QZ-TERM-OK", CaseType.COERCION, [seized, ("查封扣押延期", D(2026, 6, 28), (), D(2026, 7, 30)),
                                                     ("解除查封扣押", D(2026, 7, 24), MARKET, None)])
    _case(demo_ws, "QZ-TERM-45", CaseType.COERCION, [("查封扣押", D(2026, 6, 1), MARKET, D(2026, 7, 15)),
                                                     ("解除查封扣押", D(2026, 6, 25), MARKET, None)])
    _case(demo_ws, "QZ-TERM-90", CaseType.COERCION, [seized, ("查封扣押延期", D(2026, 6, 28), (), D(2026, 9, 28)),
                                                     ("解除查封扣押", D(2026, 7, 24), MARKET, None)])
    assert not {"QZ06-extension-limit", "QZ07-seizure-term"} & set(_findings(demo_ws, "QZ-TERM-OK")[1])
    assert set(_findings(demo_ws, "QZ-TERM-45")[1]) >= {"QZ07-seizure-term"}
    bad = _findings(demo_ws, "QZ-TERM-90")[1]
    assert "QZ06-extension-limit" in bad and "2026-09-28" in bad["QZ06-extension-limit"].message


def test_a_license_published_late_is_found(demo_ws):
    """国办发〔2018〕118号 (issue 28): a licence decision is published within 7 working days, like a penalty decision."""
    _case(demo_ws, "XK-PUB-OK", CaseType.LICENSE, LICENSE_OK + [("公示", D(2026, 9, 29), (), None)])
    _case(demo_ws, "XK-PUB-LATE", CaseType.LICENSE, LICENSE_OK + [("公示", D(2026, 10, 30), (), None)])
    assert "XK14-result-published" not in _findings(demo_ws, "XK-PUB-OK")[1]
    assert "XK14-result-published" in _findings(demo_ws, "XK-PUB-LATE")[1]
