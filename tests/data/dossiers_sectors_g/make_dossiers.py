"""The seventh round of held-out sector dossiers (issue 27), written before the tool ran on them, by another hand
(澄溪县), in three sectors and violations no earlier round used, each in its agencies' own forms:

- 交通运输 (县交通运输局, 交通运输行政执法文书式样): 公路法第四十四条第一款、第七十六条第（一）项 擅自挖掘公路 (责令停止违法行为,
  三万元以下) — 现场笔录, 勘验笔录, 责令改正违法行为通知书, 立案登记表, 询问笔录, 案件调查报告, 违法行为通知书 (三日),
  陈述申辩书, 案件处理审批表; 网络预约出租汽车经营服务管理暂行办法 (2022修正) 第三十四条 未取得许可擅自从事网约车经营
  (责令改正, 警告, 一万至三万元).
- 城管综合执法 (县综合行政执法局, 相对集中行政处罚权): 城市道路管理条例第二十七条、第四十二条 占道经营 (责令限期改正, 二万元
  以下) — 现场检查（勘察）笔录, 责令限期改正通知书, 复查笔录, 立案审批表, 调查询问笔录, 案件调查终结报告, 行政处罚事先告知书,
  陈述申辩笔录, 行政处罚审批表; 城乡规划法第六十四条 未取得建设工程规划许可证建厂房, 尚可采取改正措施 (限期改正, 造价
  百分之五至十) with 听证告知, 法制审核, 集体讨论.
- 水利 (县水利局): 水法第六十五条第一款 在禁采区采砂危害堤防安全 (责令停止违法行为, 恢复原状, 一万至十万元) with a hearing;
  水法第六十九条第（一）项 未经批准擅自取水 (责令停止违法行为, 限期采取补救措施, 二万至十万元) — 水行政执法文书: 现场检查笔录,
  责令停止水事违法行为通知书, 立案审批表, 询问笔录, 水行政处罚告知书, 听证通知书, 听证笔录, 听证报告书,
  重大行政执法决定法制审核意见书, 案件集体讨论记录, 水行政处罚决定审批表, 水行政处罚决定书.

Truth in expected.toml, written from CASES below before any check runs.

    PYTHONPATH=. .venv/bin/python tests/data/dossiers_sectors_g/make_dossiers.py
"""

from __future__ import annotations

from pathlib import Path

from tests.data.dossiers.make_dossiers import idcard, uscc
from tests.data.dossiers_sectors.make_dossiers import P, T, certs, names, truth_lines, write_dossiers
from tests.data.dossiers_sectors_d.make_dossiers import upper

HERE = Path(__file__).resolve().parent
REMEDY = "可以在收到本决定书之日起六十日内向澄溪县人民政府申请行政复议；也可以在六个月内直接向澄溪县人民法院提起行政诉讼。"
PAY = ("请在收到本决定书之日起十五日内，到澄溪县农业银行各营业网点或者通过“湘税非税缴费”平台缴纳罚款。"
       "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。")
ENFORCE = "逾期不申请行政复议，不提起行政诉讼，又不履行本处罚决定的，本机关将依法申请澄溪县人民法院强制执行。"
LEFT_PAY = "收款单位：　　　　　　　　开户行：　　　　　　　　账号：　　　　　　　　"


def serve(agency: str, doc: str, party: str, signer: str, day: str, officers, place: str, title: str = "送达回证"):
    return T([agency, title], [("送达文书名称", doc), ("受送达人", party), ("送达地点", place), ("送达方式", "直接送达"),
                               ("受送达人签名或盖章", f"{signer}　{day}"), ("送达人", names(officers)), ("备注", "")])


def build(c: dict) -> dict[str, tuple]:
    """One 处罚 dossier from a case spec: record → (order) → 立案 → 询问 → evidence → report → 告知 → statement/hearing
    → (法制审核) → (集体讨论) → 审批 → 决定 → 送达, in the sector's own form names (c['forms'])."""
    A, off, d, f = c["agency"], c["officers"], c["dates"], c["forms"]
    out: list[tuple[str, tuple]] = []
    rec_off = c.get("record_officers", off)
    out.append((f["record"] + ".docx", T([A, f["record"]], [
        ("时间", f"{d['record']}{c['record_time']}"), ("地点", c["place"]), ("当事人", c["party"]),
        ("执法人员", certs(rec_off)), ("记录人", rec_off[-1][0]), ("在场人", c["present"]),
        ("现场情况", f"执法人员向当事人出示执法证件，表明身份。{c['scene']}"),
        ("当事人签名", f"{c['signer']}　以上记录属实"), ("执法人员签名", names(rec_off))])))
    if c.get("order_doc"):
        order_title = c.get("order_title", f["order"])
        out.append((order_title + ".docx", P(A, order_title, c["order_no"], f"{c['party']}：", c["order_doc"], A, d["record"],
                                            f"当事人签收：{c['signer']}　{d['record']}")))
    out += c.get("before_filing", [])
    out.append((f["filing"] + ".docx", T([A, f["filing"], c["filing_no"]], [
        ("案由", c["cause"]), ("案件来源", c["source"]), ("当事人", c["party"]), *c["party_rows"],
        ("简要案情", c["brief"]), ("承办人", names(off)), ("承办人意见", "涉嫌违法，符合立案条件，建议立案调查。"),
        ("负责人审批意见", f"同意立案，由{names(off)}承办。{c['deputy']}　{d['filed']}")])))
    inq = c.get("inquiry_officers", off)
    out.append((f["inquiry"] + ".txt", P(f"{A}{f['inquiry']}", f"询问时间：{d['inquiry']}{c['inquiry_time']}",
                                         f"询问地点：{c['inquiry_place']}", f"询问人：{certs(inq)}　记录人：{inq[-1][0]}",
                                         f"被询问人：{c['interviewee']}",
                                         f"问：我们是{A}的执法人员（出示执法证件），现依法向你了解有关情况，你有如实回答的义务，也有申请回避的权利，是否申请回避？",
                                         "答：不申请。", *c["qa"], f"被询问人签名：{c['signer']}（以上笔录已阅，记录属实）",
                                         f"询问人签名：{names(inq)}")))
    out += c.get("evidence_docs", [])
    measure, basis, qualify = c["measure"], c["basis"], c["qualify"]
    ground_end = c["ground"].rstrip("，") + "。" if c.get("ground") else ""
    out.append((f["report"] + ".docx", T([A, f["report"]], [
        ("案由", c["cause"]), ("当事人", c["party"]), ("违法事实", c["fact"]), ("证据", "；".join(e for e, _ in c["evidence"])),
        ("定性及依据", f"{qualify}依据{basis}的规定。"), ("处理意见", f"建议{measure}。{ground_end}"),
        ("承办人", f"{names(off)}　{d['report']}")])))
    hear, you = c.get("hearing"), c.get("you", "你单位")
    told_hearing = bool(hear or c.get("hearing_told"))
    hearing_line = f"{you}有权要求举行听证。" if told_hearing else ""
    out.append((f["notice"] + ".docx", P(A, f["notice"], c["notice_no"], f"{c['party']}：", f"经调查，{c['fact']}",
                                         f"{qualify}依据{basis}的规定，本机关拟对{you}作出如下行政处罚：{measure}。{ground_end}",
                                         f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条{'、第六十三条、第六十四条' if told_hearing else ''}的规定，"
                                         f"{you}有权进行陈述和申辩。{hearing_line}如需陈述、申辩{'或者要求听证' if told_hearing else ''}，"
                                         f"请于收到本{'通知书' if f['notice'].endswith('通知书') else '告知书'}之日起{c['window']}内向本机关提出，逾期未提出的，视为放弃上述权利。",
                                         f"联系人：{off[0][0]}　联系电话：{c['phone']}", A, d["notice"])))
    out.append((f"送达回证（{f['notice']}）.docx", serve(A, f"{f['notice']}（{c['notice_no']}）", c["party"], c["signer"], d["notice"], off, c["serve_place"])))
    if d.get("statement"):
        out.append((c["statement_name"] + ".txt", P(*c["statement_lines"], d["statement"])))
    if hear:
        out.append(("听证申请书.txt", P("听证申请书", f"{A}：", hear["ask"], f"申请人：{c['party']}", d["hearing_ask"])))
        out.append(("听证通知书.docx", P(A, "听证通知书", c["notice_no"].replace("告", "听"), f"{c['party']}：",
                                         f"根据{you}的申请，本机关定于{d['hearing']}9时00分在{A}三楼会议室举行听证，听证主持人：{c['host']}，"
                                         f"记录员：{c['clerk']}。{you}可以委托一至二人代理参加听证，无正当理由不参加的，视为放弃听证权利。",
                                         A, d["hearing_notice"], f"签收人：{c['signer']}　{d['hearing_notice']}")))
        out.append(("听证笔录.txt", P(f"{A}听证笔录", f"时间：{d['hearing']}9时00分至10时30分", f"地点：{A}三楼会议室",
                                     f"听证主持人：{c['host']}　记录员：{c['clerk']}", f"案件调查人员：{names(off)}",
                                     f"当事人：{c['party']}（{c['signer']}到场）", "调查人员提出当事人违法的事实、证据、处罚依据和处罚建议。",
                                     f"当事人陈述申辩：{hear['say']}", f"调查人员答辩：{hear['reply']}", "最后陈述：请求从轻处理。",
                                     f"当事人签名：{c['signer']}", f"主持人签名：{c['host']}　记录员签名：{c['clerk']}")))
        out.append(("听证报告书.docx", T([A, "听证报告书"], [
            ("案由", c["cause"]), ("听证时间", d["hearing"]), ("听证主持人", c["host"]), ("当事人意见", hear["say"]),
            ("主持人意见", "当事人提出的理由不能成立，违法事实清楚、证据确凿，建议维持拟处罚意见。"), ("日期", d["hearing_report"])])))
    if c.get("review"):
        out.append((f["review"] + ".docx", T([A, f["review"]], [
            ("案件名称", c["cause"]), ("承办机构", c["unit"]), ("审核事项", "执法主体、管辖权限、事实证据、适用依据、程序、裁量基准"),
            ("审核意见", "执法主体合法，事实清楚，证据确凿，定性准确，适用依据正确，程序合法，处罚适当。同意提交集体讨论决定。"),
            ("审核人", f"{c['reviewer']}　{d['review']}")])))
    if c.get("collective"):
        out.append((f["collective"] + ".docx", P(A, f["collective"], f"时间：{d['collective']}15时00分", f"地点：{A}会议室",
                                                 f"主持人：{c['head']}", f"参加人员：{c['members']}", f"记录人：{c['reviewer']}",
                                                 f"讨论案件：{c['cause']}", f"承办人汇报：{c['fact']}拟{measure}。",
                                                 f"讨论意见：与会人员一致同意承办人意见。", f"决定：{measure}。", f"参加人员签名：{c['members']}")))
    out.append((f["approve"] + ".docx", T([A, f["approve"]], [
        ("案由", c["cause"]), ("当事人", c["party"]), ("违法事实", c["fact"]), ("处罚依据", basis), ("拟处罚意见", measure),
        ("承办人意见", f"建议{measure}。{names(off)}"), ("负责人意见", f"同意。{c['head']}　{d['approve']}")])))
    out.append((f["decision"] + ".docx", P(A, f["decision"], c["decision_no"], *c["decision_party"], *decision_body(c))))
    out.append((f"送达回证（{f['decision']}）.docx", serve(A, f"{f['decision']}（{c['decision_no']}）", c["party"], c["signer"], d["served"], off, c["serve_place"])))
    return {f"{i:02d}{name}": doc for i, (name, doc) in enumerate(out, 1)}


