"""What a change of a case's facts is journaled as: the field-by-field differences, and the
journal stage of the case's state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casefile.model import CaseState


def stage_of_state(state: CaseState) -> str:
    return {
        CaseState.OPENED: "立案",
        CaseState.INVESTIGATING: "调查",
        CaseState.IN_REVIEW: "审查",
        CaseState.DECIDED: "决定",
        CaseState.CLOSED: "结案",
        CaseState.ARCHIVED: "结案",
    }[CaseState(state)]


def diff_facts(old: Any, new: Any, prefix: str = "") -> dict[str, dict[str, Any]]:
    """Field-by-field differences, keyed by dotted path: {"violation.facts": {"old":…, "new":…}}."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            out.update(diff_facts(old.get(k), new.get(k), f"{prefix}.{k}" if prefix else k))
        return out
    if isinstance(old, list) and isinstance(new, list) and old != new and any(isinstance(x, dict) for x in old + new):
        # lists of records (acts, parties, measures): say which records came and went
        out[prefix] = {"added": [_jsonable(x) for x in new if x not in old], "removed": [_jsonable(x) for x in old if x not in new]}
        return out
    if old != new:
        out[prefix or "(root)"] = {"old": _jsonable(old), "new": _jsonable(new)}
    return out


def _jsonable(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v
