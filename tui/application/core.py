"""What every service of a session holds: the workspace, the one clock and the acting user's
access. A service reaches the others it calls through its own named attributes, given to it when
the session builds it, never through the session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from casefile.store.workspace import Workspace
from tui.application.access import Access
from tui.application.clock import Clock


class Core:
    def __init__(self, workspace: Workspace, clock: Clock):
        self.ws = workspace
        self.clock = clock
        self.access = Access(workspace)  # the acting user: every writing operation is checked against their roles

    @property
    def today(self) -> dt.date:
        return self.clock.today()


class Service:
    """A group of operations over the core."""

    def __init__(self, core: Core):
        self.core = core

    @property
    def ws(self) -> Workspace:
        return self.core.ws

    @property
    def today(self) -> dt.date:
        return self.core.today

    @property
    def access(self) -> Access:
        return self.core.access


@dataclass
class Result:
    """A typed answer of a service. Its JSON (the CLI's ``--json``, a contract scripts rely on) is its
    fields in the order declared: they keep the names and the order of the keys they replace."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
