"""Predicates that read a 行政处罚决定书 as a structure (casefile.ingest.extract.decision): each
measure against the range of the provision it rests on, the operative part, 违法所得,
责令改正, 减轻 and its basis, the remedies notice, repealed rules and old article numbers,
template text left in. Each hit quotes the words it rests on (document, page, text) and
says what the correct form is. The legal data (ranges, periods, repeals) lives in
``casefile/data/laws/*.toml``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Iterator, Literal

from casefile.ingest.extract.decision import Decision, Span, read_decision, unquoted
from casefile.law.laws import law_table
from checklists.context import CheckContext, Hit
from checklists.predicates import decision_contents, fine_in_range
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
    s = f"《{b['law']}》第{b['article']}条"
    if b.get("paragraph"):
        s += f"第{b['paragraph']}款"
    if b.get("item"):
        s += f"第（{b['item']}）项"
    return s


def _money(v: Decimal) -> str:
    v = v.quantize(Decimal("0.01")).normalize()
    return f"{v:f}"


# -- D01 fine range ------------------------------------------------------------------------------------
def _ranges_for(basis: list[dict[str, Any]]) -> list[dict[str, Any]]:
    table = law_data("penalty_ranges")["range"]
    out = []
    for b in basis:
        for r in table:
            if r["law"] == b.get("law") and r["article"] == b.get("article") and all(
                    r.get(k) is None or b.get(k) is None or r[k] == b[k] for k in ("paragraph", "item")):
                out.append(r)
    return out


def _later(d: Decision) -> bool:
    """The decision states the party did not correct in time (逾期未改正, 拒不改正): the second tier applies."""
    said = re.sub(r"“[^”]*”", "", d.text)  # not the article's own words quoted (逾期未改正的，处五万元以上…)
    return bool(re.search(law_data("penalty_ranges")["later_when"], said))


def _individual(d: Decision) -> bool:
    party = d.party.text if d.party else ""
    return bool(re.search(r"个体|（个人|\(个人|个人独资", party)) or bool(re.search(r"统一社会信用代码[:：]?92", d.text[:800]))


def _band(r: dict[str, Any], d: Decision, income: Decimal | None, no_income: bool, goods: Decimal | None) -> tuple[Decimal, Decimal | None, str] | None:
    """(lowest, highest or None = no ceiling, how it was worked out) for range ``r``; None when the
    facts it needs (违法所得, 货值) are not stated."""
    per = r.get("per", "fixed")
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
            if "individual_no_income_max" in r and _individual(d):
                lo = Decimal(0)
                how += f"（经营者为个人的，可处{r['individual_no_income_max']}元以下）"
            return lo, hi, how
        return None
    if per == "goods_value":
        if goods is None:
            return None
        if goods < Decimal(str(r.get("goods_value_below", 0))):
            return Decimal(str(r["fixed_min"])), Decimal(str(r["fixed_max"])), f"货值金额不足{r['goods_value_below']}元的{r['fixed_min']}～{r['fixed_max']}元"
        return Decimal(str(r["min"])) * goods, Decimal(str(r["max"])) * goods, f"货值金额{_money(goods)}元的{r['min']}～{r['max']}倍"
    return None


_GOODS = re.compile(r"货值(?:金额)?(?:为|共计|合计|计|总金额为?)?(?:人民币)?[:：]?(\d(?:[\d,]| (?=\d))*(?:\.\d{1,2})?万?元)")


def _goods_value(d: Decision) -> Decimal | None:
    from casefile.ingest.extract.entities import parse_money

    m = _GOODS.search(d.text)
    return parse_money(m.group(1).replace(" ", "")) if m else None


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
        goods = _goods_value(d)
        lowered = [m for m in d.mitigations if m.kind in ("减轻", "不予")]
        # several violations, each with its own provision: a fine whose clause names only one of them
        # may still rest on another — above the widest range cited in the decision only is certain
        zone = d.reasoning.start if d.reasoning else (d.operative.start if d.operative else 0)
        cited = [c.to_value() for c in d.citations if c.start >= zone and c.article]
        groups = {(rg["law"], rg["article"]) for f in d.fines for rg in _ranges_for(f.basis)} | \
                 {(rg["law"], rg["article"]) for rg in _ranges_for(d.penalty_basis)}
        if len(d.fines) > 1:
            groups |= {(rg["law"], rg["article"]) for rg in _ranges_for(cited)}
        several = len(d.fines) > 1 or len({g[0] + str(g[1]) for g in groups}) > 2
        all_bands = [_band(rg, d, income, no_income, goods) for rg in _ranges_for([{"law": g[0], "article": g[1]} for g in groups])]
        widest = [b for b in all_bands if b is not None]
        # a provision whose band rests on a fact the decision does not state (违法所得 of another violation):
        # the widest ceiling is unknown, so no fine of several is above it for certain
        unbounded = several and any(b is None for b in all_bands)
        for m in d.fines:
            if m.amount is None:
                continue
            bands = [(rg, _band(rg, d, income, no_income, goods)) for rg in _ranges_for(m.basis)]
            bands = [(rg, b) for rg, b in bands if b is not None]
            if not bands:
                continue
            # several provisions cited for one fine (价格法第四十条 and 规定第七条): the widest of their ranges
            lo = min(b[0] for _, b in bands)
            his = [b[1] for _, b in bands]
            hi = None if any(h is None for h in his) else max(his)
            arts = "、".join(dict.fromkeys(_cite({"law": rg["law"], "article": rg["article"]}) for rg, _ in bands))
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


@predicate
def remedies_stated(ctx: CheckContext) -> Iterator[Hit]:
    """P16: an unreadable decision is reported as such; a readable one has its remedies checked."""
    yield from decision_contents(ctx)
    yield from remedies_correct(ctx)


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
        goods = _goods_value(d)
        for mit in d.mitigations:
            if mit.kind != "减轻" or not all(_not_a_ground(b) for b in mit.basis) or _ground_stated(mit):
                continue  # a provision that can ground it, or a §32 circumstance stated in words
            below = []
            for m in d.fines:
                bands = [_band(rg, d, income, no_income, goods) for rg in _ranges_for(m.basis)]
                lows = [b[0] for b in bands if b]
                if m.amount is not None and lows and m.amount < min(lows):
                    below.append(m)
            if below:
                what = "基本原则" if all(b["law"] == "中华人民共和国行政处罚法" for b in mit.basis) else "规范性文件，不是减轻的法定情形"
                rests = f"仅以{'、'.join(dict.fromkeys(_cite(b) for b in mit.basis))}（{what}）为依据" if mit.basis else "未写明依据和情形"
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


# -- D04/D06 what the penalty provision requires -------------------------------------------------------------
def _required(d: Decision) -> dict[str, list[dict[str, Any]]]:
    basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
    out: dict[str, list[dict[str, Any]]] = {}
    for rg in _ranges_for(basis):
        for need in rg.get("requires", []):
            out.setdefault(need, [])
            key = {"law": rg["law"], "article": rg["article"]}
            if key not in out[need]:
                out[need].append(key)
    return out


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
        need = _required(d).get("没收违法所得")
        if not need or d.illegal_income is not None or d.no_illegal_income:
            continue
        basis = [b for m in d.measures for b in m.basis] + d.penalty_basis
        by_income = any(rg.get("per") == "illegal_income" for rg in _ranges_for(basis))
        if by_income != scaled:
            continue
        if any(m.kind == "没收违法所得" for m in d.measures):
            continue
        yield Hit(f"处罚依据{'、'.join(_cite(b) for b in need)}规定没收违法所得，决定书既未认定违法所得数额或说明没有违法所得，也未没收",
                  [r.rec.file], r.ev(d.operative, 0) if d.operative else r.ev(None))


@predicate
def correction_ordered(ctx: CheckContext) -> Iterator[Hit]:
    """D06: the provision (and 行政处罚法 §28) requires 责令改正; the decision does not order it."""
    for r in decisions(ctx):
        d = r.decision
        if d.proposal or not d.measures:
            continue
        need = _required(d).get("责令改正")
        if need and d.correction is None:
            yield Hit(f"处罚依据{'、'.join(_cite(b) for b in need)}规定责令改正（行政处罚法第二十八条第一款），决定书未责令当事人改正违法行为",
                      [r.rec.file], r.ev(d.operative) if d.operative else r.ev(None))


@predicate
def orders_required(ctx: CheckContext) -> Iterator[Hit]:
    """D06b: the provision orders a measure besides 责令改正 (土地管理法第七十七条 责令退还, 森林法第七十三条
    恢复植被, 第七十六条 补种, casefile/data/laws/penalty_ranges.toml ``requires``); the decision's operative
    part (quoted statute wording blanked) does not order it."""
    words = law_data("penalty_ranges").get("orders", {})
    for r in decisions(ctx):
        d = r.decision
        if d.proposal or not d.measures or d.operative is None:
            continue
        said = unquoted(d.text)[d.operative.start:]
        for need, provisions in _required(d).items():
            if need in words and not re.search(words[need], said):
                yield Hit(f"处罚依据{'、'.join(_cite(b) for b in provisions)}规定{need}，决定书的处理部分没有写明",
                          [r.rec.file], r.ev(d.operative))


# -- P16 remedies ------------------------------------------------------------------------------------------------
_BLANK_BODY = {"", "人民政府", "市人民政府", "县人民政府", "区人民政府", "人民法院", "市场监督管理局"}


def _review_first(d: Decision) -> tuple[str, bool]:
    """(basis, mixed): whether a rule requires 复议 before suit, from the data; mixed when the
    decision also rests on another sector's law (then the notice may be written for both)."""
    cited = {c.law for c in d.citations}
    basis_laws = {b["law"] for m in d.measures for b in m.basis} | {b["law"] for b in d.penalty_basis} | {b["law"] for b in d.violated}
    if not basis_laws:
        # the provisions not read apart (a summary operative part, 综上…处罚如下): every article the decision cites
        # before its remedies — a decision that also rests on 食品安全法 is a mixed one, not a pure price case
        end = d.remedy_span.start if d.remedy_span else len(d.text)
        basis_laws = {c.law for c in d.citations if c.article and c.start < end}
    for rule in law_data("remedies").get("review_first", []):
        laws = set(rule["laws"])
        if cited & laws and (basis_laws & laws or not basis_laws):
            other = {l for l in basis_laws - laws - set(rule.get("procedural", [])) if l.startswith("中华人民共和国") and l.endswith("法")}
            return rule["basis"], bool(other)
    return "", False


