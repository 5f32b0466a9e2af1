"""Every period a rule names is taken through casefile.law.periods (issue 26 item 2): ``named`` for its
length (the profile's [time_limits], a period of casefile.law.periods such as publication, else the
rule's own days) and ``notice_end`` for a notice; ``deadline`` takes four parameters."""

from __future__ import annotations

import datetime as dt

from casefile.law import periods
from casefile.law.days import DEFAULT
from casefile.model import Case

D = dt.date


def test_a_named_period_comes_from_the_profile_then_the_national_one_then_the_rule():
    own = {"time_limits": {"license_hearing_days": 15, "license_hearing_unit": "CD"}}
    assert periods.named(own, "license_hearing", 20) == periods.Period(15, "CD")  # the agency's own
    assert periods.named({}, "license_hearing", 99) == periods.Period(20, "WD")  # national: 行政许可法§47 二十日
    assert periods.named({}, "audit_notice", 3, "WD") == periods.Period(3, "WD")  # no profile sets it: the pack's days
    assert periods.named({}, "", 0, "CD") == periods.Period(0, "CD")
    # publication depends on the case type (its declaration's ``publication``): 7 working days for 许可/处罚, 20 else
    assert periods.named({}, "publication", case=Case(id="x", case_type="行政许可")) == periods.Period(7, "WD")
    assert periods.named({}, "publication", case=Case(id="x", case_type="行政强制")) == periods.Period(20, "WD")
    assert periods.known("license_hearing") and periods.known("publication") and not periods.known("case_time")


def test_a_notice_period_is_not_moved_off_a_holiday_but_a_time_limit_is():
    week = periods.Period(7, "CD")
    # 2026-11-01 + 7 days is Sunday 11-08: a 听证 noticed then may be held on the 8th (the agency waited
    # the seven days), while a time limit ending that Sunday runs to Monday 11-09 (民法典§203)
    assert periods.notice_end(DEFAULT, D(2026, 11, 1), week) == D(2026, 11, 8)
    assert periods.last_day(DEFAULT, D(2026, 11, 1), week) == D(2026, 11, 9)
    assert periods.notice_end(DEFAULT, D(2026, 11, 6), periods.Period(3, "WD")) == D(2026, 11, 11)  # Fri + 3 working days


def test_deadline_takes_four_parameters_and_a_bare_list_of_acts():
    from checklists.vocabulary import DeadlineParams

    assert set(DeadlineParams.model_fields) == {"start", "end", "period", "lone_unverifiable"}
    p = DeadlineParams.model_validate({"start": ["受理"], "end": ["准予许可"], "period": {"key": "license_decision",
                                        "extension": ["延长审查期限"]}})
    assert p.start.acts == ["受理"] and p.period.extension.acts == ["延长审查期限"] and p.end.if_missing == "overdue"
