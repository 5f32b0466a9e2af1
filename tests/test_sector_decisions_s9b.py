"""The s9b batch of real decisions and write-ups of other sectors and agencies (卫健, 医保, 药监, 知识产权, 消防, 水利,
生态环境, 农业, 林业, 文旅), with the truth written by hand before the tool first ran on them
(tests/data/decisions_sectors/truth_s9b.toml; first contact in s9b-first-contact.md): their header fields as the
text writes them — and the general forms behind the causes found there, on texts written for the test."""

from __future__ import annotations

import tomllib

import pytest

from tests.test_sector_decisions import FIELDS, SECTORS, _norm

TRUTH = tomllib.loads((SECTORS / "truth_s9b.toml").read_text(encoding="utf-8"))["decision"]
# the text writes the agency both ways (昆明市寻甸县水务局 first, 寻甸县水务局 after); the truth chose the second
KNOWN_MISS = {("sl_xundian_jiaoyun.txt", "agency")}


def _read(name: str):
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    return extract(read_document(SECTORS / "txt" / name))


@pytest.fixture(scope="module")
def extracted():
    return {t["file"]: _read(t["file"]) for t in TRUTH}


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_header_fields_as_the_text_writes_them(extracted, truth):
    x = extracted[truth["file"]]
    for k in (k for k in FIELDS if (truth["file"], k) not in KNOWN_MISS):
        got = x.fields.get(k) or x.fields.get("masked", {}).get(k, "")
        assert _norm(got) == _norm(truth[k]), (k, got, truth[k])


def test_a_table_printing_its_column_labels_above_its_values(extracted):
    # 案件名称 / 行政相对人名称 / 处罚事由 / 处罚内容 / 处罚机关 / …案 / 东坡区王世华诊所 / … / 眉山市东坡区卫生健康局
    for name in ("wj_meishan_wangshihua.txt", "wj_meishan_yingxiongcun.txt"):
        assert extracted[name].fields["agency"] == "眉山市东坡区卫生健康局"  # not the page's 文章来源:东坡区卫健局
    from casefile.ingest.extract import extract_text

    x = extract_text("序号\n行政相对人名称\n处罚决定书文号\n处罚机关\n1\n清溪县仁和诊所\n清卫医罚〔2024〕3号\n清溪县卫生健康局\n")
    assert (x.fields["party"], x.fields["doc_no"], x.fields["agency"]) == ("清溪县仁和诊所", "清卫医罚〔2024〕3号", "清溪县卫生健康局")


def test_third_person_write_ups_name_the_decision_s_party_and_agency():
    from casefile.ingest.extract import extract_text

    x = extract_text("甲股份公告，公司全资子公司清溪宏达化工有限公司（“清溪宏达”）于近日收到清溪市生态环境局出具的"
                     "《行政处罚决定书》（清环罚〔2024〕12号），现将有关情况公告如下：……决定对当事人处罚10万元。\n")
    assert (x.fields["party"], x.fields["agency"], x.fields["doc_no"]) == ("清溪宏达化工有限公司", "清溪市生态环境局", "清环罚〔2024〕12号")
    x = extract_text("近日，清溪县好邻居超市因占用疏散通道被处罚3000元。\n清溪县消防救援大队接到群众举报后依法调查。\n"
                     "本文链接：https://news.example.cn/content/2024/03/05/123.html\n")
    assert (x.fields["party"], x.fields["agency"], x.fields.get("date")) == ("清溪县好邻居超市", "清溪县消防救援大队", None)
    x = extract_text("11月5日，云岭省清溪县水务局对该县交通运输局开出10万元罚单。\n")
    assert x.fields["party"] == "清溪县交通运输局"


def test_a_short_name_is_read_as_the_whole_name_it_stands_for():
    from casefile.ingest.extract import extract_text

    x = extract_text("清溪宏远环保科技有限公司（以下简称“宏远环保”）收到处罚。\n清溪市生态环境局决定对宏远环保作出10万元罚款的行政处罚。\n")
    assert x.fields["party"] == "清溪宏远环保科技有限公司"


def test_a_party_label_holding_the_party_s_kind_and_a_unit_or_person_label(extracted):
    assert extracted["ly_yongren_li.txt"].fields["masked"]["party"] == "李**"  # 当事人:个人 / 姓名:李**
    assert extracted["hj_xundian_zhongyi.txt"].fields["party"] == "寻甸众一经贸有限公司"  # 单位/个人:


def test_a_dated_line_of_a_cut_narrative_is_not_a_signature(extracted):
    # the page stops inside the evidence list (…2.2025年12月31日,保山市生态环境局腾冲分局制作的《): no date
    assert "date" not in extracted["hj_baoshan_yunjin.txt"].fields
    assert extracted["hj_baoshan_yunjin.txt"].fields["doc_no"] == "保环罚(腾)〔2026〕04号"  # the bracket before the year


def test_published_forms_are_read_as_decisions(extracted):
    # a title under eleven lines of a page's index fields, with its agency before it; a table whose label block
    # ends in 处罚机关 (what it publishes was decided): both decisions, neither dated by its narrative
    for name in ("hj_baoshan_yunjin.txt", "wj_meishan_wangshihua.txt", "wj_meishan_yingxiongcun.txt"):
        assert extracted[name].doc_type == "decision" and not extracted[name].fields.get("date"), name


