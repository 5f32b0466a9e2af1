"""The predicates the rules name. Each takes the check context and the rule's
parameters and yields a :class:`Hit` per problem found, with the reason in
Chinese and what it rests on; nothing found means the check passed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Iterator, Literal

from casefile.law import legal_limits, periods
from casefile.law.avrecord import av_requirements
from casefile.store.documents import changed_outside
from casefile.law.requirements import hearing_rights_reasons, major_decision_reasons
from casefile.errors import CalendarNotCovered
from casefile.model.ids import valid_id_card, valid_uscc
from casefile.model import Act, ActKind, CaseState, LawRef, PartyKind
from checklists.context import CheckContext, Hit
from checklists.registry import predicate

def _first(ctx: CheckContext, kind: ActKind) -> dt.date | None:
    return ctx.case.first_date(kind)


def _fact(field: str, value: Any) -> dict[str, Any]:
    return {"field": field, "value": value.isoformat() if isinstance(value, dt.date) else value}


def _act_field(ctx: CheckContext, act: Act, attr: str = "date") -> dict[str, Any]:
    i = ctx.case.acts.index(act) + 1
    return _fact(f"acts[{i}].{attr}", getattr(act, attr))


# -- authority ----------------------------------------------------------------------------------
@predicate
def agency_stated(ctx: CheckContext) -> Iterator[Hit]:
    if not ctx.case.agency:
        yield Hit("案件未写明执法机关", evidence=[_fact("agency", "")])


# -- facts -----------------------------------------------------------------------------------------
@predicate
def facts_stated(ctx: CheckContext) -> Iterator[Hit]:
    c = ctx.case
    if not c.parties:
        yield Hit("未写明当事人", evidence=[_fact("parties", [])], unverifiable=True)
        return
    p = c.parties[0]
    if not c.violation.facts and not ctx.docs_of("decision", "summary_decision", "investigation_report"):
        yield Hit("未写明违法事实", evidence=[_fact("violation.facts", "")], unverifiable=True)
    if p.id_number and "*" not in p.id_number:
        if p.kind == PartyKind.NATURAL and not valid_id_card(p.id_number):
            yield Hit(f"当事人身份证号码{p.id_number}校验位错误", evidence=[_fact("parties[1].id_number", p.id_number)])
        if p.kind != PartyKind.NATURAL and not valid_uscc(p.id_number):
            yield Hit(f"当事人统一社会信用代码{p.id_number}校验位错误", evidence=[_fact("parties[1].id_number", p.id_number)])
    elif not p.id_number:
        yield Hit(f"未写明当事人{p.name}的{'身份证号码' if p.kind == PartyKind.NATURAL else '统一社会信用代码'}", evidence=[_fact("parties[1].id_number", "")], unverifiable=True)


_PERSON = re.compile(r"[\u4e00-\u9fa5]{2,4}")


@predicate
def parties_agree(ctx: CheckContext, *, types: list[str]) -> Iterator[Hit]:
    """The party's name and code are the same in every document that states them."""
    p = ctx.case.party
    if p is None:
        return
    for rec in ctx.docs_of(*types):
        x = ctx.extraction(rec)
        if x is None:
            continue
        name = x.fields.get("party")
        if name and ctx.case.agency and name.removeprefix("致") == ctx.case.agency:
            name = ""  # the party's own letter (陈述申辩书, 放弃声明) salutes the agency it is written to
        if name and not p.is_natural and (name == p.representative or (_PERSON.fullmatch(name) and p.name in ctx.text_of(rec))):
            name = ""  # the organisation's 法定代表人/经营者 named in a record that names the organisation too (系…经营者)
        if name and "*" not in name and name != p.name and p.name not in name and name not in p.name:
            ent = next((e for e in x.of("PARTY")), None)
            yield Hit(f"《{rec.title}》中的当事人为“{name}”，与案件当事人“{p.name}”不一致", [rec.file],
                      [{"doc": rec.file, "page": ent.page if ent else 1, "text": name}])
        code = x.fields.get("uscc") if p.kind != PartyKind.NATURAL else None
        if code and p.id_number and "*" not in p.id_number and code != p.id_number.upper():
            ent = next((e for e in x.of("USCC")), None)
            yield Hit(f"《{rec.title}》中的统一社会信用代码为{code}，与案件记载的{p.id_number}不一致", [rec.file],
                      [{"doc": rec.file, "page": ent.page if ent else 1, "text": code}])


# -- evidence ----------------------------------------------------------------------------------------
STATUTORY_EVIDENCE = ("书证", "物证", "视听资料", "电子数据", "证人证言", "当事人的陈述", "鉴定意见", "勘验笔录、现场笔录", "勘验笔录", "现场笔录")


