"""The facts of a whole dossier, each with where it was read (document, page, quoted text).

An imported dossier states its facts many times over: the 案由 in the 立案审批表, the land
and its area in the 现场笔录, 询问笔录 and 调查终结报告, the amounts in the 决定书, the
head's approval in whatever form the agency uses. ``document_facts`` reads one document
(table forms and narrative alike) into :class:`Fact` items; :class:`DossierFacts` holds
them for the whole file, gives the case one value per fact and names every pair of
documents that disagree. The words agencies use are data (``casefile/data/facts.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from casefile.model.ids import valid_id_card, valid_uscc


@lru_cache(maxsize=None)
def _x(module: str, name: str):
    """A function of the extract package, imported when first called (then kept): the names of document
    types and case fields (every screen and command) must not load the extractor and its patterns (0.04 s)."""
    import importlib

    return getattr(importlib.import_module(f"casefile.ingest.extract.{module}"), name)


def parse_date(*args: Any, **kwargs: Any) -> Any:
    return _x("entities", "parse_date")(*args, **kwargs)


def parse_money(*args: Any, **kwargs: Any) -> Any:
    return _x("entities", "parse_money")(*args, **kwargs)


def compact(*args: Any, **kwargs: Any) -> Any:
    return _x("normalize", "compact")(*args, **kwargs)


VERSION = "facts-3"  # cache key: bump when what a document yields changes

_MONEY = r"((?:\d[\d,]*(?:\.\d{1,2})?\s*万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"
_SENT_END = "。；;！？\n"
_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]")
_ANY_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}")
# the date, then within the same clause the words 立案 (not 受案, not the 立案审批 of a form's heading)
_FILED = re.compile(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[，,]?[^。；，,]{0,24}?(?:予以立案|决定立案|立案调查|立案查处|依法立案)")


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    with (resources.files("casefile") / "data" / "facts.toml").open("rb") as f:
        return tomllib.load(f)


@dataclass
class Fact:
    key: str  # party, uscc, id_card, address, cause, officer, head, legal_review, discussion, land, fine, …
    value: Any
    doc: str  # the stored file (or the imported file's name)
    title: str  # the document's Chinese name, 《》 left off
    page: int
    text: str  # the words it was read from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def where(self) -> dict[str, Any]:
        return {"doc": self.doc, "page": self.page, "text": self.text}


# -- reading one document -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def _label_re() -> tuple[re.Pattern, dict[str, str]]:
    owner: dict[str, str] = {}
    for key, words in data()["labels"].items():
        for w in words:
            owner.setdefault(w, key)
    alt = "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True))
    return re.compile(rf"({alt})\s*([:：])?"), owner


def _fold(s: str) -> str:
    return compact(s).text


def _pieces(line: str) -> list[str]:
    """A table row's cells, or a form line's runs separated by wide spaces."""
    return [p for p in (_fold(x) for x in re.split(r"\t|\s{2,}|\u3000+", line)) if p]


def _labelled(lines: list[str]) -> Iterable[tuple[str, str, str]]:
    """(key, value, quoted text) for every “标签：内容” and table cell pair."""
    pat, owner = _label_re()
    flat: list[tuple[int, str]] = []  # (line number, piece)
    for n, line in enumerate(lines):
        for p in _pieces(line):
            flat.append((n, p))
    i = 0
    while i < len(flat):
        n, piece = flat[i]
        m = pat.match(piece)
        # “标签：内容”, or a table cell that is the label alone (its value in the next cell)
        if not m or not (m.group(2) or piece == m.group(1)):
            i += 1
            continue
        key = owner[m.group(1)]
        value = piece[m.end():]
        if not value:
            # the value is the next cell, or the next line (a label alone on its line)
            if i + 1 < len(flat) and not (pat.match(flat[i + 1][1]) and (pat.match(flat[i + 1][1]).group(2) or pat.fullmatch(flat[i + 1][1]))):
                value = flat[i + 1][1]
                i += 1
        else:
            # more labels run on in one piece: 当事人：某公司统一社会信用代码：9133…
            inner = [mm for mm in pat.finditer(value) if mm.start() > 0 and mm.group(2)]
            if inner:
                rest = value[inner[0].start():]
                value = value[: inner[0].start()]
                flat.insert(i + 1, (n, rest))
        if value:
            yield key, value, piece if len(piece) > len(m.group(1)) + 1 else f"{m.group(1)}：{value}"
        i += 1


def _clean_party(v: str) -> str:
    v = re.split(r"[，,；;。（(]?(?:统一社会信用代码|社会信用代码|法定代表人|负责人|住所|地址|身份证|性别|联系电话|经营者)", v)[0]
    v = re.split(r"[，,；;。]", v)[0]
    return v.strip("：: ")


def conclusion(text: str) -> str:
    """同意 / 不同意 / "" for an opinion's words."""
    c = data()["conclusion"]
    if any(w in text for w in c["reject"]):
        return "不同意"
    if any(w in text for w in c["approve"]):
        return "同意"
    return ""


