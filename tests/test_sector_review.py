"""The review of real decisions of other sectors (tests/data/decisions_sectors, truth and defects written by hand
before the tool ran on them): a short decision that is whole is graded and its own defects are reported; a copy
that holds only the opening of a decision of any kind (处罚, 不予处罚, 责令改正) is not graded, and what the
rules do not read is reported as unread, never 优秀; proposal wording printed in a published operative part is
reported even there."""

from __future__ import annotations

from tests.conftest import DATA
from tests.test_sector_decisions import _evaluate, ws  # noqa: F401  (the workspace fixture, the evaluate pack on one decision)

TXT = DATA / "decisions_sectors" / "txt"
SERIOUS = ("veto", "major")


def _serious(res) -> dict[str, str]:
    return {f.rule: f.message for f in res.findings if f.severity in SERIOUS}


def _evaluate_text(ws, tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return _evaluate(ws, p)


def test_a_short_decision_without_its_remedies_is_graded_not_a_summary(ws):
    # 盘锦: title, 文号, party, facts, 违反, 依据 and 处以如下行政处罚：罚款伍万元, then the seal — no 履行方式, no remedies
    res = _evaluate(ws, TXT / "hj_panjin_baoguan.txt")
    assert not res.abridged and res.score["grade"] not in ("优秀", "公示摘要，不评分")
    assert "未告知申请行政复议、提起行政诉讼的途径和期限" in _serious(res)["P16-decision-contents"]


def test_a_short_decision_cut_after_its_remedies_is_graded_and_the_missing_correction_found(ws):
    # 衡水: 大气污染防治法第一百一十九条第一款 “责令改正，并可以处五百元以上二千元以下的罚款”; the decision only fines
    res = _evaluate(ws, TXT / "hj_hengshui_zhao.txt")
    assert not res.abridged
    assert "大气污染防治法》第119条规定责令改正" in _serious(res)["D06-correction-ordered"]


def test_the_opening_of_a_no_penalty_decision_is_not_judged_for_what_was_cut(ws):
    res = _evaluate(ws, TXT / "hj_kunming_shangyuan.txt")
    assert res.abridged and res.score["grade"] == "公示摘要，不评分"
    assert not _serious(res)


def test_a_lone_rectification_decision_is_unread_never_graded(ws):
    # cut before its remedies (丰顺, 江门) or whole (湘西): the 行政检查 pack reads none of them
    for name in ("hj_fengshun_sanjian.txt", "hj_jiangmen_xinqiao.txt", "hj_xiangxi_jilan.txt"):
        res = _evaluate(ws, TXT / name)
        assert res.score["grade"] == "未审读" and res.score["total"] is None, name
        assert not res.findings and "未作审查" in res.coverage[0]["message"], name


def test_a_rectification_decision_cut_before_remedies_and_seal_is_an_opening():
    from casefile.ingest.classify import looks_abridged
    from casefile.ingest.extract.normalize import compact

    def cut(name: str) -> bool:
        return looks_abridged("rectification_notice", compact((TXT / name).read_text(encoding="utf-8")).text)

    assert cut("hj_fengshun_sanjian.txt") and cut("hj_jiangmen_xinqiao.txt")  # (江门 stops inside its remedies sentence)
    assert not cut("hj_xiangxi_jilan.txt") and not cut("hj_suining_xinglong.txt")


def test_proposal_wording_in_a_published_operative_part_is_reported(ws):
    # 开江: “我局拟对你公司作出如下行政处罚:” — the page is cut in its remedies, the operative part is printed whole
    res = _evaluate(ws, TXT / "hj_kaijiang_xingma.txt")
    assert res.abridged
    assert "拟对你公司作出如下" in _serious(res)["D02-operative-decided"]


_SUMMARY = ("宁波市某区市场监督管理局\n行政处罚决定书\n甬某市监处罚〔2025〕1015号\n当事人：宁波市某某酒店有限公司\n"
            "经查明，当事人作为转供电主体，2018年4月起至2024年10月期间未执行政府定价收取电费，违法所得1079546.15元，"
            "已全部退还。当事人的行为违反了《中华人民共和国价格法》第十二条的规定，依据《中华人民共和国价格法》第三十九条"
            "和《价格违法行为行政处罚规定》第九条第二项的规定，决定对当事人从轻处罚如下：\n罚款271335.72元\n"
            "宁波市某区市场监督管理局\n（印章）\n2025年10月10日\n")


def test_a_publisher_summary_in_the_third_person_stays_a_summary_the_paper_served_does_not():
    # the same short text with its seal and no remedies: told of 当事人 it is the 双公示 summary; told to 你单位 it is
    # the decision served on the party, short of its remedies
    from casefile.ingest.classify import looks_abridged
    from casefile.ingest.extract.normalize import compact

    assert looks_abridged("decision", compact(_SUMMARY).text)
    served = _SUMMARY.replace("当事人：", "").replace("经查明，当事人作为", "宁波市某某酒店有限公司：\n经查明，你单位作为") \
        .replace("当事人的行为", "你单位的上述行为").replace("决定对当事人", "决定对你单位")
    assert not looks_abridged("decision", compact(served).text)


def test_a_lone_license_grant_is_unread_never_graded(ws, tmp_path):
    # the 行政许可 pack checks that a 准予行政许可决定书 is on file, never what it says: alone it is not reviewed
    res = _evaluate_text(ws, tmp_path, "准予许可.txt", "清溪县水利局\n准予行政许可决定书\n清水许准字〔2025〕12号\n清溪县某某砂石有限公司：\n"
                 "你单位于2025年3月2日提出的取水许可申请，本机关已于2025年3月5日受理。经审查，你单位的申请符合法定条件、"
                 "标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。\n"
                 "许可内容：在清溪河左岸取水，年取水量5万立方米，有效期五年。\n清溪县水利局\n2025年3月20日\n")
    assert res.score["grade"] == "未审读" and not res.findings


def test_the_police_s_criminal_filing_is_not_this_case_s_filing():
    # 西乡: 公安局…刑事立案侦查 (2024-12-17), then the 渔政 office's own 立案 (2025-04-03): one filing date, no conflict
    import datetime as dt

    from casefile.ingest.extract.decision import read_decision
    from casefile.ingest.extract.normalize import compact
    from checklists.decision_consistency import _records

    text = ("2024年12月17日，西乡县公安局对贾某某非法捕捞水产品案刑事立案侦查，2025年1月17日移送西乡县人民检察院审查起诉。"
            "2025年3月25日，西乡县人民检察院对贾某某作出不起诉决定，并将案件移送本机关。本机关于2025年4月3日予以立案调查。")
    filed = [day for day, _ in _records(read_decision(compact(text).text)).get("立案", [])]
    assert filed == [dt.date(2025, 4, 3)]


def test_template_leftovers_printed_in_an_opening_are_reported_a_blank_shell_is_not(ws, tmp_path):
    # 炎陵: the template's instruction “(分以下情况说明,①既陈述申辩,…” left in the published page (cut before its end)
    res = _evaluate(ws, TXT / "jt_yanling_dai.txt")
    assert res.abridged and "分以下情况说明" in _serious(res)["F05-template-leftovers"]
    # the 总局 template with only its header filled: headings in a row, nothing under them — not a decision
    res = _evaluate_text(ws, tmp_path, "空白决定书.txt", "清溪县市场监督管理局\n行政处罚决定书\n清市监处罚〔2024〕237号\n当事人：张某某\n主体资格证照名称：营业执照\n"
                     "（案件来源、调查经过及采取行政强制措施的情况）\n（违反法律、法规或者规章的事实）\n上述事实，主要有以下证据证明：\n"
                     "（案件性质、自由裁量的事实和理由）\n（行政处罚的内容和依据）\n（行政处罚的履行方式和期限）\n（救济途径和期限）\n"
                     "清溪县市场监督管理局\n（印 章）\n2024 年 11 月 19 日\n本文书一式 份， 份送达，一份归档。\n")
    assert res.abridged and "F05-template-leftovers" not in _serious(res)


def test_a_news_item_quoting_a_licence_rule_is_no_licence_and_is_never_graded_excellent(ws):
    # 胶州: a news item on a 施工许可 penalty quotes “由有管辖权的发证机关责令停止施工…罚款”: it was read as a licence
    # certificate and graded 优秀 with nothing checked. A certificate never speaks of 罚款; a lone 公示 record is unread
    res = _evaluate(ws, DATA / "decisions_sectors" / "heldout_s10" / "txt" / "zj_jiaozhou_changrunda.txt")
    assert res.score["grade"] != "优秀"
