"""One document read into facts, with page and quote: labelled values (table cells, “标签：内容” lines)
and the running text (identifiers, officers' certificates, the head's approval, the 立案 date a narrative
states, land and areas, amounts, measures, laws cited, referral)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from casefile.ingest.facts.fact import NARRATIVES, Fact, compact, data, parse_date, parse_money
from casefile.ingest.facts.land import areas
from casefile.model.ids import valid_id_card, valid_uscc

_MONEY = r"((?:\d[\d,]*(?:\.\d{1,2})?\s*万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"
_ANY_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}")
# the date, then within the same clause the words 立案 (not 受案, not the 立案审批 of a form's heading)
_FILED = re.compile(r"((?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[，,]?[^。；，,]{0,24}?(?:予以立案|决定立案|立案调查|立案查处|依法立案)")


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


class _Facts:
    """The facts of one document as they are read, and its running text (compacted: PDFs break lines
    inside words) with where each page begins in it."""

    def __init__(self, doc: str, title: str, pages: list[str]) -> None:
        self.doc, self.title, self.out = doc, title, []
        texts = [_fold(p) for p in pages]
        self.offsets, acc = [], 0
        for t in texts:
            self.offsets.append(acc)
            acc += len(t)
        self.text = "".join(texts)

    def add(self, key: str, value: Any, page: int, text: str) -> None:
        self.out.append(Fact(key, value, self.doc, self.title, page, text[:160]))

    def at(self, key: str, value: Any, offset: int, text: str) -> None:
        """A fact read at ``offset`` of the running text."""
        self.add(key, value, _page_of(self.offsets, offset), text)

    def has_officer(self, cert: str) -> bool:
        return any(f.key == "officer" and f.value["certificate"] == cert for f in self.out)


def document_facts(doc: str, doc_type: str, title: str, pages: list[str]) -> list[Fact]:
    """Every fact one document states, with page and quote."""
    r = _Facts(doc, title, pages)
    for pno, page in enumerate(pages, 1):  # labelled values, page by page (tables and forms)
        for key, value, quote in _labelled([l for l in page.splitlines() if l.strip()]):
            for k, v in _labelled_facts(key, value):
                r.add(k, v, pno, quote)
    _people(r)
    _narrative(r, doc_type)
    return r.out


def _labelled_facts(key: str, value: str) -> Iterable[tuple[str, Any]]:
    """The facts of one labelled value: (key, value) for each."""
    if key == "party":
        v = _clean_party(value)
        if 2 <= len(v) <= 40 and not re.search(r"\d{6}", v):
            yield "party", v
    elif key in ("uscc", "id_card"):
        raw = _find_ident(key, value)
        if raw:
            yield key, _ident(key, raw)
    elif key == "address":
        v = re.split(r"[，,；;。]|联系电话|电话|邮编|法定代表人", value)[0].strip()
        if len(v) >= 4:
            yield "address", v
    elif key == "cause":
        v = re.split(r"[。；;]", value)[0].strip()
        if 4 <= len(v) <= 80:
            yield "cause", v
    elif key in ("head", "legal_review", "discussion"):
        c = conclusion(value)
        if c:
            yield key, c
    elif key == "filing_date":
        m = _ANY_DATE.search(value)
        d = parse_date(m.group(0)) if m else None
        if d:
            yield "filing_date", d.isoformat()
    elif key == "officers":
        for name, cert in _CERT.findall(value):
            yield "officer", {"name": name, "certificate": cert}


def _people(r: _Facts) -> None:
    """Identifiers written in the narrative (当事人某某，统一社会信用代码：…), the officers' certificates,
    the head's approval."""
    text = r.text
    have_ids = {f.value["number"] for f in r.out if f.key in ("uscc", "id_card")}
    for kind, lab in (("uscc", r"(?:统一社会信用代码|社会信用代码|信用代码)"), ("id_card", r"(?:公民身份号码|身份证号码|身份证号|身份证件号码)")):
        for m in re.finditer(lab + r"(?:为|是|：|:)?\s*(" + data()["ids"][kind].replace("(?<![0-9A-Za-z])", "").replace("(?<![0-9A-Za-z*])", "") + ")", text):
            v = _ident(kind, m.group(1))
            if v["number"] not in have_ids:
                have_ids.add(v["number"])
                r.at(kind, v, m.start(), text[m.start(): m.end()])
    for name, cert in _CERT.findall(text):
        if not r.has_officer(cert):
            r.add("officer", {"name": name, "certificate": cert}, 1, f"{name}（{cert}）")
    for m in _CERT_LIST.finditer(text):
        for cert in re.findall(r"[A-Za-z]{0,3}\d{6,20}", m.group(1)):
            if not r.has_officer(cert):
                r.at("officer", {"name": "", "certificate": cert}, m.start(), m.group(0))
    for m in re.finditer(data()["conclusion"]["narrative_head"][0], text):
        if conclusion(m.group(0)) != "不同意":
            r.at("head", "同意", m.start(), m.group(0))


def _narrative(r: _Facts, doc_type: str) -> None:
    """What the running text states: the 立案 date, land and areas, amounts, measures, laws cited, the
    case's name, a referral."""
    text = r.text
    if doc_type in NARRATIVES:  # “2026年3月2日，本局对当事人……立案调查”: the 立案 date as a narrative states it
        for m in _FILED.finditer(text):
            d = parse_date(m.group(1))
            if d:
                r.at("filing_date", d.isoformat(), m.start(), m.group(0))
    for m2, kind, quote, at in areas(text):
        r.at("land", {"m2": str(m2), "kind": kind}, at, quote)
    _amounts(r, doc_type)
    m = re.search(r"每平方米(?:人民币)?(\d+(?:\.\d+)?)元", text)
    if m:
        r.at("fine_rate_m2", m.group(1), m.start(), text[max(0, m.start() - 10): m.end() + 6])
    for m in re.finditer(r"《(?:中华人民共和国)?([^《》]{2,30})》", text):  # laws cited (for the sector)
        r.at("law", m.group(1), m.start(), m.group(0))
    # the case's name in a title or narrative: “关于某某涉嫌非法占用土地一案”
    m = re.search(r"(涉嫌[\u4e00-\u9fa5、“”]{4,40}?)(?:一案|案件|案)", text)
    if m:
        r.at("cause", m.group(1), m.start(), m.group(0))
    for pat in data()["referral"]["done"]:
        for m in re.finditer(pat, text):
            left = text[max(0, m.start() - 30): m.start()]
            if re.search(r"(?:的|应当|应|依法|涉嫌犯罪)$", left) or "涉嫌犯罪的" in left:
                continue  # a warning that cases will be referred, not a referral
            r.at("referred", True, m.start(), text[max(0, m.start() - 20): m.end()])


def _amounts(r: _Facts, doc_type: str) -> None:
    """Amounts (货值, 销售, 违法所得) and measures: in the operative part of a decision, or anywhere in other papers."""
    text = r.text
    if not _AMOUNT_RES:
        _AMOUNT_RES.update(_amount_patterns())
    for key, pat in _AMOUNT_RES.items():
        for m in pat.finditer(text):
            pre = text[max(0, m.start() - 3): m.start()]
            if pre.endswith(("无", "没有", "未")):
                continue
            v = parse_money(re.sub(r"\s", "", m.group(1)))
            if v is not None:
                r.at(key, str(v), m.start(), m.group(0))
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
                r.at(f"measure:{key}", value, m.start(), m.group(0))
