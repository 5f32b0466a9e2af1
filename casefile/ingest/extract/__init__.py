"""Extracting the case facts from a document's text.

``extract(doc)`` returns an :class:`Extraction`: typed entities with their value,
page and offsets in the original text, the dated acts of the narrative, law
citations, the document type with a confidence, and the header fields
(文号, 机关, 当事人, 决定日期) that the importer fills the case with. The import runs it as two
steps: ``read_text`` + ``classify_reading`` (the type), then ``extract`` given that reading and type.
Its rooms: ``header`` (the header fields), ``events`` (the dated acts), ``decision`` (a decision read as
a structure; ``decision_shape``, ``remedies``), ``entities``, ``citations``, ``agency``, ``normalize``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Callable

from casefile.ingest.classify import FRAGMENT, classify, looks_abridged
from casefile.ingest.extract.citations import Citation, find_citations, normalise_law_name
from casefile.ingest.extract.entities import VALIDATORS, compiled, trim_doc_no
from casefile.ingest.extract.events import Event, events
from casefile.ingest.extract.header import header_fields, labelled_date, unabbreviated
from casefile.ingest.extract.lines import text_lines
from casefile.ingest.extract.normalize import Compact, compact
from casefile.ingest.textio import ExtractedText

__all__ = ["Extraction", "Entity", "Event", "Reading", "extract", "extract_text", "find_citations", "normalise_law_name",
           "Citation", "read_text", "classify_reading"]


@dataclass
class Entity:
    label: str
    text: str
    value: Any
    page: int
    start: int
    end: int



@dataclass
class Extraction:
    doc_type: str
    confidence: float
    pages: int
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    abridged: bool = False
    needs_ocr: list[int] = field(default_factory=list)

    def of(self, label: str) -> list[Entity]:
        return [e for e in self.entities if e.label == label]

    @property
    def citations(self) -> list[dict[str, Any]]:
        return [e.value for e in self.of("LAW")]

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "confidence": self.confidence,
            "pages": self.pages,
            "entities": [asdict(e) for e in self.entities],
            "events": [asdict(e) for e in self.events],
            "fields": self.fields,
            "abridged": self.abridged,
            "needs_ocr": self.needs_ocr,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Extraction":
        return cls(
            doc_type=d["doc_type"], confidence=d["confidence"], pages=d["pages"],
            entities=[Entity(**e) for e in d.get("entities", [])], events=[Event(**e) for e in d.get("events", [])],
            fields=d.get("fields", {}), abridged=d.get("abridged", False), needs_ocr=d.get("needs_ocr", []),
        )


@dataclass
class Reading:
    """A document's text as the classifier and the extractor read it: compacted whole (line breaks inside
    words gone, offsets kept) and line by line. Made once, read by both."""

    doc: ExtractedText
    compact: Compact
    lines: list[str]


def read_text(doc: ExtractedText) -> Reading:
    original = doc.text
    return Reading(doc, compact(original), text_lines(original))


def classify_reading(r: Reading) -> tuple[str, float]:
    """The document's catalogue type and the confidence of it (casefile.ingest.classify)."""
    return classify(r.lines, r.compact.text)


def extract_text(text: str, pages: list[str] | None = None) -> Extraction:
    return extract(ExtractedText(path=__import__("pathlib").Path("text.txt"), kind="txt", pages=pages or [text]))


