"""Workspace-level index operations over :mod:`index.store`."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any, Callable

from casefile.store import documents
from casefile.errors import CasefileError, DiskFullError, IndexError_, UsageError
from casefile.store.fsutil import atomic_write_text, sha256_file
from casefile.model import ActKind, Case
from casefile.ingest.textio import SUPPORTED, read_document
from casefile.store.workspace import Workspace
from index import engines, freshness, recovery
from index.dirs import DOCS, INDEX_DIR, PageDoc, reset_dir

Progress = Callable[[int, int, str], None]
SAVED = "saved_searches.json"
ARCHIVES = "archives.json"  # the folders added with add-folder, so a rebuild indexes them again


def _no_space(fn):
    """A full disk while the index is written ends in the Chinese message, not 内部错误 (tantivy
    reports it as a ValueError); the index is rebuilt by the next search once there is room."""

    @functools.wraps(fn)
    def wrapper(ws: Workspace, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(ws, *args, **kwargs)
        except Exception as e:
            if not recovery.disk_full(e):
                raise
            raise DiskFullError(f"磁盘空间已满（{ws.root}）：索引未能写完，文书与案件未受影响",
                                details=["腾出空间后运行 casefile index rebuild（或再检索一次，索引会自动重建）"]) from None

    return wrapper


# Opened indexes kept for the process (a CLI call, the TUI): opening one and reading its records
# cost more than the query. Kept while the files that say what the index is stay the same; a
# commit by another process is seen by the engine's searcher, a rebuild or a lost file by the stamp.
_OPENED: dict[str, tuple[tuple, Any]] = {}
_STAMPED = ("engine.json", "meta.json", "tantivy/meta.json")


def _stamp(d: str) -> tuple:
    out = []
    for name in _STAMPED:
        try:
            st = os.stat(os.path.join(d, name))
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except OSError:
            out.append(None)
    return tuple(out)


def open_index(ws: Workspace):
    """The workspace's index on the engine it chose (tantivy unless ``index rebuild --engine whoosh``),
    opened once per process and reused while its files stay the same."""
    key = os.path.join(ws.root, INDEX_DIR)
    kept = _OPENED.get(key)
    if kept is not None and kept[0] == _stamp(key):
        idx = kept[1]
        idx.rebuilt_reason = ""  # said once, by the call that opened it
        return idx
    idx = engines.make(Path(key)).open()
    if idx.engine == "tantivy":  # whoosh reads its files at every search anyway
        _OPENED[key] = (_stamp(key), idx)
    else:
        _OPENED.pop(key, None)
    return idx


def engine_of(ws: Workspace) -> str:
    return engines.chosen_engine(ws.root / INDEX_DIR)


def needs_rebuild(ws: Workspace) -> str:
    key = os.path.join(ws.root, INDEX_DIR)
    kept = _OPENED.get(key)
    if kept is not None and kept[0] == _stamp(key):
        return ""  # opened by this process and unchanged since: usable
    return engines.make(Path(key)).needs_rebuild()


@_no_space
def rebuild(ws: Workspace, progress: Progress | None = None, engine: str | None = None) -> dict[str, Any]:
    """From scratch, on ``engine`` when given (the choice is kept in the index directory)."""
    d = ws.root / INDEX_DIR
    if engine:
        engines.engine_class(engine)  # an unknown name is refused before anything is removed
    reset_dir(d)
    recovery.forget(ws.root)  # the health record of the old index: an empty new one is not damage
    if engine:
        engines.choose_engine(d, engine)
    before = freshness.taken(ws)
    r = _update(ws, progress)
    freshness.record(ws, before, whole=True)
    return dict(r, engine=engine_of(ws))


def ensure(ws: Workspace, progress: Progress | None = None, *, defer: bool = False) -> dict[str, Any]:
    """Make the index current before a search: built when missing (or of another version), the
    cases changed since they were indexed re-indexed, also when changed outside this process
    (``index.freshness``: two stat() calls per case when nothing changed). Says what was done.
    ``defer``: cases changed are only counted (``stale``, ``deferred``), for a caller that answers
    from the index as it is and updates it in the background; a missing index is still built."""
    if needs_rebuild(ws):
        return dict(update(ws, progress), built=True, stale=len(ws.case_ids()))
    stale = freshness.stale(ws)
    if stale and defer:
        return {"added": 0, "removed": 0, "pages": 0, "rebuilt": "", "built": False, "stale": len(stale), "deferred": True}
    if stale:
        return dict(update(ws, progress, only=stale, refresh=True), built=False, stale=len(stale))
    # nothing changed: still opened and checked, so a damaged store is rebuilt here, not misread
    nothing = {"added": 0, "removed": 0, "pages": 0, "rebuilt": ""}
    result = _guarded(ws, lambda: dict(nothing), progress, probe=False)
    if not result["rebuilt"]:
        del result["rebuilt"]
    return dict(result, built=False, stale=0)


def _repair(ws: Workspace, reason: str, progress: Progress | None) -> str:
    try:
        r = rebuild(ws, progress)
    except DiskFullError:
        raise
    except Exception as e:  # noqa: BLE001 - the person gets the command, not a traceback
        raise IndexError_(f"索引不可用（{reason}），自动重建失败：{type(e).__name__}: {e}",
                          details=["运行 casefile index rebuild 重建索引；若仍失败，删除工作区中的 .index 文件夹后再运行"]) from None
    note = f"索引不可用（{reason}），已自动重建：{r.get('added', 0)} 份文书"
    if r.get("archives_missing"):
        note += "；" + "；".join(r["archives_missing"])
    return note


def _checked(ws: Workspace, probe: bool, refills: bool) -> tuple[str, str, str]:
    """Why the index cannot be used as it is ('' when it can), what a full update mends by itself,
    and the store's own note of having started afresh."""
    try:
        first = open_index(ws)
        stale = first.rebuilt_reason  # the store started afresh (e.g. a new schema): said in "rebuilt"
        reason = recovery.damage(ws.root, first, probe=probe, refills=refills)
        # a full update refills a store that started afresh or lost its files: no rebuild first,
        # but the person is still told the index had been unusable
        mended = recovery.damage(ws.root, first, probe=False, refills=False) if refills and not reason else ""
    except CasefileError:
        raise
    except Exception as e:  # noqa: BLE001
        if not recovery.from_store(e):
            raise
        return f"索引无法打开（{type(e).__name__}）", "", ""
    return reason, mended, stale


