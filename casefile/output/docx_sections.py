"""The combined print's pages in python-docx: GB/T 9704 page numbers in the footers, numbering
restarted per volume, sections closed and documents started on a new page, scans as pictures."""

from __future__ import annotations

import io
from copy import deepcopy
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Emu, Pt

from casefile.ingest.textio import open_pdf


def numbered_footer(footer, align) -> None:
    """GB/T 9704 page number: “— N —”, 4号宋体, odd pages right, even pages left."""
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0]
    for r in list(p.runs):
        r._element.getparent().remove(r._element)
    p.alignment = align

    def run(text: str | None = None, fld: str | None = None, instr: str | None = None):
        r = p.add_run(text or "")
        r.font.size = Pt(14)
        r.font.name = "宋体"
        r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
        if fld:
            el = r._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): fld})
            r._element.append(el)
        if instr:
            el = r._element.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = instr
            r._element.append(el)

    run("— ")
    run(fld="begin")
    run(instr="PAGE")
    run(fld="end")
    run(" —")


# children of w:sectPr that come after w:pgNumType (ECMA-376 order; Word refuses others)
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def restart_numbering(sect_pr) -> None:
    """The documents of a volume are numbered from 1 (the cover and 目录 before them are not)."""
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        later = next((c for c in sect_pr if c.tag in {qn(t) for t in _AFTER_PGNUMTYPE}), None)
        if later is not None:
            later.addprevious(pg)
        else:
            sect_pr.append(pg)
    pg.set(qn("w:start"), "1")


def blank_footer(footer) -> None:
    footer.is_linked_to_previous = False
    for p in footer.paragraphs:
        for r in list(p.runs):
            r._element.getparent().remove(r._element)


def end_section(doc) -> None:
    """Close the current section in the last paragraph (no extra empty paragraph that
    could spill onto a page of its own)."""
    body = doc.element.body
    sentinel = body.sectPr
    last = sentinel.getprevious()
    if last is None or last.tag != qn("w:p"):
        last = doc.add_paragraph()._p
    last.set_sectPr(deepcopy(sentinel))


def page_break_before(element) -> None:
    """Each document starts on a new page (its first paragraph breaks before it)."""
    before = element.getprevious()
    if before is not None and before.tag == qn("w:p") and before.pPr is not None and before.pPr.sectPr is not None:
        return  # a new section already starts a new page
    if element.tag == qn("w:p"):
        element.get_or_add_pPr().get_or_add_pageBreakBefore()
    else:  # a table first: an empty paragraph carries the break
        p = OxmlElement("w:p")
        element.addprevious(p)
        p.get_or_add_pPr().get_or_add_pageBreakBefore()


def pdf_as_docx(path: Path, template: Path) -> bytes:
    """An imported PDF or image as pages of a .docx (one picture a page), so the print
    holds every document the 目录 lists and its numbers stay right."""
    doc = Document(str(template))
    body = doc.element.body
    for el in list(body):
        if el is not body.sectPr:
            body.remove(el)
    sec = doc.sections[0]
    width = sec.page_width - sec.left_margin - sec.right_margin
    height = sec.page_height - sec.top_margin - sec.bottom_margin - Emu(360000)
    images: list[bytes] = []
    if path.suffix.lower() == ".pdf":
        pdf = open_pdf(path)
        try:
            for page in pdf:
                img = page.render(scale=150 / 72).to_pil()
                buf = io.BytesIO()
                img.save(buf, format="PNG")
                images.append(buf.getvalue())
        finally:
            pdf.close()
    else:
        images.append(path.read_bytes())
    for i, data in enumerate(images):
        p = doc.add_paragraph()
        if i:
            p.paragraph_format.page_break_before = True
        run = p.add_run()
        pic = run.add_picture(io.BytesIO(data))
        scale = min(width / pic.width, height / pic.height, 1)
        pic.width, pic.height = int(pic.width * scale), int(pic.height * scale)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
