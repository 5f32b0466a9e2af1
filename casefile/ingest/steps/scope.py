"""The scope step: the files the paths name — folders walked, what cannot be imported passed over with
why (casefile.ingest.import_scope) — and a workspace's own folders refused before anything is read."""

from __future__ import annotations

from casefile.errors import UsageError
from casefile.ingest import import_scope
from casefile.ingest.steps.state import ImportRun


def scope(run: ImportRun) -> None:
    import_scope.refuse_workspace_paths(run.ws, run.paths)
    run.files, passed = import_scope.collect(run.paths)
    run.result.skipped = [{"file": s.path, "reason": s.reason} for s in passed]
    if not run.files:
        raise UsageError("没有可导入的文件（支持 .pdf、.docx、.txt）", details=[f"{s['file']}：{s['reason']}" for s in run.result.skipped][:20])
