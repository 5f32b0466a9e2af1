"""审核轮次: accept or override each finding with a reason, add a finding, issue the opinion."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListItem, ListView, Static

from casefile.errors import CasefileError
from checklists import review as rv
from checklists.engine import CATEGORY_NAMES, SEVERITY_NAMES

DECISIONS = {None: "待定", "accept": "采纳", "override": "不采纳"}


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "返回", id="back"),
        Binding("a", "accept", "采纳", id="accept"),
        Binding("o", "override", "不采纳（需理由）", id="override"),
        Binding("plus", "add", "补充发现", id="add"),
        Binding("i", "opinion", "出具审核意见书", id="opinion"),
    ]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id
        self.round: dict = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="round-title", classes="title")
        yield ListView(id="round-findings")
        yield Static("", id="changes")
        yield Footer()

    def on_mount(self) -> None:
        ws = self.app.ws
        try:
            rounds = rv.rounds(ws, ws.resolve(self.case_id))
            if not rounds or rounds[-1].get("opinion"):
                self.round = rv.open_round(ws, self.case_id, today=self.app.today)
                self.notify(f"已开始第 {self.round['round']} 轮审核")
            else:
                self.round = rounds[-1]
        except CasefileError as e:
            self.notify(str(e), severity="error")
            return
        self.show()

    def show(self) -> None:
        r = self.round
        tl = r["time_limit"]
        self.query_one("#round-title", Label).update(
            f"第 {r['round']} 轮法制审核　期限至 {tl['due'] or tl['note']}" + (f"　意见：{r['opinion']['conclusion']}" if r.get("opinion") else ""))
        lv = self.query_one("#round-findings", ListView)
        lv.clear()
        for f in r["findings"] + r["added"]:
            item = ListItem(Label(f"{f['id']:>2}. [{CATEGORY_NAMES[f['category']]}/{SEVERITY_NAMES[f['severity']]}] {f['message']}（{DECISIONS[f['decision']]}{'：' + f['reason'] if f['reason'] else ''}）"))
            item.finding_id = f["id"]
            lv.append(item)
        if len(lv.children) or r["findings"] or r["added"]:
            lv.index = 0
        ch = r.get("changes")
        lines = []
        if ch:
            lines.append("与上一轮相比：")
            for label, key in (("新增文书", "documents_added"), ("修改文书", "documents_changed"), ("删除文书", "documents_removed")):
                if ch[key]:
                    lines.append(f"  {label}：{'、'.join(ch[key])}")
            for k in ch["facts_changed"]:
                lines.append(f"  事实变化：{k}")
            for x in ch["resolved"]:
                lines.append(f"  已解决：{x['message']}")
        self.query_one("#changes", Static).update("\n".join(lines))

    def _selected(self) -> int | None:
        lv = self.query_one("#round-findings", ListView)
        item = lv.highlighted_child
        return getattr(item, "finding_id", None)

    def _decide(self, fid: int, action: str, reason: str = "") -> None:
        try:
            rv.decide(self.app.ws, self.case_id, fid, action, reason)
            _, self.round = rv.current(self.app.ws, self.case_id)
        except CasefileError as e:
            self.notify(str(e), severity="error")
            return
        self.show()

    def action_accept(self) -> None:
        fid = self._selected()
        if fid is not None:
            self._decide(fid, "accept")

    def action_override(self) -> None:
        from tui.textual_app.screens.common import ReasonScreen

        fid = self._selected()
        if fid is None:
            return
        self.app.push_screen(ReasonScreen(f"不采纳第 {fid} 条的理由"), lambda reason: self._decide(fid, "override", reason) if reason else None)

    def action_add(self) -> None:
        from tui.textual_app.screens.common import ReasonScreen

        def add(message: str) -> None:
            if message:
                rv.add_finding(self.app.ws, self.case_id, "procedure", "major", message)
                _, self.round = rv.current(self.app.ws, self.case_id)
                self.show()

        self.app.push_screen(ReasonScreen("补充一条审核发现（程序/重大）"), add)

    def action_opinion(self) -> None:
        try:
            o = rv.issue_opinion(self.app.ws, self.case_id, today=self.app.today)
            _, self.round = rv.current(self.app.ws, self.case_id)
        except CasefileError as e:
            self.notify(str(e), severity="error")
            return
        self.notify(f"已出具法制审核意见书：{o['file']}（{o['conclusion']}）")
        self.show()

    def action_back(self) -> None:
        self.dismiss(True)
