"""The workspace, the case model and the base CLI (issue 2)."""

from __future__ import annotations

import json

from casefile.model.cn import cn_date, money_upper, parse_cn_number
from casefile.model.names import safe_name


def test_demo_then_case_list_json(tmp_path, run_cli):
    ws = str(tmp_path / "T")
    code, out, err = run_cli("demo", "--workspace", ws)
    assert code == 0, err
    code, out, err = run_cli("case", "list", "--workspace", ws, "--json")
    assert code == 0, err
    cases = json.loads(out)
    assert len(cases) >= 5
    assert {c["state"] for c in cases} >= {"已立案", "调查中", "待法制审核", "已决定", "已结案", "已归档"}
    assert {c["sector"] for c in cases} >= {"市场监管", "自然资源", "生态环境", "应急管理"}
    for c in cases:
        assert c["id"] and c["number"] and c["type"] and c["procedure"] and c["state"]
        assert c["parties"] and c["parties"][0]["name"]


def test_case_show_by_number(demo_ws, run_cli):
    code, out, _ = run_cli("case", "show", "清市监处罚〔2026〕88号", "-w", str(demo_ws.root), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["id"] == "SJ-2026-088"
    assert data["parties"][0]["id_number"] == "91331126MA2J0Q7C5A"
    assert data["procedure"] == "听证"


def test_invalid_case_toml_names_the_field_in_chinese(demo_ws, run_cli):
    path = demo_ws.cases_dir / "YJ-2026-003" / "case.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('procedure = "普通"', 'procedure = "特别"').replace("date = 2026-11-20", 'date = "2026年13月"'), encoding="utf-8")
    code, out, err = run_cli("case", "show", "YJ-2026-003", "-w", str(demo_ws.root))
    assert code != 0
    assert "procedure" in err and "特别" in err and "可选" in err
    assert "acts[2].date" in err and "日期" in err
    assert "Traceback" not in err


def test_unknown_field_is_reported_not_dropped(demo_ws, run_cli):
    path = demo_ws.cases_dir / "YJ-2026-003" / "case.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[review]\nhearing_requsted = true\n', encoding="utf-8")
    code, _, err = run_cli("case", "show", "YJ-2026-003", "-w", str(demo_ws.root))
    assert code != 0 and "review.hearing_requsted" in err and "不认识的字段" in err


def test_case_new_and_journal_entry(demo_ws, run_cli):
    code, out, err = run_cli(
        "--today", "2026-11-23", "case", "new", "-w", str(demo_ws.root), "--number", "清市监处罚〔2026〕120号", "--party", "清溪县好运来超市有限公司",
        "--party-id", "91331126MA2N8F6A1D", "--cause", "销售不符合食品安全标准的食品", "--filed", "2026-11-23", "--json",
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["id"] == "清市监处罚〔2026〕120号"  # the 文号 is already a safe folder name
    case_dir = demo_ws.cases_dir / summary["id"]
    assert (case_dir / "docs").is_dir() and (case_dir / "evidence").is_dir()
    entries = [json.loads(line) for line in (case_dir / "journal.jsonl").read_text(encoding="utf-8").splitlines()]
    assert entries[0]["act"] == "新建案件" and entries[0]["stage"] == "立案"
    code, _, err = run_cli("case", "new", "-w", str(demo_ws.root), "--number", "清市监处罚〔2026〕120号")
    assert code != 0 and "已存在" in err


def test_path_traversal_id_refused(demo_ws, run_cli):
    code, _, err = run_cli("case", "new", "-w", str(demo_ws.root), "--id", "../evil")
    assert code != 0 and "文件夹名" in err
    assert not (demo_ws.root / "evil").exists()


def test_save_case_journals_old_and_new(demo_ws):
    case = demo_ws.load_case("YJ-2026-003")
    case.violation.facts = "冲压车间3名员工未经安全生产教育和培训上岗作业。"
    entry = demo_ws.save_case(case, act="修改违法事实")
    assert entry["changes"]["facts"]["violation.facts"]["new"].startswith("冲压车间")
    assert demo_ws.load_case("YJ-2026-003").violation.facts == case.violation.facts


def test_officers(demo_ws, run_cli):
    code, out, err = run_cli(
        "officer", "add", "-w", str(demo_ws.root), "--name", "蒋文", "--cert", "33112600403", "--category", "应急管理",
        "--valid-from", "2026-01-01", "--valid-to", "2030-12-31",
    )
    assert code == 0, err
    code, out, _ = run_cli("officer", "list", "-w", str(demo_ws.root), "--json")
    names = [o["name"] for o in json.loads(out)]
    assert "蒋文" in names and "王建国" in names
    code, _, err = run_cli("officer", "add", "-w", str(demo_ws.root), "--name", "重复", "--cert", "33112600403")
    assert code != 0 and "已在人员清单中" in err


def test_missing_workspace_message(tmp_path, run_cli):
    code, _, err = run_cli("case", "list", "-w", str(tmp_path / "none"))
    assert code != 0 and "不是 casefile 工作区" in err


def test_chinese_forms():
    import datetime as dt

    assert cn_date(dt.date(2026, 1, 19)) == "二〇二六年一月十九日"
    assert money_upper(50000) == "人民币伍万元整"
    assert money_upper("3260.50") == "人民币叁仟贰佰陆拾元伍角"
    assert parse_cn_number("一百二十四") == 124
    assert safe_name("陵自然资罚〔2019〕23号") == "陵自然资罚〔2019〕23号"
    assert safe_name("../a/b:c") == "-a-b-c"
