"""Full-process record, audio/video evidence, publicity and statistics (issue 7)."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import re

import pytest

from casefile.chain import journal
from casefile.law.days import DEFAULT as CAL
from casefile.output.redact import redact
from tests.conftest import SAMR


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_demo_journals_verify(demo_ws, run_cli):
    code, out, err = run_cli("journal", "verify", "--all", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert json.loads(out)["ok"] is True


@pytest.mark.parametrize("tamper,expect", [
    ("byte", "第 3 条记录的内容与其哈希不符"),
    ("delete", "第 4 条记录处哈希链断开"),
    ("swap", "第 4 条记录处哈希链断开"),
    ("insert", "哈希链断开"),
])
def test_tampering_is_detected_and_named(demo_ws, run_cli, tamper, expect):
    path = demo_ws.cases_dir / "SJ-2026-037" / "journal.jsonl"
    lines = _lines(path)
    if tamper == "byte":
        lines[2] = lines[2].replace('"stage": "', '"stage": " ', 1) if '"stage": "' in lines[2] else lines[2][:-3] + "X" + lines[2][-2:]
    elif tamper == "delete":
        del lines[2]
    elif tamper == "swap":
        lines[2], lines[3] = lines[3], lines[2]
    elif tamper == "insert":
        fake = json.loads(lines[2])
        fake["act"] = "伪造记录"
        fake["hash"] = journal.entry_hash(fake)
        lines.insert(3, json.dumps(fake, ensure_ascii=False) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    code, out, err = run_cli("journal", "verify", "SJ-2026-037", "-w", str(demo_ws.root))
    assert code != 0
    assert expect in out + err


def test_document_changed_behind_the_journal(demo_ws, run_cli):
    doc = demo_ws.cases_dir / "SJ-2026-037" / "docs" / "020-行政处罚决定书.docx"
    doc.write_bytes(doc.read_bytes() + b"x")
    code, out, err = run_cli("journal", "verify", "SJ-2026-037", "-w", str(demo_ws.root))
    assert code != 0 and "docs/020-行政处罚决定书.docx" in out + err and "记录外被修改" in out + err


def _append_many(args):
    case_dir, who, n = args
    for i in range(n):
        journal.append(case_dir, f"并发写入{who}-{i}", "调查", {"i": i}, actor=who)


def test_concurrent_appends_lose_nothing(demo_ws):
    case_dir = demo_ws.cases_dir / "YJ-2026-003"
    before = len(journal.read(case_dir))
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        pool.map(_append_many, [(case_dir, "甲", 60), (case_dir, "乙", 60)])
    entries = journal.read(case_dir)
    assert len(entries) == before + 120
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1))
    assert journal.verify(case_dir) == []


def test_evidence_stored_once_and_linked(demo_ws, tmp_path, run_cli):
    video = tmp_path / "查封现场.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"demo-video" * 100)
    w = ["-w", str(demo_ws.root)]
    code, out, err = run_cli("evidence", "add", "HB-2026-005", str(video), "--act", "查封扣押", "--officer", "33112600301", "--json", *w)
    assert code == 0, err
    first = json.loads(out)
    code, out, _ = run_cli("evidence", "add", "HB-2026-005", str(video), "--act", "查封扣押", "--json", *w)
    assert json.loads(out)["duplicate"] is True
    files = list((demo_ws.cases_dir / "HB-2026-005" / "evidence").iterdir())
    assert [f.name for f in files] == [first["file"].split("/")[1]]
    code, _, _ = run_cli("journal", "verify", "HB-2026-005", *w)
    assert code == 0


def test_missing_full_av_record_is_a_finding(demo_ws):
    from checklists.engine import check_case, context_for

    case = demo_ws.load_case("HB-2026-005")
    next(a for a in case.acts if a.kind.value == "查封扣押").recorded = False
    demo_ws.save_case(case)
    r = check_case(context_for(demo_ws, "HB-2026-005", dt.date(2026, 11, 23)), "review")
    assert any(f.rule == "E02-av-full" and "查封扣押" in f.message for f in r.findings)


def test_deadlines_across_holidays_with_adjusted_saturdays():
    assert CAL.add_workdays(dt.date(2025, 9, 30), 7) == dt.date(2025, 10, 16)  # National Day; 10-11 is a 调休 Saturday
    # Spring Festival 2026: 02-15..02-23 off, 02-14 and 02-28 are working Saturdays
    assert CAL.add_workdays(dt.date(2026, 2, 12), 3) == dt.date(2026, 2, 24)
    assert CAL.add_workdays(dt.date(2026, 2, 26), 2) == dt.date(2026, 2, 28)
    assert CAL.add_calendar_days(dt.date(2026, 9, 5), 26) == dt.date(2026, 10, 8)  # ends on National Day → next working day


def test_publicity_due_lists_decided_cases(demo_ws, run_cli):
    code, out, err = run_cli("publicity", "due", "--today", "2026-11-23", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    items = {(i["case"], i["kind"]): i for i in json.loads(out)}
    zr = items[("ZR-2026-012", "公示")]
    assert zr["due"] == "2026-11-19" and zr["status"] == "已逾期"
    assert items[("SJ-2026-037", "公示")]["status"] == "已公示"
    assert ("SJ-2026-088", "公示") not in items  # not decided yet


def test_withdrawal_deadline_after_revocation(demo_ws, run_cli):
    from casefile.model import ActKind
    from casefile.output.publicity import due_list, record

    record(demo_ws, "SJ-2026-037", ActKind.REVOCATION, dt.date(2026, 9, 30), "复议决定变更")
    w = next(d for d in due_list(demo_ws, dt.date(2026, 10, 9)) if d.kind == "撤回")
    # 10-01..10-07 off; 10-08, 10-09 and the 调休 Saturday 10-10 are the three working days
    assert w.due == "2026-10-10" and w.status == "未到期"


def test_export_redacts_and_keeps_the_log_in_the_case(demo_ws, tmp_path, run_cli):
    code, out, err = run_cli("publicity", "export", "ZR-2026-012", "--out", str(tmp_path / "pub"), "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    r = json.loads(out)
    text = (tmp_path / "pub" / "ZR-2026-012-公示.txt").read_text(encoding="utf-8")
    assert "331126197203152812" not in text and "13857801234" not in text and "下湾村12号" not in text
    assert "张德顺" in text and "执法机关：清溪县自然资源和规划局" in text and "文号：清自然资罚〔2026〕12号" in text
    assert not list((tmp_path / "pub").glob("*.json"))
    assert (demo_ws.root / r["log"]).exists()


def test_minor_party_is_refused(demo_ws, run_cli, tmp_path):
    c = demo_ws.load_case("ZR-2026-012")
    c.parties[0].is_minor = True
    demo_ws.save_case(c)
    code, _, err = run_cli("publicity", "export", "ZR-2026-012", "--out", str(tmp_path), "-w", str(demo_ws.root))
    assert code != 0 and "未成年人" in err


ID18 = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def test_redaction_on_real_decisions():
    from casefile.model.ids import valid_uscc

    files = sorted((SAMR / "txt").glob("*.txt"))[:300]
    with_ids = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        flat = re.sub(r"\s+", "", text)
        out, log = redact(flat)
        assert not ID18.search(out), f.name
        assert not MOBILE.search(out), f.name
        with_ids += bool(ID18.search(flat) or MOBILE.search(flat))
        labelled = re.search(r"统一社会信用代码[^:：]{0,8}[:：]([0-9A-Z]{18})", flat)
        if labelled and valid_uscc(labelled.group(1)):
            assert labelled.group(1) in out  # legal persons' codes stay
        m = re.search(r"当事人[:：]([^\s，,。]{4,30}公司)", flat)
        if m:
            assert m.group(1) in out
    assert with_ids > 0  # the sample really contains identifiers to remove


def test_stats(demo_ws, run_cli, tmp_path):
    code, out, err = run_cli("stats", "2026", "--json", "--csv", str(tmp_path / "s.csv"), "-w", str(demo_ws.root))
    assert code == 0, err
    s = json.loads(out)
    assert s["cases"] == 8 and s["by_type"]["处罚"] == 6 and s["by_type"]["许可"] == 1 and s["by_type"]["强制"] == 1
    assert s["hearings_held"] == 1
    assert s["fines_total"] == "78621" and s["publish_by"] == "2027-01-31"
    code, out, _ = run_cli("stats", "2026", "-w", str(demo_ws.root))
    assert "█" in out and "年度行政执法数据" in out
