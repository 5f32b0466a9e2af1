"""Workspace-level index operations over :mod:`index.store`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Callable

from casefile import documents
from casefile.errors import CasefileError, IndexError_, UsageError
from casefile.fsutil import atomic_write_text, sha256_file
from casefile.model import ActKind, Case
from casefile.textio import SUPPORTED, read_document
from casefile.workspace import Workspace
from index import recovery
from index.store import INDEX_DIR, Index, PageDoc

Progress = Callable[[int, int, str], None]
SAVED = "saved_searches.json"


def open_index(ws: Workspace) -> Index:
    return Index(ws.root / INDEX_DIR).open()


def needs_rebuild(ws: Workspace) -> str:
    return Index(ws.root / INDEX_DIR).needs_rebuild()


def rebuild(ws: Workspace, progress: Progress | None = None) -> dict[str, Any]:
    """From scratch: every case's documents, and the archive folders added before (if still there)."""
    import shutil

    d = ws.root / INDEX_DIR
    if d.exists():
        shutil.rmtree(d)
    archives = recovery.forget(ws.root).get("archives", {})
    r = _update(ws, progress)
    missing = []
    for source, folder in sorted(archives.items()):
        if Path(folder).is_dir():
            a = _add_folder(ws, Path(folder), progress)
            for k in ("added", "pages"):
                r[k] = r.get(k, 0) + a.get(k, 0)
            r["errors"] = r.get("errors", []) + a.get("errors", [])
        else:
            missing.append(f"{source}（{folder} 已不存在，未能重新加入）")
    if missing:
        r["archives_missing"] = missing
    return r


def _repair(ws: Workspace, reason: str, progress: Progress | None) -> str:
    try:
        r = rebuild(ws, progress)
    except Exception as e:  # noqa: BLE001 - the person gets the command, not a traceback
        raise IndexError_(f"索引不可用（{reason}），自动重建失败：{type(e).__name__}: {e}",
                          details=["运行 casefile index rebuild 重建索引；若仍失败，删除工作区中的 .index 文件夹后再运行"]) from None
    note = f"索引不可用（{reason}），已自动重建：{r.get('added', 0)} 份文书"
    if r.get("archives_missing"):
        note += "；" + "；".join(r["archives_missing"])
    return note


def _guarded(ws: Workspace, op: Callable[[], dict[str, Any]], progress: Progress | None, *, probe: bool,
             refills: bool = False) -> dict[str, Any]:
    """Run ``op`` on a sound index: a damaged one (see index.recovery) is rebuilt first, or when
    ``op`` fails inside the store; the result says so under "recovered"."""
    notice = ""
    stale = ""
    try:
        first = open_index(ws)
        stale = first.rebuilt_reason  # the store started afresh (e.g. a new schema): said in "rebuilt"
        reason = recovery.damage(ws.root, first, probe=probe, refills=refills)
    except CasefileError:
        raise
    except Exception as e:  # noqa: BLE001
        if not recovery.from_store(e):
            raise
        reason = f"索引无法打开（{type(e).__name__}）"
    if reason:
        notice = _repair(ws, reason, progress)
    try:
        result = op()
    except CasefileError:
        raise
    except Exception as e:  # noqa: BLE001
        if not recovery.from_store(e):
            raise
        if notice:
            raise IndexError_(f"索引重建后仍无法使用：{type(e).__name__}: {e}", details=["运行 casefile index rebuild；若仍失败，请报告"]) from None
        notice = _repair(ws, f"{type(e).__name__}: {str(e)[:80]}", progress)
        result = op()
    if notice:
        result["recovered"] = notice
    if stale and "rebuilt" in result and not result["rebuilt"]:
        result["rebuilt"] = stale
    return result


def _pages(case_dir: Path, rec: documents.DocRecord) -> list[str]:
    hit = documents.read_cache(case_dir, rec.sha256, "pages")
    if hit is not None:
        return hit
    pages = read_document(case_dir / rec.file).pages
    documents.write_cache(case_dir, rec.sha256, pages, "pages")
    return pages


def _outcome(case: Case) -> str:
    if case.acts_of(ActKind.REFERRAL):
        return "移送"
    if any("不予" in m.kind for m in case.decided):
        return "不予处罚"
    return "处罚" if case.decided else "办理中"


def _case_pages(ws: Workspace, case: Case, rec: documents.DocRecord) -> list[PageDoc]:
    from casefile.importer import cached_extraction

    case_dir = ws.cases_dir / case.id
    pages = _pages(case_dir, rec)
    try:
        laws = sorted({c["law"] for c in cached_extraction(case_dir, rec).citations})
    except CasefileError:
        laws = []
    laws = sorted(set(laws) | {r.law for r in case.violation.violated} | {b.law for m in case.decided for b in m.basis})
    base = dict(source=case.id, doc=rec.file, sha256=rec.sha256, case=case.id, number=case.number, agency=case.agency,
                party=case.party.name if case.party else "", case_type=case.case_type.value, procedure=case.procedure.value,
                date=case.first_date(ActKind.DECISION) or rec.date or case.first_date(ActKind.FILING), outcome=_outcome(case),
                laws=laws, doc_type=rec.doc_type)
    return [PageDoc(page=i, text=t, **base) for i, t in enumerate(pages, 1) if t.strip()]


