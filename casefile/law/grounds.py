"""What the dossier must hold, grounded in law, and what else satisfies each requirement.

The catalogue says when a document is due (``casefile.law.requirements.requirement``); the data in
``casefile/data/grounds.toml`` adds, per document, the legal basis, how serious its absence
is (the law's own words decide: §62 forbids a decision without 告知, a form that only
practice asks for is minor) and the other papers that prove the same act — the §57 review
by the head is proven by a 决定审批表, a 集体讨论记录 or a 审核表 carrying the head's 同意.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from casefile.law import requirements
from casefile.ingest.facts import DossierFacts
from casefile.model import ActKind, Case


@lru_cache(maxsize=1)
def grounds() -> dict[str, dict[str, Any]]:
    with (resources.files("casefile") / "data" / "grounds.toml").open("rb") as f:
        return tomllib.load(f)["grounds"]


@dataclass
class Gap:
    code: str
    name: str  # the document's Chinese name
    what: str  # the act it proves
    reason: str  # why it is due now
    basis: str
    severity: str

    def message(self) -> str:
        return f"缺少《{self.name}》（{self.reason}；依据{self.basis}）" if self.basis else f"缺少《{self.name}》（{self.reason}）"


def _due(ws, case: Case, t, g: dict[str, Any]) -> tuple[bool, str]:
    if not g.get("due_after"):
        return requirements.requirement(ws, case, t)
    req = t.required
    if req is None:
        return False, ""
    if req.procedures and case.procedure.value not in req.procedures:
        return False, ""
    if any(not requirements.CONDITIONS[c](ws, case) for c in req.when):
        return False, ""
    when_any = g.get("when_any", req.when_any)
    if when_any and not any(requirements.CONDITIONS[c](ws, case) for c in when_any):
        return False, ""
    if not case.acts_of(ActKind(g["due_after"])):
        return False, ""
    why = [f"{case.procedure.value}程序"] if req.procedures else []
    why += [requirements.CONDITION_LABELS.get(c, c) for c in req.when]
    why += [requirements.CONDITION_LABELS.get(c, c) for c in when_any if requirements.CONDITIONS[c](ws, case)][:1]
    why.append(f"已有“{g['due_after']}”")
    return True, "，".join(why)


def satisfied(g: dict[str, Any], present: dict[str, list[str]], df: DossierFacts | None, text_of) -> str:
    """The name of what satisfies the requirement instead, or ""."""
    for alt in g.get("satisfied_by", []):
        files = [f for t in alt.get("types", []) for f in present.get(t, [])]
        if not files:
            continue
        if alt.get("head_approved"):
            files = [f for f in files if df and any(x.key == "head" and x.value == "同意" and x.doc == f for _, x in df.all("head"))]
        if alt.get("legal_review"):
            files = [f for f in files if df and any(x.doc == f for _, x in df.all("legal_review"))]
        if alt.get("text_any"):
            files = [f for f in files if any(w in text_of(f) for w in alt["text_any"])]
        if alt.get("text_all"):
            files = [f for f in files if all(w in text_of(f) for w in alt["text_all"])]
        if files:
            return files[0]
    return ""


def gaps(ws, case: Case, present: dict[str, list[str]], profile: dict[str, Any], df: DossierFacts | None, text_of) -> list[Gap]:
    """Every requirement due by now that nothing in the dossier satisfies.

    present: doc_type → stored files; text_of(file) → its text."""
    from doc_templates.catalogue import load_catalogue

    flags = profile.get("dossier", {})
    out = []
    for t in load_catalogue().types:
        g = grounds().get(t.code, {"severity": "major"})
        if g.get("profile_flag") and not flags.get(g["profile_flag"], False):
            continue
        need, why = _due(ws, case, t, g)
        own = present.get(t.code, [])
        if g.get("own_text_any"):
            own = [f for f in own if any(w in text_of(f) for w in g["own_text_any"])]
        if not need or own:
            continue
        alt = t.required.alternative if t.required else ""
        if alt and present.get(alt):
            continue
        if satisfied(g, present, df, text_of):
            continue
        severity = g.get("severity", "major")
        if any(requirements.CONDITIONS[c](ws, case) for c in g.get("major_if", [])):
            severity = "major"  # the local standard in the profile makes it a requirement of law, no longer one to verify
        out.append(Gap(t.code, t.name, g.get("what", t.name), why, g.get("basis", ""), severity))
    return out
