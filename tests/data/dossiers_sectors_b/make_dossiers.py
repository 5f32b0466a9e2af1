"""The second round of held-out sector dossiers (issue 27), written after the first round's fixes and
before the tool ran on them: a fourth sector, 交通运输 (道路运输条例, with its own 违法行为通知书 as the
告知 and 责令改正违法行为通知书), and another hand in 应急管理 (the 逾期未改正 tier of 安全生产法) and
生态环境 (环境影响评价法 未批先建). Dates written in Chinese numerals in some papers, the decision and
the notice as .txt. Truth in expected.toml, written from CASES below.

    PYTHONPATH=. .venv/bin/python tests/data/dossiers_sectors_b/make_dossiers.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.data.dossiers.make_dossiers import uscc
from tests.data.dossiers_sectors.make_dossiers import P, T, names, save

HERE = Path(__file__).resolve().parent


# -- 交通运输：县交通运输局，道路运输条例第六十三条第（一）项 ---------------------------------------------------
TRANSPORT = {"agency": "云岭县交通运输局", "short": "云交", "officers": [("骆志刚", "33092100611"), ("项敏", "33092100612")],
             "reviewer": "包文杰", "head": "鲍国庆", "party": "云岭县速达货运服务部", "code": uscc("92330921MA2G5K7X1"),
             "address": "云岭县白云街道滨江路45号", "rep": "阮小兵", "plate": "浙K·5Q728"}


def transport(opts: dict) -> dict[str, tuple]:
    s, A, off = TRANSPORT, TRANSPORT["agency"], TRANSPORT["officers"]
    scene_off = opts.get("scene_officers", off)
    fine = opts.get("fine", 5000)
    fact = (f"当事人未取得道路运输经营许可，于二〇二六年八月三日使用其所有的{s['plate']}号重型厢式货车，为云岭县恒丰建材有限公司运输瓷砖一车"
            "自云岭县至丽州市，收取运费800元，违法所得800元，不足1万元。")
    docs: dict[str, tuple] = {}
    docs["01现场笔录.docx"] = P(A, "现场笔录", "执法地点：G530国道云岭收费站治超检测点", "执法时间：二〇二六年八月三日十时二十分至十一时",
                              "执法人员姓名及执法证号：" + "；".join(f"{n} {c}" for n, c in scene_off),
                              f"当事人：{s['rep']}（驾驶员，系{s['party']}经营者）", f"车辆号牌：{s['plate']}",
                              f"现场情况：执法人员出示执法证件后，对{s['plate']}号货车进行检查，该车装载瓷砖约18吨，驾驶员无法出示道路运输证，"
                              "经查询，该车及其所属经营者未取得道路运输经营许可。",
                              f"当事人签名：{s['rep']}", "执法人员签名：" + names(scene_off))
    docs["02立案登记表.docx"] = T([A, "立案登记表", f"{s['short']}立〔2026〕第47号"], [
        ("案件来源", "路面检查"), ("受案时间", "2026年8月3日"), ("案由", "涉嫌未取得道路运输经营许可擅自从事道路普通货物运输经营"),
        ("当事人", s["party"]), ("统一社会信用代码", s["code"]), ("经营者", s["rep"]), ("地址", s["address"]),
        ("案件基本情况", fact), ("立案依据", "《中华人民共和国道路运输条例》第二十四条、第六十三条"),
        ("执法机构意见", "建议立案。"), ("负责人审批意见", f"同意立案。{s['head']}　2026年8月3日")])
    if not opts.get("no_correction"):
        docs["03责令改正违法行为通知书.docx"] = P(A, "责令改正违法行为通知书", f"{s['short']}责改〔2026〕第47号", f"{s['party']}：",
                                              "经调查，你（单位）未取得道路运输经营许可，擅自从事道路普通货物运输经营，违反了《中华人民共和国道路运输条例》"
                                              "第二十四条的规定。依据《中华人民共和国道路运输条例》第六十三条的规定，现责令你（单位）立即停止经营。", A, "2026年8月3日")
    docs["04询问笔录.docx"] = P(A, "询问笔录", "询问时间：2026年8月5日9时至9时40分", f"询问地点：{A}执法大队",
                              f"被询问人：{s['rep']}　性别：男", f"询问人：{off[0][0]}　执法证号：{off[0][1]}",
                              f"询问人：{off[1][0]}　执法证号：{off[1][1]}", f"记录人：{off[1][0]}",
                              "问：我们是云岭县交通运输局执法人员，已向你出示执法证件，你是否申请回避？", "答：不申请。",
                              "问：你有没有道路运输经营许可证？", "答：没有，车子是我自己的，偶尔帮人拉货。", "问：这趟运费多少？", "答：800元。",
                              f"被询问人签名：{s['rep']}")
    docs["05案件调查报告.docx"] = P(A, "案件调查报告", "案由：未取得道路运输经营许可擅自从事道路普通货物运输经营", f"当事人：{s['party']}",
                                  f"违法事实：{fact}", "证据：现场笔录、询问笔录、车辆行驶证及驾驶证复印件、运输单据、现场照片。",
                                  f"处理意见：依据《中华人民共和国道路运输条例》第六十三条第（一）项的规定，建议责令停止经营，处罚款{fine}元。",
                                  f"办案人员：{names(off)}", "2026年8月10日")
    if not opts.get("no_notice"):
        docs["06违法行为通知书.txt"] = P(A, "违法行为通知书", f"{s['short']}违通〔2026〕第47号", f"{s['party']}：",
                                       f"经调查，你（单位）{fact}",
                                       "该行为违反了《中华人民共和国道路运输条例》第二十四条的规定，依据《中华人民共和国道路运输条例》第六十三条第（一）项的规定，"
                                       f"本机关拟作出责令停止经营、处罚款{fine}元的行政处罚决定。",
                                       "请你（单位）在收到本通知书之日起三日内向本机关进行陈述和申辩。逾期未陈述和申辩的，视为你（单位）放弃上述权利。",
                                       "执法机关地址：云岭县白云街道交通路1号　联系人：骆志刚　联系电话：0578-5567890", A, "2026年8月11日")
        docs["07送达回证（违法行为通知书）.docx"] = T([A, "送达回证"], [
            ("送达文书名称", f"违法行为通知书（{s['short']}违通〔2026〕第47号）"), ("受送达人", s["party"]), ("送达地点", s["address"]),
            ("送达方式", "直接送达"), ("受送达人签名或盖章", f"{s['rep']}　2026年8月11日"), ("送达人", names(off))])
        docs["08陈述申辩书.txt"] = P("陈述申辩书", f"{A}：", "我收到违法行为通知书，对违法事实没有异议，以后不再无证经营，放弃陈述申辩。",
                                   f"陈述申辩人：{s['rep']}", "2026年8月12日")
    docs["09执法决定法制审核意见书.docx"] = T([A, "执法决定法制审核意见书"], [
        ("案由", "未取得道路运输经营许可擅自从事道路普通货物运输经营"), ("当事人", s["party"]),
        ("审核意见", "事实清楚，证据确凿，适用依据正确，程序合法，处罚适当，同意。"), ("审核人", f"{s['reviewer']}　2026年8月14日"),
        ("负责人意见", f"同意按拟处罚意见作出处罚决定。{s['head']}　2026年8月17日")])
    steps = "2026年8月3日，本机关对你（单位）涉嫌未取得道路运输经营许可擅自从事道路普通货物运输经营一案立案调查。"
    if not opts.get("no_notice"):
        steps += "2026年8月11日，本机关向你（单位）送达了违法行为通知书，你（单位）放弃陈述和申辩。"
    order = "责令停止经营，" if not opts.get("no_correction") else ""
    docs["10行政处罚决定书.txt"] = P(A, "行政处罚决定书", f"{s['short']}罚〔2026〕第47号",
                                   f"当事人：{s['party']}，经营者{s['rep']}，统一社会信用代码{s['code']}，地址：{s['address']}。", steps,
                                   f"经查，{fact}以上事实有现场笔录、询问笔录、车辆行驶证及驾驶证复印件、运输单据、现场照片等证据证明。",
                                   "本机关认为，当事人的上述行为违反了《中华人民共和国道路运输条例》第二十四条的规定，依据《中华人民共和国道路运输条例》"
                                   f"第六十三条第（一）项的规定，决定给予如下行政处罚：{order}处罚款人民币{fine}元。",
                                   "当事人必须在收到本决定书之日起十五日内持本决定书到云岭县农业银行缴纳罚款。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款。",
                                   "当事人对本决定不服的，可以在收到本决定书之日起六十日内向云岭县人民政府申请行政复议，或者六个月内依法向云岭县人民法院提起行政诉讼。",
                                   A, "2026年8月18日")
    docs["11送达回证（决定书）.docx"] = T([A, "送达回证"], [
        ("送达文书名称", f"行政处罚决定书（{s['short']}罚〔2026〕第47号）"), ("受送达人", s["party"]), ("送达地点", s["address"]),
        ("送达方式", "直接送达"), ("受送达人签名或盖章", f"{s['rep']}　2026年8月19日"), ("送达人", names(off))])
    return docs


# -- 应急管理（另一手）：逾期未改正的第二档 -----------------------------------------------------------------------
EM = {"agency": "云岭县应急管理局", "officers": [("冯立军", "33092100301"), ("潘雪", "33092100305")], "head": "汪建华",
      "party": "云岭县鼎盛木业有限公司", "code": uscc("91330921MA2H8M3C5"), "address": "云岭县石塘镇工业区3号", "rep": "袁宏"}


def emergency_late(opts: dict) -> dict[str, tuple]:
    s, A, off = EM, EM["agency"], EM["officers"]
    fine = opts.get("fine", 80000)
    found = "当事人木工车间除尘系统未按照国家标准安装火花探测与熄灭装置，安全设备的安装不符合国家标准。"
    docs: dict[str, tuple] = {}
    docs["01现场检查记录（2026年4月1日）.txt"] = P(A, "现场检查记录", "检查时间：二〇二六年四月一日九时至十时", f"被检查单位：{s['party']}",
                                               "检查人员：" + "、".join(f"{n}（{c}）" for n, c in off), f"检查情况：{found}",
                                               f"被检查单位负责人：{s['rep']}", "检查人员：" + names(off))
    docs["02责令限期整改指令书.docx"] = P(A, "责令限期整改指令书", "云应急责改〔2026〕第12号", f"{s['party']}：", f"经查，你单位存在：{found}",
                                      "现责令你单位于2026年4月15日前整改完毕。", f"安全生产执法人员：{names(off)}", A, "2026年4月1日")
    docs["03现场检查记录（复查）.txt"] = P(A, "现场检查记录", "检查时间：二〇二六年四月十六日九时至九时三十分", f"被检查单位：{s['party']}",
                                      "检查人员：" + "、".join(f"{n}（{c}）" for n, c in off),
                                      "检查情况：复查发现，当事人木工车间除尘系统仍未安装火花探测与熄灭装置，逾期未改正。",
                                      f"被检查单位负责人：{s['rep']}", "检查人员：" + names(off))
    docs["04立案审批表.docx"] = T([A, "立案审批表"], [("案由", "安全设备的安装不符合国家标准，逾期未改正案"), ("当事人", s["party"]),
                                                   ("统一社会信用代码", s["code"]), ("地址", s["address"]), ("审批意见", f"同意立案。{s['head']}　2026年4月16日")])
    docs["05询问笔录.docx"] = P(A, "询问笔录", "询问时间：2026年4月17日9时至9时50分", f"被询问人：{s['rep']}",
                              "询问人：" + "、".join(f"{n}（执法证号：{c}）" for n, c in off), f"记录人：{off[1][0]}",
                              "问：指令书要求4月15日前整改，为什么没有整改？", "答：设备还没到货，没来得及。", f"被询问人签名：{s['rep']}")
    docs["06案件审核表.docx"] = T([A, "案件审核表"], [("当事人", s["party"]), ("拟处理意见", f"罚款{fine}元"),
                                                   ("法制审核意见", "事实清楚，证据确凿，适用法律正确，程序合法。柳青　2026年4月22日")])
    docs["07行政处罚告知书.docx"] = P(A, "行政处罚告知书", "云应急罚告〔2026〕第9号", f"{s['party']}：",
                                    f"经查，{found}本局于2026年4月1日责令你单位限期改正，你单位逾期未改正。",
                                    "你单位的行为违反了《中华人民共和国安全生产法》第三十六条第一款的规定，依据《中华人民共和国安全生产法》第九十九条第（二）项的规定，"
                                    f"本局拟对你单位处人民币{fine}元罚款。",
                                    "你单位有权进行陈述和申辩，并有权要求举行听证，应在收到本告知书之日起五日内提出。", A, "2026年4月23日")
    docs["08文书送达回执.docx"] = T([A, "文书送达回执"], [("送达文书名称及文号", "行政处罚告知书（云应急罚告〔2026〕第9号）"),
                                                     ("受送达人", s["party"]), ("受送达人签收", f"{s['rep']}　2026年4月23日"), ("送达人", names(off))])
    docs["09放弃陈述申辩和听证声明.docx"] = P("放弃陈述申辩和听证声明", f"{A}：", "我单位对告知的事实和拟处罚无异议，放弃陈述、申辩和听证的权利。",
                                          f"{s['party']}　{s['rep']}", "2026年4月24日")
    docs["10案件处理呈批表.docx"] = T([A, "案件处理呈批表"], [("当事人", s["party"]), ("处理意见", f"罚款{fine}元"),
                                                         ("审批意见", f"同意。{s['head']}　2026年5月6日")])
    docs["11行政处罚决定书.txt"] = P(A, "行政处罚决定书", "云应急罚〔2026〕第9号", f"被处罚单位：{s['party']}", f"统一社会信用代码：{s['code']}",
                                   f"地址：{s['address']}", f"法定代表人：{s['rep']}",
                                   f"经查，{found}本局于2026年4月1日作出责令限期整改指令书，责令你单位于2026年4月15日前整改完毕，"
                                   "2026年4月16日复查发现你单位逾期未改正。以上事实有现场检查记录、责令限期整改指令书、询问笔录等证据为证。",
                                   "你单位的上述行为违反了《中华人民共和国安全生产法》第三十六条第一款的规定，依据《中华人民共和国安全生产法》第九十九条第（二）项的规定，"
                                   f"本局决定对你单位处人民币{fine}元罚款。",
                                   "罚款自收到本决定书之日起十五日内缴至指定银行。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
                                   "如不服本决定，可以在六十日内向云岭县人民政府申请行政复议，或者在六个月内向云岭县人民法院提起行政诉讼。", A, "2026年5月7日")
    docs["12文书送达回执（决定书）.docx"] = T([A, "文书送达回执"], [("送达文书名称及文号", "行政处罚决定书（云应急罚〔2026〕第9号）"),
                                                           ("受送达人", s["party"]), ("受送达人签收", f"{s['rep']}　2026年5月8日"), ("送达人", names(off))])
    if opts.get("discussion"):
        docs["13集体讨论记录.docx"] = P(A, "重大行政处罚案件集体讨论记录", "时间：2026年5月6日", f"主持人：{s['head']}",
                                      f"讨论案件：{s['party']}安全设备安装不符合国家标准逾期未改正案", f"结论：同意罚款{fine}元。")
    return docs


CASES = {
    "transport_unlicensed_freight_correct": ("交通运输", transport, {},
                                             "现场笔录→立案登记表→责令改正违法行为通知书→询问笔录（两名询问人分行）→调查报告→违法行为通知书（交通的告知，3日）→送达→陈述申辩书（放弃）→法制审核意见书（负责人同意）→决定（道路运输条例第六十三条第（一）项，违法所得800元不足1万元，责令停止经营并罚款5000元）→送达",
                                             None, [], None),
    "transport_fine_above_range": ("交通运输", transport, {"fine": 60000},
                                   "同上，罚款6万元（违法所得不足1万元：3000元至1万元，情节严重1万至5万元）", "罚款超出第六十三条第（一）项的幅度",
                                   ["D01-fine-range"], "discretion"),
    "transport_one_officer_on_scene": ("交通运输", transport, {"scene_officers": [TRANSPORT["officers"][0]]},
                                       "现场笔录只有一名执法人员", "现场检查只有一名执法人员", ["P06-officers"], "authority"),
    "transport_no_notice": ("交通运输", transport, {"no_notice": True}, "无违法行为通知书及其送达回证、无陈述申辩书，决定书也未提告知",
                            "未履行告知程序", ["C04-notice-on-file"], "procedure"),
    "transport_no_stop_ordered": ("交通运输", transport, {"no_correction": True}, "无责令改正违法行为通知书，决定书只罚款未责令停止经营",
                                  "第六十三条要求的责令停止经营缺失", ["D06-correction-ordered"], "discretion"),
    "emergency_overdue_tier_correct": ("应急管理", emergency_late, {"discussion": False},
                                       "两份现场检查记录（首查、复查，日期用汉字），指令书，复查逾期未改正，第九十九条第二档（五万元以上二十万元以下）罚款8万元，告知听证权、放弃",
                                       None, [], None),
    "emergency_overdue_tier_above_range": ("应急管理", emergency_late, {"fine": 250000, "discussion": True},
                                           "同上，罚款25万元，超过第九十九条逾期未改正的上限20万元（卷中有集体讨论记录）", "罚款超出第九十九条第二档的幅度",
                                           ["D01-fine-range"], "discretion"),
}


def truth_lines() -> list[str]:
    out = ["# 第二轮留出案卷（issue 27）：第一轮修正之后、运行审核之前写成。字段同 ../dossiers_sectors/expected.toml。", ""]
    for name, (sector, _, _, holds, defect, rules, category) in CASES.items():
        out += [f"[{name}]", f'sector = "{sector}"', f'holds = "{holds}"']
        if defect:
            out += [f'defect = "{defect}"', f'category = "{category}"', "rules = [" + ", ".join(f'"{r}"' for r in rules) + "]"]
        else:
            out.append('verdict = "同意"')
        out.append("")
    return out


def write_all(only: list[str] | None = None) -> None:
    for name, (_, build, opts, *_rest) in CASES.items():
        if only and name not in only:
            continue
        folder = HERE / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        for fname, doc in build(opts).items():
            save(doc, folder / fname)
    (HERE / "expected.toml").write_text("\n".join(truth_lines()), encoding="utf-8")


if __name__ == "__main__":
    import sys

    write_all(sys.argv[1:] or None)
