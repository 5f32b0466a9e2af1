"""A one-line question with a prefilled answer (a folder, a file, a year, a platform); the
person sees and may change it before anything is written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AskScreen(ModalScreen[str | None]):
    """Dismisses with the answer (stripped), or None when cancelled; ``required`` refuses an empty one."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel")]

    def __init__(self, prompt: str, value: str = "", placeholder: str = "", required: bool = True):
        super().__init__()
        self.prompt, self.value, self.placeholder, self.required = prompt, value, placeholder, required

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.prompt, classes="title")  # a Static wraps a long prompt at 80 columns
            yield Input(value=self.value, placeholder=self.placeholder or "回车确认，Esc 取消", id="answer")
            yield Static("", id="answer-error", classes="error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.required and not event.value.strip():
            self.query_one("#answer-error", Static).update("不能为空")
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
