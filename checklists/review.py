"""Review rounds (法制审核): what was reviewed, the reviewer's decision on each
finding, findings no rule covers, the written opinion, and what changed between
rounds. Each round is ``<case>/reviews/round-N/round.json``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from casefile.store import documents

from casefile.chain import journal

from casefile.law import periods, profiles
from casefile.model.cn import cn_date
from casefile.law.days import calendar_for
from casefile.errors import CheckError, UsageError
from casefile.store.fsutil import atomic_write_text
from casefile.model import Act, ActKind, CaseState
from casefile.output.render import render_document
from casefile.store.workspace import Workspace, diff_facts, with_case_lock
from checklists.context import CATEGORY_NAMES, SEVERITY_NAMES
from checklists.engine import CATEGORIES, SEVERITIES, run_check
from checklists.review_changes import UNCHANGED, fact_changes, finding_changes, match_findings

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


def submissions(case) -> list[Act]:
    """The case's record of submission for review (送审, 重新送审), in the order recorded."""
    return case.acts_of(ActKind.SUBMIT_REVIEW)


def _submitted_count(prev: dict[str, Any], index: int) -> int:
    # rounds written before the submission was recorded in them: one submission per earlier round
    return int((prev.get("submission") or {}).get("count", index + 1))


def why_not_open(ws: Workspace, case) -> str:
    """'' when a round may be opened on the case, else why not, in Chinese. A round opens only on a
    case submitted for review (state 待法制审核 with a 提交法制审核 act) whose last round, if any,
    has its opinion and has been resubmitted since."""
    if case.state != CaseState.IN_REVIEW:
        return f"案件 {case.id} 的状态是“{case.state.value}”，尚未提交法制审核，不能开始审核轮次"
    subs = submissions(case)
    if not subs:
        return f"案件 {case.id} 没有提交法制审核（送审）的记录，不能开始审核轮次"
    rs = rounds(ws, case.id)
    if rs:
        prev = rs[-1]
        if not prev.get("opinion"):
            return f"第 {prev['round']} 轮审核尚未出具意见，不能开始新一轮"
        if len(subs) <= _submitted_count(prev, len(rs) - 1):
            return (f"第 {prev['round']} 轮已出具审核意见（{prev['opinion']['conclusion']}），"
                    f"承办机构重新送审后才能开始第 {prev['round'] + 1} 轮")
    return ""


@with_case_lock
def open_round(ws: Workspace, case_ref: str, today: dt.date) -> dict[str, Any]:
    case = ws.load_case(case_ref)
    why = why_not_open(ws, case)
    if why:
        # a round records what was submitted: without a (new) submission there is nothing to review
        raise CheckError(why, details=["承办机构提交法制审核（送审）或按审核意见修改后重新送审（casefile review resubmit CASE），"
                                       "再开始审核轮次"])
    rs = rounds(ws, case.id)
    result = run_check(ws, case.id, "review", today=today, journal=False)
    reg = documents.load_register(ws.cases_dir / case.id)
    subs = submissions(case)
    submitted = max(a.date for a in subs)
    rnd = {
        "round": len(rs) + 1,
        "opened": journal.now_iso(),
        "reviewer": ws.actor or journal.default_actor(),
        "submission": {"date": submitted.isoformat(), "count": len(subs)},
        "documents": {d.file: d.sha256 for d in reg.documents},
        "facts": json.loads(json.dumps(case.to_toml_dict(), ensure_ascii=False, default=str)),
        "major_decision": result.major_decision,
        "findings": [dict(f.to_dict(), id=i, decision=None, reason="") for i, f in enumerate(result.findings, 1)],
        "added": [],
        "time_limit": _deadline(ws, case, submitted),
        "opinion": None,
    }
    carried = []
    if rs:
        prev = rs[-1]
        pairs = match_findings(prev["findings"], rnd["findings"])
        for p, c, status in pairs:
            # only an unchanged finding keeps the decision (see checklists.review_changes)
            if status == UNCHANGED and p.get("decision"):
                c["decision"], c["reason"] = p["decision"], p.get("reason", "")
                c["carried_from"] = p.get("carried_from") or prev["round"]
                carried.append({"finding": c["id"], "rule": c["rule"], "decision": c["decision"], "from_round": c["carried_from"]})
        # the reviewer's own findings: no rule can tell whether they were put right, so they come back undecided
        next_id = len(rnd["findings"]) + 1
        for a in prev.get("added", []):
            if a.get("decision") == "override":
                continue
            rnd["added"].append(dict(a, id=next_id, decision=None, reason="", previous_id=a["id"],
                                     from_round=a.get("from_round") or prev["round"]))
            next_id += 1
        rnd["changes"] = changes_between(prev, rnd, pairs=pairs, officer_name=_officer_namer(ws))
    _save(ws, case.id, rnd)
    ws.journal(case.id, "开始法制审核", "审查", {"round": rnd["round"], "findings": len(rnd["findings"]),
                                             "documents": len(rnd["documents"]), "submitted": rnd["submission"]["date"],
                                             "carried": len(carried)})
    if carried:
        ws.journal(case.id, "沿用上一轮审核决定", "审查", {"round": rnd["round"], "carried": carried})
    return rnd


