"""Annual enforcement statistics (年度行政执法数据), published by 31 January."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable
from unicodedata import east_asian_width

from casefile.law import casetypes, profiles
from casefile.model import ActKind, Case, CaseType
from casefile.store.workspace import Workspace


def type_label(case_type: CaseType) -> str:
    """The statistics label of a case type (``statistics`` in its declaration)."""
    return case_type.declaration.label


def case_facts(ws: Workspace, case: Case) -> dict[str, Any]:
    """What the annual statistics count of one case (plain JSON, kept by the catalogue)."""
    decided = case.decision_date()
    filed = case.first_date(ActKind.FILING) or case.first_date(ActKind.ACCEPTANCE)  # a 许可 runs from its 受理
    fines, confiscations = case.fines("decided"), case.confiscations("decided")
    verdict = None
    rounds = _rounds(ws.cases_dir / case.id / "reviews")
    if rounds or case.acts_of(ActKind.LEGAL_REVIEW):
        last = json.loads(rounds[-1].read_text(encoding="utf-8")) if rounds else None
        opinion = (last or {}).get("opinion", {}) or {}
        verdict = opinion.get("conclusion") or ("同意" if case.acts_of(ActKind.LEGAL_REVIEW) else "审核中")
    return {
        "year": _year(case),
        "type": type_label(case.case_type),
        "outcome": _outcome(case),
        "fines": str(fines),
        "confiscations": str(confiscations),
        "hearing": bool(case.acts_of(ActKind.HEARING)),
        "referral": bool(case.acts_of(ActKind.REFERRAL) or case.review.referred),
        "duration": (decided - filed).days if filed and decided else None,
        "review": verdict,
        # a case another agency sent (package import --accept-foreign): named, never counted as this agency's
        "received_from": _received_from(ws.cases_dir / case.id),
    }


def _received_from(case_dir: Path) -> str:
    try:
        return str(json.loads((case_dir / "received-from.json").read_text(encoding="utf-8")).get("agency", "")) or "他机关"
    except FileNotFoundError:
        return ""
    except (OSError, ValueError, AttributeError):
        return "他机关"


def aggregate(ws: Workspace, facts: Iterable[dict[str, Any]], year: int) -> dict[str, Any]:
    """The year's statistics from each case's :func:`case_facts`."""
    rows = [f for f in facts if f["year"] == year]
    received = Counter(f["received_from"] for f in rows if f.get("received_from"))
    rows = [f for f in rows if not f.get("received_from")]
    by_type = Counter({d.label: 0 for d in casetypes.all_types()})
    outcome: Counter = Counter()
    reviews: Counter = Counter()
    fines = sum((Decimal(f["fines"]) for f in rows), Decimal(0))
    confiscations = sum((Decimal(f["confiscations"]) for f in rows), Decimal(0))
    durations = [f["duration"] for f in rows if f["duration"] is not None]
    for f in rows:
        by_type[f["type"]] += 1
        outcome[f["outcome"]] += 1
        if f["review"] is not None:
            reviews[f["review"]] += 1
    deadline_md = profiles.cached_profile(ws.profile.rules_profile, ws.root).get("publicity", {}).get("annual_deadline", "01-31")
    month, day = (int(x) for x in deadline_md.split("-"))
    return {
        "year": year,
        "cases": len(rows),
        # cases whose files could not be read are left out of every count, and named
        "unreadable": [{"case": cid, "error": str(e)} for cid, e in getattr(ws, "unreadable", [])],
        "by_type": dict(by_type),
        "by_outcome": dict(outcome),
        "fines_total": str(fines),
        "confiscations_total": str(confiscations),
        "hearings_held": sum(f["hearing"] for f in rows),
        "major_decisions_reviewed": sum(f["review"] is not None for f in rows),
        "review_verdicts": dict(reviews),
        "referrals": sum(f["referral"] for f in rows),
        "average_duration_days": round(sum(durations) / len(durations), 1) if durations else None,
        "publish_by": dt.date(year + 1, month, day).isoformat(),
        "received_not_counted": dict(received),  # {sending agency: cases}, left out of every count above
    }


def annual(ws: Workspace, year: int) -> dict[str, Any]:
    """The year's statistics read from the case folders (one pass); the CLI reads the
    catalogue instead (``casefile.store.catalog.annual_stats``), which gives the same answer."""
    return aggregate(ws, (case_facts(ws, c) for c in ws.try_load_cases()[0]), year)


def _rounds(reviews: Path) -> list[Path]:
    """reviews/round-N/round.json in N order (a directory scan: pathlib's glob costs
    milliseconds per case, which a catalogue of 10,000 cases pays 10,000 times)."""
    try:
        with os.scandir(reviews) as it:
            dirs = [e.name for e in it if e.name.startswith("round-") and e.name[6:].isdigit()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    paths = [reviews / d / "round.json" for d in sorted(dirs, key=lambda d: int(d[6:]))]
    return [p for p in paths if p.is_file()]


def _year(case) -> int | None:
    # a case counts in the year it was decided, else the year its first act happened
    # (a 许可 case opens with 申请, a 强制 case with 现场检查)
    d = case.decision_date() or min((a.date for a in case.acts), default=None)
    return d.year if d else None


# how a case of another type than 行政处罚 ended, by the last act of these on file (issue 28)
_OUTCOME_ACTS = ((ActKind.GRANT, "准予许可"), (ActKind.REFUSAL, "不予许可"), (ActKind.REJECTION, "不予受理"),
                 (ActKind.COURT_APPLICATION, "申请法院强制执行"), (ActKind.ENFORCEMENT_DECISION, "强制执行"),
                 (ActKind.SEIZURE_RELEASE, "解除强制措施"), (ActKind.AUDIT_DECISION, "作出审计决定"),
                 (ActKind.INSPECTION_RESULT, "检查完毕"))


def _outcome(case) -> str:
    if case.acts_of(ActKind.REFERRAL):
        return "移送司法机关"
    if case.case_type is not CaseType.PENALTY:
        done = [(a.date, label) for kind, label in _OUTCOME_ACTS for a in case.acts_of(kind)]
        return max(done)[1] if done else "办理中"
    if case.first_date(ActKind.DECISION) is None:
        return "办理中"
    if case.not_penalised:
        return "不予处罚"
    if case.decided:
        return "作出处罚"
    return "其他"


def rows(s: dict[str, Any]) -> list[tuple[str, object]]:
    """The statistics as (项目, 数值) lines, the form of the CSV and the Word table."""
    out: list[tuple[str, object]] = [("案件总数", s["cases"])]
    named = {d.label: d.name for d in casetypes.all_types()}  # 处罚 → 行政处罚, 审计 → 审计 (not 行政审计)
    out += [(named.get(k, k), v) for k, v in s["by_type"].items()]
    out += [(f"结果：{k}", v) for k, v in s["by_outcome"].items()]
    out += [("罚款合计（元）", s["fines_total"]), ("没收合计（元）", s["confiscations_total"]), ("举行听证", s["hearings_held"]),
            ("重大决定法制审核", s["major_decisions_reviewed"])]
    out += [(f"审核结论：{k}", v) for k, v in s["review_verdicts"].items()]
    out += [("移送司法机关", s["referrals"]), ("平均办案天数", s["average_duration_days"] if s["average_duration_days"] is not None else "—")]
    return out


def to_csv(s: dict[str, Any]) -> bytes:
    """UTF-8 with BOM, so that Excel and WPS open the Chinese text right."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["项目", "数值"])
    w.writerows(rows(s))
    return buf.getvalue().encode("utf-8-sig")


def to_docx(s: dict[str, Any], agency: str) -> bytes:
    from docx import Document  # python-docx costs ~0.3 s to import: only when a Word file is asked for

    d = Document()
    d.add_heading(f"{s['year']}年度行政执法数据（{agency}）", level=1)
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in [("项目", "数值")] + rows(s):
        cells = t.add_row().cells
        cells[0].text, cells[1].text = str(k), str(v)
    d.add_paragraph(f"应于{s['publish_by']}前向社会公开。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def bar_chart(counts: dict[str, int], width: int = 30) -> list[str]:
    def w(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    top = max(counts.values(), default=0) or 1
    label_w = max((w(k) for k in counts), default=0)
    lines = []
    for k, v in counts.items():
        bar = "█" * round(v / top * width)
        lines.append(f"{k}{' ' * (label_w - w(k))}  {bar} {v}")
    return lines
