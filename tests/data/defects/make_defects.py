"""Write the defect dossiers: folders of .docx filled the way agency staff fill their
own Word forms (wording and layout of a county 市场监管局, not casefile's templates),
each with one planted defect, plus two correct dossiers. Run once; the .docx files
and expected.toml are committed.

    .venv/bin/python tests/data/defects/make_defects.py
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
AGENCY = "清溪县市场监督管理局"
PARTY = "清溪县利民超市有限公司"
USCC = "91331126MA2L3W9E4X"
OFFICERS = [("王建国", "33112600101"), ("李晓梅", "33112600102")]

BASE = {
    "filed": "2026年3月2日", "inspect": "2026年3月3日", "inquiry": "2026年3月5日", "notice": "2026年3月20日",
    "notice_served": "2026年3月23日", "decided": "2026年4月10日", "served": "2026年4月13日",
    "officers_inspect": OFFICERS, "inquiry_party": PARTY, "violated": "《中华人民共和国价格法》第十三条第一款",
    "basis": "《中华人民共和国价格法》第四十二条", "fine": "3000", "fine_upper": "叁仟元整", "waived": True,
    "facts": "当事人在其经营场所销售的大米、食用油等18种商品未标明价格。", "extra_fact": "", "hearing": False,
    "receipts": ("notice", "decision"), "notice_hearing": False,
    # a price penalty: the operative part orders correction and says there is no 违法所得 (价格法第四十二条),
    # and the remedies go to 复议 first (价格违法行为行政处罚规定第二十条)
    "income": "当事人未标明价格的商品均按正常价格销售，没有违法所得。", "correction": "本局责令当事人改正上述违法行为，并",
    "remedy": "如不服本处罚决定，应当自收到本决定书之日起六十日内先向清溪县人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向清溪县人民法院提起行政诉讼。",
}
HEARING = dict(BASE, **{
    "violated": "《中华人民共和国食品安全法》第三十四条第（十）项", "basis": "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项",
    "fine": "150000", "fine_upper": "壹拾伍万元整", "facts": "当事人在其经营场所销售超过保质期的饼干、糕点共计126袋，货值金额12000元。",
    "income": "", "correction": "本局",
    "remedy": "如不服本处罚决定，可在收到本决定书之日起六十日内向清溪县人民政府申请行政复议，也可在六个月内向清溪县人民法院提起行政诉讼。",
    "hearing": True, "notice_hearing": True, "hearing_notice": "2026年4月1日", "hearing_date": "2026年4月13日",
    "review": "2026年4月20日", "discussion": "2026年4月21日", "decided": "2026年4月24日", "served": "2026年4月27日", "waived": False,
})


def doc(lines: list[str]) -> Document:
    d = Document()
    d.styles["Normal"].font.size = Pt(14)
    for line in lines:
        d.add_paragraph(line)
    return d


def officers_line(officers) -> str:
    return "、".join(f"{n}（执法证号：{c}）" for n, c in officers)


def write(folder: Path, f: dict) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    files = {
        "01立案审批表.docx": [AGENCY, "立案审批表", f"当事人：{PARTY}", f"统一社会信用代码：{USCC}", "案件来源：日常检查",
                          "案由：涉嫌违反价格管理规定" if not f["hearing"] else "案由：涉嫌销售超过保质期的食品",
                          f"承办人：{officers_line(OFFICERS)}", "承办机构意见：建议立案。", f"负责人意见：同意立案。立案日期：{f['filed']}"],
        "02现场检查笔录.docx": [AGENCY, "现场检查笔录", f"检查时间：{f['inspect']}9时30分至10时20分", "检查地点：清溪县城关镇新华路56号",
                             f"当事人：{PARTY}", f"检查人员：{officers_line(f['officers_inspect'])}", "执法人员出示了执法证件，当事人无异议。",
                             f"检查情况：{f['facts']}", "当事人签名：刘明　　检查人员签名：（签名）"],
        "03询问笔录.docx": [AGENCY, "询问笔录", f"询问时间：{f['inquiry']}14时", f"被询问人：刘明，系{f['inquiry_party']}店长",
                          f"当事人：{f['inquiry_party']}", f"询问人：{officers_line(OFFICERS)}", "问：我们是清溪县市场监督管理局执法人员，现依法向你了解情况，你是否申请回避？",
                          "答：不申请。", "问：请说明商品标价情况。", f"答：{f['facts']}我们没有注意。", "被询问人签名：刘明"],
        "04行政处罚告知书.docx": [AGENCY, "行政处罚告知书", "清市监罚告〔2026〕15号", f"{PARTY}：",
                               f"经调查，{f['facts']}你单位的行为违反了{f['violated']}的规定。依据{f['basis']}的规定，本局拟对你单位作出罚款人民币{f['fine']}元的行政处罚。",
                               "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位可在收到本告知书之日起五个工作日内向本局提出陈述、申辩。"
                               + ("根据《中华人民共和国行政处罚法》第六十三条的规定，你单位有权要求举行听证，应在收到本告知书之日起五个工作日内提出。" if f["notice_hearing"] else ""),
                               AGENCY, f["notice"]],
    }
    narrative = [f"{f['filed']}，本局依法对当事人立案调查。"]
    narrative.append(f"{f['notice_served']}，本局向当事人送达了《行政处罚告知书》，告知当事人拟作出行政处罚的事实、理由、依据及依法享有的权利。")
    if f["waived"]:
        narrative.append("当事人在法定期限内未提出陈述、申辩意见。")
    if f["hearing"]:
        narrative.append(f"当事人申请听证，本局于{f['hearing_date']}依法举行了听证。")
    if f.get("review"):
        narrative.append("本案经法制审核、集体讨论。")
    files["05行政处罚决定书.docx"] = [
        AGENCY, "行政处罚决定书", "清市监罚〔2026〕26号", f"当事人：{PARTY}", f"统一社会信用代码：{USCC}", "住所：清溪县城关镇新华路56号", "法定代表人：刘明",
        *narrative, f"经查，{f['facts']}{f['extra_fact']}",
        "以上事实有现场检查笔录、询问笔录、现场照片等证据证明。",
        f"本局认为，当事人的上述行为违反了{f['violated']}的规定。{f['income']}依据{f['basis']}的规定，{f['correction']}决定对当事人作出如下行政处罚：罚款人民币{f['fine']}元（{f['fine_upper']}）。",
        "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
        f["remedy"],
        AGENCY, f["decided"],
    ]
    files["06行政处罚决定审批表.docx"] = [AGENCY, "行政处罚决定审批表", f"当事人：{PARTY}", f"拟处罚意见：罚款人民币{f['fine']}元", "负责人意见：同意。"]
    if "notice" in f["receipts"]:
        files["07送达回证（告知书）.docx"] = [AGENCY, "送达回证", f"受送达人：{PARTY}", "送达文书：行政处罚告知书", "送达方式：直接送达",
                                         f"送达人：{officers_line(OFFICERS)}", f"送达日期：{f['notice_served']}"]
    if "decision" in f["receipts"]:
        files["08送达回证（决定书）.docx"] = [AGENCY, "送达回证", f"受送达人：{PARTY}", "送达文书：行政处罚决定书", "送达方式：直接送达",
                                         f"送达人：{officers_line(OFFICERS)}", f"送达日期：{f['served']}"]
    if f["hearing"]:
        files["09听证通知书.docx"] = [AGENCY, "听证通知书", f"{PARTY}：", f"根据你单位的申请，本局定于{f['hearing_date']}在本局听证室举行听证。", AGENCY, f["hearing_notice"]]
        files["10听证笔录.docx"] = [AGENCY, "听证笔录", f"听证时间：{f['hearing_date']}9时", f"当事人：{PARTY}", "听证主持人：许国平", "当事人陈述：对事实无异议，请求从轻。"]
        files["11听证报告.docx"] = [AGENCY, "听证报告", f"{f['hearing_date']}，本局就{PARTY}一案举行听证。主持人意见：维持拟处罚意见。", f"当事人：{PARTY}"]
        if f.get("review"):
            files["12法制审核意见书.docx"] = [AGENCY, "重大执法决定法制审核意见书", f"当事人：{PARTY}", "审核意见：事实清楚，证据确凿，程序合法，同意。", "审核人：周婷", f["review"]]
        if f.get("discussion"):
            files["13集体讨论记录.docx"] = [AGENCY, "集体讨论记录", f"讨论时间：{f['discussion']}", f"当事人：{PARTY}", "结论：同意拟处罚意见。"]
    for name, lines in files.items():
        doc(lines).save(folder / name)


DEFECTS = {
    # name: (mutation, expected category, expected rule)
    "late_decision": (dict(filed="2026年1月5日"), "procedure", "P17-case-time-limit"),
    "decision_in_statement_window": (dict(notice_served="2026年4月7日", decided="2026年4月9日", served="2026年4月9日", waived=False), "procedure", "P12-statement-window"),
    "one_officer_on_inspection": (dict(officers_inspect=OFFICERS[:1]), "authority", "P06-officers"),
    # misnamed but identifiable (the library names the law meant): a form defect (issue 15), reported as minor
    "misnamed_law": (dict(violated="《中华人民共和国产品价格法》第十三条第一款"), "legal_basis", "L01b-misnamed-law"),
    "article_does_not_exist": (dict(violated="《中华人民共和国价格法》第九十九条"), "legal_basis", "L01-citations"),
    "fine_outside_range": (dict(fine="8000", fine_upper="捌仟元整"), "discretion", "D01-fine-range"),
    "criminal_threshold_no_referral": (dict(extra_fact="经查，当事人以次充好销售不合格产品，销售金额人民币68000元，违法所得2600元。"), "referral", "R01-thresholds"),
    "party_details_disagree": (dict(inquiry_party="清溪县利民商贸有限公司"), "facts", "F02-parties-agree"),
    "missing_service_receipt": (dict(receipts=()), "documents", "C01-required-documents"),
    "late_service": (dict(served="2026年4月30日"), "procedure", "P18-service"),
}
HEARING_DEFECTS = {
    "hearing_without_legal_review": (dict(review=None, discussion=None), "procedure", "P15-legal-review"),
    "hearing_notice_too_short": (dict(hearing_notice="2026年4月9日"), "procedure", "P20-hearing-timing"),
    "no_hearing_rights_for_large_fine": (dict(hearing=False, notice_hearing=False, review=None, discussion=None), "procedure", "P19-hearing-rights"),
}


def main() -> None:
    expected = ["# 每个缺陷案卷：埋入的缺陷、应发现它的类别与规则；correct_* 应得“同意”且无否决、重大发现。"]
    write(HERE / "correct_ordinary", BASE)
    write(HERE / "correct_hearing", HEARING)
    expected += ['[correct_ordinary]\nverdict = "同意"\n', '[correct_hearing]\nverdict = "同意"\n']
    for base, table in ((BASE, DEFECTS), (HEARING, HEARING_DEFECTS)):
        for name, (mutation, category, rule) in table.items():
            f = copy.deepcopy(base)
            f.update(mutation)
            write(HERE / name, f)
            expected.append(f'[{name}]\ncategory = "{category}"\nrule = "{rule}"\n')
    (HERE / "expected.toml").write_text("\n".join(expected), encoding="utf-8")
    print(f"wrote {2 + len(DEFECTS) + len(HEARING_DEFECTS)} dossiers")


if __name__ == "__main__":
    main()
