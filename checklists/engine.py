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

from casefile.law import casetypes, profiles

from casefile.store import documents
from casefile.law.days import calendar_for
from casefile.law.requirements import major_decision_reasons
from casefile.errors import CheckError
from casefile.law.laws import Library
from casefile.model import STATE_ORDER, Case, CaseState
from casefile.store.workspace import Workspace
from checklists.context import (  # noqa: F401 - CATEGORY_NAMES, SEVERITY_NAMES, Hit, Rule re-exported for callers of the engine
    CATEGORIES, CATEGORY_NAMES, MODES, SEVERITIES, SEVERITY_NAMES, CheckContext, Finding, Hit, Rule,
)
from checklists import decision_arithmetic, decision_citations, decision_consistency, decision_orders, decision_periods, decision_remedies, decision_rules, decision_wording, dossier_rules, predicates, procedure_predicates, term_rules, vocabulary  # noqa: F401 - importing them registers their terms
from checklists.registry import TERMS
from checklists.vocabulary import validate_params
from checklists.vocabulary import run as run_word

HERE = Path(__file__).resolve().parent
# an abridged 公示 version is never graded: what it leaves out is not a defect of the decision
ABRIDGED_GRADE = "公示摘要，不评分"
# a case whose documents are all of types the pack's rules do not read (a decision read as 营业执照, a
# text of unknown type): nothing was reviewed, so nothing is graded — never 优秀 by silence
UNREAD_GRADE = "未审读"


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
    # what the documents at hand cannot show (one published decision is not the whole file; a statute not in
    # the library): listed apart, each once, never a finding and never a deduction
    coverage: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "mode": self.mode, "major_decision": self.major_decision,
                "findings": [f.to_dict() for f in self.findings], "verdict": self.verdict, "score": self.score,
                "abridged": self.abridged, "coverage": self.coverage, "elapsed_ms": round(self.elapsed_ms, 1)}

    def by_category(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {c: [] for c in CATEGORIES}
        for f in self.findings:
            out.setdefault(f.category, []).append(f)
        return out


def _rule_folders() -> tuple[Path, ...]:
    """The packs of the workspace's own case-type declarations: a ``rules/`` folder beside them."""
    return tuple(d.folder / "rules" for d in casetypes.all_types()
                 if d.folder and d.folder != casetypes.builtin_folder() and (d.folder / "rules").is_dir())


def rules_now() -> list[Rule]:
    """Every rule, the packs of declared case types outside casefile included."""
    return load_rules(tuple(dict.fromkeys(_rule_folders())))


@lru_cache(maxsize=8)
def load_rules(extra: tuple[Path, ...] = ()) -> list[Rule]:
    """Every rule of every pack. Each file in ``rules/`` (and in ``extra`` folders) is the pack of
    one case type (``case_type = "行政许可"`` at its top; a declaration names it by its file name);
    parameters of the vocabulary's predicates are validated here, so a misspelt one stops the load
    with the rule named."""
    rules = []
    seen = set()
    for path in [p for folder in (HERE / "rules", *extra) for p in sorted(folder.glob("*.toml"))]:
        with open(path, "rb") as f:
            data = tomllib.load(f)
        pack = data.get("case_type", "")
        if casetypes.find(pack) is None:
            raise CheckError(f"{path.name}：规则包没有声明有效的 case_type（应为 {'、'.join(casetypes.names())} 之一）")
        _SILENT[pack] = frozenset(data.get("silent_types", ()))
        for r in data.get("rules", []):
            if r["id"] in seen:
                raise CheckError(f"{path.name}：规则编号 {r['id']} 重复")
            seen.add(r["id"])
            if r["category"] not in CATEGORIES or r["severity"] not in SEVERITIES:
                raise CheckError(f"{path.name}：规则 {r['id']} 的 category/severity 不正确")
            if r["predicate"] not in TERMS:
                raise CheckError(f"{path.name}：规则 {r['id']} 引用了不存在的判断函数 {r['predicate']}")
            wrong = validate_params(r["predicate"], r.get("params", {}))
            if wrong:
                raise CheckError(f"{path.name}：规则 {r['id']} 的参数有误：{wrong}")
            applies = r.get("applies", {})
            rules.append(Rule(
                id=r["id"], category=r["category"], severity=r["severity"], predicate=r["predicate"], message=r["message"],
                basis=r.get("basis", ""), params=r.get("params", {}), case_types=tuple(applies.get("case_types", ())),
                procedures=tuple(applies.get("procedures", ())), min_state=applies.get("min_state", ""),
                unverifiable_severity=r.get("unverifiable_severity", "minor"), pack=pack, pack_file=path.stem,
                check_abridged=bool(r.get("check_abridged", False)),
            ))
    return rules


def pack_rules(case_type: str) -> list[Rule] | None:
    """The rules of the pack a case type declares (None: it declares none, or the pack is missing)."""
    decl = casetypes.get(case_type)
    rules = [r for r in rules_now() if decl.pack and r.pack_file == decl.pack]
    return rules or None


_SILENT: dict[str, frozenset[str]] = {}  # per pack: the document types its rules do not read (rules TOML silent_types)


def _hits(rule: Rule, ctx: CheckContext):
    return run_word(rule.predicate, ctx, rule.params)


def _message(rule: Rule, hit: Hit) -> str:
    try:
        return rule.message.format(detail=hit.detail, **hit.fields)
    except (KeyError, IndexError):  # a message naming a field this hit lacks (an unverifiable hit): the reason itself
        return rule.message.split("：")[0] + "：" + hit.detail if "：" in rule.message else hit.detail


def _applies(rule: Rule, case: Case) -> bool:
    if rule.case_types and case.case_type.value not in rule.case_types:
        return False
    if rule.procedures and case.procedure.value not in rule.procedures:
        return False
    if rule.min_state and STATE_ORDER.index(case.state) < STATE_ORDER.index(CaseState(rule.min_state)):
        return False
    return True


def check_case(ctx: CheckContext, mode: str = "review", *, progress: Callable[[int, int, str], None] | None = None) -> CheckResult:
    if mode not in MODES:
        raise CheckError(f"模式应为 self、review 或 evaluate，而不是“{mode}”")
    t0 = time.perf_counter()
    case = ctx.case
    abridged = _abridged(ctx)
    findings: list[Finding] = []
    pack = pack_rules(case.case_type.value)
    if pack is None:
        # never another type's rules: a 行政许可 case is not checked against 行政处罚法
        name = case.case_type.value
        f = Finding("PACK-missing", "documents", "major", f"尚无《{name}》审核规则包，本案未作自动审核，须人工逐项审核",
                    "国办发〔2018〕118号（重大执法决定法制审核制度）")
        return CheckResult(case.id, mode, {"required": False, "reasons": []}, [f], "未能自动审核", None,
                           (time.perf_counter() - t0) * 1000, False)
    rules = [r for r in pack if _applies(r, case)]
    unread = _unread(ctx)
    if unread:
        return _unread_result(ctx, mode, unread, t0)
    published = _one_imported_document(ctx)
    coverage: list[dict[str, str]] = []
    for i, rule in enumerate(rules, 1):
        if progress:
            progress(i, len(rules), rule.id)
        if abridged and not rule.check_abridged:
            continue  # a public-notice summary is not the decision: only what it cites can be checked
        for hit in _hits(rule, ctx):
            message = ("无法核实：" if hit.unverifiable and not hit.detail.startswith("无法核实") else "") + _message(rule, hit)
            if hit.unverifiable and published:
                # one published decision is not the whole file: what it cannot show is a note, not a defect
                if all(c["message"] != message for c in coverage):
                    coverage.append({"rule": rule.id, "message": message})
                continue
            severity = rule.unverifiable_severity if hit.unverifiable else rule.severity
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
    score = score_findings(findings, ctx, coverage) if mode == "evaluate" and not abridged else None
    if mode == "evaluate" and abridged:
        score = {"total": None, "full": None, "grade": ABRIDGED_GRADE, "vetoed": False, "vetoes": [], "deductions": []}
    if mode == "evaluate":
        verdict = score["grade"]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (CATEGORIES.index(f.category), order[f.severity]))
    return CheckResult(case.id, mode, major, findings, verdict, score, (time.perf_counter() - t0) * 1000, abridged, coverage)


