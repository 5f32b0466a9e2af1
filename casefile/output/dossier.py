"""Dossier assembly (组卷): which documents this case requires by now, which are
present, in binding order with volume, and which contradict the case.

When a type is required or allowed is decided in ``casefile.law.requirements``; page
counts, the 卷内目录 and the combined print are in ``casefile.output.binding``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casefile.store import documents
from casefile.model import Case
from casefile.law.requirements import contradictions, required_documents
from casefile.store.workspace import Workspace
from doc_templates.catalogue import DocType, load_catalogue


@dataclass
class Entry:
    doc_type: DocType | None
    required: bool
    reason: str
    files: list[documents.DocRecord] = field(default_factory=list)
    satisfied_by: str = ""  # another type that stands in for it

    @property
    def status(self) -> str:
        if self.files:
            return "已有"
        if self.satisfied_by:
            return f"已由{self.satisfied_by}涵盖"
        return "缺失" if self.required else "可选"

    def to_dict(self) -> dict[str, Any]:
        t = self.doc_type
        return {
            "doc_type": t.code if t else "unknown",
            "name": t.name if t else "未识别文书",
            "volume": t.volume if t else "",
            "order": t.order if t else 10_000,
            "required": self.required,
            "reason": self.reason,
            "status": self.status,
            "files": [f.file for f in self.files],
        }


@dataclass
class Dossier:
    case: Case
    entries: list[Entry]
    problems: list[str] = field(default_factory=list)  # documents that contradict the case or each other

    @property
    def gaps(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "缺失"]

    @property
    def complete(self) -> bool:
        return not self.gaps and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case.id,
            "number": self.case.number,
            "procedure": self.case.procedure.value,
            "state": self.case.state.value,
            "entries": [e.to_dict() for e in self.entries],
            "gaps": [e.to_dict()["name"] for e in self.gaps],
            "problems": list(self.problems),
            "complete": self.complete,
        }


def assemble(ws: Workspace, case_ref: str) -> Dossier:
    case = ws.load_case(case_ref)
    cat = load_catalogue()
    reg = documents.load_register(ws.cases_dir / case.id)
    required = {t.code: why for t, why in required_documents(ws, case, cat)}
    entries = []
    for t in cat.types:
        files = reg.of_type(t.code)
        if t.code not in required and not files:
            continue
        e = Entry(t, t.code in required, required.get(t.code, ""), files)
        alt = t.required.alternative if t.required else ""
        if not files and alt and reg.of_type(alt):
            other = cat.get(alt)
            e.satisfied_by = f"《{other.name if other else alt}》"
        entries.append(e)
    unknown = [d for d in reg.documents if cat.get(d.doc_type) is None]
    if unknown:
        entries.append(Entry(None, False, "", unknown))
    present = [d.doc_type for d in reg.documents]
    return Dossier(case, entries, contradictions(ws, case, present, cat))
