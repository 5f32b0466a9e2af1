"""Round 7 of the held-out 处罚 dossiers (tests/data/dossiers_sectors_g: 交通运输 路政/网约车, 城管 占道经营/违法建设, 水利
采砂/取水; truth written before any run, first contact 8/12 planted defects found, 3/6 correct dossiers flagged). The
causes fixed after that run, on the dossiers that showed them: a passenger questioned at the scene on the day of the
inspection is no 询问 before 立案; a 责令停止水事违法行为通知书 is an order, not the 交通 告知 违法行为通知书; 河道非法采砂
over the 非法采矿 threshold is referred; a case decided by collective discussion needs its 法制审核 first."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib

import pytest

from tests.conftest import DATA

ROOT = DATA / "dossiers_sectors_g"
EXPECTED = tomllib.loads((ROOT / "expected.toml").read_text(encoding="utf-8"))
NAMES = ["ride_hailing_correct", "sand_correct", "intake_correct", "sand_referral_missed", "intake_no_legal_review",
         "road_dig_inquiry_before_filing"]


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace
    from checklists.engine import run_check

    root = tmp_path_factory.mktemp("round7") / "ws"
    shutil.copytree(demo_template, root)
    ws = Workspace.open(root)
    out = {}
    for name in NAMES:
        res = import_paths(ws, [ROOT / name])
        out[name] = (res, run_check(ws, res.case, today=dt.date(2026, 11, 29), journal=False).to_dict())
    return out


def _serious(result) -> list[dict]:
    return [f for f in result["findings"] if f["severity"] in ("veto", "major")]


@pytest.mark.parametrize("name", ["ride_hailing_correct", "sand_correct", "intake_correct"])
def test_a_correct_dossier_is_agreed(checked, name):
    assert EXPECTED[name].get("verdict") == "同意"
    assert _serious(checked[name][1]) == []


def test_the_order_to_stop_is_typed_as_an_order(checked):
    res, _ = checked["sand_correct"]
    kinds = {d.file.split("/")[-1]: d.doc_type for d in res.documents}
    assert next(v for k, v in kinds.items() if "责令停止水事违法行为通知书" in k) == "rectification_notice"


@pytest.mark.parametrize("name", ["sand_referral_missed", "intake_no_legal_review", "road_dig_inquiry_before_filing"])
def test_the_planted_defect_is_found_by_one_of_its_rules(checked, name):
    rules = set(EXPECTED[name]["rules"])
    assert rules & {f["rule"] for f in _serious(checked[name][1])}, EXPECTED[name]["defect"]
