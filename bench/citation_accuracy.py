"""Law-citation precision and recall against the hand-labelled sample.

    .venv/bin/python bench/citation_accuracy.py [--show]

The 60 decisions listed in tests/data/citations/sample.txt were labelled by
reading them (labels_a.toml, labels_b.toml): one entry per distinct (law,
article, paragraph, item, 之N) a document cites. A citation counts as found
when casefile extracts exactly that tuple from the document.

The extractor's rules were written while reading the misses on that sample, so
its figure flatters them; the 20 decisions of holdout.txt (labels_holdout.toml)
were labelled afterwards and give the figure on unseen documents.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
LABELS = REPO / "tests" / "data" / "citations"
# the labelled decisions are copied into the repository; --corpus reads them from elsewhere
CORPUS = REPO / "tests" / "data" / "samr" / "txt"

Key = tuple


SETS = {"sample": "labels_[ab].toml", "first held-out (used while tuning)": "labels_holdout.toml",
        "second held-out (labelled before any run)": "labels_holdout2.toml"}


def load_labels(pattern: str = SETS["sample"]) -> dict[str, set[Key]]:
    out: dict[str, set[Key]] = {}
    for p in sorted(LABELS.glob(pattern)):
        for doc in tomllib.loads(p.read_text(encoding="utf-8"))["doc"]:
            out[doc["file"]] = {(c["law"], c["article"], c.get("paragraph"), c.get("item"), c.get("sub")) for c in doc["citations"]}
    return out


def extracted(text: str) -> set[Key]:
    from casefile.ingest.extract import extract_text as extract

    r = extract(text)
    return {(e.value["law"], e.value["article"], e.value.get("paragraph"), e.value.get("item"), e.value.get("sub"))
            for e in r.entities if e.label == "LAW" and e.value.get("article")}


def evaluate(show: bool = False, pattern: str = SETS["sample"]) -> dict[str, float]:
    gold = load_labels(pattern)
    tp = fp = fn = 0
    for name, want in gold.items():
        got = extracted((CORPUS / name).read_text(encoding="utf-8"))
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        if show and got != want:
            print(f"== {name}")
            for k in sorted(want - got, key=str):
                print("   missed ", k)
            for k in sorted(got - want, key=str):
                print("   extra  ", k)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"documents": len(gold), "labelled": tp + fn, "precision": p, "recall": r, "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every missed and extra citation")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the decisions' .txt files (default: tests/data/samr/txt)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}: pass --corpus DIR (the folder of samr_*.txt)")
    globals()["CORPUS"] = args.corpus
    for name, pattern in SETS.items():
        m = evaluate(args.show, pattern)
        print(f"law citations, {name}: {m['documents']} hand-labelled documents ({m['labelled']} citations): "
              f"precision {m['precision']:.1%}, recall {m['recall']:.1%} (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")


if __name__ == "__main__":
    main()
