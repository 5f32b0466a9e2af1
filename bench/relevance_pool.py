"""Build the judging pools for the relevance queries (TREC-style pooling).

    .venv/bin/python -m bench.relevance_pool OUTDIR

For every query in tests/data/relevance/queries.toml the pool is the union of
casefile's top 20, SQLite FTS5's top 20 on the same tokens, and up to 15 other
documents that contain the query's words literally. Each pooled document is
written with the passages around the query words, for a person to judge; the
judgements are in tests/data/relevance/judged_*.toml (bench/relevance.py scores them).
"""

from __future__ import annotations

import random
import re
import sqlite3
import sys
import tempfile
import tomllib
from pathlib import Path

from bench.corpus import REPO, load_corpus


def passages(text: str, words: list[str], width: int = 50, most: int = 2) -> list[str]:
    out = []
    for w in words:
        for m in list(re.finditer(re.escape(w), text))[:most]:
            out.append(text[max(0, m.start() - width):m.end() + width])
        if len(out) >= most:
            break
    return out[:most] or [text[:200]]


def main() -> None:
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    from index.whoosh_analyzer import chinese_analyzer
    from index.store import Index, PageDoc

    real = load_corpus()
    texts = dict(real)
    tmp = Path(tempfile.mkdtemp(prefix="casefile-pool-"))
    idx = Index(tmp / "w").open()
    idx.apply({f"r/{n}": [PageDoc(source="r", doc=n, page=1, text=t, sha256="x")] for n, t in real}, [])
    an = chinese_analyzer()
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE d USING fts5(name UNINDEXED, body)")
    db.executemany("INSERT INTO d VALUES (?,?)", [(n, " ".join(t.text for t in an(x, mode="query"))) for n, x in real])
    spec = tomllib.loads((REPO / "tests" / "data" / "relevance" / "queries.toml").read_text(encoding="utf-8"))["queries"]
    rng = random.Random(5)
    for i, item in enumerate(spec, 1):
        q = item["q"]
        words = [w for w in re.split(r"\s+", q.replace("《", "").replace("》", "")) if w]
        pool = [h["doc"] for h in idx.search(q, limit=20, snippets=False)["hits"]]
        toks = [t.text for t in an(q, mode="query")]
        if toks:
            pool += [r[0] for r in db.execute("SELECT name FROM d WHERE d MATCH ? ORDER BY rank LIMIT 20", (" OR ".join(f'"{t}"' for t in toks),))]
        literal = [n for n, t in real if all(w in t for w in words) and n not in pool]
        pool += rng.sample(literal, min(15, len(literal)))
        seen = list(dict.fromkeys(pool))
        with open(outdir / f"q{i:02d}.txt", "w", encoding="utf-8") as f:
            f.write(f"# query {i}: {q}\n# pool {len(seen)} documents\n\n")
            for n in seen:
                f.write(f"== {n}\n")
                for p in passages(texts[n], words):
                    f.write(f"   …{p}…\n")
                f.write("\n")
    print(f"{len(spec)} pools written to {outdir}")


if __name__ == "__main__":
    main()
