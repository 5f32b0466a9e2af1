"""Real decisions of other sectors (生态环境, 自然资源, 农业农村, 林业, 应急管理, 发改, 交通运输, 城管, 住建, 文化旅游), kept
with the truth written by hand before the tool ran on them (tests/data/decisions_sectors/truth.toml): their
header fields are read as the text writes them, an empty truth meaning the text does not name the field.
A field the truth lists under ``known_miss`` is one the tool does not read yet (counted as a miss by
bench/extract_sectors.py)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tomllib

import pytest

from tests.conftest import DATA

SECTORS = DATA / "decisions_sectors"
TRUTH = tomllib.loads((SECTORS / "truth.toml").read_text(encoding="utf-8"))["decision"]
FIELDS = ("doc_no", "agency", "party", "date")


def _norm(s: str) -> str:
    s = re.sub(r"\s+", "", s or "")
    return re.sub(r"[\]］)）】}]", "〕", re.sub(r"[\[［(（【{]", "〔", s))


@pytest.fixture(scope="module")
def extracted():
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    return {t["file"]: extract(read_document(SECTORS / "txt" / t["file"])) for t in TRUTH}


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_header_fields_as_the_text_writes_them(extracted, truth):
    x = extracted[truth["file"]]
    for k in (k for k in FIELDS if k not in truth.get("known_miss", ())):
        got = x.fields.get(k) or x.fields.get("masked", {}).get(k, "")  # 苏*忠 is read, and reported as masked
        assert _norm(got) == _norm(truth[k]), (k, got, truth[k])


@pytest.mark.parametrize("truth", TRUTH, ids=[t["file"] for t in TRUTH])
def test_read_as_a_decision_with_or_without_a_title(extracted, truth):
    # no title (XX局：你局于…, 被处罚单位：…), a spaced title (行 政 处 罚 决 定 书), the title and 文号 on one line;
    # a 责令改正违法行为决定书 is the rectification it is, a page's middle without its opening is unknown
    assert extracted[truth["file"]].doc_type == truth.get("doc_type", "decision")


def test_agency_never_taken_from_a_body_the_text_only_mentions(extracted):
    # 桃江县人民政府 is the 复议机关, 县级以上人民政府 is a quoted article's, 濮阳市生态环境局 the inspection team's
    for name in ("zr_taojiang_zeng.txt", "zr_jining_su.txt", "hj_puyang_dongda.txt", "hj_miluo_huada.txt"):
        assert extracted[name].fields.get("agency", "") == "", name


def test_seal_date_not_taken_from_the_narrative_of_an_opening(extracted):
    # the pages that hold only the opening have no date: the last date in the text is a notice's or an
    # inspection's, even on a page whose menus hide the title (it is still read as a decision)
    openings = [t["file"] for t in TRUTH if not t["date"]]
    assert len(openings) > 40 and all(not extracted[f].fields.get("date") for f in openings)


def test_a_signature_dated_with_the_digit_0_and_a_table_s_decision_date():
    from casefile.ingest.extract import extract_text

    x = extract_text("林业行政处罚决定书 寻林罚决字〔2023〕第8号\n被处罚人姓名：周树芬 性别：女\n经依法查明，你未经林业行政许可……"
                     "本机关决定对你给予以下行政处罚：\n1、处以7667元的罚款；\n如对本林业行政处罚决定不服，可于接到本决定书之日起六十日内，"
                     "向寻甸回族彝族自治县人民政府申请行政复议。\n寻甸回族彝族自治县林业和草原局\n二0二三年二月十三日\n")
    assert (x.fields["party"], x.fields["agency"], x.fields["date"]) == ("周树芬", "寻甸回族彝族自治县林业和草原局", "2023-02-13")


@pytest.fixture(scope="module")
def ws(demo_template, tmp_path_factory):
    from casefile.store.workspace import Workspace

    root = tmp_path_factory.mktemp("sectors") / "ws"
    shutil.copytree(demo_template, root)
    return Workspace.open(root)


def _evaluate(ws, path):
    from casefile.ingest.importer import import_paths
    from checklists.engine import check_case, context_for

    imp = import_paths(ws, [path])
    return check_case(context_for(ws, imp.case, dt.date(2026, 11, 23)), "evaluate")


def test_a_document_the_rules_do_not_read_is_unread_never_graded(ws, tmp_path):
    p = tmp_path / "执照.txt"
    p.write_text("营业执照\n统一社会信用代码：91330100MA27XXXXXX\n名称：清溪县某某商贸有限公司\n类型：有限责任公司\n", encoding="utf-8")
    res = _evaluate(ws, p)
    assert res.verdict == "未审读" and res.score["grade"] == "未审读" and res.score["total"] is None
    assert not res.findings and res.coverage and "未作审查" in res.coverage[0]["message"]
    assert res.to_dict()["coverage"] == res.coverage


def test_what_one_published_decision_cannot_show_is_a_coverage_note(ws):
    res = _evaluate(ws, DATA / "decisions" / "samr_230712000000309510668.txt")
    assert not any(f.message.startswith("无法核实") for f in res.findings)
    messages = [c["message"] for c in res.coverage]
    assert messages and len(messages) == len(set(messages))  # each once


def test_land_kind_after_a_negation_is_not_that_kind():
    from casefile.ingest.facts.land import _land_kind_near

    t = "经查，当事人占用集体土地500平方米建房，不涉及永久基本农田。"
    assert _land_kind_near(t, t.find("500"), t.find("500") + 6) != "基本农田"
    t = "当事人非法占用耕地500平方米"
    assert _land_kind_near(t, t.find("500"), t.find("500") + 6) == "耕地"


def test_identifier_masked_with_x_is_hidden_not_wrong():
    from casefile.ingest.facts.reading import _ident

    assert _ident("uscc", "92131026MA08XXXXXX")["status"] == "已隐去"
    assert _ident("uscc", "91320322MAD70MJK1J")["status"] == "校验位错误"


def test_land_fine_of_an_act_before_2021_is_judged_by_the_2014_regulation(ws, tmp_path):
    # 济任国土资罚决字〔2015〕21号 as it would read for an act of 2020 under the 2019 law (§77): 20元/m² is within the
    # 2014 实施条例's 30元/m² that applied until 2021-09-01, not below the 2021 条例's 100元/m²
    text = (SECTORS / "txt" / "zr_jining_su.txt").read_text(encoding="utf-8")
    text = text.replace("2014年12月", "2020年6月").replace("第七十六条", "第七十七条")
    # the published page stops mid-sentence: completed as such decisions end, so that it is not a 公示摘要
    text = text.replace("属非法占地行为。", "属非法占地行为。上述事实有现场勘测笔录、询问笔录等证据证实。本机关已向你送达《行政处罚告知书》，你未提出陈述、申辩。")
    text += ("日按罚款数额的百分之三加处罚款。\n如不服本处罚决定，可以在收到本决定书之日起六十日内向济宁市任城区人民政府申请行政复议，"
             "也可以在六个月内直接向人民法院提起行政诉讼。\n济宁市任城区国土资源局\n2023年3月2日\n")
    p = tmp_path / "济任国土资罚决字2020.txt"
    p.write_text(text, encoding="utf-8")
    res = _evaluate(ws, p)
    assert not any(f.rule == "D05-land-fine-per-area" for f in res.findings), [f.message for f in res.findings]
    p2 = tmp_path / "济任国土资罚决字2022.txt"
    p2.write_text(text.replace("2020年6月", "2022年6月"), encoding="utf-8")
    res = _evaluate(ws, p2)
    assert any(f.rule == "D05-land-fine-per-area" and "100" in f.message for f in res.findings)


def test_an_act_dated_当日_takes_the_date_the_narrative_last_named():
    from casefile.ingest.extract import extract_text

    x = extract_text("经查，2023年9月1日，本局执法人员对当事人进行现场检查，发现其未明码标价。我局于当日对当事人立案调查。"
                     "2023年10月9日，本局向当事人送达了《行政处罚告知书》。")
    assert ("立案", "2023-09-01") in [(e.act, e.date) for e in x.events]


def test_planning_decision_that_only_fines_is_told_the_article_orders_correction(ws):
    # 桃自资罚决〔2023〕002号 as published: 城乡规划法第六十四条 orders 责令停止建设、限期改正; the decision only fines
    res = _evaluate(ws, SECTORS / "txt" / "zr_taojiang_zeng.txt")
    hits = [f for f in res.findings if f.rule == "D06-correction-ordered"]
    assert hits and "城乡规划法" in hits[0].message and hits[0].severity == "major"


def _land_decision_of_2020(tmp_path, name, text):
    text = text.replace("2014年12月", "2020年6月").replace("第七十六条", "第七十七条")
    text = text.replace("属非法占地行为。", "属非法占地行为。上述事实有现场勘测笔录、询问笔录等证据证实。本机关已向你送达《行政处罚告知书》，你未提出陈述、申辩。")
    text += ("日按罚款数额的百分之三加处罚款。\n如不服本处罚决定，可以在收到本决定书之日起六十日内向济宁市任城区人民政府申请行政复议，"
             "也可以在六个月内直接向人民法院提起行政诉讼。\n济宁市任城区自然资源局\n2023年3月2日\n")
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_land_decision_under_article_77_orders_the_land_returned(ws, tmp_path):
    text = (SECTORS / "txt" / "zr_jining_su.txt").read_text(encoding="utf-8")
    res = _evaluate(ws, _land_decision_of_2020(tmp_path, "退还.txt", text))
    assert not any(f.rule == "D06b-orders-required" for f in res.findings), [f.message for f in res.findings]
    # the same decision without its first order: §77's 责令退还 is only in the quoted article
    res = _evaluate(ws, _land_decision_of_2020(tmp_path, "未退还.txt", re.sub(r"1、责令退还非法占用的土地[;；]", "", text)))
    hits = [f for f in res.findings if f.rule == "D06b-orders-required"]
    assert hits and "责令退还" in hits[0].message and "土地管理法" in hits[0].message


def test_forest_decision_under_article_73_orders_the_vegetation_restored(ws, tmp_path):
    # 寻林罚决字〔2023〕第8号 (林业和草原局), its basis read as 森林法第七十三条 (擅自改变林地用途)
    text = (SECTORS / "txt" / "ly_xundian_zhou.txt").read_text(encoding="utf-8")
    text = text.replace("依据《中华人民共和国森林法实施条例》第四十三条第一款", "依据《中华人民共和国森林法》第七十三条")
    text = text.replace("已构成违法。", "已构成违法。本机关已向你送达《林业行政处罚告知书》，你未提出陈述、申辩。")
    whole = tmp_path / "恢复.txt"
    whole.write_text(text, encoding="utf-8")
    res = _evaluate(ws, whole)
    assert not any(f.rule == "D06b-orders-required" for f in res.findings), [f.message for f in res.findings]
    cut = tmp_path / "未恢复.txt"
    cut.write_text(re.sub(r"2、责令限期[^\n]*补种树木233株。", "", text), encoding="utf-8")
    hits = [f for f in _evaluate(ws, cut).findings if f.rule == "D06b-orders-required"]
    assert hits and "恢复原状" in hits[0].message and "森林法" in hits[0].message


def test_an_agriculture_bureau_gets_its_sector_profile_and_its_referral_threshold(ws, tmp_path):
    # 舞农(农药)罚〔2024〕1号 (假农药) as published: 农业农村 from its agency, the county-agriculture profile
    from casefile.ingest.importer import import_paths

    imp = import_paths(ws, [SECTORS / "txt" / "ny_wuyang_guoxun.txt"])
    case = ws.load_case(imp.case)
    assert case.sector == "农业农村" and ws.rules_profile_for(case.sector) == "county-agriculture"
    assert not any(f.rule == "R01-thresholds" for f in _evaluate(ws, SECTORS / "txt" / "ny_wuyang_guoxun.txt").findings)
    # the same opening with a 销售金额 of 62,000 元: 刑法第一百四十九条 (sales of 假农药 ≥ 50,000) calls for 移送
    text = (SECTORS / "txt" / "ny_wuyang_guoxun.txt").read_text(encoding="utf-8")
    p = tmp_path / "假农药.txt"
    p.write_text(text.replace("舞农(农药)罚〔2024〕1号", "舞农(农药)罚〔2024〕9号").replace("销售所得共计人民币21元", "销售金额共计人民币62000元"), encoding="utf-8")
    hits = [f for f in _evaluate(ws, p).findings if f.rule == "R01-thresholds"]
    assert hits and "第一百四十九条" in hits[0].message and "62000" in hits[0].message


def test_a_whole_transport_decision_naming_its_evidence_without_the_word_is_reviewed_clean(ws):
    # 南华县交通运输局 (巡游出租车 不打表): no title, “以上违法事实以《投诉记录表》、询问笔录等为证”, remedies and a dated
    # seal — a whole decision, not a 公示摘要, and correct: no veto or major finding (E01 read the evidence)
    res = _evaluate(ws, SECTORS / "txt" / "jt_nanhua_li.txt")
    assert not res.abridged and res.score["grade"] != "公示摘要，不评分"
    assert not [f for f in res.findings if f.severity in ("veto", "major")], [f.message for f in res.findings]


# -- batch s8b (issue 27, third round): each cause its first contact showed -------------------------------

def test_a_table_form_gives_party_number_and_the_publisher_completed_from_the_text(extracted):
    # 三河市 文化广电和旅游局's table: “姓名或名称 / 三河市乐客网吧”, “ )文罚字〔 2019 〕-007” (half a bracket lost, no 号),
    # “发布机构:市文化广电和旅游局” completed by the name its narrative writes whole
    f = extracted["wl_sanhe_leke.txt"].fields
    assert (f["party"], f["doc_no"], f["agency"]) == ("三河市乐客网吧", "文罚字〔2019〕-007", "三河市文化广电和旅游局")


def test_the_party_under_a_doc_no_past_the_page_fields(extracted):
    # 豫 0225 环罚决字: the title line twice, then “来源: 责任编辑: 发布时间:” and “打印” before the party's line
    assert extracted["hj_lankao_hongliang.txt"].fields["party"] == "兰考县红亮加油站"


def test_the_party_first_named_in_a_basic_facts_narrative(extracted):
    # 基本案情：…当事人滴滴出行科技有限公司通过“滴滴出行”平台… (no label, no salutation, no 文号)
    assert extracted["jt_nanhua_didi.txt"].fields["party"] == "滴滴出行科技有限公司"


def test_public_tables_and_untitled_decisions_are_decisions_and_undated(extracted):
    # “一、处罚决定书编号” heads a 公示 table; “以《…告知书》（凉环罚告字〔2025〕2号）告知” is told only by a decision:
    # both are decisions, and their narrative dates (立案 2023-04-25, 告知 2025-03-13) are not theirs
    for name in ("wl_anju_yezai.txt", "hj_yanyuan_chuanping.txt"):
        x = extracted[name]
        assert x.doc_type == "decision" and not x.fields.get("date"), name


def test_a_rectification_decision_is_dated_by_its_seal_only(extracted):
    assert extracted["hj_xiangxi_jilan.txt"].fields["date"] == "2025-01-10"   # seal above the appended statutes
    assert extracted["hj_suining_xinglong.txt"].fields["date"] == "2021-09-27"  # “2021年 9月 27日”
    assert not extracted["hj_pingliang_huating.txt"].fields.get("date")       # cut before its seal: not 04-02


def test_a_proposal_addressed_to_the_company_is_a_proposal():
    # 开江 and 邹城 write “我局拟对你公司（你(单位)）作出如下行政处罚：” in the operative part
    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact

    for name in ("hj_kaijiang_xingma.txt", "hj_zoucheng_fragment.txt"):
        d = read_decision(compact((SECTORS / "txt" / name).read_text(encoding="utf-8")).text)
        assert d.proposal and d.proposal.text.startswith("拟对你"), name


def test_a_culture_market_bureau_is_of_its_own_sector_and_its_correct_decisions_raise_nothing(ws):
    # 常德市文化市场综合执法局: 文化市场 is written before 综合执法 (城管's form word); the culture decisions of the
    # batch, all correct, get no veto or major finding
    from casefile.ingest.importer import import_paths

    imp = import_paths(ws, [SECTORS / "txt" / "wl_changde_shiyou.txt"])
    assert ws.load_case(imp.case).sector == "文化旅游"
    for t in (t for t in TRUTH if t.get("batch") == "s8b" and t["sector"] == "文化旅游"):
        res = _evaluate(ws, SECTORS / "txt" / t["file"])
        assert not [f for f in res.findings if f.severity in ("veto", "major")], t["file"]


def test_an_audit_decision_is_dated_by_its_seal_only():
    # 审计决定书 of tests/data/dossiers_types: whole, it is dated 2026-07-24 under 清溪县审计局; the same text cut
    # before its seal (a page holding the opening) has no date — not the 2026-06-08 the audit began
    from casefile.ingest.extract import extract_text

    whole = (DATA / "dossiers_types" / "audit_bureau_correct" / "09审计决定书.txt").read_text(encoding="utf-8")
    assert extract_text(whole).fields["date"] == "2026-07-24"
    opening = extract_text(whole[: whole.index("作出如下审计决定")])
    assert opening.doc_type == "audit_decision" and not opening.fields.get("date")


# -- batch s8c (collected after the s8b fixes) ---------------------------------------------------------

def test_a_page_field_table_neither_gives_a_party_nor_hides_the_agency(extracted):
    # 永州: “名称: | |||” is an empty cell (the party is under 当事人:), “发文机关: | 市生态环境局 |” is completed
    # from the text; 普洱: the title under the page's field table names 普洱市生态环境局, not the reposting
    # county bureau of “| 发布机构 | 澜沧县生态环境局 |”
    f = extracted["hj_yongzhou_shengdian.txt"].fields
    assert (f["party"], f["agency"]) == ("湖南盛电新材料有限公司", "永州市生态环境局")
    assert extracted["hj_puer_xingchen.txt"].fields["agency"] == "普洱市生态环境局"


def test_a_serial_number_in_brackets_is_part_of_the_doc_no(extracted):
    assert extracted["hj_anshan_falan.txt"].fields["doc_no"] == "鞍环(机动二)罚〔2024〕第(0003)号"


def test_a_culture_fine_is_judged_by_its_article_and_the_statute_is_in_the_library(ws, tmp_path):
    # 常德 (湘常)文综罚字 opening, completed with an operative part as such decisions write it: 互联网上网服务营业场所
    # 管理条例第三十一条 allows a warning and up to 15,000 元 — 20,000 元 is over it, 5,000 元 is not; the library
    # holds the 条例 (2019 and 2022 texts), so its article is checked rather than noted as missing
    opening = (SECTORS / "txt" / "wl_changde_shiyou.txt").read_text(encoding="utf-8")
    tail = ("书》。\n2020年9月10日，本局向当事人送达了《行政处罚事先告知书》，当事人在法定期限内未提出陈述、申辩。\n"
            "依据《互联网上网服务营业场所管理条例》第三十一条第（二）项的规定，本局决定对当事人作出如下行政处罚：\n"
            "给予警告，并处罚款人民币{fine}元。\n当事人应当自收到本决定书之日起十五日内缴纳罚款。逾期不缴纳的，每日按罚款数额的3%加处罚款。\n"
            "如不服本处罚决定，可以在收到本决定书之日起六十日内向常德市人民政府申请行政复议，也可以在六个月内依法向常德市武陵区人民法院提起行政诉讼。\n"
            "常德市文化市场综合执法局\n2020年9月20日\n")
    found = {}
    for fine, no in ((20000, "1"), (5000, "2")):
        p = tmp_path / f"网吧{fine}.txt"
        p.write_text(opening.replace("第F-000069号", f"第F-00007{no}号") + tail.format(fine=fine), encoding="utf-8")
        res = _evaluate(ws, p)
        found[fine] = [f.message for f in res.findings if f.rule.startswith("D01")]
        assert not [f for f in res.findings if f.rule.startswith("L01")], fine
    assert found[20000] and "15000" in found[20000][0] and not found[5000]


def test_an_audit_decision_titled_as_an_official_document_and_an_audit_penalty_label():
    # the 审计署 forms: “XX审计局关于XX的审计决定” as the title line (the agency before 关于), and “被审计单位：” as
    # the party's label; the date of a decision so titled is its seal's too (here cut before it: none)
    from casefile.ingest.extract import extract_text

    whole = (DATA / "dossiers_types" / "audit_bureau_correct" / "09审计决定书.txt").read_text(encoding="utf-8")
    titled = whole.replace("审计决定书\n", "清溪县审计局关于清溪县农业农村局2025年度财政收支情况的审计决定\n", 1)
    x = extract_text(titled[: titled.index("作出如下审计决定")])
    assert (x.fields["agency"], x.fields["party"], x.fields.get("date")) == ("清溪县审计局", "清溪县农业农村局", None)
    labelled = whole.replace("清溪县农业农村局：", "被审计单位：清溪县农业农村局", 1)
    assert extract_text(labelled).fields["party"] == "清溪县农业农村局"


def test_a_published_summary_s_decision_date_and_authority_fields():
    # 南华 龙川镇's 公示 table: “处罚决定日期 | 2024 年12月3日” is the decision's date even when a later date follows
    # (a 公示期 cell); “处罚机关” names the agency as 信用中国's summaries do (处罚机关：…)
    from casefile.ingest.extract import extract_text

    text = (SECTORS / "txt" / "zr_nanhua_hu.txt").read_text(encoding="utf-8") + "\n公示截止日期\n|\n2025年6月3日\n"
    assert extract_text(text).fields["date"] == "2024-12-03"
    from casefile.ingest.extract.agency import publisher_agency

    assert publisher_agency(["行政处罚决定书文号：南龙政行处决字〔2024〕第36号", "处罚机关：南华县龙川镇人民政府"]) == "南华县龙川镇人民政府"


def test_a_label_with_its_note_and_a_salutation_with_its_short_name():
    # the 交通运输 forms write “当事人（个人姓名）：” / “当事人（单位名称）：”; 生态环境 decisions address
    # “…有限公司（以下简称你公司）：” — neither note is part of the label or of the name (real openings, so written)
    from casefile.ingest.extract import extract_text

    youxian = (SECTORS / "txt" / "jt_youxian_xiao.txt").read_text(encoding="utf-8")
    person = youxian.replace("一、当事人基本情况\n姓名:肖江仔,", "当事人（个人姓名）：肖江仔\n", 1)
    assert person != youxian and extract_text(person).fields["party"] == "肖江仔"
    miluo = (SECTORS / "txt" / "hj_miluo_huada.txt").read_text(encoding="utf-8")
    noted = miluo.replace("湖南省华达机械模具开发有限公司:", "湖南省华达机械模具开发有限公司（以下简称你公司）:", 1)
    assert noted != miluo and extract_text(noted).fields["party"] == "湖南省华达机械模具开发有限公司"


def test_a_signature_with_name_and_date_on_one_line():
    # 南华县交通运输局's whole decision, its signature printed on one line (南华县交通运输局 2025年7月29日)
    from casefile.ingest.extract import extract_text

    text = (SECTORS / "txt" / "jt_nanhua_li.txt").read_text(encoding="utf-8")
    one_line = text.replace("南华县交通运输局\n2025年7月29日", "南华县交通运输局  2025年7月29日")
    assert one_line != text
    f = extract_text(one_line).fields
    assert (f["agency"], f["date"]) == ("南华县交通运输局", "2025-07-29")


def test_a_lone_published_audit_decision_is_not_judged_as_a_whole_file(ws, tmp_path):
    # the audit dossier's 审计决定书 imported alone (as a published decision): the 审计报告 and its 征求意见 are not
    # here to see — coverage notes, not a veto and a major finding (an office's own audit with one paper is still judged)
    p = tmp_path / "审计决定书.txt"
    p.write_text((DATA / "dossiers_types" / "audit_bureau_correct" / "09审计决定书.txt").read_text(encoding="utf-8"), encoding="utf-8")
    res = _evaluate(ws, p)
    assert not [f for f in res.findings if f.severity in ("veto", "major")], [f.message for f in res.findings]
    assert {"SJ04-opinion-asked", "SJ06-report-on-file"} <= {c["rule"] for c in res.coverage}


def test_a_public_table_without_a_party_row_names_it_in_the_case_name(extracted):
    # 四川 公示 table: “二、案件名称 / 遂宁市安居区也在网吧允许未成年人进入营业场所案”, no party row
    assert extracted["wl_anju_yezai.txt"].fields["party"] == "遂宁市安居区也在网吧"


def test_a_road_transport_operator_s_label():
    # 道路运输 papers name the operator as 业户名称 (株洲's 网约车平台 decision, its 企业名称 row so written)
    from casefile.ingest.extract import extract_text

    text = (SECTORS / "txt" / "jt_zhuzhou_didi.txt").read_text(encoding="utf-8")
    operator = text.replace("企业名称:滴滴**公司", "业户名称:滴滴**公司", 1)
    assert operator != text and extract_text(operator).fields["masked"]["party"] == "滴滴**公司"
