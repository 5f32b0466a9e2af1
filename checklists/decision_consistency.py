"""Predicates that read one 决定书 against itself: its dated acts and the dated records it cites in
their legal order (立案 → 检查/询问 → 告知 → 决定), the party and the goods of the facts, the 定性
and the operative part against the header and the facts, proposal wording left in the operative
part, the 违法所得 confiscated against the one found (sums and amounts in words: decision_arithmetic.py),
template text left unfilled (the evidence listed: decision_wording.py). The patterns are data
(casefile/data/extract/decision.toml [consistency]); each hit quotes the words it rests on."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Iterator, Literal

from casefile.ingest.extract.decision import _MONEY, Decision, Measure, Span, decision_data, unquoted
from casefile.ingest.extract.entities import parse_money
from checklists.context import CheckContext, Hit
from checklists.decision_rules import decisions
from checklists.registry import predicate

_SPEC = decision_data()["consistency"]
_LEFTOVERS = {"content": [re.compile(p) for p in _SPEC["leftovers"]], "form": [re.compile(p) for p in _SPEC["form_leftovers"]]}
_BLANK_HEADINGS = re.compile(_SPEC["blank_headings"])


_TL = _SPEC["timeline"]
_TL_ACT = re.compile("(?P<date>" + _TL["date"] + ")(?P<gap>" + _TL["gap"] + ")(?:" + "|".join(
    f"(?P<a{i}>{p})" for i, p in enumerate(_TL["acts"].values())) + ")")
_TL_NAMES = list(_TL["acts"])
_TL_GAP_NOT = re.compile(_TL["gap_not"])
_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})[日号]|(?<![年\d])(\d{1,2})月(\d{1,2})[日号]")


def _day(text: str, at: int, written: str) -> dt.date | None:
    """The date ``written`` at ``at``: a month and day take the year of the full date before them;
    “当日”“同日” the date written last before them."""
    year = None
    last = None
    for m in _FULL_DATE.finditer(text, 0, at + len(written)):
        try:
            if m.group(1):
                year = int(m.group(1))
                day = dt.date(year, int(m.group(2)), int(m.group(3)))
            elif year:
                day = dt.date(year, int(m.group(4)), int(m.group(5)))
            else:
                continue
        except ValueError:
            continue
        if m.start() == at:
            return day
        last = day if m.group(1) else None  # “当日” after a month and day without its year: not resolved
    return last if written in _TL["relative"] else None


def _records(d: Decision) -> dict[str, list[tuple[dt.date, str]]]:
    """The dated records the text names (询问笔录, 现场笔录, 告知书, 立案) with the words they rest on;
    only a date written right before the act, not a period of the conduct (…期间, …至…)."""
    plain = unquoted(d.text)
    out: dict[str, list[tuple[dt.date, str]]] = {}
    for m in _TL_ACT.finditer(plain):
        if _TL_GAP_NOT.search(m.group("gap")):
            continue
        day = _day(plain, m.start(), m.group("date"))
        if day is None:
            continue
        act = next(_TL_NAMES[i] for i in range(len(_TL_NAMES)) if m.group(f"a{i}"))
        end = min([len(plain)] + [i for i in (plain.find("。", m.end()), plain.find("；", m.end())) if i >= 0])
        clause = d.text[m.start():end]
        if any(w in clause for w in (*_SPEC["follow_up"], *_TL["negated"], *_TL["other_body"])):
            continue  # a check of the correction after the notice, not the investigation; 尚未立案; the police's case
        out.setdefault(act, []).append((day, clause[:80]))
    return out


def _acts(ctx: CheckContext, r) -> tuple[dict[str, list[tuple[dt.date, str]]], dict[str, list[tuple[dt.date, str]]]]:
    """The decision's dated acts: those the reader of the whole file found (立案, 现场检查, 告知书送达 …)
    with the records the decision cites with their dates (询问笔录, 现场笔录, 告知书); and those records alone."""
    x = ctx.extraction(r.rec)
    out: dict[str, list[tuple[dt.date, str]]] = {}
    for e in (x.events if x else []):
        if (e.act == "现场检查" and any(w in e.text for w in _SPEC["follow_up"])) or any(w in e.text for w in _TL["other_body"]):
            continue  # a check of the correction after the notice, not the inspection; another body's act (公安…刑事立案)
        out.setdefault(e.act, []).append((dt.date.fromisoformat(e.date), e.text))
    records = _records(r.decision)
    for act, found in records.items():
        out.setdefault(act, []).extend(found)
    return out, records


def _quote(r, words: str) -> list[dict]:
    i = r.decision.text.find(words[:20])
    return r.ev(Span(i, i + len(words), words) if i >= 0 else None)


def _cn(day: dt.date) -> str:
    return f"{day:%Y年%-m月%-d日}"


_ACT_NAMES = ("现场检查", "立案", "询问", "现场笔录")  # the investigative acts, the first named first on one day
_ACT_WORDS = {"现场检查": "现场检查", "立案": "立案", "询问": "询问调查", "现场笔录": "现场检查"}


def timeline_conflicts(acts: dict[str, list[tuple[dt.date, str]]], seal: dt.date | None,
                       filed: list[tuple[dt.date, str]] = ()) -> Iterator[tuple[str, list[str]]]:
    """(what is wrong, the words it rests on) for each clear inversion of the legal order 立案 →
    检查/询问 → 告知 → 决定: every notice before the first investigative act, a record far before
    the filing, the seal before the filing, the first record or every notice; and two dates written
    for the one filing (``filed``: the dates written right before 立案)."""
    days = sorted({f[0] for f in filed})
    if len(days) > 1:
        a, b = min(filed), max(filed)
        yield (f"决定书所述立案日期前后矛盾：既写{_cn(a[0])}立案，又写{_cn(b[0])}立案；应核对立案日期", [a[1], b[1]])
    notices = acts.get("告知书送达", [])
    investigation = [(a[0], a[1], k) for k in _ACT_NAMES for a in acts.get(k, [])]
    if notices and investigation:
        # every notice before every investigative act: a later 询问 alone may be the 陈述申辩 or a refund check
        last_notice, first = max(notices), min(investigation, key=lambda a: (a[0], _ACT_NAMES.index(a[2])))
        if last_notice[0] < first[0]:
            yield (f"决定书所述日期前后矛盾：行政处罚告知在{_cn(last_notice[0])}，早于{_cn(first[0])}的{_ACT_WORDS[first[2]]}；"
                   f"应先{_ACT_WORDS[first[2]]}、调查，再告知拟作出的处罚", [last_notice[1], first[1]])
    records = [a for k in ("询问", "现场笔录") for a in acts.get(k, [])
               if not any(w in a[1] for w in _TL["before_filing_excluded"])]
    if acts.get("立案") and records:
        filed, first = min(acts["立案"]), min(records)
        if (filed[0] - first[0]).days > _TL["before_filing_days"]:
            yield (f"决定书所述日期前后矛盾：“{first[1][:30]}”的日期{_cn(first[0])}早于{_cn(filed[0])}立案{(filed[0] - first[0]).days}日，"
                   f"远超立案前核查的期限；应核对笔录日期（或是否为另案材料）", [first[1], filed[1]])
    if seal:
        for act in ("立案", "询问", "现场笔录", "告知书送达"):
            if acts.get(act) and seal < min(acts[act])[0]:
                first = min(acts[act])
                yield (f"决定书落款日期{_cn(seal)}早于所述{_cn(first[0])}的{_ACT_WORDS.get(act, '行政处罚告知')}；"
                       f"决定应在立案、调查、告知和陈述申辩之后作出", [first[1]])
                break


_NUM_TITLE = re.compile(_TL["numbered_title"])
_NUM_YEAR = re.compile(_TL["numbered_year"])
_DATED = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})[日号]")


def numbered_later(d: Decision) -> list[tuple[str, dt.date, int, str]]:
    """(document, the date written for it, the year of its 文号, the words) for a notice whose every
    文号 is of a later year than every date written right before its title: a wrong date or number."""
    plain = unquoted(d.text)
    dated: dict[str, list[tuple[dt.date, str]]] = {}
    years: dict[str, set[int]] = {}
    for m in _NUM_TITLE.finditer(plain):
        key = m.group("title")[-5:]  # 责令退款通知书 / 下达责令退款通知书: one document
        # the 文号 right after the title (…通知书》（…〔2026〕6号）) or right before it (…〔2026〕3号的《…告知书》)
        after = re.split("[。；;，,]", plain[m.end():m.end() + 30])[0]
        before = re.split("[。；;，,]", plain[max(0, m.start() - 30):m.start()])[-1]
        y = re.match(r"》?\s*[（(]?[^（()）]{0,20}?" + _TL["numbered_year"], after) or re.search(_TL["numbered_year"] + "[^。；]{0,12}号的?《?$", before)
        if y:
            years.setdefault(key, set()).add(int(y.group("year")))
        clause = re.split("[。；;]", plain[max(0, m.start() - 60):m.start()])[-1]
        dates = list(_DATED.finditer(clause))
        if dates and not _TL_GAP_NOT.search(clause[dates[-1].end():]):
            try:
                day = dt.date(*(int(g) for g in dates[-1].groups()))
            except ValueError:
                continue
            start = m.start() - len(clause) + dates[-1].start()
            dated.setdefault(key, []).append((day, d.text[start:m.end()]))
    out = {min(dated[key])[0]: (key, min(dated[key])[0], min(years[key]), min(dated[key])[1]) for key in reversed(dated)
           if key in years and min(years[key]) > max(day.year for day, _ in dated[key])}
    return list(out.values())  # two notices served in one clause on the one wrong date: one finding


@predicate
def dated_acts_in_order(ctx: CheckContext) -> Iterator[Hit]:
    """D08: the dated acts in the decision in their legal order (立案 → 检查/询问 → 告知 → 决定), from
    the narrative and the records it cites. Only a clear inversion is reported."""
    for r in decisions(ctx):
        acts, records = _acts(ctx, r)
        found = list(timeline_conflicts(acts, r.decision.seal_date, records.get("立案", [])))
        found += [(f"决定书所述日期与文号矛盾：“{words[:40]}”写于{_cn(day)}，其文号却是{year}年的；应核对该文书的日期或文号", [words])
                  for _, day, year, words in numbered_later(r.decision)
                  if not any(_cn(day) in what for what, _ in found)]  # the same wrong date already reported: one finding
        for what, words in found:
            ev = [e for w in words for e in _quote(r, w)]
            if "落款" in what:
                ev = r.ev(r.decision.seal_span) + ev
            yield Hit(what, [r.rec.file], ev)


@predicate
def template_leftovers_removed(ctx: CheckContext, *, kind: Literal["content", "form"] = "content") -> Iterator[Hit]:
    """F05/F06: template text left unfilled outside brackets — content the decision should state
    (（此处填入具体内容）) or the form's blanks (本文书一式 份, a blank account); one finding per decision."""
    for r in decisions(ctx):
        if _BLANK_HEADINGS.search(r.decision.text) and getattr(ctx.extraction(r.rec), "abridged", False):
            continue  # a blank template shell (headings in a row, nothing under them): not a decision
        found = [m for p in _LEFTOVERS[kind] for m in [p.search(r.decision.text)] if m]
        if found:
            found.sort(key=lambda m: m.start())
            words = "”“".join(dict.fromkeys(m.group(0) for m in found))
            yield Hit(f"决定书中留有未填写或未删改的模板文字“{words}”；应填写具体内容或删去",
                      [r.rec.file], [e for m in found[:3] for e in r.ev(Span(m.start(), m.end(), m.group(0)), 10)])


