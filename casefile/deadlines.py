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

from casefile import periods, profiles, publicity
from casefile.days import Calendar, calendar_for
from casefile.model import ActKind, Case, CaseState, CaseType, Procedure
from casefile.periods import Deadline
from casefile.workspace import Workspace

SOON_DAYS = 7

# periods.KINDS kind -> the short name the list shows
SHORT = {"case": "办案期限", "service": "送达", "review": "审核期限", "seizure": "查封扣押",
         "license_decision": "许可决定", "license_certificate": "许可证件"}


@dataclass
class Warning:
    kind: str  # 办案期限 / 送达 / 公示 / 审核期限 / 查封扣押
    due: str | None
    status: str  # 已逾期 / 即将到期 / 无法计算
    text: str

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def open_deadlines(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Deadline]:
    """The periods still running on this case, whatever today is."""
    out: list[Deadline | None] = []
    decided = case.first_date(ActKind.DECISION)
    filed = case.first_date(ActKind.FILING)
    if filed and not decided and case.state in (CaseState.OPENED, CaseState.INVESTIGATING, CaseState.IN_REVIEW) \
            and case.procedure != Procedure.SUMMARY:
        out.append(periods.due(case, "case", profile, calendar))
    if decided and not [a for a in case.acts_of(ActKind.SERVICE) if a.date >= decided]:
        out.append(periods.due(case, "service", profile, calendar))
    if case.state == CaseState.IN_REVIEW:
        out.append(periods.due(case, "review", profile, calendar))
    if not case.acts_of(ActKind.SEIZURE_RELEASE) and not decided:
        for a in case.acts_of(ActKind.SEIZURE):
            out.append(periods.due(case, "seizure", profile, calendar, start=a.date))
    if case.case_type == CaseType.LICENSE:
        # 行政许可法§42: decided within 20 working days of 受理 (+10 approved); §44: the licence within 10
        if not (case.acts_of(ActKind.GRANT) or case.acts_of(ActKind.REFUSAL)):
            out.append(periods.due(case, "license_decision", profile, calendar))
        elif not case.acts_of(ActKind.CERTIFICATE):
            out.append(periods.due(case, "license_certificate", profile, calendar))
    return [d for d in out if d is not None]


def warnings_at(deadlines: list[Deadline], items: list[publicity.Item], today: dt.date) -> list[Warning]:
    out: list[Warning] = []
    for d in deadlines:
        kind, what = SHORT[d.kind], d.label
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
