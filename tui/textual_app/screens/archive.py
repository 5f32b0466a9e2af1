"""档案索引: add a folder of .pdf/.docx/.txt to search as an external archive (no case is
made), with per-file progress in a worker and what was indexed or not."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Static

from casefile.errors import CasefileError
from tui.application import io_problem


class ArchiveIndexScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back")]

    def __init__(self):
        super().__init__()
        self.result: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("档案索引：把一个文件夹中的 .pdf/.docx/.txt 作为外部档案加入检索（不建立案件）", classes="title")
        yield Label("文件夹（回车开始）：", classes="title")
        yield Input(id="archive-folder")
        bar = ProgressBar(id="progress", show_eta=False)
        bar.display = False  # shown once the work starts
        yield bar
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "档案索引"
        box = self.query_one("#archive-folder", Input)
        box.value = str(Path.cwd())
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        folder = Path(event.value.strip()).expanduser()
        if not event.value.strip() or not folder.is_dir():
            self.query_one("#office-log", Static).update(f"“{event.value.strip()}”不是文件夹")
            return
        self.query_one("#office-log", Static).update(f"正在索引 {folder} ……")
        self.run_index(folder)

    @work(thread=True, exclusive=True, group="archive")
    def run_index(self, folder: Path) -> None:
        bar = self.query_one("#progress", ProgressBar)
        log = self.query_one("#office-log", Static)
        self.app.call_from_thread(setattr, bar, "display", True)

        def progress(i: int, n: int, name: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i)
            self.app.call_from_thread(log.update, f"正在索引（{i}/{n}）{name}")

        try:
            r = self.app.session.search.add_archive(folder, progress)
        except CasefileError as e:
            self.app.call_from_thread(log.update, f"未能索引：{e}")
            return
        except OSError as e:
            self.app.call_from_thread(log.update, f"未能索引：{io_problem(e)}")
            return
        self.result = r
        lines = []
        if r.get("recovered"):
            lines.append(f"注意：{r['recovered']}")
        lines.append(f"档案“{folder.name}”已索引：新增或更新 {r['added']} 份（{r['pages']} 页），删除 {r['removed']} 份，未变 {r['unchanged']} 份")
        lines += [f"未能索引：{e['doc']}：{e['error']}" for e in r.get("errors", [])]
        self.app.call_from_thread(bar.update, total=1, progress=1)
        self.app.call_from_thread(log.update, "\n".join(lines))
