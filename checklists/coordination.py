"""The coordination step after a review round concluding 存在问题: the 承办机构 either puts the
problems right and resubmits (a new round), or answers in writing why it keeps its proposal, and
the question goes to the 负责人 or to the 集体讨论 (the seeds' 协调: 法制审核机构与承办机构意见不一致
的，报请负责人或集体讨论决定). The response and how it was settled are kept in the round
(``response``, ``response.settled``); casefile.law.transitions reads them before any 决定."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casefile.errors import CheckError, UsageError
from casefile.store.workspace import Workspace, with_case_lock
from checklists import review as rounds

RECIPIENTS = ("负责人", "集体讨论")


def why_not_respond(ws: Workspace, case, rnd: dict[str, Any] | None, index: int) -> str:
    if rnd is None or not rnd.get("opinion"):
        return f"案件 {case.id} 没有已出具的法制审核意见，无需书面说明"
    if rnd["opinion"]["conclusion"] != "存在问题":
        return f"第 {rnd['round']} 轮审核意见为“{rnd['opinion']['conclusion']}”，无需书面说明"
    if len(rounds.submissions(case)) > rounds._submitted_count(rnd, index):
        return f"第 {rnd['round']} 轮审核后已重新送审，按新一轮审核办理"
    response = rnd.get("response") or {}
    if response and not response.get("settled"):
        return f"承办机构已于 {response['date']} 书面说明并报{response['to']}，尚待其决定"
    if (response.get("settled") or {}).get("conclusion") == "同意":
        return f"{response['to']}已同意承办机构的意见，可以作出决定"
    return ""


@with_case_lock
def respond(ws: Workspace, case_ref: str, text: str, to: str, today: dt.date) -> dict[str, Any]:
    """Record the 承办机构's written response to a 存在问题 opinion and whom it goes to."""
    if to not in RECIPIENTS:
        raise UsageError(f"书面说明只能报送{'或'.join(RECIPIENTS)}，不是“{to}”")
    if not text.strip():
        raise UsageError("书面说明不能为空：写明不采纳审核意见的理由")
    rs = rounds.rounds(ws, case_ref)
    case = ws.load_case(case_ref)
    rnd = rs[-1] if rs else None
    why = why_not_respond(ws, case, rnd, len(rs) - 1)
    if why:
        raise CheckError(why)
    rnd["response"] = {"text": text.strip(), "to": to, "date": today.isoformat(), "by": str(ws.actor or ""),
                       "by_name": getattr(ws.actor, "name", "")}
    rounds._save(ws, case_ref, rnd)
    ws.journal(case_ref, "承办机构书面说明", "审查", {"round": rnd["round"], "to": to, "text": text.strip()})
    return rnd["response"]


def settle(ws: Workspace, case_id: str, by: str, conclusion: str, opinion: str, today: dt.date) -> dict[str, Any] | None:
    """The 负责人's 审批 or the 集体讨论's conclusion settles a response sent to it (the caller holds
    the case lock); None when no response waits for ``by``."""
    rs = rounds.rounds(ws, case_id)
    rnd = rs[-1] if rs else None
    response = (rnd or {}).get("response") or {}
    if not response or response.get("settled") or response["to"] != by:
        return None
    response["settled"] = {"by": str(ws.actor or ""), "by_name": getattr(ws.actor, "name", ""), "conclusion": conclusion,
                           "opinion": opinion, "date": today.isoformat()}
    rounds._save(ws, case_id, rnd)
    return response["settled"]


def pending(rnd: dict[str, Any] | None) -> str:
    """Whom a round's response waits for ('' when none waits)."""
    response = (rnd or {}).get("response") or {}
    return response["to"] if response and not response.get("settled") else ""