# -- D10 the party: the one inspected, found in breach and penalised is the one in the header -----
_PARTY = _SPEC["party"]
_PARTY_ROLES = [re.compile(p.replace("{ORG}", _PARTY["org"].replace("{SUFFIX}", _PARTY["suffix"]))) for p in _PARTY["roles"]]
_REGION = re.compile(_PARTY["region"])
_LEAD = re.compile(_PARTY["lead"])
_MASKED = re.compile(_PARTY["masked"])
_NOT_ONE = re.compile(_PARTY["not_one"])
_ORG_END = re.compile(_PARTY["suffix"] + "$")


def _trade_name(name: str) -> str:
    """The 字号: the name without its region (固安县宗旭电动车经营部 → 宗旭…), its first two characters."""
    return _REGION.sub("", name)[:2]


def same_party(a: str, b: str) -> bool:
    """Two written names of one business: one holds the other, or they share the 字号."""
    a, b = re.sub(r"[（()）\s]", "", a), re.sub(r"[（()）\s]", "", b)
    if a in b or b in a:
        return True
    ta, tb = _trade_name(a), _trade_name(b)
    return len(ta) == 2 and len(tb) == 2 and (ta in b or tb in a)


def party_mismatches(d: Decision) -> list[Span]:
    """The full business names that the facts, the 定性 or the operative part give the party's role
    (inspected, in breach, penalised) and that are not the 当事人 of the header."""
    party = re.sub(r"[（(][^（）()]*[)）]$", "", d.party.text) if d.party else ""  # …餐饮店（个体工商户）
    if not party or not _ORG_END.search(party) or _MASKED.search(party):
        return []  # a person, or a masked name: not compared
    # the header's other lines (字号、经营场所名称): up to the first sentence of the narrative
    stop = re.search(r"。|(?:19|20)\d{2}年", d.text[d.party.end:])
    header = d.text[: d.party.end + (stop.start() if stop else 200)]
    # the facts name the party itself: another business named there is a third party (a supplier, the
    # current manager); an operator's ID card in the evidence list does not name the business
    facts = d.text[len(header): d.evidence.start if d.evidence else len(d.text)]
    if party in facts or _trade_name(party) in facts:
        return []
    out: list[Span] = []
    for p in _PARTY_ROLES:
        for m in p.finditer(d.text, d.party.end):
            name = _LEAD.sub("", m.group("org").rsplit("的", 1)[-1])
            if len(name) < 6 or _MASKED.search(name) or _NOT_ONE.search(name) or not _ORG_END.search(name):
                continue
            if same_party(party, name) or name in header:
                continue
            if not any(s.text == name for s in out):
                out.append(Span(m.start("org") + m.group("org").rfind(name), m.end("org"), name))
    return out


