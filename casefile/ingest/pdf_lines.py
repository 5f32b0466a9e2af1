"""A PDF page's text layer as paragraphs, not as the lines its layout wrapped.

pdfium gives the text line by line as laid out: a paragraph that fills the width goes on at the next line's
left margin, so a name, a 文号 or an amount is cut wherever the line ran out (“溆浦县城市管理” / “和综合执法局”,
“(文市自然” / “资决字〔2023〕第 11 号)”). Read from the characters' boxes: a line that runs from the margin (or
its first-line indent) to the right edge of the page's text, short of it by no more than the next line's first
unbreakable piece, followed by a line of the same size that starts at the margin (or, after a centred title's
full line, its centred rest), is one paragraph with it. A paragraph's last line, a line spaced out in columns,
a right-aligned 文号 or date, a new indented paragraph stay their own. A glyph drawn after the rest of its
line (a fallback font's ﹝﹞) is put back in its place.

A page number standing alone at the page's top or foot (“— 1 —”, “第 1 页 共 3 页”, a bare centred “3”) is no
text of the document and is dropped, as the .docx reader drops it. A form's row printed from a table (当事人,
a cell's wide gap, the name) is read as the labelled line the .docx reader reads from the same row. A scanned
page's OCR boxes go through the same rules (casefile.ingest.ocr).
"""

from __future__ import annotations

import ctypes
import re
import statistics
from dataclasses import dataclass

PAGE_NUMBER = re.compile(r"^[\s—–\-－·]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)[\s—–\-－·]*$")
_BARE_NUMBER = re.compile(r"\d{1,4}")
# a form's label cell: a few words, no figures, no sentence punctuation (当事人, 统一社会信用代码, 单位/个人)
LABEL_CELL = re.compile(r"[\u4e00-\u9fff（）()/、]{2,14}")
_OPENS, _CLOSES = "（(〔[［【《“‘「『﹝", "）)〕]］】》”’」』﹞。，、；：？！,.;:?!%"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass
class Line:
    """A visual line of a page, from a text layer's character boxes or from OCR's boxes (y grows upwards)."""

    text: str
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    size: float = 0.0  # the height of its tallest character's box: the font size, near enough
    gap: float = 0.0  # the widest space between two of its characters
    lead: float = 0.0  # the width of its first unbreakable piece (“为。”, “〔2024〕80”): what a wrap carries down


def _in_order(s: str, boxes: list) -> list[tuple[str, tuple]]:
    """A visual line's characters left to right, with their boxes. A glyph drawn from another font (a
    fallback's ﹞, curly quotes) may come after the rest of its line in the content stream: “通01环罚﹝2024 71 ﹞号”."""
    chars = list(zip(s, boxes))
    lefts = [b[0] for c, b in chars if not c.isspace()]
    if all(b >= a - 1.0 for a, b in zip(lefts, lefts[1:])):
        return chars
    return sorted(chars, key=lambda p: p[1][0])


def labelled(head: str, rest: str) -> str | None:
    """``head``, a form's label cell printed apart from its value ``rest``, read as “当事人：XX公司”; None if
    ``head`` is no label."""
    head = re.sub(r"\s+", "", head)  # a letter-spaced label: 当 事 人
    return f"{head}：{rest.strip()}" if LABEL_CELL.fullmatch(head) and rest.strip() else None


def _labelled(chars: list[tuple[str, tuple]], h: float) -> str:
    """The line's text; a form's row printed from a table (a label cell, the cell's wide gap, its value) is
    read as the labelled line a person reads, “当事人：XX公司”, as the .docx reader reads the same row."""
    text = "".join(c for c, _ in chars).strip()
    ink = [k for k, (c, _) in enumerate(chars) if not c.isspace()]
    for a, b in zip(ink, ink[1:]):
        if chars[b][1][0] - chars[a][1][2] > 1.5 * h:
            return labelled("".join(c for c, _ in chars[:b]), "".join(c for c, _ in chars[b:])) or text
    return text


def _boxes(tp, start: int, end: int) -> list[tuple]:
    """(left, bottom, right, top) of the characters start … end-1: through pdfium's own call, with four doubles
    made once (pypdfium2's get_charbox makes them per character: three times slower, on every page read)."""
    raw = getattr(tp, "raw", None)
    if raw is None:
        return [tp.get_charbox(i) for i in range(start, end)]
    import pypdfium2.raw as pdfium_c

    left, bottom, right, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    out: list[tuple] = []
    for i in range(start, end):
        ok = pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)  # sic: l, r, b, t
        out.append((left.value, bottom.value, right.value, top.value) if ok else (out[-1] if out else (0.0,) * 4))
    return out


