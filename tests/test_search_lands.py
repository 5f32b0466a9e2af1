"""Search that lands (issue 21, item 2), in the application layer: fields typed in Chinese mean
what the English ones mean (one parser, both engines, CLI and TUI), archive hits grouped under the
文号 their text bears, each hit's page right (a PDF's own page) with its matched terms and offsets,
facets named in Chinese and toggled as filters, the index's freshness, and an import never
missing from the index."""

from __future__ import annotations

import json
import os
import re
import shutil

import pypdfium2
import pytest

import index as idx
from index import query
from casefile.ingest.textio import read_document
from casefile.store.workspace import AgencyProfile, Workspace
from tui.application import Session
from tests.conftest import DATA, SAMR

DECISIONS = DATA / "index" / "decisions"
ENGINES = ["tantivy", "whoosh"]


def _archive_session(root, engine: str) -> tuple[Session, object]:
    ws = Workspace.init(root / "ws", AgencyProfile(name="评查组"))
    folder = root / "decisions"
    shutil.copytree(DECISIONS, folder)
    if engine != "tantivy":
        idx.rebuild(ws, engine=engine)
    s = Session(ws)
    s.search.add_archive(folder)
    return s, folder


@pytest.fixture(scope="module", params=ENGINES)
def archive(request, tmp_path_factory):
    return _archive_session(tmp_path_factory.mktemp(f"lands-{request.param}"), request.param)


@pytest.fixture(scope="module")
def pdf_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("lands-pdf")
    ws = Workspace.init(root / "ws", AgencyProfile(name="评查组"))
    folder = root / "pdf"
    shutil.copytree(SAMR / "pdf", folder)
    s = Session(ws)
    s.search.add_archive(folder)
    return s, folder


def _found(r) -> list[tuple[str, int]]:
    return [(h["doc"], h["page"]) for h in r["hits"]]


# -- one query language, Chinese field names included -------------------------------------------
def test_chinese_fields_find_what_the_english_ones_find(archive):
    s, _ = archive
    base = s.search.search("价格", limit=50)
    agency = next(iter(base["facets"]["agency"]))  # the archive's own values, not typed here
    year = next(iter(base["facets"]["year"]))
    law = next(iter(base["facets"]["laws"]))
    pairs = [
        (f"价格 机关:{agency}", f"价格 agency:{agency}"),
        (f"价格 机关：{agency}", f"价格 agency:{agency}"),  # the full-width colon a Chinese keyboard types
        (f"价格 年度:{year}", f"价格 year:{year}"),
        (f"价格 法律:{law}", f"价格 law:{law}"),
        ("价格 类型:行政处罚决定书", "价格 type:decision"),
        ("价格 文书类型:decision", "价格 doc_type:decision"),
        (f"价格 NOT 年度:{year}", f"价格 NOT year:{year}"),
    ]
    for cn, en in pairs:
        a, b = s.search.search(cn, limit=50), s.search.search(en, limit=50)
        assert a["total"] == b["total"] and _found(a) == _found(b), cn
        assert not any(h.get("partial") for h in a["hits"]), cn  # a filter is no word to half-match
    narrowed = s.search.search(f"价格 机关:{agency}", limit=50)
    assert 0 < narrowed["total"] <= base["total"] and {h["agency"] for h in narrowed["hits"]} == {agency}
    # the filter options of the CLI take a document type's Chinese name too
    assert _found(s.search.search("价格", doc_type="行政处罚决定书", limit=50)) == _found(s.search.search("价格", doc_type="decision", limit=50))


def test_cli_search_reads_chinese_fields(demo_ws, run_cli):
    w = ["--workspace", str(demo_ws.root)]
    code, out, err = run_cli("search", "听证 类型:听证笔录", "--json", *w)
    assert code == 0, err
    cn = json.loads(out)
    code, out, err = run_cli("search", "听证 type:hearing_record", "--json", *w)
    en = json.loads(out)
    assert cn["total"] == en["total"] > 0 and [h["doc"] for h in cn["hits"]] == [h["doc"] for h in en["hits"]]
    assert {h["doc_type"] for h in cn["hits"]} == {"hearing_record"}
    # the JSON is extended, never reshaped: the old keys stay, the new ones say page and matches
    h = cn["hits"][0]
    assert {"case", "doc", "page", "snippet", "number", "party"} <= set(h)
    assert h["page_kind"] == "估算页码" and h["terms"] == ["听证"] and h["matches"]
    assert {f["name"] for f in cn["facet_list"]} == {"机关", "年度", "法律", "文书类型"}


