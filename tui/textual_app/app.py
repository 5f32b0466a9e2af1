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
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from tui.application import Clock, Session
from tui.application import CONTROL_TABLE
from tui.textual_app.screens.cases import CaseListScreen
from tui.textual_app.screens.people import MyWorkScreen, opens_on_work
from tui.textual_app.screens.common import HelpScreen, key_label, screen_bindings
from tui.textual_app.screens.search import SearchScreen


class ScreenActions(Provider):
    """The command palette lists the actions of the screen it was opened over (``self.screen``,
    not ``app.screen``, which is the palette itself) and the app's, by their Chinese descriptions."""

    def _actions(self):
        screen = self.screen
        for node, b in screen_bindings(screen):
            if b.action == "command_palette":
                continue
            yield node, b

    async def discover(self) -> Hits:
        for node, b in self._actions():
            yield DiscoveryHit(b.description, partial(node.run_action, b.action), help=f"按键：{key_label(b)}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for node, b in self._actions():
            score = max(matcher.match(b.description), matcher.match(key_label(b)))
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(b.description), partial(node.run_action, b.action),
                          text=b.description, help=f"按键：{key_label(b)}")
        if not found and query.strip():
            # said in Chinese here, before the palette's own (English) "no matches" line
            yield Hit(0.001, f"没有与“{query}”相符的操作（按 ? 查看本屏按键）", lambda: None, text="")


class ChinesePalette(CommandPalette):
    """The command palette with a Chinese prompt."""

    def __init__(self):
        super().__init__(placeholder="输入操作名称，如：审核、生成、新建……", id="--command-palette")


class CasefileApp(App):
    TITLE = "casefile 执法案卷"
    CSS_PATH = "casefile.tcss"
    # only the screen's and the app's own actions: Textual's built-in commands are in English
    COMMANDS = {ScreenActions}
    # The footer keeps one key docked at its right end, never cut however many keys a screen has;
    # Textual reserves it for the palette's key, we give it to `?` (help lists every key, the palette too).
    COMMAND_PALETTE_BINDING = "question_mark"
    BINDINGS = [
        Binding("q", "quit", "退出", id="quit"),
        Binding("question_mark", "help", "帮助", id="help", key_display="?", show=False),
        Binding("slash", "search", "检索", id="search", key_display="/"),
        Binding("ctrl+t", "toggle_theme", "深浅色", id="theme", show=False),
        # our own palette binding, so the footer says 命令 rather than Textual's "palette"
        Binding("ctrl+p", "command_palette", "命令面板", id="palette", show=False, priority=True),
    ]

    def __init__(self, session, today: dt.date | None = None):
        """``session``: a :class:`Session` (or a workspace, wrapped in one with the clock of
        ``today`` / CASEFILE_TODAY / the system date)."""
        super().__init__()
        if not isinstance(session, Session):
            session = Session(session, Clock(today))
        elif today:
            session.core.clock = Clock(today)
        self.session = session
        self.sub_title = f"{session.profile.name}　{self.today.isoformat()}"

    @property
    def today(self) -> dt.date:
        return self.session.today

    def on_mount(self) -> None:
        self.push_screen(CaseListScreen())
        if opens_on_work(self.session):  # a handler, reviewer or head starts on what waits for them
            self.push_screen(MyWorkScreen())

    def get_key_display(self, binding: Binding) -> str:
        return key_label(binding)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(ChinesePalette())

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme != "textual-light" else "textual-dark"


def _clean_control_codes() -> None:
    """Rich and Textual strip a few control codes (BEL, BS, CR …) from the text they show, but
    not ESC, NUL or C1: extend their tables with the one sanitiser's, so a title or party name
    carrying an OSC or CSI sequence cannot act on the terminal."""
    import rich.control
    import textual.content

    for module in (rich.control, textual.content):
        table = getattr(module, "_CONTROL_STRIP_TRANSLATE", None)
        if isinstance(table, dict):
            table.update(CONTROL_TABLE)


_clean_control_codes()


def run(session: Session) -> None:
    CasefileApp(session).run()
