"""Binding the dossier (装订): the 卷内目录 with the page each document starts on, the
封面 / 卷内目录 / 备考表 of each volume, and the combined print.

Above ``dossier`` (what is there), ``render`` (filling forms) and ``pages``
(how long each document is). Each volume (正卷, 副卷) is bound on its own:

    封面 · 卷内目录 · documents in binding order, numbered — 1 — … · 备考表

The cover, the 目录 and the 备考表 carry no page number (卷内文件 are numbered
from 1 in each volume), so the 页号 of the 目录 are the printed page numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Emu, Pt
from docxcompose.composer import Composer

from casefile.store import documents

from casefile.output import pages
from casefile.output.dossier import Dossier, assemble
from casefile.errors import DocumentError, PackageError
from casefile.store.fsutil import atomic_write_bytes
from casefile.output.doc_context import build_context
from casefile.output.render import VOLUME_FORMS, render_bytes, render_document, rendered_name
from casefile.model import CaseState
from casefile.ingest.textio import open_docx, open_pdf, read_input
from casefile.store.workspace import Workspace
from doc_templates import texts
from doc_templates.catalogue import load_catalogue

VOLUMES = ("正卷", "副卷")
# VOLUME_FORMS (casefile.output.render): forms about the volume itself, not listed in the 目录 and not paginated


@dataclass
class TocRow:
    seq: int
    doc_no: str
    author: str
    title: str
    date: str
    page: str
    note: str
    file: str
    pages: int
    method: str  # how the pages were counted (pages.LIBREOFFICE / ESTIMATE / PDF)
    volume: str
    start: int = 1

    @property
    def estimated(self) -> bool:
        return self.method == pages.ESTIMATE

    def to_dict(self) -> dict[str, Any]:
        d = self.__dict__.copy()
        d["estimated"] = self.estimated
        return d


def _volume_of(entry_volume: str) -> str:
    # a document the catalogue does not know is bound in the 正卷 (it is evidence or a record)
    return entry_volume if entry_volume in VOLUMES else VOLUMES[0]


def bound_records(dossier: Dossier) -> dict[str, list[documents.DocRecord]]:
    """The documents of each volume in binding order, without the volume forms."""
    out: dict[str, list[documents.DocRecord]] = {v: [] for v in VOLUMES}
    for e in dossier.entries:
        t = e.doc_type
        if t is not None and (not t.paginate or t.code in VOLUME_FORMS):
            continue
        for rec in e.files:
            out[_volume_of(t.volume if t else "")].append(rec)
    return out


def binding_order(dossier: Dossier) -> list[str]:
    """The case's files in the order they are bound, volume by volume — 封面, 卷内目录, the
    documents as the 目录 lists them, 备考表 — then what is kept but not bound (audio, video).
    The package's manifest lists this order, so it and the 卷内目录 agree."""
    forms = {(e.doc_type.code, rec.file) for e in dossier.entries if e.doc_type and e.doc_type.code in VOLUME_FORMS
             for rec in e.files}
    cat = load_catalogue()

    def form(code: str, volume: str) -> list[str]:
        name = f"{documents.DOCS}/{rendered_name(cat.get(code), volume)}"
        return [name] if (code, name) in forms else []

    order: list[str] = []
    bound = bound_records(dossier)
    for v in VOLUMES:
        docs = [rec.file for rec in bound[v]]
        if docs or form("cover", v):
            order += form("cover", v) + form("toc", v) + docs + form("remarks", v)
    rest = [rec.file for e in dossier.entries for rec in e.files if rec.file not in order]
    return order + rest


def table_of_contents(ws: Workspace, dossier: Dossier, counter: pages.PageCounter | None = None) -> list[TocRow]:
    """The 目录 rows of every volume; pages are numbered from 1 in each volume and all
    documents of the dossier are counted in one go (one LibreOffice process)."""
    counter = counter or pages.counter()
    case_dir = ws.cases_dir / dossier.case.id
    cat = load_catalogue()
    by_volume = bound_records(dossier)
    flat = [(v, rec) for v in VOLUMES for rec in by_volume[v]]
    counts = counter.count([case_dir / rec.file for _, rec in flat]) if flat else []
    author = dossier.case.agency or ws.profile.name
    rows: list[TocRow] = []
    page = {v: 1 for v in VOLUMES}
    seq = {v: 1 for v in VOLUMES}
    for (volume, rec), n in zip(flat, counts):
        t = cat.get(rec.doc_type)
        start = page[volume]
        rng = str(start) if n.pages == 1 else f"{start}-{start + n.pages - 1}"
        rows.append(TocRow(
            seq=seq[volume], doc_no=rec.number if t and t.numbered else "", author=author,
            title=rec.title or (t.name if t else rec.name), date=f"{rec.date:%Y%m%d}" if rec.date else "",  # DA/T 22: 8 digits
            page=rng, note="", file=rec.file, pages=n.pages, method=n.method, volume=volume, start=start,
        ))
        page[volume] += n.pages
        seq[volume] += 1
    return rows