def decision_body(c: dict) -> list[str]:
    d, leftovers, you = c["dates"], c.get("leftovers"), c.get("you", "你单位")
    body = [c["authority"]] if c.get("authority") else []
    body += [f"本机关于{d['filed']}对{you}{c['cause_short']}一案立案调查，现已调查终结。", f"经查，{c['fact']}"]
    body.append("上述违法事实，有以下证据证明：")
    if not c.get("evidence_empty"):
        n = len(c["evidence"])
        body += [f"{i}.{e}，{why}{'。' if i == n else '；'}" for i, (e, why) in enumerate(c["evidence"], 1)]
    body.append(c["told"] + (f"{you}提出（此处填入具体内容）的意见，本机关经复核不予采纳。" if leftovers else ""))
    body.append(f"本机关认为，{c['qualify']}{c.get('quote', '')}依据{c['basis']}的规定，{c.get('ground', '')}"
                f"{c.get('decided_by', '')}决定对{you}作出如下行政处罚：{c['measure']}。")
    body.append(PAY)
    if leftovers:
        body.append(LEFT_PAY)
    body += [f"如不服本处罚决定，{REMEDY}", ENFORCE]
    if leftovers:
        body.append("本文书一式　份，　份送达，一份归档。")
    return body + [c["agency"], d["decided"]]


# -- 交通运输：县交通运输局 -------------------------------------------------------------------------------------------
ROAD = {"agency": "澄溪县交通运输局", "officers": [("谭志勇", "43122100215"), ("龙雪梅", "43122100231")], "reviewer": "向丽娟",
        "head": "杨光明", "deputy": "彭建新", "phone": "0745-6223101", "unit": "澄溪县交通运输综合行政执法大队"}
ROAD_FORMS = {"record": "现场笔录", "order": "责令改正违法行为通知书", "filing": "立案登记表", "inquiry": "询问笔录",
              "report": "案件调查报告", "notice": "违法行为通知书", "review": "法制审核意见书", "collective": "重大案件集体讨论记录",
              "approve": "案件处理审批表", "decision": "行政处罚决定书"}


