"""Snippets a person reads in a terminal: the matched words or the whole phrase in 【】, at most
80 characters of the page around them, from the page's own word map (index/tokens.py).

A match is found as text and kept only where the word map says it is one: a query word is a
word of the page or a dictionary sub-word inside one (价格 inside 价格法), never two halves of
neighbouring words; a phrase starts at the end of a word (违法所得 may close 没收违法所得), runs
over whole words and ends at the start of one — what the engine matched.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

WIDTH = 80  # characters of page text in a snippet, 【】 and … not counted
_WS = re.compile(r"\s")


def matches(text: str, starts: list[int], ends: list[int], words: set[str], phrases: list[list[str]]) -> list[tuple[int, int, int]]:
    """(start, end, item) of every match in ``text``; item numbers the query word or phrase matched."""
    items = [[w] for w in sorted(words, key=len, reverse=True)] + [p for p in phrases if p]
    # found in the page as written: each character of the (normalised) needle also matches the
    # characters that normalise to it (，for , ; 價 for 价), no copy of the page normalised. Most
    # pages hold none of those variants: then the needle is found as it is, several times faster
    # than the pattern of character classes (0.1 ms a page was most of a search's Python time)
    found = [(i, i + len(needle), item) for item, needle in enumerate("".join(ws) for ws in items) if needle
             for i in _found(needle, text)]
    if not found:
        return []
    ks, ends_k = _words_at(starts, ends, [i for i, _, _ in found])  # every match's word in one lookup
    out = [(i, j, item) for (i, j, item), k, end in zip(found, ks, ends_k)
           if k >= 0 and (end >= j if len(items[item]) == 1 else _phrase_at(i, j, items[item], starts, ends))]
    return sorted(out)


def _phrase_at(i: int, j: int, ws: list[str], starts, ends) -> bool:
    """The phrase found at [i, j) starts at the end of a word, runs over whole words and ends at the
    start of one (inside a word before the page's first one is ruled out by the caller)."""
    return _has(ends, i + len(ws[0])) and _has(starts, j - len(ws[-1])) and _whole_words(i + len(ws[0]), ws[1:-1], starts, ends)


def _words_at(starts, ends, positions: list[int]) -> tuple[list[int], list[int]]:
    """For each position, the word it falls in (-1 before the first) and that word's end. A page's
    word map is a numpy array (index/tokens.py): looked up in one call, not a bisect per match."""
    if hasattr(starts, "searchsorted"):
        ks = starts.searchsorted(positions, side="right") - 1
        return ks.tolist(), ends[ks].tolist()
    ks = [bisect_right(starts, p) - 1 for p in positions]
    return ks, [ends[k] if k >= 0 else -1 for k in ks]


def _found(needle: str, text: str) -> list[int]:
    """Where each occurrence of ``needle`` in ``text`` starts (occurrences apart), its characters'
    variants included: the pattern of character classes when the page holds a variant, else the
    needle as it is (found by the regex engine in one call, no Python step per occurrence)."""
    variants = _variants(needle)
    pattern = _pattern(needle) if variants and any(v in text for v in variants) else _literal(needle)
    return [m.start() for m in pattern.finditer(text)]


@lru_cache(maxsize=512)
def _literal(needle: str) -> "re.Pattern[str]":
    return re.compile(re.escape(needle))


@lru_cache(maxsize=512)
def _variants(needle: str) -> str:
    """The characters that normalise to one of ``needle``'s (other than itself)."""
    folds = _folds_to()
    return "".join(sorted({a for c in needle for a in folds.get(c, "") if a != c}))


@lru_cache(maxsize=1)
def _folds_to() -> dict[str, str]:
    """Each normalised character and the characters that normalise to it."""
    from index.analyzer import _index_table

    rev: dict[str, set[str]] = {}
    for src, dst in _index_table().items():
        if len(dst) == 1:
            rev.setdefault(dst, set()).add(chr(src))
    return {d: "".join(sorted(v)) for d, v in rev.items()}


@lru_cache(maxsize=512)
def _pattern(needle: str) -> "re.Pattern[str]":
    folds = _folds_to()
    parts = []
    for c in needle:
        alts = folds.get(c)
        parts.append("[" + re.escape(c) + "".join(re.escape(a) for a in alts) + "]" if alts else re.escape(c))
    return re.compile("".join(parts))


def _has(sorted_seq, x: int) -> bool:
    """``x`` is in the sorted sequence (a page's word starts or ends: no set of thousands built per hit)."""
    k = bisect_left(sorted_seq, x)
    return k < len(sorted_seq) and sorted_seq[k] == x


def _whole_words(pos: int, middle: list[str], starts: list[int], ends: list[int]) -> bool:
    k = bisect_right(starts, pos) - 1
    for w in middle:
        if k < 0 or starts[k] != pos:
            k = bisect_right(starts, pos) - 1
            if k < 0 or starts[k] != pos:
                return False
        if ends[k] != pos + len(w):
            return False
        pos = ends[k]
        k += 1
    return True


def _merge(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    if all(p[1] <= q[0] for p, q in zip(spans, spans[1:])):
        return list(spans)  # the common page: no two matches overlap
    out: list[tuple[int, int, int]] = []
    for s, e, it in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e, out[-1][2])
            continue
        out.append((s, e, it))
    return out


def merged(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The matches with overlapping ones joined: what a reader highlights, one span each."""
    return _merge(spans)


def snippet(text: str, spans: list[tuple[int, int, int]], width: int = WIDTH, *, joined: bool = False) -> str:
    """The ``width`` characters around the window holding the most distinct query items
    (``joined``: the spans are :func:`merged` already)."""
    if not joined:
        spans = _merge(spans)
    if not spans:
        return _WS.sub(" ", text[:width]).strip() + ("…" if len(text) > width else "")
    # joined spans are in order and apart, so their starts and ends both grow: the window opening
    # at each span holds a run of the following ones, found in one pass with the run's distinct
    # items counted as it slides; the spans shown are then a slice found by bisection. (A page
    # where five query words occur a hundred times is common: no Python call per span that can be
    # left out — this was a third of a search's Python time on such pages.)
    starts = [sp[0] for sp in spans]
    ends = [sp[1] for sp in spans]
    items = [sp[2] for sp in spans]
    n = len(spans)
    best, best_n, b, counts = 0, -1, 0, {}
    every = len(set(items))  # a window holding every item cannot be bettered: stop there
    for a in range(n):
        if best_n == every:
            break
        if b < a:
            b = a
        limit = starts[a] + width
        while b < n and ends[b] <= limit:
            it = items[b]
            counts[it] = counts.get(it, 0) + 1
            b += 1
        if len(counts) > best_n:
            best, best_n = a, len(counts)
        if b > a:  # span a leaves the run
            it = items[a]
            left = counts[it] - 1
            if left:
                counts[it] = left
            else:
                del counts[it]
    s0 = starts[best]
    last = ends[max(best, bisect_right(ends, s0 + width, best) - 1)]
    room = max(0, width - (last - s0))
    start = max(0, s0 - room // 2)
    end = min(len(text), max(last, start + width))
    start = max(0, min(start, end - width))
    return _render(text, spans[bisect_left(starts, start):bisect_right(ends, end)], start, end)


def mark_all(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The whole page with every match in 【】 (what opening a hit shows)."""
    return _render(text, _merge(spans), 0, len(text), ellipsis=False)


def _render(text: str, spans, start: int, end: int, ellipsis: bool = True) -> str:
    parts = ["…" if ellipsis and start > 0 else ""]
    pos = start
    for s, e, _ in spans:
        parts += [text[pos:s], "【", text[s:e], "】"]
        pos = e
    parts.append(text[pos:end])
    if ellipsis and end < len(text):
        parts.append("…")
    out = "".join(parts)
    return _WS.sub(" ", out).strip() if ellipsis else out
