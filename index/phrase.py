"""Phrase matching on sets of word positions, with the gaps the query leaves.

whoosh checks a phrase by building a Span object for every occurrence of every
word in every candidate page and joining them pairwise: 违法所得 (违法 + 所得,
both in 9,800 of 10,000 pages) took 850 ms. A phrase only needs the start
positions p with its k-th word at p + offset_k: a set intersection per page.

The offsets also repair what whoosh's Phrase loses: the parser keeps the words
of a quoted query but not their positions, so "当事人的行为" (的 is a stop word,
dropped but counted) asked for 当事人 next to 行为 and never found the text it
quotes. Here the phrase's own text is analysed again and each word keeps its gap.
"""

from __future__ import annotations

from whoosh import matching
from whoosh.query import Phrase, SpanNear2, Term
from whoosh.query.spans import Span

from index.whoosh_analyzer import chinese_analyzer


class _GappedMatcher(SpanNear2.SpanNear2Matcher):
    def __init__(self, ms, offsets: list[int]):
        self.offsets = offsets
        super().__init__(ms, slop=1, ordered=True, mindist=1)

    def copy(self):
        return self.__class__([m.copy() for m in self.ms], self.offsets)

    def _get_spans(self):
        starts: set[int] | None = None
        for off, m in zip(self.offsets, self.ms):
            shifted = {p - off for p in m.value_as("positions")}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                return []
        last = self.offsets[-1]
        return [Span(p, p + last) for p in sorted(starts)]


class GappedPhrase(Phrase):
    """A quoted phrase: its words at the positions the query text puts them (slop 1 only)."""

    def __init__(self, fieldname, words, offsets=None, slop=1, boost=1.0, char_ranges=None):
        super().__init__(fieldname, words, slop=slop, boost=boost, char_ranges=char_ranges)
        self.offsets = list(offsets) if offsets else list(range(len(words)))

    def __eq__(self, other):
        return super().__eq__(other) and self.offsets == getattr(other, "offsets", None)

    def __hash__(self):
        return super().__hash__() ^ hash(tuple(self.offsets))

    def matcher(self, searcher, context=None):
        field = searcher.schema[self.fieldname] if self.fieldname in searcher.schema else None
        if self.slop != 1 or field is None or not field.format or not field.format.supports("positions"):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        ms = []
        for word in self.words:
            try:
                b = field.to_bytes(word)
            except ValueError:
                return matching.NullMatcher()
            if (self.fieldname, b) not in reader:
                return matching.NullMatcher()
            ms.append(Term(self.fieldname, b).matcher(searcher, context))
        m = _GappedMatcher(ms, self.offsets)
        return matching.WrappingMatcher(m, boost=self.boost) if self.boost != 1.0 else m


def phrase_offsets(text: str) -> tuple[list[str], list[int]]:
    """The words of a phrase as a query sees them, and each one's position from the first."""
    toks = [(t.text, t.pos) for t in chinese_analyzer()(text, positions=True, mode="query")]
    return [w for w, _ in toks], [p - toks[0][1] for _, p in toks] if toks else []


def gapped_phrases(q, text: str):
    """The parsed query with each whoosh Phrase replaced by a GappedPhrase; ``text`` is the string
    the parser read (the phrases' char_ranges point into it)."""

    def swap(node):
        if type(node) is not Phrase:
            return node
        offsets = None
        if node.char_ranges:
            words, offs = phrase_offsets(text[node.char_ranges[0][0]:node.char_ranges[-1][1]])
            if words == list(node.words):
                offsets = offs
        return GappedPhrase(node.fieldname, node.words, offsets, slop=node.slop, boost=node.boost, char_ranges=node.char_ranges)

    return q.accept(swap)