def _one_imported_document(ctx: CheckContext) -> bool:
    """A case made by importing one document (a published decision): the rest of the file is not at hand."""
    docs = ctx.register.documents
    return len(docs) == 1 and docs[0].origin == "imported"


def _unread(ctx: CheckContext) -> list[str]:
    """The types of a case's documents when every one is a type the pack's rules do not read, else []."""
    docs = ctx.register.documents
    silent = _SILENT.get(ctx.case.case_type.value, frozenset())
    if not docs or not silent or any(d.origin != "imported" or d.doc_type not in silent for d in docs):
        return []
    return sorted({d.doc_type for d in docs})


def _unread_result(ctx: CheckContext, mode: str, types: list[str], t0: float) -> CheckResult:
    from doc_templates.catalogue import load_catalogue

    names = {t.code: t.name for t in load_catalogue().types} | {"unknown": "未识别类型"}
    shown = "、".join(names.get(t, t) for t in types)
    note = {"rule": "UNREAD", "message": f"卷中文书被识别为{shown}，不是本规则包审读的文书，未作审查；请确认文书类型后重新审核"}
    score = ({"total": None, "full": None, "grade": UNREAD_GRADE, "vetoed": False, "vetoes": [], "deductions": []}
             if mode == "evaluate" else None)
    return CheckResult(ctx.case.id, mode, {"required": False, "reasons": []}, [], UNREAD_GRADE, score,
                       (time.perf_counter() - t0) * 1000, False, [note])


