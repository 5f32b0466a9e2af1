"""The predicates about the procedure's order and time: the limitation period, the statement
window, the hearing rights, the legal review before a major decision, the referral of a crime,
and the 双随机 draw an inspection follows. As in predicates.py, each yields a :class:`Hit` per
problem found, with the reason in Chinese and what it rests on."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Iterator

from casefile.errors import CalendarNotCovered
from casefile.law import periods
from casefile.law.requirements import hearing_rights_reasons, major_decision_reasons
from casefile.model import ActKind
from checklists.context import CheckContext, Hit
from checklists.predicates import _act_field, _dossier_facts, _fact, _first
from checklists.dossier_rules import land_reaches
from checklists.referral_time import time_barred
from checklists.registry import predicate


@predicate
def limitation(ctx: CheckContext) -> Iterator[Hit]:
    """P04: discovered within 2 years (5 with harm to life/finance) of the violation's end."""
    v = ctx.case.violation
    end = v.occurred_to or v.occurred_from
    found = v.discovered or _first(ctx, ActKind.FILING)
    if end is None or found is None:
        yield Hit("未写明违法行为发生（终了）日期或发现日期，无法核实是否超过追责时效", evidence=[_fact("violation.occurred_from", None)], unverifiable=True)
        return
    years = 5 if v.harm_to_life_or_finance else 2
    try:
        limit = end.replace(year=end.year + years)
    except ValueError:
        limit = end.replace(year=end.year + years, day=28)
    if found > limit:
        yield Hit(f"违法行为终了于{end}，{found}才发现，超过{years}年追责时效", evidence=[_fact("violation.discovered", found)])


@predicate
def statement_window(ctx: CheckContext, *, last_day: bool = False) -> Iterator[Hit]:
    """P12: no decision before the 陈述申辩 window has run out, unless the party expressly waived it
    or was heard. The window is counted exactly (行政处罚法 §85: 5 working days, the day of receipt
    not counted, ending at 24:00 of the last day): decided before the last day is a veto, on the
    last day a minor defect (``last_day=True``), so the same dates always give the same verdict."""
    decided = _first(ctx, ActKind.DECISION)
    if decided is None or ctx.case.procedure.value == "简易":
        return
    served = _first(ctx, ActKind.NOTICE_SERVED) or _first(ctx, ActKind.NOTICE)
    if served is None:
        if not last_day:
            yield Hit("卷中没有告知书送达日期，无法确认决定前已告知拟处罚内容及陈述申辩权利", evidence=[_fact("acts", "告知书送达")], unverifiable=True)
        return
    lone = len(ctx.register.documents) <= 1 and all(d.origin == "imported" for d in ctx.register.documents)
    if served >= decided:
        if not last_day:
            # in a lone decision this is more often two dates read from one narrative than a real inversion
            yield Hit(f"告知书{served}送达，不早于{decided}的处罚决定：决定前未履行告知程序" + ("（日期取自决定书叙述，请核对）" if lone else ""),
                      evidence=[_fact("acts", served)], unverifiable=lone)
        return
    if ctx.case.acts_of(ActKind.STATEMENT_WAIVED) or ctx.case.acts_of(ActKind.STATEMENT) or ctx.case.acts_of(ActKind.HEARING):
        return
    stmt = periods.period(ctx.profile, "statement")  # 陈述申辩期, the national profile where the agency's is silent
    n, unit = stmt.n, stmt.unit
    try:
        end = ctx.calendar.add(served, n, unit)
    except CalendarNotCovered as e:
        if not last_day:
            yield Hit(f"{e.message}（{e.details[0] if e.details else ''}）", unverifiable=True)
        return
    from casefile.law.days import describe

    where = [_fact("acts", decided)] + _statement_evidence(ctx)
    if decided < end and not last_day:
        yield Hit(f"告知书于{served}送达，陈述申辩期{describe(n, unit)}（送达当日不计）至{end} 24时届满，处罚决定却于{decided}作出，"
                  f"当事人未明示放弃陈述申辩（“未提出”不是放弃）；应在{end}之后作出决定", evidence=where)
    elif decided == end and last_day:
        yield Hit(f"告知书于{served}送达，陈述申辩期至{end} 24时届满，处罚决定于届满当日作出；应在期满次日起作出", evidence=where)


def _statement_evidence(ctx: CheckContext) -> list[dict]:
    """The words of the decision that state the service and the party's silence."""
    out = []
    for rec in ctx.docs_of("decision", "no_penalty_decision", "summary_decision"):
        x = ctx.extraction(rec)
        if x is None:
            continue
        for ev in x.events:
            if ev.act in ("告知书送达",):
                out.append({"doc": rec.file, "page": ev.page, "text": ev.text})
                break
    return out


