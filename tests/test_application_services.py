"""The session is a core (workspace, clock, the acting user) and typed services over it; each
service is given the services it calls, and every writing operation is checked before it runs."""

from __future__ import annotations

import json

import pytest

from casefile.errors import PermissionDenied
from tui.application import Clock, NewCase, Session
from tui.application.core import Result, Service

TODAY = "2026-11-23"
SERVICES = {"cases", "documents", "review", "search", "records", "entries", "imports", "approvals",
            "inspections", "evaluation", "users"}


def test_the_session_offers_the_core_and_services_only():
    public = {n for n in dir(Session) if not n.startswith("_")}
    assert public == SERVICES | {"open", "init", "demo", "ws", "clock", "today", "root", "profile", "access"}


def test_services_share_one_core_and_name_the_services_they_call(demo_ws):
    s = Session(demo_ws, Clock(TODAY))
    assert all(isinstance(getattr(s, n), Service) and getattr(s, n).core is s.core for n in SERVICES)
    assert s.review.entries is s.entries and s.review.search is s.search and s.entries.cases is s.cases
    assert s.approvals.documents is s.documents and s.records.search is s.search
    assert s.cases is s.cases  # built once, on first use


def test_an_unregistered_login_is_refused_before_anything_is_checked_or_written(demo_ws, monkeypatch):
    monkeypatch.setenv("CASEFILE_USER", "wangwu")
    s = Session(demo_ws, Clock(TODAY))
    before = (demo_ws.cases_dir / "SJ-2026-088" / "case.toml").read_bytes()
    with pytest.raises(PermissionDenied, match="不在本工作区的用户清单中"):
        s.cases.create_case(NewCase(party="清溪县某某商行", cause="未明码标价"))
    # 重新送审 is refused for want of the role, not for its blockers (no round yet)
    with pytest.raises(PermissionDenied, match="不能“重新送审”"):
        s.review.resubmit("SJ-2026-088")
    with pytest.raises(PermissionDenied):
        s.entries.save_entry("SJ-2026-088", "parties", {"kind": "法人", "name": "某公司"})
    assert (demo_ws.cases_dir / "SJ-2026-088" / "case.toml").read_bytes() == before
    assert len(demo_ws.case_ids()) == 8


def test_a_typed_result_prints_as_the_dict_it_replaces(demo_ws):
    s = Session(demo_ws, Clock(TODAY))
    st = s.records.publicity_status("ZR-2026-012")
    assert isinstance(st, Result) and st.case == "ZR-2026-012" and st.decided == "2026-11-10"
    assert list(st.to_dict()) == ["case", "number", "party", "state", "decided", "published", "withdrawn", "due", "blocked"]
    check = s.records.verify_journals("SJ-2026-088")
    assert check.breaks == {} and json.loads(json.dumps(check.verdict())) == {
        "cases": 1, "ok": True, "breaks": {}, "unanchored": check.unanchored}
