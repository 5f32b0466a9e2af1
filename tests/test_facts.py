"""Reading the facts of one document, whatever the form (casefile.ingest.facts): table cells, run-on
labels, areas in 亩/平方米/公顷 with their land kind, identifiers with their check digit."""

from __future__ import annotations

from decimal import Decimal

from casefile.ingest.facts import DossierFacts, conclusion, document_facts, from_texts


def facts_of(text: str, doc_type: str = "unknown"):
    return document_facts("a.docx", doc_type, "文书", [text])


def values(fs, key):
    return [f.value for f in fs if f.key == key]


def test_table_cells_and_run_on_labels():
    fs = facts_of("当事人\t清溪县宏达建材有限公司\t统一社会信用代码\t91331126MA2K8P3Q1X\n"
                  "当事人：清溪县宏达建材有限公司  住所：清溪县城关镇兴业路8号\n当事人签名：赵永刚\n商品名称：电饭煲")
    assert values(fs, "party") == ["清溪县宏达建材有限公司", "清溪县宏达建材有限公司"]  # not 签名, not 商品名称
    assert values(fs, "address") == ["清溪县城关镇兴业路8号"]
    assert values(fs, "uscc")[0]["number"] == "91331126MA2K8P3Q1X"


def test_identifiers_valid_wrong_and_masked():
    ok = facts_of("统一社会信用代码：91331126MA2L3W9E4X")
    wrong = facts_of("统一社会信用代码：91331126MA2L3W9E47")
    masked = facts_of("公民身份号码：331126********2032")
    assert values(ok, "uscc")[0]["status"] == "正确"
    assert values(wrong, "uscc")[0]["status"] == "校验位错误"
    assert values(masked, "id_card")[0]["status"] == "已隐去"


def test_areas_in_every_unit_with_their_land_kind():
    fs = facts_of("经勘测定界，占用土地面积2400平方米（合3.6亩），地类为一般耕地。另查明，当事人擅自占用永久基本农田0.5公顷建设养殖场。"
                  "房屋建筑面积300平方米。按每平方米300元处以罚款。")
    land = [(Decimal(v["m2"]), v["kind"]) for v in values(fs, "land")]
    assert (Decimal(2400), "耕地") in land and (Decimal(5000), "基本农田") in land
    assert all(m2 != 300 for m2, _ in land)  # building area and the per-m² rate are not land occupied
    assert values(fs, "fine_rate_m2") == ["300"]


def test_a_total_is_not_given_the_kind_of_its_part():
    fs = facts_of("未经批准占用集体土地12000平方米建设厂房，其中耕地3000平方米（含永久基本农田1000平方米）。")
    kinds = {Decimal(v["m2"]): v["kind"] for v in values(fs, "land")}
    assert kinds == {Decimal(12000): "", Decimal(3000): "耕地", Decimal(1000): "基本农田"}


def test_head_approval_in_labels_and_narrative():
    assert conclusion("同意。许国平") == "同意" and conclusion("不同意，退回补充调查") == "不同意"
    fs = facts_of("机关负责人意见\t同意。许国平 2026年4月3日", "legal_review_opinion")
    assert values(fs, "head") == ["同意"]
    fs = facts_of("本案经局长审批同意，作出如下处罚决定。", "investigation_report")
    assert values(fs, "head") == ["同意"]


def test_referral_done_not_a_warning():
    assert not values(facts_of("涉嫌犯罪的，依法移送司法机关处理。"), "referred")
    assert values(facts_of("本局已于2026年2月11日将本案移送清溪县公安局。"), "referred")


def test_officers_listed_behind_one_label_not_an_id_number():
    fs = facts_of("执法人员：刘海涛、吴静，执法证号分别为33112600201、33112600202。被询问人：周德旺，身份证号：331126********2032")
    assert sorted(v["certificate"] for v in values(fs, "officer")) == ["33112600201", "33112600202"]


def test_amounts_and_disagreements_name_both_documents():
    df = from_texts([("a.docx", "decision", "行政处罚决定书", ["违法所得8600元。住所：清溪县解放路112号"]),
                     ("b.docx", "investigation_report", "案件调查终结报告", ["违法所得共计9600元。住所：清溪县解放路112号"]),
                     ("c.docx", "inquiry_record", "询问笔录", ["答：大概赚了9000元。住址：清溪县石门村三组"])])
    assert isinstance(df, DossierFacts)
    dis = df.disagreements()
    assert [(d["what"], d["a"].doc, d["b"].doc) for d in dis] == [("违法所得", "a.docx", "b.docx")]
