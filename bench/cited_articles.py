"""The penalty articles the decisions of tests/data/decisions_sectors cite as their basis, and whether
casefile/data/laws/penalty_ranges.toml holds a range (and the requires) for each.

    .venv/bin/python bench/cited_articles.py [--data tests/data/decisions_sectors] [--missing]

An article cited after 依据/根据/依照/按照 is taken as a basis; 行政处罚法, 行政复议法, 行政诉讼法 and
行政强制法 (procedure, not penalty) are left out. ``lib`` marks a statute whose text ships in casefile/data/laws:
a missing range there is written from that text; one without the text is listed for the library first."""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PROCEDURE = ("行政处罚法", "行政复议法", "行政诉讼法", "行政强制法")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "decisions_sectors")
    ap.add_argument("--missing", action="store_true", help="only the articles without a range")
    args = ap.parse_args()

    from casefile.ingest.extract.citations import find_citations
    from casefile.ingest.extract.normalize import compact
    from casefile.law.laws import law_table

    have = {(r["law"], r["article"]) for r in law_table("penalty_ranges")["range"]}
    shipped = [p.stem for p in (REPO / "casefile" / "data" / "laws").glob("*.md")]
    cited: dict[tuple[str, int], list[str]] = collections.defaultdict(list)
    for f in sorted((args.data / "txt").glob("*.txt")):
        text = compact(f.read_text(encoding="utf-8")).text
        for c in find_citations(text):
            if c.law and c.article and re.search(r"依据|根据|依照|按照", text[max(0, c.start - 20):c.start]) \
                    and not any(p in c.law for p in PROCEDURE) and f.stem not in cited[(c.law, c.article)]:
                cited[(c.law, c.article)].append(f.stem)
    for (law, article), files in sorted(cited.items()):
        if args.missing and (law, article) in have:
            continue
        lib = any(s.startswith(law.replace("中华人民共和国", "")) for s in shipped)
        print(f"{'有幅度' if (law, article) in have else '无幅度'} {'lib' if lib else '   '} {law} 第{article}条 "
              f"{len(files)} 份：{'、'.join(files[:3])}")


if __name__ == "__main__":
    main()
