"""The Chinese analyzer for the whoosh engine (index/store.py): index/analyzer.py's segmentation,
folding and stop words as a whoosh tokenizer. Kept apart so that the tantivy engine, the default,
never loads whoosh."""

from __future__ import annotations

from whoosh.analysis import Token, Tokenizer

from index.analyzer import _index_table, _jieba, _terms


class ChineseTokenizer(Tokenizer):
    """Segmentation, folding, lower case and stop words in one pass (a whoosh filter chain costs a
    generator step per token); stop words advance the position, as StopFilter(renumber=False) did."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True, start_pos=0,
                 start_char=0, tokenize=True, mode="", **kwargs):
        text = value.translate(_index_table())
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.text, t.boost, t.stopped = text, 1.0, False
            if keeporiginal:
                t.original = value
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        subwords = mode != "query"  # a query is matched by whole words
        pos = start_pos
        for word, start, _end in _jieba().tokenize(text, mode="default"):
            terms = _terms(word, subwords)
            if not terms:
                continue
            for w, s, e, stopped in terms:
                if stopped and removestops:
                    continue
                t.text = w
                t.boost = 1.0
                t.stopped = stopped
                if keeporiginal:
                    t.original = w
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + start + s
                    t.endchar = start_char + start + e
                yield t
            pos += 1


def chinese_analyzer():
    return ChineseTokenizer()
