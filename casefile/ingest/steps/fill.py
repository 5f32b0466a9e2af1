"""The fill-facts step: the case's empty facts filled from what the stored documents say — 文号, agency,
the party, the provisions violated, the dated acts, the decision's measures and amounts, and the facts
of the whole dossier (casefile.ingest.facts). Nothing is overwritten: a different value is reported as a
conflict. Without ``fill_decision`` what a decision would fill (its date, measures, 文号, the move to
已决定) is set back: the person was shown those facts and declined them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from casefile.ingest import doc_acts, import_records
from casefile.ingest import facts as dossier_facts
from casefile.ingest.extract import DECISION_TYPES as DECISIONS, Extraction
from casefile.ingest.limits import disk_full_message, is_disk_full
from casefile.ingest.steps.state import ImportRun
from casefile.model import DECIDING_ACTS, Act, ActKind, Case, CaseState, CaseType, LawRef, Measure, Party, PartyKind
from casefile.model.ids import valid_id_card, valid_uscc
from doc_templates.catalogue import load_catalogue



def fill_facts(run: ImportRun) -> None:
    if not run.stored:
        return
    ws, result = run.ws, run.result
    with ws.case_lock(run.case.id):  # read, fill and write back the facts as one step
        case = ws.load_case(run.case.id)
        before = case.model_copy(deep=True)
        filled, conflicts = facts_from(case, [i.x for i in run.stored], texts=[(i.path.name, i.text_pages) for i in run.stored])
        if not run.options.fill_decision:
            filled = _without_decision(case, before, filled)
        result.facts_filled, result.conflicts = filled, conflicts
        if not filled:
            return
        try:
            ws.save_case(case, act="导入文书补充案件事实", stage="调查")
            import_records.facts_changed(run.case_dir, run.record, before, case, filled)
        except OSError as e:
            if not is_disk_full(e):
                raise
            result.facts_filled = []
            result.errors.append({"file": "", "error": f"案件事实未能补充：{disk_full_message(run.case_dir)}（文书已导入，腾出空间后可重新导入补充）"})


def _without_decision(case: Case, before: Case, filled: list[str]) -> list[str]:
    """Set back what a decision document filled — its date, measures, 文号 and the move to 已决定."""
    case.state, case.decided, case.number = before.state, before.decided, before.number
    had = {(a.kind, a.date) for a in before.acts}
    case.acts = [a for a in case.acts if a.kind != ActKind.DECISION or (a.kind, a.date) in had]
    return [f for f in filled if f not in ("state", "decided", "number")]


class _Filled:
    """What was filled, by field name, and every disagreement with what the case holds."""

    def __init__(self) -> None:
        self.filled: list[str] = []
        self.conflicts: list[dict[str, Any]] = []

    def put(self, name: str, obj: Any, attr: str, new: Any, source: str) -> None:
        current = getattr(obj, attr)
        if new in (None, "", []):
            return
        if current in (None, "", []):
            setattr(obj, attr, new)
            self.filled.append(name)
        elif str(current) != str(new):
            self.conflicts.append({"field": name, "present": _s(current), "extracted": _s(new), "document": source})


def facts_from(case: Case, xs: list[Extraction], texts: list[tuple[str, list[str]]] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Fill empty facts from the extractions; (what was filled, every disagreement); overwrite nothing.

    ``texts`` (file name, pages) of the same documents, in the same order, let the facts of the
    whole dossier be read too (案由, sector, land and area, amounts: casefile.ingest.facts)."""
    out = _Filled()
    order = sorted(xs, key=lambda x: (x.doc_type != "decision", x.doc_type == "unknown"))
    for x in order:
        _header_facts(case, x, out)
    added = _acts(case, order, xs, texts, out.filled)
    if added:
        out.filled.append(f"acts（{added}项）")
    if case.state == CaseState.OPENED and any(case.acts_of(k) for k in DECIDING_ACTS):
        case.state = CaseState.DECIDED  # the documents show a decision: the case is past investigation
        out.filled.append("state")
    for x in order:
        _decided(case, x, out.filled)
    if texts:
        df = dossier_facts.from_texts((name, x.doc_type, _title_of(x.doc_type, name), pages) for (name, pages), x in zip(texts, xs))
        out.filled += dossier_facts.apply(case, df)
    return out.filled, out.conflicts


