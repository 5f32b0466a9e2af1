"""Checking imported dossiers (issues 16 and 28): each dossier typed right on import (its case type
read from its documents), each document recognised, planted defects found, false findings on the
correct dossiers — per family (行政处罚, 行政许可, 行政强制, 行政检查, 审计) — and the time to check a
dossier in a warm process (target ≤ 1 s for 15 documents).

    .venv/bin/python bench/check_dossiers.py [--dossiers DIR …]

Each DIR holds one folder per dossier and an expected.toml (see tests/data/dossiers/make_dossiers.py,
tests/data/dossiers_types/make_dossiers.py and the sector sets tests/data/dossiers_sectors*/, issue 27);
the default is all nine (rounds 1–7 of the sector sets beside the two 市场监管 and case-type sets). A dossier without a ``case_type`` in its truth is a 行政处罚 dossier; the
figures are given per family and, where the truth names it, per sector. The reference in the same run is the time to read the
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
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT = [REPO / "tests" / "data" / d for d in ("dossiers", "dossiers_types", "dossiers_sectors", "dossiers_sectors_b", "dossiers_sectors_c", "dossiers_sectors_d",
                                             "dossiers_sectors_e", "dossiers_sectors_f", "dossiers_sectors_g")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dossiers", type=Path, action="append", help="案卷目录（可重复）；默认 tests/data 下的九组")
    a = ap.parse_args()
    dirs = a.dossiers or DEFAULT
    for d in dirs:
        if not (d / "expected.toml").is_file():
            sys.exit(f"没有找到案卷目录或其 expected.toml：{d}")
    from casefile.output.demo import build_demo
    from casefile.ingest.importer import import_paths
    from casefile.ingest.textio import read_document
    from checklists.engine import check_case, context_for

    ws = build_demo(Path(tempfile.mkdtemp(prefix="casefile-dossiers-")) / "ws")
    today = dt.date(2026, 11, 29)
    fam: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_sector: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    missed: list[str] = []
    flagged: list[str] = []
    rows = []
    for folder_root in dirs:
        expected = tomllib.loads((folder_root / "expected.toml").read_text(encoding="utf-8"))
        for name, exp in expected.items():
            folder = folder_root / name
            family = exp.get("case_type", "行政处罚")
            res = import_paths(ws, [folder])
            case = res.case
            typed = ws.load_case(case).case_type.value
            f = fam[family]
            f["dossiers"] += 1
            f["typed"] += typed == family
            for d in res.documents:
                want = exp.get("documents", {}).get(Path(d.file).stem)
                if want:
                    f["docs"] += 1
                    f["docs_right"] += d.doc_type == want
            check_case(context_for(ws, case, today), "review")  # cold: reads and caches every document once
            times = []
            for _ in range(3):
                t = time.perf_counter()
                r = check_case(context_for(ws, case, today), "review")
                times.append(time.perf_counter() - t)
            files = sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))
            t = time.perf_counter()
            for p in files:
                if not p.name.endswith("（扫描件）.pdf"):
                    read_document(p)
            read_s = time.perf_counter() - t
            serious = [x for x in r.findings if x.severity in ("veto", "major")]
            if exp.get("verdict"):
                f["correct"] += 1
                ok = not serious and r.verdict == "同意"
                if not ok:
                    f["flagged"] += 1
                    flagged.append(f"{name}（{'、'.join(x.rule for x in serious) or r.verdict}）")
                by_sector[exp.get("sector", "—")]["correct"] += 1
                by_sector[exp.get("sector", "—")]["flagged"] += not ok
            else:
                f["planted"] += 1
                # a defect planted as minor (a misnamed law) is found by a finding of any severity, as tests/test_dossiers.py asks
                pool = r.findings if exp.get("severity") == "minor" else serious
                ok = any(x.rule in exp["rules"] and (x.category == exp["category"] if "category" in exp else True) for x in pool)
                f["found"] += ok
                by_sector[exp.get("sector", "—")]["planted"] += 1
                by_sector[exp.get("sector", "—")]["found"] += ok
                if not ok:
                    missed.append(f"{name}（应由 {'、'.join(exp['rules'])} 发现；报出：{'、'.join(x.rule for x in serious) or '无重大问题'}）")
            rows.append((name, len(files), statistics.median(times), read_s, ok))
            print(f"{'✓' if ok else '✗'} {name}：{family}，识别为{typed}；{len(files)} 份文书，审核 {statistics.median(times) * 1000:.0f} ms"
                  f"（参照：读取文字 {read_s * 1000:.0f} ms）")
    demo = ws.case_ids()[0]
    check_case(context_for(ws, demo, today), "review")
    t = time.perf_counter()
    check_case(context_for(ws, demo, today), "review")
    demo_ms = (time.perf_counter() - t) * 1000
    print()
    print("类别      案卷  类型识别正确  文书识别正确  埋入缺陷发现  正确案卷被判有问题")
    for family, f in fam.items():
        docs = f"{f['docs_right']}/{f['docs']}" if f["docs"] else "—"
        print(f"{family:<6}  {f['dossiers']:>4}  {f['typed']:>5}/{f['dossiers']:<6}  {docs:>11}  {f['found']:>5}/{f['planted']:<6}  {f['flagged']}/{f['correct']}")
    print()
    print("领域      埋入缺陷发现  正确案卷被判有问题")
    for sector, f in by_sector.items():
        print(f"{sector:<6}  {f['found']:>5}/{f['planted']:<6}  {f['flagged']}/{f['correct']}")
    if flagged:
        print("正确案卷被判有问题：" + "；".join(flagged))
    if missed:
        print("未发现的缺陷：" + "；".join(missed))
    worst = max(rows, key=lambda r: r[2])
    print(f"热审核：中位 {statistics.median(r[2] for r in rows) * 1000:.0f} ms，最慢 {worst[2] * 1000:.0f} ms（{worst[0]}，{worst[1]} 份文书）；目标 ≤ 1000 ms")
    print(f"参照：读取文字中位 {statistics.median(r[3] for r in rows) * 1000:.0f} ms；演示案件 {demo} 热审核 {demo_ms:.0f} ms")


if __name__ == "__main__":
    main()
