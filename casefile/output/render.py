"""Filling the standard document templates from the case facts.

``build_context`` turns a :class:`Case` (with its entered records, the workspace's
officer register and document settings) into the variables the templates use:
Chinese dates, amounts in figures and in 大写, citations, officer names, 你/你单位.
It states only what the case holds: a 笔录 whose content is not recorded gets
ruled lines in the template, never a stock answer. ``render_document`` refuses a
type that contradicts the case (``casefile.law.requirements.refusal``), checks that
every field the catalogue declares for the type has a value — a document with
silent blanks is worse than none — renders it with docxtpl and stores it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from casefile.store import documents

from casefile.law import legal_limits, profiles
from casefile.output import records as rec
from casefile.output.act_documents import acts_context
from casefile.model.cn import cn_date, money_upper
from casefile.errors import DocumentError, UsageError
from casefile.chain.journal import STAGES
from casefile.model import Act, ActKind, Case, LawRef, Measure, PartyKind
from casefile.model.names import safe_name
from casefile.output.records import Records
from casefile.law.requirements import hearing_rights_due, refusal
from casefile.store.workspace import Workspace, stage_of_state, with_case_lock
from doc_templates import texts
from doc_templates.catalogue import FORMS, DocType, load_catalogue

# the forms about a volume (封面, 卷内目录, 备考表): made from the dossier, one of each per volume
VOLUME_FORMS = ("cover", "toc", "remarks")


def _d(day: dt.date | None) -> str:
    return cn_date(day) if day else ""


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


def _party(case: Case) -> dict[str, Any]:
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


def _first(case: Case, kind: ActKind) -> Act | None:
    acts = sorted(case.acts_of(kind), key=lambda a: a.date)
    return acts[0] if acts else None


def _you(case: Case) -> str:
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


# the decisions that close a case (a penalty's, a licence's) carry the case's own number
CASE_NUMBERED = ("decision", "license_decision")


def doc_number(ws: Workspace, case: Case, dtype: DocType, records: Records, day: dt.date | None) -> str:
    """The document's own 文号. The decisions carry the case's number; another numbered
    type carries the number recorded for it, else its series with the serial left
    blank for the 发文登记 to fill — never the decision's number."""
    if dtype.exclusive in CASE_NUMBERED:
        return case.number
    if records.numbers.get(dtype.code):
        return records.numbers[dtype.code]
    words = {**texts.get("numbering"), **ws.profile.documents.numbering}
    word = words.get(dtype.code)
    short = ws.profile.short_name_of(case.agency or ws.profile.name)
    base = day or case.first_date(ActKind.FILING)
    year = str(base.year) if base else "　　　　"  # no date on file: the year is written by hand too
    if not word or not short:
        # an agency the workspace does not name, or no series: the whole 字 is left to fill by hand
        return f"　　　　〔{year}〕　　　号"
    return f"{short}{word}〔{year}〕　　　号"


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


