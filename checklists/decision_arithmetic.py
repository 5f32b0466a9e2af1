"""Predicates that check the sums a 决定书 writes: an amount in figures against the same amount in
words (D09), the additions and subtractions it writes out, and the 违法所得 confiscated against the
amount found less the amount refunded (D14). The patterns and tolerances are data
(casefile/data/extract/decision.toml [consistency] amount_pair, [consistency.arithmetic])."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from casefile.ingest.extract.decision import _MONEY, Decision, Span, decision_data, unquoted
from casefile.ingest.extract.entities import parse_money
from checklists.context import CheckContext, Hit
from checklists.decision_rules import decisions
from checklists.registry import predicate

_SPEC = decision_data()["consistency"]
_AMOUNT_PAIRS = [re.compile(p) for p in _SPEC["amount_pair"]]
_MALFORMED_WORDS = re.compile("[壹贰叁肆伍陆柒捌玖拾]{2,}[角分]")  # 零壹分 is well formed
_AR = _SPEC["arithmetic"]
_SUM = re.compile(_AR["sum"])
_TERM = re.compile(r"([+＋\-－−]?)\s*(\d[\d,]*(?:\.\d+)?)\s*(万)?")
_REFUND = re.compile(_AR["refund"])
_ANY_MONEY = re.compile(_MONEY)


@predicate
def amounts_in_words_agree(ctx: CheckContext) -> Iterator[Hit]:
    """D09: an amount written in figures and in words (50000元（伍万元）) says the same sum, and its
    words are well formed (one digit before 角 and 分: “肆拾肆角” is no amount)."""
    for r in decisions(ctx):
        t = r.decision.text
        seen: set[str] = set()  # one defect, one finding: the same pair written twice is one
        for p in _AMOUNT_PAIRS:
            for m in p.finditer(t):
                if m.group(0) in seen:
                    continue
                seen.add(m.group(0))
                fig = parse_money(m.group("fig") + (m.group("wan") or "") + "元")
                words = parse_money(m.group("words").replace("圆", "元"))
                bad = _MALFORMED_WORDS.search(m.group("words").split("元")[-1])
                if fig is not None and words is not None and (fig != words or bad):
                    why = f"大写“{bad.group(0)}”写法有误" if bad and fig == words else f"{fig:f}元与{words:f}元"
                    yield Hit(f"金额的小写与大写不一致：“{m.group(0)}”（{why}）；应核对并改正",
                              [r.rec.file], r.ev(Span(m.start(), m.end(), m.group(0))))


def _places(figure: str) -> int:
    return len(figure.split(".")[1]) if "." in figure else 0


def wrong_sums(text: str) -> list[tuple[Span, Decimal]]:
    """The written additions and subtractions of amounts (a元＋b元＝c元) whose result is not their
    sum, each with the right result; a result rounded to fewer places is read as rounded."""
    out = []
    for m in _SUM.finditer(text):
        total = Decimal(0)
        places = 0
        for sign, figure, wan in _TERM.findall(m.group("expr")):
            v = Decimal(figure.replace(",", "")) * (10_000 if wan else 1)
            total += -v if sign in "-－−" and sign else v
            places = max(places, _places(figure))
        result = Decimal(m.group("result").replace(",", "")) * (10_000 if m.group("wan") else 1)
        shown = _places(m.group("result"))
        if abs(total - result) >= Decimal(1).scaleb(-min(shown, places)) / 2 + Decimal("0.000001"):
            out.append((Span(m.start(), m.end(), m.group(0)), total))
    return out


def refund_mismatch(d: Decision) -> tuple[Decimal, Decimal, Decimal, Span] | None:
    """(amount found, amount refunded, amount confiscated, its span) when the 违法所得 confiscated
    is within ``near`` of an amount the facts state less an amount refunded, but equals no such
    difference: a subtraction done wrong or a figure copied wrong (关市监处罚〔2025〕55号: 411944.42 −
    358396.61 = 53547.81, confiscated 53947.41)."""
    if d.operative is None or d.proposal is not None:
        return None
    taken = [m for m in d.measures if m.kind == "没收违法所得" and m.amount]
    if len({m.amount for m in taken}) != 1:  # one amount (a summary line may repeat it)
        return None
    plain = unquoted(d.text)
    end = d.operative.start
    amounts = [(m.start(), v) for m in _ANY_MONEY.finditer(plain, 0, end) for v in [parse_money(m.group("money").replace(" ", ""))] if v]
    spans = [m.span("after") if m.group("after") is not None else m.span("before") for m in _REFUND.finditer(plain, 0, end)]
    refunds = {v for at, v in amounts if any(s <= at < e for s, e in spans)}
    found = {v for _, v in amounts}
    x = taken[0].amount
    rounding, near = Decimal(str(_AR["rounding"])), Decimal(str(_AR["near"]))
    diffs = [(a, b, a - b) for a in found for b in refunds if a > b]
    if not diffs or any(abs(x - c) <= rounding for _, _, c in diffs):
        return None
    # the refund is more than the gap (not a 1元 refund beside the total), and the total itself is not what is taken
    close = [(a, b, c) for a, b, c in diffs if abs(x - c) <= near * x and abs(x - c) < b and a != x]
    if not close:
        return None
    a, b, _ = min(close, key=lambda abc: abs(x - abc[2]))
    return a, b, x, taken[0].span


@predicate
def sums_agree(ctx: CheckContext) -> Iterator[Hit]:
    """D14: the sums a decision writes add up, and the 违法所得 confiscated is the amount found less
    the amount refunded when the text states both."""
    for r in decisions(ctx):
        d = r.decision
        for span, right in wrong_sums(d.text)[:2]:
            yield Hit(f"算式有误：“{span.text}”，按所列数额应为{right:f}元；应核对计算",
                      [r.rec.file], r.ev(span, 10))
        hit = refund_mismatch(d)
        if hit:
            a, b, x, span = hit
            yield Hit(f"没收{x:f}元，而前文所列{a:f}元减去已退还的{b:f}元为{a - b:f}元，两者相差{abs(x - (a - b)):f}元；"
                      f"应核对没收数额的计算", [r.rec.file], r.ev(span, 10))


# -- D20 the areas the operative part names are the areas the facts found ---------------------------------------------
_AREA = re.compile(_AR["area"])
_UNIT = {"平米": "平方米", "㎡": "平方米", "m²": "平方米"}


_NOT_LAND = re.compile(_AR["area_not_land"])


def _areas(text: str, start: int, end: int) -> list[tuple[Decimal, str, re.Match]]:
    """The land areas written in [start, end) — not a building's floor area (建筑面积1420平方米)."""
    return [(Decimal(m.group("n")), _UNIT.get(m.group("unit"), m.group("unit")), m) for m in _AREA.finditer(text, start, end)
            if not _NOT_LAND.search(text, max(0, m.start() - 8), m.start())]


