"""Checking and legal review: run the checklist; open a round only by an explicit
action on a submitted case; viewing shows the current round and never opens one.
The safeguards (who may open, when the opinion may be issued, what an added finding
needs, which decisions carry over) live in checklists.review, so the CLI and the
screen refuse the same things with the same Chinese reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from casefile.errors import CheckError
from casefile.model import ActKind, Case
from tui.application.access import guarded
from tui.application.core import Core, Result, Service
from tui.application.entries import RESUBMIT
from tui.application.lazy import lazy_module

if TYPE_CHECKING:  # the services this one calls
    from checklists.engine import CheckResult
    from tui.application.entries import Entries
    from tui.application.search import Search

rounds = lazy_module("checklists.review")
engine = lazy_module("checklists.engine")
changes = lazy_module("checklists.review_changes")


@dataclass
class Resubmission(Result):
    case: str
    resubmitted: str  # the day, ISO
    after_round: int


@dataclass
class ReviewFacts(Result):
    """What the reviewer weighs beside the findings, as Chinese lines."""

    proposed: list[str]
    decided: list[str]
    acts: list[str]
    submitted: list[str]


class Review(Service):
    def __init__(self, core: Core, *, search: Search, entries: Entries):
        super().__init__(core)
        self.search = search
        self.entries = entries

    @guarded("check", "ref")
    def check(self, case_ref: str, mode: str = "review", progress: Callable[[int, int, str], None] | None = None) -> CheckResult:
        return engine.run_check(self.ws, case_ref, mode, today=self.today, progress=progress)

    def can_open_review(self, case: Case) -> str:
        """'' when a round may be opened on the case, else why not (in Chinese)."""
        return rounds.why_not_open(self.ws, case)

    def current_review(self, case_ref: str) -> dict[str, Any] | None:
        """The latest round, or None when the case has none. Never opens a round."""
        rs = rounds.rounds(self.ws, self.ws.resolve(case_ref))
        return rs[-1] if rs else None

    @guarded("review", "ref")
    def open_review(self, case_ref: str) -> dict[str, Any]:
        """Start a round on a submitted case: record what was submitted and run the checklist."""
        return rounds.open_round(self.ws, case_ref, today=self.today)

    @guarded("review", "ref")
    def decide_finding(self, case_ref: str, finding_id: int, action: str, reason: str = "") -> dict[str, Any]:
        return rounds.decide(self.ws, case_ref, finding_id, action, reason)

    @staticmethod
    def undecided_findings(rnd: dict[str, Any] | None) -> list[dict[str, Any]]:
        """The round's findings still 待定, in order: what must be decided before the opinion."""
        return rounds.undecided(rnd) if rnd else []

    @staticmethod
    def check_added_finding(category: str, severity: str, message: str, basis: str) -> list[str]:
        """What is missing in a finding the reviewer adds, each in Chinese (the form shows them)."""
        return rounds.validate_added(category, severity, message, basis)

    @guarded("review", "ref")
    def add_finding(self, case_ref: str, category: str, severity: str, message: str, basis: str = "") -> dict[str, Any]:
        return rounds.add_finding(self.ws, case_ref, category, severity, message, basis)

    def can_issue_opinion(self, case_ref: str) -> tuple[str, list[str]]:
        """('', []) when the current round's opinion may be issued, else why not and what to do."""
        cid = self.ws.resolve(case_ref)
        rnd = self.current_review(cid)
        if rnd is None:
            return f"案件 {cid} 还没有审核轮次", []
        return rounds.why_not_issue(self.ws, self.ws.load_case(cid), rnd)

    @guarded("review", "ref")
    def issue_opinion(self, case_ref: str) -> dict[str, Any]:
        """The 法制审核意见书, dated by the clock; the opinion document and the case's acts are re-indexed."""
        opinion = rounds.issue_opinion(self.ws, case_ref, today=self.today)
        self.search.reindex(self.ws.resolve(case_ref), refresh=opinion["conclusion"] == "同意")
        return opinion

    @guarded("move", "ref", move=RESUBMIT)
    def resubmit(self, case_ref: str) -> Resubmission:
        """重新送审 after a review opinion: the state move of that name (the TUI's state dialog makes
        the same move), refused as a review error with its blockers."""
        why = "；".join(self.entries.resubmission_blockers(case_ref))
        if why:
            raise CheckError(why)
        case = self.entries.move_case(case_ref, RESUBMIT)
        after = rounds.rounds(self.ws, case.id)[-1]["round"]
        return Resubmission(case.id, self.today.isoformat(), after)

    def review_facts(self, case_ref: str, acts: int = 5) -> ReviewFacts:
        """What the reviewer weighs beside the findings, in Chinese lines: the proposed penalty
        (each measure with its amount and basis, from the case's facts), the decided one if any,
        and the latest acts (date, act, officers by name), newest last."""
        case = self.ws.load_case(case_ref)
        reg = self.ws.officers()

        def officer(cert: str) -> str:
            o = reg.lookup(cert)
            return o.name if o else cert
        plain = case.to_toml_dict()
        latest = sorted(enumerate(plain.get("acts", [])), key=lambda ia: (str(ia[1].get("date", "")), ia[0]))[-acts:]
        return ReviewFacts(
            proposed=[changes.measure_text(m) for m in plain.get("proposed", [])],
            decided=[changes.measure_text(m) for m in plain.get("decided", [])],
            acts=[changes.record_text("acts", a, officer) for _, a in latest],
            submitted=[str(a.date) for a in case.acts_of(ActKind.SUBMIT_REVIEW)],
        )


