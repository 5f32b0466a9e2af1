"""Documents read as what they are (issue 27, deliver item 4): a decision's facts section that quotes an
on-site inspection is a decision, not an on-site record; a 行政处理决定书 (审计, 发改: 责令退还、调账、收回资金,
no penalty) is typed as itself and reported unread, never 优秀; a news item on a penalty is neither a 公示记录
nor graded 优秀."""

from __future__ import annotations

from tests.conftest import DATA
from tests.test_sector_decisions import _evaluate, ws  # noqa: F401  (the workspace fixture, the evaluate pack on one decision)

TYPES = DATA / "decisions_types"
HELDOUT_S10 = DATA / "decisions_sectors" / "heldout_s10" / "txt"


def _type(text: str) -> str:
    from casefile.ingest.extract import extract_text

    return extract_text(text).doc_type


def test_a_decision_opening_on_its_facts_is_a_decision_not_an_onsite_record(ws):
    # 石台 林业: “经依法查明:…经林业行政执法人员现场勘查…上述行为及事实由当事人陈述、证人证言、现场勘查笔录和照片…
    # 等证据证实…本机关决定给予王某平如下行政处罚” — read as a 现场笔录 and graded 优秀 before
    path = HELDOUT_S10 / "ly_shitai_wang.txt"
    assert _type(path.read_text(encoding="utf-8")) == "decision"
    assert _evaluate(ws, path).score["grade"] != "优秀"


def test_an_evidence_sentence_naming_a_record_does_not_type_the_paper():
    text = ("经查，当事人于2025年6月在清溪县城关镇河西村未经批准占用林地修建道路，面积320平方米。\n"
            "上述事实由询问笔录、现场勘验笔录、照片等证据证实，违反了《中华人民共和国森林法》第三十七条的规定。\n"
            "本机关决定对当事人作出如下行政处罚：责令限期恢复植被和林业生产条件，并处罚款人民币玖仟陆佰元。\n"
            "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。\n")
    assert _type(text) == "decision"
    # a 告知书 opens the same way but proposes: it is no decision
    notice = text.split("本机关决定")[0] + ("本机关拟对当事人作出如下行政处罚：责令限期恢复植被和林业生产条件，并处罚款人民币玖仟陆佰元。\n"
                                       "当事人可在收到本告知书之日起五日内提出陈述、申辩。\n")
    assert _type(notice) != "decision"


def test_a_handling_decision_is_typed_as_itself_and_never_graded_excellent(ws):
    for name in ("handling_audit_qingxi.txt", "handling_fgw_qingxi.txt"):
        text = (TYPES / name).read_text(encoding="utf-8")
        assert _type(text) == "handling_decision", name
        # without its title (a published page keeping only the body): still not a penalty decision
        assert _type("\n".join(text.splitlines()[3:])) == "handling_decision", name
        res = _evaluate(ws, TYPES / name)
        assert res.score["grade"] == "未审读" and res.score["total"] is None, name
        assert not [f for f in res.findings if f.severity in ("veto", "major")], name
    # a real one (景谷 医保局, published cut inside its evidence): its page's 发布日期 is no date of the paper
    path = DATA / "decisions_sectors" / "txt" / "yb_jinggu_weishengyuan.txt"
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    x = extract(read_document(path))
    assert x.doc_type == "handling_decision" and not x.fields.get("date")
    assert _evaluate(ws, path).score["grade"] == "未审读"


def test_a_penalty_decision_that_orders_a_refund_is_still_a_penalty_decision():
    text = ("清溪县城关镇某某超市：\n经查，你单位销售的大米标价每公斤5.8元，结算时按每公斤6.2元收取，多收价款共计1,280元。\n"
            "上述行为违反了《中华人民共和国价格法》第十四条的规定。本局决定作出如下处理：责令退还多收价款1,280元，"
            "并处罚款人民币伍仟元。\n如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。\n")
    assert _type(text) == "decision"


def test_a_news_item_on_a_penalty_is_no_publicity_record_and_never_excellent(ws):
    # 胶州: “青岛市行政处罚与行政强制信息公示平台披露…” — a 公示记录 is a form with its fields (公示日期：…), a news
    # item names the platform in a sentence
    path = HELDOUT_S10 / "zj_jiaozhou_changrunda.txt"
    assert _type(path.read_text(encoding="utf-8")) != "publication_record"
    assert _evaluate(ws, path).score["grade"] != "优秀"
    record = "检查结果公示\n检查对象：清溪县福满楼餐饮有限公司\n检查结果：未发现事故隐患\n公示平台：清溪县人民政府门户网站\n公示时间：二〇二六年五月二十日\n"
    assert _type(record.replace("检查结果公示\n", "")) == "publication_record"


def test_a_title_with_a_note_in_brackets_is_the_title():
    # 武义: a republished page's “行政处罚决定书(摘要)” under its index fields: a decision's summary, not unknown
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    x = extract(read_document(DATA / "decisions_sectors" / "heldout_s9" / "txt" / "zr_wuyi_houtang.txt"))
    assert x.doc_type == "decision" and x.abridged
    assert _type("询问笔录（第二次）\n时间：2026年3月2日9时\n地点：清溪县市场监督管理局\n") == "inquiry_record"


def test_a_titleless_opening_that_tells_of_its_notice_served_is_a_decision():
    # 浙江 水利 (招投标): “当事人:…本机关予以立案调查，于2023年8月28日依法出具行政处罚事先告知书…” and cut before its
    # operative part — an opening of a decision (a 告知书 never tells of its own issuing), unread before
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    x = extract(read_document(DATA / "decisions_sectors" / "txt" / "fg_zhejiang_tiandiren.txt"))
    assert x.doc_type == "decision" and x.abridged
    notice = ("当事人：清溪县某某建设有限公司\n地址：清溪县城关镇河西路23号\n"
              "经查，你公司在参加清溪县某道路工程投标过程中提供虚假业绩材料，违反了《中华人民共和国招标投标法》第三十三条的规定。\n"
              "依据《中华人民共和国招标投标法》第五十四条的规定，本机关拟对你公司作出罚款人民币贰万元的行政处罚。\n"
              "你公司可在收到本告知书之日起五日内向本机关提出陈述、申辩，逾期视为放弃。\n")
    assert _type(notice) != "decision"


def test_a_decision_s_facts_cut_before_what_it_decides_is_no_record():
    # the inspection it tells of (勘查时间…勘查情况…, 检查对象…检查人员…) does not make it a 勘验/检查 record
    forest = ("经依法查明:2025年3月,当事人张某未经县级以上人民政府林业主管部门审核同意,擅自在清溪县城关镇河西村集体林地内修建道路。"
              "2025年7月10日,经林业行政执法人员现场勘查,勘查时间为2025年7月10日,勘查地点为河西村后山,勘查情况:改变用途林地面积"
              "320平方米,地类为乔木林地。\n上述行为及事实由当事人陈述、现场勘查笔录和照片等证据证实,违反了《中华人民共和国森林法》"
              "第三十七条第一款的规定,已构成擅自改变林地用途。\n")
    food = ("经查,2025年5月12日,执法人员对清溪县某某食品店进行检查,检查对象为该店经营场所,检查人员为李明、王芳,检查情况:"
            "发现该店销售超过保质期的饼干12袋。\n以上事实有现场检查笔录、询问笔录、照片等证据证实。当事人的行为违反了"
            "《中华人民共和国食品安全法》第三十四条第十项的规定。\n")
    from casefile.ingest.extract import extract_text

    for text in (forest, food):
        x = extract_text(text)
        assert x.doc_type == "decision" and x.abridged
