"""One PNG per template, of the current look, for a reviewer (docs/forms/).

    python bench/forms.py [--out docs/forms] [--dpi 50]

Fills every template for the golden case of the tests (tests/data/golden_case.toml
with its entered records; the 当场 and 不予 decisions for variants of it), lays all
of them out with ONE LibreOffice process and turns the first page of each into a
PNG with pdftoppm (poppler-utils). Prints each template's page count and page size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script from a clone (python bench/forms.py), not with -m
    sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"
TODAY = dt.date(2026, 11, 23)
VARIANT = {"summary_decision": "GOLD-002", "no_penalty_decision": "GOLD-003"}
VOLUME_EXTRA = {
    "volume": "正卷",
    "toc_rows": [{"seq": 1, "doc_no": "清市监处罚〔2026〕188号", "author": "清溪县市场监督管理局", "title": "行政处罚决定书",
                  "date": "20261120", "page": "1-2", "note": ""}],
    "doc_count": 1, "page_total": "2", "remarks_text": "本卷文件材料齐全，排列有序。",
}


def golden_workspace(root: Path):
    from casefile.output.demo import build_demo
    from casefile.model import Case
    from casefile.output.records import enter

    ws = build_demo(root)
    with open(DATA / "golden_case.toml", "rb") as f:
        data = tomllib.load(f)
    ws.create_case(Case.model_validate(data))
    enter(ws, "GOLD-001", DATA / "records" / "golden_records.toml")
    ws.create_case(Case.model_validate(dict(data, id="GOLD-002", number="清市监当罚〔2026〕12号", procedure="简易")))
    ws.create_case(Case.model_validate(dict(
        data, id="GOLD-003", number="清市监不罚〔2026〕3号", decided=[{"kind": "不予行政处罚"}],
        extra={"no_penalty_reason": "当事人违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款的规定"})))
    return ws


def render_all(ws, outdir: Path) -> dict[str, Path]:
    from casefile.output.render import render_document
    from doc_templates.catalogue import load_catalogue

    out = {}
    for t in load_catalogue().templated:
        case_id = VARIANT.get(t.code, "GOLD-001")
        extra = VOLUME_EXTRA if t.code in ("cover", "toc", "remarks") else None
        r = render_document(ws, case_id, t.code, extra=extra, today=TODAY)
        dst = outdir / f"{t.order:03d}-{t.code}.docx"
        shutil.copyfile(ws.cases_dir / case_id / r.record.file, dst)
        out[t.code] = dst
    return out


def layout(paths: dict[str, Path], outdir: Path) -> dict[str, dict]:
    """Page count and size (mm) of each document, laid out by one LibreOffice run."""
    import pypdfium2

    from casefile.output.pages import convert_to_pdf

    pdfs = convert_to_pdf(list(paths.values()), outdir)
    info = {}
    for code, p in paths.items():
        pdf = pypdfium2.PdfDocument(str(pdfs[p]))
        try:
            sizes = {(round(pg.get_width() / 72 * 25.4), round(pg.get_height() / 72 * 25.4)) for pg in pdf}
            info[code] = {"pages": len(pdf), "sizes_mm": sorted(sizes), "pdf": pdfs[p]}
        finally:
            pdf.close()
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(REPO / "docs" / "forms"))
    ap.add_argument("--dpi", type=int, default=50)
    ap.add_argument("--corpus", default=None, help="unused: the forms are filled for the golden case in tests/data")
    a = ap.parse_args()
    if not shutil.which("pdftoppm"):
        raise SystemExit("需要 pdftoppm（apt-get install poppler-utils）")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="casefile-preview-") as tmp:
        tmp = Path(tmp)
        ws = golden_workspace(tmp / "ws")
        (tmp / "docx").mkdir()
        info = layout(render_all(ws, tmp / "docx"), tmp / "docx")
        for code, i in sorted(info.items()):
            subprocess.run(["pdftoppm", "-png", "-r", str(a.dpi), "-f", "1", "-l", "1", "-singlefile",
                            str(i["pdf"]), str(out / code)], check=True)
            print(f"{code:24} {i['pages']} 页  {i['sizes_mm']}")


if __name__ == "__main__":
    main()
