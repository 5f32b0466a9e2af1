"""Checking and legal review: run the checklist; open a round only by an explicit
action on a submitted case; viewing shows the current round and never opens one."""

from __future__ import annotations

from typing import Any, Callable

from casefile.model import Case, CaseState
from checklists import review as rounds
from checklists.engine import CheckResult, run_check


class ReviewOps:
    def check(self, case_ref: str, mode: str = "review", progress: Callable[[int, int, str], None] | None = None) -> CheckResult:
        return run_check(self.ws, case_ref, mode, today=self.today, progress=progress)

    @staticmethod
    def can_open_review(case: Case) -> str:
        """'' when a round may be opened on the case, else why not (in Chinese)."""
        if case.state != CaseState.IN_REVIEW:
            return f"案件状态为“{case.state.value}”，尚未提交法制审核"
        return ""

    def current_review(self, case_ref: str) -> dict[str, Any] | None:
        """The latest round, or None when the case has none. Never opens a round."""
        rs = rounds.rounds(self.ws, self.ws.resolve(case_ref))
        return rs[-1] if rs else None

    def open_review(self, case_ref: str) -> dict[str, Any]:
        """Start a round on a submitted case: record what was submitted and run the checklist."""
        return rounds.open_round(self.ws, case_ref, today=self.today)

    def decide_finding(self, case_ref: str, finding_id: int, action: str, reason: str = "") -> dict[str, Any]:
        return rounds.decide(self.ws, case_ref, finding_id, action, reason)

    def add_finding(self, case_ref: str, category: str, severity: str, message: str, basis: str = "") -> dict[str, Any]:
        return rounds.add_finding(self.ws, case_ref, category, severity, message, basis)

    def issue_opinion(self, case_ref: str) -> dict[str, Any]:
        """The 法制审核意见书, dated by the clock; the opinion document and the case's acts are re-indexed."""
        opinion = rounds.issue_opinion(self.ws, case_ref, today=self.today)
        self.reindex(self.ws.resolve(case_ref), refresh=opinion["conclusion"] == "同意")
        return opinion

    def resubmit(self, case_ref: str) -> dict[str, Any]:
        result = rounds.resubmit(self.ws, case_ref, today=self.today)
        self.reindex(result["case"], refresh=True)
        return result
