"""Small shared screens and helpers: help, a reason prompt, a yes/no question, a page of
text; the human names of keys; screens made of panes that Tab moves between."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Static

# Textual's select menu names its Esc key in English ("Dismiss menu") in the footer: said in Chinese
from textual.widgets._select import SelectOverlay  # noqa: E402

SelectOverlay.BINDINGS = [Binding("escape", "dismiss", "收起选项")]
SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()

# key names as a person reads them (help, palette, footer)
KEY_NAMES = {
    "enter": "回车", "escape": "Esc", "tab": "Tab", "shift+tab": "Shift+Tab", "space": "空格",
    "question_mark": "?", "slash": "/", "plus": "+", "minus": "-", "asterisk": "*", "full_stop": ".",
    "comma": ",", "up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn",
    "home": "Home", "end": "End", "delete": "Del", "backspace": "退格", "insert": "Ins",
    "left_square_bracket": "[", "right_square_bracket": "]",  # the reader's page keys (footer said the key's name)
}
# Textual's own bindings a screen inherits, said in Chinese (any other English description is left out)
BUILTIN_DESCRIPTIONS = {"app.focus_next": "下一窗格", "app.focus_previous": "上一窗格"}


def key_label(binding: Binding) -> str:
    """``question_mark`` → ``?``, ``ctrl+s`` → ``Ctrl+S``, ``enter`` → ``回车``."""
    if binding.key_display:
        return binding.key_display
    out = []
    for key in binding.key.split(","):
        key = key.strip()
        if key in KEY_NAMES:
            out.append(KEY_NAMES[key])
            continue
        *mods, last = key.split("+")
        last = KEY_NAMES.get(last, last.upper() if mods else last)
        out.append("+".join([m.capitalize() for m in mods] + [last]))
    return "/".join(out)


def _cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" for c in text)


def screen_bindings(screen: Screen) -> list[tuple[DOMNode, Binding]]:
    """The screen's bindings then the app's, each with the node that runs it; a key the screen binds
    hides the app's binding of it. Only bindings with a Chinese description (help and palette list them)."""
    out: list[tuple[DOMNode, Binding]] = []
    seen: set[str] = set()
    for node in (screen, screen.app):
        for key, b in node._bindings:
            desc = BUILTIN_DESCRIPTIONS.get(b.action, b.description)
            if key in seen or not desc or not _cjk(desc):
                continue
            seen.add(key)
            if desc != b.description:
                b = Binding(b.key, b.action, desc, show=b.show, key_display=b.key_display, id=b.id)
            out.append((node, b))
    return out


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "返回", id="back")]

    def __init__(self, under: Screen):
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("本屏按键（Esc 返回；Ctrl+P 按名称查找并执行操作）", classes="title")
            table = DataTable(id="help-table", cursor_type="row")
            table.add_columns("按键", "操作")
            for _node, b in screen_bindings(self.under):
                table.add_row(key_label(b), b.description)
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
    """A read-only page (score sheet, publicity list…) that scrolls (↑↓ PgUp PgDn Home End);
    ``pinned`` (a total, a conclusion) stays visible below it however long the page is. Given
    ``headers`` and ``rows`` the page is a table, each row shown in full below it when highlighted
    (a table wider than the screen scrolls sideways)."""

    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back")]

    def __init__(self, title: str, body: str = "", pinned: str = "", *, headers: list[str] | None = None,
                 rows: list[list] | None = None):
        super().__init__()
        self.headers, self.rows = headers or [], [[("" if c is None else str(c)) for c in r] for r in rows or []]
        if self.rows and not body:
            body = "\n".join("　".join(r) for r in self.rows)
        self.title_text, self.body, self.pinned = title, body, pinned

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self.title_text, classes="title")
        if self.headers:
            yield DataTable(id="text-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="text-row")
        else:
            with VerticalScroll(id="text-scroll"):
                yield Static(self.body, id="text-body")
        if self.pinned:
            yield Static(self.pinned, id="text-pinned")
        yield Footer()

    def on_mount(self) -> None:
        if self.headers:
            t = self.query_one("#text-table", DataTable)
            t.add_columns(*self.headers)
            for r in self.rows:
                t.add_row(*r)
            t.focus()
        else:
            self.query_one("#text-scroll").focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = self.rows[event.cursor_row] if 0 <= event.cursor_row < len(self.rows) else []
        self.query_one("#text-row", Static).update("；".join(f"{h}：{v}" for h, v in zip(self.headers, row) if v))


class ConfirmScreen(ModalScreen[bool]):
    """The one yes/no question of the app: y answers yes, n or Esc no, Enter the focused button.
    The safe answer (取消) has the focus unless ``default_yes`` — for steps that can be taken
    back (an import, which z undoes) or that were already chosen on the screen before."""

    BINDINGS = [Binding("escape", "answer(False)", "取消", id="cancel"), Binding("y", "answer(True)", "确定", id="confirm"),
                Binding("n", "answer(False)", "取消", id="no", show=False)]

    def __init__(self, question: str, detail: str = "", yes: str = "确定", *, default_yes: bool = False):
        super().__init__()
        self.question, self.detail, self.yes, self.default_yes = question, detail, yes, default_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, classes="title", id="confirm-question")  # a Static wraps at 80 columns
            if self.detail:
                with VerticalScroll(id="confirm-detail"):
                    yield Static(self.detail)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes}（y）", id="yes", variant="warning")
                yield Button("取消（Esc）", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class PaneScreen(Screen):
    """A screen of side-by-side panes (the containers named in PANES, each with the ``pane`` class).
    Tab / Shift+Tab move to the next / previous pane; the focused pane's border is highlighted
    (casefile.tcss). Narrower than 100 columns only the current pane shows, full width, its border
    title saying which of how many it is."""

    PANES: tuple[str, ...] = ()
    PANE_TITLES: tuple[str, ...] = ()
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("tab", "next_pane", "下一窗格", id="next-pane", show=False),
        Binding("shift+tab", "previous_pane", "上一窗格", id="previous-pane", show=False),
    ]

    def panes(self) -> list[Widget]:
        return [self.query_one(sel) for sel in self.PANES]

    def current_pane(self) -> Widget | None:
        focused = self.focused
        for pane in self.panes():
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return pane
        return next((p for p in self.panes() if p.has_class("-current")), None)

    def show_pane(self, pane: Widget, focus: bool = True) -> None:
        panes = self.panes()
        for i, p in enumerate(panes):
            p.set_class(p is pane, "-current")
            title = self.PANE_TITLES[i] if i < len(self.PANE_TITLES) else ""
            p.border_title = f"{title}　{i + 1}/{len(panes)}" if self.narrow else title
            p.border_subtitle = "Tab 下一窗格" if self.narrow and p is pane else ""
        if focus:
            target = pane if pane.focusable else next((w for w in pane.query("*") if w.focusable), None)
            if target is not None and not (self.focused and pane in self.focused.ancestors):
                target.focus()

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def _step(self, by: int) -> None:
        panes = self.panes()
        if not panes:
            return
        cur = self.current_pane()
        i = panes.index(cur) if cur in panes else -1
        self.show_pane(panes[(i + by) % len(panes)])

    def action_next_pane(self) -> None:
        self._step(1)

    def action_previous_pane(self) -> None:
        self._step(-1)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # focus moved by a key or a click: the pane holding it becomes the current one (shown when narrow)
        cur = self.current_pane()
        if cur is not None and not cur.has_class("-current"):
            self.show_pane(cur, focus=False)

    def on_resize(self, event: events.Resize) -> None:
        cur = self.current_pane() or (self.panes()[0] if self.PANES else None)
        if cur is not None:
            self.call_after_refresh(self.show_pane, cur, False)
