"""The archive index on tantivy (the default engine): one tantivy document per page.

Why tantivy: whoosh's writer and scorer are pure Python, 7–11× slower than SQLite FTS5 here;
tantivy is Rust (docs/search-benchmark.md). What it needs to read Chinese as casefile does:

- the page's jieba_fast_dat words joined by spaces (index/tokens.py) through a whitespace
  analyzer registered under ``casefile_ws`` — registered again after every ``Index.open``,
  since tantivy forgets it; the query is segmented by the same code and a phrase is built from
  its words (its first word may close a longer word and its last open one, as the page reads);
- its snippets count bytes and mark single terms, so each page stores its own word → character
  map and index/highlight.py marks words and whole phrases;
- one writer per index across processes: the index is reopened before each write, a held lock
  (``LockBusy``) is retried with backoff, then reported in Chinese.

Beside the tantivy files (``<index dir>/tantivy/``), ``meta.json`` records schema and analyzer
versions (another version is rebuilt, never misread) and ``docs.json`` the content hash of each
indexed document, so an update re-indexes only what changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path
from typing import Any, Callable, Iterable

import tantivy as T

from casefile.errors import IndexError_, UsageError
from casefile.store.fsutil import atomic_write_text
from index.dirs import meta_mismatch, start_fresh
from index import highlight, query as qmod
from index.analyzer import ANALYZER_VERSION
from index.dirs import DOCS, FACET_SIZE, META, PageDoc
from index.tokens import decode_spans, index_form, normalise, segment

ENGINE = "tantivy"
SCHEMA_VERSION = "t2"
SUBDIR = "tantivy"
TOKENIZER = "casefile_ws"
HEAP = 64_000_000  # the writer's memory budget: one indexing thread, segments flushed at 64 MB
LOCK_WAIT_S = 20.0
FACETS = ("agency", "year", "laws", "doc_type")
PHRASE_ALTERNATIVES = 16  # word sequences a phrase is looked up as, each exactly, before a regex phrase serves better
REVERSED = "reversed-words.txt"  # see TantivyIndex._reversed


def make_schema() -> "T.Schema":
    sb = T.SchemaBuilder()
    for name in ("uid", "docref", "source", "case", "number", "case_type", "procedure", "outcome", "doc", "date"):
        sb.add_text_field(name, stored=True, tokenizer_name="raw")
    for name in ("agency", "laws", "doc_type"):  # facets: fast fields for the terms aggregation
        sb.add_text_field(name, stored=True, fast=True, tokenizer_name="raw")
    sb.add_integer_field("year", stored=True, indexed=True, fast=True)
    sb.add_integer_field("datenum", indexed=True, fast=True)  # yyyymmdd: date ranges and sort by date
    sb.add_integer_field("page", stored=True)
    sb.add_text_field("party", stored=True, tokenizer_name=TOKENIZER)
    sb.add_text_field("partyname", stored=True, tokenizer_name="raw")
    sb.add_text_field("text", stored=False, tokenizer_name=TOKENIZER)  # words with positions
    sb.add_text_field("sub", stored=False, tokenizer_name=TOKENIZER, index_option="freq")  # sub-words, no positions
    sb.add_text_field("body", stored=True, tokenizer_name="raw", index_option="basic")  # the page as shown; not searched
    sb.add_bytes_field("spans", stored=True)  # index/tokens.py encode_spans
    return sb.build()


def _analyzer():
    return T.TextAnalyzerBuilder(T.Tokenizer.whitespace()).build()


class TantivyIndex:
    engine = ENGINE

    def __init__(self, root: Path):
        self.dir = Path(root)
        self.tdir = self.dir / SUBDIR
        self._ix = None
        self._schema = None
        self._meta_mtime = None
        self.rebuilt_reason = ""

    # -- lifecycle --------------------------------------------------------------------
    def needs_rebuild(self) -> str:
        """Why the index on disk cannot be used as it is ('' if it can)."""
        meta = self.dir / META
        if not meta.exists() or not (self.tdir / "meta.json").exists():
            return "索引不存在"
        return meta_mismatch(meta, ENGINE, SCHEMA_VERSION, ANALYZER_VERSION)

    def open(self) -> "TantivyIndex":
        reason = self.needs_rebuild()
        if reason:
            self._create()
            self.rebuilt_reason = reason if reason != "索引不存在" else ""
            return self
        try:
            self._ix = self._open_dir()
            n = self._ix.searcher().num_docs
            if n == 0 and self.indexed():  # docs.json is read only when the index is empty
                raise ValueError(f"索引中没有文档，记录却有 {len(self.indexed())} 份")
        except (ValueError, OSError) as e:  # a corrupt or emptied index is rebuilt, not misread
            self._create()
            self.rebuilt_reason = f"索引损坏（{str(e)[:80]}），已重建"
        return self

    def _open_dir(self):
        ix = T.Index.open(str(self.tdir))
        ix.register_tokenizer(TOKENIZER, _analyzer())  # tantivy does not keep it across opens
        self._schema = ix.schema
        self._meta_mtime = self._mtime()
        return ix

    def _mtime(self) -> float:
        try:
            return (self.tdir / "meta.json").stat().st_mtime_ns
        except FileNotFoundError:
            return 0

    def _create(self) -> None:
        from index.dirs import reset_dir

        self.close()
        reset_dir(self.dir)
        self.tdir.mkdir(parents=True)
        ix = T.Index(make_schema(), path=str(self.tdir), reuse=False)
        ix.register_tokenizer(TOKENIZER, _analyzer())
        self._ix, self._schema = ix, ix.schema
        start_fresh(self.dir, ENGINE, SCHEMA_VERSION, ANALYZER_VERSION)

    @property
    def ix(self):
        if self._ix is None:
            self.open()
        return self._ix

    def searcher(self):
        """The latest committed state: another process's commit is seen once its meta.json changed."""
        ix = self.ix
        m = self._mtime()
        if m != self._meta_mtime:
            ix.reload()
            self._meta_mtime = m
        return ix.searcher()

    def close(self) -> None:
        self._ix = None

    def indexed(self) -> dict[str, str]:
        """The recorded documents and their digests; read again only when the file changed (at
        100,000 documents it is megabytes of JSON, and every search checks the count)."""
        p = self.dir / DOCS
        try:
            st = p.stat()
        except FileNotFoundError:
            return {}
        key = (st.st_mtime_ns, st.st_size, st.st_ino)
        if getattr(self, "_docs_key", None) != key:
            try:
                self._docs = json.loads(p.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                self._docs = {}
            self._docs_key = key
        return self._docs

    def _writer(self, wait_s: float | None = None):
        """The one writer, on an index reopened now (another process may have committed since)."""
        wait_s = LOCK_WAIT_S if wait_s is None else wait_s
        delay, waited = 0.05, 0.0
        while True:
            ix = self._open_dir()
            try:
                w = ix.writer(HEAP, 1)
                self._ix = ix
                return w
            except ValueError as e:
                if "LockBusy" not in str(e):
                    raise
            if waited >= wait_s:
                raise IndexError_(f"索引（{self.dir}）正被另一个进程更新，等待 {waited:.0f} 秒后仍未释放；请等那个进程结束后再试")
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 1.0)

    # -- updating -------------------------------------------------------------------------
    def apply(self, changed: dict[str, list[PageDoc]], removed: Iterable[str],
              progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
        n = len(changed)

        def items():
            for i, (ref, docs) in enumerate(changed.items(), 1):
                if progress:
                    progress(i, n, ref)
                yield ref, docs

        return self.apply_stream(items(), removed)

    def apply_stream(self, items: Iterable[tuple[str, list[PageDoc]]], removed: Iterable[str]) -> dict[str, int]:
        """Replace the pages of each document as it comes (from worker processes), drop the removed
        ones, commit once: one writer, memory bounded by its heap rather than by the archive."""
        removed = list(removed)
        it = iter(items)
        first = next(it, None)  # workers start (fork) before the writer's threads exist
        if first is None and not removed:
            return {"added": 0, "removed": 0, "pages": 0}
        w = self._writer()
        pages = 0
        done: dict[str, str] = {}
        try:
            for ref in removed:
                w.delete_documents_by_term("docref", ref)
            for ref, docs in _chain(first, it):
                w.delete_documents_by_term("docref", ref)
                for d in docs:
                    w.add_document(document(ref, d))
                    pages += 1
                done[ref] = docs[0].sha256 if docs else ""
            w.commit()
        except BaseException:
            w.rollback()
            w.wait_merging_threads()  # the writer goes, and its lock with it
            raise
        # the record of what is indexed is written while this process still holds the lock
        state = dict(self.indexed())
        for ref in removed:
            state.pop(ref, None)
        state.update(done)
        atomic_write_text(self.dir / DOCS, json.dumps(state, ensure_ascii=False))
        w.wait_merging_threads()  # merges finish before the lock goes: no segment files left behind
        self._ix.reload()
        self._meta_mtime = self._mtime()
        self._reversed(write=True)  # the phrase lookup's word list, written while the lock is held
        return {"added": len(done), "removed": len(removed), "pages": pages}

    # -- searching ---------------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 10, agency: str | None = None, year: int | None = None,
               law: str | None = None, doc_type: str | None = None, sort: str = "relevance", snippets: bool = True,
               facets: bool = True) -> dict[str, Any]:
        t0 = time.perf_counter()
        s = self.searcher()
        tree = qmod.parse(text)
        if tree is None:
            raise UsageError(f"检索式“{text}”里没有可检索的词（只有停用词或标点）")
        q = self._query(tree)
        filters = self._filters(agency, year, law, doc_type)
        full = _and([q], filters)
        order = {"order_by_field": "datenum", "order": T.Order.Desc} if sort == "date" else {}
        res = s.search(full, limit, count=True, **order)
        total = res.count
        words, phrases = qmod.positives(tree)
        hits = self._hits(s, res.hits, words, phrases, snippets)
        plain = qmod.plain_words(text)
        if len(hits) < limit and plain:
            partial = _and([T.Query.boolean_query([(T.Occur.Should, self._word(w)) for w in plain])], filters)
            seen = {(a.segment_ord, a.doc) for _, a in res.hits}  # pages already shown, by address: no
            more = s.search(partial, limit + len(hits), count=False, **order)  # snippet made to be dropped
            extra = [(sc, a) for sc, a in more.hits if (a.segment_ord, a.doc) not in seen][: limit - len(hits)]
            hits += [h | {"partial": True} for h in self._hits(s, extra, set(plain), [], snippets)]
        facet_counts = self._facets(s, full) if facets else {}
        return {"query": text, "total": total, "elapsed_ms": round((time.perf_counter() - t0) * 1000, 1), "hits": hits,
                "facets": facet_counts}

    def _term(self, fieldname: str, value: str):
        return T.Query.term_query(self._schema, fieldname, value)

    def _word(self, w: str):
        """A word in the text, as a word or a sub-word of a longer one, or in the party's name. Only the
        page's own words rank: the sub-word list and the party's name are short fields whose BM25 length
        norm would outweigh the text (on the judged queries recall@10 0.839 when all three ranked, 0.910
        when they only widen the match)."""
        return T.Query.boolean_query([(T.Occur.Should, self._term("text", w)),
                                      (T.Occur.Should, T.Query.const_score_query(self._term("sub", w), 0.0)),
                                      (T.Occur.Should, T.Query.const_score_query(self._term("party", w), 0.0))])

    def _phrase(self, words: list[str]):
        if len(words) == 1:
            return self._word(words[0])
        # the first word may close a longer word of the page and the last open one (违法所得，并处 in
        # 没收违法所得，并处罚款): the page's text holds the phrase either way. A regex starting with .*
        # walks the whole term dictionary (tens of ms); the words ending with the first one are looked
        # up in a reversed, sorted copy of the dictionary instead, kept until the index changes.
        closing = self._ending_with(words[0])
        opening = [t for t, _ in self.searcher().terms_with_prefix("text", words[-1], limit=PHRASE_ALTERNATIVES + 1)]
        if closing == [words[0]] and len(opening) <= 1:
            # no longer word ends with the first or starts with the last: the plain phrase
            return T.Query.phrase_query(self._schema, "text", words)
        if len(closing) * len(opening) <= PHRASE_ALTERNATIVES:
            # a few ways for the page to hold the phrase: each an exact phrase, read from the positions
            # at half the cost of the regex phrase below (1.17 → 0.57 ms for 违法所得，并处 on 4,500 pages)
            return T.Query.boolean_query([(T.Occur.Should, T.Query.phrase_query(self._schema, "text", [c, *words[1:-1], o]))
                                          for c in closing for o in opening])
        first = "(" + "|".join(_rx(t) for t in closing) + ")" if len(closing) > 1 else _rx(words[0])
        pats = [first] + [_rx(w) for w in words[1:-1]] + [_rx(words[-1]) + ".*"]
        return T.Query.regex_phrase_query(self._schema, "text", pats)

    def _ending_with(self, word: str) -> list[str]:
        from bisect import bisect_left

        rev_terms = self._reversed()
        rev = word[::-1]
        i = bisect_left(rev_terms, rev)
        out = []
        while i < len(rev_terms) and rev_terms[i].startswith(rev) and len(out) < 200:
            out.append(rev_terms[i][::-1])
            i += 1
        return out or [word]

    def _reversed(self, write: bool = False) -> list[str]:
        """Every word of the text field spelt backwards, sorted: the words ending with a phrase's first
        word are a range of it. Listing and sorting the dictionary costs 30-90 ms, so the list is
        written beside the index at each commit (``REVERSED``, first line the commit it belongs to)
        and read once per process and commit, never worked out per query."""
        key = self._meta_mtime
        if not write and getattr(self, "_rev_key", None) == key:
            return self._rev
        path = self.dir / REVERSED
        rev = None
        if not write:
            try:
                head, _, body = path.read_text(encoding="utf-8").partition("\n")
                rev = body.split("\n") if head == str(key) and body else ([] if head == str(key) else None)
            except (FileNotFoundError, UnicodeDecodeError):
                rev = None
        if rev is None:
            rev = sorted(t[::-1] for t, _ in self._ix.searcher().terms_with_prefix("text", ""))
            try:
                atomic_write_text(path, f"{key}\n" + "\n".join(rev))
            except OSError:
                pass  # a read-only or full disk: the list still serves this process
        self._rev, self._rev_key = rev, key
        return rev

    def _query(self, n):
        if isinstance(n, qmod.Words):
            return _and([self._word(w) for w in n.words], [])
        if isinstance(n, qmod.Phrase):
            return self._phrase(n.words)
        if isinstance(n, qmod.Field):
            return self._field(n.name, n.value)
        if n.op == "OR":
            return T.Query.boolean_query([(T.Occur.Should, self._query(k)) for k in n.kids])
        if n.op == "NOT":
            return T.Query.boolean_query([(T.Occur.Must, T.Query.all_query()), (T.Occur.MustNot, self._query(n.kids[0]))])
        must = [(T.Occur.MustNot, self._query(k.kids[0])) if isinstance(k, qmod.Node) and k.op == "NOT" else (T.Occur.Must, self._query(k))
                for k in n.kids]
        if all(o == T.Occur.MustNot for o, _ in must):
            must.append((T.Occur.Must, T.Query.all_query()))
        return T.Query.boolean_query(must)

    def _field(self, name: str, value: str):
        if name == "year":
            if not value.isdigit():
                raise qmod.QuerySyntaxError(f"年度“{value}”应为四位数字")
            return T.Query.range_query(self._schema, "year", T.FieldType.Integer, int(value), int(value))
        if name == "date":
            lo, hi = qmod.date_range(value)
            return T.Query.range_query(self._schema, "datenum", T.FieldType.Integer, lo, hi)
        if name in ("text", "party"):
            words = [w for w, _, _ in segment(value)]
            fields = ["party"] if name == "party" else ["text", "sub"]
            return _and([T.Query.boolean_query([(T.Occur.Should, self._term(f, w)) for f in fields]) for w in words], [])
        if name == "laws":
            from casefile.ingest.extract import normalise_law_name

            value = normalise_law_name(value)
        return self._term(name, value)

    def _filters(self, agency, year, law, doc_type) -> list:
        out = []
        if agency:
            out.append(self._term("agency", agency))
        if year:
            out.append(self._field("year", str(int(year))))
        if law:
            out.append(self._field("laws", law))
        if doc_type:
            out.append(self._term("doc_type", doc_type))
        return [T.Query.const_score_query(f, 0.0) for f in out]  # filters narrow, they do not rank

    def _facets(self, s, q) -> dict[str, dict[str, int]]:
        # the values kept are counted by the engine alone: asking for more costs every search (0.9 ms at
        # 120 a facet, 0.5 at 40); ties at the cut are broken by value here, as the whoosh engine does.
        # (tantivy's segment_size cut to 40 would save 0.2 ms on 4,400 hits, but then which of the
        # values tied at the cut are kept is tantivy's choice, no longer the whoosh engine's)
        agg = s.aggregate(q, {f: {"terms": {"field": f, "size": FACET_SIZE, "order": {"_count": "desc"}}} for f in FACETS})
        out = {}
        for f in FACETS:
            buckets = agg.get(f, {}).get("buckets", [])
            ranked = sorted((b for b in buckets if b["key"] not in (None, "")), key=lambda b: (-b["doc_count"], str(b["key"])))
            out[f] = {str(b["key"]): b["doc_count"] for b in ranked[:FACET_SIZE]}
        return out

    def _hits(self, s, found, words: set[str], phrases: list[list[str]], snippets: bool) -> list[dict[str, Any]]:
        hits = []
        for score, addr in found:
            d = s.doc(addr)
            get = d.get_first
            body = get("body") or ""
            found_at: list[list[int]] = []  # where the page matches: [start, end] in the page as stored
            if snippets:
                starts, ends = decode_spans(get("spans") or b"")
                joined = highlight.merged(highlight.matches(body, starts, ends, words, phrases))
                snip = highlight.snippet(body, joined, joined=True)
                found_at = [[a, b] for a, b, _ in joined]
            else:
                snip = ""
            hits.append({"case": get("source") or "", "source": get("source") or "", "number": get("number") or "",
                         "doc": get("doc") or "", "doc_type": get("doc_type") or "", "page": get("page") or 1,
                         "score": round(float(score), 3) if isinstance(score, float) else None, "snippet": snip,
                         "agency": get("agency") or "", "party": get("partyname") or "", "date": get("date") or None,
                         "matches": found_at, "terms": sorted({body[a:b] for a, b in found_at})})
        return hits

    # -- one page, for opening a hit ---------------------------------------------------------------
    def page(self, source: str, doc: str, page: int) -> tuple[str, list[int], list[int]] | None:
        """The page's text and word map, or None when the index does not hold it."""
        s = self.searcher()
        res = s.search(self._term("uid", f"{source}/{doc}#{page}"), 1)
        if not res.hits:
            return None
        d = s.doc(res.hits[0][1])
        starts, ends = decode_spans(d.get_first("spans") or b"")
        return d.get_first("body") or "", starts, ends


