"""Send-back defects of the fourth recall draw (issue 27, tests/data/decisions/recall_s9.toml, seed 2026120907)
that the review missed on first contact, each on the real decision it was found in (tests/data/consistency, copied
from the 900 市场监管 decisions), and real decisions without them that stay silent:
a page footer (“本文书一式二份，…归档。”) cutting the remedies sentence hid a direct suit (P16); a 没收 smaller than
the 违法所得 found with no refund anywhere, decided as “并做如下行政处罚：1.没收未退还金额453.5元” (D13); a 减轻
stated as “当事人属于减轻行政处罚的情节” below 价格违法行为行政处罚规定第九条's 5万元 floor, the 价格法's own
“可以处以罚款” setting no amount (D05); a form whose 处罚内容 holds only the articles' wording (D15), whose 定性 is
only “涉嫌违反” and has no 本局认为 of its own (D16), whose evidence section is the next section's heading (E04);
an evidence section that tells the facts again and names no evidence (E04); a seal written out as text with no
date after it (D07b: the text layer kept the seal, the form has no date); a decision that never mentions the
告知 or the party's 陈述、申辩 (D17)."""

from __future__ import annotations

import pytest

from tests.test_decision_consistency import assert_exactly, check_each

RULES = ("D07-seal-date", "D07b-seal-date-blank", "P16-decision-contents", "D05-mitigation-basis", "D13-income-as-found", "D15-measure-decided",
         "D16-violation-found", "D17-notice-stated", "E04-evidence-listed")

EXPECTED = {
    # 应城市监处罚〔2026〕6号: “也可六个月内依法向[page footer]应城市人民法院提起行政诉讼” in a price case
    # and never mentions a 告知 or the party's 陈述、申辩 (only “如实陈述违法事实”)
    "samr_420981202507170002.txt": [("P16-decision-contents", "复议前置"), ("D17-notice-stated", "陈述申辩")],
    # 安市监检处罚〔2025〕1-19号: 违法所得1238.5元 found, no refund, “没收未退还金额453.5元”; suit after 复议 “六个月”
    "samr_4bb1261d8240b583c1f27e69528f8a34.txt": [("D13-income-as-found", "1238.5"), ("P16-decision-contents", "六个月")],
    # 剑市监处罚〔2025〕224号: 30000元 where 规定第九条 sets 5万元 with no 违法所得, “属于减轻行政处罚的情节” and no ground
    "samr_314a365fbaf742589822ffb8360c15b2.txt": [("D05-mitigation-basis", "30000"), ("P16-decision-contents", "复议前置")],
    # （静）市监罚〔2026〕16号 (甘肃's form): nothing decided, evidence section empty, only “涉嫌违反”, remedies blank,
    # the seal written out (“（静宁县市场监管局印章）”) and no date (the form's PDF has none: 临洮 9号 checked)
    "samr_62C202500000031792.txt": [("D15-measure-decided", "没有写明"), ("D16-violation-found", "涉嫌"),
                                    ("E04-evidence-listed", "证据证明"), ("P16-decision-contents", "复议期限空白"),
                                    ("D07b-seal-date-blank", "静宁县市场监管局印章"),
                                    ("P16-decision-contents", "复议前置")],
    # 乌中市监处罚〔2026〕3号: under “上述事实，主要有以下证据证明：” the facts again, no evidence named
    "samr_a81e3ef6-4f6c-466e-b512-bd3c13a1e2b2.txt": [("E04-evidence-listed", "只复述了事实")],
    # 鄂州市监处罚〔2023〕617号 (held-out batch s9b): no 告知 or 申辩 anywhere — its facts speak of the bank's own
    # “告知义务” to its customers, which is no 告知 of the penalty
    "samr_420700202304210001.txt": [("D17-notice-stated", "陈述申辩")],
    # correct on these points: 枣阳市监处罚〔2026〕48号 (the evidence heading written twice, then the list),
    # a 河北 form whose every section is a bare heading (the text layer lost what was filled in: not judged empty),
    # 犍市监处罚〔2025〕117号 (“上述事实，本局主要有以下证据证明：证据一…” and a stray heading after the list; its
    # remedies name no 复议 body and offer a direct suit: real, reported before this draw),
    # 井市监处罚〔2024〕1047号
    "samr_420683202602020001.txt": [],
    "samr_a0a0e2858a9315cc018ad9fbf7ea4f9b.txt": [],
    "samr_3b96810e39764690af33814e35f7ef53.txt": [("P16-decision-contents", "复议机关空白"), ("P16-decision-contents", "复议前置")],
    "samr_9e919df29482cad5019493b020762270.txt": [],
}


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    return check_each(demo_template, tmp_path_factory.mktemp("recall_s9") / "ws", EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_send_back_defects(checked, name):
    assert_exactly(checked[name], RULES, EXPECTED[name])


def test_footer_blanked_only_inside_a_sentence():
    """The copies line is blanked where it cuts a sentence, kept where it ends the text (F05 still reads a blank one)."""
    from casefile.ingest.extract.decision import unrepeated

    inside = "也可六个月内依法向本文书一式二份，一份送达，一份归档。应城市人民法院提起行政诉讼。" + "申请行政复议期间，行政处罚不停止执行。" * 4
    assert "本文书一式" not in unrepeated(inside) and len(unrepeated(inside)) == len(inside)
    end = "行政处罚不停止执行。某某市场监督管理局（印章）2024年11月8日（市场监督管理部门将依法向社会公示本行政处罚决定信息）本文书一式份，份送达，一份归档，。"
    assert unrepeated(end) == end
