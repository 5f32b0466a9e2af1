"""A page whose body lost its line breaks (a web page's text flattened into one line) is read as the same
decision: the lines are broken again at its title, labels, sentence ends, 文号, salutation and signature
(casefile/ingest/extract/lines.py). Real sector decisions of tests/data/decisions_sectors, flattened; the
truth is their hand truth (truth.toml)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from casefile.ingest.extract import extract_text

DATA = Path(__file__).parent / "data" / "decisions_sectors"
TRUTH = {t["file"]: t for t in tomllib.loads((DATA / "truth.toml").read_text(encoding="utf-8"))["decision"]}
# one or two of each layout: a salutation after the 文号 (恒锋), labels (张德利, 当事人:… 你…), a person (霍礼博:),
# a title glued to its 文号 (寻甸), a publisher field (伊川, 阿克陶), labels under the 文号 (东大), a notice of service (东莞), a seal dated after the name
FLAT = ["hj_yueyang_hengfeng.txt", "zr_weihai_zhang.txt", "zr_zhashui_huo.txt", "ly_xundian_zhou.txt",
        "hj_yichuan_tongsheng.txt", "jt_dongguan_gangyongfeng.txt", "ly_yanling_pan.txt", "ny_sanming_nongken.txt",
        "hj_puyang_dongda.txt", "yj_longcheng_jixie.txt", "ny_aketao_runyu.txt", "cg_xupu_shu.txt"]


def _norm(s: str) -> str:
    return re.sub(r"[\[［(（【{]", "〔", re.sub(r"[\]］)）】}]", "〕", re.sub(r"\s+", "", s or "")))


def _fields(text: str) -> dict[str, str]:
    x = extract_text(text).fields
    return {k: _norm(x.get(k) or x.get("masked", {}).get(k, "")) for k in ("doc_no", "agency", "party", "date")}


def _same_in_every_flattening(t: dict) -> None:
    text = (DATA / "txt" / t["file"]).read_text(encoding="utf-8")
    want = {k: _norm(t[k]) for k in ("doc_no", "agency", "party", "date")}
    assert _fields(text) == want
    assert _fields(re.sub(r"\s*\n\s*", "", text)) == want
    assert _fields(re.sub(r"\s*\n\s*", " ", text)) == want  # the breaks turned into spaces


@pytest.mark.parametrize("name", FLAT)
def test_a_decision_flattened_into_one_line_gives_the_fields_of_its_truth(name):
    _same_in_every_flattening(TRUTH[name])


def test_short_lines_are_left_as_they_are():
    from casefile.ingest.extract.lines import text_lines

    lines = ["清溪县市场监督管理局", "行政处罚决定书", "清市监罚〔2024〕12号", "当事人：清溪县宏远陶瓷有限公司"]
    assert text_lines("\n".join(lines)) == lines


# a web page's chrome: a banner, menus and index fields above the title, a footer under the seal
_TOP = "首页 > 政务公开 > 行政执法公示\n【字体：大 中 小】 打印本页 关闭窗口\n发布时间：2023-05-06 10:23:11 来源：本站 浏览次数：123\n"
_FOOT = "\n【打印本页】【关闭窗口】\n相关链接：国务院 省政府\n主办单位：某某市人民政府办公室 地址：人民路1号 网站标识码：1234567890\n"


@pytest.mark.parametrize("name", ["ny_yubei_chicheng.txt", "hj_panjin_baoguan.txt", "ly_fuling_kuang.txt"])
def test_a_decision_under_a_pages_chrome_is_read_as_without_it(name):
    # 渝北: its own index fields already push the title to the 20th line; 盘锦: dated only by its seal, then the footer
    t = TRUTH.get(name) or {x["file"]: x for x in tomllib.loads((DATA / "truth_s8d.toml").read_text(encoding="utf-8"))["decision"]}[name]
    x = extract_text(_TOP + (DATA / "txt" / name).read_text(encoding="utf-8") + _FOOT)
    assert x.doc_type in ("decision", "no_penalty_decision")
    assert _norm(x.fields.get("date", "")) == _norm(t["date"]) and _norm(x.fields.get("agency", "")) == _norm(t["agency"])


@pytest.mark.parametrize("name", ["hj_puyang_dongda.txt", "hj_zhoukou_shengxiang.txt", "ny_sanming_nongken.txt",
                                  "wl_dingzhou_lechao.txt", "hj_chuxiong_lufeng.txt"])
def test_an_opening_without_its_title_is_a_decision_by_its_own_penalty_number_and_party(name):
    # the page kept the 文号 (…环罚决字〔2024〕7号, 元农(肥料)罚〔2018〕09号) and the party, lost the title, and was cut
    # before “决定如下”: still a decision, and its narrative's last date is not its date
    text = "\n".join(l for l in (DATA / "txt" / name).read_text(encoding="utf-8").splitlines()
                     if not ("决定书" in l and len(l.strip()) <= 20 and "《" not in l))
    t = TRUTH.get(name) or {x["file"]: x for x in tomllib.loads((DATA / "truth_s8d.toml").read_text(encoding="utf-8"))["decision"]}[name]
    x = extract_text(text[:1500])
    assert x.doc_type == "decision"
    assert _norm(x.fields.get("doc_no", "")) == _norm(t["doc_no"]) and _norm(x.fields.get("party", "")) == _norm(t["party"])
    assert x.fields.get("date", "") in ("", t["date"])


def test_a_notice_with_its_number_is_not_a_decision():
    # a 告知书's number (罚告, 听告) or a 责令改正 one (责改) does not make an untitled opening a decision
    text = "清环罚告〔2024〕12号\n清溪县宏远陶瓷有限公司：\n经查，你单位于2024年3月5日…，我局拟对你单位作出罚款二万元的行政处罚。"
    assert extract_text(text).doc_type != "decision"


def test_a_short_decision_flattened_is_broken_at_its_title_and_not_a_sentence_naming_one():
    from casefile.ingest.extract.lines import text_lines

    # 遂宁's 责令改正 decision as one 200-character line: title, 文号, salutation, labels
    flat = ("遂宁市生态环境局责令改正违法行为决定书遂环责改字〔2021〕05号船山区兴隆屠宰加工厂:社会信用代码:91500903MA64NC2C0B"
            "法定代表人(负责人):黄永红身份证号码:510902********8198地址:四川省遂宁市船山区桂花镇。我局于2021年3月2日对你单位进行了调查。")
    lines = text_lines(flat)
    assert lines[:3] == ["遂宁市生态环境局责令改正违法行为决定书", "遂环责改字〔2021〕05号", "船山区兴隆屠宰加工厂:"]
    # a sentence of the payment clause names the decision; it is no title, and its 单位: is not a label line
    said = "你应当自收到本行政处罚决定书之日起十五日内将罚款缴至桃江县财政局非税收入汇缴结算户(执收单位:石牛江镇非税账户)。逾期不缴纳的,每日按照罚款数额的百分之三加处罚款。"
    assert text_lines(said) == [said]


_ALL = {t["file"]: t for p in sorted(DATA.glob("truth*.toml")) for t in tomllib.loads(p.read_text(encoding="utf-8"))["decision"]}


@pytest.mark.parametrize("name", [
    "zr_yanshan_shiwowo.txt",  # 阅读次数:38 run into the salutation
    "jt_yanling_dai.txt",      # 发布时间:2023-04-26 16:00 run into the title; 一、当事人基本情况 run into the party
    "jt_youxian_xiao.txt",     # 一、当事人基本情况 / 姓名:肖江仔
    "zr_ningbo_yinzhou.txt",   # (…〔2023〕6号) / …公司非法占地案 / …公司:
    "hj_anshan_falan.txt",     # 点击: (empty) / 鞍山发蓝股份公司: / 统一社会信用代码 (not cut inside)
    "hj_panjin_baoguan.txt",   # 当事人名称:…厂 / 我局于2021年4月20日对你…
    "hj_bayannur_huabao.txt",  # 阅读数: (empty) / 巴彦淖尔市生态环境局不予行政处罚决定书
    "hj_maolu_jiancai.txt",    # a row of bars before the salutation
    "ly_ewenke_linchang.txt",  # a table's columns without colons (行政相对人类型)
    "hj_haian_yurun.txt",      # 字体:[] before the agency's name
    "ly_chuxiong_hongxing.txt",  # 被处罚单位名称:…有限责任公司 / 本机关对你(你单位)…
    "yb_yunyang_fuxing.txt",   # 当事人:…卫生室 / 医疗机构执业许可证登记号: / 住所或地址: / 主要负责人: (not cut inside)
    "ny_shaoyang_miqi.txt",    # 首页>农业执法 / 2024年邵阳市农业农村局…; 行政处罚决定书号 (a label, no title); 违法主体名称米奇
    "zr_taojiang_zeng.txt",    # (执收单位:石牛江镇非税账户): 单位 after a Chinese character is no label
])
def test_a_flattened_page_is_broken_where_its_fields_title_and_salutation_meet(name):
    _same_in_every_flattening(_ALL[name])


def test_a_label_that_ends_a_longer_one_is_not_cut_inside_it():
    from casefile.ingest.extract.lines import text_lines

    flat = ("鞍山市生态环境局行政处罚决定书鞍环罚〔2024〕3号来源:鞍山市生态环境保护综合行政执法队作者:点击:鞍山发蓝股份公司:"
            "统一社会信用代码:912103******084167联系电话:0412-1234567主办单位:某某市人民政府办公室。我局于2024年4月2日对你公司进行了检查。")
    lines = text_lines(flat)
    assert "统一社会信用代码:912103******084167" in lines and "联系电话:0412-1234567" in lines
    assert "鞍山发蓝股份公司:" in lines and not any(l.startswith(("社会信用代码", "电话", "单位")) for l in lines)


def test_a_page_whose_toolbar_stands_above_the_title_keeps_the_salutation_in_the_head():
    # 索引号 … 公开方式 / 行政处罚决定书 / 自资罚202504 / 李×× under a banner: the toolbar lines do not count
    x = extract_text(_TOP + (DATA / "txt" / "zr_taojiang_luci.txt").read_text(encoding="utf-8") + _FOOT).fields
    assert (x.get("doc_no"), x.get("party") or x.get("masked", {}).get("party")) == ("桃鸬自资罚决〔2025〕04号", "李××")