def _header_facts(case: Case, x: Extraction, out: _Filled) -> None:
    """文号 (of a decision), agency, the party and the provisions a decision says were violated."""
    src = x.doc_type
    out.put("number", case, "number", x.fields.get("doc_no") if x.doc_type in DECISIONS else None, src)
    out.put("agency", case, "agency", x.fields.get("agency"), src)
    p = party_from(x)
    if p and not case.parties:
        case.parties = [p]
        out.filled.append("parties[1]")
    elif p:
        cur = case.parties[0]
        for attr in ("name", "id_number", "address"):
            out.put(f"parties[1].{attr}", cur, attr, getattr(p, attr), src)
    laws = [c for c in x.citations if c.get("article")]
    if x.doc_type in DECISIONS and laws and not case.violation.violated:
        refs = _law_refs(laws, (ValueError,))
        if refs:
            case.violation.violated = refs
            out.filled.append("violation.violated")


def _acts(case: Case, order: list[Extraction], xs: list[Extraction], texts: list[tuple[str, list[str]]] | None,
          filled: list[str]) -> int:
    """The dated acts: first from the documents that record them (a 现场笔录 is the inspection, with its
    officers), then from a penalty decision's narrative for kinds still missing, then from the papers of
    the other types (casefile.ingest.doc_acts). How many were added."""
    have = {(a.kind, a.date) for a in case.acts}
    added = 0

    def add(act: Act) -> None:
        nonlocal added
        case.acts.append(act)
        have.add((act.kind, act.date))
        added += 1

    for x in order:
        # the date under a decision's seal is the decision's date, whatever its narrative mentions
        # (not a date the text states elsewhere when the seal is undated: date_source "text")
        if x.doc_type in DECISIONS and x.fields.get("date") and not x.fields.get("date_source") and not case.acts_of(ActKind.DECISION):
            add(Act(kind=ActKind.DECISION, date=dt.date.fromisoformat(x.fields["date"]), note="决定书落款日期"))
        act = _act_of_document(x)
        if act and (act.kind, act.date) not in have and not case.acts_of(act.kind):
            add(act)
    for x in order if case.case_type is CaseType.PENALTY else []:
        for ev in x.events:
            kind = _EVENT_ACT.get(ev.act)
            if kind is None or (kind == ActKind.DECISION and x.doc_type in DECISIONS):
                continue  # a decision's own date is the one under its seal, never a date of its narrative
            day = dt.date.fromisoformat(ev.date)
            if (kind, day) not in have and not case.acts_of(kind):
                add(Act(kind=kind, date=day, note=ev.text[:60]))
    if texts:
        more, extra = doc_acts.acts_from(case, [(x.doc_type, "\n".join(pages)) for (_, pages), x in zip(texts, xs)])
        added += more
        filled += extra
    return added


def _decided(case: Case, x: Extraction, filled: list[str]) -> None:
    """A decision's measures (each with the provisions it rests on) or its fine, when the case has none;
    the amounts the document states."""
    if x.doc_type in DECISIONS and not case.decided and x.fields.get("measures"):
        ms = []
        for m in x.fields["measures"]:
            basis = _law_refs(m.get("basis", []), (ValueError, TypeError))
            try:
                ms.append(Measure(kind=m["kind"], amount=Decimal(m["amount"]) if m.get("amount") else None, basis=basis, note="从决定书中抽取"))
            except ValueError:
                continue
        if ms:
            case.decided = ms
            filled.append("decided")
    if x.doc_type in ("decision", "summary_decision") and not case.decided and x.fields.get("fine"):
        basis = _law_refs(x.fields.get("penalty_basis", []), (ValueError, TypeError))
        case.decided = [Measure(kind="罚款", amount=Decimal(x.fields["fine"]), basis=basis, note="从决定书中抽取")]
        filled.append("decided")
    for key in ("sales_amount", "goods_value", "illegal_income"):
        if x.fields.get(key) and getattr(case.violation, key) is None:
            setattr(case.violation, key, Decimal(x.fields[key]))
            filled.append(f"violation.{key}")