@predicate
def party_named_consistently(ctx: CheckContext) -> Iterator[Hit]:
    """D10: the business inspected, found in breach or penalised is the 当事人 of the header."""
    for r in decisions(ctx):
        wrong = party_mismatches(r.decision)
        if wrong:
            names = "”“".join(s.text for s in wrong)
            yield Hit(f"决定书的当事人是“{r.decision.party.text}”，事实或处理部分却写作“{names}”；应核实被检查、被处罚的主体并统一",
                      [r.rec.file], r.ev(r.decision.party) + [e for s in wrong[:2] for e in r.ev(s, 10)])


# -- D11 the goods: what the 定性 says was sold is what the facts found -----------------------------
_GOODS = _SPEC["goods"]
_GOODS_NAMED = re.compile(_GOODS["named"])


def goods_mismatches(d: Decision) -> list[Span]:
    """The goods the 定性 names (构成销售…的XX的违法行为) that the facts and evidence never mention."""
    if d.reasoning is None:
        return []
    before = d.text[: d.reasoning.start]
    out = []
    for m in _GOODS_NAMED.finditer(unquoted(d.text), d.reasoning.start, d.reasoning.end):
        goods = m.group("goods")
        if any(goods.endswith(g) for g in _GOODS["generic"]):
            continue  # a class of goods (工业产品, 强检计量器具), not the goods themselves
        if goods not in before and goods[-2:] not in before:
            out.append(Span(m.start("goods"), m.end("goods"), goods))
    return out