def _price_clause_apart(d: Decision) -> bool:
    """The notice gives the price part a sentence of its own that offers 复议 and no direct suit
    (“如不服对你未明码标价的行为的处罚决定，可…申请行政复议”), the rest its own remedies."""
    start = d.remedy_span.start if d.remedy_span else 0
    for s in re.split(r"[。]", d.text[start:]):
        if (re.search(r"不服[^。]{0,40}(?:价格|明码标价)|(?:价格|明码标价)[^。]{0,30}不服", s) and "复议" in s
                and not re.search(r"以外|之外|其余|其他违法", s)
                and (not re.search(r"诉讼|起诉", s) or re.search(r"(?:对|不服)[^。；]{0,6}复议(?:决定)?不服|复议决定不服", s))):
            return True
    return False


@predicate
def remedies_correct(ctx: CheckContext, *, severity: Literal["veto", "major", "minor"] = "major") -> Iterator[Hit]:
    """P16: the decision tells the remedies (行政处罚法 §59(5)) with the right bodies and periods:
    复议 60 days (复议法 §20) to the government of the same level (§24, from 2024); 诉讼 6 months
    (行政诉讼法 §46), 15 days after a 复议 decision (§45); and no direct suit where a rule
    requires 复议 first. ``severity="minor"`` yields the form defects only."""
    data = law_data("remedies")
    periods = data["periods"]
    for r in decisions(ctx):
        d = r.decision
        hits_major: list[Hit] = []
        hits_minor: list[Hit] = []
        f = [r.rec.file]
        text = d.remedy_span.text if d.remedy_span else ""
        if not d.remedy_span or not re.search(r"复议|诉讼|起诉", text):
            hits_major.append(Hit("决定书未告知申请行政复议、提起行政诉讼的途径和期限（行政处罚法第五十九条第一款第（五）项）", f, r.ev(None)))
        else:
            review = [x for x in d.remedies if x.kind == "复议"]
            main = next((x for x in review if x.period), review[0] if review else None)
            first, mixed = _review_first(d)
            courts = [x for x in d.remedies if x.kind == "诉讼"]
            # the notice itself says which part must go to 复议 first (其中对价格违法行为的处罚决定不服的，应当先…)
            # or tells the remedies of the price part in a clause of its own (当事人如对未明码标价的行为的处罚决定不服…)
            explained = bool(re.search(r"价格[^。；]{0,40}(?:应当?先|先行?(?:依法)?申请)|复议前置", text)) or (
                bool(re.search(r"对[^。；]{0,30}(?:价格|明码标价)[^。；]{0,30}不服", text)) and any(x.after_review for x in courts)) \
                or (mixed and _price_clause_apart(d))  # apart from the rest: a pure price case has no rest
            if main is None:
                if not re.search(r"申请(?:行政)?复议|复议申请", text):
                    hits_major.append(Hit(f"决定书未告知申请行政复议的途径和期限；应告知可自收到决定书之日起{periods['review_days']}日内向本级人民政府申请行政复议（{periods['review_basis']}）", f, r.ev(d.remedy_span)))
            else:
                if main.days is None:
                    hits_major.append(Hit(f"行政复议期限空白或不明（“{main.span.text[:40]}”）；应为收到决定书之日起{periods['review_days']}日内（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                elif main.days < periods["review_days"]:
                    hits_major.append(Hit(f"告知的行政复议期限“{main.period}”短于法定的{periods['review_days']}日（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                elif main.days > periods["review_days"]:
                    hits_minor.append(Hit(f"告知的行政复议期限“{main.period}”与法定的{periods['review_days']}日不符（{periods['review_basis']}）", f, r.ev(main.span, 10)))
                if main.body in _BLANK_BODY:
                    hits_major.append(Hit(f"行政复议机关空白或不具体（“向{main.body}申请”）；应写明本级人民政府的名称（{data['review_body']['basis']}）", f, r.ev(main.span, 10)))
                else:
                    day = _date_of(ctx, d)
                    since = dt.date.fromisoformat(data["review_body"]["government_only_from"])
                    agency = ctx.case.agency or ""
                    vertical = any(v in agency for v in data["review_body"]["vertical_agencies"])
                    # a 管理委员会 of a new area or development zone stands for the government of that area
                    wrong = [b for b in re.split(r"或者|或|、|和", main.body) if b and re.search(r"(?:局|厅|委员会)$", b)
                             and "人民政府" not in b and not b.endswith(("管理委员会", "管委会"))]
                    if day and day >= since and wrong and not vertical:
                        hits_major.append(Hit(f"{day}作出的决定仍告知可向“{'、'.join(wrong)}”申请行政复议；自{since}起，对县级以上地方人民政府工作部门的处罚不服，应向本级人民政府申请行政复议（{data['review_body']['basis']}）",
                                              f, r.ev(main.span, 10)))
            direct = [x for x in courts if not x.after_review]
            after = [x for x in courts if x.after_review]
            if first and not mixed and direct and not explained:
                x = direct[0]
                hits_major.append(Hit(f"本案依据价格法律法规处罚，适用复议前置（{first}），决定书却告知可以{x.period + '内' if x.period else ''}直接向人民法院提起行政诉讼；应告知先申请行政复议，对复议决定不服再起诉",
                                      f, r.ev(x.span, 20)))
            elif first and mixed and direct and not explained:
                x = direct[0]
                hits_minor.append(Hit(f"本案部分处罚依据价格法律法规，该部分适用复议前置（{first}），决定书告知可直接起诉而未说明", f, r.ev(x.span, 20)))
            if not first and not courts and not re.search(r"诉讼|起诉", text):
                hits_major.append(Hit(f"决定书未告知提起行政诉讼的途径和期限；应告知可自收到决定书之日起{periods['court_months']}个月内向人民法院提起行政诉讼（{periods['court_basis']}）", f, r.ev(d.remedy_span)))
            for x in after:
                if x.days is not None and x.days != periods["court_after_review_days"]:
                    hits_major.append(Hit(f"对行政复议决定不服的起诉期限写作“{x.period}”；应为收到复议决定书之日起{periods['court_after_review_days']}日内（{periods['after_review_basis']}）", f, r.ev(x.span, 30)))
            if not first:
                for x in direct:
                    if x.period and x.days is None:
                        hits_major.append(Hit(f"行政诉讼期限空白（“{x.span.text[:40]}”）；应为{periods['court_months']}个月（{periods['court_basis']}）", f, r.ev(x.span, 10)))
                    elif x.days is not None and x.days < periods["court_months"] * 30:
                        hits_major.append(Hit(f"告知的起诉期限“{x.period}”短于法定的{periods['court_months']}个月（{periods['court_basis']}）", f, r.ev(x.span, 10)))
        yield from (hits_minor if severity == "minor" else hits_major)


# -- L03/L04 repealed rules, old article numbers --------------------------------------------------------------------
@predicate
def repealed_not_cited(ctx: CheckContext) -> Iterator[Hit]:
    """L03: a rule cited after its repeal (the law data records repeal dates and successors)."""
    table = law_data("repealed")["repealed"]
    for r in decisions(ctx):
        d = r.decision
        day = _date_of(ctx, d)
        seen = set()
        for c in d.citations:
            for rep in table:
                names = {rep["name"], *rep.get("aliases", [])}
                if c.law not in names and c.written not in names:
                    continue
                gone = dt.date.fromisoformat(rep["repealed"])
                if day is None or day < gone or rep["name"] in seen:
                    continue
                said = "|".join(re.escape(n) for n in {c.written, *names} if n)
                if re.search(rf"《?(?:{said})》?[^。；]{{0,12}}(?:废止|失效)", d.text):
                    continue  # the decision itself says it is repealed (quoting the repealing article)
                seen.add(rep["name"])
                yield Hit(f"引用的《{c.written}》已于{gone}废止（{rep['by']}），{day}作出的决定不应再以其为依据；应引用《{rep['successor']}》的相应条款",
                          [r.rec.file], r.ev(Span(c.start, c.end, c.text), 10))


@predicate
def current_article_numbers(ctx: CheckContext) -> Iterator[Hit]:
    """L04: 行政处罚法 cited by its pre-2021 article numbers (§51 for 加处罚款, now §72)."""
    table = law_data("superseded_articles")["article"]
    for r in decisions(ctx):
        d = r.decision
        day = _date_of(ctx, d)
        if day is None:
            continue
        seen = set()
        for c in d.citations:
            for a in table:
                if c.law != a["law"] or c.article != a["old"] or day < dt.date.fromisoformat(a["since"]):
                    continue
                s = max(d.text.rfind("。", 0, c.start), d.text.rfind("；", 0, c.start)) + 1
                e = d.text.find("。", c.end)
                sentence = d.text[s: len(d.text) if e < 0 else e]
                # the old article's subject in the same sentence, and not a quotation of the new article
                if not re.search(a["where"], sentence) or (a["old"], a["new"]) in seen:
                    continue
                if any(x.law == a["law"] and x.article == a["new"] and s <= x.start < (e if e > 0 else len(d.text)) for x in d.citations):
                    continue
                seen.add((a["old"], a["new"]))
                yield Hit(f"{a['topic']}引用《{a['law'].removeprefix('中华人民共和国')}》第{a['old']}条，是2021年修订前的条文序号；{a['since']}起应为第{a['new']}条",
                          [r.rec.file], r.ev(Span(c.start, c.end, c.text), 30))


# -- F03 template text, D07 undated ------------------------------------------------------------------------------------
@predicate
def template_text_removed(ctx: CheckContext) -> Iterator[Hit]:
    """F03: template options left in brackets ([现责令当事人改正…])."""
    for r in decisions(ctx):
        for p in r.decision.placeholders[:3]:
            yield Hit(f"决定书中留有模板方括号内容“{p.text[:40]}”；应删去方括号，保留或删除该项内容", [r.rec.file], r.ev(p))


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
def seal_dated(ctx: CheckContext) -> Iterator[Hit]:
    """D07: the date under the seal (行政处罚法 §59 第二款: 决定书必须载明作出决定的日期)."""
    for r in decisions(ctx):
        d = r.decision
        if d.seal_date is None and d.remedy_span is not None:
            why = "落款日期留空（“年月日”）" if d.seal_blank else "落款没有日期"
            yield Hit(f"决定书{why}，无法确定作出决定的日期；应在印章处写明作出决定的日期", [r.rec.file], r.ev(Span(max(0, len(d.text) - 60), len(d.text), d.text[-60:])))
