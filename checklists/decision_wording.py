"""Predicates on what a 决定书 says it decides and finds: a kind and amount of penalty in the
operative part (D15), the evidence it rests on listed under its heading (E04), the 告知 and the party's
陈述、申辩 stated (D17), how and by when a fine is paid (D18), a 定性 that finds the violation rather than suspecting it (D16, “涉嫌违反”
is the wording of the 立案, not of the decision), template options left in brackets (F03; in the operative
part F03b: “[现责令当事人改正上述违法行为，并]决定处罚如下” leaves open whether correction is ordered).
Patterns are data (casefile/data/extract/decision.toml [consistency.decided], [consistency.suspected])."""

from __future__ import annotations

import re
from typing import Iterator

from casefile.ingest.extract.decision import _MONEY, Decision, Span, decision_data, unquoted, unstated
from casefile.ingest.extract.decision_shape import phrasings
from checklists.context import CheckContext, Hit
from checklists.decision_conduct import conduct_denied
from checklists.decision_rules import decisions
from checklists.registry import predicate

_SPEC = decision_data()["consistency"]
_ANY_MONEY = re.compile(_MONEY)
_DECIDED = re.compile(_SPEC["decided"]["words"])
_SUSPECTED = re.compile(_SPEC["suspected"]["words"])
_FOUND = re.compile(_SPEC["suspected"]["found"])
_EMPTY_EVIDENCE = re.compile(_SPEC["empty_evidence"])
_NOTICE = re.compile(_SPEC["notice"]["words"])


