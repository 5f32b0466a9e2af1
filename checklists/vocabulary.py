"""A small vocabulary of parameterised predicates, for the rule packs of every case type.

Each predicate declares its parameters as a model; a pack is validated when it loads, so a
misspelt parameter is an error naming the rule, never silently ignored. What a finding says
lives in the pack: a predicate yields the named fields (``{start}``, ``{due}`` …) that the
rule's message uses, and a ``detail`` sentence for messages that want the whole reason.

    deadline        an act within N working or calendar days of another (extension, excluded time)
    act_order       one act only after another
    min_officers    enough certified officers, valid that day, on each act of some kinds
    document_present  a document (or the act that produced it) when an act happened
    notice_before   a notice at least N days before the event it announces
    text_mentions   a document's text says at least one of some words
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterator, Literal

from pydantic import Field, ValidationError as PydanticError

from casefile.errors import CalendarNotCovered
from casefile.model import Act, ActKind
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


def _days(ctx: CheckContext, n: int | None, key: str, unit: str) -> tuple[int, str]:
    if key:
        limits = ctx.profile.get("time_limits", {})
        return int(limits[f"{key}_days"]), limits.get(f"{key}_unit", unit)
    return int(n or 0), unit


def _count(ctx: CheckContext, start: dt.date, end: dt.date, unit: str) -> int:
    """Days of [start, end] (both counted) in the unit: the excluded time of §45 行政许可法."""
    days = (end - start).days + 1
    if unit == "CD":
        return max(days, 0)
    return sum(1 for i in range(max(days, 0)) if ctx.calendar.is_workday(start + dt.timedelta(days=i)))


class DeadlineParams(_Params):
    start: list[str]
    end: list[str]
    days: int | None = Field(default=None, ge=0)
    days_key: str = ""  # a period of the profile's [time_limits]: "<key>_days" and "<key>_unit"
    unit: Literal["WD", "CD"] = "WD"
    extension: list[str] = Field(default_factory=list)  # acts that extend the period (负责人批准延长)
    extension_days: int = 0
    extension_key: str = ""
    excluded: list[str] = Field(default_factory=list)  # acts whose date..end_date is not counted (听证、检验、鉴定)


@word("deadline", DeadlineParams)
def deadline(ctx: CheckContext, p: DeadlineParams) -> Iterator[Hit]:
    starts, ends = _acts(ctx, p.start), _acts(ctx, p.end)
    if not starts:
        if ends:
            yield Hit(f"未记载{'或'.join(p.start)}的日期，无法计算{'或'.join(p.end)}的期限",
                      evidence=[_where(ctx, ends[0])], unverifiable=True)
        return
    start = starts[0]
    n, unit = _days(ctx, p.days, p.days_key, p.unit)
    extended = _acts(ctx, p.extension)
    if extended:
        n += _days(ctx, p.extension_days, p.extension_key, unit)[0]
    try:
        for a in _acts(ctx, p.excluded):
            if a.end_date and a.end_date >= a.date:
                n += _count(ctx, a.date, a.end_date, unit)
        due = ctx.calendar.add(start.date, n, unit)
    except CalendarNotCovered as e:
        yield Hit(f"无法核实期限：{e.message}", evidence=[_where(ctx, start)], unverifiable=True)
        return
    end = next((a for a in ends if a.date >= start.date), None)
    fields = {"start_act": start.kind.value, "start": start.date.isoformat(), "days": n, "unit": UNIT_NAMES[unit],
              "due": due.isoformat(), "extended": "（已批准延长）" if extended else ""}
    if end is not None and end.date > due:
        yield Hit(f"{start.date}{start.kind.value}后，{end.date}才{end.kind.value}，超过{n}{UNIT_NAMES[unit]}（应于{due}前）",
                  evidence=[_where(ctx, start), _where(ctx, end)],
                  fields=fields | {"end_act": end.kind.value, "end": end.date.isoformat(),
                                   "outcome": f"{end.date}才{end.kind.value}"})
    elif end is None and ctx.today > due:
        yield Hit(f"{start.date}{start.kind.value}后，至{ctx.today}仍未{'或'.join(p.end)}，已超过{n}{UNIT_NAMES[unit]}（应于{due}前）",
                  evidence=[_where(ctx, start)], fields=fields | {"end_act": "或".join(p.end), "end": "",
                                                                 "outcome": f"至{ctx.today}仍未{'或'.join(p.end)}"})


class OrderParams(_Params):
    before: list[str]
    after: list[str]


@word("act_order", OrderParams)
def act_order(ctx: CheckContext, p: OrderParams) -> Iterator[Hit]:
    befores, afters = _acts(ctx, p.before), _acts(ctx, p.after)
    if not afters:
        return
    after = afters[0]
    fields = {"before_act": "或".join(p.before), "after_act": after.kind.value, "after": after.date.isoformat()}
    if not befores:
        yield Hit(f"{after.date}{after.kind.value}，但案件中没有{'或'.join(p.before)}", evidence=[_where(ctx, after)], fields=fields)
    elif befores[0].date > after.date:
        yield Hit(f"{after.date}{after.kind.value}在{befores[0].date}{befores[0].kind.value}之前",
                  evidence=[_where(ctx, befores[0]), _where(ctx, after)], fields=fields | {"before": befores[0].date.isoformat()})


class OfficerParams(_Params):
    acts: list[str]
    min: int = Field(default=2, ge=1)


@word("min_officers", OfficerParams)
def min_officers(ctx: CheckContext, p: OfficerParams) -> Iterator[Hit]:
    for act in _acts(ctx, p.acts):
        where = _where(ctx, act, "officers")
        if not act.officers:
            yield Hit(f"{act.date}的{act.kind.value}未记载执法人员，无法核实人数与资格", evidence=[where], unverifiable=True)
            continue
        valid = []
        for ref in act.officers:
            o = ctx.officers.lookup(ref)
            if o is None:
                yield Hit(f"{act.date}的{act.kind.value}中，{ref}不在行政执法人员清单中", evidence=[where])
            elif not o.valid_on(act.date):
                yield Hit(f"{act.date}的{act.kind.value}中，{o.name}（{o.certificate}）的执法证当日无效", evidence=[where])
            else:
                valid.append(o)
        if len(act.officers) < p.min:
            yield Hit(f"{act.date}的{act.kind.value}只有{len(act.officers)}名执法人员，少于{p.min}人", evidence=[where],
                      fields={"act": act.kind.value, "date": act.date.isoformat(), "count": len(act.officers), "min": p.min})


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
    yield Hit(f"卷中没有{p.label}{because}", evidence=[_where(ctx, trigger[0])] if trigger else [], fields={"label": p.label})


class NoticeParams(_Params):
    notice: list[str]
    event: list[str]
    days: int | None = Field(default=None, ge=0)
    days_key: str = ""
    unit: Literal["WD", "CD"] = "CD"
    required: bool = True  # False: only when the notice was given is its timing checked


@word("notice_before", NoticeParams)
def notice_before(ctx: CheckContext, p: NoticeParams) -> Iterator[Hit]:
    events = _acts(ctx, p.event)
    if not events:
        return
    event = events[0]
    notices = [a for a in _acts(ctx, p.notice) if a.date <= event.date]
    n, unit = _days(ctx, p.days, p.days_key, p.unit)
    if not notices:
        if p.required:
            yield Hit(f"{event.date}{event.kind.value}前没有{'或'.join(p.notice)}", evidence=[_where(ctx, event)])
        return
    notice = notices[-1]
    try:
        earliest = ctx.calendar.add_workdays(notice.date, n) if unit == "WD" else notice.date + dt.timedelta(days=n)
    except CalendarNotCovered as e:
        yield Hit(f"无法核实期限：{e.message}", evidence=[_where(ctx, notice)], unverifiable=True)
        return
    if event.date < earliest:
        yield Hit(f"{notice.date}{notice.kind.value}，{event.date}即{event.kind.value}，不足{n}{UNIT_NAMES[unit]}（最早{earliest}）",
                  evidence=[_where(ctx, notice), _where(ctx, event)],
                  fields={"notice": notice.date.isoformat(), "event": event.date.isoformat(), "days": n, "unit": UNIT_NAMES[unit]})


class MentionParams(_Params):
    types: list[str]
    any_of: list[str]
    label: str  # what the document must say, for the message: 不予许可的理由和救济途径


@word("text_mentions", MentionParams)
def text_mentions(ctx: CheckContext, p: MentionParams) -> Iterator[Hit]:
    for rec in ctx.docs_of(*p.types):
        text = ctx.text_of(rec)
        if text and not any(w in text for w in p.any_of):
            yield Hit(f"《{rec.title or rec.file}》没有写明{p.label}", documents=[rec.file], fields={"label": p.label})
