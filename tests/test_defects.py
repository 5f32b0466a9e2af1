"""Defect dossiers written as agencies fill their forms: imported with `casefile import`,
checked with `casefile check --mode review`; each planted defect found with the right
category by a rule that does not fire on the correct dossiers (issue 5 §9)."""

from __future__ import annotations

import json
import tomllib

import pytest

from tests.conftest import DATA

DEFECTS = DATA / "defects"
EXPECTED = tomllib.loads((DEFECTS / "expected.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checked(demo_template, tmp_path_factory):
    """Every dossier imported into one workspace (demo officers and laws) and checked once."""
    import shutil

    from click.testing import CliRunner

    from tui.cli import cli

    root = tmp_path_factory.mktemp("defects") / "ws"
    shutil.copytree(demo_template, root)
    runner = CliRunner()
    out = {}
    for name in EXPECTED:
        r = runner.invoke(cli, ["import", str(DEFECTS / name), "--json", "-w", str(root)], standalone_mode=False, catch_exceptions=False)
        case = json.loads(r.stdout)["case"]
        assert case, name
        r = runner.invoke(cli, ["check", case, "--mode", "review", "--json", "-w", str(root)], standalone_mode=False, catch_exceptions=False)
        out[name] = json.loads(r.stdout)
    return out


def serious(result):
    return {(f["rule"], f["category"]) for f in result["findings"] if f["severity"] in ("veto", "major")}


@pytest.mark.parametrize("name", [n for n in EXPECTED if not n.startswith("correct")])
def test_planted_defect_is_found(checked, name):
    from checklists.engine import load_rules

    exp = EXPECTED[name]
    if next(r.severity for r in load_rules() if r.id == exp["rule"]) == "minor":
        # a form defect (a misnamed law the library identifies): found, at its own severity
        assert any((f["rule"], f["category"]) == (exp["rule"], exp["category"]) for f in checked[name]["findings"])
        return
    assert (exp["rule"], exp["category"]) in serious(checked[name]), json.dumps(checked[name]["findings"], ensure_ascii=False, indent=1)
    assert checked[name]["verdict"] == "存在问题"


@pytest.mark.parametrize("name", ["correct_ordinary", "correct_hearing"])
def test_correct_dossiers_get_agree(checked, name):
    r = checked[name]
    assert not serious(r), json.dumps(r["findings"], ensure_ascii=False, indent=1)
    assert r["verdict"] == "同意"


def test_defect_rules_do_not_fire_on_correct_dossiers(checked):
    rules = {EXPECTED[n]["rule"] for n in EXPECTED if "rule" in EXPECTED[n]}
    for name in ("correct_ordinary", "correct_hearing"):
        fired = {f["rule"] for f in checked[name]["findings"] if f["severity"] in ("veto", "major")}
        assert not (fired & rules), name


def test_hearing_dossier_is_a_major_decision(checked):
    assert checked["correct_hearing"]["major_decision"]["required"]
    assert not checked["correct_ordinary"]["major_decision"]["required"]
