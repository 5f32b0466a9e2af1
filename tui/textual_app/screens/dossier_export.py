"""案卷导出 and 打印: the 卷内目录, 备考表 and 封面 made first, then the 送审案卷包 (.zip with
checksums) and the print document (.docx, a PDF beside it when LibreOffice is installed)
written to a chosen folder, step by step in a worker. 打印 produces the print-ready files
and shows where they are; it does not send anything to a printer."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Static

from casefile.errors import CasefileError
from tui.application import io_problem


class DossierExportScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("e", "export", "导出案卷包与打印文档", id="dossier-export"),
        Binding("p", "print_ready", "生成打印文档", id="dossier-print"),
        Binding("c", "change_folder", "修改导出文件夹", id="dossier-folder"),
    ]
    AUTO_FOCUS = ""  # nothing focused: the keys act at once; c (or Tab) puts the cursor in the folder box

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id
        self.result = None  # the DossierExport done

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"案卷导出：{self.case_id}", id="dossier-title", classes="title")
        yield Label("导出到文件夹（可修改）：", classes="title")
        yield Input(id="dossier-folder")
        yield Static("", id="dossier-plan")
        bar = ProgressBar(id="progress", show_eta=False)
        bar.display = False  # shown once the work starts
        yield bar
        yield Static("", id="office-log")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "案卷导出"
        session = self.app.session
        folder = self.query_one("#dossier-folder", Input)
        folder.value = str(session.records.export_folder("案卷"))
        pdf = "装有 LibreOffice，另出 PDF" if session.documents.pdf_available() else "未安装 LibreOffice：只生成 .docx，不生成 PDF"
        self.query_one("#dossier-plan", Static).update(
            f"e 导出案卷包（.zip，含校验和）与打印文档；p 只生成打印文档（{pdf}）；c 修改文件夹。\n"
            "两者都先生成卷内目录、备考表和封面。打印文档生成后显示其位置，不直接送打印机。")

    def action_change_folder(self) -> None:
        self.query_one("#dossier-folder", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(None)  # back to the keys
        self.action_export()

    def _folder(self) -> Path | None:
        text = self.query_one("#dossier-folder", Input).value.strip()
        if not text:
            self.notify("请填写导出文件夹", severity="error")
            return None
        return Path(text).expanduser()

    def action_export(self) -> None:
        folder = self._folder()
        if folder:
            paths = self.app.session.documents.dossier_paths(self.case_id, folder)
            self.run_export(paths.package, paths.print)

    def action_print_ready(self) -> None:
        folder = self._folder()
        if folder:
            self.run_export(None, self.app.session.documents.dossier_paths(self.case_id, folder).print)

    @work(thread=True, exclusive=True, group="dossier")
    def run_export(self, zip_to: Path | None, print_to: Path | None) -> None:
        bar = self.query_one("#progress", ProgressBar)
        log = self.query_one("#office-log", Static)
        self.app.call_from_thread(setattr, bar, "display", True)

        def progress(i: int, n: int, msg: str) -> None:
            self.app.call_from_thread(bar.update, total=n, progress=i - 1)
            self.app.call_from_thread(log.update, f"（{i}/{n}）{msg}")

        try:
            r = self.app.session.documents.export_dossier(self.case_id, zip_to=zip_to, print_to=print_to, progress=progress)
        except CasefileError as e:
            self.app.call_from_thread(log.update, f"未能导出：{e}" + ("\n" + "\n".join(e.details) if e.details else ""))
            return
        except OSError as e:  # a folder that cannot be written
            self.app.call_from_thread(log.update, f"未能导出：{io_problem(e)}；请换一个可写的文件夹")
            return
        self.result = r
        lines = [f"卷内目录 {len(r.rows)} 项，已生成目录、备考表和封面"]
        if r.export:
            lines.append(f"案卷包：{zip_to}（{r.export['files']} 个文件）")
        if r.print:
            lines.append(f"打印文档：{r.print['docx']}")
            if r.print.get("pdf"):
                lines.append(f"PDF：{r.print['pdf']}")
        lines += [f"注意：{w}" for w in r.warnings + r.notes]
        self.app.call_from_thread(bar.update, total=1, progress=1)
        self.app.call_from_thread(log.update, "\n".join(lines))
