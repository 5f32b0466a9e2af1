"""What a rule's predicate sees and says: the check context (a case with its
documents, officers, profile, calendar, law library and the day of the check),
the :class:`Hit` a predicate yields, the :class:`Rule` from the pack and the
:class:`Finding` the engine makes of both. Predicates import only this module;
the engine imports the predicates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.store import documents
from casefile.law.days import Calendar
from casefile.errors import CasefileError
from casefile.law.laws import Library
from casefile.model import Case
from casefile.ingest.textio import read_document
from casefile.store.workspace import OfficerRegister, Workspace

if TYPE_CHECKING:
    from casefile.ingest.extract import Extraction

CATEGORIES = ("authority", "facts", "evidence", "legal_basis", "discretion", "procedure", "referral", "documents")
CATEGORY_NAMES = {
    "authority": "执法主体、职权与人员资格", "facts": "事实", "evidence": "证据", "legal_basis": "法律依据",
    "discretion": "裁量", "procedure": "程序", "referral": "涉嫌犯罪移送", "documents": "文书完备规范",
}
SEVERITIES = ("veto", "major", "minor")
SEVERITY_NAMES = {"veto": "否决", "major": "重大", "minor": "一般"}
MODES = ("self", "review", "evaluate")


@dataclass
class Hit:
    """What a predicate found: the reason, and what it rests on."""

    detail: str
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    unverifiable: bool = False  # a fact could not be established: "无法核实…"
    fields: dict[str, Any] = field(default_factory=dict)  # named values the rule's message may use


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    predicate: str
    message: str
    basis: str
    params: dict[str, Any] = field(default_factory=dict)
    case_types: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    min_state: str = ""  # the rule applies once the case has reached this state
    unverifiable_severity: str = "minor"
    pack: str = "行政处罚"  # the case type whose rule pack holds the rule
    pack_file: str = ""  # the pack's file name without .toml: what a case-type declaration's ``pack`` names
    check_abridged: bool = False  # also run on a 公示摘要 (only what it cites can be checked there)


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    basis: str
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "category": self.category, "severity": self.severity, "message": self.message,
                "basis": self.basis, "documents": self.documents, "evidence": self.evidence}


@dataclass
class CheckContext:
    case: Case
    case_dir: Path
    officers: OfficerRegister
    profile: dict[str, Any]
    calendar: Calendar
    library: Library
    today: dt.date
    register: documents.Register
    workspace: Workspace | None = None
    _extractions: dict[str, Extraction] = field(default_factory=dict)

    def extraction(self, rec: documents.DocRecord) -> Extraction | None:
        if rec.file not in self._extractions:
            try:
                from casefile.ingest.extraction_cache import cached_extraction  # loaded only when a check reads documents

                self._extractions[rec.file] = cached_extraction(self.case_dir, rec)
            except CasefileError:  # an unreadable document is the documents rule's business
                return None
        return self._extractions.get(rec.file)

    def docs_of(self, *types: str) -> list[documents.DocRecord]:
        return [d for d in self.register.documents if d.doc_type in types]

    def text_of(self, rec: documents.DocRecord) -> str:
        cached = documents.read_cache(self.case_dir, rec.sha256, "compact")
        if cached is not None:
            return cached
        try:
            from casefile.ingest.extract.normalize import compact  # the extract package: only when a text is read

            text = compact(read_document(self.case_dir / rec.file).text).text
        except CasefileError:  # unreadable: treated as empty text (documents_readable says why)
            text = ""
        documents.write_cache(self.case_dir, rec.sha256, text, "compact")
        return text
