"""评查: the 评查人员 chooses folders or files and cases of the workspace, a sample and a
standard; the evaluation runs in a worker with progress; each result is read at its text
(the findings with the passages they rest on, marked in the document); the report is
written as .xlsx or .docx; earlier evaluations show as charts of where files go wrong."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, ProgressBar, Select, Static

from casefile.errors import CasefileError
from tui.application import bar_chart, io_problem
from tui.textual_app.screens.ask import AskScreen

BAR = 24
DIMENSIONS = (("item", "按评查项目"), ("rule", "按规则"), ("agency", "按执法机关"), ("handler", "按承办人"), ("month", "按决定月份"))


class ReadingScreen(Screen):
    """A long plain text (a document's own brackets are not markup), scrolled with the keys."""

    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back")]

    def __init__(self, title: str, text: str):
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(self.title_text, classes="title")
        with VerticalScroll(id="text-scroll"):
            yield Static(self.text, id="text-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#text-scroll").focus()


class EvaluateScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("ctrl+r", "run", "开始评查", id="evaluate-run"),
        Binding("o", "options", "评查选项", id="evaluate-options"),
        Binding("w", "report", "写出评查报告", id="evaluate-report"),
        Binding("h", "history", "历次评查", id="evaluate-history"),
    ]

    def __init__(self):
        super().__init__()
        self.evaluation = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="evaluate-form"):
            yield Label("文件或目录（多个用；分隔）：", classes="title")
            yield Input(id="ev-paths", compact=True, placeholder="如 /data/2025年决定书；一宗案件的文书目录为一宗案卷，多份决定书逐份评查")
            yield Label("本工作区案件（全部／年度如 2025／编号或文号，逗号分隔；空为不选）：", classes="title")
            yield Input(id="ev-cases", compact=True)
            yield Label("抽样（件数如 50 或比例如 10%，空为全部）与种子：", classes="title")
            yield Input(id="ev-sample", compact=True, placeholder="空为全部评查")
            yield Input(id="ev-seed", compact=True, value="0")
            yield Label("重点抽查（机关、类型或领域，逗号分隔；按两倍比例抽取）：", classes="title")
            yield Input(id="ev-focus", compact=True)
            yield Select([(title, name) for name, title in self.app.session.evaluation.evaluation_standards()], id="ev-standard",
                         allow_blank=False, prompt="评查标准", compact=True)
        bar = ProgressBar(id="progress", show_eta=False)
        bar.display = False
        yield bar
        yield DataTable(id="ev-results", cursor_type="row", zebra_stripes=True)
        yield Static("填好后按 Ctrl+R（或在输入框回车）开始评查；结果中回车阅读，w 写出报告，h 历次评查", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "案卷评查"
        t = self.query_one("#ev-results", DataTable)
        t.add_columns("得分", "等级", "文号／文件", "执法机关")  # score and grade first: they fit at 80 columns
        t.display = False
        self.query_one("#ev-paths", Input).focus()

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.action_run()

    def action_options(self) -> None:
        self.query_one("#evaluate-form").display = True
        self.query_one("#ev-paths", Input).focus()

    def action_run(self) -> None:
        v = lambda wid: self.query_one(wid, Input).value  # noqa: E731
        standard = self.query_one("#ev-standard", Select).value
        request = self.app.session.evaluation.evaluation_request(v("#ev-paths"), v("#ev-cases"), v("#ev-sample"), v("#ev-seed"), str(standard),
                                                      v("#ev-focus"))
        self.query_one("#office-log", Static).update("正在评查……")
        self.run_evaluation(request)

    @work(thread=True, exclusive=True, group="evaluate")
    def run_evaluation(self, request) -> None:
        bar = self.query_one("#progress", ProgressBar)
        log = self.query_one("#office-log", Static)
        self.app.call_from_thread(setattr, bar, "display", True)

        def progress(i: int, n: int, name: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i)
            self.app.call_from_thread(log.update, f"正在评查（{i}/{n}）{name}")

        try:
            ev = self.app.session.evaluation.evaluate(request, progress)
        except CasefileError as e:
            self.app.call_from_thread(log.update, f"未能评查：{e}" + "".join(f"\n{d}" for d in e.details))
            return
        except OSError as e:
            self.app.call_from_thread(log.update, f"未能评查：{io_problem(e)}")
            return
        self.app.call_from_thread(self.show, ev)

    def show(self, ev) -> None:
        self.evaluation = ev
        t = self.query_one("#ev-results", DataTable)
        t.clear()
        for r in ev.results:
            name = r.get("doc_no") or Path(r["file"]).name
            if r.get("error"):
                t.add_row("", r["grade"], name, "")
            else:
                t.add_row(f"{r['score']:g}" if r.get("scored") else "—", r["grade"], name, r.get("agency", ""))
        self.query_one("#evaluate-form").display = False
        t.display = True
        t.focus()
        scored = [r for r in ev.results if r.get("scored")]
        mean = f"{sum(r['score'] for r in scored) / len(scored):.1f}" if scored else "—"
        lines = [f"评查 {len(ev.results)} 件（{ev.standard_title}）：评分 {len(scored)} 件，平均 {mean} 分"]
        if ev.draw:
            d = ev.draw["drawn"]
            lines.append(f"抽样（种子 {ev.draw['seed']}）：必查 {len(d['必查'])}、重点 {len(d['重点'])}、一般 {len(d['一般'])}")
        lines += [f"跳过：{p['error']}" for p in ev.problems]
        lines.append("回车阅读所选结果；w 写出报告；o 重新设定")
        self.query_one("#office-log", Static).update("\n".join(lines))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if self.evaluation is None or not 0 <= event.cursor_row < len(self.evaluation.results):
            return
        r = self.evaluation.results[event.cursor_row]
        self.app.push_screen(ReadingScreen(r.get("doc_no") or Path(r["file"]).name, self.app.session.evaluation.evaluation_reading(r)))

    def action_report(self) -> None:
        if self.evaluation is None:
            self.notify("先评查，再写出报告", severity="warning")
            return
        default = self.app.session.records.export_folder("评查") / f"评查报告-{self.evaluation.id}.docx"
        self.app.push_screen(AskScreen("评查报告另存为（.docx 或 .xlsx）：", str(default)), self._write)

    def _write(self, answer: str | None) -> None:
        if not answer or self.evaluation is None:
            return
        try:
            path = self.app.session.evaluation.write_evaluation_report(self.evaluation, Path(answer).expanduser())
        except (CasefileError, OSError) as e:
            text = io_problem(e)
            self.query_one("#office-log", Static).update(f"未能写出：{text}")
            self.notify(text, severity="error")
            return
        self.query_one("#office-log", Static).update(f"已写出 {path}")

    def action_history(self) -> None:
        h = self.app.session.evaluation.evaluation_history()
        if not h["evaluations"]:
            self.notify("还没有评查记录", severity="warning")
            return
        lines = [f"共 {len(h['evaluations'])} 次评查：" + "；".join(
            f"{e['created'][:10]} {e['units']} 件（平均 {e['mean_score'] if e['mean_score'] is not None else '—'}）" for e in h["evaluations"][-5:]), ""]
        for dim, title in DIMENSIONS:
            rows = h["by"][dim]
            if dim == "month":
                rows = sorted((r for r in rows if r["name"] != "未载明"), key=lambda r: r["name"])[-12:]
            lines += [f"{title}：", *bar_chart({r["title"]: r["findings"] for r in rows[:10]}, BAR), ""]
        self.app.push_screen(ReadingScreen("历次评查：问题分布（薄弱环节）", "\n".join(lines)))
