"""A decision dated before the case was filed is reported by check (issue 32, probe "acts out of order").

Entry refuses such a date (facts add); a case.toml edited by hand or filled by an import could still
carry one, and check said nothing: 询问、调查取证 before 立案 were reported, 决定 was not.
"""

from __future__ import annotations

CASE = "ZR-2026-012"  # 立案 2026-08-26, 决定 2026-11-10


def test_a_decision_before_filing_is_a_procedure_defect(demo_ws, run_cli):
    p = demo_ws.cases_dir / CASE / "case.toml"
    text = p.read_text(encoding="utf-8")
    assert 'kind = "决定"\ndate = 2026-11-10' in text
    p.write_text(text.replace('kind = "决定"\ndate = 2026-11-10', 'kind = "决定"\ndate = 2026-08-01'), encoding="utf-8")
    code, out, err = run_cli("--today", "2026-11-23", "check", CASE, "-w", str(demo_ws.root))
    assert "立案：2026-08-01的决定早于2026-08-26立案（程序倒置）" in out
    # and the hand edit itself is reported by the journal
    code, out, err = run_cli("journal", "verify", CASE, "-w", str(demo_ws.root))
    assert code == 10 and "acts" in out
