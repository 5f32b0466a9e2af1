"""Is the index current? What each case's facts and document register looked like when it was last
indexed (mtime and size of case.toml and documents.toml): telling a current index from a stale
one then costs two stat() calls per case, not loading every case. The record lives in the index
folder, so a rebuild starts it afresh. ``index.facade.update`` keeps it; ``index.facade.ensure``
reads it."""

from __future__ import annotations

import json
from pathlib import Path

from casefile.store.documents import REGISTER
from casefile.store.fsutil import atomic_write_text
from casefile.store.workspace import CASE_FILE, Workspace
from index.dirs import INDEX_DIR

STAMPS = "case-stamps.json"


def _path(ws: Workspace) -> Path:
    return ws.root / INDEX_DIR / STAMPS


def stamp(ws: Workspace, case_id: str) -> list[int]:
    out = []
    for name in (CASE_FILE, REGISTER):
        try:
            st = (ws.cases_dir / case_id / name).stat()
            out += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            out += [0, 0]
    return out


def taken(ws: Workspace, case_ids: list[str] | None = None) -> dict[str, list[int]]:
    """The stamps of ``case_ids`` (every case when None), taken before an update reads them."""
    return {cid: stamp(ws, cid) for cid in (ws.case_ids() if case_ids is None else case_ids)}


def recorded(ws: Workspace) -> dict[str, list[int]]:
    from index.dirs import read_json

    try:  # read once per change of the file, not once per search
        return dict(read_json(_path(ws)))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError, TypeError, ValueError):
        return {}


def record(ws: Workspace, stamps: dict[str, list[int]], *, whole: bool) -> None:
    """Note what was indexed: ``whole`` replaces the record (every case was indexed); a case
    removed since is forgotten (its pages left the index with it)."""
    if not (ws.root / INDEX_DIR).is_dir():
        return
    merged = stamps if whole else recorded(ws) | stamps
    atomic_write_text(_path(ws), json.dumps({cid: st for cid, st in merged.items() if (ws.cases_dir / cid).is_dir()}))


def changed(ws: Workspace) -> list[str]:
    """The workspace's cases changed or added since they were indexed (outside this process too)."""
    old = recorded(ws)
    return sorted(cid for cid, st in taken(ws).items() if old.get(cid) != st)


def stale(ws: Workspace) -> list[str]:
    """Cases changed since they were indexed, added, or removed (the record and the case folders
    read once: this runs before every search)."""
    old, now = recorded(ws), taken(ws)
    return sorted({cid for cid, st in now.items() if old.get(cid) != st} | (set(old) - set(now)))
