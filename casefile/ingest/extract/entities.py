"""Validators and normalisers for each entity label, and the header fields of a
document (当事人：…, 住所：…) that sit behind labels rather than in patterns."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from casefile.model.cn import parse_cn_number
from casefile.model.ids import is_masked_id, valid_id_card, valid_uscc


def extract_data(name: str) -> dict[str, Any]:
    """A file of the extractor's data (``casefile/data/extract``)."""
    path = Path(str(resources.files("casefile") / "data" / "extract" / name))
    with open(path, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def pattern_data() -> dict[str, Any]:
    return extract_data("patterns.toml")


@lru_cache(maxsize=1)
def compiled() -> dict[str, list[re.Pattern]]:
    return {label: [re.compile(p) for p in spec["patterns"]] for label, spec in pattern_data()["labels"].items()}


# -- dates ----------------------------------------------------------------------------
_DATE_CN = re.compile(r"([〇○零一二三四五六七八九0]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_DATE_NUM = re.compile(r"((?:19|20)\d{2})[年\-./](\d{1,2})[月\-./](\d{1,2})[日号]?")


def parse_date(text: str) -> dt.date | None:
    m = _DATE_CN.fullmatch(text)
    try:
        if m:
            # the digit 0 written for 〇 in a signed year (二0二三年二月十三日)
            year = parse_cn_number(m.group(1).replace("0", "〇"))
            return dt.date(year, parse_cn_number(m.group(2)), parse_cn_number(m.group(3)))
        m = _DATE_NUM.fullmatch(text)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


# -- money ------------------------------------------------------------------------------
_UPPER_DIGIT = "零壹贰叁肆伍陆柒捌玖"


def parse_money_upper(text: str) -> Decimal | None:
    """人民币伍万元整 → 50000; 叁仟贰佰陆拾元伍角 → 3260.5 (the 元 part read as any Chinese numeral)."""
    s = text.replace("人民币", "").replace("整", "")
    if "元" not in s:
        return None
    yuan_part, rest = s.split("元", 1)
    try:
        value = Decimal(parse_cn_number(yuan_part) if yuan_part.strip() else 0)
    except ValueError:
        return None
    for unit, scale in (("角", 10), ("分", 100)):
        m = re.search(f"([{_UPPER_DIGIT}]){unit}", rest)
        if m:
            value += Decimal(_UPPER_DIGIT.index(m.group(1))) / scale
    return value


def parse_money(text: str) -> Decimal | None:
    if any(c in text for c in "壹贰叁肆伍陆柒捌玖拾佰仟"):
        return parse_money_upper(text)
    s = text.replace("人民币", "").replace(",", "").replace("元", "")
    wan = s.endswith("万")
    s = s.rstrip("万")
    try:
        v = Decimal(s)
    except InvalidOperation:
        return None
    return v * 10_000 if wan else v


def parse_area(text: str) -> dict[str, Any] | None:
    m = re.match(r"(\d+(?:\.\d+)?)(亩|平方米|㎡|公顷)", text)
    if not m:
        return None
    unit = {"㎡": "平方米"}.get(m.group(2), m.group(2))
    return {"amount": str(Decimal(m.group(1))), "unit": unit}


# -- validators: (text) -> value, or None to reject the match ----------------------------
def _id_card(text: str) -> Any:
    if "*" in text:
        return {"masked": True} if is_masked_id(text) else None
    return {"masked": False, "valid": True} if valid_id_card(text) else None


def _uscc(text: str) -> Any:
    return text.upper() if valid_uscc(text) else None


def _phone(text: str) -> Any:
    return text.replace("-", "") if len(text.replace("-", "")) >= 10 else None


# (and the narrative's verb, or a party's name on the title line, before it: …并下发了城消当行决字〔2023〕第0006号,
# 腾冲市云锦商贸有限责任公司保环罚(腾)〔2026〕04号)
_DOC_NO_PREFIX_CUT = re.compile(r"^.*(?:[书表单录证告知：:，,。、号》了]|公司|公示)")  # (…决定公示海市监处罚…, (公示)塔市市监处罚…)
_DOC_NO_YEAR = re.compile(r"[〔\[［(（【{﹝]\s*(?:19|20)\d{2}\s*[〕\]］)）】}﹞]")


def trim_doc_no(text: str) -> str:
    """The pattern's prefix may run back into the title line (…决定书当市监处罚〔2024〕415号)."""
    m = _DOC_NO_YEAR.search(text)
    i = m.start() if m else 0
    prefix = _DOC_NO_PREFIX_CUT.sub("", text[:i])
    return prefix + text[i:]


_AGENCY_CUT = re.compile(r"^.*[向由经被对将在与和及、，的内至于]")


def _agency(text: str) -> Any:
    t = _AGENCY_CUT.sub("", text)
    return t if len(t) >= 4 else None


def _doc_no(text: str) -> Any:
    # a closing bracket opening the number is the half of a lost “(三)” (a table's “ )文罚字〔 2019 〕-007”)
    t = re.sub(r"[\s_]+", "", trim_doc_no(text)).lstrip(")）]］〕")
    # only the year's brackets are normalised: （兰）市监罚 keeps its own
    return _DOC_NO_YEAR.sub(lambda m: "〔" + re.search(r"\d{4}", m.group(0)).group(0) + "〕", t)


def _money(text: str) -> Any:
    v = parse_money(text)
    return None if v is None else str(v)


def _date(text: str) -> Any:
    d = parse_date(text)
    return d.isoformat() if d else None


VALIDATORS: dict[str, Callable[[str], Any]] = {
    "DOC_NO": _doc_no,
    "USCC": _uscc,
    "ID_CARD": _id_card,
    "PHONE": _phone,
    "DATE": _date,
    "MONEY": _money,
    "AREA": parse_area,
    "AGENCY": _agency,
}


# -- header fields behind labels ---------------------------------------------------------
_LABELS = {
    "PARTY": tuple(pattern_data()["party"]["labels"]),
    "ADDRESS": tuple(pattern_data()["party"]["address_labels"]),
}
# a label in brackets: “(公司名称):天津奥港…”; a label with a bracketed note before its colon:
# “被处罚单位名称（姓名）：…”, “违法单位（个人）：…” (the note dropped, the label read as the label)
_BRACKETED_LABEL = re.compile(r"^[（(]([\u4e00-\u9fa5]{2,8})[)）](?=[:：])|^([\u4e00-\u9fa5]{2,10})[（(][\u4e00-\u9fa5/／、或]{1,8}[)）](?=[:：])")
_NARRATIVE = re.compile(pattern_data()["party"]["narrative"])
_STOP = re.compile(r"(类型[:：]|行政相对人类别|统一社会信|案由|主体资格|统一社会信用代码|社会信用代码|法定代表人|负责人|经营者|居民身份证|身份证|联系电话|营业执照|注册号|联系地址"
                   r"|(?:住所|住址|性别|民族|出生)(?=[:：（(]))")
# a party line broken before its end: “…德兴服务 / 区南区驿购便利店”, “…百货超市（个体 / 工商户）”
_ORG_END = re.compile(r"(公司|店|院|部|行|厂|中心|超市|馆|所|站|点|社|室|场|房|坊|园|队|局|会|处|铺|吧|城|屋|厅|学校|政府|）|\))$")
# legal forms written after a name are part of it; a short bracketed person's name is not
_LEGAL_FORM = ("个体工商户", "个人独资", "普通合伙", "有限合伙", "非法人", "分公司")
# “…鑫皓生鲜水果超市 / （个体工商户）”: the legal form alone on the next line
_LEGAL_FORM_LINE = re.compile(r"[（(](?:%s)[)）]" % "|".join(_LEGAL_FORM))


_SHORT_NAME_NOTE = re.compile(pattern_data()["party"]["short_name_note"])
_LABEL_NOTE = re.compile(pattern_data()["party"]["label_note"])


def _clean_party(value: str) -> str:
    value = re.sub(r"^(?:(?:当事人|单位名称|名称)[:：])+", "", _SHORT_NAME_NOTE.sub("", value))
    value = re.split(r"[，,；;。《]", value)[0]
    m = re.search(r"[（(]([\u4e00-\u9fa5*＊]{1,4})[)）]$", value)
    if m and m.group(1) not in _LEGAL_FORM:
        # “江阴市申港家豪超市(陶春萍)”: the operator's name in brackets is not part of the party's name
        value = value[: m.start()]
    return value


def _name_tail(rest: str) -> bool:
    """“你的美百货店” after 定兴县遇见: the rest of a name (short, ending as a shop's name does before the
    first stop), not the narrative that follows a name on its line (张德利 你未经依法批准，…)."""
    first = re.split(r"[，,。；;：:]", rest)[0]
    return len(first) <= 10 and bool(_ORG_END.search(first))


def _label_value(value: str, label: str) -> str:
    stop = _STOP.search(value)
    if stop and stop.start() > 0:
        value = value[: stop.start()]
    if label == "PARTY" and (told := _NARRATIVE.search(value)) and told.start() >= 2 and not _name_tail(value[told.start():]):
        value = value[: told.start()]
    value = value.strip("：:，,。；; /|｜")  # a table's empty cells (名称: | |||) are no value
    if label == "PARTY":
        value = _clean_party(value)
    # a trailing unbalanced bracket or question marks are extraction noise
    for o, c in (("（", "）"), ("(", ")")):
        if value.count(o) > value.count(c):
            value = value[: value.rfind(o)]
    value = value.rstrip("？?、，,；;")
    return "" if value in ("/", "无") else value


_TABLE_LABELS = frozenset(pattern_data()["party"]["table_labels"])
_NOT_PARTY = re.compile(pattern_data()["party"]["not_party"])


_COLUMNS = frozenset(sum((pattern_data()["published"][k] for k in ("column_labels", "header_labels", "doc_no_labels",
                                                                   "party_labels", "date_labels")), [])
                     + pattern_data()["agency"]["field_labels"])


def _table_value(lines: list[str], n: int) -> str:
    """The cell after a table's label cell (违法主体名称 / 米奇; 行政相对人名称 / | / 胡翠兰), or "" — also when
    that cell is the next column's label (a table printing its labels as a block above its values)."""
    for nxt in lines[n + 1: n + 3]:
        cell = nxt.strip("|｜ ")
        if cell:
            return cell if not re.search(r"[:：，,。；;]", cell) and cell not in _COLUMNS else ""
    return ""


def label_values(lines: list[str], label: str) -> list[tuple[int, str]]:
    """(line number, value) for lines such as “当事人：清溪县…公司”, or a table's label cell and the cell
    after it. A page's “名称：” field holding the paper's own title is not the party."""
    out = []
    for n, line in enumerate(lines):
        line = _BRACKETED_LABEL.sub(lambda m: m.group(1) or m.group(2), line)
        if label == "PARTY" and line.strip("|｜ :：") in _TABLE_LABELS and (cell := _label_value(_table_value(lines, n), label)):
            out.append((n, cell))
            continue
        for key in _LABELS[label]:
            if line.startswith(key) and (note := _LABEL_NOTE.match(line, len(key))) and key + line[note.start():note.end()] not in _LABELS[label]:
                line = key + line[note.end():]  # 当事人（个人姓名）：张三 — the note is not part of the label
            if line.startswith(key) and len(line) > len(key) and line[len(key)] in "：:":
                value = line[len(key) + 1:]
                nxt = lines[n + 1] if n + 1 < len(lines) else ""
                if label == "PARTY" and not value.strip():
                    # “名称：” alone, the name on the next line; not the narrative under a blank template's “当事人：”
                    if not re.search(r"[:：，,。；;]", nxt) and (_ORG_END.search(nxt) or re.fullmatch(r"[\u4e00-\u9fa5]{2,4}", nxt)):
                        value = nxt
                elif (label == "PARTY" and nxt and len(value) >= 4 and not _STOP.search(value) and not re.search(r"[:：]", nxt[:12])
                        and (value.count("（") > value.count("）") or not _ORG_END.search(value) and len(nxt) <= 15
                             or _LEGAL_FORM_LINE.fullmatch(nxt))):
                    value += nxt
                value = _label_value(value, label)
                if value and not (label == "PARTY" and _NOT_PARTY.search(value)):
                    out.append((n, value))
                break
    return out


# the summary form published in Zhejiang runs its labels on in one paragraph, broken anywhere:
# “…违反物价管理规定案 被处罚人名 / 称：绍兴市如家物业管理有限公司 法定代表人姓名：…”
_INLINE_PARTY = re.compile(r"被处罚人(?:名称|姓名)[:：]")


def inline_party(text: str) -> str:
    """The party behind a label inside a paragraph of the compact text, or ""."""
    m = _INLINE_PARTY.search(text)
    return _label_value(text[m.end(): m.end() + 80], "PARTY") if m else ""


_SALUTATION = re.compile(pattern_data()["party"]["salutation"])
_NOT_SALUTATION = frozenset(pattern_data()["party"]["not_salutation"])
_PAGE_CONTROLS = tuple(pattern_data()["party"]["page_controls"])
_PARTY_SECTION = re.compile(pattern_data()["party"]["section"])
_SECTION_LABEL = re.compile(pattern_data()["party"]["section_label"])
_BARE_PARTY = re.compile(pattern_data()["party"]["bare"])
_BARE_ORG = re.compile(pattern_data()["party"]["bare_org"])
_BREADCRUMB = re.compile(pattern_data()["party"]["breadcrumb"])
_CASE_NUMBERING = re.compile(r"(?:典型)?案例[一二三四五六七八九十\d]*$")  # (案例一: a write-up's numbering, not a salutation)
_TO_AUTHORITY = re.compile(pattern_data()["party"]["to_authority"])
_PERSON = re.compile(r"[\u4e00-\u9fa5][\u4e00-\u9fa5*＊×xX某]{1,3}")
_MASKED_SALUTATION = re.compile(pattern_data()["party"]["masked_salutation"])
_DOC_NO_LIKE = re.compile(r"(?:罚|字)[^。，,]{0,8}\d{2,}|[〔\[［]\s*(?:19|20)\d{2}")


def name_like(value: str) -> bool:
    """An organisation's name (…公司, …局, XX局) or a person's (曾利兵, 苏*忠, 戴**) — not a heading that
    ends as one does (违法事实：, 处罚依据：)."""
    if value in _NOT_SALUTATION or value.startswith(_PAGE_CONTROLS) or _CASE_NUMBERING.match(value):
        return False  # (a page's toolbar: 字体大小:, 分享到:)
    if _ORG_END.search(value):
        return True
    return bool(_PERSON.fullmatch(value)) and not any(value.endswith(w) for w in _NOT_SALUTATION if len(w) >= 2)


def salutation_party(head: list[str]) -> str:
    """The party a decision addresses without a label: the salutation line (汨罗市恒锋新材料有限公司：)
    or the first words under “一、当事人基本情况”; "" when neither is there. Only before the narrative
    begins (the first long line), so a sub-heading such as 经查明： is never taken."""
    for n, line in enumerate(head):
        if len(line) > 60 and not _SALUTATION.fullmatch(line):  # (a salutation run into its fields)
            if _BREADCRUMB.search(line):
                continue  # (a page's path above the decision: 当前位置:首页>…>行政处罚决定)
            break
        if _PARTY_SECTION.fullmatch(line) and n + 1 < len(head):
            first = re.split(r"[,，;；:：]", _SECTION_LABEL.sub("", head[n + 1]))[0]
            if name_like(first):
                return first
        m = _SALUTATION.fullmatch(_SHORT_NAME_NOTE.sub("", line))
        if m and _TO_AUTHORITY.match(m.group(1)):
            return ""  # a letter to an agency (a party's 陈述申辩书): the addressee is not the party
        if m and name_like(m.group(1)) and not any(m.group(1).startswith(k) for k in _LABELS["PARTY"] + _LABELS["ADDRESS"]):
            # (a label over a table's cell — 违法事实: / | / … — is not a salutation)
            if not (n + 1 < len(head) and head[n + 1] in ("|", "｜")):
                return m.group(1)
        if n and _MASKED_SALUTATION.fullmatch(line) and ("决定书" in head[n - 1] or _DOC_NO_LIKE.search(head[n - 1])):
            return line  # a masked name alone under the title or the number (李××)
    return ""


_PARTICULARS = re.compile(pattern_data()["party"]["particulars"])
_AGENCY_LABEL = re.compile(r"(?:决定|处罚|执法|实施|作出处罚的)机关")  # (决定机关乌鲁木齐市城乡规划管理局: a field, its colon lost)


def over_particulars(head: list[str]) -> str:
    """No label, no salutation: the party's name alone on a line right above its particulars (禄丰腾发和林矿业开发
    有限公司 / 统一社会信用代码:… / 地址:… / 法定代表人:…), as many bureaus lay a decision's head out."""
    for line, nxt in zip(head, head[1:]):
        if len(line) > 60:
            break  # (the narrative has begun)
        if (_PARTICULARS.match(nxt) and 2 <= len(line) <= 40 and name_like(line) and not re.search(r"[:：|｜，,。；;、]", line)
                and not _AGENCY_LABEL.match(line)):
            return line
    return ""


PAGE_FIELD = re.compile(pattern_data()["party"]["page_field"])


def bare_party(lines: list[str]) -> str:
    """当事人**,性别:,年龄46岁 / 当事人谭某，男，…: the party after a label written without its colon; else a
    person's line of particulars with no label at all (韩素红,女,头沟镇…村民)."""
    return (next((m.group(1) for line in lines if (m := _BARE_PARTY.match(line))), "")
            or next((m.group("name") for line in lines if (m := _BARE_ORG.match(line))), "")
            or next((m.group(1) for line in lines if (m := _PERSON_LINE.match(line))), ""))


_PERSON_LINE = re.compile(pattern_data()["party"]["person_line"])
_CASE_NAME_VALUE = re.compile(pattern_data()["party"]["case_name_value"])
_VALUE_ENDS = re.compile(pattern_data()["party"]["value_ends_at"])
_VALUE_OPENS = re.compile(pattern_data()["party"]["value_opens"])
_VALUE_FIRST = [re.compile(p) for p in pattern_data()["party"]["value_first"]]


def party_value(value: str) -> str:
    """A labelled value as the party's name: cut at the next field written on its line (… 文号: …), and
    "" when it names a case (名称: 某林场擅自改变林地用途案) rather than a party."""
    value = _VALUE_ENDS.split(_VALUE_OPENS.sub("", value.strip()))[0].strip()
    value = next((m.group(0) for p in _VALUE_FIRST if (m := p.match(value))), value)
    return "" if _CASE_NAME_VALUE.search(value) else value
