"""The 审计 case type and its rule pack (issue 20 §6, DOMAIN.md §10): an audit done by the book
passes with no rule of another type; each planted defect — one per deadline rule (审计通知书 3
working days before, 10 working days for the audited unit's reply), the auditors, the order —
is found by its own rule and no other."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.store import documents
from casefile.model import Act, ActKind, Case, CaseState, CaseType, Party, PartyKind
from checklists.engine import check_case, context_for
from doc_templates.catalogue import load_catalogue

D = dt.date
AUDITORS = ["33112600101", "33112600102"]  # the demo register: certificates valid through 2028
DOCS = {"审计通知书送达": "audit_notice", "审计报告征求意见": "audit_team_report", "被审计单位书面意见": "audit_reply"}
DECISION = ("清溪县审计局\n审计决定书\n清审决〔2026〕3号\n清溪县农业农村局：\n"
            "本机关于2026年9月7日至9月30日对你单位2025年度财务收支进行了审计……\n"
            "你单位如对本审计决定不服，可以自收到本决定之日起六十日内向清溪县人民政府申请行政复议，"
            "或者自收到本决定之日起六个月内向清溪县人民法院提起行政诉讼。\n二〇二六年十月三十日")
# notice served Tue 09-01; audit from Mon 09-07 (3 WD: 09-04); team report 09-28, reply 10-13
# (10 WD after 09-28 end on 10-16: 国庆 10-01…07 off, Saturday 10-10 worked), decision 10-30
AUDIT_OK = [("审计通知书送达", D(2026, 9, 1), ()), ("实施审计", D(2026, 9, 7), ()), ("审计调查", D(2026, 9, 10), AUDITORS),
            ("审计报告征求意见", D(2026, 9, 28), ()), ("被审计单位书面意见", D(2026, 10, 13), ()), ("审计决定", D(2026, 10, 30), ())]


def _audit(ws, cid, acts, *, report=True, decision_text=DECISION):
    c = Case(id=cid, case_type=CaseType.AUDIT, state=CaseState.DECIDED, sector="审计", agency="清溪县审计局",
             title="清溪县农业农村局2025年度财务收支审计",
             parties=[Party(kind=PartyKind.ORG, name="清溪县农业农村局", id_number="")],
             acts=[Act(kind=ActKind(k), date=d, officers=list(o), document=DOCS.get(k, "")) for k, d, o in acts])
    ws.create_case(c)
    case_dir = ws.cases_dir / cid
    if report:
        documents.add_document(case_dir, "清溪县审计局\n审计报告\n……".encode(), "审计报告.txt",
                               documents.DocRecord(file="", doc_type="audit_report", title="审计报告"), stage="决定")
    documents.add_document(case_dir, decision_text.encode(), "审计决定书.txt",
                           documents.DocRecord(file="", doc_type="audit_decision", title="审计决定书"), stage="决定")
    return c


def _check(ws, cid):
    r = check_case(context_for(ws, cid, D(2026, 11, 23)), "review")
    return r, {f.rule: f for f in r.findings if f.severity in ("veto", "major")}


def test_the_catalogue_lists_the_audit_documents_for_audits_only():
    audit = [t for t in load_catalogue().types if "审计" in t.case_types]
    assert {t.name for t in audit} >= {"审计通知书", "审计报告", "审计决定书", "被审计单位书面意见"}
    # the audit papers belong to audits only; an audit dossier shares only the volume forms, the
    # 送达回证, the evidence every case type files and the 行政处理决定书 (审计, 发改, 财政 and 医保 offices issue it)
    shared = {"cover", "toc", "remarks", "service_receipt", "evidence_material", "handling_decision"}
    assert all(t.case_types == ("审计",) for t in audit if t.code not in shared)
    assert {t.code for t in audit if t.code.startswith("audit_")} == {t.code for t in audit if t.case_types == ("审计",)}


def test_an_audit_by_the_book_passes_its_own_pack(demo_ws):
    _audit(demo_ws, "SJ-OK", AUDIT_OK)
    r, bad = _check(demo_ws, "SJ-OK")
    assert bad == {} and r.verdict == "同意", [f.message for f in r.findings]
    assert all(f.rule.startswith("SJ") for f in r.findings)  # never 行政处罚法 rules on an audit


def _with(change=None, drop=(), officers=None):
    change = change or {}
    return [(k, change.get(k, d), officers if (officers is not None and k == "审计调查") else o) for k, d, o in AUDIT_OK if k not in drop]


@pytest.mark.parametrize("acts,rule,words", [
    # audit begun 2 working days after the notice (§42: 3 days before; 实施条例§56: working days)
    (_with({"审计通知书送达": D(2026, 9, 3)}), "SJ01-notice-in-time", "最早2026-09-08"),
    # decided 10-16, the last of the 10 working days from 09-28, without the unit's reply (§44)
    (_with({"审计决定": D(2026, 10, 16)}, drop=("被审计单位书面意见",)), "SJ05-reply-window", "至2026-10-16"),
    # one auditor on the inquiry (§43: 不少于二人)
    (_with(officers=AUDITORS[:1]), "SJ03-auditors", "少于2人"),
    # the team's report never sent for the unit's opinion (§44)
    (_with(drop=("审计报告征求意见", "被审计单位书面意见")), "SJ04-opinion-asked", "未先征求"),
])
def test_audit_defects_planted_one_at_a_time(demo_ws, acts, rule, words):
    _audit(demo_ws, "SJ-BAD", acts)
    _, bad = _check(demo_ws, "SJ-BAD")
    assert set(bad) == {rule}, {k: v.message for k, v in bad.items()}
    assert words in bad[rule].message and "审计法" in bad[rule].basis


def test_a_reply_received_early_lets_the_office_decide_before_ten_days(demo_ws):
    _audit(demo_ws, "SJ-EARLY", _with({"被审计单位书面意见": D(2026, 10, 9), "审计决定": D(2026, 10, 14)}))
    assert _check(demo_ws, "SJ-EARLY")[1] == {}


def test_a_decision_without_the_office_report_or_remedies_is_found(demo_ws):
    _audit(demo_ws, "SJ-DOC", AUDIT_OK, report=False, decision_text=DECISION.split("你单位如对")[0])
    r, bad = _check(demo_ws, "SJ-DOC")
    assert set(bad) == {"SJ06-report-on-file"}
    assert any(f.rule == "SJ07-remedies" and f.severity == "minor" for f in r.findings)
