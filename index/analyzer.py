"""Segmentation and folding shared by both engines, and the whoosh analyzer's pieces, written small on purpose.

jieba's own ChineseAnalyzer numbers token positions by character offset, which
breaks phrase queries; and importing ``jieba.analyse`` costs 0.4 s and 136 MB at
every open. Here positions count words: a search-mode sub-word (中华 inside
中华人民共和国) shares its parent's position, so "phrases" still match; query
analysis uses no sub-words. Full-width ASCII folds to half-width and common
traditional characters fold to simplified, the same on both sides.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
USERDICT = HERE / "data" / "userdict.txt"
# the segmenter and its dictionary are part of the analyzer: an index built with others is rebuilt, not misread
ANALYZER_VERSION = "4-" + hashlib.sha1(USERDICT.read_bytes()).hexdigest()[:8]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.strip() for w in (HERE / "data" / "stopwords.txt").read_text(encoding="utf-8").splitlines() if w.strip())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = {i: chr(i - 0xFEE0) for i in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    return table | {ord(t): s for t, s in _traditional().items()}


def _traditional() -> dict[str, str]:
    """zhconv's one-character traditional → simplified pairs, read from its data file. Importing
    zhconv loads pkg_resources (0.1 s, the largest part of a process's first search), so the pairs
    are kept in the cache directory, named by the data file's size and time."""
    import importlib.util
    import json

    from casefile.store.cachedir import cache_dir

    try:
        spec = importlib.util.find_spec("zhconv")
        src = Path(spec.origin).parent / "zhcdict.json"
        st = src.stat()
        cached = cache_dir("index") / f"fold-{st.st_size}-{st.st_mtime_ns}.json"
        if cached.exists():
            return json.loads(cached.read_text(encoding="utf-8"))
        data = json.loads(src.read_text(encoding="utf-8"))
        pairs = {t: s for t, s in data["zh2Hans"].items() if len(t) == 1 and len(s) == 1}
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(pairs, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cached)
        return pairs
    except Exception:  # noqa: BLE001 - folding is an improvement, never a requirement
        return {}


def fold(text: str) -> str:
    return text.translate(_fold_table())


@lru_cache(maxsize=1)
def _jieba():
    """A segmenter of the index's own, jieba's algorithm and dictionary in C++ (jieba_fast_dat,
    ten times faster than jieba, which is what limited indexing). Index and query both use it;
    extraction keeps spaCy's jieba, so the search dictionary never changes how a document is read."""
    import logging

    import jieba_fast_dat as jf
    from jieba_fast_dat.utils import CacheManager

    from casefile.store.cachedir import cache_dir

    jf.setLogLevel(logging.WARNING)
    CacheManager.TMP_DIR = cache_dir("jieba_fast_dat")  # its default is the shared temp dir
    dt = jf.Tokenizer()
    dt.initialize()
    # the loader caches the compiled trie by file path and mtime; the path names the content's hash
    dt.load_userdict(str(_userdict_words()))
    return dt


def _userdict_words() -> Path:
    """The user dictionary without its comment lines, which jieba's format does not allow."""
    from casefile.store.cachedir import cache_dir

    words = [l for l in USERDICT.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    out = cache_dir("index") / f"userdict-{ANALYZER_VERSION}.txt"
    if not out.exists():
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(words) + "\n", encoding="utf-8")
        os.replace(tmp, out)
    return out


@lru_cache(maxsize=1)
def _index_table() -> dict[int, str]:
    # lower case folded in the same pass: ASCII only, so character offsets never move
    table = {k: v.lower() if v.isascii() else v for k, v in _fold_table().items()}  # Ａ → a, not A
    return table | {i: chr(i + 32) for i in range(ord("A"), ord("Z") + 1)}


@lru_cache(maxsize=300_000)
def _terms(word: str, subwords: bool) -> tuple[tuple[str, int, int, bool], ...]:
    """What one segmented word puts in the index: (term, start, end, is_stop_word) for the word and,
    when indexing, its dictionary sub-words (which share its position). Words repeat, so this is
    worked out once per distinct word: the per-token Python work, not jieba, limited indexing."""
    if not word.strip():
        return ()  # whitespace takes no position: 价格 法 is the phrase 价格法 cut by a line break
    if all(unicodedata.category(c)[0] in "PSZ" for c in word):
        # punctuation is never a term but takes its place, like a stop word: a phrase does not run on
        # across a comma (消费者，权益 is not "消费者权益")
        return ((word, 0, len(word), True),)
    stop = stopwords()
    out = [(word, 0, len(word), word in stop)]
    if subwords and len(word) > 2:
        dt = _jieba()
        for n in (2, 3, 4):  # 4: 违法所得 inside 没收违法所得
            for i in range(len(word) - n + 1):
                gram = word[i:i + n]
                if gram != word and dt.get_freq(gram):
                    out.append((gram, i, i + n, gram in stop))
    return tuple(out)
