"""Fact entry checked in one place (casefile.law.entries via Session) and state moves
(casefile.law.transitions via session.entries.move_case), for the CLI and the TUI alike (issue 21, item 4)."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from casefile.law import entries

from casefile.model import ids

from casefile.chain import journal
from casefile.errors import EntryError, UsageError, ValidationError
from casefile.model import ActKind, CaseState
from tui.application import Clock, NewCase, Session

TODAY = dt.date(2026, 11, 23)
CODES = tomllib.loads((Path(__file__).parent / "data" / "entries" / "codes.toml").read_text(encoding="utf-8"))


@pytest.fixture
def session(demo_ws):
    return Session(demo_ws, Clock(TODAY))


def _acts(ws, case_id: str) -> list[str]:
    return [e["act"] for e in journal.read(ws.cases_dir / case_id)]


# -- check digits -----------------------------------------------------------------------------
@pytest.mark.parametrize("code", [c["code"] for c in CODES["uscc"]])
def test_real_uscc_pass(code):
    assert entries.check_uscc(code) == ""
    assert entries.check_party_id("法人", code, TODAY) == ""
    assert ids.valid_uscc(code)  # the extractor's own reading agrees


@pytest.mark.parametrize("case", CODES["uscc_bad"], ids=lambda c: c["code"])
def test_bad_uscc_refused_saying_why(case):
    msg = entries.check_party_id("其他组织", case["code"], TODAY)
    assert case["why"] in msg and "统一社会信用代码" in msg
    assert not ids.valid_uscc(case["code"])


def test_uscc_led_by_a_letter_accepted():
    # GB 32100: the first character is the registering department, a letter for some
    # (N for 农业农村 — a 农村集体经济组织's code reads N2…); only the check character decides
    assert entries.check_party_id("其他组织", "N2330106MA2B3C4D5W", TODAY) == ""
    assert "校验码" in entries.check_party_id("其他组织", "N2330106MA2B3C4D5X", TODAY)


def test_id_card_check_digit_birth_date_and_kind():
    good = CODES["id_card"][0]["code"]
    assert entries.check_party_id("自然人", good, TODAY) == ""
    assert entries.check_party_id("自然人", good.lower(), TODAY) == ""  # x for X
    for case in CODES["id_card_bad"]:
        msg = entries.check_party_id("自然人", case["code"], TODAY)
        assert case["why"] in msg, (case, msg)
    # a natural person's ID in a 法人's code field is refused; a 个体工商户 takes either
    assert "统一社会信用代码" in entries.check_party_id("法人", good, TODAY)
    assert entries.check_party_id("个体工商户", good, TODAY) == ""
    assert entries.check_party_id("个体工商户", CODES["uscc"][1]["code"], TODAY) == ""
    assert entries.check_party_id("法人", "", TODAY) == ""  # not yet known is allowed


# -- entries through the session -----------------------------------------------------------------
def test_bad_party_refused_field_by_field_and_nothing_written(session, demo_ws):
    path = demo_ws.cases_dir / "YJ-2026-003" / "case.toml"
    before, journal_before = path.read_bytes(), _acts(demo_ws, "YJ-2026-003")
    with pytest.raises(EntryError) as e:
        session.entries.save_entry("YJ-2026-003", "parties", {"kind": "自然人", "name": "", "id_number": "110105194912310021",
                                                       "birth_date": "2027-01-01"})
    assert set(e.value.fields) == {"name", "id_number", "birth_date"}
    assert "晚于今天" in e.value.fields["birth_date"]
    assert any(d.startswith("证件号码：") for d in e.value.details)  # the CLI's lines name the field in Chinese
    assert path.read_bytes() == before and _acts(demo_ws, "YJ-2026-003") == journal_before

    case = session.entries.save_entry("YJ-2026-003", "parties", {"kind": "自然人", "name": "王小明", "id_number": "11010519491231002x"})
    assert demo_ws.load_case("YJ-2026-003").parties[-1].id_number == "11010519491231002X"
    assert len(case.parties) == 2 and _acts(demo_ws, "YJ-2026-003")[-1] == "录入当事人"
    session.entries.save_entry("YJ-2026-003", "parties", {"kind": "自然人", "name": "王晓明", "id_number": "11010519491231002X"}, index=1)
    assert demo_ws.load_case("YJ-2026-003").parties[1].name == "王晓明"
    session.entries.remove_entry("YJ-2026-003", "parties", 1)
    assert len(demo_ws.load_case("YJ-2026-003").parties) == 1
    assert _acts(demo_ws, "YJ-2026-003")[-2:] == ["修改当事人", "删除当事人"]


def test_act_officers_dates_and_order(session, demo_ws):
    cid = "YJ-2026-003"  # filed 2026-11-20
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "现场检查", "date": "2026-11-24", "officers": ["33112600101", "张三"]})
    assert "晚于今天" in e.value.fields["date"] and "“张三”不在执法人员清单中" in e.value.fields["officers"]
    # 陈志强's certificate ran out on 2026-05-31
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "现场检查", "date": "2026-11-21", "officers": ["王建国", "陈志强"]})
    assert "陈志强" in e.value.fields["officers"] and "2026-05-31" in e.value.fields["officers"]
    # two officers for an inspection (行政处罚法第四十二条)
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "现场检查", "date": "2026-11-21", "officers": ["王建国"]})
    assert "两名" in e.value.fields["officers"] and "第四十二条" in e.value.fields["officers"]
    # not before the filing
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "询问", "date": "2026-11-19", "officers": ["王建国", "李晓梅"]})
    assert "早于立案日期（2026-11-20）" in e.value.fields["date"]
    # an act of another case type
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "acts", {"kind": "准予许可", "date": "2026-11-21"})
    assert "不是行政处罚案件的执法行为" in e.value.fields["kind"]
    case = session.entries.save_entry(cid, "acts", {"kind": "现场检查", "date": "2026-11-21", "officers": ["王建国", "33112600102"],
                                           "place": "清溪县城东工业园"})
    act = case.acts_of(ActKind.INSPECTION)[-1]
    assert act.officers == ["33112600101", "33112600102"] and act.date == dt.date(2026, 11, 21)
    assert _acts(demo_ws, cid)[-1] == "录入执法行为"


def test_measure_needs_basis_and_a_positive_amount(session, demo_ws):
    cid = "YJ-2026-003"
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "proposed", {"kind": "罚款", "amount": "-100", "basis": ""})
    assert e.value.fields["amount"] == "金额应大于零" and "法律依据" in e.value.fields["basis"]
    with pytest.raises(EntryError) as e:
        session.entries.save_entry(cid, "proposed", {"kind": "罚款", "basis": "按规定处理"})
    assert "须写明金额" in e.value.fields["amount"] and "未能识别" in e.value.fields["basis"]
    case = session.entries.save_entry(cid, "proposed", {"kind": "罚款", "amount": "20,000元",
                                                "basis": "《中华人民共和国安全生产法》第九十九条第（一）项"})
    m = case.proposed[-1]
    assert m.amount == Decimal(20000) and m.basis[0].cite() == "《中华人民共和国安全生产法》第九十九条第（一）项"
    assert "罚款" in (demo_ws.cases_dir / cid / "case.toml").read_text(encoding="utf-8")


def test_evidence_date_not_in_future(session):
    with pytest.raises(EntryError) as e:
        session.entries.save_entry("YJ-2026-003", "evidence", {"kind": "书证", "name": "营业执照复印件", "date": "2026-12-01"})
    assert list(e.value.fields) == ["date"]
    case = session.entries.save_entry("YJ-2026-003", "evidence", {"kind": "书证", "name": "营业执照复印件", "source": "当事人提供", "date": "2026-11-20"})
    assert case.evidence[-1].name == "营业执照复印件"


def test_new_case_refuses_future_filing_and_a_nonsense_id(session, demo_ws):
    n = len(demo_ws.case_ids())
    with pytest.raises(EntryError) as e:
        session.cases.create_case(NewCase(party="清溪县好运来超市有限公司", party_id="123", cause="销售过期食品", filed="2027-05-01"),
                            required=("party", "cause"))
    assert set(e.value.fields) == {"party_id", "filed"}
    assert len(demo_ws.case_ids()) == n
    c = session.cases.create_case(NewCase(party="清溪县好运来超市有限公司", party_id=CODES["uscc"][0]["code"], cause="销售过期食品",
                                    filed="2026-11-20"))
    assert c.party.id_number == CODES["uscc"][0]["code"]


# -- state moves ----------------------------------------------------------------------------------
def test_submit_blocked_until_a_proposed_measure_then_journaled(session, demo_ws):
    cid = "YJ-2026-003"
    opts = {o.transition.id: o for o in session.entries.transitions(cid)}
    assert opts["开始调查"].allowed
    assert any("拟处罚" in b for b in opts["提交法制审核"].blockers)
    with pytest.raises(ValidationError):
        session.entries.move_case(cid, "提交法制审核")
    with pytest.raises(UsageError):
        session.entries.move_case(cid, "归档")  # not a move of 已立案
    session.entries.save_entry(cid, "proposed", {"kind": "罚款", "amount": "20000", "basis": "《中华人民共和国安全生产法》第九十九条"})
    case = session.entries.move_case(cid, "提交法制审核")
    assert case.state == CaseState.IN_REVIEW
    saved = demo_ws.load_case(cid)
    assert saved.state == CaseState.IN_REVIEW and saved.last_date(ActKind.SUBMIT_REVIEW) == TODAY
    assert _acts(demo_ws, cid)[-1] == "提交法制审核（已立案 → 待法制审核）"
    # the review may now be opened on it
    assert session.review.can_open_review(saved) == ""


def test_close_needs_payment_and_archive_follows(session, demo_ws):
    opts = {o.transition.id: o for o in session.entries.transitions("ZR-2026-012")}
    assert any("缴款" in b for b in opts["结案"].blockers) and any("已送达" in b for b in opts["送达决定"].blockers)
    case = session.entries.move_case("SJ-2026-101", "归档")
    assert case.state == CaseState.ARCHIVED and demo_ws.load_case("SJ-2026-101").last_date(ActKind.ARCHIVING) == TODAY
    assert session.entries.transitions("SJ-2026-101") == []


def test_cli_uses_the_same_checks(demo_ws, run_cli):
    w = ["-w", str(demo_ws.root)]
    path = demo_ws.cases_dir / "YJ-2026-003" / "case.toml"
    before = path.read_bytes()
    code, out, err = run_cli("--today", "2026-11-23", "facts", "add", "YJ-2026-003", "当事人", "--kind", "法人", "--name", "测试",
                             "--id-number", CODES["uscc_bad"][0]["code"], *w)
    assert code == 6 and "证件号码：统一社会信用代码的校验码" in err and path.read_bytes() == before
    code, out, err = run_cli("--today", "2026-11-23", "case", "new", "--party", "张三", "--party-kind", "自然人", "--party-id", "123",
                             "--filed", "2027-05-01", *w)
    assert code == 6 and "立案日期：2027-05-01 晚于今天" in err and "公民身份号码应为18位" in err
    code, out, err = run_cli("--today", "2026-11-23", "facts", "add", "YJ-2026-003", "执法行为", "--kind", "现场检查", "--date",
                             "2026-11-21", "--officer", "王建国", "--officer", "李晓梅", "--json", *w)
    assert code == 0, err
    assert json.loads(out)["count"] == 3
    code, out, err = run_cli("--today", "2026-11-23", "state", "show", "YJ-2026-003", "--json", *w)
    moves = {m["id"]: m for m in json.loads(out)["moves"]}
    assert moves["开始调查"]["allowed"] and not moves["提交法制审核"]["allowed"]
    code, out, err = run_cli("--today", "2026-11-23", "state", "move", "YJ-2026-003", "开始调查", "--yes", *w)
    assert code == 0, err
    assert demo_ws.load_case("YJ-2026-003").state == CaseState.INVESTIGATING


def test_resubmit_is_offered_after_an_opinion_and_goes_through_the_review_rounds(session, demo_ws):
    cid = "SJ-2026-088"
    assert "重新送审" not in {o.transition.id for o in session.entries.transitions(cid)}  # no round yet
    rnd = session.review.open_review(cid)
    opts = {o.transition.id: o for o in session.entries.transitions(cid)}
    assert opts["重新送审"].blockers == ["第 1 轮审核尚未出具审核意见"]
    for f in rnd["findings"]:
        session.review.decide_finding(cid, f["id"], "accept")
    opinion = session.review.issue_opinion(cid)
    opts = {o.transition.id: o for o in session.entries.transitions(cid)}
    if opinion["conclusion"] != "同意":
        assert any("须修改后重新送审" in b for b in opts["作出决定"].blockers)
    assert opts["重新送审"].allowed
    n = len(demo_ws.load_case(cid).acts_of(ActKind.SUBMIT_REVIEW))
    session.entries.move_case(cid, "重新送审")
    case = demo_ws.load_case(cid)
    assert len(case.acts_of(ActKind.SUBMIT_REVIEW)) == n + 1 and case.state == CaseState.IN_REVIEW
    assert _acts(demo_ws, cid)[-1] == "重新送审"
    assert {o.transition.id: o for o in session.entries.transitions(cid)}["重新送审"].blockers == ["已重新送审，等待下一轮审核"]


def test_cli_lines_name_each_field_in_chinese(session):
    with pytest.raises(EntryError) as e:
        session.entries.save_entry("YJ-2026-003", "evidence", {"kind": "照片", "name": "", "date": "2026-13-01"})
    text = "\n".join(e.value.details)
    assert "证据种类：请选择" in text and "证据名称：必填" in text and "取得日期：“2026-13-01”不是有效的日期" in text
    assert not any(k in text for k in ("kind", "name", "date", "evidence"))


def test_a_decision_without_review_only_when_it_is_not_a_major_one(session, demo_ws):
    # 行政处罚法§58: 法制审核 before a 重大执法决定; any other 普通 decision may be made once investigated
    cid = "HB-2026-005"  # 调查中 in the demo
    case = demo_ws.load_case(cid)
    assert case.state == CaseState.INVESTIGATING
    move = "作出决定（非重大执法决定）"
    plain = {o.transition.id: o for o in session.entries.transitions(cid)}[move]
    assert not any("重大执法决定" in b for b in plain.blockers)
    case.review.major_rights = True  # 直接关系当事人重大权益
    demo_ws.save_case(case)
    major = {o.transition.id: o for o in session.entries.transitions(cid)}[move]
    assert any("属重大执法决定（直接关系当事人或第三人重大权益）" in b and "第五十八条" in b for b in major.blockers)
    assert not major.allowed
