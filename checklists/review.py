"""Review rounds (法制审核): what was reviewed, the reviewer's decision on each
finding, findings no rule covers, the written opinion, and what changed between
rounds. Each round is ``<case>/reviews/round-N/round.json``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from casefile import documents, journal, periods, profiles
from casefile.cn import cn_date
from casefile.days import calendar_for
from casefile.errors import CheckError, UsageError
from casefile.fsutil import atomic_write_text
from casefile.model import Act, ActKind, CaseState
from casefile.render import render_document
from casefile.workspace import Workspace, diff_facts, with_case_lock
from checklists.engine import CATEGORIES, SEVERITIES, run_check

ROUND_FILE = "round.json"


def _rounds_dir(ws: Workspace, case_id: str) -> Path:
    return ws.cases_dir / case_id / "reviews"


def rounds(ws: Workspace, case_id: str) -> list[dict[str, Any]]:
    d = _rounds_dir(ws, case_id)
    out = []
    for p in sorted(d.glob("round-*/" + ROUND_FILE), key=lambda p: int(p.parent.name.split("-")[1])):
        out.append(json.loads(p.read_text(encoding="utf-8")))
    return out


def _save(ws: Workspace, case_id: str, rnd: dict[str, Any]) -> None:
    p = _rounds_dir(ws, case_id) / f"round-{rnd['round']}" / ROUND_FILE
    atomic_write_text(p, json.dumps(rnd, ensure_ascii=False, indent=2))


def current(ws: Workspace, case_ref: str) -> tuple[str, dict[str, Any]]:
    cid = ws.resolve(case_ref)
    rs = rounds(ws, cid)
    if not rs:
        raise CheckError(f"案件 {cid} 还没有审核轮次", details=["先运行 casefile review open CASE"])
    return cid, rs[-1]


def _deadline(ws: Workspace, case, start: dt.date) -> dict[str, Any]:
    d = periods.due(case, "review", profiles.load_profile_for(ws, case), calendar_for(ws.root), start=start)
    return {"start": start.isoformat(), "days": d.n, "unit": d.unit, "due": d.due.isoformat() if d.due else None, "note": d.note}


@with_case_lock
def open_round(ws: Workspace, case_ref: str, today: dt.date) -> dict[str, Any]:
    case = ws.load_case(case_ref)
    if case.state != CaseState.IN_REVIEW:
        # a round records what was submitted: without a submission there is nothing to review
        raise CheckError(f"案件 {case.id} 的状态是“{case.state.value}”，尚未提交法制审核，不能开始审核轮次",
                         details=["承办机构提交法制审核（状态为“待法制审核”）后才能开始"])
    rs = rounds(ws, case.id)
    if rs and not rs[-1].get("opinion"):
        raise CheckError(f"第 {rs[-1]['round']} 轮审核尚未出具意见，不能开始新一轮", details=["先运行 casefile review opinion CASE"])
    result = run_check(ws, case.id, "review", today=today, journal=False)
    reg = documents.load_register(ws.cases_dir / case.id)
    submitted = max((a.date for a in case.acts_of(ActKind.SUBMIT_REVIEW)), default=today)
    rnd = {
        "round": len(rs) + 1,
        "opened": journal.now_iso(),
        "reviewer": ws.actor or journal.default_actor(),
        "documents": {d.file: d.sha256 for d in reg.documents},
        "facts": json.loads(json.dumps(case.to_toml_dict(), ensure_ascii=False, default=str)),
        "major_decision": result.major_decision,
        "findings": [dict(f.to_dict(), id=i, decision=None, reason="") for i, f in enumerate(result.findings, 1)],
        "added": [],
        "time_limit": _deadline(ws, case, submitted),
        "opinion": None,
    }
    if rs:
        rnd["changes"] = changes_between(rs[-1], rnd)
    _save(ws, case.id, rnd)
    ws.journal(case.id, "开始法制审核", "审查", {"round": rnd["round"], "findings": len(rnd["findings"]),
                                             "documents": len(rnd["documents"])})
    return rnd


def changes_between(prev: dict[str, Any], cur: dict[str, Any]) -> dict[str, Any]:
    pd, cd = prev["documents"], cur["documents"]
    prev_keys = {(f["rule"], f["message"]) for f in prev["findings"] if f.get("decision") != "override"}
    cur_keys = {(f["rule"], f["message"]) for f in cur["findings"]}
    return {
        "documents_added": sorted(set(cd) - set(pd)),
        "documents_removed": sorted(set(pd) - set(cd)),
        "documents_changed": sorted(f for f in set(pd) & set(cd) if pd[f] != cd[f]),
        "facts_changed": diff_facts(prev["facts"], cur["facts"]),
        "resolved": [{"rule": r, "message": m} for r, m in sorted(prev_keys - cur_keys)]
        + [{"rule": a["rule"], "message": a["message"], "added_by_reviewer": True} for a in prev.get("added", [])],
        "new": [{"rule": r, "message": m} for r, m in sorted(cur_keys - prev_keys)],
    }


@with_case_lock
def decide(ws: Workspace, case_ref: str, finding_id: int, action: str, reason: str = "") -> dict[str, Any]:
    if action not in ("accept", "override"):
        raise UsageError("只能 accept（采纳）或 override（不采纳）")
    if action == "override" and not reason.strip():
        raise UsageError("不采纳一条审核发现必须写明理由（--reason）")
    cid, rnd = current(ws, case_ref)
    if rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮已出具审核意见，不能再修改")
    f = next((f for f in rnd["findings"] if f["id"] == finding_id), None)
    if f is None:
        raise UsageError(f"第 {rnd['round']} 轮没有编号为 {finding_id} 的审核发现", details=["用 casefile review show CASE 查看编号"])
    f["decision"], f["reason"] = action, reason
    _save(ws, cid, rnd)
    ws.journal(cid, "审核发现" + ("采纳" if action == "accept" else "不采纳"), "审查",
               {"round": rnd["round"], "finding": finding_id, "rule": f["rule"], "reason": reason})
    return f


@with_case_lock
def add_finding(ws: Workspace, case_ref: str, category: str, severity: str, message: str, basis: str = "") -> dict[str, Any]:
    if category not in CATEGORIES or severity not in SEVERITIES:
        raise UsageError(f"类别应为 {'/'.join(CATEGORIES)}，严重程度应为 {'/'.join(SEVERITIES)}")
    cid, rnd = current(ws, case_ref)
    if rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮已出具审核意见，不能再添加")
    item = {"id": len(rnd["findings"]) + len(rnd["added"]) + 1, "rule": "人工", "category": category, "severity": severity,
            "message": message, "basis": basis, "documents": [], "evidence": [], "decision": "accept", "reason": "审核人员补充"}
    rnd["added"].append(item)
    _save(ws, cid, rnd)
    ws.journal(cid, "补充审核发现", "审查", {"round": rnd["round"], "message": message, "category": category})
    return item


def open_problems(rnd: dict[str, Any]) -> list[dict[str, Any]]:
    """What the opinion lists: every finding not overridden that is veto/major, or accepted, plus the reviewer's own."""
    out = []
    for f in rnd["findings"]:
        if f["decision"] == "override":
            continue
        if f["decision"] == "accept" or f["severity"] in ("veto", "major"):
            out.append(f)
    return out + list(rnd["added"])