_DECIDING = ("decision", "no_penalty_decision", "rectification_notice")


def _abridged(ctx: CheckContext) -> bool:
    """A one-document case whose only decision (处罚, 不予处罚, or a 责令改正 decision) is a 公示摘要
    version or a copy that holds only its opening."""
    decisions = next((ds for code in _DECIDING if (ds := ctx.docs_of(code))), [])
    if not decisions or len(ctx.register.documents) > 1 or decisions[0].origin != "imported":
        return False
    x = ctx.extraction(decisions[0])
    return bool(x and x.abridged)


@lru_cache(maxsize=4)
def load_scoring(name: str = "default") -> dict[str, Any]:
    with open(HERE / "scoring" / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def score_findings(findings: list[Finding], ctx: CheckContext, coverage: list[dict[str, str]] = ()) -> dict[str, Any]:
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
    # a major finding, or a main document not read (the scoring's unread_rules), bars the grades marked no_major
    major = any(f.severity == "major" for f in findings) or any(c["rule"] in sc.get("unread_rules", ()) for c in coverage)
    grade = "不合格"
    for g in sc["grades"]:
        if total >= g["min"] and not vetoes and not (major and g.get("no_major")):
            grade = g["name"]
            break
    return {"total": round(total, 1), "full": sc.get("full", 100), "grade": grade, "vetoed": bool(vetoes),
            "vetoes": [{"rule": f.rule, "message": f.message} for f in vetoes], "deductions": deductions}


def context_for(ws: Workspace, case_ref: str, today: dt.date) -> CheckContext:
    case = ws.load_case(case_ref)
    case_dir = ws.cases_dir / case.id
    return CheckContext(
        case=case, case_dir=case_dir, officers=ws.officers(),
        profile=profiles.load_profile_for(ws, case),
        calendar=calendar_for(ws.root), library=Library.for_workspace(ws.root), today=today,
        register=documents.load_register(case_dir), workspace=ws,
    )


def run_check(ws: Workspace, case_ref: str, mode: str = "review", *, today: dt.date,
              progress: Callable[[int, int, str], None] | None = None, journal: bool = True) -> CheckResult:
    ctx = context_for(ws, case_ref, today)
    result = check_case(ctx, mode, progress=progress)
    if journal:
        ws.journal(ctx.case.id, "运行审核", "审查", {"mode": mode, "verdict": result.verdict,
                                                  "findings": len(result.findings), "score": (result.score or {}).get("total")})
    return result
