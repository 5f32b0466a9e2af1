"""The Textual app: a thin client over the same functions the CLI calls.

Slow work (spaCy/jieba loading, checking, indexing, import) runs in thread
workers and posts back, so input never blocks. Every binding has an id and a
Chinese description; the command palette offers the current screen's actions.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from textual.app import App
from textual.binding import Binding
from textual.command import Hit, Hits, Provider

from tui.application import Clock, Session
from tui.textual_app.screens.cases import CaseListScreen
from tui.textual_app.screens.common import HelpScreen
from tui.textual_app.screens.search import SearchScreen


class ScreenActions(Provider):
    """The command palette lists the current screen's bindings as actions."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        screen = self.app.screen
        for b in list(getattr(screen, "BINDINGS", [])) + list(self.app.BINDINGS):
            if not isinstance(b, Binding) or not b.description:
                continue
            score = matcher.match(b.description)
            if score > 0:
                yield Hit(score, matcher.highlight(b.description), partial(self._run, screen, b.action), help=f"按键：{b.key}")

    async def _run(self, screen, action: str) -> None:
        await screen.run_action(action) if hasattr(screen, f"action_{action.split('(')[0]}") else await self.app.run_action(action)


class CasefileApp(App):
    TITLE = "casefile 执法案卷"
    CSS_PATH = "casefile.tcss"
    COMMANDS = App.COMMANDS | {ScreenActions}
    BINDINGS = [
        Binding("q", "quit", "退出", id="quit"),
        Binding("question_mark", "help", "帮助", id="help"),
        Binding("slash", "search", "检索", id="search"),
        Binding("ctrl+t", "toggle_theme", "深浅色", id="theme"),
    ]

    def __init__(self, session, today: dt.date | None = None):
        """``session``: a :class:`Session` (or a workspace, wrapped in one with the clock of
        ``today`` / CASEFILE_TODAY / the system date)."""
        super().__init__()
        if not isinstance(session, Session):
            session = Session(session, Clock(today))
        elif today:
            session.clock = Clock(today)
        self.session = session
        self.sub_title = f"{session.profile.name}　{self.today.isoformat()}"

    @property
    def today(self) -> dt.date:
        return self.session.today

    def on_mount(self) -> None:
        self.push_screen(CaseListScreen())

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"


def run(session: Session) -> None:
    CasefileApp(session).run()
