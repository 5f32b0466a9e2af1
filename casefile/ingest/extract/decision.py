"""A 行政处罚决定书 (or 不予行政处罚决定书) read as a structure.

``read_decision(text)`` splits the compacted text into its parts — header (文号, 机关),
当事人, facts, evidence, 定性, the operative part, 履行方式, remedies and the seal date —
and reads from them what a legal reviewer checks: each measure with its amount and the
provisions it rests on, 责令改正, 从轻/减轻/不予 with the basis stated for it, the
加处罚款 notice, the 复议 and 诉讼 bodies and periods, and the date under the seal.

Every part is a :class:`Span` (offsets into the compact text, and the quoted words), so a
finding can point at the words it rests on. Nothing is guessed: a part that is not there
is ``None`` and a date that is not under the seal is not the decision's date.
The phrasings are data (``casefile/data/extract/decision.toml``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.ingest.extract.citations import Citation, find_citations
from casefile.ingest.extract.entities import parse_date, parse_money


@lru_cache(maxsize=1)
def decision_data() -> dict[str, Any]:
    path = Path(str(resources.files("casefile") / "data" / "extract" / "decision.toml"))
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=64)
def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _any(key: str) -> re.Pattern:
    """One alternation of the data's phrasings under ``key``."""
    return _re("|".join(f"(?:{p})" for p in decision_data()["patterns"][key]))


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Measure:
    """One penalty decided: 罚款 / 没收违法所得 / 没收非法财物 / 警告 / 通报批评 / 责令停产停业 / 吊销 / 不予处罚."""

    kind: str
    amount: Decimal | None
    span: Span
    basis: list[dict[str, Any]] = field(default_factory=list)  # the provisions this measure rests on
    blank: bool = False  # 罚款 written without an amount (罚款元, 处以罚款)


@dataclass
class Mitigation:
    kind: str  # 从轻 / 减轻 / 不予 / 从重
    span: Span
    basis: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Remedy:
    kind: str  # 复议 / 诉讼
    span: Span
    body: str  # 向…申请/提起: the body named ("" when blank)
    period: str  # 六十日 / 六个月 / 十五日 / "" (blank)
    days: int | None  # the period in days (months × 30 for comparison only), None when blank or unreadable
    after_review: bool = False  # 诉讼 against the 复议 decision
    direct: bool = False  # 诉讼 offered as an alternative to 复议 (也可/或者/直接)


@dataclass
class Decision:
    text: str
    kind: str  # 处罚 / 不予处罚
    doc_no: Span | None = None
    party: Span | None = None
    facts: Span | None = None
    evidence: Span | None = None
    reasoning: Span | None = None  # 本局认为… up to the operative part: the 定性 and the 裁量
    operative: Span | None = None
    proposal: Span | None = None  # the operative part only proposes (建议…处罚)
    measures: list[Measure] = field(default_factory=list)
    correction: Span | None = None  # 责令改正 (also an earlier 责令改正通知书)
    mitigations: list[Mitigation] = field(default_factory=list)
    violated: list[dict[str, Any]] = field(default_factory=list)
    penalty_basis: list[dict[str, Any]] = field(default_factory=list)
    illegal_income: Decimal | None = None
    illegal_income_span: Span | None = None
    no_illegal_income: Span | None = None  # 无违法所得 / 违法所得无法确定 stated
    payment: Span | None = None
    surcharge: Span | None = None  # the 加处罚款 notice
    surcharge_citations: list[Citation] = field(default_factory=list)
    remedies: list[Remedy] = field(default_factory=list)
    remedy_span: Span | None = None
    seal_date: dt.date | None = None
    seal_span: Span | None = None
    seal_blank: bool = False  # the signature's date is left as 年月日
    citations: list[Citation] = field(default_factory=list)
    placeholders: list[Span] = field(default_factory=list)  # template brackets left in the text

    @property
    def fines(self) -> list[Measure]:
        return [m for m in self.measures if m.kind == "罚款"]

    def quote(self, start: int, end: int, pad: int = 0) -> Span:
        s, e = max(0, start - pad), min(len(self.text), end + pad)
        return Span(s, e, self.text[s:e])


