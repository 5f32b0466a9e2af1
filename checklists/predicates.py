"""The predicates the rules name about what the case states: the agency, the facts and the party,
the evidence, the legal basis, the discretion, the documents on file. Those about the procedure's
order and time are in procedure_predicates.py. Each takes the check context and the rule's
parameters and yields a :class:`Hit` per problem found, with the reason in Chinese and what it
rests on; nothing found means the check passed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Iterator, Literal

from casefile.ingest.extract.decision_shape import decision_data
from casefile.law import legal_limits
from casefile.law.avrecord import av_requirements
from casefile.law.laws import law_table
from casefile.law.versions import named_day
from casefile.model import Act, ActKind, CaseState, LawRef, PartyKind
from casefile.model.ids import valid_id_card, valid_uscc
from casefile.store.documents import changed_outside
from checklists.context import CheckContext, Hit
from checklists.registry import predicate


def _first(ctx: CheckContext, kind: ActKind) -> dt.date | None:
    return ctx.case.first_date(kind)


def _fact(field: str, value: Any) -> dict[str, Any]:
    return {"field": field, "value": value.isoformat() if isinstance(value, dt.date) else value}


def _act_field(ctx: CheckContext, act: Act, attr: str = "date") -> dict[str, Any]:
    i = ctx.case.acts.index(act) + 1
    return _fact(f"acts[{i}].{attr}", getattr(act, attr))


def _dossier_facts(ctx: CheckContext):
    """The facts of the whole dossier (casefile.ingest.facts), read once per check."""
    from casefile.ingest import facts
    df = getattr(ctx, "_dossier_facts", None)
    if df is None:
        df = facts.load(ctx.case_dir, ctx.register)
        ctx._dossier_facts = df  # type: ignore[attr-defined]
    return df


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
    # a number the imported documents state is checked there (F04), with the document it is in: not twice
    stated = p.id_number and any(p.id_number in ctx.text_of(d) for d in ctx.register.documents if d.origin == "imported")
    if p.id_number and "*" not in p.id_number and not stated:
        if p.kind == PartyKind.NATURAL and not valid_id_card(p.id_number):
            yield Hit(f"当事人身份证号码{p.id_number}校验位错误", evidence=[_fact("parties[1].id_number", p.id_number)])
        if p.kind != PartyKind.NATURAL and not valid_uscc(p.id_number):
            yield Hit(f"当事人统一社会信用代码{p.id_number}校验位错误", evidence=[_fact("parties[1].id_number", p.id_number)])
    elif not p.id_number:
        yield Hit(f"未写明当事人{p.name}的{'身份证号码' if p.kind == PartyKind.NATURAL else '统一社会信用代码'}", evidence=[_fact("parties[1].id_number", "")], unverifiable=True)


_PERSON = re.compile(r"[\u4e00-\u9fa5]{2,4}")
_LEGAL_FORM_END = re.compile(r"[（(](?:个体工商户|个体|个人独资企业|个人独资)[)）]$")


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
        core = _LEGAL_FORM_END.sub("", p.name)  # “森宝木材加工厂（个体工商户）” is named without its form elsewhere
        if name and "*" not in name and name != p.name and core not in name and name not in p.name:
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
        # a decision names its evidence under a heading, by the papers where a table's labels were lost
        # (…等证据证实, 以《投诉记录表》、询问笔录等为证)
        named = re.compile(decision_data()["patterns"]["evidence_named"])
        if decisions and any(named.search(re.sub(r"\s+", "", ctx.text_of(d))) for d in decisions):
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
    misnamed: set[str] = set()
    missing: dict[str, dict] = {}  # norms the library lacks: one note for all of them, not one per article
    for ref, text, where in cited:
        law = ref.law if isinstance(ref, LawRef) else ref["law"]
        art = ref.article if isinstance(ref, LawRef) else ref.get("article")
        par = ref.paragraph if isinstance(ref, LawRef) else ref.get("paragraph")
        item = ref.item if isinstance(ref, LawRef) else ref.get("item")
        key = (law, art, par, item)
        if key in seen or _not_a_norm(law):
            continue
        seen.add(key)
        if law.startswith(("中华人民共和国行政复议法", "中华人民共和国行政诉讼法")) and not art:
            continue
        # a version named in the citation (“（2004年8月28日修正）”) is the one its articles are looked up in
        look = ctx.library.check(law, art, par, item, named_day(law, text) or day)
        if look.status == "ok":
            continue
        if look.status == "no_library":
            yield Hit(look.message, evidence=[where], unverifiable=True)
            return
        if only and (look.status == "misnamed") != (only == "misnamed"):
            continue
        if look.status == "unknown_law":
            missing.setdefault(law, where)
            continue
        if look.status == "misnamed":
            if law in misnamed:
                continue  # one misnamed law, one finding, however many of its articles are cited
            misnamed.add(law)
        if look.status in ("no_item", "no_paragraph") and _old_article_number(law, art, day):
            continue  # a pre-revision article number: L04 reports it once, with the current number
        docs = [where["doc"]] if "doc" in where else []
        yield Hit(f"{text}：{look.message}", docs, [where], unverifiable=look.status == "not_in_force")
    if missing:
        names = "、".join(f"《{n}》" for n in missing)
        yield Hit(f"法律库中没有{names}，未核对引用的这些规范的条款", [], list(missing.values())[:3], unverifiable=True)


# papers of the case and forms, not norms: a payment form, an assistance letter, an evidence title
_NOT_NORMS = ("通知书", "缴款书", "缴款单", "缴费单", "协助函", "笔录", "照片", "截图", "发票", "收据", "回执",
              "告知书", "决定书", "情况说明", "证明", "合同", "台账", "记录", "（电子）")


def _not_a_norm(law: str) -> bool:
    return len(law) < 4 or law.endswith(_NOT_NORMS)


def _old_article_number(law: str, article: int | None, day: dt.date | None) -> bool:
    return day is not None and any(a["law"] == law and a["old"] == article and day >= dt.date.fromisoformat(a["since"])
                                   for a in law_table("superseded_articles")["article"])


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


# -- documents -----------------------------------------------------------------------------------------------
def decision_contents(ctx: CheckContext) -> Iterator[Hit]:
    """P16 (unreadable decisions): the remedies themselves are read by ``remedies_stated``
    (checklists.decision_rules), which rule P16 runs."""
    for rec in ctx.docs_of("decision", "summary_decision", "no_penalty_decision"):
        if not ctx.text_of(rec):
            yield Hit(f"《{rec.title}》无法读取文字，无法核实其内容", [rec.file], unverifiable=True)


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
