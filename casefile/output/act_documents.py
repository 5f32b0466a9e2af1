"""The template variables of the 行政许可, 行政强制 and 行政检查 documents.

Each value comes from the case: an act's date, place, officers and note, the party, the
财物清单 (``items``), the decided measures, or a record entered with ``casefile doc facts``
(``extra.records.license`` / ``coercion`` / ``inspection``). A value the case does not hold
is the empty string, which the templates print as a blank line to fill by hand
(``{{ x or blank }}``, texts.toml [blank] inline) — never a stock reason, term or answer.
The statutory wording around the values (rights, periods, remedies) is the templates'.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from casefile.law import profiles
from casefile.model.cn import cn_date, cn_number
from casefile.model import Act, ActKind, Case
from casefile.output.records import License, Records
from casefile.store.workspace import Workspace
from doc_templates import texts

FALLBACK_PROFILE = "national"
# the 行政许可 periods the documents state (``<key>_days`` / ``<key>_unit`` in a rules profile's [time_limits])
LICENSE_PERIODS = ("license_hearing_request", "license_hearing", "license_hearing_notice", "license_decision",
                   "license_extension", "license_certificate")


def _d(day: dt.date | None) -> str:
    return cn_date(day) if day else ""


def _first(case: Case, kind: ActKind) -> Act | None:
    acts = sorted(case.acts_of(kind), key=lambda a: a.date)
    return acts[0] if acts else None


def _last(case: Case, kind: ActKind) -> Act | None:
    acts = sorted(case.acts_of(kind), key=lambda a: a.date)
    return acts[-1] if acts else None


def period_text(ws: Workspace, case: Case, key: str) -> str:
    """“二十个工作日” / “三十日”: a time limit of the case's rules profile (the national one where
    it is silent), as the documents state it."""
    own = profiles.load_profile_for(ws, case).get("time_limits", {})
    base = profiles.cached_profile(FALLBACK_PROFILE).get("time_limits", {})
    n = own.get(f"{key}_days", base.get(f"{key}_days"))
    unit = own.get(f"{key}_unit", base.get(f"{key}_unit", "CD"))
    if n is None:
        return ""
    return f"{cn_number(int(n))}{'个工作日' if unit == 'WD' else '日'}"


def _matter(note: str) -> str:
    """申请食品经营许可（…） → 食品经营许可（…）: the application act's note names what was applied for."""
    return note.removeprefix("申请").strip("。") if note else ""


def _sentence(text: str) -> str:
    """A recorded reason printed as its own paragraph ends with a full stop."""
    text = text.strip()
    if not text or text[-1] in "。！？":
        return text
    return text.rstrip("；;，, ") + "。"


def _suspected(you: str, cause: str) -> str:
    """你单位涉嫌销售……: the 案由 as a suspicion (it may already say 涉嫌)."""
    cause = cause.strip("。")
    if not cause:
        return ""
    return f"{you}{'' if cause.startswith('涉嫌') else '涉嫌'}{cause}"


def acts_context(ws: Workspace, case: Case, records: Records, *, you: str, names: Callable[[list[str]], str],
                 region: str, decided_text: str, money: Callable[[Any], str]) -> dict[str, Any]:
    t = texts.get("remedy")
    out = {
        "blank": texts.get("blank")["inline"],
        "remedy_plain": t["plain"].format(you=you, review_organ=f"{region}人民政府", court=f"{region}人民法院") if region else "",
        **_license_context(ws, case, records.license, names),
        **_coercion_context(case, records, you=you, names=names, region=region, decided=decided_text, money=money),
        **_inspection_context(case, records, names),
    }
    if case.case_type.value == "行政许可" and not case.violation.cause and out["license_matter"]:
        # a licence case has no 案由: the forms shared with penalties (法制审核意见书) name it by what was applied for
        out["cause"] = f"{out['license_matter']}申请"
    return out


def _license_context(ws: Workspace, case: Case, lic: License, names: Callable[[list[str]], str]) -> dict[str, Any]:
    """行政许可: the application, its acceptance or rejection, corrections, the site check, the
    hearing rights, an extension, the grant or refusal, and the statutory periods."""
    application = _first(case, ActKind.APPLICATION)
    acceptance = _first(case, ActKind.ACCEPTANCE)
    rejection = _first(case, ActKind.REJECTION)
    correction_notice = _last(case, ActKind.CORRECTION_NOTICE)
    corrected = _last(case, ActKind.CORRECTION)
    verification = _first(case, ActKind.SITE_VERIFICATION)
    hearing_rights = _first(case, ActKind.LICENSE_HEARING_RIGHTS)
    extension = _first(case, ActKind.REVIEW_EXTENSION)
    grant = _first(case, ActKind.GRANT)
    refusal = _first(case, ActKind.REFUSAL)
    matter = _matter(application.note if application else "")
    return {
        "application_date": _d(application.date) if application else "",
        "application_officers": names(application.officers) if application else "",
        "license_matter": lic.matter or matter,
        "license_materials": list(lic.materials),
        "acceptance_date": _d(acceptance.date) if acceptance else "",
        "corrected_date": _d(corrected.date) if corrected else "",
        "rejection_date": _d(rejection.date) if rejection else "",
        "rejection_reason": _sentence(lic.rejection_reason or (rejection.note if rejection else "")),
        "competent_organ": lic.competent_organ,
        "correction_date": _d(correction_notice.date) if correction_notice else "",
        "corrections": list(lic.corrections) or ([correction_notice.note] if correction_notice and correction_notice.note else []),
        "correction_deadline": lic.correction_deadline,
        "verification_date": _d(verification.date) if verification else "",
        "verification_place": verification.place if verification else "",
        "verification_officers": names(verification.officers) if verification else "",
        "verification_certs": "、".join(verification.officers) if verification else "",
        "verification_present": lic.present,
        "verification_text": _sentence(lic.verification or (verification.note if verification else "")),
        "license_hearing_rights_date": _d(hearing_rights.date) if hearing_rights else "",
        "license_interested": lic.interested,
        "license_review_opinion": lic.review_opinion,
        **{f"{key}_period": period_text(ws, case, key) for key in LICENSE_PERIODS},
        "extension_date": _d(extension.date) if extension else "",
        "extension_reason": lic.extension_reason or (extension.note if extension else ""),
        "grant_date": _d(grant.date) if grant else "",
        "license_basis": lic.basis,
        "license_scope": lic.scope or lic.matter or matter,
        "license_term": lic.term,
        "license_certificate": lic.certificate,
        "refusal_date": _d(refusal.date) if refusal else "",
        "refusal_reason": _sentence(lic.refusal_reason or (refusal.note if refusal else "")),
    }


