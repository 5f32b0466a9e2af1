"""The legal conditions of the dossier: when a document type is required, and
when a type contradicts the case's procedure or outcome.

The catalogue (doc_templates/catalogue.toml) states *when* a type is required or
allowed as named conditions; this module decides each condition from the case
facts and the rules profile. Both ``render`` (hearing rights in the 告知书, the
refusal of a contradictory type) and ``dossier`` (what is missing, what
contradicts) read it, so neither imports the other.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from casefile.law import profiles
from casefile.model import ActKind, Case
from casefile.store.workspace import Workspace
from doc_templates.catalogue import Catalogue, DocType, load_catalogue

def _profile(ws: Workspace, case: Case) -> dict[str, Any]:
    return profiles.load_profile_for(ws, case)


def _natural(case: Case) -> bool:
    return bool(case.party and case.party.is_natural)


def _amounts(case: Case) -> tuple[Decimal, Decimal]:
    return case.fines(), case.confiscations()


def hearing_rights_reasons(ws: Workspace, case: Case) -> list[str]:
    """Why the party must be told of the right to a hearing (行政处罚法第六十三条)."""
    h = _profile(ws, case).get("hearing", {})
    fine, conf = _amounts(case)
    who = "individual" if _natural(case) else "organisation"
    reasons = []
    fine_limit = Decimal(str(h.get(f"{who}_fine", 0) or 0))
    conf_limit = Decimal(str(h.get(f"{who}_confiscation", 0) or 0))
    if fine_limit and fine >= fine_limit:
        reasons.append(f"罚款{fine}元达到“较大数额”（{'自然人' if who == 'individual' else '法人或其他组织'}{fine_limit}元）")
    if conf_limit and conf >= conf_limit:
        reasons.append(f"没收{conf}元达到“较大数额”（{conf_limit}元）")
    for m in case.decided or case.proposed:
        if any(k in m.kind for k in h.get("measures_requiring_hearing", [])):
            reasons.append(f"拟作出“{m.kind}”")
    return reasons


def hearing_rights_due(ws: Workspace, case: Case) -> bool:
    return bool(hearing_rights_reasons(ws, case))


def discussion_reasons(ws: Workspace, case: Case) -> list[str]:
    """Why the local standard in the profile ([collective_discussion]: amounts, measures) makes this a
    较重的行政处罚 the 负责人 decide together (行政处罚法 §57(2)); none where the profile sets no standard."""
    std = _profile(ws, case).get("collective_discussion", {})
    fine, conf = _amounts(case)
    who = "individual" if _natural(case) else "organisation"
    limit = Decimal(str(std.get(f"{who}_fine", 0) or 0))
    reasons = [f"罚没金额{fine + conf}元达到集体讨论标准（{limit}元）"] if limit and fine + conf >= limit else []
    for m in case.decided or case.proposed:
        if any(k in m.kind for k in std.get("measures", [])):
            reasons.append(f"拟作出“{m.kind}”")
    return reasons


def major_decision_reasons(ws: Workspace, case: Case) -> list[str]:
    """Why this decision is a 重大执法决定 that needs 法制审核 first (§58, 118号, 目录清单)."""
    md = _profile(ws, case).get("major_decision", {})
    r = case.review
    reasons = []
    if r.major_public_interest:
        reasons.append("涉及重大公共利益")
    if r.major_social_impact:
        reasons.append("可能造成重大社会影响或引发社会风险")
    if r.major_rights:
        reasons.append("直接关系当事人或第三人重大权益")
    if r.complex_case:
        reasons.append("案情疑难复杂、涉及多个法律关系")
    if md.get("hearing_held", True) and (case.acts_of(ActKind.HEARING) or case.procedure.value == "听证"):
        reasons.append("经过听证程序")
    if md.get("collective_discussion", False) and case.acts_of(ActKind.COLLECTIVE_DISCUSSION):
        reasons.append("机关负责人集体讨论决定，即作为情节复杂或重大违法行为办理（行政处罚法第五十七条第二款）")
    fine, conf = _amounts(case)
    who = "individual" if _natural(case) else "organisation"
    limit = Decimal(str(md.get(f"{who}_fine", 0) or 0))
    if limit and fine + conf >= limit:
        reasons.append(f"罚没金额{fine + conf}元达到目录清单标准（{limit}元）")
    for m in case.decided or case.proposed:
        if any(k in m.kind for k in md.get("measures", [])):
            reasons.append(f"拟作出“{m.kind}”，属目录清单事项")
    return reasons


def _has(kind: ActKind) -> Callable[[Workspace, Case], bool]:
    return lambda ws, c: bool(c.acts_of(kind))


def _not_penalized(ws: Workspace, c: Case) -> bool:
    return c.not_penalised


CONDITIONS: dict[str, Callable[[Workspace, Case], bool]] = {
    "penalized": lambda ws, c: not _not_penalized(ws, c),
    "not_penalized": _not_penalized,
    "preservation": _has(ActKind.PRESERVATION),
    "seizure": _has(ActKind.SEIZURE),
    "hearing_requested": lambda ws, c: c.review.hearing_requested or bool(c.acts_of(ActKind.HEARING_REQUEST)),
    "hearing_held": _has(ActKind.HEARING),
    "hearing_rights_due": hearing_rights_due,
    "statement_made": _has(ActKind.STATEMENT),
    "major_decision": lambda ws, c: bool(major_decision_reasons(ws, c)),
    "discussion_standard": lambda ws, c: bool(discussion_reasons(ws, c)),
    "complex_case": lambda ws, c: c.review.complex_case,
    "referral": lambda ws, c: c.review.referral_required or bool(c.acts_of(ActKind.REFERRAL)),
    "fined": lambda ws, c: bool(c.payable("decided")),  # 罚没款 the party pays (缴款凭证)
}

CONDITION_LABELS = {
    "penalized": "作出行政处罚", "not_penalized": "不予行政处罚", "preservation": "实施了先行登记保存",
    "seizure": "实施了查封扣押", "hearing_requested": "当事人申请听证", "hearing_held": "举行了听证",
    "hearing_rights_due": "应告知听证权利", "statement_made": "当事人进行了陈述申辩",
    "major_decision": "属重大执法决定", "discussion_standard": "达到本地集体讨论标准", "complex_case": "案情复杂", "referral": "涉嫌犯罪应移送", "fined": "处以罚没款",
}


def requirement(ws: Workspace, case: Case, t: DocType) -> tuple[bool, str]:
    """(required now?, reason in Chinese)."""
    req = t.required
    if req is None or not case.case_type.declaration.holds(t):
        return False, ""  # a 行政许可 dossier holds no 立案审批表 and no 处罚决定书
    if req.procedures and case.procedure.value not in req.procedures:
        return False, ""
    for cond in req.when:
        if not CONDITIONS[cond](ws, case):
            return False, ""
    if req.when_any and not any(CONDITIONS[c](ws, case) for c in req.when_any):
        return False, ""
    if req.due_after:
        try:
            kind = ActKind(req.due_after)
        except ValueError:
            kind = None
        if kind and not case.acts_of(kind):
            return False, ""
    done_any = [k for k in req.due_after_any if case.acts_of(ActKind(k))]
    if req.due_after_any and not done_any:
        return False, ""
    why = [f"{case.procedure.value}程序"] if req.procedures else []
    why += [CONDITION_LABELS.get(c, c) for c in req.when]
    if req.when_any:
        why.append("或".join(CONDITION_LABELS.get(c, c) for c in req.when_any if CONDITIONS[c](ws, case)))
    if req.due_after:
        why.append(f"已有“{req.due_after}”")
    if done_any:
        why.append(f"已有“{done_any[0]}”")
    return True, "，".join(w for w in why if w)


def required_documents(ws: Workspace, case: Case, catalogue: Catalogue | None = None) -> list[tuple[DocType, str]]:
    cat = catalogue or load_catalogue()
    out = []
    for t in cat.types:
        need, why = requirement(ws, case, t)
        if need:
            out.append((t, why))
    return out


def refusal(ws: Workspace, case: Case, t: DocType) -> str:
    """Why this type contradicts the case ('' when it fits). A document that states a
    procedure or an outcome the case does not have must not be produced."""
    if not case.case_type.declaration.holds(t):
        return f"《{t.name}》属于{'、'.join(t.case_types)}案件的文书，本案为{case.case_type.value}案件"
    a = t.allowed
    if a is None:
        return ""
    wrong = []
    if a.procedures and case.procedure.value not in a.procedures:
        wrong.append(f"本案为{case.procedure.value}程序")
    wrong += [f"本案不满足“{CONDITION_LABELS.get(c, c)}”" for c in a.when if not CONDITIONS[c](ws, case)]
    if a.when_any and not any(CONDITIONS[c](ws, case) for c in a.when_any):
        wrong.append("本案不满足" + "或".join(f"“{CONDITION_LABELS.get(c, c)}”" for c in a.when_any))
    if not wrong:
        return ""
    return f"{a.message or t.name + '与本案不符'}；" + "，".join(wrong)


def contradictions(ws: Workspace, case: Case, present: list[str], catalogue: Catalogue | None = None) -> list[str]:
    """Problems with the documents present (catalogue codes): a type the case refuses,
    or two types of one exclusive group (两份决定书)."""
    cat = catalogue or load_catalogue()
    out = []
    groups: dict[str, list[str]] = {}
    for code in dict.fromkeys(present):
        t = cat.get(code)
        if t is None:
            continue
        why = refusal(ws, case, t)
        if why:
            out.append(f"《{t.name}》与本案不符：{why}")
        if t.exclusive:
            groups.setdefault(t.exclusive, []).append(t.name)
    for names in groups.values():
        if len(names) > 1:
            out.append("同一案件有互相矛盾的文书：" + "、".join(f"《{n}》" for n in names) + "，只能保留与本案程序和结果相符的一种")
    return out
