"""Extraction of 文号, 机关, 当事人 and 决定日期 on real decisions of other sectors, per sector.

    .venv/bin/python bench/extract_sectors.py [--data tests/data/decisions_sectors] [--batch s7] [--show-misses]

The truth (truth.toml beside txt/) was written by hand before the tool ran on the texts. An empty
truth value means the text does not write the field: the tool must then give nothing either.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
FIELDS = ("doc_no", "agency", "party", "date")


def norm(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    s = re.sub(r"[\[［(（【{]", "〔", s)
    return re.sub(r"[\]］)）】}]", "〕", s)


def fields_of(x) -> dict[str, str]:
    """The four fields of an extraction; a value written masked (苏*忠, XX局) is reported under "masked":
    it was read as written."""
    return {k: x.fields.get(k) or x.fields.get("masked", {}).get(k, "") for k in FIELDS}


def score(data: Path, batch: str | None = None) -> tuple[dict, list]:
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    truth = tomllib.loads((data / "truth.toml").read_text(encoding="utf-8"))["decision"]
    if batch is not None:
        truth = [t for t in truth if t.get("batch", "none") == batch]
    per: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    misses = []
    for t in truth:
        f = fields_of(extract(read_document(data / "txt" / t["file"])))
        ok_all = True
        for k in FIELDS:
            ok = norm(f.get(k, "")) == norm(t[k])
            per[t.get("sector", "市场监管")][k] += ok
            per["全部"][k] += ok
            ok_all &= ok
            if not ok:
                misses.append((t["file"], k, f.get(k, ""), t[k]))
        for s in (t.get("sector", "市场监管"), "全部"):
            per[s]["n"] += 1
            per[s]["all4"] += ok_all
    return per, misses


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "decisions_sectors")
    ap.add_argument("--batch", help='only the entries of this collection round ("none": those without one)')
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    per, misses = score(args.data, args.batch)
    print(f"{'sector':8s} {'n':>3s} " + " ".join(f"{k:>7s}" for k in FIELDS) + "   all4")
    for s, c in sorted(per.items(), key=lambda kv: (kv[0] == "全部", kv[0])):
        n = c["n"]
        print(f"{s:8s} {n:3d} " + " ".join(f"{c[k] / n:7.0%}" for k in FIELDS) + f" {c['all4'] / n:6.0%}")
    if args.show_misses:
        for m in misses:
            print("  miss", m)


if __name__ == "__main__":
    main()