def road_dig(opts: dict) -> dict[str, tuple]:
    """公路法第四十四条第一款、第七十六条第（一）项：供水公司擅自横向开挖省道路面埋设供水管道."""
    party, rep, code, addr = "澄溪县清源供水有限公司", "粟国平", uscc("91431221MA4Q8T2K6"), "澄溪县沅江路118号"
    d = dict({"record": "2026年4月9日", "filed": "2026年4月10日", "inquiry": "2026年4月13日", "survey": "2026年4月9日",
              "report": "2026年4月20日", "notice": "2026年4月22日", "statement": "2026年4月23日", "approve": "2026年4月28日",
              "decided": "2026年4月28日", "served": "2026年4月29日"}, **opts.get("dates", {}))
    fact = ("当事人为铺设澄溪县工业园区供水管网，未经公路管理机构同意，于2026年4月8日至9日组织施工人员和挖掘机一台，在S218线K36+200处"
            "横向开挖公路路面，开挖长9.5米、宽1.2米、深1.5米，埋设DN200供水管道一根，开挖期间仅设置锥形桶，未办理占用、挖掘公路许可手续。")
    qualify = opts.get("qualify", "当事人的上述行为违反了《中华人民共和国公路法》第四十四条第一款“任何单位和个人不得擅自占用、挖掘公路”的规定，"
                                  "构成擅自挖掘公路。")
    basis = opts.get("basis", "《中华人民共和国公路法》第七十六条第（一）项")
    measure = "一、责令立即停止擅自挖掘公路的违法行为；二、处罚款人民币15000元（大写：壹万伍仟元整）"
    c = dict(ROAD, forms=ROAD_FORMS, dates=d, party=party, signer=rep, place="S218线K36+200处（澄溪县辰阳镇路段）",
             record_time="9时40分至10时30分", present=f"{rep}（{party}法定代表人）、施工负责人舒大军",
             scene="S218线K36+200处公路路面被横向开挖，开挖槽长约9.5米、宽约1.2米，槽内已放入供水管道，挖掘机一台（湘M·6K218）正在作业，"
                   "现场仅摆放锥形桶4个。当事人不能出示公路管理机构的同意文件。执法人员当场制止并拍照、录像。",
             order_no="澄交执责改〔2026〕第017号",
             order_doc="你单位在S218线K36+200处擅自挖掘公路的行为，违反了《中华人民共和国公路法》第四十四条第一款的规定。"
                       "根据《中华人民共和国公路法》第七十六条的规定，责令你单位立即停止违法行为，并于2026年4月12日前将开挖路面按原技术标准恢复，"
                       "恢复前设置符合规定的安全警示设施。",
             before_filing=[("勘验笔录.docx", T([ROAD["agency"], "勘验笔录"], [
                 ("勘验时间", f"{d['survey']}10时35分至11时20分"), ("勘验地点", "S218线K36+200处"), ("勘验人", certs(ROAD["officers"])),
                 ("当事人", party), ("勘验情况", "开挖槽长9.5米、宽1.2米、深1.5米，沥青混凝土路面（厚18厘米）损坏11.4平方米，路面标线损坏9.5米。"),
                 ("当事人签名", rep), ("勘验人签名", names(ROAD["officers"]))]))],
             filing_no="澄交执立〔2026〕第017号", cause=opts.get("cause", "澄溪县清源供水有限公司擅自挖掘公路案"),
             cause_short=opts.get("cause_short", "涉嫌擅自挖掘公路"), source="路政巡查",
             party_rows=[("统一社会信用代码", code), ("法定代表人", rep), ("地址", addr)],
             brief="路政巡查发现当事人在S218线K36+200处擅自开挖路面埋设供水管道。", inquiry_time="9时00分至9时50分",
             inquiry_place="澄溪县交通运输综合行政执法大队询问室", interviewee=f"{rep}，男，{party}法定代表人",
             qa=["问：S218线K36+200处的路面是谁开挖的？", "答：是我公司开挖的，为了给工业园区接供水管。",
                 "问：开挖前有没有经过公路管理机构同意？", "答：没有。工期紧，想着一两天就回填好，没去办手续。",
                 "问：路面现在恢复了没有？", "答：4月11日已经按要求回填并重新铺了沥青。", "问：还有什么补充？", "答：没有。"],
             evidence_docs=[("现场照片及说明.docx", P(ROAD["agency"], "现场照片及说明", "照片1—8：S218线K36+200处开挖现场、挖掘机、供水管道。",
                                                  f"拍摄人：{names(ROAD['officers'])}", f"拍摄时间：{d['record']}")),
                            ("营业执照复印件.txt", P("营业执照（复印件）", f"名称：{party}", f"统一社会信用代码：{code}",
                                                 f"法定代表人：{rep}", f"住所：{addr}", "（与原件核对一致）"))],
             fact=fact, qualify=qualify, basis=basis, measure=measure,
             evidence=[("现场笔录、勘验笔录及现场照片8张", "证明当事人在S218线K36+200处开挖公路路面埋设供水管道"),
                       ("询问笔录", "证明当事人未经同意挖掘公路的经过"),
                       ("营业执照复印件", "证明当事人的主体资格")],
             notice_no="澄交执违通〔2026〕第017号", window="三日", serve_place=addr, statement_name="陈述申辩书",
             statement_lines=["陈述申辩书", f"{ROAD['agency']}：", "我公司已收到违法行为通知书。挖开的路面已于4月11日恢复，请求从轻处罚。", f"{party}（盖章）　{rep}"],
             told=f"本机关于{d['notice']}向你单位送达了《违法行为通知书》，告知了拟作出行政处罚的事实、理由、依据及你单位依法享有的权利。"
                  f"你单位于{d['statement']}提交了陈述申辩书，称路面已经恢复，请求从轻处罚。本机关经复核，已在裁量中考虑。",
             decision_no="澄交执罚〔2026〕第017号",
             decision_party=[f"当事人：{party}", f"统一社会信用代码：{code}", f"法定代表人：{rep}", f"地址：{addr}"])
    return build(c)


def ride_hailing(opts: dict) -> dict[str, tuple]:
    """网络预约出租汽车经营服务管理暂行办法第三十四条：个人未取得许可以私家车从事网约车经营."""
    person = "伍海涛"
    who = f"{person}，男，1988年6月12日出生，公民身份号码{idcard('43122119880612003')}，住澄溪县辰阳镇沅陵路22号"
    d = dict({"record": "2026年5月11日", "filed": "2026年5月12日", "inquiry": "2026年5月13日", "report": "2026年5月14日",
              "notice": "2026年5月18日", "statement": "2026年5月20日", "approve": "2026年5月22日", "decided": "2026年5月22日",
              "served": "2026年5月22日"}, **opts.get("dates", {}))
    permit, licence = opts.get("fines", (5000, 1000))
    fact = ("当事人未取得《网络预约出租汽车运输证》和《网络预约出租汽车驾驶员证》，于2026年5月11日17时许驾驶其本人所有的小型轿车（湘M·D3K96），"
            "通过“滴滴出行”平台接单，从澄溪县高铁站运送乘客向某至澄溪县人民医院，约定车费26元（已通过平台支付），"
            "在高铁站出站口被执法人员查获。经调取平台订单记录，当事人自2026年4月起通过该平台接单共计83单。")
    qualify = "当事人的上述行为违反了《网络预约出租汽车经营服务管理暂行办法》第十三条、第十五条的规定，构成未取得许可擅自从事网约车经营活动。"
    measure = (f"一、责令改正；二、予以警告；三、对未取得《网络预约出租汽车运输证》从事网约车经营活动处罚款人民币{permit}元，"
               f"对未取得《网络预约出租汽车驾驶员证》从事网约车经营活动处罚款人民币{licence}元，"
               f"合计罚款人民币{permit + licence}元（大写：{upper(permit + licence)}）")
    c = dict(ROAD, forms=ROAD_FORMS, dates=d, party=person, signer=person, you="你", place="澄溪县高铁站出站口东侧临时停车区",
             record_time="17时20分至17时55分", present=f"{person}、乘客向某",
             scene=f"小型轿车湘M·D3K96停靠接客，驾驶员{person}手机“滴滴出行”司机端显示正在进行中的订单一笔（终点澄溪县人民医院，预估车费26元）。"
                   "乘客向某称通过平台叫车。驾驶员不能出示网约车运输证和驾驶员证。执法人员对手机订单页面拍照、录像。",
             filing_no="澄交执立〔2026〕第041号", cause="伍海涛未取得许可擅自从事网约车经营案", cause_short="涉嫌未取得许可擅自从事网约车经营",
             source="现场检查", party_rows=[("身份情况", who)],
             brief="在高铁站查获当事人驾驶无网约车运输证的私家车通过平台接单载客。",
             before_filing=[("询问笔录（乘客）.txt", P(f"{ROAD['agency']}询问笔录", f"询问时间：{d['record']}18时00分至18时15分",
                                                    "询问地点：澄溪县高铁站执法服务点", f"询问人：{certs(ROAD['officers'])}",
                                                    "被询问人：向某，女，乘客", "问：你今天怎么坐上这辆车的？",
                                                    "答：我在滴滴上叫的快车，到人民医院，显示26元，已经在手机上付了。",
                                                    "被询问人签名：向某", f"询问人签名：{names(ROAD['officers'])}"))],
             inquiry_time="9时10分至10时00分", inquiry_place="澄溪县交通运输综合行政执法大队询问室", interviewee=who,
             qa=["问：你的车有没有网约车运输证？你本人有没有网约车驾驶员证？", "答：都没有，我去年申请过驾驶员证，还没考。",
                 "问：你从什么时候开始在平台上接单？接了多少单？", "答：4月初开始的，下班后接一接，大概八十多单，平台上可以查。",
                 "问：还有什么补充？", "答：以后不跑了。"],
             evidence_docs=[("网约车平台订单记录.docx", T(["滴滴出行平台订单记录（调取）"], [
                 ("车牌号", "湘M·D3K96"), ("司机", person), ("统计期间", "2026年4月1日至5月11日"), ("完成订单数", "83单"),
                 ("流水金额", "2417.60元"), ("调取人", names(ROAD["officers"])), ("调取日期", d["report"])]))],
             fact=fact, qualify=qualify, basis="《网络预约出租汽车经营服务管理暂行办法》第三十四条第一款第（二）项、第（三）项",
             measure=measure, ground=opts.get("ground", ""),
             evidence=[("现场笔录、现场照片及执法记录仪视频", "证明当事人驾车通过平台接单载客被查获"),
                       ("乘客向某的询问笔录", "证明乘客通过平台叫车并支付车费"),
                       ("当事人询问笔录", "证明当事人未取得网约车运输证、驾驶员证"),
                       ("网约车平台订单记录", "证明当事人自2026年4月起接单83单"),
                       ("当事人身份证、机动车行驶证复印件", "证明当事人身份及车辆所有人")],
             notice_no="澄交执违通〔2026〕第041号", window="三日", serve_place="澄溪县交通运输综合行政执法大队", statement_name="陈述申辩笔录",
             statement_lines=[f"{ROAD['agency']}陈述申辩笔录", f"陈述申辩人：{person}", f"记录人：{ROAD['officers'][1][0]}",
                              "陈述申辩内容：我知道错了，刚买车还有贷款，请求少罚一点。", f"陈述申辩人签名：{person}"],
             told=opts.get("told", f"本机关于{d['notice']}向你送达了《违法行为通知书》，告知了拟作出行政处罚的事实、理由、依据及你依法享有的陈述、申辩权。"
                           f"你于{d['statement']}进行了陈述、申辩，请求减少罚款。经复核，你提出的理由不属于法定从轻、减轻情形，不予采纳。"),
             decision_no="澄交执罚〔2026〕第041号", decision_party=[f"当事人：{who}"])
    if opts.get("no_statement"):
        c["dates"] = dict(d, statement=None)
    return build(c)