def _ident(kind: str, raw: str) -> dict[str, Any]:
    v = raw.strip().upper().replace("＊", "*")
    if "*" in v:
        return {"number": v, "status": "已隐去"}
    ok = valid_uscc(v) if kind == "uscc" else valid_id_card(v)
    if ok:
        return {"number": v, "status": "正确"}
    if re.search(r"X{3,}", v):
        return {"number": v, "status": "已隐去"}  # 92131026MA08XXXXXX: hidden with X, not a wrong code
    if kind == "uscc" and (len(v) != 18 or not re.fullmatch(r"[0-9A-HJ-NPQRTUWXY]{18}", v)):
        return {"number": v, "status": "格式错误"}
    if kind == "id_card" and not re.fullmatch(r"\d{17}[\dX]", v):
        return {"number": v, "status": "格式错误"}
    return {"number": v, "status": "校验位错误"}


def _find_ident(kind: str, value: str) -> str:
    m = re.search(data()["ids"][kind], value)
    return m.group(0) if m else ""


_CERT = re.compile(r"([\u4e00-\u9fa5]{2,4})[（(，,]?\s*(?:行政执法证|执法证件|执法证|(?<!身份)证件|(?<!身份)证)(?:号码|编号|号)?[:：]?\s*([A-Za-z]{0,3}\d{6,20})(?![\d*＊])")
# “执法证号：33112600101、33112600102”: several numbers behind one label
_CERT_LIST = re.compile(r"(?:行政执法证|执法证件|执法证)(?:号码|编号|号)?[:：分别为是]*\s*((?:[A-Za-z]{0,3}\d{6,20}[、，,和及\s]*){2,})")


def _units() -> dict[str, Decimal]:
    return {u: Decimal(f) for u, f in data()["land"]["units"].items()}


@lru_cache(maxsize=1)
def _area_re() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted(_units(), key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*({units})")


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, str]]:
    out = []
    for k in data()["land_kinds"]:
        for w in k["words"]:
            out.append((w, k["kind"]))
    return sorted(out, key=lambda x: -len(x[0]))


def _land_kind_near(text: str, start: int, end: int) -> str:
    """The land kind written nearest before the area (same sentence), else just after it."""
    left = text[max(0, start - 30): start]
    cut = max(left.rfind(c) for c in _SENT_END)
    left = left[cut + 1:]
    best, at = "", -1
    negated = re.compile(data()["land"]["negations"])
    for w, kind in _kind_words():
        i = left.rfind(w)
        if i > at and not negated.search(left[:i]):  # 不涉及永久基本农田 is not 基本农田
            best, at = kind, i
    if best:
        return best
    right = text[end: end + 16]
    # after the number only its own clause: “占用土地12000平方米，其中耕地3000平方米” is not 12000 of 耕地
    cut = min([right.find(c) for c in _SENT_END + "，," if c in right] or [len(right)])
    right = right[:cut]
    first, at = "", len(right) + 1
    for w, kind in _kind_words():
        i = right.find(w)
        if 0 <= i < at and not negated.search(right[:i]):
            first, at = kind, i
    return first


