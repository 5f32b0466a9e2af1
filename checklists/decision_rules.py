"""Predicates that read a 行政处罚决定书 as a structure (casefile.ingest.extract.decision): each
measure against the range of the provision it rests on, the operative part, 违法所得,
责令改正, 减轻 and its basis, template text left in (the remedies notice: decision_remedies.py;
repealed rules and old article numbers: decision_citations.py). Each hit quotes the words it rests on (document, page, text) and
says what the correct form is. The legal data (ranges, periods, repeals) lives in
``casefile/data/laws/*.toml``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Iterator

from casefile.ingest.extract.decision import Decision, Span, read_decision
from casefile.law.laws import law_table
from checklists.context import CheckContext, Hit
from checklists.decision_bases import applies, goods_value, individual, special_band, stated_rate
from checklists.decision_versions import in_reading, readings
from checklists.predicates import fine_in_range
from checklists.registry import predicate

DECISION_TYPES = ("decision", "summary_decision", "no_penalty_decision")


law_data = law_table  # the legal data tables (ranges, periods, repeals), read once


# -- reading the decisions of a case ---------------------------------------------------------------
class _Read:
    """A decision of the case, read once per check run, with the page of any span."""

    def __init__(self, ctx: CheckContext, rec) -> None:
        from casefile.ingest.extract.normalize import compact
        from casefile.ingest.textio import read_document

        self.rec = rec
        self.pages: list[str] = []
        self.compact = None
        try:
            doc = read_document(ctx.case_dir / rec.file)
            self.pages = doc.pages
            self.compact = compact(doc.text)
            text = self.compact.text
        except Exception:  # noqa: BLE001 - an unreadable file: read the cached text, pages unknown
            text = ctx.text_of(rec)
        self.decision: Decision = read_decision(text)
        # the version of each cited law the decision is judged by, one dict per candidate reading
        self.readings = readings(ctx, self.decision, _date_of(ctx, self.decision))

    def page(self, span: Span) -> int:
        if not self.compact or not self.pages:
            return 1
        start, _ = self.compact.original_span(span.start, span.end)
        pos = 0
        for i, p in enumerate(self.pages, 1):
            pos += len(p) + 1
            if start < pos:
                return i
        return len(self.pages)

    def ev(self, span: Span | None, pad: int = 0) -> list[dict[str, Any]]:
        if span is None:
            return [{"doc": self.rec.file, "page": 1, "text": "（决定书中没有）"}]
        s = self.decision.quote(span.start, span.end, pad) if pad else span
        return [{"doc": self.rec.file, "page": self.page(s), "text": s.text[:200]}]


def decisions(ctx: CheckContext) -> list[_Read]:
    cache = ctx.__dict__.setdefault("_decision_reads", {})
    out = []
    for rec in ctx.docs_of(*DECISION_TYPES):
        if rec.file not in cache:
            cache[rec.file] = _Read(ctx, rec)
        out.append(cache[rec.file])
    return out


def _date_of(ctx: CheckContext, d: Decision) -> dt.date | None:
    from casefile.model import ActKind

    return d.seal_date or ctx.case.first_date(ActKind.DECISION)


def _cite(b: dict[str, Any]) -> str:
    """《法名》第N条 (第M款第（K）项), with the year of the version when it is an older one than the library's text."""
    s = f"《{b['law']}》" + (f"（{b['version'][:4]}年版本）" if b.get("version") else "") + f"第{b['article']}条"
    if b.get("paragraph"):
        s += f"第{b['paragraph']}款"
    if b.get("item"):
        s += f"第（{b['item']}）项"
    return s


def _money(v: Decimal) -> str:
    v = v.quantize(Decimal("0.01")).normalize()
    return f"{v:f}"


# -- D01 fine range ------------------------------------------------------------------------------------
def _ranges_for(basis: list[dict[str, Any]], readings: list[dict[str, str]] | None = None) -> list[dict[str, Any]]:
    """The ranges of the provisions cited, in the versions of their laws each reading takes (the latest without one);
    a provision that has a range under one reading and none under another has none: which one applies is unknown."""
    table = law_data("penalty_ranges")["range"]
    out = []
    for b in basis:
        same = [r for r in table if r["law"] == b.get("law") and r["article"] == b.get("article") and all(
                r.get(k) is None or b.get(k) is None or b[k] in (r[k] if isinstance(r[k], list) else [r[k]])
                for k in ("paragraph", "item"))]
        per = [[r for r in same if in_reading(r, reading)] for reading in readings or [{}]]
        if not all(per):
            continue
        out.extend(r for r in same if any(r in p for p in per))
    return out


