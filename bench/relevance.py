"""Recall@10 and MRR of casefile's search on the hand-judged queries, beside FTS5.

    .venv/bin/python -m bench.relevance [--show] [--engine tantivy|whoosh] [--corpus DIR]

The 42 queries of tests/data/relevance/queries.toml were pooled over the 900
real decisions (bench/relevance_pool.py: casefile's top 20, FTS5's top 20 and up
to 15 documents holding the words literally) and every pooled document was
judged by reading it (tests/data/relevance/judged_*.toml). A query with no
relevant document is left out of the averages and listed.

recall@10 = relevant documents in the top 10 / min(10, relevant documents);
MRR = mean of 1 / rank of the first relevant document (0 when none in the top 10).
Documents outside the pool count as not relevant; how many reached a top 10 is
printed, since a pool only vouches for the rankings it was built from.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import shutil
import tempfile
import tomllib
from pathlib import Path

from bench.corpus import REPO, corpus_dir, load_corpus

JUDGED = REPO / "tests" / "data" / "relevance"


def judgements() -> list[dict]:
    out = []
    for p in sorted(JUDGED.glob("judged_*.toml")):
        out += tomllib.loads(p.read_text(encoding="utf-8"))["query"]
    return sorted(out, key=lambda q: q["n"])


def scores(ranked: list[str], relevant: set[str]) -> tuple[float, float]:
    top = ranked[:10]
    recall = len([d for d in top if d in relevant]) / min(10, len(relevant))
    rank = next((i for i, d in enumerate(top, 1) if d in relevant), None)
    return recall, (1 / rank if rank else 0.0)


def evaluate(show: bool = False, engine: str = "tantivy", corpus: Path | None = None) -> dict:
    from index import engines

    real = load_corpus(corpus)
    tmp = Path(tempfile.mkdtemp(prefix="casefile-rel-"))
    try:
        return _evaluate(show, engine, real, engines.make(tmp / "w", engine).open())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _evaluate(show: bool, engine: str, real: list[tuple[str, str]], idx) -> dict:
    from index.whoosh_analyzer import chinese_analyzer
    from index.store import PageDoc

    idx.apply({f"r/{n}": [PageDoc(source="r", doc=n, page=1, text=t, sha256="x")] for n, t in real}, [])
    an = chinese_analyzer()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(name UNINDEXED, body)")
    db.executemany("INSERT INTO d VALUES (?,?)", [(n, " ".join(t.text for t in an(x, mode="query"))) for n, x in real])
    w_scores, f_scores, empty = [], [], []
    unjudged = {"casefile": 0, "fts5": 0}
    for q in judgements():
        relevant = set(q["relevant"])
        if not relevant:
            empty.append(q["q"])
            continue
        ranked = list(dict.fromkeys(h["doc"] for h in idx.search(q["q"], limit=10, snippets=False, facets=False)["hits"]))
        toks = [t.text for t in an(q["q"], mode="query")]
        fts = [r[0] for r in db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 10",
                                         (" AND ".join(f'"{t}"' for t in toks),))] if toks else []
        pool = relevant | set(q["not_relevant"])
        unjudged["casefile"] += len([d for d in ranked[:10] if d not in pool])
        unjudged["fts5"] += len([d for d in fts[:10] if d not in pool])
        w_scores.append(scores(ranked, relevant))
        f_scores.append(scores(fts, relevant))
        if show:
            print(f"  {q['n']:2d} {q['q']:36s} relevant {len(relevant):3d}  casefile R@10 {w_scores[-1][0]:.2f} RR {w_scores[-1][1]:.2f}"
                  f"   FTS5 R@10 {f_scores[-1][0]:.2f} RR {f_scores[-1][1]:.2f}")

    def mean(xs, i):
        return statistics.mean(x[i] for x in xs)

    return {"queries": len(w_scores), "no_relevant": empty, "unjudged_in_top10": unjudged,
            "casefile": {"recall@10": mean(w_scores, 0), "mrr": mean(w_scores, 1)},
            "fts5": {"recall@10": mean(f_scores, 0), "mrr": mean(f_scores, 1)}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="one line per query")
    ap.add_argument("--engine", choices=["tantivy", "whoosh"], default="tantivy")
    ap.add_argument("--corpus", default=None, help="folder of the real decisions (default ../shared/corpus/samr)")
    args = ap.parse_args()
    r = evaluate(args.show, args.engine, corpus_dir(args.corpus))
    print(f"relevance over {r['queries']} judged queries (left out, nothing relevant: {', '.join(r['no_relevant']) or 'none'}):")
    for engine in ("casefile", "fts5"):
        print(f"  {engine:8s} recall@10 {r[engine]['recall@10']:.3f}  MRR {r[engine]['mrr']:.3f}"
              f"  (unjudged documents in the top 10s, counted as not relevant: {r['unjudged_in_top10'][engine]})")


if __name__ == "__main__":
    main()