@predicate
def evidence_present(ctx: CheckContext) -> Iterator[Hit]:
    c = ctx.case
    if not c.evidence and not ctx.docs_of("evidence_list", "evidence_extraction", "evidence_material", "inquiry_record", "onsite_record"):
        decisions = ctx.docs_of("decision", "summary_decision", "no_penalty_decision")
        if decisions and any("证据" in ctx.text_of(d) for d in decisions):
            return
        yield Hit("卷中没有证据材料，也没有证据清单", unverifiable=not ctx.case.acts)
    for i, e in enumerate(c.evidence, 1):
        if e.kind not in STATUTORY_EVIDENCE:
            yield Hit(f"证据“{e.name}”的种类“{e.kind}”不属于行政处罚法第四十六条规定的证据种类", evidence=[_fact(f"evidence[{i}].kind", e.kind)])


@predicate
def av_recorded(ctx: CheckContext, *, level: Literal["full", "appropriate"] = "full") -> Iterator[Hit]:
    """§5: acts that must be recorded on audio/video have a record (acts.recorded or linked evidence)."""
    req = av_requirements().get(level, {})
    linked = {(e.get("act"), e.get("date")) for e in ctx.case.extra.get("av_records", [])} if isinstance(ctx.case.extra.get("av_records"), list) else set()
    for act in ctx.case.acts:
        why = req.get(act.kind.value)
        if not why:
            continue
        if act.recorded is True or (act.kind.value, act.date.isoformat()) in linked:
            continue
        if act.recorded is None and level == "appropriate":
            continue
        state = "未作音像记录" if act.recorded is False else "没有音像记录"
        yield Hit(f"{act.date}的{act.kind.value}{state}：{why}", evidence=[_act_field(ctx, act, "recorded")])


# -- legal basis -----------------------------------------------------------------------------------------
@predicate
def citations_valid(ctx: CheckContext, *, only: Literal["", "misnamed", "other"] = "") -> Iterator[Hit]:
    """Each cited law exists (misnamed laws flagged), each article exists, in the version in force.
    ``only="misnamed"`` yields the misnamed laws alone, ``only="other"`` everything else: a law
    misnamed but identifiable (the library names it) is a form defect, not a wrong basis."""
    c = ctx.case
    day = _first(ctx, ActKind.DECISION) or _first(ctx, ActKind.NOTICE) or ctx.today
    cited: list[tuple[LawRef | dict, str, dict]] = []
    for i, r in enumerate(c.violation.violated, 1):
        cited.append((r, r.cite(), _fact(f"violation.violated[{i}]", r.cite())))
    for label, measures in (("proposed", c.proposed), ("decided", c.decided)):
        for i, m in enumerate(measures, 1):
            for j, r in enumerate(m.basis, 1):
                cited.append((r, r.cite(), _fact(f"{label}[{i}].basis[{j}]", r.cite())))
    # imported documents: what their text cites
    for rec in ctx.docs_of("decision", "summary_decision", "penalty_notice", "no_penalty_decision"):
        x = ctx.extraction(rec)
        if x is None:
            continue
        for e in x.of("LAW"):
            v = e.value
            cited.append((v, e.text, {"doc": rec.file, "page": e.page, "text": e.text}))
    seen = set()
    lib_missing_reported = False
    for ref, text, where in cited:
        law = ref.law if isinstance(ref, LawRef) else ref["law"]
        art = ref.article if isinstance(ref, LawRef) else ref.get("article")
        par = ref.paragraph if isinstance(ref, LawRef) else ref.get("paragraph")
        item = ref.item if isinstance(ref, LawRef) else ref.get("item")
        key = (law, art, par, item)
        if key in seen:
            continue
        seen.add(key)
        if law.startswith(("中华人民共和国行政复议法", "中华人民共和国行政诉讼法")) and not art:
            continue
        look = ctx.library.check(law, art, par, item, day)
        if look.status == "ok":
            continue
        if look.status == "no_library":
            if not lib_missing_reported:
                lib_missing_reported = True
                yield Hit(look.message, evidence=[where], unverifiable=True)
            continue
        if only and (look.status == "misnamed") != (only == "misnamed"):
            continue
        docs = [where["doc"]] if "doc" in where else []
        unverifiable = look.status in ("unknown_law", "not_in_force")
        yield Hit(f"{text}：{look.message}", docs, [where], unverifiable=unverifiable)


