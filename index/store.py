"""The whoosh engine of the archive index (``index.facade`` is the facade): open, update, search,
rebuild, needs_rebuild. One whoosh document per page, so every hit knows its page.

The index is derived data in ``<workspace>/.index/``: it is rebuilt, never
misread, when its schema or analyzer version differs from this code's; a
``docs.json`` beside it records the content hash of every indexed document so
an update re-indexes only what changed. Whoosh commits atomically (a killed
update leaves the last committed index), and a held writer lock is retried.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from whoosh import index as windex
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.index import LockError
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh import query as Q
from whoosh import sorting

from casefile.errors import IndexError_
from casefile.ingest.extract.citations import normalise_law_name
from casefile.ingest.extract.normalize import compact
from casefile.store.fsutil import atomic_write_text
from index.dirs import DOCS, FACET_SIZE, INDEX_DIR, META, PageDoc, meta_mismatch, start_fresh  # noqa: F401 - INDEX_DIR, PageDoc: older imports
from index.analyzer import ANALYZER_VERSION, fold
from index.whoosh_analyzer import chinese_analyzer
from index.phrase import gapped_phrases

SCHEMA_VERSION = "1"
BULK = 2000  # documents in one update from which the writer runs in parallel
LIMIT_MB = 32


def make_schema() -> Schema:
    return Schema(
        uid=ID(unique=True, stored=True),  # <source>/<doc>#<page>
        docref=ID(stored=True),  # <source>/<doc>: all pages of one document
        source=ID(stored=True),  # case id, or archive:<folder>
        case=ID(stored=True),
        number=ID(stored=True),
        agency=ID(stored=True),
        party=TEXT(analyzer=chinese_analyzer(), stored=True),
        case_type=ID(stored=True),
        procedure=ID(stored=True),
        year=NUMERIC(stored=True, sortable=True),
        date=DATETIME(stored=True, sortable=True),
        outcome=ID(stored=True),
        laws=KEYWORD(stored=True, commas=True, scorable=True),
        doc=ID(stored=True),
        doc_type=ID(stored=True),
        page=NUMERIC(stored=True),
        text=TEXT(analyzer=chinese_analyzer(), stored=True, chars=True, phrase=True),
        meta=STORED,
    )



def writer_procs(documents: int) -> int:
    """A large batch (a rebuild, an archive folder) is segmented in parallel sub-processes:
    whoosh's writer, not the segmenter, is what limits indexing speed."""
    return min(os.cpu_count() or 1, 4) if documents >= BULK else 1


