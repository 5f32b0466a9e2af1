"""The spaCy pipeline: a blank ``zh`` model with the jieba segmenter, an
EntityRuler for the fixed phrases (event triggers, document titles) and a
component that adds the validated pattern entities. Loaded once per process."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from sys import intern
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from casefile.ingest.extract.entities import VALIDATORS, compiled, pattern_data

_LOCK = threading.Lock()
_WHITESPACE = re.compile(r"\s")


@Language.component("casefile_patterns")
def casefile_patterns(doc: Doc) -> Doc:
    spans: list[Span] = list(doc.ents)
    text = doc.user_data.get("text") or doc.text  # Doc.text is rebuilt from the tokens on every read
    for label, patterns in compiled().items():
        if label in ("LAW", "CERT"):
            continue  # citations and certificates are read by their own parsers
        check = VALIDATORS.get(label)
        for pat in patterns:
            for m in pat.finditer(text):
                if check is not None and check(m.group(0)) is None:
                    continue
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
                    if (span.start_char, span.end_char) != m.span():
                        # a word may run past the match (2024年11月28日本文书: jieba's 日本), keep the match itself
                        doc.user_data.setdefault("exact", {})[(label, span.start_char, span.end_char)] = m.span()
    doc.ents = filter_spans(spans)
    return doc


class JiebaTokenizer:
    """The words and spaces of spaCy's ``ChineseTokenizer(segmenter="jieba")``, made cheaper.

    jieba cuts a text into blocks at punctuation and whitespace (``re_han``) and segments
    each block on its own, so a block's words do not depend on its context: they are cached
    (half the block text of a corpus of decisions is boilerplate seen before). spaCy's
    ``get_words_and_spaces`` re-finds every word with ``text[pos:].index(word)``; jieba's words
    tile the text, so the spaces are read off the whitespace words directly. The cache assumes
    jieba's global dictionary is not changed once loaded (casefile never adds words to it; the
    index segments with jieba_fast_dat); a change of ``dt.total`` (add_word) clears it.
    """

    MAX_CACHED = 200_000  # distinct blocks (the 900 decisions have 71k); the cache is dropped when full

    def __init__(self, vocab, jieba_module) -> None:
        self.vocab = vocab
        self._dt = jieba_module.dt
        self._cut_block = self._dt._Tokenizer__cut_DAG  # what dt.cut(text, cut_all=False, HMM=True) runs per block
        self._re_han = jieba_module.re_han_default
        self._re_skip = jieba_module.re_skip_default
        self._cache: dict[str, tuple[str, ...]] = {}
        self._total = self._dt.total

    def words(self, text: str) -> list[str]:
        """``[w for w in jieba.cut(text, cut_all=False) if w]``."""
        if self._dt.total != self._total:
            self._cache.clear()
            self._total = self._dt.total
        cache = self._cache
        han_match = self._re_han.match
        skip = self._re_skip
        out: list[str] = []
        for blk in self._re_han.split(text):
            if not blk:
                continue
            if han_match(blk):
                ws = cache.get(blk)
                if ws is None:
                    ws = tuple(map(intern, self._cut_block(blk)))  # one str per distinct word: the cache 48 -> 18 MB
                    if len(cache) >= self.MAX_CACHED:
                        cache.clear()
                    cache[blk] = ws
                out.extend(ws)
            else:
                for x in skip.split(blk):
                    if skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        if not _WHITESPACE.search(text):
            return Doc(self.vocab, words=words, spaces=[False] * len(words))
        spaces = [False] * len(words)
        keep: list[str] = []
        n = 0
        for w in words:
            if w == " " and n and not spaces[n - 1] and not keep[-1].isspace():
                spaces[n - 1] = True  # a single space after a word is that word's trailing space
            elif w.isspace():
                break  # other whitespace (never in compacted text): spaCy's general alignment
            else:
                keep.append(w)
                n += 1
        else:
            return Doc(self.vocab, words=keep, spaces=spaces[:n])
        from spacy.util import get_words_and_spaces

        return Doc(self.vocab, *get_words_and_spaces(words, text))


def _load_jieba():
    """``import jieba`` with its prefix dictionary loaded, as ``jieba.initialize()`` does, but
    reading jieba's own cache file in one go: ``marshal.load`` on a file object reads it object by
    object (0.9 s for the 498k-entry dictionary), ``marshal.loads`` on its bytes takes 0.3 s."""
    import logging
    import marshal
    import os

    import jieba

    from casefile.store.cachedir import cache_dir

    jieba.setLogLevel(logging.WARNING)  # its start-up chatter would pollute --json output
    dt = jieba.dt
    if dt.tmp_dir is None:
        dt.tmp_dir = str(cache_dir("jieba"))  # jieba's default is the shared temp dir
    if not dt.initialized and dt.dictionary == jieba.DEFAULT_DICT and not dt.cache_file:
        # the same file and the same condition as Tokenizer.initialize for the default dictionary
        cache_file = os.path.join(dt.tmp_dir, "jieba.cache")
        try:
            if os.path.isfile(cache_file):
                with open(cache_file, "rb") as f:
                    freq, total = marshal.loads(f.read())
                with dt.lock:
                    if not dt.initialized:
                        dt.FREQ, dt.total = freq, total
                        dt.initialized = True
        except Exception:  # noqa: BLE001 - a bad cache: jieba.initialize rebuilds it
            pass
    jieba.initialize()  # a no-op when loaded above
    return jieba


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built on first use (jieba's dictionary loads then, ~0.5 s)."""
    with _LOCK:
        import spacy

        jieba = _load_jieba()
        nlp = spacy.blank("zh")  # the "char" segmenter, replaced by jieba's words below
        nlp.tokenizer = JiebaTokenizer(nlp.vocab, jieba)
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        patterns = []
        for act, triggers in pattern_data()["events"].items():
            for t in triggers:
                patterns.append({"label": "EVENT", "pattern": t, "id": act})
        ruler.add_patterns(patterns)
        nlp.add_pipe("casefile_patterns", after="entity_ruler")
        return nlp


