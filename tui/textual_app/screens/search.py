"""检索: query box (fields typed in Chinese: 机关: 年度: 类型: 法律:), hits grouped under their real
case number (an archive document under its own 文号), a facet panel in Chinese whose values add
or remove a filter, the index's freshness with a key to update it; Enter reads the hit at its page."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ListItem, ListView

from casefile.errors import CasefileError, UsageError
from tui.textual_app.screens.reader import ReaderScreen

PAGE = 30  # hits shown at first; m shows as many more
NARROW = 100  # below this width the facet panel takes the hits' place when shown


class HitItem(ListItem):
    def __init__(self, hit: dict):
        self.hit = hit
        mark = "≈ " if hit.get("partial") else ""  # only some of the words: said, not hidden
        page = hit.get("page_label") or f"第{hit['page']}页"
        super().__init__(Label(f"  {mark}{page}　{Path(hit['doc']).name}：{hit['snippet'][:100]}"))


class GroupItem(ListItem):
    """The heading of one case's (or one archive document's) hits: not a hit itself."""

    def __init__(self, hit: dict, count: int):
        self.hit = hit
        if hit.get("archive"):
            head = f"■ 外部档案　{hit['case']}　{hit.get('party', '')}"
        else:
            head = f"■ 案件 {hit['case']}　{hit.get('number', '')}　{hit.get('party', '')}"
        super().__init__(Label(f"{head.rstrip('　')}（{count} 处）"), disabled=True)


class FacetItem(ListItem):
    def __init__(self, field: str, value: dict):
        self.field, self.value = field, value["value"]
        mark = "✓ " if value["active"] else "  "
        super().__init__(Label(f"{mark}{value['label']}（{value['count']}）"))


class FacetHead(ListItem):
    def __init__(self, name: str):
        super().__init__(Label(name, classes="title"), disabled=True)


class SearchScreen(Screen):
    DEFAULT_CSS = """
    SearchScreen #search-panes { height: 1fr; }
    SearchScreen #hits { width: 1fr; height: 1fr; }
    SearchScreen #facet-list { width: 34; height: 1fr; border-left: solid $primary; display: none; }
    SearchScreen.-facets #facet-list { display: block; }
    SearchScreen.-narrow.-facets #facet-list { width: 1fr; border-left: none; }
    SearchScreen.-narrow.-facets #hits { display: none; }
    SearchScreen #summary, SearchScreen #index-status { width: 1fr; height: auto; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "app.pop_screen", "返回", id="back"),
        Binding("f,f2", "toggle_facets", "筛选", id="facets"),
        Binding("u,f5", "update_index", "更新索引", id="update-index"),
        Binding("m", "more", "更多命中", id="more-hits"),
        Binding("slash", "focus_query", "改检索词", id="edit-query", show=False),  # this screen's box, not another screen
    ]

    def __init__(self) -> None:
        super().__init__()
        self.result: dict | None = None
        self.query_text = ""
        self.limit = PAGE

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='检索词：AND OR NOT、"短语"、机关: 年度: 类型: 法律:（回车检索）', id="query")
        yield Label("回车检索后按 f（或 F2）打开筛选面板；回车在命中处阅读原文", id="summary")
        with Horizontal(id="search-panes"):
            yield ListView(id="hits")
            yield ListView(id="facet-list")
        yield Label("", id="index-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self._fit()
        self.show_status()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        if self.size.width >= NARROW and self.result and not self.has_class("-facets-closed"):
            self.add_class("-facets")  # wide enough: the facets beside the hits once there are some

    # -- searching ---------------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.run_query(event.value.strip())

    def run_query(self, q: str, limit: int = PAGE) -> None:
        self.query_text, self.limit = q, limit
        self.query_one("#summary", Label).update("正在检索……")
        self.do_search(q, limit)

    @work(thread=True, exclusive=True, group="search")
    def do_search(self, q: str, limit: int) -> None:
        summary = self.query_one("#summary", Label)

        def progress(i: int, n: int, ref: str) -> None:
            self.app.call_from_thread(summary.update, f"正在更新索引 {i}/{n}……")

        try:
            # an index that exists answers at once; one that missed changes is updated in the
            # background (refresh_index) and the query asked again when it is current
            result = self.app.session.search.search(q, limit=limit, progress=progress, wait_for_index=False)
        except UsageError as e:  # the query language's own errors (QuerySyntaxError) are usage errors
            self.app.call_from_thread(summary.update, f"检索式有误：{e}")
            return
        except CasefileError as e:
            self.app.call_from_thread(summary.update, f"未能检索：{e}")
            return
        except Exception as e:  # noqa: BLE001 - a defect: said as one, and the screen kept
            self.app.call_from_thread(summary.update, f"检索出错（这是 casefile 的缺陷，请报告）：{type(e).__name__}: {e}")
            return
        status = self.app.session.search.index_status()
        self.app.call_from_thread(self.show, result, status)
        if result.get("index", {}).get("stale"):
            self.app.call_from_thread(self.refresh_index, q, limit)

    @work(thread=True, exclusive=True, group="index-refresh")
    def refresh_index(self, q: str, limit: int) -> None:
        """Take in what changed while the old index answered; then the same query again, unless the
        person asked another one meanwhile."""
        status = self.query_one("#index-status", Label)

        def progress(i: int, n: int, ref: str) -> None:
            self.app.call_from_thread(status.update, f"正在后台更新索引 {i}/{n}……（以上为更新前的结果）")

        try:
            self.app.session.search.ensure_index(progress)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, f"索引未能更新：{e}", severity="error")
            return
        if (self.query_text, self.limit) == (q, limit):
            self.app.call_from_thread(self.run_query, q, limit)
        else:
            self.app.call_from_thread(self.show_status)

    def show(self, r: dict, status=None) -> None:
        self.result = r
        fresh = r.get("index", {})
        note = "（已建立索引）" if fresh.get("built") else f"（索引已更新 {fresh['added']} 份）" if fresh.get("added") else ""
        if fresh.get("stale"):
            note = f"（索引有 {fresh['stale']} 个案件的变化尚未收入，正在后台更新；以下是更新前的结果）"
        groups = len(r["cases"])
        more = f"；显示前 {len(r['hits'])} 处，m 显示更多" if r["total"] > len(r["hits"]) else ""
        if any(h.get("partial") for h in r["hits"]):
            more += "；标 ≈ 的只含部分检索词"
        self.query_one("#summary", Label).update(
            f"“{r['query']}”：{r['total']} 处命中，{groups} 个案件或档案（{r['elapsed_ms']} 毫秒）{note}{more}")
        lv = self.query_one("#hits", ListView)
        lv.clear()
        counts = {c["case"]: c["hits"] for c in r["cases"]}
        prev = None
        first = None
        n = 0
        for h in r["hits"]:
            if h["case"] != prev:
                lv.append(GroupItem(h, counts.get(h["case"], 0)))
                n += 1
                prev = h["case"]
            lv.append(HitItem(h))
            if first is None:
                first = n
            n += 1
        self.show_facets(r.get("facet_list", []))
        self._fit()
        if status is not None:
            self.query_one("#index-status", Label).update(status.label)
        if first is not None:
            lv.index = first
        # the keys (u, f, m) work from the lists, even after no hit; / or Tab goes back to the box
        if first is None and self.has_class("-facets"):
            self.query_one("#facet-list", ListView).focus()
        elif lv.display:
            lv.focus()

    def show_facets(self, facets: list[dict]) -> None:
        fl = self.query_one("#facet-list", ListView)
        fl.clear()
        for f in facets:
            if not f["values"]:
                continue
            fl.append(FacetHead(f["name"]))
            for v in f["values"][:12]:
                fl.append(FacetItem(f["field"], v))

    # -- opening a hit, choosing a facet --------------------------------------------------------------
    def on_list_view_selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, FacetItem):
            q = self.app.session.search.toggle_filter(self.query_text, item.field, item.value)
            self.query_one("#query", Input).value = q
            self.run_query(q)
        elif isinstance(item, (HitItem, GroupItem)):  # a heading opens its first hit
            self.open_hit(item.hit)

    @work(thread=True, exclusive=True, group="open-hit")
    def open_hit(self, hit: dict) -> None:
        try:
            reading = self.app.session.search.read_hit(hit, self.query_text)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        self.app.call_from_thread(self.app.push_screen, ReaderScreen(reading))

    # -- keys -----------------------------------------------------------------------------------------
    def action_toggle_facets(self) -> None:
        shown = not self.has_class("-facets")
        self.set_class(shown, "-facets")
        self.set_class(not shown, "-facets-closed")
        target = "#facet-list" if shown else "#hits"
        self.query_one(target, ListView).focus()

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_more(self) -> None:
        if self.result and self.result["total"] > len(self.result["hits"]):
            self.run_query(self.query_text, self.limit + PAGE)

    @work(thread=True, group="status")
    def show_status(self) -> None:
        label = self.app.session.search.index_status().label
        self.app.call_from_thread(self.query_one("#index-status", Label).update, label)

    @work(thread=True, exclusive=True, group="search")
    def action_update_index(self) -> None:
        self.app.call_from_thread(self.query_one("#index-status", Label).update, "正在更新索引……")
        try:
            r = self.app.session.search.update_index()
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        label = self.app.session.search.index_status().label
        self.app.call_from_thread(self.query_one("#index-status", Label).update, label)
        self.app.call_from_thread(self.notify, f"索引已更新：{r.get('added', 0)} 份文书有变化，删除 {r.get('removed', 0)} 份")
        if self.query_text:  # the hits follow the index
            self.app.call_from_thread(self.run_query, self.query_text, self.limit)
