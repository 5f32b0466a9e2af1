"""The foreign check: a document whose text carries a 文号 (or party) of another case of the
workspace is not merged silently (casefile.ingest.import_scope.ForeignCheck). Into an existing case such
a document is skipped with the evidence, unless the person chose to import it anyway; a new case is
made of the folder as it is, each such document named (the same dossier imported twice shows here)."""

from __future__ import annotations

from casefile.ingest import import_scope
from casefile.ingest.steps.state import ImportRun


def foreign_check(run: ImportRun) -> None:
    check = import_scope.ForeignCheck(run.ws, run.ws.resolve(run.case_ref) if run.case_ref else None)
    kept = []
    for item in run.items:
        other, reason = check.check(item.x, "\n".join(item.text_pages))
        name = item.path.name
        if other and run.case_ref and not run.options.include_other_cases:  # evidence of a case of this workspace
            run.result.skipped.append({"file": str(item.path), "reason": f"{name}：{reason}，未导入（确属本案时可选择仍然导入）",
                                       "other_case": other})
            continue
        if other:
            run.result.flagged.append({"file": str(item.path), "reason": f"{name}：{reason}", "other_case": other})
        kept.append(item)
    run.items = kept
