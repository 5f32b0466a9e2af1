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
        lambda: s.save_entry(cid, "evidence", {"kind": "书证", "name": "补充的进货单"}),
        lambda: s.remove_entry(cid, "evidence", 0),
        lambda: s.save_case_fact(cid, "违法事实", {"text": "改写的违法事实"}, replace=True),
        lambda: s.import_files(cid, [next(DATA.rglob("*.docx"))]),
        lambda: s.add_evidence(cid, next(DATA.rglob("*.docx")), "现场检查"),
    ]
    for attempt in attempts:
        with pytest.raises(UsageError) as e:
            attempt()
        assert "已归档" in e.value.message
    assert path.read_bytes() == before
