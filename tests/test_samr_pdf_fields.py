"""文号, 机关, 当事人 and 决定日期 of real 市场监管 PDFs, read as `casefile import` reads them (issue 27 item 5,
docs/decision-review.md): the PDFs kept in tests/data/samr/pdf against the hand truth written before the tool
ran (tests/data/samr_pdf_truth.toml, 60 drawn with random.Random(2026120803)); and the layouts whose misses
were fixed by cause (a party named only in the narrative, a name holding 你的, a signature dated twice)."""

from __future__ import annotations

import re
import tomllib

import pytest

from casefile.ingest.extract import extract, extract_text
from casefile.ingest.textio import read_document
from tests.conftest import DATA, SAMR

TRUTH = tomllib.loads((DATA / "samr_pdf_truth.toml").read_text(encoding="utf-8"))["doc"]
KEPT = [t for t in TRUTH if (SAMR / "pdf" / t["file"]).exists()]


def _norm(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    return re.sub(r"[\]］)）】}]", "〕", re.sub(r"[\[［(（【{]", "〔", s))


def test_the_kept_pdfs_cover_the_layouts():
    # 甘肃 (文号 after a 执法证 number, agency only in the undated seal), letter-spaced text, the summary form
    assert len(KEPT) >= 6


@pytest.mark.parametrize("t", KEPT, ids=[t["doc_no"] for t in KEPT])
def test_header_fields_equal_the_hand_truth(t):
    f = extract(read_document(SAMR / "pdf" / t["file"])).fields
    assert _norm(f.get("doc_no", "")) == _norm(t["doc_no"])
    assert f.get("agency") == (t["agency"] or t["agency_seal"])
    assert f.get("party") == t["party"]
    # the seal's date; an undated seal dates the document by the text's last date, marked as the text's
    assert f.get("date", "") == (t["date"] or t.get("text_date", ""))
    assert (f.get("date_source") == "text") == bool(t.get("text_date"))


def test_party_named_only_as_the_one_inspected():
    # no 当事人 line: 2023年10月17日本局执法人员接举报后，依法对大丰市美丽园化妆品经营部进行现场检查
    f = extract(read_document(SAMR / "pdf" / "samr_230712000000309364572.pdf")).fields
    assert f["party"] == "大丰市美丽园化妆品经营部" and f["doc_no"] == "大市监处罚〔2023〕00448号"
    # …执法人员对宽城满族自治县苏杖子板面餐饮服务店经营情况进行检查; no 文号 written; the seal in Chinese numerals
    f = extract(read_document(SAMR / "pdf" / "samr_a0a0e2858b5b4b9e018bb206411d48b2.pdf")).fields
    assert f["party"] == "宽城满族自治县苏杖子板面餐饮服务店" and "doc_no" not in f and f["date"] == "2023-10-11"
    # 在监督检查中发现，容城县普惠糖葫芦店内所售的…
    f = extract(read_document(SAMR / "txt" / "samr_9e919df2936757dd019394fdb29126b1.txt")).fields
    assert f["party"] == "容城县普惠糖葫芦店"


def test_the_agency_inspecting_is_not_the_party():
    # the narrative opens on the bureau itself and on 当事人 unnamed: no party rather than a wrong one
    text = ("六枝特区市场监督管理局\n行政处罚决定书\n六市监处罚〔2023〕343号\n2023年10月17日，我局执法人员根据省审计厅"
            "审计取证单对当事人经营场所进行检查，发现当事人涉嫌收取特殊遗体化妆洗穿费用。\n")
    f = extract_text(text).fields
    assert "party" not in f
    # nor a reference to it (其位于…的门店)
    f = extract_text(text.replace("当事人经营场所", "其位于六枝特区平寨镇的门店")).fields
    assert "party" not in f


def test_a_name_holding_ni_de_is_not_cut_as_narrative():
    f = extract(read_document(SAMR / "txt" / "samr_9e919df2936757dd01938d10a9f6207c.txt")).fields
    assert f["party"] == "定兴县遇见你的美百货店"
    # the narrative after a name on its line is still cut (当事人：张德利 你未经依法批准…)
    f = extract_text("行政处罚决定书\n当事人：张德利 你未经依法批准，擅自占用土地建房。\n").fields
    assert f["party"] == "张德利"


def test_a_signature_dated_twice_gives_the_seals_date():
    # 上杭县市场监督管理局 2026年1月19日 （以下信息请勿修改！！…）（sealdwy） 2026年01月20日
    f = extract(read_document(SAMR / "txt" / "samr_92ccec3725c72970beacbc5888c16e94.txt")).fields
    assert f["date"] == "2026-01-20"
    # 福州市台江区市场监督管理局 2025年10月15日 福州市台江区市场监督管理局 （sealdwy） 2025年10月28日
    f = extract(read_document(SAMR / "txt" / "samr_d4852730678a237bc047bbb134e8cb1c.txt")).fields
    assert f["date"] == "2025-10-28"



def test_a_serial_written_around_di_is_the_doc_no():
    f = extract_text("无锡市新吴区市场监督管理局\n行政处罚决定书\n锡新市监处罚〔 2023〕 02 第069号\n当事人：新吴区喜来客生鲜超市\n").fields
    assert f["doc_no"] == "锡新市监处罚〔2023〕02第069号"
