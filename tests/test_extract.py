"""Extraction on real published decisions and on the forms agencies write (issue 4)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from casefile.ingest.extract import extract, extract_text, find_citations, normalise_law_name
from casefile.ingest.extract.entities import parse_date, parse_money
from casefile.ingest.extract.normalize import compact
from casefile.ingest.textio import read_document
from tests.conftest import SAMR

TXT = SAMR / "txt"


def test_sees_through_line_breaks_in_law_titles():
    # “《中华人\n民共和国价格法》” in the original
    x = extract(read_document(TXT / "samr_1014571c41a5ec54e2a393dcbd02ed1a.txt"))
    laws = {c["law"] for c in x.citations}
    assert "中华人民共和国价格法" in laws


def test_header_fields_of_a_real_decision():
    x = extract(read_document(TXT / "samr_031738a34db61f5156f7a9b5c48557b0.txt"))
    assert x.doc_type == "decision" and x.confidence >= 0.9
    assert x.fields["doc_no"] == "当市监处罚〔2024〕415号"
    assert x.fields["agency"] == "当涂县市场监督管理局"
    assert x.fields["party"] == "马鞍山市网创网络科技有限责任公司"
    assert x.fields["date"] == "2024-10-15"
    acts = {(e.act, e.date) for e in x.events}
    assert ("告知书送达", "2024-09-11") in acts
    # the text only tells the party of its rights: that is not a 陈述申辩 having happened
    assert not any(e.act == "陈述申辩" for e in x.events)
    cited = {(c["law"], c["article"], c["item"]) for c in x.citations}
    assert ("中华人民共和国价格法", 14, 4) in cited
    assert ("价格违法行为行政处罚规定", 7, None) in cited


def test_entity_offsets_point_into_the_original_text():
    doc = read_document(TXT / "samr_031738a34db61f5156f7a9b5c48557b0.txt")
    x = extract(doc)
    for e in x.of("LAW") + x.of("DATE"):
        original = doc.text[e.start:e.end]
        assert compact(original).text == e.text


def test_misnamed_law_kept_as_written():
    x = extract(read_document(TXT / "samr_112a6e8748df401c80adada06987d7b5.txt"))
    assert "中华人民共和国产品价格法" in {c["law"] for c in x.citations}


@pytest.mark.parametrize("text,iso", [
    ("2026年1月19日", "2026-01-19"), ("二〇二六年一月十九日", "2026-01-19"), ("2026-01-19", "2026-01-19"),
    ("2026.1.19", "2026-01-19"), ("二〇二五年十二月三十一日", "2025-12-31"),
])
def test_dates_in_every_form(text, iso):
    assert parse_date(text).isoformat() == iso
    x = extract_text(f"本机关于{text}作出决定。")
    assert iso in [e.value for e in x.of("DATE")]


@pytest.mark.parametrize("text,value", [
    ("39.90元", "39.90"), ("人民币伍万元整", "50000"), ("5万元", "50000"), ("人民币叁仟贰佰陆拾元伍角", "3260.5"), ("1,200.50元", "1200.50"),
])
def test_money(text, value):
    assert parse_money(text) == Decimal(value)
    x = extract_text(f"处以罚款{text}。")
    assert Decimal(value) in [Decimal(e.value) for e in x.of("MONEY")]


def test_ids_phone_area_cert_validated():
    x = extract_text(
        "当事人：张德顺，身份证号码：331126197203152812，联系电话：13857801234。另一号码331126197203152813校验不符。"
        "统一社会信用代码：91331126MA2HX8K3LX，错误代码91331126MA2HX8K3L1。占用耕地360平方米（折合0.54亩）。"
        "执法人员刘海涛（执法证号：33112600201）。公示版本身份证号3******0。"
    )
    ids = x.of("ID_CARD")
    assert [e.text for e in ids if not e.value["masked"]] == ["331126197203152812"]
    assert any(e.value["masked"] for e in ids)
    assert [e.value for e in x.of("USCC")] == ["91331126MA2HX8K3LX"]
    assert "13857801234" in [e.value for e in x.of("PHONE")]
    assert {(a.value["amount"], a.value["unit"]) for a in x.of("AREA")} == {("360", "平方米"), ("0.54", "亩")}
    assert [e.value for e in x.of("CERT")] == ["33112600201"]
    assert x.fields["party"] == "张德顺"


def test_citation_lists_and_departmental_rules():
    cs = find_citations("违反了《中华人民共和国价格法》第十四条第一款第（四）项、第四十条第一款和《明码标价和禁止价格欺诈规定》第十九条第（一）项")
    assert [(c.law, c.article, c.paragraph, c.item) for c in cs] == [
        ("中华人民共和国价格法", 14, 1, 4), ("中华人民共和国价格法", 40, 1, None), ("明码标价和禁止价格欺诈规定", 19, None, 1)]
    assert normalise_law_name("《食品安全法》") == "中华人民共和国食品安全法"
    assert find_citations("送达《行政处罚告知书》") == []


def test_extract_cli_json_lines(run_cli):
    files = sorted(str(p) for p in (SAMR / "pdf").glob("*.pdf"))[:3]
    code, out, err = run_cli("extract", *files, "--json")
    assert code == 0, err
    objs = [json.loads(line) for line in out.strip().splitlines()]
    assert len(objs) == 3
    for o in objs:
        assert set(o) >= {"file", "doc_type", "confidence", "pages", "entities", "events"}
        assert o["pages"] >= 1 and any(e["label"] == "DOC_NO" for e in o["entities"])
