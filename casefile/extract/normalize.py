"""Seeing through line breaks inside words: published decisions are extracted from
PDFs with a newline every ~25 characters, inside words and inside 《law titles》.

``compact(text)`` removes whitespace except a single space between two ASCII
letters/digits, folds full-width ASCII to half-width, and keeps for every
character of the result its offset in the original, so an entity found in the
compact text can be reported at its real position (and page).
"""

from __future__ import annotations

from dataclasses import dataclass

_FW = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
# Chinese punctuation that must stay full-width: ：；，（）《》 etc. are kept, digits/letters fold
_KEEP = set("：；，。（）《》〔〕【】！？、")


def _fold(c: str) -> str:
    o = ord(c)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A or c in "．－＊":
        return chr(_FW[o])
    if c == "\u3000":
        return " "
    return c


def _is_ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


@dataclass
class Compact:
    text: str
    offsets: list[int]  # offsets[i] = index in the original of text[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.offsets):
            return len(self.offsets), len(self.offsets)
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1


def compact(text: str) -> Compact:
    out: list[str] = []
    offs: list[int] = []
    pending_space = False
    for i, raw in enumerate(text):
        c = _fold(raw)
        if c.isspace():
            pending_space = bool(out)
            continue
        if pending_space and out and _is_ascii_word(out[-1]) and _is_ascii_word(c):
            out.append(" ")
            offs.append(i - 1)
        pending_space = False
        out.append(c)
        offs.append(i)
    return Compact("".join(out), offs)


def lines(text: str) -> list[str]:
    """Non-empty lines with inner whitespace removed (for header fields such as 当事人：)."""
    return [compact(l).text for l in text.splitlines() if l.strip()]
