"""How the documents word a case's values: money in figures and 大写, measures, citations, the
party's block, 你/你单位, the 承办机构, how to pay, and whether the remedies put 复议 first."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from casefile.model import Case, LawRef, Measure, PartyKind
from casefile.model.cn import money_upper
from casefile.store.workspace import Workspace
from doc_templates import texts


def money_text(amount: Decimal) -> str:
    return f"人民币{amount.quantize(Decimal('0.01'))}元（{money_upper(amount)}）"


def measure_text(m: Measure) -> str:
    if m.amount is not None and m.kind == "罚款":
        s = f"罚款{money_text(m.amount)}"
    elif m.amount is not None:
        s = f"{m.kind}{money_text(m.amount)}"
    else:
        s = m.kind
    if m.note and m.amount is None:
        s += f"（{m.note}）"
    return s


def cites(refs: list[LawRef]) -> str:
    seen: list[str] = []
    for r in refs:
        c = r.cite()
        if c not in seen:
            seen.append(c)
    return "、".join(seen)


def party_block(case: Case) -> dict[str, Any]:
    p = case.party
    if p is None:
        return {"name": "", "address": "", "id_number": "", "id_label": "证件号码", "representative": "", "rep_label": "法定代表人", "address_label": "住所"}
    natural = p.kind == PartyKind.NATURAL
    return {
        "name": p.name,
        "kind": p.kind.value,
        "id_number": p.id_number,
        "id_label": "身份证号码" if natural else "统一社会信用代码",
        "address": p.address,
        "address_label": "住址" if natural else "住所",
        "representative": p.representative,
        "rep_label": {PartyKind.INDIVIDUAL_BUSINESS: "经营者", PartyKind.ORG: "负责人"}.get(p.kind, "法定代表人"),
        "phone": p.phone,
    }


def you_of(case: Case) -> str:
    """你 to a natural person, 你单位 to any other party (texts.toml [you])."""
    t = texts.get("you")
    return t["natural"] if case.party and case.party.kind == PartyKind.NATURAL else t["other"]


def handling_unit(ws: Workspace, case: Case) -> str:
    """The 承办机构: the handlers' unit when the officer register names one below the
    agency, else the workspace setting for the workspace's own agency ('' if neither)."""
    agency = case.agency or ws.profile.name
    reg = ws.officers()
    for c in case.handlers:
        o = reg.lookup(c)
        if o and o.unit and o.unit != agency and o.unit.startswith(agency):
            return o.unit
    unit = ws.profile.documents.handling_unit
    return unit if unit and agency == ws.profile.name else ""


def payment_text(ws: Workspace, case: Case, you: str) -> str:
    """履行方式和期限, from the workspace's payment settings ('' when they are not set:
    the decision then reports what is missing rather than print “指定银行”)."""
    d = ws.profile.documents
    if not (d.payment_bank and d.payment_account):
        return ""
    t = texts.get("payment")
    place = t["place"].format(place=d.payment_place) if d.payment_place else ""
    return t["text"].format(you=you, bank=d.payment_bank, account_name=d.payment_account_name or "—",
                            account=d.payment_account, place=place)


def review_first(case) -> bool:
    """A rule requires 复议 before suit for this case (casefile/data/laws/remedies.toml: 价格违法行为行政处罚规定
    第二十条 for price penalties): the remedies sentence of the decision then says so."""
    import tomllib
    from importlib import resources

    with open(str(resources.files("casefile") / "data" / "laws" / "remedies.toml"), "rb") as f:
        rules = tomllib.load(f).get("review_first", [])
    laws = {r.law for r in case.violation.violated} | {b.law for m in [*case.decided, *case.proposed] for b in m.basis}
    return any(laws & set(rule["laws"]) for rule in rules)
