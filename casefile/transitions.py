"""The moves a case makes between its states, with what blocks each.

The moves are data (``casefile/data/transitions.toml``): from which states, to which, for
which case types and procedures, the act each records and the checks it needs. A check is a
function here returning '' when it passes, else the reason in Chinese; ``available`` lists
every move that applies to a case with its blockers, ``apply`` makes one (refusing a blocked
one) and returns the changed case for the caller to save (journaled by ``Workspace.save_case``).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

from casefile.errors import UsageError, ValidationError
from casefile.model import Act, ActKind, Case, CaseState, CaseType, Procedure, ServiceMethod


@dataclass(frozen=True)
class Transition:
    id: str
    sources: tuple[str, ...]
    to: str
    act: str = ""
    case_types: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    after_review: bool = False  # offered only once a review round exists (重新送审)
    note: str = ""  # the act's note when none is given; {round} is the latest review round
    journal: str = ""  # the journal's name for the move; default: the move and its state change

    def applies(self, case: Case) -> bool:
        return (case.state.value in self.sources and (not self.case_types or case.case_type.value in self.case_types)
                and (not self.procedures or case.procedure.value in self.procedures))


@dataclass
class Option:
    """A move offered for a case: ``blockers`` empty when it may be made now."""

    transition: Transition
    blockers: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return not self.blockers

    def to_dict(self) -> dict[str, Any]:
        t = self.transition
        return {"id": t.id, "to": t.to, "act": t.act, "asks": list(t.asks), "allowed": self.allowed, "blockers": self.blockers}


@lru_cache(maxsize=1)
def transitions() -> tuple[Transition, ...]:
    with open(str(resources.files("casefile") / "data" / "transitions.toml"), "rb") as f:
        data = tomllib.load(f)
    out = []
    for t in data["transitions"]:
        tr = Transition(id=t["id"], sources=tuple(t["from"]), to=t["to"], act=t.get("act", ""),
                        case_types=tuple(t.get("case_types", ())), procedures=tuple(t.get("procedures", ())),
                        checks=tuple(t.get("checks", ())), asks=tuple(t.get("asks", ())),
                        after_review=bool(t.get("after_review", False)), note=t.get("note", ""),
                        journal=t.get("journal", ""))
        # the data file is checked when read: a misspelt state, act, type or check fails at once
        for s in tr.sources + (tr.to,):
            CaseState(s)
        if tr.act:
            ActKind(tr.act)
        for x in tr.case_types:
            CaseType(x)
        for x in tr.procedures:
            Procedure(x)
        for c in tr.checks:
            if c not in CHECKS:
                raise ValueError(f"transitions.toml：不认识的检查“{c}”")
        out.append(tr)
    return tuple(out)


# -- the checks --------------------------------------------------------------------------------
@dataclass
class Context:
    """What a check may look at besides the case: the latest review round (from the review
    records, which the application layer reads) and how many rounds there were."""

    case: Case
    today: dt.date
    review: dict[str, Any] | None = None
    rounds: int = 0
    # why the decision is a 重大执法决定 (casefile.requirements.major_decision_reasons, read with the
    # workspace's profile by the application layer); empty: 法制审核 is not required before it
    major: tuple[str, ...] = ()


def _last(case: Case, kinds: tuple[ActKind, ...]) -> dt.date | None:
    days = [a.date for a in case.acts if a.kind in kinds]
    return max(days) if days else None


def _has_party(x: Context) -> str:
    return "" if x.case.parties else "尚未录入当事人"


def _has_filing(x: Context) -> str:
    if x.case.case_type is CaseType.LICENSE:  # a licence case starts with its 受理, not a 立案
        return "" if x.case.acts_of(ActKind.ACCEPTANCE) else "尚未录入受理日期（执法行为“受理”）"
    return "" if x.case.acts_of(ActKind.FILING) else "尚未录入立案日期（执法行为“立案”）"


# the case types whose decision is a measure (处罚, 征收): they propose one before review
_MEASURED = (CaseType.PENALTY, CaseType.EXPROPRIATION, CaseType.OTHER)


def _has_proposed(x: Context) -> str:
    if x.case.case_type not in _MEASURED or x.case.proposed or x.case.extra.get("no_penalty"):
        return ""
    return "尚未录入拟处罚（录入事实—处罚/措施，阶段选“拟处罚”）"


def _has_decided(x: Context) -> str:
    if x.case.decided or x.case.extra.get("no_penalty"):
        return ""
    return "尚未录入决定的处罚（录入事实—处罚/措施，阶段选“决定”）"


def _measures_have_basis(x: Context) -> str:
    bare = [m.kind for m in x.case.proposed + x.case.decided if not m.basis]
    return f"处罚“{'、'.join(bare)}”没有法律依据" if bare else ""


def _opinion_issued(x: Context) -> str:
    if not x.review:
        return "还没有审核轮次，无需重新送审"
    if not x.review.get("opinion"):
        return f"第 {x.review['round']} 轮审核尚未出具审核意见"
    return ""


def _not_yet_resubmitted(x: Context) -> str:
    # a submission after the round's opinion (a later day, or the one the rounds note as made after it)
    opinion = (x.review or {}).get("opinion")
    if not opinion:
        return ""
    day = dt.date.fromisoformat(opinion["date"])
    after = f"第{x.review['round']}轮审核后"
    if any(a.date > day or a.note.startswith(after) for a in x.case.acts_of(ActKind.SUBMIT_REVIEW)):
        return "已重新送审，等待下一轮审核"
    return ""


def _review_agreed(x: Context) -> str:
    submitted = _last(x.case, (ActKind.SUBMIT_REVIEW,))
    agreed = [a for a in x.case.acts_of(ActKind.LEGAL_REVIEW) if "同意" in a.note and (not submitted or a.date >= submitted)]
    if agreed:
        return ""
    if x.review and x.review.get("opinion"):
        return f"第 {x.review['round']} 轮法制审核意见为“{x.review['opinion']['conclusion']}”，须修改后重新送审"
    basis = "（《中华人民共和国行政处罚法》第五十八条）" if x.case.case_type is CaseType.PENALTY else ""
    return f"法制审核尚未出具“同意”的审核意见{basis}"


def _not_major(x: Context) -> str:
    if not x.major:
        return ""
    return f"属重大执法决定（{'、'.join(x.major)}），须先经法制审核（《中华人民共和国行政处罚法》第五十八条）"


def _decided(x: Context) -> str:
    return "" if x.case.decision_date() else "尚未作出决定"


def _not_yet_served(x: Context) -> str:
    d = x.case.decision_date()
    if d and any(a.date >= d for a in x.case.acts_of(ActKind.SERVICE)):
        return "决定书已送达"
    return ""


def _served(x: Context) -> str:
    d = x.case.decision_date()
    if d and any(a.date >= d for a in x.case.acts_of(ActKind.SERVICE)):
        return ""
    return "决定书尚未送达（须先“送达决定”）"


def _paid_or_executed(x: Context) -> str:
    c = x.case
    if c.case_type is not CaseType.PENALTY or not c.payable("decided"):
        return ""
    if c.acts_of(ActKind.PAYMENT) or c.acts_of(ActKind.EXECUTION):
        return ""
    return f"罚没款 {c.payable('decided'):,} 元尚无缴款或执行记录（《中华人民共和国行政处罚法》第六十七条）"


def _closed(x: Context) -> str:
    return "" if x.case.acts_of(ActKind.CLOSING) else "尚未录入结案"


CHECKS: dict[str, Callable[[Context], str]] = {
    "has_party": _has_party, "has_filing": _has_filing, "has_proposed": _has_proposed, "has_decided": _has_decided,
    "measures_have_basis": _measures_have_basis, "opinion_issued": _opinion_issued,
    "not_yet_resubmitted": _not_yet_resubmitted, "review_agreed": _review_agreed, "not_major": _not_major, "decided": _decided,
    "not_yet_served": _not_yet_served, "served": _served, "paid_or_executed": _paid_or_executed, "closed": _closed,
}


# -- offering and making a move ------------------------------------------------------------------
def available(ctx: Context) -> list[Option]:
    """Every move that applies to the case in its state, each with what blocks it."""
    out = []
    for t in transitions():
        if t.applies(ctx.case) and not (t.after_review and not ctx.rounds):
            blockers = [m for m in (CHECKS[c](ctx) for c in t.checks) if m]
            if t.act and any(a.date > ctx.today for a in ctx.case.acts if a.kind.value == t.act):
                blockers.append(f"已有日期晚于今天的“{t.act}”记录")
            out.append(Option(t, blockers))
    return out


def find(ctx: Context, move: str) -> Option:
    options = available(ctx)
    for o in options:
        if o.transition.id == move:
            return o
    offered = "、".join(o.transition.id for o in options) or "（无）"
    if any(t.id == move for t in transitions()):
        raise UsageError(f"案件 {ctx.case.id}（{ctx.case.state.value}）不能“{move}”", details=[f"现在可以：{offered}"])
    raise UsageError(f"不认识的状态变更“{move}”", details=[f"案件 {ctx.case.id} 现在可以：{offered}"])


def apply(ctx: Context, move: str, *, officers: list[str] | None = None, method: str = "", note: str = "") -> tuple[Case, Transition]:
    """The case after the move (a copy; the caller saves it). A blocked move is refused with
    every blocker listed."""
    opt = find(ctx, move)
    if opt.blockers:
        raise ValidationError(f"案件 {ctx.case.id} 现在不能“{move}”", details=opt.blockers)
    t = opt.transition
    if "method" in t.asks and method and method not in {m.value for m in ServiceMethod}:
        raise UsageError(f"送达方式“{method}”不在可选范围内", details=["可选：" + "、".join(m.value for m in ServiceMethod)])
    case = ctx.case.model_copy(deep=True)
    if t.act:
        note = note or t.note.format(round=(ctx.review or {}).get("round", ""))
        case.acts.append(Act(kind=t.act, date=ctx.today, officers=list(officers or []), note=note,
                             method=(method or ServiceMethod.DIRECT.value) if "method" in t.asks else None))
    case.state = CaseState(t.to)
    return case, t

