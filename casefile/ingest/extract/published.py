"""Fields of a decision as agencies publish it rather than write it: a publicity table whose labels stand
in a header row above the values (序号 | 处罚文号 | … | 被处罚人 | … / 1 | 第Z4003028号行政处罚决定书 | … | 韦文聚),
a detail page's labelled cells (决定机关 乌鲁木齐市城乡规划管理局, 处罚决定日期 / | / 2024年12月3日), and a
summary told in the third person (防城港市国土资源局对防城港市山中石材有限公司…立案查处，于2018年4月16日依法
对其作出行政处罚决定). The labels are data (``casefile/data/extract/patterns.toml [published]``)."""

from __future__ import annotations

import re
from typing import Iterator

from casefile.ingest.extract.entities import parse_date, pattern_data

_SPEC = pattern_data()["published"]
_CELL = re.compile(r"^(?P<cell>[^|｜]{0,80})[|｜]$")
_NAME = pattern_data()["agency"]["name"]
_SUMMARY = re.compile(_SPEC["summary"].replace("{name}", _NAME))
_SUMMARY_DATE = re.compile(_SPEC["summary_date"])
_DECIDED_ON = re.compile(_SPEC["decided_on"])
# a decision's own title near the top; not a write-up's mention of one (公开了一份行政处罚决定书, 该处罚决定书载明,
# 作出《行政处罚决定书》)
_TITLE_WORD = re.compile(r"(?:行政)?(?:处罚)?决定书(?![》”])")
_MENTIONED = re.compile(r"[份了《“的该此]$")


def _own_title(head: str) -> bool:
    """A 决定书 in ``head`` not spoken of as one paper among others (一份…, 该…, 《…》)."""
    return any(not _MENTIONED.search(head[: m.start()]) for m in _TITLE_WORD.finditer(head))
_PARTY_END = re.compile(_SPEC["party_end"])


def _cells(lines: list[str], start: int) -> tuple[list[str], int]:
    """The cells of one table row written a cell a line (序号 | / 职权编码 | / …), from ``start``; and
    where the row ends. A line that is only the separator (|) opens a row."""
    i = start
    if i < len(lines) and lines[i] in ("|", "｜"):
        i += 1
    cells: list[str] = []
    while i < len(lines) and (m := _CELL.match(lines[i])) and m.group("cell"):
        cells.append(m.group("cell"))
        i += 1
    return cells, i


def _row(line: str) -> list[str]:
    """The cells of a row written on one line (行政相对人名称|行政处罚决定书文号|…|处罚机关|备注|)."""
    return [c for c in line.strip("|｜").split("|")] if line.count("|") >= 3 else []


def header_row(lines: list[str]) -> dict[str, str]:
    """label -> value of a table whose header row names the columns and whose next row holds one
    record — a cell a line, or a row a line (its long cells broken over lines joined back); {} when there
    is none or the rows do not line up."""
    known = set(_SPEC["header_labels"])
    for n in range(min(len(lines), 40)):
        head, end = _cells(lines, n)
        if len(head) >= 4 and known.intersection(head):
            values, _ = _cells(lines, end)
            if len(values) == len(head):
                return dict(zip(head, values))
            continue
        head = _row(lines[n])
        if len(head) >= 4 and known.intersection(head) and n + 1 < len(lines):
            # the record's row, its long cells broken over lines joined back (at most ten lines)
            record = lines[n + 1]
            for more in lines[n + 2: n + 11]:
                if len(_row(record)) >= len(head):
                    break
                record += more
            return {k: v for k, v in zip(head, _row(record) or [record]) if v}
    return _blocks(lines) or _record(lines)


def column_labels() -> frozenset[str]:
    """Every column a publicity table names (its party, 文号, date, agency and other columns)."""
    return frozenset(_SPEC["column_labels"] + _SPEC["header_labels"] + _SPEC["doc_no_labels"] + _SPEC["party_labels"]
                     + _SPEC["date_labels"] + pattern_data()["agency"]["field_labels"])


_COLUMN_LABELS = column_labels()
# a record's field labels, longest first (every party label too: 违法主体名称或姓名 wins over 违法主体名称 with 或姓名
# its value); the labels that only a publicity record writes (a decision's own line of fields — 当事人：…统一社会信用代码：…
# 法定代表人：… — is no record)
_RECORD_KNOWN = sorted(column_labels() | set(_SPEC["record_labels"]) | set(pattern_data()["party"]["labels"]), key=len, reverse=True)
_RECORD_LABEL = "|".join(map(re.escape, _RECORD_KNOWN))
_RECORD_HIT = re.compile(f"(?:{_RECORD_LABEL})(?=[:：])")
_RECORD_PAIR = re.compile(f"({_RECORD_LABEL})([|｜]|(?![:：]))(.+)$")
_RECORD_ONLY = set(_SPEC["header_labels"] + _SPEC["doc_no_labels"] + _SPEC["date_labels"]) | set(pattern_data()["agency"]["field_labels"])