def _guarded(ws: Workspace, op: Callable[[], dict[str, Any]], progress: Progress | None, *, probe: bool,
             refills: bool = False, checked: bool = False) -> dict[str, Any]:
    """Run ``op`` on a sound index: a damaged one (see index.recovery) is rebuilt first (unless
    ``checked`` says the caller has just found it sound), or when ``op`` fails inside the store;
    the result says so under "recovered"."""
    notice = ""
    stale = ""
    if checked:
        reason = mended = ""
    else:
        reason, mended, stale = _checked(ws, probe, refills)
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
    if not notice and mended:
        notice = f"索引不可用（{mended}），已自动重建"
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
    if case.not_penalised:
        return "不予处罚"
    return "处罚" if case.decided else "办理中"


def _case_pages(ws: Workspace, case: Case, rec: documents.DocRecord) -> list[PageDoc]:
    case_dir = ws.cases_dir / case.id
    pages = _pages(case_dir, rec)
    try:
        from casefile.ingest.extraction_cache import cached_extraction  # the extraction, stored at import: loaded when pages are indexed

        laws = sorted({c["law"] for c in cached_extraction(case_dir, rec).citations})
    except CasefileError:
        laws = []
    laws = sorted(set(laws) | {r.law for r in case.violation.violated} | {b.law for m in case.decided for b in m.basis})
    base = dict(source=case.id, doc=rec.file, sha256=rec.sha256, case=case.id, number=case.number, agency=case.agency,
                party=case.party.name if case.party else "", case_type=case.case_type.value, procedure=case.procedure.value,
                date=case.first_date(ActKind.DECISION) or rec.date or case.first_date(ActKind.FILING), outcome=_outcome(case),
                laws=laws, doc_type=rec.doc_type)
    return [PageDoc(page=i, text=t, **base) for i, t in enumerate(pages, 1) if t.strip()]


def update_case(ws: Workspace, case_id: str, progress: Progress | None = None, *, refresh: bool = False) -> dict[str, Any]:
    """Re-index one case's changed documents; ``refresh`` re-indexes all of them, for when the
    case's facts (number, party, outcome, laws) changed and the documents did not."""
    return update(ws, progress, only=[case_id], refresh=refresh)


