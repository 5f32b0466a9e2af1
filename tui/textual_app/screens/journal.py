"""全过程记录: every case's journal entries (time, who, what, case), a page at a time,
filtered to one case; verifying the hash chain, the heads and the documents runs in
a worker and says in Chinese what it found."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from casefile.errors import CasefileError
from tui.application import io_problem, journal_summary
from tui.textual_app.screens.ask import AskScreen

PAGE = 200  # entries put in the table at a time


class JournalScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("f", "filter_case", "按案件筛选", id="journal-filter"),
        Binding("v", "verify", "校验记录", id="journal-verify"),
        Binding("left_square_bracket", "page(-1)", "上一页", id="journal-prev", key_display="["),
        Binding("right_square_bracket", "page(1)", "下一页", id="journal-next", key_display="]"),
    ]

    def __init__(self, case_id: str | None = None):
        super().__init__()
        self.case_id = case_id
        self.entries: list[dict] = []
        self.page = 0
        self.verdict: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="journal-title", classes="title")
        yield DataTable(id="journal-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "全过程记录"
        self.query_one("#journal-table", DataTable).add_columns("时间", "案件", "操作人", "行为", "内容")
        self.load()
        self.query_one("#journal-table").focus()

    def load(self) -> None:
        try:
            r = self.app.session.records.journal_entries(self.case_id)
        except CasefileError as e:
            self.notify(str(e), severity="error")
            self.case_id = None
            r = self.app.session.records.journal_entries(None)
        self.entries = r.entries
        self.page = max(0, (len(self.entries) - 1) // PAGE)  # the newest page first
        if r.unreadable:
            self.notify("无法读取：" + "；".join(f"{u['case']} {u['error']}" for u in r.unreadable), severity="warning")
        self.show_page()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.entries) // PAGE))

    def show_page(self) -> None:
        t = self.query_one("#journal-table", DataTable)
        t.clear()
        summary = journal_summary
        for e in self.entries[self.page * PAGE:(self.page + 1) * PAGE]:
            # the case folder's docs/ prefix says nothing at 80 columns
            t.add_row(e.get("time", "")[:16].replace("T", " "), e["case"], e.get("user") or e.get("actor", ""), e.get("act", ""),
                      summary(e).replace("docs/", ""))
        scope = f"案件 {self.case_id}" if self.case_id else "全部案件"
        self.query_one("#journal-title", Label).update(
            f"{scope}：{len(self.entries)} 条记录　第 {self.page + 1}/{self.pages} 页（[ ] 翻页）")

    def action_page(self, step: int) -> None:
        self.page = min(max(0, self.page + step), self.pages - 1)
        self.show_page()

    def action_filter_case(self) -> None:
        self.app.push_screen(AskScreen("只看某件案件的记录：案件编号或文号（留空看全部）：", self.case_id or "", required=False),
                             self._filtered)

    def _filtered(self, answer: str | None) -> None:
        if answer is None:
            return
        if answer:
            try:
                answer = self.app.session.cases.resolve(answer)
            except CasefileError as e:
                self.notify(str(e), severity="error")
                return
        self.case_id = answer or None
        self.load()

    def action_verify(self) -> None:
        scope = f"案件 {self.case_id}" if self.case_id else "全部案件"
        self.query_one("#office-log", Static).update(f"正在校验{scope}的记录（哈希链、链头、文书）……")
        self.verify(self.case_id)

    @work(thread=True, exclusive=True, group="verify")
    def verify(self, case_id: str | None) -> None:
        try:
            r = self.app.session.records.verify_journals(case_id)
        except CasefileError as e:
            self.app.call_from_thread(self._verified, None, f"未能校验：{e}")
            return
        except OSError as e:
            self.app.call_from_thread(self._verified, None, f"未能校验：{io_problem(e)}")
            return
        self.app.call_from_thread(self._verified, r, "")

    def _verified(self, r, error: str) -> None:
        log = self.query_one("#office-log", Static)
        if r is None:
            self.verdict = None
            log.update(error)
            return
        bad = r.breaks
        self.verdict = {"cases": len(r.results), "ok": not bad, "breaks": bad}
        if not bad:
            log.update(f"✓ {len(r.results)} 件案件，共 {sum(r.entries.values())} 条记录：哈希链完整，链头相符，文书未被改动")
            return
        lines = [f"✗ {len(bad)} 件案件的记录有问题（共校验 {len(r.results)} 件）："]
        for cid, breaks in bad.items():
            lines.append(f"{cid}：{breaks[0]['message']}" + (f"（另有 {len(breaks) - 1} 处）" if len(breaks) > 1 else ""))
        log.update("\n".join(lines))
        self.notify(lines[1], title="记录未通过校验", severity="error")
