"""Write the imported-dossier test set (issue 16): folders of documents filled the way county
bureaus fill their own forms, in three layouts — table forms (.docx tables), narrative forms
(.docx paragraphs) and mixed (.docx with some papers as .pdf, one a scanned image page) —
for three sectors (自然资源 land occupation, 市场监管 price fraud, 应急管理 safety training),
each with one planted defect or none. Run once; the files and expected.toml are committed.

    PYTHONPATH=. .venv/bin/python tests/data/dossiers/make_dossiers.py
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W_USCC = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def uscc(first17: str) -> str:
    t = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, W_USCC))
    return first17 + USCC_CHARS[(31 - t % 31) % 31]


def idcard(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, W_ID)) % 11]


def wrong_check(code: str) -> str:
    last = code[-1]
    alt = "0123456789"[("0123456789".find(last) + 3) % 10] if last.isdigit() else "7"
    return code[:-1] + alt


# -- the three sectors ---------------------------------------------------------------------------
LAND = {
    "sector": "自然资源", "agency": "清溪县自然资源和规划局", "short": "清自然资", "party": "清溪县宏达建材有限公司",
    "code": uscc("91331126MA2K8P3Q1"), "address": "清溪县城关镇工业园区兴业路8号", "rep": "赵永刚", "rep_title": "法定代表人",
    "officers": [("刘海涛", "33112600201"), ("吴静", "33112600202")], "reviewer": ("杨帆", "33112600203"), "head": "陈卫东",
    "cause": "涉嫌非法占用土地", "area_text": "2400平方米（合3.6亩）", "area_m2": 2400, "land_kind_text": "一般耕地",
    "facts": "当事人未经批准，擅自占用城关镇前山村集体土地建设砂石堆场并硬化地面，经勘测定界，占用土地面积2400平方米（合3.6亩），"
             "地类为一般耕地，不符合国土空间规划。",
    "violated": "《中华人民共和国土地管理法》第四十四条第一款",
    "basis": "《中华人民共和国土地管理法》第七十七条第一款和《中华人民共和国土地管理法实施条例》第五十七条第一款",
    "rate": 300, "fine": 720000, "fine_upper": "柒拾贰万元整",
    "other_measures": "责令当事人退还非法占用的土地，限期十五日内拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状；",
    "scene": "城关镇前山村村东",
    "evidence": "勘测定界报告、土地利用现状图、现场照片、询问笔录、营业执照复印件",
    "hearing_always": True,
}
MARKET = {
    "sector": "市场监管", "agency": "清溪县市场监督管理局", "short": "清市监", "party": "清溪县鑫源商贸有限公司",
    "code": uscc("91331126MA2H4R7T5"), "address": "清溪县城关镇解放路112号", "rep": "孙丽娟", "rep_title": "法定代表人",
    "officers": [("王建国", "33112600101"), ("李晓梅", "33112600102")], "reviewer": ("周婷", "33112600104"), "head": "许国平",
    "cause": "涉嫌利用虚假的价格手段进行价格欺诈", "income": 8600,
    "facts": "当事人在其经营的鑫源超市开展“店庆特惠”促销活动期间，对电饭煲、空气炸锅等12种商品标示“原价”，而该“原价”在促销前七日内"
             "从未成交，属于虚构原价。促销期间共销售上述商品86件，多收价款即违法所得8600元。",
    "violated": "《中华人民共和国价格法》第十四条第（四）项",
    "basis": "《中华人民共和国价格法》第四十条第一款",
    "fine": 25800, "fine_upper": "贰万伍仟捌佰元整",
    "other_measures": "责令当事人改正上述违法行为；没收违法所得8600元；",
    # price penalties go to 复议 first (价格违法行为行政处罚规定第二十条), then to court within 15 days (行政诉讼法第四十五条)
    "remedy": "当事人如不服本处罚决定，应当自收到本决定书之日起六十日内先向清溪县人民政府申请行政复议；对行政复议决定不服的，"
              "可以自收到行政复议决定书之日起十五日内依法向清溪县人民法院提起行政诉讼。",
    "scene": "清溪县城关镇解放路112号鑫源超市",
    "evidence": "现场检查笔录、销售记录、商品价格标签照片、询问笔录、营业执照复印件",
    "hearing_always": False,
}
SAFETY = {
    "sector": "应急管理", "agency": "清溪县应急管理局", "short": "清应急", "party": "清溪县恒通化工有限公司",
    "code": uscc("91331126MA2J6N2W8"), "address": "清溪县经济开发区纬三路16号", "rep": "钱志明", "rep_title": "法定代表人",
    "officers": [("黄明", "33112600401"), ("钱芳", "33112600402")], "reviewer": ("郑丽", "33112600302"), "head": "何建平",
    "cause": "涉嫌未按照规定对从业人员进行安全生产教育和培训",
    "facts": "当事人未按照规定对新招录的8名危险化学品装卸作业人员进行岗前安全生产教育和培训，上述人员未经培训即上岗作业。",
    "violated": "《中华人民共和国安全生产法》第二十八条第一款",
    "basis": "《中华人民共和国安全生产法》第九十七条第（三）项",
    "fine": 30000, "fine_upper": "叁万元整",
    "other_measures": "责令限期改正；",
    "scene": "清溪县经济开发区纬三路16号当事人厂区",
    "evidence": "现场检查笔录、培训档案、员工花名册、询问笔录、营业执照复印件",
    "hearing_always": False,
}

ORDINARY_DATES = {"filed": "2026年3月2日", "onsite": "2026年3月3日", "inquiry": "2026年3月5日", "report": "2026年3月18日",
                  "notice": "2026年3月20日", "notice_served": "2026年3月23日", "waiver": "2026年3月24日", "review": "2026年3月31日",
                  "discussion": "2026年4月2日", "approval": "2026年4月3日", "decided": "2026年4月7日", "served": "2026年4月9日"}
HEARING_DATES = dict(ORDINARY_DATES, **{"hearing_request": "2026年3月25日", "hearing_notice": "2026年3月27日", "hearing": "2026年4月10日",
                                         "hearing_report": "2026年4月13日", "review": "2026年4月15日", "discussion": "2026年4月17日",
                                         "approval": "2026年4月20日", "decided": "2026年4月21日", "served": "2026年4月23日"})


def names(officers) -> str:
    return "、".join(n for n, _ in officers)


def with_certs(officers, style: int = 0) -> str:
    if style == 1:
        return "；".join(f"{n}，执法证号{c}" for n, c in officers)
    return "、".join(f"{n}（执法证号：{c}）" for n, c in officers)


# -- writing documents ------------------------------------------------------------------------------
def new_doc() -> Document:
    d = Document()
    d.styles["Normal"].font.size = Pt(12)
    return d


def narrative(paras: list[str]) -> Document:
    d = new_doc()
    for p in paras:
        d.add_paragraph(p)
    return d


def table_form(head: list[str], rows: list[tuple[str, ...]], tail: list[str] = ()) -> Document:
    d = new_doc()
    for p in head:
        d.add_paragraph(p)
    width = max(len(r) for r in rows)
    t = d.add_table(rows=0, cols=width)
    t.style = "Table Grid"
    for r in rows:
        cells = t.add_row().cells
        for i in range(width):
            cells[i].text = r[i] if i < len(r) else ""
    for p in tail:
        d.add_paragraph(p)
    return d


def build(s: dict, dates: dict, layout: str, opts: dict) -> dict[str, Document | list[str]]:
    """The documents of one dossier, by file name."""
    A, P, off = s["agency"], s["party"], opts.get("officers", s["officers"])
    code = opts.get("code", s["code"])
    hearing = opts.get("hearing", False)
    fine = opts.get("fine", s["fine"])
    fine_upper = opts.get("fine_upper", s["fine_upper"])
    facts = opts.get("facts", s["facts"])
    violated = opts.get("violated", s["violated"])
    basis = opts.get("basis", s["basis"])
    party_in = opts.get("party_in", {})
    addr_in = opts.get("address_in", {})
    party = lambda doc: party_in.get(doc, P)  # noqa: E731
    addr = lambda doc: addr_in.get(doc, s["address"])  # noqa: E731
    no = lambda kind: f"{s['short']}{kind}〔2026〕{opts.get('serial', 12)}号"  # noqa: E731
    tell_hearing = opts.get("tell_hearing", hearing or s["hearing_always"] or fine >= 100000)
    other = s["other_measures"]
    if s is MARKET:
        import re

        income = re.search(r"违法所得(\d+)元", facts).group(1)
        other = f"责令当事人改正上述违法行为；没收违法所得{income}元；"  # 价格法第四十条 requires 责令改正
    measures = f"{other}处罚款人民币{fine}元（大写：{fine_upper}）"
    if s is LAND:
        measures = s["other_measures"] + f"对非法占用的土地按每平方米{opts.get('rate', s['rate'])}元处以罚款，计罚款人民币{fine}元（大写：{fine_upper}）"
    docs: dict[str, Document | list[str]] = {}
    T = layout == "table"

    # 立案
    if T:
        docs["01立案审批表.docx"] = table_form([A, "立案审批表", f"编号：{s['short']}立〔2026〕{opts.get('serial', 12)}号"], [
            ("案件来源", "监督检查", "受案时间", dates["filed"]), ("当事人", party("filing"), "统一社会信用代码", code),
            ("住所", addr("filing"), s["rep_title"], s["rep"]), ("案由", s["cause"]),
            ("简要案情", facts), ("承办人", with_certs(off)),
            ("承办机构意见", "建议立案调查。"), ("机关负责人意见", f"同意立案。{s['head']}　{dates['filed']}")])
    else:
        docs["01立案审批表.docx"] = narrative([A, "立案审批表", f"当事人：{party('filing')}", f"统一社会信用代码：{code}",
                                          f"住所：{addr('filing')}", "案件来源：日常巡查发现", f"案由：{s['cause']}",
                                          f"案情摘要：{facts}", f"承办人员：{with_certs(off, 1)}", "承办机构意见：拟立案调查。",
                                          f"负责人审批意见：同意立案。", f"签名：{s['head']}", dates["filed"]])
    # 现场检查
    onsite_off = opts.get("onsite_officers", off)
    if T:
        docs["02现场检查笔录.docx"] = table_form([A, "现场检查（勘验）笔录"], [
            ("检查时间", f"{dates['onsite']}9时10分至10时30分"), ("检查地点", s["scene"]),
            ("被检查单位", party("onsite"), "统一社会信用代码", code), ("现场负责人", s["rep"]),
            ("执法人员", with_certs(onsite_off)),
            ("检查情况", f"执法人员向当事人出示执法证件，说明来意。经现场检查：{facts}"),
            ("当事人意见", "以上情况属实。"), ("签名", f"当事人：{s['rep']}　执法人员：{names(onsite_off)}")])
    else:
        docs["02现场检查笔录.docx"] = narrative([A, "现场笔录", f"时间：{dates['onsite']}上午9时10分", f"地点：{s['scene']}",
                                          f"当事人：{party('onsite')}", f"执法人员：{with_certs(onsite_off)}",
                                          f"执法人员出示了执法证件，告知当事人有申请回避的权利，当事人表示不申请回避。现场情况：{facts}",
                                          f"当事人核对意见：属实。{s['rep']}", f"执法人员签名：{names(onsite_off)}"])
    # 询问
    docs["03询问笔录.docx"] = narrative([A, "询问笔录", f"询问时间：{dates['inquiry']}14时00分至15时10分", f"询问地点：{A}二楼询问室",
                                    f"被询问人：{s['rep']}，系{party('inquiry')}{s['rep_title']}", f"询问人：{with_certs(off)}", "记录人：" + off[1][0],
                                    f"问：我们是{A}的执法人员，这是我们的执法证件。现依法向你调查了解有关情况，你应当如实回答，你是否申请回避？",
                                    "答：看清楚了，不申请回避。", "问：请说明有关情况。", f"答：{facts}我们知道错了。",
                                    "被询问人签名：" + s["rep"]])
    # 调查终结报告
    docs["04案件调查终结报告.docx"] = narrative([A, "案件调查终结报告", f"当事人：{party('report')}", f"案由：{s['cause']}",
                                           f"经调查查明：{facts}", f"以上事实有{s['evidence']}等证据证实。",
                                           f"当事人的上述行为违反了{violated}的规定。依据{basis}的规定，建议{measures}。",
                                           f"承办人：{names(off)}", dates["report"]])
    # 告知书
    if not opts.get("no_notice"):
        hearing_line = (f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。如要求听证，"
                        f"应当在收到本告知书之日起五日内向本局提出。") if tell_hearing else ""
        docs["05行政处罚告知书.docx"] = narrative([
            A, "行政处罚告知书", no("罚告"), f"{party('notice')}：",
            f"经调查，{facts}以上事实有{s['evidence']}等证据为证。",
            f"你单位的上述行为违反了{violated}的规定。依据{basis}的规定，本局拟对你单位作出如下行政处罚：{measures}。",
            "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位可在收到本告知书之日起五日内向本局进行陈述和申辩，逾期视为放弃。"
            + hearing_line, f"联系人：{off[0][0]}　联系电话：0578-6123456", A, dates["notice"]])
        docs["06送达回证（告知书）.docx"] = table_form([A, "送达回证"], [
            ("送达文书名称", f"行政处罚告知书（{no('罚告')}）"), ("受送达人", party("receipt")), ("送达地点", addr("receipt")),
            ("送达方式", "直接送达"), ("收件人签名及时间", f"{s['rep']}　{dates['notice_served']}"),
            ("送达人", f"{off[0][0]}（{off[0][1]}）、{off[1][0]}（{off[1][1]}）")])
    if not hearing and not opts.get("decide_in_window") and not opts.get("no_notice"):
        docs["07陈述申辩笔录.docx"] = narrative([A, "陈述申辩笔录", f"时间：{dates['waiver']}", f"当事人：{party('statement')}",
                                           f"陈述申辩人：{s['rep']}", "陈述申辩内容：对本局认定的事实和拟作出的处罚无异议，放弃陈述、申辩"
                                           + ("和听证权利。" if tell_hearing else "。"), f"签名：{s['rep']}"])
    # 听证
    if hearing:
        docs["08听证通知书.docx"] = narrative([A, "听证通知书", no("听通"), f"{party('hearing')}：",
                                          f"你单位于{dates['hearing_request']}提出的听证申请收悉。本局定于{dates['hearing']}上午9时在本局三楼会议室举行听证。"
                                          f"听证主持人：{s['reviewer'][0]}。请准时参加。", A, dates["hearing_notice"]])
        docs["09听证笔录.docx"] = narrative([A, "听证笔录", f"时间：{dates['hearing']}9时00分至10时40分", "地点：本局三楼会议室",
                                        f"听证主持人：{s['reviewer'][0]}", f"案件调查人员：{names(off)}", f"当事人：{party('hearing')}",
                                        f"委托代理人：无。{s['rep_title']}{s['rep']}到场。", "调查人员陈述了案件事实、证据和拟处罚意见。",
                                        "当事人陈述：对事实无异议，请求从轻处罚。", f"当事人签名：{s['rep']}"])
        docs["10听证报告.docx"] = narrative([A, "听证报告", f"案由：{s['cause']}", f"当事人：{party('hearing')}",
                                        f"听证时间：{dates['hearing']}", f"听证主持人：{s['reviewer'][0]}",
                                        "听证认为：本案事实清楚，证据确实充分，当事人请求从轻处罚的理由不成立，建议维持拟处罚意见。",
                                        f"主持人签名：{s['reviewer'][0]}", dates["hearing_report"]])
    # 法制审核
    if not opts.get("no_review") and (hearing or s["hearing_always"] or opts.get("review")):
        if T:
            docs["11法制审核意见书.docx"] = table_form([A, "重大执法决定法制审核意见书"], [
                ("当事人", party("review")), ("案由", s["cause"]), ("送审时间", dates["report"]),
                ("审核意见", "经审核，本案执法主体合法，事实清楚，证据确凿，程序合法，适用依据正确，裁量适当，同意承办机构意见。"),
                ("审核人", f"{s['reviewer'][0]}　{dates['review']}")])
        else:
            docs["11法制审核意见书.docx"] = narrative([A, "法制审核意见书", f"当事人：{party('review')}", f"案由：{s['cause']}",
                                                f"审核意见：本案事实清楚，证据确凿，定性准确，适用依据正确，程序合法，处罚适当。同意拟处罚意见。",
                                                f"审核人：{s['reviewer'][0]}", dates["review"]])
    # 负责人审查：决定审批表，或集体讨论记录，或审核表上的负责人意见
    head_form = opts.get("head_form", "approval")
    if head_form in ("discussion", "both"):
        docs["12重大案件集体讨论记录.docx"] = narrative([
            A, "重大案件集体讨论记录", f"时间：{dates['discussion']}15时", "地点：局三楼会议室",
            f"主持人：{s['head']}（局长）", "参加人员：局班子成员、法规科负责人", f"案由：{s['cause']}", f"当事人：{party('discussion')}",
            f"承办人汇报：{facts}", "讨论意见：与会人员一致认为，本案事实清楚，证据确凿，程序合法。",
            f"讨论决定：同意承办机构意见，对当事人{measures}。", f"主持人签名：{s['head']}"])
    if head_form in ("approval", "both"):
        if T:
            docs["13行政处罚决定审批表.docx"] = table_form([A, "行政处罚决定审批表"], [
                ("当事人", party("approval")), ("案由", s["cause"]), ("违法事实", facts),
                ("处罚依据及内容", f"依据{basis}，{measures}"), ("承办人意见", f"建议按上述意见处罚。{names(off)}"),
                ("承办机构意见", "同意。"), ("机关负责人意见", f"同意。{s['head']}　{dates['approval']}")])
        else:
            docs["13行政处罚决定审批表.docx"] = narrative([A, "行政处罚决定审批表", f"当事人：{party('approval')}", f"案由：{s['cause']}",
                                                  f"拟处罚意见：{measures}", "承办机构意见：建议按拟处罚意见作出处罚决定。",
                                                  f"局长意见：同意。{s['head']}", dates["approval"]])
    if head_form == "audit":
        docs["13案件审核表.docx"] = table_form([A, "案件审核表"], [
            ("当事人", party("approval")), ("案由", s["cause"]), ("拟处罚意见", measures),
            ("审核意见", "事实清楚，证据充分，程序合法，建议按拟处罚意见处理。"), ("审核人", s["reviewer"][0]),
            ("机关负责人意见", f"同意。{s['head']}　{dates['approval']}")])
    # 决定书
    narrative_steps = [f"{dates['filed']}，本局对当事人{s['cause']}一案立案调查。"]
    if not opts.get("no_notice") or opts.get("claim_notice"):
        narrative_steps.append(f"{dates['notice_served']}，本局向当事人送达了《行政处罚告知书》（{no('罚告')}），告知其拟作出行政处罚的事实、理由、依据及其依法享有的陈述、申辩"
                               + ("、要求听证" if tell_hearing else "") + "的权利。")
    if hearing:
        narrative_steps.append(f"当事人申请听证，本局于{dates['hearing']}依法举行了听证。")
    elif not opts.get("decide_in_window") and not opts.get("no_notice"):
        narrative_steps.append(f"当事人于{dates['waiver']}明确表示放弃陈述、申辩" + ("和听证。" if tell_hearing else "。"))
    decision = [A, "行政处罚决定书", no("罚决"), f"当事人：{party('decision')}", f"统一社会信用代码：{code}",
                f"住所：{addr('decision')}", f"{s['rep_title']}：{s['rep']}", "".join(narrative_steps),
                f"经查：{facts}", f"上述事实，有{s['evidence']}等证据证实。",
                f"本局认为，当事人的上述行为违反了{violated}的规定。依据{basis}的规定，本局决定如下：{measures}。",
                "当事人应当自收到本决定书之日起十五日内，将罚款缴至指定银行。到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款。",
                s.get("remedy", "当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向清溪县人民政府申请行政复议，也可以在六个月内依法向清溪县人民法院提起行政诉讼。"),
                A, opts.get("decided_text", dates["decided"])]
    docs["14行政处罚决定书.docx"] = narrative(decision)
    if not opts.get("no_service"):
        docs["15送达回证（决定书）.docx"] = table_form([A, "送达回证"], [
            ("送达文书名称", f"行政处罚决定书（{no('罚决')}）"), ("受送达人", party("receipt")), ("送达地点", addr("receipt")),
            ("送达方式", "直接送达"), ("收件人签名及时间", f"{s['rep']}　{opts.get('served', dates['served'])}"),
            ("送达人", f"{off[0][0]}（{off[0][1]}）、{off[1][0]}（{off[1][1]}）")])
    if opts.get("referral"):
        docs["16涉嫌犯罪案件移送书.docx"] = narrative([A, "涉嫌犯罪案件移送书", no("移"), "清溪县公安局：",
                                                f"{party('decision')}{s['cause']}一案，经调查，占用永久基本农田面积已达刑事立案追诉标准，"
                                                "根据《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，现将该案移送你局。", A, dates["decided"]])
    for name in opts.get("drop", []):
        docs.pop(name, None)
    return docs


# -- the dossiers: name → (sector, hearing, layout, options, expected) -------------------------------
def D(**kw):
    return kw


OK = {"verdict": "同意"}
LAND_H = dict(HEARING_DATES)

CASES = {
    # correct dossiers, with and without a hearing, in every layout and sector
    "correct_land_hearing_table": D(s=LAND, hearing=True, layout="table", opts={"head_form": "discussion"}, exp=OK),
    "correct_land_waived_narrative": D(s=LAND, hearing=False, layout="narrative", opts={"head_form": "both"}, exp=OK),
    "correct_land_hearing_mixed": D(s=LAND, hearing=True, layout="mixed", opts={"head_form": "discussion", "scan": True}, exp=OK),
    "correct_market_ordinary_narrative": D(s=MARKET, hearing=False, layout="narrative", opts={"head_form": "audit"}, exp=OK),
    "correct_market_ordinary_table": D(s=MARKET, hearing=False, layout="table", opts={}, exp=OK),
    "correct_market_hearing_mixed": D(s=MARKET, hearing=True, layout="mixed", opts={
        "fine": 150000, "fine_upper": "壹拾伍万元整", "head_form": "discussion",
        "facts": MARKET["facts"].replace("86件", "412件").replace("8600元", "38600元"), "income": 38600}, exp=OK),
    "correct_safety_ordinary_table": D(s=SAFETY, hearing=False, layout="table", opts={}, exp=OK),
    # planted defects
    "late_decision_land": D(s=LAND, hearing=False, layout="narrative", opts={"head_form": "both", "dates": {"filed": "2025年12月1日"}},
                            exp={"rules": ["P17-case-time-limit"], "category": "procedure"}),
    "late_decision_market": D(s=MARKET, hearing=False, layout="table", opts={"dates": {"filed": "2025年12月29日"}},
                              exp={"rules": ["P17-case-time-limit"], "category": "procedure"}),
    "decision_in_statement_window_market": D(s=MARKET, hearing=False, layout="narrative", opts={"decide_in_window": True, "dates": {
        "approval": "2026年3月24日", "decided": "2026年3月25日", "served": "2026年3月26日"}},
        exp={"rules": ["P12-statement-window"], "category": "procedure"}),
    "decision_in_statement_window_safety": D(s=SAFETY, hearing=False, layout="mixed", opts={"decide_in_window": True, "dates": {
        "approval": "2026年3月25日", "decided": "2026年3月26日", "served": "2026年3月27日"}},
        exp={"rules": ["P12-statement-window"], "category": "procedure"}),
    "one_officer_land": D(s=LAND, hearing=False, layout="table", opts={"head_form": "discussion", "onsite_officers": [LAND["officers"][0]]},
                          exp={"rules": ["P06-officers"], "category": "authority"}),
    "one_officer_market": D(s=MARKET, hearing=False, layout="narrative", opts={"onsite_officers": [MARKET["officers"][1]]},
                            exp={"rules": ["P06-officers"], "category": "authority"}),
    "misnamed_law_land": D(s=LAND, hearing=False, layout="narrative", opts={"head_form": "both", "violated": "《中华人民共和国土地管理条例》第四十四条第一款"},
                           exp={"rules": ["L01b-misnamed-law"], "category": "legal_basis", "severity": "minor"}),
    "misnamed_law_market": D(s=MARKET, hearing=False, layout="table", opts={"violated": "《中华人民共和国价格管理法》第十四条第（四）项"},
                             exp={"rules": ["L01b-misnamed-law"], "category": "legal_basis", "severity": "minor"}),
    "article_does_not_exist_market": D(s=MARKET, hearing=False, layout="narrative", opts={"violated": "《中华人民共和国价格法》第六十四条第（四）项"},
                                       exp={"rules": ["L01-citations"], "category": "legal_basis"}),
    "article_does_not_exist_safety": D(s=SAFETY, hearing=False, layout="table", opts={"basis": "《中华人民共和国安全生产法》第一百九十七条"},
                                       exp={"rules": ["L01-citations"], "category": "legal_basis"}),
    "fine_outside_range_land": D(s=LAND, hearing=False, layout="narrative", opts={"head_form": "both", "rate": 1500, "fine": 3600000, "fine_upper": "叁佰陆拾万元整"},
                                 exp={"rules": ["D01-fine-range", "D05-land-fine-per-area"], "category": "discretion"}),
    "fine_outside_range_market": D(s=MARKET, hearing=False, layout="mixed", opts={"fine": 60200, "fine_upper": "陆万零贰佰元整"},
                                   exp={"rules": ["D01-fine-range"], "category": "discretion"}),
    "criminal_threshold_no_referral_land": D(s=LAND, hearing=True, layout="table", opts={
        "head_form": "discussion", "fine": 2400000, "fine_upper": "贰佰肆拾万元整",
        "facts": LAND["facts"].replace("2400平方米（合3.6亩）", "8000平方米（合12亩）").replace("地类为一般耕地", "地类均为永久基本农田")},
        exp={"rules": ["R01-thresholds", "R03-land-referral"], "category": "referral"}),
    "criminal_threshold_no_referral_forest": D(s=LAND, hearing=False, layout="narrative", opts={
        "head_form": "both", "fine": 2100000, "fine_upper": "贰佰壹拾万元整",
        "facts": LAND["facts"].replace("集体土地建设砂石堆场并硬化地面", "集体林地建设砂石堆场").replace("2400平方米（合3.6亩）", "7000平方米（合10.5亩）").replace("地类为一般耕地", "地类为林地（商品林）")},
        exp={"rules": ["R01-thresholds", "R03-land-referral"], "category": "referral"}),
    "party_details_disagree_market": D(s=MARKET, hearing=False, layout="narrative", opts={"party_in": {"notice": "清溪县鑫园商贸有限公司", "decision": "清溪县鑫园商贸有限公司"}},
                                       exp={"rules": ["F02-parties-agree", "F03-dossier-facts-agree"], "category": "facts"}),
    "party_details_disagree_land": D(s=LAND, hearing=False, layout="table", opts={"head_form": "both", "address_in": {"decision": "清溪县城关镇工业园区兴业路18号"}},
                                     exp={"rules": ["F02-parties-agree", "F03-dossier-facts-agree"], "category": "facts"}),
    "missing_service_receipt_land": D(s=LAND, hearing=False, layout="mixed", opts={"head_form": "both", "no_service": True},
                                      exp={"rules": ["C01-required-documents"], "category": "documents"}),
    "missing_service_receipt_safety": D(s=SAFETY, hearing=False, layout="narrative", opts={"no_service": True},
                                        exp={"rules": ["C01-required-documents"], "category": "documents"}),
    "hearing_without_legal_review_land": D(s=LAND, hearing=True, layout="narrative", opts={"head_form": "discussion", "no_review": True},
                                           exp={"rules": ["P15-legal-review", "C01-required-documents"], "category": "procedure"}),
    "hearing_without_legal_review_market": D(s=MARKET, hearing=True, layout="table", opts={"fine": 150000, "fine_upper": "壹拾伍万元整", "no_review": True,
                                                                                           "facts": MARKET["facts"].replace("86件", "412件").replace("8600元", "38600元")},
                                             exp={"rules": ["P15-legal-review", "C01-required-documents"], "category": "procedure"}),
    "hearing_notice_too_short_land": D(s=LAND, hearing=True, layout="table", opts={"head_form": "discussion", "dates": {"hearing_notice": "2026年4月7日"}},
                                       exp={"rules": ["P20-hearing-timing"], "category": "procedure"}),
    "hearing_notice_too_short_market": D(s=MARKET, hearing=True, layout="narrative", opts={
        "fine": 150000, "fine_upper": "壹拾伍万元整", "facts": MARKET["facts"].replace("86件", "412件").replace("8600元", "38600元"),
        "dates": {"hearing_notice": "2026年4月8日"}}, exp={"rules": ["P20-hearing-timing"], "category": "procedure"}),
    "no_hearing_rights_land": D(s=LAND, hearing=False, layout="narrative", opts={"head_form": "both", "tell_hearing": False},
                                exp={"rules": ["P19-hearing-rights"], "category": "procedure"}),
    "no_hearing_rights_market": D(s=MARKET, hearing=False, layout="table", opts={
        "fine": 150000, "fine_upper": "壹拾伍万元整", "facts": MARKET["facts"].replace("86件", "412件").replace("8600元", "38600元"),
        "tell_hearing": False, "review": True}, exp={"rules": ["P19-hearing-rights"], "category": "procedure"}),
    "late_service_market": D(s=MARKET, hearing=False, layout="narrative", opts={"served": "2026年4月27日"},
                             exp={"rules": ["P18-service"], "category": "procedure"}),
    "late_service_land": D(s=LAND, hearing=False, layout="table", opts={"head_form": "discussion", "served": "2026年4月30日"},
                           exp={"rules": ["P18-service"], "category": "procedure"}),
    "no_notice_market": D(s=MARKET, hearing=False, layout="table", opts={"no_notice": True},
                          exp={"rules": ["C04-notice-on-file"], "category": "procedure"}),
    "no_notice_safety": D(s=SAFETY, hearing=False, layout="narrative", opts={"no_notice": True, "claim_notice": True},
                          exp={"rules": ["C04-notice-on-file"], "category": "procedure"}),
    "wrong_check_digit_market": D(s=MARKET, hearing=False, layout="narrative", opts={"code": wrong_check(MARKET["code"])},
                                  exp={"rules": ["F04-identifiers", "F01-facts-stated"], "category": "facts"}),
    "wrong_check_digit_land": D(s=LAND, hearing=False, layout="mixed", opts={"head_form": "both", "code": wrong_check(LAND["code"])},
                                exp={"rules": ["F04-identifiers", "F01-facts-stated"], "category": "facts"}),
}


def scanned_pdf(lines: list[str], out: Path) -> None:
    """A page with no text layer: the lines drawn as an image, saved as an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 30)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    y = 120
    for line in lines:
        while line:
            draw.text((100, y), line[:34], fill=0, font=font)
            line = line[34:]
            y += 48
    img.save(out, "PDF", resolution=150)


