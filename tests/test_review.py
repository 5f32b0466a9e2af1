"""A review round from opening to the second round after resubmission (issue 5 §7)."""

from __future__ import annotations

import datetime as dt
import json

from casefile.model import Act, ActKind, CaseState
from tests.docx_text import docx_text


def test_review_round_trip(demo_ws, run_cli, monkeypatch):
    w = ["-w", str(demo_ws.root)]
    monkeypatch.setenv("CASEFILE_USER", "zhouting")  # the demo's 法制审核员 reviews; the handler resubmits
    code, out, err = run_cli("review", "open", "SJ-2026-088", "--json", *w)
    assert code == 0, err
    r1 = json.loads(out)
    assert r1["round"] == 1 and r1["documents"] and all(len(h) == 64 for h in r1["documents"].values())
    assert r1["time_limit"]["due"] == "2026-11-30"  # 10 working days from submission on 2026-11-16
    gap = next(f for f in r1["findings"] if "先行登记保存物品处理决定书" in f["message"])
    code, _, err = run_cli("review", "override", "SJ-2026-088", str(gap["id"]), *w)
    assert code != 0  # a reason is required
    code, _, err = run_cli("review", "override", "SJ-2026-088", str(gap["id"]), "--reason", "处理决定已作出，文书补正中", *w)
    assert code == 0, err
    code, _, err = run_cli("review", "add", "SJ-2026-088", "--category", "discretion", "--severity", "重大",
                           "--message", "裁量理由未说明当事人主动召回情节", "--basis", "《中华人民共和国行政处罚法》第三十二条", *w)
    assert code == 0, err
    # the opinion waits for the party's code that disagrees, still undecided
    party = next(f for f in r1["findings"] if f["rule"] == "F02-parties-agree")
    code, _, err = run_cli("review", "opinion", "SJ-2026-088", *w)
    assert code != 0 and "1 条审核发现待定" in err and f"编号 {party['id']}" in err
    code, _, err = run_cli("review", "accept", "SJ-2026-088", str(party["id"]), *w)
    assert code == 0, err
    code, out, err = run_cli("review", "opinion", "SJ-2026-088", "--json", *w)
    assert code == 0, err
    opinion = json.loads(out)
    # the party's code that disagrees (not overridden) and the reviewer's own finding remain
    assert opinion["conclusion"] == "存在问题" and opinion["problems"] == 2
    text = docx_text(demo_ws.cases_dir / "SJ-2026-088" / opinion["file"])
    assert "裁量理由未说明当事人主动召回情节" in text and "存在问题" in text and "周婷" in text
    assert "91331126MA2N8F6A1D" in text
    assert "先行登记保存物品处理决定书" not in text  # overridden with a reason

    # the handler revises: a fact and a document change, then resubmits
    case = demo_ws.load_case("SJ-2026-088")
    case.violation.circumstances = ["主动召回"]
    demo_ws.save_case(case)
    from casefile.output.render import render_document

    rendered = render_document(demo_ws, "SJ-2026-088", "investigation_report", today=dt.date(2026, 11, 24))
    assert rendered.record.file == "docs/110-案件调查终结报告.docx"
    assert (demo_ws.cases_dir / "SJ-2026-088" / rendered.record.file).exists()
    code, _, err = run_cli("review", "resubmit", "SJ-2026-088", *w)
    assert code == 14 and "没有承办人角色" in err  # the reviewer does not resubmit for the handler
    monkeypatch.setenv("CASEFILE_USER", "wangjg")
    code, _, err = run_cli("review", "resubmit", "SJ-2026-088", *w)
    assert code == 0, err
    monkeypatch.setenv("CASEFILE_USER", "zhouting")
    code, out, err = run_cli("review", "open", "SJ-2026-088", "--json", *w)
    assert code == 0, err
    r2 = json.loads(out)
    assert r2["round"] == 2
    ch = r2["changes"]
    assert ch["facts_changed"]["violation.circumstances"]["new"] == ["主动召回"]
    assert "docs/120-法制审核意见书.docx" in ch["documents_added"]
    # the reviewer's own finding is not "resolved" by no rule firing: it comes back to be confirmed
    assert not ch["resolved"] and [x["message"] for x in ch["to_recheck"]] == ["裁量理由未说明当事人主动召回情节"]
    journal = [json.loads(l) for l in (demo_ws.cases_dir / "SJ-2026-088" / "journal.jsonl").read_text(encoding="utf-8").splitlines()]
    journal_acts = [e["act"] for e in journal]
    assert {"开始法制审核", "审核发现不采纳", "补充审核发现", "出具法制审核意见", "重新送审"} <= set(journal_acts)
    # every act names the person who did it
    by = {e["act"]: (e["actor"], e.get("user")) for e in journal}
    assert by["开始法制审核"] == ("zhouting", "周婷") and by["出具法制审核意见"] == ("zhouting", "周婷")
    assert by["重新送审"] == ("wangjg", "王建国")


def test_agree_records_the_review_act(demo_ws, run_cli):
    w = ["-w", str(demo_ws.root)]
    # a round opens only on a submitted case: the archived case is refused, then submitted
    code, _, err = run_cli("review", "open", "SJ-2026-037", *w)
    assert code == 11 and "尚未提交法制审核" in err
    case = demo_ws.load_case("SJ-2026-037")
    case.state = CaseState.IN_REVIEW
    demo_ws.save_case(case)
    if not case.acts_of(ActKind.SUBMIT_REVIEW):  # the state alone is no submission
        code, _, err = run_cli("review", "open", "SJ-2026-037", *w)
        assert code == 11 and "没有提交法制审核" in err
        case.acts.append(Act(kind=ActKind.SUBMIT_REVIEW, date=dt.date(2026, 11, 20)))
        demo_ws.save_case(case)
    code, out, err = run_cli("review", "open", "SJ-2026-037", "--json", *w)
    assert code == 0, err
    assert json.loads(out)["round"] == 1
    code, out, err = run_cli("review", "opinion", "SJ-2026-037", "--json", *w)
    assert code == 0, err
    assert json.loads(out)["conclusion"] == "同意"
    assert demo_ws.load_case("SJ-2026-037").acts_of(ActKind.LEGAL_REVIEW)
