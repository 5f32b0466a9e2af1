"""导入文书: a picker that can go anywhere (a path box, the parent folder), shows what an
import would take before it takes it, asks before a folder or several files, imports in a
worker with per-file progress (cancel with x), shows the results, and can take the import
back. Every decision is the application layer's (session.imports.import_preview, import_files,
undo_import); this screen only shows and asks."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, ListItem, ListView, ProgressBar, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from casefile.errors import CasefileError
from tui.application import doc_type_name, field_label
from tui.textual_app.screens.common import ConfirmScreen

UP = "..（上一级文件夹）"




class EntryItem(ListItem):
    def __init__(self, path: Path, label: str, is_dir: bool, marked: bool = False):
        self.path, self.is_dir, self.text = path, is_dir, label
        super().__init__(Label(self._label(marked)))
        self.marked = marked

    def _label(self, marked: bool) -> str:
        if self.text == UP:
            return "⬑ " + UP
        return ("☑ " if marked else "☐ " if not self.is_dir else "📁 ") + self.text

    def set_marked(self, marked: bool) -> None:
        self.marked = marked
        self.query_one(Label).update(self._label(marked))


def undo_with_confirmation(screen: Screen, case_id: str, import_id: str | None, done) -> None:
    """Ask, then take the import back in a worker; ``done(message, ok)`` is called on the screen's thread.
    Used by this screen and by the case screen (撤销最近一次导入)."""
    session = screen.app.session
    try:
        live = [r for r in session.imports.imports(case_id) if r["state"] != "已撤销"]
    except CasefileError as e:
        done(str(e), False)
        return
    rec = next((r for r in live if r["id"] == import_id), None) if import_id else (live[-1] if live else None)
    if rec is None:
        done(f"案件 {case_id} 没有可撤销的导入", False)
        return
    names = "\n".join(f"  - {Path(f).name}" for f in rec["files"][:12]) + ("\n  …" if len(rec["files"]) > 12 else "")
    facts = "、".join(fact_names(rec["facts_filled"])) or "无"
    detail = f"将删除这次导入的 {rec['documents']} 份文书：\n{names}\n恢复它补充或改变的案件事实：{facts}\n撤销会记入办案记录。"

    def answered(yes: bool | None) -> None:
        if yes:
            _run_undo(screen, case_id, rec["id"], done)

    screen.app.push_screen(ConfirmScreen(f"撤销第 {rec['id']} 次导入（{rec['started'][:16].replace('T', ' ')}）？", detail), answered)


def _run_undo(screen: Screen, case_id: str, import_id: str, done) -> None:
    app = screen.app

    def job() -> None:
        try:
            r = app.session.imports.undo_import(case_id, import_id)
        except CasefileError as e:
            app.call_from_thread(done, str(e), False)
            return
        msg = f"已撤销第 {r['import']} 次导入：删除文书 {len(r['removed'])} 份"
        if r["facts_restored"]:
            msg += "，恢复案件事实：" + "、".join(fact_names(r["facts_restored"]))
        app.call_from_thread(done, msg, True)

    screen.run_worker(job, thread=True, exclusive=True, group="undo-import")


def fact_names(fields: list[str]) -> list[str]:
    """Chinese names of the facts an import filled ("acts（3项）" → 执法行为3项)."""
    out = []
    for f in fields:
        head, sep, rest = f.partition("（")
        out.append(field_label(head) + (f"（{rest}" if sep else "") if sep else field_label(f))
    return out


class ImporterScreen(Screen[bool]):
    """Browse → preview → confirm → import (progress) → results → undo."""

    BINDINGS = [
        Binding("escape", "back", "返回", id="back"),
        Binding("backspace", "parent", "上一级", id="parent", key_display="退格"),
        Binding("p", "preview", "预览", id="preview"),
        Binding("space", "toggle", "选中", id="toggle", key_display="空格"),
        Binding("i", "start_import", "导入", id="import"),
        Binding("x", "cancel", "取消", id="cancel"),
        Binding("z", "undo", "撤销本次导入", id="undo"),
        Binding("ctrl+l", "focus_path", "输入路径", id="path"),
    ]
    DEFAULT_CSS = """
    ImporterScreen #path-row { height: 3; }
    ImporterScreen #path-label { width: auto; padding: 1 0 0 1; }
    ImporterScreen #path { width: 1fr; }
    ImporterScreen #path-error { height: auto; max-height: 3; color: $error; padding: 0 1; }
    ImporterScreen #browse, ImporterScreen #table { height: 1fr; }
    ImporterScreen #import-summary { height: auto; max-height: 3; padding: 0 1; }
    ImporterScreen #row-detail { height: auto; max-height: 2; padding: 0 1; color: $warning; }
    ImporterScreen #import-progress { height: 1; padding: 0 1; }
    """

    def __init__(self, case_id: str, start: Path | None = None):
        super().__init__()
        self.case_id = case_id
        self.folder = Path(start or Path.cwd())
        self.marked: set[Path] = set()
        self.mode = "browse"  # browse / preview / running / results
        self.preview = None  # the Preview shown
        self.excluded: set[str] = set()  # preview rows the person chose not to import
        self.chosen: list[Path] = []  # what the preview was made of
        self.result = None  # the ImportResult shown
        self.message = ""
        self.details: dict[str, str] = {}  # row key → the full text of its 说明 (shown under the table)
        self._cancel = threading.Event()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"导入文书到案件 {self.case_id}", classes="title", id="import-title")
        with Horizontal(id="path-row"):
            yield Label("路径", id="path-label")
            yield Input(placeholder="输入或粘贴路径（绝对路径，~ 表示主目录），回车前往", id="path")
        yield Static("", id="path-error")
        yield ListView(id="browse")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="row-detail")
        yield Static("", id="import-summary")
        yield ProgressBar(id="import-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "导入文书"
        self.query_one("#table", DataTable).display = False
        self.query_one("#import-progress", ProgressBar).display = False
        self.show_folder(self.folder)

    # -- helpers -------------------------------------------------------------------------------
    def _error(self, text: str) -> None:
        self.query_one("#path-error", Static).update(text)

    def _summary(self, text: str) -> None:
        self.message = text
        self.query_one("#import-summary", Static).update(text)

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        browse = mode == "browse"
        self.query_one("#row-detail", Static).update("")
        self.query_one("#browse", ListView).display = browse
        self.query_one("#table", DataTable).display = not browse
        self.query_one("#import-progress", ProgressBar).display = mode == "running"
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Only the keys that mean something now are offered (footer, palette)."""
        allowed = {
            "parent": self.mode == "browse", "toggle": self.mode in ("browse", "preview"), "preview": self.mode == "browse",
            "start_import": self.mode == "preview", "cancel": self.mode == "running",
            "undo": self.mode == "results" and bool(self.result and self.result.import_id and self.result.documents),
        }
        return allowed.get(action, True)

    # -- browsing --------------------------------------------------------------------------------
    def show_folder(self, folder: Path) -> None:
        session = self.app.session
        try:
            entries = session.imports.browse(folder)
        except CasefileError as e:
            self._error(str(e))
            return
        self.folder = folder
        self._error(session.imports.import_refusal(folder) and f"注意：{session.imports.import_refusal(folder)}")
        self.query_one("#path", Input).value = str(folder)
        lv = self.query_one("#browse", ListView)
        lv.clear()
        if folder.parent != folder:
            lv.append(EntryItem(folder.parent, UP, True))
        for e in entries:
            lv.append(EntryItem(e.path, e.name, e.is_dir, e.path in self.marked))
        self._set_mode("browse")
        n = sum(1 for e in entries if not e.is_dir)
        self._summary(f"{folder}：{sum(1 for e in entries if e.is_dir)} 个文件夹，{n} 个可导入的文件。"
                      "回车进入文件夹，空格选中文件，p 预览（未选中文件时预览整个文件夹），退格键到上一级")
        lv.index = 0
        lv.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "path":
            return
        try:
            p = self.app.session.imports.parse_path(event.value, self.folder)
        except CasefileError as e:
            self._error(str(e))
            return
        self._error("")
        if p.is_dir():
            self.show_folder(p)
        else:
            self.make_preview([p])

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        item = event.item
        if not isinstance(item, EntryItem):
            return
        if item.is_dir:
            self.show_folder(item.path)
        else:
            self.make_preview([item.path])

    def action_parent(self) -> None:
        if self.mode == "browse" and self.folder.parent != self.folder:
            self.show_folder(self.folder.parent)

    def action_focus_path(self) -> None:
        self.query_one("#path", Input).focus()

    def action_toggle(self) -> None:
        if self.mode == "browse":
            lv = self.query_one("#browse", ListView)
            item = lv.highlighted_child
            if isinstance(item, EntryItem) and not item.is_dir:
                if item.path in self.marked:
                    self.marked.discard(item.path)
                else:
                    self.marked.add(item.path)
                item.set_marked(item.path in self.marked)
                self._summary(f"已选中 {len(self.marked)} 个文件；p 预览选中的文件")
        elif self.mode == "preview" and self.preview is not None:
            table = self.query_one("#table", DataTable)
            if table.row_count == 0:
                return
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            item = next((i for i in self.preview.items if i.path == key), None)
            if item is None or item.action != "导入":
                self.notify("这个文件不能导入（原因见说明栏）", severity="warning")
                return
            if key in self.excluded:
                self.excluded.discard(key)
            else:
                self.excluded.add(key)
            table.update_cell(key, "do", self._verdict(item))
            self._preview_summary()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The whole reason of the highlighted row (the column is cut at 80 columns)."""
        key = event.row_key.value if event.row_key is not None else None
        self.query_one("#row-detail", Static).update(self.details.get(key, ""))

    # -- the preview -------------------------------------------------------------------------------
    def action_preview(self) -> None:
        if self.mode != "browse":
            return
        chosen = sorted(self.marked) or [self.folder]
        self.make_preview(chosen)

    def make_preview(self, paths: list[Path]) -> None:
        refusals = [r for r in (self.app.session.imports.import_refusal(p) for p in paths) if r]
        if refusals:
            self._error("不能导入：" + "；".join(refusals))
            return
        self._error("")
        self.chosen = list(paths)
        self._cancel.clear()
        self._set_mode("running")
        self._summary("正在读取文件，识别文书类型……（x 取消）")
        self.run_preview(list(paths))

    @work(thread=True, exclusive=True, group="import-preview")
    def run_preview(self, paths: list[Path]) -> None:
        bar = self.query_one("#import-progress", ProgressBar)

        def progress(i: int, n: int, name: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i - 1)
            self.app.call_from_thread(self._summary, f"正在预览 {name}（{i}/{n}）（x 取消）")

        try:
            pv = self.app.session.imports.import_preview(self.case_id, paths, progress=progress, cancelled=self._cancel.is_set)
        except CasefileError as e:
            self.app.call_from_thread(self._preview_failed, str(e))
            return
        self.app.call_from_thread(self._show_preview, pv)

    def _preview_failed(self, message: str) -> None:
        self._error(message)
        self._set_mode("browse")
        self._summary("预览未完成")

    def _verdict(self, item) -> str:
        if item.action != "导入":
            return "跳过"
        if item.path in self.excluded:
            return "不导入"
        return "导入⚠" if item.reason else "导入"

    def _show_preview(self, pv) -> None:
        if self._cancel.is_set():
            self._set_mode("browse")
            self._summary("已取消预览")
            return
        self.preview = pv
        # documents the preview says seem to belong to another case are left out unless the person takes them in
        self.excluded = {i.path for i in pv.flagged}
        table = self.query_one("#table", DataTable)
        table.clear(columns=True)
        table.add_column("处理", key="do")
        table.add_column("文件", key="file")
        table.add_column("识别为", key="type")
        table.add_column("说明", key="why")
        self.details = {}
        for i in pv.items:
            table.add_row(self._verdict(i), Path(i.path).name, doc_type_name(i.doc_type) if i.doc_type else "—", i.reason or i.doc_no or "",
                          key=i.path)
            self.details[i.path] = i.reason or (f"文号：{i.doc_no}" if i.doc_no else "")
        for s in pv.folders_skipped:
            table.add_row("跳过", Path(s.path).name + "/", "文件夹", s.reason, key=s.path)
            self.details[s.path] = s.reason
        self._set_mode("preview")
        self._preview_summary()
        table.focus()

    def _take(self) -> list[str]:
        return [i.path for i in self.preview.to_import if i.path not in self.excluded] if self.preview else []

    def _preview_summary(self) -> None:
        pv = self.preview
        take = self._take()
        skipped = len(pv.skipped) + len(pv.folders_skipped)
        text = f"将导入 {len(take)} 个文件，跳过 {skipped} 项"
        # files the person left out with Space are counted as such
        left_out = len([i for i in pv.to_import if i.path in self.excluded and not i.reason])
        if left_out:
            text += f"，不导入 {left_out} 个"
        others = [i for i in pv.flagged if i.path in self.excluded]
        if others:
            text += f"；{len(others)} 个疑属其他案件（默认不导入）"
        check = [i for i in pv.flagged if i.path not in self.excluded]
        if check:
            text += f"；{len(check)} 个疑属其他案件但已选入，请核对（⚠）"
        if pv.flagged:
            text += "；空格切换是否导入"
        if pv.truncated:
            text += "；文件过多，只列出了前面的部分，请选择更具体的文件夹"
        if pv.type_warning:  # the files look like another case type's papers (casefile.ingest.case_typing)
            text = f"⚠ {pv.type_warning}。" + text
        self._summary(text + "。i 确认导入，Esc 返回")

    # -- importing -----------------------------------------------------------------------------------
    def action_start_import(self) -> None:
        if self.mode != "preview" or self.preview is None:
            return
        take = self._take()
        if not take:
            self.notify("没有要导入的文件", severity="warning")
            return
        if len(take) == 1 and not any(Path(p).is_dir() for p in self.chosen):
            self._run(take)
            return
        names = "\n".join(f"  - {Path(p).name}" for p in take[:10]) + (f"\n  … 共 {len(take)} 个" if len(take) > 10 else "")
        self.app.push_screen(ConfirmScreen(f"把 {len(take)} 个文件导入案件 {self.case_id}？", names + "\n导入后可以撤销（z）。", "导入",
                                          default_yes=True),
                             lambda yes: self._run(take) if yes else None)

    def _run(self, files: list[str]) -> None:
        self._cancel.clear()
        self._set_mode("running")
        self._summary(f"正在导入 {len(files)} 个文件……（x 取消）")
        # documents the person took in despite another case's 文号 are imported as chosen
        include = any(i.flagged for i in self.preview.items if i.path in files)
        decisions = [i for i in self.preview.items if i.path in files and i.decision]
        if not decisions:
            self.run_import([Path(p) for p in files], include)
            return
        # a decision moves the case to 已决定 with its measures: shown, and recorded only when the person says so
        shown = "\n".join(f"  - {Path(i.path).name}：{i.decision}" for i in decisions[:8])
        self.app.push_screen(
            ConfirmScreen("导入的决定书将为本案记录决定（文号、日期、处罚），并把状态改为“已决定”。是否记录？",
                          shown + "\n取消：只导入文书，不记录决定、不改变状态。", yes="记录决定"),
            lambda yes: self.run_import([Path(p) for p in files], include, bool(yes)))

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, files: list[Path], include_other_cases: bool, fill_decision: bool = True) -> None:
        bar = self.query_one("#import-progress", ProgressBar)

        def progress(i: int, n: int, name: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i - 1)
            self.app.call_from_thread(self._summary, f"正在导入 {name}（{i}/{n}）（x 取消）")

        try:
            r = self.app.session.imports.import_files(self.case_id, files, progress=progress, cancelled=self._cancel.is_set,
                                              include_other_cases=include_other_cases, fill_decision=fill_decision)
        except CasefileError as e:
            self.app.call_from_thread(self._preview_failed, str(e))
            return
        self.app.call_from_thread(self._show_result, r)

    def action_cancel(self) -> None:
        if self.mode == "running":
            self._cancel.set()
            self._summary("正在取消……（已开始的文件完成后停止）")

    def _show_result(self, r) -> None:
        self.result = r
        table = self.query_one("#table", DataTable)
        table.clear(columns=True)
        table.add_column("结果", key="do")
        table.add_column("文件", key="file")
        table.add_column("导入为", key="type")
        table.add_column("说明", key="why")
        self.details = {}

        def row(verdict: str, name: str, kind: str, why: str, key: str) -> None:
            table.add_row(verdict, name, kind, why, key=key)
            self.details[key] = why

        for d in r.documents:
            stored = Path(d.stored_as).name
            why = (f"存为 {stored}；" if stored != Path(d.file).name else "") + d.status
            row("已导入", Path(d.file).name, doc_type_name(d.doc_type), why, d.stored_as)
        for n, s in enumerate(r.skipped):
            row("跳过", Path(s["file"]).name, "—", s["reason"], f"skip-{n}")
        for n, e in enumerate(r.errors):
            row("失败", Path(e["file"]).name if e.get("file") else "—", "—", e["error"], f"error-{n}")
        for n, c in enumerate(r.conflicts):
            row("冲突", "—", field_label(c["field"]),
                f"案件中为“{c['present']}”，《{doc_type_name(c['document'])}》中为“{c['extracted']}”，未覆盖", f"conflict-{n}")
        failed = r.failed
        text = f"已导入 {len(r.documents)} 个，跳过 {len(r.skipped)} 个，失败 {failed} 个"
        if r.facts_filled:
            text += "；补充了案件事实：" + "、".join(fact_names(r.facts_filled))
        if r.import_id and r.documents:
            text += f"。这是本案第 {r.import_id} 次导入，z 撤销本次导入"
        self.marked.clear()
        self._set_mode("results")
        self._summary(text)
        table.focus()

    # -- undo -------------------------------------------------------------------------------------------
    def action_undo(self) -> None:
        if self.mode == "results" and self.result and self.result.import_id:
            undo_with_confirmation(self, self.case_id, self.result.import_id, self._undone)

    def _undone(self, message: str, ok: bool) -> None:
        if ok:
            table = self.query_one("#table", DataTable)
            for d in self.result.documents:
                try:
                    table.update_cell(d.stored_as, "do", "已撤销")
                except (CellDoesNotExist, RowDoesNotExist):  # a row the table no longer has
                    pass
            self.result.documents = []  # nothing left to undo
            self.refresh_bindings()
            self.notify(message, title="撤销导入")
        else:
            self.notify(message, title="不能撤销导入", severity="error")
        self._summary(message)

    # -- leaving --------------------------------------------------------------------------------------
    def action_back(self) -> None:
        if self.mode in ("preview", "results"):
            self.show_folder(self.folder)
        elif self.mode == "running":
            self.notify("导入正在进行，按 x 取消后再返回", severity="warning")
        else:
            self.dismiss(True)
