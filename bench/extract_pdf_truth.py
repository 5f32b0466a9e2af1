"""Header fields of the 市场监管 PDFs against hand truth (tests/data/samr_pdf_truth.toml).

    .venv/bin/python bench/extract_pdf_truth.py [--corpus DIR] [--misses]

Each PDF is read and extracted as `casefile import` does (read_document, then extract) and scored per
field against the truth written by hand from the document's own text: 文号, 机关 (the title's name; also
"title or seal", the name under the seal where it differs), 当事人, and the document's date: the seal's, or
where the seal is undated the last date the text states (fields["date"], marked date_source = "text"); the
last line counts the date the importer takes as the decision's (the seal's only; none for an undated seal). Values are compared with whitespace removed and every
year bracket written 〔〕. A value the document writes masked (***, 永清县xx超市) is set aside by the
extractor under fields["masked"], never filled in: the second figure of each field counts it as read when
the text set aside equals the truth.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "samr"
TRUTH = REPO / "tests" / "data" / "samr_pdf_truth.toml"
FIELDS = ("doc_no", "agency", "party", "date")


def norm(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    s = re.sub(r"[\[［(（【{]", "〔", s)
    return re.sub(r"[\]］)）】}]", "〕", s)


def decision_date(fields: dict) -> str:
    return "" if fields.get("date_source") else fields.get("date", "")


def score(t: dict, f: dict) -> dict[str, bool]:
    agency = norm(f.get("agency", ""))
    return {
        "doc_no": norm(f.get("doc_no", "")) == norm(t["doc_no"]),
        "agency": agency == norm(t["agency"] or t.get("agency_seal", "")),
        "agency_either": agency in {norm(t["agency"]), norm(t.get("agency_seal", ""))} - {""},
        "party": norm(f.get("party", "")) == norm(t["party"]),
        "date": f.get("date", "") == (t["date"] or t.get("text_date", "")),
        "date_decided": decision_date(f) == t["date"],
    }


def with_masked(f: dict) -> dict:
    """The fields with the values set aside as masked put back, as the text writes them."""
    return {**f, **{k: v for k, v in f.get("masked", {}).items() if not f.get(k)}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--truth", type=Path, default=TRUTH)
    ap.add_argument("--misses", action="store_true", help="list every miss: file, field, extracted, truth, masked text set aside")
    args = ap.parse_args()
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    truth = tomllib.loads(args.truth.read_text(encoding="utf-8"))["doc"]
    hits: dict[str, int] = {}
    read: dict[str, int] = {}
    misses = []
    t0 = time.perf_counter()
    for t in truth:
        f = extract(read_document(args.corpus / "pdf" / t["file"])).fields
        for k, ok in score(t, with_masked(f)).items():
            read[k] = read.get(k, 0) + ok
        for k, ok in score(t, f).items():
            hits[k] = hits.get(k, 0) + ok
            if not ok and k in FIELDS:
                got = f.get(k, "")
                misses.append((t["file"], k, got, t[k] or t.get("agency_seal", "") or t.get("text_date", ""),
                               f.get("masked", {}).get(k, "")))
    n = len(truth)
    print(f"{n} PDFs, hand truth {args.truth.name}, {time.perf_counter() - t0:.1f} s")
    labels = {"agency_either": "agency (title or seal)", "date_decided": "date of the decision act"}
    for k in (*FIELDS[:2], "agency_either", *FIELDS[2:], "date_decided"):
        label = labels.get(k, k)
        print(f"{label:24s} {hits[k] / n:6.1%} ({hits[k]}/{n});  masked values read as written: {read[k] / n:6.1%}")
    if args.misses:
        for m in misses:
            print("  miss", *m, sep="\t")


if __name__ == "__main__":
    main()
