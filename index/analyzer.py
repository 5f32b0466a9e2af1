"""The Chinese analyzer for whoosh, written small on purpose.

jieba's own ChineseAnalyzer numbers token positions by character offset, which
breaks phrase queries; and importing ``jieba.analyse`` costs 0.4 s and 136 MB at
every open. Here positions count words: a search-mode sub-word (中华 inside
中华人民共和国) shares its parent's position, so "phrases" still match; query
analysis uses no sub-words. Full-width ASCII folds to half-width and common
traditional characters fold to simplified, the same on both sides.
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import LowercaseFilter, StopFilter, Token, Tokenizer

HERE = Path(__file__).resolve().parent
USERDICT = HERE / "data" / "userdict.txt"
# the dictionary is part of the analyzer: an index built with another one is rebuilt, not misread
ANALYZER_VERSION = "2-" + hashlib.sha1(USERDICT.read_bytes()).hexdigest()[:8]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.strip() for w in (HERE / "data" / "stopwords.txt").read_text(encoding="utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    try:
        from zhconv import zhconv as z

        z.loaddict()
        for trad, simp in z.zhcdicts["zh2Hans"].items():
            if len(trad) == 1 and len(simp) == 1:
                table[ord(trad)] = simp
    except Exception:  # noqa: BLE001 - folding is an improvement, never a requirement
        pass
    return table


def fold(text: str) -> str:
    return text.translate(_fold_table())


@lru_cache(maxsize=1)
def _jieba():
    """A segmenter of the index's own: the search dictionary must not change how extraction,
    which uses jieba's global one in the same process, segments a document."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    dt = jieba.Tokenizer()
    dt.initialize()
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not line.startswith("#"):
            dt.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None)
    return dt


def _skip(word: str) -> bool:
    # punctuation carries no meaning for search; it still advances no position
    return not word.strip() or all(unicodedata.category(c)[0] in "PSZ" for c in word)


class ChineseTokenizer(Tokenizer):
    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", **kwargs):
        dt = _jieba()
        text = fold(value)
        query = mode == "query"
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for word, start, end in dt.tokenize(text, mode="default"):
            if _skip(word):
                continue
            subs = []
            if not query and len(word) > 2:
                # search-mode sub-words share the parent's position
                for n in (2, 3, 4):  # 4: 违法所得 inside 没收违法所得
                    for i in range(len(word) - n + 1):
                        gram = word[i:i + n]
                        if dt.FREQ.get(gram) and gram != word:
                            subs.append((gram, start + i, start + i + n))
            for w, s, e in [(word, start, end)] + subs:
                t.text = w
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = w
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + s
                    t.endchar = start_char + e
                yield t
            pos += 1


def chinese_analyzer():
    return ChineseTokenizer() | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1, renumber=False)