def _areas(text: str) -> list[tuple[Decimal, str, str, int]]:
    """(m², land kind, quote, offset) for each area of land in the text."""
    land = data()["land"]
    out = []
    units = _units()
    for m in _area_re().finditer(text):
        before = text[max(0, m.start() - 24): m.start()]
        around = text[max(0, m.start() - 8): m.end() + 6]
        if any(w in around for w in land["not_context"]) or before.endswith(("每", "单价")):
            continue
        if not any(w in before or w in text[m.end(): m.end() + 12] for w in land["context"]):
            continue
        try:
            m2 = (Decimal(m.group(1)) * units[m.group(2)]).quantize(Decimal("0.01"))
        except (InvalidOperation, KeyError):
            continue
        kind = _land_kind_near(text, m.start(), m.end())
        out.append((m2, kind, text[max(0, m.start() - 16): m.end() + 4], m.start()))
    # “占用土地2400平方米（合3.6亩），地类为一般耕地”: the sentence names one land kind and no area of
    # its own beside it, so the kind is that of the area
    explicit = [o[1] for o in out]
    for i, (m2, kind, quote, at) in enumerate(out):
        if kind:
            continue
        s0 = max([text.rfind(c, 0, at) for c in _SENT_END] + [-1]) + 1
        ends = [text.find(c, at) for c in _SENT_END if text.find(c, at) >= 0]
        s1 = min(ends) if ends else len(text)
        if any(k for o, k in zip(out, explicit) if s0 <= o[3] < s1):
            continue
        sentence = text[s0:s1]
        kinds = {k for w, k in _kind_words() if w in sentence}
        if len(kinds) == 1:
            out[i] = (m2, kinds.pop(), quote, at)
    return out


def _amount_patterns() -> dict[str, re.Pattern]:
    a = data()["amounts"]
    out = {}
    for key in ("goods_value", "sales_amount", "illegal_income"):
        words = "|".join(re.escape(w) for w in sorted(a[key], key=len, reverse=True))
        out[key] = re.compile(rf"(?:{words}){a['joiners']}{_MONEY}")
    return out


_AMOUNT_RES: dict[str, re.Pattern] = {}
_MEASURE_RES: dict[str, list[re.Pattern]] = {}


def _measure_patterns() -> dict[str, list[re.Pattern]]:
    if not _MEASURE_RES:
        for key, pats in data()["measures"].items():
            _MEASURE_RES[key] = [re.compile(p.replace("MONEY", _MONEY[1:-1])) for p in pats]
    return _MEASURE_RES


def _page_of(offsets: list[int], at: int) -> int:
    page = 1
    for i, o in enumerate(offsets, 1):
        if at >= o:
            page = i
    return page


