"""案件列表 and the new-case form."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from casefile.errors import CasefileError
from casefile.model import STATE_ORDER, Case, PartyKind, Procedure
from tui.application import NewCase, table
from tui.textual_app.screens.case import CaseScreen
from tui.textual_app.screens.common import TextScreen

SORTS = [("id", "编号"), ("state", "状态"), ("warnings", "提醒")]


class CaseListScreen(Screen):
    BINDINGS = [
        Binding("enter", "open_case", "打开", id="open", show=True),
        Binding("f", "filter", "筛选", id="filter"),
        Binding("s", "sort", "排序", id="sort"),
        Binding("n", "new_case", "新建案件", id="new"),
        Binding("p", "publicity", "公示期限", id="publicity"),
        Binding("g", "refresh", "刷新", id="refresh"),
    ]

    def __init__(self):
        super().__init__()
        self.cases: list[Case] = []
        self.warnings: dict[str, list] = {}
        self.sort_i = 0
        self.filter_text = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="筛选：编号、文号、当事人、状态或领域（回车确认，Esc 清除）", id="filter")
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#cases", DataTable)
        t.add_columns("编号", "提醒", "状态", "程序", "文号", "当事人")
        self.query_one("#filter").display = False
        self.load()
        t.focus()

    def load(self) -> None:
        rows, bad = self.app.session.case_list()
        self.cases = [r.case for r in rows]
        self.warnings = {r.case.id: r.warnings for r in rows}
        self.render_table()
        if bad:
            self.notify("；".join(f"{cid} 无法读取" for cid, _ in bad), severity="warning")

    def visible(self) -> list[Case]:
        q = self.filter_text
        cs = [c for c in self.cases if not q or any(q in x for x in (c.id, c.number, c.state.value, c.sector, c.party.name if c.party else ""))]
        key = SORTS[self.sort_i][0]
        if key == "state":
            cs.sort(key=lambda c: STATE_ORDER.index(c.state))
        elif key == "warnings":
            cs.sort(key=lambda c: -len(self.warnings.get(c.id, [])))
        return cs

    def render_table(self) -> None:
        t = self.query_one("#cases", DataTable)
        t.clear()
        for c in self.visible():
            ws = self.warnings.get(c.id, [])
            # short marks in the table; the full text shows in the status line for the highlighted row
            mark = " ".join(("⚠" if w.status == "已逾期" else "⏰") + w.kind + ("逾期" if w.status == "已逾期" else "") for w in ws)
            t.add_row(c.id, mark, c.state.value, c.procedure.value, c.number, c.party.name if c.party else "", key=c.id)
        self.render_status()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        cid = event.row_key.value if event.row_key else None
        ws = self.warnings.get(cid, []) if cid else []
        if ws:
            self.query_one("#status", Static).update("；".join(w.text for w in ws))
        else:
            self.render_status()

    def render_status(self) -> None:
        overdue = sum(1 for ws in self.warnings.values() for w in ws if w.status == "已逾期")
        self.query_one("#status", Static).update(
            f"共 {len(self.cases)} 件　排序：{SORTS[self.sort_i][1]}" + (f"　筛选：{self.filter_text}" if self.filter_text else "")
            + (f"　逾期 {overdue} 项" if overdue else ""))

    def selected_case(self) -> str | None:
        t = self.query_one("#cases", DataTable)
        if t.row_count == 0:
            return None
        return t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open(event.row_key.value)

    def action_open_case(self) -> None:
        cid = self.selected_case()
        if cid:
            self.open(cid)

    def open(self, case_id: str, doc: str | None = None, page: int | None = None) -> None:
        self.app.push_screen(CaseScreen(case_id, doc=doc, page=page))

    def action_filter(self) -> None:
        f = self.query_one("#filter", Input)
        f.display = True
        f.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.filter_text = event.value.strip()
        event.input.display = bool(self.filter_text)
        self.render_table()
        self.query_one("#cases").focus()

    def action_sort(self) -> None:
        self.sort_i = (self.sort_i + 1) % len(SORTS)
        self.render_table()

    def action_refresh(self) -> None:
        self.load()

    def action_new_case(self) -> None:
        self.app.push_screen(NewCaseScreen(), lambda created: self.load() if created else None)

    def action_publicity(self) -> None:
        items = self.app.session.publicity_due()
        body = table([[i.case, i.kind, i.due or "—", i.status, i.note] for i in items], ["案件", "事项", "期限", "状态", "说明"], max_width=30)
        self.app.push_screen(TextScreen(f"公示与撤回期限（按规则配置，截至 {self.app.today}）", body))


class NewCaseScreen(Screen[bool]):
    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel"), Binding("ctrl+s", "save", "保存", id="save")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="form"):
            yield Label("新建案件（Ctrl+S 保存，Esc 取消）", classes="title")
            yield Input(placeholder="文号，如：清市监处罚〔2026〕120号", id="number")
            yield Input(placeholder="当事人名称或姓名（必填）", id="party")
            yield Select([(k.value, k.value) for k in PartyKind], value=PartyKind.LEGAL.value, id="party_kind", allow_blank=False)
            yield Input(placeholder="统一社会信用代码或身份证号", id="party_id")
            yield Input(placeholder="案由（必填）", id="cause")
            yield Input(placeholder="立案日期 YYYY-MM-DD（不晚于今天）", id="filed")
            yield Select([(p.value, p.value) for p in Procedure], value="普通", id="procedure", allow_blank=False)
            yield Static("", id="errors", classes="error")
        yield Footer()

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_save(self) -> None:
        v = {i.id: i.value.strip() for i in self.query(Input)}
        new = NewCase(number=v["number"], cause=v["cause"], party=v["party"], party_id=v["party_id"], filed=v["filed"],
                      party_kind=self.query_one("#party_kind", Select).value, procedure=self.query_one("#procedure", Select).value)
        try:
            case = self.app.session.create_case(new, required=("party", "cause"))
        except CasefileError as e:
            self.query_one("#errors", Static).update("\n".join([e.message] + e.details))
            return
        self.notify(f"已新建案件 {case.id}")
        self.dismiss(True)