# -- the round as lines a person reads (the CLI prints them, the screen shows them) -------------
def finding_line(f: dict[str, Any]) -> str:
    """One finding: number, rule by its Chinese name, category/severity, text, decision (沿用第N轮 when carried)."""
    from tui.application.names import CATEGORY_NAMES, DECISION_NAMES, SEVERITY_NAMES, rule_name

    decision = DECISION_NAMES.get(f.get("decision"), "待定")
    if f.get("reason") and f.get("decision"):
        decision += "：" + f["reason"]
    if f.get("carried_from"):
        decision += f"，沿用第{f['carried_from']}轮"
    elif f.get("from_round") and f.get("decision") is None:
        decision += f"，第{f['from_round']}轮补充，请复核是否已整改"
    # no space inside the line: a narrow screen wraps at spaces and would strand the number
    return (f"{f['id']:>2}．[{rule_name(f['rule'])}｜{CATEGORY_NAMES.get(f['category'], '')}/{SEVERITY_NAMES.get(f['severity'], '')}]"
            f"{f['message']}（{decision}）")


def change_lines(ch: dict[str, Any] | None) -> list[str]:
    """The round-to-round diff in Chinese: documents, facts by their Chinese names, each finding's fate."""
    if not ch:
        return []
    out = ["与上一轮相比："]
    for label, key in (("新增文书", "documents_added"), ("修改文书", "documents_changed"), ("删除文书", "documents_removed")):
        if ch.get(key):
            out.append(f"  {label}：{'、'.join(ch[key])}")
    for c in ch.get("fact_changes", []):
        out.append(f"  事实·{c['field']}{c['change']}：{c['text']}")
    if "findings" in ch:
        for x in ch["findings"]:
            num = f"第{x['id']}条 " if x.get("id") else ""
            if x["status"] == "已变化":
                out.append(f"  已变化：{num}[{x['rule_name']}] {x['old_message']} → {x['message']}")
            elif x["status"] == "未变化":
                carried = f"（沿用第{x['carried_from']}轮决定）" if x.get("carried_from") else "（仍然存在）"
                out.append(f"  未变化：{num}[{x['rule_name']}] {x['message']}{carried}")
            elif x["status"] == "待复核":
                out.append(f"  待复核：{num}[{x['rule_name']}] {x['message']}（{x['note']}）")
            else:
                out.append(f"  {x['status']}：{num}[{x['rule_name']}] {x['message']}")
    return out