def volumes(rows: list[TocRow]) -> list[dict[str, Any]]:
    """The volumes that hold documents, as the forms read them."""
    out = []
    for v in VOLUMES:
        vr = [r for r in rows if r.volume == v]
        if vr:
            out.append({"name": v, "rows": vr, "doc_count": len(vr), "page_total": sum(r.pages for r in vr)})
    return out


def _volume_extra(vol: dict[str, Any], remarks_text: str = "") -> dict[str, Any]:
    return {
        "volume": vol["name"],
        "toc_rows": [r.to_dict() for r in vol["rows"]],
        "doc_count": vol["doc_count"],
        "page_total": str(vol["page_total"]),
        "remarks_text": remarks_text,
    }


def remarks_text(dossier: Dossier) -> str:
    """What the 备考表 says of the volume's state, from what is really there (the
    volume forms are made with it, so they are not missing)."""
    gaps = [e.doc_type.name for e in dossier.gaps if e.doc_type and e.doc_type.code not in VOLUME_FORMS]
    t = texts.get("remarks")
    parts = []
    if dossier.case.state not in (CaseState.CLOSED, CaseState.ARCHIVED):
        parts.append(t["open"].format(state=dossier.case.state.value))
    if gaps:
        parts.append(t["missing"].format(names="、".join(gaps)))
    if dossier.problems:
        parts.append(t["problems"].format(problems="；".join(dossier.problems)))
    return "".join(parts) or t["complete"]


def _drop_copies(ws: Workspace, case_id: str, kept: documents.DocRecord) -> None:
    """One 封面, 卷内目录 and 备考表 per volume: copies an earlier print stored beside this one
    (“000-卷宗封面(正卷)（2）.docx”) are removed (journaled), so the binding order and the package
    list each form once."""
    case_dir = ws.cases_dir / case_id
    stem, ext = kept.file.rsplit(".", 1)
    copy = re.compile(re.escape(stem) + r"（\d+）\." + re.escape(ext))
    for d in documents.load_register(case_dir).documents:
        if d.doc_type == kept.doc_type and copy.fullmatch(d.file):
            documents.remove_document(case_dir, d.file, stage="结案", actor=ws.actor)


@dataclass
class Finished:
    dossier: Dossier
    rows: list[TocRow]
    warnings: list[str]
    method: str  # how the pages were counted (several methods: the least exact one)


def _method(rows: list[TocRow]) -> str:
    methods = {r.method for r in rows}
    if pages.ESTIMATE in methods:
        return pages.ESTIMATE
    return pages.LIBREOFFICE if pages.LIBREOFFICE in methods else (pages.PDF if methods else "")


def finish_dossier(ws: Workspace, case_ref: str, today: dt.date,
                   counter: pages.PageCounter | None = None) -> Finished:
    """Render each volume's 卷内目录 and 封面 from the real page counts, then its 备考表
    last (it states what the volume holds, the cover and 目录 included).

    A form that cannot be filled is a warning with what it lacks: a missing cover
    fact must not stop an export.
    """
    dossier = assemble(ws, case_ref)
    rows = table_of_contents(ws, dossier, counter)
    warnings = []
    vols = volumes(rows)
    for code in ("toc", "cover", "remarks"):
        if code == "remarks":
            dossier = assemble(ws, case_ref)  # the cover and 目录 now exist
        for vol in vols:
            extra = _volume_extra(vol, remarks_text(dossier) if code == "remarks" else "")
            try:
                done = render_document(ws, dossier.case.id, code, extra=extra, today=today, volume=vol["name"])
                _drop_copies(ws, dossier.case.id, done.record)
            except DocumentError as e:
                warnings.append(f"{e}：" + "、".join(e.details) if e.details else str(e))
    if _method(rows) != pages.ESTIMATE and rows:
        warning = pages.font_warning()  # laid out by LibreOffice: in the forms' fonts, or say it was not
        if warning:
            warnings.append(warning)
    return Finished(assemble(ws, case_ref), rows, warnings, _method(rows))


# -- the combined print ----------------------------------------------------------------
def _numbered_footer(footer, align) -> None:
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


