"""The spaCy pipeline: a blank ``zh`` model with the jieba segmenter, an
EntityRuler for the fixed phrases (event triggers, document titles) and a
component that adds the validated pattern entities. Loaded once per process."""

from __future__ import annotations

import threading
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from casefile.extract.entities import VALIDATORS, compiled, pattern_data

_LOCK = threading.Lock()


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


def _load_jieba():
    """``import jieba`` with its prefix dictionary loaded, as ``jieba.initialize()`` does, but
    reading jieba's own cache file in one go: ``marshal.load`` on a file object reads it object by
    object (0.9 s for the 498k-entry dictionary), ``marshal.loads`` on its bytes takes 0.3 s."""
    import logging
    import marshal
    import os
    import tempfile

    import jieba

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

        _load_jieba()
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
        patterns = []
        for act, triggers in pattern_data()["events"].items():
            for t in triggers:
                patterns.append({"label": "EVENT", "pattern": t, "id": act})
        ruler.add_patterns(patterns)
        nlp.add_pipe("casefile_patterns", after="entity_ruler")
        return nlp
