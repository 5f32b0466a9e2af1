"""The foreign check: a document whose text carries a 文号 or names a party of another case of the
workspace is not merged silently — only on that evidence, never on a guess (``ForeignCheck``, which the
preview of an import asks too). Into an existing case such a document is skipped with the evidence,
unless the person chose to import it anyway; a new case is made of the folder as it is, each such
document named (the same dossier imported twice shows here)."""

from __future__ import annotations

import tomllib
from typing import Any

from casefile.errors import CasefileError
from casefile.ingest.extract import DECISION_TYPES
from casefile.ingest.steps.state import ImportRun
from casefile.store import documents
from casefile.store.workspace import CASE_FILE, Workspace


def foreign_check(run: ImportRun) -> None:
    check = ForeignCheck(run.ws, run.ws.resolve(run.case_ref) if run.case_ref else None)
    kept = []
    for item in run.items:
        other, reason = check.check(item.x, "\n".join(item.text_pages))
        name = item.path.name
        if other and run.case_ref and not run.options.include_other_cases:  # evidence of a case of this workspace
            run.result.skipped.append({"file": str(item.path), "reason": f"{name}：{reason}，未导入（确属本案时可选择仍然导入）",
                                       "other_case": other})
            continue
        if other:
            run.result.flagged.append({"file": str(item.path), "reason": f"{name}：{reason}", "other_case": other})
        kept.append(item)
    run.items = kept


# a party name shorter than this is not evidence on its own: 张伟 is in many texts, 清溪县百味源食品有限公司 in few
MIN_PARTY_NAME = 5


def _others(ws: Workspace, target: str | None) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """For every case of the workspace but ``target``: {文号: (case id, what it numbers)} — the case's own
    number and the numbers of the documents registered in it — and {party name: case id}."""
    numbers: dict[str, tuple[str, str]] = {}
    parties: dict[str, str] = {}
    for cid in ws.case_ids():
        if cid == target:
            continue
        d = ws.cases_dir / cid
        try:
            with open(d / CASE_FILE, "rb") as f:
                data = tomllib.load(f)
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
            data = {}
        if data.get("number") and _distinctive(data["number"]):
            numbers.setdefault(data["number"], (cid, "案件文号"))
        for p in data.get("parties") or []:
            name = (p.get("name") or "").strip() if isinstance(p, dict) else ""
            if len(name) >= MIN_PARTY_NAME:
                parties.setdefault(name, cid)
        try:
            reg = documents.load_register(d)
        except CasefileError:
            continue
        for rec in reg.documents:
            if rec.number and _distinctive(rec.number):
                numbers.setdefault(rec.number, (cid, f"《{rec.title or rec.name}》的文号"))
    return numbers, parties


def _distinctive(number: str) -> bool:
    """A 文号 with its agency's prefix (清市监罚〔2026〕26号): a bare 〔2026〕15号 is shared by every
    series of an agency's documents and proves nothing about which case a document is of."""
    head = number.split("〔", 1)[0].split("[", 1)[0].split("［", 1)[0].strip()
    return bool(head) and ("〔" in number or "[" in number or "［" in number)


class ForeignCheck:
    """Tells, from a document's extraction and text, whether it shows it belongs to another case."""

    def __init__(self, ws: Workspace, target: str | None):
        self.target = target
        self.elsewhere, self.parties = _others(ws, target)
        self.target_number = ""
        self.target_parties: list[str] = []
        if target:
            try:
                case = ws.load_case(target)
            except CasefileError:
                case = None
            if case is not None:
                self.target_number = case.number
                self.target_parties = [p.name for p in case.parties if p.name]

    def check(self, x: Any, text: str = "") -> tuple[str, str]:
        """(other case id or '', reason in Chinese or '') for an :class:`~casefile.ingest.extract.Extraction` and
        the document's text. The case id is given only on evidence of a case of this workspace."""
        own = x.fields.get("doc_no") or ""
        if own and own in self.elsewhere:
            cid, what = self.elsewhere[own]
            return cid, f"本文书的文号 {own} 是本工作区案件 {cid} 的{what}，疑属该案件"
        for e in x.of("DOC_NO"):
            if e.value and e.value != own and e.value in self.elsewhere:
                cid, what = self.elsewhere[e.value]
                return cid, f"文中第{e.page}页出现的文号 {e.value} 是本工作区案件 {cid} 的{what}，疑属该案件"
        if text and self.target_parties and not any(n in text for n in self.target_parties):
            # another case's party named in the text, this case's party nowhere in it (a party may have
            # several cases, so into a new case, whose party is not known yet, this is no evidence)
            for name, cid in self.parties.items():
                if name in text:
                    return cid, f"文中出现本工作区案件 {cid} 的当事人 {name}，没有本案当事人 {self.target_parties[0]}，疑属该案件"
        if own and self.target_number and x.doc_type in DECISION_TYPES and own != self.target_number:
            return "", f"决定书文号 {own} 与本案文号 {self.target_number} 不同，疑属其他案件"
        return "", ""
