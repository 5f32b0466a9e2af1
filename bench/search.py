"""Search benchmark: tantivy (casefile's default engine) and whoosh beside SQLite FTS5, in one run.

    .venv/bin/python -m bench.search [--docs 10000] [--queries 40] [--engines tantivy,whoosh,fts5]
                                     [--corpus DIR] [--relevance]

Indexes the real decisions and a synthetic archive built from their real
sentences under real header lines (bench/corpus.py), each engine the way
casefile indexes an archive folder: header-only facets (文号, agency, party,
date, laws, document type) and the words worked out in worker processes, one
writer (index/archive.py). FTS5 is fed the same words (segment and insert, no
facets) — the reference. Reports indexing docs/s, index size, peak memory, and
p50/p95 for two-term, phrase, field-filtered, faceted and snippet-page queries,
each beside FTS5 as a ratio. ``--relevance`` adds recall@10 and MRR on the
hand-judged queries (bench/relevance.py) for each casefile engine.

Two-term, phrase and filtered queries are timed without snippets or facet
counts; "faceted" with the four facet counts (FTS5: the query plus a GROUP BY
per facet column); "snippet page" is a top-10 page with snippets.

"product …" rows time what a person waits for: ``session.search.search``, the call
behind ``casefile search`` and the TUI's search screen (freshness, parsing,
engine, grouping, page labels, facets, snippets), on a workspace whose index
holds the documents, beside FTS5's top 10 with snippets (the strict reference:
FTS5 counts no facets), and beside FTS5 answering as much ("whole …": the page,
the count and a GROUP BY per facet column); and the first query of a new process. ``--clock cpu`` times by CPU time, for a machine other work keeps
busy (docs/search-benchmark.md).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.corpus import corpus_dir, headers, load_raw, sentences, synthetic_one

GAP = "zzgap"  # a token no Chinese text holds
TERMS = ["价格", "罚款", "明码标价", "虚假", "食品", "原价", "优惠", "标价", "广告", "消费者", "检查", "责令", "违法所得", "营业执照", "网店"]
PHRASES = ["明码标价", "违法所得", "价格欺诈", "行政处罚", "消费者权益", "划线价", "超过保质期", "责令改正", "当事人的上述", "违法所得，并处"]

_STATE: dict = {}  # what forked workers read: the real texts, sentences and headers


def _doc(i: int) -> tuple[str, str]:
    real = _STATE["real"]
    if i < len(real):
        return real[i]
    return synthetic_one(i - len(real), _STATE["sents"], _STATE["heads"])


def _job(i: int):
    """A worker's job: document i, its facets from its header and its words (index/archive.py)."""
    from index.archive import read_one

    name, text = _doc(i)
    return read_one((f"bench/{name}", name, "archive:bench", _STATE["engine"], str(i), None, text))


class Pieces:
    """``--assembled``: a synthetic document is assembled from pieces worked out once — each real
    header's facets and words, each real sentence's words — instead of being read, extracted and
    segmented again. jieba cuts at punctuation, so a page of whole sentences gets the same words;
    what is measured is the engines at scale, and the indexing rate is the engine's alone."""

    def __init__(self):
        from casefile.ingest.extract.normalize import compact

        from index.archive import header_fields
        from index.tokens import decode_spans, index_form

        self.decode = decode_spans
        self.heads, self.sents = [], []
        for h in _STATE["heads"]:
            text = compact(h).text
            self.heads.append((text, index_form(text), header_fields([h])))
        for sent in _STATE["sents"]:
            text = compact(sent).text
            self.sents.append((text, index_form(text)))
        self.fts: dict[int, str] = {}

    def choose(self, i: int):
        import random as _r

        rng = _r.Random(7 * 1_000_003 + i)
        return self.heads[i % len(self.heads)], [self.sents[rng.randrange(len(self.sents))] for _ in range(rng.randint(25, 60))]

    def page(self, i: int):
        from index.store import PageDoc
        from index.tokens import encode_spans

        head, body = self.choose(i)
        texts, words, subs, spans = [], [], [], []
        pos = 0
        for text, (w, sub, blob) in [head[:2]] + body:
            starts, ends = self.decode(blob)
            spans += [(s + pos, e + pos) for s, e in zip(starts, ends)]
            texts.append(text)
            words.append(w)
            if sub:
                subs.append(sub)
            pos += len(text)
        f = head[2]
        return PageDoc(source="archive:bench", doc=f"syn-{i:06d}.txt", page=1, text="".join(texts), sha256=str(i),
                       case="archive:bench", prepared=("".join(texts), " ".join(words), " ".join(subs), encode_spans(spans)), **f)


