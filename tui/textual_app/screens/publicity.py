"""公示: what is due or overdue, and for a decided case — export the public (redacted)
version to a chosen folder, register publication, withdraw with a reason. Everything
goes through the application layer, which journals it."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from casefile.errors import CasefileError
from tui.application import io_problem
from tui.textual_app.screens.ask import AskScreen
from tui.textual_app.screens.common import ReasonScreen


class PublicityScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("e", "export", "导出公示文本", id="publicity-export"),
        Binding("p", "publish", "登记已公示", id="publicity-publish"),
        Binding("w", "withdraw", "撤回公示", id="publicity-withdraw"),
        Binding("r", "registers", "生成事前公开清单", id="publicity-registers"),
        Binding("g", "reload", "刷新", id="publicity-refresh"),
    ]

    def __init__(self, case_id: str | None = None):
        super().__init__()
        self.case_id = case_id  # opened from a case: that case is selected
        self.status = None  # PublicityStatus of the chosen case
        self.last_export: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="pub-title", classes="title")
        yield DataTable(id="dues", cursor_type="row", zebra_stripes=True)
        yield Static("", id="pub-detail")
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#dues", DataTable)
        t.add_columns("案件", "事项", "期限", "状态", "说明")
        self.sub_title = "公示"
        self.reload()
        t.focus()

    def reload(self) -> None:
        session = self.app.session
        items = session.records.publicity_due()
        t = self.query_one("#dues", DataTable)
        keep = (self.selected_case() if t.row_count else None) or self.case_id
        t.clear()
        n = 0
        for i, d in enumerate(items):
            # the 事前公开 registers have no case: their row keys must still be distinct
            t.add_row(d.case or "—", d.kind, d.due or "—", d.status, d.note, key=f"{d.case}|{d.kind}|{i}")
            n += d.status in ("已逾期", "待公示", "即将到期")
        if self.case_id and not any(d.case == self.case_id for d in items):
            t.add_row(self.case_id, "公示", "—", "未决定", "", key=f"{self.case_id}|公示|-")
        overdue = sum(d.status == "已逾期" for d in items)
        self.query_one("#pub-title", Label).update(
            f"公示与撤回期限（截至 {self.app.today}）：待办 {n} 项" + (f"，已逾期 {overdue} 项" if overdue else ""))
        if keep:
            keys = [str(k.value) for k in t.rows]
            row = next((i for i, k in enumerate(keys) if k.startswith(keep + "|")), 0)
            t.move_cursor(row=row)
        self.show_case(self.selected_case())

    def action_reload(self) -> None:
        self.reload()

    def selected_case(self) -> str | None:
        t = self.query_one("#dues", DataTable)
        if t.row_count == 0:
            return None
        key = str(t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value)
        return key.split("|")[0] or None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_case(str(event.row_key.value).split("|")[0] if event.row_key else None)

    def show_case(self, case_id: str | None) -> None:
        detail = self.query_one("#pub-detail", Static)
        if not case_id:
            self.status = None
            detail.update("事前公开清单：按 r 生成（内容变更后需重新公示）")
            return
        try:
            st = self.app.session.records.publicity_status(case_id)
        except CasefileError as e:
            self.status = None
            detail.update(f"{case_id}：{e}")
            return
        self.status = st
        pub = "、".join(p["date"] + (f"（{p['note']}）" if p["note"] else "") for p in st.published) or "未登记"
        wd = "、".join(w["date"] + (f"（{w['note']}）" if w["note"] else "") for w in st.withdrawn) or "无"
        lines = [f"{st.number or st.case}　{st.party or '—'}　{st.state}　决定日期：{st.decided or '—'}",
                 f"已公示：{pub}　撤回：{wd}"]
        if st.blocked:
            lines.append(f"不能公示：{st.blocked}")
        detail.update("\n".join(lines))

    def _usable(self) -> dict | None:
        st = self.status
        if st is None:
            self.notify("请先选择一件案件", severity="warning")
            return None
        if st.blocked:
            self.notify(st.blocked, severity="warning")
            return None
        return st

    # -- export ---------------------------------------------------------------------------
    def action_export(self) -> None:
        st = self._usable()
        if st is None:
            return
        folder = self.app.session.records.export_folder("公示")
        self.app.push_screen(AskScreen(f"把 {st.case} 的公示文本（.docx 与 .txt，已去除个人信息）导出到文件夹：", str(folder)),
                             lambda ans: self.export_to(st.case, Path(ans)) if ans else None)

    @work(thread=True, exclusive=True, group="publicity")
    def export_to(self, case_id: str, folder: Path) -> None:
        self.app.call_from_thread(self.query_one("#office-log", Static).update, f"正在生成 {case_id} 的公示文本……")
        try:
            r = self.app.session.records.export_public(case_id, folder)
        except CasefileError as e:
            self.app.call_from_thread(self._log, f"未能导出：{e}", "error")
            return
        except OSError as e:  # a folder that cannot be written: said, and the screen stays
            self.app.call_from_thread(self._log, f"未能导出：{io_problem(e)}", "error")
            return
        self.last_export = r
        self.app.call_from_thread(self._log, f"已生成 {r['txt']}\n　　与 {r['docx']}\n隐去个人信息 {r['redactions']} 处（隐去记录留在案件中，不公开）")

    def _log(self, text: str, severity: str = "information") -> None:
        self.query_one("#office-log", Static).update(text)
        if severity == "error":
            self.notify(text, severity="error")
        self.reload()

    # -- publish and withdraw ------------------------------------------------------------------
    def action_publish(self) -> None:
        st = self._usable()
        if st is None:
            return
        self.app.push_screen(AskScreen(f"登记 {st.case} 已公示。公示日期（年-月-日，不晚于今天）：", self.app.today.isoformat()),
                             lambda day: self._ask_platform(st.case, day) if day else None)

    def _ask_platform(self, case_id: str, day_text: str) -> None:
        try:
            day = self.app.session.records.record_day(day_text, "公示日期")
        except CasefileError as e:
            self._log(f"未能登记公示：{e}", "error")
            return
        self.app.push_screen(AskScreen(f"{case_id} 于 {day} 公示；公示平台（可不填）：", "", "如：清溪县人民政府门户网站", required=False),
                             lambda where: self._publish(case_id, day, where) if where is not None else None)

    def _publish(self, case_id: str, day, where: str) -> None:
        try:
            r = self.app.session.records.publish(case_id, day, where)
        except CasefileError as e:
            self._log(f"未能登记公示：{e}", "error")
            return
        self._log(f"已登记 {case_id} 于 {r.date} 公示" + (f"（{where}）" if where else "") + "，已记入全过程记录")

    def action_withdraw(self) -> None:
        st = self.status
        if st is None:
            self.notify("请先选择一件案件", severity="warning")
            return
        if not st.published:
            self.notify(f"{st.case} 尚未登记公示，无需撤回", severity="warning")
            return
        self.app.push_screen(ReasonScreen(f"撤回 {st.case} 的公示：写明理由（如决定被撤销、变更）"),
                             lambda reason: self._ask_withdraw_day(st.case, reason) if reason else None)

    def _ask_withdraw_day(self, case_id: str, reason: str) -> None:
        self.app.push_screen(AskScreen(f"撤回 {case_id} 的公示（{reason}）。撤回日期（年-月-日，不晚于今天）：", self.app.today.isoformat()),
                             lambda day: self._withdraw(case_id, reason, day) if day else None)

    def _withdraw(self, case_id: str, reason: str, day_text: str) -> None:
        try:
            day = self.app.session.records.record_day(day_text, "撤回日期")
            r = self.app.session.records.withdraw(case_id, reason, day)
        except CasefileError as e:
            self._log(f"未能撤回：{e}", "error")
            return
        self._log(f"已登记 {case_id} 于 {r.date} 撤回公示：{reason}，已记入全过程记录")

    # -- 事前公开 registers ------------------------------------------------------------------------
    def action_registers(self) -> None:
        folder = self.app.session.records.export_folder("事前公开")
        self.app.push_screen(AskScreen("生成事前公开清单（执法主体、人员、事项、随机抽查事项；.xlsx）及每个事项的执法流程图（SVG、PNG）和服务指南（.docx）到文件夹：",
                                       str(folder)),
                             lambda ans: self.write_registers(Path(ans)) if ans else None)

    @work(thread=True, exclusive=True, group="publicity")
    def write_registers(self, folder: Path) -> None:
        try:
            written = self.app.session.inspections.write_registers(folder, "xlsx")
        except CasefileError as e:
            self.app.call_from_thread(self._log, f"未能生成清单：{e}", "error")
            return
        except OSError as e:
            self.app.call_from_thread(self._log, f"未能生成清单：{io_problem(e)}", "error")
            return
        registers = [w for w in written if "matter" not in w]
        lines = [f"已生成 {len(registers)} 份清单到 {folder}："] + [f"{w['register']}：{w['rows']} 条" for w in registers]
        for w in written:
            if "matter" in w:  # a 事项's 执法流程图 (SVG, PNG) and 服务指南
                lines.append(f"{w['matter']}：{w['register']} {Path(w['file']).name}" if w["file"] else w["note"])
        self.app.call_from_thread(self._log, "\n".join(lines))
