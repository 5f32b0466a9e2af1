"""Dossier assembly (组卷): which documents this case requires by now, which are
present, in binding order with volume, and the 卷内目录 / 备考表 with page counts.

The catalogue (doc_templates/catalogue.toml) states *when* a type is required
as named conditions; this module decides each condition from the case facts and
the rules profile.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from casefile import documents, profiles
from casefile.model import ActKind, Case
from casefile.workspace import Workspace
from doc_templates.catalogue import Catalogue, DocType, load_catalogue

def _profile(ws: Workspace, case: Case) -> dict[str, Any]:
    return profiles.load_profile(ws.rules_profile_for(case.sector), ws.root)


def _natural(case: Case) -> bool:
    return bool(case.party and case.party.is_natural)


def _amounts(case: Case) -> tuple[Decimal, Decimal]:
    return case.fines(), case.confiscations()


def hearing_rights_reasons(ws: Workspace, case: Case) -> list[str]:
    """Why the party must be told of the right to a hearing (行政处罚法第六十三条)."""
    h = _profile(ws, case).get("hearing", {})
    fine, conf = _amounts(case)
    who = "individual" if _natural(case) else "organisation"
    reasons = []
    fine_limit = Decimal(str(h.get(f"{who}_fine", 0) or 0))
    conf_limit = Decimal(str(h.get(f"{who}_confiscation", 0) or 0))
    if fine_limit and fine >= fine_limit:
        reasons.append(f"罚款{fine}元达到“较大数额”（{'自然人' if who == 'individual' else '法人或其他组织'}{fine_limit}元）")
    if conf_limit and conf >= conf_limit:
        reasons.append(f"没收{conf}元达到“较大数额”（{conf_limit}元）")
    for m in case.decided or case.proposed:
        if any(k in m.kind for k in h.get("measures_requiring_hearing", [])):
            reasons.append(f"拟作出“{m.kind}”")
    return reasons


def hearing_rights_due(ws: Workspace, case: Case) -> bool:
    return bool(hearing_rights_reasons(ws, case))


def major_decision_reasons(ws: Workspace, case: Case) -> list[str]:
    """Why this decision is a 重大执法决定 that needs 法制审核 first (§58, 118号, 目录清单)."""
    md = _profile(ws, case).get("major_decision", {})
    r = case.review
    reasons = []
    if r.major_public_interest:
        reasons.append("涉及重大公共利益")
    if r.major_social_impact:
        reasons.append("可能造成重大社会影响或引发社会风险")
    if r.major_rights:
        reasons.append("直接关系当事人或第三人重大权益")
    if r.complex_case:
        reasons.append("案情疑难复杂、涉及多个法律关系")
    if md.get("hearing_held", True) and (case.acts_of(ActKind.HEARING) or case.procedure.value == "听证"):
        reasons.append("经过听证程序")
    fine, conf = _amounts(case)
    who = "individual" if _natural(case) else "organisation"
    limit = Decimal(str(md.get(f"{who}_fine", 0) or 0))
    if limit and fine + conf >= limit:
        reasons.append(f"罚没金额{fine + conf}元达到目录清单标准（{limit}元）")
    for m in case.decided or case.proposed:
        if any(k in m.kind for k in md.get("measures", [])):
            reasons.append(f"拟作出“{m.kind}”，属目录清单事项")
    return reasons


def _has(kind: ActKind) -> Callable[[Workspace, Case], bool]:
    return lambda ws, c: bool(c.acts_of(kind))


def _not_penalized(ws: Workspace, c: Case) -> bool:
    return c.not_penalised


CONDITIONS: dict[str, Callable[[Workspace, Case], bool]] = {
    "penalized": lambda ws, c: not _not_penalized(ws, c),
    "not_penalized": _not_penalized,
    "preservation": _has(ActKind.PRESERVATION),
    "seizure": _has(ActKind.SEIZURE),
    "hearing_requested": lambda ws, c: c.review.hearing_requested or bool(c.acts_of(ActKind.HEARING_REQUEST)),
    "hearing_held": _has(ActKind.HEARING),
    "hearing_rights_due": hearing_rights_due,
    "statement_made": _has(ActKind.STATEMENT),
    "major_decision": lambda ws, c: bool(major_decision_reasons(ws, c)),
    "complex_case": lambda ws, c: c.review.complex_case,
    "referral": lambda ws, c: c.review.referral_required or bool(c.acts_of(ActKind.REFERRAL)),
    "fined": lambda ws, c: bool(c.payable("decided")),
}

CONDITION_LABELS = {
    "penalized": "作出行政处罚", "not_penalized": "不予行政处罚", "preservation": "实施了先行登记保存",
    "seizure": "实施了查封扣押", "hearing_requested": "当事人申请听证", "hearing_held": "举行了听证",
    "hearing_rights_due": "应告知听证权利", "statement_made": "当事人进行了陈述申辩",
    "major_decision": "属重大执法决定", "complex_case": "案情复杂", "referral": "涉嫌犯罪应移送", "fined": "处以罚没款",
}


def requirement(ws: Workspace, case: Case, t: DocType) -> tuple[bool, str]:
    """(required now?, reason in Chinese)."""
    req = t.required
    if req is None:
        return False, ""
    if req.procedures and case.procedure.value not in req.procedures:
        return False, ""
    for cond in req.when:
        if not CONDITIONS[cond](ws, case):
            return False, ""
    if req.when_any and not any(CONDITIONS[c](ws, case) for c in req.when_any):
        return False, ""
    if req.due_after:
        try:
            kind = ActKind(req.due_after)
        except ValueError:
            kind = None
        if kind and not case.acts_of(kind):
            return False, ""
    why = [f"{case.procedure.value}程序"] if req.procedures else []
    why += [CONDITION_LABELS.get(c, c) for c in req.when]
    if req.when_any:
        why.append("或".join(CONDITION_LABELS.get(c, c) for c in req.when_any if CONDITIONS[c](ws, case)))
    if req.due_after:
        why.append(f"已有“{req.due_after}”")
    return True, "，".join(w for w in why if w)


def required_documents(ws: Workspace, case: Case, catalogue: Catalogue | None = None) -> list[tuple[DocType, str]]:
    cat = catalogue or load_catalogue()
    out = []
    for t in cat.types:
        need, why = requirement(ws, case, t)
        if need:
            out.append((t, why))
    return out


# -- the dossier view ---------------------------------------------------------------
@dataclass
class Entry:
    doc_type: DocType | None
    required: bool
    reason: str
    files: list[documents.DocRecord] = field(default_factory=list)
    satisfied_by: str = ""  # another type that stands in for it

    @property
    def status(self) -> str:
        if self.files:
            return "已有"
        if self.satisfied_by:
            return f"已由{self.satisfied_by}涵盖"
        return "缺失" if self.required else "可选"

    def to_dict(self) -> dict[str, Any]:
        t = self.doc_type
        return {
            "doc_type": t.code if t else "unknown",
            "name": t.name if t else "未识别文书",
            "volume": t.volume if t else "",
            "order": t.order if t else 10_000,
            "required": self.required,
            "reason": self.reason,
            "status": self.status,
            "files": [f.file for f in self.files],
        }


@dataclass
class Dossier:
    case: Case
    entries: list[Entry]

    @property
    def gaps(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "缺失"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "case": self.case.id,
            "number": self.case.number,
            "procedure": self.case.procedure.value,
            "state": self.case.state.value,
            "entries": [e.to_dict() for e in self.entries],
            "gaps": [e.to_dict()["name"] for e in self.gaps],
        }


def assemble(ws: Workspace, case_ref: str) -> Dossier:
    case = ws.load_case(case_ref)
    cat = load_catalogue()
    reg = documents.load_register(ws.cases_dir / case.id)
    required = {t.code: why for t, why in required_documents(ws, case, cat)}
    entries = []
    for t in cat.types:
        files = reg.of_type(t.code)
        if t.code not in required and not files:
            continue
        e = Entry(t, t.code in required, required.get(t.code, ""), files)
        alt = t.required.alternative if t.required else ""
        if not files and alt and reg.of_type(alt):
            other = cat.get(alt)
            e.satisfied_by = f"《{other.name if other else alt}》"
        entries.append(e)
    unknown = [d for d in reg.documents if cat.get(d.doc_type) is None]
    if unknown:
        entries.append(Entry(None, False, "", unknown))
    return Dossier(case, entries)


# -- page counts -----------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_pages(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def docx_to_pdf(path: Path, outdir: Path) -> Path | None:
    exe = soffice()
    if not exe:
        return None
    try:
        subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError):
        return None
    out = outdir / (path.stem + ".pdf")
    return out if out.exists() else None


def estimate_docx_pages(path: Path) -> int:
    """About 500 CJK characters fit an A4 page in 三号仿宋; each table row takes a line."""
    from docx import Document

    d = Document(str(path))
    chars = sum(len(p.text) for p in d.paragraphs)
    lines = len(d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            chars += sum(len(c.text) for c in row.cells)
            lines += 1
    return max(1, round(max(chars / 500, lines / 22) + 0.49))


def page_count(path: Path) -> tuple[int, bool]:
    """(pages, estimated?)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_pages(path.read_bytes()), False
    if suffix == ".docx":
        with tempfile.TemporaryDirectory() as tmp:
            pdf = docx_to_pdf(path, Path(tmp))
            if pdf:
                return pdf_pages(pdf.read_bytes()), False
        return estimate_docx_pages(path), True
    return 1, True