def _derived(found: set[Decimal]) -> set[Decimal]:
    """The areas the facts state, the sums of two or three of them and the differences of two: what an operative
    part may name as the area of a measure (耕地 + 林地, 总面积 − 已批面积)."""
    vals = sorted(set(found))
    out = set(vals)
    for i, a in enumerate(vals):
        for j, b in enumerate(vals[i + 1:], i + 1):
            out |= {a + b, b - a}
            out |= {a + b + c for c in vals[j + 1:]}
    return out


def areas_unfounded(d: Decision) -> list[tuple[Decimal, str, Span]]:
    """(area, unit, its span) for each area the operative part names that the facts before it do not state, as
    written or as a sum or difference of what they state, when the facts state at least two different areas of that unit."""
    if d.operative is None or d.proposal is not None:
        return []
    plain = unquoted(d.text)
    facts = _areas(plain, 0, d.operative.start)
    tol = Decimal(str(_AR["area_rounding"]))
    out = []
    for unit in {u for _, u, _ in facts}:
        stated = {v for v, u, _ in facts if u == unit}
        if len(stated) < 2:
            continue
        known = _derived(stated)
        for v, u, m in _areas(plain, d.operative.start, d.operative.end):
            if u == unit and not any(abs(v - k) < tol for k in known) and v not in {x[0] for x in out}:
                out.append((v, unit, Span(m.start(), m.end(), d.text[m.start():m.end()])))
    return out


@predicate
def areas_agree(ctx: CheckContext) -> Iterator[Hit]:
    """D20: each area the operative part names (没收…平方米上的建筑物, 对非法占用…平方米处以罚款) is one the facts found."""
    for r in decisions(ctx):
        for v, unit, span in areas_unfounded(r.decision)[:2]:
            yield Hit(f"决定内容所写面积{v:f}{unit}在事实部分没有出现（也不是所列面积之和或差）；决定处理的面积应与查明的事实一致",
                      [r.rec.file], r.ev(span, 20))
