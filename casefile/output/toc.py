"""The 卷内目录: which documents each volume (正卷, 副卷) binds, in what order, on which pages, and
what the 备考表 says of the volume."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casefile.model import CaseState
from casefile.output import pages
from casefile.output.dossier import Dossier
from casefile.output.render import VOLUME_FORMS, rendered_name
from casefile.store import documents
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


def volume_extra(vol: dict[str, Any], remarks_text: str = "") -> dict[str, Any]:
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


def count_method(rows: list[TocRow]) -> str:
    methods = {r.method for r in rows}
    if pages.ESTIMATE in methods:
        return pages.ESTIMATE
    return pages.LIBREOFFICE if pages.LIBREOFFICE in methods else (pages.PDF if methods else "")
