"""A small vocabulary of parameterised predicates, for the rule packs of every case type.

Each predicate declares its parameters as a model; a pack is validated when it loads, so a
misspelt parameter is an error naming the rule, never silently ignored. What a finding says
lives in the pack: a predicate yields the named fields (``{start}``, ``{due}`` …) that the
rule's message uses, and a ``detail`` sentence for messages that want the whole reason. Every
period is taken through casefile.law.periods (``named`` for a length, ``notice_end`` for a notice).

    deadline        an act within a period of another: four parameters — start, end, period
                    (key/days/unit, extension, excluded time) and lone_unverifiable
    act_order       one act only after another
    min_officers    enough certified officers, valid that day, on each act of some kinds
    document_present  a document (or the act that produced it) when an act happened
    notice_before   a notice at least a period (key/days/unit) before the event it announces
    text_mentions   a document's text says at least one of some words
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Literal

from pydantic import Field, ValidationError as PydanticError, model_validator

from casefile.law import periods
from casefile.errors import CalendarNotCovered
from casefile.model import Act, ActKind, CaseState
from checklists.context import CheckContext, Hit
from checklists.registry import TERMS as VOCABULARY
from checklists.registry import Params as _Params
from checklists.registry import term as word

UNIT_NAMES = {"WD": "个工作日", "CD": "日"}


def validate_params(predicate: str, params: dict[str, Any]) -> str | None:
    """None when the parameters fit the predicate; otherwise what is wrong, in Chinese."""
    _, model = VOCABULARY[predicate]
    try:
        model.model_validate(params)
    except PydanticError as e:
        return "；".join(f"参数 {'.'.join(str(x) for x in err['loc'])}：{_why(err)}" for err in e.errors())
    return None


def _why(err: dict[str, Any]) -> str:
    return {"extra_forbidden": "不是该判断函数的参数（拼写错误？）", "missing": "缺少此参数"}.get(err["type"], err["msg"])


def run(predicate: str, ctx: CheckContext, params: dict[str, Any]) -> Iterator[Hit]:
    fn, model = VOCABULARY[predicate]
    return fn(ctx, model.model_validate(params))


def _kinds(names: list[str]) -> list[ActKind]:
    return [ActKind(n) for n in names]


def _acts(ctx: CheckContext, names: list[str]) -> list[Act]:
    kinds = set(_kinds(names))
    return sorted((a for a in ctx.case.acts if a.kind in kinds), key=lambda a: a.date)


def _where(ctx: CheckContext, act: Act, attr: str = "date") -> dict[str, Any]:
    v = getattr(act, attr)
    return {"field": f"acts[{ctx.case.acts.index(act) + 1}].{attr}", "act": act.kind.value,
            "value": v.isoformat() if isinstance(v, dt.date) else v}


def _lone_imported(ctx: CheckContext) -> bool:
    """A file that holds one imported document only (a published decision on its own)."""
    docs = ctx.register.documents
    return len(docs) <= 1 and all(d.origin == "imported" for d in docs)


def _count(ctx: CheckContext, start: dt.date, end: dt.date, unit: str) -> int:
    """Days of [start, end] (both counted) in the unit: the excluded time of §45 行政许可法."""
    days = (end - start).days + 1
    if unit == "CD":
        return max(days, 0)
    return sum(1 for i in range(max(days, 0)) if ctx.calendar.is_workday(start + dt.timedelta(days=i)))


class _Acts(_Params):
    """A list of acts may stand alone (``start = ["受理"]``) when nothing else is said of them."""

    @model_validator(mode="before")
    @classmethod
    def _bare_list(cls, v: Any) -> Any:
        return {"acts": v} if isinstance(v, list) else v


class DeadlineStart(_Acts):
    acts: list[str]
    each: bool = False  # every start act opens its own period (each 先行登记保存, each 查封扣押)
    term: bool = False  # the start act's own end_date (the term it set) must fall within the period too
    if_missing: Literal["unverifiable", "ignore"] = "unverifiable"  # an end act with no start on file


class DeadlineEnd(_Acts):
    acts: list[str]
    if_missing: Literal["overdue", "unverifiable", "ignore"] = "overdue"  # no end act on file
    states: list[str] = Field(default_factory=list)  # … reported only in these case states
    documents: list[str] = Field(default_factory=list)  # … or when one of these documents is on file
    undated_documents: list[str] = Field(default_factory=list)  # such a document on file: the end act happened, undated


class Extension(_Acts):
    acts: list[str] = Field(default_factory=list)  # acts that extend the period (负责人批准延长) …
    key: str = ""  # … by the period the profile names so (casefile.law.periods.named)
    fact: str = ""  # or a case fact (extra.<name>) holding the calendar days an approved extension adds


class Length(_Params):
    """How long: a period the profile names (``key``: casefile.law.periods.named — the profile's
    [time_limits], or a period of casefile.law.periods such as publication), else the rule's own days."""

    key: str = ""
    days: int | None = Field(default=None, ge=0)
    unit: Literal["WD", "CD"] = "WD"

    @model_validator(mode="after")
    def _known(self) -> "Length":
        if self.days is None and not periods.known(self.key):
            raise ValueError(f"不是已知的期限“{self.key}”（应为规则配置 time_limits 中的期限或 {'、'.join(periods.KINDS)} 之一，或写明 days）")
        return self

    def of(self, ctx: CheckContext) -> periods.Period:
        return periods.named(ctx.profile, self.key, self.days, self.unit, ctx.case)


