"""The approval chain before a decision: the 负责人's 审批 (行政处罚法§57第一款), the 集体讨论
(§57第二款: 情节复杂或者重大违法行为, and a 重大执法决定 where the profile says so) with its
participants, opinions and conclusion (the facts of its 集体讨论记录), and the 承办机构's written
response when a review round concluded 存在问题. Each is recorded by the person holding the role
(each operation's guard checks it) and journaled under their name; and "my work": what waits for
the acting user by their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casefile.output import records

from casefile.law import transitions
from casefile.errors import CasefileError, UsageError
from casefile.model import Act, ActKind, Case, CaseState
from tui.application.access import guarded
from tui.application.core import Core, Result, Service
from tui.application.lazy import lazy_module

if TYPE_CHECKING:  # the services this one calls
    from tui.application.cases import Cases
    from tui.application.documents import Documents
    from tui.application.entries import Entries
    from tui.application.review import Review

coordination = lazy_module("checklists.coordination")  # with the review rounds: loaded when used, not per command
rounds = lazy_module("checklists.review")

CONCLUSIONS = ("同意", "不同意")
# a decision is still to be made in these states: the chain applies
BEFORE_DECISION = (CaseState.OPENED, CaseState.INVESTIGATING, CaseState.IN_REVIEW)


def _opinion(text: str) -> dict[str, str]:
    """``姓名（职务）：意见`` or ``姓名：意见`` as a record's opinion."""
    m = re.match(r"\s*([^：:（(]+?)\s*(?:[（(]([^）)]*)[）)])?\s*[：:]\s*(.+)", text)
    if not m:
        raise UsageError(f"讨论意见“{text}”应写成“姓名：意见”或“姓名（职务）：意见”")
    return {"name": m.group(1), "role": m.group(2) or "", "opinion": m.group(3).strip()}


@dataclass
class Approval(Result):
    """The 负责人's 审批 as recorded; ``settled_response``: it decided a written response sent to the 负责人."""

    case: str
    conclusion: str
    opinion: str
    date: str
    approver: str
    settled_response: bool


@dataclass
class Discussion(Result):
    """The 集体讨论 as recorded; ``document``: its 集体讨论记录 ('' when not rendered)."""

    case: str
    participants: list[str]
    opinions: list[dict[str, str]]
    conclusion: str
    result: str
    date: str
    document: str
    settled_response: bool


@dataclass
class WorkItem(Result):
    """A case waiting for the acting user, and what waits."""

    case: str
    party: str
    state: str
    waiting: str = ""


