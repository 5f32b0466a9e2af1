"""Imported dossiers in three layouts and three sectors (issue 16): every planted defect found,
in its category, by a serious finding of one of the rules that may find it; every correct
dossier 同意 with no veto or major finding; the facts read from the whole file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib

import pytest

from tests.conftest import DATA

DOSSIERS = DATA / "dossiers"
EXPECTED = tomllib.loads((DOSSIERS / "expected.toml").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace
    from checklists.engine import run_check

    root = tmp_path_factory.mktemp("dossiers") / "ws"
    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    out = {}
    for name in EXPECTED:
        case = import_paths(ws, [DOSSIERS / name]).case
        assert case, name
        out[name] = (ws.load_case(case), run_check(ws, case, today=TODAY, journal=False).to_dict())
    return out


def serious(result):
    return [f for f in result["findings"] if f["severity"] in ("veto", "major")]


def test_the_set_covers_layouts_sectors_and_size():
    assert len(EXPECTED) >= 30
    assert {e["layout"] for e in EXPECTED.values()} >= {"table", "narrative", "mixed"}
    assert {e["sector"] for e in EXPECTED.values()} >= {"自然资源", "市场监管", "应急管理"}
    assert any(p.suffix == ".pdf" for p in DOSSIERS.rglob("*.pdf"))


@pytest.mark.parametrize("name", [n for n in EXPECTED if "verdict" not in EXPECTED[n]])
def test_planted_defect_is_found(checked, name):
    exp = EXPECTED[name]
    _, r = checked[name]
    if exp.get("severity") == "minor":
        assert any(f["rule"] in exp["rules"] and f["category"] == exp["category"] for f in r["findings"]), r["findings"]
        return
    hits = [f for f in serious(r) if f["rule"] in exp["rules"]]
    assert hits and all(f["category"] == exp["category"] for f in hits), json.dumps(r["findings"], ensure_ascii=False, indent=1)
    assert r["verdict"] == "存在问题"


@pytest.mark.parametrize("name", [n for n in EXPECTED if EXPECTED[n].get("verdict") == "同意"])
def test_correct_dossier_agreed(checked, name):
    _, r = checked[name]
    assert not serious(r), json.dumps(r["findings"], ensure_ascii=False, indent=1)
    assert r["verdict"] == "同意"


def test_defect_rules_never_fire_on_correct_dossiers(checked):
    rules = {r for e in EXPECTED.values() for r in e.get("rules", [])}
    for name, e in EXPECTED.items():
        if e.get("verdict"):
            fired = {f["rule"] for f in serious(checked[name][1])}
            assert not fired & rules, name


def test_land_facts_read_from_the_documents(checked):
    case, _ = checked["correct_land_hearing_table"]
    assert case.sector == "自然资源"
    assert case.violation.cause == "涉嫌非法占用土地"
    assert case.violation.area_m2 == 2400 and case.violation.land_type == "耕地"
    big, r = checked["criminal_threshold_no_referral_land"]
    assert big.violation.land_type == "基本农田" and big.violation.area_mu == 12
    msg = next(f["message"] for f in r["findings"] if f["rule"] == "R03-land-referral")
    assert "8000平方米（12亩）" in msg


def test_head_review_proven_by_other_papers(checked):
    """§57 asks for the head's review, not a form: 集体讨论记录 or a 审核表 with 负责人意见：同意."""
    for name in ("correct_land_hearing_table", "correct_market_ordinary_narrative"):
        _, r = checked[name]
        assert not any("决定审批表" in f["message"] for f in r["findings"]), name


def test_wrong_check_digit_is_named_not_missing(checked):
    _, r = checked["wrong_check_digit_market"]
    msgs = [f["message"] for f in r["findings"]]
    assert any("校验位错误" in m for m in msgs)
    assert not any("未写明" in m and "信用代码" in m for m in msgs)


def test_disagreement_names_both_documents(checked):
    _, r = checked["party_details_disagree_land"]
    f = next(f for f in r["findings"] if f["rule"] == "F03-dossier-facts-agree")
    assert "兴业路18号" in f["message"] and "兴业路8号" in f["message"] and len(f["documents"]) >= 2
    assert "《行政处罚决定书》中" in f["message"] or "《行政处罚决定书》中的" in f["message"]


def test_messages_are_chinese(checked):
    import re

    for name, (_, r) in checked.items():
        for f in r["findings"]:
            assert not re.search(r"[a-z]+_[a-z]+|violation\.|filing_approval", f["message"]), (name, f["message"])


def test_import_and_case_show_speak_chinese(demo_ws, run_cli):
    import re

    code, out, _ = run_cli("import", str(DOSSIERS / "correct_land_waived_narrative"), "-w", str(demo_ws.root))
    assert code in (0, None)
    assert "立案审批表" in out and "已补充：" in out and "案由" in out and "占地面积" in out
    code, out, _ = run_cli("case", "show", "清自然资罚决〔2026〕12号", "-w", str(demo_ws.root))
    assert "案由：涉嫌非法占用土地" in out and "领域：自然资源" in out
    assert "占地面积：2400平方米（耕地3.6亩）" in out
    assert "据导入的《立案审批表》" in out
    assert not re.search(r"[a-z]+_[a-z]+|violation\.", out), out


def test_typed_as_penalty_cases_by_their_documents(checked):
    """Issue 28: the case type comes from the documents; every penalty dossier stays a 行政处罚 case,
    those with a seizure or a 现场检查 among their papers too."""
    assert {name: case.case_type.value for name, (case, _) in checked.items() if case.case_type.value != "行政处罚"} == {}
