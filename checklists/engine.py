"""The checklist engine: rules (data) × predicates (code) → findings.

A rule names its predicate and parameters; the predicate looks at the case (its
facts, documents, extracted text, officer register, profile, law library,
calendar) and yields :class:`Hit` objects, each saying why. The engine turns
hits into findings with the rule's category, severity, basis and message.
The same run serves three modes: the handler's self-check, the legal review,
and the 案卷评查 score.
"""

from __future__ import annotations

import datetime as dt
import time
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from casefile import documents, profiles
from casefile.days import Calendar, calendar_for
from casefile.dossier import major_decision_reasons
from casefile.errors import CheckError
from casefile.extract import Extraction
from casefile.importer import cached_extraction
from casefile.laws import Library
from casefile.model import Case
from casefile.workspace import OfficerRegister, Workspace

HERE = Path(__file__).resolve().parent
CATEGORIES = ("authority", "facts", "evidence", "legal_basis", "discretion", "procedure", "referral", "documents")
CATEGORY_NAMES = {
    "authority": "执法主体、职权与人员资格", "facts": "事实", "evidence": "证据", "legal_basis": "法律依据",
    "discretion": "裁量", "procedure": "程序", "referral": "涉嫌犯罪移送", "documents": "文书完备规范",
}
SEVERITIES = ("veto", "major", "minor")
SEVERITY_NAMES = {"veto": "否决", "major": "重大", "minor": "一般"}
MODES = ("self", "review", "evaluate")
ABRIDGED_GRADE = "公示摘要，不评分"