_UNPRICED = re.compile(_GOODS["unpriced"])


def goods_classes_differ(d: Decision) -> tuple[Span, Span] | None:
    """Two places naming the goods sold unpriced (经营的农药未明码标价 / 经营食品未按规定明码标价) with goods
    of classes that exclude each other, neither place naming both: the facts or the 定性 copied from
    another case (故市监处罚〔2024〕713号)."""
    seen: dict[str, Span] = {}
    for m in _UNPRICED.finditer(unquoted(d.text)):
        kinds = {k for k, words in _GOODS["classes"].items() if any(w in m.group("goods") for w in words)}
        if len(kinds) == 1:
            seen.setdefault(kinds.pop(), Span(m.start(), m.end(), d.text[m.start():m.end()]))
    spans = sorted(seen.values(), key=lambda s: s.start)
    return (spans[0], spans[1]) if len(spans) > 1 else None


@predicate
def goods_named_consistently(ctx: CheckContext) -> Iterator[Hit]:
    """D11: the goods named in the 定性 are the goods of the facts, and the text names one kind of goods."""
    for r in decisions(ctx):
        named = goods_mismatches(r.decision)
        for s in named[:1]:
            yield Hit(f"定性部分认定当事人经营“{s.text}”，而事实和证据部分没有提到该物品；应核对定性与查明的事实是否一致",
                      [r.rec.file], r.ev(s, 30))
        pair = None if named else goods_classes_differ(r.decision)  # one defect, one finding
        if pair:
            yield Hit(f"决定书前后所称物品不是同一类：“{pair[0].text}”与“{pair[1].text}”；应核对查明的事实与定性",
                      [r.rec.file], r.ev(pair[0]) + r.ev(pair[1]))


# -- D12 draft wording in the operative part ---------------------------------------------------------
_DRAFT = [re.compile(p) for p in _SPEC["draft"]["patterns"]]


