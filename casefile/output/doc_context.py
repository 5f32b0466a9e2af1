"""The template variables: what a case states, as the standard documents print it.

``build_context`` turns a :class:`Case` (with its entered records, the workspace's
officer register and document settings) into the variables the templates use:
Chinese dates, amounts in figures and in 大写, citations, officer names, 你/你单位.
It states only what the case holds: a 笔录 whose content is not recorded gets
ruled lines in the template, never a stock answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from casefile.law.requirements import hearing_rights_due
from casefile.model import Act, ActKind, Case
from casefile.model.cn import cn_date
from casefile.output import records as rec
from casefile.output.act_documents import acts_context
from casefile.output.phrases import cites, handling_unit, measure_text, money_text, party_block, payment_text, review_first, you_of
from casefile.output.records import Records
from casefile.store.agency import OfficerRegister
from casefile.store.workspace import Workspace
from doc_templates import texts
from doc_templates.catalogue import load_catalogue

# the decisions that close a case (a penalty's, a licence's) carry the case's own number
CASE_NUMBERED = ("decision", "license_decision")

Names = Callable[[list[str]], str]


def _d(day: dt.date | None) -> str:
    return cn_date(day) if day else ""


def _first(case: Case, kind: ActKind) -> Act | None:
    acts = sorted(case.acts_of(kind), key=lambda a: a.date)
    return acts[0] if acts else None


def _act_date(case: Case, kind: ActKind) -> str:
    a = _first(case, kind)
    return _d(a.date) if a else ""


def _namer(reg: OfficerRegister) -> Names:
    """Officers' names from their certificate numbers (the number itself for one not in the register)."""

    def names(certs: list[str]) -> str:
        out = []
        for c in certs:
            o = reg.lookup(c)
            out.append(o.name if o else c)
        return "、".join(out)

    return names


def build_context(ws: Workspace, case: Case, today: dt.date) -> dict[str, Any]:
    """The template variables; ``today`` (the caller's clock) dates what is signed today."""
    region = ws.profile.region or ""
    records = rec.of_case(case.extra)
    you = you_of(case)
    reg = ws.officers()
    names = _namer(reg)
    ctx: dict[str, Any] = {
        **_heading(ws, case, records, you),
        **_investigation(case, records, names),
        **_measures(ws, case, records, you, region),
        **_statement_and_hearing(ws, case, records, names),
        **_review(ws, case, reg),
        **_closing(case, records, names),
        "retention": "长期",
        "today": _d(today),
        # filled by casefile.output.binding for 卷内目录 / 备考表 / 封面
        "volume": "",
        "toc_rows": [],
        "doc_count": 0,
        "page_total": "",
        "remarks_text": "",
    }
    # the 许可, 强制 and 检查 documents' own variables (casefile/output/act_documents.py)
    ctx.update(acts_context(ws, case, records, you=you, names=names, region=region,
                            decided_text=ctx["decided_text"], money=money_text))
    return ctx


def _heading(ws: Workspace, case: Case, records: Records, you: str) -> dict[str, Any]:
    """Who writes to whom about what: the agency, the party, the case's number, title and source,
    and the blanks the forms print where nothing is recorded."""
    profile = ws.profile
    docs = profile.documents
    own = (case.agency or profile.name) == profile.name
    source_act = _first(case, ActKind.SOURCE)
    return {
        "agency": case.agency or profile.name,
        "agency_phone": docs.phone if own else "",
        "agency_address": docs.address if own else "",
        "you": you,
        "doc_no": case.number,
        "case_no": case.number,
        "cover_title": case.case_type.declaration.cover_title or f"{case.case_type.value}案卷",
        "title": case.title,
        "cause": case.violation.cause,
        "source": case.source,
        "source_date": _d(source_act.date) if source_act else "",
        "source_note": source_act.note if source_act else "",
        "facts": case.violation.facts,
        "party": party_block(case),
        "records": records.model_dump(),
        "blank_lines": list(range(int(texts.get("blank")["lines"]))),
        "sign_line": texts.get("blank")["signature"],
    }