class PeriodSpec(Length):
    extension: Extension = Field(default_factory=Extension)
    excluded: list[str] = Field(default_factory=list)  # acts whose date..end_date is not counted (听证、检验、鉴定)


class DeadlineParams(_Params):
    """An end act within a period of a start act: four parameters, each a small table."""

    start: DeadlineStart
    end: DeadlineEnd
    period: PeriodSpec
    lone_unverifiable: bool = False  # a file of one imported decision cannot show an approved extension or suspension


@word("deadline", DeadlineParams)
def deadline(ctx: CheckContext, p: DeadlineParams) -> Iterator[Hit]:
    starts, ends = _acts(ctx, p.start.acts), _acts(ctx, p.end.acts)
    if not starts:
        if ends and p.start.if_missing == "unverifiable":
            yield Hit(f"未记载{'或'.join(p.start.acts)}的日期，无法计算{'或'.join(p.end.acts)}的期限",
                      evidence=[_where(ctx, ends[0])], unverifiable=True)
        return
    for start in starts if p.start.each else starts[:1]:
        yield from _one_deadline(ctx, p, start, ends)


def _one_deadline(ctx: CheckContext, p: DeadlineParams, start: Act, ends: list[Act]) -> Iterator[Hit]:
    spec = p.period
    per = spec.of(ctx)
    base, unit = per.n, per.unit
    n = base
    extended = _acts(ctx, spec.extension.acts)
    if extended:
        n += periods.named(ctx.profile, spec.extension.key, 0, unit).n
    end = next((a for a in ends if a.date >= start.date), None)
    against = max(d for d in (end.date if end else ctx.today, start.end_date if p.start.term else None) if d)
    try:
        for a in _acts(ctx, spec.excluded):
            if a.end_date and a.end_date >= a.date:
                n += _count(ctx, a.date, a.end_date, unit)
        # a period of n days never ends before start + n calendar days: the calendar is asked only past that
        due = periods.last_day(ctx.calendar, start.date, periods.Period(n, unit), against)
    except CalendarNotCovered as e:
        yield Hit(f"{e.message}" + (f"（{e.details[0]}）" if e.details else ""), evidence=[_where(ctx, start)], unverifiable=True)
        return
    fact_days = int(ctx.case.extra.get(spec.extension.fact, 0) or 0) if spec.extension.fact else 0
    due += dt.timedelta(days=fact_days)
    fields = {"start_act": start.kind.value, "start": start.date.isoformat(), "days": base if fact_days else n,
              "unit": UNIT_NAMES[unit], "due": due.isoformat(),
              "extended": "（已批准延长）" if extended or fact_days else "", "lone": ""}
    if p.start.term and start.end_date and start.end_date > due:
        yield Hit(f"{start.date}{start.kind.value}，期限至{start.end_date}，超过{n}{UNIT_NAMES[unit]}（应至{due}）",
                  evidence=[_where(ctx, start, "end_date")],
                  fields=fields | {"end_act": start.kind.value + "期限届满", "end": start.end_date.isoformat(),
                                   "outcome": f"所定期限至{start.end_date}"})
    if end is not None and end.date > due:
        lone = p.lone_unverifiable and _lone_imported(ctx)
        note = "；卷中没有延长或中止的审批，无法确认" if lone else ""
        yield Hit(f"{start.date}{start.kind.value}后，{end.date}才{end.kind.value}，超过{n}{UNIT_NAMES[unit]}（应于{due}前）{note}",
                  evidence=[_where(ctx, start), _where(ctx, end)], unverifiable=lone,
                  fields=fields | {"end_act": end.kind.value, "end": end.date.isoformat(),
                                   "outcome": f"{end.date}才{end.kind.value}", "lone": note})
    elif end is None:
        yield from _missing_end(ctx, p.end, start, due, fields)