def write_all(only: list[str] | None = None) -> None:
    import tomllib  # noqa: F401

    to_pdf: list[tuple[Path, Path]] = []
    expected_lines = ["# 每个案卷：埋入的缺陷（rules：应发现它的规则，任一即可；category：类别）；verdict = \"同意\" 的为正确案卷。", ""]
    for name, c in CASES.items():
        if only and name not in only:
            continue
        s = c["s"]
        dates = dict(HEARING_DATES if c["hearing"] else ORDINARY_DATES)
        dates.update(c["opts"].get("dates", {}))
        opts = dict(c["opts"], hearing=c["hearing"])
        docs = build(s, dates, c["layout"], opts)
        folder = HERE / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for fname, d in docs.items():
            d.save(folder / fname)
        if c["layout"] == "mixed":
            # the agency's PDFs: the notice, the decision and the review opinion printed to PDF
            for fname in list(docs):
                if fname.startswith(("05", "11", "14")):
                    to_pdf.append((folder / fname, folder))
        if c["opts"].get("scan"):
            scanned_pdf([s["agency"], "现场勘测情况说明", f"当事人：{s['party']}", f"勘测时间：{dates['onsite']}",
                         s["facts"], f"勘测人员：{names(s['officers'])}"], folder / "17现场勘测情况说明（扫描件）.pdf")
        exp = c["exp"]
        expected_lines.append(f"[{name}]")
        expected_lines.append(f"sector = \"{s['sector']}\"")
        expected_lines.append(f"layout = \"{c['layout']}\"")
        if "verdict" in exp:
            expected_lines.append('verdict = "同意"')
        else:
            if exp.get("severity"):
                # a misnamed law the library identifies is a form defect (issue 15): found at its own severity
                expected_lines.append(f"severity = \"{exp['severity']}\"")
            expected_lines.append(f"category = \"{exp['category']}\"")
            expected_lines.append("rules = [" + ", ".join(f'"{r}"' for r in exp["rules"]) + "]")
        expected_lines.append("")
    if to_pdf:
        with tempfile.TemporaryDirectory() as tmp:
            for src, folder in to_pdf:
                subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(src)],
                               check=True, capture_output=True, timeout=300, env={"HOME": tmp, "PATH": "/usr/bin:/bin"})
                src.unlink()
    if not only:
        (HERE / "expected.toml").write_text("\n".join(expected_lines + write_villagers()), encoding="utf-8")





