"""Extracting the case facts from a document's text.

``extract(doc)`` returns an :class:`Extraction`: typed entities with their value,
page and offsets in the original text, the dated acts of the narrative, law
citations, the document type with a confidence, and the header fields
(文号, 机关, 当事人, 决定日期) that the importer fills the case with.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Callable

from casefile.ingest.extract.agency import publisher_agency, self_named_agency, title_agency
from casefile.ingest.extract.citations import Citation, find_citations, normalise_law_name
from casefile.ingest.classify import classify, looks_abridged
from casefile.ingest.extract.entities import (VALIDATORS, bare_party, compiled, inline_party, label_values, parse_date, parse_money,
                                       pattern_data, salutation_party, trim_doc_no)
from casefile.ingest.extract.normalize import compact
from casefile.ingest.textio import ExtractedText

__all__ = ["Extraction", "Entity", "Event", "extract", "extract_text", "find_citations", "normalise_law_name", "Citation"]


@dataclass
class Entity:
    label: str
    text: str
    value: Any
    page: int
    start: int
    end: int


@dataclass
class Event:
    act: str
    date: str
    text: str
    page: int = 1


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


_FINE = re.compile(r"(?<!加处)罚款(?:人民币)?[:：]?((?:\d[\d,]*(?:\.\d{1,2})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))")
_MONEY_RE = r"((?:\d[\d,]*(?:\.\d{1,2})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"
_AMOUNTS = {
    "sales_amount": re.compile(r"销售金额(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
    "goods_value": re.compile(r"货值金额(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
    "illegal_income": re.compile(r"违法所得(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
}
_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_ORG_SUFFIX = re.compile(r"(公司|店|部|厂|中心|院|社|馆|行|所|场|站|工作室|个体工商户）)$")
_BARE_DOC_NO = re.compile(pattern_data()["header"]["bare_doc_no"])
_UNENDED_DOC_NO = re.compile(pattern_data()["header"]["unended_doc_no"])
_BLANK_SIGNATURE = re.compile(pattern_data()["header"]["signature"] + "年月日")
_DATED_SIGNATURE = re.compile(pattern_data()["header"]["signature"] + r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九0]{4})年")
_LAW_DATE = re.compile(pattern_data()["header"]["law_date_suffix"])
_AGENCY_SUFFIX = re.compile(r"(局|委员会|厅|大队|支队|人民政府|管理处|中心|所|办事处)$")
_AGENCY_PART = re.compile(pattern_data()["header"]["agency_part"])
_HEADER_NOTE = re.compile(pattern_data()["header"]["header_note"])


def _broken_header_agency(head: list[str]) -> str:
    """The agency's name broken over two or three lines right above the title (河北省承德市…市场监 / 督管理局 /
    行政处罚决定书; 重庆市 / 沙坪坝 / 区市场监督管理局); "" when the lines above the title are not one."""
    title = next((i for i, l in enumerate(head) if "决定书" in l), None)
    if title is None:
        return ""
    best = ""
    for k in (2, 3):
        parts = head[max(title - k, 0): title]
        if len(parts) < k or not all(_AGENCY_PART.fullmatch(p) and not _HEADER_NOTE.fullmatch(p) for p in parts):
            break
        # a part that is a whole name already is a line of its own (a parent body above the issuing one)
        if any(_AGENCY_SUFFIX.search(p) for p in parts[:-1]) or not _AGENCY_SUFFIX.search(parts[-1]):
            break
        if len("".join(parts)) <= 32:
            best = "".join(parts)
    return best


_SEAL_LINE = re.compile(pattern_data()["header"]["seal_line"])
_SIGNED_DATE = re.compile(r"(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}|[〇○零一二三四五六七八九0]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3})[日号]")


def _signature_agency(lines: list[str]) -> str:
    """The name over the date that ends the document (吴忠市市场监督管理局利通区分局 / （印章） / 2025年09月29日), or ""."""
    for j in range(len(lines) - 1, max(len(lines) - 8, 0), -1):
        if not _SIGNED_DATE.search(lines[j]) or len(lines[j]) > 16:
            continue
        k = j - 1
        while k >= 0 and _SEAL_LINE.fullmatch(lines[k]):
            k -= 1
        if k < 0:
            return ""
        name = lines[k]
        prev = lines[k - 1] if k >= 1 else ""
        # the name broken before its end: 河北省承德市围场满族蒙古族自治县市 / 场监督管理局
        if (len(name) <= 8 and _AGENCY_PART.fullmatch(prev) and not _HEADER_NOTE.fullmatch(prev)
                and not _AGENCY_SUFFIX.search(prev) and len(prev + name) <= 32):
            name = prev + name
        ok = 4 <= len(name) <= 32 and _AGENCY_PART.fullmatch(name) and _AGENCY_SUFFIX.search(name)
        return name if ok else ""
    return ""


def extract_text(text: str, pages: list[str] | None = None) -> Extraction:
    return extract(ExtractedText(path=__import__("pathlib").Path("text.txt"), kind="txt", pages=pages or [text]))


def extract(doc: ExtractedText, progress: Callable[[int, int], None] | None = None) -> Extraction:
    """``progress(characters done, characters in all)``: told as a long text is read in chunks."""
    from casefile.ingest.extract.pipeline import entity_spans  # loads spaCy (~1 s): only when something is extracted

    original = doc.text
    c = compact(original)
    text = c.text

    def ent(label: str, start: int, end: int, value: Any) -> Entity:
        o_start, o_end = c.original_span(start, end)
        return Entity(label, text[start:end], value, doc.page_of(o_start), o_start, o_end)

    entities: list[Entity] = []
    for label, start, end in entity_spans(text, progress):  # in chunks: a 2,000-page text is over spaCy's limit
        check = VALIDATORS.get(label)
        value = check(text[start:end]) if check else text[start:end]
        if value is None:
            continue
        if label in ("DOC_NO", "AGENCY"):  # validators trim a prefix that ran into the previous words
            trimmed = re.sub(r"\s+", "", value) if label == "AGENCY" else trim_doc_no(text[start:end])
            start = end - len(trimmed)
        entities.append(ent(label, start, end, value))
    for cit in find_citations(text):
        entities.append(ent("LAW", cit.start, cit.end, cit.to_value()))
    for pat in compiled()["CERT"]:
        for m in pat.finditer(text):
            entities.append(ent("CERT", m.start(1), m.end(1), m.group(1)))

    lines = [compact(l).text for l in original.splitlines() if l.strip()]
    fields = _masked(_header_fields(lines, entities, text))
    for label, key in (("PARTY", "party"), ("ADDRESS", "address")):
        for value in ([fields[key]] if fields.get(key) else []):
            i = text.find(value)
            if i >= 0:
                entities.append(ent(label, i, i + len(value), value))
    entities.sort(key=lambda e: (e.start, e.label))

    events = _events(text, c, doc)
    code, confidence = classify(lines, text)
    if code in DECISION_TYPES:
        _decision_fields(fields, text)
    return Extraction(
        doc_type=code, confidence=confidence, pages=len(doc.pages), entities=entities, events=events,
        fields=fields, abridged=looks_abridged(code, text), needs_ocr=list(doc.needs_ocr),
    )


_MASK = re.compile(pattern_data()["masked"]["pattern"])
_MASKED_OPERATOR = re.compile(pattern_data()["masked"]["operator"])
_MASKABLE = tuple(pattern_data()["masked"]["fields"])


def _masked(f: dict[str, Any]) -> dict[str, Any]:
    """Header fields written masked in a published version (永清县xx超市, ***, 412**********1X) move to
    ``f["masked"]`` (field -> the text as written): a masked text is never a value to fill a case with."""
    from casefile.model.ids import valid_uscc

    masked: dict[str, str] = {}
    for key in _MASKABLE:
        v = f.get(key)
        if not isinstance(v, str) or not v:
            continue
        if key == "party" and _MASKED_OPERATOR.search(v):
            v = f[key] = _MASKED_OPERATOR.sub("", v)  # the masked operator is not part of the shop's name
            if not _MASK.search(v):
                continue
        if key == "uscc" and valid_uscc(v):
            continue  # a code whose check digit holds is not masked (X is one of its letters)
        if _MASK.search(v):
            masked[key] = v
            del f[key]
    if masked:
        f["masked"] = masked
    return f


DECISION_TYPES = ("decision", "no_penalty_decision", "summary_decision")


def _decision_fields(f: dict[str, Any], text: str) -> None:
    """A decision's date is the one under its seal — none when the signature is undated — and its
    measures are those of the operative part, each with the provisions it rests on."""
    from casefile.ingest.extract.decision import read_decision

    d = read_decision(text)
    if d.seal_date:
        f["date"] = d.seal_date.isoformat()
    else:
        f.pop("date", None)
    f["measures"] = [{"kind": m.kind, "amount": str(m.amount) if m.amount is not None else None,
                      "basis": [b for b in m.basis if b.get("article")]} for m in d.measures]
    fines = [m for m in d.measures if m.kind == "罚款" and m.amount is not None]
    if fines:
        f["fine"] = str(sum((m.amount for m in fines), Decimal(0)))
    else:
        f.pop("fine", None)  # a fine quoted in the narrative (another agency's) is not this decision's
    f["penalty_basis"] = d.penalty_basis


_OTHER_PAPER = re.compile(pattern_data()["header"]["other_paper"])


_OWN_NUMBER = re.compile(pattern_data()["header"]["own_number"])


def _numbers_other_paper(line: str, doc_no: str) -> bool:
    """A 文号 written right after another paper's title (…送达了《行政处罚告知书》（…告字〔2024〕44号）);
    not the decision's own number given after its title (公告送达《行政处罚决定书》，文书号为：…)."""
    before = line[: line.find(doc_no)]
    return bool(_OTHER_PAPER.search(before)) and not _OWN_NUMBER.search(before)


