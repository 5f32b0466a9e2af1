"""统计: a year's 行政执法数据 — the table the CLI prints (by type and result, fines, hearings,
review, transfers, average days) and its bar charts drawn in the terminal; another
year with [ and ] or typed; export to .docx or .csv."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from casefile.errors import CasefileError
from tui.application import bar_chart, io_problem
from tui.textual_app.screens.ask import AskScreen

BAR = 16  # bar length in cells: the chart sits beside the table at 80 columns


class StatsScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("left_square_bracket", "year(-1)", "上一年", id="stats-prev", key_display="["),
        Binding("right_square_bracket", "year(1)", "下一年", id="stats-next", key_display="]"),
        Binding("y", "pick_year", "选择年度", id="stats-year"),
        Binding("x", "export", "导出统计表", id="stats-export"),
    ]

    def __init__(self, year: int | None = None):
        super().__init__()
        self.year = year
        self.stats: dict | None = None
        self.rows: list[tuple[str, object]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="stats-title", classes="title")
        with Horizontal(id="stats-panes"):
            yield DataTable(id="stats-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="stats-chart-pane"):
                yield Static("", id="stats-chart")
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "统计"
        self.query_one("#stats-table", DataTable).add_columns("项目", "数值")
        self.show(self.year or self.app.today.year)
        self.query_one("#stats-table").focus()

    def show(self, year: int) -> None:
        session = self.app.session
        self.year = year
        s = session.records.annual_stats(year)
        self.stats, self.rows = s, session.records.stats_rows(s)
        t = self.query_one("#stats-table", DataTable)
        t.clear()
        for k, v in self.rows:
            t.add_row(k, str(v))
        self.query_one("#stats-title", Label).update(f"{year}年度行政执法数据（应于 {s['publish_by']} 前公开）　[ ] 换年度")
        chart = ["按执法类型："] + bar_chart(s["by_type"], BAR) + ["", "按结果："] + bar_chart(s["by_outcome"], BAR)
        self.query_one("#stats-chart", Static).update("\n".join(chart))
        unreadable = s.get("unreadable", [])
        self.query_one("#office-log", Static).update(
            "未计入（无法读取）：" + "、".join(u["case"] for u in unreadable) if unreadable else "")

    def action_year(self, step: int) -> None:
        self.show(self.year + step)

    def action_pick_year(self) -> None:
        self.app.push_screen(AskScreen("统计年度（四位数字）：", str(self.year)), self._picked)

    def _picked(self, answer: str | None) -> None:
        if answer is None:
            return
        if not (answer.isdigit() and len(answer) == 4):
            self.notify(f"“{answer}”不是年度（如 {self.app.today.year}）", severity="error")
            return
        self.show(int(answer))

    def action_export(self) -> None:
        default = self.app.session.records.export_folder("统计") / f"{self.year}年度行政执法数据.docx"
        self.app.push_screen(AskScreen("另存为（.docx 或 .csv）：", str(default)), self._export)

    def _export(self, answer: str | None) -> None:
        if not answer or self.stats is None:
            return
        try:
            path = self.app.session.records.save_stats(self.stats, Path(answer))
        except (CasefileError, OSError) as e:
            text = io_problem(e)
            self.query_one("#office-log", Static).update(f"未能导出：{text}")
            self.notify(text, severity="error")
            return
        self.query_one("#office-log", Static).update(f"已导出 {path}")
