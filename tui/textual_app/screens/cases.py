"""案件列表 and the new-case form."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, SelectionList, Static

from casefile.errors import CasefileError, EntryError
from casefile.model import STATE_ORDER, PartyKind, Procedure
from tui.application import CaseSummary, Listing, NewCase, pad, width
from tui.textual_app.screens.case import CaseScreen
from tui.textual_app.screens.common import ConfirmScreen, TextScreen
from tui.textual_app.screens.forms import Field, fields_of, has_input, input_field, select_field, show_errors
from tui.textual_app.screens.office_keys import CaseListOffice
from tui.textual_app.screens.people import MyWorkScreen, UsersScreen

SORTS = [("id", "编号"), ("state", "状态"), ("warnings", "提醒")]
STATE_RANK = {s.value: i for i, s in enumerate(STATE_ORDER)}
# Rows brought up to date before the first paint; a longer backlog goes to a worker
# and the list first shows what the catalogue holds.
SYNC_ROWS = 50
# Rows put into the table at a time; more are added as the cursor nears the end.
PAGE = 100


class CaseListScreen(CaseListOffice, Screen):
    BINDINGS = [
        Binding("enter", "open_case", "打开", id="open", show=True),
        Binding("f", "filter", "筛选", id="filter"),
        Binding("s", "sort", "排序", id="sort"),
        Binding("n", "new_case", "新建案件", id="new"),
        Binding("p", "publicity", "公示期限", id="publicity"),
        Binding("g", "refresh", "刷新", id="refresh"),
        Binding("u", "office_publicity", "公示办理", id="office-publicity", show=False),
        Binding("t", "office_stats", "年度统计", id="office-stats", show=False),
        Binding("j", "office_journal", "全过程记录", id="office-journal", show=False),
        Binding("l", "office_laws", "法律法规", id="office-laws", show=False),
        Binding("a", "office_archive", "档案索引", id="office-archive", show=False),
        Binding("e", "office_evaluate", "案卷评查", id="office-evaluate", show=False),
        Binding("escape", "clear_filter", "清除筛选", id="clear-filter", show=False),
        Binding("w", "my_work", "我的工作", id="my-work", show=False),
        Binding("U", "users", "用户管理", id="users", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.cases: list[CaseSummary] = []
        self.warnings: dict[str, list] = {}
        self.pending: list[str] = []
        self.shown: list[CaseSummary] = []
        self.total = 0
        self.checking = False
        self.sort_i = 0
        self.filter_text = ""
        self.party_w = 20

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="筛选：编号、文号、当事人、状态或领域（回车确认，Esc 清除）", id="filter")
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#cases", DataTable)
        self.query_one("#filter").display = False
        self.load()
        t.focus()

    def load(self) -> None:
        """First rows at once from the catalogue; a worker then checks the case folders and
        fills in the whole list (only a workspace without a catalogue waits for a few rows)."""
        session = self.app.session
        first = session.cases.case_list(refresh=False, limit=PAGE)
        if first.total > SYNC_ROWS:
            self.show_listing(first, pending=[])
            self.checking = True
        else:  # a small workspace, or one without a catalogue yet: a few rows are brought up to date now
            backlog = session.cases.refresh_catalog(limit=SYNC_ROWS).pending
            self.show_listing(session.cases.case_list(refresh=False), backlog)
            self.checking = bool(backlog)
        if self.checking:
            self.render_status()
            # after the first rows are on screen: the worker's thread would slow the first paint
            self.call_after_refresh(self.run_worker, self.refresh_catalogue, thread=True, exclusive=True, group="catalogue")

    def refresh_catalogue(self) -> None:
        """Worker: bring every row up to date, then show the whole list with its warnings."""
        session = self.app.session
        session.cases.refresh_catalog()
        listing = session.cases.case_list(refresh=False)
        try:
            self.app.call_from_thread(self.finish_check, listing)
        except RuntimeError:
            pass  # the app closed while the worker ran: nothing left to fill in

    def finish_check(self, listing: Listing) -> None:
        self.checking = False
        self.show_listing(listing, pending=[])

    def show_listing(self, listing: Listing, pending: list[str]) -> None:
        known = {c.id for c in listing.cases} | {cid for cid, _ in listing.broken}
        self.pending = [cid for cid in pending if cid not in known]
        self.total = max(listing.total, len(listing.cases) + len(self.pending))
        # cases not catalogued yet show by id until the worker fills them in
        self.cases = listing.cases + [CaseSummary(cid, {"id": cid, "number": "", "state": "", "procedure": "", "sector": "",
                                                        "parties": []}) for cid in self.pending]
        self.warnings = {c.id: c.warnings for c in self.cases}
        self.render_table()
        if listing.broken:
            self.notify("；".join(f"{cid} 无法读取" for cid, _ in listing.broken), severity="warning")

    def visible(self) -> list[CaseSummary]:
        q = self.filter_text
        cs = [c for c in self.cases if not q or c.matches(q)]
        if self.pending:
            cs.sort(key=lambda c: c.id)
        key = SORTS[self.sort_i][0]
        if key == "state":
            cs.sort(key=lambda c: STATE_RANK.get(c.summary["state"], len(STATE_RANK)))
        elif key == "warnings":
            cs.sort(key=lambda c: -len(self.warnings.get(c.id, [])))
        return cs

    def render_table(self) -> None:
        t = self.query_one("#cases", DataTable)
        keep = self.selected_case()
        # below 100 columns the 文号 column gives its room to the party (the status line shows both in full)
        columns = ("编号", "提醒", "状态", "程序") + (("文号",) if self.size.width >= 100 else ()) + ("当事人",)
        if tuple(str(c.label) for c in t.columns.values()) != columns:
            t.clear(columns=True)
            t.add_columns(*columns)
        else:
            t.clear()
        self.shown = self.visible()
        self.party_w = self.party_width()  # once per listing: the widths of every listed row
        self.add_rows(PAGE)
        if keep in t.rows:
            t.move_cursor(row=t.get_row_index(keep))
        self.render_status()

    def add_rows(self, n: int) -> None:
        """The next n rows of the list into the table (a long list is not put in all at once)."""
        t = self.query_one("#cases", DataTable)
        start = t.row_count
        pending = set(self.pending)
        party_w = self.party_w
        for c in self.shown[start:start + n]:
            ws = self.warnings.get(c.id, [])
            # short marks in the table; the full text shows in the status line for the highlighted row
            mark = "…" if c.id in pending else self.mark(ws)
            s = c.summary
            # the party cut to the room left (with …); the full name shows in the status line on the row
            number = (s["number"],) if len(t.columns) == 6 else ()
            t.add_row(c.id, mark, s["state"], s["procedure"], *number, fit(c.party, party_w), key=c.id)

    @staticmethod
    def mark(ws: list) -> str:
        return " ".join(("⚠" if w.status == "已逾期" else "⏰") + w.kind + ("逾期" if w.status == "已逾期" else "") for w in ws)

    def party_width(self) -> int:
        """Cells left for the 当事人 column once the other columns of the listed rows are laid out."""
        rows = self.shown or self.cases
        def col(values, head):
            return max([width(head)] + [width(str(v)) for v in values])
        used = (col([c.id for c in rows], "编号") + col([self.mark(self.warnings.get(c.id, [])) for c in rows], "提醒")
                + col([c.summary["state"] for c in rows], "状态") + col([c.summary["procedure"] for c in rows], "程序")
                + (col([c.summary["number"] for c in rows], "文号") + 2 if self.size.width >= 100 else 0))
        # two cells of padding per column, the focus bar and the scroll bar
        return max(10, self.size.width - used - 2 * 5 - 3)

    def on_resize(self) -> None:
        if self.cases:
            self.render_table()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        t = self.query_one("#cases", DataTable)
        if event.cursor_row >= t.row_count - 1 - PAGE // 4 and t.row_count < len(self.shown):
            self.add_rows(PAGE)
        cid = event.row_key.value if event.row_key else None
        ws = self.warnings.get(cid, []) if cid else []
        case = next((c for c in self.shown if c.id == cid), None)
        # the highlighted row in full: its party (cut in the table at 80 columns) and its warnings
        head = f"{case.party}　{case.summary['number']}" if case and case.party else ""
        if ws or head:
            self.query_one("#status", Static).update("；".join(([head] if head else []) + [w.text for w in ws]))
        else:
            self.render_status()

    def render_status(self) -> None:
        overdue = sum(1 for ws in self.warnings.values() for w in ws if w.status == "已逾期")
        self.query_one("#status", Static).update(
            (f"显示 {len(self.shown)} / " if self.filter_text else "") + f"共 {max(self.total, len(self.cases))} 件　排序：{SORTS[self.sort_i][1]}"
            + (f"　筛选：{self.filter_text}（Esc 清除）" if self.filter_text else "")
            + (f"　逾期 {overdue} 项" if overdue else "") + ("　正在核对案件…" if self.checking else ""))

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

    def action_my_work(self) -> None:
        self.app.push_screen(MyWorkScreen())

    def action_users(self) -> None:
        why = self.app.session.access.why_not("manage_users")
        if why:
            self.notify(why, severity="error")
            return
        self.app.push_screen(UsersScreen())

    def action_filter(self) -> None:
        f = self.query_one("#filter", Input)
        f.display = True
        f.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.filter_text = event.value.strip()
        event.input.display = bool(self.filter_text)
        self.render_table()
        self.query_one("#cases").focus()

    def action_clear_filter(self) -> None:
        """Esc: the filter box's promise (清除) kept — the whole list back, the focus on it."""
        f = self.query_one("#filter", Input)
        f.value, f.display = "", False
        if self.filter_text:
            self.filter_text = ""
            self.render_table()
        self.query_one("#cases").focus()

    def action_sort(self) -> None:
        self.sort_i = (self.sort_i + 1) % len(SORTS)
        self.render_table()

    def action_refresh(self) -> None:
        self.load()

    def action_new_case(self) -> None:
        self.app.push_screen(NewCaseScreen(), self._created)

    def on_screen_resume(self) -> None:
        """Back from a case (送审, 公示, facts entered …): the list shows the states as they are now,
        the cursor on the same case — never the old states until g."""
        if self.is_mounted and self.query("#cases"):
            self._created(self.selected_case())

    def _created(self, case_id) -> None:
        """The list reloaded with the cursor on the case just created (Enter opens it)."""
        if not case_id:
            return
        self.load()
        t = self.query_one("#cases", DataTable)
        if isinstance(case_id, str) and case_id in t.rows:
            t.move_cursor(row=t.get_row_index(case_id))

    def action_publicity(self) -> None:
        items = self.app.session.records.publicity_due()
        rows = [[i.case, i.kind, i.due or "—", i.status, i.note] for i in items]
        self.app.push_screen(TextScreen(f"公示与撤回期限（按规则配置，截至 {self.app.today}）", headers=["案件", "事项", "期限", "状态", "说明"],
                                        rows=rows))


def fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells with an ellipsis (unchanged when it fits)."""
    return text if width(text) <= cells else pad(text, cells).rstrip()


class NewCaseScreen(Screen[str | bool]):
    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel"), Binding("ctrl+s", "save", "保存", id="save")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("新建案件（Ctrl+S 保存，Esc 取消；Tab 下一项）", classes="title")
        # the problems above the form as well as under each field, so they show at 80×24
        yield Static("", id="errors", classes="error")
        # each field with its error under it (casefile.law.entries checks, the same as `case new`);
        # the form scrolls so nothing is hidden at 80×24
        with VerticalScroll(id="form", can_focus=False):
            yield input_field("number", "文号", "如：清市监处罚〔2026〕120号", widget_id="number")
            yield input_field("party", "当事人", "名称或姓名（必填）", widget_id="party")
            yield select_field("party_kind", "当事人类型", [k.value for k in PartyKind], value=PartyKind.LEGAL.value, widget_id="party_kind",
                               allow_blank=False)
            yield input_field("party_id", "证件号码", "统一社会信用代码或公民身份号码", widget_id="party_id")
            yield input_field("party_address", "住所", "决定书、送达回证据此打印", widget_id="party_address")
            yield input_field("cause", "案由", "必填", widget_id="cause")
            yield input_field("filed", "立案日期", f"如 {self.app.today.isoformat()}（不晚于今天）", widget_id="filed")
            # the case types declared (casefile/data/case_types and the workspace's own folders)
            yield select_field("case_type", "案件类型", self.app.session.cases.case_types(), value="行政处罚", widget_id="case_type",
                               allow_blank=False)
            yield select_field("procedure", "程序", [p.value for p in Procedure], value="普通", widget_id="procedure",
                               allow_blank=False)
            # 案件来源 and 承办人: the 立案审批表 cannot be rendered without them
            yield select_field("source", "案件来源", self.app.session.cases.case_sources(), widget_id="source")
            yield Field("handlers", "承办人", SelectionList(*[(f"{o.name} {o.certificate}", o.certificate)
                                                            for o in self.app.session.cases.officers(self.app.today)],
                                                          compact=True, id="handlers"))
        yield Footer()

    def action_cancel(self) -> None:
        # typed input is not dropped without asking
        if has_input(self):
            self.app.push_screen(ConfirmScreen("放弃已填写的新案件内容？", yes="放弃"), lambda yes: self.dismiss(False) if yes else None)
        else:
            self.dismiss(False)

    def action_save(self) -> None:
        v = {i.id: i.value.strip() for i in self.query(Input)}
        new = NewCase(number=v["number"], cause=v["cause"], party=v["party"], party_id=v["party_id"], party_address=v["party_address"],
                      filed=v["filed"], party_kind=self.query_one("#party_kind", Select).value,
                      procedure=self.query_one("#procedure", Select).value, case_type=self.query_one("#case_type", Select).value,
                      source=fields_of(self)["source"].value, handlers=fields_of(self)["handlers"].value)
        try:
            case = self.app.session.cases.create_case(new, required=("party", "cause"))
        except EntryError as e:
            show_errors(self, e.fields)  # each under its field; the list again at the foot of the form
            self.query_one("#errors", Static).update("\n".join([e.message + "（见各栏下方）"] + e.details))
            return
        except CasefileError as e:
            self.query_one("#errors", Static).update("\n".join([e.message] + e.details))
            return
        self.notify(f"已新建案件 {case.id}")
        self.dismiss(case.id)