def build_context(ws: Workspace, case: Case, today: dt.date) -> dict[str, Any]:
    """The template variables; ``today`` (the caller's clock) dates what is signed today."""
    reg = ws.officers()
    profile = ws.profile
    region = profile.region or ""
    records = rec.of_case(case.extra)
    you = _you(case)

    def names(certs: list[str]) -> str:
        out = []
        for c in certs:
            o = reg.lookup(c)
            out.append(o.name if o else c)
        return "、".join(out)

    def act_date(kind: ActKind) -> str:
        a = _first(case, kind)
        return _d(a.date) if a else ""

    inspection = _first(case, ActKind.INSPECTION)
    inquiry = _first(case, ActKind.INQUIRY)
    seizure = _first(case, ActKind.SEIZURE)
    hearing = _first(case, ActKind.HEARING)
    hearing_notice = _first(case, ActKind.HEARING_NOTICE)
    statement = _first(case, ActKind.STATEMENT)
    waived = _first(case, ActKind.STATEMENT_WAIVED)
    review_act = _first(case, ActKind.LEGAL_REVIEW)
    discussion = _first(case, ActKind.COLLECTIVE_DISCUSSION)
    source_act = _first(case, ActKind.SOURCE)
    referral = _first(case, ActKind.REFERRAL)
    submit = _first(case, ActKind.SUBMIT_REVIEW)

    # the officers of the act a document records, else the case's handlers
    act_for_officers = inspection or inquiry or _first(case, ActKind.DECISION)
    officer_certs = (act_for_officers.officers if act_for_officers and act_for_officers.officers else case.handlers)
    reviewer = reg.lookup(case.review.reviewer) if case.review.reviewer else None

    proposed_basis = [b for m in case.proposed for b in m.basis]
    decided_basis = [b for m in case.decided for b in m.basis]
    fined = bool(case.payable("decided"))  # 罚没款 the party pays: the payment paragraph
    rights_due = hearing_rights_due(ws, case)

    procedure_bits = []
    notice_served = _first(case, ActKind.NOTICE_SERVED) or _first(case, ActKind.NOTICE)
    if notice_served:
        rights = "陈述、申辩、要求听证" if (hearing or hearing_notice or case.review.hearing_requested) or rights_due else "陈述、申辩"
        procedure_bits.append(f"{_d(notice_served.date)}，本机关向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有{rights}的权利。")
    if waived:
        procedure_bits.append("当事人书面表示放弃陈述、申辩权利。")
    if statement:
        procedure_bits.append(f"当事人于{_d(statement.date)}提出了陈述、申辩意见。")
    if hearing:
        procedure_bits.append(f"应当事人申请，本机关于{_d(hearing.date)}依法举行了听证。")
    if review_act:
        procedure_bits.append("本案经法制审核" + ("、集体讨论。" if discussion else "。"))

    # the reply to the party's arguments: only what the party said and what the
    # agency's review found, both as recorded; nothing when nothing is recorded
    rt = texts.get("reply")
    reply = []
    statement_text, statement_review = records.statement.text, records.statement.review
    if not statement_text and statement and statement.note:
        # an act note often holds both: “当事人陈述……；经复核，……” — the party's words
        # and the agency's review are printed apart, never the review as the party's
        said, _, review = statement.note.partition("经复核")
        statement_text = said.rstrip("；;，, ")
        statement_review = statement_review or (("经复核" + review) if review else "")
    if statement and statement_text:
        reply.append(rt["statement"].format(date=_d(statement.date), you="当事人", text=statement_text.rstrip("。") + "。"))
    for st in records.hearing.statements:
        reply.append(rt["hearing"].format(speaker=st.speaker, text=st.text.rstrip("。") + "。"))
    answer = records.decision.review or statement_review
    if reply and answer:
        reply.append(rt["review"].format(text=answer.removeprefix("经复核").lstrip("，,").rstrip("。") + "。"))

    service_rows = []
    served_titles = {ActKind.SERVICE: "行政处罚决定书", ActKind.NOTICE_SERVED: "行政处罚告知书", ActKind.HEARING_NOTICE: "听证通知书"}
    if case.case_type.value == "行政许可":
        # a licence case serves the decision it made (准予 or 不予), never a penalty decision
        served_titles[ActKind.SERVICE] = "不予行政许可决定书" if case.acts_of(ActKind.REFUSAL) else "准予行政许可决定书"
    elif case.case_type.value != "行政处罚":
        served_titles.pop(ActKind.SERVICE)  # served what? only the act's own document says
    cat = load_catalogue()
    for a in sorted(case.acts, key=lambda a: a.date):
        own = cat.get(a.document) if a.document and a.kind == ActKind.SERVICE else None
        if a.kind in served_titles or own:
            number = {ActKind.SERVICE: case.number, ActKind.NOTICE_SERVED: records.numbers.get("penalty_notice", ""),
                      ActKind.HEARING_NOTICE: records.numbers.get("hearing_notice", "")}[a.kind]
            if own:
                number = case.number if own.exclusive in CASE_NUMBERED else records.numbers.get(own.code, "")
            service_rows.append({"title": own.name if own else served_titles[a.kind], "doc_no": number,
                                 "date": _d(a.date), "method": a.method.value if a.method else "", "officers": names(a.officers),
                                 "place": a.place})

    executed = []
    for a in case.acts_of(ActKind.PAYMENT):
        executed.append(f"当事人已于{_d(a.date)}缴清罚没款")
    for a in case.acts_of(ActKind.EXECUTION):
        executed.append(f"{_d(a.date)}执行：{a.note}")

    hearing_host = ""
    if hearing:
        hearing_host = hearing.note.split("；")[0].replace("听证主持人：", "") if "主持人" in hearing.note else names(hearing.officers[:1])

    interviewee = records.inquiry.interviewee
    if not interviewee and inquiry and inquiry.note:
        # 询问当事人法定代表人钱国栋 → 钱国栋: the act's note names who was asked
        interviewee = inquiry.note
        for w in ("询问", "当事人", "法定代表人", "委托代理人", "负责人", "经营者"):
            interviewee = interviewee.replace(w, "")
    docs = profile.documents
    circumstances = case.violation.circumstances
    ctx_evidence = [{"kind": e.kind, "name": e.name, "source": e.source, "date": _d(e.date)} for e in case.evidence]
    correction = (records.decision.correction.rstrip("。") or texts.get("correction")["text"].format(you=you))
    ctx: dict[str, Any] = {
        "agency": case.agency or profile.name,
        "agency_phone": docs.phone if (case.agency or profile.name) == profile.name else "",
        "agency_address": docs.address if (case.agency or profile.name) == profile.name else "",
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
        "party": _party(case),
        "records": records.model_dump(),
        "blank_lines": list(range(int(texts.get("blank")["lines"]))),
        "sign_line": texts.get("blank")["signature"],
        "interviewee": interviewee,
        "handler_names": names(case.handlers),
        "handler_certs": "、".join(case.handlers),
        "officer_names": names(officer_certs),
        "officer_certs": "、".join(officer_certs),
        "filed_date": act_date(ActKind.FILING),
        "inspection_date": _d(inspection.date) if inspection else "",
        "inspection_place": inspection.place if inspection else "",
        # what was seen: the record, else the act's own note — never the later findings
        "inspection_text": records.inspection.observed or (inspection.note if inspection else ""),
        "recorded_text": "检查过程进行了全程音像记录。" if inspection and inspection.recorded else "",
        "inquiry_date": _d(inquiry.date) if inquiry else "",
        "inquiry_place": records.inquiry.place or (inquiry.place if inquiry else ""),
        "preservation_date": act_date(ActKind.PRESERVATION),
        "seizure_date": _d(seizure.date) if seizure else "",
        "seizure_end": _d(seizure.end_date) if seizure and seizure.end_date else "",
        "seizure_reason": (seizure.note or case.violation.facts) if seizure else "",
        "items": [i.model_dump() for i in case.items],
        "evidence": ctx_evidence,
        "extracted_evidence": [e for e in ctx_evidence if not _own_record(e)],
        "evidence_text": "；".join(f"{i}．{e.name}" for i, e in enumerate(case.evidence, 1)) + ("。" if case.evidence else ""),
        "violated_text": cites(case.violation.violated),
        "proposed": [{"text": measure_text(m)} for m in case.proposed],
        "proposed_text": "；".join(measure_text(m) for m in case.proposed),
        "proposed_basis_text": cites(proposed_basis),
        "decided": [{"text": measure_text(m)} for m in case.decided],
        "decided_text": "；".join(measure_text(m) for m in case.decided),
        "decided_basis_text": cites(decided_basis),
        "discretion_text": (f"鉴于当事人{'、'.join(circumstances)}，本机关在裁量时予以考虑。" if circumstances else ""),
        "discretion_reason": (records.decision.discretion.rstrip("。") + "。") if records.decision.discretion else "",
        "correction_text": correction,
        "reply_text": "".join(reply),
        "payment_text": payment_text(ws, case, you) if fined else "",
        "review_first": review_first(case),
        "review_organ": f"{region}人民政府" if region else "",
        "court": f"{region}人民法院" if region else "",
        # 复议前置 where a rule requires it (价格违法行为行政处罚规定§20): 60 days to 复议 first, then 15 days to court (行政诉讼法§45)
        "remedy_text": texts.get("remedy")["review_first" if review_first(case) else "text"].format(
            you=you, review_organ=f"{region}人民政府", court=f"{region}人民法院") if region else "",
        "procedure_text": "".join(procedure_bits),
        "notice_date": act_date(ActKind.NOTICE),
        "statement_deadline_text": "收到本告知书之日起五个工作日内",
        "hearing_rights_due": rights_due,
        "statement_date": _d(statement.date) if statement else "",
        "statement_text": statement_text,
        "statement_review": statement_review,
        "statement_summary": "；".join(filter(None, [
            "当事人放弃陈述、申辩" if waived else "",
            f"当事人于{_d(statement.date)}提出陈述申辩" if statement else "",
            f"{_d(hearing.date)}举行听证" if hearing else "",
        ])),
        "hearing_notice_date": _d(hearing_notice.date) if hearing_notice else "",
        "hearing_date": _d(hearing.date) if hearing else (_d(hearing_notice.end_date) if hearing_notice and hearing_notice.end_date else ""),
        "hearing_place": hearing.place if hearing else (hearing_notice.place if hearing_notice else ""),
        "hearing_host": hearing_host,
        "hearing_report_date": _d(hearing.date) if hearing else "",
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
        "decision_date": act_date(ActKind.DECISION),
        # where the decision was made (行政处罚法§52 for a 当场 decision): the act's place, else the inspection's
        "decision_place": ((_first(case, ActKind.DECISION).place if _first(case, ActKind.DECISION) else "")
                           or (inspection.place if inspection else "")),
        "closing_date": act_date(ActKind.CLOSING),
        "archive_date": act_date(ActKind.ARCHIVING),
        "execution_text": "；".join(executed),
        "investigation_end_date": act_date(ActKind.INVESTIGATION_END),
        "referral_date": _d(referral.date) if referral else "",
        "referral_target": (referral.note if referral else ""),
        "no_penalty_reason": case.extra.get("no_penalty_reason", "当事人" + "、".join(circumstances) if circumstances else ""),
        "service_rows": service_rows,
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


def _own_record(e: dict[str, Any]) -> bool:
    """A 笔录 or report the agency made itself (texts.toml [evidence_extraction]): no one “provided” it."""
    t = texts.get("evidence_extraction")
    return e["kind"] in t["own_kinds"] or any(w in e["name"] for w in t["own_words"])


def _empty(v: Any) -> bool:
    return v is None or v == "" or v == [] or v == {}


def _lookup(ctx: dict[str, Any], key: str) -> Any:
    cur: Any = ctx
    for part in key.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(part)
    return cur


def missing_fields(ctx: dict[str, Any], dtype: DocType) -> list[str]:
    return [f for f in dtype.fields if _empty(_lookup(ctx, f))]


def render_bytes(dtype: DocType, ctx: dict[str, Any]) -> bytes:
    if not dtype.template_path or not dtype.template_path.exists():
        raise DocumentError(f"“{dtype.name}”没有模板，只能导入")
    return render_template(dtype.template, ctx)


def render_template(template: str, ctx: dict[str, Any]) -> bytes:
    """Fill one template of doc_templates/forms (e.g. the public version, which is no
    document of the dossier) with the given variables."""
    import jinja2  # with docxtpl (python-docx), loaded when a document is rendered, not by every command
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(FORMS / template))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    try:
        tpl.render(ctx, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as e:
        raise DocumentError(f"模板 {template} 用到了案件中没有的字段：{e.message}") from None
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


@dataclass
class Rendered:
    record: documents.DocRecord
    beside: bool  # a hand-edited earlier version was kept and this one written beside it
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.record.file, "doc_type": self.record.doc_type, "title": self.record.title,
                "sha256": self.record.sha256, "kept_edited": self.beside, "message": self.message}


