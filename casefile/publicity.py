"""Publicity (行政执法公示): deadlines for publishing decisions and withdrawing
revoked ones, and the redacted public version of a decision."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile import documents, profiles
from casefile.days import calendar_for
from casefile.errors import CalendarNotCovered, CasefileError, UsageError
from casefile.fsutil import atomic_write_bytes, atomic_write_text
from casefile.model import Act, ActKind, Case, CaseType, PartyKind
from casefile.redact import redact
from casefile.workspace import Workspace, with_case_lock

REFUSAL_TAGS = {"国家秘密": "涉及国家秘密", "商业秘密": "主要事实涉及商业秘密", "个人隐私": "主要事实涉及个人隐私", "危及安全稳定": "公开后可能危及国家安全、公共安全、经济安全、社会稳定"}


@dataclass
class Due:
    case: str
    number: str
    kind: str  # 公示 / 撤回
    decided: str
    due: str | None
    status: str  # 已公示 / 未到期 / 今日到期 / 已逾期 / 无法计算 / 不予公示
    days_left: int | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _profile(ws: Workspace, case: Case) -> dict[str, Any]:
    return profiles.load_profile(ws.rules_profile_for(case.sector), ws.root)


def refusal_reason(case: Case) -> str | None:
    if any(p.is_minor for p in case.parties):
        return "当事人为未成年人，不予公开"
    for tag, why in REFUSAL_TAGS.items():
        if tag in case.tags:
            return f"{why}，不予公开"
    return None


def publication_period(ws: Workspace, case: Case) -> tuple[int, str]:
    pub = _profile(ws, case).get("publicity", {})
    key = {CaseType.PENALTY: "penalty", CaseType.LICENSE: "license"}.get(case.case_type, "other")
    return int(pub.get(f"{key}_days", 7 if key != "other" else 20)), pub.get(f"{key}_unit", "WD")


def due_list(ws: Workspace, today: dt.date | None = None) -> list[Due]:
    today = today or dt.date.today()
    cal = calendar_for(ws.root)
    out: list[Due] = []
    for case in ws.try_load_cases()[0]:
        decided = case.first_date(ActKind.DECISION)
        if decided is None:
            continue
        pub = _profile(ws, case).get("publicity", {})
        only_warning = case.decided and all(m.kind == "警告" for m in case.decided)
        refusal = refusal_reason(case)
        if refusal or (only_warning and not pub.get("publish_warning_only", True)):
            out.append(Due(case.id, case.number, "公示", decided.isoformat(), None, "不予公示", None, refusal or "仅警告，不公示"))
            continue
        n, unit = publication_period(ws, case)
        published = case.last_date(ActKind.PUBLICATION)
        out.append(_due(case, "公示", decided, n, unit, published, today, cal))
        revoked = case.last_date(ActKind.REVOCATION)
        if revoked:
            withdrawn = case.last_date(ActKind.WITHDRAWAL)
            out.append(_due(case, "撤回", revoked, int(pub.get("withdraw_days", 3)), pub.get("withdraw_unit", "WD"),
                            withdrawn if withdrawn and withdrawn >= revoked else None, today, cal))
    order = {"已逾期": 0, "今日到期": 1, "无法计算": 2, "未到期": 3, "已公示": 4, "已撤回": 4, "不予公示": 5}
    return sorted(out, key=lambda d: (order.get(d.status, 9), d.due or ""))


def _due(case: Case, kind: str, start: dt.date, n: int, unit: str, done: dt.date | None, today: dt.date, cal) -> Due:
    unit_text = f"{n}个{'工作日' if unit == 'WD' else '日'}"
    try:
        due = cal.add(start, n, unit)
    except CalendarNotCovered as e:
        return Due(case.id, case.number, kind, start.isoformat(), None, "无法计算", None, f"{e.message}（期限{unit_text}）")
    if done:
        late = "（逾期）" if done > due else ""
        return Due(case.id, case.number, kind, start.isoformat(), due.isoformat(), "已公示" if kind == "公示" else "已撤回", None,
                   f"{done.isoformat()}完成{late}")
    left = (due - today).days
    status = "已逾期" if left < 0 else "今日到期" if left == 0 else "未到期"
    return Due(case.id, case.number, kind, start.isoformat(), due.isoformat(), status, left, f"期限{unit_text}")


def _decision_text(ws: Workspace, case: Case) -> tuple[str, str]:
    """The decision's text and where it came from."""
    from casefile.textio import read_document

    case_dir = ws.cases_dir / case.id
    reg = documents.load_register(case_dir)
    for code in ("decision", "summary_decision", "no_penalty_decision"):
        for rec in reg.of_type(code):
            try:
                return read_document(case_dir / rec.file).text, rec.file
            except CasefileError:
                continue
    facts = [f"当事人：{case.party.name if case.party else ''}", f"违法事实：{case.violation.facts}",
             "处罚决定：" + "；".join(f"{m.kind}{'' if m.amount is None else str(m.amount) + '元'}" for m in case.decided)]
    return "\n".join(facts), "case.toml"