_RX_SPECIAL = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


def _rx(word: str) -> str:
    return _RX_SPECIAL.sub(r"\\\1", word)


def _chain(first, rest):
    if first is not None:
        yield first
    yield from rest


def _and(musts: list, filters: list):
    parts = [(T.Occur.Must, q) for q in musts] + [(T.Occur.Must, f) for f in filters]
    return parts[0][1] if len(parts) == 1 else T.Query.boolean_query(parts)


def document(ref: str, d: PageDoc) -> "T.Document":
    """The tantivy document of one page (its words prepared already when ``d.prepared`` is set)."""
    if d.prepared is not None:
        body, text, sub, spans = d.prepared
    else:
        body, text, sub, spans = prepare(d.text)
    date = d.date if isinstance(d.date, dt.date) else None
    f: dict[str, Any] = {
        "uid": f"{ref}#{d.page}", "docref": ref, "source": d.source, "case": d.case, "number": d.number,
        "case_type": d.case_type, "procedure": d.procedure, "outcome": d.outcome, "doc": d.doc, "agency": d.agency,
        "doc_type": d.doc_type, "page": d.page, "party": " ".join(w for w, _, _ in segment(d.party)) if d.party else "",
        "partyname": d.party, "text": text, "sub": sub, "body": body, "spans": spans,
    }
    if date:
        f |= {"date": date.isoformat(), "year": date.year, "datenum": date.year * 10000 + date.month * 100 + date.day}
    doc = T.Document()
    for k, v in f.items():
        if v in (None, ""):
            continue
        if k in ("year", "datenum", "page"):
            doc.add_integer(k, int(v))
        elif k == "spans":
            doc.add_bytes(k, v)
        else:
            doc.add_text(k, v)
    for law in sorted(set(d.laws)):
        doc.add_text("laws", law)
    return doc


def prepare(text: str) -> tuple[str, str, str, bytes]:
    """The page as shown and its words, worked out where it is read (a worker process) rather than in
    the writer. Line breaks inside words (PDF extraction) would split them for the segmenter: compacted."""
    from casefile.ingest.extract.normalize import compact  # the extraction package: for indexing, not for a search

    body = compact(text).text
    return (body, *index_form(body))


__all__ = ["TantivyIndex", "make_schema", "prepare", "normalise"]
