"""Terms for the periods an act sets or waits for, read off imported 强制 and 检查 dossiers
(issue 28): a term set by one act within a limit counted from another (查封 extended beyond
§25), an act only after another act's term ran out (催告 after the payment deadline, §35), an
act only after a period in months (申请法院强制执行 after the suit period, §53), and a 双随机
inspection made by the officers its draw record names, not before the draw."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from pydantic import Field

from casefile.model import Act, ActKind
from checklists.context import CheckContext, Hit
from checklists.registry import Params, term
from casefile.law.periods import add_months


def _acts(ctx: CheckContext, names: list[str]) -> list[Act]:
    kinds = {ActKind(n) for n in names}
    return sorted((a for a in ctx.case.acts if a.kind in kinds), key=lambda a: a.date)


def _where(ctx: CheckContext, act: Act, attr: str = "date") -> dict:
    v = getattr(act, attr)
    return {"field": f"acts[{ctx.case.acts.index(act) + 1}].{attr}", "act": act.kind.value,
            "value": v.isoformat() if isinstance(v, dt.date) else v}


class TermLimitParams(Params):
    acts: list[str]  # acts whose end_date is the term they set (查封扣押延期)
    start: list[str]  # the act the limit is counted from (查封扣押)
    days: int = Field(ge=0)  # calendar days from the start act (30 + 30 for a seizure with its extension)


@term("term_within", TermLimitParams)
def term_within(ctx: CheckContext, p: TermLimitParams) -> Iterator[Hit]:
    starts = _acts(ctx, p.start)
    if not starts:
        return
    limit = starts[0].date + dt.timedelta(days=p.days)
    for act in _acts(ctx, p.acts):
        if act.end_date and act.end_date > limit:
            yield Hit(f"{starts[0].date}{starts[0].kind.value}，{act.date}{act.kind.value}至{act.end_date}，超过自{starts[0].kind.value}起{p.days}日（最迟{limit}）",
                      evidence=[_where(ctx, starts[0]), _where(ctx, act, "end_date")],
                      fields={"start": starts[0].date.isoformat(), "act": act.kind.value, "end": act.end_date.isoformat(),
                              "limit": limit.isoformat(), "days": p.days})


class AfterTermParams(Params):
    term: list[str]  # acts whose end_date is a time given to the party (决定：限期缴纳)
    event: list[str]  # acts allowed only once that time has run out (催告)


@term("after_term", AfterTermParams)
def after_term(ctx: CheckContext, p: AfterTermParams) -> Iterator[Hit]:
    terms = [a for a in _acts(ctx, p.term) if a.end_date]
    if not terms:
        return
    t = terms[-1]
    for ev in _acts(ctx, p.event):
        if ev.date >= t.date and ev.date <= t.end_date:
            yield Hit(f"{t.date}{t.kind.value}限期至{t.end_date}履行，{ev.date}即{ev.kind.value}，期限尚未届满",
                      evidence=[_where(ctx, t, "end_date"), _where(ctx, ev)],
                      fields={"term_act": t.kind.value, "term_end": t.end_date.isoformat(), "event_act": ev.kind.value,
                              "event": ev.date.isoformat()})
            return


class AfterMonthsParams(Params):
    start: list[str]  # the act the period runs from (送达 of the decision)
    fallback: list[str] = Field(default_factory=list)  # … or, none on file, this act (决定)
    event: list[str]
    months: int = Field(ge=1)



@term("after_months", AfterMonthsParams)
def after_months(ctx: CheckContext, p: AfterMonthsParams) -> Iterator[Hit]:
    events = _acts(ctx, p.event)
    if not events:
        return
    ev = events[0]
    starts = [a for a in _acts(ctx, p.start) if a.date <= ev.date] or [a for a in _acts(ctx, p.fallback) if a.date <= ev.date]
    if not starts:
        return
    s = starts[0]
    ends = add_months(s.date, p.months)
    if ev.date <= ends:
        yield Hit(f"{s.date}{s.kind.value}，{p.months}个月的期限至{ends}届满，{ev.date}即{ev.kind.value}",
                  evidence=[_where(ctx, s), _where(ctx, ev)],
                  fields={"start_act": s.kind.value, "start": s.date.isoformat(), "months": p.months, "ends": ends.isoformat(),
                          "event_act": ev.kind.value, "event": ev.date.isoformat()})


class DrawParams(Params):
    fact: str = "draw"  # extra.<fact>: {date, officers} read from the 随机抽取记录
    acts: list[str] = Field(default_factory=lambda: ["现场检查"])


@term("draw_record_followed", DrawParams)
def draw_record_followed(ctx: CheckContext, p: DrawParams) -> Iterator[Hit]:
    draw = ctx.case.extra.get(p.fact)
    if not isinstance(draw, dict) or not draw.get("officers"):
        return
    drawn = set(draw["officers"])
    day = dt.date.fromisoformat(draw["date"]) if draw.get("date") else None
    for act in _acts(ctx, p.acts):
        if day and act.date < day:
            yield Hit(f"{act.date}的{act.kind.value}早于{day}的随机抽取", evidence=[_where(ctx, act)])
        certs = {o.certificate if (o := ctx.officers.lookup(r)) else r for r in act.officers}
        others = sorted(certs - drawn)
        if others:
            names = [f"{o.name}（{c}）" if (o := ctx.officers.lookup(c)) else c for c in others]
            yield Hit(f"{act.date}的{act.kind.value}由{'、'.join(names)}实施，不是随机抽取记录为该对象匹配的执法检查人员（{'、'.join(sorted(drawn))}）",
                      evidence=[_where(ctx, act, "officers")])
