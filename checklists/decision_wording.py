"""Predicates on what a 决定书 says it decides and finds: a kind and amount of penalty in the
operative part (D15), a 定性 that finds the violation rather than suspecting it (D16, “涉嫌违反”
is the wording of the 立案, not of the decision), template options left in brackets (F03; in the operative
part F03b: “[现责令当事人改正上述违法行为，并]决定处罚如下” leaves open whether correction is ordered).
Patterns are data (casefile/data/extract/decision.toml [consistency.decided], [consistency.suspected])."""

from __future__ import annotations

import re
from typing import Iterator

from casefile.ingest.extract.decision import _MONEY, Decision, Span, decision_data, unquoted
from checklists.context import CheckContext, Hit
from checklists.decision_rules import decisions
from checklists.registry import predicate

_SPEC = decision_data()["consistency"]
_ANY_MONEY = re.compile(_MONEY)
_DECIDED = re.compile(_SPEC["decided"]["words"])
_SUSPECTED = re.compile(_SPEC["suspected"]["words"])
_FOUND = re.compile(_SPEC["suspected"]["found"])


def decides_nothing(d: Decision) -> Span | None:
    """The passage from the 认定 to the payment notice when it names no amount and no kind of penalty
    (nor 不予处罚): the decision decides nothing (a form whose 处罚内容 was never filled in)."""
    if d.measures or d.proposal is not None or d.kind != "处罚" or len(d.text) < _SPEC["decided"]["min_chars"]:
        return None
    lo = d.reasoning.start if d.reasoning else (d.evidence.end if d.evidence else 0)
    hi = d.payment.start if d.payment else (d.remedy_span.start if d.remedy_span else len(d.text))
    plain = unquoted(d.text)
    if hi <= lo or _ANY_MONEY.search(plain, lo, hi) or _DECIDED.search(plain, lo, hi):
        return None
    return Span(max(lo, hi - 80), hi, d.text[max(lo, hi - 80):hi])


@predicate
def decides_a_measure(ctx: CheckContext) -> Iterator[Hit]:
    """D15: a 决定书 states what is decided: the kind of penalty and its amount (行政处罚法 §59(一)(四))."""
    for r in decisions(ctx):
        s = decides_nothing(r.decision)
        if s:
            yield Hit("决定书没有写明给予何种行政处罚（处罚种类、数额及依据），只写到“……" + s.text[-30:] + "”；应写明决定的处罚内容",
                      [r.rec.file], r.ev(s))


def only_suspected(d: Decision) -> Span | None:
    """The first “涉嫌违反/涉嫌构成” of the 定性 (本局认为 … the operative part) when no sentence there
    finds the violation outright (违反了《…》, 构成…的违法行为)."""
    if d.reasoning is None:
        return None
    plain = unquoted(d.text)
    hi = d.operative.end if d.operative else d.reasoning.end
    m = _SUSPECTED.search(plain, d.reasoning.start, hi)
    if m is None or any(not plain[max(0, f.start() - 2):f.start()].endswith("涉嫌") for f in _FOUND.finditer(plain, d.reasoning.start, hi)):
        return None
    s = max(plain.rfind("。", 0, m.start()) + 1, m.start() - 40)
    return Span(s, m.end() + 12, d.text[s:m.end() + 12])


@predicate
def violation_found(ctx: CheckContext) -> Iterator[Hit]:
    """D16: the 定性 finds the violation (违反了…); “涉嫌” leaves it a suspicion (行政处罚法 §40: 违法事实不清的，不得给予行政处罚)."""
    for r in decisions(ctx):
        s = only_suspected(r.decision)
        if s:
            yield Hit(f"决定书的定性写作“{s.text}……”，仍是“涉嫌”，没有认定违法；应写明当事人的行为违反了哪条规定、构成何种违法行为",
                      [r.rec.file], r.ev(s))


@predicate
def template_text_removed(ctx: CheckContext, *, operative: bool = False) -> Iterator[Hit]:
    """F03/F03b: template options left in brackets ([现责令当事人改正…]); F03b those in the operative part,
    F03 the others — one finding per bracket, never both."""
    for r in decisions(ctx):
        op = r.decision.operative
        left = [p for p in r.decision.placeholders if bool(op and op.start <= p.start < op.end) == operative]
        for p in left[:3]:
            where = "的处理部分" if operative else "中"
            yield Hit(f"决定书{where}留有模板方括号内容“{p.text[:40]}”；应删去方括号，保留或删除该项内容"
                      + ("（决定书须写明决定的内容，不能留待选择）" if operative else ""), [r.rec.file], r.ev(p))