def _later(d: Decision) -> bool:
    """The decision states the party did not correct in time (逾期未改正, 拒不改正): the second tier applies."""
    said = re.sub(r"“[^”]*”", "", d.text)  # not the article's own words quoted (逾期未改正的，处五万元以上…)
    return bool(re.search(law_data("penalty_ranges")["later_when"], said))


def _band(r: dict[str, Any], d: Decision, income: Decimal | None, no_income: bool, goods: Decimal | None) -> tuple[Decimal, Decimal | None, str] | None:
    """(lowest, highest or None = no ceiling, how it was worked out) for range ``r``; None when the
    facts it needs (违法所得, 货值) are not stated."""
    per = r.get("per", "fixed")
    if not applies(r, d):
        return None  # another branch of the article (城乡规划法第六十四条：无法采取改正措施的一支)
    if (special := special_band(r, d)) or per == "base":
        return special
    if per == "fixed" and "later_max" in r and _later(d):
        # 逾期未改正、拒不改正：the article's second tier
        return Decimal(str(r.get("later_min", 0))), Decimal(str(r["later_max"])), f"逾期未改正的{r.get('later_min', 0)}～{r['later_max']}元"
    if per == "fixed":
        return Decimal(str(r.get("min", 0))), Decimal(str(r["max"])) if "max" in r else None, f"{r.get('min', 0)}～{r.get('max', '不设上限')}元"
    if per == "illegal_income":
        if income and "income_below" in r and income < Decimal(str(r["income_below"])):
            no_income = True  # 违法所得不足1万元的 takes the band of none (道路运输条例第六十三条)
        if income and income > 0 and not no_income:
            return Decimal(0), Decimal(str(r["max"])) * income, f"违法所得{_money(income)}元的{r['max']}倍以下"
        if income and income > 0 and no_income:
            # part quantified, part not (或无法确定): either band may apply — the wider of the two
            other = _band(r, d, None, True, goods)
            hi = Decimal(str(r["max"])) * income
            if other is None or other[1] is None:
                return Decimal(0), None, f"违法所得{_money(income)}元的{r['max']}倍以下，或没有违法所得时的幅度"
            return Decimal(0), max(hi, other[1]), f"违法所得{_money(income)}元的{r['max']}倍以下，或{other[2]}"
        if no_income:
            lo = Decimal(str(r.get("no_income_min", 0)))
            hi = Decimal(str(r["no_income_max"])) if "no_income_max" in r else None
            how = f"没有违法所得的{r.get('no_income_min', 0)}～{r.get('no_income_max', '不设上限')}元"
            if "individual_no_income_max" in r and individual(d):
                lo = Decimal(0)
                how += f"（经营者为个人的，可处{r['individual_no_income_max']}元以下）"
            return lo, hi, how
        return None
    if per == "goods_value":
        if goods is None:
            return _goods_unstated(r)
        if goods < Decimal(str(r.get("goods_value_below", 0))):
            return Decimal(str(r["fixed_min"])), Decimal(str(r["fixed_max"])), f"货值金额不足{r['goods_value_below']}元的{r['fixed_min']}～{r['fixed_max']}元"
        return Decimal(str(r["min"])) * goods, Decimal(str(r["max"])) * goods, f"货值金额{_money(goods)}元的{r['min']}～{r['max']}倍"
    return None


def _goods_unstated(r: dict[str, Any]) -> tuple[Decimal, None, str] | None:
    """The band of an article graded by 货值 when the decision states none: the lower of its two floors (不足 X 元的
    fixed_min, X 元以上的 X × min) is the least any reading allows; the ceiling is not known."""
    if "goods_value_below" not in r:
        return None
    lo = min(Decimal(str(r["fixed_min"])), Decimal(str(r["min"])) * Decimal(str(r["goods_value_below"])))
    return lo, None, f"货值金额未写明，无论货值多少最低{_money(lo)}元"