def decides_nothing(d: Decision) -> Span | None:
    """The passage from the 认定 to the payment notice when it names no amount and no kind of penalty
    (nor 不予处罚): the decision decides nothing (a form whose 处罚内容 was never filled in, or holds only the
    articles' wording: “（行政处罚的内容和依据）1.《价格法》第三十九条：经营者…责令改正，没收违法所得…”)."""
    if d.measures or d.proposal is not None or d.kind != "处罚" or len(d.text) < _SPEC["decided"]["min_chars"]:
        return None
    lo = d.reasoning.start if d.reasoning else (d.evidence.end if d.evidence else 0)
    # (the remedies' sentence may begin with the last words of the decision: “…罚款。没收违法所得如对本决定不服…”)
    hi = d.payment.start if d.payment else (min(x.span.start for x in d.remedies) if d.remedies else
                                            d.remedy_span.start if d.remedy_span else len(d.text))
    plain = unstated(unquoted(d.text), d.citations)
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
    finds the violation outright (违反了《…》, 构成…的违法行为). A form with no 定性 of its own (甘肃's 决定书 whose
    sections are headed “（违反法律、法规或者规章的事实）”) is read whole: a “涉嫌” and no finding anywhere
    (the articles' own wording, quoted or not, is no finding)."""
    plain = unstated(unquoted(d.text), d.citations)
    if d.reasoning is not None:
        lo, hi = d.reasoning.start, d.operative.end if d.operative else d.reasoning.end
    elif d.evidence is not None and d.operative is None:
        lo, hi = d.facts.start if d.facts else 0, len(plain)
    else:
        return None
    m = _SUSPECTED.search(plain, lo, hi)
    if m is None or any(not plain[max(0, f.start() - 2):f.start()].endswith("涉嫌") and plain[f.start() - 1:f.start()] not in "（("
                        for f in _FOUND.finditer(plain, lo, hi)):
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
        if (c := conduct_denied(r.decision)):
            act, said, denial = c
            yield Hit(f"定性“{said.text[:80]}”认定当事人{act}，而认定的事实写明“{denial.text}”；定性与违法事实不符，应按查明的事实定性",
                      [r.rec.file], r.ev(said) + r.ev(denial))


def notice_unstated(d: Decision) -> bool:
    """A whole decision (its evidence part and its remedies read) that never mentions a 告知 or the party's
    陈述、申辩: whether the party was heard, and what came of it, is not stated."""
    return (d.kind == "处罚" and d.evidence is not None and bool(d.remedies) and len(d.text) >= _SPEC["notice"]["min_chars"]
            and not _NOTICE.search(d.text))


@predicate
def notice_stated(ctx: CheckContext) -> Iterator[Hit]:
    """D17: the decision states the 告知 and the party's 陈述、申辩 and how they were taken (程序规定 §62(三))."""
    for r in decisions(ctx):
        d = r.decision
        if notice_unstated(d):
            at = d.reasoning or d.evidence
            yield Hit("决定书通篇没有写行政处罚告知、当事人陈述申辩（或听证）的情况及其采纳情况；应写明告知的日期和文书、"
                      "当事人是否陈述申辩及复核采纳的理由", [r.rec.file], r.ev(Span(at.start, min(at.end, at.start + 60), d.text[at.start:at.start + 60])))


_PAYMENT = re.compile(_SPEC["payment"]["words"])


def payment_unstated(d: Decision) -> Span | None:
    """The operative part of a whole decision that decides a fine or a confiscation with its amount when nothing from
    there on says how and by when it is paid (no 缴纳, 履行, 国库…): “罚款1000元。如对本行政处罚决定不服…”."""
    if (d.kind != "处罚" or d.evidence is None or not d.remedies or d.payment is not None or d.operative is None
            or len(d.text) < _SPEC["payment"]["min_chars"] or not any(m.amount for m in d.measures)):
        return None
    return None if _PAYMENT.search(d.text, d.operative.start) else d.operative


@predicate
def payment_stated(ctx: CheckContext) -> Iterator[Hit]:
    """D18: a decision that imposes a fine or a confiscation states how and by when it is to be paid (行政处罚法 §59(四))."""
    for r in decisions(ctx):
        s = payment_unstated(r.decision)
        if s:
            first = next((m.span.start for m in r.decision.measures if m.span.start >= s.start), s.start)  # from the penalty itself
            yield Hit(f"决定书决定了“{r.decision.text[first:s.end][:50]}”，却没有写明履行方式和期限（缴纳的期限、地点或方式）；应写明当事人应于收到"
                      "决定书之日起十五日内缴纳及缴纳的方式", [r.rec.file], r.ev(Span(s.start, min(s.end, s.start + 80), s.text[:80])))


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


# -- E04 the evidence is listed -------------------------------------------------------------------------
_EVIDENCE_NAMED = re.compile(decision_data()["patterns"]["evidence_named"])
_EVIDENCE_HEADING = phrasings("evidence_start")
_LIST_ITEM = re.compile(r"(?:[1-9１-９][、.．]|[（(][1-9一二三四五六七八九][)）]|[一二三四五六七八九][、.．]|证据[一二三四五六七八九1-9])")
_FORM_FACTS = 300  # characters of facts before the heading: the form was filled in, its evidence section left empty


def evidence_unnamed(d: Decision) -> Span | None:
    """The evidence part when the words under its heading name no evidence at all (no 笔录, 复印件, 照片,
    no paper said to show anything): the heading is followed by the facts told again (乌中市监处罚〔2026〕3号)."""
    ev = d.evidence
    if ev is None:
        return None
    head = _EVIDENCE_HEADING.match(unquoted(d.text), ev.start)
    body = re.sub(r"^(?:证明|证实|为证|如下)?[:：]?", "", unquoted(d.text)[head.end() if head else ev.start:ev.end])
    if len(body) < 40 or _EVIDENCE_NAMED.search(body) or _LIST_ITEM.match(body):
        return None  # a heading alone is E04's first case, a short part a published summary, a numbered list a list
    return Span(ev.start, min(ev.end, ev.start + 80), d.text[ev.start:min(ev.end, ev.start + 80)])


@predicate
def evidence_listed(ctx: CheckContext) -> Iterator[Hit]:
    """E04: an evidence heading followed directly by the next part, or by words that name no evidence:
    the decision lists no evidence."""
    for r in decisions(ctx):
        d = r.decision
        m = _EMPTY_EVIDENCE.search(d.text)
        if m and m.group("form") and (d.facts is None or len(d.facts.text) < _FORM_FACTS or d.evidence is None
                                      or abs(m.start() - d.evidence.start) > 30):
            m = None  # every section a bare heading (the text layer lost what was filled in), or a blank form appended
        if m:
            yield Hit(f"证据部分只有标题“{m.group(0)}”，其下没有列出任何证据；决定书应载明认定违法事实的证据（行政处罚法第五十九条第一款第（二）项）",
                      [r.rec.file], r.ev(Span(m.start(), m.end(), m.group(0)), 20))
        elif (s := evidence_unnamed(d)):
            yield Hit(f"证据部分“{s.text[:30]}……”之下没有列出任何证据（没有笔录、书证、照片等证据的名称），只复述了事实；"
                      "决定书应载明认定违法事实的证据（行政处罚法第五十九条第一款第（二）项）", [r.rec.file], r.ev(s))
