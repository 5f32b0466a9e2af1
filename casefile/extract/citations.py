"""Law citations: 《中华人民共和国价格法》第十四条第一款第（四）项、第四十条 → law,
article, paragraph, item — one citation per article, the law carried along a list."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casefile.cn import parse_cn_number

NUM = r"[〇零一二三四五六七八九十百千两\d]+"
_ARTICLE = re.compile(
    rf"第({NUM})条(?:之({NUM}))?(?:第({NUM})款)?(?:第[（(]?({NUM})[)）]?项)?"
)
_JOIN = re.compile(r"以及|[、，,和及与或]")
_TITLE = re.compile(r"《([^《》]{2,60})》")


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

    def to_value(self) -> dict:
        return {"law": self.law, "written": self.written, "article": self.article, "paragraph": self.paragraph, "item": self.item}


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    path = Path(str(resources.files("casefile") / "data" / "extract" / "laws.toml"))
    with open(path, "rb") as f:
        return tomllib.load(f)["short"]


def normalise_law_name(name: str) -> str:
    """《价格法》→ 中华人民共和国价格法; whitespace removed; misnamed laws kept as written."""
    n = re.sub(r"\s+", "", name).strip("《》")
    # page furniture that PDF extraction drops into a title: 《中第8页华人民共和国…》, 《6中华人民共和国…》
    n = re.sub(r"第\d+页(共\d+页)?", "", n)
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


def find_citations(text: str) -> list[Citation]:
    """Every article cited in ``text`` (which should be compacted first)."""
    out: list[Citation] = []
    for m in _TITLE.finditer(text):
        written = m.group(1)
        if not _looks_like_law(written):
            continue
        law = normalise_law_name(written)
        pos = m.end()
        found = False
        while True:
            a = _ARTICLE.match(text, pos)
            if not a:
                break
            start = m.start() if not found else a.start()  # the first article carries the title
            found = True
            out.append(Citation(law, written, _num(a.group(1)), _num(a.group(3)), _num(a.group(4)), start, a.end(), text[start:a.end()]))
            pos = a.end()
            j = _JOIN.match(text, pos)
            if not j:
                break
            nxt = _ARTICLE.match(text, j.end())
            if not nxt:
                break
            pos = j.end()
        if not found:
            out.append(Citation(law, written, None, None, None, m.start(), m.end(), m.group(0)))
    return out


_LAW_WORDS = ("法", "条例", "规定", "办法", "规则", "细则", "决定", "解释", "标准", "目录", "意见", "通知", "准则")


def _looks_like_law(name: str) -> bool:
    """《…》 also quotes document titles (《行政处罚告知书》) and products; keep legal norms."""
    n = re.sub(r"\s+", "", name)
    if any(n.endswith(w) for w in ("书", "表", "单", "笔录", "回证", "证", "报告", "清单")):
        return False
    return any(w in n for w in _LAW_WORDS)
