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
from docx.oxml import OxmlElement
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
SIZE_GRID = Pt(10.5)  # 五号: the 目录 and list tables, so a 文号 fits its column
SIZE_PAGE = Pt(14)  # 四号: page numbers (GB/T 9704 7.5)
TEXT_WIDTH = Cm(15.6)  # A4 less the 28 mm / 26 mm side margins

LINES = "__LINES__"  # ruled blank lines to fill by hand
SIGN = "__SIGN__"  # an opinion box: blank, signature and date at its foot


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


def _para(doc_or_cell, text: str, *, size=SIZE_BODY, font=BODY_FONT, bold=False, align=None, indent=True, keep=False):
    p = doc_or_cell.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent and not text.startswith("{%"):
        p.paragraph_format.first_line_indent = Pt(size.pt * 2)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = Pt(28) if size == SIZE_BODY else None
    if keep:
        p.paragraph_format.keep_with_next = True
    _font(p.add_run(text), font, size, bold)
    return p


def _ruled(p) -> None:
    """A rule under an empty line: a line to write on. Word draws consecutive paragraphs with the
    same borders as one bordered block (a bottom rule under the last line only), so the rule is
    also the block's “between” border: one rule under every line."""
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("w:bottom", "w:between"):
        rule = OxmlElement(side)
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "auto")):
            rule.set(qn(k), v)
        bdr.append(rule)
    ppr.append(bdr)


def _lines(doc) -> None:
    """Ruled lines to fill by hand, as many as texts.toml [blank] lines says."""
    _para(doc, "{%p for _ in blank_lines %}", indent=False)
    _ruled(_para(doc, "", indent=False))
    _para(doc, "{%p endfor %}", indent=False)


def _page_number(paragraph) -> None:
    """“— N —” (GB/T 9704): the field between two dashes, 4号宋体."""
    for text, fld in (("— ", None), (None, "PAGE"), (" —", None)):
        if fld:
            _field(paragraph, fld)
        else:
            _font(paragraph.add_run(text), TITLE_FONT, SIZE_PAGE)
    for r in paragraph.runs:
        _font(r, TITLE_FONT, SIZE_PAGE)


def _new_document(numbered: bool = True) -> Document:
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
    if numbered:
        # odd pages right, even pages left (GB/T 9704 7.5), for double-sided binding
        doc.settings.odd_and_even_pages_header_footer = True
        odd = sec.footer.paragraphs[0]
        odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _page_number(odd)
        even = sec.even_page_footer.paragraphs[0]
        even.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _page_number(even)
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
    if spec.get("numberless"):
        return
    if spec.get("doc_no"):
        _para(doc, "{{ doc_no }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    elif "案件编号" not in " ".join(spec.get("body", [])):
        # forms without their own 文号 carry the case number so every sheet of the
        # dossier can be traced to its case when pages come apart
        _para(doc, "案号：{{ case_no }}", size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def _signature(doc, spec: dict) -> None:
    """The agency, seal and date, kept on the page of the text above them."""
    if spec.get("sign") == "agency":
        # the last paragraph of text (not the {%p %} lines docxtpl removes) carries the block
        # with it: a page never holds only the agency, seal and date. Only the last one: two
        # long paragraphs (缴款, 救济途径) pulled along left half a page blank above them
        text = [p for p in doc.paragraphs if not p.text.startswith("{%")]
        for p in text[-1:]:
            p.paragraph_format.keep_with_next = True
        _para(doc, "", indent=False, keep=True)
        _para(doc, "{{ agency }}", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, keep=True)
        _para(doc, "（印章）", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False, keep=True)
        _para(doc, spec.get("date") or "　　　　年　　月　　日", align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def _fixed(t, widths) -> None:
    """Fixed column widths: a 文号 or a name wraps inside its column, never the table."""
    t.autofit = False
    tbl_pr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    grid = t._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips if hasattr(w, "twips") else w / 635)))
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = w