# -- 城管综合执法：县综合行政执法局 --------------------------------------------------------------------------------
CITY = {"agency": "澄溪县综合行政执法局", "officers": [("舒文涛", "43122100512"), ("向晓燕", "43122100527")], "reviewer": "田慧",
        "head": "滕志远", "deputy": "米春华", "phone": "0745-6228110", "unit": "澄溪县综合行政执法大队一中队"}
CITY_FORMS = {"record": "现场检查（勘察）笔录", "order": "责令限期改正通知书", "filing": "立案审批表", "inquiry": "调查询问笔录",
              "report": "案件调查终结报告", "notice": "行政处罚事先告知书", "review": "重大执法决定法制审核意见书",
              "collective": "集体讨论记录", "approve": "行政处罚审批表", "decision": "行政处罚决定书"}
DELEGATION = "根据《澄溪县人民政府关于在城市管理领域开展相对集中行政处罚权工作的决定》，本机关行使市政公用管理方面的行政处罚权。"


def street_stall(opts: dict) -> dict[str, tuple]:
    """城市道路管理条例第二十七条第（一）项、第四十二条：水果店长期在人行道上摆摊经营，责令限期改正后仍未改正."""
    person = "田秋菊"
    shop = "澄溪县辰阳镇秋菊水果店"
    who = (f"{person}，女，1979年3月出生，公民身份号码{idcard('43122119790308004')}，{shop}（个体工商户，统一社会信用代码"
           f"{uscc('92431221MA4R2F5X8')}）经营者，住澄溪县辰阳镇解放路57号")
    d = dict({"record": "2026年8月3日", "recheck": "2026年8月6日", "filed": "2026年8月7日", "inquiry": "2026年8月10日",
              "report": "2026年8月13日", "notice": "2026年8月17日", "statement": "2026年8月18日", "approve": "2026年8月24日",
              "decided": "2026年8月24日", "served": "2026年8月25日"}, **opts.get("dates", {}))
    fact = ("当事人未经市政工程行政主管部门和公安交通管理部门批准，自2026年7月下旬起在澄溪县辰阳镇解放路57号店面前的人行道上摆放水果货架三组、"
            "遮阳伞两把经营水果，占用人行道面积约18平方米。本机关执法人员于2026年8月3日责令其于8月5日前改正，8月6日复查时当事人仍在人行道上摆摊经营，未改正。")
    measure = "一、责令立即改正，清除占用人行道的货架、遮阳伞等物品；二、处罚款人民币1000元（大写：壹仟元整）"
    c = dict(CITY, forms=CITY_FORMS, dates=d, party=person, signer=person, you="你", place="澄溪县辰阳镇解放路57号店面前人行道",
             record_time="15时10分至15时40分", present=f"{person}（{shop}经营者）",
             scene="该店店面前人行道上摆放水果货架三组、遮阳伞两把，占用人行道长约6米、宽约3米，行人需绕行至非机动车道。当事人不能出示临时占用城市道路的批准文件。已拍照取证。",
             order_no="澄综执责改〔2026〕第0352号",
             order_doc="你在澄溪县辰阳镇解放路57号店面前人行道上摆放货架、遮阳伞经营水果，擅自占用城市道路，违反了《城市道路管理条例》第二十七条第（一）项的规定。"
                       "现责令你于2026年8月5日18时前自行清除，恢复人行道通行。逾期不改正的，本机关将依法查处。",
             before_filing=[("复查笔录.docx", T([CITY["agency"], "复查笔录"], [
                 ("复查时间", f"{d['recheck']}10时05分至10时20分"), ("复查地点", "澄溪县辰阳镇解放路57号店面前人行道"), ("被复查人", person),
                 ("执法人员", certs(CITY["officers"])), ("复查情况", "当事人仍在人行道上摆放水果货架三组、遮阳伞两把经营，未按责令限期改正通知书改正。已拍照。"),
                 ("被复查人签名", person), ("执法人员签名", names(CITY["officers"]))]))],
             filing_no="澄综执立〔2026〕第0352号", cause=f"{person}擅自占用城市道路案", cause_short="涉嫌擅自占用城市道路",
             source="日常巡查", party_rows=[("身份情况", who)], brief="当事人在店面前人行道摆摊经营，经责令限期改正逾期未改正。",
             inquiry_time="9时30分至10时05分", inquiry_place="澄溪县综合行政执法大队一中队", interviewee=who,
             qa=["问：你店门口人行道上的货架和遮阳伞是谁摆的？摆了多久？", "答：是我摆的，7月底开始摆的，店里太小放不下。",
                 "问：8月3日执法人员责令你8月5日前清除，你为什么没有清除？", "答：想着晚上收进去就可以了，白天还是摆出来了。",
                 "问：你有没有办理临时占用城市道路的手续？", "答：没有。", "问：还有什么补充？", "答：我马上收进去。"],
             evidence_docs=[("现场照片.docx", P(CITY["agency"], "现场照片及说明", "照片1—4：8月3日人行道上的货架、遮阳伞；照片5—6：8月6日复查时仍在摆摊。",
                                              f"拍摄人：{names(CITY['officers'])}"))],
             fact=fact, qualify="当事人的上述行为违反了《城市道路管理条例》第二十七条第（一）项的规定，属于擅自占用城市道路。",
             basis="《城市道路管理条例》第四十二条", measure=measure, authority=DELEGATION,
             evidence=[("现场检查（勘察）笔录及现场照片", "证明当事人在人行道上摆放货架、遮阳伞经营"),
                       ("责令限期改正通知书、复查笔录", "证明当事人经责令限期改正逾期未改正"),
                       ("调查询问笔录", "证明当事人未经批准占用人行道的经过"),
                       ("当事人身份证、营业执照复印件", "证明当事人的主体资格")],
             notice_no="澄综执告〔2026〕第0352号", window="三日", serve_place=f"澄溪县辰阳镇解放路57号（{shop}）",
             statement_name="陈述申辩笔录",
             statement_lines=[f"{CITY['agency']}陈述申辩笔录", f"陈述申辩人：{person}", f"记录人：{CITY['officers'][1][0]}",
                              "陈述申辩内容：货架已经全部收回店内，生意小，请求少罚。", f"陈述申辩人签名：{person}"],
             told=f"本机关于{d['notice']}向你送达了《行政处罚事先告知书》，你于{d['statement']}进行了陈述、申辩，称已经清除货架。经复核，"
                  "你在本机关立案后已改正，本机关已在裁量时考虑。",
             decision_no="澄综执罚〔2026〕第0352号", decision_party=[f"当事人：{who}"])
    c.update(opts.get("over", {}))
    return build(c)