def test_the_party_where_only_the_operative_part_or_a_case_heading_names_it():
    from casefile.ingest.extract import extract_text

    # 现对…作出 (the 责令改正决定书 it quotes is another paper: its number is not this decision's)
    x = extract_text("经查，你单位超出许可区域经营。现对清溪出行科技有限公司作出：1.责令你单位按照责令改正违法行为决定书"
                     "（文书编号：清交执责改〔2025〕3号）内容改正违法行为，2.给予罚款人民币陆仟元整的行政处罚。\n")
    assert x.fields["party"] == "清溪出行科技有限公司" and "doc_no" not in x.fields
    # a write-up's heading that is the case's name (XX涉嫌擅自挖掘公路、公路用地案), under a page whose 名称 is the write-up's
    x = extract_text("名称: 清溪县交通运输局行政执法典型案例 文号:\n清溪县交通运输局行政执法典型案例\n"
                     "XX涉嫌擅自挖掘公路、公路用地案\n一、案件基本情况\n2025年3月21日，执法人员巡查发现路肩被挖掘。\n")
    assert x.fields["masked"]["party"] == "XX"


def test_a_salutation_run_into_the_fields_under_it():
    from casefile.ingest.extract import extract_text

    x = extract_text("清溪县环境局责令改正违法行为决定书\n清环责改〔2024〕87号\n"
                     "清溪县宏达建材厂: 统一社会信用代码:91330400MA1THT605R 经营场所:清溪县茅麓镇 经营者:沈一忠 一、环境违法事实和依据 "
                     "2024年10月16日,我局执法人员对你单位进行现场检查。检查发现,你单位未依法报批环境影响评价文件即开工建设。\n")
    assert x.fields["party"] == "清溪县宏达建材厂"


@pytest.mark.parametrize("text", [
    # a credit site's record run on in one line, or label and value parted by a tab only
    "行政相对人名称：清溪县宏达建材有限公司 统一社会信用代码：91330400MA1THT605R 行政处罚决定书文号：清环罚〔2024〕12号 "
    "处罚类别：罚款 处罚决定日期：2024/03/05 处罚机关：清溪县生态环境局 数据来源单位：清溪县生态环境局\n",
    "行政相对人名称\t清溪县宏达建材有限公司\n行政处罚决定书文号\t清环罚〔2024〕12号\n处罚决定日期\t2024-03-05\n处罚机关\t清溪县生态环境局\n",
    "| 行政相对人名称 | 清溪县宏达建材有限公司 |\n| 行政处罚决定书文号 | 清环罚〔2024〕12号 |\n| 处罚决定日期 | 2024-03-05 |\n| 处罚机关 | 清溪县生态环境局 |\n",
    # 信用中国's full record: 行政相对人类别 after the name, 处罚机关统一社会信用代码 after the agency, 处罚有效期 after the date
    "行政相对人名称：清溪县宏达建材有限公司 行政相对人类别：法人及非法人组织 统一社会信用代码：91330400MA1THT605R "
    "行政处罚决定书文号：清环罚〔2024〕12号 处罚类别：罚款 罚款金额（万元）：5 处罚决定日期：2024/03/05 处罚有效期：2025/03/05 "
    "处罚机关：清溪县生态环境局 处罚机关统一社会信用代码：11330400002500000X 数据来源单位：清溪县生态环境局\n",
], ids=["one-line", "tab", "pipes", "credit-china"])
def test_a_credit_record_s_fields(text):
    from casefile.ingest.extract import extract_text

    f = extract_text(text).fields
    assert [f.get(k) for k in FIELDS] == ["清环罚〔2024〕12号", "清溪县生态环境局", "清溪县宏达建材有限公司", "2024-03-05"]


@pytest.mark.parametrize("signature, day", [("清溪县卫生健康委员会\n二〇二四年四月二日\n", "2024-04-02"),
                                            ("清溪县消防救援大队\n2024年5月6日\n", "2024-05-06")])
def test_a_short_decision_signed_by_a_commission_or_a_fire_brigade(signature, day):
    # no remedies paragraph locates the signature: the name before the date that ends the text does
    from casefile.ingest.extract import extract_text

    x = extract_text("清卫医罚〔2024〕8号\n当事人：清溪县仁和诊所\n经查，你单位未将医疗废物按照类别分置于专用容器。"
                     "本机关决定给予警告并罚款2000元。\n" + signature)
    assert x.fields["date"] == day


@pytest.mark.parametrize("title, agency", [("清溪县应急管理局安全生产行政处罚决定书", "清溪县应急管理局"),
                                           ("清溪县文化市场综合行政执法大队文化市场行政处罚决定书", "清溪县文化市场综合行政执法大队"),
                                           ("昆明市生态环境局晋宁分局行政处罚决定书", "昆明市生态环境局晋宁分局")])
def test_a_title_with_its_sector_s_name_before_the_paper(title, agency):
    # the sector's name between the agency and the paper (安全生产, 文化市场) is not the agency's; a branch's is
    from casefile.ingest.extract import extract_text

    x = extract_text(title + "\n清应急罚〔2024〕1号\n当事人：清溪县宏达化工有限公司\n经查，你单位存在违法行为。本局决定给予罚款。\n")
    assert x.fields["agency"] == agency


def test_a_decision_addressed_to_a_person_with_the_id_after_the_name_and_a_named_seal():
    from casefile.ingest.extract import extract_text

    x = extract_text("清溪县应急管理局\n行政处罚决定书\n清应急罚〔2024〕5号\n张三丰（身份证号：330402197005051234）：\n"
                     "你于2024年3月1日未经许可储存烟花爆竹。本局决定对你处以罚款2万元。\n（清溪县应急管理局印章）\n二〇二四年三月二十日\n")
    assert (x.fields["party"], x.fields["date"]) == ("张三丰", "2024-03-20")