def document_facts(doc: str, doc_type: str, title: str, pages: list[str]) -> list[Fact]:
    """Every fact one document states, with page and quote."""
    out: list[Fact] = []

    def add(key: str, value: Any, page: int, text: str) -> None:
        out.append(Fact(key, value, doc, title, page, text[:160]))

    # labelled values, page by page (tables and forms)
    for pno, page in enumerate(pages, 1):
        lines = [l for l in page.splitlines() if l.strip()]
        for key, value, quote in _labelled(lines):
            if key == "party":
                v = _clean_party(value)
                if 2 <= len(v) <= 40 and not re.search(r"\d{6}", v):
                    add("party", v, pno, quote)
            elif key in ("uscc", "id_card"):
                raw = _find_ident(key, value)
                if raw:
                    add(key, _ident(key, raw), pno, quote)
            elif key == "address":
                v = re.split(r"[，,；;。]|联系电话|电话|邮编|法定代表人", value)[0].strip()
                if len(v) >= 4:
                    add("address", v, pno, quote)
            elif key == "cause":
                v = re.split(r"[。；;]", value)[0].strip()
                if 4 <= len(v) <= 80:
                    add("cause", v, pno, quote)
            elif key in ("head", "legal_review", "discussion"):
                c = conclusion(value)
                if c:
                    add(key, c, pno, quote)
            elif key == "filing_date":
                m = _ANY_DATE.search(value)
                d = parse_date(m.group(0)) if m else None
                if d:
                    add("filing_date", d.isoformat(), pno, quote)
            elif key == "officers":
                for name, cert in _CERT.findall(value):
                    add("officer", {"name": name, "certificate": cert}, pno, quote)
    # the running text of the whole document (compacted: PDFs break lines inside words)
    texts = [_fold(p) for p in pages]
    offsets, acc = [], 0
    for t in texts:
        offsets.append(acc)
        acc += len(t)
    text = "".join(texts)
    # identifiers written in the narrative (当事人某某，统一社会信用代码：…)
    have_ids = {f.value["number"] for f in out if f.key in ("uscc", "id_card")}
    for kind, lab in (("uscc", r"(?:统一社会信用代码|社会信用代码|信用代码)"), ("id_card", r"(?:公民身份号码|身份证号码|身份证号|身份证件号码)")):
        for m in re.finditer(lab + r"(?:为|是|：|:)?\s*(" + data()["ids"][kind].replace("(?<![0-9A-Za-z])", "").replace("(?<![0-9A-Za-z*])", "") + ")", text):
            v = _ident(kind, m.group(1))
            if v["number"] not in have_ids:
                have_ids.add(v["number"])
                add(kind, v, _page_of(offsets, m.start()), text[m.start(): m.end()])
    for name, cert in _CERT.findall(text):
        if not any(f.key == "officer" and f.value["certificate"] == cert for f in out):
            add("officer", {"name": name, "certificate": cert}, 1, f"{name}（{cert}）")
    for m in _CERT_LIST.finditer(text):
        for cert in re.findall(r"[A-Za-z]{0,3}\d{6,20}", m.group(1)):
            if not any(f.key == "officer" and f.value["certificate"] == cert for f in out):
                add("officer", {"name": "", "certificate": cert}, _page_of(offsets, m.start()), m.group(0))
    for m in re.finditer(data()["conclusion"]["narrative_head"][0], text):
        if conclusion(m.group(0)) != "不同意":
            add("head", "同意", _page_of(offsets, m.start()), m.group(0))
    # “2026年3月2日，本局对当事人……立案调查”: the 立案 date as a narrative states it
    if doc_type in NARRATIVES:
        for m in _FILED.finditer(text):
            d = parse_date(m.group(1))
            if d:
                add("filing_date", d.isoformat(), _page_of(offsets, m.start()), m.group(0))
    # land and its area
    for m2, kind, quote, at in _areas(text):
        add("land", {"m2": str(m2), "kind": kind}, _page_of(offsets, at), quote)
    # amounts
    if not _AMOUNT_RES:
        _AMOUNT_RES.update(_amount_patterns())
    for key, pat in _AMOUNT_RES.items():
        for m in pat.finditer(text):
            pre = text[max(0, m.start() - 3): m.start()]
            if pre.endswith(("无", "没有", "未")):
                continue
            v = parse_money(re.sub(r"\s", "", m.group(1)))
            if v is not None:
                add(key, str(v), _page_of(offsets, m.start()), m.group(0))
    # measures: in the operative part of a decision, or anywhere in other papers
    op = max(text.rfind("决定如下"), text.rfind("如下行政处罚"), text.rfind("处罚如下"), text.rfind("处罚决定如下"))
    for key, pats in _measure_patterns().items():
        for pat in pats:
            for m in pat.finditer(text, op if op > 0 and doc_type == "decision" else 0):
                value: Any = True
                if m.groups():
                    v = parse_money(re.sub(r"\s", "", m.group(1)))
                    if v is None:
                        continue
                    value = str(v)
                add(f"measure:{key}", value, _page_of(offsets, m.start()), m.group(0))
    m = re.search(r"每平方米(?:人民币)?(\d+(?:\.\d+)?)元", text)
    if m:
        add("fine_rate_m2", m.group(1), _page_of(offsets, m.start()), text[max(0, m.start() - 10): m.end() + 6])
    # laws cited (for the sector)
    for m in re.finditer(r"《(?:中华人民共和国)?([^《》]{2,30})》", text):
        add("law", m.group(1), _page_of(offsets, m.start()), m.group(0))
    # the case's name in a title or narrative: “关于某某涉嫌非法占用土地一案”
    m = re.search(r"(涉嫌[\u4e00-\u9fa5、“”]{4,40}?)(?:一案|案件|案)", text)
    if m:
        add("cause", m.group(1), _page_of(offsets, m.start()), m.group(0))
    for pat in data()["referral"]["done"]:
        for m in re.finditer(pat, text):
            left = text[max(0, m.start() - 30): m.start()]
            if re.search(r"(?:的|应当|应|依法|涉嫌犯罪)$", left) or "涉嫌犯罪的" in left:
                continue  # a warning that cases will be referred, not a referral
            add("referred", True, _page_of(offsets, m.start()), text[max(0, m.start() - 20): m.end()])
    return out


