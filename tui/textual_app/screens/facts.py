"""录入事实: a case's 当事人, 执法行为, 处罚/措施 and 证据, each a list with a form to add, edit
or remove an entry; its 案情 (案件来源, 承办人, 违法事实, 违反条款) and the content of its records
(陈述申辩, 听证, 集体讨论 …), each one form that shows what the case holds. Entries are checked by the application layer (dates not in the future,
check digits, officers in the register with a valid certificate, a measure's basis); each
error shows under its field. Saving writes case.toml through the session (journaled,
index refreshed)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ListItem, ListView, SelectionList, Static, TabbedContent, TabPane

from casefile.errors import CasefileError, EntryError
from casefile.model import Case
from tui.textual_app.screens.common import ConfirmScreen
from tui.textual_app.screens.forms import Field, fields_of, has_input, input_field, select_field, show_errors, values_of

TABS = [("parties", "当事人"), ("acts", "执法行为"), ("measures", "处罚/措施"), ("evidence", "证据")]
# the tabs that hold one form each (no list): the case's own facts and its records' content
ONCE_TABS = [("case", "案情"), ("records", "记录")]
# the 案情 form's fields: {form field: (section, the section's field)}
CASE_FIELDS = {"source": ("案件来源", "text"), "officers": ("承办人", "officers"), "facts": ("违法事实", "text"),
               "date": ("违法事实", "date"), "end_date": ("违法事实", "end_date"), "basis": ("违反条款", "basis")}
WHICH = {"拟处罚": "proposed", "决定": "decided"}
WHICH_NAME = {v: k for k, v in WHICH.items()}


class EntryItem(ListItem):
    def __init__(self, section: str, index: int, text: str):
        self.section, self.index = section, index
        super().__init__(Label(text))


def _money(m) -> str:
    return f" {m.amount:,} 元" if m.amount is not None else ""


class FactsScreen(Screen[bool]):
    DEFAULT_CSS = """
    FactsScreen TabbedContent { height: 1fr; }
    FactsScreen TabPane { padding: 0; }
    FactsScreen .entries { height: auto; max-height: 5; border-bottom: solid $primary; }
    FactsScreen .entry-form { height: 1fr; padding: 0 1; }
    FactsScreen .form-title { text-style: bold; }
    """
    BINDINGS = [
        Binding("escape", "close", "返回", id="facts-back"),
        Binding("ctrl+s", "save", "保存", id="facts-save"),
        Binding("ctrl+n", "new_entry", "新增一项", id="facts-new"),
        Binding("ctrl+d", "delete_entry", "删除选中项", id="facts-delete"),
        Binding("ctrl+o", "next_tab", "下一类事实", id="facts-next-tab"),
    ]

    def __init__(self, case_id: str, section: str = "parties"):
        super().__init__()
        self.case_id = case_id
        self.section = section
        self.editing: dict[str, tuple[str, int] | None] = {s: None for s, _ in TABS}
        self.changed = False
        self.record = ""  # the record section the 记录 form shows

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        session = self.app.session
        self.case: Case = session.cases.load_case(self.case_id)
        choices = session.entries.entry_choices(self.case)
        today = self.app.today.isoformat()
        yield Header()
        with TabbedContent(initial=f"tab-{self.section}", id="fact-tabs"):
            with TabPane("当事人", id="tab-parties"):
                yield ListView(id="list-parties", classes="entries")
                with VerticalScroll(id="form-parties", classes="entry-form", can_focus=False):
                    yield Label("", classes="form-title", id="title-parties")
                    yield select_field("kind", "当事人类型", choices.party_kinds, scope="parties")
                    yield input_field("name", "名称或姓名", "必填", scope="parties")
                    yield input_field("id_number", "证件号码", "统一社会信用代码或公民身份号码", scope="parties")
                    yield input_field("representative", "法定代表人", "法定代表人、负责人或经营者", scope="parties")
                    yield input_field("address", "住所", scope="parties")
                    yield input_field("phone", "电话", scope="parties")
            with TabPane("执法行为", id="tab-acts"):
                yield ListView(id="list-acts", classes="entries")
                with VerticalScroll(id="form-acts", classes="entry-form", can_focus=False):
                    yield Label("", classes="form-title", id="title-acts")
                    yield select_field("kind", "行为", choices.act_kinds, scope="acts")
                    yield input_field("date", "日期", f"如 {today}，不晚于今天", scope="acts")
                    officers = SelectionList(*[(self._officer_text(o), o.certificate) for o in session.cases.officers()], compact=True)
                    yield Field("officers", "执法人员", officers, scope="acts")
                    yield input_field("place", "地点", scope="acts")
                    yield input_field("end_date", "截止日期", "有期限的行为（查封扣押）填写", scope="acts")
                    yield input_field("note", "备注", scope="acts")
            with TabPane("处罚/措施", id="tab-measures"):
                yield ListView(id="list-measures", classes="entries")
                with VerticalScroll(id="form-measures", classes="entry-form", can_focus=False):
                    yield Label("", classes="form-title", id="title-measures")
                    yield select_field("which", "阶段", list(WHICH), value="拟处罚", scope="measures", allow_blank=False)
                    yield select_field("kind", "种类", choices.measure_kinds, scope="measures")
                    yield input_field("amount", "金额（元）", "罚款、没收的金额，大于零", scope="measures")
                    yield input_field("basis", "法律依据", "如：《中华人民共和国价格法》第四十条第一款", scope="measures")
                    yield input_field("note", "备注", scope="measures")
            with TabPane("证据", id="tab-evidence"):
                yield ListView(id="list-evidence", classes="entries")
                with VerticalScroll(id="form-evidence", classes="entry-form", can_focus=False):
                    yield Label("", classes="form-title", id="title-evidence")
                    yield select_field("kind", "证据种类", choices.evidence_kinds, scope="evidence")
                    yield input_field("name", "证据名称", "必填", scope="evidence")
                    yield input_field("source", "来源", "提供人或收集方式", scope="evidence")
                    yield input_field("date", "取得日期", f"如 {today}，不晚于今天", scope="evidence")
            with TabPane("案情", id="tab-case"):
                with VerticalScroll(id="form-case", classes="entry-form", can_focus=False):
                    yield Label("案件来源、承办人、违法事实和违反的条款（立案审批表、告知书、决定书据此打印）", classes="form-title")
                    yield select_field("source", "案件来源", session.cases.case_sources(), scope="case")
                    handlers = SelectionList(*[(self._officer_text(o), o.certificate) for o in session.cases.officers()], compact=True)
                    yield Field("officers", "承办人", handlers, scope="case")
                    yield input_field("facts", "违法事实", "时间、地点、行为、情节", scope="case")
                    yield input_field("date", "发生日期", f"如 {today}", scope="case")
                    yield input_field("end_date", "终了日期", "连续或继续的违法行为终了之日", scope="case")
                    yield input_field("basis", "违反条款", "如：《中华人民共和国食品安全法》第三十四条", scope="case")
            with TabPane("记录", id="tab-records"):
                with VerticalScroll(id="form-records", classes="entry-form", can_focus=False):
                    yield select_field("record", "记录", self._record_sections(), value=self._record_sections()[0],
                                       scope="records", allow_blank=False)
                    shown: set[str] = set()
                    for name in self._record_sections():
                        for key in session.entries.case_fact_sections()[name]:
                            if key not in shown:
                                shown.add(key)
                                yield input_field(key, session.entries.case_fact_labels(name)[key], self._hint(key), scope="records")
        yield Static("", id="facts-status")
        yield Footer()

    def _officer_text(self, o) -> str:
        valid = o.valid_on(self.app.today)
        until = f"至{o.valid_to}" if o.valid_to else ""
        return f"{o.name} {o.certificate}" + ("" if valid else f"（证件已失效{until}）")

    def _record_sections(self) -> list[str]:
        own = {"违法事实", "违反条款", "案件来源", "承办人"}
        return [n for n in self.app.session.entries.case_fact_sections() if n not in own]

    @staticmethod
    def _hint(key: str) -> str:
        return {"start": "如 9:30", "end": "如 11:00", "members": "多人以“；”分隔",
                "opinions": "姓名（职务）：意见；……", "statements": "发言人：内容；……"}.get(key, "")

    def on_mount(self) -> None:
        self.sub_title = f"录入事实：{self.case.number or self.case.id}"
        for section, _ in TABS:
            self._render_list(section)
            self._clear_form(section)
        self._fill_case()
        self._show_record(self._record_sections()[0])
        self._status("Ctrl+S 保存　Ctrl+N 新增　回车 编辑选中项　Ctrl+D 删除　Ctrl+O 下一类")

    def _status(self, text: str) -> None:
        self.query_one("#facts-status", Static).update(text)

    def active(self) -> str:
        return self.query_one("#fact-tabs", TabbedContent).active.removeprefix("tab-")

    def form(self, section: str) -> VerticalScroll:
        return self.query_one(f"#form-{section}", VerticalScroll)

    # -- lists -------------------------------------------------------------------------------
    def _rows(self, section: str) -> list[tuple[str, int, str]]:
        c = self.case
        if section == "parties":
            return [("parties", i, f"{p.name}（{p.kind.value}）{p.id_number}") for i, p in enumerate(c.parties)]
        if section == "acts":
            names = {o.certificate: o.name for o in self.app.session.cases.officers()}
            return [("acts", i, f"{a.date} {a.kind.value} {'、'.join(names.get(x, x) for x in a.officers)}")
                    for i, a in sorted(enumerate(c.acts), key=lambda t: t[1].date)]
        if section == "measures":
            return [(which, i, f"{WHICH_NAME[which]}：{m.kind}{_money(m)}　依据：{'；'.join(b.cite() for b in m.basis) or '无'}")
                    for which in ("proposed", "decided") for i, m in enumerate(getattr(c, which))]
        return [("evidence", i, f"{e.kind}：{e.name}　{e.source}　{e.date or ''}") for i, e in enumerate(c.evidence)]

    def _render_list(self, section: str) -> None:
        lv = self.query_one(f"#list-{section}", ListView)
        lv.clear()
        rows = self._rows(section)
        for sec, i, text in rows:
            lv.append(EntryItem(sec, i, text))
        if not rows:
            lv.append(ListItem(Label("（尚无，填写下方表格后 Ctrl+S 保存）")))
        # a highlighted first entry, so Enter on the list edits it (with none, Enter did nothing)
        self.call_after_refresh(setattr, lv, "index", 0)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, EntryItem):
            self._edit(item.section, item.index)

    # -- the form ----------------------------------------------------------------------------
    def _tab_of(self, section: str) -> str:
        return "measures" if section in ("proposed", "decided") else section

    def _clear_form(self, tab: str) -> None:
        self.editing[tab] = None
        for key, f in fields_of(self.form(tab)).items():
            f.set_error("")
            if not (tab == "measures" and key == "which"):
                f.set_value(None)
        self.query_one(f"#title-{tab}", Label).update(f"新增{dict(TABS)[tab]}")

    def _edit(self, section: str, index: int) -> None:
        tab = self._tab_of(section)
        entry = getattr(self.case, section)[index]
        fields = fields_of(self.form(tab))
        data = entry.model_dump(mode="json")
        if tab == "measures":
            data["which"] = WHICH_NAME[section]
            data["basis"] = "；".join(b.cite() for b in entry.basis)
        for key, f in fields.items():
            f.set_error("")
            f.set_value(data.get(key))
        self.editing[tab] = (section, index)
        self.query_one(f"#title-{tab}", Label).update(f"修改{dict(TABS)[tab]}（第 {index + 1} 项）")
        next(iter(fields.values())).widget.focus()

    def action_new_entry(self) -> None:
        tab = self.active()
        if tab in dict(ONCE_TABS):
            self._status("案情和记录每案一份：直接修改后 Ctrl+S 保存")
            return
        self._clear_form(tab)
        next(iter(fields_of(self.form(tab)).values())).widget.focus()

    # -- 案情 and 记录: one form each, filled with what the case holds -----------------------------
    def _fill_case(self) -> None:
        session = self.app.session
        for key, f in fields_of(self.form("case")).items():
            section, field = CASE_FIELDS[key]
            f.set_error("")
            f.set_value(session.entries.case_fact(self.case_id, section).get(field))

    def _show_record(self, name: str) -> None:
        self.record = name
        wanted = self.app.session.entries.case_fact_sections()[name]
        held = self.app.session.entries.case_fact(self.case_id, name)
        for key, f in fields_of(self.form("records")).items():
            if key == "record":
                continue
            f.display = key in wanted
            f.set_error("")
            v = held.get(key, "")
            f.set_value("；".join(v) if isinstance(v, list) else v)

    def on_select_changed(self, event) -> None:
        f = fields_of(self.form("records")).get("record")
        if f is not None and event.select is f.widget and event.value and event.value != self.record:
            self._show_record(str(event.value))

    def _save_once(self, tab: str) -> None:
        session = self.app.session
        form = self.form(tab)
        values = values_of(form)
        if tab == "records":
            wanted = session.entries.case_fact_sections()[self.record]
            plan = {self.record: {k: values[k] for k in wanted}}
            back = {self.record: {k: k for k in wanted}}
        else:
            plan, back = {}, {}
            for key, (section, field) in CASE_FIELDS.items():
                plan.setdefault(section, {})[field] = values[key]
                back.setdefault(section, {})[field] = key
        saved = []
        for section, data in plan.items():
            if not any(data.values()) or data == {k: v for k, v in session.entries.case_fact(self.case_id, section).items() if k in data}:
                continue
            try:
                self.case = session.entries.save_case_fact(self.case_id, section, data, replace=True)
            except EntryError as e:
                stray = show_errors(form, {back[section].get(k, k): v for k, v in e.fields.items()})
                self._status(e.message + ("：" + "；".join(stray) if stray else "（见各栏下方的红字）"))
                return
            except CasefileError as e:
                self._status(str(e))
                return
            saved.append(section)
        self.changed = self.changed or bool(saved)
        show_errors(form, {})
        self._status(f"已保存{'、'.join(saved)}，记入案件日志" if saved else "没有改动")
        if saved:
            self.notify(f"已保存{'、'.join(saved)}")

    def action_save(self) -> None:
        tab = self.active()
        if tab in dict(ONCE_TABS):
            self._save_once(tab)
            return
        data = values_of(self.form(tab))
        section = WHICH.get(data.pop("which", ""), "proposed") if tab == "measures" else tab
        editing = self.editing[tab]
        session = self.app.session
        try:
            if editing and editing[0] != section:  # a measure moved between 拟处罚 and 决定
                session.entries.save_entry(self.case_id, section, data)
                self.case = session.entries.remove_entry(self.case_id, *editing)
            else:
                self.case = session.entries.save_entry(self.case_id, section, data, editing[1] if editing else None)
        except EntryError as e:
            stray = show_errors(self.form(tab), e.fields)
            self._status(e.message + ("：" + "；".join(stray) if stray else "（见各栏下方的红字）"))
            return
        except CasefileError as e:
            self._status(str(e))
            return
        self.changed = True
        self._render_list(tab)
        self._clear_form(tab)
        self._status(f"已保存{dict(TABS)[tab]}，记入案件日志")
        self.notify(f"已保存{dict(TABS)[tab]}")

    def action_delete_entry(self) -> None:
        tab = self.active()
        if tab in dict(ONCE_TABS):
            self._status("案情和记录每案一份：清空不需要的栏目后 Ctrl+S 保存")
            return
        item = self.query_one(f"#list-{tab}", ListView).highlighted_child
        if not isinstance(item, EntryItem):
            self._status("先在列表中选中要删除的一项")
            return
        text = str(item.query_one(Label).content)
        self.app.push_screen(ConfirmScreen(f"删除{dict(TABS)[tab]}：{text}？\n删除记入案件日志。"),
                             lambda yes: self._delete(tab, item.section, item.index) if yes else None)

    def _delete(self, tab: str, section: str, index: int) -> None:
        try:
            self.case = self.app.session.entries.remove_entry(self.case_id, section, index)
        except CasefileError as e:
            self._status(str(e))
            return
        self.changed = True
        self._render_list(tab)
        self._clear_form(tab)
        self._status("已删除，记入案件日志")

    def action_next_tab(self) -> None:
        names = [f"tab-{s}" for s, _ in TABS + ONCE_TABS]
        tabs = self.query_one("#fact-tabs", TabbedContent)
        tabs.active = names[(names.index(tabs.active) + 1) % len(names)]
        # straight into the new tab's form: the hidden tab's field kept focus, so Tab landed unpredictably
        first = next(iter(fields_of(self.form(self.active())).values())).widget
        self.call_after_refresh(first.focus)

    def action_close(self) -> None:
        # typed input in a list tab's form that was not saved is not dropped without asking
        if any(has_input(self.form(t)) for t, _ in TABS):
            self.app.push_screen(ConfirmScreen("表格中有未保存的内容，放弃并返回？", yes="放弃"),
                                 lambda yes: self.dismiss(self.changed) if yes else None)
            return
        self.dismiss(self.changed)
