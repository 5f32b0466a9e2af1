"""An archived case is read-only in the application layer (issue 29, item 5): facts, records,
imports and evidence are refused with the reason, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.errors import UsageError
from tests.conftest import DATA
from tui.application import Clock, Session

TODAY = dt.date(2026, 11, 23)


def test_archived_case_refuses_every_change(demo_ws, tmp_path):
    s = Session(demo_ws, Clock(TODAY))
    cid = "SJ-2026-037"  # 已归档
    path = demo_ws.cases_dir / cid / "case.toml"
    before = path.read_bytes()
    attempts = [
        lambda: s.entries.save_entry(cid, "evidence", {"kind": "书证", "name": "补充的进货单"}),
        lambda: s.entries.remove_entry(cid, "evidence", 0),
        lambda: s.entries.save_case_fact(cid, "违法事实", {"text": "改写的违法事实"}, replace=True),
        lambda: s.imports.import_files(cid, [next(DATA.rglob("*.docx"))]),
        lambda: s.documents.add_evidence(cid, next(DATA.rglob("*.docx")), "现场检查"),
    ]
    for attempt in attempts:
        with pytest.raises(UsageError) as e:
            attempt()
        assert "已归档" in e.value.message
    assert path.read_bytes() == before


def test_demo_built_later_is_dated_relative_to_that_day(demo_ws, tmp_path):
    """Built four weeks after DEMO_TODAY, every case is four weeks younger in its dates and shows
    the same warnings as the demo opened on its own day — not everything 逾期."""
    from casefile.output.demo import DEMO_TODAY

    later = DEMO_TODAY + dt.timedelta(weeks=4)
    moved = Session.demo(tmp_path / "later", today=later)
    base = Session(demo_ws, Clock(DEMO_TODAY))
    for cid in demo_ws.case_ids():
        a, b = base.cases.load_case(cid), moved.cases.load_case(cid)
        assert [x.date + dt.timedelta(weeks=4) for x in a.acts] == [x.date for x in b.acts], cid

    def overdue(s):
        return {c.id for c in s.cases.case_list().cases if any("逾期" in str(w.to_dict()) for w in c.warnings)}

    assert overdue(moved) == overdue(base) and len(overdue(base)) < len(demo_ws.case_ids())


def test_an_import_records_a_decision_only_when_asked(demo_ws, tmp_path):
    """The TUI shows a decision's facts and asks; declined, the documents come in and the case
    neither moves to 已决定 nor takes the decision's measures or date."""
    import shutil

    folder = tmp_path / "材料"
    shutil.copytree(DATA / "dossiers" / "correct_market_ordinary_table", folder)
    s = Session(demo_ws, Clock(TODAY))
    cid = "YJ-2026-003"  # 已立案
    pv = s.imports.import_preview(cid, [folder])
    shown = [i for i in pv.items if i.decision]
    assert shown and "罚款" in shown[0].decision  # what would be recorded, shown before asking
    before = demo_ws.load_case(cid)
    r = s.imports.import_files(cid, [folder], fill_decision=False)
    after = demo_ws.load_case(cid)
    assert any(d.doc_type == "decision" for d in r.documents)
    assert after.state == before.state and after.decided == before.decided and after.number == before.number
    assert not after.acts_of("决定") and "state" not in r.facts_filled
