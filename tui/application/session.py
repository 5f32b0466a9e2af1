"""A session: one workspace and one clock, offering the operations a person
performs. The click commands and the Textual screens call only this (and the
model and error types), so the two front ends cannot drift apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casefile.store.users import register_first_admin
from casefile.store.workspace import AgencyProfile, Workspace

from tui.application.access import AccessOps, guard_operations
from tui.application.approvals import ApprovalOps
from tui.application.cases import CaseOps
from tui.application.clock import Clock
from tui.application.documents import DocumentOps
from tui.application.entries import EntryOps
from tui.application.evaluate import EvaluationOps
from tui.application.imports import ImportOps
from tui.application.inspections import InspectionOps
from tui.application.office import OfficeOps
from tui.application.records import RecordOps
from tui.application.review import ReviewOps
from tui.application.search import SearchOps
from tui.application.users import UserOps


@guard_operations
class Session(CaseOps, DocumentOps, ReviewOps, SearchOps, RecordOps, InspectionOps,
              EntryOps, OfficeOps, ImportOps, EvaluationOps, ApprovalOps, UserOps, AccessOps):
    def __init__(self, workspace: Workspace, clock: Clock | None = None):
        self.ws = workspace
        self.clock = clock or Clock()
        self._init_access()  # the acting user: every writing operation is checked against their roles

    @classmethod
    def open(cls, root: Path | str | None = None, today: dt.date | str | None = None) -> "Session":
        """The workspace at ``root`` (else CASEFILE_HOME or the per-user default)."""
        return cls(Workspace.open(root), Clock(today))

    @classmethod
    def init(cls, root: Path | str | None, *, name: str, short_name: str = "", region: str = "", sector: str = "",
             rules_profile: str = "national", today: dt.date | str | None = None) -> "Session":
        profile = AgencyProfile(name=name, short_name=short_name, region=region, sector=sector, rules_profile=rules_profile)
        ws = Workspace.init(root, profile)
        register_first_admin(ws.root)  # so the new workspace is usable: its 管理员 registers the others
        return cls(ws, Clock(today))

    @classmethod
    def demo(cls, root: Path | str | None, *, force: bool = False, today: dt.date | str | None = None,
             with_index: bool = False) -> "Session":
        """A demonstration workspace with cases at different stages, dated relative to the clock's today;
        ``with_index`` builds its search index too (``casefile demo`` does, so the auditor's first search
        does not wait for it)."""
        from casefile.output import demo  # lays out and binds documents (python-docx): loaded only for a demo

        clock = Clock(today)
        s = cls(demo.build_demo(root, force=force, today=clock.today()), clock)
        if with_index:
            s.ensure_index()
        return s

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    @property
    def root(self) -> Path:
        return self.ws.root

    @property
    def profile(self) -> AgencyProfile:
        return self.ws.profile