def _record(lines: list[str]) -> dict[str, str]:
    """label -> value of a record whose labelled fields run on in one line (行政相对人名称：…统一社会信用代码：…处罚机关：…),
    or whose lines each hold a field's label and its value with no colon between (行政相对人名称清溪县…公司, | 处罚机关 |
    清溪县应急管理局 |); {} unless two fields are read, one of them a record's own."""
    cells: dict[str, str] = {}
    for line in lines[:40]:
        hits = list(_RECORD_HIT.finditer(line))
        if len(hits) >= 3:
            for h, nxt in zip(hits, hits[1:] + [None]):
                cells.setdefault(h.group(0), line[h.end() + 1: nxt.start() if nxt else len(line)].strip("|｜ "))
        elif (m := _RECORD_PAIR.match(line.strip("|｜ "))) and not hits and (len(m.group(1)) >= 5 or m.group(2)):
            # (| 行政相对人名称 | 清溪县…公司 |: a table's row of one label and its value)
            if not re.search(r"[|｜]", value := m.group(3).strip("|｜ ")) and value not in _RECORD_KNOWN:
                cells.setdefault(m.group(1), value)
    return cells if len([v for v in cells.values() if v]) >= 2 and _RECORD_ONLY.intersection(cells) else {}


def _blocks(lines: list[str]) -> dict[str, str]:
    """label -> value of a table printed as a block of its column labels, a line each, then a block of as many
    values in the same order (案件名称 / 行政相对人名称 / 处罚事由 / 处罚内容 / 处罚机关 / …案 / 东坡区王世华诊所 / …)."""
    known = _COLUMN_LABELS
    for n in range(min(len(lines), 40)):
        k = 0
        while n + k < len(lines) and lines[n + k].strip("|｜ :：") in known:
            k += 1
        values = [v.strip("|｜ ") for v in lines[n + k: n + 2 * k]]
        if k >= 3 and len(values) == k and not any(v.strip(":：") in known for v in values):
            return dict(zip((l.strip("|｜ :：") for l in lines[n: n + k]), values))
    return {}


def field_values(lines: list[str], labels: list[str]) -> Iterator[str]:
    """The values of labelled cells, in order: on the label's own line (决定机关乌鲁木齐市…局, 处罚决定日期：2024-12-03)
    or in the next cell (处罚决定日期 / | / 2024年12月3日)."""
    for n, line in enumerate(lines):
        for label in labels:
            if not line.startswith(label):
                continue
            if rest := line[len(label):].lstrip(":：|｜"):
                yield rest
            elif cell := next((c for nxt in lines[n + 1: n + 3] if (c := nxt.strip("|｜ "))), ""):
                yield cell
            break


def field_value(lines: list[str], labels: list[str]) -> str:
    return next(field_values(lines, labels), "")


def decision_date(lines: list[str], cells: dict[str, str]) -> str:
    """The decision date a publicity table or page states in its own field, as an ISO date, or ""."""
    labels = _SPEC["date_labels"]
    raw = next((cells[k] for k in labels if cells.get(k)), "") or field_value(lines, labels)
    m = re.search(r"((?:19|20)\d{2})[年\-./](\d{1,2})[月\-./](\d{1,2})", raw)
    d = parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None
    return d.isoformat() if d else ""


def table_doc_no(cells: dict[str, str]) -> str:
    """The 文号 of a publicity table's row, as written (第Z4003028号行政处罚决定书 → 第Z4003028号)."""
    raw = next((cells[k] for k in _SPEC["doc_no_labels"] if cells.get(k)), "")
    return re.sub(r"《?(?:行政)?处罚决定书》?$", "", raw)


def table_party(cells: dict[str, str]) -> str:
    return next((cells[k] for k in _SPEC["party_labels"] if cells.get(k)), "")


def table_agency(cells: dict[str, str]) -> str:
    return next((cells[k] for k in pattern_data()["agency"]["field_labels"] if cells.get(k)), "")


_FIRST_PERSON = re.compile(_SPEC["first_person"])
_AGENCY_SELF = re.compile(_SPEC["agency_self"])
_RECEIVED = re.compile(_SPEC["summary_received"].replace("{name}", _NAME))
_PARTY_ONLY = [re.compile(p.replace("{name}", _NAME)) for p in _SPEC["summary_party"]]
_ACTING = re.compile(_SPEC["summary_agency"].replace("{name}", _NAME))
_OWNER = re.compile(_SPEC["party_owner"])
_SAME_PLACE = re.compile(_SPEC["same_place"])
_OWN_PLACE = re.compile(_SPEC["own_place"])
_PENALTY = re.compile(_SPEC["penalty_words"])
_NOT_NAMED = re.compile(_SPEC["not_named"])


