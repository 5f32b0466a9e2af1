"""Binding: page counts behind one interface, the 卷内目录 per volume, the combined print (issues 14, 18)."""

from __future__ import annotations

import re

import pytest

from casefile.output import pages
from casefile.output.binding import finish_dossier, print_dossier, table_of_contents
from casefile.output.demo import DEMO_TODAY
from casefile.output.dossier import assemble
from tests.docx_text import docx_text


def test_unit_tests_count_pages_by_estimate():
    assert isinstance(pages.counter(), pages.EstimateCounter)


def test_toc_numbers_each_volume_from_one_and_says_how_pages_were_counted(demo_ws):
    rows = table_of_contents(demo_ws, assemble(demo_ws, "SJ-2026-037"))
    for volume in ("正卷", "副卷"):
        vr = [r for r in rows if r.volume == volume]
        assert vr and vr[0].start == 1
        for a, b in zip(vr, vr[1:]):
            assert b.start == a.start + a.pages  # each document starts where the one before ends
    assert {r.method for r in rows} <= {pages.ESTIMATE, pages.PDF}
    assert not {"卷宗封面", "卷内目录", "备考表"} & {r.title for r in rows}


def test_volume_forms_carry_no_software_messages(demo_ws):
    done = finish_dossier(demo_ws, "SJ-2026-037", today=DEMO_TODAY)
    case_dir = demo_ws.cases_dir / "SJ-2026-037" / "docs"
    forms = sorted(p.name for p in case_dir.glob("*.docx") if re.match(r"(000|001|999)-", p.name))
    assert any("正卷" in f for f in forms) and any("副卷" in f for f in forms)
    for f in forms:
        text = docx_text(case_dir / f)
        assert "估算" not in text and "LibreOffice" not in text, f
    remarks = docx_text(case_dir / "999-备考表(副卷).docx")
    fu = [r for r in done.rows if r.volume == "副卷"]
    assert f"本卷共有文件材料 {len(fu)} 件，共 {sum(r.pages for r in fu)} 页" in remarks
    assert "缺少" not in remarks and "卷宗封面" not in remarks  # the cover and 目录 exist by then


def test_combined_print_has_cover_toc_documents_remarks_per_volume(demo_ws, tmp_path):
    out = tmp_path / "print.docx"
    result = print_dossier(demo_ws, "SJ-2026-037", out, today=DEMO_TODAY, pdf=False)
    text = docx_text(out)
    first = [text.index(s) for s in ("行政处罚案卷", "卷内目录", "立案审批表", "备考表")]
    assert first == sorted(first)
    assert text.count("行政处罚案卷") == 2 and text.count("卷内目录") == 2  # 正卷 and 副卷
    assert result["pages_counted_by"] == pages.ESTIMATE


def _pdf_pages_text(path) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


@pytest.mark.slow
def test_printed_page_numbers_equal_the_toc_with_libreoffice(demo_ws, tmp_path):
    """With LibreOffice: one conversion for the dossier, and in the combined print each
    document starts on the page the 目录 gives, printed as “— N —”."""
    if not pages.soffice():
        # without LibreOffice the program says it estimated, and makes no PDF
        assert isinstance(pages.counter(), pages.EstimateCounter)
        assert print_dossier(demo_ws, "SJ-2026-037", tmp_path / "print.docx", today=DEMO_TODAY)["pdf"] is None
        return
    counter = pages.LibreOfficeCounter(cache=tmp_path / "cache")
    with pages.using(counter):
        rows = table_of_contents(demo_ws, assemble(demo_ws, "SJ-2026-037"))
        assert counter.conversions == 1 and all(r.method != pages.ESTIMATE for r in rows)
        again = table_of_contents(demo_ws, assemble(demo_ws, "SJ-2026-037"))
        assert counter.conversions == 1 and [r.pages for r in again] == [r.pages for r in rows]  # from the cache
        result = print_dossier(demo_ws, "SJ-2026-037", tmp_path / "print.docx", today=DEMO_TODAY)
    assert result["pdf"]
    texts = _pdf_pages_text(result["pdf"])
    volume_starts = [i for i, t in enumerate(texts) if "行政处罚案卷" in t]
    assert len(volume_starts) == 2
    for vi, volume in enumerate(("正卷", "副卷")):
        end = volume_starts[vi + 1] if vi + 1 < len(volume_starts) else len(texts)
        vol_pages = texts[volume_starts[vi]:end]
        numbered = {}
        for t in vol_pages:
            m = re.search(r"—\s*(\d+)\s*—", t)
            if m:
                numbered[int(m.group(1))] = t
        for r in (r for r in rows if r.volume == volume):
            assert r.start in numbered, (r.title, r.page)
            title = re.sub(r"\s", "", r.title)
            assert title in re.sub(r"\s", "", numbered[r.start]) or r.file.endswith(".pdf"), (r.title, r.page)
        total = sum(r.pages for r in rows if r.volume == volume)
        assert max(numbered) == total


def test_an_imported_pdf_is_counted_and_bound_as_its_pages(demo_ws, tmp_path):
    import io

    import pypdfium2

    from casefile.store import documents
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(3):
        pdf.new_page(595, 842)
    buf = io.BytesIO()
    pdf.save(buf)
    rec = documents.DocRecord(file="", doc_type="evidence_material", title="检验报告", origin="imported")
    documents.add_document(demo_ws.cases_dir / "SJ-2026-037", buf.getvalue(), "检验报告.pdf", rec, stage="取证", act="导入文书", actor="t")
    rows = table_of_contents(demo_ws, assemble(demo_ws, "SJ-2026-037"))
    row = next(r for r in rows if r.title == "检验报告")
    assert row.pages == 3 and row.method == pages.PDF and row.volume == "正卷"
    result = print_dossier(demo_ws, "SJ-2026-037", tmp_path / "print.docx", today=DEMO_TODAY, pdf=False)
    assert result["not_included"] == [] and row.file in result["documents"]
    from docx import Document

    pictures = Document(str(tmp_path / "print.docx")).inline_shapes
    assert len(pictures) == 3  # one page image a page, so the numbers after it stay right