def plant_building(opts: dict) -> dict[str, tuple]:
    """城乡规划法第六十四条：未取得建设工程规划许可证建设厂房，尚可采取改正措施——限期改正，处造价百分之五至十的罚款."""
    party, rep, code, addr = "澄溪县华腾机械制造有限公司", "覃永康", uscc("91431221MA4P6N3C1"), "澄溪县工业集中区创业大道9号"
    d = dict({"record": "2026年6月2日", "filed": "2026年6月4日", "inquiry": "2026年6月9日", "opinion": "2026年6月19日",
              "cost": "2026年6月24日", "report": "2026年6月29日", "notice": "2026年7月1日", "statement": "2026年7月3日",
              "review": "2026年7月10日", "collective": "2026年7月14日", "approve": "2026年7月15日", "decided": "2026年7月15日",
              "served": "2026年7月16日"}, **opts.get("dates", {}))
    fact = ("当事人在未取得建设工程规划许可证的情况下，于2026年3月至5月在其厂区（澄溪县工业集中区创业大道9号）内东侧空地建设单层钢结构厂房一栋，"
            "建筑面积1600平方米，至检查时主体已完工。经澄溪县自然资源局认定，该厂房位于工业用地范围内，符合控制性详细规划，属于尚可采取改正措施消除对规划实施影响的情形；"
            "经委托造价咨询机构审核，该厂房建设工程造价为人民币960000元。")
    quote = ("《中华人民共和国城乡规划法》第六十四条规定：“未取得建设工程规划许可证或者未按照建设工程规划许可证的规定进行建设的，由县级以上地方人民政府城乡规划主管部门"
             "责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价百分之五以上百分之十以下的罚款；……”")
    order = opts.get("order", "一、责令限期改正，自收到本决定书之日起六十日内补办建设工程规划许可手续；二、")
    measure = f"{order}处建设工程造价（960000元）百分之六的罚款，计人民币57600元（大写：伍万柒仟陆佰元整）"
    c = dict(CITY, forms=CITY_FORMS, dates=d, party=party, signer=rep, place="澄溪县工业集中区创业大道9号华腾机械厂区东侧",
             record_time="9时30分至10时40分", present=f"{rep}（{party}法定代表人）",
             scene="厂区东侧新建单层钢结构厂房一栋（彩钢屋面，主体已完工，正在安装门窗），经皮尺和激光测距仪测量，长50米、宽32米，建筑面积约1600平方米。"
                   "当事人不能出示建设工程规划许可证。拍摄照片12张。",
             order_no="澄综执责停〔2026〕第0118号", order_title="责令停止违法行为通知书",
             order_doc="你单位在澄溪县工业集中区创业大道9号厂区内建设的钢结构厂房，未取得建设工程规划许可证，涉嫌违反《中华人民共和国城乡规划法》第四十条第一款的规定。"
                       "根据《中华人民共和国城乡规划法》第六十四条的规定，责令你单位立即停止建设，听候处理。",
             filing_no="澄综执立〔2026〕第0118号", cause=f"{party}未取得建设工程规划许可证建设厂房案",
             cause_short="涉嫌未取得建设工程规划许可证进行建设", source="日常巡查",
             party_rows=[("统一社会信用代码", code), ("法定代表人", rep), ("地址", addr)],
             brief="巡查发现当事人未取得建设工程规划许可证在厂区内建设钢结构厂房。", inquiry_time="14时30分至15时20分",
             inquiry_place="澄溪县综合行政执法局四楼询问室", interviewee=f"{rep}，男，{party}法定代表人",
             qa=["问：厂区东侧的钢结构厂房是什么时候建的？由谁建设？", "答：今年3月开工，5月底主体完工，是我公司自己出资请施工队建的，用作装配车间。",
                 "问：有没有取得建设工程规划许可证？", "答：没有，土地是我公司的工业用地，以为在自己厂里建不用办。",
                 "问：工程造价多少？", "答：合同和结算大概九十多万，我们把合同、结算单都提供给你们。", "问：还有什么补充？", "答：愿意补办手续。"],
             evidence_docs=[
                 ("规划认定意见.docx", P("澄溪县自然资源局", "关于华腾机械制造有限公司厂房建设规划认定意见的复函", "澄自然资函〔2026〕第87号",
                                      f"{CITY['agency']}：", "经核查，华腾机械制造有限公司在创业大道9号厂区内建设的钢结构厂房（建筑面积1600平方米）未取得建设工程规划许可证，"
                                      "该建筑位于工业用地范围内，符合控制性详细规划，属于尚可采取改正措施消除对规划实施影响的情形。", "澄溪县自然资源局", d["opinion"])),
                 ("工程造价审核报告.docx", P("湖南正衡工程造价咨询有限公司", "建设工程造价审核报告", "湘正衡审〔2026〕第0613号",
                                         "受澄溪县综合行政执法局委托，对华腾机械制造有限公司钢结构厂房（1600平方米）的建设工程造价进行审核，审核造价为人民币960000元。",
                                         "湖南正衡工程造价咨询有限公司", d["cost"]))],
             fact=fact, qualify="当事人的上述行为违反了《中华人民共和国城乡规划法》第四十条第一款的规定，属于未取得建设工程规划许可证进行建设。",
             quote=quote, basis="《中华人民共和国城乡规划法》第六十四条", measure=measure,
             decided_by="经本机关集体讨论，", evidence=[
                 ("现场检查（勘察）笔录及现场照片12张", "证明当事人在厂区内建设钢结构厂房且主体已完工"),
                 ("调查询问笔录", "证明当事人未取得建设工程规划许可证进行建设的经过"),
                 ("澄溪县自然资源局规划认定意见", "证明该建设尚可采取改正措施消除对规划实施的影响"),
                 ("建设工程造价审核报告", "证明建设工程造价为960000元"),
                 ("营业执照、施工合同复印件", "证明当事人主体资格及建设主体")],
             notice_no="澄综执告〔2026〕第0118号", window="五日", serve_place=addr, hearing=None,
             statement_name="陈述申辩书", statement_lines=["陈述申辩书", f"{CITY['agency']}：", "我公司收到事先告知书，对违法事实没有异议，不要求听证。厂房属于生产急需，"
                                                        "已在办理规划许可手续，请求按最低比例罚款。", f"{party}（盖章）　{rep}"],
             told=f"本机关于{d['notice']}向你单位送达了《行政处罚事先告知书》，告知了拟处罚的事实、理由、依据以及陈述、申辩和要求听证的权利。"
                  f"你单位于{d['statement']}提交陈述申辩书，不要求听证，请求按最低比例罚款。本机关经复核认为，你单位未经规划许可建成厂房且建筑面积较大，"
                  "不符合按最低比例处罚的情形，不予采纳。",
             review=True, collective=True, members="滕志远、米春华、田慧、舒文涛、龙建军",
             decision_no="澄综执罚〔2026〕第0118号",
             decision_party=[f"当事人：{party}", f"统一社会信用代码：{code}", f"法定代表人：{rep}", f"住所：{addr}"],
             leftovers=opts.get("leftovers", False))
    c["hearing_told"] = True
    return build(c)


# -- 水利：县水利局 -------------------------------------------------------------------------------------------------
WATER = {"agency": "澄溪县水利局", "officers": [("覃红军", "43122100807"), ("杨丽萍", "43122100813")], "reviewer": "彭晓玲",
         "head": "龙家富", "deputy": "吴建国", "phone": "0745-6235020", "unit": "澄溪县水利局水政监察大队",
         "members": "龙家富、吴建国、彭晓玲、粟明亮、张秋云"}