@dataclass
class Hit:
    """What a predicate found: the reason, and what it rests on."""

    detail: str
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    unverifiable: bool = False  # a fact could not be established: "无法核实…"


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    predicate: str
    message: str
    basis: str
    params: dict[str, Any] = field(default_factory=dict)
    case_types: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    min_state: str = ""  # the rule applies once the case has reached this state
    unverifiable_severity: str = "minor"


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    basis: str
    documents: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable identity across review rounds: rule + what it is about."""
        return f"{self.rule}:{self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "category": self.category, "severity": self.severity, "message": self.message,
                "basis": self.basis, "documents": self.documents, "evidence": self.evidence}


@dataclass
class CheckResult:
    case: str
    mode: str
    major_decision: dict[str, Any]
    findings: list[Finding]
    verdict: str
    score: dict[str, Any] | None = None
    elapsed_ms: float = 0.0
    abridged: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "mode": self.mode, "major_decision": self.major_decision,
                "findings": [f.to_dict() for f in self.findings], "verdict": self.verdict, "score": self.score,
                "abridged": self.abridged, "elapsed_ms": round(self.elapsed_ms, 1)}

    def by_category(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
        for f in self.findings:
            out.setdefault(f.category, []).append(f)
        return out


@dataclass
class CheckContext:
    case: Case
    case_dir: Path
    officers: OfficerRegister
    profile: dict[str, Any]
    calendar: Calendar
    library: Library
    today: dt.date
    register: documents.Register
    workspace: Workspace | None = None
    _extractions: dict[str, Extraction] = field(default_factory=dict)

    def extraction(self, rec: documents.DocRecord) -> Extraction | None:
        if rec.file not in self._extractions:
            try:
                self._extractions[rec.file] = cached_extraction(self.case_dir, rec)
            except Exception:  # noqa: BLE001 - an unreadable document is the documents rule's business
                return None
        return self._extractions.get(rec.file)

    def docs_of(self, *types: str) -> list[documents.DocRecord]:
        return [d for d in self.register.documents if d.doc_type in types]

    def text_of(self, rec: documents.DocRecord) -> str:
        from casefile.extract.normalize import compact
        from casefile.textio import read_document

        cached = documents.read_cache(self.case_dir, rec.sha256, "compact")
        if cached is not None:
            return cached
        try:
            text = compact(read_document(self.case_dir / rec.file).text).text
        except Exception:  # noqa: BLE001 - unreadable: treated as empty text
            text = ""
        documents.write_cache(self.case_dir, rec.sha256, text, "compact")
        return text


# -- rules ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_rules() -> list[Rule]:
    rules = []
    seen = set()
    for path in sorted((HERE / "rules").glob("*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for r in data.get("rules", []):
            if r["id"] in seen:
                raise CheckError(f"{path.name}：规则编号 {r['id']} 重复")
            seen.add(r["id"])
            if r["category"] not in CATEGORIES or r["severity"] not in SEVERITIES:
                raise CheckError(f"{path.name}：规则 {r['id']} 的 category/severity 不正确")
            applies = r.get("applies", {})
            rules.append(Rule(
                id=r["id"], category=r["category"], severity=r["severity"], predicate=r["predicate"], message=r["message"],
                basis=r.get("basis", ""), params=r.get("params", {}), case_types=tuple(applies.get("case_types", ())),
                procedures=tuple(applies.get("procedures", ())), min_state=applies.get("min_state", ""),
                unverifiable_severity=r.get("unverifiable_severity", "minor"),
            ))
    from checklists import decision_rules  # noqa: F401 - its predicates register themselves
    from checklists.predicates import PREDICATES

    for r in rules:
        if r.predicate not in PREDICATES:
            raise CheckError(f"规则 {r.id} 引用了不存在的判断函数 {r.predicate}")
    return rules


def _applies(rule: Rule, case: Case) -> bool:
    from casefile.model import STATE_ORDER, CaseState

    if rule.case_types and case.case_type.value not in rule.case_types:
        return False
    if rule.procedures and case.procedure.value not in rule.procedures:
        return False
    if rule.min_state and STATE_ORDER.index(case.state) < STATE_ORDER.index(CaseState(rule.min_state)):
        return False
    return True


def check_case(ctx: CheckContext, mode: str = "review", *, progress: Callable[[int, int, str], None] | None = None) -> CheckResult:
    from checklists import decision_rules  # noqa: F401 - its predicates register themselves
    from checklists.predicates import PREDICATES

    if mode not in MODES:
        raise CheckError(f"模式应为 self、review 或 evaluate，而不是“{mode}”")
    t0 = time.perf_counter()
    case = ctx.case
    abridged = _abridged(ctx)
    findings: list[Finding] = []
    rules = [r for r in load_rules() if _applies(r, case)]
    for i, rule in enumerate(rules, 1):
        if progress:
            progress(i, len(rules), rule.id)
        if abridged and not rule.params.get("check_abridged", False):
            continue  # a public-notice summary is not the decision: only what it cites can be checked
        for hit in PREDICATES[rule.predicate](ctx, **rule.params):
            severity = rule.unverifiable_severity if hit.unverifiable else rule.severity
            message = ("无法核实：" if hit.unverifiable and not hit.detail.startswith("无法核实") else "") + rule.message.format(detail=hit.detail)
            findings.append(Finding(rule.id, rule.category, severity, message, rule.basis, hit.documents, hit.evidence))
    reasons = [] if abridged else major_decision_reasons(ctx.workspace, case) if ctx.workspace else []
    major = {"required": bool(reasons), "reasons": reasons}
    verdict = "存在问题" if any(f.severity in ("veto", "major") for f in findings) else "同意"
    if abridged:
        # a 公示摘要 or an empty template shell is not the decision: never vetoed, never scored
        for f in findings:
            if f.severity == "veto":
                f.severity = "major"
        verdict = ABRIDGED_GRADE
    score = score_findings(findings, ctx) if mode == "evaluate" and not abridged else None
    if mode == "evaluate" and abridged:
        score = {"total": None, "full": None, "grade": ABRIDGED_GRADE, "vetoed": False, "vetoes": [], "deductions": []}
    if mode == "evaluate":
        verdict = score["grade"]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (CATEGORIES.index(f.category), order[f.severity]))
    return CheckResult(case.id, mode, major, findings, verdict, score, (time.perf_counter() - t0) * 1000, abridged)


def _abridged(ctx: CheckContext) -> bool:
    """A one-document case whose only decision is a 公示摘要 version."""
    decisions = ctx.docs_of("decision")
    if not decisions or len(ctx.register.documents) > 1 or decisions[0].origin != "imported":
        return False
    x = ctx.extraction(decisions[0])
    return bool(x and x.abridged)


@lru_cache(maxsize=4)
def load_scoring(name: str = "default") -> dict[str, Any]:
    with open(HERE / "scoring" / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def score_findings(findings: list[Finding], ctx: CheckContext) -> dict[str, Any]:
    sc = load_scoring(ctx.profile.get("scoring", "default"))
    vetoes = [f for f in findings if f.severity == "veto"]
    deductions = []
    total = float(sc.get("full", 100))
    per_rule = sc.get("rules", {})
    default = sc.get("severity", {})
    for f in findings:
        if f.severity == "veto":
            continue
        points = float(per_rule.get(f.rule, default.get(f.severity, 0)))
        if points:
            deductions.append({"rule": f.rule, "points": points, "message": f.message})
            total -= points
    total = max(total, 0.0)
    if vetoes:
        total = 0.0
    grade = "不合格"
    for g in sc["grades"]:
        if total >= g["min"] and not vetoes:
            grade = g["name"]
            break
    return {"total": round(total, 1), "full": sc.get("full", 100), "grade": grade, "vetoed": bool(vetoes),
            "vetoes": [{"rule": f.rule, "message": f.message} for f in vetoes], "deductions": deductions}


def context_for(ws: Workspace, case_ref: str, today: dt.date | None = None) -> CheckContext:
    case = ws.load_case(case_ref)
    case_dir = ws.cases_dir / case.id
    return CheckContext(
        case=case, case_dir=case_dir, officers=ws.officers(),
        profile=profiles.load_profile(ws.rules_profile_for(case.sector), ws.root),
        calendar=calendar_for(ws.root), library=Library.for_workspace(ws.root), today=today or dt.date.today(),
        register=documents.load_register(case_dir), workspace=ws,
    )


def run_check(ws: Workspace, case_ref: str, mode: str = "review", *, today: dt.date | None = None,
              progress: Callable[[int, int, str], None] | None = None, journal: bool = True) -> CheckResult:
    ctx = context_for(ws, case_ref, today)
    result = check_case(ctx, mode, progress=progress)
    if journal:
        ws.journal(ctx.case.id, "运行审核", "审查", {"mode": mode, "verdict": result.verdict,
                                                  "findings": len(result.findings), "score": (result.score or {}).get("total")})
    return result