def _missing_end(ctx: CheckContext, e: DeadlineEnd, start: Act, due: dt.date, fields: dict[str, Any]) -> Iterator[Hit]:
    if e.if_missing == "ignore" or (e.undated_documents and ctx.docs_of(*e.undated_documents)):
        return
    if e.states or e.documents:
        in_state = ctx.case.state in {CaseState(s) for s in e.states}
        if not in_state and not (e.documents and ctx.docs_of(*e.documents)):
            return
    ends = "或".join(e.acts)
    if e.if_missing == "unverifiable":
        yield Hit(f"{start.date}{start.kind.value}，卷中没有{ends}的日期", evidence=[_where(ctx, start)], unverifiable=True,
                  fields=fields | {"end_act": ends, "end": "", "outcome": f"卷中没有{ends}的日期"})
    elif ctx.today > due:
        # one published document is a past case, not one still open: whether the act followed is not at hand
        lone = bool(ctx.register.documents) and _lone_imported(ctx)
        outcome = f"卷中只有一份导入的文书，其后是否{ends}无法核实" if lone else f"至{ctx.today}仍未{ends}"
        yield Hit(f"{start.date}{start.kind.value}，{outcome}" if lone else
                  f"{start.date}{start.kind.value}后，{outcome}，已超过{fields['days']}{fields['unit']}（应于{due}前）",
                  evidence=[_where(ctx, start)], unverifiable=lone,
                  fields=fields | {"end_act": ends, "end": "", "outcome": outcome})


class OrderParams(_Params):
    before: list[str]
    after: list[str]
    each_after: bool = False  # every after act, not only the first (each 询问 before 立案 is its own defect)
    on_missing_before: Literal["violation", "unverifiable"] = "violation"
    missing_before_states: list[str] = Field(default_factory=list)  # the before act is due in these states even with no after act
    # a published decision on its own: its dates are compared by the decision's own timeline rule (D08), which
    # tells the seal from the narrative and two dates written for one act; the same wrong date is not reported twice
    not_on_lone_import: bool = False
    # acts that may come before the ``before`` act when done on the spot, on the day of an on-site act of
    # ``spot_acts`` (行政强制法第十九条: a seizure in an emergency at the roadside, approved afterwards)
    on_the_spot: list[str] = Field(default_factory=list)
    spot_acts: list[str] = Field(default_factory=list)