class Index:
    engine = "whoosh"

    def __init__(self, root: Path):
        self.dir = Path(root)
        self._ix = None
        self._searcher = None
        self.rebuilt_reason = ""

    # -- lifecycle --------------------------------------------------------------------
    def needs_rebuild(self) -> str:
        """Why the index on disk cannot be used as it is ('' if it can)."""
        meta = self.dir / META
        try:
            present = windex.exists_in(str(self.dir))
        except Exception as e:  # noqa: BLE001 - whoosh reads its table of contents here: a damaged or empty .toc
            return f"索引文件损坏（{type(e).__name__}），需要重建"
        if not meta.exists() or not present:
            return "索引不存在"
        return meta_mismatch(meta, "whoosh", SCHEMA_VERSION, ANALYZER_VERSION)

    def open(self) -> "Index":
        reason = self.needs_rebuild()
        if reason:
            self._create()
            self.rebuilt_reason = reason if reason != "索引不存在" else ""
        else:
            try:
                self._ix = windex.open_dir(str(self.dir))
            except Exception as e:  # noqa: BLE001 - a corrupt index is rebuilt, not fatal
                self._create()
                self.rebuilt_reason = f"索引损坏（{type(e).__name__}），已重建"
        return self

    def _create(self) -> None:
        from index.dirs import reset_dir

        self.close()
        reset_dir(self.dir)
        self._ix = windex.create_in(str(self.dir), make_schema())
        start_fresh(self.dir, "whoosh", SCHEMA_VERSION, ANALYZER_VERSION)

    @property
    def ix(self):
        if self._ix is None:
            self.open()
        return self._ix

    def searcher(self):
        """One searcher kept open across queries (opening the segment files costs more than a
        simple query) and refreshed when another process has committed."""
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        else:
            self._searcher = self._searcher.refresh()
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def indexed(self) -> dict[str, str]:
        p = self.dir / DOCS
        try:
            return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
        except json.JSONDecodeError:
            return {}

    def _writer(self, procs: int = 1, retries: int = 40):
        extra = {"procs": procs, "multisegment": True} if procs > 1 else {}
        for i in range(retries):
            try:
                # a writer's posting pool: 32 MB keeps two writers' peak near 160 MB each where 128 MB
                # took 280, for no measurable loss of speed (more runs merged at commit)
                return self.ix.writer(limitmb=LIMIT_MB, **extra)
            except LockError:
                time.sleep(0.25)
        raise IndexError_("索引正被另一个进程更新，等待超时；请稍后再试")

    # -- updating -------------------------------------------------------------------------
    def apply(self, changed: dict[str, list[PageDoc]], removed: Iterable[str], progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
        """Replace the pages of each changed document, drop removed documents, commit once."""
        removed = list(removed)
        if not changed and not removed:
            return {"added": 0, "removed": 0, "pages": 0}
        w = self._writer(writer_procs(len(changed)))
        pages = 0
        try:
            for ref in removed:
                w.delete_by_term("docref", ref)
            for i, (ref, docs) in enumerate(changed.items(), 1):
                if progress:
                    progress(i, len(changed), ref)
                w.delete_by_term("docref", ref)
                for d in docs:
                    w.add_document(**_fields(ref, d))
                    pages += 1
            w.commit()
        except BaseException:
            w.cancel()
            raise
        state = self.indexed()
        for ref in removed:
            state.pop(ref, None)
        for ref, docs in changed.items():
            state[ref] = docs[0].sha256 if docs else ""
        atomic_write_text(self.dir / DOCS, json.dumps(state, ensure_ascii=False))
        return {"added": len(changed), "removed": len(removed), "pages": pages}

    def apply_stream(self, items: Iterable[tuple[str, list[PageDoc]]], removed: Iterable[str]) -> dict[str, int]:
        return self.apply(dict(items), removed)

    # -- searching ---------------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 10, agency: str | None = None, year: int | None = None,
               law: str | None = None, doc_type: str | None = None, sort: str = "relevance", snippets: bool = True,
               facets: bool = True) -> dict[str, Any]:
        """Hits grouped by case with snippets; ``facets=False`` skips the counts (they visit every match).

        Words are ANDed. When a plain query (no operators, quotes or fields) finds fewer
        than ``limit`` pages, pages matching only some of its words follow, marked
        ``"partial": true``: an auditor typing 原价 不实 also wants the decisions that
        write 虚假的原价 and never 不实."""
        t0 = time.perf_counter()
        ix = self.ix
        from index.query import canonical

        folded = fold(canonical(text))  # 机关:、类型:行政处罚决定书 … as whoosh's parser knows them
        q = gapped_phrases(_parser(ix.schema, AndGroup).parse(folded), folded)
        filters = []
        if agency:
            filters.append(Q.Term("agency", agency))
        if year:
            filters.append(Q.Term("year", int(year)))
        if law:
            filters.append(Q.Term("laws", normalise_law_name(law)))
        if doc_type:
            filters.append(Q.Term("doc_type", doc_type))
        flt = Q.And(filters) if filters else None
        groups = {"agency": sorting.FieldFacet("agency"), "year": sorting.FieldFacet("year"),
                  "laws": sorting.FieldFacet("laws", allow_overlap=True), "doc_type": sorting.FieldFacet("doc_type")} if facets else {}
        s = self.searcher()
        # optimize=False: whoosh's block-quality skipping saves little when every decision holds both
        # words, and it leaves the total to a second pass over all matches (twice the time at 10,000)
        kwargs: dict[str, Any] = {"limit": max(limit * 5, 50), "filter": flt, "optimize": False}
        if sort == "date":
            kwargs["sortedby"] = sorting.FieldFacet("date", reverse=True)
        results = s.search(q, **(kwargs | ({"groupedby": groups} if groups else {})))
        total = len(results)
        from index import query as qmod

        tree = qmod.parse(text)
        shown = qmod.positives(tree) if tree is not None else (set(), [])
        hits = _hits(results, limit, snippets, shown)
        plain = qmod.plain_words(text)
        if len(hits) < limit and plain:
            partial = s.search(_parser(ix.schema, OrGroup).parse(folded), **kwargs)
            seen = {(h["doc"], h["page"]) for h in hits}
            more = [h for h in _hits(partial, limit, snippets, (set(plain), [])) if (h["doc"], h["page"]) not in seen]
            hits += [h | {"partial": True} for h in more[: limit - len(hits)]]
        facet_counts = {}
        for name in groups:
            found = results.groups(name)
            # a page without a year is grouped under whoosh's missing-value sentinel (the largest int32)
            ranked = sorted(((k, v) for k, v in found.items() if k not in (None, "", 2147483647)), key=lambda kv: (-len(kv[1]), str(kv[0])))
            facet_counts[name] = {str(k): len(v) for k, v in ranked[:FACET_SIZE]}
        # hits grouped by case, cases in the order of their best hit
        by_case: dict[str, list] = {}
        for h in hits:
            by_case.setdefault(h["case"], []).append(h)
        hits = [h for hs in by_case.values() for h in hs]
        return {"query": text, "total": total, "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1), "hits": hits,
                "cases": [{"case": c, "hits": len(v)} for c, v in by_case.items()], "facets": facet_counts}

    def page(self, source: str, doc: str, page: int):
        """The page's text and word map, or None when the index does not hold it."""
        from index.tokens import segment

        found = self.searcher().document(uid=f"{source}/{doc}#{page}")
        if not found:
            return None
        words = segment(found["text"])
        return found["text"], [s for _, s, _ in words], [e for _, _, e in words]





