"""The moves a case makes between its states, with what blocks each.

The moves are data, declared with each case type (``moves`` in casefile/data/case_types/<code>.toml,
read through casefile.law.casetypes): from which states, to which, for which procedures, the act each
records, the checks it needs and who may make it. A check is a
function here returning '' when it passes, else the reason in Chinese; ``available`` lists
every move that applies to a case with its blockers, ``apply`` makes one (refusing a blocked
one) and returns the changed case for the caller to save (journaled by ``Workspace.save_case``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from casefile.law import casetypes
from casefile.law.casetypes import Move
from casefile.errors import UsageError, ValidationError
from casefile.model import Act, ActKind, Case, CaseState, CaseType, Procedure, ServiceMethod


def _applies(t: Move, case: Case) -> bool:
    return case.state.value in t.sources and (not t.procedures or case.procedure.value in t.procedures)


@dataclass
class Option:
    """A move offered for a case: ``blockers`` empty when it may be made now."""

    transition: Move
    blockers: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return not self.blockers

    def to_dict(self) -> dict[str, Any]:
        t = self.transition
        return {"id": t.id, "to": t.to, "act": t.act, "asks": list(t.asks), "allowed": self.allowed, "blockers": self.blockers,
                "roles": list(t.roles), "requires": list(t.requires), "requires_if_major": list(t.requires_if_major)}


def transitions(case_type: str) -> tuple[Move, ...]:
    """The moves of a case type's procedure, checked against the model on first use."""
    return _checked(casetypes.get(case_type).moves, casetypes.version())


@lru_cache(maxsize=64)
def _checked(moves: tuple[Move, ...], _version: tuple[str, ...]) -> tuple[Move, ...]:
    # a declaration is checked when first used: a misspelt state, act, procedure or check fails at once
    for t in moves:
        for s in t.sources + (t.to,):
            CaseState(s)
        if t.act:
            ActKind(t.act)
        for x in t.procedures:
            Procedure(x)
        for c in t.checks:
            if c not in CHECKS:
                raise ValueError(f"案件类型声明：状态变更“{t.id}”用了不认识的检查“{c}”")
    return moves


# -- the checks --------------------------------------------------------------------------------
@dataclass
class Context:
    """What a check may look at besides the case: the latest review round (from the review
    records, which the application layer reads) and how many rounds there were."""

    case: Case
    today: dt.date
    review: dict[str, Any] | None = None
    rounds: int = 0
    # why the decision is a 重大执法决定 (casefile.law.requirements.major_decision_reasons, read with the
    # workspace's profile by the application layer); empty: 法制审核 is not required before it
    major: tuple[str, ...] = ()
    # the approvals each move needs (move id → names in REQUIREMENTS), from the permission table or the
    # case type's declaration, read by the application layer
    requires: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _last(case: Case, kinds: tuple[ActKind, ...]) -> dt.date | None:
    days = [a.date for a in case.acts if a.kind in kinds]
    return max(days) if days else None


def _has_party(x: Context) -> str:
    return "" if x.case.parties else "尚未录入当事人"


def _has_filing(x: Context) -> str:
    act = x.case.case_type.declaration.opening_act  # a licence case starts with its 受理, not a 立案
    return "" if x.case.acts_of(ActKind(act)) else f"尚未录入{act}日期（执法行为“{act}”）"


def _has_proposed(x: Context) -> str:
    # the case types whose decision is a measure (处罚, 征收) propose one before review
    if not x.case.case_type.declaration.proposes_measure or x.case.proposed or x.case.extra.get("no_penalty"):
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
        return _coordination_open(x.review)
    basis = "（《中华人民共和国行政处罚法》第五十八条）" if x.case.case_type is CaseType.PENALTY else ""
    return f"法制审核尚未出具“同意”的审核意见{basis}"


def _coordination_open(rnd: dict[str, Any]) -> str:
    """A round whose opinion found problems closes either by a resubmission (a new round) or by the
    承办机构's written response, settled by the 负责人 or the 集体讨论 it was sent to."""
    response = rnd.get("response") or {}
    settled = response.get("settled") or {}
    if settled.get("conclusion") == "同意":
        return ""
    head = f"第 {rnd['round']} 轮法制审核意见为“{rnd['opinion']['conclusion']}”"
    if settled:
        return f"{head}，{response['to']}意见为“{settled['conclusion']}”，须修改后重新送审"
    if response:
        return f"{head}，承办机构已书面说明，尚待{response['to']}决定（casefile {'approve' if response['to'] == '负责人' else 'discuss'}）"
    return (f"{head}，须修改后重新送审，或由承办机构书面说明理由报负责人或集体讨论决定"
            f"（casefile review respond CASE --text … --to 负责人|集体讨论）")


def _since_submission(x: Context, kind: ActKind) -> list[Act]:
    submitted = _last(x.case, (ActKind.SUBMIT_REVIEW,))
    return [a for a in x.case.acts_of(kind) if not submitted or a.date >= submitted]


def _head_approved(x: Context) -> str:
    acts = _since_submission(x, ActKind.HEAD_APPROVAL)
    if acts and acts[-1].note.startswith("同意"):
        return ""
    if acts:
        return f"负责人审批意见为“{acts[-1].note}”，不能作出决定"
    return "尚无负责人审批（《中华人民共和国行政处罚法》第五十七条第一款：调查终结，行政机关负责人应当对调查结果进行审查）"


def _discussed(x: Context) -> str:
    why = ["情节复杂"] if x.case.review.complex_case else []
    why += [f"属重大执法决定（{'、'.join(x.major)}）"] if x.major else []
    if not why or _since_submission(x, ActKind.COLLECTIVE_DISCUSSION):
        return ""
    return f"本案{'，'.join(why)}，须经行政机关负责人集体讨论决定（《中华人民共和国行政处罚法》第五十七条第二款）"


# what a move may require before it is made (permissions.toml / the case type's declaration: requires)
REQUIREMENTS: dict[str, Callable[[Context], str]] = {"负责人审批": _head_approved, "集体讨论": _discussed}


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
    for t in transitions(ctx.case.case_type.value):
        if _applies(t, ctx.case) and not (t.after_review and not ctx.rounds):
            blockers = [m for m in (CHECKS[c](ctx) for c in t.checks) if m]
            blockers += [m for m in (REQUIREMENTS[r](ctx) for r in ctx.requires.get(t.id, ())) if m]
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
    if any(t.id == move for t in transitions(ctx.case.case_type.value)):
        raise UsageError(f"案件 {ctx.case.id}（{ctx.case.state.value}）不能“{move}”", details=[f"现在可以：{offered}"])
    raise UsageError(f"不认识的状态变更“{move}”", details=[f"案件 {ctx.case.id} 现在可以：{offered}"])


def apply(ctx: Context, move: str, *, officers: list[str] | None = None, method: str = "", note: str = "") -> tuple[Case, Move]:
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