def _restart_numbering(sect_pr) -> None:
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


def _blank_footer(footer) -> None:
    footer.is_linked_to_previous = False
    for p in footer.paragraphs:
        for r in list(p.runs):
            r._element.getparent().remove(r._element)


def _end_section(doc) -> None:
    """Close the current section in the last paragraph (no extra empty paragraph that
    could spill onto a page of its own)."""
    body = doc.element.body
    sentinel = body.sectPr
    last = sentinel.getprevious()
    if last is None or last.tag != qn("w:p"):
        last = doc.add_paragraph()._p
    last.set_sectPr(deepcopy(sentinel))


def _page_break_before(element) -> None:
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


def _pdf_as_docx(path: Path, template: Path) -> bytes:
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


def combined_docx(ws: Workspace, case_ref: str, today: dt.date,
                  counter: pages.PageCounter | None = None) -> tuple[bytes, list[TocRow], list[str]]:
    """The whole dossier as one printable .docx: for each volume its cover, 目录,
    documents and 备考表, the documents numbered from — 1 — as the 目录 says.

    The volume forms are filled here from the same page counts, so the print and
    its 目录 cannot disagree."""
    dossier = assemble(ws, case_ref)
    case = dossier.case
    case_dir = ws.cases_dir / case.id
    rows = table_of_contents(ws, dossier, counter)
    vols = volumes(rows)
    if not vols:
        raise PackageError(f"案件 {case.id} 还没有可以装订的文书")
    cat = load_catalogue()
    ctx = build_context(ws, case, today=today)
    text = remarks_text(assemble(ws, case_ref))
    master = None
    composer = None
    sections: list[str] = []  # per section: "plain" or "numbered"
    skipped: list[str] = []

    def add(data: bytes, name: str = "文书.docx") -> None:
        nonlocal master, composer
        doc = open_docx(name, data)  # a stored document is opened within the reader's limits
        if master is None:
            master = doc
            composer = Composer(master)
            return
        body = master.element.body
        index = composer.append_index()
        composer.append(doc)
        _page_break_before(body[index])

    def form(code: str, vol: dict[str, Any]) -> bytes:
        c = dict(ctx)
        c.update(_volume_extra(vol, text))
        return render_bytes(cat.get(code), c)

    for vol in vols:
        add(form("cover", vol))
        add(form("toc", vol))
        _end_section(master)
        sections.append("plain")
        for r in vol["rows"]:
            path = case_dir / r.file
            if path.suffix.lower() == ".docx":
                try:
                    add(read_input(path), path.name)
                except DocumentError:  # refused by the limits or damaged: listed as not included
                    skipped.append(r.file)
            elif path.suffix.lower() in (".pdf", ".png", ".jpg", ".jpeg"):
                try:
                    add(_pdf_as_docx(path, cat.get("cover").template_path))
                except Exception:  # an unreadable scan: listed as not included, never a crash  # noqa: BLE001
                    skipped.append(r.file)
            else:
                skipped.append(r.file)
        _end_section(master)
        sections.append("numbered")
        add(form("remarks", vol))
        if vol is not vols[-1]:
            _end_section(master)
            sections.append("plain")
    sections.append("plain")  # the last 备考表
    master.settings.odd_and_even_pages_header_footer = True
    for kind, sec in zip(sections, master.sections):
        if kind == "numbered":
            _numbered_footer(sec.footer, WD_ALIGN_PARAGRAPH.RIGHT)
            _numbered_footer(sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
            _restart_numbering(sec._sectPr)
        else:
            _blank_footer(sec.footer)
            _blank_footer(sec.even_page_footer)
        sec.different_first_page_header_footer = False
    buf = io.BytesIO()
    master.save(buf)
    return buf.getvalue(), rows, skipped


def print_dossier(ws: Workspace, case_ref: str, dest: Path, today: dt.date,
                  counter: pages.PageCounter | None = None, pdf: bool = True) -> dict[str, Any]:
    """Write the combined print (.docx; a PDF beside it when LibreOffice is installed)."""
    case = ws.load_case(case_ref)
    data, rows, skipped = combined_docx(ws, case.id, today=today, counter=counter)
    dest = Path(dest)
    atomic_write_bytes(dest, data, clean=True)  # a copy a killed run left beside it goes too
    result = {"case": case.id, "docx": str(dest), "documents": [r.file for r in rows], "not_included": skipped,
              "pages_counted_by": _method(rows), "pdf": None}
    if pdf and pages.soffice():
        out = pages.convert_to_pdf([dest], dest.parent)
        if dest in out:
            result["pdf"] = str(out[dest])
    return result
