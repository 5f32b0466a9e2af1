"""What an import carries from step to step (``ImportRun``, one ``Item`` per file) and what it reports
(``ImportResult``, a ``DocResult`` per file, an error entry naming the file and what is wrong with it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from casefile.errors import CasefileError
from casefile.ingest.limits import disk_full_message, is_disk_full
from casefile.store.fsutil import sha256_bytes

if TYPE_CHECKING:
    from casefile.ingest.case_typing import Typing
    from casefile.ingest.extract import Extraction, Reading
    from casefile.ingest.import_records import ImportRecord
    from casefile.ingest.textio import ExtractedText
    from casefile.model import Case
    from casefile.store.workspace import Workspace

Progress = Callable[[int, int, str], None]
BIG_FILE = 1 << 20  # a file over 1 MiB reports its progress within (bytes)
FACTS_TEXT_LIMIT = 2_000_000  # characters of one document read for the dossier's facts


@dataclass
class DocResult:
    file: str
    doc_type: str = "unknown"
    confidence: float = 0.0
    pages: int = 0
    status: str = "已导入"
    stored_as: str = ""
    needs_ocr: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR
    ocr_confidence: dict[int, float] = field(default_factory=dict)  # page -> mean recognition score

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "doc_type": self.doc_type, "confidence": round(self.confidence, 2), "pages": self.pages,
                "status": self.status, "stored_as": self.stored_as, "needs_ocr": self.needs_ocr,
                "ocr_pages": self.ocr_pages, "ocr_confidence": {str(k): v for k, v in self.ocr_confidence.items()}}


@dataclass
class ImportResult:
    case: str
    documents: list[DocResult] = field(default_factory=list)
    facts_filled: list[str] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    created: bool = False
    resumed: bool = False  # continued an import that was interrupted
    skipped: list[dict[str, str]] = field(default_factory=list)  # passed over on purpose: {file, reason}
    flagged: list[dict[str, str]] = field(default_factory=list)  # imported, but the text points at another case
    import_id: str = ""  # the record of what this import added (casefile.ingest.import_records), for undo
    already: str = ""  # the finished import of the same sources this run repeated (nothing new: nothing written)
    case_type: dict[str, Any] = field(default_factory=dict)  # the type the documents show, with the evidence (casefile.ingest.case_typing)
    warnings: list[str] = field(default_factory=list)  # e.g. documents of another case type imported into this case

    @property
    def failed(self) -> int:
        """Files not imported (errors not tied to a file, such as facts not saved, are not counted)."""
        return sum(1 for e in self.errors if e.get("file"))

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "documents": [d.to_dict() for d in self.documents], "facts_filled": self.facts_filled,
                "conflicts": self.conflicts, "errors": self.errors, "created": self.created, "resumed": self.resumed,
                "skipped": self.skipped, "flagged": self.flagged, "import_id": self.import_id, "already": self.already,
                "case_type": self.case_type, "warnings": self.warnings,
                "imported": len(self.documents), "failed": self.failed, "total": len(self.documents) + self.failed}


@dataclass
class Options:
    """How the person asked for the import (casefile.ingest.importer.import_paths says what each does)."""

    progress: Progress | None = None
    include_other_cases: bool = False
    cancelled: Callable[[], bool] | None = None
    case_type: str | None = None
    ask: Callable[[Typing], str | None] | None = None
    fill_decision: bool = True


@dataclass
class Item:
    """One file on its way: its bytes, its text while it is read, what it is and what it says."""

    path: Path
    data: bytes
    doc: ExtractedText | None = None  # the text as read; let go once extracted (a folder of long texts is held at once)
    reading: Reading | None = None  # the text compacted, for classify and extract
    kind: tuple[str, float] = ("unknown", 0.0)  # the catalogue type and the confidence of it
    x: Extraction | None = None
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidence: dict[int, float] = field(default_factory=dict)
    ocr_missing: bool = False
    ocr_text: list[str] | None = None  # OCR takes seconds a page: its text is kept for the caches the index and checks read
    text_pages: list[str] = field(default_factory=list)  # the pages the dossier's facts are read from

    @property
    def sha256(self) -> str:
        return sha256_bytes(self.data)

    def keep_what_storing_needs(self) -> None:
        """Keep the page count, the OCR details and the pages the facts need; let the text go."""
        doc = self.doc
        assert doc is not None
        self.pages, self.ocr_pages, self.ocr_confidence = len(doc.pages), list(doc.ocr_pages), dict(doc.ocr_confidence)
        self.ocr_missing = doc.ocr_missing
        self.ocr_text = list(doc.pages) if doc.ocr_pages else None
        # a text too long for the dossier's facts (a 2,000-page PDF) contributes its extraction only
        self.text_pages = list(doc.pages) if sum(map(len, doc.pages)) <= FACTS_TEXT_LIMIT else []
        self.doc = self.reading = None


@dataclass
class ImportRun:
    """The state of one import as the steps pass it on."""

    ws: Workspace
    paths: list[Path]
    case_ref: str | None = None  # the case named, or found (an interrupted or finished import of the same sources)
    options: Options = field(default_factory=Options)
    result: ImportResult = field(default_factory=lambda: ImportResult(case=""))
    files: list[Path] = field(default_factory=list)  # what the paths name, in order
    items: list[Item] = field(default_factory=list)  # read and extracted, to be stored
    sources: list[str] = field(default_factory=list)  # what identifies the import (casefile.ingest.resume)
    started: str = ""
    case: Case | None = None
    case_dir: Path = Path()
    record: ImportRecord | None = None
    stored_before: dict[str, str] = field(default_factory=dict)  # {sha256: file} stored by an interrupted run
    stored: list[Item] = field(default_factory=list)  # in the case now, for the facts
    stopped: bool = False  # the disk filled up: the import is incomplete and says so until run again
    done: bool = False  # nothing more to do: the steps after stop

    def tell(self, n: int) -> None:
        """Progress: the file ``n`` (0-based) is being read."""
        if self.options.progress:
            self.options.progress(n + 1, len(self.files), self.files[n].name)

    def within(self, n: int, item: Item) -> Callable[[int, int], None] | None:
        """Progress inside one long file (a 20 MB text reads for minutes): the same line, with how far."""
        progress, name = self.options.progress, item.path.name
        if progress is None or len(item.data) <= BIG_FILE:
            return None
        return lambda done, total: progress(n + 1, len(self.files), f"{name}（已读 {done * 100 // max(total, 1)}%）")


def failure(f: Path, e: BaseException) -> dict[str, str]:
    """An error entry naming the file and what is wrong with it, in Chinese."""
    if isinstance(e, CasefileError):
        msg = str(e)
    elif is_disk_full(e):
        msg = f"{f.name}：{disk_full_message(f.name)}"
    elif isinstance(e, OSError):
        msg = f"{f.name}：无法读取或写入（{e.strerror or e}）"
    elif isinstance(e, MemoryError):
        msg = f"{f.name}：内容过大，内存不足，未导入"
    else:  # a defect of casefile, reported for this file only: the others still import
        msg = f"{f.name}：处理时出错（{type(e).__name__}：{str(e)[:200]}），未导入；这是 casefile 的缺陷，请报告"
    return {"file": str(f), "error": msg}