@predicate
def hearing_rights_told(ctx: CheckContext) -> Iterator[Hit]:
    """P19: 较大数额 etc. → the 告知书 tells of the right to a hearing."""
    reasons = hearing_rights_reasons(ctx.workspace, ctx.case) if ctx.workspace else []
    if not reasons or not (_first(ctx, ActKind.NOTICE) or _first(ctx, ActKind.NOTICE_SERVED)):
        return
    c = ctx.case
    if c.acts_of(ActKind.HEARING_REQUEST) or c.acts_of(ActKind.HEARING) or c.review.hearing_waived or ctx.docs_of("hearing_rights_notice"):
        return
    notices = ctx.docs_of("penalty_notice")
    if notices and any("听证" in ctx.text_of(d) for d in notices):
        return
    docs = [d.file for d in notices]
    if not notices:
        yield Hit(f"应告知听证权利（{'；'.join(reasons)}），卷中没有告知书可以核实", unverifiable=True)
        return
    yield Hit(f"{'；'.join(reasons)}，但告知书未告知当事人要求听证的权利", docs, [{"doc": d, "page": 1, "text": "（告知书中没有“听证”）"} for d in docs])


@predicate
def legal_review_before_decision(ctx: CheckContext) -> Iterator[Hit]:
    """P15: a major decision is reviewed before it is made; after a hearing, after the hearing."""
    c = ctx.case
    reasons = major_decision_reasons(ctx.workspace, c) if ctx.workspace else []
    decided = _first(ctx, ActKind.DECISION)
    if not reasons or decided is None:
        return
    review = _first(ctx, ActKind.LEGAL_REVIEW)
    docs = ctx.docs_of("legal_review_opinion")
    if review is None and not docs and ctx.register.documents and all(d.origin == "imported" for d in ctx.register.documents) \
            and len(ctx.register.documents) <= 1:
        # a decision on its own rarely mentions the review: absence is not established
        yield Hit(f"属重大执法决定（{'；'.join(reasons)}），卷中没有法制审核记录", unverifiable=True)
        return
    if review is None and not docs:
        if _legal_review_elsewhere(ctx):
            return  # the opinion is written into another paper, undated: nothing to order
        yield Hit(f"属重大执法决定（{'；'.join(reasons)}），作出决定前未经法制审核", evidence=[_fact("acts", "法制审核")])
        return
    if not docs and _imported_dossier(ctx) and not _legal_review_elsewhere(ctx):
        # a whole imported dossier without the opinion: a decision's “经法制审核” is not the review itself
        yield Hit(f"属重大执法决定（{'；'.join(reasons)}），卷中没有法制审核意见，仅有其他文书中“经法制审核”的叙述", evidence=[_fact("acts", "法制审核")])
        return
    if review and review >= decided:
        yield Hit(f"法制审核日期{review}不早于决定日期{decided}", evidence=[_fact("acts", review)])
    hearing = _first(ctx, ActKind.HEARING)
    if review and hearing and review < hearing:
        yield Hit(f"法制审核（{review}）早于听证（{hearing}），未审核听证后的案件", evidence=[_fact("acts", review)])


def _imported_dossier(ctx: CheckContext) -> bool:
    """A dossier imported whole (not one decision on its own)."""
    docs = ctx.register.documents
    return len(docs) >= 4 and all(d.origin == "imported" for d in docs)


def _legal_review_elsewhere(ctx: CheckContext) -> bool:
    """A legal-review opinion written in another paper (a 审批表 with the 法制机构's opinion)."""
    from casefile.law import grounds
    g = grounds.grounds().get("legal_review_opinion", {})
    present: dict[str, list[str]] = {}
    for d in ctx.register.documents:
        present.setdefault(d.doc_type, []).append(d.file)
    by_file = {d.file: d for d in ctx.register.documents}
    return bool(grounds.satisfied(g, present, _dossier_facts(ctx), lambda f: ctx.text_of(by_file[f])))


# -- referral -------------------------------------------------------------------------------------------------
@predicate
def threshold_reached(ctx: CheckContext, *, table: str = "referral", done: list[str] = ["移送"]) -> Iterator[Hit]:
    """§9 / P28: amounts or areas that reach a threshold of the profile's ``table`` (the criminal
    追诉标准) call for an act in ``done`` (移送); reaching one without it is 以罚代刑."""
    c = ctx.case
    if c.review.referred or any(a.kind.value in done for a in c.acts):
        return
    v = c.violation
    for t in ctx.profile.get(table, []):
        # a standard names its sector, or the sectors whose agencies enforce it (林业 within 自然资源 after 2018)
        if t.get("sector") and c.sector and c.sector not in ([t["sector"]] if isinstance(t["sector"], str) else t["sector"]):
            continue
        # land the documents state kind by kind above the threshold is R03's (land_referral): one area, one finding
        if t.get("land_type") and (v.land_type != t["land_type"] or land_reaches(ctx, t) or time_barred(ctx, t)):
            continue
        if t.get("terms"):
            texts = [v.cause, v.facts] + [ctx.text_of(d) for d in ctx.docs_of("decision", "investigation_report", "penalty_notice")]
            if not any(term in x for term in t["terms"] for x in texts if x):
                continue
        value = getattr(v, t["field"], None) if "field" in t else _quantity(ctx, t["quantity"], t.get("units"))
        if value is not None and value >= Decimal(str(t["min"])):
            what = t.get("label") or (t.get("field") == "area_mu" and "占用面积" or "金额")
            yield Hit(f"{what}{value}达到{t['name']}的追诉标准（{t['min']}），未移送司法机关",
                      evidence=[_fact(f"violation.{t.get('field', 'quantity')}", str(value))])


