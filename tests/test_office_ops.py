"""The application layer under the records office screens (session.records, session.documents) and the
CLI commands that now go through it: one path for both front ends."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from casefile.errors import UsageError
from casefile.law.laws import article_texts, bundled_dir
from tui.application import Session

TODAY = dt.date(2026, 11, 23)
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def session(demo_ws):
    return Session.open(demo_ws.root, TODAY)


def test_journal_entries_across_cases_oldest_first(session, demo_ws):
    r = session.records.journal_entries()
    entries = r.entries
    per_case = {cid: len(session.records.journal(cid)) for cid in demo_ws.case_ids()}
    assert len(entries) == sum(per_case.values()) and not r.unreadable
    assert [e["time"] for e in entries] == sorted(e["time"] for e in entries)
    assert {e["case"] for e in entries} == set(demo_ws.case_ids())
    one = session.records.journal_entries("清自然资罚〔2026〕12号").entries
    assert {e["case"] for e in one} == {"ZR-2026-012"} and len(one) == per_case["ZR-2026-012"]


def test_journal_entries_name_an_unreadable_journal(session, demo_ws):
    (demo_ws.cases_dir / "SJ-2026-101" / "journal.jsonl").write_bytes(b"\xff\xfe not json\n")
    r = session.records.journal_entries()
    assert r.unreadable == [{"case": "SJ-2026-101", "error": "第 1 行不是有效的记录"}]
    assert "SJ-2026-101" not in {e["case"] for e in r.entries}


def test_publicity_status_of_decided_and_undecided_cases(session):
    st = session.records.publicity_status("ZR-2026-012")
    assert st.decided == "2026-11-10" and not st.blocked and st.due["status"] == "已逾期"
    session.records.publish("ZR-2026-012", dt.date(2026, 11, 20), "门户网站")
    st = session.records.publicity_status("ZR-2026-012")
    assert st.published == [{"date": "2026-11-20", "note": "门户网站"}] and st.due["status"] == "已公示"
    assert "尚未作出决定" in session.records.publicity_status("YJ-2026-003").blocked


def test_record_day_refuses_the_future_and_nonsense(session):
    assert session.records.record_day("", "公示日期") == TODAY
    assert session.records.record_day("2026-11-01", "公示日期") == dt.date(2026, 11, 1)
    with pytest.raises(UsageError, match="晚于今天"):
        session.records.record_day("2026-12-01", "公示日期")
    with pytest.raises(UsageError, match="不是有效的日期"):
        session.records.record_day("11月1日", "撤回日期")


def test_save_stats_by_file_ending(session, tmp_path):
    s = session.records.annual_stats(2026)
    csv = session.records.save_stats(s, tmp_path / "a" / "2026.csv")
    assert "罚款合计" in csv.read_text(encoding="utf-8-sig")
    docx = session.records.save_stats(s, tmp_path / "2026.DOCX")
    assert zipfile.is_zipfile(docx)
    with pytest.raises(UsageError, match=r"只能另存为 \.csv 或 \.docx"):
        session.records.save_stats(s, tmp_path / "2026.xlsx")


def test_export_dossier_without_libreoffice_says_so(session, tmp_path, monkeypatch):
    from casefile.output import pages
    monkeypatch.setattr(pages, "soffice", lambda: None)
    paths = session.documents.dossier_paths("SJ-2026-037", tmp_path / "out")
    seen = []
    r = session.documents.export_dossier("SJ-2026-037", zip_to=paths.package, print_to=paths.print,
                               progress=lambda i, n, msg: seen.append((i, n)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert paths.package.exists() and paths.print.exists() and r.print["pdf"] is None
    assert any("未安装 LibreOffice" in n for n in r.notes)
    with zipfile.ZipFile(paths.package) as z:
        assert "manifest.json" in z.namelist()


def test_cli_dossier_goes_through_export_dossier(run_cli, demo_ws, tmp_path, monkeypatch):
    from casefile.output import pages
    monkeypatch.setattr(pages, "soffice", lambda: None)
    out = tmp_path / "p.docx"
    code, stdout, stderr = run_cli("dossier", "SJ-2026-037", "-w", str(demo_ws.root), "--print", str(out), "--json")
    assert code == 0 and out.exists()
    data = json.loads(stdout)
    assert data["print"]["docx"] == str(out) and any("未安装 LibreOffice" in w for w in data["warnings"])


def test_law_articles_with_their_words(session):
    law = session.records.law_articles("行政处罚法")
    assert law.name == "中华人民共和国行政处罚法" and not law.missing
    art = {a["key"]: a for a in law.articles}
    assert art["28"]["label"] == "第28条" and art["28"]["text"].startswith("第二十八条 ")
    # the second paragraph belongs to its article, the next article does not
    assert "违法所得" in art["28"]["text"] and "第二十九条" not in art["28"]["text"]
    with pytest.raises(UsageError, match="法律库中没有"):
        session.records.law_articles("不存在的条例")


def test_article_texts_split_at_chapters_and_numbers():
    path = next(bundled_dir().glob("价格法(*.md"))
    texts = dict(article_texts(path))
    assert list(texts)[:3] == ["1", "2", "3"]
    assert texts["2"].splitlines()[0].startswith("第二条") and len(texts["2"].splitlines()) == 4
    assert not any(line.startswith("#") for t in texts.values() for line in t.splitlines())


def test_import_laws_lists_every_file_and_reads_after_the_folder_is_gone(session, demo_ws, tmp_path):
    src = tmp_path / "laws"
    shutil.copytree(DATA / "laws_import", src)
    r = session.records.import_laws(src)
    assert r["laws"] == 1 and r["skipped"] == ["说明.txt"]
    assert [(f["file"], f["law"], f["articles"]) for f in r["files"]] == [
        ("清溪县烟花爆竹安全管理办法_20240301.txt", "清溪县烟花爆竹安全管理办法", 3), ("说明.txt", "", 0)]
    listed = {x.name: x for x in session.records.law_list()}
    assert listed["清溪县烟花爆竹安全管理办法"].origin == "导入"
    assert listed["中华人民共和国行政处罚法"].origin == "随附"
    law = session.records.law_articles("清溪县烟花爆竹安全管理办法")
    assert "（二）处一百元以上五百元以下的罚款。" in law.articles[2]["text"]
    shutil.rmtree(src)
    law = session.records.law_articles("清溪县烟花爆竹安全管理办法")
    assert "找不到" in law.missing and [a["label"] for a in law.articles] == ["第1条", "第2条", "第3条"]