def _floor(bands: list[tuple[Decimal, Decimal | None, str]]) -> Decimal:
    """The lowest fine the cited provisions allow where the decision itself says it goes below it (减轻). A
    provision that sets no amount at all (价格法第三十九条“没有违法所得的，可以处以罚款”) leaves it to the one
    that does (价格违法行为行政处罚规定第九条：5万元以上): cited together, the specific range is the one a 减轻
    goes below. (D01, without a stated 减轻, keeps the widest: on the 900 the narrower floor alone was mostly a
    减轻 or an individual's range the reader missed.)"""
    set_amounts = [b for b in bands if b[0] or b[1] is not None]
    return min(b[0] for b in (set_amounts or bands))


def _income(d: Decision) -> tuple[Decimal | None, bool]:
    """The 违法所得 the fine's multiple rests on: the amount the decision finds. The amount confiscated
    alone is not it — the rest may have been refunded (价格法 §41) and still counts for the ceiling."""
    confiscated = [m.amount for m in d.measures if m.kind == "没收违法所得" and m.amount is not None]
    found = d.illegal_income
    if found is not None and d.illegal_income_span and any(m.span.start <= d.illegal_income_span.start < m.span.end
                                                            for m in d.measures if m.kind == "没收违法所得"):
        found = None  # “没收违法所得：260元” is the measure, not a finding of how much was gained
    if found is not None:
        income = max([found, *confiscated])
    else:
        income = None if confiscated and any(a > 0 for a in confiscated) else (Decimal(0) if confiscated else None)
    return income, bool(d.no_illegal_income) or income == 0


def fine_in_own_range(ctx: CheckContext) -> Iterator[Hit]:
    """D01: each fine against the range of the provision it rests on — not the sum against one
    article. A stated 减轻 (or 不予) lowers the floor to nothing; 从轻 stays inside the range."""
    for r in decisions(ctx):
        d = r.decision
        if d.proposal:
            continue  # the proposal rule reports it; its amounts are not a decision
        income, no_income = _income(d)
        goods = goods_value(d)
        lowered = [m for m in d.mitigations if m.kind in ("减轻", "不予")]
        # several violations, each with its own provision: a fine whose clause names only one of them
        # may still rest on another — above the widest range cited in the decision only is certain
        zone = d.reasoning.start if d.reasoning else (d.operative.start if d.operative else 0)
        cited = [c.to_value() for c in d.citations if c.start >= zone and c.article]
        groups = {(rg["law"], rg["article"]) for f in d.fines for rg in _ranges_for(f.basis, r.readings)} | \
                 {(rg["law"], rg["article"]) for rg in _ranges_for(d.penalty_basis, r.readings)}
        if len(d.fines) > 1:
            groups |= {(rg["law"], rg["article"]) for rg in _ranges_for(cited, r.readings)}
        several = len(d.fines) > 1 or len({g[0] + str(g[1]) for g in groups}) > 2
        all_bands = [_band(rg, d, income, no_income, goods) for rg in _ranges_for([{"law": g[0], "article": g[1]} for g in groups], r.readings)]
        widest = [b for b in all_bands if b is not None]
        # a provision whose band rests on a fact the decision does not state (违法所得 of another violation):
        # the widest ceiling is unknown, so no fine of several is above it for certain
        unbounded = several and any(b is None for b in all_bands)
        for m in d.fines:
            if m.amount is None:
                continue
            bands = [(rg, _band(rg, d, income, no_income, goods)) for rg in _ranges_for(m.basis, r.readings)]
            bands = [(rg, b) for rg, b in bands if b is not None]
            if not bands:
                yield from _rate_outside(r, m, _ranges_for(m.basis, r.readings))
                continue
            # several provisions cited for one fine (价格法第四十条 and 规定第七条): the widest of their ranges
            lo = min(b[0] for _, b in bands)
            his = [b[1] for _, b in bands]
            hi = None if any(h is None for h in his) else max(his)
            arts = "、".join(dict.fromkeys(_cite({"law": rg["law"], "article": rg["article"], "version": rg.get("version")}) for rg, _ in bands))
            how = "；".join(dict.fromkeys(b[2] for _, b in bands))
            if several and widest:
                his_all = [b[1] for b in widest]
                hi = None if hi is None or any(h is None for h in his_all) else max([hi, *his_all])
            if unbounded:
                hi = None
            if hi is not None and m.amount > hi:
                yield Hit(f"罚款{_money(m.amount)}元超过其所依据的{arts}规定的上限（{how}，最高{_money(hi)}元）；从重处罚也不得超过法定幅度",
                          [r.rec.file], r.ev(m.span, 40))
            elif m.amount < lo and not lowered and not several:
                yield Hit(f"罚款{_money(m.amount)}元低于其所依据的{arts}规定的下限（{how}，最低{_money(lo)}元），决定书未写明减轻处罚及其法定依据（行政处罚法第三十二条）",
                          [r.rec.file], r.ev(m.span, 40))


