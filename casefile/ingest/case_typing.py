"""A case's type from what its documents are (issue 28): each recognised document is weighted
evidence for one case type (``casefile/data/case_typing.toml``); the heaviest type wins, with the
documents that show it, and a close second means the documents disagree and a person decides."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable
DATA = Path(str(resources.files("casefile"))) / "data"  # the package's data, wherever this module sits

FILE = DATA / "case_typing.toml"


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return tomllib.loads(FILE.read_text(encoding="utf-8"))


@dataclass
class Typing:
    case_type: str
    evidence: list[str] = field(default_factory=list)  # the documents (type names) that show it
    scores: dict[str, int] = field(default_factory=dict)
    disagree: bool = False  # another type is nearly as well shown: ask
    rival: str = ""
    chosen: bool = False  # named by the person (asked, or --type), not by the documents

    def choose(self, case_type: str) -> "Typing":
        """The same reading, with the type a person named."""
        return replace(self, case_type=case_type, chosen=True)

    def sentence(self) -> str:
        """What was decided and why, in Chinese, for the import summary."""
        if self.chosen:
            return f"案件类型：{self.case_type}（由使用者选定；文书显示：" + "、".join(f"{t} {n}" for t, n in self.scores.items()) + "）"
        if not self.evidence:
            return f"案件类型：{self.case_type}（文书中没有其他类型案件的文书）"
        s = f"案件类型：{self.case_type}（依据：{'、'.join(dict.fromkeys(self.evidence))}）"
        if self.disagree:
            s += f"；文书也像{self.rival}案件（分量 {self.scores[self.rival]} 对 {self.scores[self.case_type]}），请确认"
        return s

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.case_type, "evidence": list(dict.fromkeys(self.evidence)), "scores": self.scores,
                "disagree": self.disagree, "rival": self.rival, "chosen": self.chosen}


def decide(doc_types: Iterable[str]) -> Typing:
    """The case type the documents (catalogue codes) show."""
    from doc_templates.catalogue import load_catalogue

    r = _rules()
    cat = load_catalogue()
    scores: dict[str, int] = {}
    shown: dict[str, list[str]] = {}
    codes = list(doc_types)
    present = set(codes)
    for code in codes:
        if present & set(r.get("without", {}).get(code, ())):
            continue  # a seizure in a penalty case, the inspection a penalty case began with
        for ctype, weights in r["weights"].items():
            w = weights.get(code, 0)
            if w:
                scores[ctype] = scores.get(ctype, 0) + w
                t = cat.get(code)
                shown.setdefault(ctype, []).append(t.name if t else code)
    if not scores:
        return Typing(r["default"])
    ranked = sorted(scores, key=lambda t: (-scores[t], t != r["default"]))
    best = ranked[0]
    rival = ranked[1] if len(ranked) > 1 else ""
    disagree = bool(rival) and scores[rival] >= r["min_score"] and scores[rival] >= r["ask_ratio"] * scores[best]
    return Typing(best, shown[best], scores, disagree, rival if disagree else "")


def mismatch(case_type: str, t: Typing) -> str:
    """A warning when documents imported into an existing case look like another type's, else ''."""
    if t.evidence and t.case_type != case_type and t.scores.get(case_type, 0) < t.scores[t.case_type]:
        return (f"导入的文书像{t.case_type}案件的文书（{'、'.join(dict.fromkeys(t.evidence))}），"
                f"而本案为{case_type}案件；请确认导入的案件是否正确")
    return ""
