"""我的工作 (what waits for the acting user by role, the screen the app opens on) and 用户管理
(the 管理员's register of users and roles)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, SelectionList, Static

from casefile.errors import CasefileError
from tui.application import USER_ROLES
from tui.textual_app.screens.ask import AskScreen
from tui.textual_app.screens.case import CaseScreen
from tui.textual_app.screens.common import ConfirmScreen
from tui.textual_app.screens.forms import Field, input_field

# the roles that have a work list; the others (评查, 公示, 管理员) open on all cases
WORK_ROLES = ("法制审核", "负责人", "承办人")


def opens_on_work(session) -> bool:
    """The app opens on 我的工作 for a registered handler, reviewer or head; a 管理员 oversees all cases."""
    return bool(session.access.user) and "管理员" not in session.access.roles and any(r in session.access.roles for r in WORK_ROLES)


class MyWorkScreen(Screen):
    BINDINGS = [
        Binding("enter", "open_case", "打开", id="open"),
        Binding("a", "approve", "负责人审批", id="approve"),
        Binding("g", "refresh", "刷新", id="refresh"),
        Binding("escape", "app.pop_screen", "全部案件", id="all-cases"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(f"我的工作：{self.app.session.access.who()}", classes="title", id="work-who")
        yield DataTable(id="work", cursor_type="row", zebra_stripes=True)
        yield Static("", id="work-status")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#work", DataTable)
        t.add_columns("待办", "案件", "当事人", "状态", "说明")
        self.load()
        t.focus()

    def load(self) -> None:
        t = self.query_one("#work", DataTable)
        t.clear()
        work = self.app.session.approvals.my_work()
        for title, items in work.items():
            for i in items:
                t.add_row(title, i.case, i.party, i.state, i.waiting, key=f"{title}:{i.case}")
        n = sum(len(v) for v in work.values())
        self.query_one("#work-status", Static).update(
            "；".join(f"{k} {len(v)} 件" for k, v in work.items() if v) + "（回车打开，g 刷新，Esc 全部案件）" if n else
            "没有待办的案件（Esc 查看全部案件）")

    def action_refresh(self) -> None:
        self.load()

    def selected_case(self) -> str:
        t = self.query_one("#work", DataTable)
        if not t.row_count:
            return ""
        return t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value.split(":", 1)[1]

    def action_open_case(self) -> None:
        if self.selected_case():
            self.app.push_screen(CaseScreen(self.selected_case()))

    def action_approve(self) -> None:
        """The 负责人's 审批 (同意, with the opinion asked for) of the highlighted case; 不同意 and the
        集体讨论 are recorded with casefile approve / casefile discuss."""
        case_id = self.selected_case()
        if not case_id:
            return

        def done(opinion: str | None) -> None:
            if not opinion:
                return
            try:
                self.app.session.approvals.approve(case_id, opinion)
            except CasefileError as e:
                self.notify("\n".join([e.message] + e.details), severity="error")
                return
            self.notify(f"已记录负责人审批：{case_id}，同意")
            self.load()

        self.app.push_screen(AskScreen(f"案件 {case_id} 负责人审批意见（同意）：", "同意"), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(CaseScreen(event.row_key.value.split(":", 1)[1]))


class UsersScreen(Screen):
    """The user register: n registers a user, d removes the highlighted one (管理员 only: the
    session refuses anyone else, and the screen shows its reason)."""

    BINDINGS = [
        Binding("n", "add", "登记用户", id="add-user"),
        Binding("d", "remove", "删除用户", id="remove-user"),
        Binding("escape", "app.pop_screen", "返回", id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("用户管理（登录名、姓名、角色、执法证号）", classes="title")
        yield DataTable(id="users", cursor_type="row", zebra_stripes=True)
        yield Static("", id="users-status")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one("#users", DataTable)
        t.add_columns("登录名", "姓名", "角色", "执法证号")
        self.load()
        t.focus()

    def load(self) -> None:
        t = self.query_one("#users", DataTable)
        t.clear()
        for u in self.app.session.users.users():
            t.add_row(u.login, u.name, "、".join(u.roles), u.officer, key=u.login)
        self.query_one("#users-status", Static).update(f"当前用户：{self.app.session.access.who()}")

    def action_add(self) -> None:
        self.app.push_screen(UserFormScreen(), lambda added: self.load() if added else None)

    def action_remove(self) -> None:
        t = self.query_one("#users", DataTable)
        if not t.row_count:
            return
        login = t.coordinate_to_cell_key(t.cursor_coordinate).row_key.value

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                u = self.app.session.users.remove_user(login)
            except CasefileError as e:
                self.query_one("#users-status", Static).update("\n".join([e.message] + e.details))
                return
            self.notify(f"已删除用户 {u.name}（{u.login}）")
            self.load()

        self.app.push_screen(ConfirmScreen(f"从用户清单中删除 {login}？", "其以往的记录不受影响。", "删除"), done)


class UserFormScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "取消", id="cancel"), Binding("ctrl+s", "save", "保存", id="save")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("登记用户（Ctrl+S 保存，Esc 取消）", classes="title")
            yield input_field("login", "登录名", "操作系统登录名", widget_id="login")
            yield input_field("name", "姓名", widget_id="name")
            yield Field("roles", "角色", SelectionList(*[(r, r) for r in USER_ROLES], compact=True, id="roles"))
            yield input_field("officer", "执法证号", "执法人员填写（须在人员清单中）", widget_id="officer")
            yield Static("", id="user-errors", classes="error")

    def action_cancel(self) -> None:
        self.dismiss(False)

    def action_save(self) -> None:
        v = {i.id: i.value.strip() for i in self.query(Input)}
        roles = list(self.query_one("#roles", SelectionList).selected)
        try:
            u = self.app.session.users.add_user(v["login"], v["name"], roles, v["officer"])
        except CasefileError as e:
            self.query_one("#user-errors", Static).update("\n".join([e.message] + e.details))
            return
        self.notify(f"已登记用户 {u.name}（{u.login}）")
        self.dismiss(True)
