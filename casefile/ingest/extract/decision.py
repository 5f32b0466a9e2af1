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

import re
from decimal import Decimal
from typing import Any

from casefile.ingest.extract.citations import Citation, find_citations
from casefile.ingest.extract.decision_shape import (Decision, Measure, Mitigation, Remedy, Span, decision_data,  # noqa: F401 - Remedy read by the checks
                                                    first_match, last_match, phrasings, regex, sentence_at)
from casefile.ingest.extract.entities import parse_money
from casefile.ingest.extract.remedies import placeholders, remedies, seal


_QUOTED = re.compile(r"“[^“”]{0,800}”")


def unquoted(text: str) -> str:
    """The text with quoted statute wording blanked (same length, so offsets hold): a quoted
    “责令改正，没收违法所得…” is the law's wording, not what this decision says."""
    return _QUOTED.sub(lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", text)


_STATUTE_LEAD = re.compile(r"(?:第[一二三四五六七八九十\d]+[款项])*(?:[（(][一二三四五六七八九十\d]+[)）]项?)?(?:的|之)?(?:规定)?[:：]")
_STATUTE_END = re.compile(r"”|的规定|之规定|规定[，,。]|。")
# after “…第四十二条之规定：” the decision may speak itself (责令当事人改正…, 对当事人作出…)
_OWN_WORDS = re.compile(r"“?(?:责令当事人|责令其|对当事人|对其|决定|作出|给予|处以|罚款|没收|本局|我局|本机关|现)")


def unstated(text: str, citations: list[Citation]) -> str:
    """The text with the wording of a provision blanked where it follows its article without quotation
    marks (…第四十二条：经营者违反明码标价规定的，责令改正…的规定): the law's words, not the decision's."""
    out = list(text)
    for c in citations:
        if not c.article:
            continue
        lead = _STATUTE_LEAD.match(text, c.end)
        if not lead or _OWN_WORDS.match(text, lead.end()):
            continue
        end = _STATUTE_END.search(text, lead.end(), lead.end() + 400)
        for i in range(lead.end(), end.start() if end else lead.end()):
            out[i] = "　"
    return "".join(out)


_TITLE = re.compile(r"《[^《》]{1,60}》")


def untitled(text: str) -> str:
    """Titles blanked too: 《…不予处罚和从轻减轻处罚规定》 names a rule, it decides nothing."""
    return _TITLE.sub(lambda m: "《" + "　" * (len(m.group(0)) - 2) + "》", text)


_RUNNING: re.Pattern | None = None
_ENDS_SENTENCE = "。；;）)】”！!？?日号页"
_BODY_AFTER = 60  # characters of body after it: the copies line that ends the text is followed by a page number at most


def unrepeated(text: str) -> str:
    """The text with a line the layout prints on every page blanked where it cuts a sentence (same length):
    the copies line “本文书一式二份，一份送达，一份归档。” as a page footer (“也可六个月内依法向本文书一式二份，
    …归档。应城市人民法院提起行政诉讼”). The line where it belongs — after a finished sentence or the seal's date, or
    at the end of the text — stays."""
    global _RUNNING
    if _RUNNING is None:
        _RUNNING = regex(decision_data()["patterns"]["running_line"])
    out = None
    for m in _RUNNING.finditer(text):
        if m.start() and text[m.start() - 1] not in _ENDS_SENTENCE and len(text) - m.end() > _BODY_AFTER:
            out = out or list(text)
            out[m.start():m.end()] = "　" * (m.end() - m.start())
    return "".join(out) if out else text


def read_decision(text: str, kind: str = "") -> Decision:
    """Read a compacted decision text (``casefile.ingest.extract.normalize.compact``)."""
    text = unrepeated(text)
    d = Decision(text=text, kind=kind or ("不予处罚" if "不予行政处罚决定书" in text[:200] or "不予处罚决定书" in text[:200] else "处罚"))
    plain = untitled(unquoted(text))
    d.citations = find_citations(text)
    _parts(d, plain)
    _operative(d, plain)
    _income(d, plain)
    _mitigation(d, plain)
    remedies(d, plain)
    seal(d)
    placeholders(d)
    return d


def _parts(d: Decision, plain: str) -> None:
    t = d.text
    m = regex(r"[\u4e00-\u9fa5（）()_]{1,20}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?[\u4e00-\u9fa5]{0,3}[A-Za-z]{0,2}-?\d[\d.\-]{0,19}号").search(t, 0, 400)
    if m:
        cut = m.group(0).rfind("决定书") + 3 if "决定书" in m.group(0) else 0
        d.doc_no = Span(m.start() + cut, m.end(), m.group(0)[cut:])
    m = regex(r"(?:当事人|被处罚人|被处罚单位)(?:名称|姓名)?[:：]([^；;，,。\n]{2,60}?)(?=[；;，,。]|[（(](?:统一|社会|信用|法定|负责|经营|住所|地址|类型|注册)|主体资格|统一社会|住所|经营场所|经营者|经营地址|法定代表|负责人|身份证|类型|成立|性别|(?:单位)?地址|法人代表|$)").search(t, 0, 1500)
    if m:
        d.party = Span(m.start(1), m.end(1), m.group(1))
    ev = first_match(phrasings("evidence_start"), plain)
    facts_from = d.party.end if d.party else (d.doc_no.end if d.doc_no else 0)
    reason = first_match(phrasings("reasoning_start"), plain, ev.end() if ev else facts_from)
    if ev:
        d.facts = Span(facts_from, ev.start(), t[facts_from:ev.start()])
        # without a 本局认为, the evidence runs to the 告知 paragraph; the reasoning is not marked
        end = reason.start() if reason else ev.end()
        d.evidence = Span(ev.start(), end, t[ev.start():end])
    pay = first_match(phrasings("payment_start"), plain, reason.end() if reason else (ev.end() if ev else 0))
    rem = first_match(phrasings("remedy_start"), plain, reason.end() if reason else 0)
    stops = [x.start() for x in (pay, rem) if x]
    # the operative part ends where the sentence of the 履行方式 or the remedies begins
    # (…经研究决定处罚款3000元；上述罚款，请在接到本处罚决定书之日起15日内缴纳: the clause, not the sentence)
    # (a published page's half-width “;” ends a clause as “；” does)
    d._tail_start = max(t.rfind("。", 0, min(stops)) + 1, t.rfind("；", 0, min(stops)) + 1, t.rfind(";", 0, min(stops)) + 1,  # type: ignore[attr-defined]
                        reason.end() if reason else 0) if stops else len(t)
    if stops and first_match(phrasings("operative_anchor"), plain, d._tail_start, min(stops)):  # type: ignore[attr-defined]
        # no stop between the decision and the payment (…处罚如下：罚款1000元（壹仟元整）当事人应当自收到…)
        d._tail_start = min(stops)  # type: ignore[attr-defined]
    if reason:
        d.reasoning = Span(reason.start(), d._tail_start, t[reason.start():d._tail_start])  # type: ignore[attr-defined]
    if pay:
        end = rem.start() if rem and rem.start() > pay.start() else min(len(t), pay.start() + 600)
        d.payment = Span(pay.start(), end, t[pay.start():end])
    sm = first_match(phrasings("surcharge"), plain, d._tail_start)  # type: ignore[attr-defined]
    if sm:
        s, e = sentence_at(t, sm.start())
        d.surcharge = Span(s, e, t[s:e])
        d.surcharge_citations = [c for c in d.citations if s <= c.start < e]


# -- operative part ------------------------------------------------------------------------------
_MONEY = r"(?:人民币)?(?P<money>(?:\d(?:[\d,]| (?=\d))*(?:\.\d{1,4})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"


_BASIS_WORD = re.compile(r"依据|根据|依照|按照|适用")
_VIOLATES = re.compile(r"违反|违背|构成")


def _operative(d: Decision, plain: str) -> None:
    t = d.text
    tail = d._tail_start  # type: ignore[attr-defined]
    lo = d.reasoning.start if d.reasoning else (d.evidence.end if d.evidence else 0)
    anchor = (last_match(phrasings("operative_anchor"), plain, lo, tail) or _bare_operative(plain, lo, tail)
              or last_match(phrasings("operative_unmarked"), plain, lo, tail))
    if anchor is None:
        return
    # the operative part: from the sentence that states the basis and the decision (综上/依据…) to the 履行方式
    s = max(plain.rfind("。", lo, anchor.start()), lo - 1) + 1
    d.operative = Span(s, tail, t[s:tail])
    prop = first_match(phrasings("proposal"), plain, s, tail)
    decided = first_match(phrasings("decided_words"), plain, s, tail)
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
    # 《责令改正通知书》 is a title: searched with titles kept (quotations of the law still blanked, and the
    # law's wording written after its article without quotation marks: 第四十二条规定：经营者…的，责令改正…)
    said = unstated(unquoted(t), d.citations)
    # an order the party did not carry out (复查时仍未改正) is not this decision's order: only one after it counts
    # (in the facts: “逾期仍未改正的，…” after the order is the order's own warning)
    unmet = [m.end() for m in phrasings("correction_unmet").finditer(said, 0, d.reasoning.start if d.reasoning else s)]
    corr = first_match(phrasings("correction"), said, unmet[-1] if unmet else 0)
    if corr:
        d.correction = Span(corr.start(), corr.end(), t[corr.start():corr.end()])


def _bare_operative(plain: str, lo: int, tail: int) -> re.Match | None:
    """With no 决定/如下 anywhere, the last sentence before the 履行方式 or the remedies when it opens on the penalty
    itself (“罚款 180000 元。”): the decision, written without its anchor."""
    if tail >= len(plain):
        return None  # no payment and no remedies read: no end to the operative part
    s = max(plain.rfind("。", lo, max(lo, tail - 1)), lo - 1) + 1
    return phrasings("operative_bare").match(plain, s, tail)


def _basis_for(d: Decision, plain: str, start: int, end: int) -> list[dict[str, Any]]:
    """The provisions after the last 依据/根据 in [start, end): what a measure rests on. Provisions
    named as violated (违反…) are the 定性, not the penalty basis."""
    word = last_match(_BASIS_WORD, plain, start, end)
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
            for m in regex(p.replace("{MONEY}", _MONEY)).finditer(plain, start, end):
                found.append((m.start(), m.end(), kind, parse_money(m.group("money").replace(" ", "")), False))
        for p in spec.get("bare", []):
            for m in regex(p).finditer(plain, start, end):
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
    m = first_match(phrasings("no_income"), plain)
    if m:
        d.no_illegal_income = Span(m.start(), m.end(), t[m.start():m.end()])
    # several amounts (per item, refunded and not, in total): the largest is the 违法所得 the fine may
    # be a multiple of — a smaller one taken for it would call a lawful fine excessive
    hits = [m for p in decision_data()["patterns"]["income"] for m in regex(p.replace("{MONEY}", _MONEY)).finditer(plain)]
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
        for m in regex(p).finditer(plain, lo, hi):
            s, e = sentence_at(t, m.start())
            # the basis stated for it: provisions cited in the same sentence or the one before it — but not the
            # provision the party is found to have broken (…违反了《食品安全法》第三十四条…。鉴于…减轻处罚)
            s0 = max(t.rfind("。", 0, max(s - 1, 0)) + 1, lo)
            basis = [c.to_value() for c in d.citations if s0 <= c.start < e and c.article
                     and not (c.start < s and _VIOLATES.search(t, max(s0, c.start - 12), c.start))]
            d.mitigations.append(Mitigation(kind, Span(m.start(), m.end(), t[s:e]), basis))