def _coercion_context(case: Case, records: Records, *, you: str, names: Callable[[list[str]], str], region: str,
                      decided: str, money: Callable[[Any], str]) -> dict[str, Any]:
    """行政强制: the seizure, its extension and release, the 催告, the enforcement decided, a
    substitute performance, the application to a court."""
    co = records.coercion
    seizure = _first(case, ActKind.SEIZURE)
    seizure_ext = _last(case, ActKind.SEIZURE_EXTENSION)
    release = _first(case, ActKind.SEIZURE_RELEASE)
    urge = _last(case, ActKind.URGE)
    enforcement = _first(case, ActKind.ENFORCEMENT_DECISION)
    substitute = _first(case, ActKind.SUBSTITUTE_DECISION)
    court_app = _first(case, ActKind.COURT_APPLICATION)
    decision = _first(case, ActKind.DECISION)
    ext_days = ((seizure_ext.end_date - seizure.end_date).days if seizure_ext and seizure_ext.end_date
                and seizure and seizure.end_date else None)
    payable = case.payable("decided")
    return {
        "seizure_place": seizure.place if seizure else "",
        "seizure_officers": names(seizure.officers) if seizure else "",
        # the reason for a seizure: as recorded, else the act's note, else what the party is suspected of (the 案由)
        # — never the findings of the later investigation
        "seizure_grounds": (co.seizure_reason or (seizure.note if seizure else "")
                            or (_suspected(you, case.violation.cause) if seizure else "")).rstrip("。"),
        "seizure_basis": co.seizure_basis,
        "custody_place": co.custody_place,
        # the 查封扣押决定书's number as the later documents refer to it: recorded, else none
        "seizure_no": records.numbers.get("seizure_decision", ""),
        "seizure_extension_date": _d(seizure_ext.date) if seizure_ext else "",
        "seizure_extension_end": _d(seizure_ext.end_date) if seizure_ext and seizure_ext.end_date else "",
        "seizure_extension_days": cn_number(ext_days) if ext_days and ext_days > 0 else "",
        "seizure_extension_reason": co.extension_reason or (seizure_ext.note if seizure_ext else ""),
        "seizure_release_date": _d(release.date) if release else "",
        "seizure_release_reason": _sentence(co.release_reason or (release.note if release else "")),
        "urge_date": _d(urge.date) if urge else "",
        "obligation": _obligation(case, co.obligation, decision, decided).rstrip("。；; "),
        "obligation_deadline": co.deadline,
        "obligation_method": co.method,
        "obligation_amount": money(payable) if payable else "",
        "obligation_payment": co.payment,
        "enforcement_date": _d(enforcement.date) if enforcement else "",
        "enforcement_basis": co.enforcement_basis,
        "enforcement_method": co.enforcement_method or (enforcement.note if enforcement else ""),
        "substitute_date": _d(substitute.date) if substitute else "",
        "substitute_reason": co.substitute_reason,
        "substitute_method": co.substitute_method,
        "substitute_object": co.substitute_object,
        "substitute_budget": co.substitute_budget,
        "substitute_party": co.substitute_party,
        "court_application_date": _d(court_app.date) if court_app else "",
        "enforcement_court": co.court or (f"{region}人民法院" if region else ""),
        "applicant_head": co.applicant_head,
        "decided_short": decided,
        "decision_doc_name": "《行政处罚决定书》" if case.case_type.value == "行政处罚" and decision else "",
    }


def _obligation(case: Case, recorded: str, decision: Act | None, decided: str) -> str:
    """The obligation a 催告 urges: what was recorded, else the case's own decision and its measures."""
    if recorded or not (decision and decided):
        return recorded
    named = "行政处罚决定书" if case.case_type.value == "行政处罚" else "决定书"
    no = f"（{case.number}）" if case.number else ""
    return f"本机关于{_d(decision.date)}作出的《{named}》{no}确定的义务：{decided}"


def _inspection_context(case: Case, records: Records, names: Callable[[list[str]], str]) -> dict[str, Any]:
    """行政检查: the matter inspected, the result told, the officers."""
    inspection = _first(case, ActKind.INSPECTION)
    return {
        "inspection_matter": records.inspection.matter,
        "inspection_result": records.inspection.result,
        "inspection_officers": names(inspection.officers) if inspection else "",
    }
