"""A session: one workspace and one clock, offering the operations a person
performs. The click commands and the Textual screens call only this (and the
model and error types), so the two front ends cannot drift apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casefile import demo
from casefile.workspace import AgencyProfile, Workspace

from tui.application.cases import CaseOps
from tui.application.clock import Clock
from tui.application.documents import DocumentOps
from tui.application.entries import EntryOps
from tui.application.imports import ImportOps
from tui.application.inspections import InspectionOps
from tui.application.office import OfficeOps
from tui.application.records import RecordOps
from tui.application.review import ReviewOps
from tui.application.search import SearchOps


class Session(CaseOps, DocumentOps, ReviewOps, SearchOps, RecordOps, InspectionOps,
              EntryOps, OfficeOps, ImportOps):
    def __init__(self, workspace: Workspace, clock: Clock | None = None):
        self.ws = workspace
        self.clock = clock or Clock()

    @classmethod
    def open(cls, root: Path | str | None = None, today: dt.date | str | None = None) -> "Session":
        """The workspace at ``root`` (else CASEFILE_HOME or the per-user default)."""
        return cls(Workspace.open(root), Clock(today))

    @classmethod
    def init(cls, root: Path | str | None, *, name: str, short_name: str = "", region: str = "", sector: str = "",
             rules_profile: str = "national", today: dt.date | str | None = None) -> "Session":
        profile = AgencyProfile(name=name, short_name=short_name, region=region, sector=sector, rules_profile=rules_profile)
        return cls(Workspace.init(root, profile), Clock(today))

    @classmethod
    def demo(cls, root: Path | str | None, *, force: bool = False, today: dt.date | str | None = None) -> "Session":
        """A demonstration workspace with cases at different stages, dated relative to the clock's today."""
        clock = Clock(today)
        return cls(demo.build_demo(root, force=force, today=clock.today()), clock)

    @property
    def today(self) -> dt.date:
        return self.clock.today()

    @property
    def root(self) -> Path:
        return self.ws.root

    @property
    def profile(self) -> AgencyProfile:
        return self.ws.profile
