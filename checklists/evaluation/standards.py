"""Scoring standards as data: ``checklists/scoring/<name>.toml`` names the items
(with points, an optional 卷面/内容 part), which findings fall to each item (by
rule id, then by category), what each finding deducts, the veto (一票否决) rules
and the grades. :func:`score` turns a dossier's findings into a score by one
standard; an item's deductions never exceed its points."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from casefile.errors import UsageError

SCORING_DIR = Path(__file__).resolve().parent.parent / "scoring"
DEFAULT = "default"
OTHER_ITEM = {"id": "other", "name": "其他", "part": ""}


@dataclass(frozen=True)
class Standard:
    name: str
    title: str
    full: float
    items: tuple[dict[str, Any], ...]
    severity: dict[str, float]
    rules: dict[str, float]
    veto_rules: frozenset[str]
    grades: tuple[dict[str, Any], ...]
    unread_rules: frozenset[str] = frozenset()  # coverage notes saying the main document was not read

    def item_for(self, rule: str, category: str) -> dict[str, Any]:
        for it in self.items:
            if rule in it.get("rules", ()):
                return it
        for it in self.items:
            if category in it.get("categories", ()):
                return it
        return OTHER_ITEM

    def deduction(self, item: dict[str, Any], rule: str, severity: str) -> float:
        if rule in self.rules:
            return float(self.rules[rule])
        return float(item.get("deduct", {}).get(severity, self.severity.get(severity, 0)))

    def grade(self, total: float, vetoed: bool, major: bool = False) -> str:
        """The highest grade the total reaches; a grade marked ``no_major`` is not given to a file with
        a major finding or whose main document was not read (``major``)."""
        if not vetoed:
            for g in self.grades:
                if total >= g["min"] and not (major and g.get("no_major")):
                    return g["name"]
        return self.grades[-1]["name"] if self.grades else "不合格"


def names() -> list[str]:
    """The standards there are (file stems), the default first."""
    found = sorted(p.stem for p in SCORING_DIR.glob("*.toml"))
    return sorted(found, key=lambda n: n != DEFAULT)


@lru_cache(maxsize=8)
def load(name: str = DEFAULT) -> Standard:
    path = SCORING_DIR / f"{name}.toml"
    if not path.is_file():
        raise UsageError(f"没有名为“{name}”的评查标准；可用的有：{'、'.join(names())}")
    with open(path, "rb") as f:
        d = tomllib.load(f)
    items = tuple(d.get("items", ()))
    return Standard(name=name, title=d.get("title", name), full=float(d.get("full", 100)), items=items,
                    severity=d.get("severity", {}), rules=d.get("rules", {}), veto_rules=frozenset(d.get("veto_rules", ())),
                    grades=tuple(sorted(d.get("grades", ()), key=lambda g: -g["min"])),
                    unread_rules=frozenset(d.get("unread_rules", ())))


def score(findings: Iterable[dict[str, Any]], std: Standard, notes: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """The score of one dossier's findings (dicts with rule, category, severity, message). Each finding is
    given its ``item``, ``points`` (what it deducts; 0 once the item's points are used up) and ``veto``."""
    used: dict[str, float] = {}
    vetoes, deductions = [], []
    for f in findings:
        item = std.item_for(f["rule"], f["category"])
        f["item"], f["item_name"] = item["id"], item["name"]
        f["veto"] = f["severity"] == "veto" or f["rule"] in std.veto_rules
        if f["veto"]:
            f["points"] = 0.0
            vetoes.append({"rule": f["rule"], "message": f["message"]})
            continue
        points = std.deduction(item, f["rule"], f["severity"])
        cap = item.get("points")
        if cap is not None:
            points = max(0.0, min(points, float(cap) - used.get(item["id"], 0.0)))
        used[item["id"]] = used.get(item["id"], 0.0) + points
        f["points"] = points
        if points:
            deductions.append({"rule": f["rule"], "item": item["id"], "points": points, "message": f["message"]})
    total = 0.0 if vetoes else max(std.full - sum(used.values()), 0.0)
    items = [{"id": it["id"], "name": it["name"], "part": it.get("part", ""), "points": it.get("points"),
              "deducted": round(used.get(it["id"], 0.0), 1)} for it in std.items]
    major = any(f["severity"] == "major" for f in findings) or any(n.get("rule") in std.unread_rules for n in notes)
    return {"total": round(total, 1), "full": std.full, "grade": std.grade(total, bool(vetoes), major), "vetoed": bool(vetoes),
            "vetoes": vetoes, "deductions": deductions, "items": items, "standard": std.name}