def _row_flags(row, *, header: bool = False) -> None:
    """Rows never split across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _kv_table(doc, rows: list[list[str]]) -> None:
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for label, value in rows:
        row = t.add_row()
        cells = row.cells
        _font(cells[0].paragraphs[0].add_run(label), BODY_FONT, SIZE_TABLE, bold=True)
        if value.startswith(SIGN):
            # an opinion to be written and signed by hand: blank, then 签名 and 日期 at the foot
            row.height = Cm(3.2)
            for _ in range(3):
                cells[1].add_paragraph()
            last = cells[1].add_paragraph()
            last.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(last.add_run("{{ sign_line }}"), BODY_FONT, SIZE_TABLE)
        else:
            _font(cells[1].paragraphs[0].add_run(value), BODY_FONT, SIZE_TABLE)
        _row_flags(row)
    _fixed(t, [Cm(4.0), Cm(11.6)])


def _loop_table(doc, headers: list[str], loop: str, cells: list[str], widths: list[float]) -> None:
    t = doc.add_table(rows=0, cols=len(headers))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in (headers, [f"{{%tr for r in {loop} %}}"] + [""] * (len(headers) - 1), cells, ["{%tr endfor %}"] + [""] * (len(headers) - 1)):
        trow = t.add_row()
        for c, text in zip(trow.cells, row):
            p = c.paragraphs[0]
            if row is headers:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), BODY_FONT, SIZE_GRID, bold=row is headers)
        _row_flags(trow, header=row is headers)
    _fixed(t, [Cm(w) for w in widths])


LOOP_TABLES = {
    "toc": (["序号", "文号", "责任者", "题名", "日期", "页号", "备注"], "toc_rows",
            ["{{ r.seq }}", "{{ r.doc_no }}", "{{ r.author }}", "{{ r.title }}", "{{ r.date }}", "{{ r.page }}", "{{ r.note }}"],
            # 日期 holds 8 digits on one line; 备注 is wide enough to write in
            [1.0, 3.4, 2.4, 3.6, 2.4, 1.2, 1.6]),
    "evidence": (["序号", "证据名称", "证据种类", "来源", "取得日期"], "evidence",
                 ["{{ loop.index }}", "{{ r.name }}", "{{ r.kind }}", "{{ r.source }}", "{{ r.date }}"],
                 [1.0, 6.0, 2.6, 3.4, 2.6]),
    # 证据提取单: what was provided (the agency's own 笔录 and reports are not “provided”)
    "extraction": (["序号", "证据名称", "证据种类", "提供人", "取得日期"], "extracted_evidence",
                   ["{{ loop.index }}", "{{ r.name }}", "{{ r.kind }}", "{{ r.source }}", "{{ r.date }}"],
                   [1.0, 6.0, 2.6, 3.4, 2.6]),
    "items": (["序号", "名称", "规格", "数量", "备注"], "items",
              ["{{ loop.index }}", "{{ r.name }}", "{{ r.spec }}", "{{ r.quantity }}", "{{ r.note }}"],
              [1.0, 5.0, 3.4, 2.6, 3.6]),
    "service": (["送达文书", "文号", "送达时间", "送达地点", "送达方式", "送达人", "受送达人签名及日期"], "service_rows",
                ["{{ r.title }}", "{{ r.doc_no }}", "{{ r.date }}", "{{ r.place }}", "{{ r.method }}", "{{ r.officers }}", ""],
                # 送达人 holds two three-character names, 送达方式 a four-character method, on one line
                [2.2, 2.4, 2.2, 1.8, 2.0, 3.0, 2.0]),
}
# forms about the volume (封面, 目录, 备考表) carry no page number: the 卷内文件 are
# numbered from 1 and the 目录's 页号 are those numbers
UNNUMBERED = ("cover", "toc", "remarks")


def _body(doc, lines: list[str]) -> None:
    for line in lines:
        if line == LINES:
            _lines(doc)
        elif line.count("（签名）") > 1:
            # one signer a line: three signatures in one line of 三号 type wrap mid-word
            for part in filter(None, (x.strip("　") for x in line.split("：　"))):
                _para(doc, part if part.endswith("：") else part + "：", indent=False)
        else:
            _para(doc, line, indent=not line.startswith("{%"))


def _keep_signatures(doc) -> None:
    """Signature lines stay on the page of the line above them (no page holding only
    “当事人（签名）”): each signature line and the one line before it keep with the next —
    not two, which pulled whole paragraphs over and left half a page blank."""
    paras = [p for p in doc.paragraphs if not p.text.startswith("{%")]
    for i, p in enumerate(paras):
        if "（签名）" in p.text or "签名：" in p.text:
            for q in paras[max(0, i - 1):i]:
                q.paragraph_format.keep_with_next = True


def build_form(code: str, spec: dict) -> Path:
    kind = spec.get("kind", "letter")
    doc = _new_document(numbered=kind not in UNNUMBERED)
    if kind == "cover":
        for _ in range(3):
            _para(doc, "", indent=False)
        _para(doc, spec["title"], size=Pt(26), font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        _para(doc, spec["body"][1], size=SIZE_HEADER, font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        _para(doc, "", indent=False)
        _para(doc, spec["body"][0], size=SIZE_HEADER, font=TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        _para(doc, "", indent=False)
        for line in spec["body"][2:]:
            _para(doc, line, indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
    else:
        _heading(doc, spec)
        if kind in ("table", "record"):
            _kv_table(doc, spec["rows"])
        body = spec.get("body", [])
        table = spec.get("table") or (kind if kind in LOOP_TABLES else "")
        if table:
            # a table form: the body introduces the table (a letter: all of it), the rest follows it
            intro = body if spec.get("table") else body[:1]
            _body(doc, intro)
            _loop_table(doc, *LOOP_TABLES[table])
            body = body[len(intro):]
        _body(doc, body)
        _body(doc, spec.get("after", []))
        _keep_signatures(doc)
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
