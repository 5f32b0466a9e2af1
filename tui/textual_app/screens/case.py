"""案件: three panes — 材料树 in binding order with gaps / the document's text by page /
facts and checklist findings. Checking and reading run in workers."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListItem, ListView, Static, Tree
from textual.worker import get_current_worker

from casefile.errors import CasefileError
from tui.application import CATEGORY_NAMES, SEVERITY_NAMES, table
from tui.textual_app.screens.common import TextScreen
from tui.textual_app.screens.docs import ImportScreen, RenderScreen  # noqa: F401 - ImportScreen: the old picker, replaced by ImporterScreen
from tui.textual_app.screens.importer import ImporterScreen, undo_with_confirmation
from tui.textual_app.screens.review import ReviewScreen


class FindingItem(ListItem):
    def __init__(self, finding: dict):
        self.finding = finding
        mark = {"veto": "✖", "major": "▲", "minor": "·"}[finding["severity"]]
        super().__init__(Label(f"{mark} [{CATEGORY_NAMES[finding['category']]}/{SEVERITY_NAMES[finding['severity']]}] {finding['message']}"))


class CaseScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("c", "check", "运行审核", id="check"),
        Binding("e", "evaluate", "评查计分", id="evaluate"),
        Binding("r", "review", "审核轮次", id="review"),
        Binding("d", "render", "生成文书", id="render"),
        Binding("i", "import_files", "导入文书", id="import"),
        Binding("z", "undo_import", "撤销最近一次导入", id="undo-import", show=False),  # in ? help and the palette
        Binding("x", "cancel_work", "取消进行中的工作", id="cancel"),
        Binding("tab", "focus_next", "切换窗格", id="next-pane", show=False),
    ]

    def __init__(self, case_id: str, doc: str | None = None, page: int | None = None):
        super().__init__()
        self.case_id = case_id
        self.open_doc, self.open_page = doc, page
        self.findings: list[dict] = []
        self.current_doc: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield Tree("材料", id="tree")
            with VerticalScroll(id="doc-pane"):
                yield Static("选择左侧的文书查看内容", id="doc-text")
            with Vertical(id="side"):
                yield Static("", id="facts")
                yield Label("审核发现（按 c 运行）", id="findings-title")
                yield ListView(id="findings")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_case()
        if self.open_doc:
            self.show_doc(self.open_doc, self.open_page)

    def refresh_case(self) -> None:
        session = self.app.session
        case = session.load_case(self.case_id)
        self.case = case
        self.sub_title = f"{case.number}　{case.party.name if case.party else ''}"
        dossier = session.dossier(case.id)
        tree = self.query_one("#tree", Tree)
        tree.clear()
        tree.root.expand()
        volumes = {}
        for e in dossier.entries:
            vol = e.to_dict()["volume"] or "其他"
            if vol not in volumes:
                volumes[vol] = tree.root.add(vol, expand=True)
            name = e.doc_type.name if e.doc_type else "未识别文书"
            if e.files:
                for f in e.files:
                    volumes[vol].add_leaf(name if len(e.files) == 1 else f"{name}（{Path(f.file).stem[-6:]}）", data=f.file)
            elif e.status == "缺失":
                volumes[vol].add_leaf(f"✗ 缺：{name}", data=None)
        p = case.party
        facts = [f"{case.number or case.id}　{case.procedure.value}程序　{case.state.value}",
                 f"当事人：{p.name if p else '—'}", f"案由：{case.violation.cause or '—'}"]
        for a in sorted(case.acts, key=lambda a: a.date)[-6:]:
            facts.append(f"{a.date} {a.kind.value}")
        self.query_one("#facts", Static).update("\n".join(facts))

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            self.show_doc(event.node.data)

    @work(thread=True, exclusive=True, group="doc")
    def show_doc(self, file: str, page: int | None = None) -> None:
        try:
            pages = self.app.session.document_pages(self.case_id, file)
            body = "\n".join(f"──── 第 {i} 页 ────\n{t}" for i, t in enumerate(pages, 1))
        except CasefileError as e:
            body = str(e)
        self.app.call_from_thread(self._show_text, file, body, page)

    def _show_text(self, file: str, body: str, page: int | None) -> None:
        self.current_doc = file
        self.current_page = page or 1
        self.query_one("#doc-text", Static).update(body)
        self.query_one("#status", Static).update(f"{file}　第 {self.current_page} 页")
        if page:
            lines = body.splitlines()
            target = next((i for i, l in enumerate(lines) if l.startswith(f"──── 第 {page} 页")), 0)
            self.query_one("#doc-pane", VerticalScroll).scroll_to(y=target, animate=False)

    # -- checking -------------------------------------------------------------------------
    def action_check(self) -> None:
        self.query_one("#findings-title", Label).update("正在审核……")
        self.run_check("review")

    def action_evaluate(self) -> None:
        self.run_check("evaluate")

    @work(thread=True, exclusive=True, group="check")
    def run_check(self, mode: str) -> None:
        worker = get_current_worker()
        label = self.query_one("#findings-title", Label)

        def progress(i: int, n: int, rule: str) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(label.update, f"正在审核 {i}/{n}：{rule}")

        try:
            result = self.app.session.check(self.case_id, mode, progress=progress)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        if worker.is_cancelled:  # the person moved on: drop the result
            return
        self.app.call_from_thread(self._show_findings, result.to_dict())

    def action_cancel_work(self) -> None:
        self.workers.cancel_all()
        self.query_one("#findings-title", Label).update("已取消")

    def _show_findings(self, result: dict) -> None:
        self.findings = result["findings"]
        lv = self.query_one("#findings", ListView)
        lv.clear()
        for f in sorted(self.findings, key=lambda f: f["category"]):
            lv.append(FindingItem(f))
        md = result["major_decision"]
        title = f"审核发现 {len(self.findings)} 条　建议：{result['verdict']}"
        if result.get("score"):
            s = result["score"]
            title = f"评查得分 {s['total']}/{s['full']}　{s['grade']}" + ("（否决）" if s["vetoed"] else "")
            self._score_sheet(s)
        if md["required"]:
            title += "　重大执法决定"
        self.query_one("#findings-title", Label).update(title)
        if self.findings:
            lv.index = 0
        lv.focus()

    def _score_sheet(self, s: dict) -> None:
        rows = [[v["rule"], "否决", v["message"]] for v in s["vetoes"]] + [[d["rule"], f"-{d['points']:g}", d["message"]] for d in s["deductions"]]
        body = table(rows, ["规则", "扣分", "问题"], max_width=60) if rows else "没有扣分项。"
        body += f"\n\n得分：{s['total']} / {s['full']}　等级：{s['grade']}" + ("（有否决项，计0分）" if s["vetoed"] else "")
        self.app.push_screen(TextScreen(f"案卷评查计分表：{self.case.number or self.case_id}", body))

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, FindingItem):
            f = item.finding
            ev = next((e for e in f["evidence"] if "doc" in e), None)
            doc = (ev or {}).get("doc") or (f["documents"][0] if f["documents"] else None)
            if doc:
                self.show_doc(doc, (ev or {}).get("page", 1))
                self.notify(f"依据：{f['basis']}", title="跳到文书")
            else:
                where = "；".join(f"{e.get('field')}={e.get('value')}" for e in f["evidence"] if "field" in e)
                self.notify(f"{f['message']}\n事实：{where or '—'}\n依据：{f['basis']}", title="案件事实")

    # -- other workflows --------------------------------------------------------------------
    def action_review(self) -> None:
        self.app.push_screen(ReviewScreen(self.case_id), lambda _: self.refresh_case())

    def action_render(self) -> None:
        self.app.push_screen(RenderScreen(self.case_id), lambda _: self.refresh_case())

    def action_import_files(self) -> None:
        self.app.push_screen(ImporterScreen(self.case_id), lambda _: self.refresh_case())

    def action_undo_import(self) -> None:
        def done(message: str, ok: bool) -> None:
            self.notify(message, title="撤销导入" if ok else "不能撤销导入", severity="information" if ok else "error")
            if ok:
                self.refresh_case()

        undo_with_confirmation(self, self.case_id, None, done)