@word("act_order", OrderParams)
def act_order(ctx: CheckContext, p: OrderParams) -> Iterator[Hit]:
    befores, afters = _acts(ctx, p.before), _acts(ctx, p.after)
    before_names = "或".join(p.before)
    if not befores:
        expected = ctx.case.state in {CaseState(s) for s in p.missing_before_states}
        if not afters and not expected:
            return
        unverifiable = p.on_missing_before == "unverifiable" or _lone_import(ctx)
        if afters:
            after = afters[0]
            yield Hit(f"{after.date}{after.kind.value}，但案件中没有{before_names}", evidence=[_where(ctx, after)], unverifiable=unverifiable,
                      fields={"before_act": before_names, "after_act": after.kind.value, "after": after.date.isoformat()})
        else:
            yield Hit(f"案件已{ctx.case.state.value}，卷中没有{before_names}的日期", unverifiable=unverifiable,
                      fields={"before_act": before_names, "after_act": "", "after": ""})
        return
    if p.not_on_lone_import and ctx.register.documents and _lone_imported(ctx):
        return  # what is missing stays a coverage note above; the order itself is D08's
    first = befores[0]
    spot_days = {a.date for a in _acts(ctx, p.spot_acts)} if p.on_the_spot else set()
    for after in afters if p.each_after else afters[:1]:
        if after.kind.value in p.on_the_spot and after.date in spot_days:
            continue
        if first.date > after.date:
            yield Hit(f"{after.date}{after.kind.value}在{first.date}{first.kind.value}之前",
                      evidence=[_where(ctx, first), _where(ctx, after)],
                      fields={"before_act": first.kind.value, "before": first.date.isoformat(),
                              "after_act": after.kind.value, "after": after.date.isoformat()})


class OfficerParams(_Params):
    acts: list[str]
    min: int = Field(default=2, ge=1)
    unknown_unverifiable: bool = False  # an officer missing from the register: qualification not verifiable (imported files)
    check_category: bool = False  # each officer's 执法类别 covers the case's sector (法制审核 and 负责人 roles excepted)


@word("min_officers", OfficerParams)
def min_officers(ctx: CheckContext, p: OfficerParams) -> Iterator[Hit]:
    for act in _acts(ctx, p.acts):
        where = _where(ctx, act, "officers")
        if not act.officers:
            # an act known only from a document's narrative: who did it is not on file
            yield Hit(f"{act.date}的{act.kind.value}未记载执法人员，无法核实人数与资格", evidence=[where], unverifiable=True)
            continue
        fields = {"act": act.kind.value, "date": act.date.isoformat(), "count": len(act.officers), "min": p.min}
        if len(act.officers) < p.min:
            yield Hit(f"{act.date}的{act.kind.value}只有{len(act.officers)}名执法人员（{'、'.join(act.officers)}），少于{p.min}人",
                      evidence=[where], fields=fields)
        for ref in act.officers:
            o = ctx.officers.lookup(ref)
            if o is None:
                yield Hit(f"{act.date}的{act.kind.value}中，{ref}不在行政执法人员清单中" + ("，无法核实其执法资格" if p.unknown_unverifiable else ""),
                          evidence=[where], unverifiable=p.unknown_unverifiable)
                continue
            if not o.valid_on(act.date):
                yield Hit(f"{o.name}（{o.certificate}）的执法证有效期为{o.valid_from}至{o.valid_to}，{act.date}{act.kind.value}时已失效或尚未生效",
                          evidence=[where])
            sector = ctx.case.sector
            if p.check_category and sector and o.categories and sector not in o.categories and not {"法制审核", "负责人"} & set(o.roles):
                yield Hit(f"{o.name}的执法类别为{'、'.join(o.categories)}，不含本案领域“{sector}”（{act.date}{act.kind.value}）", evidence=[where])


class DocumentParams(_Params):
    types: list[str]  # catalogue codes; any one of them satisfies the requirement
    label: str  # what a person calls it: 《受理通知书》
    when: list[str] = Field(default_factory=list)  # only when one of these acts happened


