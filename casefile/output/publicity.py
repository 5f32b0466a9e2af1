"""Publicity (行政执法公示): deadlines for publishing decisions and withdrawing
revoked ones, and the redacted public version of a decision."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.store import documents

from casefile.law import periods, profiles
from casefile.model.cn import cn_date
from casefile.law.days import Calendar, calendar_for, describe
from casefile.errors import CasefileError, UsageError
from casefile.store.fsutil import atomic_write_bytes, atomic_write_text
from casefile.model import Act, ActKind, Case, CaseType, PartyKind
from casefile.law.periods import Deadline
from casefile.output.redact import redact
from casefile.store.workspace import Workspace, with_case_lock

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


def refusal_reason(case: Case) -> str | None:
    if any(p.is_minor for p in case.parties):
        return "当事人为未成年人，不予公开"
    for tag, why in REFUSAL_TAGS.items():
        if tag in case.tags:
            return f"{why}，不予公开"
    return None


@dataclass
class Item:
    """One publicity duty of a case, whatever today is: to publish the decision, or to
    withdraw it after revocation. ``refused`` holds why it is not published at all."""

    kind: str  # 公示 / 撤回
    start: dt.date
    deadline: Deadline | None
    done: dt.date | None = None
    refused: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start.isoformat(), "deadline": self.deadline.to_json() if self.deadline else None,
                "done": self.done.isoformat() if self.done else None, "refused": self.refused}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Item":
        return cls(d["kind"], dt.date.fromisoformat(d["start"]), Deadline.from_json(d["deadline"]) if d.get("deadline") else None,
                   dt.date.fromisoformat(d["done"]) if d.get("done") else None, d.get("refused", ""))


def case_items(case: Case, profile: dict[str, Any], calendar: Calendar) -> list[Item]:
    """What this case must publish or withdraw, with the deadlines (computed once)."""
    # a penalty decision or a licence granted or refused; an inspection's result (双随机、一公开)
    decided = case.decision_date() or (case.first_date(ActKind.INSPECTION_RESULT) if case.case_type is CaseType.INSPECTION else None)
    if decided is None:
        return []
    pub = profile.get("publicity", {})
    only_warning = case.decided and all(m.kind == "警告" for m in case.decided)
    refusal = refusal_reason(case)
    if refusal or (only_warning and not pub.get("publish_warning_only", True)):
        return [Item("公示", decided, None, refused=refusal or "仅警告，不公示")]
    out = [Item("公示", decided, periods.due(case, "publication", profile, calendar, start=decided), case.last_date(ActKind.PUBLICATION))]
    revoked = case.last_date(ActKind.REVOCATION)
    if revoked:
        withdrawn = case.last_date(ActKind.WITHDRAWAL)
        out.append(Item("撤回", revoked, periods.due(case, "withdrawal", profile, calendar),
                        withdrawn if withdrawn and withdrawn >= revoked else None))
    return out


def due_at(case_id: str, number: str, item: Item, today: dt.date) -> Due:
    """The item as the publicity list shows it on ``today``."""
    start = item.start.isoformat()
    if item.deadline is None:
        return Due(case_id, number, item.kind, start, None, "不予公示", None, item.refused)
    d = item.deadline
    unit_text = describe(d.n, d.unit)
    if d.due is None:
        return Due(case_id, number, item.kind, start, None, "无法计算", None, f"{d.note}（期限{unit_text}）")
    if item.done:
        late = "（逾期）" if item.done > d.due else ""
        return Due(case_id, number, item.kind, start, d.due.isoformat(), "已公示" if item.kind == "公示" else "已撤回", None,
                   f"{item.done.isoformat()}完成{late}")
    left = (d.due - today).days
    status = "已逾期" if left < 0 else "今日到期" if left == 0 else "未到期"
    return Due(case_id, number, item.kind, start, d.due.isoformat(), status, left, f"期限{unit_text}")


ORDER = {"已逾期": 0, "今日到期": 1, "无法计算": 2, "未到期": 3, "已公示": 4, "已撤回": 4, "不予公示": 5}


def sort_dues(dues: list[Due]) -> list[Due]:
    return sorted(dues, key=lambda d: (ORDER.get(d.status, 9), d.due or ""))


def due_list(ws: Workspace, today: dt.date, cases: list[Case] | None = None) -> list[Due]:
    """Every publicity duty of the workspace's decided cases (or of ``cases``) on ``today``:
    one pass, each case and profile read once. List views read the catalogue instead
    (``casefile.store.catalog.publicity_due``), which gives the same answer without loading cases."""
    cal = calendar_for(ws.root)
    out: list[Due] = []
    for case in ws.try_load_cases()[0] if cases is None else cases:
        for item in case_items(case, profiles.load_profile_for(ws, case), cal):
            out.append(due_at(case.id, case.number, item, today))
    return sort_dues(out)


def _decision_text(ws: Workspace, case: Case) -> tuple[str, str]:
    """The decision's text and where it came from."""
    from casefile.ingest.textio import read_document

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


def export_public(ws: Workspace, case_ref: str, out_dir: Path, today: dt.date) -> dict[str, Any]:
    case = ws.load_case(case_ref)
    if case.first_date(ActKind.DECISION) is None:
        raise UsageError(f"案件 {case.id} 尚未作出决定，没有可公示的内容")
    why = refusal_reason(case)
    if why:
        raise UsageError(f"案件 {case.id} {why}", details=["《政府信息公开条例》第十五条；各地行政处罚结果公开办法"])
    prof = profiles.load_profile_for(ws, case).get("publicity", {})
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
    # the .docx on the A4 template of every other document; the seal line of the
    # decision is no text to publish. The renderer loads here: the due-dates do not need it.
    from casefile.output.phrases import measure_text
    from casefile.output.render import render_template

    shown = dict(fields, 日期=cn_date(decided), 执法结论="；".join(measure_text(m) for m in case.decided) or fields["执法结论"])
    lines = [ln.strip() for ln in public_text.splitlines() if ln.strip() and ln.strip() != "（印章）"]
    data = render_template("public_notice.docx", {
        "agency": case.agency or ws.profile.name,
        "public_fields": [{"name": k, "value": v} for k, v in shown.items()],
        "public_lines": lines,
    })
    atomic_write_bytes(out_dir / f"{base}.docx", data, clean=True)
    # the log stays with the case, never beside the public files
    log_path = ws.cases_dir / case.id / "publicity" / f"redaction-{today.isoformat()}.json"
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
