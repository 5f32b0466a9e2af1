"""Checks on the facts of the whole imported dossier (casefile.ingest.facts): documents that disagree,
identifiers with a wrong check digit, per-area land fines and land referral thresholds.
Registered in the same predicate table as checklists/predicates.py; every hit quotes the
documents it rests on."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Iterator

from casefile.ingest import facts
from casefile.ingest.facts import DossierFacts, Fact, area_mu
from casefile.model import ActKind
from checklists.context import CheckContext, Hit
from checklists.decision_versions import act_days
from checklists.predicates import _dossier_facts
from checklists.referral_time import time_barred
from checklists.registry import predicate

_ID_NAMES = {"uscc": "统一社会信用代码", "id_card": "身份证号码"}


def dossier_facts(ctx: CheckContext) -> DossierFacts:
    return _dossier_facts(ctx)  # one read per check, shared with the documents rules


def _doc(f: Fact) -> str:
    return f"《{f.title}》"


def _where(*fs: Fact) -> list[dict[str, Any]]:
    return [f.where() for f in fs]


@predicate
def dossier_facts_agree(ctx: CheckContext) -> Iterator[Hit]:
    """Party, code, address, amounts and area are stated alike in every document that states them.

    One finding per pair of values, naming every document on each side; a party name or code that
    F02 (parties_agree) already reports against the case is not reported again."""
    groups: dict[tuple[str, str, str], dict[str, list[Fact]]] = {}
    for d in dossier_facts(ctx).disagreements():
        a, b = d["a"], d["b"]
        if _reported_by_f02(ctx, d["what"], a, b):
            continue
        va, vb = sorted((_show(a), _show(b)))
        g = groups.setdefault((d["what"], va, vb), {va: [], vb: []})
        for f in (a, b):
            if all(x.doc != f.doc for x in g[_show(f)]):
                g[_show(f)].append(f)
    for (what, va, vb), sides in groups.items():
        fa, fb = sides[va], sides[vb]
        yield Hit(f"{'、'.join(_doc(f) for f in fa)}中的{what}为“{va}”，{'、'.join(_doc(f) for f in fb)}中为“{vb}”",
                  [f.doc for f in fa + fb], _where(*(fa + fb)))


def _reported_by_f02(ctx: CheckContext, what: str, a: Fact, b: Fact) -> bool:
    """F02 compares each document's header fields with the case's party: the same disagreement, once."""
    p = ctx.case.party
    if p is None or what not in ("当事人", "统一社会信用代码"):
        return False
    case_value = p.name if what == "当事人" else p.id_number.upper()
    key = "party" if what == "当事人" else "uscc"
    for mine, other in ((a, b), (b, a)):
        if _show(mine) != case_value:
            continue
        rec = next((r for r in ctx.register.documents if r.file == other.doc), None)
        x = ctx.extraction(rec) if rec else None
        if x is not None and x.fields.get(key) == _show(other):
            return True
    return False


def _show(f: Fact) -> str:
    if f.key == "land":
        m2 = Decimal(f.value["m2"])
        return f"{m2.normalize():f}平方米（{area_mu(m2).normalize():f}亩）"
    if f.key == "filing_date":
        y, m, d = f.value.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    if isinstance(f.value, dict) and "number" in f.value:
        return f.value["number"]
    return str(f.value)


@predicate
def identifiers_valid(ctx: CheckContext) -> Iterator[Hit]:
    """统一社会信用代码 (GB 32100) and 身份证号码 (GB 11643): a wrong check digit is an error of fact;
    a masked number (published copies) is not."""
    seen = set()
    df = dossier_facts(ctx)
    legal_person = bool(df.all("uscc"))
    for t, f in df.all("uscc") + df.all("id_card"):
        status, number = f.value["status"], f.value["number"]
        if status in ("正确", "已隐去") or (number, status) in seen:
            continue
        if f.key == "id_card" and (legal_person or t in facts.RECORDS):
            continue  # the number of a representative or an interviewee, not the party's own
        seen.add((number, status))
        yield Hit(f"{_doc(f)}中当事人的{_ID_NAMES[f.key]}“{number}”{status}", [f.doc], _where(f))


def _decided_fine(ctx: CheckContext) -> Decimal | None:
    ms = ctx.case.decided or ctx.case.proposed
    fines = [m.amount for m in ms if m.kind == "罚款" and m.amount is not None]
    return sum(fines, Decimal(0)) if fines else None


def _area_bands(ctx: CheckContext) -> list[dict[str, Any]]:
    """The per-m² bands of the penalty provisions the decision cites (土地管理法实施条例第五十七条 etc.), for each day
    the act may be judged on (checklists/decision_versions.py: the act's end or start, and the decision's day)."""
    ms = ctx.case.decided or ctx.case.proposed
    basis = [(b.law.removeprefix("中华人民共和国"), b.article) for m in ms for b in m.basis]
    if not basis:
        # the fine's provision not read apart (根据…的规定, not 依据): what the decision cites
        for rec in ctx.docs_of("decision"):
            x = ctx.extraction(rec)
            basis += [(c["law"].removeprefix("中华人民共和国"), c.get("article")) for c in (x.citations if x else []) if c.get("article")]
    days = _act_days(ctx)
    bands = [b for b in ctx.profile.get("discretion", []) if b.get("per") == "area_m2" and any(_in_force_for(b, d) for d in days)]
    return [band for band in bands if (band["law"].removeprefix("中华人民共和国"), band["article"]) in basis]


def _act_days(ctx: CheckContext) -> list[dt.date | None]:
    """The days the act may be judged on: the act's end (or start) as the case or the decision states it, and the
    day of the decision (a lighter new rule applies then)."""
    decided = ctx.case.first_date(ActKind.DECISION)
    for rec in ctx.docs_of("decision"):
        return act_days(ctx, ctx.text_of(rec), decided)
    acted = ctx.case.violation.occurred_to or ctx.case.violation.occurred_from
    return [d for d in (acted, decided) if d] or [None]


def _in_force_for(band: dict[str, Any], acted: dt.date | None) -> bool:
    """A band bounded to acts of some dates (the 条例 version in force then): unknown act date → today's."""
    if acted is None:
        return "acts_until" not in band
    return str(band.get("acts_from", "0000")) <= acted.isoformat() <= str(band.get("acts_until", "9999"))


