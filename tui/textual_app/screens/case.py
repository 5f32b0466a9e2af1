"""案件: three panes — 材料树 in binding order with gaps / the document's text by page /
facts and checklist findings. Checking and reading run in workers."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Label, ListItem, ListView, Static, Tree
from textual.worker import get_current_worker

from casefile.errors import CasefileError
from tui.application import CATEGORY_NAMES, SEVERITY_NAMES, field_label, rule_title
from tui.textual_app.screens.common import PaneScreen, TextScreen
from tui.textual_app.screens.office_keys import CaseOffice
from tui.textual_app.screens.docs import RenderScreen
from tui.textual_app.screens.importer import ImporterScreen, undo_with_confirmation
from tui.textual_app.screens.facts import FactsScreen
from tui.textual_app.screens.transitions import TransitionScreen
from tui.textual_app.screens.review import ReviewScreen


class FindingItem(ListItem):
    def __init__(self, finding: dict):
        self.finding = finding
        mark = {"veto": "✖", "major": "▲", "minor": "·"}[finding["severity"]]
        super().__init__(Label(f"{mark} [{CATEGORY_NAMES[finding['category']]}/{SEVERITY_NAMES[finding['severity']]}] {finding['message']}"))


class CaseScreen(CaseOffice, PaneScreen):
    PANES = ("#tree", "#doc-pane", "#side")
    PANE_TITLES = ("材料", "文书", "事实与审核发现")
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("c", "check", "运行审核", id="check"),
        Binding("e", "evaluate", "评查计分", id="evaluate"),
        Binding("r", "review", "审核轮次", id="review"),
        Binding("d", "render", "生成文书", id="render"),
        Binding("i", "import_files", "导入文书", id="import"),
        Binding("x", "cancel_work", "取消运行", id="cancel"),
        Binding("f", "facts", "录入事实", id="facts"),
        Binding("t", "transition", "状态变更", id="transition"),
        Binding("o", "office_dossier", "案卷导出与打印", id="office-dossier", show=False),
        Binding("u", "office_publicity", "本案公示", id="office-publicity", show=False),
        Binding("j", "office_journal", "本案全过程记录", id="office-journal", show=False),
        Binding("z", "undo_import", "撤销最近一次导入", id="undo-import", show=False),  # in ? help and the palette
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
            yield Tree("材料", id="tree", classes="pane")
            with VerticalScroll(id="doc-pane", classes="pane"):
                yield Static("在“材料”中选择文书查看内容", id="doc-text")
            with Vertical(id="side", classes="pane"):
                yield Static("", id="facts")
                yield Label("审核发现（按 c 运行）", id="findings-title")
                yield ListView(id="findings")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_case()
        self.show_pane(self.query_one("#tree"))
        if self.open_doc:
            self.show_doc(self.open_doc, self.open_page)

    def refresh_case(self) -> None:
        session = self.app.session
        case = session.cases.load_case(self.case_id)
        self.case = case
        self.sub_title = f"{case.number}　{case.party.name if case.party else ''}"
        dossier = session.documents.dossier(case.id)
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
                    volumes[vol].add_leaf(name if len(e.files) == 1 else f"{name}（{Path(f.file).name}）", data=f.file)
            elif e.status == "缺失":
                volumes[vol].add_leaf(f"✗ 缺：{name}", data=None)
        p = case.party
        facts = [f"{case.number or case.id}　{case.procedure.value}程序　{case.state.value}",
                 f"当事人：{p.name if p else '—'}", f"案由：{case.violation.cause or '—'}"]
        for a in sorted(case.acts, key=lambda a: a.date)[-6:]:
            facts.append(f"{a.date} {a.kind.value}")
        self.query_one("#facts", Static).update("\n".join(facts))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        # a document's name may be cut in a narrow tree: the status line gives it in full
        if event.node.data or str(event.node.label).startswith("✗"):
            self.query_one("#status", Static).update(f"{event.node.label}" + (f"　{event.node.data}" if event.node.data else ""))

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data:
            self.show_doc(event.node.data)

    @work(thread=True, exclusive=True, group="doc")
    def show_doc(self, file: str, page: int | None = None) -> None:
        try:
            pages = self.app.session.documents.document_pages(self.case_id, file)
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
        if self.narrow:  # one pane at a time: the document asked for is what to show
            self.show_pane(self.query_one("#doc-pane"))

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
            result = self.app.session.review.check(self.case_id, mode, progress=progress)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        if worker.is_cancelled:  # the person moved on: drop the result
            return
        self.app.call_from_thread(self._show_findings, result.to_dict())

    def action_cancel_work(self) -> None:
        running = [w for w in self.workers if w.is_running]
        self.workers.cancel_all()
        if running:  # a finished result stays as it is
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
        # each item in full (wrapped by the page, not cut); the total pinned below however long the list
        rows = [("否决", v) for v in s["vetoes"]] + [(f"-{d['points']:g} 分", d) for d in s["deductions"]]
        body = "\n\n".join(f"{i}. {mark}　{self._titled(r)}" for i, (mark, r) in enumerate(rows, 1)) if rows else "没有扣分项。"
        total = f"得分：{s['total']} / {s['full']}　等级：{s['grade']}" + ("（有否决项，计0分）" if s["vetoed"] else "")
        self.app.push_screen(TextScreen(f"案卷评查计分表：{self.case.number or self.case_id}（↑↓ PgUp PgDn 翻阅）", body, pinned=total))

    @staticmethod
    def _titled(r: dict) -> str:
        """The item's message, headed by its rule's Chinese title unless the message starts with it."""
        title = rule_title(r["rule"])
        return r["message"] if r["message"].startswith(title) else f"{title}：{r['message']}"

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
                where = "；".join(f"{field_label(e.get('field', ''))}：{e.get('value')}" for e in f["evidence"] if "field" in e)
                self.notify(f"{f['message']}\n事实：{where or '—'}\n依据：{f['basis']}", title="案件事实")

    # -- other workflows --------------------------------------------------------------------
    def action_review(self) -> None:
        self.app.push_screen(ReviewScreen(self.case_id), lambda _: self.refresh_case())

    def action_render(self) -> None:
        self.app.push_screen(RenderScreen(self.case_id), lambda _: self.refresh_case())

    def action_import_files(self) -> None:
        self.app.push_screen(ImporterScreen(self.case_id), lambda _: self.refresh_case())

    def action_facts(self) -> None:
        self.app.push_screen(FactsScreen(self.case_id), lambda _: self.refresh_case())

    def action_transition(self) -> None:
        self.app.push_screen(TransitionScreen(self.case_id), lambda _: self.refresh_case())

    def action_undo_import(self) -> None:
        def done(message: str, ok: bool) -> None:
            self.notify(message, title="撤销导入" if ok else "不能撤销导入", severity="information" if ok else "error")
            if ok:
                self.refresh_case()

        undo_with_confirmation(self, self.case_id, None, done)