@_no_space
def update(ws: Workspace, progress: Progress | None = None, only: list[str] | None = None, *, refresh: bool = False) -> dict[str, Any]:
    """Re-index the case documents whose content hash changed (all of them with ``refresh``), drop deleted
    ones; a damaged index is rebuilt first, and the result says so. What was indexed is noted
    (``index.freshness``), so :func:`ensure` knows what is current."""
    before = freshness.taken(ws, only)
    result = _guarded(ws, lambda: _update(ws, progress, only, refresh=refresh), progress, probe=True, refills=not only)
    freshness.record(ws, before, whole=not only)
    return result


def _update(ws: Workspace, progress: Progress | None = None, only: list[str] | None = None, *, refresh: bool = False) -> dict[str, Any]:
    idx = open_index(ws)
    state = idx.indexed()
    changed: dict[str, list[PageDoc]] = {}
    present: set[str] = set()
    errors = []
    if only:  # one imported document must not load every case of the workspace
        cases = []
        for cid in only:
            try:
                cases.append(ws.load_case(cid))
            except (CasefileError, FileNotFoundError):
                continue  # gone or unreadable: its pages leave the index below
    else:
        cases, _ = ws.try_load_cases()
    for case in cases:
        case_dir = ws.cases_dir / case.id
        for rec in documents.load_register(case_dir).documents:
            ref = f"{case.id}/{rec.file}"
            present.add(ref)
            if state.get(ref) == rec.sha256 and not refresh:
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
    if not only:
        _restore_archives(ws, idx, progress)
    recovery.record(ws.root, len(idx.indexed()))
    return dict(stats, unchanged=len(present) - len(changed), errors=errors, rebuilt=idx.rebuilt_reason)


def _restore_archives(ws: Workspace, idx, progress: Progress | None) -> None:
    """Archive folders the index no longer holds (after a rebuild) are indexed again."""
    state = idx.indexed()
    for source, folder in archives(ws).items():
        if Path(folder).is_dir() and not any(ref.startswith(source + "/") for ref in state):
            _index_folder(ws, idx, Path(folder), source, progress)


def archives(ws: Workspace) -> dict[str, str]:
    p = ws.root / ARCHIVES
    try:
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}
    except json.JSONDecodeError:
        return {}