def document_date(case: Case, dtype: DocType) -> dt.date | None:
    """The date the document bears: the act it records (the 送达回证: the last service)."""
    if dtype.code == "service_receipt":
        served = [a.date for a in case.acts if a.kind in (ActKind.SERVICE, ActKind.NOTICE_SERVED, ActKind.HEARING_NOTICE)]
        return max(served) if served else None
    kind = dtype.required.due_after if dtype.required else ""
    try:
        return case.first_date(ActKind(kind)) if kind else None
    except ValueError:
        return None


@with_case_lock
def render_document(ws: Workspace, case_ref: str, code: str, *, today: dt.date, extra: dict[str, Any] | None = None,
                    volume: str = "", confirm: bool = False) -> Rendered:
    """Render one document of the case and store it. ``volume`` names the volume a
    volume form (封面, 卷内目录, 备考表) is made for; it is part of the file name.
    A document that would state something unlawful is refused with the article; one the law
    allows as an exception is rendered only with ``confirm``, and the confirmation is journaled."""
    cat = load_catalogue()
    dtype = cat.get(code) or cat.by_name(code)
    if dtype is None:
        raise UsageError(f"没有文书类型“{code}”", details=["用 casefile doc types 查看全部类型"])
    if not dtype.template:
        raise UsageError(f"“{dtype.name}”没有模板，只能导入（casefile import）")
    case = ws.load_case(case_ref)
    why = refusal(ws, case, dtype)
    if why:
        raise DocumentError(f"不能为案件 {case.id} 生成“{dtype.name}”：{why}", title="文书与案件不符")
    confirmed = _lawful(ws, case, dtype, confirm)
    ctx = build_context(ws, case, today=today)
    day = document_date(case, dtype)
    if extra:
        ctx.update(extra)
    if extra and extra.get("document_date"):
        day = extra["document_date"]
    records = rec.of_case(case.extra)
    number = doc_number(ws, case, dtype, records, day) if dtype.numbered else ""
    if dtype.numbered:
        ctx["doc_no"] = number
    missing = missing_fields(ctx, dtype)
    if missing:
        raise DocumentError(
            f"无法生成“{dtype.name}”：案件缺少 {len(missing)} 项事实",
            title="缺少案件事实",
            details=[cat.label(m) for m in missing],
        )
    data = render_bytes(dtype, ctx)
    case_dir = ws.cases_dir / case.id
    name = rendered_name(dtype, volume)
    reg = documents.load_register(case_dir)
    existing = reg.get(f"{documents.DOCS}/{name}")
    # a volume form is rebuilt from the dossier on every print and export: replaced, never kept beside
    beside = bool(existing and documents.changed_outside(case_dir, existing)) and dtype.code not in VOLUME_FORMS
    record = documents.DocRecord(
        file="", doc_type=dtype.code, title=dtype.name, origin="rendered",
        # the register keeps a 文号 only when it is complete (a blank serial is filled by hand)
        number=number if number and "　" not in number else "",
        date=day, pages=None,
    )
    stored = documents.add_document(
        case_dir, data, name, record, stage=_stage(dtype, case), act="生成文书", actor=ws.actor,
        replace=bool(existing) and not beside,
    )
    if confirmed:
        ws.journal(case.id, "确认生成法定例外的文书", _stage(dtype, case),
                   {"document": stored.file, "confirmed": [b.text() for b in confirmed]}, docs={stored.file: stored.sha256})
    if beside:
        msg = f"{existing.file} 在 casefile 之外被修改过，已保留原文件，新生成的文书另存为 {stored.file}"
    elif existing:
        msg = f"已重新生成 {stored.file}"
    else:
        msg = f"已生成 {stored.file}"
    return Rendered(stored, beside, msg)