_QUOTED = re.compile(r"“[^“”]{0,800}”")


def unquoted(text: str) -> str:
    """The text with quoted statute wording blanked (same length, so offsets hold): a quoted
    “责令改正，没收违法所得…” is the law's wording, not what this decision says."""
    return _QUOTED.sub(lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", text)


_TITLE = re.compile(r"《[^《》]{1,60}》")


def untitled(text: str) -> str:
    """Titles blanked too: 《…不予处罚和从轻减轻处罚规定》 names a rule, it decides nothing."""
    return _TITLE.sub(lambda m: "《" + "　" * (len(m.group(0)) - 2) + "》", text)


def read_decision(text: str, kind: str = "") -> Decision:
    """Read a compacted decision text (``casefile.ingest.extract.normalize.compact``)."""
    d = Decision(text=text, kind=kind or ("不予处罚" if "不予行政处罚决定书" in text[:200] or "不予处罚决定书" in text[:200] else "处罚"))
    plain = untitled(unquoted(text))
    d.citations = find_citations(text)
    _parts(d, plain)
    _operative(d, plain)
    _income(d, plain)
    _mitigation(d, plain)
    _remedies(d, plain)
    _seal(d)
    _placeholders(d)
    return d


# -- parts -----------------------------------------------------------------------------------
def _first(p: re.Pattern, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    return p.search(text, start, len(text) if end is None else end)


def _last(p: re.Pattern, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    m = None
    for m in p.finditer(text, start, len(text) if end is None else end):
        pass
    return m


def _parts(d: Decision, plain: str) -> None:
    t = d.text
    m = _re(r"[\u4e00-\u9fa5（）()_]{1,20}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?[\u4e00-\u9fa5]{0,3}[A-Za-z]{0,2}-?\d[\d.\-]{0,19}号").search(t, 0, 400)
    if m:
        cut = m.group(0).rfind("决定书") + 3 if "决定书" in m.group(0) else 0
        d.doc_no = Span(m.start() + cut, m.end(), m.group(0)[cut:])
    m = _re(r"当事人(?:名称|姓名)?[:：]([^；;，,。\n]{2,60}?)(?=[；;，,。]|主体资格|统一社会|住所|经营场所|经营者|经营地址|法定代表|负责人|身份证|类型|成立|$)").search(t, 0, 1500)
    if m:
        d.party = Span(m.start(1), m.end(1), m.group(1))
    ev = _first(_any("evidence_start"), plain)
    facts_from = d.party.end if d.party else (d.doc_no.end if d.doc_no else 0)
    reason = _first(_any("reasoning_start"), plain, ev.end() if ev else facts_from)
    if ev:
        d.facts = Span(facts_from, ev.start(), t[facts_from:ev.start()])
        # without a 本局认为, the evidence runs to the 告知 paragraph; the reasoning is not marked
        end = reason.start() if reason else ev.end()
        d.evidence = Span(ev.start(), end, t[ev.start():end])
    pay = _first(_any("payment_start"), plain, reason.end() if reason else (ev.end() if ev else 0))
    rem = _first(_any("remedy_start"), plain, reason.end() if reason else 0)
    stops = [x.start() for x in (pay, rem) if x]
    # the operative part ends where the sentence of the 履行方式 or the remedies begins
    # (…经研究决定处罚款3000元；上述罚款，请在接到本处罚决定书之日起15日内缴纳: the clause, not the sentence)
    # (a published page's half-width “;” ends a clause as “；” does)
    d._tail_start = max(t.rfind("。", 0, min(stops)) + 1, t.rfind("；", 0, min(stops)) + 1, t.rfind(";", 0, min(stops)) + 1,  # type: ignore[attr-defined]
                        reason.end() if reason else 0) if stops else len(t)
    if reason:
        d.reasoning = Span(reason.start(), d._tail_start, t[reason.start():d._tail_start])  # type: ignore[attr-defined]
    if pay:
        end = rem.start() if rem and rem.start() > pay.start() else min(len(t), pay.start() + 600)
        d.payment = Span(pay.start(), end, t[pay.start():end])
    sm = _first(_any("surcharge"), plain, d._tail_start)  # type: ignore[attr-defined]
    if sm:
        s, e = _sentence(t, sm.start())
        d.surcharge = Span(s, e, t[s:e])
        d.surcharge_citations = [c for c in d.citations if s <= c.start < e]


def _sentence(t: str, at: int) -> tuple[int, int]:
    s = max(t.rfind("。", 0, at), t.rfind("；", 0, at)) + 1
    e = t.find("。", at)
    return s, (len(t) if e < 0 else e + 1)


# -- operative part ------------------------------------------------------------------------------
_MONEY = r"(?:人民币)?(?P<money>(?:\d(?:[\d,]| (?=\d))*(?:\.\d{1,4})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"


_BASIS_WORD = re.compile(r"依据|根据|依照|按照|适用")
_VIOLATES = re.compile(r"违反|违背|构成")


def _operative(d: Decision, plain: str) -> None:
    t = d.text
    tail = d._tail_start  # type: ignore[attr-defined]
    lo = d.reasoning.start if d.reasoning else (d.evidence.end if d.evidence else 0)
    anchor = _last(_any("operative_anchor"), plain, lo, tail)
    if anchor is None:
        return
    # the operative part: from the sentence that states the basis and the decision (综上/依据…) to the 履行方式
    s = max(plain.rfind("。", lo, anchor.start()), lo - 1) + 1
    d.operative = Span(s, tail, t[s:tail])
    prop = _first(_any("proposal"), plain, s, tail)
    decided = _first(_any("decided_words"), plain, s, tail)
    if prop and not decided:
        d.proposal = Span(prop.start(), prop.end(), t[prop.start():prop.end()])
    d.penalty_basis = _basis_for(d, plain, s, anchor.start())
    if not d.penalty_basis:
        # 依据…的规定。本局对当事人作如下处罚：the basis is stated in the sentence before
        d.penalty_basis = _basis_for(d, plain, max(lo, s - 400), s)
    zone_start = d.reasoning.start if d.reasoning else s
    d.violated = [c.to_value() for c in d.citations if zone_start <= c.start < tail and c.article
                  and _VIOLATES.search(plain, max(zone_start, c.start - 16), c.start)
                  and not _BASIS_WORD.search(plain, max(zone_start, c.start - 16), c.start)]
    d.measures = _measures(d, plain, s, tail)
    for m in d.measures:
        if not m.basis:
            m.basis = d.penalty_basis
    # a breakdown per violation may precede the operative summary (①…依据…第X条…罚款20000元；②…)
    breakdown = _measures(d, plain, zone_start, s)
    for i, m in enumerate(breakdown[1:], 1):
        prev = breakdown[i - 1]
        if not m.basis and prev.basis and "。" not in plain[prev.span.end:m.span.start]:
            m.basis = prev.basis  # 依据…第八条…的规定，…处罚如下：1.没收违法所得…；2.罚款…
    breakdown = [m for m in breakdown if m.basis]
    total = sum((m.amount or 0) for m in d.measures if m.kind == "罚款")
    parts = sum((m.amount or 0) for m in breakdown if m.kind == "罚款")
    if breakdown and total and parts == total and len([m for m in breakdown if m.kind == "罚款"]) > 1:
        # the summary adds up the per-violation amounts: the breakdown says which article each rests on
        d.measures = [m for m in breakdown if m.kind == "罚款"] + [m for m in d.measures if m.kind != "罚款"]
    # 《责令改正通知书》 is a title: searched with titles kept (quotations of the law still blanked)
    corr = _first(_any("correction"), unquoted(t))
    if corr:
        d.correction = Span(corr.start(), corr.end(), t[corr.start():corr.end()])


def _basis_for(d: Decision, plain: str, start: int, end: int) -> list[dict[str, Any]]:
    """The provisions after the last 依据/根据 in [start, end): what a measure rests on. Provisions
    named as violated (违反…) are the 定性, not the penalty basis."""
    word = _last(_BASIS_WORD, plain, start, end)
    if word is None:
        return []
    return [c.to_value() for c in d.citations if word.start() <= c.start < end and c.article
            and not _VIOLATES.search(plain, max(word.start(), c.start - 12), c.start)]


def _measures(d: Decision, plain: str, start: int, end: int) -> list[Measure]:
    t = d.text
    out: list[Measure] = []
    pats = decision_data()["measures"]
    found: list[tuple[int, int, str, Decimal | None, bool]] = []
    for kind, spec in pats.items():
        for p in spec.get("amount", []):
            for m in _re(p.replace("{MONEY}", _MONEY)).finditer(plain, start, end):
                found.append((m.start(), m.end(), kind, parse_money(m.group("money").replace(" ", "")), False))
        for p in spec.get("bare", []):
            for m in _re(p).finditer(plain, start, end):
                found.append((m.start(), m.end(), kind.removesuffix("空白"), None, spec.get("blank", False)))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    taken: list[tuple[int, int]] = []
    for s, e, kind, amount, blank in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        prev_end = out[-1].span.end if out else start
        # the provisions this measure rests on: after the last 依据 since the previous measure
        out.append(Measure(kind, amount, Span(s, e, t[s:e]), _basis_for(d, plain, prev_end, s), blank))
    return out


def _income(d: Decision, plain: str) -> None:
    t = d.text
    m = _first(_any("no_income"), plain)
    if m:
        d.no_illegal_income = Span(m.start(), m.end(), t[m.start():m.end()])
    # several amounts (per item, refunded and not, in total): the largest is the 违法所得 the fine may
    # be a multiple of — a smaller one taken for it would call a lawful fine excessive
    hits = [m for p in decision_data()["patterns"]["income"] for m in _re(p.replace("{MONEY}", _MONEY)).finditer(plain)]
    for m in hits:
        v = parse_money(m.group("money").replace(" ", ""))
        if v is not None and (d.illegal_income is None or v > d.illegal_income):
            d.illegal_income = v
            d.illegal_income_span = Span(m.start(), m.end(), t[m.start():m.end()])


def _mitigation(d: Decision, plain: str) -> None:
    t = d.text
    hi = d.operative.end if d.operative else len(t)
    lo = d.evidence.end if d.evidence else 0
    for kind, p in decision_data()["mitigation"].items():
        for m in _re(p).finditer(plain, lo, hi):
            s, e = _sentence(t, m.start())
            # the basis stated for it: provisions cited in the same sentence or the one before it
            s0 = max(t.rfind("。", 0, max(s - 1, 0)) + 1, lo)
            basis = [c.to_value() for c in d.citations if s0 <= c.start < e and c.article]
            d.mitigations.append(Mitigation(kind, Span(m.start(), m.end(), t[s:e]), basis))


_CN_DAYS = {"十五": 15, "15": 15, "六十": 60, "60": 60, "三十": 30, "30": 30, "九十": 90, "90": 90, "二十": 20, "七": 7, "五": 5}


def _period_days(p: str) -> int | None:
    # a page footer or a space inside the number (60第6页日, 6 0日), a doubled or dropped 日 (六十日日, 六十内)
    p = re.sub(r"第\d+页|\s", "", p).replace("日日", "日")
    m = re.fullmatch(r"([一二三四五六七八九十两\d]+)(日|天|个月|月|)", p)
    if not m:
        return None
    from casefile.model.cn import parse_cn_number

    try:
        n = int(m.group(1)) if m.group(1).isdigit() else parse_cn_number(m.group(1))
    except Exception:  # noqa: BLE001 - an unreadable number is no period
        return None
    if n is None:
        return None
    return n * 30 if "月" in m.group(2) else n


def _remedies(d: Decision, plain: str) -> None:
    t = d.text
    start = _first(_any("remedy_start"), plain, d._tail_start)  # type: ignore[attr-defined]
    if start is None:
        start = _first(_any("remedy_start"), plain, 0)
    if start is None:
        return
    s = max(t.rfind("。", 0, start.start()), t.rfind("\n", 0, start.start())) + 1
    e = t.find("。", start.end())
    e = len(t) if e < 0 else e + 1
    # the remedies run on for one or two sentences (…申请行政复议；也可以…提起行政诉讼。)
    for _ in range(3):
        nxt = t.find("。", e)
        if nxt > 0 and _re(r"诉讼|起诉|复议").search(plain, e, nxt) and not _re(r"不停止执行").match(plain, e):
            e = nxt + 1
        else:
            break
    d.remedy_span = Span(s, e, t[s:e])
    seg = plain[s:e]
    for m in _re(decision_data()["remedies"]["review"]).finditer(seg):
        period = m.group("period") or ""
        if not period:
            # the period stated in a clause of its own (自…之日起六十日内提出行政复议申请，…向…申请行政复议)
            pm = _last(_re(r"(?P<p>(?:六十|60|[一二三四五六七八九十两\d]+)(?:日|天|个月))(?:内|之内)?"), seg, max(0, m.start() - 120), m.start())
            period = pm.group("p") if pm and "诉讼" not in seg[pm.start():m.start()] else ""
        body = (m.group("body") or "").strip("，,")
        d.remedies.append(Remedy("复议", Span(s + m.start(), s + m.end(), t[s + m.start():s + m.end()]), body, period, _period_days(period)))
    for m in _re(decision_data()["remedies"]["court"]).finditer(seg):
        period = m.group("period") or ""
        body = (m.group("body") or "").strip("，,")
        before = seg[max(0, m.start() - 60): m.start() + 30]
        clause_start = max(seg.rfind("；", 0, m.start()), seg.rfind("。", 0, m.start()), seg.rfind(";", 0, m.start())) + 1
        clause = seg[clause_start: m.end()]
        end = seg.find("。", m.end())
        if "不停止" in seg[clause_start: len(seg) if end < 0 else end]:
            continue  # 申请行政复议或者提起行政诉讼期间，行政处罚不停止执行: not a remedy offered
        after = bool(_re(r"(?:对|不服)(?:行政)?复议(?:决定|机关|不服)").search(clause)) or bool(_re(r"复议决定(?:书)?之日|复议决定不服").search(clause))
        direct = not after and bool(_re(r"也可|或者?(?:在|于|自|直接|依法|向)|直接").search(before))
        d.remedies.append(Remedy("诉讼", Span(s + m.start(), s + m.end(), t[s + m.start():s + m.end()]), body, period, _period_days(period), after, direct))


def _seal(d: Decision) -> None:
    """The date under the seal: after the remedies notice (or the payment clause), not continued by a
    sentence; failing that, an agency's name or seal right before a date that ends a page or the text
    (a PDF whose pages came out of order carries its signature in the middle)."""
    t = d.text
    # without the remedies notice or the payment clause the signature block cannot be located (a page that
    # holds only the opening): then only an unmistakable signature (name or seal, then the date) counts
    located = bool(d.remedy_span or d.payment)
    after = d.remedy_span.end if d.remedy_span else (d.payment.start if d.payment else int(len(t) * 0.7))
    tail = t[after:]
    blank = _re(decision_data()["seal"]["blank"]).search(tail)
    continues = _re(decision_data()["seal"]["continues"])
    for m in _re(decision_data()["seal"]["date"]).finditer(tail if located else ""):
        # a date inside a sentence of the tail (公示期至…, …日对当事人立案) is not the signature's
        ctx = tail[max(0, m.start() - 6): m.start()]
        if _re(r"[至于在起止前后期]$").search(ctx) or continues.search(tail[m.end():m.end() + 6]):
            continue
        day = parse_date(m.group(0))
        if day:
            d.seal_date = day
            d.seal_span = Span(after + m.start(), after + m.end(), m.group(0))
            return
    for m in () if blank else _re(decision_data()["seal"]["anywhere"]).finditer(t):
        day = parse_date(m.group("date"))
        if day:
            d.seal_date = day
            d.seal_span = Span(m.start("date"), m.end("date"), m.group("date"))
            return
    d.seal_blank = bool(blank)


def _placeholders(d: Decision) -> None:
    for m in _re(decision_data()["placeholders"]["pattern"]).finditer(d.text):
        d.placeholders.append(Span(m.start(), m.end(), m.group(0)))