# -- the whole dossier -------------------------------------------------------------------------------
# which documents speak with most authority on a fact (the decision first)
_AUTHORITY = ["decision", "decision_approval", "investigation_report", "penalty_notice", "filing_approval", "legal_review_opinion",
              "collective_discussion", "onsite_record", "inquiry_record", "hearing_report", "hearing_record", "service_receipt"]
# papers whose narrative states the course of the case
NARRATIVES = ("decision", "investigation_report", "decision_approval", "penalty_notice", "legal_review_opinion", "collective_discussion")
# records of what was said or seen: the interviewee's own details, first estimates
RECORDS = ("inquiry_record", "onsite_record", "hearing_record", "statement_record", "evidence_material", "evidence_extraction")
# where the head's approval stands for the §57 review of the decision (not the 立案 approval)
DECISION_PAPERS = ("decision_approval", "legal_review_opinion", "investigation_report", "collective_discussion", "hearing_report", "unknown")


@dataclass
class DossierFacts:
    docs: list[tuple[str, str, str, list[Fact]]] = field(default_factory=list)  # (doc, doc_type, title, facts)

    def add(self, doc: str, doc_type: str, title: str, facts: list[Fact]) -> None:
        self.docs.append((doc, doc_type, title, facts))

    def _ordered(self) -> list[tuple[str, str, str, list[Fact]]]:
        rank = {t: i for i, t in enumerate(_AUTHORITY)}
        return sorted(self.docs, key=lambda d: rank.get(d[1], len(rank)))

    def all(self, key: str, types: Iterable[str] | None = None) -> list[tuple[str, Fact]]:
        """(doc_type, fact) for every fact under key, the most authoritative documents first."""
        ts = set(types) if types else None
        return [(t, f) for _, t, _, fs in self._ordered() if ts is None or t in ts for f in fs if f.key == key]

    def first(self, key: str, types: Iterable[str] | None = None) -> Fact | None:
        xs = self.all(key, types)
        return xs[0][1] if xs else None

    # -- derived facts --------------------------------------------------------------------------------
    def sector(self, agency: str, sectors: dict[str, Any] | None = None) -> tuple[str, str]:
        """(sector, why): from the agency's name, else from the laws the documents cite."""
        sectors = sectors or data()["sectors"]
        for name, s in sectors.items():
            if agency and any(w in agency for w in s["agency"]):
                return name, f"执法机关“{agency}”"
        counts: dict[str, int] = {}
        for _, f in self.all("law"):
            for name, s in sectors.items():
                if any(f.value == w or f.value.endswith(w) for w in s["laws"]):
                    counts[name] = counts.get(name, 0) + 1
        if counts:
            best = max(counts, key=lambda k: counts[k])
            return best, f"所引法律（{best}领域）"
        return "", ""

    def land(self) -> dict[str, Any]:
        """The area occupied (m²), per land kind, from the documents that state it most fully."""
        by_doc: dict[str, list[Fact]] = {}
        for _, f in self.all("land"):
            by_doc.setdefault(f.doc, []).append(f)
        if not by_doc:
            return {}
        rank = {t: i for i, t in enumerate(_AUTHORITY)}
        types = {d: t for d, t, _, _ in self.docs}
        doc = min(by_doc, key=lambda d: (rank.get(types.get(d, ""), 99), -len(by_doc[d])))
        fs = by_doc[doc]
        total = max(fs, key=lambda f: Decimal(f.value["m2"]))
        kinds: dict[str, Fact] = {}
        for d in [doc] + [x for x in by_doc if x != doc]:
            for f in by_doc[d]:
                k = f.value["kind"]
                if k and (k not in kinds or (d == doc and Decimal(f.value["m2"]) > Decimal(kinds[k].value["m2"]))):
                    if k in kinds and kinds[k].doc == doc and d != doc:
                        continue
                    kinds[k] = f
        return {"total": total, "kinds": kinds}

    def head_approved(self) -> Fact | None:
        """The head's approval of the decision (行政处罚法第五十七条), in whatever paper it is written."""
        for t, f in self.all("head", DECISION_PAPERS):
            if f.value == "同意":
                return f
        return None

    def identifiers(self) -> list[Fact]:
        return [f for _, f in self.all("uscc")] + [f for _, f in self.all("id_card")]

    def disagreements(self) -> list[dict[str, Any]]:
        """Pairs of documents that state one fact differently: (what, fact a, fact b).

        Records of what someone said or saw (询问笔录, 现场笔录, 听证笔录) carry the interviewee's own
        address and number and first estimates; only the party's name and code are compared there."""
        out = []
        formal = [d for d, t, _, _ in self.docs if t not in RECORDS]
        out += self._pairs("party", "当事人", _same_text)
        out += self._pairs("uscc", "统一社会信用代码", _same_id)
        if not self.all("uscc"):
            out += self._pairs("id_card", "身份证号码", _same_id, docs=formal)
        out += self._pairs("address", "住所（住址）", _same_text, docs=formal)
        for key, label in (("goods_value", "货值金额"), ("sales_amount", "销售金额"), ("illegal_income", "违法所得")):
            out += self._pairs(key, label, lambda a, b: Decimal(a) == Decimal(b), single=True, docs=formal)
        out += self._area_pairs(formal)
        out += self._filing_pairs()
        return out

    def _filing_pairs(self) -> list[dict[str, Any]]:
        """The 立案 date written on the 立案审批表 against the date a narrative gives it."""
        stated = [f for t, f in self.all("filing_date") if t == "filing_approval"]
        if not stated:
            return []
        told = [f for t, f in self.all("filing_date") if t in NARRATIVES]
        seen = set()
        out = []
        for f in told:
            if f.value != stated[0].value and f.doc not in seen:
                seen.add(f.doc)
                out.append({"what": "立案日期", "a": stated[0], "b": f})
        return out

    def _pairs(self, key: str, label: str, same, single: bool = False, docs: list[str] | None = None) -> list[dict[str, Any]]:
        per_doc: dict[str, list[Fact]] = {}
        for _, f in self.all(key):
            if docs is None or f.doc in docs:
                per_doc.setdefault(f.doc, []).append(f)
        if single:
            # a document that states several amounts (per product, per year) is not compared
            per_doc = {d: fs for d, fs in per_doc.items() if len({f.value for f in fs}) == 1}
        docs = list(per_doc)
        out = []
        reported = set()
        for i, a in enumerate(docs):
            fa = per_doc[a][0]
            for b in docs[i + 1:]:
                fb = per_doc[b][0]
                if any(same(_val(fa), _val(x)) for x in per_doc[b]) or any(same(_val(fb), _val(x)) for x in per_doc[a]):
                    continue
                pair = (_val(fa), _val(fb))
                if pair in reported:
                    continue
                reported.add(pair)
                out.append({"what": label, "a": fa, "b": fb})
        return out

    def _area_pairs(self, only: list[str]) -> list[dict[str, Any]]:
        per_doc: dict[str, list[Fact]] = {}
        for _, f in self.all("land"):
            if f.doc in only:
                per_doc.setdefault(f.doc, []).append(f)
        docs = list(per_doc)
        out = []
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                ma = max(per_doc[a], key=lambda f: Decimal(f.value["m2"]))
                mb = max(per_doc[b], key=lambda f: Decimal(f.value["m2"]))
                if _near_any(ma, per_doc[b]) or _near_any(mb, per_doc[a]):
                    continue
                out.append({"what": "占地面积", "a": ma, "b": mb})
        return out


