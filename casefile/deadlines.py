"""Warnings for deadlines due or overdue on a case: 办案期限, 送达, 公示, review time
limit, 查封扣押 — what the case list shows beside each case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from casefile import profiles
from casefile.days import calendar_for
from casefile.errors import CalendarNotCovered
from casefile.model import ActKind, Case, CaseState
from casefile.workspace import Workspace

SOON_DAYS = 7


@dataclass
class Warning:
    kind: str  # 办案期限 / 送达 / 公示 / 审核期限 / 查封扣押
    due: str | None
    status: str  # 已逾期 / 即将到期 / 无法计算
    text: str

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def case_warnings(ws: Workspace, case: Case, today: dt.date) -> list[Warning]:
    cal = calendar_for(ws.root)
    tl = profiles.load_profile(ws.rules_profile_for(case.sector), ws.root).get("time_limits", {})
    out: list[Warning] = []

    def check(kind: str, start: dt.date, n: int, unit: str, what: str) -> None:
        floor = start + dt.timedelta(days=n)
        if today + dt.timedelta(days=SOON_DAYS) < floor:
            return  # far from due whatever the holidays
        try:
            due = cal.add(start, n, unit)
        except CalendarNotCovered:
            out.append(Warning(kind, None, "无法计算", f"{what}：期限跨入工作日历未覆盖的年份，无法计算"))
            return
        left = (due - today).days
        if left < 0:
            out.append(Warning(kind, due.isoformat(), "已逾期", f"{what}已于{due}届满（逾期{-left}日）"))
        elif left <= SOON_DAYS:
            out.append(Warning(kind, due.isoformat(), "即将到期", f"{what}将于{due}届满（还有{left}日）"))

    decided = case.first_date(ActKind.DECISION)
    filed = case.first_date(ActKind.FILING)
    if filed and not decided and case.state in (CaseState.OPENED, CaseState.INVESTIGATING, CaseState.IN_REVIEW) and case.procedure.value != "简易":
        check("办案期限", filed, tl.get("case_days", 90), tl.get("case_unit", "CD"), "办案期限")
    if decided and not [a for a in case.acts_of(ActKind.SERVICE) if a.date >= decided]:
        check("送达", decided, tl.get("service_days", 7), tl.get("service_unit", "WD"), "决定书送达期限")
    if case.state == CaseState.IN_REVIEW:
        submitted = case.last_date(ActKind.SUBMIT_REVIEW)
        if submitted:
            check("审核期限", submitted, tl.get("review_days", 10), tl.get("review_unit", "WD"), "法制审核期限")
    for a in case.acts_of(ActKind.SEIZURE):
        if not case.acts_of(ActKind.SEIZURE_RELEASE) and not decided:
            check("查封扣押", a.date, tl.get("seizure_days", 30), tl.get("seizure_unit", "CD"), "查封扣押期限")
    if decided:
        from casefile.publicity import due_list

        for d in due_list(ws, today):
            if d.case == case.id and d.status in ("已逾期", "今日到期", "无法计算"):
                out.append(Warning("公示", d.due, "已逾期" if d.status == "已逾期" else d.status if d.status == "无法计算" else "即将到期",
                                   f"{d.kind}期限{d.due or ''}{d.status}"))
    return out
