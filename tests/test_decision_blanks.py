"""Send-back defects of a third held-out draw (issue 27, docs/hand-review-notes-s8.txt, seed 2026120804),
each on the real decision it was found in (tests/data/consistency, copied from the 900 市场监管 decisions),
and real decisions without them that stay silent: a date left blank in the narrative (“本局于2024年月日向当事人
送达了《行政处罚告知书》”, F05) or under the seal (“（印章）年月日”, D07b), a 定性 naming goods the facts never
mention (D11: the words before the goods must not swallow them), a template option left in brackets in the
operative part (“[现责令当事人改正价格违法行为，并]决定处罚如下”, F03b)."""

from __future__ import annotations

import pytest

from tests.test_decision_consistency import assert_exactly, check_each

RULES = ("D06-correction-ordered", "D07b-seal-date-blank", "D11-goods-consistent", "D12-operative-draft-wording",
         "F03b-operative-option", "F05-template-leftovers")

EXPECTED = {
    # 定市监处罚〔2024〕657号: the 告知 date blank; 责令改正 only in the quoted §42 (the 通知书 ignored); 一式 份
    "samr_9e919df2936757dd019394fb2a82263d.txt": [("F05-template-leftovers", "2024年月日"), ("F05-template-leftovers", "本文书一式份"),
                                                  ("D06-correction-ordered", "未责令当事人改正")],
    # 冀市监唐处〔2024〕…0438号: the facts 零度可口可乐汽水, the 定性 “…明码标价销售益康蚊蝇香王的违法行为”; 一式 份
    "samr_9e919df292bd251f01932b31d61337f9.txt": [("D11-goods-consistent", "益康蚊蝇香王"), ("F05-template-leftovers", "本文书一式份")],
    # 高 市监处罚〔2024〕84号: “[现责令当事人改正价格违法行为，并]决定处罚如下”; 一式 份 (the bracket is the one finding
    # on the order: D06 stays silent, F03 minor too)
    "samr_9e919df293ae42da0193b3df9bb903ab.txt": [("F03b-operative-option", "[现责令当事人改正价格违法行为，并]"),
                                                  ("F05-template-leftovers", "本文书一式份")],
    # 冀市监保处〔2023〕…0661号: “建议罚款 2000 元”; the seal's date “年 月 日”; 责令改正 only in the quoted §42
    "samr_a0a0e2858c5ba0a2018c7d7f63d90935.txt": [("D07b-seal-date-blank", "年月日"), ("D12-operative-draft-wording", "建议罚款"),
                                                  ("D06-correction-ordered", "未责令当事人改正")],
    # correct on these points: 京顺市监处罚〔2025〕2372号 (“建议给予…罚款” in the reasoning, the operative decides),
    # 西市监处罚〔2025〕112号, 隆市监处罚〔2024〕243号, 鄂州市监处罚〔2023〕389号
    "samr_befa8e5fb63331f22cba12129dc26347.txt": [],
    "samr_409d819b9a4514e0019a47de9569002e.txt": [],
    "samr_9e919df29440b36101947273ba8b4b35.txt": [],
    "samr_420700202310160001.txt": [],
}


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    return check_each(demo_template, tmp_path_factory.mktemp("blanks") / "ws", EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_send_back_defects(checked, name):
    assert_exactly(checked[name], RULES, EXPECTED[name])


def test_one_bracket_one_finding(checked):
    """The operative bracket is F03b (major) and not also F03 (minor)."""
    rules = [f.rule for f in checked["samr_9e919df293ae42da0193b3df9bb903ab.txt"].findings]
    assert "F03b-operative-option" in rules and "F03-template-text" not in rules


def test_receipt_line_is_no_blank_date():
    """“（送达日期： 年 月 日 送达方式： ）” is the delivery receipt filled in on serving: a seal without a date
    above it is undated (D07, minor: often a seal the text layer lost), not a blank date (D07b)."""
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    tail = "当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向常熟市人民政府申请行政复议。\n常熟市市场监督管理局\n（印 章）\n"
    receipt = read_decision(compact(tail + "（送达日期：    年   月   日   送达方式：        ）\n本文书一式三份").text)
    assert receipt.seal_date is None and not receipt.seal_blank
    blank = read_decision(compact(tail + "    年   月   日\n本文书一式三份").text)
    assert blank.seal_date is None and blank.seal_blank
    filled_year = read_decision(compact(tail + "2025 年  月  日\n本文书一式三份").text)
    assert filled_year.seal_date is None and filled_year.seal_blank