def _investigation(case: Case, records: Records, names: Names) -> dict[str, Any]:
    """The officers, the inspection, the inquiry, the seizure and the evidence gathered."""
    inspection = _first(case, ActKind.INSPECTION)
    inquiry = _first(case, ActKind.INQUIRY)
    seizure = _first(case, ActKind.SEIZURE)
    # the officers of the act a document records, else the case's handlers
    act_for_officers = inspection or inquiry or _first(case, ActKind.DECISION)
    officer_certs = (act_for_officers.officers if act_for_officers and act_for_officers.officers else case.handlers)
    evidence = [{"kind": e.kind, "name": e.name, "source": e.source, "date": _d(e.date)} for e in case.evidence]
    return {
        "interviewee": _interviewee(records, inquiry),
        "handler_names": names(case.handlers),
        "handler_certs": "、".join(case.handlers),
        "officer_names": names(officer_certs),
        "officer_certs": "、".join(officer_certs),
        "filed_date": _act_date(case, ActKind.FILING),
        "inspection_date": _d(inspection.date) if inspection else "",
        "inspection_place": inspection.place if inspection else "",
        # what was seen: the record, else the act's own note — never the later findings
        "inspection_text": records.inspection.observed or (inspection.note if inspection else ""),
        "recorded_text": "检查过程进行了全程音像记录。" if inspection and inspection.recorded else "",
        "inquiry_date": _d(inquiry.date) if inquiry else "",
        "inquiry_place": records.inquiry.place or (inquiry.place if inquiry else ""),
        "preservation_date": _act_date(case, ActKind.PRESERVATION),
        "seizure_date": _d(seizure.date) if seizure else "",
        "seizure_end": _d(seizure.end_date) if seizure and seizure.end_date else "",
        "seizure_reason": (seizure.note or case.violation.facts) if seizure else "",
        "items": [i.model_dump() for i in case.items],
        "evidence": evidence,
        "extracted_evidence": [e for e in evidence if not _own_record(e)],
        "evidence_text": "；".join(f"{i}．{e.name}" for i, e in enumerate(case.evidence, 1)) + ("。" if case.evidence else ""),
    }


def _interviewee(records: Records, inquiry: Act | None) -> str:
    """Who was asked: the 询问笔录's record, else the 询问 act's note without its role words."""
    interviewee = records.inquiry.interviewee
    if not interviewee and inquiry and inquiry.note:
        # 询问当事人法定代表人钱国栋 → 钱国栋: the act's note names who was asked
        interviewee = inquiry.note
        for w in ("询问", "当事人", "法定代表人", "委托代理人", "负责人", "经营者"):
            interviewee = interviewee.replace(w, "")
    return interviewee


def _own_record(e: dict[str, Any]) -> bool:
    """A 笔录 or report the agency made itself (texts.toml [evidence_extraction]): no one “provided” it."""
    t = texts.get("evidence_extraction")
    return e["kind"] in t["own_kinds"] or any(w in e["name"] for w in t["own_words"])


def _measures(ws: Workspace, case: Case, records: Records, you: str, region: str) -> dict[str, Any]:
    """What was violated, the measures proposed and decided with their basis, the discretion,
    the correction ordered, how to pay and the remedies."""
    circumstances = case.violation.circumstances
    fined = bool(case.payable("decided"))  # 罚没款 the party pays: the payment paragraph
    first = review_first(case)
    return {
        "violated_text": cites(case.violation.violated),
        "proposed": [{"text": measure_text(m)} for m in case.proposed],
        "proposed_text": "；".join(measure_text(m) for m in case.proposed),
        "proposed_basis_text": cites([b for m in case.proposed for b in m.basis]),
        "decided": [{"text": measure_text(m)} for m in case.decided],
        "decided_text": "；".join(measure_text(m) for m in case.decided),
        "decided_basis_text": cites([b for m in case.decided for b in m.basis]),
        "discretion_text": (f"鉴于当事人{'、'.join(circumstances)}，本机关在裁量时予以考虑。" if circumstances else ""),
        "discretion_reason": (records.decision.discretion.rstrip("。") + "。") if records.decision.discretion else "",
        "correction_text": (records.decision.correction.rstrip("。") or texts.get("correction")["text"].format(you=you)),
        "payment_text": payment_text(ws, case, you) if fined else "",
        "review_first": first,
        "review_organ": f"{region}人民政府" if region else "",
        "court": f"{region}人民法院" if region else "",
        # 复议前置 where a rule requires it (价格违法行为行政处罚规定§20): 60 days to 复议 first, then 15 days to court (行政诉讼法§45)
        "remedy_text": texts.get("remedy")["review_first" if first else "text"].format(
            you=you, review_organ=f"{region}人民政府", court=f"{region}人民法院") if region else "",
        "no_penalty_reason": case.extra.get("no_penalty_reason", "当事人" + "、".join(circumstances) if circumstances else ""),
    }