def _law_refs(citations: list[dict[str, Any]], skip: tuple[type[Exception], ...]) -> list[LawRef]:
    """The citations as provisions; one that is no provision (no article, a bad number) is left out."""
    refs = []
    for c in citations:
        try:
            refs.append(LawRef(law=c["law"], article=c["article"], paragraph=c.get("paragraph"), item=c.get("item")))
        except skip:
            continue
    return refs


def party_from(x: Extraction) -> Party | None:
    """The party a document names, of the kind its code or its name shows."""
    name = x.fields.get("party")
    if not name:
        return None
    uscc = x.fields.get("uscc", "")
    idc = x.fields.get("id_card", "")
    if uscc and valid_uscc(uscc):
        kind = PartyKind.INDIVIDUAL_BUSINESS if uscc.startswith("92") else PartyKind.LEGAL
        id_number = uscc
    elif any(w in name for w in ("公司", "厂", "店", "部", "中心", "合作社", "医院", "诊所", "馆", "行", "社")):
        kind, id_number = PartyKind.LEGAL, uscc
    else:
        kind, id_number = PartyKind.NATURAL, idc if idc and ("*" in idc or valid_id_card(idc)) else ""
    return Party(kind=kind, name=name, id_number=id_number, address=x.fields.get("address", ""))


_EVENT_ACT = {
    "立案": ActKind.FILING, "现场检查": ActKind.INSPECTION, "告知书送达": ActKind.NOTICE_SERVED, "陈述申辩": ActKind.STATEMENT,
    "放弃陈述申辩": ActKind.STATEMENT_WAIVED, "听证": ActKind.HEARING, "法制审核": ActKind.LEGAL_REVIEW, "决定": ActKind.DECISION,
    "送达": ActKind.SERVICE,
}
_DOC_ACT = {
    "filing_approval": (ActKind.FILING, "last"), "onsite_record": (ActKind.INSPECTION, "first"),
    "inquiry_record": (ActKind.INQUIRY, "first"), "hearing_notice": (ActKind.HEARING_NOTICE, "last"),
    "hearing_record": (ActKind.HEARING, "first"), "legal_review_opinion": (ActKind.LEGAL_REVIEW, "last"),
    "penalty_notice": (ActKind.NOTICE, "last"), "statement_record": (ActKind.STATEMENT, "last"),
    "collective_discussion": (ActKind.COLLECTIVE_DISCUSSION, "first"),
}


def _act_of_document(x: Extraction) -> Act | None:
    """The act a paper records (a 现场笔录 the inspection, a 送达回证 the service), dated by the paper."""
    dates = [dt.date.fromisoformat(e.value) for e in x.of("DATE")]
    if not dates:
        return None
    certs = list(dict.fromkeys(e.value for e in x.of("CERT")))
    if x.doc_type == "service_receipt":
        served = x.fields.get("served_doc", "")
        kind = ActKind.SERVICE if "决定书" in served else ActKind.NOTICE_SERVED if "告知书" in served else None
        return Act(kind=kind, date=dates[-1], officers=certs, note=f"送达回证：{served}") if kind else None
    spec = _DOC_ACT.get(x.doc_type)
    if spec is None:
        return None
    kind, which = spec
    return Act(kind=kind, date=dates[0] if which == "first" else dates[-1], officers=certs if kind in (ActKind.INSPECTION, ActKind.INQUIRY) else [],
               note=f"据导入的《{_title_of(x.doc_type, x.doc_type)}》")


def _title_of(code: str, fallback: str) -> str:
    t = load_catalogue().get(code)
    return t.name if t else Path(fallback).stem


def _s(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v