# -- a fourth hand: a township land case of a natural person, in the wording of another bureau ----------
# (areas in 亩, 根据…的规定, 听证告知书, the head's 签批 on the 调查终结报告, certificates listed behind one label)
VILLAGER = {"name": "周德旺", "id": idcard("33112619710415203"), "address": "清溪县白沙镇石门村三组18号"}


def build_villager(opts: dict) -> dict[str, Document]:
    A = "清溪县自然资源和规划局"
    who = opts.get("name_in", {})
    name = lambda doc: who.get(doc, VILLAGER["name"])  # noqa: E731
    idn = opts.get("id", VILLAGER["id"])
    mu = opts.get("mu", "1.2")
    m2 = opts.get("m2", "800")
    kind = opts.get("kind", "水田")
    fine = opts.get("fine", "120000")
    rate = opts.get("rate", "150")
    certs = opts.get("officers", [("刘海涛", "33112600201"), ("吴静", "33112600202")])
    officer_line = f"执法人员：{'、'.join(n for n, _ in certs)}，执法证号分别为{'、'.join(c for _, c in certs)}" if len(certs) > 1 else \
        f"执法人员：{certs[0][0]}，执法证号{certs[0][1]}"
    fact = (f"{opts.get('year', '2025')}年10月起，{VILLAGER['name']}未经批准，在白沙镇石门村“下垄”地块擅自建造两层住房一幢，"
            f"占用集体土地{mu}亩（{m2}平方米），经比对土地利用现状图，所占土地为{kind}。")
    report_fact = fact.replace(f"{mu}亩（{m2}平方米）", opts.get("report_area", f"{mu}亩（{m2}平方米）"))
    docs: dict[str, Document] = {}
    docs["1 立案审批表.docx"] = table_form([A, "立案审批表"], [
        ("当事人姓名", name("filing"), "公民身份号码", idn), ("住址", VILLAGER["address"]),
        ("案由", "非法占用土地建住宅"), ("案件来源", "动态巡查"), ("立案日期", "2026年1月12日"),
        ("主要违法事实", fact), ("经办人", "、".join(n for n, _ in certs)),
        ("执法监察大队意见", "该行为涉嫌违反土地管理法律法规，建议立案查处。"), ("局领导意见", "同意立案。王立新　2026年1月12日")])
    docs["2 现场勘验笔录.docx"] = narrative([A, "现场勘验笔录", "勘验时间：2026年1月13日9时至11时", "勘验地点：白沙镇石门村“下垄”地块",
                                       f"被勘验人：{name('onsite')}", officer_line + "，已向当事人出示执法证件。",
                                       f"勘验情况：现场有两层砖混结构住房一幢，已封顶。经GPS-RTK测量，占地面积{m2}平方米（合{mu}亩），地类为{kind}。",
                                       f"被勘验人签字：{VILLAGER['name']}"])
    docs["3 调查询问笔录.docx"] = narrative([A, "调查询问笔录", "时间：2026年1月14日", f"被询问人：{name('inquiry')}", f"身份证号：{idn}",
                                       officer_line, "问：你为什么在这里建房？", "答：家里房子小，儿子要结婚，没办手续就建了，大概一亩多一点。",
                                       f"被询问人签字：{VILLAGER['name']}"])
    if not opts.get("no_notice"):
        docs["4 行政处罚听证告知书.docx"] = narrative([
            A, "行政处罚听证告知书", "清自然资听告〔2026〕3号", f"{name('notice')}：",
            f"经查，{fact}你的行为违反了《中华人民共和国土地管理法》第四十四条第一款、第六十二条的规定。根据《中华人民共和国土地管理法》第七十七条第一款"
            f"和《中华人民共和国土地管理法实施条例》第五十七条的规定，本局拟作出如下处罚：一、责令退还非法占用的土地；二、限期拆除在非法占用的土地上新建的房屋，"
            f"恢复土地原状；三、处非法占用土地每平方米{rate}元的罚款，罚款共计{fine}元。",
            "你有陈述、申辩和要求听证的权利。如要求听证，请于收到本告知书之日起五日内提出，逾期视为放弃。", A, "2026年2月2日"])
        docs["5 送达回证（听证告知书）.docx"] = table_form([A, "送达回证"], [
            ("送达文书", "行政处罚听证告知书 清自然资听告〔2026〕3号"), ("受送达人", name("receipt")), ("送达地址", VILLAGER["address"]),
            ("受送达人签收", f"{VILLAGER['name']} 2026年2月3日"), ("送达人", "、".join(n for n, _ in certs))])
        docs["6 放弃陈述申辩及听证声明.docx"] = narrative([A, "放弃陈述申辩及听证声明", f"本人{VILLAGER['name']}，已收到贵局听证告知书，对认定事实无异议，"
                                                   "自愿放弃陈述、申辩和听证的权利。", f"声明人：{VILLAGER['name']}", "2026年2月4日"])
    docs["7 案件调查报告.docx"] = table_form([A, "案件调查终结报告"], [
        ("当事人", name("report")), ("案由", "非法占用土地建住宅"), ("调查结果", report_fact),
        ("处理意见", f"建议责令退还非法占用的土地，限期拆除新建房屋，恢复土地原状，并按每平方米{rate}元处以罚款{fine}元。"),
        ("承办人", "、".join(n for n, _ in certs)), ("法制审核意见", "经审核，事实清楚，证据充分，程序合法，同意承办人处理意见。杨帆 2026年2月9日"),
        ("分管领导意见", "同意。张华 2026年2月10日"), ("主要负责人意见", "同意。王立新 2026年2月10日")])
    if opts.get("referral"):
        docs["8 涉嫌犯罪案件移送书.docx"] = narrative([A, "涉嫌犯罪案件移送书", "清自然资移〔2026〕1号", "清溪县公安局：",
                                                  f"{VILLAGER['name']}非法占用农用地一案，占用永久基本农田已达追诉标准，依据《行政执法机关移送涉嫌犯罪案件的规定》"
                                                  "第三条，现移送你局依法处理。", A, "2026年2月11日"])
    docs["9 行政处罚决定书.docx"] = narrative([
        A, "行政处罚决定书", "清自然资罚〔2026〕5号", f"被处罚人：{name('decision')}，男，身份证号：{idn}，住址：{VILLAGER['address']}。",
        f"{opts.get('filed_told', '2026年1月12日')}，本局对你非法占用土地一案立案调查。",
        f"经查，{fact}以上事实有现场勘验笔录、调查询问笔录、土地利用现状图及照片为证。",
        "本局于2026年2月3日向你送达了行政处罚听证告知书，你在规定期限内未要求听证，也未提出陈述申辩。" if not opts.get("no_notice") else
        "本局依法对本案进行了调查。",
        f"你的行为违反了《中华人民共和国土地管理法》第四十四条第一款的规定。根据《中华人民共和国土地管理法》第七十七条第一款和《中华人民共和国土地管理法实施条例》"
        f"第五十七条的规定，本局决定：一、责令退还非法占用的土地；二、限期十五日内拆除在非法占用的土地上新建的房屋，恢复土地原状；"
        f"三、按非法占用土地每平方米{rate}元处以罚款，罚款共计人民币{fine}元。",
        "罚款自收到本决定书之日起十五日内缴至清溪县财政局非税收入专户。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
        "如不服本决定，可在收到本决定书之日起六十日内向清溪县人民政府申请行政复议，或者在六个月内向清溪县人民法院提起行政诉讼。",
        A, "2026年2月12日"])
    docs["10 送达回证（决定书）.docx"] = table_form([A, "送达回证"], [
        ("送达文书", "行政处罚决定书 清自然资罚〔2026〕5号"), ("受送达人", name("receipt")), ("送达地址", VILLAGER["address"]),
        ("受送达人签收", f"{VILLAGER['name']} 2026年2月13日"), ("送达人", "、".join(n for n, _ in certs))])
    return docs