def _statement_and_hearing(ws: Workspace, case: Case, records: Records, names: Names) -> dict[str, Any]:
    """The notice, the party's statement and the agency's reply to it, the hearing."""
    statement = _first(case, ActKind.STATEMENT)
    waived = _first(case, ActKind.STATEMENT_WAIVED)
    hearing = _first(case, ActKind.HEARING)
    hearing_notice = _first(case, ActKind.HEARING_NOTICE)
    rights_due = hearing_rights_due(ws, case)
    said, review = _statement(records, statement)
    return {
        "procedure_text": _procedure_text(case, rights_due),
        "notice_date": _act_date(case, ActKind.NOTICE),
        "statement_deadline_text": "收到本告知书之日起五个工作日内",
        "hearing_rights_due": rights_due,
        "statement_date": _d(statement.date) if statement else "",
        "statement_text": said,
        "statement_review": review,
        "statement_summary": "；".join(filter(None, [
            "当事人放弃陈述、申辩" if waived else "",
            f"当事人于{_d(statement.date)}提出陈述申辩" if statement else "",
            f"{_d(hearing.date)}举行听证" if hearing else "",
        ])),
        "reply_text": _reply_text(records, statement, said, review),
        "hearing_notice_date": _d(hearing_notice.date) if hearing_notice else "",
        "hearing_date": _d(hearing.date) if hearing else (_d(hearing_notice.end_date) if hearing_notice and hearing_notice.end_date else ""),
        "hearing_place": hearing.place if hearing else (hearing_notice.place if hearing_notice else ""),
        "hearing_host": _hearing_host(hearing, names),
        "hearing_report_date": _d(hearing.date) if hearing else "",
    }


def _procedure_text(case: Case, rights_due: bool) -> str:
    """The decision's account of the procedure: the notice and the rights told, the party's
    statement or its waiver, the hearing, the review — each only as the acts record it."""
    hearing = _first(case, ActKind.HEARING)
    statement = _first(case, ActKind.STATEMENT)
    bits = []
    notice_served = _first(case, ActKind.NOTICE_SERVED) or _first(case, ActKind.NOTICE)
    if notice_served:
        heard = hearing or _first(case, ActKind.HEARING_NOTICE) or case.review.hearing_requested
        rights = "陈述、申辩、要求听证" if heard or rights_due else "陈述、申辩"
        bits.append(f"{_d(notice_served.date)}，本机关向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有{rights}的权利。")
    if _first(case, ActKind.STATEMENT_WAIVED):
        bits.append("当事人书面表示放弃陈述、申辩权利。")
    if statement:
        bits.append(f"当事人于{_d(statement.date)}提出了陈述、申辩意见。")
    if hearing:
        bits.append(f"应当事人申请，本机关于{_d(hearing.date)}依法举行了听证。")
    if _first(case, ActKind.LEGAL_REVIEW):
        bits.append("本案经法制审核" + ("、集体讨论。" if _first(case, ActKind.COLLECTIVE_DISCUSSION) else "。"))
    return "".join(bits)


def _statement(records: Records, statement: Act | None) -> tuple[str, str]:
    """What the party said and what the agency's review found: the record, else the act's note."""
    said, review = records.statement.text, records.statement.review
    if not said and statement and statement.note:
        # an act note often holds both: “当事人陈述……；经复核，……” — the party's words
        # and the agency's review are printed apart, never the review as the party's
        words, _, found = statement.note.partition("经复核")
        said = words.rstrip("；;，, ")
        review = review or (("经复核" + found) if found else "")
    return said, review


def _reply_text(records: Records, statement: Act | None, said: str, review: str) -> str:
    """The reply to the party's arguments: only what the party said and what the agency's
    review found, both as recorded; nothing when nothing is recorded."""
    rt = texts.get("reply")
    reply = []
    if statement and said:
        reply.append(rt["statement"].format(date=_d(statement.date), you="当事人", text=said.rstrip("。") + "。"))
    for st in records.hearing.statements:
        reply.append(rt["hearing"].format(speaker=st.speaker, text=st.text.rstrip("。") + "。"))
    answer = records.decision.review or review
    if reply and answer:
        reply.append(rt["review"].format(text=answer.removeprefix("经复核").lstrip("，,").rstrip("。") + "。"))
    return "".join(reply)


