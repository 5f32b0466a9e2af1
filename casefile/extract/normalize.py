"""Seeing through line breaks inside words: published decisions are extracted from
PDFs with a newline every ~25 characters, inside words and inside 《law titles》.

``compact(text)`` removes whitespace except a single space between two ASCII
letters/digits, folds full-width ASCII to half-width, and keeps for every
character of the result its offset in the original, so an entity found in the
compact text can be reported at its real position (and page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# full-width digits and letters (and ．－＊) fold to ASCII, the ideographic space to a space; Chinese
# punctuation such as ：；，（）《》 stays full-width. One character for one, so offsets survive folding.
_FOLD_TABLE = {o: o - 0xFEE0 for o in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                      ord("．"), ord("－"), ord("＊")]} | {0x3000: " "}
_SPACE = re.compile(r"\s+")


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
    # whitespace runs, not characters: this runs on every line of every document
    folded = text.translate(_FOLD_TABLE)
    out: list[str] = []
    offs: list[int] = []
    pos = 0
    for m in _SPACE.finditer(folded):
        if m.start() > pos:
            out.append(folded[pos:m.start()])
            offs.extend(range(pos, m.start()))
        pos = m.end()
        if out and pos < len(folded) and _is_ascii_word(out[-1][-1]) and _is_ascii_word(folded[pos]):
            out.append(" ")
            offs.append(pos - 1)
    if pos < len(folded):
        out.append(folded[pos:])
        offs.extend(range(pos, len(folded)))
    return Compact("".join(out), offs)


def lines(text: str) -> list[str]:
    """Non-empty lines with inner whitespace removed (for header fields such as 当事人：)."""
    return [compact(l).text for l in text.splitlines() if l.strip()]
