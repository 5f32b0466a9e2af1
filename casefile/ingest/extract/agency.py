"""The agency a decision names as its own author: in its title, on a publisher's label above it, as the
sender of the notice that preceded it, or as 本局/本机关 with its name. Never a body the text merely
mentions (a quoted statute's 县级以上人民政府, the 复议机关, the account fines are paid into, another
bureau's inspection team): when the text does not name its author, the agency is left empty."""

from __future__ import annotations

import re

from casefile.ingest.extract.entities import pattern_data

_SPEC = pattern_data()["agency"]
_NAME = _SPEC["name"]
# a published summary's title may open on its year (2024年邵阳市农业农村局行政处罚案件信息公开); a title may name
# the case between the agency and the paper (XX县自然资源局关于对XX公司非法采矿的行政处罚决定书)
_TITLE_LABEL = "|".join(map(re.escape, _SPEC["title_labels"]))
_TITLE = re.compile(rf"(?:(?:19|20)\d{{2}}年)?(?:(?:{_TITLE_LABEL})[:：]?)?({_NAME})(?:关于[^，,。：:；;]{{0,40}}?)?(?:{_SPEC['title']})")
_PUBLISHER = re.compile(_SPEC["publisher"].replace("{name}", _NAME))
_PUBLISHER_DATED = re.compile(_SPEC["publisher_dated"].replace("{name}", _NAME))
_PUBLISHER_TIMED = re.compile(_SPEC["publisher_timed"].replace("{name}", _NAME))
_PUBLISHER_ALONE = re.compile(_SPEC["publisher_alone"])
_NAME_LINE = re.compile(rf"[•·●\-－]*({_NAME})")
_SELF = [re.compile(p.replace("{name}", _NAME)) for p in _SPEC["self"]]
_NOT_OWN = re.compile(_SPEC["not_own"])
_PLACELESS = re.compile(_SPEC["placeless"])
_FIELD_LABELS = list(_SPEC["field_labels"])
_FULL_NAME = re.compile(_NAME)
# a name cut from its place (县林业局, 市城管局): the place is what the text writes most often before that level
_PLACE_LESS = re.compile(r"^([县市区旗州])([\u4e00-\u9fa5（）()]{2,30})$")


def placeless(name: str) -> bool:
    """A department's kind with no place (自然资源局 in a page's menu, 来源：城市管理局): no agency's whole name."""
    return bool(_PLACELESS.match(name))


_LEAD = re.compile(_SPEC["lead_words"])
_HEADING_GLUED = re.compile(_SPEC["heading_glued"])


def _own(name: str) -> str:
    """The name if it can be an agency's whole name (not 市自然资源局 cut from its place, not 县级以上…), without a
    word or a heading glued before it (经新平县农业农村局, …违法事实兰州市生态环境局)."""
    name = _unglued(_LEAD.sub("", _HEADING_GLUED.sub("", name)))
    return "" if _NOT_OWN.search(name) or placeless(name) else name


_GLUED_BEFORE = re.compile(_SPEC["glued_before"])
_PLACE_START = re.compile(r"^[\u4e00-\u9fa5]{2,6}?[省市县区州旗盟]")
_BRANCH = re.compile(r"[局委厅].*(?:分局|分队|大队|中队|支队|分所|分中心)$")


def _unglued(name: str) -> str:
    """``name`` without another name, a field's label or an amount run into it (文山市人民政府文山市自然资源局)."""
    if _BRANCH.search(name):
        return name  # (广州市规划和自然资源局番禺区分局: a bureau's branch is named with its bureau)
    for i in range(2, len(name) - 4):
        if _GLUED_BEFORE.search(name[:i]) and _PLACE_START.match(name[i:]) and _FULL_NAME.fullmatch(name[i:]):
            return name[i:]
    return name


def own_name(name: str) -> str:
    """``name`` when it is an agency's whole name (``_own``) in the form of one (``[agency] name``)."""
    return _own(name) if _FULL_NAME.fullmatch(name) else ""


def repeated_name(words: str, text: str) -> str:
    """An agency's whole name out of ``words`` the pattern ran in from before it (予以强制执行江海区自然资源局): the
    longest tail of them that is a whole name and that ``text`` writes more than once; "" when none is."""
    tails = (words[i:] for i in range(len(words) - 3))
    return next((t for t in tails if text.count(t) >= 2 and own_name(t)), "")


def title_agency(head: list[str]) -> str:
    """清溪县自然资源局行政处罚决定书(…号), 威海市自然资源和规划局 行 政 处 罚 决 定 书 …: the name before the title."""
    for line in head:
        m = _TITLE.match(line)
        if m and (name := _own(m.group(1))):
            return name
    return ""


def placed(name: str, text: str) -> str:
    """A self-name written without its place (信息来源：县林业局, 发布机构:市文化广电和旅游局) completed from the
    text's own full name for it; "" when the text does not write it whole. The place is the one the text
    writes most often before the level (…移送炎陵县林业局, 炎陵县… twice or more), else the one before the
    whole name after a time, a number or a clause mark (…19时45分三河市文化广电和旅游局执法人员)."""
    m = _PLACE_LESS.match(name)
    if not m or not text:
        return ""
    level, rest = m.groups()
    counts: dict[str, int] = {}
    for hit in re.finditer(rf"([\u4e00-\u9fa5]{{2,4}}){level}{re.escape(rest)}", text):
        for k in range(2, len(hit.group(1)) + 1):
            place = hit.group(1)[-k:]
            counts[place] = text.count(place + level)
    if counts and (place := max(counts, key=lambda p: (counts[p], -len(p)))) and counts[place] >= 2:
        return place + level + rest
    found = re.search(_PLACE_BEFORE.format(name=re.escape(name)), text)
    return _own(found.group(0)) if found else ""


