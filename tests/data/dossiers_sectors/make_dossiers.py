"""Write the held-out 行政处罚 dossiers of three sectors other than 市场监管 (issue 27): 应急管理
(安全生产法), 生态环境 (大气污染防治法, 水污染防治法) and 自然资源 (土地管理法), each filed with the
sector's own forms and wording — 应急: 现场检查记录, 责令限期整改指令书, 案件审核表, 案件处理呈批表,
整改复查意见书; 生态: 现场检查（勘察）笔录, 调查询问笔录, 采样记录与监测报告, 责令改正违法行为决定书,
案件集体审议记录; 自然资源: 责令停止违法行为通知书, 勘测定界报告, 现场勘验笔录 — as .docx (tables and
paragraphs) and .txt files. Two correct dossiers per sector and one planted defect in each other.
Another county's hand (云岭县) than tests/data/dossiers. The truth (expected.toml: what each dossier
holds, its defect and the rules that may find it) is written from CASES below, before any check runs.

    PYTHONPATH=. .venv/bin/python tests/data/dossiers_sectors/make_dossiers.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.data.dossiers.make_dossiers import narrative, table_form, uscc

HERE = Path(__file__).resolve().parent

# -- the documents: ("p", lines) paragraphs, or ("t", head, rows, tail) a form; a .txt file is written as lines ----------


def P(*lines: str):
    return ("p", list(lines))


def T(head: list[str], rows: list[tuple[str, ...]], tail: list[str] = ()):
    return ("t", head, rows, list(tail))


def save(doc, path: Path) -> None:
    if path.suffix == ".txt":
        if doc[0] == "p":
            lines = doc[1]
        else:
            lines = doc[1] + ["　".join(c for c in r if c) for r in doc[2]] + doc[3]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif doc[0] == "p":
        narrative(doc[1]).save(path)
    else:
        table_form(doc[1], doc[2], doc[3]).save(path)


def certs(officers) -> str:
    return "、".join(f"{n}（执法证号：{c}）" for n, c in officers)


def names(officers) -> str:
    return "、".join(n for n, _ in officers)


# -- 应急管理：县应急管理局，安全生产法 ----------------------------------------------------------------------------
SAFETY = {
    "agency": "云岭县应急管理局", "short": "云应急", "party": "云岭县众力五金制品有限公司", "code": uscc("91330921MA2D7K4L3"),
    "address": "云岭县青石镇工业功能区振兴路6号", "rep": "蒋德林", "officers": [("冯立军", "33092100301"), ("潘雪", "33092100305")],
    "reviewer": "柳青", "head": "汪建华", "deputy": "沈国强",
}
S_DATES = {"check": "2026年5月8日", "filed": "2026年5月11日", "inquiry": "2026年5月13日", "due": "2026年5月22日",
           "recheck": "2026年5月22日", "report": "2026年5月25日", "audit": "2026年5月26日", "approval": "2026年5月27日",
           "notice": "2026年5月28日", "waiver": "2026年5月29日", "discussion": "2026年6月5日", "decided": "2026年6月8日",
           "served": "2026年6月9日"}
S_CASES = {
    # 第九十九条第（一）项：未设置安全警示标志，五万元以下
    "signs": {"cause": "未在有较大危险因素的生产经营场所设置明显的安全警示标志案",
              "found": "当事人冲压车间、喷粉房及液化石油气瓶组间等有较大危险因素的生产经营场所和设备上，均未设置明显的安全警示标志。",
              "violated": "《中华人民共和国安全生产法》第三十五条", "basis": "《中华人民共和国安全生产法》第九十九条第（一）项",
              "fine": 20000, "upper": "贰万元整", "order": "在冲压车间、喷粉房、液化石油气瓶组间设置明显的安全警示标志"},
    # 第一百零一条第（二）项：重大危险源未登记建档，十万元以下
    "hazard": {"cause": "对重大危险源未登记建档、未制定应急预案案",
               "found": "当事人液化石油气储罐区（储量32吨）经辨识构成四级重大危险源，当事人未对该重大危险源登记建档，未进行定期检测、评估、监控，"
                        "未制定应急预案。",
               "violated": "《中华人民共和国安全生产法》第四十条第一款", "basis": "《中华人民共和国安全生产法》第一百零一条第（二）项",
               "fine": 60000, "upper": "陆万元整", "order": "对液化石油气储罐区重大危险源登记建档，制定应急预案并组织演练"},
}


def safety(opts: dict) -> dict[str, tuple]:
    s, d = SAFETY, dict(S_DATES, **opts.get("dates", {}))
    c = dict(S_CASES[opts.get("case", "signs")], **opts.get("case_over", {}))
    A, party, off = s["agency"], s["party"], s["officers"]
    check_off = opts.get("check_officers", off)
    fine, upper = opts.get("fine", c["fine"]), opts.get("upper", c["upper"])
    order = opts.get("with_order", True)
    measure = ("责令限期改正，" if order else "") + f"处人民币{fine}元（大写：{upper}）罚款"
    hearing_told = opts.get("hearing_told", fine >= 50000)
    docs: dict[str, tuple] = {}
    docs["01现场检查记录.docx"] = T([A, "现场检查记录", f"{s['short']}检记〔2026〕第31号"], [
        ("被检查单位", party), ("地址", s["address"]), ("法定代表人（负责人）", s["rep"], "联系电话", "13905781234"),
        ("检查场所", "当事人生产厂区"), ("检查时间", f"{d['check']}9时30分至11时20分"),
        ("检查人员", certs(check_off)), ("记录人", check_off[-1][0]),
        ("检查情况", f"我们是{A}执法人员，已出示证件。被检查单位现场负责人{s['rep']}在场。经现场检查发现：{c['found']}"),
        ("被检查单位现场负责人签名", f"{s['rep']}　以上记录属实"), ("检查人员签名", names(check_off))])
    if order:
        docs["02责令限期整改指令书.docx"] = P(A, "责令限期整改指令书", f"{s['short']}责改〔2026〕第31号", f"{party}：",
                                          f"经查，你单位存在下列问题：{c['found']}",
                                          f"现责令你单位于{d['due']}前整改完毕，达到有关法律法规规章和标准规定的要求：{c['order']}。"
                                          "由于你单位存在的问题不整改完毕不能保证安全的，整改期间应当采取有效的安全防范措施。",
                                          "如果不服本指令，可以依法在六十日内向云岭县人民政府申请行政复议，或者在六个月内依法向云岭县人民法院提起行政诉讼，"
                                          "但本指令不停止执行，法律另有规定的除外。",
                                          f"安全生产执法人员（签名）：{names(off)}", f"被检查单位负责人（签名）：{s['rep']}", A, d["check"])
    docs["03立案审批表.docx"] = T([A, "立案审批表", f"{s['short']}立〔2026〕第18号"], [
        ("案由", c["cause"]), ("案件来源", "现场检查发现"), ("当事人", party), ("统一社会信用代码", s["code"]),
        ("地址", s["address"]), ("法定代表人", s["rep"]),
        ("简要案情及立案理由", f"{d['check']}，我局执法人员在对当事人进行安全生产检查时发现：{c['found']}"
                          f"当事人涉嫌违反{c['violated']}的规定，依据{c['basis']}的规定，建议立案调查。"),
        ("经办人", names(off)), ("审核意见", "符合立案条件，同意立案。"),
        ("审批意见", f"同意立案，由{names(off)}承办。{s['deputy']}　{d['filed']}")])
    inq = opts.get("inquiry_officers", off)
    docs["04询问笔录.txt"] = P(A, "询问笔录", f"询问时间：{d['inquiry']}9时10分至10时05分", f"询问地点：{A}302室",
                              f"被询问人：{s['rep']}　性别：男　年龄：48", f"工作单位：{party}　职务：总经理",
                              f"询问人：{certs(inq)}", f"记录人：{inq[-1][0]}",
                              f"问：我们是{A}的执法人员（出示证件），现就你单位安全生产违法行为向你了解情况，请你如实回答，你有权申请回避，是否申请回避？",
                              "答：不申请回避。", f"问：{d['check']}我局检查时发现的问题是否属实？", f"答：属实。{c['found']}",
                              "问：你还有什么要补充的？", "答：没有，我们正在整改。", f"被询问人签名：{s['rep']}（以上笔录看过，与我说的相符）",
                              f"询问人签名：{names(inq)}")
    if order:
        docs["05整改复查意见书.docx"] = P(A, "整改复查意见书", f"{s['short']}复查〔2026〕第31号", f"{party}：",
                                        f"本局于{d['check']}作出了责令限期整改指令书（{s['short']}责改〔2026〕第31号），经{d['recheck']}复查，"
                                        "你单位已按要求完成整改。", f"安全生产执法人员（签名）：{names(off)}", A, d["recheck"])
    docs["06案件调查报告.docx"] = P(A, "案件调查报告", f"案由：{c['cause']}", f"当事人：{party}",
                                  f"调查经过：{d['check']}检查发现，{d['filed']}立案，调查人员调取了当事人营业执照，对现场进行了检查并拍照，询问了{s['rep']}。",
                                  f"违法事实：{c['found']}", "证据：现场检查记录、询问笔录、现场照片、营业执照复印件。",
                                  f"处理意见：当事人的行为违反了{c['violated']}的规定，依据{c['basis']}的规定，建议{measure}。",
                                  f"调查人员：{names(off)}", d["report"])
    if not opts.get("no_audit"):
        docs["07案件审核表.docx"] = T([A, "案件审核表"], [
            ("案由", c["cause"]), ("当事人", party), ("承办人", names(off)),
            ("违法事实及处理意见", f"{c['found']}建议依据{c['basis']}，{measure}。"),
            ("法制审核意见", f"经审核，本案事实清楚，证据确凿，定性准确，适用法律正确，程序合法，处罚适当，同意承办人意见。审核人：{s['reviewer']}　{d['audit']}"),
            ("分管负责人意见", f"同意。{s['deputy']}　{d['audit']}")])
    docs["08案件处理呈批表.docx"] = T([A, "案件处理呈批表"], [
        ("案由", c["cause"]), ("当事人", party), ("主要违法事实", c["found"]),
        ("承办人意见", f"依据{c['basis']}的规定，建议{measure}。{names(off)}"),
        ("审核意见", f"同意承办人意见。{s['reviewer']}"),
        ("审批意见", f"同意。{s['head']}　{d['approval']}")])
    if not opts.get("no_notice"):
        hearing_line = "你单位有要求听证的权利，如要求听证，应当在收到本告知书之日起五日内向本局提出。" if hearing_told else ""
        docs["09行政处罚告知书.docx"] = P(A, "行政处罚告知书", f"{s['short']}罚告〔2026〕第18号", f"{party}：",
                                        f"经查，你单位{c['found']}以上事实有现场检查记录、询问笔录、现场照片等证据为证。",
                                        f"你单位的上述行为违反了{c['violated']}的规定，依据{c['basis']}的规定，本局拟对你单位作出{measure}的行政处罚。",
                                        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，"
                                        "可在收到本告知书之日起五日内向本局提出。逾期不提出的，视为放弃上述权利。" + hearing_line,
                                        "本局地址：云岭县青石镇府前路9号　联系人：冯立军　电话：0578-5512345", A, d["notice"])
        docs["10文书送达回执（告知书）.docx"] = T([A, "文书送达回执"], [
            ("送达文书名称及文号", f"行政处罚告知书（{s['short']}罚告〔2026〕第18号）"), ("受送达人", party),
            ("送达地点", s["address"]), ("送达人", names(off)), ("送达方式", "直接送达"),
            ("受送达人签收", f"{s['rep']}　{d['notice']}")])
        if not opts.get("decide_in_window"):
            docs["11当事人陈述申辩书.txt"] = P(f"致{A}：", f"我单位已于{d['notice']}收到你局行政处罚告知书（{s['short']}罚告〔2026〕第18号），"
                                            "对告知的违法事实和拟处罚无异议，放弃陈述、申辩" + ("和听证" if hearing_told else "") + "的权利。",
                                            f"{party}（盖章）", f"法定代表人：{s['rep']}", d["waiver"])
    if opts.get("discussion"):
        docs["12重大行政处罚案件集体讨论记录.docx"] = P(A, "重大行政处罚案件集体讨论记录", f"时间：{d['discussion']}15时00分",
                                                 "地点：局党委会议室", f"主持人：{s['head']}（局长）",
                                                 f"出席人员：{s['deputy']}、陈晓峰、{s['reviewer']}（法规科）", f"列席：{names(off)}（承办人）",
                                                 f"讨论案件：{party}{c['cause']}", f"承办人汇报：{c['found']}",
                                                 f"讨论意见：本案事实清楚，证据充分，适用{c['basis']}正确。",
                                                 f"结论性意见：同意对当事人{measure}。", f"主持人签名：{s['head']}")
    steps = f"本局于{d['check']}对你单位进行现场检查，{d['filed']}立案调查。"
    if not opts.get("no_notice"):
        steps += f"{d['notice']}，本局向你单位送达了行政处罚告知书，你单位" + (
            "在法定期限内未提出陈述、申辩" + ("和听证申请" if hearing_told else "") + "。" if not opts.get("decide_in_window") else "已签收。")
    docs["13行政处罚决定书.docx"] = P(A, "行政处罚决定书", f"{s['short']}罚〔2026〕第18号",
                                    f"被处罚单位：{party}", f"统一社会信用代码：{s['code']}", f"地址：{s['address']}",
                                    f"法定代表人：{s['rep']}　职务：总经理", steps,
                                    f"经查，你单位{c['found']}以上事实有现场检查记录、询问笔录、现场照片、营业执照复印件等证据为证。",
                                    f"你单位的上述行为违反了{c['violated']}的规定，依据{c['basis']}的规定，本局决定对你单位作出如下行政处罚："
                                    + measure + "。",
                                    "罚款限你单位自收到本决定书之日起十五日内缴至云岭县财政局非税收入汇缴结算户。逾期不缴纳的，本局可以每日按罚款数额的百分之三加处罚款。",
                                    "你单位如不服本决定，可以依法在六十日内向云岭县人民政府申请行政复议，或者在六个月内依法向云岭县人民法院提起行政诉讼，"
                                    "但本决定不停止执行，法律另有规定的除外。",
                                    A, d["decided"])
    docs["14文书送达回执（决定书）.docx"] = T([A, "文书送达回执"], [
        ("送达文书名称及文号", f"行政处罚决定书（{s['short']}罚〔2026〕第18号）"), ("受送达人", party), ("送达地点", s["address"]),
        ("送达人", names(off)), ("送达方式", "直接送达"), ("受送达人签收", f"{s['rep']}　{d['served']}")])
    return docs


# -- 生态环境：市生态环境局（县分局承办），大气污染防治法、水污染防治法 -------------------------------------------
ECO = {
    "agency": "云岭县生态环境局", "short": "云环", "officers": [("邵一鸣", "33092100411"), ("林晓燕", "33092100412")],
    "reviewer": "方敏", "head": "杜宏伟",
}
E_PARTIES = {
    "air": {"party": "云岭县华彩家具有限公司", "code": uscc("91330921MA2E3F8N6"), "address": "云岭县白云街道创业大道88号",
            "rep": "龚志强", "site": "当事人喷漆车间"},
    "water": {"party": "云岭县鑫宇电镀有限公司", "code": uscc("91330921MA2B5H1R9"), "address": "云岭县青石镇工业功能区长兴路12号",
              "rep": "邱国华", "site": "当事人废水总排放口"},
}
E_CASES = {
    "air": {"cause": "产生含挥发性有机物废气的生产活动未在密闭空间中进行案",
            "found": "当事人喷漆车间正在进行家具喷漆作业，喷漆作业在敞开的车间内进行，车间门窗敞开，未在密闭空间或者设备中进行，"
                     "配套的活性炭吸附装置未开启，含挥发性有机物废气无组织排放。",
            "violated": "《中华人民共和国大气污染防治法》第四十五条", "basis": "《中华人民共和国大气污染防治法》第一百零八条第（一）项",
            "fine": 50000, "upper": "伍万元整", "order": "立即停止在敞开车间内进行喷漆作业，在密闭空间中进行并正常使用污染防治设施",
            "evidence": "现场检查（勘察）笔录、调查询问笔录、现场照片及视频、营业执照复印件"},
    "water": {"cause": "超过水污染物排放标准排放水污染物案",
              "found": "当事人废水总排放口正在排放生产废水。执法人员现场采样，经云岭县环境监测站监测（监测报告编号：云环监字〔2026〕第0617号），"
                       "总铬浓度为2.86mg/L，超过《电镀污染物排放标准》（GB 21900-2008）表2规定的排放限值（1.0mg/L）1.86倍。",
              "violated": "《中华人民共和国水污染防治法》第十条", "basis": "《中华人民共和国水污染防治法》第八十三条第（二）项",
              "fine": 200000, "upper": "贰拾万元整", "order": "立即改正超标排放水污染物的违法行为",
              "evidence": "现场检查（勘察）笔录、采样记录、监测报告、调查询问笔录、现场照片、营业执照复印件"},
}
E_DATES = {"check": "2026年6月2日", "filed": "2026年6月3日", "order": "2026年6月3日", "inquiry": "2026年6月4日",
           "monitor": "2026年6月5日", "report": "2026年6月12日", "review": "2026年6月15日", "notice": "2026年6月17日",
           "waiver": "2026年6月18日", "discussion": "2026年6月29日", "decided": "2026年6月30日", "served": "2026年7月1日",
           "hearing_request": "2026年6月19日", "hearing_notice": "2026年6月22日", "hearing": "2026年7月3日",
           "hearing_report": "2026年7月6日"}
# after a hearing the 法制审核 reviews the file as the hearing left it (the first draft of this set had it before: a real defect)
E_HEARING = {"review": "2026年7月7日", "discussion": "2026年7月8日", "decided": "2026年7月9日", "served": "2026年7月10日"}


def ecology(opts: dict) -> dict[str, tuple]:
    s = ECO
    kind = opts.get("case", "air")
    p, c = E_PARTIES[kind], dict(E_CASES[kind], **opts.get("case_over", {}))
    hearing = opts.get("hearing", False)
    d = dict(E_DATES, **(E_HEARING if hearing else {}), **opts.get("dates", {}))
    A, off = s["agency"], s["officers"]
    fine, upper = opts.get("fine", c["fine"]), opts.get("upper", c["upper"])
    basis = opts.get("basis", c["basis"])
    measure = f"罚款人民币{fine}元（大写：{upper}）"
    hearing_told = opts.get("hearing_told", True)
    doc_no = f"{s['short']}罚字〔2026〕{27 if kind == 'air' else 31}号"
    docs: dict[str, tuple] = {}
    docs["01立案审批表.docx"] = T([A, "立案审批表"], [
        ("案件来源", "日常监管（双随机检查）"), ("立案时间", d["filed"]), ("案由", c["cause"]),
        ("当事人", p["party"], "统一社会信用代码", p["code"]), ("地址", p["address"]), ("法定代表人", p["rep"]),
        ("简要案情", f"{d['check']}，执法人员对当事人进行现场检查，发现：{c['found']}"),
        ("承办人员", certs(off)), ("承办机构意见", "当事人涉嫌环境违法，建议立案调查。"),
        ("负责人审批意见", f"同意立案。{s['head']}　{d['filed']}")])
    docs["02现场检查（勘察）笔录.docx"] = P(A, "现场检查（勘察）笔录", f"检查（勘察）时间：{d['check']}10时15分至11时40分",
                                        f"检查（勘察）地点：{p['site']}", f"被检查（勘察）单位：{p['party']}",
                                        f"法定代表人：{p['rep']}", f"检查（勘察）人：{certs(off)}", f"记录人：{off[1][0]}",
                                        f"现场负责人：{p['rep']}（总经理）",
                                        "我们是云岭县生态环境局的执法人员，已出示执法证件。你是否申请回避？答：不申请。",
                                        f"现场情况：{c['found']}".replace("经云岭县环境监测站监测（监测报告编号：云环监字〔2026〕第0617号），总铬浓度为2.86mg/L，"
                                                                        "超过《电镀污染物排放标准》（GB 21900-2008）表2规定的排放限值（1.0mg/L）1.86倍。",
                                                                        "样品编号W0602-01、W0602-02，送云岭县环境监测站监测。"),
                                        "以上笔录经被检查人核对无误。", f"被检查（勘察）人签名：{p['rep']}", f"检查（勘察）人签名：{names(off)}")
    if kind == "water":
        docs["03采样记录.docx"] = T([A, "水污染物采样记录"], [
            ("采样时间", f"{d['check']}10时30分"), ("采样地点", "当事人废水总排放口"), ("样品编号", "W0602-01、W0602-02"),
            ("监测项目", "总铬、六价铬、pH值"), ("采样人员", names(off)), ("被检查单位签名", p["rep"])])
        docs["04监测报告.txt"] = P("云岭县环境监测站", "监测报告", "云环监字〔2026〕第0617号", f"委托单位：{A}",
                                  f"受检单位：{p['party']}", f"采样日期：{d['check']}　报告日期：{d['monitor']}",
                                  "监测结果：W0602-01 总铬2.86mg/L；W0602-02 总铬2.79mg/L；六价铬0.18mg/L；pH 7.4。",
                                  "评价依据：《电镀污染物排放标准》（GB 21900-2008）表2，总铬限值1.0mg/L。",
                                  "结论：总铬超过排放标准。", "编制：郑华　审核：孙蕾　签发：李明远")
    if not opts.get("no_order"):
        docs["05责令改正违法行为决定书.docx"] = P(A, "责令改正违法行为决定书", f"{s['short']}责改字〔2026〕{14 if kind == 'air' else 16}号",
                                              f"{p['party']}：", f"经查，{c['found']}",
                                              f"你单位的上述行为违反了{c['violated']}的规定。依据{basis}的规定，现责令你单位{c['order']}。",
                                              "如不服本决定，可在收到本决定书之日起六十日内向云岭县人民政府申请行政复议，也可以在六个月内向云岭县人民法院提起行政诉讼。",
                                              A, d["order"])
    inq = opts.get("inquiry_officers", off)
    docs["06调查询问笔录.docx"] = P(A, "调查询问笔录", f"时间：{d['inquiry']}14时20分至15时30分", f"地点：{A}执法大队询问室",
                                  f"被询问人：{p['rep']}，{p['party']}法定代表人", f"询问人：{certs(inq)}", f"记录人：{inq[-1][0]}",
                                  "问：我们是云岭县生态环境局执法人员，现就你单位涉嫌环境违法一事进行调查，你应如实回答，是否申请回避？",
                                  "答：不申请回避。", "问：请讲一下检查当天的情况。", f"答：{c['found']}我们认识到了错误，马上整改。",
                                  f"被询问人签名：{p['rep']}", f"询问人签名：{names(inq)}")
    docs["07案件调查报告.docx"] = P(A, "案件调查报告", f"案由：{c['cause']}", f"当事人：{p['party']}",
                                  f"调查认定的事实：{c['found']}", f"证据：{c['evidence']}。",
                                  f"调查结论及处理建议：当事人的行为违反了{c['violated']}的规定，依据{basis}的规定，建议{measure}。",
                                  f"承办人：{names(off)}", d["report"])
    if not opts.get("no_notice"):
        hearing_line = ("根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求举行听证。"
                        "如要求听证，应当在收到本告知书之日起五日内向本局提出，逾期视为放弃听证。") if hearing_told else ""
        title = "行政处罚事先（听证）告知书" if hearing_told else "行政处罚事先告知书"
        docs["08" + title + ".docx"] = P(A, title, f"{s['short']}罚告字〔2026〕{27 if kind == 'air' else 31}号", f"{p['party']}：",
                                         f"经查，{c['found']}以上事实有{c['evidence']}等证据为证。",
                                         f"你单位的上述行为违反了{c['violated']}的规定。依据{basis}的规定，本局拟对你单位作出如下行政处罚：{measure}。",
                                         "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位可在收到本告知书之日起五日内向本局提出陈述、申辩，"
                                         "逾期不提出的，视为放弃此权利。" + hearing_line, A, d["notice"])
        docs["09送达回证（告知书）.docx"] = T([A, "送达回证"], [
            ("送达文书", f"{title}（{s['short']}罚告字〔2026〕{27 if kind == 'air' else 31}号）"), ("受送达人", p["party"]),
            ("送达地点", p["address"]), ("送达方式", "直接送达"), ("收件人签名", f"{p['rep']}　{d['notice']}"), ("送达人", names(off))])
    if hearing:
        docs["10听证申请书.txt"] = P(f"{A}：", f"我单位收到{title}，现申请听证。", p["party"], d["hearing_request"])
        docs["11听证通知书.docx"] = P(A, "听证通知书", f"{s['short']}听通字〔2026〕3号", f"{p['party']}：",
                                    f"根据你单位的申请，本局定于{d['hearing']}9时30分在本局四楼会议室举行听证。听证主持人：{s['reviewer']}。",
                                    "你单位可以委托一至二人代理参加听证，并于听证前提交授权委托书。", A, d["hearing_notice"])
        docs["12听证笔录.docx"] = P(A, "听证笔录", f"时间：{d['hearing']}9时30分至11时10分", "地点：本局四楼会议室",
                                  f"主持人：{s['reviewer']}　记录人：吴倩", f"案件调查人员：{names(off)}",
                                  f"当事人：{p['party']}，法定代表人{p['rep']}到场", "调查人员提出了当事人违法的事实、证据和行政处罚建议。",
                                  "当事人申辩：超标系电镀线调试期间偶发，请求从轻处罚。", f"当事人签名：{p['rep']}")
        docs["13听证报告书.docx"] = P(A, "听证报告书", f"案由：{c['cause']}", f"听证时间：{d['hearing']}",
                                    "听证意见：当事人所称调试期间偶发超标不能成立，监测报告合法有效，建议维持拟处罚意见。",
                                    f"听证主持人：{s['reviewer']}", d["hearing_report"])
    elif not opts.get("no_notice") and not opts.get("decide_in_window"):
        docs["10陈述申辩笔录.docx"] = P(A, "陈述申辩笔录", f"时间：{d['waiver']}", f"陈述申辩人：{p['rep']}（{p['party']}法定代表人）",
                                      "内容：对认定的违法事实和拟作出的处罚无异议，不进行陈述申辩" + ("，不要求听证。" if hearing_told else "。"),
                                      f"签名：{p['rep']}")
    if not opts.get("no_review"):
        docs["14法制审核意见书.docx"] = T([A, "行政处罚案件法制审核意见书"], [
            ("案由", c["cause"]), ("当事人", p["party"]), ("送审时间", d["report"]),
            ("审核意见", f"本案主体适格，事实清楚，证据确凿，适用{basis}正确，程序合法，处罚幅度适当。同意。"),
            ("审核人", f"{s['reviewer']}　{d['review']}")])
    if opts.get("discussion", kind == "water"):
        docs["15案件集体审议记录.docx"] = P(A, "重大行政处罚案件集体审议记录", f"时间：{d['discussion']}14时30分", "地点：局二楼会议室",
                                        f"主持人：{s['head']}（局长）", "参加人员：局领导班子成员、法规科科长、执法大队大队长", f"承办人：{names(off)}",
                                        f"审议案件：{p['party']}{c['cause']}", f"案情汇报：{c['found']}",
                                        "审议意见：与会人员一致认为本案事实清楚，证据确凿，程序合法。",
                                        f"审议结论：同意对当事人{measure}。", f"主持人签名：{s['head']}")
    else:
        docs["15行政处罚案件审批表.docx"] = T([A, "行政处罚案件审批表"], [
            ("案由", c["cause"]), ("当事人", p["party"]), ("处罚建议", f"依据{basis}，{measure}"),
            ("承办机构意见", "同意。"), ("负责人审批意见", f"同意。{s['head']}　{d['discussion']}")])
    steps = f"{d['check']}，本局执法人员对你单位进行现场检查，{d['filed']}立案调查。"
    if not opts.get("no_notice"):
        steps += f"{d['notice']}，本局向你单位送达了{title}，告知了拟作出行政处罚的事实、理由、依据及你单位依法享有的陈述、申辩" + (
            "和要求听证" if hearing_told else "") + "的权利。"
        if hearing:
            steps += f"你单位申请听证，本局于{d['hearing']}依法举行了听证。"
        elif not opts.get("decide_in_window"):
            steps += "你单位在规定期限内未提出陈述、申辩" + ("和听证" if hearing_told else "") + "。"
    docs["16行政处罚决定书.docx"] = P(A, "行政处罚决定书", doc_no, f"当事人：{p['party']}", f"统一社会信用代码：{p['code']}",
                                    f"地址：{p['address']}", f"法定代表人：{p['rep']}", steps,
                                    "一、环境违法事实和证据", f"经查，{c['found']}",
                                    f"以上事实，有{c['evidence']}等证据为凭。",
                                    "二、行政处罚的依据、种类及其履行方式、期限",
                                    f"你单位的上述行为违反了{c['violated']}的规定。依据{basis}的规定，本局已责令你单位改正违法行为，现决定对你单位作出如下行政处罚："
                                    f"{measure}。" if not opts.get("no_order") else
                                    f"你单位的上述行为违反了{c['violated']}的规定。依据{basis}的规定，本局决定对你单位作出如下行政处罚：{measure}。",
                                    "你单位应当自收到本决定书之日起十五日内将罚款缴至指定银行。逾期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款。",
                                    "三、申请行政复议或者提起行政诉讼的途径和期限",
                                    "你单位如不服本处罚决定，可以在收到本决定书之日起六十日内向云岭县人民政府申请行政复议，也可以在六个月内直接向云岭县人民法院提起行政诉讼。"
                                    "申请行政复议或者提起行政诉讼，不停止行政处罚决定的执行。",
                                    A, d["decided"])
    docs["17送达回证（决定书）.docx"] = T([A, "送达回证"], [
        ("送达文书", f"行政处罚决定书（{doc_no}）"), ("受送达人", p["party"]), ("送达地点", p["address"]),
        ("送达方式", "直接送达"), ("收件人签名", f"{p['rep']}　{d['served']}"), ("送达人", names(off))])
    return docs


# -- 自然资源：县自然资源局，土地管理法第七十七条 ----------------------------------------------------------------
LAND = {
    "agency": "云岭县自然资源和规划局", "short": "云自然资", "officers": [("褚海波", "33092100521"), ("詹丽君", "33092100523")],
    "reviewer": "严文", "head": "郝建军",
}
L_PARTIES = {
    "quarry": {"party": "云岭县金石石材加工有限公司", "code": uscc("91330921MA2C9G6P2"), "address": "云岭县石塘镇岭下村",
               "rep": "柯永福", "place": "石塘镇岭下村“大坵”地块", "village": "石塘镇岭下村"},
    "logistics": {"party": "云岭县顺达物流有限公司", "code": uscc("91330921MA2F2T5Y4"), "address": "云岭县白云街道迎宾路210号",
                  "rep": "景晓东", "place": "白云街道上洋村“后垟”地块", "village": "白云街道上洋村"},
}
L_CASES = {
    "quarry": {"m2": 1800, "mu": "2.7", "kind": "一般耕地", "use": "建设石材堆场和加工棚", "rate": 200},
    "logistics": {"m2": 600, "mu": "0.9", "kind": "一般耕地", "use": "硬化地面建设停车场", "rate": 150},
}
L_DATES = {"patrol": "2026年3月9日", "filed": "2026年3月10日", "onsite": "2026年3月10日", "inquiry": "2026年3月12日",
           "survey": "2026年3月16日", "report": "2026年3月23日", "notice": "2026年3月25日", "notice_served": "2026年3月26日",
           "waiver": "2026年3月27日", "review": "2026年4月1日", "discussion": "2026年4月3日", "decided": "2026年4月7日",
           "served": "2026年4月8日", "hearing_request": "2026年3月27日", "hearing_notice": "2026年3月30日", "hearing": "2026年4月10日",
           "hearing_report": "2026年4月13日"}
L_HEARING = {"review": "2026年4月15日", "discussion": "2026年4月17日", "decided": "2026年4月20日", "served": "2026年4月21日"}


def land(opts: dict) -> dict[str, tuple]:
    s = LAND
    kind = opts.get("case", "quarry")
    p, c = L_PARTIES[kind], dict(L_CASES[kind], **opts.get("case_over", {}))
    hearing = opts.get("hearing", False)
    d = dict(L_DATES, **(L_HEARING if hearing else {}), **opts.get("dates", {}))
    A, off = s["agency"], s["officers"]
    rate = opts.get("rate", c["rate"])
    fine = rate * c["m2"]
    found = (f"当事人未经批准，擅自占用{p['village']}集体土地{c['use']}。经云岭县测绘院勘测定界，占用土地面积{c['m2']}平方米（合{c['mu']}亩），"
             f"经套合土地利用现状图和国土空间规划，地类为{c['kind']}，不符合国土空间规划。")
    violated = "《中华人民共和国土地管理法》第四十四条第一款"
    basis = "《中华人民共和国土地管理法》第七十七条第一款和《中华人民共和国土地管理法实施条例》第五十七条第一款"
    restore = "责令退还非法占用的土地，限期十五日内拆除在非法占用的土地上新建的建筑物和其他设施，恢复土地原状；" if opts.get("restore", True) else ""
    measure = f"{restore}对非法占用的土地处以每平方米{rate}元的罚款，计人民币{fine}元"
    docs: dict[str, tuple] = {}
    docs["01责令停止违法行为通知书.docx"] = P(A, "责令停止违法行为通知书", f"{s['short']}停字〔2026〕第9号", f"{p['party']}：",
                                           f"经查，你单位在{p['place']}{c['use']}，未取得用地批准手续，涉嫌违反{violated}的规定。"
                                           "根据《中华人民共和国土地管理法》第六十八条的规定，责令你单位立即停止上述违法行为，听候处理。",
                                           A, d["patrol"])
    docs["02立案呈批表.docx"] = T([A, "立案呈批表", f"{s['short']}立〔2026〕第9号"], [
        ("案件来源", "卫片执法检查、动态巡查"), ("案由", "涉嫌非法占用土地"), ("当事人", p["party"]), ("统一社会信用代码", p["code"]),
        ("住所", p["address"]), ("法定代表人", p["rep"]),
        ("基本案情", f"{d['patrol']}巡查发现，{p['party']}在{p['place']}{c['use']}，未办理用地手续。"),
        ("承办人", certs(off)), ("执法监察大队意见", "建议立案查处。"), ("局领导审批", f"同意立案。{s['head']}　{d['filed']}")])
    docs["03现场勘验笔录.docx"] = P(A, "现场勘验笔录", f"勘验时间：{d['onsite']}9时至10时30分", f"勘验地点：{p['place']}",
                                  f"当事人：{p['party']}，现场负责人{p['rep']}", f"勘验人：{certs(off)}", f"记录人：{off[1][0]}",
                                  f"勘验情况：现场已建成{c['use'].replace('建设', '').replace('硬化地面', '硬化地面的')}，四至为：东至村道，南至水渠，西至林地，北至农户承包地。"
                                  "现场拍摄照片12张。", "以上笔录已经当事人核对无误。", f"当事人签名：{p['rep']}", f"勘验人签名：{names(off)}")
    inq = opts.get("inquiry_officers", off)
    docs["04询问笔录.docx"] = P(A, "询问笔录", f"时间：{d['inquiry']}9时至10时", f"地点：{A}执法监察大队",
                              f"询问人：{certs(inq)}", f"记录人：{inq[-1][0]}",
                              f"被询问人：{p['rep']}，男，{p['party']}法定代表人",
                              "问：我们是云岭县自然资源和规划局的执法人员，向你出示了执法证件，现依法向你调查，你有申请回避的权利，是否申请回避？",
                              "答：不申请。", f"问：{p['place']}的{c['use'].replace('建设', '')}是谁建的？有没有办理用地审批手续？",
                              f"答：是我们公司建的，没有办理用地审批手续，占地大约{c['mu']}亩。", f"被询问人签名：{p['rep']}", f"询问人签名：{names(inq)}")
    docs["05勘测定界报告.txt"] = P("云岭县测绘院", "勘测定界技术报告", f"委托单位：{A}", f"项目名称：{p['party']}用地勘测定界",
                                  f"测量日期：{d['onsite']}　报告日期：{d['survey']}", "测量方法：GNSS-RTK，CGCS2000坐标系",
                                  f"勘测结果：宗地总面积{c['m2']}平方米（{c['mu']}亩），其中{c['kind']}{c['m2']}平方米；不涉及永久基本农田。"
                                  if "永久基本农田" not in c["kind"] else f"勘测结果：宗地总面积{c['m2']}平方米（{c['mu']}亩），全部为永久基本农田。",
                                  "技术负责人：童志远　审核：钟华")
    docs["06案件调查报告.docx"] = P(A, "案件调查报告", f"当事人：{p['party']}", "案由：非法占用土地", f"调查认定的事实：{found}",
                                  "证据：责令停止违法行为通知书、现场勘验笔录、询问笔录、勘测定界技术报告、土地利用现状图、现场照片、营业执照复印件。",
                                  f"处理意见：当事人的行为违反了{violated}的规定，依据{basis}的规定，建议{measure}。",
                                  f"承办人：{names(off)}", d["report"])
    no_told = opts.get("decide_in_window")
    if not opts.get("no_notice"):
        docs["07行政处罚告知书.docx"] = P(A, "行政处罚告知书", f"{s['short']}罚告〔2026〕第9号", f"{p['party']}：",
                                        f"经查，{found}",
                                        f"你单位的上述行为违反了{violated}的规定。依据{basis}的规定，本局拟作出如下行政处罚：{measure}。",
                                        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，你单位有权进行陈述、申辩，"
                                        "并有权要求举行听证。你单位应当在收到本告知书之日起五日内提出陈述、申辩或者听证申请，逾期视为放弃。",
                                        A, d["notice"])
        docs["08送达回证（告知书）.docx"] = T([A, "送达回证"], [
            ("送达文书", f"行政处罚告知书 {s['short']}罚告〔2026〕第9号"), ("受送达人", p["party"]), ("送达地址", p["address"]),
            ("受送达人签收及日期", f"{p['rep']} {d['notice_served']}"), ("送达人", names(off))])
    if hearing:
        docs["09听证通知书.docx"] = P(A, "听证通知书", f"{s['short']}听通〔2026〕第2号", f"{p['party']}：",
                                    f"你单位于{d['hearing_request']}提出的听证申请，本局已受理。定于{d['hearing']}14时30分在本局五楼会议室举行听证，"
                                    f"听证主持人：{s['reviewer']}。", A, d["hearing_notice"])
        docs["10听证笔录.docx"] = P(A, "听证笔录", f"时间：{d['hearing']}14时30分至16时", "地点：本局五楼会议室",
                                  f"主持人：{s['reviewer']}", f"调查人员：{names(off)}", f"当事人：{p['party']}（法定代表人{p['rep']}）",
                                  "调查人员陈述了违法事实、证据和处罚建议；当事人对事实无异议，请求延长拆除期限。", f"当事人签名：{p['rep']}")
        docs["11听证报告.docx"] = P(A, "听证报告", f"当事人：{p['party']}", f"听证时间：{d['hearing']}",
                                  "处理意见：当事人请求延长拆除期限的理由不充分，建议维持拟处罚意见。", f"主持人：{s['reviewer']}", d["hearing_report"])
    elif not opts.get("no_notice") and not no_told:
        docs["09放弃陈述申辩和听证声明.txt"] = P(f"{A}：", f"我单位已收到贵局行政处罚告知书（{s['short']}罚告〔2026〕第9号），对认定的事实和拟作出的处罚无异议，"
                                              "自愿放弃陈述、申辩和听证的权利。", f"声明单位：{p['party']}", f"法定代表人：{p['rep']}", d["waiver"])
    docs["12法制审核意见书.docx"] = T([A, "重大执法决定法制审核意见书"], [
        ("当事人", p["party"]), ("案由", "非法占用土地"),
        ("审核意见", "经审核，本案主体合法，事实清楚，证据确凿，程序合法，适用依据正确，处罚适当，同意承办机构的处理意见。"),
        ("审核人", f"{s['reviewer']} {d['review']}")])
    docs["13重大案件集体讨论记录.docx"] = P(A, "重大案件集体讨论记录", f"时间：{d['discussion']}9时", "地点：局三楼会议室",
                                        f"主持人：{s['head']}（局长）", "参加人员：局领导班子成员，法规科、执法监察大队负责人", f"汇报人：{off[0][0]}",
                                        f"讨论案件：{p['party']}非法占用土地案", f"案情：{found}", "讨论意见：事实清楚，证据充分，程序合法，适用法律正确。",
                                        f"决定：同意{measure}。", f"主持人签名：{s['head']}")
    steps = f"{d['filed']}，本局对你单位非法占用土地一案立案调查。"
    if not opts.get("no_notice"):
        steps += f"{d['notice_served']}，本局向你单位送达了行政处罚告知书，告知了拟作出行政处罚的事实、理由、依据及你单位享有的陈述、申辩和要求听证的权利。"
        if hearing:
            steps += f"你单位申请听证，本局于{d['hearing']}举行了听证。"
        elif not no_told:
            steps += "你单位在规定期限内放弃陈述、申辩和听证。"
    docs["14行政处罚决定书.docx"] = P(A, "行政处罚决定书", f"{s['short']}罚〔2026〕第9号", f"被处罚单位：{p['party']}",
                                    f"统一社会信用代码：{p['code']}", f"住所：{p['address']}", f"法定代表人：{p['rep']}", steps,
                                    f"经查，{found}",
                                    "以上事实有现场勘验笔录、询问笔录、勘测定界技术报告、土地利用现状图、现场照片等证据证实。",
                                    f"本局认为，你单位的上述行为违反了{violated}的规定。依据{basis}的规定，本局决定：{measure}。",
                                    "罚款自收到本决定书之日起十五日内缴至云岭县财政局非税收入汇缴专户。逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。",
                                    "如不服本决定，可以在收到本决定书之日起六十日内向云岭县人民政府申请行政复议，也可以在六个月内向云岭县人民法院提起行政诉讼。",
                                    A, d["decided"])
    docs["15送达回证（决定书）.docx"] = T([A, "送达回证"], [
        ("送达文书", f"行政处罚决定书 {s['short']}罚〔2026〕第9号"), ("受送达人", p["party"]), ("送达地址", p["address"]),
        ("受送达人签收及日期", f"{p['rep']} {d['served']}"), ("送达人", names(off))])
    return docs


# -- the dossiers and their truth ---------------------------------------------------------------------------------------
def D(sector, build, opts, holds, defect=None, rules=(), category=None):
    return {"sector": sector, "build": build, "opts": opts, "holds": holds, "defect": defect, "rules": list(rules), "category": category}


ONE = [SAFETY["officers"][0]]
CASES = {
    # 应急管理
    "safety_signs_correct": D("应急管理", safety, {}, "现场检查记录→责令限期整改指令书→立案→询问→整改复查→调查报告→案件审核表（法制审核）→呈批表→告知书（5日）→放弃陈述申辩→决定（第九十九条第（一）项，责令限期改正并罚款2万元）→送达；检查先于立案，属应急执法常态"),
    "safety_hazard_correct": D("应急管理", safety, {"case": "hazard", "discussion": True}, "同一流程，第一百零一条第（二）项，罚款6万元，告知听证权、当事人放弃，另有重大行政处罚案件集体讨论记录"),
    "safety_one_officer_on_inspection": D("应急管理", safety, {"check_officers": ONE}, "现场检查记录只有一名检查人员（冯立军），其余同 safety_signs_correct",
                                          "现场检查只有一名执法人员", ["P06-officers"], "authority"),
    "safety_fine_above_range": D("应急管理", safety, {"fine": 80000, "upper": "捌万元整", "hearing_told": True},
                                 "第九十九条第（一）项（五万元以下，首次未逾期）处罚款8万元", "罚款超出第九十九条的幅度", ["D01-fine-range"], "discretion"),
    "safety_no_correction_ordered": D("应急管理", safety, {"with_order": False}, "无责令限期整改指令书和整改复查，决定书只罚款不责令限期改正",
                                      "第九十九条要求的责令限期改正缺失", ["D06-correction-ordered"], "discretion"),
    "safety_decided_in_statement_window": D("应急管理", safety, {"decide_in_window": True, "dates": {"decided": "2026年6月1日", "served": "2026年6月2日"}},
                                            "告知书5月28日送达，6月1日即作出决定（陈述申辩期至6月4日），无陈述申辩材料",
                                            "陈述申辩期未满即作出决定", ["P12-statement-window"], "procedure"),
    "safety_hearing_not_told": D("应急管理", safety, {"case": "hazard", "discussion": True, "fine": 100000, "upper": "壹拾万元整", "hearing_told": False},
                                 "第一百零一条第（二）项罚款10万元，告知书只告知陈述申辩，未告知听证权", "较大数额罚款未告知听证权",
                                 ["P19-hearing-rights"], "procedure"),
    # 生态环境
    "ecology_air_correct": D("生态环境", ecology, {}, "立案→现场检查（勘察）笔录→责令改正违法行为决定书→调查询问笔录→调查报告→事先（听证）告知书→放弃→法制审核→案件审批表→决定（大气法第一百零八条第（一）项罚款5万元）→送达"),
    "ecology_water_hearing_correct": D("生态环境", ecology, {"case": "water", "hearing": True},
                                       "超标排放：现场检查（勘察）笔录、采样记录、监测报告、责令改正违法行为决定书、询问、调查报告、听证告知、听证申请、听证通知（11日前）、听证笔录、听证报告、法制审核、集体审议、决定（水污染防治法第八十三条第（二）项罚款20万元）、送达"),
    "ecology_article_does_not_exist": D("生态环境", ecology, {"basis": "《中华人民共和国大气污染防治法》第一百三十八条第（一）项"},
                                        "处罚依据引用大气污染防治法第一百三十八条（该法共一百二十九条）", "引用的条文不存在", ["L01-citations"], "legal_basis"),
    "ecology_fine_below_range": D("生态环境", ecology, {"case": "water", "fine": 60000, "upper": "陆万元整", "discussion": True},
                                  "水污染防治法第八十三条（十万元以上一百万元以下）处罚款6万元，无减轻处罚理由", "罚款低于法定幅度下限",
                                  ["D01-fine-range", "D05-mitigation-basis"], "discretion"),
    "ecology_no_notice": D("生态环境", ecology, {"no_notice": True}, "卷中无事先告知书及其送达回证，决定书也未提告知", "未履行告知程序",
                           ["C04-notice-on-file"], "procedure"),
    "ecology_hearing_not_told": D("生态环境", ecology, {"case": "water", "hearing_told": False},
                                  "水污染防治法第八十三条罚款20万元，事先告知书未告知听证权，当事人放弃陈述申辩", "较大数额罚款未告知听证权",
                                  ["P19-hearing-rights"], "procedure"),
    "ecology_no_collective_discussion": D("生态环境", ecology, {"case": "water", "discussion": False},
                                          "水污染防治法第八十三条罚款20万元，只有负责人审批表，无集体讨论（审议）记录", "重大罚款未经负责人集体讨论",
                                          ["C01-required-documents"], "documents"),
    # 自然资源
    "land_quarry_correct": D("自然资源", land, {}, "责令停止违法行为通知书→立案呈批表→现场勘验笔录→询问笔录→勘测定界技术报告（1800㎡一般耕地）→调查报告→告知书（听证权）→放弃声明→法制审核→集体讨论→决定（退还、拆除、每平方米200元罚款36万元）→送达"),
    "land_logistics_hearing_correct": D("自然资源", land, {"case": "logistics", "hearing": True},
                                        "同一流程，600㎡一般耕地，当事人申请听证（听证通知书提前11日）、听证笔录、听证报告，每平方米150元罚款9万元"),
    "land_one_officer_at_inquiry": D("自然资源", land, {"inquiry_officers": [LAND["officers"][0]]}, "询问笔录只有一名询问人（同时为记录人）",
                                     "询问只有一名执法人员", ["P06-officers"], "authority"),
    "land_fine_above_range": D("自然资源", land, {"rate": 1200}, "每平方米1200元（实施条例第五十七条：100元以上1000元以下），罚款216万元",
                               "罚款超出每平方米1000元的上限", ["D01-fine-range", "D05-land-fine-per-area"], "discretion"),
    "land_no_referral": D("自然资源", land, {"case_over": {"m2": 4000, "mu": "6.0", "kind": "永久基本农田"}, "rate": 300},
                          "占用永久基本农田4000㎡（6亩），达到刑法第三百四十二条追诉标准（基本农田5亩），卷中无移送书", "涉嫌犯罪未移送",
                          ["R01-thresholds", "R03-land-referral"], "referral"),
    "land_no_restoration_ordered": D("自然资源", land, {"restore": False}, "决定书、告知书只有罚款，未责令退还土地、限期拆除恢复原状",
                                     "第七十七条要求的责令退还、限期拆除缺失", ["D06-correction-ordered"], "discretion"),
}


def truth_lines(header: list[str], rows) -> list[str]:
    """expected.toml: per dossier (name, sector, holds, defect or None, rules, category)."""
    out = header + [""]
    for name, sector, holds, defect, rules, category in rows:
        out += [f"[{name}]", f'sector = "{sector}"', f'holds = "{holds}"']
        if defect:
            out += [f'defect = "{defect}"', f'category = "{category}"', "rules = [" + ", ".join(f'"{r}"' for r in rules) + "]"]
        else:
            out.append('verdict = "同意"')
        out.append("")
    return out


def write_dossiers(here: Path, builds: dict[str, tuple], truth: list[str], only: list[str] | None = None) -> None:
    """Each dossier's folder from (build, opts), and the truth beside them."""
    for name, (build, opts) in builds.items():
        if only and name not in only:
            continue
        folder = here / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for fname, doc in build(opts).items():
            save(doc, folder / fname)
    (here / "expected.toml").write_text("\n".join(truth), encoding="utf-8")


def write_all(only: list[str] | None = None) -> None:
    header = ["# 三个行业的行政处罚案卷（issue 27，留出检验）：holds 卷中有什么；defect 埋入的缺陷；rules 应发现它的规则（任一即可）；",
              "# category 类别；verdict = \"同意\" 为正确案卷。本文件在运行审核之前写成。"]
    rows = [(n, c["sector"], c["holds"], c["defect"], c["rules"], c["category"]) for n, c in CASES.items()]
    write_dossiers(HERE, {n: (c["build"], c["opts"]) for n, c in CASES.items()}, truth_lines(header, rows), only)


if __name__ == "__main__":
    import sys

    write_all(sys.argv[1:] or None)
