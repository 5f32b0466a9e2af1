"""Law citations in the shapes real decisions write them, and the hand-labelled sample."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from casefile.ingest.extract import extract_text, find_citations
from casefile.ingest.extract.normalize import compact

DATA = Path(__file__).parent / "data" / "citations"
CORPUS = Path(__file__).resolve().parent / "data" / "samr" / "txt"


def cites(text: str) -> list[tuple]:
    return [(c.law, c.article, c.paragraph, c.item) for c in find_citations(compact(text).text) if c.article]


def test_items_and_paragraphs_listed_under_one_article():
    assert cites("分别属于《价格违法行为行政处罚规定》第九条第（二）项、第（四）项、第（七）项规定的情形") == [
        ("价格违法行为行政处罚规定", 9, None, 2), ("价格违法行为行政处罚规定", 9, None, 4), ("价格违法行为行政处罚规定", 9, None, 7)]
    assert cites("参照《河北省市场监督管理行政处罚裁量权适用规则》第十六条第（二）、（三）款") == [
        ("河北省市场监督管理行政处罚裁量权适用规则", 16, 2, None), ("河北省市场监督管理行政处罚裁量权适用规则", 16, 3, None)]
    assert cites("依据《中华人民共和国行政处罚法》第四十四条、四十五条的规定") == [
        ("中华人民共和国行政处罚法", 44, None, None), ("中华人民共和国行政处罚法", 45, None, None)]
    assert cites("依据《中华人民共和国行政处罚法》第七十二条第一款第一项和第四项的规定") == [
        ("中华人民共和国行政处罚法", 72, 1, 1), ("中华人民共和国行政处罚法", 72, 1, 4)]


def test_parenthesis_division_and_note_between_title_and_article():
    assert cites("同时依据市场监管总局《关于规范市场监督管理行政处罚裁量权的指导意见》（国市监法规〔2022〕2号）第十四条第二项") == [
        ("关于规范市场监督管理行政处罚裁量权的指导意见", 14, None, 2)]
    assert cites("违反了《中华人民共和国价格法》（1997公布）第十三条第一款") == [("中华人民共和国价格法", 13, 1, None)]
    assert cites("按照《江西省市场监督管理行政处罚裁量权参照执行标准（2024年本）》第二编第六条【裁量基准】第一款第一项从轻") == [
        ("江西省市场监督管理行政处罚裁量权参照执行标准（2024年本）", 6, 1, 1)]
    # a 清单 is not a law by its name, but a title followed by an article is cited as one
    assert cites("违反了《明码标价和禁止价格欺诈规定》/第五条/第一款经营者销售商品") == [("明码标价和禁止价格欺诈规定", 5, 1, None)]
    assert cites("参照《安徽省市场监督管理行政处罚裁量权基准（2024年版）》第七章【283】条第一项") == [
        ("安徽省市场监督管理行政处罚裁量权基准（2024年版）", 283, None, 1)]
    assert cites("符合《福建省市场监督管理行政处罚裁量权适用规则》第十条第四项规定的应当依法从轻行政处罚和第十一条第二项规定的情形") == [
        ("福建省市场监督管理行政处罚裁量权适用规则", 10, None, 4), ("福建省市场监督管理行政处罚裁量权适用规则", 11, None, 2)]
    assert cites("符合《苏州市市场监管系统涉企一般违法行为减轻行政处罚4.0版清单》第95条之规定") == [
        ("苏州市市场监管系统涉企一般违法行为减轻行政处罚4.0版清单", 95, None, None)]


def test_quoted_provisions_inside_a_list():
    text = ("违反了《价格违法行为行政处罚规定》第九条第七项“对政府明令取消的收费项目继续收费的”和第十六条第二款“经营者拒不按照前款规定"
            "退还消费者多付的价款的，责令限期退还”的规定，依据《中华人民共和国行政处罚法》第三十二条“当事人有下列情形之一，应当从轻或者减轻"
            "行政处罚”第（五）项的规定")
    assert cites(text) == [("价格违法行为行政处罚规定", 9, None, 7), ("价格违法行为行政处罚规定", 16, 2, None),
                           ("中华人民共和国行政处罚法", 32, None, 5)]


def test_back_references_and_names_without_brackets():
    text = ("当事人的行为违反了明码标价和禁止价格欺诈规定第十九条第二项的规定。《价格违法行为行政处罚规定》未对多收价款的计算作出规定，"
            "根据本法第十八条“本规定中以违法所得计算罚款数额的，违法所得无法确定时，按照没有违法所得的规定处罚。”认定，依据价格法第四十二条处罚。")
    assert cites(text) == [("明码标价和禁止价格欺诈规定", 19, None, 2), ("价格违法行为行政处罚规定", 18, None, None),
                           ("中华人民共和国价格法", 42, None, None)]


def test_wording_of_a_quoted_provision_is_not_a_citation():
    text = ("依据《中华人民共和国价格法》第四十条“经营者有本法第十四条所列行为之一的，责令改正，没收违法所得”和"
            "《价格违法行为行政处罚规定》第七条：经营者违反价格法第十四条的规定，利用虚假的价格手段的，予以处罚。")
    assert cites(text) == [("中华人民共和国价格法", 40, None, None), ("价格违法行为行政处罚规定", 7, None, None)]


def test_article_sub_number():
    (c,) = find_citations("依据《中华人民共和国刑法》第一百四十条之一的规定")
    assert (c.article, c.sub) == (140, 1) and c.to_value()["sub"] == 1


def load_labels(path: Path) -> dict[str, set[tuple]]:
    docs = tomllib.loads(path.read_text(encoding="utf-8"))["doc"]
    return {d["file"]: {(c["law"], c["article"], c.get("paragraph"), c.get("item"), c.get("sub")) for c in d["citations"]}
            for d in docs}


# labels_a/b and labels_holdout.toml were all used while the rules were written (the first
# "holdout" too); labels_holdout2.toml was labelled afterwards and no rule was changed after it
# (2026-11-29: precision 155/157, recall 155/160 when first run)
@pytest.mark.parametrize("pattern,documents", [("labels_[ab].toml", 60), ("labels_holdout.toml", 20),
                                               ("labels_holdout2.toml", 20)])
def test_hand_labelled_sample_precision_and_recall(pattern, documents):
    """Real decisions labelled by reading them; the issue's target is 95 % both ways."""
    gold: dict[str, set[tuple]] = {}
    for p in sorted(DATA.glob(pattern)):
        gold |= load_labels(p)
    assert len(gold) == documents
    tp = fp = fn = 0
    for name, want in gold.items():
        x = extract_text((CORPUS / name).read_text(encoding="utf-8"))
        got = {(v["law"], v["article"], v["paragraph"], v["item"], v["sub"])
               for v in (e.value for e in x.entities if e.label == "LAW") if v["article"]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95, (tp, fp, fn)
