"""A rule of an existing pattern added by data alone (issue 26 item 2): QZ16 is a TOML entry in
checklists/rules/coercion.toml over the vocabulary's ``text_mentions`` — 行政强制法§24 requires the
查封扣押决定书 to state 申请行政复议或者提起行政诉讼的途径和期限."""

from __future__ import annotations

import datetime as dt
import json

from tests.conftest import DATA

TODAY = dt.date(2026, 11, 29)


def _qz14(ws, case):
    from checklists.engine import check_case, context_for

    return [f for f in check_case(context_for(ws, case, TODAY), "review").findings if f.rule == "QZ16-seizure-remedies"]


def test_a_seizure_decision_without_remedies_is_found_and_the_demos_is_not(demo_ws, run_cli):
    assert _qz14(demo_ws, "QZ-2026-021") == []  # the demo's 决定书 tells of 行政复议 and 行政诉讼
    doc = DATA / "rule_added" / "查封扣押决定书（未告知救济途径）.txt"
    code, out, err = run_cli("import", str(doc), "--case", "QZ-2026-021", "--json", "-w", str(demo_ws.root))
    assert code == 0, err
    assert json.loads(out)["imported"], out
    found = _qz14(demo_ws, "QZ-2026-021")
    assert len(found) == 1 and found[0].severity == "major" and found[0].category == "documents"
    # the sentence is the pack's, over the term's named fields {doc} and {label}
    assert found[0].message.startswith("查封扣押决定书：《") and found[0].message.endswith("》没有写明申请行政复议或者提起行政诉讼的途径和期限")
    assert "第二十四条" in found[0].basis
