"""The legal time limits of a case, computed in one place.

Checks (checklists/procedure_predicates.py), the case-list warnings (casefile/law/deadlines.py),
publicity (casefile/output/publicity.py) and review rounds (checklists/review.py) all take
the length of a period from the rules profile through :func:`period` and its last day
through :func:`due` / :func:`last_day`, so a rule such as an approved extension of the
办案期限 (``extra.case_time_extended_days``) counts everywhere or nowhere.

A period's length and unit are data: the case's rules profile, and where it is silent
the built-in national profile (never a number written here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from casefile.law import profiles
from casefile.law.days import Calendar, describe
from casefile.errors import CalendarNotCovered, CheckError
from casefile.model import ActKind, Case

# kind -> (profile table, key prefix, what a person reads)
KINDS: dict[str, tuple[str, str, str]] = {
    "case": ("time_limits", "case", "办案期限"),
    "service": ("time_limits", "service", "决定书送达期限"),
    "review": ("time_limits", "review", "法制审核期限"),
    "preservation": ("time_limits", "preservation", "先行登记保存处理期限"),
    "seizure": ("time_limits", "seizure", "查封扣押期限"),
    "statement": ("time_limits", "statement", "陈述申辩期限"),
    "payment": ("time_limits", "payment", "缴款期限"),
    "publication": ("publicity", "", "公示期限"),  # prefix: ``publication`` in the case-type declaration
    "withdrawal": ("publicity", "withdraw", "撤回公示期限"),
    "license_decision": ("time_limits", "license_decision", "行政许可决定期限"),  # 行政许可法§42
    "license_extension": ("time_limits", "license_extension", "行政许可延长期限"),
    "license_certificate": ("time_limits", "license_certificate", "许可证件颁发送达期限"),  # §44
}
FALLBACK_PROFILE = "national"


@dataclass(frozen=True)
class Period:
    n: int
    unit: str  # "WD" 工作日 / "CD" 自然日

    def describe(self) -> str:
        return describe(self.n, self.unit)


def _prefix(kind: str, case: Case | None) -> str:
    table, prefix, _ = KINDS[kind]
    if kind == "publication":
        return case.case_type.declaration.publication if case is not None else "other"
    return prefix


def _lookup(profile: dict[str, Any], table: str, prefix: str) -> tuple[Any, Any]:
    """``<prefix>_days`` and ``<prefix>_unit`` of ``[table]``: the profile's, else the national one's."""
    own = profile.get(table, {})
    base = profiles.cached_profile(FALLBACK_PROFILE).get(table, {})
    return own.get(f"{prefix}_days", base.get(f"{prefix}_days")), own.get(f"{prefix}_unit", base.get(f"{prefix}_unit"))


def period(profile: dict[str, Any], kind: str, case: Case | None = None) -> Period:
    """The length of a period of ``kind`` under ``profile`` (publication depends on the case type)."""
    table, _, _ = KINDS[kind]
    n, unit = _lookup(profile, table, _prefix(kind, case))
    if n is None:
        raise KeyError(f"规则配置缺少 {table}.{_prefix(kind, case)}_days")
    return Period(int(n), str(unit or "CD"))


def named(profile: dict[str, Any], key: str, days: int | None = None, unit: str = "WD", case: Case | None = None) -> Period:
    """A period a rule names: a period of :data:`KINDS` kept elsewhere than [time_limits] under its
    own name (``publication``, which depends on the case type; ``withdrawal``), else ``key`` in the
    profile's [time_limits] (``<key>_days``, ``<key>_unit``; the national profile where it is silent),
    else the rule's own ``days`` and ``unit`` (data of the pack, for a profile written without this
    case type). Never a number written in code."""
    if key in KINDS and KINDS[key][:2] != ("time_limits", key):
        return period(profile, key, case)
    if not key:
        return Period(int(days or 0), unit)
    n, own_unit = _lookup(profile, "time_limits", key)
    if n is None:
        if days is None:
            raise CheckError(f"规则配置缺少 time_limits.{key}_days")
        return Period(int(days), unit)
    return Period(int(n), str(own_unit or unit))


def known(key: str) -> bool:
    """Whether :func:`named` finds ``key`` without a rule's own days (checked when a pack loads)."""
    return key in KINDS or f"{key}_days" in profiles.cached_profile(FALLBACK_PROFILE).get("time_limits", {})


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has none (a period in months:
    行政诉讼法§46's six months, 行政强制法§53's three)."""
    y, m = divmod(day.month - 1 + months, 12)
    y, m = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m, d)
        except ValueError:
            continue
    raise ValueError(day)


def notice_end(calendar: Calendar, start: dt.date, p: Period) -> dt.date:
    """The last day of a notice period of ``p`` from ``start`` (the day the notice was given): n
    working days, or n calendar days not moved off a holiday — a notice period is the least the
    agency waits before it acts, not a time limit a party must meet (民法典§203 does not apply)."""
    return calendar.add_workdays(start, p.n) if p.unit == "WD" else start + dt.timedelta(days=p.n)


def extension_days(case: Case) -> int:
    """Calendar days by which an approved extension lengthens the 办案期限."""
    return int(case.extra.get("case_time_extended_days", 0) or 0)


def last_day(calendar: Calendar, start: dt.date, p: Period, against: dt.date | None = None) -> dt.date:
    """The period's last day. A period of n days (working or calendar) never ends before
    start + n calendar days, so when the day compared with it is no later than that, that
    floor is returned without asking the calendar (which may not cover the year yet).
    Raises :class:`CalendarNotCovered` otherwise when the calendar cannot say."""
    floor = start + dt.timedelta(days=p.n)
    if against is not None and against <= floor:
        return floor
    return calendar.add(start, p.n, p.unit)


@dataclass
class Deadline:
    """One period of a case: when it starts, how long, its last day (None when the
    working-day calendar does not cover it; ``note`` says why)."""

    kind: str
    start: dt.date
    n: int
    unit: str
    due: dt.date | None
    note: str = ""
    extended_days: int = 0

    @property
    def label(self) -> str:
        return KINDS[self.kind][2]

    @property
    def floor(self) -> dt.date:
        """No deadline of this period can fall before this day."""
        return self.start + dt.timedelta(days=self.n + self.extended_days)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start.isoformat(), "n": self.n, "unit": self.unit,
                "due": self.due.isoformat() if self.due else None, "note": self.note, "extended_days": self.extended_days}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Deadline":
        return cls(d["kind"], dt.date.fromisoformat(d["start"]), int(d["n"]), d["unit"],
                   dt.date.fromisoformat(d["due"]) if d.get("due") else None, d.get("note", ""), int(d.get("extended_days", 0)))


_DEFAULT_START = {
    "case": lambda c: c.first_date(ActKind.FILING),
    "service": lambda c: c.first_date(ActKind.DECISION),
    "review": lambda c: c.last_date(ActKind.SUBMIT_REVIEW),
    "publication": lambda c: c.decision_date(),
    "license_decision": lambda c: c.first_date(ActKind.ACCEPTANCE),
    "license_certificate": lambda c: c.first_date(ActKind.GRANT),
    "withdrawal": lambda c: c.last_date(ActKind.REVOCATION),
}


def due(case: Case, kind: str, profile: dict[str, Any], calendar: Calendar, start: dt.date | None = None) -> Deadline | None:
    """The deadline of ``kind`` on ``case`` (None when the period has not started).

    ``start`` is needed for periods that run from one of several acts (查封扣押,
    先行登记保存); the others start from the act the law names."""
    if start is None:
        pick = _DEFAULT_START.get(kind)
        start = pick(case) if pick else None
        if start is None:
            return None
    p = period(profile, kind, case)
    if kind == "license_decision" and case.acts_of(ActKind.REVIEW_EXTENSION):
        p = Period(p.n + period(profile, "license_extension", case).n, p.unit)  # +10 days with the head's approval
    extended = extension_days(case) if kind == "case" else 0
    try:
        end: dt.date | None = calendar.add(start, p.n, p.unit) + dt.timedelta(days=extended)
        note = ""
    except CalendarNotCovered as e:
        end, note = None, e.message
    return Deadline(kind, start, p.n, p.unit, end, note, extended)
