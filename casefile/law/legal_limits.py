"""The limits the law puts on what a document may state, for entry, check and print alike.

The figures and articles are data (``casefile/data/legal_limits.toml``). ``document_breaches``
says what a document of a case would state unlawfully — a 延长查封扣押 beyond 30 days, a
当场处罚 over §51's amounts, a 催告书 inside the payment period, a 强制执行申请书 before the
复议/诉讼 periods ended, a 决定书 after a 法制审核 that found problems. ``act_breaches`` says
the same of an act being entered, so entry refuses what no document could lawfully carry.
A breach the law allows as an exception is ``confirmable``: printed only after an explicit
confirmation, which the renderer journals.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.model.cn import cn_date
from casefile.model import Act, ActKind, Case
from casefile.law.periods import add_months


@dataclass(frozen=True)
class Breach:
    message: str
    basis: str
    confirmable: bool = False

    def text(self) -> str:
        return f"{self.message}（{self.basis}）"


@lru_cache(maxsize=1)
def limits() -> dict[str, Any]:
    with open(str(resources.files("casefile") / "data" / "legal_limits.toml"), "rb") as f:
        return tomllib.load(f)



def _served(case: Case) -> dt.date | None:
    """The day the decision was served (the payment and remedy periods run from it)."""
    decided = case.first_date(ActKind.DECISION)
    days = [a.date for a in case.acts_of(ActKind.SERVICE) if decided is None or a.date >= decided]
    return min(days) if days else None


# -- one rule each -----------------------------------------------------------------------------
def seizure(case: Case, act: Act | None = None) -> list[Breach]:
    lim = limits()["seizure"]
    out = []
    first = act if act and act.kind == ActKind.SEIZURE else (case.acts_of(ActKind.SEIZURE) or [None])[0]
    if first and first.end_date and (first.end_date - first.date).days > lim["max_days"]:
        out.append(Breach(f"查封扣押期限为 {(first.end_date - first.date).days} 日，超过 {lim['max_days']} 日", lim["basis"]))
    ext = act if act and act.kind == ActKind.SEIZURE_EXTENSION else (case.acts_of(ActKind.SEIZURE_EXTENSION) or [None])[-1]
    base = first.end_date if first else None
    if ext and ext.end_date and base and (ext.end_date - base).days > lim["max_extension_days"]:
        days = (ext.end_date - base).days
        out.append(Breach(f"延长查封扣押 {days} 日，超过 {lim['max_extension_days']} 日（法律、行政法规另有规定的除外，"
                          "须写明所依据的规定并确认）", lim["basis"], confirmable=bool(lim["extension_confirm"])))
    return out


def summary_cap(case: Case, profile: dict[str, Any] | None = None) -> tuple[Decimal, bool]:
    """(the most a 当场 fine may be, whether the party counts as a 公民). A rules profile's
    [summary_procedure] may set other amounts where a law provides otherwise (§51 “法律另有规定的，从其规定”)."""
    lim = limits()["summary"]
    own = (profile or {}).get("summary_procedure", {})
    person = case.party is not None and case.party.kind.value in lim["person_kinds"]
    key = "max_fine_person" if person else "max_fine_organisation"
    return Decimal(str(own.get({"max_fine_person": "individual_max", "max_fine_organisation": "organisation_max"}[key], lim[key]))), person


def summary_fine(case: Case, profile: dict[str, Any] | None = None) -> list[Breach]:
    lim = limits()["summary"]
    fine = sum((m.amount or Decimal(0) for m in case.measures() if m.kind == "罚款"), Decimal(0))
    cap, person = summary_cap(case, profile)
    if fine > cap:
        who = "公民" if person else "法人或者其他组织"
        return [Breach(f"当场处罚对{who}的罚款不得超过 {cap:,} 元，本案为 {fine:,} 元，应适用普通程序", lim["basis"])]
    return []


def urge(case: Case, act: Act | None = None) -> list[Breach]:
    lim = limits()["urge"]
    day = act.date if act else case.last_date(ActKind.URGE)
    if day is None or case.first_date(ActKind.DECISION) is None:
        return []  # a 行政强制 case urges another organ's decision: its period is not on file
    served = _served(case)
    if served is None:
        return [Breach("决定书尚未送达，缴款期限尚未起算，不能催告", lim["basis"])]
    due = served + dt.timedelta(days=lim["payment_days"])
    if day <= due:
        return [Breach(f"催告日期 {cn_date(day)} 在缴款期限内（决定书 {cn_date(served)} 送达，"
                       f"{lim['payment_days']} 日内缴纳，至 {cn_date(due)}）", lim["basis"])]
    return []


def court_application(case: Case, act: Act | None = None) -> list[Breach]:
    lim = limits()["court"]
    day = act.date if act else case.first_date(ActKind.COURT_APPLICATION)
    if day is None or case.first_date(ActKind.DECISION) is None:
        return []
    served = _served(case)
    if served is None:
        return [Breach("决定书尚未送达，复议、诉讼期限尚未起算，不能申请强制执行", lim["basis"])]
    review_end = served + dt.timedelta(days=lim["review_days"])
    suit_end = add_months(served, lim["suit_months"])
    end = max(review_end, suit_end)
    out = []
    if day <= end:
        out.append(Breach(f"申请日期 {cn_date(day)} 早于复议、诉讼期限届满（决定书 {cn_date(served)} 送达，"
                          f"起诉期限至 {cn_date(end)}）", lim["basis"]))
    elif day > add_months(end, lim["apply_within_months"]):
        out.append(Breach(f"申请日期 {cn_date(day)} 已超过期限届满后 {lim['apply_within_months']} 个月", lim["basis"]))
    urged = case.last_date(ActKind.URGE)
    if urged is None:
        out.append(Breach("申请前未催告", lim["basis"]))
    elif (day - urged).days < lim["after_urge_days"]:
        out.append(Breach(f"催告书送达（{cn_date(urged)}）未满 {lim['after_urge_days']} 日", lim["basis"]))
    return out


def review_verdict(case_dir: Path) -> str:
    """The conclusion of the latest 法制审核 round that issued an opinion ('' when none)."""
    last = ""
    rounds = sorted((case_dir / "reviews").glob("round-*/round.json"), key=lambda p: int(p.parent.name.split("-")[1]))
    for p in rounds:
        try:
            opinion = json.loads(p.read_text(encoding="utf-8")).get("opinion") or {}
        except (OSError, ValueError):
            continue
        last = opinion.get("conclusion", last)
    return last


def review(case: Case, case_dir: Path, code: str) -> list[Breach]:
    lim = limits()["review"]
    if code not in lim["documents"]:
        return []
    verdict = review_verdict(case_dir)
    if verdict in lim["blocking"]:
        return [Breach(f"最近一轮法制审核的结论为“{verdict}”，问题处理并重新送审、审核同意前不得作出决定", lim["basis"])]
    return []


# -- what documents and entries ask ---------------------------------------------------------------
def document_breaches(case: Case, case_dir: Path, code: str, profile: dict[str, Any] | None = None) -> list[Breach]:
    """What a document of type ``code`` would state unlawfully for this case (``profile``: the case's
    rules profile, whose [summary_procedure] may set other 当场 amounts)."""
    if code == "seizure_extension":
        return [b for b in seizure(case) if b.confirmable]
    if code == "seizure_decision":
        return [b for b in seizure(case) if not b.confirmable]
    if code == "summary_decision":
        return summary_fine(case, profile)
    if code == "urge_notice":
        return urge(case)
    if code == "court_enforcement_application":
        return court_application(case)
    return review(case, case_dir, code)


def act_breaches(case: Case, act: Act) -> list[Breach]:
    """What no document could lawfully carry about an act being entered (confirmable ones pass)."""
    if act.kind in (ActKind.SEIZURE, ActKind.SEIZURE_EXTENSION):
        return [b for b in seizure(case, act) if not b.confirmable]
    if act.kind == ActKind.URGE:
        return urge(case, act)
    if act.kind == ActKind.COURT_APPLICATION:
        return [b for b in court_application(case, act) if "催告" not in b.message]
    return []