@_no_space
def add_folder(ws: Workspace, folder: Path, progress: Progress | None = None) -> dict[str, Any]:
    """Index a plain folder of .pdf/.docx/.txt as an archive, without making cases of it."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise UsageError(f"{folder} 不是目录")
    return _guarded(ws, lambda: _add_folder(ws, folder, progress), progress, probe=True)


def _add_folder(ws: Workspace, folder: Path, progress: Progress | None = None) -> dict[str, Any]:
    folder = Path(folder).resolve()
    source = f"archive:{folder.name}"
    known = archives(ws)
    if known.get(source) != str(folder):
        atomic_write_text(ws.root / ARCHIVES, json.dumps(known | {source: str(folder)}, ensure_ascii=False, indent=2))
    idx = open_index(ws)
    return _index_folder(ws, idx, folder, source, progress)


def _index_folder(ws: Workspace, idx, folder: Path, source: str, progress: Progress | None) -> dict[str, Any]:
    """Changed files read in worker processes (header-only facets, words segmented there), one writer."""
    from index import archive

    state = idx.indexed()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
    present = set()
    jobs = []
    for p in files:
        rel = p.relative_to(folder).as_posix()
        ref = f"{source}/{rel}"
        present.add(ref)
        digest = sha256_file(p)
        if state.get(ref) != digest:
            jobs.append((ref, rel, source, idx.engine, digest, str(p), None))
    errors: list[dict[str, str]] = []

    def good():
        for ref, result in archive.read_all(jobs, progress):
            if isinstance(result, str):
                errors.append({"doc": ref.split("/", 1)[1], "error": result})
            else:
                yield ref, result

    removed = [ref for ref in state if ref.startswith(source + "/") and ref not in present]
    stats = idx.apply_stream(good(), removed)
    recovery.record(ws.root, len(idx.indexed()), (source, str(folder)))
    return dict(stats, archive=source, files=len(files), unchanged=len(present) - len(jobs), errors=errors, rebuilt=idx.rebuilt_reason)


def search(ws: Workspace, query: str, *, checked: bool = False, **kw: Any) -> dict[str, Any]:
    """``checked``: :func:`ensure` has just found the index sound in this process, so it is not
    checked again before the query (a failure inside the store still rebuilds it)."""
    if not query.strip():
        raise UsageError("检索词不能为空")
    if kw.get("doc_type"):  # --type 行政处罚决定书 as well as --type decision
        from index.query import doc_type_code

        kw["doc_type"] = doc_type_code(kw["doc_type"])
    return _guarded(ws, lambda: group(open_index(ws).search(query, **kw)), None, probe=False, checked=checked)


def group(result: dict[str, Any]) -> dict[str, Any]:
    """Hits grouped by case, cases in the order of their best hit. An archive document is grouped
    under its own case number (the 文号 it bears; its file name when it bears none), and says
    which archive it comes from."""
    by_case: dict[str, list] = {}
    for h in result["hits"]:
        src = h.get("source") or h["case"]
        if src.startswith("archive:"):
            h["archive"] = src.split(":", 1)[1]
            h["case"] = h.get("number") or os.path.splitext(os.path.basename(h["doc"]))[0]
        by_case.setdefault(h["case"], []).append(h)
    result["hits"] = [h for hs in by_case.values() for h in hs]
    result["cases"] = [{"case": c, "hits": len(v), "archive": v[0].get("archive")} for c, v in by_case.items()]
    return result


def open_hit(ws: Workspace, hit: dict[str, Any], query: str) -> str | None:
    """The page of a hit with every match of ``query`` in 【】, or None when the index lacks it."""
    from index import highlight, query as qmod

    found = open_index(ws).page(hit.get("source") or hit["case"], hit["doc"], int(hit["page"]))
    if found is None:
        return None
    text, starts, ends = found
    tree = qmod.parse(query)
    words, phrases = qmod.positives(tree) if tree is not None else (set(), [])
    return highlight.mark_all(text, highlight.matches(text, starts, ends, words, phrases))


def doc_pages(ws: Workspace, source: str, doc: str) -> list[str] | None:
    """The pages of an indexed document read from its file, numbered as the index numbers them (a
    case document from the case's page cache, an archive document from its folder); None when the
    file is gone."""
    if source.startswith("archive:"):
        folder = archives(ws).get(source)
        path = Path(folder) / doc if folder else None
        if path is None or not path.is_file() or not path.resolve().is_relative_to(Path(folder).resolve()):
            return None
        return read_document(path).pages
    case_dir = ws.cases_dir / source
    if not (case_dir / documents.REGISTER).is_file():
        return None
    rec = next((r for r in documents.load_register(case_dir).documents if r.file == doc), None)
    if rec is None or not (case_dir / rec.file).is_file():
        return None
    return _pages(case_dir, rec)


def page_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` matches one page as read from its file: (start, end) in ``text``, found as the
    index finds them (on the page compacted, words segmented as indexed) and mapped back."""
    from casefile.ingest.extract.normalize import compact
    from index import highlight, query as qmod
    from index.tokens import segment

    tree = qmod.parse(query)
    if tree is None:
        return []
    words, phrases = qmod.positives(tree)
    c = compact(text)
    seg = segment(c.text)
    spans = highlight.merged(highlight.matches(c.text, [a for _, a, _ in seg], [b for _, _, b in seg], words, phrases))
    return [c.original_span(a, b) for a, b, _ in spans]


def indexed_at(ws: Workspace) -> float | None:
    """When the index last changed (seconds since the epoch), None when there is none."""
    try:
        return (ws.root / INDEX_DIR / DOCS).stat().st_mtime
    except FileNotFoundError:
        return None


def indexed(ws: Workspace) -> dict[str, str]:
    """Every indexed document (``<source>/<doc>``) and its content hash, as recorded."""
    try:
        return json.loads((ws.root / INDEX_DIR / DOCS).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


# -- saved searches --------------------------------------------------------------------------------
def saved(ws: Workspace) -> dict[str, Any]:
    p = ws.root / SAVED
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def save_search(ws: Workspace, name: str, params: dict[str, Any]) -> None:
    data = saved(ws)
    data[name] = params
    atomic_write_text(ws.root / SAVED, json.dumps(data, ensure_ascii=False, indent=2))
