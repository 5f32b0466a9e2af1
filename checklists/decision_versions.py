"""The version of each cited law a decision is judged by (casefile/data/laws/versions.toml): the one in force when the
act was done (行政处罚法第三十七条), or the one the decision names beside the law. When the act's date leaves it open —
only its start is stated, or it ended under an old version and was decided under a new one (a lighter new rule may
apply) — the decision has several readings, one per candidate day; a range check then reports only what is wrong under
every reading (checklists/decision_rules.py, decision_orders.py), so an open date costs a finding, never a false one.
A reading under which a cited penalty article is about something else than the decision's facts (2019 土地管理法
第七十六条 复垦 for a decision on 非法占用) is dropped (``about`` in penalty_ranges.toml)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from casefile.law import versions
from casefile.law.laws import law_table
from checklists.context import CheckContext

_PERIOD = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?(?:起)?(?:至|到|—|－|-|~|～)(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})[日号])?")
# a date, then within its sentence the act's verb (the verbs: in_force.toml act_words, put in for ACT)
_START = r"((?:19|20)\d{2})年(?:(\d{1,2})月)?(?:(\d{1,2})[日号])?(?:[^。；;]{0,30}?)(?=(?:ACT))"


def _sentence(text: str, start: int, end: int) -> str:
    s = max(text.rfind("。", 0, start), text.rfind("；", 0, start)) + 1
    e = text.find("。", end)
    return text[s: len(text) if e < 0 else e]


def act_end(text: str, act_words: str) -> dt.date | None:
    """The last day of the act as the decision's facts state it: a period ``X年M月至(Y年)N月(D日)`` in a sentence
    that tells the act (开采, 占用…); None when the text gives no end (only a start, 至今)."""
    ends = []
    for m in _PERIOD.finditer(text):
        if not re.search(act_words, _sentence(text, m.start(), m.end())):
            continue
        year, month = int(m.group(4) or m.group(1)), int(m.group(5))
        if not 1 <= month <= 12:
            continue
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        ends.append(dt.date(year, month, min(int(m.group(6) or last), last)))
    return max(ends) if ends else None


def act_start(text: str, act_words: str, marks: str = "") -> dt.date | None:
    """The first day the facts give for the act: a date followed, in its sentence, by the act's verb, in a sentence that
    tells a violation (``marks``: “于2018年3月擅自占用…”, not “成立于2009年，从事……生产”); a month alone is read as its
    first day, a year alone as its last."""
    for m in re.finditer(_START.replace("ACT", act_words), text):
        if marks and not re.search(marks, _sentence(text, m.start(), m.end())):
            continue
        year, month, day = int(m.group(1)), int(m.group(2) or 12), int(m.group(3) or 1)
        if 1 <= month <= 12 and 1 <= day <= 31:
            try:
                return dt.date(year, month, day if m.group(2) else 31)
            except ValueError:
                return dt.date(year, month, 1)
    return None


def act_days(ctx: CheckContext, text: str, decided: dt.date | None) -> list[dt.date | None]:
    """The candidate days a decision's versions are read on: the act's end (or, without one, its start), and the
    day it was decided (a lighter new rule applies then: 从旧兼从轻)."""
    from casefile.ingest.extract.decision import unquoted

    v = ctx.case.violation
    table = law_table("in_force")
    words, plain = table["act_words"], unquoted(text)
    acted = v.occurred_to or act_end(plain, words) or v.occurred_from or act_start(plain, words, table["act_marks"])
    days: list[dt.date | None] = [acted] if acted else []
    if decided is not None or not days:
        days.append(decided)
    return days


def _about_fits(reading: dict[str, str], cited: list[dict[str, Any]], facts: str) -> bool:
    """No cited article under this reading is about something the facts never speak of."""
    for rg in law_table("penalty_ranges")["range"]:
        if rg["law"] in reading and in_reading(rg, reading) and rg.get("about") and any(
                b.get("law") == rg["law"] and b.get("article") == rg["article"] for b in cited) and not re.search(rg["about"], facts):
            return False
    return True


def readings(ctx: CheckContext, d, decided: dt.date | None) -> list[dict[str, str]]:
    """{law: version} for each listed law the decision cites, one dict per candidate reading ([{}] when it cites none)."""
    from casefile.ingest.extract.decision import unquoted

    laws = dict.fromkeys(c.law for c in d.citations if c.law and versions.listed(c.law))
    if not laws:
        return [{}]
    named = {}
    for c in d.citations:
        if c.law in laws and c.law not in named and (v := versions.named_version(c.law, d.text, c.start, c.end)):
            named[c.law] = v
    out: list[dict[str, str]] = []
    for day in act_days(ctx, d.text, decided):
        reading = {law: named.get(law) or versions.in_force(law, day) for law in laws}
        if reading not in out:
            out.append(reading)
    cited = [c.to_value() for c in d.citations if c.article]
    facts = unquoted(d.text)[: d.operative.start if d.operative else len(d.text)]
    fitting = [r for r in out if _about_fits(r, cited, facts)]
    return fitting or out


def in_reading(rg: dict[str, Any], reading: dict[str, str]) -> bool:
    """A penalty range belongs to the version this reading takes of its law (a law not listed: always); a range the
    text of several versions shares lists them (``versions``)."""
    return reading.get(rg["law"], versions.latest(rg["law"])) in (rg.get("versions") or [versions.range_version(rg)])
