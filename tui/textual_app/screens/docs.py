"""生成文书: runs in a worker and goes through the application layer, which re-indexes the case.
(导入文书 is the importer screen, screens/importer.py.)"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListItem, ListView, Static

from casefile.errors import CasefileError, DocumentError
from tui.application import without_file_hints
from tui.textual_app.screens.common import ConfirmScreen


class RenderScreen(Screen[bool]):
    BINDINGS = [Binding("escape", "done", "返回", id="back")]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"为案件 {self.case_id} 生成文书：选择类型后回车\n（已生成的会先询问是否覆盖）", classes="title")
        lv = ListView(id="types")
        yield lv
        yield Static("", id="render-result")
        yield Footer()

    def on_mount(self) -> None:
        lv = self.query_one("#types", ListView)
        session = self.app.session
        for t in session.documents.templated_types(self.case_id):
            have = session.documents.render_would_overwrite(self.case_id, t.code)
            item = ListItem(Label(f"{t.volume}　{t.name}" + ("　（已生成）" if have else "")))
            item.code = t.code
            lv.append(item)
        lv.index = 0  # the first Down moves to the second type, not onto the list
        lv.focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        code = event.item.code
        existing = self.app.session.documents.render_would_overwrite(self.case_id, code)
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
    def render_type(self, code: str, confirm: bool = False) -> None:
        try:
            message = self.app.session.documents.render(self.case_id, code, confirm=confirm).message
        except DocumentError as e:
            if e.title == "须确认" and not confirm:  # a lawful exception: printed only when the person confirms it
                self.app.call_from_thread(self._ask_confirm, code, e)
                return
            message = without_file_hints(str(e))
        except CasefileError as e:
            message = without_file_hints(str(e))
        self.app.call_from_thread(self.query_one("#render-result", Static).update, message)

    def _ask_confirm(self, code: str, e: DocumentError) -> None:
        self.query_one("#render-result", Static).update(e.message)
        self.app.push_screen(ConfirmScreen(e.message + "。确认属于法定例外并生成？（确认记入案件日志）", "\n".join(e.details[:-1]), yes="确认生成"),
                             lambda yes: self.render_type(code, True) if yes else None)

    def action_done(self) -> None:
        self.dismiss(True)

