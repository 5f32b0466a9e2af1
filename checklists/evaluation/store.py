"""Past evaluations, kept apart from the cases: ``<workspace>/evaluations/<id>.jsonl``,
a header line (what was evaluated, by which standard, the draw) then one line per
document or dossier. :func:`history` counts the findings of all of them by rule,
item, agency, handler and month — the weak points of a year's files."""

from __future__ import annotations

import collections
import datetime as dt
import json
import secrets
from pathlib import Path
from typing import Any, Iterable

from casefile.store.fsutil import atomic_write_text
from checklists.review_changes import rule_name

FOLDER = "evaluations"
DIMENSIONS = {"rule": "规则", "item": "评查项目", "agency": "执法机关", "handler": "承办人", "month": "决定月份"}


def new_id(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


def save(root: Path, header: dict[str, Any], results: list[dict[str, Any]]) -> Path:
    path = Path(root) / FOLDER / f"{header['id']}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"type": "evaluation", **header}, ensure_ascii=False)]
    lines += [json.dumps({"type": "result", **r}, ensure_ascii=False) for r in results]
    atomic_write_text(path, "\n".join(lines) + "\n")
    return path


def load_all(root: Path) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Every stored evaluation, oldest first: (header, results). A damaged line is passed over."""
    out = []
    for path in sorted((Path(root) / FOLDER).glob("*.jsonl")):
        header, results = {}, []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if rec.get("type") == "evaluation":
                header = rec
            elif rec.get("type") == "result":
                results.append(rec)
        if header:
            out.append((header, results))
    return out


def _values(r: dict[str, Any], f: dict[str, Any], dim: str) -> list[str]:
    if dim == "rule":
        return [f["rule"]]
    if dim == "item":
        return [f.get("item_name") or "未归项"]
    if dim == "handler":
        return r.get("handlers") or ["未载明"]
    return [r.get(dim) or "未载明"]


def counts(results: Iterable[dict[str, Any]]) -> dict[str, collections.Counter]:
    """Findings (coverage notes left out) by each dimension."""
    out = {d: collections.Counter() for d in DIMENSIONS}
    for r in results:
        for f in r.get("findings", ()):
            for d in DIMENSIONS:
                out[d].update(_values(r, f, d))
    return out


def history(root: Path) -> dict[str, Any]:
    runs = load_all(root)
    everything = [r for _, rs in runs for r in rs]
    by = counts(everything)
    return {
        "evaluations": [{"id": h["id"], "created": h.get("created", ""), "standard": h.get("standard", ""),
                         "paths": h.get("paths", []), "units": len(rs), "scored": sum(1 for r in rs if r.get("scored")),
                         "findings": sum(len(r.get("findings", ())) for r in rs),
                         "mean_score": _mean(r["score"] for r in rs if r.get("scored") and r.get("score") is not None)}
                        for h, rs in runs],
        "by": {d: [{"name": k, "title": rule_name(k) if d == "rule" else k, "findings": n} for k, n in c.most_common()]
               for d, c in by.items()},
    }


def _mean(xs: Iterable[float]) -> float | None:
    xs = list(xs)
    return round(sum(xs) / len(xs), 1) if xs else None
