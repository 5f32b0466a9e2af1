"""生成文书 and 导入文书 (a file picker with per-file progress). Both run in workers and
go through the application layer, which re-indexes the case."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DirectoryTree, Footer, Header, Label, ListItem, ListView, ProgressBar, Static

from casefile.errors import CasefileError
from tui.application import doc_type_name, field_label, without_file_hints
from tui.textual_app.screens.common import ConfirmScreen


class RenderScreen(Screen[bool]):
    BINDINGS = [Binding("escape", "done", "返回", id="back")]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"为案件 {self.case_id} 生成文书：选择类型后回车（已生成的会先询问是否覆盖）", classes="title")
        lv = ListView(id="types")
        yield lv
        yield Static("", id="render-result")
        yield Footer()

    def on_mount(self) -> None:
        lv = self.query_one("#types", ListView)
        session = self.app.session
        for t in session.templated_types():
            have = session.render_would_overwrite(self.case_id, t.code)
            item = ListItem(Label(f"{t.volume}　{t.name}" + ("　（已生成）" if have else "")))
            item.code = t.code
            lv.append(item)
        lv.index = 0  # the first Down moves to the second type, not onto the list
        lv.focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        code = event.item.code
        existing = self.app.session.render_would_overwrite(self.case_id, code)
        if existing:  # never replace a document without asking, naming the file
            self.app.push_screen(
                ConfirmScreen("重新生成将覆盖已有文书，是否继续？", f"将被替换的文件：{existing}\n（案件目录中的原文件由新生成的文书替换，日志中留有记录）",
                              yes="覆盖"),
                lambda yes: self._start(code) if yes else self.query_one("#render-result", Static).update(f"未生成：{existing} 保持不变"))
            return
        self._start(code)

    def _start(self, code: str) -> None:
        self.query_one("#render-result", Static).update("正在生成……")
        self.render_type(code)

    @work(thread=True, exclusive=True, group="render")
    def render_type(self, code: str) -> None:
        try:
            message = self.app.session.render(self.case_id, code).message
        except CasefileError as e:
            message = without_file_hints(str(e))
        self.app.call_from_thread(self.query_one("#render-result", Static).update, message)

    def action_done(self) -> None:
        self.dismiss(True)


class ImportScreen(Screen[bool]):
    BINDINGS = [Binding("escape", "done", "返回", id="back")]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("选择要导入的文件或文件夹（回车导入；.docx/.pdf/.txt）", classes="title")
        yield DirectoryTree(str(Path.cwd()), id="picker")
        yield ProgressBar(id="progress", show_eta=False)
        yield Static("", id="import-result")
        yield Footer()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.run_import(event.path)

    def on_directory_tree_directory_selected(self, event: DirectoryTree.DirectorySelected) -> None:
        self.run_import(event.path)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: Path) -> None:
        bar = self.query_one("#progress", ProgressBar)
        result = self.query_one("#import-result", Static)

        def progress(i: int, n: int, name: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i - 1)
            self.app.call_from_thread(result.update, f"正在导入 {name}（{i}/{n}）")

        try:
            r = self.app.session.import_documents([Path(path)], self.case_id, progress=progress)
        except CasefileError as e:
            self.app.call_from_thread(result.update, str(e))
            return
        lines = [f"{Path(d.file).name}：{doc_type_name(d.doc_type)}（可信度{d.confidence:.0%}）{d.status}" for d in r.documents]
        lines += [f"未导入：{e['error']}" for e in r.errors]
        lines += [f"冲突：{field_label(c['field'])}，案件记为“{c.get('present', '')}”，{Path(str(c.get('document', ''))).name} 中为“{c.get('extracted', '')}”"
                  for c in r.conflicts]
        self.app.call_from_thread(bar.update, progress=bar.total or 1)
        self.app.call_from_thread(result.update, "\n".join(lines) or "没有可导入的文件")

    def action_done(self) -> None:
        self.dismiss(True)
