"""What "search that lands" costs on top of the engine: session.search.search (hits with their printed page,
matches and Chinese facets) beside index.search (the engine and grouping alone, the reference),
and opening a hit in the reader (session.search.read_hit), on an archive folder of real decisions.

    .venv/bin/python -m bench.search_lands [--corpus DIR] [--limit 30] [--repeat 5]

``--corpus`` is a folder holding ``txt/`` (default ``../shared/corpus/samr`` relative to the repo).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ["明码标价", "价格 虚假", '"违法所得"', "罚款 机关:{agency}", "食品 类型:行政处罚决定书", "广告 年度:{year}"]


def _ms(f, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "samr")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    folder = a.corpus / "txt"
    if not folder.is_dir():
        print(f"找不到语料文件夹 {folder}（用 --corpus 指定含 txt/ 的目录）", file=sys.stderr)
        return 2
    import index
    from casefile.store.workspace import AgencyProfile, Workspace
    from tui.application import Session

    with tempfile.TemporaryDirectory(prefix="casefile-lands-") as tmp:
        s = Session(Workspace.init(Path(tmp) / "ws", AgencyProfile(name="评查组")))
        t = time.perf_counter()
        r = s.search.add_archive(folder)
        print(f"archive indexed: {r['files']} files in {time.perf_counter() - t:.1f} s")
        base = index.search(s.ws, "罚款", limit=5)
        fill = {"agency": next(iter(base["facets"]["agency"])), "year": next(iter(base["facets"]["year"]))}
        print(f"{'query':<34}{'engine ms':>10}{'session ms':>12}{'ratio':>7}{'read_hit ms':>13}  hits")
        for q in (x.format(**fill) for x in QUERIES):
            ref, _ = _ms(lambda: index.search(s.ws, q, limit=a.limit), a.repeat)
            ours, res = _ms(lambda: s.search.search(q, limit=a.limit), a.repeat)
            read = 0.0
            if res["hits"]:
                read, _ = _ms(lambda: s.search.read_hit(res["hits"][0], q).view(), a.repeat)
            print(f"{q[:32]:<34}{ref:>10.1f}{ours:>12.1f}{ours / ref if ref else 0:>7.2f}{read:>13.1f}  {len(res['hits'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
