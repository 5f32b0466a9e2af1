"""Warnings for deadlines due or overdue on a case: 办案期限, 送达, 公示, review time
limit, 查封扣押 — what the case list shows beside each case.

Two steps, so a list of thousands of cases stays cheap: :func:`open_deadlines` works
out a case's open periods once (they do not depend on the day the list is shown, and
the catalogue stores them), :func:`warnings_at` compares them with today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from casefile.law import casetypes, periods, profiles

from casefile.output import publicity
from casefile.law.days import Calendar, calendar_for
from casefile.model import ActKind, Case, CaseState, Procedure
from casefile.law.periods import Deadline
from casefile.store.workspace import Workspace

SOON_DAYS = 7


def short_name(kind: str) -> str:
    """The short name the case list shows for a period (``short`` in the case-type declarations)."""
    for decl in casetypes.all_types():
        for p in decl.periods:
            if p.kind == kind and p.short:
                return p.short
    return periods.KINDS[kind][2]


@dataclass
class Warning:
    kind: str  # 办案期限 / 送达 / 公示 / 审核期限 / 查封扣押
    due: str | None
    status: str  # 已逾期 / 即将到期 / 无法计算
    text: str

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _case_period(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline | None]:
    if case.first_date(ActKind.FILING) and not case.first_date(ActKind.DECISION) \
            and case.state in (CaseState.OPENED, CaseState.INVESTIGATING, CaseState.IN_REVIEW) and case.procedure != Procedure.SUMMARY:
        return [periods.due(case, "case", profile, calendar)]
    return []


def _service_period(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline | None]:
    decided = case.first_date(ActKind.DECISION)
    if decided and not [a for a in case.acts_of(ActKind.SERVICE) if a.date >= decided]:
        return [periods.due(case, "service", profile, calendar)]
    return []


def _review_period(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline | None]:
    return [periods.due(case, "review", profile, calendar)] if case.state == CaseState.IN_REVIEW else []


def _seizure_periods(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline | None]:
    if case.acts_of(ActKind.SEIZURE_RELEASE) or case.first_date(ActKind.DECISION):
        return []
    return [periods.due(case, "seizure", profile, calendar, start=a.date) for a in case.acts_of(ActKind.SEIZURE)]


# the periods whose running is more than "from its act until one of the acts that close it"
_RUNNING = {"case": _case_period, "service": _service_period, "review": _review_period, "seizure": _seizure_periods}


def open_deadlines(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline]:
    """The periods still running on this case, whatever today is: those its case type declares
    (e.g. 行政许可法§42 许可决定 until 准予/不予许可, §44 许可证件 until 颁发证件)."""
    out: list[Deadline | None] = []
    for use in case.case_type.declaration.periods:
        if use.kind in _RUNNING and not use.until:
            out += _RUNNING[use.kind](case, profile, calendar)
        elif not any(case.acts_of(ActKind(a)) for a in use.until):
            out.append(periods.due(case, use.kind, profile, calendar))
    return [d for d in out if d is not None]


def warnings_at(deadlines: list[Deadline], items: list[publicity.Item], today: dt.date) -> list[Warning]:
    out: list[Warning] = []
    for d in deadlines:
        kind, what = short_name(d.kind), d.label
        if today + dt.timedelta(days=SOON_DAYS) < d.floor:
            continue  # far from due whatever the holidays
        if d.due is None:
            out.append(Warning(kind, None, "无法计算", f"{what}：期限跨入工作日历未覆盖的年份，无法计算"))
            continue
        left = (d.due - today).days
        if left < 0:
            out.append(Warning(kind, d.due.isoformat(), "已逾期", f"{what}已于{d.due}届满（逾期{-left}日）"))
        elif left <= SOON_DAYS:
            out.append(Warning(kind, d.due.isoformat(), "即将到期", f"{what}将于{d.due}届满（还有{left}日）"))
    for d in publicity.sort_dues([publicity.due_at("", "", item, today) for item in items]):
        if d.status in ("已逾期", "今日到期", "无法计算"):
            status = d.status if d.status != "今日到期" else "即将到期"
            out.append(Warning("公示", d.due, status, f"{d.kind}期限{d.due or ''}{d.status}"))
    return out


def first_warning_day(deadlines: list[Deadline], items: list[publicity.Item]) -> dt.date | None:
    """The first day :func:`warnings_at` can say anything about these periods (None: never).
    A list of thousands of cases compares this stored day with today and skips the rest."""
    days = []
    for d in deadlines:
        # a deadline warns from SOON_DAYS before its last day (or before its floor when not computable)
        days.append((d.due or d.floor) - dt.timedelta(days=SOON_DAYS))
    for item in items:
        if item.deadline is None:
            continue  # not published at all
        if item.deadline.due is None:
            return dt.date.min  # 无法计算 shows whatever the day
        if not item.done:
            days.append(item.deadline.due)  # 今日到期, then 已逾期
    return min(days) if days else None


def case_warnings(ws: Workspace, case: Case, today: dt.date) -> list[Warning]:
    """The warnings of one case on ``today`` (what the catalogue's list shows for it)."""
    profile = profiles.load_profile_for(ws, case)
    cal = calendar_for(ws.root)
    return warnings_at(open_deadlines(case, profile, cal), publicity.case_items(case, profile, cal), today)
