"""检索: query box, hits grouped by case with highlighted snippets, facets; Enter opens the page."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ListItem, ListView, Static

from casefile.errors import CasefileError
from tui.application import FACET_NAMES, facet_value_name
from tui.textual_app.screens.case import CaseScreen


class HitItem(ListItem):
    def __init__(self, hit: dict, first_of_case: bool):
        self.hit = hit
        head = f"■ {hit['case']}　{hit.get('number', '')}　{hit.get('party', '')}\n" if first_of_case else ""
        mark = "≈ " if hit.get("partial") else ""  # only some of the words: said, not hidden
        super().__init__(Label(f"{head}  {mark}{Path(hit['doc']).name} 第{hit['page']}页：{hit['snippet'][:150]}"))


class SearchScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "返回", id="back"), Binding("u", "update_index", "更新索引", id="update-index")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='检索词：支持 AND OR NOT、"短语"、字段:值（回车检索）', id="query")
        yield Label("", id="summary")
        yield ListView(id="hits")
        yield Static("", id="facets")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.query_one("#summary", Label).update("正在检索……")
            self.do_search(event.value.strip())

    @work(thread=True, exclusive=True, group="search")
    def do_search(self, q: str) -> None:
        summary = self.query_one("#summary", Label)

        def progress(i: int, n: int, ref: str) -> None:
            self.app.call_from_thread(summary.update, f"正在更新索引 {i}/{n}……")

        try:
            # the application layer brings the index up to date first, as for the CLI
            result = self.app.session.search(q, limit=30, progress=progress)
        except CasefileError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        except Exception as e:  # a malformed query: say so, keep the screen
            self.app.call_from_thread(self.notify, f"检索式有误：{e}", severity="error")
            return
        self.app.call_from_thread(self.show, result)

    def show(self, r: dict) -> None:
        self.result = r
        fresh = r.get("index", {})
        note = "（已建立索引）" if fresh.get("built") else f"（索引已更新 {fresh['added']} 份）" if fresh.get("added") else ""
        self.query_one("#summary", Label).update(f"“{r['query']}”：{r['total']} 处命中，{len(r['cases'])} 个案件（{r['elapsed_ms']} 毫秒）{note}；回车打开")
        lv = self.query_one("#hits", ListView)
        lv.clear()
        prev = None
        for h in r["hits"]:
            lv.append(HitItem(h, h["case"] != prev))
            prev = h["case"]
        self.query_one("#facets", Static).update("　".join(
            f"{FACET_NAMES[k]}：" + "、".join(f"{facet_value_name(k, n)}({c})" for n, c in list(v.items())[:4]) for k, v in r["facets"].items() if v))
        if r["hits"]:
            lv.index = 0
            lv.focus()

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        if isinstance(event.item, HitItem):
            h = event.item.hit
            if h.get("archive"):  # an archive document, grouped under its own 文号 (index.open_hit shows its page)
                self.notify(f"{h['doc']} 第{h['page']}页（外部档案，不是案件）")
                return
            self.app.push_screen(CaseScreen(h["case"], doc=h["doc"], page=h["page"]))

    @work(thread=True, exclusive=True, group="search")
    def action_update_index(self) -> None:
        r = self.app.session.update_index()
        self.app.call_from_thread(self.notify, f"索引已更新：{r['added']} 份文书")
