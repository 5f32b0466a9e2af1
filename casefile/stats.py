"""Annual enforcement statistics (年度行政执法数据), published by 31 January."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from decimal import Decimal
from typing import Any

from casefile import profiles
from casefile.model import ActKind, CaseType
from casefile.workspace import Workspace

TYPES = {CaseType.LICENSE: "许可", CaseType.PENALTY: "处罚", CaseType.COERCION: "强制", CaseType.INSPECTION: "检查",
         CaseType.EXPROPRIATION: "征收征用", CaseType.OTHER: "其他"}


def annual(ws: Workspace, year: int) -> dict[str, Any]:
    cases = [c for c in ws.try_load_cases()[0] if _year(c) == year]
    by_type = Counter({v: 0 for v in TYPES.values()})
    outcome = Counter()
    fines = Decimal(0)
    confiscations = Decimal(0)
    hearings = 0
    referrals = 0
    durations = []
    reviews = Counter()
    major = 0
    for c in cases:
        by_type[TYPES[c.case_type]] += 1
        decided = c.first_date(ActKind.DECISION)
        outcome[_outcome(c)] += 1
        for m in c.decided:
            if m.kind == "罚款" and m.amount:
                fines += m.amount
            elif m.kind.startswith("没收") and m.amount:
                confiscations += m.amount
        hearings += bool(c.acts_of(ActKind.HEARING))
        referrals += bool(c.acts_of(ActKind.REFERRAL) or c.review.referred)
        filed = c.first_date(ActKind.FILING)
        if filed and decided:
            durations.append((decided - filed).days)
        rounds = sorted((ws.cases_dir / c.id / "reviews").glob("round-*/round.json"))
        if rounds or c.acts_of(ActKind.LEGAL_REVIEW):
            major += 1
            last = json.loads(rounds[-1].read_text(encoding="utf-8")) if rounds else None
            verdict = (last or {}).get("opinion", {}) or {}
            reviews[verdict.get("conclusion") or ("同意" if c.acts_of(ActKind.LEGAL_REVIEW) else "审核中")] += 1
    deadline_md = profiles.load_profile(ws.profile.rules_profile, ws.root).get("publicity", {}).get("annual_deadline", "01-31")
    month, day = (int(x) for x in deadline_md.split("-"))
    return {
        "year": year,
        "cases": len(cases),
        # cases whose files could not be read are left out of every count, and named
        "unreadable": [{"case": cid, "error": str(e)} for cid, e in ws.unreadable],
        "by_type": dict(by_type),
        "by_outcome": dict(outcome),
        "fines_total": str(fines),
        "confiscations_total": str(confiscations),
        "hearings_held": hearings,
        "major_decisions_reviewed": major,
        "review_verdicts": dict(reviews),
        "referrals": referrals,
        "average_duration_days": round(sum(durations) / len(durations), 1) if durations else None,
        "publish_by": dt.date(year + 1, month, day).isoformat(),
    }


def _year(case) -> int | None:
    d = case.first_date(ActKind.DECISION) or case.first_date(ActKind.FILING) or case.first_date(ActKind.SOURCE)
    return d.year if d else None


def _outcome(case) -> str:
    if case.acts_of(ActKind.REFERRAL):
        return "移送司法机关"
    if case.first_date(ActKind.DECISION) is None:
        return "办理中"
    if any("不予" in m.kind for m in case.decided):
        return "不予处罚"
    if case.decided:
        return "作出处罚"
    return "其他"


def bar_chart(counts: dict[str, int], width: int = 30) -> list[str]:
    from unicodedata import east_asian_width

    def w(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    top = max(counts.values(), default=0) or 1
    label_w = max((w(k) for k in counts), default=0)
    lines = []
    for k, v in counts.items():
        bar = "█" * round(v / top * width)
        lines.append(f"{k}{' ' * (label_w - w(k))}  {bar} {v}")
    return lines
