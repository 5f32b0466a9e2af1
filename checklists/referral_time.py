"""Whether a referral threshold still calls for a referral: a crime whose 追诉期限 (刑法第八十七条) ran out
between the end of the act the decision states (2005年完成建设) and the decision is not referred any more
(刑法第八十九条: the period runs from the day the act ended). Only an end the decision writes counts; an
act said only to have begun, or to go on, is never taken as ended."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from checklists.context import CheckContext

_YEAR_IN_NUMBER = re.compile(r"[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]")


def _act_ended(ctx: CheckContext, pattern: str) -> dt.date | None:
    if ctx.case.violation.occurred_to:
        return ctx.case.violation.occurred_to
    ends = []
    for rec in ctx.docs_of("decision"):
        for m in re.finditer(pattern, ctx.text_of(rec)):
            month = int(m.group(2) or 12)
            ends.append(dt.date(int(m.group(1)), month if 1 <= month <= 12 else 12, 28))
    return max(ends) if ends else None


def _decided(ctx: CheckContext) -> dt.date | None:
    """The decision's date, or the first day of the year its 文号 is numbered in (〔2025〕)."""
    if day := ctx.case.decision_date():
        return day
    for rec in ctx.docs_of("decision"):
        x = ctx.extraction(rec)
        if x and (m := _YEAR_IN_NUMBER.search(x.fields.get("doc_no", ""))):
            return dt.date(int(m.group(1)), 1, 1)
    return None


def time_barred(ctx: CheckContext, threshold: dict[str, Any]) -> bool:
    """True when the act ended more than the threshold's ``limitation_years`` before the decision."""
    years = threshold.get("limitation_years")
    pattern = ctx.profile.get("referral_time", {}).get("act_end")
    if not years or not pattern:
        return False
    ended, decided = _act_ended(ctx, pattern), _decided(ctx)
    if ended is None or decided is None:
        return False
    try:
        limit = ended.replace(year=ended.year + int(years))
    except ValueError:  # 29 February
        limit = ended.replace(year=ended.year + int(years), day=28)
    return decided > limit
