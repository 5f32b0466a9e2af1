"""One mechanism for every rule of every pack (issue 20 §1): each term names its parameters, a
pack naming a term with a misspelt or ill-typed parameter does not load, and no term is left
that no rule uses."""

from __future__ import annotations

import pytest

from casefile.errors import CheckError
from checklists import engine
from checklists.registry import TERMS


def _load(tmp_path, monkeypatch, rule: str):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "x.toml").write_text(
        'case_type = "行政处罚"\n[[rules]]\nid = "T1"\ncategory = "procedure"\nseverity = "major"\n' + rule +
        '\nmessage = "{detail}"\n', encoding="utf-8")
    monkeypatch.setattr(engine, "HERE", tmp_path)
    engine.load_rules.cache_clear()
    try:
        with pytest.raises(CheckError) as e:
            engine.load_rules()
        return str(e.value)
    finally:
        monkeypatch.undo()
        engine.load_rules.cache_clear()


def test_every_rule_of_every_pack_names_a_term_of_the_one_vocabulary():
    rules = engine.load_rules()
    assert {r.pack for r in rules} >= {"行政处罚", "行政许可", "行政强制", "行政检查", "审计"}
    assert all(r.predicate in TERMS for r in rules)
    assert set(TERMS) == {r.predicate for r in rules}  # no term left that no rule uses
    # the penalty pack's deadlines, order, bands and thresholds are rows over the generic terms
    by_id = {r.id: r.predicate for r in rules}
    assert [by_id[i] for i in ("P11-preservation", "P17-case-time-limit", "P18-service", "Q05-seizure-period")] == ["deadline"] * 4
    assert (by_id["P05-filing-first"], by_id["P20-hearing-timing"]) == ("act_order", "notice_before")
    assert (by_id["D01-fine-range"], by_id["R01-thresholds"]) == ("amount_within_band", "threshold_reached")


@pytest.mark.parametrize("rule,words", [
    # a structural term (it reads the decision) declares its parameters too: a misspelt one is an error
    ('predicate = "citations_valid"\nparams = { onyl = "misnamed" }', "onyl"),
    ('predicate = "av_recorded"\nparams = { level = "sometimes" }', "level"),
    ('predicate = "agency_stated"\nparams = { strict = true }', "strict"),
    ('predicate = "deadline"\nparams = { start = ["立案"], end = ["决定"], period = { key = "case_time" } }', "不是已知的期限"),
    ('predicate = "no_such_term"', "不存在的判断函数"),
])
def test_a_bad_parameter_of_any_term_stops_the_pack(tmp_path, monkeypatch, rule, words):
    message = _load(tmp_path, monkeypatch, rule)
    assert "T1" in message and words in message