def _rate_outside(r: _Read, m, ranges: list[dict[str, Any]]) -> Iterator[Hit]:
    """A fine that is a share of a base the decision does not restate (处中标项目金额千分之十五的罚款): its stated rate
    against the article's (千分之五～千分之十), when every cited provision is of that kind."""
    rate = stated_rate(m.span.text)
    base = [rg for rg in ranges if rg.get("per") == "base" and applies(rg, r.decision)]
    if rate is None or not base or len(base) != len(ranges):
        return
    lo, hi = min(Decimal(str(rg.get("min", 0))) for rg in base), max(Decimal(str(rg["max"])) for rg in base)
    arts = "、".join(dict.fromkeys(_cite(rg) for rg in base))
    show = (lambda x: f"{(x * 100).normalize():f}%") if hi < 1 else (lambda x: f"{x.normalize():f}倍")
    if rate > hi or (rate < lo and not any(x.kind in ("减轻", "不予") for x in r.decision.mitigations)):
        yield Hit(f"罚款按{base[0]['base']}的{show(rate)}计（“{m.span.text[:40]}”），超出其所依据的{arts}规定的"
                  f"{show(lo)}～{show(hi)}；应在法定幅度内确定罚款", [r.rec.file], r.ev(m.span, 40))


@predicate
def amount_within_band(ctx: CheckContext, *, table: str = "discretion") -> Iterator[Hit]:
    """D01: each fine within the band of the provision it rests on. A decision on file is read as
    a structure (its measures, their provisions, a stated 减轻, the ranges of the law data); a case
    without one has its own measures checked against the profile's ``table`` of bands
    (``predicates.fine_in_range``)."""
    if ctx.docs_of(*DECISION_TYPES):
        yield from fine_in_own_range(ctx)
    else:
        yield from fine_in_range(ctx, table)


def _not_a_ground(b: dict[str, Any]) -> bool:
    """行政处罚法 §5/§6 (principles) or a normative document (裁量指导意见, 基准): no ground for 减轻."""
    from casefile.ingest.extract.decision import decision_data

    spec = decision_data()["consistency"]["mitigation"]
    if b["law"] == "中华人民共和国行政处罚法":
        return b["article"] in spec["principles"]
    return bool(re.search(spec["not_a_ground"], b["law"]))


def _ground_stated(mit) -> bool:
    """The sentence states a §32 circumstance in words (主动消除危害后果, 受胁迫, 立功): a ground exists."""
    from casefile.ingest.extract.decision import decision_data

    return bool(re.search(decision_data()["consistency"]["mitigation"]["grounds"], mit.span.text))


