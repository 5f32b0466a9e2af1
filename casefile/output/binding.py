"""Binding the dossier (装订): the 封面 / 卷内目录 / 备考表 of each volume, and the combined print.

Above ``dossier`` (what is there), ``toc`` (the 目录 with the page each document starts on),
``render`` (filling forms), ``pages`` (how long each document is) and ``docx_sections`` (the
print's footers and sections). Each volume (正卷, 副卷) is bound on its own:

    封面 · 卷内目录 · documents in binding order, numbered — 1 — … · 备考表

The cover, the 目录 and the 备考表 carry no page number (卷内文件 are numbered
from 1 in each volume), so the 页号 of the 目录 are the printed page numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docxcompose.composer import Composer

from casefile.errors import DocumentError, PackageError
from casefile.ingest.textio import open_docx, read_input
from casefile.output import pages
from casefile.output.doc_context import build_context
from casefile.output.docx_sections import (blank_footer, end_section, numbered_footer, page_break_before, pdf_as_docx,
                                           restart_numbering)
from casefile.output.dossier import Dossier, assemble
from casefile.output.render import render_bytes, render_document
# the 目录 and the volumes are toc.py's; the names the package, the front ends and the tests import stay here too
from casefile.output.toc import (VOLUMES, TocRow, binding_order, count_method, remarks_text,  # noqa: F401
                                 table_of_contents, volume_extra, volumes)
from casefile.store import documents
from casefile.store.fsutil import atomic_write_bytes
from casefile.store.workspace import Workspace
from doc_templates.catalogue import load_catalogue


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
            extra = volume_extra(vol, remarks_text(dossier) if code == "remarks" else "")
            try:
                done = render_document(ws, dossier.case.id, code, extra=extra, today=today, volume=vol["name"])
                _drop_copies(ws, dossier.case.id, done.record)
            except DocumentError as e:
                warnings.append(f"{e}：" + "、".join(e.details) if e.details else str(e))
    if count_method(rows) != pages.ESTIMATE and rows:
        warning = pages.font_warning()  # laid out by LibreOffice: in the forms' fonts, or say it was not
        if warning:
            warnings.append(warning)
    return Finished(assemble(ws, case_ref), rows, warnings, count_method(rows))


# -- the combined print ----------------------------------------------------------------
class _Print:
    """The combined document as it grows: each document appended on a new page, and the kind of
    each section closed — "plain" (cover, 目录, 备考表) or "numbered" (the volume's documents)."""

    def __init__(self) -> None:
        self.master: Any = None
        self.composer: Composer | None = None
        self.sections: list[str] = []

    def add(self, data: bytes, name: str = "文书.docx") -> None:
        doc = open_docx(name, data)  # a stored document is opened within the reader's limits
        if self.master is None:
            self.master = doc
            self.composer = Composer(doc)
            return
        body = self.master.element.body
        index = self.composer.append_index()
        self.composer.append(doc)
        page_break_before(body[index])

    def add_file(self, path: Path, scan_template: Path) -> bool:
        """A stored document (a scan as pictures); False when it cannot be included."""
        if path.suffix.lower() == ".docx":
            try:
                self.add(read_input(path), path.name)
            except DocumentError:  # refused by the limits or damaged: listed as not included
                return False
            return True
        if path.suffix.lower() in (".pdf", ".png", ".jpg", ".jpeg"):
            try:
                self.add(pdf_as_docx(path, scan_template))
            except Exception:  # an unreadable scan: listed as not included, never a crash  # noqa: BLE001
                return False
            return True
        return False

    def close_section(self, kind: str) -> None:
        end_section(self.master)
        self.sections.append(kind)

    def paginated(self) -> bytes:
        """The document with its footers: — N — on the numbered sections, odd pages right, even
        pages left, restarted at 1 in each volume; nothing on the others."""
        self.sections.append("plain")  # the last 备考表
        self.master.settings.odd_and_even_pages_header_footer = True
        for kind, sec in zip(self.sections, self.master.sections):
            if kind == "numbered":
                numbered_footer(sec.footer, WD_ALIGN_PARAGRAPH.RIGHT)
                numbered_footer(sec.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
                restart_numbering(sec._sectPr)
            else:
                blank_footer(sec.footer)
                blank_footer(sec.even_page_footer)
            sec.different_first_page_header_footer = False
        buf = io.BytesIO()
        self.master.save(buf)
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

    def form(code: str, vol: dict[str, Any]) -> bytes:
        return render_bytes(cat.get(code), {**ctx, **volume_extra(vol, text)})

    out = _Print()
    skipped: list[str] = []
    for vol in vols:
        out.add(form("cover", vol))
        out.add(form("toc", vol))
        out.close_section("plain")
        skipped += [r.file for r in vol["rows"] if not out.add_file(case_dir / r.file, cat.get("cover").template_path)]
        out.close_section("numbered")
        out.add(form("remarks", vol))
        if vol is not vols[-1]:
            out.close_section("plain")
    return out.paginated(), rows, skipped


def print_dossier(ws: Workspace, case_ref: str, dest: Path, today: dt.date,
                  counter: pages.PageCounter | None = None, pdf: bool = True) -> dict[str, Any]:
    """Write the combined print (.docx; a PDF beside it when LibreOffice is installed)."""
    case = ws.load_case(case_ref)
    data, rows, skipped = combined_docx(ws, case.id, today=today, counter=counter)
    dest = Path(dest)
    atomic_write_bytes(dest, data, clean=True)  # a copy a killed run left beside it goes too
    result = {"case": case.id, "docx": str(dest), "documents": [r.file for r in rows], "not_included": skipped,
              "pages_counted_by": count_method(rows), "pdf": None}
    if pdf and pages.soffice():
        out = pages.convert_to_pdf([dest], dest.parent)
        if dest in out:
            result["pdf"] = str(out[dest])
    return result
