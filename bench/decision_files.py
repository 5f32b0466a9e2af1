"""A decision's text laid out as an agency's .docx template lays it out (issue 27 item 5: decisions imported as
files, not web text). Used by bench/extract_files.py and by the tests, which build their files from the text
(no binary blobs kept).

The layout follows GB/T 9704 as bureaus' templates apply it: the title centred and bold (方正小标宋, 二号), the
文号 right-aligned on its own line, the body in 仿宋 三号 with a two-character first-line indent and a fixed
28-point line spacing, the signature block and its date right-aligned, a page number in the footer
(“— 1 —”); the body ragged right or justified. With ``table=True`` the header fields under the 文号 (当事人：…, 地址：…) are a two-column table, as
many bureaus print them. Lines of the text that are none of these stay paragraphs as they were.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

DOC_NO = re.compile(r"[〔\[（(［【]\s*(?:19|20)\d\d\s*[〕\]）)］】].{0,12}号\s*$")
DATE_ALONE = re.compile(r"^\s*(?:(?:19|20)\d\d|[二〇○零一]{4})\s*年.{1,3}月.{1,4}日\s*$")
SIGNER = re.compile(r"(?:局|委员会|厅|大队|支队|中队|中心|政府|办事处|执法队|分局|管理处|管理站|[(（](?:盖章|印章|公章)[)）])\s*$")
FIELD = re.compile(r"^([^：:，。,；;]{2,14})[：:]\s*(\S.{0,60})$")
BODY, TITLE = "仿宋_GB2312", "方正小标宋简体"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(doc, text: str, *, align=None, indent: bool = True, size: float = 16, bold: bool = False, font: str = BODY,
          justify: bool = False):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(28 if size <= 16 else 36)
    fmt.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    else:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else None
        if indent:
            fmt.first_line_indent = Pt(2 * size)
    _font(p.add_run(text), font, size, bold)
    return p


def _page_number(section) -> None:
    """“— PAGE —” centred in the footer, as a field LibreOffice fills in."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(p.add_run("— "), BODY, 14)
    run = p.add_run()
    _font(run, BODY, 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._element.append(el)
    _font(p.add_run(" —"), BODY, 14)


def roles(lines: list[str]) -> list[str]:
    """Each line's role in the template: title, doc_no, field (a header field under the 文号), sign (the
    signature block and its date), or body."""
    out = ["body"] * len(lines)
    title = next((i for i, s in enumerate(lines[:15]) if "决定书" in s and len(s) <= 40 and "《" not in s), None)
    if title is not None:
        out[title] = "title"
    start = 0 if title is None else title + 1
    no = next((i for i in range(start, min(start + 3, len(lines))) if len(lines[i]) <= 40 and DOC_NO.search(lines[i])), None)
    if no is not None:
        out[no] = "doc_no"
        i = no + 1
        while i < len(lines) and FIELD.match(lines[i]) and not lines[i].rstrip().endswith(("：", ":")):
            out[i] = "field"
            i += 1
    for i in range(max(len(lines) - 8, start), len(lines)):
        if len(lines[i]) <= 30 and (DATE_ALONE.match(lines[i]) or SIGNER.search(lines[i])) and out[i] == "body":
            out[i] = "sign"
    return out


def decision_docx(text: str, *, table: bool = False, justify: bool = False) -> bytes:
    """The text laid out as an agency's .docx; ``table``: its header fields in a two-column table; ``justify``:
    the body set flush to both margins (两端对齐, Word's default for Chinese) instead of ragged right."""
    lines = [s.strip() for s in text.split("\n") if s.strip()]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    _page_number(sec)
    kinds = roles(lines)
    rows: list[tuple[str, str]] = []
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if kind == "field" and table:
            m = FIELD.match(line)
            rows.append((m.group(1).strip(), m.group(2).strip()))
            if i + 1 < len(lines) and kinds[i + 1] == "field":
                continue
            grid = doc.add_table(rows=len(rows), cols=2)
            grid.style = "Table Grid"
            for row, (label, value) in zip(grid.rows, rows):
                for cell, s in zip(row.cells, (label, value)):
                    cell.paragraphs[0].paragraph_format.space_after = Pt(0)
                    _font(cell.paragraphs[0].add_run(s), BODY, 14)
            rows = []
        elif kind == "title":
            _para(doc, line, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, bold=True, font=TITLE)
        elif kind in ("doc_no", "sign"):
            _para(doc, line, align=WD_ALIGN_PARAGRAPH.RIGHT)
        else:
            # a salutation line starts at the margin
            _para(doc, line, indent=not line.endswith(("：", ":")), justify=justify)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