WATER_FORMS = {"record": "现场检查笔录", "order": "责令停止水事违法行为通知书", "filing": "立案审批表", "inquiry": "询问笔录",
               "report": "案件调查终结报告", "notice": "水行政处罚告知书", "review": "重大行政执法决定法制审核意见书",
               "collective": "案件集体讨论记录", "approve": "水行政处罚决定审批表", "decision": "水行政处罚决定书"}


def sand(opts: dict) -> dict[str, tuple]:
    """水法第六十五条第一款：在县政府公告的禁采区内紧邻堤防采砂，危害河岸堤防安全；听证已举行."""
    party, rep, code, addr = "澄溪县兴河建材有限公司", "张德旺", uscc("91431221MA4N9B7H2"), "澄溪县浦口镇河街村三组"
    d = dict({"record": "2026年9月7日", "filed": "2026年9月8日", "inquiry": "2026年9月10日", "measure": "2026年9月15日",
              "report": "2026年9月21日", "notice": "2026年9月23日", "hearing_ask": "2026年9月25日", "hearing_notice": "2026年9月28日",
              "hearing": "2026年10月20日", "hearing_report": "2026年10月21日", "review": "2026年10月23日", "collective": "2026年10月27日",
              "approve": "2026年10月28日", "decided": "2026年10月28日", "served": "2026年10月29日"}, **opts.get("dates", {}))
    tons, price = opts.get("tons", 1300), 30
    value = tons * price
    fact = (f"当事人未取得河道采砂许可证，于2026年8月20日至9月7日，在澄溪县人民政府公告的沅水澄溪段禁采区内（浦口镇河街村河段，距浦口防洪堤堤脚约35米）"
            f"使用钢制采砂船一艘（湘澄溪采0631）抽采河砂，形成采坑两处（最大深度4.2米），经测量计算采出河砂{tons}吨，按当地同期市场价格每吨{price}元计算，"
            f"价值{value}元。经澄溪县水利水电勘测设计院安全评估，采坑已造成该段堤脚淘刷，危害河岸堤防安全。")
    measure = ("一、责令立即停止在禁采区内采砂的违法行为；二、责令于2026年11月30日前回填采坑，恢复河道原状；"
               "三、处罚款人民币50000元（大写：伍万元整）")
    c = dict(WATER, forms=WATER_FORMS, dates=d, party=party, signer=rep, place="沅水澄溪段浦口镇河街村河段（浦口防洪堤外侧）",
             record_time="6时20分至7时50分", present=f"采砂船船长王某、{party}法定代表人{rep}（7时10分到场）",
             scene="河街村河段有钢制采砂船一艘（湘澄溪采0631）正在抽砂作业，岸边堆砂场堆存河砂约数百吨。该河段为县政府公告的禁采区，"
                   "采砂点距浦口防洪堤堤脚约35米，堤脚有明显淘刷。当事人不能出示河道采砂许可证。执法人员责令停止作业，拍照、录像，采砂船已停止作业。",
             order_no="澄水责停〔2026〕第021号",
             order_doc="你单位在沅水澄溪段禁采区内采砂，违反了《中华人民共和国水法》第三十九条的规定。根据《中华人民共和国水法》第六十五条第一款的规定，"
                       "责令你单位立即停止违法行为，将采砂船驶离禁采区，听候处理。",
             filing_no="澄水立〔2026〕第021号", cause=f"{party}在禁采区内采砂案", cause_short="涉嫌在禁采区内采砂",
             source="水政巡查", party_rows=[("统一社会信用代码", code), ("法定代表人", rep), ("地址", addr)],
             brief="巡查发现当事人在禁采区内紧邻浦口防洪堤无证采砂。", inquiry_time="9时00分至10时10分",
             inquiry_place="澄溪县水利局水政监察大队", interviewee=f"{rep}，男，{party}法定代表人",
             qa=["问：9月7日在河街村河段抽砂的采砂船是谁的？", "答：是我公司的，船长王某是我公司雇的。",
                 "问：从什么时候开始采的？有没有采砂许可证？知不知道那里是禁采区？", "答：8月20日开始的，没有许可证。禁采区的公告看到过，以为采一点不要紧。",
                 "问：采出的砂去了哪里？", "答：堆在岸边堆场，卖了一部分。", "问：还有什么补充？", "答：愿意把坑填回去。"],
             evidence_docs=[
                 ("采砂量测量报告.docx", P("澄溪县水利水电勘测设计院", "河街村河段非法采砂量测量报告", "澄水勘〔2026〕第44号",
                                         f"受澄溪县水利局委托，对河街村河段采坑进行水下地形测量，两处采坑体积合计折算河砂{tons}吨。"
                                         "采坑位于浦口防洪堤堤脚外35米至80米，已造成堤脚淘刷约20米，危害堤防安全，建议尽快回填。", "澄溪县水利水电勘测设计院", d["measure"])),
                 ("河砂价格证明.txt", P("澄溪县发展和改革局价格认证中心", "价格认定结论书", "澄价认〔2026〕第39号",
                                      f"经认定，2026年8—9月澄溪县河砂（出水价）市场价格为每吨{price}元。", d["measure"]))],
             fact=fact, qualify="当事人的上述行为违反了《中华人民共和国水法》第三十九条的规定，属于在河道管理范围内从事危害河岸堤防安全的活动。",
             basis="《中华人民共和国水法》第六十五条第一款", measure=measure, decided_by="经本机关案件集体讨论，",
             evidence=[("现场检查笔录、现场照片及执法记录仪视频", "证明当事人在禁采区内采砂"),
                       ("询问笔录", "证明当事人无证采砂的经过"),
                       ("采砂量测量报告", f"证明采出河砂{tons}吨并危害堤防安全"),
                       ("价格认定结论书", f"证明河砂价值{value}元"),
                       ("澄溪县人民政府关于划定沅水澄溪段河道采砂禁采区的通告", "证明该河段为禁采区")],
             notice_no="澄水罚告〔2026〕第021号", window="五日", serve_place=addr,
             hearing={"ask": "我公司对罚款数额有异议，申请举行听证。", "say": "采砂时间不长，已主动停止，愿意回填采坑，请求减少罚款。",
                      "reply": "当事人在禁采区内紧邻堤防采砂，采坑已造成堤脚淘刷，属情节较重，罚款五万元适当。"},
             host="粟明亮", clerk="张秋云", review=True, collective=True, members=WATER["members"],
             told=f"本机关于{d['notice']}向你单位送达了《水行政处罚告知书》，你单位于{d['hearing_ask']}申请听证，本机关于{d['hearing']}举行了听证。"
                  "你单位提出的减少罚款的请求，经复核不予采纳。",
             decision_no="澄水罚决〔2026〕第021号",
             decision_party=[f"被处罚单位：{party}", f"统一社会信用代码：{code}", f"法定代表人：{rep}", f"地址：{addr}"])
    return build(c)


