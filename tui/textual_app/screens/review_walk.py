"""A dialog of the review screen: the walk through the findings still
待定 that the opinion waits for (each accepted, or overridden with a reason, one at a time)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from casefile.errors import CasefileError
from tui.application import finding_line




class WalkFindingsScreen(ModalScreen[int]):
    """One undecided finding at a time: a 采纳, o 不采纳 (then the reason, Enter), s 跳过, Esc 停止.
    Dismissed with the number of findings decided; each decision goes through the session."""

    BINDINGS = [Binding("a", "accept", "采纳", id="walk-accept"), Binding("o", "override", "不采纳（需理由）", id="walk-override"),
                Binding("s", "skip", "跳过", id="walk-skip"), Binding("escape", "stop", "停止", id="walk-stop")]
    AUTO_FOCUS = None  # the keys a/o/s act on the finding; the reason box takes focus only after o

    def __init__(self, case_id: str, findings: list[dict]):
        super().__init__()
        self.case_id = case_id
        self.todo = list(findings)
        self.pos = 0
        self.decided = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("", id="walk-title", classes="title")
            yield Static("", id="walk-finding")
            yield Static("", id="walk-basis")
            yield Input(placeholder="不采纳的理由（必填），回车确认", id="walk-reason")
            yield Static("", id="walk-error", classes="error")
            yield Label("a 采纳　o 不采纳（写理由后回车）　s 跳过　Esc 停止", id="walk-keys")

    def on_mount(self) -> None:
        self._show()

    @property
    def finding(self) -> dict | None:
        return self.todo[self.pos] if self.pos < len(self.todo) else None

    def _show(self) -> None:
        f = self.finding
        if f is None:
            self.dismiss(self.decided)
            return
        self.query_one("#walk-title", Label).update(f"逐条处理待定的审核发现：第 {self.pos + 1}/{len(self.todo)} 条")
        self.query_one("#walk-finding", Static).update(finding_line(f))
        self.query_one("#walk-basis", Static).update("依据：" + (f.get("basis") or "（未写明）"))
        self.query_one("#walk-error", Static).update("")
        reason = self.query_one("#walk-reason", Input)
        reason.value = ""
        reason.display = False
        reason.disabled = True
        self.set_focus(None)

    def _decide(self, action: str, reason: str = "") -> None:
        try:
            self.app.session.review.decide_finding(self.case_id, self.finding["id"], action, reason)
        except CasefileError as e:
            self.query_one("#walk-error", Static).update(str(e))
            return
        self.decided += 1
        self.pos += 1
        self._show()

    def action_accept(self) -> None:
        if self.finding is not None:
            self._decide("accept")

    def action_override(self) -> None:
        reason = self.query_one("#walk-reason", Input)
        reason.display = True
        reason.disabled = False
        reason.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#walk-error", Static).update("不采纳必须写明理由")
            return
        self._decide("override", event.value.strip())

    def action_skip(self) -> None:
        self.pos += 1
        self._show()

    def action_stop(self) -> None:
        self.dismiss(self.decided)
