"""One source of legal limits (casefile/data/legal_limits.toml) for entry and print (issue 29,
item 2): each document that would state something unlawful is refused with its article, or —
where the law allows an exception — printed only after a confirmation that is journaled."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from casefile.chain import journal
from casefile.errors import DocumentError, EntryError
from casefile.model import Act, ActKind, Measure
from tui.application import Clock, NewCase, Session

TODAY = dt.date(2026, 11, 23)
OFFICERS = ["王建国", "李晓梅"]
BASIS = "《中华人民共和国食品安全法》第一百二十四条第一款"


@pytest.fixture
def session(demo_ws):
    return Session(demo_ws, Clock(TODAY))


def _penalty_case(session, cid: str, *, procedure: str = "普通", kind: str = "法人") -> str:
    session.cases.create_case(NewCase(id=cid, number=f"清市监处罚〔2026〕{cid[-3:]}号", cause="销售超过保质期的食品", procedure=procedure,
                                party="清溪县好又多超市有限公司" if kind == "法人" else "李明", party_kind=kind,
                                party_address="清溪县城关镇解放路8号", filed="2026-02-02", source="投诉举报", handlers=OFFICERS))
    return cid


def _force(ws, cid, *, acts=(), decided=()):
    """Facts as an import or a hand-edited case.toml would bring them, past the entry checks."""
    case = ws.load_case(cid)
    case.acts += list(acts)
    case.decided += list(decided)
    ws.save_case(case, act="导入")


def _refused(session, cid, code, article):
    with pytest.raises(DocumentError) as e:
        session.documents.render(cid, code)
    assert any(article in d for d in e.value.details), e.value.details
    assert not list((session.ws.cases_dir / cid / "docs").glob(f"*{e.value.message[-6:]}*.docx"))
    return e.value


def test_seizure_extension_beyond_30_days_needs_a_journaled_confirmation(session, demo_ws):
    cid = "QZ-2026-021"  # 查封扣押 2026-10-26 to 2026-11-25
    # entered: 56 more days is allowed only where a law says so, so entry takes it and printing asks
    session.entries.save_entry(cid, "acts", {"kind": "查封扣押延期", "date": "2026-11-20", "end_date": "2027-01-20",
                                     "officers": ["王建国", "许国平"], "note": "案情复杂，需检验检测"})
    with pytest.raises(DocumentError) as e:
        session.documents.render(cid, "seizure_extension")
    assert e.value.title == "须确认" and any("延长查封扣押 56 日" in d and "行政强制法》第二十五条" in d for d in e.value.details)
    done = session.documents.render(cid, "seizure_extension", confirm=True)
    assert done.record.file.endswith("延长查封扣押期限决定书.docx")
    last = [x for x in journal.read(demo_ws.cases_dir / cid) if x["act"] == "确认生成法定例外的文书"][-1]
    assert "56 日" in last["changes"]["confirmed"][0] and last["changes"]["document"] == done.record.file
    # a first seizure of 40 days: no document could carry it, entry refuses it
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "查封扣押", "date": "2026-11-20", "end_date": "2026-12-30", "officers": ["王建国", "许国平"]})
    assert "第二十五条" in e.value.fields["end_date"]


def test_summary_fine_over_section_51_refused_at_entry_and_print(session, demo_ws):
    cid = _penalty_case(session, "DC-2026-201", procedure="简易")
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "decided", {"kind": "罚款", "amount": "5100", "basis": BASIS})
    assert "3,000 元" in e.value.fields["amount"] and "第五十一条" in e.value.fields["amount"]
    session.entries.save_entry(cid, "decided", {"kind": "罚款", "amount": "3000", "basis": BASIS})  # the limit itself is lawful
    _force(demo_ws, cid, acts=[Act(kind=ActKind.DECISION, date=dt.date(2026, 2, 2), officers=["33112600101", "33112600102"])],
           decided=[Measure(kind="罚款", amount=Decimal("2100"), basis=demo_ws.load_case(cid).decided[0].basis)])
    _refused(session, cid, "summary_decision", "《中华人民共和国行政处罚法》第五十一条")
    # a person (个体工商户 too): 200 元
    pid = _penalty_case(session, "DC-2026-202", procedure="简易", kind="自然人")
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(pid, "decided", {"kind": "罚款", "amount": "300", "basis": BASIS})
    assert "200 元" in e.value.fields["amount"]


def _decided_and_served(session, cid, served="2026-03-05"):
    session.entries.save_entry(cid, "decided", {"kind": "罚款", "amount": "8000", "basis": BASIS})
    for kind, day in (("告知", "2026-02-20"), ("决定", "2026-03-02"), ("送达", served)):
        session.entries.save_entry(cid, "acts", {"kind": kind, "date": day, "officers": OFFICERS, "method": "直接送达" if kind == "送达" else ""})


def test_urge_notice_inside_the_payment_period_refused(session, demo_ws):
    cid = _penalty_case(session, "DC-2026-203")
    _decided_and_served(session, cid)
    # 15 days from 2026-03-05: 2026-03-20; a 催告 on 03-18 is refused when entered …
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "催告", "date": "2026-03-18", "officers": OFFICERS})
    assert "缴款期限内" in e.value.fields["date"] and "第六十七条" in e.value.fields["date"]
    # … and when it came in another way, its 催告书 is not printed
    _force(demo_ws, cid, acts=[Act(kind=ActKind.URGE, date=dt.date(2026, 3, 18))])
    _refused(session, cid, "urge_notice", "行政强制法》第三十五条")


def test_court_application_before_the_remedy_periods_ended_refused(session, demo_ws):
    cid = _penalty_case(session, "DC-2026-204")
    _decided_and_served(session, cid)
    session.entries.save_entry(cid, "acts", {"kind": "催告", "date": "2026-04-01", "officers": OFFICERS})  # after 03-20: lawful
    # 6 months to sue from 2026-03-05: an application on 2026-06-10 is early
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "申请法院强制执行", "date": "2026-06-10", "officers": OFFICERS})
    assert "复议、诉讼期限届满" in e.value.fields["date"]
    _force(demo_ws, cid, acts=[Act(kind=ActKind.COURT_APPLICATION, date=dt.date(2026, 6, 10))])
    _refused(session, cid, "court_enforcement_application", "行政强制法》第五十三条")


def test_decision_after_a_review_that_found_problems_refused(session, demo_ws):
    cid = _penalty_case(session, "DC-2026-205")
    _decided_and_served(session, cid)
    rounds = demo_ws.cases_dir / cid / "reviews" / "round-1"
    rounds.mkdir(parents=True)
    (rounds / "round.json").write_text(json.dumps({"round": 1, "opinion": {"conclusion": "存在问题", "date": "2026-02-28"}},
                                                  ensure_ascii=False), encoding="utf-8")
    err = _refused(session, cid, "decision", "《中华人民共和国行政处罚法》第五十八条")
    assert "存在问题" in err.details[0]