@predicate
def basis_cited(ctx: CheckContext) -> Iterator[Hit]:
    c = ctx.case
    if c.state in (CaseState.OPENED, CaseState.INVESTIGATING):
        return
    if not c.violation.violated and not any(ctx.extraction(d) and ctx.extraction(d).citations for d in ctx.docs_of("decision", "summary_decision", "no_penalty_decision")):
        yield Hit("未写明违反的法律条款（定性依据）", evidence=[_fact("violation.violated", [])])
    measures = c.decided or c.proposed
    if measures and not any(m.basis for m in measures) and not ctx.docs_of("decision", "summary_decision", "no_penalty_decision"):
        yield Hit("处罚决定未写明处罚依据", evidence=[_fact("decided", "")])


# -- discretion -----------------------------------------------------------------------------------------
def _fine(ctx: CheckContext) -> Decimal | None:
    has_amount = any(m.amount is not None for m in ctx.case.fine_measures())
    return ctx.case.fines() if has_amount else None


def fine_in_range(ctx: CheckContext, table: str = "discretion") -> Iterator[Hit]:
    """D01 for a case's own measures (profile bands): each fine against the provisions IT rests on,
    never the sum. Rule D01 runs ``amount_within_band`` (checklists.decision_rules), which reads a
    decision on file as a structure and falls back to this for a case without one."""
    ms = ctx.case.decided or ctx.case.proposed
    v = ctx.case.violation
    field = "decided" if ctx.case.decided else "proposed"
    for i, m in enumerate(ms, 1):
        if not m.is_fine or m.amount is None:
            continue
        fine = m.amount
        where = _fact(f"{field}[{i}].amount", str(fine))
        for band in ctx.profile.get(table, []):
            if not any(b.law == band["law"] and b.article == band["article"] for b in m.basis):
                continue
            gv = v.goods_value
            if "goods_value_below" in band and (gv is None or gv >= Decimal(str(band["goods_value_below"]))):
                continue
            if "goods_value_above" in band and (gv is None or gv < Decimal(str(band["goods_value_above"]))):
                continue
            per = band.get("per", "fixed")
            base = Decimal(1)
            label = ""
            if per == "illegal_income":
                if not v.illegal_income:
                    lo, hi = Decimal(str(band.get("no_income_min", 0))), Decimal(str(band.get("no_income_max", 0)))
                    if hi and not (lo <= fine <= hi):
                        yield Hit(f"罚款{fine}元超出《{band['law']}》第{band['article']}条没有违法所得时的幅度（{lo}～{hi}元）", evidence=[where])
                    continue
                base, label = v.illegal_income, f"违法所得{v.illegal_income}元的"
            elif per == "goods_value":
                base, label = gv, f"货值金额{gv}元的"
            elif per == "area_m2":
                if v.area_m2 is None:
                    yield Hit("按面积计罚，但案件和案卷文书中都没有非法占用土地的面积", evidence=[_fact("violation.area_m2", None)], unverifiable=True)
                    continue
                base, label = v.area_m2, f"每平方米（{v.area_m2}平方米）"
            lo = Decimal(str(band.get("min", 0))) * base
            hi = Decimal(str(band.get("max", 0))) * base
            if fine < lo or (hi and fine > hi):
                yield Hit(f"罚款{fine}元不在《{band['law']}》第{band['article']}条规定的幅度内（{label}{band.get('min', 0)}～{band.get('max')}{'倍' if per in ('illegal_income', 'goods_value') else '元'}，即{lo}～{hi}元）",
                          evidence=[where])


@predicate
def not_heavier_after_statement(ctx: CheckContext) -> Iterator[Hit]:
    """P13: the decided fine is not heavier than the one notified."""
    proposed, decided = ctx.case.fines("proposed"), ctx.case.fines("decided")
    if ctx.case.proposed and ctx.case.decided and decided > proposed:
        yield Hit(f"决定罚款{decided}元重于告知的{proposed}元，应重新告知", evidence=[_fact("decided", str(decided))])


@predicate
def summary_limits(ctx: CheckContext) -> Iterator[Hit]:
    """P21: 简易程序 only for 警告 or fines within §51's amounts — the limits entry and printing use
    (casefile.law.legal_limits; a rules profile's [summary_procedure] may set others)."""
    limit, natural = legal_limits.summary_cap(ctx.case, ctx.profile)
    for i, m in enumerate(ctx.case.decided, 1):
        if m.kind not in ("警告", "罚款", "通报批评"):
            yield Hit(f"简易程序不能作出“{m.kind}”", evidence=[_fact(f"decided[{i}].kind", m.kind)])
        if m.is_fine and m.amount and m.amount > limit:
            yield Hit(f"简易程序罚款{m.amount}元超过{'自然人' if natural else '法人或其他组织'}{limit}元的限额", evidence=[_fact(f"decided[{i}].amount", str(m.amount))])


