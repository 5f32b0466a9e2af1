"""The party as the text's sentences and case names name it, where no label, salutation or table does: the one
inspected at the narrative's opening, the one the narrative first calls 当事人, the name a case's name opens
on, the one the decision's own sentence is made against (现对…作出). Patterns in [party] of patterns.toml."""

from __future__ import annotations

import re

from casefile.ingest.extract.entities import pattern_data

_INSPECTED = re.compile(pattern_data()["party"]["inspected"])
_NOT_INSPECTED = re.compile(pattern_data()["party"]["not_inspected"])


def inspected_party(narrative: str) -> str:
    """A decision with no party label or salutation names the party as the one inspected at the opening
    of its narrative (依法对大丰市美丽园化妆品经营部进行现场检查); "" when it names none there."""
    head = narrative[: int(pattern_data()["party"]["inspected_chars"])]
    for m in _INSPECTED.finditer(head):
        name = m.group("name").split("经营的")[-1]
        if not _NOT_INSPECTED.search(name):
            return name
    return ""


_NARRATIVE_PARTY = re.compile(pattern_data()["party"]["narrative_party"])


_CASE_NAME_LABEL = re.compile(pattern_data()["party"]["case_name_label"])
_CASE_NAME_PARTY = re.compile(pattern_data()["party"]["case_name_party"])


_CASE_TITLE = re.compile(pattern_data()["party"]["case_title"])
_CASE_TITLE_LEAD = re.compile(pattern_data()["party"]["case_title_lead"])
_CASE_TITLE_NOT = re.compile(pattern_data()["party"]["case_title_not"])


def case_name_party(lines: list[str]) -> str:
    """The name a case's name opens on — in a 公示 table's 案件名称 (…也在网吧允许未成年人进入营业场所案: 遂宁市安居区也在网吧),
    or in a page titled by it (广州市花都区炭步镇红峰经济联合社非法占地案) — or ""."""
    for n, line in enumerate(lines[:30]):
        if m := _CASE_NAME_LABEL.match(line):
            value = line[m.end():].strip("|｜ ") or (lines[n + 1].strip("|｜ ") if n + 1 < len(lines) else "")
            if name := case_party(value):
                return name
            break  # (the label over a table's column of labels: the case names stand further down)
    titles = (title for line in lines[: int(pattern_data()["party"]["case_title_lines"])]
              if _CASE_TITLE.fullmatch(title := _CASE_TITLE_LEAD.sub("", line)))  # (以案释法|某健康科技公司未取得…案)
    return next((name for line in titles if (name := case_party(line))), "")


_DECIDED = [re.compile(p.replace("{name}", pattern_data()["party"]["decided_name"])) for p in pattern_data()["party"]["decided"]]


def decided_party(text: str) -> str:
    """The party the decision's own sentence names when nothing labels or salutes it (本机关决定对徐某某作出罚款…;
    现对滴滴出行科技有限公司作出…; a write-up's …对违法用地当事人李某发出《行政处罚决定书》), or ""."""
    return next((m.group("name") for p in _DECIDED if (m := p.search(text))), "")


_NARRATIVE_PERSON = re.compile(pattern_data()["party"]["narrative_person"])


def case_party(case_name: str) -> str:
    """The name a case's name opens on (遂宁市安居区也在网吧允许…案 → 遂宁市安居区也在网吧), or "" — also for a table's
    row that opens on its column's name (案由鑫达砂石有限公司非法采矿案)."""
    found = not _CASE_TITLE_NOT.match(case_name) and _CASE_NAME_PARTY.match(case_name)
    return found.group("name") if found else ""


def narrative_party(text: str) -> str:
    """The organisation the narrative first calls 当事人 (…当事人滴滴出行科技有限公司通过…平台…), else the masked
    person it first calls 当事人 or 行为人 (行为人崔xx在…开采), or ""."""
    m = _NARRATIVE_PARTY.search(text) or _NARRATIVE_PERSON.search(text)
    return m.group("name") if m else ""


_OPENING_SUBJECT = re.compile(pattern_data()["party"]["opening_subject"])


def opening_subject(lines: list[str]) -> str:
    """The party a decision's facts open on where nothing else names it (广州市番禺区大石街猛涌村股份合作经济社于2020年
    在…建设): the subject of the first narrative lines, at a paragraph's start or after 显示/经查; "" when none."""
    narrative = [line for line in lines[:40] if len(line) > 30][:3]
    return next((m.group("name") for line in narrative if (m := _OPENING_SUBJECT.search(line))), "")
