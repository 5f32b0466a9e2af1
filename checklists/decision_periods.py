"""D19: a period the decision writes with its end before its start (占用时间2022年7月1日至2020年9月30日) — a date
written wrong in what was permitted, ordered or found. Both ends written in full (year, month, day); the pattern
is data (casefile/data/extract/decision.toml [consistency.period]). What a summary or a fragment writes is read
as the whole decision's text is."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from casefile.ingest.extract.decision import Span, decision_data
from checklists.context import CheckContext, Hit
from checklists.decision_rules import decisions
from checklists.registry import predicate

_SPAN = re.compile(decision_data()["consistency"]["period"]["span"])
_YMD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _day(words: str) -> dt.date | None:
    try:
        return dt.date(*(int(g) for g in _YMD.fullmatch(words).groups()))
    except ValueError:
        return None  # no such day (2月30日): not a period that can be compared


def reversed_periods(text: str) -> list[re.Match]:
    """The periods whose end is before their start."""
    out = []
    for m in _SPAN.finditer(text):
        a, b = _day(m.group("a")), _day(m.group("b"))
        if a and b and b < a:
            out.append(m)
    return out


@predicate
def periods_in_order(ctx: CheckContext) -> Iterator[Hit]:
    """D19: every period written from a full date to a full date ends after it starts."""
    for r in decisions(ctx):
        for m in reversed_periods(r.decision.text):
            yield Hit(f"决定书所写期间“{m.group(0)}”止日早于起日；应核对起止日期",
                      [r.rec.file], r.ev(Span(m.start(), m.end(), m.group(0)), 20))
