"""Predicates on what a decision's penalty provision requires it to order (casefile/data/laws/penalty_ranges.toml
``requires``): 没收违法所得 (D04), 责令改正 (D06), and the other orders such as 责令退还, 恢复植被, 补种 (D06b).
The decisions are read as decision_rules.py reads them."""

from __future__ import annotations

import re
from typing import Any, Iterator

from casefile.ingest.extract.decision import _MONEY, Decision, Span, decision_data, unquoted
from checklists.context import CheckContext, Hit
from checklists.decision_bases import applies
from checklists.decision_rules import _cite, _ranges_for, decisions, law_data
from checklists.registry import predicate


# -- D04/D06 what the penalty provision requires -------------------------------------------------------------
def _required(d: Decision, readings: list[dict[str, str]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """What the penalty provisions require the decision to order: under every reading of their versions (an order one
    version requires and another does not is not reported when the act's date leaves the version open)."""
    basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
    each = []
    for reading in readings or [{}]:
        out: dict[str, list[dict[str, Any]]] = {}
        for rg in (rg for rg in _ranges_for(basis, [reading]) if applies(rg, d)):
            for need in rg.get("requires", []):
                out.setdefault(need, [])
                key = {"law": rg["law"], "article": rg["article"], "version": rg.get("version")}
                if key not in out[need]:
                    out[need].append(key)
        each.append(out)
    return {need: provisions for need, provisions in each[0].items() if all(need in o for o in each[1:])}


def _stated_profit(d: Decision) -> str | None:
    """The profit the facts state without calling it 违法所得 (“售出2副，获利162元”), before the operative part."""
    plain = unquoted(d.text)[: d.operative.start if d.operative else len(d.text)]
    pats = (p.replace("{MONEY}", _MONEY) for p in decision_data()["patterns"]["profit"])
    return next((m.group(0) for p in pats for m in re.finditer(p, plain)), None)


def _income_kept(d: Decision) -> Span | None:
    """The facts find a 违法所得 above nothing and the decision neither confiscates it (nor 追缴) nor says it was
    refunded, paid back or deducted (consistency.income ``reduced``): the span of the finding."""
    span, found = d.illegal_income_span, d.illegal_income
    if not span or not found or found <= 0 or d.no_illegal_income or d.operative is None or span.start >= d.operative.start:
        return None
    plain = unquoted(d.text)
    if re.compile(r"决定[^。；;]{0,40}?(?:罚款|警告|没收)").search(plain, span.end, d.operative.start):
        return None  # another violation decided before the operative part read: the income may be that one's
    if any(m.kind.startswith("没收") for m in d.measures) or re.search(decision_data()["consistency"]["income"]["reduced"], plain) \
            or re.search(r"(?:没收|追缴|收缴)(?!款)", plain[d.operative.start:d.operative.end]):  # 没收违法所750元 (a typo) too
        return None
    return span


@predicate
def illegal_income_dealt(ctx: CheckContext, *, scaled: bool = True) -> Iterator[Hit]:
    """D04: the provision says 没收违法所得; the decision neither quantifies nor confiscates it nor
    says there is none (or that it cannot be determined / was refunded). ``scaled=True``: only
    provisions whose fine is a multiple of 违法所得 — the penalty band then rests on a fact the
    decision never states (major); ``scaled=False``: the fixed-range ones (明码标价, minor)."""
    for r in decisions(ctx):
        d = r.decision
        if d.proposal or not d.measures:
            continue
        need = _required(d, r.readings).get("没收违法所得")
        if not need:
            continue
        if d.illegal_income is not None or d.no_illegal_income:
            # several violations (a 明码标价 article beside a 虚假宣传 one): the income found may be another's
            basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
            every = all("没收违法所得" in rg.get("requires", []) for rg in _ranges_for(basis, r.readings)) and \
                {(b["law"], b["article"]) for b in basis} <= {(b["law"], b["article"]) for b in need}
            kept = scaled and every and _income_kept(d)
            if kept:
                yield Hit(f"处罚依据{'、'.join(_cite(b) for b in need)}规定有违法所得的没收违法所得（行政处罚法第二十八条第二款），"
                          f"事实部分认定“{kept.text}”，决定书却未没收，也没有退还、退赔的记载", [r.rec.file], r.ev(kept))
            continue
        basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
        by_income = any(rg.get("per") == "illegal_income" for rg in _ranges_for(basis, r.readings))
        if by_income != scaled:
            continue
        if any(m.kind == "没收违法所得" for m in d.measures):
            continue
        profit = _stated_profit(d)
        what = (f"前文写明“{profit}”，决定书却既未没收、也未说明已退还或不属违法所得" if profit
                else "决定书既未认定违法所得数额或说明没有违法所得，也未没收")
        yield Hit(f"处罚依据{'、'.join(_cite(b) for b in need)}规定没收违法所得，{what}",
                  [r.rec.file], r.ev(d.operative, 0) if d.operative else r.ev(None))


@predicate
def correction_ordered(ctx: CheckContext) -> Iterator[Hit]:
    """D06: the provision (and 行政处罚法 §28) requires 责令改正; the decision does not order it."""
    for r in decisions(ctx):
        d = r.decision
        if d.proposal or not d.measures:
            continue
        need = _required(d, r.readings).get("责令改正")
        if need and d.correction is None:
            yield Hit(f"处罚依据{'、'.join(_cite(b) for b in need)}规定责令改正（行政处罚法第二十八条第一款），决定书未责令当事人改正违法行为",
                      [r.rec.file], r.ev(d.operative) if d.operative else r.ev(None))


@predicate
def orders_required(ctx: CheckContext) -> Iterator[Hit]:
    """D06b: the provision orders a measure besides 责令改正 (土地管理法第七十七条 责令退还, 森林法第七十三条
    恢复植被, 第七十六条 补种, casefile/data/laws/penalty_ranges.toml ``requires``); the decision's operative
    part (quoted statute wording blanked) does not order it. On a public summary or a fragment only when its
    operative part orders something itself (责令…): it lists the orders, so the one missing is seen missing; a
    summary giving the fine alone may have left the orders out."""
    words, done = law_data("penalty_ranges").get("orders", {}), law_data("penalty_ranges").get("orders_done", {})
    for r in decisions(ctx):
        d = r.decision
        if d.proposal or not d.measures or d.operative is None:
            continue
        said = unquoted(d.text)[d.operative.start:]
        if getattr(ctx.extraction(r.rec), "abridged", False) and "责令" not in said:
            continue
        for need, provisions in _required(d, r.readings).items():
            if need in done and re.search(done[need], unquoted(d.text)):
                continue  # the party did it already (主动删除违法广告), as 已改正 answers 责令改正
            if need in words and not re.search(words[need], said):
                yield Hit(f"处罚依据{'、'.join(_cite(b) for b in provisions)}规定{need}，决定书的处理部分没有写明",
                          [r.rec.file], r.ev(d.operative))