@word("document_present", DocumentParams)
def document_present(ctx: CheckContext, p: DocumentParams) -> Iterator[Hit]:
    trigger = _acts(ctx, p.when) if p.when else []
    if p.when and not trigger:
        return
    if ctx.docs_of(*p.types) or any(a.document in p.types for a in ctx.case.acts):
        return
    because = f"（{trigger[0].date}{trigger[0].kind.value}）" if trigger else ""
    yield Hit(f"卷中没有{p.label}{because}", evidence=[_where(ctx, trigger[0])] if trigger else [],
              fields={"label": p.label, "because": because}, unverifiable=_lone_import(ctx))


def _lone_import(ctx: CheckContext) -> bool:
    """The case was made by importing one paper (a published decision): the rest of its file is not here, so a
    paper or an act it does not show is not known to be missing. (An office's own case holding one paper is judged.)"""
    docs = ctx.register.documents
    return len(docs) == 1 and docs[0].origin == "imported" and ctx.case.source == "导入"


class NoticeLength(Length):
    unit: Literal["WD", "CD"] = "CD"


class NoticeParams(_Params):
    notice: list[str]
    event: list[str]
    period: NoticeLength  # the least time between notice and event (casefile.law.periods.notice_end)
    required: bool = True  # False: only when the notice was given is its timing checked
    missing_unverifiable: bool = False  # a missing notice is a date not on file rather than a notice not given
    unless: list[str] = Field(default_factory=list)  # such an act between notice and event ends the wait early (a reply received)
    after_period: bool = False  # the notice opens a window (a reply, 10 days): the event only after its last day, not on it


@word("notice_before", NoticeParams)
def notice_before(ctx: CheckContext, p: NoticeParams) -> Iterator[Hit]:
    events = _acts(ctx, p.event)
    if not events:
        return
    event = events[0]
    notices = [a for a in _acts(ctx, p.notice) if a.date <= event.date]
    per = p.period.of(ctx)
    n, unit = per.n, per.unit
    if not notices:
        if p.required:
            yield Hit(f"{event.date}{event.kind.value}前没有{'或'.join(p.notice)}" + ("的日期" if p.missing_unverifiable else ""),
                      evidence=[_where(ctx, event)], unverifiable=p.missing_unverifiable,
                      fields={"notice_act": "或".join(p.notice), "event_act": event.kind.value, "event": event.date.isoformat()})
        return
    notice = notices[-1]
    if any(notice.date <= a.date <= event.date for a in _acts(ctx, p.unless)):
        return
    try:
        last = periods.notice_end(ctx.calendar, notice.date, per)
        earliest = last + dt.timedelta(days=1) if p.after_period else last
    except CalendarNotCovered as e:
        yield Hit(f"{e.message}" + (f"（{e.details[0]}）" if e.details else ""), evidence=[_where(ctx, notice)], unverifiable=True)
        return
    if event.date < earliest:
        yield Hit(f"{notice.date}{notice.kind.value}，{event.date}即{event.kind.value}，不足{n}{UNIT_NAMES[unit]}（最早{earliest}）",
                  evidence=[_where(ctx, notice), _where(ctx, event)],
                  fields={"notice": notice.date.isoformat(), "event": event.date.isoformat(), "days": n, "unit": UNIT_NAMES[unit],
                          "notice_act": notice.kind.value, "event_act": event.kind.value, "earliest": earliest.isoformat(),
                          "last": last.isoformat()})


class MentionParams(_Params):
    types: list[str]
    any_of: list[str]
    label: str  # what the document must say, for the message: 不予许可的理由和救济途径


@word("text_mentions", MentionParams)
def text_mentions(ctx: CheckContext, p: MentionParams) -> Iterator[Hit]:
    for rec in ctx.docs_of(*p.types):
        text = ctx.text_of(rec)
        if text and not any(w in text for w in p.any_of):
            yield Hit(f"《{rec.title or rec.file}》没有写明{p.label}", documents=[rec.file],
                      fields={"label": p.label, "doc": rec.title or rec.file})