def judged_queries() -> list[str]:
    """The 42 queries 评查人员 type (tests/data/relevance/queries.toml), as typed."""
    import tomllib

    from bench.corpus import REPO

    data = tomllib.loads((REPO / "tests" / "data" / "relevance" / "queries.toml").read_text(encoding="utf-8"))
    return [q["q"] for q in data["queries"]]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter  # --clock cpu: this process's CPU time, for a machine other work keeps busy


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its finished children (the indexing workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed(fn, args: list) -> list[float]:
    out = []
    for a in args:
        t = _clock()
        fn(a)
        out.append((_clock() - t) * 1000)
    return out


def du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6 if path.is_dir() else path.stat().st_size / 1e6


def run_engine(engine: str, n: int, tmp: Path, queries: dict) -> dict:
    """Index the documents into a workspace's index (as ``casefile index add-folder`` does), time the
    engine's own calls, then the product's path: what ``casefile search`` and the TUI call."""
    from index import archive, engines, recovery
    from index.store import INDEX_DIR
    from tui.application.session import Session

    _STATE["engine"] = engine
    root = tmp / f"ws-{engine}"
    Session.init(root, name="基准县市场监督管理局")
    d = root / INDEX_DIR
    engines.choose_engine(d, engine)
    idx = engines.make(d, engine).open()
    t0, c0 = time.perf_counter(), _cpu()
    if _STATE.get("pieces"):
        pieces = _STATE["pieces"]
        stats = idx.apply_stream(((f"bench/syn-{i:06d}.txt", [pieces.page(i)]) for i in range(n)), [])
    else:
        stats = idx.apply_stream((r for r in archive.read_all(list(range(n)), fn=_job) if not isinstance(r[1], str)), [])
    secs = time.perf_counter() - t0
    if _clock is time.process_time:  # on two idle cores: the writer, or the work shared by two, whichever is longer
        main, children = (b - a for a, b in zip(c0, _cpu()))
        secs = max(main, (main + children) / 2)
    recovery.record(root, len(idx.indexed()))
    out = {"index_s": secs, "docs": stats["added"], "size_mb": du(d),
           "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
           "rss_child": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}
    s = idx.search
    agencies = list(s("罚款", limit=1, facets=True, snippets=False)["facets"]["agency"])[:20]
    rng = random.Random(5)
    out["two-term"] = timed(lambda q: s(q, limit=10, snippets=False, facets=False), queries["two"])
    out["phrase"] = timed(lambda q: s(f'"{q}"', limit=10, snippets=False, facets=False), queries["phrase"])
    out["filtered"] = timed(lambda q: s(q, agency=rng.choice(agencies), limit=10, snippets=False, facets=False), queries["one"])
    out["faceted"] = timed(lambda q: s(q, limit=10, snippets=False, facets=True), queries["two"])
    out["snippet page"] = timed(lambda q: s(q, limit=10, snippets=True, facets=False), queries["one"])
    out["phrase docs"] = {p: {h["doc"] for h in s(f'"{p}"', limit=1_000_000, snippets=False, facets=False)["hits"]} for p in PHRASES}
    out |= product_path(root, queries, agencies)
    idx.close()
    return out


def product_path(root: Path, queries: dict, agencies: list[str]) -> dict:
    """The whole path a person waits for: ``session.search.search`` (what ``casefile search`` and the TUI's
    search screen call: freshness check, query parsing, engine, grouping, page labels, facets in
    Chinese, snippets), top 10, in this process after a first query; and the first query of a new
    process, timed inside that process (imports not counted)."""
    import os
    import subprocess
    import sys

    from tui.application.session import Session

    sess = Session.open(root)
    sess.search.search("罚款", limit=10)
    rng = random.Random(5)
    out = {"product " + k: timed(fn, queries[src]) for k, src, fn in (
        ("two-term", "two", lambda q: sess.search.search(q, limit=10)),
        ("phrase", "phrase", lambda q: sess.search.search(f'"{q}"', limit=10)),
        ("filtered", "one", lambda q: sess.search.search(q, agency=rng.choice(agencies) if agencies else None, limit=10)),
        ("judged", "judged", lambda q: sess.search.search(q, limit=10)))}
    clock = "process_time" if _clock is time.process_time else "perf_counter"
    probe = ("import sys, time; from tui.application.session import Session; s = Session.open(sys.argv[1]); "
             f"t = time.{clock}(); s.search.search(sys.argv[2], limit=10); print((time.{clock}() - t) * 1000)")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    out["first query"] = [float(subprocess.run([sys.executable, "-c", probe, str(root), f'"{q}"'], env=env, check=True,
                                               capture_output=True, text=True).stdout) for q in queries["phrase"][:5]]
    return out


def run_fts5(n: int, tmp: Path, queries: dict) -> dict:
    """SQLite FTS5 on the same words (a gap token where a stop word or punctuation took a place, so a
    phrase means the same), segment and insert only."""
    from index.whoosh_analyzer import chinese_analyzer
    from index.phrase import phrase_offsets

    an = chinese_analyzer()

    def gapped(text: str) -> str:
        out, last = [], None
        for t in an(text, positions=True, mode="query"):
            if last is not None:
                out += [GAP] * (t.pos - last - 1)
            out.append(t.text)
            last = t.pos
        return " ".join(out)

    def fts_phrase(p: str) -> str:
        words, offsets = phrase_offsets(p)
        slots = [GAP] * (offsets[-1] + 1)
        for w, o in zip(words, offsets):
            slots[o] = w
        return '"' + " ".join(slots) + '"'

    def q_and(q: str) -> str:
        return " AND ".join(f'"{t.text}"' for t in an(q, mode="query"))

    from casefile.ingest.extract.normalize import compact

    t0 = time.process_time() if _clock is time.process_time else time.perf_counter()
    db = sqlite3.connect(tmp / "fts.db")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(name UNINDEXED, agency UNINDEXED, law UNINDEXED, body, tokenize='unicode61')")
    batch = []
    pieces = _STATE.get("pieces")
    for i in range(n):
        if pieces:  # the same pieces, each segmented once
            head, body = pieces.choose(i)
            name, words = f"syn-{i:06d}.txt", " ".join(pieces.fts.get(id(p)) or pieces.fts.setdefault(id(p), gapped(p[0])) for p in [head] + body)
        else:
            name, text = _doc(i)
            words = gapped(compact(text).text)
        batch.append((name, f"机关{i % 40}", "价格法" if i % 3 else "食品安全法", words))
        if len(batch) >= 1000:
            db.executemany("INSERT INTO d VALUES (?,?,?,?)", batch)
            batch = []
    db.executemany("INSERT INTO d VALUES (?,?,?,?)", batch)
    db.commit()
    out = {"index_s": (time.process_time() if _clock is time.process_time else time.perf_counter()) - t0, "docs": n,
           "size_mb": du(tmp / "fts.db")}
    rng = random.Random(5)

    def top(m):
        return db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (m,)).fetchall()

    def faceted(q):
        m = q_and(q)
        top(m)
        for col in ("agency", "law"):
            db.execute(f"SELECT {col}, count(*) FROM d WHERE d MATCH ? GROUP BY {col}", (m,)).fetchall()

    out["two-term"] = timed(lambda q: top(q_and(q)), queries["two"])
    out["phrase"] = timed(lambda q: top(fts_phrase(q)), queries["phrase"])
    out["filtered"] = timed(lambda q: db.execute("SELECT name FROM d WHERE d MATCH ? AND agency = ? ORDER BY rank LIMIT 10",
                                                 (q_and(q), f"机关{rng.randrange(40)}")).fetchall(), queries["one"])
    out["faceted"] = timed(faceted, queries["two"])
    out["snippet page"] = timed(lambda q: db.execute("SELECT name, snippet(d, 3, '【', '】', '…', 20) FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10",
                                                     (q_and(q),)).fetchall(), queries["one"])

    def page(m):  # the reference for the product's path: the query's words, top 10 with snippets
        return db.execute("SELECT name, snippet(d, 3, '【', '】', '…', 20) FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (m,)).fetchall()

    for k, src, fn in (("two-term", "two", lambda q: page(q_and(q))), ("phrase", "phrase", lambda q: page(fts_phrase(q))),
                       ("filtered", "one", lambda q: db.execute(
                           "SELECT name, snippet(d, 3, '【', '】', '…', 20) FROM d WHERE d MATCH ? AND agency = ? ORDER BY rank LIMIT 10",
                           (q_and(q), f"机关{rng.randrange(40)}")).fetchall()),
                       ("judged", "judged", lambda q: page(q_and(q)) if q_and(q) else None)):
        out["product " + k] = timed(fn, queries[src])

    def whole(m):  # what the product's path answers, asked of FTS5: the page, the count, a count per facet column
        if not m:
            return None
        page(m)
        db.execute("SELECT count(*) FROM d WHERE d MATCH ?", (m,)).fetchone()
        for col in ("agency", "law"):
            db.execute(f"SELECT {col}, count(*) FROM d WHERE d MATCH ? GROUP BY {col} ORDER BY 2 DESC LIMIT 40", (m,)).fetchall()

    for k, src, make in (("two-term", "two", q_and), ("phrase", "phrase", fts_phrase), ("judged", "judged", q_and)):
        out["whole " + k] = timed(lambda q, make=make: whole(make(q)), queries[src])
    out["phrase docs"] = {p: {r[0] for r in db.execute("SELECT name FROM d WHERE d MATCH ?", (fts_phrase(p),))} for p in PHRASES}
    db.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--engines", default="tantivy,whoosh,fts5")
    ap.add_argument("--corpus", default=None, help="folder of the real decisions (default ../shared/corpus/samr)")
    ap.add_argument("--relevance", action="store_true")
    ap.add_argument("--assembled", action="store_true",
                    help="synthetic documents assembled from words worked out once per real sentence and header "
                         "(for 100,000 documents on a busy machine: measures the engines, not the reading pipeline)")
    ap.add_argument("--clock", choices=sorted(CLOCK), default="wall",
                    help="wall: elapsed time (an idle machine); cpu: the process's CPU time, for a shared busy machine "
                         "(both engines run in this process, so the ratio stays fair; the first query of a new process is "
                         "timed by the same clock inside it)")
    args = ap.parse_args()
    global _clock
    _clock = CLOCK[args.clock]

    real = load_raw(corpus_dir(args.corpus))
    _STATE.update(real=real, sents=sentences(real), heads=headers(real))
    n = max(args.docs, 1)
    if args.assembled:
        t = time.perf_counter()
        _STATE["pieces"] = Pieces()
        print(f"pieces worked out in {time.perf_counter() - t:.0f} s (not counted in the indexing rates)")
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    made = f"{n} synthetic, assembled" if args.assembled else f"{min(n, len(real))} real + {max(0, n - len(real))} synthetic"
    print(f"documents: {n} ({made}); engines: {', '.join(engines)}")
    rng = random.Random(11)
    queries = {"two": [f"{rng.choice(TERMS)} {rng.choice(TERMS)}" for _ in range(args.queries)],
               "one": [rng.choice(TERMS) for _ in range(args.queries)],
               "phrase": [rng.choice(PHRASES) for _ in range(args.queries)],
               "judged": judged_queries()}
    tmp = Path(tempfile.mkdtemp(prefix="casefile-bench-"))
    res = {}
    try:
        for e in engines:
            t = time.perf_counter()
            res[e] = run_fts5(n, tmp, queries) if e == "fts5" else run_engine(e, n, tmp, queries)
            print(f"  {e}: indexed and queried in {time.perf_counter() - t:.0f} s", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ref = res.get("fts5")
    cols = [e for e in engines]
    print(f"\n{'figure':30s} " + " ".join(f"{e:>12s}" for e in cols) + ("   ratios to FTS5" if ref else ""))

    def row(name, vals, fmt="{:12.1f}", ratio=True):
        line = f"{name:30s} " + " ".join(fmt.format(v) if v is not None else f"{'':>12s}" for v in vals)
        if ref and ratio:
            r = vals[cols.index("fts5")]
            line += "   " + " ".join(f"{e} {v / r:.2f}" for e, v in zip(cols, vals) if e != "fts5" and v is not None and r)
        print(line)

    row("indexing docs/s", [res[e]["docs"] / res[e]["index_s"] for e in cols])
    row("index size MB", [res[e]["size_mb"] for e in cols])
    for q in ("two-term", "phrase", "filtered", "faceted", "snippet page"):
        row(f"{q} p50 ms", [statistics.median(res[e][q]) for e in cols], "{:12.2f}")
        row(f"{q} p95 ms", [pct(res[e][q], 95) for e in cols], "{:12.2f}")
    print("\nthe product's path (session.search.search: top 10, snippets, facets, page labels) beside FTS5 top 10 with snippets")
    for q in ("two-term", "phrase", "filtered", "judged"):
        k = "product " + q
        row(f"{k} p50 ms", [statistics.median(res[e][k]) for e in cols], "{:12.2f}")
        row(f"{k} p95 ms", [pct(res[e][k], 95) for e in cols], "{:12.2f}")
    if ref and "whole two-term" in ref:
        print("\nthe same product path beside FTS5 answering as much: top 10 with snippets, the count, and a count per "
              "facet column (two facets, where the product counts four)")
        for q in ("two-term", "phrase", "judged"):
            for name, f in (("p50", statistics.median), ("p95", lambda v: pct(v, 95))):
                ours = {e: f(res[e]["product " + q]) for e in cols if e != "fts5"}
                theirs = f(ref["whole " + q])
                print(f"{'whole ' + q + ' ' + name + ' ms':30s} " + " ".join(f"{ours[e]:12.2f}" if e in ours else f"{theirs:12.2f}" for e in cols)
                      + "   " + " ".join(f"{e} {v / theirs:.2f}" for e, v in ours.items() if theirs))
    for e in cols:
        if "first query" in res[e]:
            f = res[e]["first query"]
            print(f"first query of a new process ({e}, imports not counted): median {statistics.median(f):.0f} ms, max {max(f):.0f} ms")
    for e in cols:
        if e != "fts5":
            print(f"peak memory {e}: main process {res[e]['rss_main']:.0f} MB (cumulative max of this run), "
                  f"largest worker {res[e]['rss_child']:.0f} MB")
    if ref:
        for e in cols:
            if e == "fts5":
                continue
            same = sum(res[e]["phrase docs"][p] == ref["phrase docs"][p] for p in PHRASES)
            sup = sum(res[e]["phrase docs"][p] >= ref["phrase docs"][p] for p in PHRASES)
            print(f"phrases with the same documents as FTS5 ({e}): {same}/{len(PHRASES)}; a superset: {sup}/{len(PHRASES)}")
    if "tantivy" in res and "whoosh" in res:
        same = sum(res["tantivy"]["phrase docs"][p] == res["whoosh"]["phrase docs"][p] for p in PHRASES)
        print(f"phrases with the same documents on tantivy and whoosh: {same}/{len(PHRASES)}")
    if args.relevance:
        from bench import relevance

        for e in [e for e in cols if e != "fts5"]:
            r = relevance.evaluate(engine=e, corpus=corpus_dir(args.corpus))
            print(f"relevance ({e}) over {r['queries']} judged queries: recall@10 {r['casefile']['recall@10']:.3f} "
                  f"(FTS5 {r['fts5']['recall@10']:.3f}), MRR {r['casefile']['mrr']:.3f} (FTS5 {r['fts5']['mrr']:.3f})")


if __name__ == "__main__":
    main()
