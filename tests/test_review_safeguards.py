"""Legal review with safeguards (issue 21, Deliver 3), in the library and the CLI: a round only on
a submitted case, no opinion over undecided findings or without a 送审 date, added findings with
category, severity and basis, decisions carried over on unchanged findings, an honest diff."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from casefile.errors import CheckError, UsageError
from casefile.model import Act, ActKind, CaseState
from tests.docx_text import docx_text
from tui.application import Clock, Session

CASE = "SJ-2026-088"  # the demo's case submitted for review on 2026-11-16
ROUND1, ROUND2 = dt.date(2026, 11, 23), dt.date(2026, 11, 25)
BASIS = "《中华人民共和国行政处罚法》第三十二条"


def _session(ws, day=ROUND1) -> Session:
    return Session(ws, Clock(day))


def _journal(ws, case_id=CASE) -> list[dict]:
    return [json.loads(l) for l in (ws.cases_dir / case_id / "journal.jsonl").read_text(encoding="utf-8").splitlines()]


def _preservation_decision(folder: Path) -> Path:
    """The missing 先行登记保存物品处理决定书, as the handler would scan it in (the party's right code)."""
    from docx import Document

    d = Document()
    d.add_heading("清溪县市场监督管理局", 1)
    d.add_heading("先行登记保存物品处理决定书", 1)
    d.add_paragraph("清市监保处〔2026〕12号")
    d.add_paragraph("当事人：清溪县百味源食品有限公司")
    d.add_paragraph("统一社会信用代码：91331126MA2J0Q7C5A")
    d.add_paragraph("本局于2026年9月10日对你单位超过保质期的“百味源”牌桃酥126袋、“麦香”牌苏打饼干58盒先行登记保存，"
                    "现依据《中华人民共和国行政处罚法》第五十六条决定予以扣押。")
    d.add_paragraph("清溪县市场监督管理局　2026年9月17日")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "先行登记保存物品处理决定书.docx"
    d.save(path)
    return path


def _first_round(s: Session) -> dict:
    """Round 1: the party's wrong code in the 陈述申辩书 overridden, the missing document accepted,
    a finding of the reviewer's own; the opinion issued."""
    r1 = s.review.open_review(CASE)
    by_rule = {f["rule"]: f for f in r1["findings"]}
    assert set(by_rule) == {"F02-parties-agree", "C01-required-documents"}
    s.review.decide_finding(CASE, by_rule["F02-parties-agree"]["id"], "override", "陈述申辩书系当事人笔误，营业执照复印件核实一致")
    s.review.decide_finding(CASE, by_rule["C01-required-documents"]["id"], "accept")
    s.review.add_finding(CASE, "裁量", "重大", "裁量理由未说明当事人主动召回情节", BASIS)
    s.review.issue_opinion(CASE)
    return s.review.current_review(CASE)


# -- 1. a round only on a submitted case ------------------------------------------------------------
def test_round_only_on_a_submitted_case_and_once_per_submission(demo_ws, run_cli):
    s = _session(demo_ws)
    w = ["-w", str(demo_ws.root)]
    # 调查中 / 已决定 / 已归档: refused with the state named, in the library and the CLI
    for case_id in ("YJ-2026-003", "ZR-2026-012", "SJ-2026-037"):
        state = s.cases.load_case(case_id).state
        assert state != CaseState.IN_REVIEW
        with pytest.raises(CheckError, match=f"状态是“{state.value}”，尚未提交法制审核"):
            s.review.open_review(case_id)
        code, _, err = run_cli("review", "open", case_id, *w)
        assert code == 11 and "尚未提交法制审核" in err
    # 待法制审核 set by hand but no 提交法制审核 act: the state is no submission
    case = s.cases.load_case("SJ-2026-037")
    case.state = CaseState.IN_REVIEW
    case.acts = [a for a in case.acts if a.kind != ActKind.SUBMIT_REVIEW]
    demo_ws.save_case(case)
    assert "没有提交法制审核（送审）的记录" in s.review.can_open_review(s.cases.load_case("SJ-2026-037"))
    code, _, err = run_cli("review", "open", "SJ-2026-037", *w)
    assert code == 11 and "没有提交法制审核（送审）的记录" in err
    # the submitted case: one round per submission
    r1 = s.review.open_review(CASE)
    assert r1["submission"] == {"date": "2026-11-16", "count": 1}
    with pytest.raises(CheckError, match="第 1 轮审核尚未出具意见"):
        s.review.open_review(CASE)
    for f in r1["findings"]:
        s.review.decide_finding(CASE, f["id"], "accept")
    s.review.issue_opinion(CASE)
    code, _, err = run_cli("review", "open", CASE, *w)
    assert code == 11 and "重新送审后才能开始第 2 轮" in err
    # resubmission: once after an opinion, then the next round
    s2 = _session(demo_ws, ROUND2)
    assert s2.entries.resubmission_blockers(CASE) == []
    s2.review.resubmit(CASE)
    with pytest.raises(CheckError, match="已重新送审"):
        s2.review.resubmit(CASE)
    assert s2.review.open_review(CASE)["submission"] == {"date": "2026-11-25", "count": 2}
    assert [e["act"] for e in _journal(demo_ws)].count("开始法制审核") == 2


# -- 2. no opinion over undecided findings, nor without the 送审 date ---------------------------------
def test_opinion_refused_while_findings_are_undecided(demo_ws, run_cli):
    s = _session(demo_ws)
    r1 = s.review.open_review(CASE)
    ids = [f["id"] for f in r1["findings"]]
    s.review.decide_finding(CASE, ids[0], "accept")
    why, details = s.review.can_issue_opinion(CASE)
    assert why == f"第 1 轮还有 1 条审核发现待定（编号 {ids[1]}），不能出具审核意见书" and details
    with pytest.raises(CheckError, match="1 条审核发现待定"):
        s.review.issue_opinion(CASE)
    code, _, err = run_cli("review", "opinion", CASE, "-w", str(demo_ws.root))
    assert code == 11 and f"1 条审核发现待定（编号 {ids[1]}）" in err
    assert not (demo_ws.cases_dir / CASE / "docs" / "120-法制审核意见书.docx").exists()
    assert "出具法制审核意见" not in [e["act"] for e in _journal(demo_ws)]
    # decided: issued, with the date of the submission reviewed
    s.review.decide_finding(CASE, ids[1], "override", "已补正")
    opinion = s.review.issue_opinion(CASE)
    assert opinion["submitted"] == "2026-11-16"
    text = docx_text(demo_ws.cases_dir / CASE / opinion["file"])
    assert "你单位于二〇二六年十一月十六日送审的清溪县百味源食品有限公司销售超过保质期的食品一案" in text


def test_no_blank_submission_date(demo_ws):
    s = _session(demo_ws)
    r1 = s.review.open_review(CASE)
    for f in r1["findings"]:
        s.review.decide_finding(CASE, f["id"], "accept")
    # a round written before rounds recorded their submission, on a case whose record of it was lost
    path = demo_ws.cases_dir / CASE / "reviews" / "round-1" / "round.json"
    legacy = json.loads(path.read_text(encoding="utf-8"))
    del legacy["submission"]
    path.write_text(json.dumps(legacy, ensure_ascii=False), encoding="utf-8")
    case = s.cases.load_case(CASE)
    case.acts = [a for a in case.acts if a.kind != ActKind.SUBMIT_REVIEW]
    demo_ws.save_case(case)
    with pytest.raises(CheckError, match="没有提交法制审核（送审）的记录，审核意见书的送审日期无从填写"):
        s.review.issue_opinion(CASE)
    assert not list((demo_ws.cases_dir / CASE / "docs").glob("*法制审核意见书*"))
    # the record restored: the opinion names that day
    case.acts.append(Act(kind=ActKind.SUBMIT_REVIEW, date=dt.date(2026, 11, 16)))
    demo_ws.save_case(case)
    text = docx_text(demo_ws.cases_dir / CASE / s.review.issue_opinion(CASE)["file"])
    assert "于二〇二六年十一月十六日送审" in text and "于送审" not in text


# -- 3. added findings: category, severity and basis ----------------------------------------------
def test_added_findings_need_category_severity_and_basis(demo_ws, run_cli):
    s = _session(demo_ws)
    s.review.open_review(CASE)
    with pytest.raises(UsageError) as e:
        s.review.add_finding(CASE, "", "", "听证笔录未载明申请回避权利的告知", "")
    assert [p.split("：")[0] for p in e.value.details] == ["类别", "严重程度", "法律依据"]
    with pytest.raises(UsageError, match="“程序问题”不是审核类别"):
        s.review.add_finding(CASE, "程序问题", "重大", "听证笔录未载明申请回避权利的告知", "《中华人民共和国行政处罚法》第六十四条")
    with pytest.raises(UsageError, match="法律依据：必填"):
        s.review.add_finding(CASE, "程序", "重大", "听证笔录未载明申请回避权利的告知", "—")
    w = ["-w", str(demo_ws.root)]
    code, _, err = run_cli("review", "add", CASE, "--category", "程序", "--severity", "重大",
                           "--message", "听证笔录未载明申请回避权利的告知", *w)
    assert code == 2 and "--basis" in err
    # Chinese names or codes
    code, out, err = run_cli("review", "add", CASE, "--category", "程序", "--severity", "重大", "--message",
                             "听证笔录未载明申请回避权利的告知", "--basis", "《中华人民共和国行政处罚法》第六十四条", "--json", *w)
    assert code == 0, err
    added = json.loads(out)
    assert (added["category"], added["severity"]) == ("procedure", "major")
    for f in s.review.current_review(CASE)["findings"]:
        s.review.decide_finding(CASE, f["id"], "accept")
    text = docx_text(demo_ws.cases_dir / CASE / s.review.issue_opinion(CASE)["file"])
    assert "听证笔录未载明申请回避权利的告知（依据：《中华人民共和国行政处罚法》第六十四条）" in text
    assert "依据：—" not in text
    entry = [e for e in _journal(demo_ws) if e["act"] == "补充审核发现"][-1]
    assert entry["changes"]["basis"] == "《中华人民共和国行政处罚法》第六十四条"


# -- 4 and 5. carry-over and the honest diff across two rounds ------------------------------------
def test_decisions_carry_over_and_the_diff_is_honest(demo_ws, tmp_path):
    s = _session(demo_ws)
    r1 = _first_round(s)
    party1 = next(f for f in r1["findings"] if f["rule"] == "F02-parties-agree")
    # the handler puts one problem right (the missing document), leaves the other, changes a fact
    s2 = _session(demo_ws, ROUND2)
    s2.imports.import_files(CASE, [_preservation_decision(tmp_path / "scan")])
    case = s2.cases.load_case(CASE)
    case.violation.circumstances = ["主动召回"]
    demo_ws.save_case(case)
    s2.review.resubmit(CASE)
    r2 = s2.review.open_review(CASE)

    # the unchanged finding keeps its decision and reason, marked as carried from round 1
    party2 = next(f for f in r2["findings"] if f["rule"] == "F02-parties-agree")
    assert (party2["decision"], party2["reason"], party2["carried_from"]) == ("override", party1["reason"], 1)
    # the fixed one no longer fires; the reviewer's own comes back undecided
    assert not [f for f in r2["findings"] if f["rule"] == "C01-required-documents"]
    assert [(a["message"], a["decision"], a["from_round"]) for a in r2["added"]] == [("裁量理由未说明当事人主动召回情节", None, 1)]
    ch = r2["changes"]
    status = {(x["rule"], x["status"]) for x in ch["findings"]}
    assert ("C01-required-documents", "已解决") in status and ("F02-parties-agree", "未变化") in status
    assert [x["rule"] for x in ch["resolved"]] == ["C01-required-documents"]  # only what no longer fires
    assert [x["message"] for x in ch["to_recheck"]] == ["裁量理由未说明当事人主动召回情节"]
    assert "docs/先行登记保存物品处理决定书.docx" in ch["documents_added"]
    # facts by their Chinese names
    lines = {(c["field"], c["change"], c["text"]) for c in ch["fact_changes"]}
    assert ("违法情节", "修改", "（无） → 主动召回") in lines
    assert ("执法行为", "新增", "2026-11-25 提交法制审核 第1轮审核后修改重新送审") in lines
    assert not {c["field"] for c in ch["fact_changes"]} & {"acts", "violation.circumstances", "parties"}
    # journaled
    carried = next(e for e in _journal(demo_ws) if e["act"] == "沿用上一轮审核决定")
    assert carried["changes"]["carried"] == [{"finding": party2["id"], "rule": "F02-parties-agree", "decision": "override", "from_round": 1}]
    # the opinion waits for the reviewer's own finding to be confirmed; the carried one needs nothing
    assert [f["id"] for f in s2.review.undecided_findings(r2)] == [r2["added"][0]["id"]]


def test_a_finding_still_firing_in_other_words_is_changed_not_resolved(demo_ws):
    s = _session(demo_ws)
    _first_round(s)
    # the handler corrects the case's record of the code to another wrong one: the 陈述申辩书 still disagrees
    case = s.cases.load_case(CASE)
    case.parties[0].id_number = "91331126MA2J0Q7C6B"
    demo_ws.save_case(case)
    s2 = _session(demo_ws, ROUND2)
    s2.review.resubmit(CASE)
    r2 = s2.review.open_review(CASE)
    ch = r2["changes"]
    statement = next(x for x in ch["findings"] if x["rule"] == "F02-parties-agree" and "陈述申辩书" in x["message"])
    assert statement["status"] == "已变化" and "91331126MA2J0Q7C5A" in statement["old_message"]
    assert not any(x["rule"] == "F02-parties-agree" for x in ch["resolved"])
    now = next(f for f in r2["findings"] if f["id"] == statement["id"])
    assert now["decision"] is None and "carried_from" not in now  # changed: decided afresh
    assert any(c["field"] == "当事人" for c in ch["fact_changes"])


def test_matching_rules_on_synthetic_findings():
    from checklists.review_changes import match_findings

    def f(i, rule, msg, doc="", text="", page=1):
        return {"id": i, "rule": rule, "message": msg, "evidence": [{"doc": doc, "page": page, "text": text}] if doc else []}

    prev = [f(1, "F02", "代码为A，与B不一致", "docs/a.docx", "A"), f(2, "C01", "缺少《甲》"), f(3, "C01", "缺少《乙》"),
            f(4, "D01", "罚款100元不在幅度内")]
    cur = [f(1, "F02", "代码为A，与B不一致", "docs/a.docx", "A", page=3),  # same text, moved to page 3
           f(2, "C01", "缺少《乙》"),
           f(3, "D01", "罚款120元不在幅度内")]
    got = {(p["id"] if p else None, c["id"] if c else None): st for p, c, st in match_findings(prev, cur)}
    assert got == {(1, 1): "未变化", (3, 2): "未变化", (4, 3): "已变化", (2, None): "已解决"}
    # another quote in the same place is a changed finding, never resolved
    got = match_findings([f(1, "F02", "代码为A", "docs/a.docx", "A")], [f(1, "F02", "代码为C", "docs/a.docx", "C")])
    assert [st for _, _, st in got] == ["已变化"]


def test_every_rule_has_a_chinese_name():
    from checklists.review_changes import rule_name

    ids = [r["id"] for p in sorted(Path("checklists/rules").glob("*.toml"))
           for r in tomllib.loads(p.read_text(encoding="utf-8"))["rules"]]
    assert ids and all(rule_name(i) != "审核规则" for i in ids)
    assert rule_name("L01-citations") == "法律条文引用" and rule_name("人工") == "审核人员补充"


def test_cli_show_speaks_chinese(demo_ws, run_cli, tmp_path):
    s = _session(demo_ws)
    _first_round(s)
    s2 = _session(demo_ws, ROUND2)
    s2.imports.import_files(CASE, [_preservation_decision(tmp_path / "scan")])
    s2.review.resubmit(CASE)
    s2.review.open_review(CASE)
    code, out, err = run_cli("review", "show", CASE, "-w", str(demo_ws.root))
    assert code == 0, err
    assert "[当事人信息一致｜事实/重大]" in out and "沿用第1轮" in out
    assert "已解决：[文书齐全]" in out and "待复核：" in out and "事实·执法行为新增：2026-11-25 提交法制审核" in out
    assert "F02-parties-agree" not in out and "acts" not in out
