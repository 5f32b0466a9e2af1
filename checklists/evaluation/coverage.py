"""Coverage notes: what a lone document cannot show is said, not deducted.

The decision review sets apart what one published decision cannot show (the
check result's ``coverage`` key, taken as it is); :func:`split` also sets apart
the findings that ``coverage.toml`` names (whole-file rules, 无法核实) when a
document is evaluated alone."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    with open(HERE / "coverage.toml", "rb") as f:
        return tomllib.load(f)


def is_coverage(finding: dict[str, Any]) -> bool:
    r = _rules()
    return finding["message"].startswith(tuple(r["prefixes"])) or finding["rule"] in r["whole_file_rules"]


def split(result: dict[str, Any], lone: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(findings, coverage) of a check result's dict. A dossier's findings are all findings; a lone
    document's coverage notes are set apart (the review's own ``coverage`` key is taken as it is)."""
    findings = list(result.get("findings", ()))
    coverage = list(result.get("coverage", ()))
    if not lone:
        return findings, coverage
    return [f for f in findings if not is_coverage(f)], coverage + [f for f in findings if is_coverage(f)]
