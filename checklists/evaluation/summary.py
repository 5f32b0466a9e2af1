"""The tables a 评查 report shows, computed once for the workbook and the 评查报告:
the grades, each agency's files, each rule's and each item's findings (with an
example of each), coverage notes apart."""

from __future__ import annotations

import collections
from typing import Any

from checklists.review_changes import rule_name

UNSCORED = "不评分"
OVERVIEW_NAMES = {"units": "评查件数", "errors": "无法评查", "scored": "评分件数", "unscored": "不评分（公示摘要）",
                  "mean": "平均分", "vetoed": "否决件数", "findings": "问题数", "coverage": "无法显示的内容（说明）"}


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 1) if xs else None


def grades(results: list[dict[str, Any]], order: list[str] = ()) -> list[tuple[str, int]]:
    """(grade, count), in the standard's order of grades (``order``), the unscored last."""
    c = collections.Counter((r["grade"] if r.get("scored") else UNSCORED) for r in results if not r.get("error"))
    rank = {g: i for i, g in enumerate([*order, UNSCORED])}
    return sorted(c.items(), key=lambda gc: (rank.get(gc[0], len(rank)), -gc[1]))


def per_agency(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for r in results:
        if not r.get("error"):
            groups[r.get("agency") or "未载明"].append(r)
    rows = []
    for agency, rs in groups.items():
        scored = [r for r in rs if r.get("scored")]
        rows.append({"agency": agency, "units": len(rs), "scored": len(scored),
                     "mean": _mean([r["score"] for r in scored]),
                     "failed": sum(1 for r in scored if r.get("vetoed") or r["grade"] == "不合格"),
                     "findings": sum(len(r["findings"]) for r in rs)})
    return sorted(rows, key=lambda x: (-x["units"], x["agency"]))


def _grouped(results: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for r in results:
        for f in r.get("findings", ()):
            k = f.get(key) or "未归项"
            g = groups.setdefault(k, {key: k, "name": f.get("item_name", "") if key == "item" else rule_name(k), "findings": 0, "units": set(),
                                      "veto": 0, "major": 0, "minor": 0, "points": 0.0, "example": "", "example_file": ""})
            g["findings"] += 1
            g["units"].add(r["key"])
            g[f["severity"]] = g.get(f["severity"], 0) + 1
            g["points"] += f.get("points") or 0.0
            if not g["example"] or (f["severity"] != "minor" and g["example_sev"] == "minor"):
                g["example"], g["example_file"], g["example_sev"] = f["message"], r.get("doc_no") or r["key"], f["severity"]
    rows = []
    for g in groups.values():
        g["units"] = len(g["units"])
        g["points"] = round(g["points"], 1)
        g.pop("example_sev", None)
        rows.append(g)
    return sorted(rows, key=lambda x: (-x["findings"], x[key]))


def per_rule(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return _grouped(results, "rule")


def per_item(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item's findings, with the part of the standard it belongs to (卷面, 内容) where it has one."""
    parts = {it["id"]: it.get("part", "") for r in results for it in r.get("items", ())}
    rows = _grouped(results, "item")
    for g in rows:
        g["part"] = parts.get(g["item"], "")
    return rows


def overview(results: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in results if not r.get("error")]
    scored = [r for r in ok if r.get("scored")]
    return {"units": len(results), "errors": len(results) - len(ok), "scored": len(scored), "unscored": len(ok) - len(scored),
            "mean": _mean([r["score"] for r in scored]), "vetoed": sum(1 for r in scored if r.get("vetoed")),
            "findings": sum(len(r["findings"]) for r in ok), "coverage": sum(len(r.get("coverage", ())) for r in ok)}