def _officer_namer(ws: Workspace):
    reg = ws.officers()

    def name(cert: str) -> str:
        o = reg.lookup(cert)
        return o.name if o else cert
    return name


def changes_between(prev: dict[str, Any], cur: dict[str, Any], *, pairs=None, officer_name=None) -> dict[str, Any]:
    """Documents added, removed and changed; facts changed (by path, and as Chinese lines); every
    finding of either round as 未变化 / 已变化 / 已解决 / 新发现 (see checklists.review_changes)."""
    pd, cd = prev["documents"], cur["documents"]
    pairs = pairs if pairs is not None else match_findings(prev["findings"], cur["findings"])
    officer_name = officer_name or (lambda c: c)
    facts = diff_facts(prev["facts"], cur["facts"])
    items = finding_changes(prev, pairs, cur.get("added", []))

    def of(status: str) -> list[dict[str, Any]]:
        return [{k: x[k] for k in ("rule", "rule_name", "message", "old_message", "id", "previous_id") if k in x}
                for x in items if x["status"] == status]
    return {
        "documents_added": sorted(set(cd) - set(pd)),
        "documents_removed": sorted(set(pd) - set(cd)),
        "documents_changed": sorted(f for f in set(pd) & set(cd) if pd[f] != cd[f]),
        "facts_changed": facts,
        "fact_changes": fact_changes(facts, officer_name),
        "findings": items,
        "resolved": of("已解决"),
        "changed": of("已变化"),
        "unchanged": of("未变化"),
        "new": of("新发现"),
        "to_recheck": of("待复核"),
    }


def all_findings(rnd: dict[str, Any]) -> list[dict[str, Any]]:
    """The rules' findings and the reviewer's own, in the order they are numbered."""
    return list(rnd["findings"]) + list(rnd.get("added", []))


def undecided(rnd: dict[str, Any]) -> list[dict[str, Any]]:
    """Findings of the round neither accepted nor overridden: the opinion waits for them."""
    return [f for f in all_findings(rnd) if f.get("decision") is None]


@with_case_lock
def decide(ws: Workspace, case_ref: str, finding_id: int, action: str, reason: str = "") -> dict[str, Any]:
    if action not in ("accept", "override"):
        raise UsageError("只能 accept（采纳）或 override（不采纳）")
    if action == "override" and not reason.strip():
        raise UsageError("不采纳一条审核发现必须写明理由（--reason）")
    cid, rnd = current(ws, case_ref)
    if rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮已出具审核意见，不能再修改")
    f = next((f for f in all_findings(rnd) if f["id"] == finding_id), None)
    if f is None:
        raise UsageError(f"第 {rnd['round']} 轮没有编号为 {finding_id} 的审核发现", details=["用 casefile review show CASE 查看编号"])
    f["decision"], f["reason"] = action, reason.strip()
    f.pop("carried_from", None)  # decided in this round now, not carried over
    _save(ws, cid, rnd)
    ws.journal(cid, "审核发现" + ("采纳" if action == "accept" else "不采纳"), "审查",
               {"round": rnd["round"], "finding": finding_id, "rule": f["rule"], "reason": reason.strip()})
    return f


