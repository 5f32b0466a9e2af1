"""Records kept beside the cases: the journal, publicity (deadlines, the public
version, publishing and withdrawal), annual statistics and the law library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from casefile import catalog, journal, registers
from casefile import stats as annual_stats
from casefile.laws import Library, import_library
from casefile.model import ActKind
from casefile.publicity import Due, due_list, export_public, record


class RecordOps:
    # -- journal ----------------------------------------------------------------------------
    def journal(self, case_ref: str) -> list[dict[str, Any]]:
        return journal.read(self.ws.cases_dir / self.ws.resolve(case_ref))

    def verify_journals(self, case_ref: str | None = None) -> dict[str, dict[str, Any]]:
        """Breaks in the hash chain per case (all cases when ``case_ref`` is None), with the
        number of entries; one pass, each journal read once."""
        ids = [self.ws.resolve(case_ref)] if case_ref else self.ws.case_ids()
        out = {}
        for cid in ids:
            entries = journal.read(self.ws.cases_dir / cid)
            out[cid] = {"breaks": [b.to_dict() for b in journal.verify(self.ws.cases_dir / cid, entries)], "entries": len(entries)}
        return out

    # -- publicity --------------------------------------------------------------------------
    def publicity_due(self) -> list[Due]:
        """Decisions to publish or withdraw, then the 事前公开 registers that changed since written."""
        return catalog.publicity_due(self.ws, self.today) + registers.due(self.ws, self.today)

    def export_public(self, case_ref: str, out_dir: Path) -> dict[str, Any]:
        return export_public(self.ws, case_ref, Path(out_dir), self.today)

    def publish(self, case_ref: str, day: dt.date | None = None, where: str = "") -> dict[str, Any]:
        return self._record(case_ref, ActKind.PUBLICATION, day, where)

    def withdraw(self, case_ref: str, reason: str, day: dt.date | None = None) -> dict[str, Any]:
        return self._record(case_ref, ActKind.WITHDRAWAL, day, reason)

    def _record(self, case_ref: str, kind: ActKind, day: dt.date | None, note: str) -> dict[str, Any]:
        result = record(self.ws, case_ref, kind, day or self.today, note)
        self.reindex(result["case"], refresh=True)
        return result

    # -- statistics -------------------------------------------------------------------------
    def annual_stats(self, year: int) -> dict[str, Any]:
        """From the derived catalogue (one row per case, refreshed when a folder changed)."""
        return catalog.annual_stats(self.ws, year)

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
    def import_laws(self, directory: Path) -> dict[str, Any]:
        return import_library(self.ws.root, Path(directory), imported_on=self.today)

    def law(self, name: str, article: int | None = None) -> dict[str, Any]:
        lib = Library.for_workspace(self.ws.root)
        look = lib.check(name, article)
        found = lib.find(name)
        return {"name": name, "found": found, "status": look.status, "message": look.message,
                "versions": [v["version"] for v in lib.laws.get(found or "", [])]}
