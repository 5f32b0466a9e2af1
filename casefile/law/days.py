"""Counting legal time limits on the Chinese calendar.

Two kinds of period (DOMAIN.md §0):

* working days (工作日, "WD"): counted on the State Council holiday calendar with
  调休 Saturdays as working days — ``chinese_calendar``; a year it has no data for
  is looked up in the workspace's own table (``calendar.toml``) and otherwise
  raises :class:`CalendarNotCovered`: never a guess.
* calendar days (自然日, "CD"): the start day is not counted; if the last day is a
  statutory holiday the deadline moves to the next working day (民法典 §203).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from typing import ClassVar
from pathlib import Path

import chinese_calendar

from casefile.errors import CalendarNotCovered

ONE = dt.timedelta(days=1)
_WORKDAY: dict[dt.date, bool] = {}  # chinese_calendar's answers (fixed for a given package version)


@dataclass
class Calendar:
    """Holiday data: chinese_calendar plus an optional hand-kept table for later years.

    The table (``<workspace>/calendar.toml``) is maintained after the 国办 notice each
    year until the pinned package catches up::

        [2027]
        holidays = [2027-01-01, …]   # 法定节假日 (weekdays off)
        workdays = [2027-02-20, …]   # 调休上班的周末
    """

    # the last year whose holiday data is trusted from chinesecalendar (None: whatever it covers);
    # tests set it to hold a year "unknown" whatever version of the package is installed
    LAST_PACKAGE_YEAR: ClassVar[int | None] = None

    extra_holidays: set[dt.date] = field(default_factory=set)
    extra_workdays: set[dt.date] = field(default_factory=set)
    extra_years: set[int] = field(default_factory=set)

    @classmethod
    def from_file(cls, path: Path | None) -> "Calendar":
        cal = cls()
        if path is None or not Path(path).exists():
            return cal
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for year, table in data.items():
            cal.extra_years.add(int(year))
            cal.extra_holidays.update(table.get("holidays", []))
            cal.extra_workdays.update(table.get("workdays", []))
        return cal

    def is_workday(self, day: dt.date) -> bool:
        if day.year in self.extra_years:
            if day in self.extra_workdays:
                return True
            if day in self.extra_holidays:
                return False
            return day.weekday() < 5
        hit = _WORKDAY.get(day)
        if hit is not None:
            return hit
        try:
            if self.LAST_PACKAGE_YEAR is not None and day.year > self.LAST_PACKAGE_YEAR:
                raise NotImplementedError
            # memoised: the package scans its whole holiday table on every call, and a list
            # of thousands of cases asks about the same few hundred days
            known = _WORKDAY.get(day)
            if known is None:
                known = _WORKDAY[day] = chinese_calendar.is_workday(day)
            return known
        except NotImplementedError:
            raise CalendarNotCovered(
                f"工作日历没有 {day.year} 年的数据，无法计算到 {day.isoformat()} 的期限",
                details=[f"请在国务院办公厅公布 {day.year} 年节假日安排后升级 chinesecalendar，或在工作区的 calendar.toml 中登记该年的节假日与调休上班日"],
            ) from None

    def is_holiday(self, day: dt.date) -> bool:
        return not self.is_workday(day)

    # -- periods --------------------------------------------------------------
    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The last day of an n-working-day period that starts the day after ``start``."""
        if n < 0:
            raise ValueError("n must be ≥ 0")
        day = start
        counted = 0
        while counted < n:
            day += ONE
            if self.is_workday(day):
                counted += 1
        return day

    def add_calendar_days(self, start: dt.date, n: int) -> dt.date:
        """The last day of an n-calendar-day period (start day not counted); a period
        ending on a holiday ends on the first working day after it."""
        day = start + dt.timedelta(days=n)
        # 民法典 §203 moves a deadline off a 法定休假日; weekends are 休假日 in
        # judicial practice too, so any non-working day moves it.
        while self.is_holiday(day):
            day += ONE
        return day

    def add(self, start: dt.date, n: int, unit: str) -> dt.date:
        """``unit`` is "WD" (工作日) or "CD" (自然日), as the profiles write it."""
        if unit == "WD":
            return self.add_workdays(start, n)
        if unit == "CD":
            return self.add_calendar_days(start, n)
        raise ValueError(f"unknown day unit {unit!r}")


DEFAULT = Calendar()


_CACHE: dict[str, tuple[tuple, Calendar]] = {}


def calendar_for(workspace_root: Path | None) -> Calendar:
    """The workspace's calendar, read once per process while calendar.toml is unchanged."""
    if workspace_root is None:
        return DEFAULT
    path = Path(workspace_root) / "calendar.toml"
    sig = file_signature(path)
    hit = _CACHE.get(str(path))
    if hit and hit[0] == sig:
        return hit[1]
    cal = Calendar.from_file(path)
    _CACHE[str(path)] = (sig, cal)
    return cal


def file_signature(path: Path) -> tuple:
    try:
        st = os.stat(path)
    except OSError:
        return (str(path), None, None)
    return (str(path), st.st_mtime_ns, st.st_size)


def describe(n: int, unit: str) -> str:
    return f"{n}个工作日" if unit == "WD" else f"{n}日"