# -- procedure --------------------------------------------------------------------------------------------
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


def _dossier_facts(ctx: CheckContext):
    """The facts of the whole dossier (casefile.ingest.facts), read once per check."""
    from casefile.ingest import facts
    df = getattr(ctx, "_dossier_facts", None)
    if df is None:
        df = facts.load(ctx.case_dir, ctx.register)
        ctx._dossier_facts = df  # type: ignore[attr-defined]
    return df


def decision_contents(ctx: CheckContext) -> Iterator[Hit]:
    """P16 (unreadable decisions): the remedies themselves are read by ``remedies_stated``
    (checklists.decision_rules), which rule P16 runs."""
    for rec in ctx.docs_of("decision", "summary_decision", "no_penalty_decision"):
        if not ctx.text_of(rec):
            yield Hit(f"《{rec.title}》无法读取文字，无法核实其内容", [rec.file], unverifiable=True)


@predicate
def threshold_reached(ctx: CheckContext, *, table: str = "referral", done: list[str] = ["移送"]) -> Iterator[Hit]:
    """§9 / P28: amounts or areas that reach a threshold of the profile's ``table`` (the criminal
    追诉标准) call for an act in ``done`` (移送); reaching one without it is 以罚代刑."""
    c = ctx.case
    if c.review.referred or any(a.kind.value in done for a in c.acts):
        return
    v = c.violation
    for t in ctx.profile.get(table, []):
        if t.get("sector") and c.sector and t["sector"] != c.sector:
            continue
        if t.get("land_type") and v.land_type != t["land_type"]:
            continue
        if t.get("terms"):
            texts = [v.cause, v.facts] + [ctx.text_of(d) for d in ctx.docs_of("decision", "investigation_report", "penalty_notice")]
            if not any(term in x for term in t["terms"] for x in texts if x):
                continue
        value = getattr(v, t["field"], None)
        if value is not None and value >= Decimal(str(t["min"])):
            yield Hit(f"{t['field'] == 'area_mu' and '占用面积' or '金额'}{value}达到{t['name']}的追诉标准（{t['min']}），未移送司法机关", evidence=[_fact(f"violation.{t['field']}", str(value))])


@predicate
def referral_flagged(ctx: CheckContext) -> Iterator[Hit]:
    c = ctx.case
    if c.review.referral_required and not (c.review.referred or c.acts_of(ActKind.REFERRAL)):
        yield Hit("案件已认定涉嫌犯罪需要移送，卷中没有移送记录", evidence=[_fact("review.referral_required", True)])


# -- documents -----------------------------------------------------------------------------------------------
@predicate
def documents_complete(ctx: CheckContext, *, severity: Literal["veto", "major", "minor"] = "major") -> Iterator[Hit]:
    """§7: every document the law requires by now is present, or another paper that proves the same act
    (casefile/data/grounds.toml); only the gaps of the rule's severity are reported here."""
    from casefile.law import grounds
    if ctx.workspace is None:
        return
    docs = ctx.register.documents
    if len(docs) <= 1 and all(d.origin == "imported" for d in docs):
        # a lone imported decision: the rest of the dossier is simply not here to judge
        if severity == "major":
            yield Hit("卷中只有一份导入的文书，其余文书是否齐全无法核实", unverifiable=True)
        return
    present: dict[str, list[str]] = {}
    for d in docs:
        present.setdefault(d.doc_type, []).append(d.file)
    by_file = {d.file: d for d in docs}
    df = _dossier_facts(ctx)
    for gap in grounds.gaps(ctx.workspace, ctx.case, present, ctx.profile, df, lambda f: ctx.text_of(by_file[f])):
        if gap.severity == severity:
            yield Hit(gap.message())


@predicate
def documents_unchanged(ctx: CheckContext) -> Iterator[Hit]:
    for rec in ctx.register.documents:
        if changed_outside(ctx.case_dir, rec):
            yield Hit(f"《{rec.title or rec.name}》在登记后被改动（内容与记录的哈希不符）", [rec.file])


@predicate
def documents_readable(ctx: CheckContext) -> Iterator[Hit]:
    for rec in ctx.register.documents:
        if rec.needs_ocr:
            yield Hit(f"《{rec.title or rec.name}》第{'、'.join(map(str, rec.needs_ocr))}页是扫描图像，没有文字，无法核实其内容", [rec.file], unverifiable=True)


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
