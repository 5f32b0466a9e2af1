"""Extraction benchmark over the 900 real decisions (and the 150 PDFs).

    .venv/bin/python bench/extract.py [--limit N] [--pdf] [--show-misses K]

Reports exact-match accuracy of 文号, 机关, 决定日期 and 当事人 against
shared/corpus/samr/INDEX.csv (and, for 机关 and 当事人, among the documents
that write INDEX.csv's value at all), law-citation precision and recall on the
hand-labelled samples (bench/citation_accuracy.py), the recall of each document's primary law among
the extracted citations, documents per second after warm-up (one core), the
pipeline load time and peak memory.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "samr"


def norm(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    # the extractor writes every year bracket as 〔〕; INDEX.csv keeps the document's, braces too ({2024}237号)
    s = re.sub(r"[\[［(（【{]", "〔", s)
    return re.sub(r"[\]］)）】}]", "〕", s)


def meta_date(s: str) -> str:
    m = re.match(r"(\d{4})[/年](\d{1,2})[/月](\d{1,2})", s or "")
    if not m:
        return ""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""


def loose(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and (a == b or a.endswith(b) or b.endswith(a))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--pdf", action="store_true", help="also read the PDFs (pdf/*.pdf) and score 文号/机关/当事人/决定日期 on them")
    ap.add_argument("--pdf-only", action="store_true", help="only the PDFs (skip the .txt corpus)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder with INDEX.csv, txt/ and pdf/ (default ../shared/corpus/samr)")
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args()
    corpus = args.corpus
    if not (corpus / "INDEX.csv").exists():
        sys.exit(f"corpus not found: {corpus} (no INDEX.csv); give --corpus DIR")
    if args.pdf_only:
        args.pdf = True

    t0 = time.perf_counter()
    from casefile.ingest.extract import extract
    from casefile.ingest.extract.pipeline import get_nlp
    from casefile.ingest.extract.normalize import compact
    from casefile.ingest.textio import read_document

    get_nlp()
    load_s = time.perf_counter() - t0
    rows = list(csv.DictReader(open(corpus / "INDEX.csv", encoding="utf-8")))
    if args.pdf_only:
        pdf_bench(corpus, rows, extract, read_document, args.show_misses, args.limit)
        print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        return
    if args.limit:
        rows = rows[: args.limit]
    # warm-up
    extract(read_document(corpus / "txt" / rows[0]["file"]))
    hits = {"doc_no": 0, "agency": 0, "date": 0, "party": 0, "primary_law": 0}
    law_total = 0
    loose_hits = {"agency": 0, "date": 0}
    masked_party = 0
    # INDEX.csv comes from the publisher's metadata, not from the text: 福建省永泰县… where the decision
    # writes 永泰县…, the operator 肖飞 where it names the shop. Count where INDEX's value is written at all.
    written = {"agency": [0, 0], "party": [0, 0]}
    misses: dict[str, list] = {k: [] for k in hits}
    t1 = time.perf_counter()
    docs = [read_document(corpus / "txt" / r["file"]) for r in rows]
    results = [extract(d) for d in docs]
    elapsed = time.perf_counter() - t1
    for r, doc, x in zip(rows, docs, results):
        f = x.fields
        checks = {
            "doc_no": norm(f.get("doc_no", "")) == norm(r["doc_no"]),
            "agency": norm(f.get("agency", "")) == norm(r["agency"]),
            "date": f.get("date", "") == meta_date(r["last_date_in_text"]),
            "party": norm(f.get("party", "")) == norm(r["party"].split(";")[0]),
        }
        body = norm(compact(doc.text).text)
        for k, want in (("agency", r["agency"]), ("party", r["party"].split(";")[0])):
            if norm(want) and norm(want) in body:
                written[k][0] += 1
                written[k][1] += checks[k]
        loose_hits["agency"] += loose(f.get("agency", ""), r["agency"])
        loose_hits["date"] += f.get("date", "") == meta_date(r["decision_date_meta"])
        if "*" in r["party"] or ("*" in f.get("party", "") and "*" not in r["party"]):
            masked_party += 1
        for k, ok in checks.items():
            hits[k] += ok
            if not ok:
                misses[k].append((r["file"], f.get(k if k != "date" else "date"), r[{"doc_no": "doc_no", "agency": "agency", "date": "last_date_in_text", "party": "party"}[k]]))
        if r["primary_law"]:
            law_total += 1
            if any(c["law"] == r["primary_law"] for c in x.citations):
                hits["primary_law"] += 1
            else:
                misses["primary_law"].append((r["file"], sorted({c["law"] for c in x.citations})[:3], r["primary_law"]))
    n = len(rows)
    print(f"documents: {n}")
    print(f"pipeline load: {load_s:.2f} s")
    for k in ("doc_no", "agency", "date", "party"):
        print(f"{k:8s} exact: {hits[k] / n:.1%} ({hits[k]}/{n})")
    print(f"agency, equal or one a suffix of the other (publisher lists 郫都区… for 成都市郫都区…): {loose_hits['agency'] / n:.1%}")
    print(f"date equal to the publisher's decision_date_meta (not always the date in the text): {loose_hits['date'] / n:.1%}")
    print(f"party masked in the published text but not in INDEX.csv (cannot match): {masked_party}")
    for k, (n_written, ok) in written.items():
        print(f"{k:8s} exact where INDEX.csv's value is written in the document ({n_written}/{n}): {ok / max(n_written, 1):.1%}")
    print(f"primary law cited (recall vs INDEX.csv primary_law): {hits['primary_law'] / max(law_total, 1):.1%} ({hits['primary_law']}/{law_total})")
    sys.path.insert(0, str(Path(__file__).parent))
    import citation_accuracy

    for name, pattern in citation_accuracy.SETS.items():
        m = citation_accuracy.evaluate(pattern=pattern)
        print(f"law citations, {name} ({m['documents']} hand-labelled documents, {m['labelled']} citations): "
              f"precision {m['precision']:.1%}, recall {m['recall']:.1%}")
    print(f"throughput: {n / elapsed:.1f} docs/s (one process, after warm-up)")
    if args.pdf:
        pdf_bench(corpus, rows, extract, read_document, args.show_misses)
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for k, lst in misses.items():
        for m in lst[: args.show_misses]:
            print(f"  miss {k}: {m}")


FIELDS = ("doc_no", "agency", "party", "date")


def field_checks(f: dict, r: dict) -> dict[str, bool]:
    return {
        "doc_no": norm(f.get("doc_no", "")) == norm(r["doc_no"]),
        "agency": norm(f.get("agency", "")) == norm(r["agency"]),
        "date": f.get("date", "") == meta_date(r["last_date_in_text"]),
        "party": norm(f.get("party", "")) == norm(r["party"].split(";")[0]),
    }


def pdf_bench(corpus: Path, rows: list[dict], extract, read_document, show_misses: int = 0, limit: int = 0) -> None:
    """The PDFs read as an importer reads them, scored against INDEX.csv (by docid) and against the
    extraction of the same decision's .txt (the text version: a PDF should give the same fields)."""
    by_id = {r["docid"].lower(): r for r in rows}
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))
    if limit:
        pdfs = pdfs[:limit]
    t2 = time.perf_counter()
    errors = 0
    n = 0
    hits = dict.fromkeys(FIELDS, 0)
    same = dict.fromkeys(FIELDS, 0)
    all4 = all4_txt = 0
    masked = 0
    misses: list[tuple] = []
    read_s = 0.0
    for p in pdfs:
        r = by_id.get(p.stem.removeprefix("samr_").lower())
        try:
            t = time.perf_counter()
            doc = read_document(p)
            read_s += time.perf_counter() - t
            x = extract(doc)
        except Exception as e:  # the benchmark reports, it does not stop
            errors += 1
            print(f"  PDF error {p.name}: {e}")
            continue
        if r is None:
            continue
        n += 1
        f = x.fields
        masked += bool(f.get("masked"))
        c = field_checks(f, r)
        t = extract(read_document(corpus / "txt" / r["file"])).fields
        for k in FIELDS:
            hits[k] += c[k]
            same[k] += f.get(k) == t.get(k)
            if f.get(k) != t.get(k):
                misses.append((p.name, k, f.get(k), t.get(k)))
        all4 += all(c.values())
        all4_txt += all(f.get(k) == t.get(k) for k in FIELDS)
    el = time.perf_counter() - t2
    print(f"PDF: {len(pdfs)} files, {errors} errors, {n} in INDEX.csv; reading the text layer {read_s:.1f} s "
          f"({len(pdfs) / max(read_s, 1e-9):.1f} PDFs/s); whole run {el:.1f} s")
    for k in FIELDS:
        print(f"PDF {k:8s} exact vs INDEX.csv: {hits[k] / max(n, 1):.1%} ({hits[k]}/{n});  same as the .txt version: {same[k] / max(n, 1):.1%}")
    print(f"PDF all four exact vs INDEX.csv: {all4 / max(n, 1):.1%};  all four same as the .txt version: {all4_txt / max(n, 1):.1%}")
    print(f"PDF with a masked value flagged: {masked}")
    for m in misses[:show_misses]:
        print(f"  PDF differs from txt: {m}")


if __name__ == "__main__":
    main()
