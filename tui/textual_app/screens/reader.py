"""阅读: a search hit's document, read-only, opened at the hit's page with every match highlighted
and the current one marked; n/p move between matches (across pages), ←/→ between pages. The same
for a case document and an archive document; Esc goes back to the hits as they were."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

MATCH = "black on yellow"
CURRENT = "bold white on red"


class ReaderScreen(Screen):
    DEFAULT_CSS = """
    ReaderScreen #reader-title, ReaderScreen #reader-loc { width: 1fr; height: auto; padding: 0 1; }
    ReaderScreen #reader-title { text-style: bold; }
    ReaderScreen #reader-loc { color: $text-muted; }
    ReaderScreen #reader-scroll { height: 1fr; border: round $primary; }
    ReaderScreen #reader-text { padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回命中", id="back"),
        Binding("n", "next_match", "下一处", id="next-match"),
        Binding("p", "prev_match", "上一处", id="prev-match"),
        Binding("right,right_square_bracket", "next_page", "下一页", id="next-page"),
        Binding("left,left_square_bracket", "prev_page", "上一页", id="prev-page"),
        Binding("slash", "app.pop_screen", "检索", id="search", show=False),  # back to the same search, not a new one
    ]

    def __init__(self, reading):
        super().__init__()
        self.reading = reading  # tui.application.reader.Reading

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self.reading.title, id="reader-title")
        with VerticalScroll(id="reader-scroll"):
            yield Static("", id="reader-text")
        yield Label("", id="reader-loc")
        yield Footer()

    def on_mount(self) -> None:
        self.draw()
        self.query_one("#reader-scroll").focus()

    def page_text(self) -> Text:
        """The page with every match highlighted and the current one marked (Rich styles, no 【】)."""
        v = self.reading.view()
        text = Text(v["text"])
        for i, (a, b) in enumerate(v["spans"]):
            text.stylize(CURRENT if i == v["current"] else MATCH, a, b)
        return text

    def draw(self) -> None:
        v = self.reading.view()
        self.query_one("#reader-text", Static).update(self.page_text())
        note = "　只读" + ("　原文件已不在，显示索引中的文本" if v["from_index"] else "")
        self.query_one("#reader-loc", Label).update(v["location"] + note)
        self.call_after_refresh(self.scroll_to_match)

    def scroll_to_match(self) -> None:
        scroll = self.query_one("#reader-scroll", VerticalScroll)
        match = self.reading.match
        if match is None:
            scroll.scroll_home(animate=False)
            return
        width = max(10, self.query_one("#reader-text", Static).content_region.width)
        before = Text(self.reading.text[: match[0]])
        line = len(before.wrap(self.app.console, width)) - 1 if match[0] else 0
        scroll.scroll_to(y=max(0, line - 2), animate=False)

    def _move(self, moved: bool, none: str) -> None:
        if moved:
            self.draw()
        else:
            self.notify(none)

    def action_next_match(self) -> None:
        self._move(self.reading.next_match(), "后面没有命中了")

    def action_prev_match(self) -> None:
        self._move(self.reading.prev_match(), "前面没有命中了")

    def action_next_page(self) -> None:
        self._move(self.reading.next_page(), "已是最后一页")

    def action_prev_page(self) -> None:
        self._move(self.reading.prev_page(), "已是第一页")