def _code(value: str, codes: tuple[str, ...], names: dict[str, str]) -> str | None:
    """A category or severity given by its code or its Chinese name."""
    v = (value or "").strip()
    if v in codes:
        return v
    return next((c for c in codes if names[c] == v), None)


def validate_added(category: str, severity: str, message: str, basis: str) -> list[str]:
    """What is missing or wrong in a finding the reviewer adds, each in Chinese ([] when it may be added)."""
    problems = []
    if _code(category, CATEGORIES, CATEGORY_NAMES) is None:
        problems.append("类别：必选，应为" + "、".join(CATEGORY_NAMES[c] for c in CATEGORIES) + "之一"
                        + (f"（“{category}”不是审核类别）" if category else ""))
    if _code(severity, SEVERITIES, SEVERITY_NAMES) is None:
        problems.append("严重程度：必选，应为" + "、".join(SEVERITY_NAMES[s] for s in SEVERITIES) + "之一"
                        + (f"（“{severity}”不是严重程度）" if severity else ""))
    if not (message or "").strip():
        problems.append("问题描述：必填，写明发现的问题")
    if not (basis or "").strip() or (basis or "").strip() in ("—", "-", "无"):
        problems.append("法律依据：必填，写明所依据的法律条款，如《中华人民共和国行政处罚法》第三十二条")
    return problems


@with_case_lock
def add_finding(ws: Workspace, case_ref: str, category: str, severity: str, message: str, basis: str = "") -> dict[str, Any]:
    problems = validate_added(category, severity, message, basis)
    if problems:
        raise UsageError("补充的审核发现不完整：" + "；".join(problems), details=problems)
    category = _code(category, CATEGORIES, CATEGORY_NAMES)
    severity = _code(severity, SEVERITIES, SEVERITY_NAMES)
    message, basis = message.strip(), basis.strip()
    cid, rnd = current(ws, case_ref)
    if rnd.get("opinion"):
        raise CheckError(f"第 {rnd['round']} 轮已出具审核意见，不能再添加")
    item = {"id": len(rnd["findings"]) + len(rnd["added"]) + 1, "rule": "人工", "category": category, "severity": severity,
            "message": message, "basis": basis, "documents": [], "evidence": [], "decision": "accept", "reason": "审核人员补充"}
    rnd["added"].append(item)
    _save(ws, cid, rnd)
    ws.journal(cid, "补充审核发现", "审查", {"round": rnd["round"], "message": message, "category": category,
                                          "severity": severity, "basis": basis})
    return item


def open_problems(rnd: dict[str, Any]) -> list[dict[str, Any]]:
    """What the opinion lists: every finding the reviewer accepted (rules' and own). Undecided
    findings never reach an opinion (issue_opinion refuses); a legacy undecided veto/major one counts."""
    out = []
    for f in all_findings(rnd):
        if f.get("decision") == "override":
            continue
        if f.get("decision") == "accept" or f["severity"] in ("veto", "major"):
            out.append(f)
    return out


def submission_date(ws: Workspace, case, rnd: dict[str, Any]) -> dt.date | None:
    """The 送审 date the round reviews: recorded in the round, else the case's latest submission."""
    recorded = (rnd.get("submission") or {}).get("date")
    if recorded:
        return dt.date.fromisoformat(recorded)
    subs = submissions(case)
    return max(a.date for a in subs) if subs else None


