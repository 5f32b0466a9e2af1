"""The dated acts a narrative tells (立案, 现场检查, 告知书送达, 听证, 决定, 送达 …): each sentence's dates,
the trigger words of the data (``casefile/data/extract``), and 当日/同日/次日 read against the last date named."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

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


def dated_acts(text: str, triggers: dict[str, list[str]], negations: dict[str, list[str]] | None = None) -> Iterator[tuple[str, dt.date, int, int]]:
    """Each act named in a sentence of ``text`` with its date: (act, date, start of the act's
    words, end of its sentence). The date is the nearest one before the trigger word; a sentence
    without a date that says “当日”, “同日” or “次日” takes the date the narrative last named."""
    date_pats = compiled()["DATE"]
    negations = negations or {}
    last: dt.date | None = None  # the date the narrative last named
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
                pos = min(sent.find(w) for w in words if w in sent)
                before = [(s, d) for s, d in dates if s <= pos]
                at, date = before[-1] if before else dates[0]
                # the words from the act's date to its trigger: a header without 。 is one long "sentence"
                yield act, date, m.start() + max(min(at, pos), pos - 80, 0), m.end()


def events(text: str, c: Any, doc: ExtractedText) -> list[Event]:
    """The dated acts of the compacted ``text`` (``c`` its Compact, placing each on a page of ``doc``)."""
    out: list[Event] = []
    seen = set()
    for act, date, start, end in dated_acts(text, pattern_data()["events"], pattern_data()["event_negations"]):
        key = (act, date.isoformat())
        if key in seen:
            continue
        seen.add(key)
        o_start, _ = c.original_span(start, end)
        out.append(Event(act, date.isoformat(), text[start:min(start + 120, end)], doc.page_of(o_start)))
    return out
