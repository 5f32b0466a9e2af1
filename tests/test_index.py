"""Full-text archive search over real decisions and the demo cases (issues 8 and 19).

One conformance suite runs against both engines (tantivy, the default, and whoosh): the same
120 real decisions (tests/data/index/decisions), the same judged queries
(tests/data/relevance), the same phrases and facets.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib

import pytest

import index as idx
from casefile.errors import IndexError_
from casefile.ingest.extract.normalize import compact
from index.whoosh_analyzer import chinese_analyzer
from tests.conftest import DATA

DECISIONS = DATA / "index" / "decisions"
ENGINES = ["tantivy", "whoosh"]


def _build(root, engine):
    from casefile.store.workspace import AgencyProfile, Workspace

    ws = Workspace.init(root / "ws", AgencyProfile(name="评查组"))
    folder = root / "txt"
    folder.mkdir()
    for p in sorted(DECISIONS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    if engine != "tantivy":
        idx.rebuild(ws, engine=engine)
    idx.add_folder(ws, folder)
    return ws, folder


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    return {e: _build(tmp_path_factory.mktemp(f"arch-{e}"), e) for e in ENGINES}


@pytest.fixture(params=ENGINES)
def archive_ws(request, archives):
    return archives[request.param]


@pytest.fixture(scope="module")
def texts():
    return {p.name: compact(p.read_text(encoding="utf-8")).text for p in DECISIONS.glob("*.txt")}


def _visible(snippet: str) -> str:
    return snippet.replace("【", "").replace("】", "").strip("…")


def _marked(snippet: str) -> list[str]:
    return re.findall(r"【([^】]*)】", snippet)


# -- the same answers on both engines ------------------------------------------------------------
def _judged():
    out = []
    for p in sorted((DATA / "relevance").glob("judged_*.toml")):
        out += [q["q"] for q in tomllib.loads(p.read_text(encoding="utf-8"))["query"]]
    return out


def test_judged_queries_find_the_same_documents_and_facets_on_both_engines(archives):
    t, w = archives["tantivy"][0], archives["whoosh"][0]
    queries = _judged()
    assert len(queries) == 42
    found_any = 0
    for q in queries:
        a = idx.search(t, q, limit=500, snippets=False)
        b = idx.search(w, q, limit=500, snippets=False)
        full_a = {h["doc"] for h in a["hits"] if not h.get("partial")}
        full_b = {h["doc"] for h in b["hits"] if not h.get("partial")}
        assert (a["total"], full_a) == (b["total"], full_b), q
        assert a["facets"] == b["facets"], q
        found_any += bool(full_a)
    assert found_any >= 30  # the 120 decisions answer most of the auditors' queries


@pytest.mark.parametrize("phrase", ["责令改正", "没收违法所得", "超过保质期", "明码标价规定", "价格欺诈", "行政处罚"])
def test_phrases_find_the_same_documents_on_both_engines(archives, texts, phrase):
    t, w = archives["tantivy"][0], archives["whoosh"][0]
    a = {h["doc"] for h in idx.search(t, f'"{phrase}"', limit=500, snippets=False)["hits"]}
    b = {h["doc"] for h in idx.search(w, f'"{phrase}"', limit=500, snippets=False)["hits"]}
    assert a == b and a
    assert all(phrase in texts[d] for d in a), phrase


def test_search_json_shape_snippets_pages_facets(archive_ws, run_cli):
    ws, _ = archive_ws
    code, out, err = run_cli("search", "明码标价", "--json", "-w", str(ws.root))
    assert code == 0, err
    r = json.loads(out)
    assert set(r) >= {"query", "total", "elapsed_ms", "hits", "facets", "cases"}
    assert r["total"] > 0 and r["hits"]
    h = r["hits"][0]
    assert set(h) >= {"case", "doc", "doc_type", "page", "score", "snippet", "archive"}
    assert "【明码标价】" in h["snippet"] and h["page"] >= 1 and h["score"] > 0
    assert set(r["facets"]) == {"agency", "year", "laws", "doc_type"}
    assert "中华人民共和国价格法" in r["facets"]["laws"]


def test_archive_hits_are_grouped_by_their_own_case_number(archive_ws, texts):
    ws, _ = archive_ws
    r = idx.search(ws, "明码标价", limit=10)
    for h in r["hits"]:
        assert h["archive"] == "txt" and not h["case"].startswith("archive:")
        # the case number is the 文号 the decision bears
        assert re.search(r"〔\d{4}〕|\[\d{4}\]|\d{4}", h["case"]) and h["case"] in texts[h["doc"]], h
    assert [c["case"] for c in r["cases"]] == list(dict.fromkeys(h["case"] for h in r["hits"]))


def test_phrase_and_boolean_and_filters(archive_ws, texts):
    ws, _ = archive_ws
    phrase = idx.search(ws, '"明码标价"', limit=500)
    loose = idx.search(ws, "明码 标价", limit=500)
    assert 0 < phrase["total"] <= loose["total"]
    not_q = idx.search(ws, "价格 NOT 食品", limit=500)
    assert not_q["hits"] and all("食品" not in texts[h["doc"]] for h in not_q["hits"])
    assert not_q["total"] + idx.search(ws, "价格 食品", limit=1)["total"] == idx.search(ws, "价格", limit=1)["total"]
    year = int(next(iter(phrase["facets"]["year"])))
    filtered = idx.search(ws, '"明码标价"', year=year, limit=500)
    assert filtered["total"] == phrase["facets"]["year"][str(year)]
    assert all(h["date"].startswith(str(year)) for h in filtered["hits"])
    law = idx.search(ws, "罚款", law="食品安全法", limit=500)
    assert 0 < law["total"] < idx.search(ws, "罚款", limit=1)["total"]
    assert all("食品安全法" in texts[h["doc"]] for h in law["hits"])
    agency = next(iter(phrase["facets"]["agency"]))
    assert all(h["agency"] == agency for h in idx.search(ws, '"明码标价"', agency=agency, limit=500)["hits"])


def test_quoted_phrase_with_stop_word_or_comma_finds_its_own_text(archive_ws, texts):
    ws, _ = archive_ws
    for phrase in ["当事人的上述", "明码标价的行为", "违法所得，并处"]:
        holders = {n for n, t in texts.items() if phrase in t}
        assert holders, phrase
        found = {h["doc"] for h in idx.search(ws, f'"{phrase}"', limit=500)["hits"]}
        assert holders <= found, phrase
    # a comma takes a place too: words either side of one are not a phrase
    assert all("消费者权益" in texts[h["doc"]] for h in idx.search(ws, '"消费者权益"', limit=500)["hits"])


def test_tantivy_phrases_hold_exactly_the_quoted_text(archives, texts):
    """Stop words are indexed in their places, so a phrase is its words, not its words with any stop word
    between (whoosh, which drops them, also finds 当事人对上述 for "当事人的上述")."""
    ws = archives["tantivy"][0]
    for phrase in ["当事人的上述", "明码标价的行为", "违法所得，并处", "当事人 行为"]:
        found = {h["doc"] for h in idx.search(ws, f'"{phrase}"', limit=500)["hits"]}
        assert found == {n for n, t in texts.items() if phrase.replace(" ", "") in t}, phrase


def test_snippets_mark_words_and_whole_phrases_within_80_characters(archive_ws):
    ws, _ = archive_ws
    r = idx.search(ws, "价格 罚款", limit=10)
    assert len(r["hits"]) == 10
    for h in r["hits"]:
        assert len(_visible(h["snippet"])) <= 80, h["snippet"]
        assert set(_marked(h["snippet"])) & {"价格", "罚款"}, h["snippet"]
    r = idx.search(ws, '"违法所得，并处"', limit=10)
    for h in r["hits"]:
        assert "违法所得，并处" in _marked(h["snippet"]), h["snippet"]
        assert len(_visible(h["snippet"])) <= 80


def test_open_shows_the_hits_page_with_the_match_marked(archive_ws, run_cli, texts):
    ws, _ = archive_ws
    hits = idx.search(ws, '"当事人的上述"')["hits"]
    n = 1 + next(i for i, h in enumerate(hits) if i and "当事人的上述" in texts[h["doc"]])
    code, out, err = run_cli("search", '"当事人的上述"', "--open", str(n), "--json", "-w", str(ws.root))
    assert code == 0, err
    r = json.loads(out)
    page = r["text"]
    assert "【当事人的上述】" in page
    assert page.replace("【", "").replace("】", "") == texts[r["doc"]]  # the whole page, nothing lost
    code, out, err = run_cli("search", "明码标价", "--open", "999", "-w", str(ws.root))
    assert code != 0 and "没有第 999 处命中" in err + out


def test_incremental_update_and_deletion(archive_ws):
    ws, folder = archive_ws
    again = idx.add_folder(ws, folder)
    assert again["added"] == 0 and again["unchanged"] == 120
    victim = sorted(folder.glob("*.txt"))[0]
    victim.unlink()
    r = idx.add_folder(ws, folder)
    assert r["removed"] == 1
    assert victim.name not in {h["doc"] for h in idx.search(ws, "罚款", limit=500)["hits"]}
    shutil.copy(DECISIONS / victim.name, victim)
    r = idx.add_folder(ws, folder)
    assert r["added"] == 1


def test_words_missing_from_every_match_fill_the_page_as_partial(archive_ws):
    ws, _ = archive_ws
    strict = idx.search(ws, "明码标价 量子纠缠", limit=10)
    assert strict["total"] == 0
    assert strict["hits"] and all(h["partial"] for h in strict["hits"])
    assert all("明码标价" in _visible(h["snippet"]) for h in strict["hits"])
    # operators mean the auditor asked for exactly that: no partial hits
    assert idx.search(ws, "明码标价 AND 量子纠缠", limit=10)["hits"] == []
    full = idx.search(ws, "明码标价 价格", limit=10)
    assert len(full["hits"]) == 10 and not any(h.get("partial") for h in full["hits"])


# -- the index keeps itself right ----------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_stale_index_is_rebuilt_not_misread(demo_ws, engine):
    idx.rebuild(demo_ws, engine=engine)
    meta = demo_ws.root / ".index" / "meta.json"
    meta.write_text(json.dumps({"engine": engine, "schema": "0", "analyzer": "1"}), encoding="utf-8")
    assert "结构版本" in idx.needs_rebuild(demo_ws)
    r = idx.update(demo_ws)
    assert "结构版本" in r["rebuilt"] and r["added"] > 0
    assert idx.needs_rebuild(demo_ws) == "" and idx.engine_of(demo_ws) == engine


def test_corrupt_tantivy_index_is_rebuilt_with_a_message(demo_ws, run_cli):
    idx.update(demo_ws)
    tdir = demo_ws.root / ".index" / "tantivy"
    for p in tdir.glob("*.store"):  # the stored pages gone: the index cannot answer
        p.unlink()
    (tdir / "meta.json").write_text("{not json", encoding="utf-8")
    code, out, err = run_cli("search", "听证", "-w", str(demo_ws.root))
    assert code == 0, err
    assert "已重建索引" in err and "0 处命中" not in out


def test_cli_search_builds_a_missing_index(demo_ws, run_cli):
    assert not (demo_ws.root / ".index").exists()
    code, out, err = run_cli("search", "听证", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    r = json.loads(out)
    assert r["total"] > 0 and "SJ-2026-088" in {h["case"] for h in r["hits"]}


def test_engine_choice_is_kept_in_the_index_dir(demo_ws, run_cli):
    w = ["-w", str(demo_ws.root)]
    code, out, err = run_cli("index", "rebuild", "--engine", "whoosh", "--json", *w)
    assert code == 0, err
    assert json.loads(out)["engine"] == "whoosh"
    assert json.loads((demo_ws.root / ".index" / "engine.json").read_text())["engine"] == "whoosh"
    whoosh = idx.search(demo_ws, "听证", limit=50)
    code, out, err = run_cli("index", "rebuild", *w)  # a rebuild keeps the workspace's choice
    assert idx.engine_of(demo_ws) == "whoosh"
    run_cli("index", "rebuild", "--engine", "tantivy", *w)
    assert idx.engine_of(demo_ws) == "tantivy" and (demo_ws.root / ".index" / "tantivy" / "meta.json").exists()
    tantivy = idx.search(demo_ws, "听证", limit=50)
    assert {(h["doc"], h["page"]) for h in tantivy["hits"]} == {(h["doc"], h["page"]) for h in whoosh["hits"]}


@pytest.mark.parametrize("engine", ENGINES)
def test_demo_search_opens_at_page(demo_ws, run_cli, engine):
    run_cli("index", "rebuild", "--engine", engine, "-w", str(demo_ws.root))
    r = idx.search(demo_ws, "听证", limit=20)
    cases = [h["case"] for h in r["hits"]]
    assert "SJ-2026-088" in cases
    assert cases == sorted(cases, key=cases.index)  # hits of one case are together
    h = next(h for h in r["hits"] if h["doc_type"] == "hearing_record")
    assert h["page"] == 1 and h["doc"].endswith("听证笔录.docx")


def test_saved_search_and_queries_file(demo_ws, run_cli, tmp_path):
    w = ["-w", str(demo_ws.root)]
    run_cli("index", "update", *w)
    code, _, err = run_cli("search", "超过保质期", "--save", "过期食品", *w)
    assert code == 0, err
    code, out, _ = run_cli("search", "--run", "过期食品", "--json", *w)
    assert json.loads(out)["query"] == "超过保质期" and json.loads(out)["total"] > 0
    qf = tmp_path / "q.txt"
    qf.write_text("听证\n非法占用 土地\n", encoding="utf-8")
    code, out, _ = run_cli("search", "--queries", str(qf), *w)
    lines = [json.loads(l) for l in out.strip().splitlines()]
    assert [l["query"] for l in lines] == ["听证", "非法占用 土地"] and all("elapsed_ms" in l for l in lines)


def test_writer_lock_is_retried_then_reported(demo_ws, monkeypatch):
    import threading

    import tantivy

    from index import tantivy_engine

    idx.update(demo_ws)
    held = tantivy.Index.open(str(demo_ws.root / ".index" / "tantivy")).writer()  # another writer holds the lock
    def let_go():
        held.rollback()
        held.wait_merging_threads()  # the writer is gone, and its lock with it

    release = threading.Timer(0.5, let_go)
    (demo_ws.cases_dir / "SJ-2026-088" / "documents.toml").touch()
    release.start()
    i = tantivy_engine.TantivyIndex(demo_ws.root / ".index").open()
    i.apply({"x/y.txt": [_page("听证会于某日举行")]}, [])
    release.join()
    assert idx.search(demo_ws, "听证会", limit=50)["total"] > 0
    # held for good: a clear error after the wait, not a hang
    held = tantivy.Index.open(str(demo_ws.root / ".index" / "tantivy")).writer()
    monkeypatch.setattr(tantivy_engine, "LOCK_WAIT_S", 0.3)
    with pytest.raises(IndexError_, match="正被另一个进程更新"):
        tantivy_engine.TantivyIndex(demo_ws.root / ".index").open().apply({"x/z.txt": [_page("听证")]}, [])
    held.rollback()
    held.wait_merging_threads()


def _page(text):
    from index.store import PageDoc

    return PageDoc(source="x", doc="y.txt", page=1, text=text, sha256="h")


# -- the analyzer both engines share -------------------------------------------------------------
def test_phrase_positions_count_words_not_characters():
    toks = [(t.text, t.pos) for t in chinese_analyzer()("中华人民共和国价格法", positions=True)]
    assert ("中华人民共和国", 0) in toks and ("中华", 0) in toks and ("价格法", 1) in toks
    assert [t.text for t in chinese_analyzer()("中華人民共和國價格法", positions=True, mode="query")] == ["中华人民共和国", "价格法"]


def test_search_dictionary_segments_query_and_document_alike():
    """jieba alone cuts 团购价 as 团/购价 in a query but 团购/价 inside a sentence."""
    a = chinese_analyzer()
    assert [t.text for t in a("团购价", mode="query")] == ["团购价"]
    assert "团购价" in [t.text for t in a("该团购至今共销售8单，团购价为19.9元/小时")]
    assert {"不予行政处罚", "行政处罚", "处罚"} <= {t.text for t in a("决定不予行政处罚")}


def test_analyzer_folds_case_and_drops_stop_words_keeping_positions():
    a = chinese_analyzer()
    toks = [(t.text, t.pos) for t in a("当事人的ＡＢＣ超市和WiFi", positions=True)]
    texts = [t for t, _ in toks]
    assert "abc" in texts and "wifi" in texts and "的" not in texts and "和" not in texts
    pos = dict(toks)
    assert pos["abc"] - pos["当事人"] == 2


def test_word_map_gives_back_every_word_of_the_page(texts):
    from index.tokens import decode_spans, index_form, normalise

    text = next(iter(texts.values()))
    words, subs, blob = index_form(text)
    starts, ends = decode_spans(blob)
    assert [normalise(text)[s:e] for s, e in zip(starts, ends)] == words.split(" ")
    assert "价格" in subs.split(" ") or "行政处罚" in subs.split(" ")