def _lawful(ws: Workspace, case: Case, dtype: DocType, confirm: bool) -> list[legal_limits.Breach]:
    """Refuse a document that would state something unlawful (casefile/data/legal_limits.toml);
    return the exceptions the law allows that the person confirmed (to be journaled)."""
    breaches = legal_limits.document_breaches(case, ws.cases_dir / case.id, dtype.code, profiles.load_profile_for(ws, case))
    hard = [b for b in breaches if not b.confirmable]
    if hard:
        raise DocumentError(f"不能为案件 {case.id} 生成“{dtype.name}”：文书内容将违反法律规定", title="文书内容违法",
                            details=[b.text() for b in hard])
    if breaches and not confirm:
        raise DocumentError(f"“{dtype.name}”超出法定一般限度，须确认属于法定例外后才能生成", title="须确认",
                            details=[b.text() for b in breaches] + ["确认后重新生成：casefile doc render … --confirm（确认记入案件日志）"])
    return breaches


def rendered_name(dtype: DocType, volume: str = "") -> str:
    """The file name a rendered document of this type is stored under (in the case's docs/), as
    the register holds it (NFKC: “（正卷）” is stored “(正卷)”; compared unnormalised, a second
    print found no earlier cover and stored a “（2）” beside it)."""
    return safe_name(f"{dtype.order:03d}-{dtype.name}{f'（{volume}）' if volume else ''}.docx")


