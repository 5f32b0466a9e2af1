"""Documents: render from a template, read, the dossier (its 卷内目录, and its export as a package
and a print document in one pass), packages, evidence. Every change re-indexes the case."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from casefile.store import documents as docs
from casefile.output import pages
from casefile.output.pages import quick_counter
from casefile.output.dossier import Dossier, assemble
from casefile.errors import CasefileError
from casefile.ingest.textio import read_document
from doc_templates.catalogue import DocType, load_catalogue
from tui.application.access import guarded
from tui.application.core import Result
from tui.application.entries import refuse_archived
from tui.application.lazy import lazy_module
from tui.application.search import Indexed

if TYPE_CHECKING:  # their modules load python-docx: imported by the operations that bind or render
    from casefile.output.binding import TocRow
    from casefile.output.render import Rendered

render = lazy_module("casefile.output.render")  # docxtpl, jinja2 and python-docx: loaded when a document is rendered
pkg = lazy_module("casefile.store.package")
evidence = lazy_module("casefile.store.evidence")
records = lazy_module("casefile.output.records")

Progress = Callable[[int, int, str], None]


@dataclass
class DossierPaths(Result):
    package: Path
    print: Path


@dataclass
class DossierExport(Result):
    """What an export did: the dossier finished (its 卷内目录 rows and warnings), the package and the
    print document written (None when not asked), and ``notes`` on what could not be done as asked."""

    case: str
    dossier: Dossier
    rows: list[TocRow]
    warnings: list[str]
    export: dict[str, Any] | None = None
    print: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)


class Documents(Indexed):
    # -- the catalogue ----------------------------------------------------------------------
    @staticmethod
    def doc_types() -> list[DocType]:
        return load_catalogue().types

    def templated_types(self, case_ref: str | None = None) -> list[DocType]:
        """The types a template renders; for ``case_ref`` only those its case type's dossier holds
        (a 行政处罚 case is not offered the 许可 notices)."""
        types = load_catalogue().templated
        if case_ref is None:
            return types
        declared = self.ws.load_case(case_ref).case_type.declaration
        return [t for t in types if declared.holds(t)]

    # -- changes ------------------------------------------------------------------------------
    @guarded("enter_facts", "ref")
    def render(self, case_ref: str, code: str, extra: dict[str, Any] | None = None, *, confirm: bool = False) -> Rendered:
        """Fill a template from the case facts, dated by the clock, and store it in the case;
        ``confirm`` is the person's confirmation of a lawful exception (journaled)."""
        case_id = self.ws.resolve(case_ref)
        result = render.render_document(self.ws, case_id, code, extra=extra, today=self.today, confirm=confirm)
        self.search.reindex(case_id)
        return result

    def render_would_overwrite(self, case_ref: str, code: str) -> str:
        """The case file (e.g. ``docs/033-查封扣押财物清单.docx``) that :meth:`render` would replace, or ''."""
        return render.would_overwrite(self.ws, case_ref, code)

    @guarded("enter_facts", "ref")
    def add_evidence(self, case_ref: str, file: Path, act: str, *, officers: list[str] | None = None, time: str = "", note: str = "") -> dict[str, Any]:
        refuse_archived(self.ws.load_case(case_ref), "添加证据")
        return evidence.add_evidence(self.ws, case_ref, Path(file), act, officers=officers or [], time=time, note=note)

    def evidence(self, case_ref: str) -> list[dict[str, Any]]:
        return self.ws.load_case(case_ref).extra.get("av_records", [])

    # -- reading ------------------------------------------------------------------------------
    def documents(self, case_ref: str) -> list[dict[str, Any]]:
        """The case's registered documents, each saying whether it was changed outside casefile."""
        case_dir = self.ws.cases_dir / self.ws.resolve(case_ref)
        return [dict(d.model_dump(mode="json"), changed_outside=docs.changed_outside(case_dir, d))
                for d in docs.load_register(case_dir).documents]

    def document_pages(self, case_ref: str, file: str) -> list[str]:
        """The text of a case document, page by page."""
        return read_document(self.ws.cases_dir / self.ws.resolve(case_ref) / file).pages

    @staticmethod
    def extract_files(files: list[Path]) -> Iterator[tuple[Path, dict[str, Any] | None, CasefileError | None]]:
        """Extraction of loose files, without touching the workspace: (file, extraction, error)."""
        from casefile.ingest.extract import extract  # the extractors load for ``casefile extract`` only

        for f in files:
            try:
                yield Path(f), extract(read_document(Path(f))).to_dict(), None
            except CasefileError as e:
                yield Path(f), None, e

    @guarded("enter_facts", "ref")
    def enter_records(self, case_ref: str, path: Path) -> dict[str, Any]:
        """What a 笔录 or record says (问答, 听证发言, 讨论意见), from a TOML/JSON file."""
        refuse_archived(self.ws.load_case(case_ref), "录入笔录记录")
        result = records.enter(self.ws, case_ref, Path(path))
        self.search.reindex(self.ws.resolve(case_ref))
        return result

    # -- the dossier and packages -------------------------------------------------------------
    def dossier(self, case_ref: str) -> Dossier:
        return assemble(self.ws, case_ref)

    def table_of_contents(self, dossier: Dossier, *, quick: bool = False) -> list[TocRow]:
        """The 卷内目录 rows; ``quick`` lays nothing out (pages LibreOffice counted before, estimates
        for the rest, each row saying which)."""
        from casefile.output.binding import table_of_contents

        return table_of_contents(self.ws, dossier, quick_counter() if quick else None)

    @guarded("enter_facts", "ref")
    def finish_dossier(self, case_ref: str) -> tuple[Dossier, list[TocRow], list[str]]:
        """Render the 卷内目录, 备考表 and 封面 (dated by the clock) and return them with warnings."""
        from casefile.output.binding import finish_dossier

        done = finish_dossier(self.ws, case_ref, today=self.today)
        self.search.reindex(done.dossier.case.id)
        return done.dossier, done.rows, done.warnings

    def export_package(self, case_ref: str, dest: Path) -> dict[str, Any]:
        return pkg.export_package(self.ws, self.ws.resolve(case_ref), Path(dest))

    def print_dossier(self, case_ref: str, dest: Path) -> dict[str, Any]:
        from casefile.output.binding import print_dossier

        return print_dossier(self.ws, self.ws.resolve(case_ref), Path(dest), today=self.today)

    @guarded("create_case")
    def import_package(self, path: Path, *, replace: bool = False, accept_foreign: bool = False) -> dict[str, Any]:
        result = pkg.import_package(self.ws, Path(path), replace=replace, accept_foreign=accept_foreign)
        self.search.reindex(result["case"], refresh=True)
        return result

    # -- dossier export and print -------------------------------------------------------------
    @staticmethod
    def pdf_available() -> bool:
        """Whether LibreOffice is installed to turn the print .docx into a PDF."""
        return pages.soffice() is not None

    def dossier_paths(self, case_ref: str, folder: Path) -> DossierPaths:
        """Where an export into ``folder`` writes: the 送审案卷包 and the print document."""
        cid = self.ws.resolve(case_ref)
        folder = Path(folder)
        return DossierPaths(folder / f"{cid}-案卷包.zip", folder / f"{cid}-案卷打印.docx")

    def export_dossier(self, case_ref: str, *, zip_to: Path | None = None, print_to: Path | None = None,
                       progress: Progress | None = None) -> DossierExport:
        """The 卷内目录, 备考表 and 封面 first (so both outputs carry them), then the package and/or
        the print document (.docx, and a PDF beside it when LibreOffice is installed). ``notes``
        says in Chinese what could not be done as asked (no LibreOffice: .docx only)."""
        steps = 1 + bool(zip_to) + bool(print_to)
        step = 0

        def tell(msg: str) -> None:
            nonlocal step
            step += 1
            if progress:
                progress(step, steps, msg)

        tell("正在生成卷内目录、备考表和封面……")
        d, rows, warnings = self.finish_dossier(case_ref)
        out = DossierExport(d.case.id, d, rows, warnings)
        if zip_to:
            tell(f"正在导出案卷包 {zip_to} ……")
            Path(zip_to).parent.mkdir(parents=True, exist_ok=True)
            out.export = self.export_package(d.case.id, Path(zip_to))
        if print_to:
            tell(f"正在合并打印文档 {print_to} ……")
            Path(print_to).parent.mkdir(parents=True, exist_ok=True)
            out.print = self.print_dossier(d.case.id, Path(print_to))
            if not out.print.get("pdf"):
                out.notes.append("未安装 LibreOffice，未生成 PDF；已生成可打印的 .docx（可用 WPS 或 Word 打开打印）"
                                 if not self.pdf_available() else "LibreOffice 未能转换出 PDF；已生成可打印的 .docx")
        return out