class Approvals(Service):
    def __init__(self, core: Core, *, cases: Cases, entries: Entries, documents: Documents, review: Review):
        super().__init__(core)
        self.cases = cases
        self.entries = entries
        self.documents = documents
        self.review = review

    def _before_decision(self, case: Case, what: str) -> None:
        if case.state not in BEFORE_DECISION:
            raise UsageError(f"案件 {case.id} 的状态是“{case.state.value}”，已无需{what}")

    @guarded("approve", "ref")
    def approve(self, case_ref: str, opinion: str, conclusion: str = "同意") -> Approval:
        """The 负责人's 审批: a dated act under the approver's certificate; settles a written
        response sent to the 负责人."""
        if conclusion not in CONCLUSIONS:
            raise UsageError(f"审批结论只能是{'或'.join(CONCLUSIONS)}，不是“{conclusion}”")
        if not opinion.strip():
            raise UsageError("审批意见不能为空")
        cid = self.ws.resolve(case_ref)
        with self.ws.case_lock(cid):
            case = self.ws.load_case(cid)
            self._before_decision(case, "负责人审批")
            officer = [self.access.user.officer] if self.access.user.officer else []
            case.acts.append(Act(kind=ActKind.HEAD_APPROVAL, date=self.today, officers=officer, note=f"{conclusion}：{opinion.strip()}"))
            settled = coordination.settle(self.ws, cid, "负责人", conclusion, opinion.strip(), self.today)
            self.cases.save_case(case, act="负责人审批", stage="审查")
        return Approval(cid, conclusion, opinion.strip(), self.today.isoformat(), self.access.user.name, settled is not None)

    @guarded("discuss", "ref")
    def discuss(self, case_ref: str, *, participants: list[str], opinions: list[str], conclusion: str,
                result: str = "同意", place: str = "", recorder: str = "") -> Discussion:
        """The 集体讨论: who took part, what each said, the conclusion — kept as the facts of the
        集体讨论记录 (rendered when the case type has one); settles a response sent to it."""
        if result not in CONCLUSIONS:
            raise UsageError(f"讨论结果只能是{'或'.join(CONCLUSIONS)}，不是“{result}”")
        people = [p.strip() for p in participants if p.strip()]
        if len(people) < 2:
            raise UsageError("集体讨论至少应有两名参加人员（用 --participant 逐一给出）")
        if not conclusion.strip():
            raise UsageError("集体讨论应写明结论（--conclusion）")
        said = [_opinion(o) for o in opinions]
        strangers = [o["name"] for o in said if o["name"] not in people]
        if strangers:
            raise UsageError(f"发表意见的“{'、'.join(strangers)}”不在参加人员中")
        cid = self.ws.resolve(case_ref)
        with self.ws.case_lock(cid):
            case = self.ws.load_case(cid)
            self._before_decision(case, "集体讨论")
            rec = records.of_case(case.extra)
            rec.discussion = records.Discussion(place=place, recorder=recorder or self.access.user.name, members=people,
                                                opinions=[records.Opinion(**o) for o in said], conclusion=conclusion.strip())
            case.extra = dict(case.extra, **{records.KEY: records.compact(rec.model_dump())})
            case.acts.append(Act(kind=ActKind.COLLECTIVE_DISCUSSION, date=self.today, note=f"{result}：{conclusion.strip()}"))
            settled = coordination.settle(self.ws, cid, "集体讨论", result, conclusion.strip(), self.today)
            self.cases.save_case(case, act="集体讨论", stage="审查")
        document = ""
        if any(t.code == "collective_discussion" for t in self.documents.templated_types(cid)):
            try:
                document = self.documents.render(cid, "collective_discussion").record.file
            except CasefileError:
                document = ""  # the record's facts are kept; the document can be generated later
        return Discussion(cid, people, said, conclusion.strip(), result, self.today.isoformat(), document, settled is not None)

    @guarded("respond", "ref")
    def respond_to_review(self, case_ref: str, text: str, to: str) -> dict[str, Any]:
        """The 承办机构's written response to a 存在问题 opinion, sent to the 负责人 or the 集体讨论."""
        return coordination.respond(self.ws, case_ref, text, to, self.today)

    # -- my work ---------------------------------------------------------------------------------
    def my_work(self) -> dict[str, list[WorkItem]]:
        """What waits for the acting user, by role: 待我审核 (法制审核), 待我审批 (负责人), 我的案件 (承办人,
        with the nearest deadline warning). Each item: case id, 当事人, state, what is waiting."""
        out: dict[str, list[WorkItem]] = {"待我审核": [], "待我审批": [], "我的案件": []}
        if not self.access.user:
            return out
        for row in self.cases.case_list().cases:  # the catalogue first: only the cases a role may want are read
            if not self._may_want(row.id, row.summary["state"]):
                continue
            case = self.ws.load_case(row.id)
            item = dict(case=case.id, party=case.parties[0].name if case.parties else "", state=case.state.value)
            if "法制审核" in self.access.roles and not self.access.handles(case):
                if not self.review.can_open_review(case):
                    out["待我审核"].append(WorkItem(**item, waiting="已送审，待开始审核"))
                elif self.access.reviewing(case):
                    out["待我审核"].append(WorkItem(**item, waiting="审核进行中，待出具审核意见"))
            if "负责人" in self.access.roles:
                waiting = self._waiting_for_head(case)
                if waiting:
                    out["待我审批"].append(WorkItem(**item, waiting=waiting))
            if "承办人" in self.access.roles and self.access.handles(case):
                soon = "；".join(f"{w.kind}{w.status}（{w.text}）" for w in row.warnings[:2])
                out["我的案件"].append(WorkItem(**item, waiting=soon))
        return out

    def _may_want(self, case_id: str, state: str) -> bool:
        if "法制审核" in self.access.roles and state == CaseState.IN_REVIEW.value:
            return True
        if "负责人" in self.access.roles and state in {s.value for s in BEFORE_DECISION}:
            return True
        # a handler's cases name his certificate: a byte search spares parsing every other case
        officer = self.access.user.officer.encode()
        return "承办人" in self.access.roles and bool(officer) and officer in self._case_bytes(case_id)

    def _case_bytes(self, case_id: str) -> bytes:
        try:
            return (self.ws.cases_dir / case_id / "case.toml").read_bytes()
        except OSError:
            return b""

    def _waiting_for_head(self, case: Case) -> str:
        if case.state not in BEFORE_DECISION:
            return ""
        rs = rounds.rounds(self.ws, case.id)
        to = coordination.pending(rs[-1] if rs else None)
        if to:
            return f"审核意见存在问题，承办机构书面说明待{to}决定"
        ctx = self.entries.transition_context(case)
        for o in transitions.available(ctx):
            needs = [r for r in ctx.requires.get(o.transition.id, ()) if transitions.REQUIREMENTS[r](ctx)]
            if needs and len(needs) == len(o.blockers):  # nothing else stands before the decision
                return f"“{o.transition.id}”待" + "、".join(needs)
        return ""
