"""Entering facts (当事人, 执法行为, 处罚/措施, 证据) and moving a case between states.

One place for both front ends: the CLI's ``casefile facts`` / ``casefile state`` and the TUI's
forms and 状态变更 dialog call these. Every entry is checked by ``casefile.law.entries`` against the
session's clock and the officer register; a wrong entry raises ``EntryError`` whose ``fields``
map each form field to its Chinese message. Every change is written through ``save_case``
(journaled, the index and catalogue refreshed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casefile.law import case_facts, entries, profiles, transitions
from casefile.law.requirements import major_decision_reasons
from casefile.errors import EntryError, UsageError
from casefile.model import Case, CaseState
from tui.application.access import guarded, move_rule
from tui.application.cases import control_errors
from tui.application.core import Core, Result, Service
from tui.application.lazy import lazy_module

if TYPE_CHECKING:  # the services this one calls
    from tui.application.cases import Cases

rounds = lazy_module("checklists.review")
RESUBMIT = "重新送审"  # the move (each casefile/data/case_types/*.toml) that resubmits a case after a review opinion

# the list of a case each section edits
SECTIONS = ("parties", "acts", "proposed", "decided", "evidence")


@dataclass
class EntryChoices(Result):
    """What the forms offer: party kinds, the act kinds of the case's type, measure and evidence kinds, service methods."""

    party_kinds: list[str]
    act_kinds: list[str]
    measure_kinds: list[str]
    evidence_kinds: list[str]
    methods: list[str]


def refuse_archived(case: Case, what: str = "修改") -> None:
    """An archived case is read-only: the archive holds it as it was bound (《机关档案管理规定》)."""
    if case.state == CaseState.ARCHIVED:
        raise UsageError(f"案件 {case.id} 已归档，不能{what}", details=["已归档的案卷只读：如需更正，应按档案管理规定办理后另行登记"])


