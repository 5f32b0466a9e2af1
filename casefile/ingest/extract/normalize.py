"""Seeing through line breaks inside words: published decisions are extracted from
PDFs with a newline every ~25 characters, inside words and inside 《law titles》.

``compact(text)`` removes whitespace except a single space between two ASCII
letters/digits, folds full-width ASCII to half-width, and keeps for every
character of the result its offset in the original, so an entity found in the
compact text can be reported at its real position (and page).
"""

from __future__ import annotations

import re
from array import array

# full-width digits and letters (and ．－＊) fold to ASCII, the ideographic space to a space; Chinese
# punctuation such as ：；，（）《》 stays full-width. One character for one, so offsets survive folding.
_FOLD_TABLE = {o: o - 0xFEE0 for o in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                      ord("．"), ord("－"), ord("＊")]} | {0x3000: " "}
_SPACE = re.compile(r"\s+")


def _is_ascii_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


# a whitespace run between two ASCII letters/digits (group 1) becomes one space, any other goes
_RUN = re.compile(r"(?<=[A-Za-z0-9])(\s+)(?=[A-Za-z0-9])|\s+")


def _run(m: re.Match) -> str:
    return " " if m.group(1) else ""


class Compact:
    """The compact text, and ``offsets[i]``: the index in the original of ``text[i]``. The offsets
    are built on first use: most callers (every line of every document) only want the text."""

    __slots__ = ("text", "_folded", "_offsets", "_joined")

    def __init__(self, text: str, offsets: list[int] | None = None, folded: str | None = None) -> None:
        self.text = text
        self._folded = folded
        self._offsets = offsets
        self._joined: frozenset[int] = frozenset()

    @property
    def offsets(self) -> "array[int] | list[int]":
        if self._offsets is None:
            self._offsets = _offsets(self._folded, self._joined)
        return self._offsets

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        offsets = self.offsets
        if start >= len(offsets):
            return len(offsets), len(offsets)
        return offsets[start], offsets[max(start, end - 1)] + 1

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Compact) and (self.text, list(self.offsets)) == (other.text, list(other.offsets))

    def __repr__(self) -> str:
        return f"Compact(text={self.text!r}, offsets={self.offsets!r})"


def _split_number_re() -> re.Pattern:
    from casefile.ingest.extract.entities import pattern_data

    spec = pattern_data()["split_number"]
    b, a = spec["before"], spec["after"]
    return re.compile(rf"(?<=[{b}])\s*\d+(?:\s+\d+)+|\d+(?:\s+\d+)+(?=\s*[{a}])")


_SPLIT_HINT = re.compile(r"\d\s+\d")
_split_number: re.Pattern | None = None


def _joined_runs(folded: str) -> frozenset[int]:
    """Starts of the whitespace runs inside a number the text layer split (〔 202 5 〕, 5 4 号): dropped,
    where a space between two digits otherwise stays."""
    global _split_number
    if not _SPLIT_HINT.search(folded):
        return frozenset()
    if _split_number is None:
        _split_number = _split_number_re()
    out = set()
    for m in _split_number.finditer(folded):
        for w in _SPACE.finditer(folded, m.start(), m.end()):
            out.add(w.start())
    return frozenset(out)


def compact(text: str) -> Compact:
    folded = text.translate(_FOLD_TABLE)
    joined = _joined_runs(folded)
    if not joined:
        return Compact(_RUN.sub(_run, folded), folded=folded)
    c = Compact(_RUN.sub(lambda m: "" if m.start() in joined else _run(m), folded), folded=folded)
    c._joined = joined
    return c


def _offsets(folded: str, joined: frozenset[int] = frozenset()) -> "array[int]":
    # whitespace runs, not characters; the same rule as _RUN: a space only between two ASCII words.
    # An array of machine integers: 8 bytes a character where a list of ints took ~36 (a 7 M-character text)
    out_last = ""  # the last character kept so far
    offs: array[int] = array("q")
    pos = 0
    for m in _SPACE.finditer(folded):
        if m.start() > pos:
            offs.extend(range(pos, m.start()))
            out_last = folded[m.start() - 1]
        pos = m.end()
        if m.start() in joined:
            continue
        if out_last and pos < len(folded) and _is_ascii_word(out_last) and _is_ascii_word(folded[pos]):
            offs.append(pos - 1)
            out_last = " "
    if pos < len(folded):
        offs.extend(range(pos, len(folded)))
    return offs


def lines(text: str) -> list[str]:
    """Non-empty lines with inner whitespace removed (for header fields such as 当事人：)."""
    return [compact(l).text for l in text.splitlines() if l.strip()]
