"""Import of real and hand-made documents: types, facts, conflicts, hard files (issue 4)."""

from __future__ import annotations

import json
import shutil

import pytest
from docx import Document

from pathlib import Path

PDF = Path(__file__).parent / "data" / "import"  # a real published decision (cfws.samr.gov.cn), copied in


def _docx(path, lines, *, header=None, table=None):
    d = Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for line in lines:
        d.add_paragraph(line)
    if table:
        t = d.add_table(rows=0, cols=2)
        for a, b in table:
            cells = t.add_row().cells
            cells[0].text, cells[1].text = a, b
    d.save(path)


@pytest.fixture
def folder(tmp_path):
    f = tmp_path / "鑫盛五金案"
    f.mkdir()
    _docx(f / "立案审批表.docx", ["清溪县应急管理局", "立案审批表"], header="清溪县应急管理局",
          table=[("当事人", "清溪县鑫盛五金制品有限公司"), ("统一社会信用代码", "91331126MA2L3W9E4X"), ("案由", "未按规定对从业人员进行安全生产教育和培训"),
                 ("立案日期", "2026年11月20日")])
    _docx(f / "现场检查笔录.docx", ["清溪县应急管理局", "现场检查笔录", "检查时间：2026年11月18日",
                                  "当事人：清溪县鑫盛五金制品有限公司", "执法人员：黄明（执法证号：33112600401）、钱芳（执法证号：33112600402）",
                                  "2026年11月18日执法人员进行检查时发现冲压车间3名员工未经安全生产教育和培训上岗作业。"])
    shutil.copy(PDF / "samr_230712000000017301558.pdf", f / "参考决定书.pdf")
    return f


def test_folder_becomes_a_case_with_typed_documents_and_facts(demo_ws, folder, run_cli):
    code, out, err = run_cli("import", str(folder), "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= {"case", "documents", "facts_filled", "conflicts", "errors", "created", "resumed"}  # the existing keys stay
    assert (data["imported"], data["failed"], data["total"]) == (3, 0, 3)
    types = {d["file"].rsplit("/", 1)[-1]: d["doc_type"] for d in data["documents"]}
    assert types == {"立案审批表.docx": "filing_approval", "现场检查笔录.docx": "onsite_record", "参考决定书.pdf": "decision"}
    pdf_doc = next(d for d in data["documents"] if d["file"].endswith(".pdf"))
    assert pdf_doc["pages"] == 5 and pdf_doc["confidence"] >= 0.9
    case = demo_ws.load_case(data["case"])
    # the decision (a real one from another agency) fills the empty case first ...
    assert case.number == "常市监处罚〔2023〕020064号" and case.party.name == "苏州穆瑟商贸有限公司"
    # ... and the forms that name another party are reported, not written over it
    assert any(c["field"] == "parties[1].name" and c["extracted"] == "清溪县鑫盛五金制品有限公司" for c in data["conflicts"])
    from casefile.store import documents
    reg = documents.load_register(demo_ws.cases_dir / case.id)
    assert all(len(d.sha256) == 64 for d in reg.documents) and len(reg.documents) == 3


def test_import_into_existing_case_reports_conflicts_never_overwrites(demo_ws, tmp_path, run_cli):
    f = tmp_path / "告知书.docx"
    _docx(f, ["清溪县应急管理局", "行政处罚告知书", "清应急罚告〔2026〕3号", "清溪县鑫盛五金有限公司：",
              "经查，你单位未按规定对从业人员进行安全生产教育和培训。"])
    before = demo_ws.load_case("YJ-2026-003").party.name
    code, out, err = run_cli("import", str(f), "--case", "YJ-2026-003", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert demo_ws.load_case("YJ-2026-003").party.name == before


def test_gbk_text_is_decoded(demo_ws, tmp_path, run_cli):
    text = "清溪县市场监督管理局\n行政处罚决定书\n清市监处罚〔2026〕120号\n当事人：清溪县好运来超市有限公司\n2026年11月20日\n"
    p = tmp_path / "决定书.txt"
    p.write_bytes(text.encode("gbk"))
    from casefile.ingest.textio import read_document

    doc = read_document(p)
    assert doc.encoding == "gb18030" and "好运来超市" in doc.text
    code, out, err = run_cli("import", str(p), "-w", str(demo_ws.root), "--json")
    data = json.loads(out)
    assert data["documents"][0]["doc_type"] == "decision"
    assert demo_ws.load_case(data["case"]).number == "清市监处罚〔2026〕120号"


def test_hard_files_are_reported_by_name_and_the_rest_continue(demo_ws, tmp_path, run_cli):
    from PIL import Image
    from pypdf import PdfReader, PdfWriter

    f = tmp_path / "混合"
    f.mkdir()
    Image.new("RGB", (600, 800), "white").save(f / "扫描件.pdf")  # a page with no text layer
    (f / "损坏.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (f / "空白.txt").write_bytes(b"")
    w = PdfWriter()
    w.append(PdfReader(PDF / "samr_230712000000017301558.pdf"))
    w.encrypt("secret")
    with open(f / "加密.pdf", "wb") as out:
        w.write(out)
    shutil.copy(PDF / "samr_230712000000017301558.pdf", f / "正常.pdf")
    code, out, err = run_cli("import", str(f), "-w", str(demo_ws.root), "--json")
    data = json.loads(out)
    errors = {e["file"].rsplit("/", 1)[-1]: e["error"] for e in data["errors"]}
    assert "已损坏" in errors["损坏.docx"] and "空的" in errors["空白.txt"] and "加密" in errors["加密.pdf"]
    stored = {d["file"].rsplit("/", 1)[-1]: d for d in data["documents"]}
    assert set(stored) == {"扫描件.pdf", "正常.pdf"}
    # a blank page: OCR finds nothing on it, so it still needs reading by a person
    assert stored["扫描件.pdf"]["status"].startswith("需要OCR") and stored["扫描件.pdf"]["needs_ocr"] == [1]
    assert data["failed"] == 3 and data["imported"] == 2 and code == 1
    names = {p.name for p in (demo_ws.cases_dir / data["case"] / "docs").iterdir()}
    assert names == {"扫描件.pdf", "正常.pdf"}  # nothing half-stored for the bad files
