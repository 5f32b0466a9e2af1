"""Header fields (文号, 当事人, 决定日期) on the shapes real decisions write them in (bench/extract.py misses)."""

from __future__ import annotations

from casefile.ingest.extract import extract, extract_text
from casefile.ingest.textio import read_document
from tests.conftest import SAMR

TXT = SAMR / "txt"


def test_doc_no_as_a_bare_serial_number_under_the_title():
    # 衡水市枣强县 writes only the serial number where the 文号 goes
    x = extract_text("衡水市枣强县市场监督管理局\n行政处罚决定书\n294\n当事人：李阳\n主体资格证照名称：营业执照\n")
    assert x.fields["doc_no"] == "294"
    # a page number before the title is not a 文号
    x = extract_text("1\n宜兴市市场监督管理局\n行政处罚决定书\n当事人：宜兴市宜城街道飞尚食品店\n")
    assert "doc_no" not in x.fields


def test_doc_no_with_a_blank_underline_in_the_agency_code():
    x = extract_text("宿松县市场监督管理局\n行政处罚决定书\n松_市监处罚〔2024〕223号\n当事人: 安徽卡夫卡电子商务有限公司\n")
    assert x.fields["doc_no"] == "松市监处罚〔2024〕223号"


def test_doc_no_broken_over_header_lines_is_still_the_decisions():
    x = extract(read_document(TXT / "samr_62C202500000016281.txt"))
    assert x.fields["doc_no"] == "（甘）市监罚〔2025〕192号"


def test_doc_no_of_the_notice_cited_in_the_body_is_not_the_decisions():
    # the header is masked (永xx罚〔 2024 〕xx 号); the body cites the 告知书:
    # “下达了《行政处罚告知书》（永市监高罚告〔 2024 〕0020 号）”
    x = extract(read_document(TXT / "samr_9e919df292bd251f019323acf9ac3234.txt"))
    assert "doc_no" not in x.fields
    assert any("0020" in e.value for e in x.of("DOC_NO"))  # still found as an entity


def test_party_on_the_line_after_an_empty_label():
    x = extract_text("行政处罚决定书\n渝沙坪坝市监处〔2023〕244号\n名称：\n沙坪坝区型色美学美容 店\n统一社会信用代码为：\n92500106MAACBTJL8J\n")
    assert x.fields["party"] == "沙坪坝区型色美学美容店"
    # a blank template's “当事人：” is not followed by a name
    x = extract_text("高碑店市市场监督管理局\n行政处罚决定书\n高市监处罚〔2024〕203 号\n当事人：\n主体资格证照名称： 营业执照\n")
    assert "party" not in x.fields


def test_party_labelled_单位名称():
    x = extract_text("（饶铅稽二）市监处罚〔2025〕24号\n当事人基本情况：\n单位名称：铅山县中医院\n统一社会信用代码：123609244923201496\n")
    assert x.fields["party"] == "铅山县中医院"


def test_party_with_its_legal_form_on_the_next_line():
    x = extract_text("莫市监塔处罚〔2025〕2 号\n当事人：莫力达瓦达斡尔族自治旗塔温敖宝镇鑫皓生鲜水果超市\n（个体工商户）\n主体资格证照名称：营业执照\n")
    assert x.fields["party"] == "莫力达瓦达斡尔族自治旗塔温敖宝镇鑫皓生鲜水果超市（个体工商户）"


def test_party_inside_the_zhejiang_summary_paragraph():
    x = extract_text("绍越市监处罚〔2025〕685 号\n行政处罚决定书文号：绍越市监处罚〔2025〕685 号 案件名称：\n"
                     "绍兴市如家物业管理有限公司违反物价管理规定案 被处罚人名\n称：绍兴市如家物业管理有限公司 法定代表人姓名：茅某某 主\n"
                     "要违法事实：2018 年 3 月 1 日，当事人在其提供物业服务的小\n")
    assert x.fields["party"] == "绍兴市如家物业管理有限公司"
    x = extract_text("甬仑市监处罚〔2025〕348 号\n被处罚人姓名：宁波北仑一凡餐饮店（经营者：周某某）&nbsp;主要\n"
                     "违法事实：行为一：经查明，当事人在美团平台上架有套餐“烧肉专\n")
    assert x.fields["party"] == "宁波北仑一凡餐饮店"


def test_party_written_straight_after_当事人_without_a_colon():
    x = extract_text("上杭县市场监督管理局\n行政处罚决定书\n杭市监处罚〔2026〕6号\n当事人福建水投集团上杭水务有限公司，系有限责任公\n"
                     "司，统一社会信用代码……，经营场所：……，经营范围：\n")
    assert x.fields["party"] == "福建水投集团上杭水务有限公司"


