"""A session: one workspace and one clock, offering the operations a person performs as
services — ``session.cases``, ``session.documents``, ``session.review``, ``session.search`` … —
each holding the shared core (workspace, clock, the acting user's access) and the other services
it calls, named. The click commands and the Textual screens call only this (and the model and
error types), so the two front ends cannot drift apart. A service is built on first use, so a
command pays only for the ones it calls."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

from casefile.store.users import register_first_admin
from casefile.store.workspace import AgencyProfile, Workspace

from tui.application.access import Access
from tui.application.approvals import Approvals
from tui.application.cases import Cases
from tui.application.clock import Clock
from tui.application.core import Core
from tui.application.documents import Documents
from tui.application.entries import Entries
from tui.application.evaluate import Evaluations
from tui.application.imports import Imports
from tui.application.inspections import Inspections
from tui.application.records import Records
from tui.application.review import Review
from tui.application.search import Search
from tui.application.users import Users


class Session:
    def __init__(self, workspace: Workspace, clock: Clock | None = None):
        self.core = Core(workspace, clock or Clock())

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
            s.search.ensure_index()
        return s

    # -- the core ------------------------------------------------------------------------------
    @property
    def ws(self) -> Workspace:
        return self.core.ws

    @property
    def clock(self) -> Clock:
        return self.core.clock

    @property
    def today(self) -> dt.date:
        return self.core.today

    @property
    def root(self) -> Path:
        return self.core.ws.root

    @property
    def profile(self) -> AgencyProfile:
        return self.core.ws.profile

    @property
    def access(self) -> Access:
        """The acting user and what they may do."""
        return self.core.access

    # -- the services, each with the ones it calls ----------------------------------------------
    @cached_property
    def search(self) -> Search:
        return Search(self.core)

    @cached_property
    def cases(self) -> Cases:
        return Cases(self.core, search=self.search)

    @cached_property
    def entries(self) -> Entries:
        return Entries(self.core, cases=self.cases)

    @cached_property
    def documents(self) -> Documents:
        return Documents(self.core, search=self.search)

    @cached_property
    def review(self) -> Review:
        return Review(self.core, search=self.search, entries=self.entries)

    @cached_property
    def records(self) -> Records:
        return Records(self.core, search=self.search)

    @cached_property
    def imports(self) -> Imports:
        return Imports(self.core, search=self.search)

    @cached_property
    def approvals(self) -> Approvals:
        return Approvals(self.core, cases=self.cases, entries=self.entries, documents=self.documents, review=self.review)

    @cached_property
    def inspections(self) -> Inspections:
        return Inspections(self.core)

    @cached_property
    def evaluation(self) -> Evaluations:
        return Evaluations(self.core)

    @cached_property
    def users(self) -> Users:
        return Users(self.core)