_DECIDED_THEN_PROPOSED = re.compile(r"建议(?=[^。]{0,6}?(?:给予|处以|罚款|没收|警告))")
_OWN_DECISION = re.compile(r"(?:本局|我局|本机关)决定[^。：:]{0,20}[：:]\s*$")


def draft_wording(d: Decision) -> Span | None:
    """The first proposal wording (建议…如下：, 拟处罚如下, 建议罚款2000元) in the operative part of a
    decision whose reader did not take the whole operative part as a proposal (D02 reports those)."""
    if d.operative is None or d.proposal is not None:
        return None
    plain = unquoted(d.text)
    hits = [m for p in _DRAFT for m in [p.search(plain, d.operative.start, d.operative.end)] if m]
    if not hits:
        # an earlier passage that decides and proposes in one breath (本局决定给予当事人以下行政处罚：建议给予…),
        # the operative part written twice: wherever it stands, it is the agency's own wording, not a narrated proposal
        hits = [m for m in _DECIDED_THEN_PROPOSED.finditer(plain, 0, d.operative.start)
                if _OWN_DECISION.search(plain[max(0, m.start() - 30):m.start()])][:1]
    if not hits:
        return None
    m = min(hits, key=lambda m: m.start())
    # quoted to the end of its clause: “建议罚款2000元”, not “建议罚款2”
    stop = re.search(r"[，,。；;：:（(]", d.text[m.end() - 1:m.end() + 30])
    end = m.end() - 1 + stop.start() if stop and stop.start() > 0 else m.end()
    return Span(m.start(), end, d.text[m.start():end])


@predicate
def operative_not_draft(ctx: CheckContext) -> Iterator[Hit]:
    """D12: the operative part of a 决定书 decides; proposal wording there (even beside 决定) leaves
    the decision unclear."""
    for r in decisions(ctx):
        s = draft_wording(r.decision)
        if s and not r.decision.proposal:  # a proposal D02 reports already: one defect, one finding
            yield Hit(f"决定书的处理内容写作“{s.text}……”，是调查终结报告的建议措辞，不是决定；应写“本局决定……”并删去“建议”“拟”",
                      [r.rec.file], r.ev(s, 30))


# -- D13 the income confiscated is the income the facts found -------------------------------------------
_INCOME_FOUND = re.compile(_SPEC["income"]["found"].replace("{MONEY}", _MONEY))
_ANY_MONEY = re.compile(_MONEY)
_REDUCED = re.compile(_SPEC["income"]["reduced"])


def income_mismatch(d: Decision) -> tuple[Measure, list[Decimal]] | None:
    """The 没收违法所得 measure whose amount is written nowhere before the operative part and either exceeds
    every 违法所得 the facts state, or falls short of it while the text states no refund or deduction
    (事实认定违法所得1238.5元，没有退款，决定“没收未退还金额453.5元”), with the amounts found."""
    if d.operative is None or d.proposal is not None:
        return None
    taken = [m for m in d.measures if m.kind == "没收违法所得" and m.amount is not None]
    if len(taken) != 1:
        return None
    plain = unquoted(d.text)
    found = [v for m in _INCOME_FOUND.finditer(plain, 0, d.operative.start)
             for v in [parse_money(m.group("money").replace(" ", ""))] if v is not None]
    written = {v for m in _ANY_MONEY.finditer(plain, 0, d.operative.start)
               for v in [parse_money(m.group("money").replace(" ", ""))] if v is not None}
    x = taken[0].amount
    if not found or any(abs(x - v) <= Decimal("0.01") for v in written):
        return None
    if x > max(found) + Decimal("0.01"):
        return taken[0], found
    if x < max(found) - Decimal("0.01") and not _REDUCED.search(plain, 0, d.operative.start):
        return taken[0], found
    return None


@predicate
def income_as_found(ctx: CheckContext) -> Iterator[Hit]:
    """D13: the 违法所得 confiscated is the one the facts found (not a figure the text never states)."""
    for r in decisions(ctx):
        hit = income_mismatch(r.decision)
        if hit:
            m, found = hit
            said = "、".join(f"{v:f}元" for v in dict.fromkeys(found))
            less = "，也没有退还、扣除的记载" if m.amount < max(found) else ""
            yield Hit(f"决定没收违法所得{m.amount:f}元，而事实部分认定的违法所得为{said}，前文没有这一数额的来历{less}；应核对没收数额与认定的违法所得",
                      [r.rec.file], r.ev(m.span, 10))