def _hearing_host(hearing: Act | None, names: Names) -> str:
    if not hearing:
        return ""
    if "主持人" in hearing.note:
        return hearing.note.split("；")[0].replace("听证主持人：", "")
    return names(hearing.officers[:1])


def _review(ws: Workspace, case: Case, reg: OfficerRegister) -> dict[str, Any]:
    """The submission for 法制审核, its conclusion and reviewer, the 集体讨论."""
    submit = _first(case, ActKind.SUBMIT_REVIEW)
    review_act = _first(case, ActKind.LEGAL_REVIEW)
    discussion = _first(case, ActKind.COLLECTIVE_DISCUSSION)
    reviewer = reg.lookup(case.review.reviewer) if case.review.reviewer else None
    return {
        "handling_unit": handling_unit(ws, case),
        "submit_date": _d(submit.date) if submit else "",
        # the conclusion as the 法制审核 act records it (“审核意见：同意”); the review workflow passes its own
        "review_conclusion": (review_act.note.split("：", 1)[-1].strip("。") if review_act and review_act.note else ""),
        "review_problems": [],
        "review_date": _d(review_act.date) if review_act else "",
        "review_summary": review_act.note if review_act else "",
        "reviewer_name": reviewer.name if reviewer else "",
        "discussion_date": _d(discussion.date) if discussion else "",
        "discussion_note": discussion.note if discussion else "",
    }


def _closing(case: Case, records: Records, names: Names) -> dict[str, Any]:
    """The decision's date and place, its service, execution, referral, closing and archiving."""
    inspection = _first(case, ActKind.INSPECTION)
    decision = _first(case, ActKind.DECISION)
    referral = _first(case, ActKind.REFERRAL)
    executed = [f"当事人已于{_d(a.date)}缴清罚没款" for a in case.acts_of(ActKind.PAYMENT)]
    executed += [f"{_d(a.date)}执行：{a.note}" for a in case.acts_of(ActKind.EXECUTION)]
    return {
        "decision_date": _act_date(case, ActKind.DECISION),
        # where the decision was made (行政处罚法§52 for a 当场 decision): the act's place, else the inspection's
        "decision_place": (decision.place if decision else "") or (inspection.place if inspection else ""),
        "closing_date": _act_date(case, ActKind.CLOSING),
        "archive_date": _act_date(case, ActKind.ARCHIVING),
        "execution_text": "；".join(executed),
        "investigation_end_date": _act_date(case, ActKind.INVESTIGATION_END),
        "referral_date": _d(referral.date) if referral else "",
        "referral_target": (referral.note if referral else ""),
        "service_rows": _service_rows(case, records, names),
    }


def _service_rows(case: Case, records: Records, names: Names) -> list[dict[str, Any]]:
    """The 送达回证's rows: each document served, with its number, date, method, officers and place."""
    served_titles = {ActKind.SERVICE: "行政处罚决定书", ActKind.NOTICE_SERVED: "行政处罚告知书", ActKind.HEARING_NOTICE: "听证通知书"}
    if case.case_type.value == "行政许可":
        # a licence case serves the decision it made (准予 or 不予), never a penalty decision
        served_titles[ActKind.SERVICE] = "不予行政许可决定书" if case.acts_of(ActKind.REFUSAL) else "准予行政许可决定书"
    elif case.case_type.value != "行政处罚":
        served_titles.pop(ActKind.SERVICE)  # served what? only the act's own document says
    cat = load_catalogue()
    rows = []
    for a in sorted(case.acts, key=lambda a: a.date):
        own = cat.get(a.document) if a.document and a.kind == ActKind.SERVICE else None
        if a.kind not in served_titles and not own:
            continue
        number = {ActKind.SERVICE: case.number, ActKind.NOTICE_SERVED: records.numbers.get("penalty_notice", ""),
                  ActKind.HEARING_NOTICE: records.numbers.get("hearing_notice", "")}[a.kind]
        if own:
            number = case.number if own.exclusive in CASE_NUMBERED else records.numbers.get(own.code, "")
        rows.append({"title": own.name if own else served_titles[a.kind], "doc_no": number,
                     "date": _d(a.date), "method": a.method.value if a.method else "", "officers": names(a.officers),
                     "place": a.place})
    return rows