def extract(doc: ExtractedText, progress: Callable[[int, int], None] | None = None, *,
            reading: Reading | None = None, kind: tuple[str, float] | None = None) -> Extraction:
    """``progress(characters done, characters in all)``: told as a long text is read in chunks.
    ``reading`` and ``kind`` (its type and confidence) when the document was read and classified
    already (the import's steps); otherwise both are made here."""
    r = reading or read_text(doc)
    code, confidence = kind or classify_reading(r)
    text = r.compact.text
    entities = _entities(r, progress)
    fields = header_fields(r.lines, entities, text)
    for label, key in (("PARTY", "party"), ("ADDRESS", "address")):
        for value in ([fields[key]] if fields.get(key) else []):
            i = text.find(value)
            if i >= 0:
                entities.append(_entity(r, label, i, i + len(value), value))
    entities.sort(key=lambda e: (e.start, e.label))
    found = events(text, r.compact, doc)
    from casefile.ingest.extract.published import decided_on

    stated = fields.pop("stated_date", None)
    if code in DECISION_TYPES:
        _decision_fields(fields, text, stated)
        _summary_fields(fields, text)
        if not fields.get("date") and (day := labelled_date(r.lines)):
            fields["date"] = day  # a published summary's 处罚决定日期 field, where no seal is printed
    elif code in DECISION_FORMED and (DECISION_FORMED[code] or any("决定书" in line for line in r.lines[:4])):
        # a 责令改正违法行为决定书 or a 审计决定书 is signed as a decision is: its date is the one under its seal,
        # never the narrative's last (a published copy cut before its seal has none)
        from casefile.ingest.extract.decision import read_decision
        _seal_date(fields, read_decision(text))
    elif code == "unknown" and _reported_fields(fields, text):
        pass  # a write-up of a case naming the decision it tells of (…于2019年9月19日作出的…号《行政处罚决定书》)
    elif code == "unknown" and fields.get("date") and not _closes(text, entities, fields["date"], r.lines):
        # a text not read as any paper, its last date inside the narrative (a page cut short, a write-up of a
        # case): that date is not the paper's — kept apart as text_date
        fields["text_date"] = fields.pop("date")
    if code == "unknown":
        _acting_agency(fields, text)
    if code in ("unknown", *DECISION_TYPES) and not fields.get("date") and (day := decided_on(text)):
        fields["date"] = day  # (a write-up's 2020年7月17日,茂名市卫生健康局…作出…行政处罚决定)
    if code == "unknown" and stated:
        fields["date"] = stated  # a record's own 处罚决定日期 field dates it, whatever the text is read as
    return Extraction(
        doc_type=code, confidence=confidence, pages=len(doc.pages), entities=entities, events=found,
        fields=fields, abridged=confidence == FRAGMENT or looks_abridged(code, text), needs_ocr=list(doc.needs_ocr),
    )


def _entity(r: Reading, label: str, start: int, end: int, value: Any) -> Entity:
    """An entity found in the compact text, placed at its offsets (and page) in the original."""
    o_start, o_end = r.compact.original_span(start, end)
    return Entity(label, r.compact.text[start:end], value, r.doc.page_of(o_start), o_start, o_end)


def _entities(r: Reading, progress: Callable[[int, int], None] | None) -> list[Entity]:
    """The typed entities of the text (the model's and the patterns'), the law citations, the certificates."""
    from casefile.ingest.extract.pipeline import entity_spans  # loads spaCy (~1 s): only when something is extracted

    text = r.compact.text
    out: list[Entity] = []
    for label, start, end in entity_spans(text, progress):  # in chunks: a 2,000-page text is over spaCy's limit
        check = VALIDATORS.get(label)
        value = check(text[start:end]) if check else text[start:end]
        if value is None:
            continue
        if label in ("DOC_NO", "AGENCY"):  # validators trim a prefix that ran into the previous words
            trimmed = re.sub(r"\s+", "", value) if label == "AGENCY" else trim_doc_no(text[start:end])
            start = end - len(trimmed)
        out.append(_entity(r, label, start, end, value))
    for cit in find_citations(text):
        out.append(_entity(r, "LAW", cit.start, cit.end, cit.to_value()))
    for pat in compiled()["CERT"]:
        for m in pat.finditer(text):
            out.append(_entity(r, "CERT", m.start(1), m.end(1), m.group(1)))
    return out


DECISION_TYPES = ("decision", "no_penalty_decision", "summary_decision")
# papers signed as decisions are (remedies, seal) without being penalty decisions (审计决定书, 行政处理决定书): always (True), or when the
# title says 决定书 (False: a 责令改正违法行为决定书 is one, a 责令限期整改指令书 is not)
DECISION_FORMED = {"audit_decision": True, "handling_decision": True, "rectification_notice": False}
_SEAL_MARK = re.compile(r"[（(](?:[^（）()]{0,20})?(?:印章|盖章|公章)[)）]|sealdwy|年月日")
_LAW_DATE_AFTER = re.compile(r"^(?:[（(]?(?:第[一二三四五六七八九十]+次)?(?:修订|修正|施行|公布|发布|起施行|通过))")


def _undated_seal_fallback(d) -> "dt.date | None":
    """The last date of a decision whose signature is there but undated; None for a text that holds only
    the opening (no remedies, no seal: nothing says the document ends there)."""
    from casefile.ingest.extract.decision import decision_data
    from casefile.ingest.extract.entities import parse_date

    if not d.remedy_span or not _SEAL_MARK.search(d.text, d.remedy_span.start):
        return None
    last = None
    for m in re.finditer(decision_data()["seal"]["date"], d.text):
        if not _LAW_DATE_AFTER.search(d.text[m.end():m.end() + 6]):
            last = parse_date(m.group(0)) or last
    return last


SIGNATURE_TAIL = 120  # characters a signature's date may be followed by (the seal's name, a page footer)


# what may follow a signature's date on its line: nothing, the seal's mark, a short note in brackets, 印发
_SIGNED_LINE_TAIL = re.compile(r"(?:[（(][^（）()]{0,16}[)）]|印章|盖章|公章|印发|发布)?")


