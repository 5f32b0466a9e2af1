"""One definition of penalty kinds, fine totals and "not penalised" (issue 14 §4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from casefile.law.requirements import CONDITIONS
from casefile.model import Act, ActKind, Case, Measure, MeasureKind
from casefile.output.stats import annual


def test_measure_kinds_as_agencies_write_them():
    assert MeasureKind.of("罚款") is MeasureKind.FINE
    assert MeasureKind.of("没收违法所得") is MeasureKind.CONFISCATE_INCOME
    assert MeasureKind.of("没收非法财物") is MeasureKind.CONFISCATE_PROPERTY
    assert MeasureKind.of("没收违法所得及非法财物").is_confiscation
    assert MeasureKind.of("不予行政处罚") is MeasureKind.NO_PENALTY and MeasureKind.of("不予处罚") is MeasureKind.NO_PENALTY
    assert MeasureKind.of("责令停产停业六个月") is MeasureKind.STOP_PRODUCTION
    assert MeasureKind.of("限期拆除") is None  # not a penalty the law lists in 第九条
    assert not MeasureKind.WARNING.is_monetary and MeasureKind.FINE.is_monetary
    assert MeasureKind.CONFISCATE_INCOME.is_payable and not MeasureKind.CONFISCATE_PROPERTY.is_payable


def _case(**kw) -> Case:
    return Case(id="2026-001", **kw)


def test_fines_and_confiscations_summed_once():
    c = _case(
        proposed=[Measure(kind="罚款", amount=Decimal(50000)), Measure(kind="没收违法所得", amount=Decimal(3200))],
        decided=[Measure(kind="罚款", amount=Decimal(30000)), Measure(kind="没收非法财物", amount=Decimal(800)),
                 Measure(kind="没收违法所得", amount=Decimal(3200)), Measure(kind="警告")],
    )
    assert c.fines() == Decimal(30000)  # the decided measures when there are any
    assert c.fines("proposed") == Decimal(50000)
    assert c.confiscations() == Decimal(4000) and c.confiscations("proposed") == Decimal(3200)
    assert c.payable() == Decimal(33200)  # goods confiscated are handed over, not paid in
    assert [m.kind for m in _case(proposed=c.proposed).fine_measures()] == ["罚款"]


def test_not_penalised_honours_the_case_fact(demo_ws):
    decided_no_penalty = _case(decided=[Measure(kind="不予行政处罚")])
    by_fact = _case(extra={"no_penalty": True, "no_penalty_reason": "初次违法且危害后果轻微并及时改正"})
    fined = _case(decided=[Measure(kind="罚款", amount=Decimal(2000))])
    assert decided_no_penalty.not_penalised and by_fact.not_penalised and fined.penalised
    assert CONDITIONS["not_penalized"](demo_ws, by_fact) and not CONDITIONS["penalized"](demo_ws, by_fact)
    assert CONDITIONS["fined"](demo_ws, fined) and not CONDITIONS["fined"](demo_ws, by_fact)
    assert not CONDITIONS["fined"](demo_ws, _case(decided=[Measure(kind="没收非法财物", amount=Decimal(800))]))
    # the annual statistics count the case's own fact as 不予处罚, like the dossier does
    by_fact.id = "2026-900"
    by_fact.acts = [Act(kind=ActKind.FILING, date=dt.date(2026, 3, 2)), Act(kind=ActKind.DECISION, date=dt.date(2026, 4, 1))]
    before = annual(demo_ws, 2026)["by_outcome"]
    demo_ws.create_case(by_fact)
    after = annual(demo_ws, 2026)["by_outcome"]
    assert after["不予处罚"] == before.get("不予处罚", 0) + 1 and after.get("其他", 0) == before.get("其他", 0)