def _lead(ink: list[tuple[str, tuple]]) -> float:
    """The width of a line's first piece that a line may not be broken inside: opening brackets with what
    follows, a run of Latin letters or figures or one character, and the closing marks after it."""
    i = 0
    while i < len(ink) - 1 and ink[i][0] in _OPENS:
        i += 1
    if ink[i][0].isascii() and ink[i][0].isalnum():
        while i + 1 < len(ink) and ink[i + 1][0].isascii() and (ink[i + 1][0].isalnum() or ink[i + 1][0] in ".-"):
            i += 1
    while i + 1 < len(ink) and ink[i + 1][0] in _CLOSES:
        i += 1
    return ink[i][1][2] - ink[0][1][0]


def _lines(tp, text: str) -> list[Line]:
    """The page's visual lines, their characters left to right, with their extent and font size."""
    out: list[Line] = []
    n = tp.count_chars()
    for m in re.finditer(r"[^\r\n]+", text):
        if m.end() > n or not m.group().strip():
            out.append(Line(m.group().strip()))
            continue
        chars = _in_order(m.group(), _boxes(tp, m.start(), m.end()))
        ink = [b for c, b in chars if not c.isspace()]
        line = Line("", lead=_lead([(c, b) for c, b in chars if not c.isspace()]))
        line.left, line.right = min(b[0] for b in ink), max(b[2] for b in ink)
        # the tallest character's box: a digit's or a comma's is shorter than the font
        line.top, line.size = max(b[3] for b in ink), max(b[3] - b[1] for b in ink)
        line.gap = max((b[0] - a[2] for a, b in zip(ink, ink[1:])), default=0.0)
        line.text = _labelled(chars, line.size)
        out.append(line)
    return out


def _joined(a: Line, b: Line, left: float, right: float, body: float) -> bool:
    """``b`` goes on the paragraph ``a`` wrapped: ``a`` fills the width, ``b`` is of its size and starts where a
    wrapped line starts (the margin; the centre again after a centred title that filled the width). ``body``: the
    size of the page's body type."""
    h = a.size
    if not (a.text and b.text and h > 0 and b.size > 0) or abs(a.size - b.size) > 0.25 * h:
        return False
    # a line wraps short of the edge by what did not fit on it: the next line's first piece (a Latin word or a
    # number, a character with the closing mark that may not begin a line, a bracket with what follows);
    # a line spaced out in columns (a 文号 beside a 执法证 number, cells of a form) is no running text
    # (a full-width closing mark's ink sits in the left half of its cell)
    if a.gap > h or right - a.right > b.lead + (h if a.text[-1] in _CLOSES else 0.5 * h) or a.left > left + 2.6 * h or not 0 < a.top - b.top < 3 * h:
        return False
    centre = (left + right) / 2
    mid = (b.left + b.right) / 2, (a.left + a.right) / 2
    # a title (set larger than the body) wrapped goes on centred; a body line centred so is a new paragraph
    # a full-width opening bracket's ink sits in the right half of its cell
    return b.left <= left + (h if b.text[0] in _OPENS else 0.5 * h) or abs(mid[0] - centre) < h and abs(mid[1] - centre) < h and h > 1.15 * body


def _glue(a: str, b: str) -> str:
    # Latin words keep the space the wrap replaced; Chinese is written without one
    return a + b if _CJK.match(a[-1]) or _CJK.match(b[0]) else f"{a} {b}"


def page_paragraphs(tp, text: str) -> str:
    """``text`` (the page's text layer from ``tp``) with wrapped lines rejoined and a lone page number dropped."""
    return paragraphs(_lines(tp, text)) or text


def paragraphs(lines: list[Line]) -> str:
    """A page's visual lines (top to bottom) as its text: wrapped lines rejoined, a lone page number dropped."""
    body = [ln for ln in lines if ln.text and ln.size > 0]
    if not body:
        return "\n".join(ln.text for ln in lines)
    left, right = min(ln.left for ln in body), max(ln.right for ln in body)
    size = statistics.median(ln.size for ln in body)
    def page_number(ln: Line) -> bool:
        # a bare figure only where a page number stands, centred (a table's last cell keeps its “2”)
        bare = _BARE_NUMBER.fullmatch(ln.text)
        return not ln.text or bool(PAGE_NUMBER.match(ln.text)) and (
            not bare or abs((ln.left + ln.right) - (left + right)) / 2 < 2 * max(ln.size, size))

    while lines and page_number(lines[-1]):
        lines.pop()
    while lines and page_number(lines[0]):
        lines.pop(0)
    out: list[str] = []
    prev: Line | None = None
    for ln in lines:
        if prev is not None and out and ln.size <= 2 * size and _joined(prev, ln, left, right, size):
            out[-1] = _glue(out[-1], ln.text)
        else:
            out.append(ln.text)
        prev = ln
    return "\n".join(out)
