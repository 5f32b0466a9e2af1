"""The search screen and the reader driven with Pilot at 80×24 on the demo workspace (issue 21,
item 2): a query typed with Chinese fields, a facet chosen as a filter, a hit read at its page
with the match highlighted, an archive document read read-only."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from textual.widgets import Input, Label, ListView, Static

from tui.application import Session
from tui.textual_app.app import CasefileApp

from tests.conftest import SAMR
from tests.pilot import settle

TODAY = dt.date(2026, 11, 23)
SIZE = (80, 24)


async def _settle(app, pilot):
    await settle(app, pilot, rounds=3)


async def _search(app, pilot, query: str):
    await pilot.press("slash")
    await pilot.pause()
    screen = app.screen
    box = screen.query_one("#query", Input)
    box.focus()
    box.value = query
    await pilot.press("enter")
    await _settle(app, pilot)
    return screen


def _labels(lv: ListView) -> list[str]:
    return [str(item.query_one(Label).render()) for item in lv.children]


@pytest.mark.asyncio
async def test_query_facet_filter_and_reading_a_case_hit_at_80x24(indexed_demo_ws):
    app = CasefileApp(Session(indexed_demo_ws), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        search = await _search(app, pilot, "听证 机关：清溪县市场监督管理局")
        r = search.result
        assert r["total"] > 0 and {h["agency"] for h in r["hits"]} == {"清溪县市场监督管理局"}
        hits = search.query_one("#hits", ListView)
        shown = _labels(hits)
        # grouped under the real case number, hits under it, never an internal code
        assert shown[0].startswith("■ 案件 SJ-2026-088")
        assert "约第1页" in shown[1] and "archive:" not in "".join(shown)
        # the status line says how current the index is
        assert "索引为最新" in str(search.query_one("#index-status", Label).render())
        # f opens the facet panel (alone at 80 columns); choosing 听证笔录 adds 类型:听证笔录
        await pilot.press("f")
        await pilot.pause()
        facets = search.query_one("#facet-list", ListView)
        assert facets.display and not hits.display
        text = _labels(facets)
        assert "文书类型" in text and not any("hearing" in t for t in text)
        at = next(i for i, t in enumerate(text) if "听证笔录" in t)
        facets.index = at
        await pilot.press("enter")
        await _settle(app, pilot)
        assert search.query_one("#query", Input).value.endswith("类型:听证笔录")
        assert {h["doc_type"] for h in search.result["hits"]} == {"hearing_record"}
        assert any(v["active"] and v["label"] == "听证笔录" for f in search.result["facet_list"] for v in f["values"])
        # choosing it again takes the filter out
        facets = search.query_one("#facet-list", ListView)
        facets.focus()
        facets.index = next(i for i, t in enumerate(_labels(facets)) if "✓ 听证笔录" in t)
        await pilot.press("enter")
        await _settle(app, pilot)
        assert "类型" not in search.query_one("#query", Input).value
        assert search.result["total"] == r["total"]
        # back to the hits; Enter reads the first hit at its page with the match highlighted
        await pilot.press("f")
        await pilot.pause()
        hits = search.query_one("#hits", ListView)
        hits.focus()
        cursor = hits.index
        first = hits.highlighted_child.hit
        await pilot.press("enter")
        await _settle(app, pilot)
        reader = app.screen
        assert type(reader).__name__ == "ReaderScreen"
        v = reader.reading.view()
        assert v["page"] == first["page"] and reader.reading.doc == first["doc"]
        assert v["spans"] and all(v["text"][a:b] == "听证" for a, b in v["spans"])
        drawn = reader.query_one("#reader-text", Static).content
        styled = {(s.start, s.end) for s in drawn.spans}
        assert set(map(tuple, v["spans"])) <= styled
        loc = str(reader.query_one("#reader-loc", Label).render())
        assert "估算页码" in loc and "本页第1/" in loc and "只读" in loc
        await pilot.press("n")
        await pilot.pause()
        assert reader.reading.current == 1
        await pilot.press("p")
        await pilot.pause()
        assert reader.reading.current == 0
        # Esc: the same search, query and cursor kept
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is search and search.query_one("#hits", ListView).index == cursor
        assert search.query_one("#query", Input).value == "听证 机关：清溪县市场监督管理局"


@pytest.mark.asyncio
async def test_archive_hit_opens_read_only_at_its_pdf_page(indexed_demo_ws, tmp_path):
    folder = tmp_path / "档案"
    shutil.copytree(SAMR / "pdf", folder)
    s = Session(indexed_demo_ws)
    s.search.add_archive(folder)
    app = CasefileApp(s, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        search = await _search(app, pilot, '"明码标价"')
        hits = search.query_one("#hits", ListView)
        shown = _labels(hits)
        assert shown[0].startswith("■ 外部档案　南市监处罚字〔2024〕3号")
        assert not any("archive" in t for t in shown)
        # a hit deep in the 10-page PDF: the reader opens on that PDF page
        hits.focus()
        hits.index = next(i for i, item in enumerate(hits.children)
                          if getattr(item, "hit", None) and item.hit["page"] == 8 and not item.disabled)
        await pilot.press("enter")
        await _settle(app, pilot)
        reader = app.screen
        assert type(reader).__name__ == "ReaderScreen"
        v = reader.reading.view()
        assert v["page"] == 8 and v["read_only"] and v["archive"]
        assert "外部档案（只读）" in str(reader.query_one("#reader-title", Label).render())
        assert "第8/10页（PDF页码）" in str(reader.query_one("#reader-loc", Label).render())
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(folder / "samr_00db796e58c05e6d8af5deb4cf0b4918.pdf"))
        assert v["text"].strip()[:20] in pdf[7].get_textpage().get_text_range().replace("\r", "")
        assert all(v["text"][a:b].replace("\n", "") == "明码标价" for a, b in v["spans"])
        await pilot.press("right")
        await pilot.pause()
        assert reader.reading.page == 9
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is search