class Entries(Service):
    def __init__(self, core: Core, *, cases: Cases):
        super().__init__(core)
        self.cases = cases

    # -- what the forms offer --------------------------------------------------------------
    @staticmethod
    def entry_choices(case: Case) -> EntryChoices:
        """Choice lists for the forms: act kinds of the case's type, measure and evidence kinds."""
        from casefile.model import PartyKind, ServiceMethod

        return EntryChoices([k.value for k in PartyKind], entries.act_kinds(case.case_type), entries.measure_kinds(),
                            entries.evidence_kinds(), [m.value for m in ServiceMethod])

    # -- checking -------------------------------------------------------------------------
    def check_entry(self, case: Case, section: str, data: dict[str, Any], index: int | None = None) -> tuple[Any, dict[str, str]]:
        """(the entry as a model object, {}) or (None, {field: what is wrong})."""
        if section == "parties":
            return entries.party_entry(data, self.today)
        if section == "acts":
            return entries.act_entry(case, data, self.today, self.ws.officers(), index=index)
        if section in ("proposed", "decided"):
            measure, errors = entries.measure_entry(data)
            if measure is not None:
                errors = entries.summary_measure_breaches(case, section, measure, index, profiles.load_profile_for(self.ws, case))
            return (None, errors) if errors else (measure, errors)
        if section == "evidence":
            return entries.evidence_entry(data, self.today)
        raise UsageError(f"不认识的事实类别“{section}”", details=["可选：" + "、".join(entries.SECTION_LABELS[s] for s in SECTIONS)])

    def _checked(self, case: Case, section: str, data: dict[str, Any], index: int | None) -> Any:
        entry, errors = self.check_entry(case, section, data, index)
        errors = {**errors, **control_errors(data)}
        if errors:
            raise EntryError(f"{entries.SECTION_LABELS[section]}有 {len(errors)} 处问题，未保存", errors, entries.labels(section))
        return entry

    # -- changing --------------------------------------------------------------------------
    @guarded("enter_facts", "ref")
    def save_entry(self, case_ref: str, section: str, data: dict[str, Any], index: int | None = None) -> Case:
        """Add an entry to a section of the case (or replace entry ``index``, counted from 0);
        refused with every problem when an entry is wrong. Journaled as 录入/修改<section>."""
        with self.ws.case_lock(self.ws.resolve(case_ref)):  # read, change and write back as one step
            return self._save_entry(case_ref, section, data, index)

    def _save_entry(self, case_ref: str, section: str, data: dict[str, Any], index: int | None) -> Case:
        case = self.ws.load_case(case_ref)
        refuse_archived(case, "录入事实")
        entry = self._checked(case, section, data, index)
        items = getattr(case, section)
        label = entries.SECTION_LABELS[section]
        if index is None:
            items.append(entry)
            act = f"录入{label}"
        else:
            self._index(case, section, index)
            items[index] = entry
            act = f"修改{label}"
        setattr(case, section, items)
        self.cases.save_case(case, act=act)
        return case

    @guarded("enter_facts", "ref")
    def remove_entry(self, case_ref: str, section: str, index: int) -> Case:
        with self.ws.case_lock(self.ws.resolve(case_ref)):
            return self._remove_entry(case_ref, section, index)

    def _remove_entry(self, case_ref: str, section: str, index: int) -> Case:
        case = self.ws.load_case(case_ref)
        refuse_archived(case, "删除事实")
        self._index(case, section, index)
        items = getattr(case, section)
        del items[index]
        setattr(case, section, items)
        self.cases.save_case(case, act=f"删除{entries.SECTION_LABELS[section]}")
        return case

    # -- the case's own facts and its records' content (case_facts) ---------------------------
    @staticmethod
    def case_fact_sections() -> dict[str, list[str]]:
        """{section's Chinese name: its form fields}: 违法事实, 违反条款, 案件来源, 承办人, 陈述申辩 …"""
        return {name: list(s.fields) for name, s in case_facts.SECTIONS.items()}

    @staticmethod
    def case_fact_labels(section: str) -> dict[str, str]:
        return case_facts.labels(case_facts.section(section).key)

    def case_fact(self, case_ref: str, section: str) -> dict[str, Any]:
        """What the case holds for a section, keyed by the form's fields."""
        return case_facts.current(self.ws.load_case(case_ref), self._fact_section(section).label)

    def save_case_fact(self, case_ref: str, section: str, data: dict[str, Any], *, replace: bool = False) -> Case:
        """Enter a section of the case's facts (违法事实 …) or a record's content (陈述申辩 …).
        A section the case already holds is only replaced when ``replace`` (修改) — adding
        to it is refused, except 违反条款, whose articles are added to. Journaled as 录入/修改<section>."""
        s = self._fact_section(section)
        case = self.ws.load_case(case_ref)
        refuse_archived(case, "录入事实")
        held = case_facts.is_set(case, s.label)
        if held and not replace and s.key != "violated":
            raise UsageError(f"案件 {case.id} 已录入{s.label}", details=[f"修改请用：casefile facts edit {case.id} {s.label} …（界面中直接修改后保存）"])
        apply, errors = case_facts.check(case, s.label, data, self.today, self.ws.officers(), adding=not replace)
        if errors:
            raise EntryError(f"{s.label}有 {len(errors)} 处问题，未保存", errors, case_facts.labels(s.key))
        case = apply(case)
        self.cases.save_case(case, act=f"{'修改' if held else '录入'}{s.label}")
        return case

    @staticmethod
    def _fact_section(section: str) -> case_facts.Section:
        try:
            return case_facts.section(section)
        except KeyError:
            raise UsageError(f"不认识的事实类别“{section}”", details=["可选：" + "、".join(case_facts.SECTIONS)]) from None

    @staticmethod
    def _index(case: Case, section: str, index: int) -> None:
        if section not in SECTIONS:
            raise UsageError(f"不认识的事实类别“{section}”")
        n = len(getattr(case, section))
        if not 0 <= index < n:
            raise UsageError(f"{entries.SECTION_LABELS[section]}没有第 {index + 1} 项（共 {n} 项）")

    # -- state transitions -----------------------------------------------------------------
    def transition_context(self, case: Case) -> transitions.Context:
        rs = rounds.rounds(self.ws, case.id)
        requires = {t.id: move_rule(case, t.id)[1] for t in transitions.transitions(case.case_type.value)}
        return transitions.Context(case=case, today=self.today, review=rs[-1] if rs else None, rounds=len(rs),
                                   major=tuple(major_decision_reasons(self.ws, case)), requires=requires)

    def transitions(self, case_ref: str) -> list[transitions.Option]:
        """The moves the case can make from its state, each with what blocks it (in Chinese), the
        acting user's want of the role first."""
        case = self.ws.load_case(case_ref)
        options = transitions.available(self.transition_context(case))
        for o in options:
            why = self.access.why_not("move", case, o.transition.id)
            if why:
                o.blockers.insert(0, why)
        return options

    @guarded("move", "ref")
    def move_case(self, case_ref: str, move: str, *, officers: list[str] | None = None, method: str = "", note: str = "") -> Case:
        """Make a move (提交法制审核, 作出决定, 送达决定, 结案 …): refused while anything blocks it;
        records its act dated by the clock, sets the state, journals and re-indexes."""
        with self.ws.case_lock(self.ws.resolve(case_ref)):
            return self._move_case(case_ref, move, officers=officers, method=method, note=note)

    def _move_case(self, case_ref: str, move: str, *, officers: list[str] | None, method: str, note: str) -> Case:
        case = self.ws.load_case(case_ref)
        certs: list[str] = []
        if officers:
            certs, msg = entries.check_officers(officers, self.today, self.ws.officers())
            if msg:
                raise EntryError("执法人员有误，未变更状态", {"officers": msg}, entries.LABELS)
        ctx = self.transition_context(case)
        new, t = transitions.apply(ctx, move, officers=certs, method=method, note=note)
        arrow = f"{case.state.value} → {new.state.value}" if new.state != case.state else case.state.value
        self.cases.save_case(new, act=t.journal or f"{t.id}（{arrow}）")
        return new

    def resubmission_blockers(self, case_ref: str) -> list[str]:
        """Why the case cannot be resubmitted for review now (the 重新送审 move's blockers)."""
        ctx = self.transition_context(self.ws.load_case(case_ref))
        return next((o.blockers for o in transitions.available(ctx) if o.transition.id == RESUBMIT),
                    [f"案件 {ctx.case.id} 的状态是“{ctx.case.state.value}”，不能重新送审"] if ctx.review else
                    [f"案件 {ctx.case.id} 还没有审核轮次，应先送审（提交法制审核），无需重新送审"])