@dataclass
class TocRow:
    seq: int
    doc_no: str
    author: str
    title: str
    date: str
    page: str
    note: str
    file: str
    pages: int
    estimated: bool

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def table_of_contents(ws: Workspace, dossier: Dossier) -> list[TocRow]:
    from casefile.cn import num_date

    rows: list[TocRow] = []
    page = 1
    seq = 1
    case_dir = ws.cases_dir / dossier.case.id
    for e in dossier.entries:
        t = e.doc_type
        if t is not None and not t.paginate:
            continue
        for rec in e.files:
            n, est = page_count(case_dir / rec.file)
            rng = str(page) if n == 1 else f"{page}-{page + n - 1}"
            rows.append(TocRow(
                seq=seq, doc_no=rec.number if t and t.code in _NUMBERED else "", author=dossier.case.agency,
                title=rec.title or (t.name if t else rec.name), date=num_date(rec.date) if rec.date else "",
                page=rng, note="页数为估算" if est else "", file=rec.file, pages=n, estimated=est,
            ))
            page += n
            seq += 1
    return rows


_NUMBERED = {"decision", "penalty_notice", "hearing_rights_notice", "hearing_notice", "no_penalty_decision",
             "summary_decision", "seizure_decision", "preservation_notice", "referral_letter", "legal_review_opinion"}