def _chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Spans of at most ``size`` characters, each cut after a sentence end (。；！？) when there is one
    in its last fifth, so no entity is cut in two; a text shorter than ``size`` is one span."""
    out = []
    start = 0
    n = len(text)
    while n - start > size:
        end = start + size
        cut = max(text.rfind(c, end - size // 5, end) for c in "。；！？;!?\n")
        end = cut + 1 if cut > start else end
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


def entity_spans(text: str, progress: Callable[[int, int], None] | None = None) -> list[tuple[str, int, int]]:
    """(label, start, end) of the pipeline's entities in ``text`` (EVENTs left out), with the exact
    span of a pattern match where a token ran past it.

    spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its memory grows with the
    text, so a long text is run in chunks (casefile/data/limits.toml [text].chunk_chars);
    ``progress(characters done, characters in all)`` is told after each."""
    from casefile.ingest.limits import limits

    nlp = get_nlp()
    size = min(int(limits()["text"]["chunk_chars"]), nlp.max_length)
    out: list[tuple[str, int, int]] = []
    for c_start, c_end in _chunks(text, size):
        part = text[c_start:c_end] if (c_start, c_end) != (0, len(text)) else text
        sdoc = nlp.make_doc(part)
        sdoc.user_data["text"] = part  # Doc.text is rebuilt from the tokens on every read; the patterns need it once
        sdoc = nlp(sdoc)
        exact = sdoc.user_data.get("exact", {})
        for span in sdoc.ents:
            if span.label_ == "EVENT":
                continue
            start, end = exact.get((span.label_, span.start_char, span.end_char), (span.start_char, span.end_char))
            out.append((span.label_, c_start + start, c_start + end))
        if progress is not None:
            progress(c_end, len(text))
    return out
