"""What a published fragment or summary of a decision shows is checked (issue 27, the s11 first contact): a page
holding only a decision's end (its operative part decides a fine on a cited article, its title and party are on
another page) is a decision fragment, not an unknown text left unread; a fine below its article's floor with no
ground for 减轻 (D05, D01) and a period whose end precedes its start (D19) are reported on fragments and public
summaries as on whole decisions; what they do not show (the remedies, the officers, 责令改正 cut off) stays silent.
Real texts: tests/data/recall/recall_s11 (市场监管 pages from the web) and tests/data/decisions_sectors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import DATA
from tests.test_decision_consistency import assert_exactly, check_each

RECALL = DATA / "recall" / "recall_s11" / "txt"
SECTORS = DATA / "decisions_sectors"
RULES = ("D01-fine-range", "D05-mitigation-basis", "D06b-orders-required", "D19-period-order", "D20-areas-agree",
         "F05-template-leftovers", "D08-dates-in-order")

EXPECTED = {
    # 恩平: the page starts at 本局认为; 减轻 to 5000 元 under 食品安全法 §124 (floor 50,000 whatever the 货值) on a
    # provincial 适用规则 and 行政处罚法 §5, §28 only — §34, the provision broken, is named in the sentence before
    RECALL / "samrweb_enping_yuebing.txt": [("D05-mitigation-basis", "广东省市场监督管理局关于行政处罚自由裁量权的适用规则")],
    # 扎赉特旗: “作出如下减轻行政处罚…罚款：6000元” under 医疗器械监督管理条例 §86 (2 万 floor), no ground at all
    RECALL / "samrweb_zhalaite_kouzhao.txt": [("D05-mitigation-basis", "未写明依据和情形")],
    # 牟定老生百货: a publicity table, 1000 元 under 食品安全法 §124 (货值 36 元), no 减轻 and no §32
    RECALL / "samrweb_mouding_laosheng.txt": [("D01-fine-range", "罚款1000元低于")],
    # 绍兴 (水利, a news summary of the decision): 占用时间“2022年7月1日至2020年9月30日”
    SECTORS / "heldout_s11a" / "txt" / "sl_shaoxing_yuxiang.txt": [("D19-period-order", "2022年7月1日至2020年9月30日")],
    # 番禺 (自然资源, a page from the facts on, no 决定 word: “根据…的规定,一、…治理；二、没收…；三、…罚款”): 没收 on
    # “64.45平方米农用地” where the facts found 64.63 (61.45 + 3.18) m² of 农村道路
    SECTORS / "heldout_s11a" / "txt" / "zr_panyu_jijian.txt": [("D20-areas-agree", "64.45平方米")],
    # 余杭 (a publicity table): its 处罚结果 orders “责令广告主在相应范围内消除影响，并处罚款…3200元” under 广告法 §55,
    # which orders 责令停止发布广告 first — named only in the statute it quotes
    RECALL / "samrweb_yuhang_sifu.txt": [("D06b-orders-required", "责令停止发布广告")],
    # 桃江 (林业, a summary): its basis “《中华人民共和国森林法》第条第一款” — the article number left blank
    SECTORS / "heldout_s9" / "txt" / "ly_taojiang_zhan.txt": [("F05-template-leftovers", "》第条")],
    # a whole decision of the 900 (tests/data/consistency): “从2024年11月12日至2022年11月26日案发之日止，共销售1单”
    DATA / "consistency" / "samr_addd7d15ade6f580ca5e3111b88b4f2b.txt": [("D19-period-order", "2024年11月12日至2022年11月26日")],
    # 澄市监处罚〔2023〕0603049号's 减轻 sentence (tests/data/consistency/mitigation_no_ground.txt) rewritten to name only
    # the penalty article itself (“综合以上情节，根据《价格违法行为行政处罚规定》第七条的规定，决定…按减轻幅度处罚”):
    # the article whose range the fine goes below does not ground going below it
    DATA / "consistency" / "mitigation_own_article.txt": [("D05-mitigation-basis", "未写明依据和情形")],
    # silent: 常熟市监处罚〔2024〕080185号 (the 900; whole): a 广告法 §55 fine with no 责令停止发布广告, but “在案发后主动删除
    # 违法广告” — done already, as 已改正 answers 责令改正
    DATA / "consistency" / "samr_230712000000309465636.txt": [],
    # 横栏 (a 广告法 §55 table cut inside the quoted article: nothing decided in view);
    RECALL / "samrweb_henglan_yujing.txt": [],
    # 番禺 孟冲 (a correct land summary);
    SECTORS / "heldout_s11a" / "txt" / "zr_panyu_mengchong.txt": [],
    # 白云 (a correct fragment holding its operative part); 青田 (生态环境, cut before its 责令改正 could be
    # read: an absence a summary cannot show)
    RECALL / "samrweb_baiyun_silang.txt": [],
    SECTORS / "txt" / "hj_qingtian_kangxin.txt": [],
    # 正蓝旗 (林业/草原, s11c): “本单位于2023年5月29日对…未经批准改变草原用途一案立案调查” and “我局于2023年5月26日立案之后”:
    # two dates for the one filing (a violation described as 未经批准 is no 未经立案)
    SECTORS / "heldout_s11c" / "txt" / "ly_zhenglan_diyidianli.txt": [("D08-dates-in-order", "2023年5月29日")],
    # 柞水 (the 104, 2004 土地管理法 §76, against the plan): “限期清除在非法占用…土地上堆放的沙石…” is the order to remove
    SECTORS / "txt" / "zr_zhashui_huo.txt": [],
}


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    # the paths are absolute: check_each's folder (tests/data/consistency) yields to them
    return check_each(demo_template, tmp_path_factory.mktemp("fragments") / "ws", EXPECTED)


@pytest.mark.parametrize("path", list(EXPECTED), ids=lambda p: p.stem)
def test_fragments_and_summaries(checked, path):
    assert_exactly(checked[path], RULES, EXPECTED[path])
    # a fragment or summary is never graded as a whole decision, never vetoed
    assert checked[path].score["grade"] == "公示摘要，不评分" or path.parent.name == "consistency"
    assert not any(f.severity == "veto" for f in checked[path].findings)


def test_operative_part_makes_a_fragment_of_a_decision():
    from casefile.ingest.extract import extract_text

    for name in ("samrweb_enping_yuebing.txt", "samrweb_zhalaite_kouzhao.txt"):
        x = extract_text((RECALL / name).read_text(encoding="utf-8"))
        assert (x.doc_type, x.abridged) == ("decision", True), name
    # an opening with no operative part stays what it was (nothing decided in view)
    x = extract_text((RECALL / "samrweb_zhongmou_binbin.txt").read_text(encoding="utf-8"))
    assert x.doc_type == "unknown"


def test_operative_part_listed_after_its_basis():
    """番禺 writes no 决定: “根据…的规定,一、自收到处罚决定书之日起15日内对…耕地进行治理；二、没收…；三、…罚款”;
    the period to treat the land is not the payment, and the list after the basis is the operative part."""
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    text = (SECTORS / "heldout_s11a" / "txt" / "zr_panyu_jijian.txt").read_text(encoding="utf-8")
    d = read_decision(compact(text).text)
    assert d.operative is not None and d.operative.text.startswith("根据《中华人民共和国土地管理法》第75条")
    assert d.payment is None
    # the five fines, each once (not the 共计 478710.6 元 after them)
    assert [m.amount for m in d.fines] == [Decimal(x) for x in ("464439.36", "11529.21", "710.93", "1476.84", "554.26")]


def test_mitigation_basis_is_not_the_provision_broken():
    from casefile.ingest.extract.decision import read_decision

    d = read_decision((RECALL / "samrweb_enping_yuebing.txt").read_text(encoding="utf-8"))
    laws = {(b["law"], b["article"]) for m in d.mitigations for b in m.basis}
    assert ("中华人民共和国食品安全法", 34) not in laws
    assert ("广东省市场监督管理局关于行政处罚自由裁量权的适用规则", 17) in laws


def test_floor_of_an_article_graded_by_goods_value_when_none_is_stated():
    from checklists.decision_rules import _goods_unstated

    lo, hi, _ = _goods_unstated({"goods_value_below": 10000, "fixed_min": 50000, "fixed_max": 100000, "min": 10, "max": 20})
    assert (lo, hi) == (Decimal(50000), None)
    # a multiple whose least (1 倍 of 1 万) is under the fixed floor (2 万): the lower of the two
    lo, _, _ = _goods_unstated({"goods_value_below": 10000, "fixed_min": 20000, "fixed_max": 50000, "min": 1, "max": 20})
    assert lo == Decimal(10000)


def test_areas_agree_with_sums_and_differences():
    from casefile.ingest.extract.decision import read_decision
    from checklists.decision_arithmetic import areas_unfounded

    facts = "经查，当事人占用耕地300.5平方米、林地200平方米，其中已批准100平方米。"
    for area, silent in (("500.5", True), ("200.5", True), ("300.5", True), ("480", False)):
        d = read_decision(facts + f"依据《中华人民共和国土地管理法》第七十七条的规定，本局决定：没收在{area}平方米土地上新建的建筑物。")
        assert (areas_unfounded(d) == []) is silent, area
    # a building's floor area describes what is confiscated; it is not land the facts had to state
    d = read_decision(facts + "依据《中华人民共和国土地管理法》第七十七条的规定，本局决定：没收在300.5平方米土地上新建的仓库一座（建筑面积480平方米）。")
    assert areas_unfounded(d) == []


def test_periods_in_order():
    from checklists.decision_periods import reversed_periods

    assert [m.group(0) for m in reversed_periods("占用时间2022年7月1日至2020年9月30日，面积1520平方米")] == ["2022年7月1日至2020年9月30日"]
    assert reversed_periods("占用时间2020年7月1日至2020年9月30日；自2021年1月1日起至2021年12月31日止") == []
    assert reversed_periods("2022年2月30日至2022年1月1日") == []  # no such day: not compared
