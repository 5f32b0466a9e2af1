"""The dated acts a narrative tells (立案, 现场检查, 告知书送达, 听证, 决定, 送达 …): each sentence's dates,
the trigger words of the data (``casefile/data/extract``), and 当日/同日/次日 read against the last date named."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from casefile.ingest.extract.entities import compiled, parse_date, pattern_data
from casefile.ingest.textio import ExtractedText


@dataclass
class Event:
    act: str
    date: str
    text: str
    page: int = 1


_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
# an act done that day (我局于当日立案, 本局当日予以立案), not a thing of an act's day (现场检查当日的截图)
_RELATIVE_DAY = re.compile(r"(?:于|局|机关|并|即|，|,|^)(?:当日|当天|同日|次日)(?!的)")


def events(text: str, c: Any, doc: ExtractedText) -> list[Event]:
    """The dated acts of the compacted ``text`` (``c`` its Compact, placing each on a page of ``doc``)."""
    triggers = pattern_data()["events"]
    negations = pattern_data()["event_negations"]
    date_pats = compiled()["DATE"]
    out: list[Event] = []
    seen = set()
    last: dt.date | None = None  # the date the narrative last named: “当日”, “同日”, “次日” refer to it
    for m in _SENTENCE.finditer(text):
        sent = m.group(0)
        dates = []
        for p in date_pats:
            for dm in p.finditer(sent):
                d = parse_date(dm.group(0))
                if d:
                    dates.append((dm.start(), d))
        if not dates and last is not None:
            rel = _RELATIVE_DAY.search(sent)
            if rel:
                dates.append((rel.start(), last + dt.timedelta(days=1 if rel.group(0) == "次日" else 0)))
        if not dates:
            continue
        last = max(dates)[1]
        dates.sort()
        for act, words in triggers.items():
            if any(w in sent for w in negations.get(act, ())):
                continue
            if any(w in sent for w in words):
                # the date nearest before the trigger word is the act's date
                pos = min(sent.find(w) for w in words if w in sent)
                before = [(s, d) for s, d in dates if s <= pos]
                at, date = before[-1] if before else dates[0]
                d = date.isoformat()
                key = (act, d)
                if key in seen:
                    continue
                seen.add(key)
                # the words from the act's date to its trigger: a header without 。 is one long "sentence"
                start = max(min(at, pos), pos - 80, 0)
                o_start, _ = c.original_span(m.start() + start, m.end())
                out.append(Event(act, d, sent[start:start + 120], doc.page_of(o_start)))
    return out
