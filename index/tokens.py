"""Words of a page as the tantivy engine indexes them, and where each one sits in the page.

tantivy is fed jieba_fast_dat's words joined by spaces through a registered
whitespace analyzer (index/tantivy_engine.py), so index and query are segmented
by the same code as the whoosh engine (index/analyzer.py: same dictionary, same
folding). Every word takes a place, stop words and punctuation too: a quoted
phrase is then matched on exactly the words it quotes (当事人的上述 is 当事人 的
上述), and never runs on across a comma. Dictionary sub-words (行政处罚 inside
不予行政处罚) go to a second field without positions, so a word query still finds
them.

tantivy's own snippets count bytes and mark single terms, so the engine keeps
its own map from each word to its characters in the page: one length byte per
word (a page is compacted, words follow each other), ``encode_spans`` below.
"""

from __future__ import annotations

from functools import lru_cache

from index.analyzer import _index_table, _jieba, _terms, fold, stopwords

# a word longer than 254 characters, or a gap between words (whitespace the segmenter skipped),
# is written as a marker byte and two bytes of length
_LONG, _GAP = 255, 0


def normalise(text: str) -> str:
    """What the segmenter reads: traditional → simplified, full-width → half-width, ASCII lower case;
    one character for one, so offsets in it are offsets in the original."""
    return text.translate(_index_table())


def segment(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word of ``text``, normalised; whitespace takes no place."""
    norm = normalise(text)
    words = _jieba().lcut(norm, HMM=True)  # the words cover the text in order: offsets are running sums
    out = []
    pos = 0
    for word in words:
        start, pos = pos, pos + len(word)
        if not word.strip():
            continue
        out.append((word, start, pos))
    joined = " ".join(w for w, _, _ in out)
    if joined.count(" ") != len(out) - 1 or len(joined.split()) != len(out):  # a word with a space inside
        return _split_spaced(out)
    return out


def _split_spaced(words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for word, start, end in words:
        i = 0
        for part in word.split():
            i = word.index(part, i)
            out.append((part, start + i, start + i + len(part)))
            i += len(part)
    return out


def is_content(word: str) -> bool:
    """A word a query asks for: not a stop word, not punctuation."""
    terms = _terms(word, False)
    return bool(terms) and not terms[0][3]


@lru_cache(maxsize=300_000)
def _subs(word: str) -> tuple[str, ...]:
    """The dictionary sub-words of a word that a query may ask for (worked out once per distinct word)."""
    terms = _terms(word, True)
    return tuple(t for t, _, _, stopped in terms[1:] if not stopped) if len(terms) > 1 else ()


def index_form(text: str) -> tuple[str, str, bytes]:
    """The page's words joined by spaces, its sub-words joined by spaces, and the encoded spans."""
    words = segment(text)
    subs: list[str] = []
    for w, _, _ in words:
        subs.extend(_subs(w))
    return " ".join(w for w, _, _ in words), " ".join(subs), encode_spans([(s, e) for _, s, e in words])


def encode_spans(spans: list[tuple[int, int]]) -> bytes:
    """The word map of a page. The common page (words shorter than 255 characters, less than 255
    characters from one word's start to the next) is one length byte and one step byte per word,
    decoded by running sums in C; any other page falls back to a length-prefixed form."""
    lengths = [e - s for s, e in spans]
    steps = [b[0] - a[0] for a, b in zip([(0, 0)] + spans, spans)]
    if not spans or (max(lengths) < 255 and max(steps) < 256 and min(lengths) > 0):
        return b"\x01" + bytes(lengths) + bytes(steps)
    out = bytearray(b"\x02")
    last = 0
    for s, e in spans:
        if s != last:
            out += bytes((_GAP,)) + (s - last).to_bytes(2, "little")
        n = e - s
        if 0 < n < _LONG:
            out.append(n)
        else:
            out += bytes((_LONG,)) + n.to_bytes(2, "little")
        last = e
    return bytes(out)


def decode_spans(blob: bytes):
    """(starts, ends) of every word, in order: sorted integer sequences (numpy arrays for the common
    page, decoded by a running sum in C: ten hits of a search decode ten whole pages)."""
    if not blob:
        return [], []
    if blob[0] == 1:
        import numpy as np

        n = (len(blob) - 1) // 2
        raw = np.frombuffer(blob, dtype=np.uint8, offset=1).astype(np.int64)
        starts = np.cumsum(raw[n:])
        return starts, starts + raw[:n]
    starts, ends = [], []
    pos, i = 0, 1
    while i < len(blob):
        b = blob[i]
        if b == _GAP:
            pos += int.from_bytes(blob[i + 1:i + 3], "little")
            i += 3
            continue
        if b == _LONG:
            n = int.from_bytes(blob[i + 1:i + 3], "little")
            i += 3
        else:
            n = b
            i += 1
        starts.append(pos)
        ends.append(pos + n)
        pos += n
    return starts, ends


def query_words(text: str) -> list[str]:
    """The words of a query string, stop words and punctuation kept (a phrase needs their places)."""
    return [w for w, _, _ in segment(fold(text))]


__all__ = ["decode_spans", "encode_spans", "index_form", "is_content", "normalise", "query_words", "segment", "stopwords"]
