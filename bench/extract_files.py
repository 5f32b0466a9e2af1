"""The sector decisions' header fields when imported as FILES: .docx laid out by an agency's template, and the
same .docx printed to PDF by LibreOffice (issue 27 item 5).

    .venv/bin/python bench/extract_files.py [--data tests/data/decisions_sectors] [--show-misses] [--keep DIR]

Every decision of the sector batches (truth*.toml beside txt/, and each heldout_*/truth.toml; truth written by
hand before the tool ran) that is a decision text — not a news item, a case summary or a publicity table (by
the truth's note), and with a title line holding 决定书 or a salutation line — is written as a .docx
(bench/decision_files.py: centred bold title, right-aligned 文号, indented paragraphs, right-aligned signature
and date, a page number in the footer; every other one with its body justified), again with its header fields in a two-column table where it has
them, and both are printed to PDF by ONE LibreOffice process. Each file is read as `casefile import` reads it
(casefile.ingest.textio.read_document, then extract) and scored with bench/extract_sectors.py's scoring beside
the same decision's plain text, in the same run (with --scanned N, N of the PDFs also as page images, read by OCR): per format each field, all four, and the regressions (a
field right on the plain text and wrong in the file). Times: the reading and extraction of each format.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.decision_files import decision_docx, roles  # noqa: E402
from bench.extract_sectors import FIELDS, fields_of, norm  # noqa: E402

# notes of the truth that say the text is no decision (a news item, a case write-up, a publicity table)
NOT_DECISION = re.compile(r"不是决定书|新闻|报道|摘要|案例|以案释法|公示表|表格版|帖|公示（|案件公示")
SALUTATION = re.compile(r"^\s*\S{2,40}[：:]\s*$")
PARTY_LABEL = re.compile(r"^\s*(?:当事人|被处罚人|被处罚单位|单位名称|违法单位)")


def decisions(data: Path) -> list[tuple[dict, Path]]:
    """(truth entry, text path) of every batch: truth*.toml beside txt/, and heldout_*/truth.toml."""
    files = sorted(data.glob("truth*.toml")) + sorted(data.glob("heldout_*/truth.toml"))
    return [(t, p.parent / "txt" / t["file"]) for p in files
            for t in tomllib.loads(p.read_text(encoding="utf-8"))["decision"]]


def is_decision_text(t: dict, text: str) -> bool:
    if NOT_DECISION.search(t.get("note", "")):
        return False
    head = [s.strip() for s in text.split("\n") if s.strip()][:25]
    return any(("决定书" in s and len(s) <= 60 and "《" not in s) or SALUTATION.match(s) or PARTY_LABEL.match(s)
               for s in head) or "仍是决定书" in t.get("note", "")


def _write(items: list[tuple[dict, Path]], out: Path, reuse: bool = False) -> dict[str, dict[str, Path]]:
    """The files of each decision by format; one LibreOffice process prints every .docx."""
    from casefile.output.pages import convert_to_pdf

    files: dict[str, dict[str, Path]] = collections.defaultdict(dict)
    for i, (t, path) in enumerate(items):
        text = path.read_text(encoding="utf-8")
        stem = f"{i:03d}_{path.stem}"
        (out / f"{stem}.docx").write_bytes(decision_docx(text, justify=i % 2 == 1))  # both settings of the body
        files["docx"][str(path)] = out / f"{stem}.docx"
        if roles([s.strip() for s in text.split("\n") if s.strip()]).count("field") >= 2:
            (out / f"{stem}_table.docx").write_bytes(decision_docx(text, table=True))
            files["docx (header table)"][str(path)] = out / f"{stem}_table.docx"
    t0 = time.perf_counter()
    docx = [p for by in files.values() for p in by.values()]
    pdfs = {p: p.with_suffix(".pdf") for p in docx if p.with_suffix(".pdf").exists()} if reuse else {}
    pdfs.update(convert_to_pdf([p for p in docx if p not in pdfs], out))
    print(f"LibreOffice printed {len(pdfs)} of {len(docx)} .docx to PDF in {time.perf_counter() - t0:.0f} s (one process)")
    for fmt in list(files):
        files[fmt.replace("docx", "pdf")] = {k: pdfs[p] for k, p in files[fmt].items() if p in pdfs}
    return files


def _scanned(pdfs: dict[str, Path], n: int, out: Path) -> dict[str, Path]:
    """Every k-th printed PDF as a scan of it (its pages as 200 dpi grey images, no text layer): read by OCR."""
    import pypdfium2 as pdfium

    keys = sorted(pdfs)[:: max(1, len(pdfs) // n)][:n]
    got = {}
    for k in keys:
        pdf = pdfium.PdfDocument(str(pdfs[k]))
        pages = [pdf[i].render(scale=200 / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]
        pdf.close()
        got[k] = out / f"{pdfs[k].stem}_scan.pdf"
        pages[0].save(got[k], "PDF", save_all=True, append_images=pages[1:], resolution=200)
    return got


def _score(items, files, show: bool) -> None:
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    truth = {str(p): t for t, p in items}
    plain: dict[str, dict[str, bool]] = {}
    formats = {"plain text": {str(p): p for _, p in items}, **files}
    print(f"{'format':22s} {'n':>4s} " + " ".join(f"{k:>7s}" for k in FIELDS) + "   all4 regressed  seconds")
    for fmt, by in formats.items():
        c: collections.Counter = collections.Counter()
        misses = []
        t0 = time.perf_counter()
        for name, path in by.items():
            f = fields_of(extract(read_document(path)))
            right = {k: norm(f[k]) == norm(truth[name][k]) for k in FIELDS}
            if fmt == "plain text":
                plain[name] = right
            for k, ok in right.items():
                c[k] += ok
                if not ok and plain[name][k]:
                    c["regressed"] += 1
                    misses.append((path.name, k, f[k], truth[name][k]))
            c["all4"] += all(right.values())
        n = len(by) or 1
        print(f"{fmt:22s} {len(by):4d} " + " ".join(f"{c[k] / n:7.0%}" for k in FIELDS)
              + f" {c['all4'] / n:6.0%} {c['regressed']:9d} {time.perf_counter() - t0:8.1f}")
        for m in misses if show else ():
            print("    ", m)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "decisions_sectors")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--keep", type=Path, help="write the files here (kept) instead of a temporary folder")
    ap.add_argument("--reuse", action="store_true", help="with --keep: the PDFs printed by an earlier run are read again")
    ap.add_argument("--scanned", type=int, default=0, metavar="N", help="also N of the PDFs as scans, read by OCR (slow)")
    args = ap.parse_args()
    # a cache of its own, empty: the times are of reading and extracting, never of a cache filled before
    os.environ["CASEFILE_CACHE"] = tempfile.mkdtemp(prefix="casefile-files-cache-")
    every = decisions(args.data)
    items = [(t, p) for t, p in every if is_decision_text(t, p.read_text(encoding="utf-8"))]
    print(f"{len(items)} decision texts of {len(every)} entries")
    with tempfile.TemporaryDirectory(prefix="casefile-files-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        files = _write(items, out, args.reuse)
        if args.scanned:
            files["scanned pdf (OCR)"] = _scanned(files["pdf"], args.scanned, out)
        _score(items, files, args.show_misses)


if __name__ == "__main__":
    main()
