"""Rendering a document of the case and storing it.

``render_document`` refuses a type that contradicts the case (``casefile.law.requirements.refusal``)
or would state something unlawful, fills the template variables (``doc_context``), checks that
every field the catalogue declares for the type has a value — a document with silent blanks is
worse than none — renders it with docxtpl and stores it in the case's register.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from casefile.chain.journal import STAGES
from casefile.errors import DocumentError, UsageError
from casefile.law import legal_limits, profiles
from casefile.law.requirements import refusal
from casefile.model import ActKind, Case
from casefile.model.names import safe_name
from casefile.output import records as rec
from casefile.output.doc_context import CASE_NUMBERED, build_context
from casefile.output.records import Records
from casefile.store import documents
from casefile.store.workspace import Workspace, stage_of_state, with_case_lock
from doc_templates import texts
from doc_templates.catalogue import FORMS, DocType, load_catalogue

# the forms about a volume (封面, 卷内目录, 备考表): made from the dossier, one of each per volume
VOLUME_FORMS = ("cover", "toc", "remarks")


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
    dtype = _template_type(code)
    case = ws.load_case(case_ref)
    why = refusal(ws, case, dtype)
    if why:
        raise DocumentError(f"不能为案件 {case.id} 生成“{dtype.name}”：{why}", title="文书与案件不符")
    confirmed = _lawful(ws, case, dtype, confirm)
    ctx, day, number = _filled(ws, case, dtype, today, extra)
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


def _template_type(code: str) -> DocType:
    """The document type ``code`` (or its name) names, one that has a template."""
    cat = load_catalogue()
    dtype = cat.get(code) or cat.by_name(code)
    if dtype is None:
        raise UsageError(f"没有文书类型“{code}”", details=["用 casefile doc types 查看全部类型"])
    if not dtype.template:
        raise UsageError(f"“{dtype.name}”没有模板，只能导入（casefile import）")
    return dtype


def _filled(ws: Workspace, case: Case, dtype: DocType, today: dt.date,
            extra: dict[str, Any] | None) -> tuple[dict[str, Any], dt.date | None, str]:
    """The variables of the document (the caller's ``extra`` over the case's), the date it bears and
    its 文号; refused, with the facts named, when a field the type declares has no value."""
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
            details=[load_catalogue().label(m) for m in missing],
        )
    return ctx, day, number


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
