"""Which catalogue type a document is, judged by its title first and its content
second, with a confidence. "unknown" is a proper answer: a wrong guess is not."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from doc_templates.catalogue import load_catalogue
DATA = Path(str(resources.files("casefile"))) / "data"  # the package's data, wherever this module sits

UNKNOWN = "unknown"
_PUNCT = re.compile(r"[\s（）()、/·]")


def _names() -> list[tuple[str, str]]:
    """(normalised title, code), longest first so 不予行政处罚决定书 wins over 行政处罚决定书."""
    out = []
    for t in load_catalogue().types:
        for n in {t.name, *t.aliases}:
            out.append((_PUNCT.sub("", n), t.code))
    return sorted(out, key=lambda x: -len(x[0]))


_PARTY_AFTER_TITLE = re.compile(r"(决定书)[—–－-]{1,2}[^—–－-]{2,40}$")
# a paper opening on 责令 and ending as an order's or a notice's title: the order to stop or correct, whatever sector's
# words stand between (责令停止水事违法行为通知书, 责令限期改正环境违法行为通知书)
_ORDER_TITLE = re.compile(r"(?:[\u4e00-\u9fa5]{2,30}?(?:局|委员会|大队|支队))?责令(?:停止|改正|限期|立即)(?:(?!拆除|处罚)[\u4e00-\u9fa5]){0,14}?(?:通知书|指令书)")
TITLE_LINES = 40  # a page's banner, menus, index fields and share buttons: up to some thirty lines above the title


def classify(lines: list[str], text: str) -> tuple[str, float]:
    names = _names()
    # 1. a line that is exactly a title, near the top (a published page's menus and index fields may push
    #    it to the fortieth line: then only a decision's title, or a title with its agency or its 文号, counts)
    for i, line in enumerate(lines[:TITLE_LINES]):
        if "：" in line or ":" in line or _LIST_ITEM.match(line):
            continue  # a label and its value (附件：审计组审计报告, 证照名称：营业执照) or an item of a list (1.询问笔录)
        # a web page's title may add the party after a dash (…局行政处罚决定书—湖北领御建筑工程有限公司)
        # or a note in brackets after it (行政处罚决定书（摘要）, …决定书(公示版))
        key = _PARTY_AFTER_TITLE.sub(r"\1", _PUNCT.sub("", _TITLE_NOTE.sub("", _BULLET.sub("", line))))
        if i < 8 and _ORDER_TITLE.fullmatch(key):
            return "rectification_notice", 0.9  # (责令停止水事违法行为通知书: an order, never the 交通 告知 违法行为通知书)
        for name, code in names:
            if i < 8 and (key == name or (key.endswith(name) and len(key) - len(name) <= 12 and len(name) >= 4)
                          or (key.startswith(name) and len(name) >= 4 and _DOC_NO_TAIL.fullmatch(key[len(name):]))):
                return code, 0.95 if i < 5 else 0.85
            # further down, under a page's index fields: a decision's title alone (林业行政处罚决定书), not a
            # paper an evidence list names on a line of its own (询问笔录)
            # (or with its agency's whole name before it: 保山市生态环境局行政处罚决定书 under 11 lines of index fields)
            if 8 <= i and name.endswith("决定书") and key.endswith(name) and (len(key) - len(name) <= 4 or _agency(key[: -len(name)])):
                return code, 0.75
            # the agency, the title and its 文号 on one line: 重庆市渝北区农业农村委员会行政处罚决定书 渝北农(农药)罚〔2025〕10号
            if len(name) >= 4 and 0 < (j := key.find(name)) <= 20 and _DOC_NO_TAIL.fullmatch(key[j + len(name):]):
                return code, 0.85 if i < 8 else 0.75
    # 2. a title inside the first lines (e.g. "清溪县市场监督管理局行政处罚决定书"); not another paper the text
    #    names (《行政处罚听证告知书》) or lists as evidence (营业执照复印件)
    # (a line's title is before its first sentence mark: …有驾驶员询问笔录、现场笔录… names evidence)
    head = _PUNCT.sub("", "".join(_CITED.sub("", re.split(r"[，,。；;]", l)[0]) for l in lines[:4] if not _LIST_ITEM.match(l)))
    for name, code in names:
        if len(name) >= 4 and name in head:
            return code, 0.7
    # 3. a published decision whose title was lost or never written: it opens on its 文号, the party's
    #    label or a salutation, and says what only a decision says (the measures decided, the notice served);
    #    but a 行政处理决定书 has that shape too and decides no penalty (recognition.toml, before_shape)
    from casefile.ingest.recognition import CONFIDENCE, by_content

    if code := by_content(text, before_shape=True):
        return code, CONFIDENCE
    if _decision_shaped(lines, text):
        return ("no_penalty_decision" if "不予" in text[:60] else "decision"), 0.6
    # a published summary telling of a decision in the third person (XX局对YY公司…作出行政处罚决定)
    from casefile.ingest.extract.published import summary

    if summary(text):
        return "decision", 0.5
    # 4. a form known by its content (casefile/data/recognition.toml: patterns that must all hold)
    code = by_content(text)
    if code:
        return code, CONFIDENCE
    # 5. a page holding a decision's end but not its opening (its title, 文号 and party are on another page):
    #    its operative part decides a measure on a cited article — a fragment of a decision, not an unknown text
    if decision_fragment(text):
        return "decision", FRAGMENT
    # 6. nothing says what it is: say so
    return UNKNOWN, 0.0


# the confidence of a decision known only by its operative part (classify step 5): a fragment, read as abridged
FRAGMENT = 0.4


def decision_fragment(text: str) -> bool:
    """The text decides (决定…如下/处以, not 拟/建议) a measure with an amount, on an article of a law cited by name."""
    from casefile.ingest.extract.decision import read_decision

    d = read_decision(text)
    return bool(d.operative and not d.proposal and any(m.amount is not None for m in d.measures)
                and any(c.article for c in d.citations))


def _agency(words: str) -> bool:
    """``words`` are an agency's whole name (保山市生态环境局), as a title's opening."""
    from casefile.ingest.extract.agency import own_name

    return bool(own_name(words))


# an item of a list (1.询问笔录, （二）现场检查笔录) names a paper of the evidence, never this one's title
_LIST_ITEM = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．)）]|^[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|^证据[一二三四五六七八九十\d]+[:：]")
# a note in brackets closing a title line: 行政处罚决定书（摘要）, 行政处罚决定书(公示版), 询问笔录（第二次）
_TITLE_NOTE = re.compile(r"\s*[（(][^（）()]{1,6}[)）]\s*$")
# a web page's bullet before a field (• 标题)
_BULLET = re.compile(r"^[•·●▪\-－]+\s*")


# a file named by its title, as archives name them: "07 陈述申辩笔录", "10文书送达回执（告知书）"
_FILE_NUMBERING = re.compile(r"^[\d\s._\-、]+|[（(][^（）()]{0,12}[）)]$")


def by_file_name(stem: str) -> str | None:
    """The catalogue type a file's name gives (its leading number and a trailing note dropped), or
    None. Only for a text that names no type itself (a party's letter opening on 致……：)."""
    key = _PUNCT.sub("", _FILE_NUMBERING.sub("", _FILE_NUMBERING.sub("", stem.strip())))
    for name, code in _names():
        if key == name or (len(name) >= 4 and key.endswith(name) and len(key) - len(name) <= 12):
            return code
    return None

# the title and its 文号 on one line: 行政处罚决定书 灵发改行处(招)字〔2022〕07号
_DOC_NO_TAIL = re.compile(r"[\u4e00-\u9fa5\dA-Za-z]{1,20}[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］][^。]{0,16}号")
# what the head names without being it: another paper (《行政处罚听证告知书》, “云南省非税收入一般缴款书”), evidence
# (营业执照复印件), a label's value
# (主体资格证照名称：营业执照), the papers a sentence gives as proof (上述行为及事实有…询问笔录、现场检查笔录…证据为证;
# …事实由当事人陈述、证人证言、现场勘查笔录和照片…等证据证实), the paper a party's letter says it received
# (我公司收到贵局听证告知书，申请举行听证)
_CITED = re.compile(r"《[^《》]*》|“[^“”]*”|[^，,。；;、]{0,20}复印件|(?<=[:：])[^，,。；;:：]{0,12}"
                    r"|事实[^，,。；;]{0,4}?[有由][^，,。；;]*|[^，,。；;]*、[^，,。；;]*(?:为证|证实|佐证|证明)[^，,。；;]*"
                    r"|(?:收到|接到|收悉)[^，,。；;]{0,24}")


@lru_cache(maxsize=1)
def _shape() -> dict[str, list[re.Pattern]]:
    with open(DATA / "extract" / "decision.toml", "rb") as f:
        spec = tomllib.load(f)["shape"]
    return {k: [re.compile(p, re.M) for p in v] for k, v in spec.items()}


def _decision_shaped(lines: list[str], text: str) -> bool:
    shape = _shape()
    opening = "\n".join(lines[:3]) + "\n"
    body = "\n".join(lines)
    # a 文号 or a label heading one of the first twelve lines: a published page may open on its menus
    first = "\n".join(lines[:12]) + "\n"
    if any(p.search(first) for p in shape["numbered"]) and any(p.search(first) for p in shape["party_named"]):
        return True  # its own penalty 文号, then the party: the opening of a decision (nothing decided yet in view)
    if any(p.search(text) for p in shape["facts"]):
        return True  # its facts section, the provision violated, nothing proposed: a decision cut before what it decides
    return ((any(p.search(opening) for p in shape["opening"]) or any(p.search(first) for p in shape["opening_anywhere"]))
            and any(p.search(opening if p.pattern.startswith("^") else body) for p in shape["decided"]))


_ABRIDGED_MARKERS = ("公示", "信息公开", "摘要")
# a 责令改正违法行为决定书 is served and published (公示) as a penalty decision is: a copy cut before its remedies and
# its seal is an opening, not the paper (an 审计决定书 is not published so: one without them is the office's own)
_FORMED = ("rectification_notice",)


def looks_abridged(code: str, text: str) -> bool:
    """A public-notice version (公示摘要) of a decision, or a copy that holds only its opening: no evidence
    list and no remedies notice, or a notice that says it is the public summary; but not a short decision
    that is whole (casefile.ingest.extract.wholeness: a decided measure, then its remedies or its seal)."""
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.wholeness import whole_decision, whole_formed

    if code in _FORMED:
        return "决定书" in text[:200] and not whole_formed(read_decision(text))
    if code not in ("decision", "no_penalty_decision", "unknown"):
        return False  # (a 不予处罚决定书 is published cut short as often as a 处罚 one)
    head = text[:200]
    if any(m in head for m in _ABRIDGED_MARKERS) and "决定书" not in head:
        return True
    has_evidence = bool(re.search(r"证据|为证|佐证|予以证实|等证实", text))  # (以询问笔录等为证)
    has_remedy = "复议" in text and "诉讼" in text
    has_notice = "告知" in text
    # the public summaries run to about a third of a full decision (median 948 vs 2,896 characters)
    short = len(text) < 1400
    return short and not (has_evidence and has_remedy and has_notice) and not whole_decision(read_decision(text))
