"""Scanned pages read with RapidOCR, the extra ``casefile[ocr]`` (issue 17, item 7).

tests/data/ocr/decision-page1.png is page 1 of a real published decision
(tests/data/import/samr_230712000000017301558.pdf) rendered at 200 dpi with pypdfium2;
decision-page1.txt is that page's text layer, the truth the OCR is measured against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "ocr"


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of characters)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _chars(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def scanned_pdf(tmp_path) -> Path:
    """The page image as a PDF with no text layer, as a scanner makes it."""
    from PIL import Image

    folder = tmp_path / "扫描案卷"
    folder.mkdir()
    Image.open(DATA / "decision-page1.png").convert("RGB").save(folder / "决定书扫描件.pdf", resolution=200)
    return folder / "决定书扫描件.pdf"


def test_a_scanned_decision_is_read_marked_as_ocr_indexed_and_fills_the_case(demo_ws, scanned_pdf, run_cli):
    from casefile.store import documents
    code, out, err = run_cli("import", str(scanned_pdf.parent), "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    data = json.loads(out)
    doc = data["documents"][0]
    assert doc["ocr_pages"] == [1] and doc["needs_ocr"] == []
    assert doc["ocr_confidence"]["1"] >= 0.9 and "OCR" in doc["status"]
    assert doc["doc_type"] == "decision"
    case_dir = demo_ws.cases_dir / data["case"]
    rec = documents.load_register(case_dir).documents[0]
    assert rec.ocr_confidence == {"1": doc["ocr_confidence"]["1"]}  # the register marks the page as OCR'd
    # ≥ 95 % of the characters right (edit distance against the page's text layer)
    ocr_text = _chars("\n".join(documents.read_cache(case_dir, rec.sha256, "pages")))
    truth = _chars((DATA / "decision-page1.txt").read_text("utf-8"))
    accuracy = 1 - _distance(truth, ocr_text) / len(truth)
    assert accuracy >= 0.95, accuracy
    # checked like any text: the facts come from it ...
    case = demo_ws.load_case(data["case"])
    assert case.party.name == "苏州穆瑟商贸有限公司"
    assert case.number.startswith("常市监处罚") and case.number.endswith("020064号")
    # ... and it is searchable
    code, out, err = run_cli("search", "穆瑟商贸", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert "决定书扫描件.pdf" in out


def test_the_models_come_from_the_wheel_and_nothing_is_downloaded(monkeypatch):
    import rapidocr
    from rapidocr.utils import download_file

    from casefile.ingest import ocr
    def refuse(*a, **k):
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(download_file.DownloadFile, "run", refuse)
    ocr.engine.cache_clear()
    try:
        paths = ocr.model_paths()
        root = Path(rapidocr.__file__).parent
        assert all(p.is_relative_to(root) and p.stat().st_size > 100_000 for p in paths.values())
        from PIL import Image

        page = ocr.read_image(Image.open(DATA / "decision-page1.png").convert("RGB").crop((0, 0, 1654, 500)))
        assert "常熟市市场监督管理局" in page.text
    finally:
        ocr.engine.cache_clear()


def test_without_the_extra_a_scan_is_flagged_with_the_command_that_adds_it(demo_ws, scanned_pdf, monkeypatch):
    from casefile.ingest import ocr
    from casefile.ingest.importer import import_paths

    monkeypatch.setattr(ocr, "available", lambda: False)
    result = import_paths(demo_ws, [scanned_pdf.parent])
    doc = result.documents[0]
    assert doc.needs_ocr == [1] and doc.ocr_pages == []
    assert "pip install 'casefile[ocr]'" in doc.status