def water_intake(opts: dict) -> dict[str, tuple]:
    """水法第六十九条第（一）项：商品混凝土公司未经批准打自备井取用地下水；放弃听证."""
    party, rep, code, addr = "澄溪县宏基商品混凝土有限公司", "姚建军", uscc("91431221MA4M5C8W3"), "澄溪县辰阳镇黄溪口村八组"
    d = dict({"record": "2026年3月16日", "filed": "2026年3月17日", "inquiry": "2026年3月19日", "meter": "2026年3月26日",
              "report": "2026年3月30日", "notice": "2026年4月1日", "statement": "2026年4月3日", "review": "2026年4月10日",
              "collective": "2026年4月14日", "approve": "2026年4月15日", "decided": "2026年4月15日", "served": "2026年4月16日"},
             **opts.get("dates", {}))
    fine = opts.get("fine", 80000)
    fact = ("当事人未取得取水许可证，于2024年10月在其厂区内打自备井一眼（井深120米，安装抽水泵一台），自2024年11月起抽取地下水用于混凝土生产和车辆冲洗，"
            "至2026年3月16日检查时，经核查电表读数折算及生产记录，累计取用地下水约21600立方米。该厂区位于澄溪县城区公共供水管网覆盖范围内。")
    measure = ("一、责令立即停止擅自取水的违法行为；二、责令于2026年5月31日前封填自备井，采取补救措施；"
               f"三、处罚款人民币{fine}元（大写：{upper(fine)}）")
    c = dict(WATER, forms=WATER_FORMS, dates=d, party=party, signer=rep, place=f"{party}厂区（{addr}）",
             record_time="10时00分至11时15分", present=f"{rep}（{party}法定代表人）",
             scene="厂区搅拌站西侧有自备井一眼，井口安装深井泵一台，出水管接入生产蓄水池，现场正在抽水。当事人不能出示取水许可证。"
                   "水泵专用电表读数为43200千瓦时。拍摄照片9张。",
             order_no="澄水责停〔2026〕第006号",
             order_doc="你单位未取得取水许可证擅自取用地下水，违反了《中华人民共和国水法》第七条、第四十八条第一款的规定。根据《中华人民共和国水法》第六十九条的规定，"
                       "责令你单位立即停止取水，听候处理。",
             filing_no="澄水立〔2026〕第006号", cause=f"{party}未经批准擅自取水案", cause_short="涉嫌未经批准擅自取水",
             source="专项检查（地下水超采治理）", party_rows=[("统一社会信用代码", code), ("法定代表人", rep), ("地址", addr)],
             brief="检查发现当事人厂区自备井无取水许可抽取地下水用于生产。", inquiry_time="14时30分至15时30分",
             inquiry_place="澄溪县水利局水政监察大队", interviewee=f"{rep}，男，{party}法定代表人",
             qa=["问：厂区的自备井是什么时候打的？用来做什么？", "答：2024年10月打的，11月开始用，搅拌混凝土和洗车。",
                 "问：有没有办理取水许可？", "答：没有办，自来水太贵，就自己打了井。", "问：每天大概抽多少水？", "答：生产旺季每天六七十方，电表可以算。",
                 "问：还有什么补充？", "答：已经停了，愿意改接自来水。"],
             evidence_docs=[("取水量核定意见.docx", P(WATER["agency"], "关于宏基商品混凝土有限公司取水量的核定意见",
                                                   "根据水泵额定功率、专用电表读数（43200千瓦时）及当事人生产记录，核定2024年11月至2026年3月16日累计取用地下水约21600立方米。",
                                                   WATER["unit"], d["meter"]))],
             fact=fact, qualify="当事人的上述行为违反了《中华人民共和国水法》第七条、第四十八条第一款的规定，属于未经批准擅自取水。",
             basis="《中华人民共和国水法》第六十九条第（一）项", measure=measure, decided_by="经本机关案件集体讨论，",
             evidence=[("现场检查笔录及现场照片9张", "证明当事人在厂区内利用自备井抽取地下水"),
                       ("询问笔录", "证明当事人未取得取水许可证取水的经过"),
                       ("取水量核定意见及电表读数记录", "证明累计取水约21600立方米"),
                       ("营业执照复印件", "证明当事人的主体资格")],
             notice_no="澄水罚告〔2026〕第006号", window="五日", serve_place=addr, statement_name="陈述申辩书",
             statement_lines=["陈述申辩书", f"{WATER['agency']}：", "我公司对违法事实无异议，放弃听证，已停止取水并申请接入公共供水管网，请求从轻处罚。",
                              f"{party}（盖章）　{rep}"],
             told=f"本机关于{d['notice']}向你单位送达了《水行政处罚告知书》，告知了拟处罚的事实、理由、依据及陈述、申辩和要求听证的权利。"
                  f"你单位于{d['statement']}提交陈述申辩书，放弃听证，请求从轻处罚。本机关经复核认为，你单位取水时间长、取水量大，且位于公共供水管网覆盖范围内，"
                  "不予从轻。",
             review=not opts.get("no_review"), collective=True, members=WATER["members"],
             decision_no="澄水罚决〔2026〕第006号",
             decision_party=[f"被处罚单位：{party}", f"统一社会信用代码：{code}", f"法定代表人：{rep}", f"地址：{addr}"])
    c["hearing_told"] = True
    return build(c)


# -- the dossiers and their truth ---------------------------------------------------------------------------------------
def D(sector, build_fn, opts, holds, defect=None, rules=(), category=None):
    return (sector, build_fn, opts, holds, defect, list(rules), category)


MISMATCH = {"qualify": "当事人的上述行为违反了《中华人民共和国公路法》第五十六条第一款的规定，构成在公路建筑控制区内擅自埋设管线。",
            "basis": "《中华人民共和国公路法》第八十一条"}
NO_GROUND = "鉴于当事人到案后如实陈述违法事实，认错态度较好，系初次违法，且家庭经济困难，对其减轻处罚，"