def why_not_issue(ws: Workspace, case, rnd: dict[str, Any]) -> tuple[str, list[str]]:
    """('', []) when the round's opinion may be issued, else why not and what to do, in Chinese."""
    if rnd.get("opinion"):
        return f"第 {rnd['round']} 轮已出具审核意见（{rnd['opinion']['file']}）", []
    waiting = undecided(rnd)
    if waiting:
        ids = "、".join(str(f["id"]) for f in waiting)
        return (f"第 {rnd['round']} 轮还有 {len(waiting)} 条审核发现待定（编号 {ids}），不能出具审核意见书",
                ["逐条采纳（casefile review accept CASE 编号）或写明理由不采纳（casefile review override CASE 编号 --reason …）"])
    if submission_date(ws, case, rnd) is None:
        return (f"案件 {case.id} 没有提交法制审核（送审）的记录，审核意见书的送审日期无从填写",
                ["先记录送审（提交法制审核）这一执法行为及其日期"])
    no_basis = [f for f in open_problems(rnd) if not str(f.get("basis") or "").strip() or str(f["basis"]).strip() in ("—", "-")]
    if no_basis:
        ids = "、".join(str(f["id"]) for f in no_basis)
        return (f"第 {rnd['round']} 轮有 {len(no_basis)} 条列入意见书的问题没有法律依据（编号 {ids}）",
                ["不采纳该条（写明理由），另行补充一条写明法律依据的发现"])
    return "", []


@with_case_lock
def issue_opinion(ws: Workspace, case_ref: str, today: dt.date) -> dict[str, Any]:
    cid, rnd = current(ws, case_ref)
    case = ws.load_case(cid)
    why, details = why_not_issue(ws, case, rnd)
    if why:
        raise CheckError(why, details=details)
    problems = open_problems(rnd)
    conclusion = "存在问题" if problems else "同意"
    reg = ws.officers()
    reviewer, signer = _signer(ws, case, reg)
    submitted = submission_date(ws, case, rnd)
    extra = {
        "review_problems": [{"message": p["message"], "basis": p["basis"]} for p in problems],
        "review_conclusion": conclusion,
        "review_date": cn_date(today),
        "submit_date": cn_date(submitted),  # the submission this round reviews (a resubmission for round 2 …)
        "document_date": today,
        "reviewer_name": signer,
    }
    # each round's opinion is its own document: round 2's must not overwrite the one round 1 issued
    # (the file name carries the round from the second on; round 1 keeps the plain name)
    rendered = render_document(ws, cid, "legal_review_opinion", extra=extra, today=today,
                               volume=f"第{rnd['round']}轮" if rnd["round"] > 1 else "")
    rnd["opinion"] = {"file": rendered.record.file, "conclusion": conclusion, "date": today.isoformat(),
                      "submitted": submitted.isoformat(), "reviewer": extra["reviewer_name"], "problems": len(problems)}
    _save(ws, cid, rnd)
    if conclusion == "同意":
        case = ws.load_case(cid)
        case.acts.append(Act(kind=ActKind.LEGAL_REVIEW, date=today, officers=[reviewer.certificate] if reviewer else [], note="审核意见：同意"))
        ws.save_case(case, act="法制审核同意", stage="审查")
    ws.journal(cid, "出具法制审核意见", "审查", {"round": rnd["round"], "conclusion": conclusion, "file": rendered.record.file,
                                             "submitted": submitted.isoformat()},
               docs={rendered.record.file: rendered.record.sha256})
    return rnd["opinion"]


def _signer(ws: Workspace, case, reg):
    """(the reviewer's officer entry or None, the name the opinion is signed with): the person who
    issues it when the session knows them (casefile.store.users.Actor), else the case's listed reviewer."""
    name = getattr(ws.actor, "name", "")
    if name:
        officer = getattr(ws.actor, "officer", "")
        return (reg.by_certificate(officer) if officer else None), name
    reviewer = reg.lookup(case.review.reviewer) if case.review.reviewer else None
    if reviewer is None:
        reviewer = next((o for o in reg.officers if "法制审核" in o.roles and (not case.sector or case.sector in o.categories)), None)
    return reviewer, reviewer.name if reviewer else (ws.actor or journal.default_actor())
