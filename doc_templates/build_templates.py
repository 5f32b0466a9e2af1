"""Generate the .docx templates in ``forms/`` from ``forms.toml``.

Run once after changing forms.toml: ``python -m doc_templates.build_templates``.
The generated .docx files are the templates themselves (docxtpl reads them); an
agency may equally edit them in WPS/Word and never run this script again.
Layout follows GB/T 9704 公文格式: A4, 标题 二号宋体加粗, 正文 三号仿宋.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "宋体"
SIZE_TITLE = Pt(22)  # 二号
SIZE_HEADER = Pt(18)  # 小二
SIZE_BODY = Pt(16)  # 三号
SIZE_TABLE = Pt(12)  # 小四


def _font(run, name: str, size, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), name)
    fonts.set(qn("w:hAnsi"), name)


def _para(doc_or_cell, text: str, *, size=SIZE_BODY, font=BODY_FONT, bold=False, align=None, indent=True):
    p = doc_or_cell.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent and not text.startswith("{%"):
        p.paragraph_format.first_line_indent = Pt(size.pt * 2)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(28) if size == SIZE_BODY else None
    _font(p.add_run(text), font, size, bold)
    return p


def _new_document() -> Document:
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = SIZE_BODY
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    # page number bottom right (页码 in the footer, as the 装订 standard asks)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(footer, "PAGE")
    return doc


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    for tag, text in (("begin", None), (None, code), ("end", None)):
        if tag:
            el = run._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): tag})
        else:
            el = run._element.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = text
        run._element.append(el)


def _heading(doc, spec: dict) -> None:
    if spec.get("header", True):
        _para(doc, "{{ agency }}", size=SIZE_HEADER, font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, spec["title"], size=SIZE_TITLE, font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    if spec.get("doc_no"):
        _para(doc, "{{ doc_no }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    elif "案件编号" not in " ".join(spec.get("body", [])):
        # forms without their own 文号 carry the case number so every sheet of the
        # dossier can be traced to its case when pages come apart
        _para(doc, "案号：{{ doc_no }}", size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def _signature(doc, spec: dict) -> None:
    if spec.get("sign") == "agency":
        _para(doc, "", indent=False)
        _para(doc, "{{ agency }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        _para(doc, "（印章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        _para(doc, spec.get("date", "{{ today }}"), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def _kv_table(doc, rows: list[list[str]]) -> None:
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, value in rows:
        cells = t.add_row().cells
        cells[0].width, cells[1].width = Cm(4), Cm(11.6)
        for cell, text in ((cells[0], label), (cells[1], value)):
            p = cell.paragraphs[0]
            _font(p.add_run(text), BODY_FONT, SIZE_TABLE, bold=cell is cells[0])


def _loop_table(doc, headers: list[str], loop: str, cells: list[str]) -> None:
    t = doc.add_table(rows=0, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in (headers, [f"{{%tr for r in {loop} %}}"] + [""] * (len(headers) - 1), cells, ["{%tr endfor %}"] + [""] * (len(headers) - 1)):
        rcells = t.add_row().cells
        for c, text in zip(rcells, row):
            _font(c.paragraphs[0].add_run(text), BODY_FONT, SIZE_TABLE, bold=row is headers)


LOOP_TABLES = {
    "toc": (["序号", "文号", "责任者", "题名", "日期", "页号", "备注"], "toc_rows",
            ["{{ r.seq }}", "{{ r.doc_no }}", "{{ r.author }}", "{{ r.title }}", "{{ r.date }}", "{{ r.page }}", "{{ r.note }}"]),
    "evidence": (["序号", "证据名称", "证据种类", "来源", "取得日期"], "evidence",
                 ["{{ loop.index }}", "{{ r.name }}", "{{ r.kind }}", "{{ r.source }}", "{{ r.date }}"]),
    "items": (["序号", "名称", "规格", "数量", "备注"], "items",
              ["{{ loop.index }}", "{{ r.name }}", "{{ r.spec }}", "{{ r.quantity }}", "{{ r.note }}"]),
    "service": (["送达文书", "文号", "送达时间", "送达方式", "受送达人签收", "送达人"], "service_rows",
                ["{{ r.title }}", "{{ r.doc_no }}", "{{ r.date }}", "{{ r.method }}", "", "{{ r.officers }}"]),
}


def build_form(code: str, spec: dict) -> Path:
    doc = _new_document()
    kind = spec.get("kind", "letter")
    if kind == "cover":
        for _ in range(3):
            _para(doc, "", indent=False)
        _para(doc, spec["title"], size=Pt(26), font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        for _ in range(2):
            _para(doc, "", indent=False)
        for line in spec["body"]:
            _para(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    else:
        _heading(doc, spec)
        if kind in ("table", "record"):
            _kv_table(doc, spec["rows"])
        body = spec.get("body", [])
        if kind in LOOP_TABLES:
            # a table form: the first body line introduces it, the rest follow it
            for line in body[:1]:
                _para(doc, line, indent=False)
            _loop_table(doc, *LOOP_TABLES[kind])
            body = body[1:]
        for line in body:
            _para(doc, line, indent=not line.startswith("{%"))
        _signature(doc, spec)
    FORMS.mkdir(exist_ok=True)
    out = FORMS / f"{code}.docx"
    doc.core_properties.title = spec["title"]
    doc.core_properties.author = "casefile"
    doc.save(out)
    return out


def main() -> None:
    with open(HERE / "forms.toml", "rb") as f:
        forms = tomllib.load(f)["forms"]
    for code, spec in forms.items():
        print(build_form(code, spec).relative_to(HERE))


if __name__ == "__main__":
    main()
