"""法律法规: the statutes the checks consult (bundled and imported); open one and read its
articles, jump to an article number; import a folder of laws or a 案卷包, each with
its per-file results."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static, TextArea
from textual.widgets.text_area import Selection

from casefile.errors import CasefileError
from tui.application import article_key, article_label, io_problem
from tui.textual_app.screens.ask import AskScreen


class LawLibraryScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("enter", "open_law", "阅读", id="law-open", show=False),
        Binding("f", "filter", "按名称筛选", id="law-filter"),
        Binding("i", "import_laws", "导入法律法规目录", id="law-import"),
        Binding("k", "import_package", "导入案卷包", id="package-import"),
    ]

    def __init__(self):
        super().__init__()
        self.laws: list = []  # LawEntry
        self.filter_text = ""
        self.import_result: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="law-title", classes="title")
        yield DataTable(id="law-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "法律法规"
        # the name last: a long one runs to the edge without pushing the other columns off at 80 columns
        self.query_one("#law-table", DataTable).add_columns("来源", "条数", "最新版本", "名称")
        self.load()
        self.query_one("#law-table").focus()

    def load(self) -> None:
        self.laws = self.app.session.records.law_list()
        t = self.query_one("#law-table", DataTable)
        t.clear()
        shown = [law for law in self.laws if self.filter_text in law.name]
        for law in shown:
            latest = (law.versions[-1] or "未注明") if law.versions else "—"
            n = len(set(law.versions))
            t.add_row(law.origin, str(law.articles), latest + (f"（共{n}版）" if n > 1 else ""), law.name, key=law.name)
        self.query_one("#law-title", Label).update(
            f"法律库：{len(self.laws)} 部（随附与本工作区导入）" + (f"　筛选“{self.filter_text}”：{len(shown)} 部" if self.filter_text else "")
            + "　回车阅读")

    def selected(self) -> str | None:
        t = self.query_one("#law-table", DataTable)
        if t.row_count == 0:
            return None
        return str(t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(LawScreen(str(event.row_key.value)))

    def action_open_law(self) -> None:
        name = self.selected()
        if name:
            self.app.push_screen(LawScreen(name))

    def action_filter(self) -> None:
        self.app.push_screen(AskScreen("名称包含（留空看全部）：", self.filter_text, required=False), self._filtered)

    def _filtered(self, answer: str | None) -> None:
        if answer is not None:
            self.filter_text = answer
            self.load()

    # -- imports --------------------------------------------------------------------------
    def action_import_laws(self) -> None:
        self.app.push_screen(AskScreen("导入法律法规：目录（LawRefBook 格式的 .md、规章 .txt；取代本工作区以前的导入）", str(Path.cwd())),
                             lambda ans: self.import_laws(Path(ans)) if ans else None)

    @work(thread=True, exclusive=True, group="law-import")
    def import_laws(self, folder: Path) -> None:
        self.app.call_from_thread(self.query_one("#office-log", Static).update, f"正在解析 {folder} ……")
        try:
            r = self.app.session.records.import_laws(folder)
        except CasefileError as e:
            self.app.call_from_thread(self._done, f"未能导入：{e}", None)
            return
        except OSError as e:
            self.app.call_from_thread(self._done, f"未能导入：{io_problem(e)}", None)
            return
        lines = [f"已导入 {r['laws']} 部法律法规（{r['versions']} 个版本），读了 {len(r['files'])} 个文件："]
        for f in r["files"]:
            lines.append(f"✗ {f['file']}：{f['skipped']}" if f["skipped"]
                         else f"✓ {f['file']}：《{f['law']}》{f['version'] or ''} {f['articles']} 条")
        self.app.call_from_thread(self._done, "\n".join(lines), r)

    def _done(self, text: str, result: dict | None) -> None:
        self.import_result = result
        self.query_one("#office-log", Static).update(text)
        self.load()

    def action_import_package(self) -> None:
        self.app.push_screen(AskScreen("导入案卷包（.zip；先校验每个文件的哈希，全部无误才写入）：", str(Path.cwd())),
                             lambda ans: self.import_package(Path(ans)) if ans else None)

    @work(thread=True, exclusive=True, group="package-import")
    def import_package(self, path: Path) -> None:
        self.app.call_from_thread(self.query_one("#office-log", Static).update, f"正在校验并导入 {path} ……")
        try:
            r = self.app.session.documents.import_package(path)
        except CasefileError as e:
            self.app.call_from_thread(self._done, f"未能导入 {path.name}：{e}" + ("\n" + "\n".join(e.details) if e.details else ""), None)
            return
        except OSError as e:
            self.app.call_from_thread(self._done, f"未能导入：{io_problem(e)}", None)
            return
        text = f"已导入案件 {r['case']}（{r['files']} 个文件，哈希全部相符）" + (f"，原案件保留在 {r['replaced']}" if r.get("replaced") else "")
        if r.get("type_warning"):
            text += f"\n⚠ {r['type_warning']}"
        self.app.call_from_thread(self._done, text, r)


class LawScreen(Screen):
    """One law's text in a read-only text area (a long code such as the 刑法 opens at once: the
    area draws only the lines on screen); a typed number jumps to that article and selects it."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("a", "goto", "跳到条号", id="law-goto"),
        Binding("v", "next_version", "换版本", id="law-version"),
    ]

    def __init__(self, name: str, article: str | None = None, version: str | None = None):
        super().__init__()
        self.law_name, self.want, self.version = name, article, version
        self.law = None  # LawText
        self.current: str | None = None
        self.lines: dict[str, tuple[int, int]] = {}  # article key → its first and last line in the text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="law-head", classes="title")
        yield TextArea(id="law-text", read_only=True, soft_wrap=True, show_line_numbers=False)
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "法律法规"
        self.show()

    def show(self) -> None:
        try:
            self.law = self.app.session.records.law_articles(self.law_name, self.version)
        except CasefileError as e:
            self.query_one("#law-head", Label).update(str(e))
            return
        law = self.law
        self.query_one("#law-head", Label).update(
            f"《{law.name}》{law.version or ''}版　共 {len(law.articles)} 条　a 跳到条号" + ("　v 换版本" if len(law.versions) > 1 else ""))
        chunks, self.lines, line = [], {}, 0
        for a in law.articles:
            body = (a["text"] or a["label"]).splitlines() or [a["label"]]
            self.lines[a["key"]] = (line, line + len(body) - 1)
            chunks.append("\n".join(body))
            line += len(body) + 1  # a blank line between articles
        area = self.query_one("#law-text", TextArea)
        area.load_text("\n\n".join(chunks))
        self.query_one("#office-log", Static).update(law.missing)
        area.focus()
        if self.want:
            self.call_after_refresh(self.goto, self.want)

    def action_goto(self) -> None:
        self.app.push_screen(AskScreen("跳到第几条（如 28、第二十八条、10之一）：", ""), lambda ans: self.goto(ans) if ans else None)

    def goto(self, text: str) -> bool:
        key = article_key(text)
        if not key or self.law is None:
            self.notify(f"“{text}”不是条号", severity="error")
            return False
        if key not in self.lines:
            self.notify(f"《{self.law.name}》没有{article_label(key)}", severity="warning")
            return False
        first, last = self.lines[key]
        area = self.query_one("#law-text", TextArea)
        end = (last, len(area.document.get_line(last)))
        area.selection = Selection(start=end, end=(first, 0))  # the cursor at the article's start, its text selected
        self.current = key
        # the article's first line at the top of the area (soft-wrapped lines counted)
        y = area.wrapped_document.location_to_offset((first, 0)).y
        area.scroll_to(y=y, animate=False)
        return True

    def action_next_version(self) -> None:
        if not self.law or len(self.law.versions) < 2:
            self.notify("只有一个版本", severity="information")
            return
        vs = self.law.versions
        self.version = vs[(vs.index(self.law.version) + 1) % len(vs)]
        self.want = self.current
        self.show()
