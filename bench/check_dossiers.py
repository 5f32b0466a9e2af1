"""Checking imported dossiers (issue 16): planted defects found, false findings on the correct
dossiers, and the time to check a dossier in a warm process (target ≤ 1 s for 15 documents).

    .venv/bin/python bench/check_dossiers.py [--dossiers DIR]

DIR holds one folder per dossier and an expected.toml (see tests/data/dossiers/make_dossiers.py);
the default is tests/data/dossiers. The reference in the same run is the time to read the
documents' text alone (what any check must do at least once), and the warm check of a demo case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dossiers", type=Path, default=REPO / "tests" / "data" / "dossiers")
    a = ap.parse_args()
    if not (a.dossiers / "expected.toml").is_file():
        sys.exit(f"没有找到案卷目录或其 expected.toml：{a.dossiers}")
    from casefile.demo import build_demo
    from casefile.importer import import_paths
    from casefile.textio import read_document
    from checklists.engine import check_case, context_for

    expected = tomllib.loads((a.dossiers / "expected.toml").read_text(encoding="utf-8"))
    ws = build_demo(Path(tempfile.mkdtemp(prefix="casefile-dossiers-")) / "ws")
    today = dt.date(2026, 11, 29)
    found = total = 0
    false_on_correct: list[str] = []
    rows = []
    for name, exp in expected.items():
        folder = a.dossiers / name
        case = import_paths(ws, [folder]).case
        check_case(context_for(ws, case, today), "review")  # cold: reads and caches every document once
        times = []
        for _ in range(3):
            t = time.perf_counter()
            r = check_case(context_for(ws, case, today), "review")
            times.append(time.perf_counter() - t)
        files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".pdf"))
        t = time.perf_counter()
        for p in files:
            if not p.name.endswith("（扫描件）.pdf"):
                read_document(p)
        read_s = time.perf_counter() - t
        serious = [f for f in r.findings if f.severity in ("veto", "major")]
        if exp.get("verdict"):
            ok = not serious and r.verdict == "同意"
            if not ok:
                false_on_correct.append(name)
        else:
            total += 1
            ok = any(f.rule in exp["rules"] and f.category == exp["category"] for f in serious)
            found += ok
        rows.append((name, len(files), statistics.median(times), read_s, ok))
        print(f"{'✓' if ok else '✗'} {name}: {len(files)} 份文书，审核 {statistics.median(times) * 1000:.0f} ms（参照：读取文字 {read_s * 1000:.0f} ms）")
    demo = ws.case_ids()[0]
    check_case(context_for(ws, demo, today), "review")
    t = time.perf_counter()
    check_case(context_for(ws, demo, today), "review")
    demo_ms = (time.perf_counter() - t) * 1000
    worst = max(rows, key=lambda r: r[2])
    print()
    print(f"埋入缺陷发现：{found}/{total}；正确案卷出现否决或重大问题：{len(false_on_correct)}/{sum(1 for e in expected.values() if e.get('verdict'))}"
          + (f"（{'、'.join(false_on_correct)}）" if false_on_correct else ""))
    print(f"热审核：中位 {statistics.median(r[2] for r in rows) * 1000:.0f} ms，最慢 {worst[2] * 1000:.0f} ms（{worst[0]}，{worst[1]} 份文书）；目标 ≤ 1000 ms")
    print(f"参照：读取文字中位 {statistics.median(r[3] for r in rows) * 1000:.0f} ms；演示案件 {demo} 热审核 {demo_ms:.0f} ms")


if __name__ == "__main__":
    main()