def _head(lines: list[str]) -> list[str]:
    """The decision's first twelve lines; a published page whose menus and index fields push the title
    further down (索引号 / 发布机构 / … / XX局行政处罚决定书 XX罚〔2025〕10号) starts three lines above it."""
    if any("决定书" in l for l in lines[:12]):
        return lines[:12]
    title = next((i for i, l in enumerate(lines[12:30], 12) if "决定书" in l and len(l) <= 60 and not re.search(r"[:：，,。；;]", l)), None)
    return lines[:12] if title is None else lines[title - 3: title + 12]


def _line_doc_no(line: str) -> str:
    """The 文号 inside one line: matched on the line, not on the text the lines were joined into (where a
    menu's last word runs into it: …通知公告>正文建市罚字〔2012〕第21号)."""
    for pat in compiled()["DOC_NO"]:
        for m in pat.finditer(line):
            value = VALIDATORS["DOC_NO"](m.group(0))
            if value and not _numbers_other_paper(line, m.group(0)):
                return value
    return ""


def _header_fields(lines: list[str], entities: list[Entity], text: str) -> dict[str, Any]:
    f: dict[str, Any] = {}
    head = _head(lines)
    doc_nos = [e for e in entities if e.label == "DOC_NO"]
    # a 文号 heading its line (or the line's title) first; one inside a long narrative line (a licence's
    # 农种许字〔2017〕第001号) only when no other is found
    for line in head:
        own = _line_doc_no(line) or next((e.value for e in doc_nos if e.text in line and not _numbers_other_paper(line, e.text)), "")
        if own and line.find(own[:4]) < 40:
            f["doc_no"] = own
            break
    else:
        # a 文号 broken over the head's lines (（甘）市监罚〔2025〕 / 192号); further down, 文号 number other
        # papers (《行政处罚告知书》（永市监高罚告〔2024〕0020号）, 责令改正通知书), not the decision
        joined = "".join(head)
        m = next((e for e in doc_nos if e.text in joined and not any(e.text in line for line in head)
                  and not _numbers_other_paper(joined, e.text)), None)
        if m:
            f["doc_no"] = m.value
        else:
            # some bureaus write only the serial number under the title (行政处罚决定书 / 294), or the
            # number without its 号 (州农(种子) 罚〔2020 〕 2)
            under = [head[i + 1] for i, l in enumerate(head[:-1]) if l.endswith("决定书")]
            if under and _BARE_DOC_NO.fullmatch(under[0]):
                f["doc_no"] = under[0]
            elif unended := next((u for u in under if _UNENDED_DOC_NO.fullmatch(u)), ""):
                f["doc_no"] = VALIDATORS["DOC_NO"](unended + "号").removesuffix("号")
            elif narrated := next((own for line in head if (own := _line_doc_no(line))), ""):
                f["doc_no"] = narrated
    # the name broken over the lines above the title, or written in the title line (…局行政处罚决定书)
    titled = _broken_header_agency(head[:7]) or title_agency(head)
    if titled:
        f["agency"] = titled
    for i, line in enumerate(head[:6] if not titled else ()):
        candidate = re.sub(r"^执法机关代码[:：]?\w*", "", line)
        # a second name in brackets after the agency's, perhaps cut by the line's end: …市场监督管理局（福州市长乐区
        if _AGENCY_SUFFIX.search(alone := re.sub(r"[（(][^（）()]*[)）]?$", "", candidate)):
            candidate = alone
        nxt = head[i + 1] if i + 1 < len(head) else ""
        # a header broken over two lines: 重庆市沙坪坝 / 区市场监督管理局
        if (re.fullmatch(r"[\u4e00-\u9fa5]{2,14}", candidate) and not _AGENCY_SUFFIX.search(candidate) and _AGENCY_SUFFIX.search(nxt)
                and "决定书" not in candidate and len(candidate + nxt) <= 32 and "：" not in nxt
                and (re.search(r"[省市县区州旗盟]$", candidate) or re.match(r"[区县市]", nxt))):
            candidate = candidate + nxt
        if 4 <= len(candidate) <= 32 and _AGENCY_SUFFIX.search(candidate) and "：" not in candidate and ":" not in candidate:
            f["agency"] = candidate
            break
    if "agency" not in f and (signed := _signature_agency(lines)):
        f["agency"] = signed
    if "agency" not in f and (named := publisher_agency(lines[:24]) or self_named_agency(text)):
        # not any agency the text mentions (县级以上人民政府 in a quoted article, the 复议机关): its own name or none
        # (a page's fields, read down to its 24th line: menus may push the title below the head)
        f["agency"] = named
    parties = label_values(lines, "PARTY")
    if parties:
        f["party"] = parties[0][1]
    elif inline := inline_party(text):
        f["party"] = inline
    elif saluted := salutation_party(head):
        f["party"] = saluted
    elif unlabelled := bare_party(lines[:30]):
        f["party"] = unlabelled
    elif "doc_no" in f:
        # no label: some bureaus put the party's name on the line after the 文号 (当事人福建水投集团…公司，系…)
        # (a page title may carry the 文号 too: the line after any of its lines)
        for at in (i for i, l in enumerate(head[:-1]) if f["doc_no"][-6:] in l):
            first = re.split(r"[；;，,：:]", re.sub(r"^当事人", "", head[at + 1]))[0]
            if 4 <= len(first) <= 40 and _ORG_SUFFIX.search(first):
                f["party"] = first
                break
    addresses = label_values(lines, "ADDRESS")
    if addresses:
        f["address"] = addresses[0][1]
    usccs = [e for e in entities if e.label == "USCC"]
    ids = [e for e in entities if e.label == "ID_CARD"]
    if usccs:
        f["uscc"] = usccs[0].value
    if ids:
        f["id_card"] = ids[0].text
    # the fine: “罚款人民币伍万元”/“罚款50000元” in the operative part (after 决定/如下)
    op = max(text.rfind("如下行政处罚"), text.rfind("决定如下"), text.rfind("处罚如下"), 0)
    fines = [m for m in _FINE.finditer(text, op)]
    if fines:
        v = parse_money(fines[0].group(1))
        if v is not None:
            f["fine"] = str(v)
    # the penalty provisions: citations after the last “依据” before the operative part
    basis_at = text.rfind("依据", 0, op if op else len(text))
    if basis_at >= 0:
        window = text[basis_at: basis_at + 200]
        f["penalty_basis"] = [c.to_value() for c in find_citations(window) if c.article]
    for key, pat in _AMOUNTS.items():
        m = pat.search(text)
        if m:
            v = parse_money(m.group(1))
            if v is not None:
                f[key] = str(v)
    m = re.search(r"送达文书(?:名称)?[:：]?《?([^》\n]{2,20}?(?:决定书|告知书|通知书))", text)
    if m:
        f["served_doc"] = m.group(1)
    dates = [e for e in entities if e.label == "DATE"]
    # a date written just before a law's 修订/施行 marker is the law's, not the case's: the texts that
    # end at a marker, one per date length (not every date against every marker: a 20 MB text has thousands)
    law_at = [m.start() for m in _LAW_DATE.finditer(text)]
    lengths = {len(e.text) for e in dates}
    before_law = {text[max(0, i - n):i] for i in law_at for n in lengths}
    law_dates = {e.value for e in dates if e.text in before_law}
    dates = [e for e in dates if e.value not in law_dates]
    unsigned = _BLANK_SIGNATURE.search(text) and not _DATED_SIGNATURE.search(text)
    if dates and not unsigned:
        # the date under the seal ends the document
        f["date"] = max(dates, key=lambda e: e.start).value
    return f


# an act done that day (我局于当日立案, 本局当日予以立案), not a thing of an act's day (现场检查当日的截图)
_RELATIVE_DAY = re.compile(r"(?:于|局|机关|并|即|，|,|^)(?:当日|当天|同日|次日)(?!的)")


def _events(text: str, c, doc: ExtractedText) -> list[Event]:
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
