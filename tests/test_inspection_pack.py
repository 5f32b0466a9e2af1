"""The 行政检查 rule pack (issue 20 §1, §4): a 双随机 inspection done as the draw said passes with
no rule of another type; each planted defect (one per deadline rule, officers, the draw) is found
by its own rule and no other."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile.output.inspection import load_plan
from casefile.model import Act, ActKind, Case, CaseState, CaseType, Party, PartyKind
from checklists.engine import check_case, context_for

D = dt.date
PLAN = "2026-明码标价"  # the demo's draw of 2026-11-23 (casefile/output/demo.py)


def _inspection(ws, cid, *, acts, party=None, plan=PLAN):
    pick = load_plan(ws, PLAN).picks[0]
    name = party or pick.target.name
    c = Case(id=cid, case_type=CaseType.INSPECTION, state=CaseState.CLOSED, sector="市场监管", agency="清溪县市场监督管理局",
             title=f"{name}明码标价检查", parties=[Party(kind=PartyKind.LEGAL, name=name, id_number=pick.target.code if not party else "")],
             acts=[Act(kind=ActKind(k), date=d, officers=list(o), document="onsite_record" if k == "现场检查" else "") for k, d, o in acts],
             extra={"inspection_plan": plan} if plan else {})
    ws.create_case(c)
    return c


def _drawn(ws):
    return [o["certificate"] for o in load_plan(ws, PLAN).picks[0].officers]


def _acts(ws, *, officers=None, told=D(2026, 11, 24), published=D(2026, 12, 1)):
    acts = [("现场检查", D(2026, 11, 24), officers if officers is not None else _drawn(ws)), ("检查结果告知", told, ())]
    return acts + ([("公示", published, ())] if published else [])


def _serious(ws, cid, today=D(2026, 12, 2)):
    r = check_case(context_for(ws, cid, today), "review")
    return r, {f.rule: f for f in r.findings if f.severity in ("veto", "major")}


def test_a_random_inspection_done_as_drawn_passes_its_own_pack(demo_ws):
    _inspection(demo_ws, "JC-OK", acts=_acts(demo_ws))
    r, bad = _serious(demo_ws, "JC-OK")
    assert bad == {}, bad
    assert r.findings == [] or all(f.rule.startswith("JC") for f in r.findings)  # never 行政处罚法第六十条 or a 立案审批表


def test_result_told_late_is_found(demo_ws):
    _inspection(demo_ws, "JC-T", acts=_acts(demo_ws, told=D(2026, 11, 26)))
    _, bad = _serious(demo_ws, "JC-T")
    assert set(bad) == {"JC05-result-told"}
    assert "2026-11-26才检查结果告知" in bad["JC05-result-told"].message and "第三十五条" in bad["JC05-result-told"].basis


def test_result_published_after_twenty_working_days_is_found(demo_ws):
    # 2026-11-24 + 20 working days = 2026-12-22 (profile [publicity] other_days)
    _inspection(demo_ws, "JC-P", acts=_acts(demo_ws, published=D(2026, 12, 23)))
    _, bad = _serious(demo_ws, "JC-P", today=D(2026, 12, 28))
    assert set(bad) == {"JC06-result-published"}
    assert "2026-12-22" in bad["JC06-result-published"].message


def test_result_never_published_is_found_once_the_period_has_run(demo_ws):
    _inspection(demo_ws, "JC-N", acts=_acts(demo_ws, published=None))
    assert _serious(demo_ws, "JC-N", today=D(2026, 12, 22))[1] == {}
    _, bad = _serious(demo_ws, "JC-N", today=D(2026, 12, 23))
    assert set(bad) == {"JC06-result-published"} and "仍未公示" in bad["JC06-result-published"].message


def test_one_officer_is_a_veto(demo_ws):
    _inspection(demo_ws, "JC-1", acts=_acts(demo_ws, officers=_drawn(demo_ws)[:1]))
    r, bad = _serious(demo_ws, "JC-1")
    assert set(bad) == {"JC01-officers"} and bad["JC01-officers"].severity == "veto" and "少于2人" in bad["JC01-officers"].message


def test_officers_not_drawn_and_a_target_not_picked_break_the_draw(demo_ws):
    drawn = set(_drawn(demo_ws))
    others = [o.certificate for o in demo_ws.officers().officers if o.certificate not in drawn and o.valid_on(D(2026, 11, 24))][:2]
    assert len(others) == 2
    _inspection(demo_ws, "JC-O", acts=_acts(demo_ws, officers=others))
    _, bad = _serious(demo_ws, "JC-O")
    assert set(bad) == {"JC07-draw-followed"} and others[0] in bad["JC07-draw-followed"].message
    picked = {p.target.name for p in load_plan(demo_ws, PLAN).picks}
    _inspection(demo_ws, "JC-X", acts=_acts(demo_ws), party="清溪县未抽中商店")
    assert "清溪县未抽中商店" not in picked
    _, bad = _serious(demo_ws, "JC-X")
    assert set(bad) == {"JC07-draw-followed"} and "不在抽查计划" in bad["JC07-draw-followed"].message


@pytest.mark.parametrize("plan", ["", "2026-不存在"])
def test_an_inspection_outside_a_draw_is_not_held_to_one_and_a_missing_plan_is_a_finding(demo_ws, plan):
    _inspection(demo_ws, "JC-D", acts=_acts(demo_ws), plan=plan)
    _, bad = _serious(demo_ws, "JC-D")
    assert set(bad) == (set() if not plan else {"JC07-draw-followed"})