def _quantity(ctx: CheckContext, pattern: str | list[str], units: dict[str, float] | None = None) -> Decimal | None:
    """The largest quantity a referral standard counts in (立木蓄积26.5立方米, 幼树1200株, 矿产品价值18.6万元, 危险废物5.2吨)
    as the decision, report, notice or evidence states it: a pattern's first group is the number, its second group
    the unit it is written in, counted by ``units`` (“万” = 10000 unless the standard says otherwise; 千克 = 0.001 吨)."""
    import re

    scale = {"万": 10000, **(units or {})}
    found = [Decimal(m.group(1)) * Decimal(str(scale.get(m.group(2) if m.lastindex and m.lastindex >= 2 else "", 1)))
             for d in ctx.docs_of("decision", "investigation_report", "penalty_notice", "evidence_material")
             for p in ([pattern] if isinstance(pattern, str) else pattern)
             for m in re.finditer(p, ctx.text_of(d))]
    if not found:
        return None
    top = max(found)  # 5200千克 × 0.001 is 5.2000: written as 5.2
    return top.quantize(Decimal(1)) if top == top.to_integral_value() else top.normalize()


@predicate
def referral_flagged(ctx: CheckContext) -> Iterator[Hit]:
    c = ctx.case
    if c.review.referral_required and not (c.review.referred or c.acts_of(ActKind.REFERRAL)):
        yield Hit("案件已认定涉嫌犯罪需要移送，卷中没有移送记录", evidence=[_fact("review.referral_required", True)])


# -- inspections ----------------------------------------------------------------------------------------------
@predicate
def draw_followed(ctx: CheckContext, *, plan_fact: str = "inspection_plan", acts: list[str] = ["现场检查"]) -> Iterator[Hit]:
    """A 双随机 inspection (the case names its draw in ``extra.<plan_fact>``) inspects a target the
    draw picked, with the officers drawn for it, not before the draw: 随机抽取检查对象、随机选派执法检查人员."""
    from casefile.output import inspection
    from casefile.errors import UsageError

    plan_id = ctx.case.extra.get(plan_fact)
    if not plan_id:
        return  # not a 双随机 inspection
    if ctx.workspace is None:
        yield Hit(f"案件记载的抽查计划 {plan_id} 无法读取（没有工作区）", evidence=[_fact(f"extra.{plan_fact}", plan_id)], unverifiable=True)
        return
    try:
        plan = inspection.load_plan(ctx.workspace, str(plan_id))
    except UsageError:
        yield Hit(f"案件记载的抽查计划 {plan_id} 不存在，无法证明检查对象和执法人员是随机抽取的", evidence=[_fact(f"extra.{plan_fact}", plan_id)])
        return
    p = ctx.case.party
    pick = next((k for k in plan.picks if p is not None and (k.target.name == p.name or (p.id_number and k.target.code == p.id_number))), None)
    if pick is None:
        yield Hit(f"当事人“{p.name if p else '（未写明）'}”不在抽查计划 {plan.id} 抽中的检查对象中", evidence=[_fact("parties[1].name", p.name if p else "")])
        return
    drawn = {o["certificate"] for o in pick.officers}
    day = dt.date.fromisoformat(plan.day)
    for act in ctx.case.acts:
        if act.kind.value not in acts:
            continue
        where = _act_field(ctx, act, "officers")
        if act.date < day:
            yield Hit(f"{act.date}的{act.kind.value}早于{plan.day}的随机抽取", evidence=[_act_field(ctx, act)])
        certs = {o.certificate if (o := ctx.officers.lookup(ref)) else ref for ref in act.officers}
        others = sorted(certs - drawn)
        if others:
            yield Hit(f"{act.date}的{act.kind.value}由{'、'.join(others)}实施，不是抽查计划 {plan.id} 为该对象随机选派的"
                      f"{'、'.join(o['name'] + '（' + o['certificate'] + '）' for o in pick.officers)}", evidence=[where])
