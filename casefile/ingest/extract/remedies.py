"""The end of a decision: the remedies it offers (复议 and 诉讼, the body and the period of each) and the
date under its seal; the template brackets left anywhere in it."""

from __future__ import annotations

import re

from casefile.ingest.extract.decision_shape import (Decision, Remedy, Span, decision_data, first_match, last_match, phrasings,
                                                    regex)
from casefile.ingest.extract.entities import parse_date


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


def remedies(d: Decision, plain: str) -> None:
    t = d.text
    start = first_match(phrasings("remedy_start"), plain, d._tail_start)  # type: ignore[attr-defined]
    if start is None:
        start = first_match(phrasings("remedy_start"), plain, 0)
    if start is None:
        return
    s = max(t.rfind("。", 0, start.start()), t.rfind("\n", 0, start.start())) + 1
    e = t.find("。", start.end())
    e = len(t) if e < 0 else e + 1
    # the remedies run on for one or two sentences (…申请行政复议；也可以…提起行政诉讼。)
    for _ in range(3):
        nxt = t.find("。", e)
        if nxt > 0 and regex(r"诉讼|起诉|复议").search(plain, e, nxt) and not regex(r"不停止执行").match(plain, e):
            e = nxt + 1
        else:
            break
    d.remedy_span = Span(s, e, t[s:e])
    seg = plain[s:e]
    for m in regex(decision_data()["remedies"]["review"]).finditer(seg):
        period = m.group("period") or ""
        if not period:
            # the period stated in a clause of its own (自…之日起六十日内提出行政复议申请，…向…申请行政复议)
            pm = last_match(regex(r"(?P<p>(?:六十|60|[一二三四五六七八九十两\d]+)(?:日|天|个月))(?:内|之内)?"), seg, max(0, m.start() - 120), m.start())
            period = pm.group("p") if pm and "诉讼" not in seg[pm.start():m.start()] else ""
        body = (m.group("body") or "").replace("\u3000", "").strip("，,")
        d.remedies.append(Remedy("复议", Span(s + m.start(), s + m.end(), t[s + m.start():s + m.end()]), body, period, _period_days(period)))
    spec = decision_data()["remedies"]
    for m in regex(spec["court"]).finditer(seg):
        period = m.group("period") or ""
        body = (m.group("body") or "").replace("\u3000", "").strip("，,")
        before = seg[max(0, m.start() - 60): m.start() + 30]
        clause_start = max(seg.rfind("；", 0, m.start()), seg.rfind("。", 0, m.start()), seg.rfind(";", 0, m.start())) + 1
        clause = seg[clause_start: m.end()]
        end = seg.find("。", m.end())
        if "不停止" in seg[clause_start: len(seg) if end < 0 else end]:
            continue  # 申请行政复议或者提起行政诉讼期间，行政处罚不停止执行: not a remedy offered
        if regex(spec["not_offered"]).search(seg, max(0, m.start() - 4), m.start()):
            continue  # 逾期不申请行政复议也不向法院起诉，又不履行…: the ground of enforcement, not a remedy
        after = bool(regex(spec["after_review"]).search(clause))
        direct = not after and bool(regex(r"也可|或者?(?:在|于|自|直接|依法|向)|直接").search(before))
        d.remedies.append(Remedy("诉讼", Span(s + m.start(), s + m.end(), t[s + m.start():s + m.end()]), body, period, _period_days(period), after, direct))


def seal(d: Decision) -> None:
    """The date under the seal: after the remedies notice (or the payment clause), not continued by a
    sentence; failing that, an agency's name or seal right before a date that ends a page or the text
    (a PDF whose pages came out of order carries its signature in the middle)."""
    t = d.text
    # without the remedies notice or the payment clause the signature block cannot be located (a page that
    # holds only the opening): then only an unmistakable signature (name or seal, then the date) counts
    located = bool(d.remedy_span or d.payment)
    after = d.remedy_span.end if d.remedy_span else (d.payment.start if d.payment else int(len(t) * 0.7))
    if d.remedy_span and d.remedy_span.end >= len(t):
        # the remedies run to the end of the text (a headings-only layout whose “（救济途径和期限）” heading
        # has no body): the signature is inside that span
        after = d.remedy_span.start
    tail = t[after:]
    blank = regex(decision_data()["seal"]["blank"]).search(tail)
    continues = regex(decision_data()["seal"]["continues"])
    for m in regex(decision_data()["seal"]["date"]).finditer(tail if located else ""):
        # a date inside a sentence of the tail (公示期至…, …日对当事人立案) is not the signature's
        ctx = tail[max(0, m.start() - 6): m.start()]
        if regex(r"[至于在起止前后期]$").search(ctx) or continues.search(tail[m.end():m.end() + 6]):
            continue
        day = parse_date(m.group(0))
        if day:
            d.seal_date = day
            d.seal_span = Span(after + m.start(), after + m.end(), m.group(0))
            _stamped_after(d, tail, after, m.end())
            return
    for m in () if blank else regex(decision_data()["seal"]["anywhere"]).finditer(t):
        day = parse_date(m.group("date"))
        if day:
            d.seal_date = day
            d.seal_span = Span(m.start("date"), m.end("date"), m.group("date"))
            return
    d.seal_blank = bool(blank)


def _stamped_after(d: Decision, tail: str, after: int, end: int) -> None:
    """A signature dated twice (typed, then again by the electronic seal right after it): the seal's date."""
    spec = decision_data()["seal"]
    m = regex(spec["stamped"]).search(tail[: end + int(spec["stamped_within"])], end)
    if m and (day := parse_date(m.group("date"))):
        d.seal_date = day
        d.seal_span = Span(after + m.start("date"), after + m.end("date"), m.group("date"))


def placeholders(d: Decision) -> None:
    for m in regex(decision_data()["placeholders"]["pattern"]).finditer(d.text):
        d.placeholders.append(Span(m.start(), m.end(), m.group(0)))