def with_place(name: str, text: str) -> str:
    """``name`` with the higher place the text writes before it elsewhere (a news item's 被李沧区卫生健康局给予… and its
    …21日,青岛市李沧区卫生健康局执法人员…: 青岛市李沧区卫生健康局), else ``name`` as it is."""
    found = re.search(_PLACE_BEFORE.format(name=re.escape(name)), text)
    return official_name(found.group(0)) if found and _HIGHER_PLACE.search(found.group(0)[: -len(name)]) else name


_HIGHER_PLACE = re.compile(r"[省市州盟]$")
# a county's or county-level city's bureau is named without the province or prefecture above it (浏阳市应急管理局,
# 寻甸县水务局); a district's keeps its city (西安市临潼区农业农村局)
_PROVINCE_BEFORE = re.compile(r"^[\u4e00-\u9fa5]{2,8}?(?:省|自治区)(?=[\u4e00-\u9fa5]{1,6}?[市县州旗盟])")
_PREFECTURE_BEFORE_COUNTY = re.compile(r"^[\u4e00-\u9fa5]{2,6}?[市州盟](?=[\u4e00-\u9fa5]{1,5}?[县旗](?![城])[\u4e00-\u9fa5])")


def official_name(name: str) -> str:
    """The name a county-level agency signs with: a news item's 湖南省浏阳市应急管理局 is 浏阳市应急管理局, its
    昆明市寻甸县水务局 is 寻甸县水务局; a province's own department (湖南省应急管理厅) and a district's bureau keep
    their places."""
    rest = _PROVINCE_BEFORE.sub("", name)
    if rest != name and not own_name(rest):
        rest = name
    county = _PREFECTURE_BEFORE_COUNTY.sub("", rest)
    return county if own_name(county) else rest


def field_agency(lines: list[str]) -> str:
    """The agency a publicity page names in its own field (决定机关 乌鲁木齐市城乡规划管理局; 处罚机关 / | / …)."""
    from casefile.ingest.extract.published import field_values

    # (the first value that is a name: 执法机关代码：11330… is another field)
    return next((name for value in field_values(lines, _FIELD_LABELS) if (name := own_name(value))), "")


# the place (2–4 characters) before a whole name, after a time, a number or a clause mark (see ``placed``)
_PLACE_BEFORE = (r"(?:(?<=[^\u4e00-\u9fa5])|(?<=[分时日，,。、：:；;在由经对将与和及]))(?![分时日在由经对将与和及])"
                 r"[\u4e00-\u9fa5]{{2,4}}{name}")


def publisher_agency(head: list[str], text: str = "") -> str:
    """A published page's own label: 信息来源：溆浦县城市管理和综合执法局, 责任部门 灵武市发展和改革局, or the
    name printed after the page's time (2012-04-20 14:19 中华人民共和国住房和城乡建设部); a label's name
    without its place is completed from ``text`` when the text writes it whole."""
    for line in head:
        for m in _PUBLISHER.finditer(line):
            if name := _own(m.group("name")) or placed(m.group("name"), text):
                return name
    # the label on a line of its own, the name on the next (• 发布机构 / • 涪陵区林业局)
    for label, value in zip(head, head[1:]):
        if _PUBLISHER_ALONE.match(label) and (m := _NAME_LINE.fullmatch(value)) and (name := _own(m.group(1))):
            return name
    # a page printing its publisher after the time it was posted, without a label
    for line in head:
        if (m := _PUBLISHER_DATED.match(line) or _PUBLISHER_TIMED.match(line)) and (name := _own(m.group("name"))):
            return name
    return ""


def self_named_agency(text: str) -> str:
    """The agency naming itself in the narrative: the sender of the 告知书 that preceded the decision
    (…送达了《文山市自然资源局行政处罚告知书》), or XX局（以下简称“本局”）."""
    for p in _SELF:
        for m in p.finditer(text):
            if name := _own(m.group("name")):
                return name
    return ""


# a name starts after a mark, a figure or a date's 日/时/分 (2023年8月22日龙泉市应急管理局…), never inside a word
_NAME_AFTER_BREAK = r"(?:(?<![\u4e00-\u9fa5])|(?<=[日时分]))(?![年月日时分])"
_NARRATIVE = [re.compile(_NAME_AFTER_BREAK + p.replace("{name}", _NAME)) for p in _SPEC["narrative"]]
_NARRATIVE_NOT = re.compile(_SPEC["narrative_not"])
_NARRATIVE_UNIT = re.compile(_SPEC["narrative_unit"])
_NARRATIVE_PLACE = re.compile(_SPEC["narrative_place"])
_SPEAKS_AS_BUREAU = re.compile(r"[我本][局厅委]")


def narrative_agency(text: str) -> str:
    """The one agency a decision's narrative names handling the case — its officers inspecting, it opening the
    case or deciding it (…龙泉市应急管理局于2023年8月25日批准对王**进行立案调查) — for a decision that names its
    author no other way; "" when none does or two different ones do (a 分局 inspects, the 市局 decides)."""
    names = {m.group("name") for p in _NARRATIVE for m in p.finditer(text)}
    if _SPEAKS_AS_BUREAU.search(text):  # (its 执法支队 is its own team: 我局执法支队)
        names = {name for name in names if not _NARRATIVE_UNIT.search(name)}
    own = {full for name in names if not _NARRATIVE_NOT.search(name) and _NARRATIVE_PLACE.match(name)
           and (full := own_name(name) or placed(name, text))}
    return official_name(with_place(own.pop(), text)) if len(own) == 1 else ""
