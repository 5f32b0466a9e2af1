"""Small shared screens: help and a reason prompt."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "返回", id="back")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("按键帮助（Esc 返回；Ctrl+P 打开命令面板）", classes="title")
            table = DataTable(id="help-table", cursor_type="row")
            table.add_columns("按键", "操作")
            for b in list(getattr(self.under, "BINDINGS", [])) + list(self.app.BINDINGS):
                if isinstance(b, Binding) and b.description:
                    table.add_row(b.key_display or b.key, b.description)
            yield table

    def action_dismiss(self) -> None:
        self.dismiss()


class ReasonScreen(ModalScreen[str]):
    """Asks for a reason (e.g. why a finding is overridden); empty is refused."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel")]

    def __init__(self, prompt: str):
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt, classes="title")
            yield Input(placeholder="理由（必填），回车确认", id="reason")
            yield Static("", id="reason-error", classes="error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one("#reason-error", Static).update("必须写明理由")
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss("")


class TextScreen(Screen):
    """A read-only page of text (score sheet, publicity list…)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back")]

    def __init__(self, title: str, body: str):
        super().__init__()
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self.title_text, classes="title")
        yield Static(self.body, id="text-body")
        yield Footer()
