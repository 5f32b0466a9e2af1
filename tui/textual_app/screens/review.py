"""审核轮次: shows the current round (viewing never opens one); a round opens only by
an explicit action on a case submitted for review; accept or override each finding
with a reason, add a finding with its category, severity and basis, issue the opinion
(refused while findings are 待定: the screen offers to walk them one by one). Beside the
findings: the proposed penalty, the latest acts and what changed since the last round."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input, Label, ListItem, ListView, Select, Static

from casefile.errors import CasefileError
from tui.application import CATEGORIES, CATEGORY_NAMES, SEVERITIES, SEVERITY_NAMES, change_lines, finding_line
from tui.textual_app.screens.common import ReasonScreen
from tui.textual_app.screens.common import ConfirmScreen
from tui.textual_app.screens.review_walk import WalkFindingsScreen


class AddFindingScreen(ModalScreen[dict]):
    """A finding no rule covers: category, severity, what is wrong and the basis, all required."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel"), Binding("ctrl+s", "save", "保存", id="save")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("补充审核发现（Ctrl+S 保存，Esc 取消）", classes="title")
            yield Select([(CATEGORY_NAMES[c], c) for c in CATEGORIES], prompt="类别（必选）", id="category")
            yield Select([(SEVERITY_NAMES[s], s) for s in SEVERITIES], prompt="严重程度（必选）", id="severity")
            yield Input(placeholder="问题描述（必填）", id="message")
            yield Input(placeholder="法律依据（必填），如：《中华人民共和国行政处罚法》第三十二条", id="basis")
            yield Static("", id="finding-errors", classes="error")

    def action_save(self) -> None:
        category = self.query_one("#category", Select).value
        severity = self.query_one("#severity", Select).value
        message = self.query_one("#message", Input).value.strip()
        basis = self.query_one("#basis", Input).value.strip()
        # the same checks the library makes (and the CLI gets), shown next to the form
        problems = self.app.session.review.check_added_finding(category if isinstance(category, str) else "",
                                                        severity if isinstance(severity, str) else "", message, basis)
        if problems:
            self.query_one("#finding-errors", Static).update("\n".join(problems))
            return
        self.dismiss({"category": category, "severity": severity, "message": message, "basis": basis})

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss({})


