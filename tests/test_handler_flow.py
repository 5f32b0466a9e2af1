"""A handler carries a case from 立案 to its 决定书 in the tool (issue 29, done-when): by commands
only here, by keys only in test_tui_handler.py. Every fact the 立案审批表, 告知书 and 决定书 print
was entered through `casefile facts`, and each document prints it."""

from __future__ import annotations

import json

from casefile.chain import journal
from tests.docx_text import docx_text

FACTS = "当事人于2026年10月5日至10月30日在其经营场所销售超过保质期的“光明”纯牛奶12盒，货值金额人民币96元。"
BASIS = "《中华人民共和国食品安全法》第三十四条第（十）项"
PENALTY = "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"


def test_a_case_by_commands_only(demo_ws, run_cli):
    w = ["--today", "2026-11-23", "-w", str(demo_ws.root)]

    def ok(*args):
        code, out, err = run_cli(*w[:2], *args, *w[2:])
        assert code == 0, (args, err)
        return out

    def refused(*args):
        code, out, err = run_cli(*w[:2], *args, *w[2:])
        assert code != 0, args
        return err

    ok("case", "new", "--id", "SJ-2026-140", "--number", "清市监处罚〔2026〕140号", "--type", "行政处罚", "--cause",
       "销售超过保质期的食品", "--party", "清溪县好又多超市有限公司", "--party-id", "91320281MA1R5YAN5W",
       "--party-address", "清溪县城关镇解放路8号", "--filed", "2026-11-02")
    cid = "SJ-2026-140"
    # no 来源 or 承办人 at creation: entered later, checked as the form checks them
    assert "请选择" in refused("facts", "add", cid, "案件来源", "--text", "路过")
    ok("facts", "add", cid, "案件来源", "--text", "投诉举报")
    assert "不得少于2名" in refused("facts", "add", cid, "承办人", "--officer", "王建国")
    ok("facts", "add", cid, "承办人", "--officer", "王建国", "--officer", "李晓梅")
    ok("doc", "render", cid, "filing_approval")
    assert "已录入承办人" in refused("facts", "add", cid, "承办人", "--officer", "王建国", "--officer", "许国平")
    ok("facts", "edit", cid, "承办人", "--officer", "王建国", "--officer", "许国平")

    assert "晚于今天" in refused("facts", "add", cid, "违法事实", "--text", FACTS, "--date", "2027-01-01")
    ok("facts", "add", cid, "违法事实", "--text", FACTS, "--date", "2026-10-05", "--end-date", "2026-10-30")
    assert "未能识别" in refused("facts", "add", cid, "违反条款", "--basis", "食品安全法有关规定")
    ok("facts", "add", cid, "违反条款", "--basis", BASIS)
    ok("facts", "add", cid, "执法行为", "--kind", "现场检查", "--date", "2026-11-03", "--officer", "王建国", "--officer", "许国平",
       "--place", "清溪县城关镇解放路8号")
    ok("facts", "add", cid, "证据", "--kind", "物证", "--name", "超过保质期的纯牛奶12盒", "--date", "2026-11-03")
    ok("facts", "add", cid, "拟处罚", "--kind", "罚款", "--amount", "5000", "--basis", PENALTY)
    ok("facts", "add", cid, "执法行为", "--kind", "调查终结", "--date", "2026-11-10")
    ok("facts", "add", cid, "执法行为", "--kind", "告知", "--date", "2026-11-12")
    ok("doc", "render", cid, "penalty_notice")

    # the 陈述申辩 and the agency's answer, then the decision that replies to it
    assert "早于开始时间" in refused("facts", "add", cid, "陈述申辩", "--text", "不知道牛奶已过期", "--start", "9:30", "--end", "9:00")
    ok("facts", "add", cid, "执法行为", "--kind", "陈述申辩", "--date", "2026-11-14")
    ok("facts", "add", cid, "陈述申辩", "--text", "当事人称不知道牛奶已过期，请求从轻处罚", "--review", "经复核，当事人未履行进货查验义务，不予采纳",
       "--place", "清溪县市场监督管理局三楼询问室", "--start", "9:30", "--end", "10:15", "--recorder", "许国平")
    ok("facts", "add", cid, "决定", "--kind", "罚款", "--amount", "5000", "--basis", PENALTY)
    ok("facts", "add", cid, "执法行为", "--kind", "决定", "--date", "2026-11-20")
    ok("doc", "render", cid, "decision")

    docs = demo_ws.cases_dir / cid / "docs"
    filing = docx_text(next(docs.glob("*立案审批表.docx")))
    assert "投诉举报" in filing and "王建国、李晓梅" in filing  # as entered when it was printed
    notice = docx_text(next(docs.glob("*行政处罚告知书.docx")))
    assert FACTS in notice and BASIS in notice and "伍仟元" in notice
    decision = docx_text(next(docs.glob("*行政处罚决定书.docx")))
    assert FACTS in decision and BASIS in decision and "清市监处罚〔2026〕140号" in decision
    assert "不知道牛奶已过期" in decision and "未履行进货查验义务" in decision  # the party's words and the agency's answer
    acts = [e["act"] for e in journal.read(demo_ws.cases_dir / cid)]
    assert {"录入案件来源", "录入承办人", "修改承办人", "录入违法事实", "录入违反条款", "录入陈述申辩"} <= set(acts)
    shown = json.loads(ok("facts", "edit", cid, "违法事实", "--end-date", "2026-10-31", "--json"))
    assert shown["facts"]["text"] == FACTS and shown["facts"]["end_date"] == "2026-10-31"
