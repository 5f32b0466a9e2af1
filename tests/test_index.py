"""Full-text archive search over real decisions and the demo cases (issue 8)."""

from __future__ import annotations

import json
import shutil

import pytest

import index as idx
from index.analyzer import chinese_analyzer
from index.store import Index
from tests.conftest import SAMR

TXT = SAMR / "txt"


@pytest.fixture(scope="module")
def archive_ws(tmp_path_factory):
    from casefile.workspace import AgencyProfile, Workspace

    root = tmp_path_factory.mktemp("arch") / "ws"
    ws = Workspace.init(root, AgencyProfile(name="评查组"))
    folder = root.parent / "txt"
    folder.mkdir()
    for p in sorted(TXT.glob("*.txt"))[:120]:
        shutil.copy(p, folder / p.name)
    idx.add_folder(ws, folder)
    return ws, folder


def test_phrase_positions_count_words_not_characters():
    toks = [(t.text, t.pos) for t in chinese_analyzer()("中华人民共和国价格法", positions=True)]
    assert ("中华人民共和国", 0) in toks and ("中华", 0) in toks and ("价格法", 1) in toks
    assert [t.text for t in chinese_analyzer()("中華人民共和國價格法", positions=True, mode="query")] == ["中华人民共和国", "价格法"]


def test_search_json_shape_snippets_pages_facets(archive_ws, run_cli):
    ws, _ = archive_ws
    code, out, err = run_cli("search", "明码标价", "--json", "-w", str(ws.root))
    assert code == 0, err
    r = json.loads(out)
    assert set(r) >= {"query", "total", "elapsed_ms", "hits", "facets"}
    assert r["total"] > 0 and r["hits"]
    h = r["hits"][0]
    assert set(h) >= {"case", "doc", "doc_type", "page", "score", "snippet"}
    assert "【" in h["snippet"] and h["page"] >= 1
    assert set(r["facets"]) == {"agency", "year", "laws", "doc_type"}
    assert "中华人民共和国价格法" in r["facets"]["laws"]


def test_phrase_and_boolean_and_filters(archive_ws):
    ws, _ = archive_ws
    phrase = idx.search(ws, '"明码标价"', limit=50)
    loose = idx.search(ws, "明码 标价", limit=50)
    assert 0 < phrase["total"] <= loose["total"]
    not_q = idx.search(ws, "价格 NOT 食品", limit=50)
    assert all("食品" not in h["snippet"] for h in not_q["hits"])
    year = int(next(iter(phrase["facets"]["year"])))
    filtered = idx.search(ws, '"明码标价"', year=year, limit=50)
    assert filtered["total"] == phrase["facets"]["year"][str(year)]
    law = idx.search(ws, "罚款", law="价格法", limit=5)
    assert law["total"] > 0


def test_incremental_update_and_deletion(archive_ws):
    ws, folder = archive_ws
    again = idx.add_folder(ws, folder)
    assert again["added"] == 0 and again["unchanged"] == 120
    victim = sorted(folder.glob("*.txt"))[0]
    victim.unlink()
    r = idx.add_folder(ws, folder)
    assert r["removed"] == 1
    shutil.copy(TXT / victim.name, victim)
    r = idx.add_folder(ws, folder)
    assert r["added"] == 1


def test_stale_index_is_rebuilt_not_misread(demo_ws):
    idx.update(demo_ws)
    meta = demo_ws.root / ".index" / "meta.json"
    meta.write_text(json.dumps({"schema": "0", "analyzer": "1"}), encoding="utf-8")
    assert "结构版本" in idx.needs_rebuild(demo_ws)
    r = idx.update(demo_ws)
    assert "结构版本" in r["rebuilt"] and r["added"] > 0
    assert idx.needs_rebuild(demo_ws) == ""


