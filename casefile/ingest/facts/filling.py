"""The case's empty facts filled from its dossier (案由, sector, land and area, amounts, the legal review
written into another paper, the decision's fine, the party's identifier, the officers of an inspection,
a referral). Nothing is overwritten."""

from __future__ import annotations

import re
from decimal import Decimal

from casefile.ingest.facts.dossier import DossierFacts
from casefile.ingest.facts.fact import data, parse_date
from casefile.ingest.facts.land import area_mu

_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}[日号]")


def apply(case, df: DossierFacts) -> list[str]:
    """Fill the case's empty facts from the dossier; what was filled, by field name. Nothing is overwritten."""
    from casefile.model import Act, ActKind, Measure

    filled: list[str] = []
    v = case.violation
    if not case.sector:
        sector, _why = df.sector(case.agency)
        if sector:
            case.sector = sector
            filled.append("sector")
    if case.case_type.value not in data().get("violation_case_types", [case.case_type.value]):
        return filled + _party_and_officers(case, df)
    if not v.cause:
        labelled = [f for t, f in df.all("cause") if "：" in f.text or ":" in f.text]
        f = labelled[0] if labelled else df.first("cause")
        if f:
            v.cause = f.value
            filled.append("violation.cause")
    land = df.land()
    if land and v.area_m2 is None:
        total = land["total"]
        v.area_m2 = Decimal(total.value["m2"])
        filled.append("violation.area_m2")
        kinds = land["kinds"]
        # the most protected land kind decides the referral threshold (刑法第三百四十二条)
        order = [k["kind"] for k in data()["land_kinds"]]
        present = sorted(kinds, key=order.index) if kinds else []
        if present and not v.land_type:
            k = present[0]
            v.land_type = k
            v.area_mu = area_mu(Decimal(kinds[k].value["m2"]))
            filled += ["violation.land_type", "violation.area_mu"]
        elif v.area_mu is None:
            v.area_mu = area_mu(v.area_m2)
            filled.append("violation.area_mu")
    for key in ("goods_value", "sales_amount", "illegal_income"):
        if getattr(v, key) is None:
            f = df.first(key)
            if f is not None:
                setattr(v, key, Decimal(f.value))
                filled.append(f"violation.{key}")
    if not case.acts_of(ActKind.LEGAL_REVIEW):
        # a legal-review opinion written into another paper (调查终结报告, 审批表), dated by its signature
        for t, f in df.all("legal_review"):
            m = _DATE.search(f.text)
            if t != "legal_review_opinion" and f.value == "同意" and m and (d := parse_date(m.group(0))):
                case.acts.append(Act(kind=ActKind.LEGAL_REVIEW, date=d, note=f"据《{f.title}》中的法制审核意见"))
                filled.append("acts（法制审核）")
                break
    if not case.decided:
        # the decision's fine, written in words the header reader does not know (罚款共计…)
        f = df.first("measure:fine", ["decision"])
        if f is not None:
            case.decided = [Measure(kind="罚款", amount=Decimal(f.value), note="从决定书中抽取")]
            filled.append("decided")
    filled += _party_and_officers(case, df)
    if not case.review.referred and not case.acts_of(ActKind.REFERRAL):
        # a 移送书 on file, or a document saying the case was handed to the police
        if df.first("referred") is not None or any(t == "referral_letter" for _, t, _, _ in df.docs):
            case.review.referred = True
            filled.append("review.referred")
    return filled


def _party_and_officers(case, df: DossierFacts) -> list[str]:
    """The party's identifier and the officers of an inspection or inquiry, read for a case of any type."""
    from casefile.model import ActKind, PartyKind

    filled: list[str] = []
    p = case.parties[0] if case.parties else None
    if p is not None and not p.id_number:
        kind = "id_card" if p.kind == PartyKind.NATURAL else "uscc"
        f = df.first(kind)
        if f is not None:
            p.id_number = f.value["number"]
            filled.append("parties[1].id_number")
    # the officers of an inspection or inquiry: every certificate its record names (a list behind one label too)
    for kind, code in ((ActKind.INSPECTION, "onsite_record"), (ActKind.INQUIRY, "inquiry_record")):
        acts = case.acts_of(kind)
        record = next((fs for _, t, _, fs in df.docs if t == code), None)
        if acts and record is not None:
            certs = list(dict.fromkeys(f.value["certificate"] for f in record if f.key == "officer"))
            # officers known by name only (the label read without certificates) give way to the record's certificates
            by_name = acts[0].officers and not any(c.isdigit() for o in acts[0].officers for c in o)
            if set(acts[0].officers) < set(certs) or (by_name and len(certs) >= len(acts[0].officers)):
                acts[0].officers = list(dict.fromkeys(([] if by_name else acts[0].officers) + certs))
                filled.append(f"acts（{kind.value}的执法人员）")
    return filled