def _outside(rate: Decimal, bands: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The band a per-m² rate breaks when it is outside every band that may apply (None when one admits it)."""
    out = [b for b in bands if rate < Decimal(str(b.get("min", 0))) or (b.get("max") and rate > Decimal(str(b["max"])))]
    return out[0] if len(out) == len(bands) and out else None


@predicate
def land_fine_per_area(ctx: CheckContext) -> Iterator[Hit]:
    """土地管理法实施条例第五十七条: 非法占用土地的罚款为每平方米100元以上1000元以下 (profile bands); an act the
    2014 条例 governs: 30元以下 (第四十二条). Reported when outside every band the act's possible days allow."""
    fine = _decided_fine(ctx)
    bands = _area_bands(ctx)
    if fine is None or not bands:
        return
    df = dossier_facts(ctx)
    land = df.land()
    rate_fact = df.first("fine_rate_m2", ["decision"])
    if land:
        total: Fact = land["total"]
        m2 = Decimal(total.value["m2"])
        if m2 <= 0:
            return
        rate = (fine / m2).quantize(Decimal("0.01"))
        if band := _outside(rate, bands):
            yield Hit(f"罚款{fine}元，按占地面积{m2.normalize():f}平方米计每平方米{rate.normalize():f}元，不在《{band['law']}》第{band['article']}条"
                      f"规定的每平方米{band.get('min', 0)}～{band.get('max', 0)}元之内", [total.doc], _where(total))
            return
    if rate_fact is not None:
        rate = Decimal(rate_fact.value)
        if band := _outside(rate, bands):
            yield Hit(f"决定书按每平方米{rate.normalize():f}元计罚，不在《{band['law']}》第{band['article']}条规定的每平方米{band.get('min', 0)}～{band.get('max', 0)}元之内",
                      [rate_fact.doc], _where(rate_fact))


def land_reaches(ctx: CheckContext, threshold: dict[str, Any]) -> bool:
    """The documents state an area of the threshold's land type that reaches it (R03 reports it then:
    R01 leaves that threshold to it — one area, one finding)."""
    land = dossier_facts(ctx).land()
    f = land["kinds"].get(threshold.get("land_type", "")) if land else None
    return f is not None and area_mu(Decimal(f.value["m2"])) >= Decimal(str(threshold["min"]))


@predicate
def land_referral(ctx: CheckContext) -> Iterator[Hit]:
    """刑法第三百四十二条 and its 司法解释: land occupied above the threshold of its kind must be referred."""
    c = ctx.case
    if c.review.referred or c.acts_of(ActKind.REFERRAL):
        return
    land = dossier_facts(ctx).land()
    if not land:
        return
    for t in ctx.profile.get("referral", []):
        if t.get("field") != "area_mu" or not t.get("land_type") or time_barred(ctx, t):
            continue
        f = land["kinds"].get(t["land_type"])
        if f is None:
            continue
        mu = area_mu(Decimal(f.value["m2"]))
        if mu >= Decimal(str(t["min"])):
            yield Hit(f"{_doc(f)}记载占用{t['land_type']}{Decimal(f.value['m2']).normalize():f}平方米（{mu.normalize():f}亩），达到{t['name']}的追诉标准"
                      f"（{t['min']}亩），卷中没有移送司法机关的记录", [f.doc], _where(f))