# -- archive hits under their own 文号 --------------------------------------------------------------
def test_archive_hits_carry_the_number_their_text_bears(archive):
    s, folder = archive
    r = s.search.search("罚款", limit=40)
    assert r["hits"] and all(h.get("archive") for h in r["hits"])
    for h in r["hits"]:
        assert not h["case"].startswith("archive:")
        text = read_document(folder / h["doc"]).text
        if h["number"]:
            assert h["case"] == h["number"] and h["number"] in re.sub(r"\s+", "", text)
            assert re.search(r"〔\d{4}〕|\[\d{4}\]|\d{4}", h["number"])
        else:
            assert h["case"] == (folder / h["doc"]).stem
    assert len(r["cases"]) > 1  # many decisions, not one pseudo-case
    assert sum(c["hits"] for c in r["cases"]) == len(r["hits"])


# -- pages and matches -----------------------------------------------------------------------------------
def test_hits_on_a_multi_page_pdf_name_the_pdf_page_and_the_terms(pdf_archive):
    s, folder = pdf_archive
    r = s.search.search("明码标价", limit=40)
    pdf_name = "samr_00db796e58c05e6d8af5deb4cf0b4918.pdf"
    pdf = pypdfium2.PdfDocument(str(folder / pdf_name))
    ours = [h for h in r["hits"] if h["doc"] == pdf_name]
    assert len({h["page"] for h in ours}) >= 3 and max(h["page"] for h in ours) > 1
    for h in ours:
        assert h["page_kind"] == "PDF页码" and h["printed_page"] == h["page"] and h["page_label"] == f"第{h['page']}页"
        page_text = re.sub(r"\s+", "", pdf[h["page"] - 1].get_textpage().get_text_range())
        assert "明码标价" in page_text  # the page the hit names is the PDF page holding the words
        assert h["terms"] == ["明码标价"] and h["matches"]
        # reading it lands there, every highlighted span the query's words
        reading = s.search.read_hit(h, r["query"])
        v = reading.view()
        assert v["page"] == h["page"] and v["pages"] == len(pdf) and v["read_only"]
        assert v["spans"] and all(re.sub(r"\s+", "", v["text"][a:b]) == "明码标价" for a, b in v["spans"])
        assert "明码标价" in re.sub(r"\s+", "", pdf[v["page"] - 1].get_textpage().get_text_range())


def test_reading_moves_between_matches_and_pages(pdf_archive):
    s, _ = pdf_archive
    r = s.search.search("明码标价", limit=40)
    h = next(h for h in r["hits"] if h["doc"].startswith("samr_00db"))
    reading = s.search.read_hit(h, "明码标价")
    start = reading.page
    seen = [(reading.page, reading.current)]
    while reading.next_match():
        seen.append((reading.page, reading.current))
    assert len(seen) == len(set(seen)) > 1 and seen == sorted(seen)
    assert reading.page >= start and not reading.next_match()
    while reading.prev_match():
        pass
    assert reading.current == 0 and all(not reading.spans(p) for p in range(1, reading.page))
    last = len(reading.pages)
    assert reading.go_page(last) and reading.page == last and not reading.next_page()
    assert reading.current == (0 if reading.spans() else -1)
    assert reading.go_page(1) and reading.page == 1 and not reading.prev_page()


def test_a_docx_hit_says_its_page_is_estimated(demo_ws):
    s = Session(demo_ws)
    r = s.search.search("听证", limit=20)
    h = r["hits"][0]
    assert h["doc"].endswith(".docx") and h["page_kind"] == "估算页码" and h["page_label"] == f"约第{h['printed_page']}页"
    v = s.search.read_hit(h, "听证").view()
    assert "估算" in v["location"] and v["title"].startswith(f"案件 {h['case']}")
    assert v["text"] == s.documents.document_pages(h["case"], h["doc"])[h["page"] - 1]  # the document as it reads


