"""状态变更: the moves a case can make from its state, what blocks each (in Chinese), and a
confirmation before the move is made through the application layer (act recorded, journaled)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ListItem, ListView, Static

from casefile.errors import CasefileError
from tui.textual_app.screens.common import ConfirmScreen
from tui.textual_app.screens.forms import fields_of, select_field


class MoveItem(ListItem):
    def __init__(self, option):
        self.option = option
        t = option.transition
        head = f"{'✓' if option.allowed else '✗'} {t.id}" + (f" → {t.to}" if t.to else "")
        body = "".join(f"\n    不能：{b}" for b in option.blockers)
        super().__init__(Label(head + body))


class TransitionScreen(ModalScreen[bool]):
    """Lists every move of the case's state; Enter on an allowed one asks for confirmation."""

    DEFAULT_CSS = """
    TransitionScreen { align: center middle; }
    TransitionScreen #dialog { width: 90%; }
    TransitionScreen #moves { height: auto; max-height: 14; }
    """
    BINDINGS = [
        Binding("escape", "close", "返回", id="transition-back"),
    ]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id
        self.moved = False

    def compose(self) -> ComposeResult:
        session = self.app.session
        case = session.cases.load_case(self.case_id)
        self.options = session.entries.transitions(self.case_id)
        with Vertical(id="dialog"):
            yield Label(f"状态变更：{case.number or case.id}　当前状态：{case.state.value}", classes="title", id="transition-title")
            if self.options:
                yield ListView(*[MoveItem(o) for o in self.options], id="moves")
            else:
                yield Static(f"“{case.state.value}”的案件没有可做的状态变更。", id="moves-none")
            yield select_field("method", "送达方式", session.entries.entry_choices(case).methods, value="直接送达",
                               allow_blank=False)
            yield Static("", id="transition-error", classes="error")
            yield Label("↑↓ 选择　回车 变更（先确认）　Esc 返回", id="transition-help")

    def on_mount(self) -> None:
        self._show_method()

    def _highlighted(self):
        if not self.options:
            return None
        lv = self.query_one("#moves", ListView)
        item = lv.highlighted_child
        return item.option if isinstance(item, MoveItem) else None

    def _show_method(self) -> None:
        opt = self._highlighted()
        fields_of(self)["method"].display = bool(opt and "method" in opt.transition.asks)

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        self._show_method()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        opt = self._highlighted()
        if opt is None:
            return
        t = opt.transition
        if not opt.allowed:
            self.query_one("#transition-error", Static).update(f"现在不能“{t.id}”：" + "；".join(opt.blockers))
            return
        method = fields_of(self)["method"].value if "method" in t.asks else ""
        case = self.app.session.cases.load_case(self.case_id)
        what = f"案件 {case.number or case.id}：{t.id}（{case.state.value}" + (f" → {t.to}）" if t.to != case.state.value else "）")
        if t.act:
            what += f"\n将记录执法行为“{t.act}”，日期 {self.app.today.isoformat()}" + (f"，{method}" if method else "")
        what += "\n变更记入案件日志。确认吗？"
        self.app.push_screen(ConfirmScreen(what), lambda yes: self._move(t.id, method) if yes else None)

    def _move(self, move: str, method: str) -> None:
        try:
            case = self.app.session.entries.move_case(self.case_id, move, method=method)
        except CasefileError as e:
            self.query_one("#transition-error", Static).update("\n".join([e.message] + e.details))
            return
        self.moved = True
        self.notify(f"已{move}，案件状态：{case.state.value}")
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(self.moved)