@predicate
def mitigation_basis(ctx: CheckContext) -> Iterator[Hit]:
    """D05: a 减轻 below the statutory minimum resting on nothing, or only on 行政处罚法 §5/§6 (principles)
    or on a normative document (the 总局 guidance, a provincial 基准): none is a ground for 减轻 (§32 lists
    them) — unless the sentence states a §32 circumstance in words."""
    for r in decisions(ctx):
        d = r.decision
        income, no_income = _income(d)
        goods = goods_value(d)
        # the provisions violated and those the penalty rests on are cited in the 减轻 sentence too (依据…第四十五条第一款的
        # 规定，鉴于初次违法…决定对其减轻处罚): they set the range a 减轻 goes below, they are no ground for it
        violated = [c.to_value() for c in d.citations if c.article and re.search("违反|违背", d.text[max(0, c.start - 16):c.start])]
        # (a 基准 or a province's 裁量规则 cited there has no range: it stays in view, as the only ground the decision gives)
        own = {(b["law"], b["article"]) for b in [*d.violated, *violated] if b["law"] != "中华人民共和国行政处罚法"}
        own |= {(rg["law"], rg["article"]) for rg in _ranges_for([*d.penalty_basis, *(b for m in d.fines for b in m.basis)], r.readings)}
        for mit in d.mitigations:
            grounds = [b for b in mit.basis if (b["law"], b["article"]) not in own]
            if mit.kind != "减轻" or not all(_not_a_ground(b) for b in grounds) or _ground_stated(mit):
                continue  # a provision that can ground it, or a §32 circumstance stated in words
            below = []
            for m in d.fines:
                bands = [b for rg in _ranges_for(m.basis, r.readings) if (b := _band(rg, d, income, no_income, goods))]
                if m.amount is not None and bands and m.amount < _floor(bands):
                    below.append(m)
            if below:
                what = "基本原则" if all(b["law"] == "中华人民共和国行政处罚法" for b in grounds) else "规范性文件，不是减轻的法定情形"
                rests = f"仅以{'、'.join(dict.fromkeys(_cite(b) for b in grounds))}（{what}）为依据" if grounds else \
                    "未写明依据和情形" + ("（所引的只是违反和处罚的条款本身）" if mit.basis else "")
                yield Hit(f"罚款{_money(below[0].amount)}元低于法定最低限，减轻处罚{rests}；"
                          "减轻应有行政处罚法第三十二条或法律、法规、规章规定的情形", [r.rec.file], r.ev(mit.span))


# -- D02/D03 operative part -------------------------------------------------------------------------------
@predicate
def operative_decided(ctx: CheckContext) -> Iterator[Hit]:
    """D02: the operative part decides; "建议…处罚如下" is the wording of an investigation report."""
    for r in decisions(ctx):
        d = r.decision
        if d.proposal:
            yield Hit(f"决定书的处罚内容写作“{d.proposal.text}……”，只是建议而非决定；应写“本局决定……如下行政处罚”",
                      [r.rec.file], r.ev(d.proposal, 30))


@predicate
def amounts_stated(ctx: CheckContext) -> Iterator[Hit]:
    """D03: a 罚款/没收违法所得 decided without an amount cannot be executed."""
    for r in decisions(ctx):
        for m in r.decision.measures:
            if m.blank:
                yield Hit(f"决定的“{m.span.text}”没有写明数额；罚款、没收违法所得应写明具体金额", [r.rec.file], r.ev(m.span, 20))


# -- D00 the operative part read, D07 undated (F03 template options: decision_wording.py) ------------------------------
@predicate
def decision_read(ctx: CheckContext) -> Iterator[Hit]:
    """D00: the operative part read — without its measures the range, 违法所得 and 责令改正 checks have
    nothing to read, and their silence is no finding that the decision is right. Reported as what the
    review did not cover (a file with it is not graded 优秀: scoring ``unread_rules``)."""
    for r in decisions(ctx):
        if r.rec.doc_type == "no_penalty_decision" or r.decision.measures or r.decision.proposal:
            continue
        yield Hit("未能读出决定书的处罚内容（处罚种类、数额及其依据），处罚幅度、违法所得、责令改正未作核对，须人工审读",
                  [r.rec.file], r.ev(r.decision.operative) if r.decision.operative else r.ev(None), unverifiable=True)


@predicate
def seal_dated(ctx: CheckContext, *, blank: bool = False) -> Iterator[Hit]:
    """D07/D07b: the date under the seal (行政处罚法 §59 第二款); a template date left blank is D07b, and so is a seal
    written out as text (“（静宁县市场监管局印章）”) with no date after it: the text layer that kept the seal's words
    kept the page, and the form has no date (甘肃's 决定书). An absent date otherwise is D07 (often a seal lost)."""
    from casefile.ingest.extract.decision import decision_data

    for r in decisions(ctx):
        d = r.decision
        if d.seal_date is not None or d.remedy_span is None:
            continue
        seal_text = None if d.seal_blank else re.search(decision_data()["seal"]["as_text"], d.text[d.remedy_span.end:])
        if (d.seal_blank or bool(seal_text)) == blank:
            why = "落款日期留空（“年月日”）" if d.seal_blank else f"落款只有“{seal_text.group(0)}”，没有日期" if seal_text else "落款没有日期"
            yield Hit(f"决定书{why}，无法确定作出决定的日期；应在印章处写明作出决定的日期", [r.rec.file], r.ev(Span(max(0, len(d.text) - 60), len(d.text), d.text[-60:])))