# -- facets in Chinese, selectable -------------------------------------------------------------------
def test_facets_are_named_in_chinese_and_toggle_filters(demo_ws):
    s = Session(demo_ws)
    r = s.search.search("听证", limit=30)
    by = {f["field"]: f for f in r["facet_list"]}
    assert by["doc_type"]["name"] == "文书类型" and by["agency"]["name"] == "机关"
    labels = {v["value"]: v["label"] for v in by["doc_type"]["values"]}
    assert labels["hearing_record"] == "听证笔录" and not any(re.search(r"[a-z_]", l) for l in labels.values())
    q = s.search.toggle_filter("听证", "doc_type", "hearing_record")
    assert q == "听证 类型:听证笔录"
    narrowed = s.search.search(q, limit=30)
    assert {h["doc_type"] for h in narrowed["hits"]} == {"hearing_record"}
    assert [v["active"] for f in narrowed["facet_list"] if f["field"] == "doc_type" for v in f["values"]] == [True]
    agency = next(iter(r["facets"]["agency"]))
    q2 = s.search.toggle_filter(q, "agency", agency)
    assert q2 == f"听证 类型:听证笔录 机关:{agency}" and query.filters(q2) == [("doc_type", "hearing_record"), ("agency", agency)]
    assert s.search.toggle_filter(q2, "doc_type", "hearing_record") == f"听证 机关:{agency}"
    assert s.search.toggle_filter("听证 type:hearing_record", "doc_type", "hearing_record") == "听证"  # however it was typed


# -- freshness, and imports always in the index -----------------------------------------------------------
def test_index_freshness_and_update(demo_ws):
    s = Session(demo_ws)
    st = s.search.index_status()
    assert not st.exists and "尚未建立索引" in st.label
    s.search.search("听证")
    st = s.search.index_status()
    assert st.current and st.changed == 0 and "索引为最新" in st.label and st.updated
    # a case changed behind the application's back (another program, a restore)
    case_toml = demo_ws.cases_dir / "SJ-2026-088" / "case.toml"
    case_toml.write_text(case_toml.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    st = s.search.index_status()
    assert not st.current and st.stale_cases == 1 and "1 个案件的信息" in st.label
    s.search.update_index()
    assert s.search.index_status().current


@pytest.mark.parametrize("indexed_first", [True, False])
def test_an_import_is_in_the_index_at_once(demo_ws, indexed_first):
    s = Session(demo_ws)
    if indexed_first:
        s.search.search("听证")
    before = s.search.search("听证")["total"] if indexed_first else None
    src = SAMR / "txt" / "samr_006133a8cb66a995c8fa5de583fa6584.txt"
    word = "SK俱乐部"
    assert word in src.read_text(encoding="utf-8")
    imported = s.imports.import_files("HB-2026-005", [src])
    assert imported.documents and not imported.errors
    if indexed_first:  # the import itself brought the index up to date, nothing left to do
        assert s.search.index_status().current
        assert any(ref.startswith("HB-2026-005/") and ref.endswith(src.name) for ref in idx.indexed(demo_ws))
    r = s.search.search(word)
    assert [(h["case"], os.path.basename(h["doc"])) for h in r["hits"]] == [("HB-2026-005", src.name)]
    # and nothing else went missing: the other cases are searched as before
    after = s.search.search("听证")
    assert after["total"] >= (before or 1) and len({h["case"] for h in after["hits"]}) > 1


def test_changed_archive_files_are_counted_and_updated(pdf_archive, tmp_path):
    s, folder = pdf_archive
    assert s.search.index_status().archive_files == 0
    extra = folder / "新增.txt"  # a real decision added to the archive folder after it was indexed
    shutil.copy(SAMR / "txt" / "samr_006133a8cb66a995c8fa5de583fa6584.txt", extra)
    try:
        st = s.search.index_status()
        assert st.archive_files == 1 and "1 份档案文件" in st.label
        s.search.update_index()
        assert s.search.index_status().archive_files == 0
        hit = next(h for h in s.search.search("SK俱乐部", limit=50)["hits"] if h["doc"] == "新增.txt")
        assert hit["case"] == "固市监价罚〔2026〕15号"  # the 文号 under its title, not the file name
    finally:
        extra.unlink()
        s.search.update_index()


@pytest.mark.parametrize("text", ["NOT", "(NOT)", "NOT AND", "罚款 NOT", "NOT OR 罚款"])
def test_a_not_with_nothing_after_it_negates_nothing(text):
    """"NOT" at the end of a query (or alone) is a query asking for nothing, not a crash."""
    tree = query.parse(text)
    if "罚款" in text:
        assert isinstance(tree, query.Words) and tree.words == ["罚款"]
    else:
        assert tree is None