VILLAGER_CASES = {
    "correct_villager_waived": ({}, OK),
    "correct_villager_masked_id_referred": ({"id": VILLAGER["id"][:6] + "********" + VILLAGER["id"][-4:], "mu": "6.3", "m2": "4200",
                                             "kind": "永久基本农田", "fine": "2100000", "rate": "500", "referral": True}, OK),
    "wrong_check_digit_villager": ({"id": wrong_check(VILLAGER["id"])}, {"rules": ["F04-identifiers", "F01-facts-stated"], "category": "facts"}),
    "one_officer_villager": ({"officers": [("刘海涛", "33112600201")]}, {"rules": ["P06-officers"], "category": "authority"}),
    "fine_outside_range_villager": ({"rate": "1200", "fine": "960000"}, {"rules": ["D01-fine-range", "D05-land-fine-per-area"], "category": "discretion"}),
    "area_disagrees_villager": ({"report_area": "0.9亩（600平方米）"}, {"rules": ["F03-dossier-facts-agree"], "category": "facts"}),
    "no_notice_villager": ({"no_notice": True}, {"rules": ["C04-notice-on-file"], "category": "procedure"}),
    "criminal_threshold_no_referral_villager": ({"mu": "6.3", "m2": "4200", "kind": "永久基本农田", "fine": "2100000", "rate": "500"},
                                                {"rules": ["R01-thresholds", "R03-land-referral"], "category": "referral"}),
    "filing_date_disagrees_villager": ({"filed_told": "2026年1月16日"}, {"rules": ["F03-dossier-facts-agree"], "category": "facts"}),
    "party_name_disagrees_villager": ({"name_in": {"decision": "周德王", "notice": "周德王"}}, {"rules": ["F02-parties-agree", "F03-dossier-facts-agree"], "category": "facts"}),
}


def write_villagers() -> list[str]:
    lines = []
    for name, (opts, exp) in VILLAGER_CASES.items():
        folder = HERE / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for fname, d in build_villager(opts).items():
            d.save(folder / fname)
        lines += [f"[{name}]", 'sector = "自然资源"', 'layout = "township"']
        lines += ['verdict = "同意"'] if "verdict" in exp else [f"category = \"{exp['category']}\"", "rules = [" + ", ".join(f'"{r}"' for r in exp["rules"]) + "]"]
        lines.append("")
    return lines


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--villagers"]:
        print("\n".join(write_villagers()))
    else:
        write_all(sys.argv[1:] or None)
