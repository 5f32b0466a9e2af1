"""Search benchmark: whoosh (casefile's index) beside SQLite FTS5 on the same jieba tokens.

    .venv/bin/python bench/search.py [--docs 10000] [--queries 50] [--relevance]

Indexes the 900 real decisions and a synthetic archive built from their real
sentences reshuffled (no invented vocabulary), then reports indexing docs/s and
MB/s, index size, peak memory, query latency p50/p95 for two-term, phrase,
field-filtered and faceted queries and a top-10 page with snippets, the time of
a no-op update, and every figure as a ratio to FTS5. ``--relevance`` adds
recall@10 and MRR on the hand-judged queries (bench/relevance.py).

Two-term, phrase and field-filtered queries are timed without facet counts and
the "faceted" figure with them (agency, year, laws, document type), which is
what ``casefile search`` computes; FTS5's faceted figure is the query plus a
GROUP BY per facet.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
CORPUS = REPO.parent / "shared" / "corpus" / "samr" / "txt"
GAP = "zzgap"  # a token no Chinese text holds


def load_corpus() -> list[tuple[str, str]]:
    from casefile.extract.normalize import compact

    return [(p.name, compact(p.read_text(encoding="utf-8")).text) for p in sorted(CORPUS.glob("*.txt"))]


def synthetic(real: list[tuple[str, str]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    sentences = [s for _, t in real for s in re.findall(r"[^。；]+[。；]", t) if len(s) > 8]
    out = []
    for i in range(n):
        k = rng.randint(25, 60)
        out.append((f"syn-{i:05d}.txt", "".join(rng.choice(sentences) for _ in range(k))))
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=40)
    ap.add_argument("--relevance", action="store_true")
    args = ap.parse_args()

    from index.analyzer import chinese_analyzer
    from index.phrase import phrase_offsets
    from index.store import Index, PageDoc

    real = load_corpus()
    docs = real + synthetic(real, max(0, args.docs - len(real)))
    mb = sum(len(t.encode("utf-8")) for _, t in docs) / 1e6
    print(f"documents: {len(docs)} ({len(real)} real + {len(docs) - len(real)} synthetic), {mb:.1f} MB of text")
    rng = random.Random(11)

    tmp = Path(tempfile.mkdtemp(prefix="casefile-bench-"))
    idx = Index(tmp / "whoosh").open()
    t0 = time.perf_counter()
    batch = {}
    for i, (name, text) in enumerate(docs):
        batch[f"bench/{name}"] = [PageDoc(source="bench", doc=name, page=1, text=text, sha256=str(i),
                                          agency=f"机关{i % 40}", doc_type="decision", laws=["中华人民共和国价格法"] if i % 3 else ["中华人民共和国食品安全法"])]
    idx.apply(batch, [])  # one update, as `casefile index rebuild` and add-folder do
    w_index_s = time.perf_counter() - t0
    w_size = sum(p.stat().st_size for p in (tmp / "whoosh").rglob("*")) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    # FTS5 on the same tokens: the index's words without sub-words (FTS5 has one token a place), a GAP
    # token where a stop word or punctuation took a place, so phrases mean the same on both sides
    analyzer = chinese_analyzer()

    def gapped(tokens) -> list[str]:
        out, last = [], None
        for t in tokens:
            if last is not None:
                out += [GAP] * (t.pos - last - 1)
            out.append(t.text)
            last = t.pos
        return out

    def fts_phrase(p: str) -> str:
        words, offsets = phrase_offsets(p)
        slots = [GAP] * (offsets[-1] + 1)
        for w, o in zip(words, offsets):
            slots[o] = w
        return '"' + " ".join(slots) + '"'

    t0 = time.perf_counter()
    db = sqlite3.connect(tmp / "fts.db")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(name UNINDEXED, agency UNINDEXED, law UNINDEXED, body, tokenize='unicode61')")
    rows = []
    for i, (name, text) in enumerate(docs):
        toks = " ".join(gapped(analyzer(text, positions=True, mode="query")))
        rows.append((name, f"机关{i % 40}", "中华人民共和国价格法" if i % 3 else "中华人民共和国食品安全法", toks))
    db.executemany("INSERT INTO d VALUES (?,?,?,?)", rows)
    db.commit()
    f_index_s = time.perf_counter() - t0
    f_size = (tmp / "fts.db").stat().st_size / 1e6

    terms = ["价格", "罚款", "明码标价", "虚假", "食品", "原价", "优惠", "标价", "广告", "消费者", "检查", "责令", "违法所得", "营业执照", "网店"]
    phrases = ["明码标价", "违法所得", "价格欺诈", "行政处罚", "消费者权益", "划线价", "超过保质期", "责令改正"]

    def q_tokens(q: str) -> list[str]:
        return [t.text for t in analyzer(q, mode="query")]

    def time_w(fn, n):
        lat = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            lat.append((time.perf_counter() - t) * 1000)
        return lat

    results = {}
    two = [f"{rng.choice(terms)} {rng.choice(terms)}" for _ in range(args.queries)]
    ph = [rng.choice(phrases) for _ in range(args.queries)]
    it = iter(two)
    results["two-term"] = (time_w(lambda: idx.search(next(it), limit=10, snippets=False, facets=False), len(two)),
                           time_w(lambda: db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (" AND ".join(q_tokens(rng.choice(two))),)).fetchall(), len(two)))
    it = iter(ph)
    results["phrase"] = (time_w(lambda: idx.search(f'"{next(it)}"', limit=10, snippets=False, facets=False), len(ph)),
                         time_w(lambda: db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (fts_phrase(rng.choice(ph)),)).fetchall(), len(ph)))
    results["field-filtered"] = (time_w(lambda: idx.search(rng.choice(terms), agency=f"机关{rng.randrange(40)}", limit=10, snippets=False, facets=False), args.queries),
                                 time_w(lambda: db.execute("SELECT name FROM d WHERE d MATCH ? AND agency = ? ORDER BY rank LIMIT 10", (q_tokens(rng.choice(terms))[0], f"机关{rng.randrange(40)}")).fetchall(), args.queries))
    def fts_faceted():
        m = " AND ".join(q_tokens(rng.choice(two)))
        db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (m,)).fetchall()
        for col in ("agency", "law"):
            db.execute(f"SELECT {col}, count(*) FROM d WHERE d MATCH ? GROUP BY {col}", (m,)).fetchall()

    results["faceted (two-term)"] = (time_w(lambda: idx.search(rng.choice(two), limit=10, snippets=False, facets=True), args.queries),
                                     time_w(fts_faceted, args.queries))
    results["top-10 with snippets"] = (time_w(lambda: idx.search(rng.choice(terms), limit=10, snippets=True, facets=False), args.queries),
                                       time_w(lambda: db.execute("SELECT name, snippet(d, 2, '【', '】', '…', 20) FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10", (q_tokens(rng.choice(terms))[0],)).fetchall(), args.queries))

    # phrase agreement with FTS5 on the same tokens
    agree, superset, literal = 0, 0, 0
    texts = dict(docs)
    for p in phrases:
        w = {h["doc"] for h in idx.search(f'"{p}"', limit=100000, snippets=False, facets=False)["hits"]}
        f = {r[0] for r in db.execute("SELECT name FROM d WHERE d MATCH ?", (fts_phrase(p),))}
        agree += w == f
        # whoosh also matches a phrase whose words sit inside longer words (sub-words share the
        # parent's position); FTS5 on query tokens cannot. Count whether every extra is a real occurrence.
        superset += w >= f
        literal += all(p in texts[d] for d in w - f)
    t0 = time.perf_counter()
    state = idx.indexed()
    unchanged = sum(1 for i, (name, _) in enumerate(docs) if state.get(f"bench/{name}") == str(i))
    noop_s = time.perf_counter() - t0

    print(f"\n{'figure':32s} {'whoosh':>12s} {'FTS5':>12s} {'ratio':>8s}")
    print(f"{'indexing docs/s':32s} {len(docs) / w_index_s:12.1f} {len(docs) / f_index_s:12.1f} {(len(docs) / w_index_s) / (len(docs) / f_index_s):8.2f}")
    print(f"{'indexing MB/s':32s} {mb / w_index_s:12.2f} {mb / f_index_s:12.2f} {(mb / w_index_s) / (mb / f_index_s):8.2f}")
    print(f"{'index size MB':32s} {w_size:12.1f} {f_size:12.1f} {w_size / f_size:8.2f}")
    for name, (w, f) in results.items():
        print(f"{name + ' p50 ms':32s} {statistics.median(w):12.1f} {statistics.median(f):12.2f} {statistics.median(w) / max(statistics.median(f), 1e-6):8.1f}")
        print(f"{name + ' p95 ms':32s} {pct(w, 95):12.1f} {pct(f, 95):12.2f} {pct(w, 95) / max(pct(f, 95), 1e-6):8.1f}")
    print(f"{'no-op update s':32s} {noop_s:12.3f} {'':>12s} ({unchanged} of {len(docs)} unchanged)")
    print(f"{'peak memory MB (main process)':32s} {peak:12.0f}")
    print(f"{'peak memory MB (largest writer)':32s} {peak_child:12.0f}")
    from index.store import writer_procs

    writers = writer_procs(len(docs)) if writer_procs(len(docs)) > 1 else 0
    # resident sizes of forked processes share pages, so the sum is an upper bound
    print(f"{'peak memory MB (sum, upper bound)':32s} {peak + writers * peak_child:12.0f}   (main + {writers} writers)")
    print(f"phrase queries returning the same documents as FTS5: {agree}/{len(phrases)}; "
          f"whoosh's a superset of FTS5's: {superset}/{len(phrases)}; every extra document holds the phrase verbatim: {literal}/{len(phrases)}")
    if args.relevance:
        import relevance

        r = relevance.evaluate()
        print(f"relevance over {r['queries']} hand-judged queries: recall@10 {r['casefile']['recall@10']:.3f} "
              f"(FTS5 {r['fts5']['recall@10']:.3f}), MRR {r['casefile']['mrr']:.3f} (FTS5 {r['fts5']['mrr']:.3f})")


if __name__ == "__main__":
    main()
