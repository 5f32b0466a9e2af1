"""The lines of a text as the line-by-line readers (header labels, salutation, title, signature) want them.
A page whose body was flattened into one line (its breaks lost, or turned into spaces) is broken again
after its title, before its field labels, after its sentence ends and its 文号, and after a salutation:
a reader then finds “当事人：…” or “XX公司：” at a line's start as it would on paper. Only lines longer
than ``[lines].long`` are broken, or longer than ``[lines].glued`` when they open on a title with more after it;
the text itself and its offsets are not touched. A publicity table whose columns are set apart by runs of spaces
(序号  案件名称  被处罚对象名称  …  处罚决定文号 / 1  …案  东宁育泉砼业有限公司  …) keeps its cells apart, as
a table written with bars (序号|案件名称|…), so its header row still lines up with its record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from casefile.ingest.extract.entities import pattern_data
from casefile.ingest.extract.normalize import compact

# what may stand before a title on its line: an agency's name, not a sentence (…自收到本行政处罚决定书之日起)
_NAME_ONLY = re.compile(r"[^，,。；;:：《》“”\"本]{0,40}")
# a page flattened with its breaks turned into spaces: a space between two runs of four or more Chinese characters
# or marks was a break (a letter-spaced title 行 政 处 罚 and a PDF's 2025 年 1 月 have shorter runs around theirs)
# marks a piece may open on: a cell's bar, a list's dot, a toolbar's brackets (字体:[] / 】责令改正违法行为决定书)
_LEFT_MARKS = re.compile(r"^(?:\[\]|【】|[|｜•·】\]])+")
# a table's column gap: two spaces or more, or a tab
_COLUMN_GAP = re.compile(r"[ \t\u3000]{2,}|\t")
_SPACE_BREAK = re.compile(r"(?<![:：|｜])(?<=[^\x00-\x7f]{4})\s+(?=[^\x00-\x7f]{4})")


def _either(words, word_ends=()) -> str:
    """Any of ``words``, the longest first; one that ends a longer word not where that word's head stands before it
    (社会信用代码 not inside 统一社会信用代码, 电话 not inside 联系电话); one of ``word_ends`` not after a Chinese
    character (单位 not inside 执收单位)."""
    words = sorted(set(words), key=len, reverse=True)

    def alone(w: str) -> str:
        heads = "".join(f"(?<!{re.escape(o[:-len(w)])})" for o in words if len(o) > len(w) and o.endswith(w))
        return heads + ("(?<![\u4e00-\u9fa5])" if w in word_ends else "") + re.escape(w)

    return "(?:" + "|".join(map(alone, words)) + ")"


@dataclass(frozen=True)
class _Rules:
    long: int
    glued: int
    flat: int  # page labels on a line that make it a flattened page
    title: re.Pattern
    cut: re.Pattern
    salutation: re.Pattern
    case_then_salutation: re.Pattern
    page: re.Pattern
    columns: re.Pattern
    labels: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = pattern_data()
    spec, party, published = data["lines"], data["party"], data["published"]
    labels = {*spec["labels"], *party["labels"], *party["address_labels"]}
    named = labels | set(spec["page_labels"])  # these with a colon after them
    # these with or without one (a table's columns; a party label there only if [lines] names it)
    bare = set(spec["table_labels"]) | ({*party["table_labels"], *data["agency"]["field_labels"], *published["header_labels"],
                                         *published["doc_no_labels"], *published["date_labels"]} - set(party["labels"]))
    doc_no = "(?:" + "|".join(data["labels"]["DOC_NO"]["patterns"]) + ")"
    cut = re.compile(f"(?={_either(named, spec['word_end_labels'])}[:：])|(?={_either(bare)})|{spec['signature_date']}|"
                     f"{_either(spec['page_count_labels'])}[:：]\\d*|"
                     + spec["after"].replace("{doc_no}", doc_no))
    return _Rules(int(spec["long"]), int(spec["glued"]), int(spec["page_labels_flat"]), re.compile(spec["title_end"]), cut,
                  re.compile(spec["salutation"]), re.compile(spec["case_then_salutation"]),
                  re.compile(f"{_either(spec['page_labels'])}[:：]"), re.compile(_either(bare)),
                  frozenset(named | bare))


def _split(line: str, cut: re.Pattern) -> list[str]:
    """``line`` cut at every match of ``cut``: before a label (an empty match), after an ending."""
    out, start = [], 0
    for m in cut.finditer(line):
        if m.end() > start:
            out.append(line[start:m.end()])
            start = m.end()
    return out + [line[start:]] if start < len(line) else out


def _spaced_rows(lines: list[str]) -> dict[int, str]:
    """index -> the row written with bars, for a header row whose columns are set apart by gaps of spaces (four
    cells or more, one of them a publicity table's column) and the rows under it with as many cells."""
    header = set(pattern_data()["published"]["header_labels"])
    out: dict[int, str] = {}
    width = 0
    for n, line in enumerate(lines):
        parts = _COLUMN_GAP.split(line.strip())
        if len(parts) < 4 and not width:
            continue  # (most lines: no gaps, no table above them — nothing to compact here)
        cells = [compact(c).text for c in parts if c.strip()]
        if len(cells) >= 4 and header.intersection(cells):
            width = len(cells)
        elif not width or len(cells) != width:
            width = 0 if line.strip() else width
            continue
        out[n] = "|".join(cells) + "|"
    return out


def _flattened(whole: str, r: _Rules) -> bool:
    """Whether a line is a flattened page: longer than ``long``; or longer than ``glued`` and opening on a title
    with more after it, or holding a page's labels (发布时间:…来源:…) or a publicity table's columns (决定书文号…
    违法行为类型…)."""
    if len(whole) > r.long:
        return True
    if len(whole) <= r.glued:
        return False
    heads = r.title.search(whole[:60])  # a title opening the line (its agency before it), more after it
    if heads and _NAME_ONLY.fullmatch(whole[:heads.start()]) and heads.end() < len(whole) - 10:
        return True
    return len(r.page.findall(whole)) >= r.flat or len(r.columns.findall(whole)) >= r.flat


def _pieces(line: str, r: _Rules) -> list[str]:
    """A flattened line broken as the module says."""
    out: list[str] = []
    spaced = (compact(p).text for p in _SPACE_BREAK.split(line))
    for part in (p for s in spaced for t in _split(s, r.title) for p in _split(t, r.cut)):
        part = _LEFT_MARKS.sub("", part)  # a cell's, a list's or a toolbar's mark left at the start of a piece
        if (c := r.case_then_salutation.match(part)) and c.group("name") in c.group("case"):
            out.append(c.group("case"))  # (…公司非法占地案 / …公司:我局…)
            part = part[c.end("case"):]
        m = r.salutation.match(part)
        if m and m.end() < len(part) and m.group(0).strip(":：") not in r.labels:
            out += [part[:m.end()], part[m.end():]]
        elif part:
            out.append(part)
    return out


def text_lines(original: str) -> list[str]:
    """The non-blank lines of ``original``, each compacted; flattened ones broken as the module says."""
    r = _rules()
    out: list[str] = []
    raw = original.splitlines()
    rows = _spaced_rows(raw)
    for n, line in enumerate(raw):
        whole = rows.get(n) or compact(line).text
        if n in rows or not _flattened(whole, r):
            if whole:
                out.append(whole)
            continue
        out += _pieces(line, r)
    return out