@with_case_lock
def issue_opinion(ws: Workspace, case_ref: str, today: dt.date) -> dict[str, Any]:
    cid, rnd = current(ws, case_ref)
    if rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮已出具审核意见（{rnd['opinion']['file']}）")
    case = ws.load_case(cid)
    problems = open_problems(rnd)
    conclusion = "存在问题" if problems else "同意"
    reg = ws.officers()
    reviewer = reg.lookup(case.review.reviewer) if case.review.reviewer else None
    if reviewer is None:
        reviewer = next((o for o in reg.officers if "法制审核" in o.roles and (not case.sector or case.sector in o.categories)), None)
    extra = {
        "review_problems": [{"message": p["message"], "basis": p["basis"] or "—"} for p in problems],
        "review_conclusion": conclusion,
        "review_date": cn_date(today),
        "document_date": today,
        "reviewer_name": reviewer.name if reviewer else (ws.actor or journal.default_actor()),
    }
    rendered = render_document(ws, cid, "legal_review_opinion", extra=extra, today=today)
    rnd["opinion"] = {"file": rendered.record.file, "conclusion": conclusion, "date": today.isoformat(),
                      "reviewer": extra["reviewer_name"], "problems": len(problems)}
    _save(ws, cid, rnd)
    if conclusion == "同意":
        case = ws.load_case(cid)
        case.acts.append(Act(kind=ActKind.LEGAL_REVIEW, date=today, officers=[reviewer.certificate] if reviewer else [], note="审核意见：同意"))
        ws.save_case(case, act="法制审核同意", stage="审查")
    ws.journal(cid, "出具法制审核意见", "审查", {"round": rnd["round"], "conclusion": conclusion, "file": rendered.record.file},
               docs={rendered.record.file: rendered.record.sha256})
    return rnd["opinion"]


@with_case_lock
def resubmit(ws: Workspace, case_ref: str, today: dt.date) -> dict[str, Any]:
    cid, rnd = current(ws, case_ref)
    if not rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮审核尚未出具意见，无需重新送审")
    case = ws.load_case(cid)
    case.acts.append(Act(kind=ActKind.SUBMIT_REVIEW, date=today, note=f"第{rnd['round']}轮审核后修改重新送审"))
    case.state = CaseState.IN_REVIEW
    ws.save_case(case, act="重新送审", stage="审查")
    return {"case": cid, "resubmitted": today.isoformat(), "after_round": rnd["round"]}