def finish_dossier(ws: Workspace, case_ref: str, today: dt.date) -> tuple[Dossier, list[TocRow], list[str]]:
    """Render the 卷内目录, 备考表 and 封面 from the real page counts.

    Returns the dossier, the 目录 rows and warnings (a form that could not be
    filled, with what it lacks) — a missing cover fact must not stop an export.
    """
    from casefile.errors import DocumentError
    from casefile.render import render_document

    dossier = assemble(ws, case_ref)
    rows = table_of_contents(ws, dossier)
    total = sum(r.pages for r in rows)
    estimated = any(r.estimated for r in rows)
    extra = {
        "toc_rows": [r.to_dict() for r in rows],
        "doc_count": len(rows),
        "page_total": str(total),
        "page_note": "（含估算页数：未安装 LibreOffice，.docx 页数按字数估算）" if estimated else "",
        "remarks_text": "本卷文件材料齐全，排列有序。" if not dossier.gaps else "缺少：" + "、".join(e.doc_type.name for e in dossier.gaps if e.doc_type),
    }
    warnings = []
    for code in ("toc", "remarks", "cover"):
        try:
            render_document(ws, dossier.case.id, code, extra=extra, today=today)
        except DocumentError as e:
            warnings.append(str(e))
    return assemble(ws, case_ref), rows, warnings
