"""Layout faults of the documents review (issue 29, item 4), each checked on the built template or
the rendered text: a rule under every handwriting line, 目录 dates on one line and a usable 备注,
送达回证 names on one line, the 当场决定书's §52 time, place and officers, no page-number debris in
the text of a document."""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from casefile.output.render import render_document
from casefile.ingest.textio import read_document
from doc_templates.catalogue import FORMS
from tests.docx_text import docx_text

TODAY = dt.date(2026, 11, 23)
GRID = Pt(10.5)  # the 目录 and list tables' type size (五号)
CELL_MARGINS = 0.38  # cm, Word's default left + right cell margin


def _widths_cm(table) -> list[float]:
    return [int(g.get(qn("w:w"))) / 567 for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _fits(text: str, width_cm: float, full_width: bool = True) -> bool:
    em = GRID.pt / 72 * 2.54  # one CJK character, cm
    need = sum(em if (full_width and not ch.isascii()) else em * 0.55 for ch in text)
    return need + CELL_MARGINS <= width_cm


def test_every_handwriting_line_has_its_own_rule():
    doc = Document(str(FORMS / "statement_record.docx"))
    ruled = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert ruled
    for p in ruled:
        sides = {c.tag for c in p._p.pPr.find(qn("w:pBdr"))}
        # Word merges same-bordered paragraphs into one block: the “between” rule draws each line
        assert {qn("w:bottom"), qn("w:between")} <= sides


def test_toc_dates_on_one_line_and_a_remarks_column_to_write_in():
    table = Document(str(FORMS / "toc.docx")).tables[0]
    headers = [c.text for c in table.rows[0].cells]
    widths = dict(zip(headers, _widths_cm(table)))
    assert _fits("20261120", widths["日期"], full_width=False)
    assert widths["备注"] >= 1.5 and _fits("另卷", widths["备注"])
    assert abs(sum(widths.values()) - 15.6) < 0.05  # the text width of an A4 page with GB/T 9704 margins


def test_service_receipt_names_and_method_on_one_line():
    table = Document(str(FORMS / "service_receipt.docx")).tables[0]
    widths = dict(zip([c.text for c in table.rows[0].cells], _widths_cm(table)))
    assert _fits("王建国、李晓梅", widths["送达人"]) and _fits("直接送达", widths["送达方式"])


def test_summary_decision_states_time_place_and_officers(demo_ws):
    cid = "SJ-2026-101"  # 简易, decided on the spot
    r = render_document(demo_ws, cid, "summary_decision", today=TODAY)
    text = docx_text(demo_ws.cases_dir / cid / r.record.file)
    assert "处罚时间：二〇二六年六月九日" in text and "处罚地点：" in text
    assert "执法人员王建国" in text or "执法人员李晓梅" in text or "执法人员许国平" in text


def test_no_page_number_debris_in_a_documents_text(demo_ws):
    cid = "SJ-2026-088"
    r = render_document(demo_ws, cid, "penalty_notice", today=TODAY)
    text = read_document(demo_ws.cases_dir / cid / r.record.file).text
    assert not any(line.strip() in ("— —", "—  —", "- -") for line in text.splitlines())


def test_a_warning_when_the_layout_fonts_are_missing(monkeypatch):
    import subprocess
    from types import SimpleNamespace

    from casefile.output import pages
    monkeypatch.setattr(pages.shutil, "which", lambda name: "/usr/bin/fc-list" if name == "fc-list" else None)
    listed = {"out": "WenQuanYi Zen Hei,文泉驿正黑\nDejaVu Sans\n"}
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: SimpleNamespace(stdout=listed["out"]))
    warning = pages.font_warning()
    assert "仿宋_GB2312" in warning and "宋体" in warning and "页数" in warning
    listed["out"] = "SimSun,宋体\nFangSong_GB2312,仿宋_GB2312\n"
    assert pages.font_warning() == ""
