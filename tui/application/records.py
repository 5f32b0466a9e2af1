"""Records kept beside the cases: the journal, publicity (deadlines, the public
version, publishing and withdrawal), annual statistics and the law library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.chain import anchor, heads, journal, seal

from casefile.store import catalog, privacy

from casefile.output import registers
from casefile.errors import IntegrityError
from casefile.output import stats as annual_stats
from casefile.law.laws import Library, import_library
from casefile.model import ActKind
from casefile.output.publicity import Due, export_public, record
from tui.application.access import guarded
from tui.application.core import Result
from tui.application.search import Indexed



@dataclass
class JournalCheck(Result):
    """Breaks per case (none: intact), each checked case's count of journal entries, whether its head
    was recorded, the seal checked against, and entries written before the facts were anchored."""

    results: dict[str, list[dict[str, Any]]]
    entries: dict[str, int]
    head_recorded: dict[str, bool]
    sealed: dict[str, Any] | None
    unanchored: dict[str, int]

    @property
    def breaks(self) -> dict[str, list[dict[str, Any]]]:
        return {cid: b for cid, b in self.results.items() if b}

    def verdict(self) -> dict[str, Any]:
        """What ``casefile journal verify --json`` prints."""
        out = {"cases": len(self.results), "ok": not self.breaks, "breaks": self.breaks, "unanchored": self.unanchored}
        if self.sealed:
            out["against"] = {"digest": self.sealed["digest"], "sealed": self.sealed["sealed"]}
        return out


@dataclass
class OutsideChange(Result):
    """A change of case.toml made outside casefile, accepted into the journal as entry ``seq``."""

    case: str
    seq: int
    fields: list[str]
    accepts: Any
    reason: str


@dataclass
class LawLookup(Result):
    name: str
    found: str | None
    status: str
    message: str
    versions: list[str]


@dataclass
class PublicityAct(Result):
    """A 公示 or its 撤回 recorded on a case (``act``), on ``date`` (ISO), with its platform or reason."""

    case: str
    act: str
    date: str
    note: str


class Records(Indexed):
    # -- journal ----------------------------------------------------------------------------
    def journal(self, case_ref: str) -> list[dict[str, Any]]:
        return journal.read(self.ws.cases_dir / self.ws.resolve(case_ref))

    def verify_journals(self, case_ref: str | None = None, against: str | None = None) -> JournalCheck:
        """Breaks per case — the hash chain, the heads recorded outside the journal (case.toml and the
        workspace ledger: a cut, emptied or deleted journal or case) and the documents' hashes — for one
        case, all cases (missing ones included), or against a seal handed out before (``against``:
        its file, its JSON or its digest). ``entries`` counts each case's journal; ``head_recorded``
        is False for a case made before heads were recorded."""
        sealed = None
        if against:
            sealed = seal.load_seal(self.ws, against)
            results = seal.verify_against(self.ws, sealed)
            if case_ref:
                cid = case_ref if case_ref in results else self.ws.resolve(case_ref)
                results = {cid: results.get(cid, [{"line": 0, "seq": None, "message": f"封存摘要中没有案件 {cid}"}])}
        else:
            results = seal.verify_workspace(self.ws, [self.ws.resolve(case_ref)] if case_ref else None)
        read = {cid: journal.read(self.ws.cases_dir / cid) for cid, b in results.items() if not b}
        entries = {cid: len(e) for cid, e in read.items()}
        recorded = {cid: heads.read_case_head(self.ws.cases_dir / cid) is not None for cid in entries}
        # entries written before the facts were anchored (an old workspace): 未锚定 until then
        unanchored = {cid: anchor.unanchored_until(e) for cid, e in read.items() if anchor.unanchored_until(e)}
        return JournalCheck(results, entries, recorded, sealed, unanchored)

    @guarded("accept_outside_change", "ref")
    def accept_outside_change(self, case_ref: str, reason: str) -> OutsideChange:
        """Journal a deliberate change of case.toml made outside casefile, with its reason."""
        cid = self.ws.resolve(case_ref)
        entry = self.ws.accept_outside_change(cid, reason)
        self.search.reindex(cid, refresh=True)
        ch = entry["changes"]
        return OutsideChange(cid, entry["seq"], ch["fields"], ch["accepts"], ch["reason"])

    def exposed_files(self) -> list[str]:
        """Workspace files and folders readable by more people than workspace.toml's file_access allows."""
        return privacy.exposed(self.ws.root, self.ws.profile.file_access)

    @guarded("seal")
    def seal_journals(self, case_ref: str | None = None) -> dict[str, Any]:
        """A dated digest of the journals' heads to hand to the 法制机构 (refused while a journal is broken)."""
        ids = [self.ws.resolve(case_ref)] if case_ref else None
        bad = {cid: b for cid, b in seal.verify_workspace(self.ws, ids).items() if b}
        if bad:
            first = next(iter(bad))
            raise IntegrityError(f"案件 {first} 的记录未通过校验，不能封存：{bad[first][0]['message']}",
                                 details=["先用 casefile journal verify --all 查明原因"])
        return seal.make_seal(self.ws, ids)

    @staticmethod
    def seal_text(sealed: dict[str, Any]) -> str:
        return seal.seal_text(sealed)

    def unreadable_cases(self) -> list[tuple[str, str]]:
        """Cases whose case.toml cannot be read (left out of lists and counts, and named)."""
        return catalog.broken_cases(self.ws)

    # -- publicity --------------------------------------------------------------------------
    def publicity_due(self) -> list[Due]:
        """Decisions to publish or withdraw, then the 事前公开 registers that changed since written."""
        return catalog.publicity_due(self.ws, self.today) + registers.due(self.ws, self.today)

    @guarded("publish", "ref")
    def export_public(self, case_ref: str, out_dir: Path) -> dict[str, Any]:
        return export_public(self.ws, case_ref, Path(out_dir), self.today)

    @guarded("publish", "ref")
    def publish(self, case_ref: str, day: dt.date | None = None, where: str = "") -> PublicityAct:
        return self._record(case_ref, ActKind.PUBLICATION, day, where)

    @guarded("publish", "ref")
    def withdraw(self, case_ref: str, reason: str, day: dt.date | None = None) -> PublicityAct:
        return self._record(case_ref, ActKind.WITHDRAWAL, day, reason)

    def _record(self, case_ref: str, kind: ActKind, day: dt.date | None, note: str) -> PublicityAct:
        result = PublicityAct(**record(self.ws, case_ref, kind, day or self.today, note))
        self.search.reindex(result.case, refresh=True)
        return result

    # -- statistics -------------------------------------------------------------------------
    def annual_stats(self, year: int) -> dict[str, Any]:
        """From the derived catalogue (one row per case, refreshed when a folder changed); cases whose
        files cannot be read are left out of every count and named."""
        s = catalog.annual_stats(self.ws, year)
        s["unreadable"] = [{"case": cid, "error": e} for cid, e in catalog.broken_cases(self.ws)]
        return s

    @staticmethod
    def stats_rows(s: dict[str, Any]) -> list[tuple[str, object]]:
        return annual_stats.rows(s)

    def export_stats(self, s: dict[str, Any], fmt: str) -> bytes:
        """The statistics as a file: ``csv`` or ``docx``."""
        if fmt == "csv":
            return annual_stats.to_csv(s)
        if fmt == "docx":
            return annual_stats.to_docx(s, self.ws.profile.name)
        raise ValueError(f"unknown statistics format {fmt!r}")

    # -- the law library ---------------------------------------------------------------------
    @guarded("manage_users")
    def import_laws(self, directory: Path) -> dict[str, Any]:
        return import_library(self.ws.root, Path(directory), imported_on=self.today)

    def law(self, name: str, article: int | None = None) -> LawLookup:
        lib = Library.for_workspace(self.ws.root)
        look = lib.check(name, article)
        found = lib.find(name)
        return LawLookup(name, found, look.status, look.message, [v["version"] for v in lib.laws.get(found or "", [])])