class ReviewScreen(Screen):
    DEFAULT_CSS = """
    ReviewScreen #review-side { height: 1fr; border-top: solid $primary; }
    ReviewScreen #round-findings { height: 1fr; }
    """
    BINDINGS = [
        Binding("escape", "back", "返回", id="back"),
        Binding("n", "open_round", "开始审核", id="open-round"),
        Binding("a", "accept", "采纳", id="accept"),
        Binding("o", "override", "不采纳", id="override"),
        Binding("plus", "add", "补充发现", id="add"),
        Binding("i", "opinion", "出具意见书", id="opinion"),
    ]

    def __init__(self, case_id: str):
        super().__init__()
        self.case_id = case_id
        self.round: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="round-title", classes="title")
        yield ListView(id="round-findings")
        with VerticalScroll(id="review-side"):
            # what changed since the last round first: below the facts it sat 15 lines down at 80×24
            yield Static("", id="changes")
            yield Static("", id="review-facts")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.round = self.app.session.review.current_review(self.case_id)
        except CasefileError as e:
            self.notify(str(e), severity="error")
            return
        self.show()

    def _show_facts(self) -> None:
        try:
            facts = self.app.session.review.review_facts(self.case_id)
        except CasefileError as e:
            self.query_one("#review-facts", Static).update(str(e))
            return
        lines = ["拟处罚：" + ("" if facts.proposed else "（案件未记载）")] + [f"  {m}" for m in facts.proposed]
        if facts.decided:
            lines += ["处罚决定："] + [f"  {m}" for m in facts.decided]
        lines += ["最近的执法行为："] + [f"  {a}" for a in facts.acts]
        md = (self.round or {}).get("major_decision")
        if md:
            lines.append("重大执法决定：" + ("是——" + "；".join(md["reasons"]) if md.get("required") else "否"))
        self.query_one("#review-facts", Static).update("\n".join(lines))

    def show(self, focus_id: int | None = None) -> None:
        """The round; the highlight on finding ``focus_id`` (else the first)."""
        r = self.round
        lv = self.query_one("#round-findings", ListView)
        lv.clear()
        self._show_facts()
        if r is None:
            case = self.app.session.cases.load_case(self.case_id)
            why = self.app.session.review.can_open_review(case)
            self.query_one("#round-title", Label).update(
                "本案尚无审核轮次。" + (f"{why}。" if why else "按 n 开始第 1 轮法制审核。"))
            self.query_one("#changes", Static).update("")
            self.query_one("#changes", Static).display = False
            return
        tl = r["time_limit"]
        submitted = (r.get("submission") or {}).get("date")
        waiting = len(self.app.session.review.undecided_findings(r))
        self.query_one("#round-title", Label).update(
            f"第 {r['round']} 轮法制审核" + (f"　送审 {submitted}" if submitted else "") + f"　期限至 {tl['due'] or tl['note']}"
            + (f"　意见：{r['opinion']['conclusion']}" if r.get("opinion") else (f"　待定 {waiting} 条" if waiting else "　已全部处理")))
        for f in r["findings"] + r["added"]:
            item = ListItem(Label(finding_line(f)))
            item.finding_id = f["id"]
            lv.append(item)
        if r["findings"] or r["added"]:
            ids = [f["id"] for f in r["findings"] + r["added"]]
            lv.index = ids.index(focus_id) if focus_id in ids else 0
        changed = change_lines(r.get("changes"))
        self.query_one("#changes", Static).update("\n".join(changed))
        self.query_one("#changes", Static).display = bool(changed)  # round 1: no empty line above the facts

    def _reload(self, after: int | None = None) -> None:
        """Re-read the round; with ``after`` (the finding just decided) the highlight moves on to the
        next undecided finding, so deciding every finding is one key each, not a walk from the top."""
        self.round = self.app.session.review.current_review(self.case_id)
        focus = after
        if after is not None and self.round:
            ids = [f["id"] for f in self.round["findings"] + self.round["added"]]
            waiting = {f["id"] for f in self.app.session.review.undecided_findings(self.round)}
            later = [i for i in ids[ids.index(after) + 1:] + ids[:ids.index(after)] if i in waiting] if after in ids else []
            focus = later[0] if later else after
        self.show(focus)

    # -- opening a round: explicit, on a submitted case, in a worker (it runs the checklist) --
    def action_open_round(self) -> None:
        why = self.app.session.review.can_open_review(self.app.session.cases.load_case(self.case_id))
        if why:
            self.notify(why, severity="warning")
            return
        self.query_one("#round-title", Label).update("正在开始审核轮次，运行审核清单……")
        self.open_round()

    @work(thread=True, exclusive=True, group="review")
    def open_round(self) -> None:
        try:
            rnd = self.app.session.review.open_review(self.case_id)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            self.app.call_from_thread(self.show)
            return
        self.app.call_from_thread(self._opened, rnd)

    def _opened(self, rnd: dict) -> None:
        self.round = rnd
        self.notify(f"已开始第 {rnd['round']} 轮审核")
        self.show()

    # -- deciding -------------------------------------------------------------------------
    def _selected(self) -> int | None:
        item = self.query_one("#round-findings", ListView).highlighted_child
        return getattr(item, "finding_id", None)

    def _decide(self, fid: int, action: str, reason: str = "") -> None:
        try:
            self.app.session.review.decide_finding(self.case_id, fid, action, reason)
        except CasefileError as e:
            self.notify(str(e), severity="error")
            return
        self._reload(after=fid)

    def action_accept(self) -> None:
        fid = self._selected()
        if fid is not None:
            self._decide(fid, "accept")

    def action_override(self) -> None:
        fid = self._selected()
        if fid is None:
            return
        self.app.push_screen(ReasonScreen(f"不采纳第 {fid} 条的理由"), lambda reason: self._decide(fid, "override", reason) if reason else None)

    def action_add(self) -> None:
        if self.round is None:
            self.notify("尚无审核轮次", severity="warning")
            return

        def add(f: dict) -> None:
            if not f:
                return
            try:
                self.app.session.review.add_finding(self.case_id, f["category"], f["severity"], f["message"], f["basis"])
            except CasefileError as e:
                self.notify(str(e), severity="error")
                return
            self._reload()

        self.app.push_screen(AddFindingScreen(), add)

    # -- the opinion: renders a document, so in a worker -------------------------------------
    def action_opinion(self) -> None:
        if self.round is None:
            self.notify("尚无审核轮次", severity="warning")
            return
        waiting = self.app.session.review.undecided_findings(self.round)
        if waiting and not self.round.get("opinion"):
            # the opinion waits for every finding: offer to decide them one by one instead
            ids = "、".join(str(f["id"]) for f in waiting)
            self.app.push_screen(ConfirmScreen(f"还有 {len(waiting)} 条审核发现待定（编号 {ids}），不能出具审核意见书。\n现在逐条处理吗？"),
                                 lambda yes: self._walk(waiting) if yes else None)
            return
        why, details = self.app.session.review.can_issue_opinion(self.case_id)
        if why:
            self.notify("；".join([why] + details), severity="error")
            return
        self.issue_opinion()

    def _walk(self, waiting: list[dict]) -> None:
        self.app.push_screen(WalkFindingsScreen(self.case_id, waiting), self._walked)

    def _walked(self, decided: int | None) -> None:
        self._reload()
        left = self.app.session.review.undecided_findings(self.round)
        if left:
            self.notify(f"已处理 {decided or 0} 条，还有 {len(left)} 条待定", severity="warning")
            return
        self.app.push_screen(ConfirmScreen("本轮审核发现已全部处理。现在出具法制审核意见书吗？"),
                             lambda yes: self.issue_opinion() if yes else None)

    @work(thread=True, exclusive=True, group="review")
    def issue_opinion(self) -> None:
        try:
            o = self.app.session.review.issue_opinion(self.case_id)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        self.app.call_from_thread(self.notify, f"已出具法制审核意见书：{o['file']}（{o['conclusion']}）")
        self.app.call_from_thread(self._reload)

    def action_back(self) -> None:
        self.dismiss(True)