def test_blank_template_has_no_decision_date():
    # 高邑县: the seal's date is left blank; the last dates in the text are a notice's and a law's
    x = extract_text("2024年7月29日，我局执法人员依法向当事人送达了《行政处罚告知书》。\n"
                     "《中华人民共和国价格法》（1998.5.1施行）3裁量幅度一般：责令改正，没收违法\n"
                     "诉讼期间，本处罚决定不停止执行。\n高邑县市场监督管理局\n（印 章）\n年 月 日\n")
    assert "date" not in x.fields
    # 南京: a dated decision with the blank form appended after it keeps its date
    x = extract_text("依法申请人民法院强制执行。\n南京市雨花台区市场监督管理局\n2023年11月28日\n当事人：\n"
                     "依法申请人民法院强制执行。\n                   南京市雨花台区市场监督管理局\n                            年  月  日\n")
    assert x.fields["date"] == "2023-11-28"


def test_a_laws_date_is_not_the_decision_date():
    x = extract_text("2024年7月29日，我局执法人员依法向当事人送达了《行政处罚告知书》。\n"
                     "《中华人民共和国价格法》（1998.5.1施行）3裁量幅度一般：责令改正，没收违法\n")
    # the text's last date is the notice's, inside its narrative line (no signature ends the fragment): kept
    # apart as text_date, never the law's 1998.5.1
    assert "date" not in x.fields and x.fields["text_date"] == "2024-07-29"


def test_signature_date_written_with_号():
    x = extract_text("价格违法行为行政处罚规定>（2010 年 12 月 4 日修订）\n本局罚没许可证编号：罚证字第 02090041 号。\n"
                     "唐山市丰润区市场监督管理局\n2024 年 11月 14 号\n（市场监督管理部门将依法向社会公开行政处罚决定信息）\n")
    assert x.fields["date"] == "2024-11-14"


def test_agency_broken_over_the_lines_above_the_title():
    # the name broken anywhere, brackets inside it, over two or three lines (bench/extract.py misses)
    x = extract_text("河北省承德市围场满族蒙古族自治县市场监\n督管理局\n行政处罚决定书\n围市监处罚[2024] 431号\n当事人：\n")
    assert x.fields["agency"] == "河北省承德市围场满族蒙古族自治县市场监督管理局"
    x = extract_text("重庆市\n沙坪坝\n区市场监督管理局\n行政处罚决定书\n渝沙坪坝\n市监\n处\n")
    assert x.fields["agency"] == "重庆市沙坪坝区市场监督管理局"
    # a bracketed note or a page number above the name is not part of it
    x = extract_text("                           （脱敏版）\n无锡高新技术产业开发区（无锡市新吴区）市场监督\n管理局\n行政处罚决定书\n"
                     "锡新市监处罚〔2025〕X00070 号 \n当事人：苏州科爵网络科技有限公司\n")
    assert x.fields["agency"] == "无锡高新技术产业开发区（无锡市新吴区）市场监督管理局"
    x = extract_text("第 一 页 共 五 页\n徐州市云龙区市场监督管理局\n行政处罚决定书\n徐云市监处罚〔2023〕00358号\n名称：云龙区都市果汇水果店\n")
    assert x.fields["agency"] == "徐州市云龙区市场监督管理局"


def test_agency_from_the_signature_when_the_header_has_none():
    # the title lines came out as noise; the name over the seal and the date is the agency's, whole (the
    # AGENCY pattern alone stops at the first 管理局 and gives 利通区分局)
    text = ("书书书书书书书书书书书书书书书\n书书书书书书书\n吴利市监处罚〔2025〕166号\n当事人：宁夏福百姓福医药贸易有限公司人民医院店\n"
            "人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间\n，行政处罚不停止执行。\n吴忠市市场监督管理局利通区分局    \n（印 章）\n"
            "2025年09月29日  \n（市场监督管理部门将依法向社会公开行政处罚决定信息）\n本文书一式    份，    份送达，一份归档，           。\n")
    assert extract_text(text).fields["agency"] == "吴忠市市场监督管理局利通区分局"
    # a name broken before its end in the signature
    text = ("书书书书书书书书书书书书书书书\n书书书书书书书\n围市监处罚[2024] 431号\n当事人：\n主体资格证照名称：营业执照\n"
            "统一社会信用代码（注册号）：\n复议和诉讼期间，本行政处罚不停止执行。\n河北省承德市围场满族蒙古族自治县市\n场监督管理局\n（印章）\n2024年11月29日\n"
            "（市场监督管理部门将依法向社会公示本行政处罚决定信息）\n")
    assert extract_text(text).fields["agency"] == "河北省承德市围场满族蒙古族自治县市场监督管理局"


def test_event_text_starts_at_its_date_when_the_header_runs_on():
    # a PDF header has no 。: header and first narrative sentence are one run of text
    pdf = SAMR / "pdf" / "samr_fdb03de9e8e8fa27284181a3957906fc.pdf"
    x = extract(read_document(pdf))
    inspection = next(e for e in x.events if e.act == "现场检查")
    assert inspection.date == "2025-11-03"
    assert inspection.text.startswith("2025年11月3日，根据举报内容") and "执法检查" in inspection.text
    assert "当事人：" not in inspection.text
