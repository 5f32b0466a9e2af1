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
from functools import lru_cache

from casefile.ingest.extract.entities import pattern_data
from casefile.ingest.extract.normalize import compact

# what may stand before a title on its line: an agency's name, not a sentence (…自收到本行政处罚决定书之日起)
_NAME_ONLY = re.compile(r"[^，,。；;:：《》“”\"本]{0,40}")
# a page flattened with its breaks turned into spaces: a space between two runs of four or more Chinese characters
# or marks was a break (a letter-spaced title 行 政 处 罚 and a PDF's 2025 年 1 月 have shorter runs around theirs)
# a table's column gap: two spaces or more, or a tab
_COLUMN_GAP = re.compile(r"[ \t\u3000]{2,}|\t")
_SPACE_BREAK = re.compile(r"(?<![:：|｜])(?<=[^\x00-\x7f]{4})\s+(?=[^\x00-\x7f]{4})")


def _either(words) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + ")"


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[int, int], re.Pattern, re.Pattern, re.Pattern, frozenset[str]]:
    data = pattern_data()
    spec, party, published = data["lines"], data["party"], data["published"]
    labels = {*spec["labels"], *party["labels"], *party["address_labels"]}
    named = labels | set(spec["page_labels"])  # these with a colon after them
    # these with or without one (a table's columns; a party label there only if [lines] names it)
    bare = set(spec["table_labels"]) | ({*party["table_labels"], *data["agency"]["field_labels"], *published["header_labels"],
                                         *published["doc_no_labels"], *published["date_labels"]} - set(party["labels"]))
    doc_no = "(?:" + "|".join(data["labels"]["DOC_NO"]["patterns"]) + ")"
    cut = re.compile(f"(?={_either(named)}[:：])|(?={_either(bare)})|{spec['signature_date']}|"
                     + spec["after"].replace("{doc_no}", doc_no))
    return ((int(spec["long"]), int(spec["glued"])), re.compile(spec["title_end"]), cut, re.compile(spec["salutation"]),
            frozenset(named))


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
        cells = [compact(c).text for c in _COLUMN_GAP.split(line.strip()) if c.strip()]
        if len(cells) >= 4 and header.intersection(cells):
            width = len(cells)
        elif not width or len(cells) != width:
            width = 0 if line.strip() else width
            continue
        out[n] = "|".join(cells) + "|"
    return out


def text_lines(original: str) -> list[str]:
    """The non-blank lines of ``original``, each compacted; long ones broken as the module says."""
    (long, glued), title, cut, salutation, labels = _rules()
    out: list[str] = []
    raw = original.splitlines()
    rows = _spaced_rows(raw)
    for n, line in enumerate(raw):
        if n in rows:
            out.append(rows[n])
            continue
        whole = compact(line).text
        heads = title.search(whole[:60])  # a title opening the line (its agency before it), more after it
        heads = heads if heads and _NAME_ONLY.fullmatch(whole[:heads.start()]) else None
        if len(whole) <= long and not (len(whole) > glued and heads and heads.end() < len(whole) - 10):
            if whole:
                out.append(whole)
            continue
        spaced = (compact(p).text for p in _SPACE_BREAK.split(line))
        for part in (p for s in spaced for t in _split(s, title) for p in _split(t, cut)):
            part = part.lstrip("|｜•·")  # a cell's or a list's mark left at the start of a piece
            m = salutation.match(part)
            if m and m.end() < len(part) and m.group(0).strip(":：") not in labels:
                out += [part[:m.end()], part[m.end():]]
            elif part:
                out.append(part)
    return out