def update_case(ws: Workspace, case_id: str, progress: Progress | None = None) -> dict[str, Any]:
    return update(ws, progress, only=[case_id])


def update(ws: Workspace, progress: Progress | None = None, only: list[str] | None = None) -> dict[str, Any]:
    return _guarded(ws, lambda: _update(ws, progress, only), progress, probe=True, refills=not only)


def _update(ws: Workspace, progress: Progress | None = None, only: list[str] | None = None) -> dict[str, Any]:
    idx = open_index(ws)
    state = idx.indexed()
    changed: dict[str, list[PageDoc]] = {}
    present: set[str] = set()
    errors = []
    cases, _ = ws.try_load_cases()
    for case in cases:
        if only and case.id not in only:
            continue
        case_dir = ws.cases_dir / case.id
        for rec in documents.load_register(case_dir).documents:
            ref = f"{case.id}/{rec.file}"
            present.add(ref)
            if state.get(ref) == rec.sha256:
                continue
            try:
                changed[ref] = _case_pages(ws, case, rec)
            except CasefileError as e:
                errors.append({"doc": ref, "error": str(e)})
    scope = {f"{c}/" for c in (only or [c.id for c in cases])}
    removed = [ref for ref in state if not ref.startswith("archive:") and any(ref.startswith(s) for s in scope) and ref not in present]
    if not only:
        removed += [ref for ref in state if not ref.startswith("archive:") and ref.split("/", 1)[0] not in {c.id for c in cases}]
    stats = idx.apply(changed, sorted(set(removed)), progress)
    recovery.record(ws.root, len(idx.indexed()))
    return dict(stats, unchanged=len(present) - len(changed), errors=errors, rebuilt=idx.rebuilt_reason)


def add_folder(ws: Workspace, folder: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Index a plain folder of .pdf/.docx/.txt as an archive, without making cases of it."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise UsageError(f"{folder} 不是目录")
    return _guarded(ws, lambda: _add_folder(ws, folder, progress), progress, probe=True)


def _add_folder(ws: Workspace, folder: Path, progress: Progress | None = None) -> dict[str, Any]:
    from casefile.extract import extract

    folder = Path(folder).resolve()
    source = f"archive:{folder.name}"
    idx = open_index(ws)
    state = idx.indexed()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
    changed: dict[str, list[PageDoc]] = {}
    present = set()
    errors = []
    for i, p in enumerate(files, 1):
        rel = p.relative_to(folder).as_posix()
        ref = f"{source}/{rel}"
        present.add(ref)
        digest = sha256_file(p)
        if state.get(ref) == digest:
            continue
        if progress:
            progress(i, len(files), rel)
        try:
            doc = read_document(p)
            x = extract(doc)
        except CasefileError as e:
            errors.append({"doc": rel, "error": str(e)})
            continue
        f = x.fields
        date = dt.date.fromisoformat(f["date"]) if f.get("date") else None
        base = dict(source=source, doc=rel, sha256=digest, case=source, number=f.get("doc_no", ""), agency=f.get("agency", ""),
                    party=f.get("party", ""), date=date, outcome="", laws=sorted({c["law"] for c in x.citations}), doc_type=x.doc_type)
        changed[ref] = [PageDoc(page=n, text=t, **base) for n, t in enumerate(doc.pages, 1) if t.strip()]
    removed = [ref for ref in state if ref.startswith(source + "/") and ref not in present]
    stats = idx.apply(changed, removed)
    recovery.record(ws.root, len(idx.indexed()), (source, str(folder)))
    return dict(stats, archive=source, files=len(files), unchanged=len(present) - len(changed), errors=errors, rebuilt=idx.rebuilt_reason)


def search(ws: Workspace, query: str, **kw: Any) -> dict[str, Any]:
    if not query.strip():
        raise UsageError("检索词不能为空")
    return _guarded(ws, lambda: open_index(ws).search(query, **kw), None, probe=False)


# -- saved searches --------------------------------------------------------------------------------
def saved(ws: Workspace) -> dict[str, Any]:
    p = ws.root / SAVED
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def save_search(ws: Workspace, name: str, params: dict[str, Any]) -> None:
    data = saved(ws)
    data[name] = params
    atomic_write_text(ws.root / SAVED, json.dumps(data, ensure_ascii=False, indent=2))
