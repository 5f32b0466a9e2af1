"""Header fields (文号, 当事人, 决定日期) on the shapes real decisions write them in (bench/extract.py misses)."""

from __future__ import annotations

from casefile.extract import extract, extract_text
from casefile.textio import read_document
from tests.conftest import SHARED

TXT = SHARED / "corpus" / "samr" / "txt"


def test_doc_no_as_a_bare_serial_number_under_the_title():
    # 衡水市枣强县 writes only the serial number where the 文号 goes
    x = extract_text("衡水市枣强县市场监督管理局\n行政处罚决定书\n294\n当事人：李阳\n主体资格证照名称：营业执照\n")
    assert x.fields["doc_no"] == "294"
    # a page number before the title is not a 文号
    x = extract_text("1\n宜兴市市场监督管理局\n行政处罚决定书\n当事人：宜兴市宜城街道飞尚食品店\n")
    assert "doc_no" not in x.fields


def test_doc_no_with_a_blank_underline_in_the_agency_code():
    x = extract_text("宿松县市场监督管理局\n行政处罚决定书\n松_市监处罚〔2024〕223号\n当事人: 安徽卡夫卡电子商务有限公司\n")
    assert x.fields["doc_no"] == "松市监处罚〔2024〕223号"


def test_doc_no_broken_over_header_lines_is_still_the_decisions():
    x = extract(read_document(TXT / "samr_62C202500000016281.txt"))
    assert x.fields["doc_no"] == "（甘）市监罚〔2025〕192号"


def test_doc_no_of_the_notice_cited_in_the_body_is_not_the_decisions():
    # the header is masked (永xx罚〔 2024 〕xx 号); the body cites the 告知书:
    # “下达了《行政处罚告知书》（永市监高罚告〔 2024 〕0020 号）”
    x = extract(read_document(TXT / "samr_9e919df292bd251f019323acf9ac3234.txt"))
    assert "doc_no" not in x.fields
    assert any("0020" in e.value for e in x.of("DOC_NO"))  # still found as an entity
