"""The spaCy pipeline: a blank ``zh`` model with the jieba segmenter, an
EntityRuler for the fixed phrases (event triggers, document titles) and a
component that adds the validated pattern entities. Loaded once per process."""

from __future__ import annotations

import re
import threading
from sys import intern
from functools import lru_cache
from math import log


def _import_spacy_without_cli() -> None:
    """``import spacy`` without spacy.cli: spaCy's ``__init__`` imports ``spacy.cli.info`` (for
    ``spacy.info``), which loads the whole CLI — requests, httpx, weasel — a third of spaCy's import
    time and none of it used here. A stand-in ``spacy.cli.info`` whose ``info()`` imports the real one
    is in place only while spaCy imports; afterwards ``import spacy.cli`` loads the real package."""
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")

    def _info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = _info
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass  # a spaCy that wants more of spacy.cli: imported the ordinary way below
    finally:
        for name, mod in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is mod:
                del sys.modules[name]
        if "spacy" in sys.modules and vars(sys.modules["spacy"]).get("cli") is cli:
            del sys.modules["spacy"].cli


_import_spacy_without_cli()

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402
from spacy.util import filter_spans  # noqa: E402

from casefile.extract.entities import VALIDATORS, compiled, pattern_data  # noqa: E402

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
    index has a jieba.Tokenizer of its own); a change of ``dt.total`` (add_word) clears it.
    """

    MAX_CACHED = 200_000  # distinct blocks (the 900 decisions have 71k); the cache is dropped when full

    def __init__(self, vocab, jieba_module) -> None:
        self.vocab = vocab
        self._jieba = jieba_module
        self._dt = jieba_module.dt
        self._finalseg = jieba_module.finalseg
        self._logp: dict[str, float] = {}
        self._hmm: dict[str, tuple[str, ...]] = {}
        self._forced = len(self._finalseg.Force_Split_Words)
        self._re_han = jieba_module.re_han_default
        self._re_skip = jieba_module.re_skip_default
        self._cache: dict[str, tuple[str, ...]] = {}
        self._total = self._dt.total

    def words(self, text: str) -> list[str]:
        """``[w for w in jieba.cut(text, cut_all=False) if w]``."""
        if self._dt.total != self._total or len(self._finalseg.Force_Split_Words) != self._forced:
            self._cache.clear()
            self._logp.clear()
            self._hmm.clear()
            self._total = self._dt.total
            self._forced = len(self._finalseg.Force_Split_Words)
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
                        self._hmm.clear()
                        self._logp.clear()
                    cache[blk] = ws
                out.extend(ws)
            else:
                for x in skip.split(blk):
                    if skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out

    def _cut_block(self, sentence: str) -> list[str]:
        """jieba's ``Tokenizer.__cut_DAG`` (get_DAG, calc, then HMM over runs of single characters),
        with the dictionary in local names and each word's log-probability kept: the same
        arithmetic in the same order, so the same route and the same words."""
        freq_get = self._dt.FREQ.get
        n = len(sentence)
        dag: list[list[int]] = []
        for k in range(n):
            ends = []
            i = k
            frag = sentence[k]
            while i < n:
                f = freq_get(frag)
                if f is None:
                    break
                if f:
                    ends.append(i)
                i += 1
                frag = sentence[k:i + 1]
            dag.append(ends or [k])
        logp = self._logp
        logtotal = log(self._dt.total)
        route: list[tuple[float, int]] = [(0, 0)] * (n + 1)
        for idx in range(n - 1, -1, -1):
            best = None
            for x in dag[idx]:
                w = sentence[idx:x + 1]
                lp = logp.get(w)
                if lp is None:
                    lp = logp[w] = log(freq_get(w) or 1) - logtotal
                cand = (lp + route[x + 1][0], x)
                if best is None or cand > best:  # max(): the first of equals, and (score, x) never tie
                    best = cand
            route[idx] = best
        out: list[str] = []
        x = 0
        buf = ""
        while x < n:
            y = route[x][1] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            self._flush(buf, out)
        return out

    def _flush(self, buf: str, out: list[str]) -> None:
        if len(buf) == 1:
            out.append(buf)
        elif not self._dt.FREQ.get(buf):
            words = self._hmm.get(buf)  # unknown: jieba's HMM (names, places), cached too
            if words is None:
                words = self._hmm[buf] = tuple(map(intern, self._finalseg.cut(buf)))
            out.extend(words)
        else:
            out.extend(buf)

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
    import tempfile

    import sys

    # jieba._compat imports pkg_resources (0.15 s, deprecated) only to open its dict.txt when it
    # rebuilds the cache; without it jieba opens the same file by path
    stub = "pkg_resources" not in sys.modules
    if stub:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if stub and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]

    jieba.setLogLevel(logging.WARNING)  # its start-up chatter would pollute --json output
    dt = jieba.dt
    if not dt.initialized and dt.dictionary == jieba.DEFAULT_DICT and not dt.cache_file:
        # the same file and the same condition as Tokenizer.initialize for the default dictionary
        cache_file = os.path.join(dt.tmp_dir or tempfile.gettempdir(), "jieba.cache")
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