def export_public(ws: Workspace, case_ref: str, out_dir: Path) -> dict[str, Any]:
    case = ws.load_case(case_ref)
    if case.first_date(ActKind.DECISION) is None:
        raise UsageError(f"案件 {case.id} 尚未作出决定，没有可公示的内容")
    why = refusal_reason(case)
    if why:
        raise UsageError(f"案件 {case.id} {why}", details=["《政府信息公开条例》第十五条；各地行政处罚结果公开办法"])
    prof = _profile(ws, case).get("publicity", {})
    p = case.party
    natural = bool(p and p.kind == PartyKind.NATURAL)
    text, source = _decision_text(ws, case)
    public_text, log = redact(
        text, party_name=p.name if p else "", party_natural=natural,
        redact_party=prof.get("redact_natural_party" if natural else "redact_legal_party", []),
    )
    if natural and p and p.id_number:
        # the party's own ID number, also when written with spaces or in a table
        public_text = public_text.replace(p.id_number, p.id_number[:6] + "*" * 8 + p.id_number[-4:])
    decided = case.first_date(ActKind.DECISION)
    fields = {
        "执法机关": case.agency, "执法对象": p.name if p else "", "执法类别": case.case_type.value,
        "执法结论": "；".join(f"{m.kind}{'' if m.amount is None else '人民币' + str(m.amount) + '元'}" for m in case.decided) or "不予行政处罚",
        "文号": case.number, "日期": decided.isoformat(),
    }
    header = "\n".join(f"{k}：{v}" for k, v in fields.items())
    body = f"{header}\n\n{public_text.strip()}\n"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base = f"{case.id}-公示"
    atomic_write_text(out_dir / f"{base}.txt", body)
    from docx import Document

    d = Document()
    d.add_heading(f"行政处罚决定信息公示（{case.number}）", level=1)
    for k, v in fields.items():
        d.add_paragraph(f"{k}：{v}")
    for line in public_text.splitlines():
        if line.strip():
            d.add_paragraph(line.strip())
    buf = io.BytesIO()
    d.save(buf)
    atomic_write_bytes(out_dir / f"{base}.docx", buf.getvalue())
    # the log stays with the case, never beside the public files
    log_path = ws.cases_dir / case.id / "publicity" / f"redaction-{dt.date.today().isoformat()}.json"
    atomic_write_text(log_path, json.dumps({"source": source, "redactions": [r.to_dict() for r in log]}, ensure_ascii=False, indent=2))
    ws.journal(case.id, "生成公示文本", "结案", {"files": [f"{base}.txt", f"{base}.docx"], "redactions": len(log)})
    return {"case": case.id, "fields": fields, "txt": str(out_dir / f"{base}.txt"), "docx": str(out_dir / f"{base}.docx"),
            "redactions": len(log), "log": str(log_path.relative_to(ws.root)), "source": source}


@with_case_lock
def record(ws: Workspace, case_ref: str, kind: ActKind, day: dt.date, note: str = "") -> dict[str, Any]:
    case = ws.load_case(case_ref)
    case.acts.append(Act(kind=kind, date=day, note=note))
    ws.save_case(case, act={ActKind.PUBLICATION: "公示", ActKind.WITHDRAWAL: "撤回公示", ActKind.REVOCATION: "决定撤销或变更"}[kind], stage="结案")
    return {"case": case.id, "act": kind.value, "date": day.isoformat(), "note": note}
