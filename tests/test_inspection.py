"""双随机 draws and the 事前公开 registers (issue 20 §4–5), on the demo's officer register."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil

import pytest

from casefile.output import inspection, registers

from casefile.chain import journal
from casefile.errors import ValidationError
from casefile.store.workspace import Officer, Workspace
from tests.conftest import DATA

TARGETS = DATA / "inspection" / "targets.csv"
DAY = dt.date(2026, 11, 23)


def _market_only(tmp_path):
    rows = TARGETS.read_text(encoding="utf-8").splitlines()
    p = tmp_path / "市场.csv"
    p.write_text("\n".join([rows[0]] + [r for r in rows[1:] if r.endswith("市场监管")]), encoding="utf-8")
    return p


def test_same_seed_same_draw_whatever_the_row_order(demo_ws, tmp_path):
    src = _market_only(tmp_path)
    lines = src.read_text(encoding="utf-8").splitlines()
    shuffled = tmp_path / "乱序.csv"
    shuffled.write_text("\n".join([lines[0]] + lines[1:][::-1]), encoding="gbk")  # another order, another encoding
    twin = Workspace.open(shutil.copytree(demo_ws.root, tmp_path / "同一工作区"))  # the same history of draws
    a = inspection.draw(demo_ws, src, "30%", 7, DAY, plan_id="a")
    b = inspection.draw(twin, shuffled, "0.3", 7, DAY, plan_id="b")
    assert len(a.picks) == 3  # ceil(10 × 30 %)
    assert [(p.target.name, p.officers) for p in a.picks] == [(p.target.name, p.officers) for p in b.picks]


def test_officers_drawn_are_valid_that_day_and_cover_the_matter(demo_ws, tmp_path):
    plan = inspection.draw(demo_ws, _market_only(tmp_path), "100%", 3, DAY)
    reg = demo_ws.officers()
    for p in plan.picks:
        assert len(p.officers) == 2 and p.officers[0]["certificate"] != p.officers[1]["certificate"]
        for o in p.officers:
            off = reg.by_certificate(o["certificate"])
            assert off.valid_on(DAY) and "市场监管" in off.categories
    # 陈志强's certificate ran out on 2026-05-31: never sent after that
    assert "33112600103" not in {o["certificate"] for p in plan.picks for o in p.officers}


def test_no_officer_on_the_same_target_twice_in_a_row(demo_ws, tmp_path):
    src = _market_only(tmp_path)
    first = inspection.draw(demo_ws, src, "100%", 1, DAY, plan_id="first")
    second = inspection.draw(demo_ws, src, "100%", 2, DAY + dt.timedelta(days=30), plan_id="second")
    before = {p.target.name: {o["certificate"] for o in p.officers} for p in first.picks}
    for p in second.picks:
        assert not before[p.target.name] & {o["certificate"] for o in p.officers}, p.target.name


def test_too_few_eligible_officers_is_refused_with_the_reason(demo_ws, tmp_path):
    env = tmp_path / "环境.csv"
    rows = TARGETS.read_text(encoding="utf-8").splitlines()
    env.write_text("\n".join([rows[0]] + [r for r in rows[1:] if r.endswith("生态环境")]), encoding="utf-8")
    inspection.draw(demo_ws, env, "100%", 1, DAY, plan_id="env1")  # 孙伟 and 郑丽 on both firms
    with pytest.raises(ValidationError) as e:
        inspection.draw(demo_ws, env, "100%", 2, DAY, plan_id="env2")  # nobody else may go back next time
    assert "执法人员不足" in str(e.value) and "清溪县绿源化工有限公司" in str(e.value)
    assert not (demo_ws.root / "inspections" / "env2.json").exists()


def test_draws_and_results_are_journaled_and_exported(demo_ws, tmp_path):
    plan = inspection.draw(demo_ws, _market_only(tmp_path), "20%", 11, DAY, plan_id="p")
    first = plan.picks[0].target.name
    inspection.record_result(demo_ws, "p", first, "未发现问题", DAY + dt.timedelta(days=3))
    folder = demo_ws.root / "inspections"
    assert [e["act"] for e in journal.read(folder)][-2:] == ["双随机抽取", "记录抽查结果"]
    assert journal.verify(folder) == []
    rows = inspection.result_rows(inspection.load_plan(demo_ws, "p"))
    assert rows[0][3] == first and rows[0][6] == "未发现问题" and rows[1][6] == "尚未检查"
    assert all("（3311260" in r[5] for r in rows)  # officers by name and certificate number


def test_registers_hold_the_workspace_and_are_due_again_after_a_change(demo_ws, tmp_path):
    (demo_ws.root / "matters.toml").write_text(
        '[[matters]]\nname = "对价格违法行为的行政处罚"\nkind = "行政处罚"\nbasis = "《中华人民共和国价格法》第三十九条至第四十二条"\n\n'
        '[[matters]]\nname = "明码标价检查"\nkind = "行政检查"\nbasis = "《明码标价和禁止价格欺诈规定》"\nrandom_check = true\n'
        'check_object = "辖区内经营者"\ncheck_method = "现场检查"\ncheck_ratio = "每年不低于5%"\n', encoding="utf-8")
    assert {d.kind for d in registers.due(demo_ws, DAY)} == {f"事前公开：{t}" for t in ("行政执法主体", "行政执法人员清单", "行政执法事项清单", "随机抽查事项清单")}
    out = tmp_path / "公示"
    written = {w["register"]: w for w in registers.write(demo_ws, out, "csv", DAY)}
    assert written["行政执法事项清单"]["rows"] == 2 and written["随机抽查事项清单"]["rows"] == 1
    people = list(csv.reader(io.StringIO((out / "行政执法人员清单.csv").read_text(encoding="utf-8-sig"))))
    assert people[0] == ["姓名", "所在单位", "执法证号", "执法类别", "执法区域", "证件有效期"]
    assert "33112600101" in {r[2] for r in people} and "33112600103" not in {r[2] for r in people}  # expired
    assert registers.due(demo_ws, DAY) == []
    reg = demo_ws.officers()
    reg.officers.append(Officer(name="赵新", certificate="33112600106", categories=["市场监管"], valid_from=dt.date(2026, 11, 1)))
    demo_ws.save_officers(reg)
    assert [d.kind for d in registers.due(demo_ws, DAY)] == ["事前公开：行政执法人员清单"]
    for fmt in ("xlsx", "docx"):
        registers.write(demo_ws, out, fmt, DAY)
        assert (out / f"行政执法人员清单.{fmt}").stat().st_size > 1000


def test_cli_draw_record_export_and_registers(demo_ws, run_cli, tmp_path):
    w = ["-w", str(demo_ws.root)]
    code, out, err = run_cli("inspect", "draw", "--targets", str(_market_only(tmp_path)), "--ratio", "20%", "--seed", "2026",
                             "--today", "2026-11-23", "--plan", "2026-价格", "--json", *w)
    assert code == 0, err
    plan = json.loads(out)
    assert plan["id"] == "2026-价格" and len(plan["picks"]) == 2 and plan["seed"] == 2026
    name = plan["picks"][0]["target"]["name"]
    code, _, err = run_cli("inspect", "record", "2026-价格", "--target", name, "--result", "未发现问题", "--today", "2026-11-25", *w)
    assert code == 0, err
    code, _, err = run_cli("inspect", "export", "2026-价格", "--out", str(tmp_path / "结果.csv"), "--format", "csv", *w)
    assert code == 0, err
    text = (tmp_path / "结果.csv").read_text(encoding="utf-8-sig")
    assert f"{name}" in text and "未发现问题" in text and "尚未检查" in text
    code, out, err = run_cli("publicity", "due", "--today", "2026-11-23", "--json", *w)
    assert any(d["kind"] == "事前公开：行政执法人员清单" for d in json.loads(out))
    code, out, err = run_cli("publicity", "registers", "--out", str(tmp_path / "清单"), "--format", "docx", "--json", *w)
    assert code == 0, err
    names = {p.name for p in (tmp_path / "清单").iterdir()}
    registers_written = {f"{t}.docx" for t in ("行政执法主体", "行政执法人员清单", "行政执法事项清单", "随机抽查事项清单")}
    assert registers_written <= names
    # the rest: each 事项's 执法流程图 (SVG, PNG) and 服务指南 (tests/test_case_types.py reads them)
    assert all(n.endswith(("-执法流程图.svg", "-执法流程图.png", "-服务指南.docx")) for n in names - registers_written)
    code, out, err = run_cli("publicity", "due", "--today", "2026-11-23", "--json", *w)
    assert not any(d["kind"].startswith("事前公开") for d in json.loads(out))