def would_overwrite(ws: Workspace, case_ref: str, code: str, volume: str = "") -> str:
    """The case file rendering ``code`` now would replace ('' when none): a document rendered
    before and not changed since. One changed outside casefile is kept (the new one goes beside it),
    so it is not named here."""
    dtype = load_catalogue().get(code) or load_catalogue().by_name(code)
    if dtype is None:
        return ""
    case_dir = ws.cases_dir / ws.resolve(case_ref)
    existing = documents.load_register(case_dir).get(f"{documents.DOCS}/{rendered_name(dtype, volume)}")
    if existing is None or not (case_dir / existing.file).exists() or documents.changed_outside(case_dir, existing):
        return ""
    return existing.file


def _stage(dtype: DocType, case: Case) -> str:
    return dtype.stage if dtype.stage in STAGES else stage_of_state(case.state)


def review_first(case) -> bool:
    """A rule requires 复议 before suit for this case (casefile/data/laws/remedies.toml: 价格违法行为行政处罚规定
    第二十条 for price penalties): the remedies sentence of the decision then says so."""
    import tomllib
    from importlib import resources

    with open(str(resources.files("casefile") / "data" / "laws" / "remedies.toml"), "rb") as f:
        rules = tomllib.load(f).get("review_first", [])
    laws = {r.law for r in case.violation.violated} | {b.law for m in [*case.decided, *case.proposed] for b in m.basis}
    return any(laws & set(rule["laws"]) for rule in rules)