CASES = {
    # 交通运输
    "road_dig_correct": D("交通运输", road_dig, {},
                          "路政：现场笔录→责令改正违法行为通知书（停止挖掘、恢复路面）→勘验笔录→立案登记表→询问笔录→现场照片→营业执照→案件调查报告→"
                          "违法行为通知书（三日）→送达回证→陈述申辩书→案件处理审批表→决定（公路法第四十四条第一款、第七十六条第（一）项：责令停止擅自挖掘公路，"
                          "罚款15000元，三万元以下）→送达回证"),
    "ride_hailing_correct": D("交通运输", ride_hailing, {},
                              "运政：个人无网约车运输证、驾驶员证以私家车经平台接单83单：现场笔录→乘客询问笔录→立案登记表→当事人询问笔录→平台订单记录→"
                              "案件调查报告→违法行为通知书（5月18日，三日）→送达回证→陈述申辩笔录（5月20日）→案件处理审批表→决定（5月22日，网约车暂行办法（2022修正）"
                              "第三十四条第一款第（二）项、第（三）项：责令改正、警告，无运输证罚款5000元（三千至一万元）、无驾驶员证罚款1000元（二百至二千元），合计6000元）→送达回证"),
    "road_dig_conduct_mismatch": D("交通运输", road_dig, dict(MISMATCH),
                                   "同 road_dig_correct，事实为在S218线路面上横向开挖、埋设管道（公路本身，第四十四条第一款），告知书、审批表和决定书却定性为"
                                   "“违反第五十六条第一款，在公路建筑控制区内擅自埋设管线”，依据第八十一条（该条要求的是责令限期拆除）；处理仍是“责令停止擅自挖掘公路”、罚款15000元",
                                   "定性与认定的违法事实不符（事实为擅自挖掘公路路面，定性为在公路建筑控制区内埋设管线，依据条款随之错用）",
                                   ["D16-violation-found", "F03-dossier-facts-agree", "L06-basis-penalty-article"], "facts"),
    "road_dig_inquiry_before_filing": D("交通运输", road_dig, {"dates": {"filed": "2026年4月16日"}},
                                        "同 road_dig_correct，立案登记表负责人4月16日批准立案（决定书也写4月16日立案），询问笔录却是4月13日（现场检查4月9日）",
                                        "询问早于立案（调查取证在立案之前）", ["D08-dates-in-order", "P05-filing-first"], "procedure"),
    "ride_hailing_decided_in_window": D("交通运输", ride_hailing,
                                        {"no_statement": True, "dates": {"approve": "2026年5月19日", "decided": "2026年5月19日", "served": "2026年5月19日"},
                                         "told": "本机关于2026年5月18日向你送达了《违法行为通知书》，告知了拟作出行政处罚的事实、理由、依据及你依法享有的陈述、申辩权。"
                                                 "你在规定期限内未提出陈述、申辩。"},
                                        "违法行为通知书5月18日送达（三日内陈述申辩，至5月21日），卷中无陈述申辩材料，5月19日即审批、作出并送达决定，决定书称“在规定期限内未提出陈述、申辩”",
                                        "陈述申辩期未满即作出决定", ["P12-statement-window", "D08-dates-in-order"], "procedure"),
    "ride_hailing_mitigation_no_ground": D("交通运输", ride_hailing, {"fines": (1500, 200), "ground": NO_GROUND,
                                            "told": "本机关于2026年5月18日向你送达了《违法行为通知书》，告知了拟作出行政处罚的事实、理由、依据及你依法享有的陈述、申辩权。"
                                                    "你于2026年5月20日进行了陈述、申辩，称家庭经济困难，请求减少罚款。"},
                                           "同 ride_hailing_correct，无运输证罚款1500元（第（二）项：三千元以上一万元以下）、无驾驶员证罚款200元（第（三）项下限），合计1700元，减轻理由为“如实陈述、认错态度较好、初次违法、家庭经济困难”，"
                                           "均不是行政处罚法第三十二条的减轻情形（如实陈述的是已被查获的违法行为，不是第（三）项的“尚未掌握的”）",
                                           "罚款低于法定下限且减轻处罚无法定理由", ["D01-fine-range", "D05-mitigation-basis"], "discretion"),
    # 城管综合执法
    "street_stall_correct": D("城管", street_stall, {},
                              "占道经营：现场检查（勘察）笔录→责令限期改正通知书→复查笔录（逾期未改）→立案审批表→调查询问笔录→现场照片→案件调查终结报告→"
                              "行政处罚事先告知书（三日）→送达回证→陈述申辩笔录→行政处罚审批表→决定（城市道路管理条例第二十七条第（一）项、第四十二条："
                              "责令改正，个体户罚款1000元，二万元以下；相对集中行政处罚权）→送达回证"),
    "plant_building_correct": D("城管", plant_building, {},
                                "违法建设：现场检查（勘察）笔录→责令停止建设通知（责令限期改正通知书）→立案审批表→调查询问笔录→规划认定意见（尚可改正）→"
                                "工程造价审核报告（96万元）→案件调查终结报告→行政处罚事先告知书（含听证权）→送达回证→陈述申辩书（不要求听证）→"
                                "重大执法决定法制审核意见书→集体讨论记录→行政处罚审批表→决定（城乡规划法第六十四条：责令限期改正补办规划许可，罚造价6%计57600元）→送达回证"),
    "street_stall_evidence_empty": D("城管", street_stall, {"over": {"evidence_empty": True}},
                                     "同 street_stall_correct，决定书“上述违法事实，有以下证据证明：”之下没有任何证据，紧接着就是告知和陈述申辩段",
                                     "决定书证据部分为空", ["E04-evidence-listed", "E01-evidence"], "evidence"),
    "street_stall_late_service": D("城管", street_stall, {"dates": {"served": "2026年9月8日"}},
                                   "决定书8月24日作出，9月8日才送达（超过七日）", "决定书未在七日内送达", ["P18-service"], "procedure"),
    "plant_building_leftovers": D("城管", plant_building, {"leftovers": True},
                                  "同 plant_building_correct，决定书留有模板残留：“你单位提出（此处填入具体内容）的意见”、空白的收款单位/开户行/账号行、“本文书一式　份，　份送达”",
                                  "决定书留有模板残留文字（此处填入具体内容、份数空白、空白账户行）", ["F05-template-leftovers", "F06-form-leftovers"], "documents"),
    "plant_building_no_order": D("城管", plant_building, {"order": ""},
                                 "同 plant_building_correct，告知书、审批表和决定书只处造价6%罚款57600元，未责令限期改正；“限期改正”只出现在决定书引用的第六十四条原文中",
                                 "城乡规划法第六十四条要求的责令限期改正缺失（其文字只出现在引用的法条中）", ["D06b-orders-required", "D06-correction-ordered"], "discretion"),
    # 水利
    "sand_correct": D("水利", sand, {},
                      "禁采区采砂：现场检查笔录→责令停止水事违法行为通知书→立案审批表→询问笔录→采砂量测量报告（1300吨）→价格认定结论书（每吨30元，价值39000元，"
                      "低于禁采区非法采矿“情节严重”五万元）→案件调查终结报告→水行政处罚告知书（含听证）→送达回证→听证申请书→听证通知书（9月28日送达，10月20日听证，隔国庆假期仍有十个以上工作日）→"
                      "听证笔录→听证报告书→重大行政执法决定法制审核意见书→案件集体讨论记录→审批表→决定（水法第三十九条、第六十五条第一款：责令停止违法行为、"
                      "回填采坑恢复原状，罚款5万元）→送达回证"),
    "intake_correct": D("水利", water_intake, {},
                        "未经批准擅自取水：现场检查笔录→责令停止水事违法行为通知书→立案审批表→询问笔录→取水量核定意见（21600立方米）→案件调查终结报告→"
                        "水行政处罚告知书（含听证）→送达回证→陈述申辩书（放弃听证）→法制审核意见书→案件集体讨论记录→审批表→决定（水法第六十九条第（一）项："
                        "责令停止取水、限期封井，罚款8万元，二万至十万元）→送达回证"),
    "sand_referral_missed": D("水利", sand, {"tons": 5200},
                              "同 sand_correct，但采出河砂5200吨，价值156000元，在禁采区内无证采砂，达到非法采矿罪“情节严重”（法释〔2016〕25号第三条、第四条：十万元，"
                              "禁采区减半为五万元），卷中无移送公安机关的材料，只作行政处罚（罚款5万元）",
                              "涉嫌非法采矿罪未移送公安机关", ["R01-thresholds"], "referral"),
    "sand_hearing_notice_short": D("水利", sand, {"dates": {"hearing_notice": "2026年10月16日"}},
                                   "同 sand_correct，听证通知书10月16日（星期五）才送达，10月20日（星期二）即举行听证，中间只有一个工作日（行政处罚法第八十五条：七日指工作日）",
                                   "听证通知未在听证七日前送达（行政处罚法第六十四条第（二）项）", ["P20-hearing-timing"], "procedure"),
    "intake_fine_above_range": D("水利", water_intake, {"fine": 120000},
                                 "同 intake_correct，罚款12万元（第六十九条：二万元以上十万元以下）", "罚款超出第六十九条的上限（十万元）",
                                 ["D01-fine-range"], "discretion"),
    "intake_no_legal_review": D("水利", water_intake, {"no_review": True},
                                "同 intake_correct，卷中无法制审核意见书（罚款8万元、告知听证、经集体讨论，属重大执法决定）", "重大执法决定未经法制审核",
                                ["P15-legal-review"], "procedure"),
}


def write_all(only: list[str] | None = None) -> None:
    header = ["# 第七轮留出案卷（issue 27）：交通运输（路政、网约车）、城管综合执法（占道经营、违法建设）、水利（禁采区采砂、擅自取水），",
              "# 运行审核之前写成。字段同 ../dossiers_sectors/expected.toml。",
              "# 条文核对自 casefile/data/laws：公路法（2017）第四十四条、第五十六条、第七十六条、第八十一条；水法（2016）第七条、第三十九条、",
              "# 第四十八条、第六十五条、第六十九条；城乡规划法（2019）第四十条、第六十四条；行政处罚法（2021）。",
              "# 库中没有、按本人所知并对照公开转载核对的真实条文写成的：网络预约出租汽车经营服务管理暂行办法（2022年12月修正）第十三条、第十五条、",
              "# 第三十四条第一款（责令改正、警告，并分别罚款：（二）无运输证三千至一万元，（三）无驾驶员证二百至二千元；2016年原文为一万至三万元）；城市道路管理条例",
              "# （2019修订）第二十七条第（一）项、第四十二条（责令限期改正，可以处二万元以下罚款）；法释〔2016〕25号第三条、第四条",
              "# （非法采矿“情节严重”：价值十万元，禁采区内达到其百分之五十；河道内无证采砂以非法采矿罪论处）；交通运输行政执法程序规定",
              "# （违法行为通知书的陈述申辩期写作三日，同第五轮）。城管的“相对集中行政处罚权”决定为虚构的县政府文件。"]
    rows = [(n, c[0], c[3], c[4], c[5], c[6]) for n, c in CASES.items()]
    write_dossiers(HERE, {n: (c[1], c[2]) for n, c in CASES.items()}, truth_lines(header, rows), only)


if __name__ == "__main__":
    import sys

    write_all(sys.argv[1:] or None)
