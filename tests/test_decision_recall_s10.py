"""Send-back defects still missed after the fourth recall draw (issue 27, tests/data/decisions/recall_s9.toml and
recall_s9b.toml), each on the real decision it was found in (tests/data/consistency, copied from the 900 市场监管
decisions), and real decisions without them that stay silent:
a fine resting only on articles outside their law's chapter 法律责任 (价格法第十九条, and 第四十一条 which only orders a
refund) (L06); a whole decision that names no violated provision and no penalty basis anywhere (L07), whose operative
part is a bare “罚款 180000 元。” before the remedies (read as the operative part); a fine decided with no 履行方式
(D18: nothing from the operative part on says how and by when it is paid)."""

from __future__ import annotations

import pytest

from tests.test_decision_consistency import _read, assert_exactly, check_each

RULES = ("L06-basis-penalty-article", "L07-provisions-named", "D18-payment-stated")

EXPECTED = {
    # 渤黄市监处罚〔2024〕11011号: the 综上's basis is “依据《中华人民共和国价格法》第十九条的规定，及…第四十一条…” (a rule on
    # government pricing, and the refund article); the 本局认为 before it had named 第三十九条 “应予处罚”
    "samr_9e919df2936757dd0193734e7b0a0d79.txt": [("L06-basis-penalty-article", "《价格法》第19条")],
    # 鄂州市监处罚〔2023〕617号: no article of any law but a 湖北 discretion rule; decided “罚款 180000 元。”
    # and goes from the fine straight to the remedies
    "samr_420700202304210001.txt": [("L07-provisions-named", "罚款180000元"), ("D18-payment-stated", "履行方式")],
    # 凤市监处罚〔2025〕46号: “本局决定处罚如下：罚款1000元。如对本行政处罚决定不服…” (its PDF has no payment part either)
    "samr_e6bb23332d4b40be830592e28ce22c76.txt": [("D18-payment-stated", "罚款1000元")],
    # silent: 滨市监处罚〔2023〕00424号 names its basis in two sentences (“依据…明码标价和禁止价格欺诈规定第二十二条的规定。
    # 依照《价格法》第四十一条…予以没收。本局对当事人作如下处罚”: the last 依照 alone is not the basis);
    # 新市监处罚〔2025〕99号 copies the articles in without quotation marks (“第十二条经营者…紧急措施。，《价格违法行为
    # 行政处罚规定》第九条第七项…”: the list goes on past the article's own full stop); 玉田市监城处罚〔2024〕330号
    "samr_230712000000309312616.txt": [],
    "samr_eca51b7848b446f4ab9ee833b68e0721.txt": [],
    "samr_9e919df292bd251f01935466275d4bf6.txt": [],
}


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    return check_each(demo_template, tmp_path_factory.mktemp("recall_s10") / "ws", EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_send_back_defects(checked, name):
    assert_exactly(checked[name], RULES, EXPECTED[name])


def test_bare_penalty_before_the_remedies_is_the_operative_part():
    d = _read("samr_420700202304210001.txt")
    assert d.operative is not None and d.operative.text.startswith("罚款180000元")
    assert [(m.kind, int(m.amount)) for m in d.measures] == [("罚款", 180000)]
    assert d.penalty_basis == [] and d.violated == []


def test_liability_chapter_of_a_statute():
    from casefile.law.laws import bundled_dir, liability_articles

    price = liability_articles(bundled_dir() / "价格法(1997-12-29).md")
    assert price is not None and {"39", "42", "41"} <= price and "19" not in price and "13" not in price
    # a rule without chapters (or without a 法律责任 one) is not known: L06 stays silent on it
    assert liability_articles(bundled_dir() / "市场监督管理行政处罚程序规定(2022-09-29).md") is None