def _named(party: str, agency: str) -> str:
    """The party as a name: its owner's mention dropped (公司全资子公司淮安国瑞…), 该县 made the agency's county
    (昆明市寻甸县水务局对该县交通运输局… → 寻甸县交通运输局); "" when it is no name (该公司, 其)."""
    party = _OWNER.sub("", party)
    if (m := _SAME_PLACE.match(party)) and _OWN_PLACE.match(party[m.end():]):
        party = party[m.end():]  # (该县风陵渡镇人民政府: the name carries its own place)
    elif m:
        place = re.search(rf"([\u4e00-\u9fa5]{{2,8}}?{m.group(1)})(?!.*{m.group(1)})", agency)
        place = re.sub(r"^.*?[省市州盟](?=[\u4e00-\u9fa5]{2,}[县区旗])", "", place.group(1)) if place else ""
        party = place + party[m.end():] if place else ""
    return party if party and _PARTY_END.search(party) and not _NOT_NAMED.match(party) else ""


def _told(text: str) -> dict[str, str]:
    """The agency and the party a third-person text names: XX局对YY…行政处罚 (no 本局, 你 or 当事人 in it), YY收到
    XX局出具的《行政处罚决定书》 (no 本局), or a news item's YY因…被处罚 with the first agency acting in it."""
    if "处罚决定书》" in text and not _AGENCY_SELF.search(text):  # (the cheap test first: the pattern is slow to fail)
        if (m := _RECEIVED.search(text)) and (party := _named(m.group("party"), m.group("agency"))):
            return {"agency": m.group("agency"), "party": party, "at": m.start(), "end": m.end()}
    if _FIRST_PERSON.search(text):
        return {}
    if (m := _SUMMARY.search(text)) and (party := _named(m.group("party"), m.group("agency"))):
        return {"agency": m.group("agency"), "party": party, "at": m.start(), "end": m.end()}
    for p in _PARTY_ONLY:
        if not (m := p.search(text)) or not (party := _named(m.group("party"), m.groupdict().get("agency") or "")):
            continue
        # the agency the sentence names after 被, else the first one acting in the text
        if agency := m.groupdict().get("agency") or ((acting := _ACTING.search(text)) and acting.group("agency")):
            return {"agency": agency, "party": party, "at": m.start(), "end": m.end()}
    return {}


def acting_agency(text: str) -> str:
    """The first agency a third-person write-up of a penalty names acting (…应急管理局行政执法人员对某涂装公司开展执法检查,
    …综合行政执法局对该案件进行立案查处) where it names no party: "" when the agency speaks of itself (本局, 我局)
    or the text is a decision (a narrative's 龙泉市应急管理局执法人员… is no signature there)."""
    if _AGENCY_SELF.search(text) or not _PENALTY.search(text) or _own_title(text[:200]):
        return ""  # (a decision's own text — its title at the top — names its agency as its author, or not at all)
    return (m := _ACTING.search(text)) and m.group("agency") or ""


def summary(text: str) -> dict[str, str]:
    """A summary that tells of a decision in the third person: the agency that decided, the party, and the
    date it says the decision was made ({} when the text is not one: a decision speaks of 本局 and 你)."""
    told = _told(text)
    if not told:
        return {}
    out = {"agency": told["agency"], "party": told["party"]}
    sentence_end = text.find("。", told["end"])
    if d := _SUMMARY_DATE.search(text[told["at"]: len(text) if sentence_end < 0 else sentence_end]):
        if (parsed := parse_date(d.group(1))) is not None:
            out["date"] = parsed.isoformat()
    return out


_REPORTED = re.compile(_SPEC["reported"].replace("{name}", _NAME))
_REPORTED_FIRST_PERSON = re.compile(_SPEC["reported_first_person"])


def reported(text: str, whole_name) -> dict[str, str]:
    """The decision a third-person write-up names (XX局于2019年9月19日作出的XX决定字〔2019〕17号《行政处罚决定书》):
    its agency, date and 文号 (when written); {} when the text names none or speaks as the decision does.
    ``whole_name(words, text)`` gives the agency's whole name out of the words before 于, or ""."""
    from casefile.ingest.extract.entities import VALIDATORS

    if _REPORTED_FIRST_PERSON.search(text):
        return {}
    for m in _REPORTED.finditer(text):
        agency = whole_name(m.group("agency"), text)
        day = parse_date(m.group("date"))
        if agency and day:
            out = {"agency": agency, "date": day.isoformat()}
            if m.group("doc_no") and (doc_no := VALIDATORS["DOC_NO"](m.group("doc_no"))):
                out["doc_no"] = doc_no
            return out
    return {}


def decided_on(text: str) -> str:
    """The day a write-up of a case says its agency made the decision (2020年7月17日,茂名市卫生健康局依据…作出…
    行政处罚决定), the last one it states; "" when it states none."""
    # (not 我局…作出: a decision's own narrative so tells of an earlier decision, a write-up names its agency)
    days = [d for m in _DECIDED_ON.finditer(text) if not _AGENCY_SELF.search(m.group(0))
            and (d := parse_date(m.group(1))) is not None]
    return days[-1].isoformat() if days else ""