def test_demo_search_opens_at_page(demo_ws, run_cli):
    code, out, err = run_cli("index", "update", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    r = idx.search(demo_ws, "听证", limit=20)
    cases = [h["case"] for h in r["hits"]]
    assert "SJ-2026-088" in cases
    # hits of one case are together
    assert cases == sorted(cases, key=cases.index)
    h = next(h for h in r["hits"] if h["doc_type"] == "hearing_record")
    assert h["page"] == 1 and h["doc"].endswith("听证笔录.docx")


def test_saved_search_and_queries_file(demo_ws, run_cli, tmp_path):
    w = ["-w", str(demo_ws.root)]
    run_cli("index", "update", *w)
    code, _, err = run_cli("search", "超过保质期", "--save", "过期食品", *w)
    assert code == 0, err
    code, out, _ = run_cli("search", "--run", "过期食品", "--json", *w)
    assert json.loads(out)["query"] == "超过保质期"
    qf = tmp_path / "q.txt"
    qf.write_text("听证\n非法占用 土地\n", encoding="utf-8")
    code, out, _ = run_cli("search", "--queries", str(qf), *w)
    lines = [json.loads(l) for l in out.strip().splitlines()]
    assert [l["query"] for l in lines] == ["听证", "非法占用 土地"] and all("elapsed_ms" in l for l in lines)


def test_writer_lock_is_retried(demo_ws):
    import threading

    i = Index(demo_ws.root / ".index").open()
    w = i.ix.writer()  # another writer holds the lock for half a second
    threading.Timer(0.5, w.cancel).start()
    r = idx.update(demo_ws)
    assert r["added"] > 0


def test_search_dictionary_segments_query_and_document_alike():
    """jieba alone cuts 团购价 as 团/购价 in a query but 团购/价 inside a sentence."""
    a = chinese_analyzer()
    assert [t.text for t in a("团购价", mode="query")] == ["团购价"]
    assert "团购价" in [t.text for t in a("该团购至今共销售8单，团购价为19.9元/小时")]
    # a dictionary word keeps its sub-words, four characters long too: 行政处罚 inside 不予行政处罚
    assert {"不予行政处罚", "行政处罚", "处罚"} <= {t.text for t in a("决定不予行政处罚")}


def test_words_missing_from_every_match_fill_the_page_as_partial(archive_ws):
    ws, _ = archive_ws
    strict = idx.search(ws, "明码标价 量子纠缠", limit=10)
    assert strict["total"] == 0
    assert strict["hits"] and all(h["partial"] for h in strict["hits"])
    assert all("明码标价" in h["snippet"].replace("【", "").replace("】", "") for h in strict["hits"])
    # operators mean the auditor asked for exactly that: no partial hits
    assert idx.search(ws, "明码标价 AND 量子纠缠", limit=10)["hits"] == []
    full = idx.search(ws, "明码标价 价格", limit=10)
    assert len(full["hits"]) == 10 and not any(h.get("partial") for h in full["hits"])


def test_phrase_on_position_sets_finds_what_whoosh_phrase_finds(archive_ws):
    """Without stop words or punctuation inside, the set-based check answers exactly as whoosh's
    span joining, on real decisions."""
    from whoosh.qparser import QueryParser

    from index.phrase import gapped_phrases

    ws, _ = archive_ws
    ix = Index(ws.root / ".index").open()
    s = ix.searcher()
    parser = QueryParser("text", s.schema)
    for phrase in ["责令改正", "没收违法所得", "超过保质期", "消费者权益", "明码标价规定", "当事人 行为"]:
        text = f'"{phrase}"'
        stock = parser.parse(text)
        want = {h["uid"] for h in s.search(stock, limit=None)}
        got = {h["uid"] for h in s.search(gapped_phrases(stock, text), limit=None)}
        assert got == want, phrase
    ix.close()


def test_quoted_phrase_with_stop_word_or_comma_finds_its_own_text(archive_ws):
    """whoosh's Phrase forgets where a stop word stood: "当事人的上述" asked for 当事人 right before 上述."""
    from whoosh.qparser import QueryParser

    ws, folder = archive_ws
    texts = {p.name: p.read_text(encoding="utf-8").replace("\n", "") for p in folder.glob("*.txt")}
    ix = Index(ws.root / ".index").open()
    stock = QueryParser("text", ix.searcher().schema)
    for phrase in ["当事人的上述", "明码标价的行为", "违法所得，并处"]:
        holders = {n for n, t in texts.items() if phrase in t}
        assert holders, phrase
        found = {h["doc"] for h in idx.search(ws, f'"{phrase}"', limit=500)["hits"]}
        assert holders <= found, phrase
        # whoosh's own Phrase misses some (those that write the words next to each other nowhere else)
        assert holders - {h["doc"] for h in ix.searcher().search(stock.parse(f'"{phrase}"'), limit=None)}, phrase
    ix.close()
    # a comma takes a place too: words either side of one are not a phrase
    assert all("消费者权益" in texts[h["doc"]] for h in idx.search(ws, '"消费者权益"', limit=500)["hits"])


def test_analyzer_folds_case_and_drops_stop_words_keeping_positions():
    a = chinese_analyzer()
    toks = [(t.text, t.pos) for t in a("当事人的ＡＢＣ超市和WiFi", positions=True)]
    texts = [t for t, _ in toks]
    assert "abc" in texts and "wifi" in texts and "的" not in texts and "和" not in texts
    # a stop word still takes its place: 当事人 and abc are two positions apart
    pos = dict(toks)
    assert pos["abc"] - pos["当事人"] == 2


def test_snippets_highlight_every_shown_hit(archive_ws):
    ws, _ = archive_ws
    r = idx.search(ws, "价格 罚款", limit=10)
    assert len(r["hits"]) == 10
    for h in r["hits"]:
        marked = "".join(part.split("】")[0] for part in h["snippet"].split("【")[1:])
        assert "价格" in marked or "罚款" in marked, h["snippet"]