def _parser(schema: Schema, group) -> MultifieldParser:
    parser = MultifieldParser(["text", "party"], schema=schema, group=group)
    parser.add_plugin(DateParserPlugin())
    return parser


def _hits(results, limit: int, snippets: bool, shown: tuple[set[str], list[list[str]]]) -> list[dict[str, Any]]:
    """The shown hits; snippets by the same highlighter as the tantivy engine's (index/highlight.py),
    from the page's words segmented again (ten pages: a few milliseconds)."""
    from index.highlight import matches, merged, snippet as make_snippet
    from index.tokens import segment

    hits = []
    for r in results:
        if len(hits) >= limit:
            break
        snippet = ""
        found_at: list[list[int]] = []
        text = r["text"]
        if snippets:
            words = segment(text)
            spans = matches(text, [s for _, s, _ in words], [e for _, _, e in words], *shown)
            snippet = make_snippet(text, spans)
            found_at = [[a, b] for a, b, _ in merged(spans)]
        hits.append({"case": r["source"], "source": r["source"], "number": r.get("number", ""), "doc": r["doc"], "doc_type": r.get("doc_type", ""),
                     "page": r["page"], "score": round(r.score, 3) if r.score is not None else None,
                     "snippet": re.sub(r"\s+", " ", snippet).strip(), "agency": r.get("agency", ""), "party": r.get("party", ""),
                     "date": r["date"].date().isoformat() if r.get("date") else None,
                     "matches": found_at, "terms": sorted({text[a:b] for a, b in found_at})})
    return hits


def _fields(ref: str, d: PageDoc) -> dict[str, Any]:
    date = dt.datetime.combine(d.date, dt.time()) if d.date else None
    f = {
        "uid": f"{ref}#{d.page}", "docref": ref, "source": d.source, "case": d.case, "number": d.number, "agency": d.agency,
        "party": d.party, "case_type": d.case_type, "procedure": d.procedure, "outcome": d.outcome,
        "laws": ",".join(sorted(set(d.laws))), "doc": d.doc, "doc_type": d.doc_type, "page": d.page,
        # line breaks inside words (PDF extraction) would split them for the segmenter
        "text": compact(d.text).text,
    }
    if date:
        f["date"] = date
        f["year"] = date.year
    return {k: v for k, v in f.items() if v not in (None, "")}
