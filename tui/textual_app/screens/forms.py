"""Form pieces shared by the fact forms, the new-case form and the 状态变更 dialog: a field
with its Chinese label and its error shown right under it (the yes/no question is
common.ConfirmScreen)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static


class Field(Vertical):
    """One form field: label and input on a line, the error (if any) on the line below, so it is
    seen where the person looks and never cut off at 80 columns (it wraps)."""

    DEFAULT_CSS = """
    Field { height: auto; }
    Field > Horizontal { height: auto; }
    Field .field-label { width: 14; }
    Field .field-input { width: 1fr; }
    Field SelectionList.field-input { height: auto; max-height: 6; }
    Field .field-error { color: $error; padding-left: 14; height: auto; display: none; }
    Field.-invalid .field-error { display: block; }
    """

    def __init__(self, key: str, label: str, widget: Widget, scope: str = ""):
        super().__init__(id=f"field-{scope + '-' if scope else ''}{key}")
        self.key = key
        self.label = label
        self.widget = widget
        widget.add_class("field-input")

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(self.label, classes="field-label")
            yield self.widget
        yield Static("", classes="field-error")

    @property
    def error(self) -> str:
        return str(self.query_one(".field-error", Static).content) if self.has_class("-invalid") else ""

    def set_error(self, message: str) -> None:
        self.query_one(".field-error", Static).update(message)
        self.set_class(bool(message), "-invalid")

    @property
    def value(self):
        w = self.widget
        if isinstance(w, Input):
            return w.value.strip()
        if isinstance(w, Select):
            return "" if w.value is Select.NULL else w.value
        if isinstance(w, SelectionList):
            return list(w.selected)
        raise TypeError(type(w))

    def set_value(self, value) -> None:
        w = self.widget
        if isinstance(w, Input):
            w.value = "" if value is None else str(value)
        elif isinstance(w, Select):
            if value in (None, ""):
                w.clear()
            else:
                w.value = value
        elif isinstance(w, SelectionList):
            w.deselect_all()
            for v in value or []:
                w.select(v)


def input_field(key: str, label: str, placeholder: str = "", widget_id: str | None = None, scope: str = "") -> Field:
    return Field(key, label, Input(placeholder=placeholder, id=widget_id, compact=True), scope)


def select_field(key: str, label: str, options: list[str], value: str | None = None, widget_id: str | None = None,
                 scope: str = "", allow_blank: bool = True) -> Field:
    sel = Select([(o, o) for o in options], prompt="请选择", id=widget_id, compact=True, allow_blank=allow_blank,
                 **({"value": value} if value else {}))
    return Field(key, label, sel, scope)


def fields_of(node: DOMNode) -> dict[str, Field]:
    return {f.key: f for f in node.query(Field)}


def values_of(node: DOMNode) -> dict:
    return {k: f.value for k, f in fields_of(node).items()}


def show_errors(node: DOMNode, errors: dict[str, str]) -> list[str]:
    """Put each error next to its field, clear the others, focus the first field in error
    (which scrolls it into view). Returns the errors that have no field on this form."""
    fields = fields_of(node)
    first = None
    for key, f in fields.items():
        f.set_error(errors.get(key, ""))
        if key in errors and first is None:
            first = f
    if first is not None:
        first.widget.focus()
        first.scroll_visible(animate=False)
    return [msg for key, msg in errors.items() if key not in fields]


def has_input(node: DOMNode) -> bool:
    """Something was typed or chosen in a text field or a multiple choice (Esc then asks before dropping it)."""
    return any(isinstance(f.widget, (Input, SelectionList)) and f.value for f in fields_of(node).values())
