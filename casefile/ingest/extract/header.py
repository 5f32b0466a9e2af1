"""The header fields of a document — 文号, 机关, 当事人, 住所, identifiers, the fine and its basis, the
amounts, the date under the seal — read from its first lines, its labels and its signature. A value
written masked in a published copy (xx超市, ***) is set aside under ``masked``, never filled in."""

from __future__ import annotations

import re
from typing import Any

from casefile.ingest.extract import published
from casefile.ingest.extract.agency import (
    field_agency, narrative_agency, own_name, placeless, publisher_agency, self_named_agency, title_agency, with_place,
)
from casefile.ingest.extract.citations import find_citations
from casefile.ingest.extract.doc_number import page_doc_no, paper_doc_no
from casefile.ingest.extract.entities import (PAGE_FIELD, bare_party, inline_party, label_values, parse_money,
                                              over_particulars, party_value, pattern_data, salutation_party)
from casefile.ingest.extract.party_in_text import (
    case_name_party, case_party, decided_party, inspected_party, narrative_party, opening_subject,
)

_FINE = re.compile(r"(?<!加处)罚款(?:人民币)?[:：]?((?:\d[\d,]*(?:\.\d{1,2})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))")
_MONEY_RE = r"((?:\d[\d,]*(?:\.\d{1,2})?万?元)|(?:[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?))"
_AMOUNTS = {
    "sales_amount": re.compile(r"销售金额(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
    "goods_value": re.compile(r"货值金额(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
    "illegal_income": re.compile(r"违法所得(?:为|共计|合计|计)?(?:人民币)?" + _MONEY_RE),
}
_ORG_SUFFIX = re.compile(r"(公司|店|部|厂|中心|院|社|馆|行|所|场|站|工作室|个体工商户）)$")
_BLANK_SIGNATURE = re.compile(pattern_data()["header"]["signature"] + "年月日")
_DATED_SIGNATURE = re.compile(pattern_data()["header"]["signature"] + r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九0]{4})年")
_LAW_DATE = re.compile(pattern_data()["header"]["law_date_suffix"])
_AGENCY_SUFFIX = re.compile(r"(局|委员会|厅|大队|支队|人民政府|管理处|中心|所|办事处)$")
_AGENCY_PART = re.compile(pattern_data()["header"]["agency_part"])
_HEADER_NOTE = re.compile(pattern_data()["header"]["header_note"])
_PORTAL = re.compile(pattern_data()["header"]["portal"])
_NOT_AGENCY = re.compile(pattern_data()["header"]["not_agency"])
_DISTRICT_FIRST = re.compile(r"^[\u4e00-\u9fa5]{1,4}区")
_AGENT_BEFORE = re.compile(pattern_data()["party"]["agent_before"])


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


def _own_signature(name: str) -> str:
    """The name of a signature line if it is an agency's whole name (the seal mark after it dropped), else ""."""
    name = _SEAL_LINE.sub("", name)
    return name if 4 <= len(name) <= 32 and _AGENCY_PART.fullmatch(name) and _AGENCY_SUFFIX.search(name) else ""


def _signature_agency(lines: list[str]) -> str:
    """The name over the date that ends the document (吴忠市市场监督管理局利通区分局 / （印章） / 2025年09月29日), or ""."""
    for j in range(len(lines) - 1, max(len(lines) - 8, 0), -1):
        if (m := _SIGNED_DATE.search(lines[j])) and m.end() == len(lines[j]) and (name := _own_signature(lines[j][:m.start()])):
            return name  # name and date on one line: 清溪县交通运输局 2024年3月5日
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


def _toolbar(line: str) -> bool:
    """A page's toolbar line, short (字体: / 点击: / 来源:本网 / -【): not one of the decision's lines."""
    return len(line) <= 30 and bool(PAGE_FIELD.match(line) or not re.search(r"[\w\u4e00-\u9fa5]", line))


def _head(lines: list[str]) -> list[str]:
    """The decision's first twelve lines (or down to the fourth under a title among them), a page's toolbar lines
    left out; a published page whose menus and index
    fields push the title further down (索引号 / 发布机构 / … / XX局行政处罚决定书 XX罚〔2025〕10号) starts three
    lines above it."""
    lines = [line for line in lines[:60] if not _toolbar(line)]
    titles = [i for i, l in enumerate(lines[:30]) if "决定书" in l and len(l) <= 60 and not re.search(r"[:：，,。；;]", l)]
    if any("决定书" in l for l in lines[:12]):
        # (a title late in them: its 文号 and salutation under it)
        early = next((i for i in titles if i < 12 and "你" not in lines[i]), None)  # (not …责令你按照…决定书)
        return lines[:max(12, early + 5)] if early is not None else lines[:12]
    title = titles[0] if titles else None
    return lines[:12] if title is None else lines[title - 3: title + 12]


def header_fields(lines: list[str], entities: list[Any], text: str) -> dict[str, Any]:
    """The header fields of a document from its compacted lines, the entities found in it and its
    compacted text; masked values set aside (``_masked``)."""
    f: dict[str, Any] = {}
    head = _head(lines)
    cells = published.header_row(lines)  # a publicity table's header row and its record
    if doc_no := (paper_doc_no(head, [e for e in entities if e.label == "DOC_NO"], lines) or published.table_doc_no(cells)
                  or page_doc_no(lines)):
        f["doc_no"] = doc_no
    # (a publicity table's own 处罚机关 column before the page's source label: 文章来源:东坡区卫健局)
    if agency := own_name(published.table_agency(cells)) or _agency(head, lines, text):
        f["agency"] = agency
    if party := _party(lines, head, text, f.get("doc_no", "")) or published.table_party(cells):
        f["party"] = unabbreviated(party, text)
    addresses = label_values(lines, "ADDRESS")
    if addresses:
        f["address"] = addresses[0][1]
    usccs = [e for e in entities if e.label == "USCC"]
    ids = [e for e in entities if e.label == "ID_CARD"]
    if usccs:
        f["uscc"] = usccs[0].value
    if ids:
        f["id_card"] = ids[0].text
    f.update(_amounts(text))
    if stated := published.decision_date(lines, cells):
        f["stated_date"] = stated  # a publicity page's 处罚决定日期: the decision's date when no seal dates it
    # (a publicity table's other dates — 立案时间, 结案时间 — are not its date)
    if not cells and (date := _signed_date(text, [e for e in entities if e.label == "DATE"])):
        f["date"] = date
    return _masked(f)


def _agency(head: list[str], lines: list[str], text: str) -> str:
    # the name broken over the lines above the title, or written in the title line (…局行政处罚决定书)
    # (or named in a publicity page's own field: 决定机关 乌鲁木齐市城乡规划管理局)
    titled = _broken_header_agency(head[:7]) or title_agency(head) or field_agency(lines[:40])
    if titled:
        # a district's bureau with its city where the paper writes it whole (a page title's 海港区市场监督管理局,
        # the paper's own 秦皇岛市海港区市场监督管理局)
        return with_place(titled, text) if _DISTRICT_FIRST.match(titled) else titled
    # the lines above the title: the first six, or down to a title pushed below a page's field table
    # (| 名 称 | 普洱市生态环境局行政处罚决定书… | → 普洱市生态环境局 / 行政处罚决定书)
    above = max(6, next((i for i, l in enumerate(head) if l.endswith("决定书") and not re.search(r"[:：|｜]", l)), 0))
    for i, line in enumerate(head[:above]):
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
        if (4 <= len(candidate) <= 32 and _AGENCY_SUFFIX.search(candidate) and "：" not in candidate and ":" not in candidate
                and not _PORTAL.search(nxt) and not placeless(candidate) and not _NOT_AGENCY.search(candidate)):
            return candidate  # (not the portal's banner over its menu: 永仁县人民政府 / 网站首页 >> …)
    # not any agency the text mentions (县级以上人民政府 in a quoted article, the 复议机关): its own name or none
    # (a page's fields, read down to its 24th line: menus may push the title below the head)
    return (_signature_agency(lines) or publisher_agency(lines[:24], text) or self_named_agency(text)
            or narrative_agency(text) or "")


def _party(lines: list[str], head: list[str], text: str, doc_no: str) -> str:
    if party := next((name for n, value in label_values(lines, "PARTY") if (name := party_value(_named_kind(lines, n, value)))), ""):
        return party
    if inline := inline_party(text):
        return inline
    if saluted := salutation_party(head):
        return saluted
    if unlabelled := bare_party(lines[:30]):
        return unlabelled
    if doc_no and (under := _under_doc_no(head, doc_no)):
        return under
    if over := over_particulars(lines[:30]):
        return over
    return (case_name_party(lines) or _title_case(head) or _inspected(text, doc_no) or narrative_party(text)
            or decided_party(text) or opening_subject(lines))


_KIND = frozenset(pattern_data()["party"]["category_values"])
_KIND_NAME = tuple(pattern_data()["party"]["category_name_labels"])


def _named_kind(lines: list[str], n: int, value: str) -> str:
    """A party label's value; when it is the party's kind (当事人:个人 / 姓名:李**,性别:男), the name under it, or ""."""
    if value not in _KIND:
        return value
    for nxt in lines[n + 1: n + 3]:
        if key := next((k for k in _KIND_NAME if nxt.startswith(k) and nxt[len(k): len(k) + 1] in ("：", ":")), ""):
            return re.split(r"[，,；;。]|性别|民族|身份证", nxt[len(key) + 1:])[0]
    return ""


_TITLE_CASE = re.compile(r"[（(]([^（）()]{4,60}案)[)）]")


def _title_case(head: list[str]) -> str:
    """The party a page's title names in its case's name (…指导案例(梁某元未经许可经营旅行社业务案)); a heading that
    is the case's name is case_name_party's; ""."""
    return next((name for line in head[:6] for m in _TITLE_CASE.finditer(line) if (name := case_party(m.group(1)))), "")


def unabbreviated(party: str, text: str) -> str:
    """The whole name of a party found under the short name the text gave it (宁夏上峰萌生环保科技有限公司（以下简称
    “萌生环保”） … 决定对萌生环保作出…), else the party as found; never with the agency acting on it before it."""
    party = _AGENT_BEFORE.sub("", party)  # (not the agency acting before it: 温州市瓯海区查办温州某集团股份有限公司)
    if "简称" not in text:
        return party
    m = re.search(r"([\u4e00-\u9fa5（）()A-Za-z0-9]{4,40}?)[（(](?:以下)?简称[“\"‘]?" + re.escape(party) + r"[”\"’]?[)）]", text)
    if not m:
        return party
    return _AGENT_BEFORE.sub("", re.split(r"[，,。；;：:、]", m.group(1))[-1]) or party


def _inspected(text: str, doc_no: str) -> str:
    """Nothing labels the party: the one the narrative's opening says was inspected (after the 文号, else
    the title)."""
    at, title = text.find(doc_no) if doc_no else -1, text.find("决定书")
    start = at + len(doc_no) if at >= 0 else title + 3 if title >= 0 else 0
    return inspected_party(text[start:])


def _under_doc_no(head: list[str], doc_no: str) -> str:
    """No label: some bureaus put the party's name on the line after the 文号 (当事人福建水投集团…公司，系…);
    a page title may carry the 文号 too, and the page's fields (来源: / 打印) may stand between."""
    for at in (i for i, l in enumerate(head[:-1]) if doc_no[-6:] in l):
        for line in head[at + 1: at + 4]:
            if doc_no[-6:] in line or PAGE_FIELD.match(line):
                continue
            first = re.split(r"[；;，,：:]", re.sub(r"^当事人", "", line))[0]
            if 4 <= len(first) <= 40 and _ORG_SUFFIX.search(first):
                return first
            break
    return ""


def _amounts(text: str) -> dict[str, Any]:
    """The fine of the operative part and its basis, the amounts the facts state, the paper served."""
    f: dict[str, Any] = {}
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
    return f


_DATE_LABEL = re.compile(pattern_data()["header"]["decision_date_label"])


def labelled_date(lines: list[str]) -> str:
    """The date of a published summary's decision-date field (处罚决定日期：2024/03/05, or the cell under it), or ""."""
    from casefile.ingest.extract.entities import parse_date

    for n, line in enumerate(lines):
        if m := _DATE_LABEL.match(line):
            for cell in (line[m.end():], *(lines[n + 1: n + 3])):
                cell = cell.strip("|｜ ")
                if cell:
                    day = parse_date(cell.replace("/", "-"))
                    return day.isoformat() if day else ""
    return ""


def _signed_date(text: str, dates: list[Any]) -> str:
    """The date under the seal ends the document; "" when the signature is left blank."""
    # a date written just before a law's 修订/施行 marker is the law's, not the case's: the texts that
    # end at a marker, one per date length (not every date against every marker: a 20 MB text has thousands)
    law_at = [m.start() for m in _LAW_DATE.finditer(text)]
    lengths = {len(e.text) for e in dates}
    before_law = {text[max(0, i - n):i] for i in law_at for n in lengths}
    law_dates = {e.value for e in dates if e.text in before_law}
    dates = [e for e in dates if e.value not in law_dates]
    unsigned = _BLANK_SIGNATURE.search(text) and not _DATED_SIGNATURE.search(text)
    return max(dates, key=lambda e: e.start).value if dates and not unsigned else ""
