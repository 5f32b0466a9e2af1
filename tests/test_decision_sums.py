"""Send-back defects found by reading whole decisions (issue 27, docs/hand-review-notes-s8.txt), each
on the real decision it was found in (tests/data/consistency, copied from the 900 市场监管 decisions),
and real decisions without them that must stay silent: sums (D14) and amounts in words (D09), a
decision that decides no measure (D15), a 定性 left “涉嫌” (D16), a notice numbered in a later
year than its date (D08), goods of two kinds (D11), a 责令改正 the party ignored (D06), template
text left in (F05), proposal wording in the operative part (D12), a suit “申请行政诉讼” offered under
复议前置 (P16)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import DATA
from tests.test_decision_consistency import assert_exactly, check_each

CONSISTENCY = DATA / "consistency"
RULES = ("D06-correction-ordered", "D08-dates-in-order", "D09-amount-words", "D11-goods-consistent", "D12-operative-draft-wording", "D14-sums-agree",
         "D15-measure-decided", "D16-violation-found", "F05-template-leftovers")

# file → the findings of RULES it must give (rule, words in the message); nothing else from RULES
EXPECTED = {
    # 曲市监处罚[2025]103号: 1536 − 1136.31 = 399.69, confiscated 400.69 (and fined twice the wrong figure)
    "samr_9e919df29482cad5019b495e865523ca.txt": [("D14-sums-agree", "1536元减去已退还的1136.31元为399.69元")],
    # 关市监处罚〔2025〕55号: 411944.42 − 358396.61 = 53547.81, confiscated 53947.41; 肆拾肆角 vs ￥41194.44
    "samr_520100019185531308.txt": [("D14-sums-agree", "为53547.81元"), ("D09-amount-words", "41194.44元与411940.44元")],
    # （西）市监罚〔2026〕4号: the 处罚内容 section decides nothing; bank and account left blank
    "samr_62C202600000002612.txt": [("D15-measure-decided", "没有写明给予何种行政处罚"), ("F05-template-leftovers", "账号：")],
    # 翁市监处罚〔2026〕6号: 责令退款通知书 of 2025-12-08 numbered 〔2026〕 (its 本局认为 says “涉嫌违反”, but its
    # 综上 finds “违反了…的行为”: not D16)
    "samr_7a23fd2f-a871-41d7-adb9-7f2f8f709dee.txt": [("D08-dates-in-order", "写于2025年12月8日，其文号却是2026年的")],
    # 翁牛特市监处罚〔2025〕260号: its 本局认为 says “涉嫌违反了《明码标价和禁止价格欺诈规定》…”, but its 综上 finds
    # “违反了利用虚假的或者使人误解的价格手段，诱骗消费者…进行交易的行为” as 翁市监处罚〔2026〕6号's does: not D16
    # (s9-audit, sample M31: the conduct runs past 30 characters and was not read as a finding)
    "samr_856bb3c2-d6ab-4ca1-9e4b-77f005339fde.txt": [],
    # 厦翔市监处罚〔2026〕49号: 责令退款通知书 served “2025年1月5日”, numbered 〔2026〕, before the 2025-06 complaint
    "samr_6e3e0cf429914fef8c96c4cce19c142b.txt": [("D08-dates-in-order", "写于2025年1月5日，其文号却是2026年的")],
    # 故市监处罚〔2024〕713号: the inspection found 农药 unpriced, the facts say 食品
    "samr_9e919df293b91e3d0193c08f0dd80535.txt": [("D11-goods-consistent", "经营的农药未明码标价")],
    # 定市监处罚〔2024〕635号: the 责令改正通知书 was ignored (复查仍未明码标价); the decision orders a fine only
    "samr_9e919df292bd251f01935206831848ac.txt": [("D06-correction-ordered", "未责令当事人改正")],
    # 饶婺市监处罚〔2026〕54号 (second held-out draw): “拟对当事人责令改正并进行以下行政处罚：处以罚款肆仟元整”; 一式 份
    "samr_b9d719766d4042d3b2aa3121ec94845e.txt": [("D12-operative-draft-wording", "拟对当事人责令改正并进行以下行政处罚"),
                                                  ("F05-template-leftovers", "本文书一式份")],
    # 清市监（城）处罚〔2025〕110号: the e-seal system's instruction left in the published copy is a form leftover (F06,
    # minor: the system deletes it when the seal is set), not missing content (s9-audit, samples M46/M47)
    "samr_6b546e6ce356a45c10bb25e0c1c09ec7.txt": [],
    # correct on these points: 晋市监处罚〔2025〕17-80号 (refund and words agree), 光市监处罚〔2025〕0125015号 (eight
    # written sums, all right), 霞市监处罚〔2025〕1014号, 乌前市监处罚〔2026〕23号 (fourteen sums, 大写 amounts)
    "samr_5035604139d49950207f95a7f382a25c.txt": [],
    "samr_756f1690185abea5759069571593b92d.txt": [],
    "samr_e6b462af882287981e8279bfb11ee48f.txt": [],
    "samr_4cd6965d-aef4-4dab-928c-403461c4caa3.txt": [],
}


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    return check_each(demo_template, tmp_path_factory.mktemp("sums") / "ws", EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_send_back_defects(checked, name):
    assert_exactly(checked[name], RULES, EXPECTED[name])


def test_suit_applied_for_is_a_direct_suit(checked):
    """定市监处罚〔2024〕635号 writes “也可以在六个月内依法向定兴县人民法院申请行政诉讼” under 复议前置."""
    p16 = [f for f in checked["samr_9e919df292bd251f01935206831848ac.txt"].findings if f.rule == "P16-decision-contents"]
    assert any("直接向人民法院提起行政诉讼" in f.message for f in p16), [f.message for f in p16]


def test_written_sums():
    from checklists.decision_arithmetic import wrong_sums

    assert wrong_sums("共计129766.72元＋434522.6元＝564289.32元，") == []
    assert wrong_sums("多收：1650.6 元-1020.6 元=630 元；") == []
    assert wrong_sums("合计11739.55元，约0.756元/千瓦时；57－5＝52笔") == []  # no sum of amounts
    [(span, right)] = wrong_sums("多收：710 元-355.5 元=345.5 元")
    assert right == Decimal("354.5") and span.text.startswith("710")
    # a result rounded to fewer places is read as rounded
    assert wrong_sums("共计10.004元+2元=12.00元") == []


def test_malformed_words_and_zero_cents():
    from checklists.decision_arithmetic import _MALFORMED_WORDS

    assert _MALFORMED_WORDS.search("元肆拾肆角肆分")
    assert not _MALFORMED_WORDS.search("元零壹分")
    assert not _MALFORMED_WORDS.search("元肆角肆分")


def test_discretion_list_is_no_measure():
    """“当事人不具备不予行政处罚、从轻…情形” names the discretion grades, it does not decide 不予处罚."""
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    d = read_decision(compact((CONSISTENCY / "samr_62C202600000002612.txt").read_text(encoding="utf-8")).text)
    assert d.measures == []
    d = read_decision(compact("行政处罚决定书\n当事人：某超市\n本局认为，当事人违法行为轻微并及时改正，没有造成危害后果，"
                              "依据《中华人民共和国行政处罚法》第三十三条第一款的规定，本局决定对当事人不予行政处罚。").text)
    assert [m.kind for m in d.measures] == ["不予处罚"]


def test_copies_left_blank_and_copies_filled_out_of_place():
    """“本文书一式 份， 份送达” is a blank left in the form; “一两本文书一式 份， /” is the filled count
    (一式两份, 一份送达) that the text layer moved to the start of the line, not a blank."""
    from casefile.ingest.extract.normalize import compact
    from checklists.decision_consistency import _LEFTOVERS

    def left(text: str) -> bool:
        return any(p.search(compact(text).text) for p in _LEFTOVERS["content"])

    assert left("（市场监督管理部门将依法向社会公开行政处罚决定信息）\n本文书一式    份，    份送达，一份归档，           。")
    assert not left("行政处罚不停止执行。\n一两本文书一式 份，       /\n(市场监督管理部门将依法向社会公示本行政处罚决定信息)")
    assert not left("行政处罚不停止执行。\n//本文书一式 份， /")
    assert not left("本文书一式两份，一份送达，一份归档。")