def _closes(text: str, entities: list[Entity], day: str, lines: list[str]) -> bool:
    """The date ``day`` closes the text, as a signature's does: little follows its last mention, and it ends
    its line (2019年10月15日,XX公司决定终止… on a page cut short is the narrative's, not a signature)."""
    mentions = [e for e in entities if e.label == "DATE" and e.value == day]
    if not mentions or len(text) - max(e.end for e in mentions) > SIGNATURE_TAIL:
        return False
    last = max(mentions, key=lambda e: e.end).text
    line = next((l for l in reversed(lines) if last in l), "")
    return bool(_SIGNED_LINE_TAIL.fullmatch(line[line.rfind(last) + len(last):].strip()))


def _summary_fields(f: dict[str, Any], text: str) -> None:
    """A page telling of a decision in the third person (XX局对YY公司…作出行政处罚决定): the agency and the
    party it names, and the date it says the decision was made — not the date the summary was signed."""
    from casefile.ingest.extract.agency import official_name, own_name, placed, with_place
    from casefile.ingest.extract.published import summary

    s = summary(text)
    agency = s and (own_name(s["agency"]) or placed(s["agency"], text))  # (区应急管理局: the text's 上虞区应急管理局)
    if not s:
        _acting_agency(f, text)
        return
    if not agency:
        if s:  # (市交通运输综合行政执法支队, its place nowhere written: no agency, the party still named)
            f.setdefault("party", unabbreviated(s["party"], text))
        return
    f.setdefault("agency", official_name(with_place(agency, text)))  # (a news item's 湖南省浏阳市应急管理局)
    f.setdefault("party", unabbreviated(s["party"], text))
    if s.get("date"):
        f["date"] = s["date"]
    else:
        f.pop("date", None)


def _acting_agency(f: dict[str, Any], text: str) -> None:
    """A write-up of a penalty in the third person naming no party (绍兴市上虞区应急管理局行政执法人员对某涂装公司…):
    the agency it names acting, where none was read."""
    from casefile.ingest.extract.agency import official_name, own_name, placed, with_place
    from casefile.ingest.extract.published import acting_agency

    if not f.get("agency") and (acting := acting_agency(text)) and (named := own_name(acting) or placed(acting, text)):
        f["agency"] = official_name(with_place(named, text))


def _reported_fields(f: dict[str, Any], text: str) -> bool:
    """A write-up of a case in the third person that names the decision it tells of: that decision's agency,
    date and 文号 (its own are the page's). False when the text names none."""
    from casefile.ingest.extract.agency import repeated_name
    from casefile.ingest.extract.published import reported

    r = reported(text, repeated_name)
    if not r:
        return False
    f["agency"] = r["agency"]
    f["date"] = r["date"]
    f.pop("text_date", None)
    if r.get("doc_no"):
        f["doc_no"] = r["doc_no"]
    return True


def _seal_date(f: dict[str, Any], d, stated: str | None = None) -> None:
    """The date under the seal of a paper read as a decision (``d``) — else the one a publicity page states
    in its own field (``stated``: 处罚决定日期) — else, for a whole decision whose signature is undated, the
    last date its text states, marked as the text's; none for an opening without its signature."""
    f.pop("text_date", None)
    f.pop("date_source", None)
    if d.seal_date:
        f["date"] = d.seal_date.isoformat()
    elif stated:
        f["date"] = stated
    elif (last := _undated_seal_fallback(d)) is not None:
        # a whole decision whose seal is undated (“年 月 日”, “（XX局印章）” alone): the document is dated by the
        # last date its text states, as a reader dates it — marked date_source "text", so the importer never
        # takes it for the date the decision was made, and kept as text_date too
        f["date"] = f["text_date"] = last.isoformat()
        f["date_source"] = "text"
    else:
        f.pop("date", None)


def _decision_fields(f: dict[str, Any], text: str, stated: str | None = None) -> None:
    """A decision's date (:func:`_seal_date`), and its measures: those of the operative part, each with
    the provisions it rests on."""
    from casefile.ingest.extract.decision import read_decision

    d = read_decision(text)
    _seal_date(f, d, stated)
    f["measures"] = [{"kind": m.kind, "amount": str(m.amount) if m.amount is not None else None,
                      "basis": [b for b in m.basis if b.get("article")]} for m in d.measures]
    fines = [m for m in d.measures if m.kind == "罚款" and m.amount is not None]
    if fines:
        f["fine"] = str(sum((m.amount for m in fines), Decimal(0)))
    else:
        f.pop("fine", None)  # a fine quoted in the narrative (another agency's) is not this decision's
    f["penalty_basis"] = d.penalty_basis
