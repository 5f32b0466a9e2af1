"""Filling the standard document templates from the case facts.

``build_context`` turns a :class:`Case` (and the workspace's officer register and
profile) into the variables the templates use: Chinese dates, amounts in figures
and in 大写, citations, officer names. ``render_document`` checks that every
field the catalogue declares for the type has a value — a document with silent
blanks is worse than none — renders it with docxtpl and stores it in the case.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from casefile import documents
from casefile.cn import cn_date, money_upper
from casefile.errors import DocumentError, UsageError
from casefile.journal import STAGES
from casefile.model import Act, ActKind, Case, LawRef, Measure, PartyKind
from casefile.workspace import Workspace, stage_of_state
from doc_templates.catalogue import DocType, load_catalogue

PAYMENT_TEXT = (
    "当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚没款。"
    "到期不缴纳罚款的，本机关可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，"
    "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本身的数额。"
)


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


def build_context(ws: Workspace, case: Case, today: dt.date) -> dict[str, Any]:
    """The template variables; ``today`` (the caller's clock) dates what is signed today."""
    reg = ws.officers()
    profile = ws.profile
    region = profile.region or ""

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
    chief = next((o for o in reg.officers if "负责人" in o.roles and (not case.sector or case.sector in o.categories)), None)

    proposed_basis = [b for m in case.proposed for b in m.basis]
    decided_basis = [b for m in case.decided for b in m.basis]
    fined = bool(case.payable("decided"))

    procedure_bits = []
    notice_served = _first(case, ActKind.NOTICE_SERVED) or _first(case, ActKind.NOTICE)
    if notice_served:
        rights = "陈述、申辩、要求听证" if (hearing or hearing_notice or case.review.hearing_requested) or _hearing_rights_due(ws, case) else "陈述、申辩"
        procedure_bits.append(f"{_d(notice_served.date)}，本机关向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的内容及事实、理由、依据，并告知其依法享有{rights}的权利。")
    if waived:
        procedure_bits.append("当事人书面表示放弃陈述、申辩权利。")
    if statement:
        note = statement.note.rstrip("。") + "。" if statement.note else ""
        procedure_bits.append(f"当事人于{_d(statement.date)}提出陈述、申辩意见，本机关进行了复核。{note}")
    if hearing:
        procedure_bits.append(f"应当事人申请，本机关于{_d(hearing.date)}依法举行了听证。")
    if review_act:
        procedure_bits.append("本案经法制审核" + ("、集体讨论。" if discussion else "。"))

    service_rows = []
    for a in sorted(case.acts, key=lambda a: a.date):
        if a.kind in (ActKind.SERVICE, ActKind.NOTICE_SERVED, ActKind.HEARING_NOTICE):
            title = {ActKind.SERVICE: "行政处罚决定书", ActKind.NOTICE_SERVED: "行政处罚告知书", ActKind.HEARING_NOTICE: "听证通知书"}[a.kind]
            service_rows.append({"title": title, "doc_no": case.number, "date": _d(a.date), "method": a.method.value if a.method else "", "officers": names(a.officers)})

    executed = []
    for a in case.acts_of(ActKind.PAYMENT):
        executed.append(f"当事人已于{_d(a.date)}缴清罚没款")
    for a in case.acts_of(ActKind.EXECUTION):
        executed.append(f"{_d(a.date)}执行：{a.note}")

    hearing_host = ""
    if hearing:
        hearing_host = hearing.note.split("；")[0].replace("听证主持人：", "") if "主持人" in hearing.note else names(hearing.officers[:1])

    circumstances = case.violation.circumstances
    ctx: dict[str, Any] = {
        "agency": case.agency or profile.name,
        "agency_phone": "",
        "doc_no": case.number,
        "title": case.title,
        "cause": case.violation.cause,
        "brief": case.violation.facts or case.violation.cause,
        "source": case.source,
        "source_date": _d(source_act.date) if source_act else "",
        "source_note": source_act.note if source_act else "",
        "facts": case.violation.facts,
        "party": _party(case),
        "interviewee": (inquiry.note.replace("询问", "").replace("当事人", "").replace("法定代表人", "").replace("委托代理人", "") if inquiry and inquiry.note else (case.party.representative or case.party.name) if case.party else ""),
        "handler_names": names(case.handlers),
        "handler_certs": "、".join(case.handlers),
        "officer_names": names(officer_certs),
        "officer_certs": "、".join(officer_certs),
        "recorder": names(officer_certs[-1:]),
        "filed_date": act_date(ActKind.FILING),
        "inspection_date": _d(inspection.date) if inspection else "",
        "inspection_place": inspection.place if inspection else "",
        "inspection_text": (inspection.note or case.violation.facts) if inspection else "",
        "recorded_text": "检查过程进行了全程音像记录。" if inspection and inspection.recorded else "",
        "inquiry_date": _d(inquiry.date) if inquiry else "",
        "preservation_date": act_date(ActKind.PRESERVATION),
        "seizure_date": _d(seizure.date) if seizure else "",
        "seizure_end": _d(seizure.end_date) if seizure and seizure.end_date else "",
        "seizure_reason": (seizure.note or case.violation.facts) if seizure else "",
        "items": [i.model_dump() for i in case.items],
        "evidence": [{"kind": e.kind, "name": e.name, "source": e.source, "date": _d(e.date)} for e in case.evidence],
        "evidence_text": "；".join(f"{i}．{e.name}" for i, e in enumerate(case.evidence, 1)) + ("。" if case.evidence else ""),
        "violated_text": cites(case.violation.violated),
        "proposed": [{"text": measure_text(m)} for m in case.proposed],
        "proposed_text": "；".join(measure_text(m) for m in case.proposed),
        "proposed_basis_text": cites(proposed_basis),
        "decided": [{"text": measure_text(m)} for m in case.decided],
        "decided_text": "；".join(measure_text(m) for m in case.decided),
        "decided_basis_text": cites(decided_basis),
        "discretion_text": (f"鉴于当事人{'、'.join(circumstances)}，本机关在裁量时予以考虑。" if circumstances else ""),
        "payment_text": PAYMENT_TEXT if fined else "",
        "review_organ": f"{region}人民政府" if region else "",
        "court": f"{region}人民法院" if region else "",
        "remedy_text": f"{region}人民政府 / {region}人民法院" if region else "",
        "procedure_text": "".join(procedure_bits),
        "notice_date": act_date(ActKind.NOTICE),
        "statement_deadline_text": "收到本告知书之日起五个工作日内",
        "hearing_rights_due": _hearing_rights_due(ws, case),
        "statement_date": _d(statement.date) if statement else "",
        "statement_text": statement.note if statement else "",
        "statement_review": "经复核，当事人提出的事实、理由和证据不成立，不予采纳。" if statement else "",
        "statement_summary": "；".join(filter(None, [
            "当事人放弃陈述、申辩" if waived else "",
            f"当事人于{_d(statement.date)}提出陈述申辩" if statement else "",
            f"{_d(hearing.date)}举行听证" if hearing else "",
        ])) or "无",
        "hearing_notice_date": _d(hearing_notice.date) if hearing_notice else "",
        "hearing_date": _d(hearing.date) if hearing else (_d(hearing_notice.end_date) if hearing_notice and hearing_notice.end_date else ""),
        "hearing_place": hearing.place if hearing else (hearing_notice.place if hearing_notice else ""),
        "hearing_host": hearing_host,
        "hearing_statement": (hearing.note if hearing else "") or "当事人对违法事实无异议，请求减轻处罚。",
        "hearing_report_date": _d(hearing.date) if hearing else "",
        "handling_unit": f"{case.agency or profile.name}执法机构",
        "submit_date": _d(submit.date) if submit else "",
        "review_conclusion": "同意" if review_act else "",
        "review_problems": [],
        "review_date": _d(review_act.date) if review_act else "",
        "review_summary": (review_act.note or "同意") if review_act else "（未经法制审核）",
        "reviewer_name": reviewer.name if reviewer else "",
        "chief_name": chief.name if chief else "",
        "discussion_date": _d(discussion.date) if discussion else "",
        "discussion_members": "局长、分管副局长、法制机构负责人、办案机构负责人",
        "discussion_note": discussion.note if discussion else "",
        "decision_date": act_date(ActKind.DECISION),
        "closing_date": act_date(ActKind.CLOSING),
        "archive_date": act_date(ActKind.ARCHIVING) or _d(today),
        "execution_text": "；".join(executed),
        "investigation_end_date": act_date(ActKind.INVESTIGATION_END),
        "referral_date": _d(referral.date) if referral else "",
        "referral_target": (referral.note if referral else ""),
        "no_penalty_reason": case.extra.get("no_penalty_reason", "当事人" + "、".join(circumstances) if circumstances else ""),
        "service_rows": service_rows,
        "retention": "长期",
        "today": _d(today),
        # filled by the dossier for 卷内目录 / 备考表 / 封面
        "toc_rows": [],
        "doc_count": 0,
        "page_total": "",
        "page_note": "",
        "remarks_text": "",
    }
    return ctx


def _hearing_rights_due(ws: Workspace, case: Case) -> bool:
    from casefile.dossier import hearing_rights_due

    return hearing_rights_due(ws, case)


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
    tpl = DocxTemplate(str(dtype.template_path))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    try:
        tpl.render(ctx, jinja_env=env, autoescape=True)
    except jinja2.UndefinedError as e:
        raise DocumentError(f"模板 {dtype.template} 用到了案件中没有的字段：{e.message}") from None
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
    kind = dtype.required.due_after if dtype.required else ""
    try:
        return case.first_date(ActKind(kind)) if kind else None
    except ValueError:
        return None


def render_document(ws: Workspace, case_ref: str, code: str, *, today: dt.date, extra: dict[str, Any] | None = None) -> Rendered:
    cat = load_catalogue()
    dtype = cat.get(code) or cat.by_name(code)
    if dtype is None:
        raise UsageError(f"没有文书类型“{code}”", details=["用 casefile doc types 查看全部类型"])
    if not dtype.template:
        raise UsageError(f"“{dtype.name}”没有模板，只能导入（casefile import）")
    case = ws.load_case(case_ref)
    ctx = build_context(ws, case, today=today)
    if extra:
        ctx.update(extra)
    missing = missing_fields(ctx, dtype)
    if missing:
        raise DocumentError(
            f"无法生成“{dtype.name}”：案件缺少 {len(missing)} 项事实",
            title="缺少案件事实",
            details=[cat.label(m) for m in missing],
        )
    data = render_bytes(dtype, ctx)
    case_dir = ws.cases_dir / case.id
    name = f"{dtype.order:03d}-{dtype.name}.docx"
    reg = documents.load_register(case_dir)
    existing = reg.get(f"{documents.DOCS}/{name}")
    beside = bool(existing and documents.changed_outside(case_dir, existing))
    record = documents.DocRecord(
        file="", doc_type=dtype.code, title=dtype.name, origin="rendered", number=case.number,
        date=document_date(case, dtype), pages=None,
    )
    stored = documents.add_document(
        case_dir, data, name, record, stage=_stage(dtype, case), act="生成文书", actor=ws.actor,
        replace=bool(existing) and not beside,
    )
    if beside:
        msg = f"{existing.file} 在 casefile 之外被修改过，已保留原文件，新生成的文书另存为 {stored.file}"
    elif existing:
        msg = f"已重新生成 {stored.file}"
    else:
        msg = f"已生成 {stored.file}"
    return Rendered(stored, beside, msg)


def _stage(dtype: DocType, case: Case) -> str:
    return dtype.stage if dtype.stage in STAGES else stage_of_state(case.state)