def _val(f: Fact) -> Any:
    return f.value["number"] if isinstance(f.value, dict) and "number" in f.value else f.value


def _norm(s: str) -> str:
    return re.sub(r"[\s，,。；;：:（）()“”\"'、·\-—]", "", s)


_ORG = re.compile(r"(公司|店|厂|部|中心|合作社|场|站|所|社|行|馆|院|超市|经营户|工作室|企业|集团|委员会)")


def _same_text(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if "*" in a or "*" in b or "某" in a or "某" in b:
        return True  # published copies hide names
    if bool(_ORG.search(a)) != bool(_ORG.search(b)):
        return True  # a person beside an organisation: its operator or representative, not another party
    return a == b or (len(a) >= 4 and len(b) >= 4 and (a in b or b in a))


def _same_id(a: str, b: str) -> bool:
    if "*" in a or "*" in b:
        # a masked number agrees with one whose visible digits match
        return len(a) == len(b) and all(x == y or "*" in (x, y) for x, y in zip(a, b))
    return a == b


def _near_any(f: Fact, others: list[Fact]) -> bool:
    v = Decimal(f.value["m2"])
    return any(abs(Decimal(o.value["m2"]) - v) <= max(Decimal("1"), v * Decimal("0.02")) for o in others)


def area_mu(m2: Decimal) -> Decimal:
    return (m2 * Decimal(15) / Decimal(10000)).quantize(Decimal("0.01"))


# -- reading a stored dossier (cached per document) ------------------------------------------------
def load(case_dir, register) -> DossierFacts:
    """The facts of every document in a case's register; each document is read once, then cached by its hash."""
    from casefile.store import documents
    from casefile.ingest.textio import read_document

    out = DossierFacts()
    for rec in register.documents:
        hit = documents.read_cache(case_dir, rec.sha256, VERSION) if rec.sha256 else None
        if hit is None:
            try:
                pages = read_document(case_dir / rec.file).pages
            except Exception:  # noqa: BLE001 - an unreadable document states no facts; the documents rules say why
                pages = []
            facts = document_facts(rec.file, rec.doc_type, rec.title or rec.name, pages)
            if rec.sha256:
                documents.write_cache(case_dir, rec.sha256, [f.to_dict() for f in facts], VERSION)
        else:
            facts = [Fact(**d) for d in hit]
        out.add(rec.file, rec.doc_type, rec.title or rec.name, facts)
    return out


def from_texts(docs: Iterable[tuple[str, str, str, list[str]]]) -> DossierFacts:
    """The facts of documents given as (name, doc_type, title, pages)."""
    out = DossierFacts()
    for name, doc_type, title, pages in docs:
        out.add(name, doc_type, title, document_facts(name, doc_type, title, pages))
    return out


# -- filling a case from its dossier ---------------------------------------------------------------
def apply(case, df: DossierFacts) -> list[str]:
    """Fill the case's empty facts from the dossier; what was filled, by field name. Nothing is overwritten."""
    from casefile.model import Act, ActKind, Measure, PartyKind

    filled: list[str] = []
    v = case.violation
    if not case.sector:
        sector, _why = df.sector(case.agency)
        if sector:
            case.sector = sector
            filled.append("sector")
    if case.case_type.value not in data().get("violation_case_types", [case.case_type.value]):
        return filled + _party_and_officers(case, df)
    if not v.cause:
        labelled = [f for t, f in df.all("cause") if "：" in f.text or ":" in f.text]
        f = labelled[0] if labelled else df.first("cause")
        if f:
            v.cause = f.value
            filled.append("violation.cause")
    land = df.land()
    if land and v.area_m2 is None:
        total = land["total"]
        v.area_m2 = Decimal(total.value["m2"])
        filled.append("violation.area_m2")
        kinds = land["kinds"]
        # the most protected land kind decides the referral threshold (刑法第三百四十二条)
        order = [k["kind"] for k in data()["land_kinds"]]
        present = sorted(kinds, key=order.index) if kinds else []
        if present and not v.land_type:
            k = present[0]
            v.land_type = k
            v.area_mu = area_mu(Decimal(kinds[k].value["m2"]))
            filled += ["violation.land_type", "violation.area_mu"]
        elif v.area_mu is None:
            v.area_mu = area_mu(v.area_m2)
            filled.append("violation.area_mu")
    for key in ("goods_value", "sales_amount", "illegal_income"):
        if getattr(v, key) is None:
            f = df.first(key)
            if f is not None:
                setattr(v, key, Decimal(f.value))
                filled.append(f"violation.{key}")
    if not case.acts_of(ActKind.LEGAL_REVIEW):
        # a legal-review opinion written into another paper (调查终结报告, 审批表), dated by its signature
        for t, f in df.all("legal_review"):
            m = _DATE.search(f.text)
            if t != "legal_review_opinion" and f.value == "同意" and m and (d := parse_date(m.group(0))):
                case.acts.append(Act(kind=ActKind.LEGAL_REVIEW, date=d, note=f"据《{f.title}》中的法制审核意见"))
                filled.append("acts（法制审核）")
                break
    if not case.decided:
        # the decision's fine, written in words the header reader does not know (罚款共计…)
        f = df.first("measure:fine", ["decision"])
        if f is not None:
            case.decided = [Measure(kind="罚款", amount=Decimal(f.value), note="从决定书中抽取")]
            filled.append("decided")
    filled += _party_and_officers(case, df)
    if not case.review.referred and not case.acts_of(ActKind.REFERRAL):
        # a 移送书 on file, or a document saying the case was handed to the police
        if df.first("referred") is not None or any(t == "referral_letter" for _, t, _, _ in df.docs):
            case.review.referred = True
            filled.append("review.referred")
    return filled


def _party_and_officers(case, df: DossierFacts) -> list[str]:
    """The party's identifier and the officers of an inspection or inquiry, read for a case of any type."""
    from casefile.model import ActKind, PartyKind

    filled: list[str] = []
    p = case.parties[0] if case.parties else None
    if p is not None and not p.id_number:
        kind = "id_card" if p.kind == PartyKind.NATURAL else "uscc"
        f = df.first(kind)
        if f is not None:
            p.id_number = f.value["number"]
            filled.append("parties[1].id_number")
    # the officers of an inspection or inquiry: every certificate its record names (a list behind one label too)
    for kind, code in ((ActKind.INSPECTION, "onsite_record"), (ActKind.INQUIRY, "inquiry_record")):
        acts = case.acts_of(kind)
        record = next((fs for _, t, _, fs in df.docs if t == code), None)
        if acts and record is not None:
            certs = list(dict.fromkeys(f.value["certificate"] for f in record if f.key == "officer"))
            # officers known by name only (the label read without certificates) give way to the record's certificates
            by_name = acts[0].officers and not any(c.isdigit() for o in acts[0].officers for c in o)
            if set(acts[0].officers) < set(certs) or (by_name and len(certs) >= len(acts[0].officers)):
                acts[0].officers = list(dict.fromkeys(([] if by_name else acts[0].officers) + certs))
                filled.append(f"acts（{kind.value}的执法人员）")
    return filled


def violation_lines(case) -> list[str]:
    """The quantities of the violation as a person reads them (land, area, amounts), for ``case show``."""
    v = case.violation
    out = []
    if v.area_m2 is not None:
        kind = f"，地类{v.land_type}" if v.land_type else ""
        mu = f"{v.area_mu.normalize():f}亩" if v.area_mu is not None else ""
        out.append(f"占地面积：{v.area_m2.normalize():f}平方米" + (f"（{v.land_type}{mu}）" if v.land_type and mu else kind))
    for attr, label in (("goods_value", "货值金额"), ("sales_amount", "销售金额"), ("illegal_income", "违法所得")):
        val = getattr(v, attr)
        if val is not None:
            out.append(f"{label}：{val.normalize():f}元")
    if case.review.referred:
        out.append("已移送司法机关")
    return out


def field_label(name: str) -> str:
    """A case field as a person calls it (violation.cause → 案由); acts（…） notes are Chinese already."""
    return data().get("field_labels", {}).get(name, name)


def doc_type_name(code: str) -> str:
    from doc_templates.catalogue import load_catalogue

    t = load_catalogue().get(code)
    return t.name if t else "未识别"
