"""Only recorded facts in the printed documents (issue 29, item 3): where a case holds no 记录人,
地点, 主持人 or statement, the form prints a blank to fill by hand — never the last officer, the
agency's name, the register's 负责人 or the case report; the 备考表 says only what was checked."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.output.binding import finish_dossier
from casefile.output.render import render_document
from tests.docx_text import docx_text
from tui.application import Clock, Session

TODAY = dt.date(2026, 11, 23)


def _text(ws, cid, code) -> str:
    r = render_document(ws, cid, code, today=TODAY)
    return docx_text(ws.cases_dir / cid / r.record.file)


def _row(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(label + " | ")).split(" | ", 1)[1]


def test_unrecorded_roles_and_places_are_blanks(demo_ws):
    cid = "SJ-2026-088"  # a 听证 case with no records entered
    blank = "＿＿＿＿＿＿＿＿＿＿"
    onsite = _text(demo_ws, cid, "onsite_record")
    assert _row(onsite, "记录人") == blank
    hearing = _text(demo_ws, cid, "hearing_record")
    facts = demo_ws.load_case(cid).violation.facts
    assert facts[:20] not in hearing  # the investigators' words are written at the hearing
    assert "案件调查人员提出当事人违法的事实、证据和行政处罚建议：\n" in hearing
    case = demo_ws.load_case(cid)
    case.acts.append(case.acts[-1].model_copy(update={"kind": "集体讨论", "date": dt.date(2026, 11, 22)}))
    case.acts.append(case.acts[-1].model_copy(update={"kind": "陈述申辩", "date": dt.date(2026, 11, 10), "note": "当事人称已全部下架"}))
    demo_ws.save_case(case, act="录入执法行为")
    discussion = _text(demo_ws, cid, "collective_discussion")
    assert _row(discussion, "主持人") == blank and facts[:20] not in discussion
    statement = _text(demo_ws, cid, "statement_record")
    assert _row(statement, "地点") == blank and _row(statement, "记录人") == blank


def test_recorded_roles_are_printed(demo_ws):
    s = Session(demo_ws, Clock(TODAY))
    cid = "SJ-2026-088"
    s.entries.save_case_fact(cid, "现场", {"recorder": "王建国", "start": "9:05", "end": "10:40"})
    onsite = _text(demo_ws, cid, "onsite_record")
    assert _row(onsite, "记录人") == "王建国" and "9时05分至10时40分" in onsite


def test_evidence_extraction_lists_only_what_was_provided(demo_ws):
    s = Session(demo_ws, Clock(TODAY))
    cid = "SJ-2026-088"
    s.entries.save_entry(cid, "evidence", {"kind": "勘验笔录、现场笔录", "name": "现场笔录", "source": "执法人员制作"})
    s.entries.save_entry(cid, "evidence", {"kind": "当事人的陈述", "name": "钱国栋询问笔录"})
    s.entries.save_entry(cid, "evidence", {"kind": "书证", "name": "进货单据复印件", "source": "当事人提供"})
    text = _text(demo_ws, cid, "evidence_extraction")
    assert "进货单据复印件" in text and "询问笔录" not in text and "现场笔录" not in text
    assert "与原件" not in text  # the provider writes that, the program does not certify it


@pytest.mark.parametrize("cid", ["HB-2026-005"])
def test_remarks_of_an_open_case_do_not_say_complete(demo_ws, cid):
    done = finish_dossier(demo_ws, cid, today=TODAY)
    remarks = next((demo_ws.cases_dir / cid / "docs").glob("*备考表*.docx"))
    text = docx_text(remarks)
    assert "齐全" not in text and "排列有序" not in text
    assert "案件尚未办结（调查中）" in text, done.warnings
