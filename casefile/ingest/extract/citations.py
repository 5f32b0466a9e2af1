"""Law citations: 《中华人民共和国价格法》第十四条第一款第（四）项、第四十条 → law,
article, paragraph, item — one citation per provision, the law carried along a list.

Decisions cite in many shapes, all seen in the published corpus:
``第九条第（二）项、第（四）项`` (a list of items under one article),
``第十六条第（二）、（三）款``, ``第四十四条、四十五条``,
``《…》（国市监法规〔2022〕2号）第十四条`` (a parenthesis between title and article),
``第十四条“…”和第十六条第二款“…”`` (quoted provisions inside the list),
``本法第十八条`` / ``该规定第九条`` (back-references), ``价格法第四十二条`` (no brackets)
and ``第二编第六条【裁量基准】第一款第一项``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casefile.law.laws import unfooted
from casefile.model.cn import parse_cn_number

NUM = r"[〇零一二三四五六七八九十百千两\d]+"
# one provision part; 第 may be dropped inside a list (、四十五条; （三）款)
_PART = re.compile(rf"(第)?第?[（(【]?({NUM})[)）】]?(条|款|项|目|点)(?:之({NUM}))?")
# 第（二）、（三）款: the first element takes its level from the last
_ENUM = re.compile(rf"(第)?[（(]({NUM})[)）](?=(?:[、和及](?:第)?[（(]{NUM}[)）])*[、和及](?:第)?[（(]{NUM}[)）](款|项))")
_BARE_ITEM = re.compile(rf"[（(]({NUM})[)）](?!{NUM}|[条款项目点、])")
_DIVISION = re.compile(rf"(?:第{NUM}[编章节])+")
_NOTE = re.compile(r"【[^【】]{1,12}】")
_JOIN = re.compile(r"以及|或者|[、，,和及与或]")
_PAREN = re.compile(r"(?:[（(][^（）()《》“”]{1,30}[)）])+[，,]?")
_SLASH = re.compile(r"[/／]")  # 《明码标价和禁止价格欺诈规定》/第五条/第一款
_QUOTED_ARTICLE = re.compile(r"[“\"](?=第)")  # 《中华人民共和国价格法》“第四十条经营者有…”: the quote opens on the article
# 第十条第四项规定的应当依法从轻行政处罚和第十一条第二项: the same rule, after its effect
_EFFECT = re.compile(r"(?:之?规定的?)[^，,。；：“”《》（）]{1,16}?(?=[和及、]第)")
_QUOTE = re.compile(r"[：:]?“[^“”]{0,600}”(?:的规定|之规定|规定)?[：:]?")
_TITLE = re.compile(r"《([^《》]{2,60})》")
_BACKREF = re.compile(r"(?:本法|该法|同法|本规定|该规定|本条例|该条例|本办法|该办法|本细则|该细则|该企标|该标准|上述规定)(?=第)")


@dataclass(frozen=True)
class Citation:
    law: str  # normalised name
    written: str  # as written between the brackets
    article: int | None
    paragraph: int | None
    item: int | None
    start: int  # offsets in the text searched
    end: int
    text: str
    sub: int | None = None  # 第X条之一

    def to_value(self) -> dict:
        return {"law": self.law, "written": self.written, "article": self.article, "paragraph": self.paragraph,
                "item": self.item, "sub": self.sub}


@lru_cache(maxsize=1)
def _catalogue() -> dict:
    path = Path(str(resources.files("casefile") / "data" / "extract" / "laws.toml"))
    with open(path, "rb") as f:
        return tomllib.load(f)


def _short_names() -> dict[str, str]:
    return _catalogue()["short"]


def normalise_law_name(name: str) -> str:
    """《价格法》→ 中华人民共和国价格法; whitespace removed; misnamed laws kept as written."""
    n = re.sub(r"\s+", "", name).strip("《》")
    # page furniture that PDF extraction drops into a title: 《中第8页华人民共和国…》, 《/共6页中华…》, 《6中华人民共和国…》
    n = unfooted(n)
    n = re.sub(r"^\d+(?=中华)", "", n)
    n = n.replace("(", "（").replace(")", "）")
    if n.startswith("中华人民共和国"):
        return n
    return _short_names().get(n, n)


def _num(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return parse_cn_number(s)
    except ValueError:
        return None


@dataclass
class _Anchor:
    start: int
    end: int
    law: str
    written: str
    is_title: bool


def find_citations(text: str) -> list[Citation]:
    """Every provision cited in ``text`` (which should be compacted first)."""
    anchors = _anchors(text)
    quoted = _quoted_spans(text)
    out: list[Citation] = []
    for a in anchors:
        if not a.is_title and (_inside(a.start, quoted) or out and _STATUTE_TEXT.match(text[out[-1].end:a.start])):
            continue  # 本法第十四条 inside the quoted text of another provision is that provision's wording
        found = _provisions(text, a)
        if found:
            out.extend(found)
        elif a.is_title and _looks_like_law(a.written):
            out.append(Citation(a.law, a.written, None, None, None, a.start, a.end, text[a.start:a.end]))
    return out


# what follows a cited article when its wording is reproduced: 第四十条“经营者有本法第十四条…
_STATUTE_TEXT = re.compile(r"^[：:“，,][^。；]{0,40}$")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^“”]{0,600}”", text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    # spans are sorted and disjoint (one finditer): only the last one starting before pos can hold it,
    # found by bisection: a 20 MB text has tens of thousands of quotations
    i = bisect.bisect_left(spans, (pos, -1)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _anchors(text: str) -> list[_Anchor]:
    """Where a law is named: 《titles》, known names without brackets, and 本法-style back-references."""
    titles: list[_Anchor] = []
    # every 《…》, law or not: no bare name or back-reference inside one. The spans taken are disjoint,
    # kept sorted and searched by bisection, so a long text costs in proportion to its length
    taken: list[tuple[int, int]] = []
    for m in _TITLE.finditer(text):
        taken.append(m.span())
        written = m.group(1)
        if _looks_like_law(written) or _first_part(text, m.end()) and not written.endswith(("协议", "合同")):
            titles.append(_Anchor(m.start(), m.end(), normalise_law_name(written), written, True))

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_left(taken, (e, -1)) - 1  # the last span starting before e
        return i < 0 or taken[i][1] <= s

    bare: list[_Anchor] = []
    for m in _bare_name_matches(text, {a.written for a in titles}):
        if free(m.start(), m.end()) and _first_part(text, m.end()):
            bare.append(_Anchor(m.start(), m.end(), normalise_law_name(m.group(0)), m.group(0), False))
            bisect.insort(taken, (m.start(), m.end()))
    named = sorted(titles + bare, key=lambda a: a.start)
    ends = [a.end for a in named]  # named anchors are disjoint: their ends are sorted too
    refs: list[_Anchor] = []
    for m in _BACKREF.finditer(text):
        i = bisect.bisect_right(ends, m.start()) - 1  # the last law named before the back-reference
        if i >= 0 and free(m.start(), m.end()):
            refs.append(_Anchor(m.start(), m.end(), named[i].law, named[i].written, False))
    return sorted(named + refs, key=lambda a: a.start)


@lru_cache(maxsize=1)
def _catalogue_names() -> frozenset[str]:
    cat = _catalogue()
    return frozenset(cat["short"]) | frozenset(cat["short"].values()) | frozenset(cat.get("known", {}).get("names", []))


def _bare_names(titles: set[str]) -> list[str]:
    """Names a decision may write without 《》: its own titles, the short-name table and known rules."""
    names = {re.sub(r"\s+", "", t) for t in titles} | _catalogue_names()
    names = {n for n in names if len(n) >= 3 and _looks_like_law(n)}
    return sorted(names, key=len, reverse=True)  # longest first: 中华人民共和国价格法 before 价格法


@lru_cache(maxsize=1)
def _catalogue_pattern() -> tuple[frozenset[str], re.Pattern | None]:
    names = _bare_names(set())
    return frozenset(names), (re.compile("|".join(map(re.escape, names))) if names else None)


def _bare_name_matches(text: str, titles: set[str]):
    """``re.finditer("|".join(_bare_names(titles)), text)`` without compiling the catalogue's
    alternation again for every document's titles: the catalogue's pattern is compiled once, the
    document's own names apart, and the two are merged — at each position the longer name, as one
    longest-first alternation would."""
    known, cat = _catalogue_pattern()
    own = {re.sub(r"\s+", "", t) for t in titles}
    own = sorted((n for n in own if n not in known and len(n) >= 3 and _looks_like_law(n)), key=len, reverse=True)
    if not own:
        if cat is not None:
            yield from cat.finditer(text)
        return
    pats = [p for p in (cat, re.compile("|".join(map(re.escape, own)))) if p is not None]
    nxt = [p.search(text) for p in pats]
    while True:
        found = [m for m in nxt if m is not None]
        if not found:
            return
        m = min(found, key=lambda m: (m.start(), -m.end()))
        yield m
        pos = m.end()
        # a pattern's next match stands while it starts at or after pos (nothing before it matched)
        nxt = [n if n is not None and n.start() >= pos else (p.search(text, pos) if n is not None else None)
               for p, n in zip(pats, nxt)]


def _skip(text: str, pos: int, *patterns: re.Pattern) -> int:
    for p in patterns:
        m = p.match(text, pos)
        if m:
            pos = m.end()
    return pos


def _part(text: str, pos: int) -> re.Match | None:
    return _PART.match(text, pos) or _ENUM.match(text, pos)


def _first_part(text: str, end: int, after_title: bool = False) -> re.Match | None:
    """The article right after a law name ending at ``end``; 第 may be missing straight after a title (》十九条)."""
    pos = _skip(text, end, _PAREN, _SLASH, _QUOTED_ARTICLE, _DIVISION)
    m = _PART.match(text, pos)
    if m and m.group(3) == "条" and (m.group(1) or m.group(0)[0] == "【" or after_title and pos == end):
        return m
    return None


def _provisions(text: str, a: _Anchor) -> list[Citation]:
    """Read the chain of 条/款/项 after a law name; each complete provision is one citation."""
    m = _first_part(text, a.end, a.is_title)
    if not m:
        return []
    cites: list[list] = []  # [article, paragraph, item, sub, start, end]
    article = paragraph = None
    sub = None
    first = True
    while True:
        level, n = m.group(3), _num(m.group(2))
        start = a.start if first else m.start()
        first = False
        if level == "条":
            article, paragraph, sub = n, None, _num(m.group(4))
            cites.append([article, None, None, sub, start, m.end()])
        elif level == "款":
            last = cites[-1]
            if last[0] == article and last[1] is None and last[2] is None:
                last[1], last[5] = n, m.end()
            else:
                cites.append([article, n, None, sub, start, m.end()])
            paragraph = n
        elif level == "项":
            last = cites[-1]
            if last[0] == article and last[1] == paragraph and last[2] is None:
                last[2], last[5] = n, m.end()
            else:
                cites.append([article, paragraph, n, sub, start, m.end()])
        pos = _skip(text, m.end(), _NOTE)
        # 第一款（四）: an item written without 第…项
        b = _BARE_ITEM.match(text, pos)
        if b and level in ("条", "款"):
            last = cites[-1]
            last[2], last[5] = _num(b.group(1)), b.end()
            pos = b.end()
        nxt = _next_part(text, pos)
        if not nxt:
            break
        m = nxt
    return [Citation(a.law, a.written, c[0], c[1], c[2], c[4], c[5], text[c[4]:c[5]], c[3]) for c in cites]


def _next_part(text: str, pos: int) -> re.Match | None:
    """The next part of the same chain: adjacent (第一款 after 第十四条), after a join
    (、第四十条; 及第六项), or after a quoted provision (第十四条“…”和第十六条)."""
    for p in (_skip(text, pos, _SLASH), _skip(text, pos, _QUOTE)):
        m = _part(text, p)
        if m and m.group(1):
            return m
        j = _JOIN.match(text, p)
        if j:
            m = _part(text, j.end())
            if m and (m.group(1) or m.group(3) != "条" or not m.group(2).isdigit()):
                return m
    e = _EFFECT.match(text, pos)
    if e:
        m = _PART.match(text, e.end() + 1)
        if m and m.group(1) and m.group(3) == "条":
            return m
    return None


_LAW_WORDS = ("法", "条例", "规定", "办法", "规则", "细则", "决定", "解释", "标准", "目录", "意见", "通知", "准则")


def _looks_like_law(name: str) -> bool:
    """《…》 also quotes document titles (《行政处罚告知书》) and products; keep legal norms."""
    n = re.sub(r"\s+", "", name)
    if any(n.endswith(w) for w in ("书", "表", "单", "笔录", "回证", "证", "报告", "清单")):
        return False
    return any(w in n for w in _LAW_WORDS)
