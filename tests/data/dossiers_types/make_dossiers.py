"""Write the non-penalty dossier test set (issue 28): 行政许可, 行政强制, 行政检查 and 审计 dossiers
as county offices fill their forms — .docx forms with tables, .docx and .txt narratives, titles
spaced (受 理 通 知 书) or missing (a paper recognisable by its content only) — each correct or with
one planted defect. The truth of each dossier (its case type, the rule that must find its defect,
the type of each of its documents) is written here by hand, into expected.toml, before any tool
reads the files. Run once; the files and expected.toml are committed.

    PYTHONPATH=. .venv/bin/python tests/data/dossiers_types/make_dossiers.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

# -- writing one paper --------------------------------------------------------------------------


def spaced(title: str) -> str:
    return " ".join(title)


def write(folder: Path, name: str, lines: list[str], layout: str) -> None:
    """``layout``: txt (plain text), docx (paragraphs), table (a .docx form: 标签：值 lines as table rows)."""
    folder.mkdir(parents=True, exist_ok=True)
    if layout == "txt":
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    doc = Document()
    rows: list[tuple[str, str]] = []

    def flush() -> None:
        if rows:
            t = doc.add_table(rows=0, cols=2)
            t.style = "Table Grid"
            for k, v in rows:
                cells = t.add_row().cells
                cells[0].text, cells[1].text = k, v
            rows.clear()

    for line in lines:
        if layout == "table" and "：" in line and len(line.split("：", 1)[0]) <= 10 and not line.startswith(("  ", "　")):
            k, v = line.split("：", 1)
            rows.append((k, v))
            continue
        flush()
        doc.add_paragraph(line.strip())
    flush()
    doc.save(str(folder / f"{name}.docx"))


# -- the truth of every dossier --------------------------------------------------------------------
EXPECTED: dict[str, dict] = {}


def dossier(name: str, case_type: str, layout: str, docs: list[tuple[str, str, list[str]]], *, rules: list[str] | None = None,
            defect: str = "") -> None:
    """docs: (file stem, catalogue code the paper is, lines)."""
    folder = HERE / name
    shutil.rmtree(folder, ignore_errors=True)
    kinds = {}
    for i, (stem, code, lines) in enumerate(docs):
        lay = layout if layout != "mixed" else ("table" if i % 3 == 0 else "txt" if i % 3 == 1 else "docx")
        write(folder, stem, lines, lay)
        kinds[stem] = code
    e: dict = {"case_type": case_type, "layout": layout}
    if rules:
        e["rules"], e["defect"] = rules, defect
    else:
        e["verdict"] = "同意"
    e["documents"] = kinds
    EXPECTED[name] = e


def cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


# ======================================================================================== 行政许可
HOUSING = "清溪县住房和城乡建设局"
H_OFFICERS = "钱立新（执法证号：33112600501）、孙文博（执法证号：33112600502）"


def presale(name: str, layout: str, *, accept: str, decide: str, served: str, rules=None, defect="", site_officers=H_OFFICERS,
            extension: str = "") -> None:
    party = "清溪县锦绣置业有限公司"
    docs = [
        ("01商品房预售许可申请表", "license_application", [
            "商品房预售许可申请表", "申请单位：" + party, "统一社会信用代码：91331126MA2L3K8X0N", "法定代表人：章建明",
            "项目名称：锦绣花园二期", "项目坐落：清溪县城关镇滨江路18号", "预售建筑面积：12680.45平方米（住宅96套，商业用房8间）",
            "土地使用权证号：清国用（2024）第0036号", "工程进度：主体结构已封顶，投入开发建设资金达工程建设总投资的25%以上",
            "申请事项：申请锦绣花园二期3#、4#楼商品房预售许可", "申请人（盖章）：清溪县锦绣置业有限公司",
            "申请日期：2026年3月2日"]),
        ("02材料接收凭证", "license_application_receipt", [
            "申请材料接收凭证", f"{party}：", "    你单位于2026年3月2日提交的商品房预售许可申请材料共9件（申请表、营业执照、土地使用权证、"
            "建设工程规划许可证、施工许可证、预售方案、资金监管协议等）已收到，本机关将依法审查。", "接收人：钱立新",
            f"{HOUSING}政务服务窗口", "2026年3月2日"]),
        ("03受理通知书", "license_acceptance", [
            spaced("受理通知书") if layout != "table" else "行政许可受理通知书", "清建预受〔2026〕12号", f"{party}：",
            "    你单位于2026年3月2日提出的锦绣花园二期商品房预售许可申请，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》"
            "第三十二条第一款第（五）项的规定，决定予以受理。本机关将自受理之日起二十个工作日内作出行政许可决定。",
            f"{HOUSING}（印章）", cn_date(accept)]),
        ("04现场勘察记录", "site_verification_record", [
            "商品房预售项目现场勘察记录", "项目名称：锦绣花园二期", "勘察地点：清溪县城关镇滨江路18号",
            f"勘察时间：{cn_date(_plus(accept, 5))}9时30分至11时", "勘察人员：" + site_officers,
            "勘察情况：3#、4#楼主体结构已封顶，现场设置预售公示牌，工程形象进度与申报材料一致。",
            "勘察结论：符合商品房预售条件。", "申请人现场负责人签字：章建明", "勘察人员签字：" + "、".join(x.split("（")[0] for x in site_officers.split("、"))]),
        ("05审查意见表", "license_review_opinion", [
            "商品房预售许可审查意见表", "申请人：" + party, "项目名称：锦绣花园二期",
            "承办人审查意见：申请材料齐全，现场勘察符合预售条件，预售资金监管协议已签订，建议准予预售许可。承办人：钱立新",
            f"科室负责人意见：同意。 签名：孙文博 {cn_date(_plus(accept, 8))}", f"分管负责人意见：同意准予许可。 签名：何永昌 {cn_date(decide)}"]),
        ("06准予行政许可决定书", "license_grant", [
            "准予行政许可决定书", "清建预许〔2026〕12号", f"{party}：",
            f"    你单位于2026年3月2日提出的锦绣花园二期商品房预售许可申请，本机关已于{cn_date(accept)}受理。经审查，该申请符合"
            "《城市商品房预售管理办法》第五条规定的条件，根据《中华人民共和国行政许可法》第三十八条第一款、《城市房地产开发经营管理条例》"
            "第二十三条的规定，决定准予行政许可，核发商品房预售许可证（清房预售许字第2026012号），预售范围为3#、4#楼住宅96套、商业用房8间，"
            "预售建筑面积12680.45平方米。",
            "    如不服本决定，可以自收到本决定书之日起六十日内向清溪县人民政府申请行政复议，或者在六个月内向清溪县人民法院提起行政诉讼。",
            f"{HOUSING}（印章）", cn_date(decide)]),
        ("07商品房预售许可证存根", "license_certificate", [
            "商品房预售许可证（存根）", "清房预售许字第2026012号", "售房单位：" + party, "项目名称：锦绣花园二期3#、4#楼",
            "房屋坐落：清溪县城关镇滨江路18号", "预售面积：12680.45平方米", "发证机关：" + HOUSING, f"发证日期：{cn_date(decide)}",
            f"领证人签字：章建明  领证日期：{cn_date(served)}"]),
        ("08送达回证", "service_receipt", [
            "送达回证", "送达文书：准予行政许可决定书（清建预许〔2026〕12号）、商品房预售许可证", "受送达人：" + party,
            "送达地点：清溪县城关镇滨江路18号", "送达方式：直接送达", f"收件人签名：章建明 {cn_date(served)}", "送达人：钱立新、孙文博"]),
        ("09许可结果公示记录", "publication_record", [
            "行政许可结果公示记录", "公示事项：商品房预售许可（清建预许〔2026〕12号）", "行政相对人：" + party,
            f"许可决定日期：{cn_date(decide)}", "公示平台：清溪县人民政府门户网站“双公示”栏目",
            f"公示日期：{cn_date(_plus(decide, 4))}", "经办人：钱立新"]),
    ]
    if extension:
        docs.insert(5, ("05b延长审查期限审批表", "license_extension_approval", [
            "延长审查期限审批表", "申请人：" + party, "许可事项：商品房预售许可",
            f"受理日期：{cn_date(accept)}", "延长理由：项目预售资金监管账户需与银行核实，二十个工作日内不能作出决定。",
            "延长期限：十个工作日", f"负责人审批意见：同意延长十日。 何永昌 {cn_date(extension)}",
            "延长理由已书面告知申请人。"]))
    dossier(name, "行政许可", layout, docs, rules=rules, defect=defect)


def _plus(iso: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


presale("license_presale_correct", "table", accept="2026-03-04", decide="2026-03-20", served="2026-03-24")
presale("license_presale_late_decision", "txt", accept="2026-03-04", decide="2026-04-15", served="2026-04-16",
        rules=["XK04-decision-in-time"], defect="受理后30个工作日才作出许可决定，未延长（行政许可法第四十二条）")
presale("license_presale_one_officer", "mixed", accept="2026-03-04", decide="2026-03-20", served="2026-03-24",
        site_officers="钱立新（执法证号：33112600501）", rules=["XK03-site-verification-officers"],
        defect="现场勘察只有一名工作人员（行政许可法第三十四条第三款）")


def build_permit(name: str, layout: str, *, applied: str, accept: str, decide: str, extension: str = "", rules=None, defect="") -> None:
    party = "清溪县宏基建筑工程有限公司"
    owner = "清溪县第二实验小学"
    docs = [
        ("01施工许可申请表", "license_application", [
            "建筑工程施工许可证申请表", f"建设单位：{owner}", "工程名称：清溪县第二实验小学综合楼工程", "建设地址：清溪县城关镇学府路6号",
            "建设规模：建筑面积8650平方米，地上五层", "合同价格：2860万元", f"施工单位：{party}", "项目负责人：冯志刚",
            f"建设单位（盖章）  填表日期：{cn_date(applied)}"]),
        ("02行政许可受理通知书", "license_acceptance", [
            "行政许可受理通知书" if layout != "txt" else spaced("受理通知书"), "清建施受〔2026〕31号", f"{owner}：",
            f"    你单位于{cn_date(applied)}提出的建筑工程施工许可申请，经审查，申请材料齐全，符合法定形式，本机关决定受理。",
            f"{HOUSING}", cn_date(accept)]),
        ("03现场核查", "site_verification_record", [
            # a titleless paper: recognisable by its content
            "核查对象：清溪县第二实验小学综合楼工程", f"核查时间：{cn_date(_plus(accept, 3))}",
            "核查人员：钱立新（执法证号：33112600501）、孙文博（执法证号：33112600502）",
            "核查内容：施工场地已具备施工条件，施工图设计文件已按规定审查合格，施工企业资质与工程规模相符。",
            "核查意见：经现场核查，申请材料所述情况属实。", "被核查单位陪同人员签字：冯志刚"]),
    ]
    if extension:
        docs.append(("04延长审查期限审批表", "license_extension_approval", [
            "延 长 审 查 期 限 审 批 表", f"申请人：{owner}", "许可事项：建筑工程施工许可", f"受理日期：{cn_date(accept)}",
            "延长理由：施工图审查机构对消防设计部分的复核意见尚未出具。", "延长期限：10个工作日",
            f"负责人意见：同意延长。何永昌 {cn_date(extension)}", "已将延长期限的理由书面告知申请人。"]))
    docs += [
        ("05准予施工许可决定书", "license_grant", [
            "准予行政许可决定书", "清建施许〔2026〕31号", f"{owner}：",
            f"    你单位申请的清溪县第二实验小学综合楼工程建筑工程施工许可，本机关于{cn_date(accept)}受理。经审查，符合《中华人民共和国建筑法》"
            "第八条、《建筑工程施工许可管理办法》第四条规定的条件。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可，"
            "核发建筑工程施工许可证（编号331126202606010101）。",
            "    如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
            HOUSING, cn_date(decide)]),
        ("06送达回证", "service_receipt", [
            "送 达 回 证", "送达文书：准予行政许可决定书及建筑工程施工许可证", f"受送达人：{owner}",
            f"收件人：冯志刚  {cn_date(_plus(decide, 2))}", "送达人：钱立新"]),
    ]
    dossier(name, "行政许可", layout, docs, rules=rules, defect=defect)


build_permit("license_permit_extended_correct", "docx", applied="2026-06-01", accept="2026-06-01", extension="2026-06-24",
             decide="2026-07-08")
build_permit("license_permit_late_extended", "txt", applied="2026-06-01", accept="2026-06-01", extension="2026-06-24",
             decide="2026-07-22", rules=["XK04-decision-in-time"], defect="延长十日后仍逾期：受理后约36个工作日才决定（第四十二条）")


def food_licence(name: str, layout: str, *, applied: str, accept: str, decide: str, rules=None, defect="") -> None:
    agency = "清溪县市场监督管理局"
    party = "清溪县味佳餐饮管理有限公司"
    docs = [
        ("01食品经营许可申请书", "license_application", [
            "食品经营许可申请书", f"申请人名称：{party}", "统一社会信用代码：91331126MA2M5P9C3H", "法定代表人（负责人）：沈佳慧",
            "经营场所：清溪县城关镇人民路56号", "主体业态：餐饮服务经营者（中型餐馆）", "经营项目：热食类食品制售、冷食类食品制售",
            "经营场所面积：420平方米，冷库约30平方米", f"申请人签字（盖章）：沈佳慧    {cn_date(applied)}"]),
        ("02受理通知书", "license_acceptance", [
            spaced("受理通知书"), "清市监食受〔2026〕208号", f"{party}：",
            f"    你单位于{cn_date(applied)}提交的食品经营许可申请材料，经审查，申请材料齐全、符合法定形式，根据《食品经营许可和备案管理办法》"
            "第二十二条的规定，决定予以受理。", agency, cn_date(accept)]),
        ("03现场核查记录", "site_verification_record", [
            "食品经营许可现场核查记录", f"申请人：{party}", "经营场所：清溪县城关镇人民路56号",
            f"核查日期：{cn_date(_plus(accept, 2))}",
            "核查人员：王建国（执法证号：33112600101）、李晓梅（执法证号：33112600102）",
            "核查情况：经营场所布局合理，粗加工、烹饪、餐用具清洗消毒区域分开设置；设有冷库一间，约30平方米，温度显示-18℃；"
            "从业人员8名均持有效健康证明。", "核查结论：符合食品经营许可条件。", "申请人签字：沈佳慧"]),
        ("04准予许可决定书", "license_grant", [
            "准予行政许可决定书", "清市监食许〔2026〕208号", f"{party}：",
            f"    你单位于{cn_date(applied)}提出的食品经营许可申请，经审查及现场核查，符合《中华人民共和国食品安全法》第三十五条及"
            "《食品经营许可和备案管理办法》规定的条件，根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可，"
            "核发食品经营许可证，许可证编号：JY23311260012345，有效期至2031年。", agency, cn_date(decide)]),
        ("05食品经营许可证副本存根", "license_certificate", [
            "食品经营许可证（副本）存根", f"经营者名称：{party}", "许可证编号：JY23311260012345", "经营场所：清溪县城关镇人民路56号",
            "主体业态：餐饮服务经营者", f"发证日期：{cn_date(decide)}", "签发人：许国平"]),
        ("06送达回证", "service_receipt", [
            "送达回证", "送达文书名称：准予行政许可决定书、食品经营许可证", f"受送达人：{party}",
            f"受送达人签收：沈佳慧  {cn_date(_plus(decide, 1))}", "送达人：李晓梅"]),
    ]
    dossier(name, "行政许可", layout, docs, rules=rules, defect=defect)


food_licence("license_food_correct", "txt", applied="2026-09-07", accept="2026-09-08", decide="2026-09-18")
food_licence("license_food_late_acceptance", "docx", applied="2026-05-11", accept="2026-05-25", decide="2026-05-29",
             rules=["XK01-acceptance-in-time"], defect="收到申请后第10个工作日才受理（行政许可法第三十二条：五日内）")


# ======================================================================================== 行政强制
SAFETY = "清溪县应急管理局"
S_OFFICERS = "黄明（执法证号：33112600401）、钱芳（执法证号：33112600402）"


def seizure(name: str, layout: str, *, extended_to: str, extension_words: str, released: str, rules=None, defect="") -> None:
    party = "清溪县联兴烟花爆竹经营部"
    docs = [
        ("01行政强制措施审批表", "coercion_approval", [
            "实施行政强制措施审批表", f"当事人：{party}", "经营地址：清溪县城关镇河西路23号",
            "案由：涉嫌储存烟花爆竹超过核定许可量", "拟采取措施：查封违规储存的烟花爆竹及其储存仓库",
            "承办人意见：建议查封。黄明、钱芳  2026年6月1日", "负责人审批意见：同意。赵立群 2026年6月1日"]),
        ("02查封决定书", "seizure_decision", [
            "查封（扣押）决定书", "清应急强制〔2026〕7号", f"{party}：",
            "    经查，你单位在清溪县城关镇河西路23号仓库储存烟花爆竹1260箱，超过许可核定储存量，涉嫌违反《烟花爆竹安全管理条例》"
            "第三十三条。根据《中华人民共和国安全生产法》第六十五条第一款第（四）项、《中华人民共和国行政强制法》第二十四条的规定，"
            "本机关决定对你单位储存的烟花爆竹1260箱及储存仓库（具体见清单）予以查封。",
            "    查封期限为三十日，自2026年6月1日至2026年6月30日。",
            "    执法人员：" + S_OFFICERS,
            "    如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
            SAFETY, "2026年6月1日"]),
        ("03查封财物清单", "seizure_list", [
            "场所、设施、财物清单", "当事人：" + party, "序号 名称 规格 数量 存放地点",
            "1 组合烟花 36发 820箱 河西路23号仓库", "2 鞭炮 5000响 440箱 河西路23号仓库", "3 仓库 约200平方米 1间 河西路23号",
            "当事人签字：林兴旺 2026年6月1日", "执法人员签字：黄明 钱芳"]),
        ("04现场笔录", "onsite_record", [
            "现 场 笔 录", "时间：2026年6月1日9时10分至10时40分", "地点：清溪县城关镇河西路23号仓库",
            "执法人员：" + S_OFFICERS, "当事人：" + party + "（负责人林兴旺）",
            "    执法人员出示执法证件，告知当事人采取查封的理由、依据以及当事人依法享有的权利、救济途径，听取了当事人的陈述和申辩。",
            "    现场情况：仓库内储存组合烟花820箱、鞭炮440箱，超过核定储存量。执法人员当场交付查封决定书和清单，在仓库门口张贴封条。",
            "当事人签字：林兴旺", "执法人员签字：黄明、钱芳"]),
        ("05延长查封期限决定书", "seizure_extension", [
            "延长查封（扣押）期限决定书", "清应急延〔2026〕7号", f"{party}：",
            f"    本机关于2026年6月1日对你单位储存的烟花爆竹实施查封（清应急强制〔2026〕7号）。因案情复杂，经本机关负责人批准，"
            f"根据《中华人民共和国行政强制法》第二十五条第一款的规定，决定将查封期限延长{extension_words}，至{cn_date(extended_to)}。",
            SAFETY, "2026年6月28日"]),
        ("06解除查封决定书", "seizure_release", [
            "解除查封（扣押）决定书", "清应急解〔2026〕7号", f"{party}：",
            "    本机关于2026年6月1日查封的你单位烟花爆竹1260箱及储存仓库，经调查，已依法处理完毕，根据《中华人民共和国行政强制法》"
            "第二十八条的规定，决定解除查封。", SAFETY, cn_date(released)]),
    ]
    dossier(name, "行政强制", layout, docs, rules=rules, defect=defect)


seizure("coercion_seizure_correct", "table", extended_to="2026-07-30", extension_words="三十日", released="2026-07-24")
seizure("coercion_seizure_extended_90", "txt", extended_to="2026-09-28", extension_words="九十日", released="2026-09-25",
        rules=["QZ06-extension-limit", "QZ05-seizure-period"], defect="查封延长九十日（行政强制法第二十五条：延长不得超过三十日）")


TAX = "国家税务总局清溪县税务局"


def tax_enforcement(name: str, layout: str, *, notice: str, due: str, urged: str, decided: str, rules=None, defect="") -> None:
    party = "清溪县鼎盛建材贸易有限公司"
    docs = [
        ("01税务事项通知书", "tax_matter_notice", [
            "税务事项通知书", "清税通〔2026〕115号", f"{party}（纳税人识别号：91331126MA2N8Q4D2R）：",
            f"    事由：责令限期缴纳税款。你单位2025年第四季度应缴增值税及附加税费合计186420.35元，至今未缴纳。根据《中华人民共和国税收征收管理法》"
            f"第三十二条、第四十条的规定，限你单位于{cn_date(due)}前缴纳上述税款，并从滞纳之日起按日加收万分之五的滞纳金。",
            "    如对本通知不服，可自收到本通知之日起六十日内依法申请行政复议。", TAX, cn_date(notice)]),
        ("02催告书", "urge_notice", [
            "税务行政强制执行催告书", "清税催〔2026〕9号", f"{party}：",
            f"    本局于{cn_date(notice)}向你单位送达《税务事项通知书》（清税通〔2026〕115号），限你单位于{cn_date(due)}前缴纳税款186420.35元。"
            "根据《中华人民共和国行政强制法》第三十五条的规定，现催告你单位自收到本催告书之日起十日内履行上述缴纳义务。逾期仍不履行的，本局将依法强制执行。",
            "    你单位有权进行陈述和申辩。", TAX, cn_date(urged)]),
        ("03税收强制执行审批表", "coercion_approval", [
            "税收强制执行决定审批表", f"纳税人名称：{party}", "欠缴税款：186420.35元",
            "拟采取措施：书面通知开户银行从其存款中扣缴税款", f"承办人意见：纳税人经催告逾期仍未缴纳，建议强制执行。 {cn_date(_plus(decided, -2))}",
            f"局长审批意见：同意。 陈国华 {cn_date(_plus(decided, -1))}"]),
        ("04强制执行决定书", "enforcement_decision", [
            "税收强制执行决定书", "清税强执〔2026〕4号", f"{party}：",
            f"    你单位未按照本局《税务事项通知书》规定的期限缴纳税款，经本局{cn_date(urged)}催告后仍未履行。根据《中华人民共和国税收征收管理法》"
            "第四十条、《中华人民共和国行政强制法》第三十七条的规定，经局长批准，决定从你单位在中国农业银行清溪支行的存款账户中扣缴税款186420.35元。",
            "    如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院起诉。",
            TAX, cn_date(decided)]),
        ("05送达回证", "service_receipt", [
            "税务文书送达回证", "送达文书名称：税收强制执行决定书（清税强执〔2026〕4号）", f"受送达人：{party}",
            f"受送达人签名或盖章：刘鼎盛  {cn_date(decided)}", "送达人：方振、陆小雨"]),
    ]
    dossier(name, "行政强制", layout, docs, rules=rules, defect=defect)


tax_enforcement("coercion_tax_correct", "docx", notice="2026-03-02", due="2026-03-16", urged="2026-03-23", decided="2026-04-07")
tax_enforcement("coercion_tax_urge_early", "mixed", notice="2026-03-02", due="2026-03-16", urged="2026-03-10", decided="2026-04-07",
                rules=["QZ14-urge-after-deadline"], defect="履行期限届满前即催告（行政强制法第三十五条）")

LAND = "清溪县自然资源和规划局"


def court_application(name: str, layout: str, *, decided: str, served: str, urged: str, applied: str, rules=None, defect="") -> None:
    party = "清溪县永盛石材加工厂"
    docs = [
        ("01行政处罚决定书", "decision", [
            "行政处罚决定书", "清自然资罚〔2025〕48号", f"当事人：{party}", "经营者：郑永盛", "地址：清溪县东溪镇后垟村",
            "    当事人未经批准擅自占用东溪镇后垟村集体土地1200平方米建设石材加工场，违反了《中华人民共和国土地管理法》第四十四条第一款的规定。"
            "依据《中华人民共和国土地管理法》第七十七条第一款的规定，本机关决定：责令退还非法占用的土地，限期拆除新建的建筑物和其他设施；"
            "并处罚款人民币36000元。",
            "    当事人应当自收到本决定书之日起十五日内将罚款缴至指定银行。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。",
            "    如不服本处罚决定，可以在收到本决定书之日起六十日内向清溪县人民政府申请行政复议，也可以在六个月内直接向清溪县人民法院提起行政诉讼。",
            LAND, cn_date(decided)]),
        ("02送达回证", "service_receipt", [
            "送达回证", "送达文书：行政处罚决定书（清自然资罚〔2025〕48号）", f"受送达人：{party}",
            f"收件人签名：郑永盛  {cn_date(served)}", "送达人：刘海涛、吴静"]),
        ("03催告书", "urge_notice", [
            spaced("催告书"), "清自然资催〔2026〕3号", f"{party}：",
            f"    本机关于{cn_date(decided)}作出行政处罚决定（清自然资罚〔2025〕48号），你厂在法定期限内未申请行政复议或者提起行政诉讼，"
            "又未履行该决定。根据《中华人民共和国行政强制法》第五十四条的规定，现催告你厂自收到本催告书之日起十日内缴纳罚款36000元、"
            "退还非法占用的土地。逾期仍不履行的，本机关将依法申请人民法院强制执行。你厂有权进行陈述和申辩。", LAND, cn_date(urged)]),
        ("04强制执行申请书", "court_enforcement_application", [
            "行政非诉执行申请书", f"申请人：{LAND}", f"被申请人：{party}，经营者郑永盛", "申请事项：请求强制执行清自然资罚〔2025〕48号行政处罚决定",
            f"    申请人于{cn_date(decided)}作出行政处罚决定，于{cn_date(served)}送达被申请人。被申请人在法定期限内未申请行政复议、未提起行政诉讼，"
            f"又不履行。申请人于{cn_date(urged)}催告，被申请人逾期仍未履行。根据《中华人民共和国行政强制法》第五十三条、第五十五条的规定，申请强制执行。",
            "此致", "清溪县人民法院", f"申请人：{LAND}（印章）", cn_date(applied)]),
    ]
    dossier(name, "行政强制", layout, docs, rules=rules, defect=defect)


court_application("coercion_court_correct", "txt", decided="2025-12-01", served="2025-12-03", urged="2026-06-10", applied="2026-06-29")
court_application("coercion_court_in_suit_period", "docx", decided="2026-03-02", served="2026-03-04", urged="2026-04-08",
                  applied="2026-05-06", rules=["QZ15-court-after-suit-period"],
                  defect="起诉期限（六个月）内即申请法院强制执行（行政强制法第五十三条）")


# ======================================================================================== 行政检查
MARKET = "清溪县市场监督管理局"


def food_check(name: str, layout: str, *, officers: str, result_day: str, published: str, rules=None, defect="") -> None:
    party = "清溪县味佳餐饮管理有限公司"
    docs = [
        ("01抽查工作方案", "inspection_plan", [
            "清溪县市场监督管理局2026年第三季度食品经营者“双随机、一公开”抽查工作方案",
            "一、抽查依据：《中华人民共和国食品安全法》第一百一十条、《食品生产经营监督检查管理办法》第五条。",
            "二、抽查对象：从食品经营者名录库中随机抽取餐饮服务经营者20户，抽查比例5%。",
            "三、检查人员：从执法检查人员名录库中随机选派，每组不少于2名。",
            "四、检查内容：许可资质、从业人员健康管理、原料进货查验、贮存条件、餐用具清洗消毒。",
            "五、结果公示：抽查结果于检查完成之日起20个工作日内通过国家企业信用信息公示系统公示。",
            MARKET, "2026年8月3日"]),
        ("02随机抽取记录", "draw_record", [
            "随机抽取记录", "抽查任务：2026年第三季度食品经营者双随机抽查", "抽取时间：2026年8月5日",
            "抽取方式：“双随机、一公开”监管工作平台随机摇号", "抽中检查对象：清溪县味佳餐饮管理有限公司（91331126MA2M5P9C3H）等20户",
            "随机匹配执法检查人员：王建国（执法证号：33112600101）、李晓梅（执法证号：33112600102）", "监督人：周婷"]),
        ("03检查任务单", "inspection_task", [
            "检查任务单", "任务名称：2026年第三季度食品经营者双随机抽查", f"检查对象：{party}",
            "检查人员：王建国、李晓梅", "完成时限：2026年8月31日前", "派单时间：2026年8月6日"]),
        ("04现场检查记录", "inspection_record", [
            "食品经营监督检查记录", f"被检查单位：{party}", "食品经营许可证编号：JY23311260012345", "地址：清溪县城关镇人民路56号",
            f"检查时间：{cn_date(result_day)}9时至10时30分", "检查人员：" + officers,
            "    检查人员向被检查单位负责人沈佳慧出示了执法证件，说明了检查依据。",
            "    检查情况：经营许可证在有效期内并悬挂于醒目位置；冷库约30平方米，温度-18℃，贮存食品均有标签；从业人员健康证明齐全；"
            "餐用具清洗消毒设施运转正常。",
            "    检查结果：符合。", "被检查单位负责人签字：沈佳慧", "检查人员签字：" + "、".join(x.split("（")[0] for x in officers.split("、"))]),
        ("05检查结果告知书", "inspection_result_notice", [
            "监督检查结果告知书", "清市监检告〔2026〕152号", f"{party}：",
            f"    本局执法人员于{cn_date(result_day)}对你单位进行了食品经营监督检查，检查结果为：符合。", MARKET, cn_date(result_day)]),
        ("06抽查结果公示", "publication_record", [
            "双随机抽查结果公示记录", "抽查任务：2026年第三季度食品经营者双随机抽查", f"检查对象：{party}", "抽查结果：未发现问题",
            "公示渠道：国家企业信用信息公示系统（浙江）", f"公示日期：{cn_date(published)}", "经办人：李晓梅"]),
    ]
    dossier(name, "行政检查", layout, docs, rules=rules, defect=defect)


M_OFFICERS = "王建国（执法证号：33112600101）、李晓梅（执法证号：33112600102）"
food_check("inspection_food_correct", "table", officers=M_OFFICERS, result_day="2026-08-12", published="2026-08-28")
food_check("inspection_food_one_officer", "txt", officers="王建国（执法证号：33112600101）", result_day="2026-08-12",
           published="2026-08-28", rules=["JC01-officers"], defect="现场检查只有一名执法人员")
food_check("inspection_food_published_late", "docx", officers=M_OFFICERS, result_day="2026-08-12", published="2026-09-30",
           rules=["JC06-result-published"], defect="检查结果逾20个工作日才公示")
food_check("inspection_food_not_drawn", "mixed", officers="王建国（执法证号：33112600101）、周婷（执法证号：33112600104）",
           result_day="2026-08-12", published="2026-08-28", rules=["JC08-draw-record-followed"],
           defect="检查人员不是随机匹配的执法检查人员（周婷未被抽中）")


def safety_check(name: str, layout: str, *, officers: str, rules=None, defect="") -> None:
    party = "清溪县恒通化工有限公司"
    docs = [
        ("01检查方案", "inspection_plan", [
            "安全生产监督检查方案", "检查依据：《中华人民共和国安全生产法》第六十五条、清溪县应急管理局2026年度监督检查计划。",
            f"检查对象：{party}", "检查时间：2026年4月8日", "检查人员：黄明、钱芳", "检查内容：危险化学品储存、特种作业人员持证、安全培训教育、应急预案。",
            f"审批：同意。赵立群 2026年4月1日"]),
        ("02现场检查记录", "inspection_record", [
            "现场检查记录", f"被检查单位：{party}", "地址：清溪县经济开发区纬三路16号", "检查时间：2026年4月8日14时至16时",
            "检查人员：" + officers, "    我们是清溪县应急管理局执法人员，已向你出示执法证件。",
            "    检查情况：1.甲类仓库内危险化学品混存，未按规定分区分类储存；2.两名叉车司机未取得特种作业操作证。",
            "    检查结果：发现事故隐患2项，当场下达责令限期整改指令书。", "被检查单位负责人签字：钱志明"]),
        ("03责令限期整改指令书", "rectification_notice", [
            "责令限期整改指令书", "（清）应急责改〔2026〕21号", f"{party}：",
            "    经查，你单位存在下列问题：1.甲类仓库危险化学品混存；2.两名叉车司机无证上岗。",
            "    现责令你单位于2026年4月22日前整改完毕。整改期间，你单位应当采取措施，确保安全生产。",
            "    如不服本指令，可以依法在六十日内申请行政复议，或者在六个月内提起行政诉讼。", SAFETY, "2026年4月8日"]),
        ("04整改复查意见书", "recheck_record", [
            "整改复查意见书", "（清）应急复查〔2026〕21号", f"{party}：",
            "    本机关于2026年4月8日作出了责令限期整改指令书。经2026年4月23日复查，你单位已将危险化学品分区分类储存，两名叉车司机已取得特种作业操作证，"
            "所列事故隐患已整改完毕。", "复查人员：黄明、钱芳", SAFETY, "2026年4月23日"]),
        ("05检查结果公示", "publication_record", [
            "行政检查结果公示", f"检查对象：{party}", "检查日期：2026年4月8日", "检查结果：发现事故隐患2项，已责令限期整改，经复查已整改完毕",
            "公示网站：清溪县人民政府门户网站", "公示日期：2026年4月24日"]),
    ]
    dossier(name, "行政检查", layout, docs, rules=rules, defect=defect)


safety_check("inspection_safety_correct", "docx", officers=S_OFFICERS)


# ======================================================================================== 审计
AUDIT = "清溪县审计局"


def audit(name: str, layout: str, *, auditee: str, scope: str, notice: str, served: str, start: str, auditors: str, sent: str,
          reply: str | None, report: str, reply_words: str = "十日", with_referral: bool = False, rules=None, defect="") -> None:
    docs = [
        ("01审计通知书", "audit_notice", [
            "清溪县审计局审计通知书" if layout != "txt" else spaced("审计通知书"), "清审通〔2026〕" + str(len(EXPECTED) + 3) + "号", f"{auditee}：",
            f"    根据《中华人民共和国审计法》第二十二条（第二十三条）的规定，本局决定派出审计组，自{cn_date(start)}起，对你单位{scope}进行审计，"
            "必要时将追溯到相关年度或者延伸审计（调查）有关单位。请予以配合，并提供有关资料（包括电子数据资料）和必要的工作条件。",
            f"    审计组组长：张敏    审计组成员：{auditors}", AUDIT, cn_date(notice)]),
        ("02送达回证", "service_receipt", [
            "审计文书送达回证", "送达文书：审计通知书", f"受送达单位：{auditee}", f"签收人：吴德明  签收时间：{cn_date(served)}",
            "送达人：刘洋"]),
        ("03审计取证单", "audit_evidence", [
            "审计取证单", f"被审计单位：{auditee}", "审计事项：专项资金使用情况",
            "审计事项摘要：2025年度从专项资金中列支与项目无关的会议费、接待费合计86500元（详见附件凭证复印件第1—12页）。",
            f"审计人员：{auditors}", f"编制日期：{cn_date(_plus(start, 3))}", "证据提供单位意见：情况属实。 签名：吴德明（盖章）"]),
        ("04征求意见书", "audit_team_report", [
            "关于征求《审计组审计报告》意见的函", f"{auditee}：",
            f"    现将审计组对你单位{scope}的审计报告送给你单位征求意见，请自收到之日起{reply_words}内提出书面意见送交审计组。"
            f"在规定期限内未提出书面意见的，视同无异议。", "附件：审计组审计报告", "清溪县审计局审计组", cn_date(sent)]),
    ]
    if reply:
        docs.append(("05被审计单位书面意见", "audit_reply", [
            f"关于对审计组审计报告的反馈意见", "清溪县审计局审计组：",
            f"    我单位已收到审计组对我单位{scope}的审计报告征求意见稿，经认真研究，对报告反映的问题无异议，将按要求整改。",
            auditee, cn_date(reply)]))
    docs += [
        ("06审计报告审签单", "audit_signoff", [
            "审计业务文书审签单", "文书名称：审计报告、审计决定书", f"被审计单位：{auditee}",
            f"审计组意见：建议出具。张敏 {cn_date(_plus(report, -4))}", f"业务部门复核意见：同意。 {cn_date(_plus(report, -3))}",
            f"审理意见：同意。 {cn_date(_plus(report, -2))}", f"局长审定：同意签发。方建国 {cn_date(_plus(report, -1))}"]),
        ("07审计业务会议纪要", "audit_meeting_minutes", [
            "审计业务会议纪要", f"会议时间：{cn_date(_plus(report, -1))}", "主持人：方建国", "出席：局领导班子成员、法规审理科、审计组",
            f"    会议审定了对{auditee}{scope}的审计报告和审计决定书，同意按程序出具。"]),
        ("08审计报告", "audit_report", [
            "审计报告", "清审报〔2026〕" + str(len(EXPECTED) + 3) + "号", f"{auditee}：",
            f"    根据《中华人民共和国审计法》的规定，本局派出审计组，自{cn_date(start)}起，对你单位{scope}进行了审计。"
            "审计发现的主要问题：从专项资金中列支无关费用86500元。处理意见：责令归还原资金渠道。", AUDIT, cn_date(report)]),
        ("09审计决定书", "audit_decision", [
            "审计决定书", "清审决〔2026〕" + str(len(EXPECTED) + 3) + "号", f"{auditee}：",
            f"    本局派出审计组，自{cn_date(start)}起对你单位{scope}进行了审计。对审计发现的问题，根据《中华人民共和国审计法》第四十九条、"
            "《财政违法行为处罚处分条例》第四条的规定，作出如下审计决定：责令你单位将挪用的专项资金86500元归还原资金渠道。",
            "    你单位应当自收到本决定书之日起60日内执行完毕，并将结果书面告知本局。",
            "    如对本审计决定不服，可以自收到本决定书之日起60日内向清溪县人民政府申请行政复议，或者自收到本决定书之日起6个月内向"
            "清溪县人民法院提起行政诉讼。", AUDIT, cn_date(report)]),
    ]
    if with_referral:
        docs.append(("10审计移送处理书", "audit_referral", [
            "审计移送处理书", "清审移〔2026〕2号", "清溪县纪委监委：",
            f"    我局在对{auditee}{scope}的审计中，发现该单位原负责人涉嫌违反财经纪律，现将有关问题移送你委依纪依法处理，请将处理结果书面告知我局。",
            "    附件：审计取证单及相关证据材料", AUDIT, cn_date(report)]))
    dossier(name, "审计", layout, docs, rules=rules, defect=defect)


HOSPITAL = "清溪县人民医院"
BUREAU = "清溪县农业农村局"
audit("audit_hospital_correct", "table", auditee=HOSPITAL, scope="2025年度财务收支情况", notice="2026-03-02", served="2026-03-03",
      start="2026-03-09", auditors="张敏、刘洋", sent="2026-04-07", reply="2026-04-16", report="2026-04-28")
audit("audit_bureau_correct", "txt", auditee=BUREAU, scope="2025年度财政收支情况", notice="2026-06-01", served="2026-06-02",
      start="2026-06-08", auditors="张敏、刘洋", sent="2026-07-06", reply=None, report="2026-07-24", with_referral=True)
audit("audit_notice_one_day", "docx", auditee=HOSPITAL, scope="2025年度财务收支情况", notice="2026-09-07", served="2026-09-07",
      start="2026-09-08", auditors="张敏、刘洋", sent="2026-10-19", reply="2026-10-23", report="2026-11-06",
      rules=["SJ01-notice-in-time"], defect="审计通知书送达次日即实施审计（审计法第四十二条：三日前）")
audit("audit_reply_five_days", "mixed", auditee=BUREAU, scope="2025年度财政收支情况", notice="2026-03-02", served="2026-03-03",
      start="2026-03-09", auditors="张敏、刘洋", sent="2026-04-07", reply=None, report="2026-04-14", reply_words="5日",
      rules=["SJ05-reply-window"], defect="只给五日提出书面意见，未满十日即作出审计决定（审计法第四十四条）")
audit("audit_one_auditor", "txt", auditee=HOSPITAL, scope="2025年度财务收支情况", notice="2026-03-02", served="2026-03-03",
      start="2026-03-09", auditors="刘洋", sent="2026-04-07", reply="2026-04-16", report="2026-04-28",
      rules=["SJ03-auditors"], defect="调查取证只有一名审计人员（审计法第四十三条第二款）")


# ======================================================================================== a second hand
# other wordings: dates in Chinese numerals, officers by name only, titles missing or spaced, other agencies


def substitute(name: str, layout: str, *, urged: str, decided: str, rules=None, defect="") -> None:
    agency = "清溪县综合行政执法局"
    party = "清溪县城关镇个体户周大海"
    docs = [
        ("01责令限期拆除决定书", "decision", [
            "责令限期拆除决定书", "清综执拆〔2026〕6号", f"当事人：{party}", "地址：清溪县城关镇河滨路7号",
            "    经查，你在清溪县城关镇河滨路7号未取得建设工程规划许可证搭建彩钢板房一处，面积约60平方米，违反了《中华人民共和国城乡规划法》"
            "第四十条第一款的规定。根据《中华人民共和国城乡规划法》第六十四条的规定，本机关决定责令你于二〇二六年四月十日前自行拆除。",
            "    如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。", agency, "二〇二六年三月二日"]),
        ("02送达回证", "service_receipt", [
            "送达回证", "送达文书：责令限期拆除决定书", f"受送达人：{party}", "签收：周大海 二〇二六年三月三日", "送达人：程军、石磊"]),
        ("03催告", "urge_notice", [
            # no title: a 催告 is known by what it says
            "清综执催〔2026〕6号", f"{party}：",
            "    本机关于二〇二六年三月二日作出的责令限期拆除决定，你至今未履行。根据《中华人民共和国行政强制法》第三十五条、第五十一条的规定，"
            "现催告你于收到本催告之日起三日内自行拆除。逾期不拆除的，本机关将依法代履行，代履行费用由你承担。你有权进行陈述和申辩。",
            agency, cn_date(urged)]),
        ("04代履行决定书", "substitute_decision", [
            "代 履 行 决 定 书", "清综执代〔2026〕6号", f"{party}：",
            "    你经催告仍未履行拆除义务，根据《中华人民共和国行政强制法》第五十条、第五十一条的规定，本机关决定委托清溪县城建工程有限公司代履行，"
            "拆除河滨路7号彩钢板房，代履行费用约8000元由你承担。", "    如不服本决定，可依法申请行政复议或者提起行政诉讼。",
            agency, cn_date(decided)]),
    ]
    dossier(name, "行政强制", layout, docs, rules=rules, defect=defect)


substitute("coercion_substitute_correct", "txt", urged="2026-04-20", decided="2026-04-27")
substitute("coercion_substitute_urge_short", "docx", urged="2026-04-20", decided="2026-04-21", rules=["QZ12-substitute-urge"],
           defect="催告次日即作出代履行决定（行政强制法第五十一条：代履行三日前催告）")


def gas_check(name: str, layout: str, *, officers: str, rules=None, defect="") -> None:
    agency = "清溪县应急管理局"
    party = "清溪县福满楼餐饮有限公司"
    docs = [
        ("01检查通知", "inspection_plan", [
            "安全生产执法检查通知书" if layout != "txt" else spaced("检查通知"), f"{party}：",
            "    根据本局2026年度安全生产监督检查计划，定于二〇二六年五月十二日对你单位燃气使用安全进行检查。", "    检查内容：燃气管道、报警装置、从业人员安全培训。",
            "    请你单位主要负责人在场并准备有关资料。", agency, "二〇二六年五月六日"]),
        ("02现场检查", "inspection_record", [
            # titleless: a county's own page of an inspection
            f"被检查单位：{party}", "检查场所：清溪县城关镇中山路88号后厨", "检查时间：二〇二六年五月十二日上午",
            "执法检查人员：" + officers, "    执法人员表明身份并出示证件。",
            "    检查情况：后厨燃气报警装置完好，燃气管道无老化；从业人员安全培训记录齐全。", "    检查结果：未发现事故隐患。",
            "被检查单位负责人（签字）：刘福满"]),
        ("03检查结果公示", "publication_record", [
            "检查结果公示", f"检查对象：{party}", "检查结果：未发现事故隐患", "公示平台：清溪县人民政府门户网站", "公示时间：二〇二六年五月二十日"]),
    ]
    dossier(name, "行政检查", layout, docs, rules=rules, defect=defect)


gas_check("inspection_gas_correct", "docx", officers="黄明、钱芳")
gas_check("inspection_gas_one_officer", "txt", officers="黄明", rules=["JC01-officers"], defect="现场检查只有一名执法人员（仅写姓名，无证号）")


def audit_without_opinion(name: str, layout: str) -> None:
    auditee = "清溪县城关镇人民政府"
    docs = [
        ("01审计通知书", "audit_notice", [
            "审 计 通 知 书", "清审通〔2026〕41号", f"{auditee}：",
            "    根据《中华人民共和国审计法》第十八条的规定，我局决定派出审计组，自2026年5月18日起，对你镇2025年度财政决算情况进行审计，"
            "请予以配合，并提供有关资料和必要的工作条件。", "    审计组组长：张敏  成员：刘洋、陈静", AUDIT, "2026年5月11日"]),
        ("02审计取证单", "audit_evidence", [
            "审计取证单", f"被审计单位：{auditee}", "审计事项：财政决算", "审计事项摘要：2025年度将专项转移支付资金12万元用于弥补办公经费。",
            "审计人员：刘洋、陈静", "编制日期：2026年5月21日", "证据提供单位意见：属实。"]),
        ("03审计报告", "audit_report", [
            "审计报告", "清审报〔2026〕41号", f"{auditee}：",
            "    我局派出审计组，自2026年5月18日起对你镇2025年度财政决算情况进行了审计。审计发现的主要问题：挤占专项转移支付资金12万元。",
            AUDIT, "2026年6月5日"]),
        ("04审计决定书", "audit_decision", [
            "审计决定书", "清审决〔2026〕41号", f"{auditee}：",
            "    我局对你镇2025年度财政决算情况进行了审计，作出如下审计决定：责令将挤占的专项资金12万元归还原渠道。",
            "    如对本决定不服，可以自收到本决定书之日起60日内申请行政复议，或者在6个月内提起行政诉讼。", AUDIT, "2026年6月5日"]),
    ]
    dossier(name, "审计", layout, docs, rules=["SJ04-opinion-asked"], defect="审计组的审计报告未征求被审计单位意见即作出审计决定（审计法第四十四条）")


audit_without_opinion("audit_no_opinion_asked", "docx")


def refusal(name: str, layout: str) -> None:
    agency = "清溪县发展和改革局"
    party = "清溪县鑫达新能源科技有限公司"
    docs = [
        ("01项目核准申请表", "license_application", [
            "企业投资项目核准申请表", f"项目单位：{party}", "项目名称：年产5000吨锂电池正极材料项目", "建设地点：清溪县经济开发区",
            "总投资：3.2亿元", "申请日期：2026年7月6日"]),
        ("02受理通知书", "license_acceptance", [
            "行政许可受理通知书", "清发改受〔2026〕18号", f"{party}：",
            "    你单位于2026年7月6日提出的企业投资项目核准申请，申请材料齐全，符合法定形式，本机关决定予以受理。", agency, "2026年7月7日"]),
        ("03不予行政许可决定书", "license_refusal", [
            "不予行政许可决定书", "清发改不许〔2026〕3号", f"{party}：",
            "    你单位申请的年产5000吨锂电池正极材料项目核准，经审查，该项目不符合《产业结构调整指导目录》及本县国土空间规划，"
            "根据《企业投资项目核准和备案管理条例》第九条、《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。",
            "    如不服本决定，可以自收到本决定书之日起六十日内向清溪县人民政府申请行政复议，或者在六个月内向清溪县人民法院提起行政诉讼。",
            agency, "2026年7月24日"]),
        ("04送达回证", "service_receipt", [
            "送达回证", "送达文书：不予行政许可决定书", f"受送达人：{party}", "签收人：钱鑫达 2026年7月27日", "送达人：郑伟"]),
    ]
    dossier(name, "行政许可", layout, docs)


refusal("license_project_refused_correct", "mixed")


def write_expected() -> None:
    import tomli_w

    head = ("# 每个案卷的真值（写于运行任何工具之前）：case_type 应识别的案件类型；rules 应发现埋入缺陷的规则（任一即可），\n"
            "# verdict = \"同意\" 为正确案卷；documents 每份文书应识别的文书类型（目录代码）。\n\n")
    (HERE / "expected.toml").write_text(head + tomli_w.dumps(EXPECTED), encoding="utf-8")


if __name__ == "__main__":
    write_expected()
