"""Is the index current? What each case's facts and document register looked like when it was last
indexed (mtime and size of case.toml and documents.toml): telling a current index from a stale
one then costs two stat() calls per case, not loading every case. The record lives in the index
folder, so a rebuild starts it afresh. ``index.facade.update`` keeps it; ``index.facade.ensure``
reads it."""

from __future__ import annotations

import json
import os
import time

from casefile.store.documents import REGISTER
from casefile.store.fsutil import atomic_write_text
from casefile.store.workspace import CASE_FILE, Workspace
from index.dirs import INDEX_DIR

STAMPS = "case-stamps.json"


def _path(ws: Workspace) -> str:
    return os.path.join(ws.root, INDEX_DIR, STAMPS)  # a string: this runs before every search


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
    """The stamps of ``case_ids`` (every case when None: each folder holding a case.toml), taken
    before an update reads them."""
    if case_ids is not None:
        return {cid: stamp(ws, cid) for cid in case_ids}
    out: dict[str, list[int]] = {}
    try:
        entries = os.scandir(ws.cases_dir)
    except FileNotFoundError:
        return out
    with entries:  # plain strings and one scandir: a third of the time of Path objects at 10,000 cases
        for e in entries:
            try:
                st = os.stat(f"{e.path}/{CASE_FILE}")
            except (FileNotFoundError, NotADirectoryError):
                continue
            try:
                reg = os.stat(f"{e.path}/{REGISTER}")
                out[e.name] = [st.st_mtime_ns, st.st_size, reg.st_mtime_ns, reg.st_size]
            except FileNotFoundError:
                out[e.name] = [st.st_mtime_ns, st.st_size, 0, 0]
    return out


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


# When nothing was stale, for how long that answer serves again, as a multiple of what the check
# cost: at 10,000 cases the check is tens of milliseconds, and a person typing queries in the TUI
# (or a --queries file) should not pay it for each; a workspace of a few thousand cases checks every
# time. Changes made by this process re-index their case at once and are never waited for; a case
# folder added or removed (the cases folder's own stamp) ends the reuse; an edit by hand inside a
# case is seen within the reuse (2.5 s at 10,000 cases).
REUSE_FACTOR = 40
REUSE_FROM_S = 0.02  # a check quicker than this (a few thousand cases) is always made again
_QUIET: dict[str, tuple[float, tuple, float]] = {}  # workspace → (checked at, stamps, reusable for s)


def stale(ws: Workspace) -> list[str]:
    """Cases changed since they were indexed, added, or removed (the record and the case folders
    read once: this runs before every search)."""
    key = str(ws.root)
    rec = _record_stamp(ws) + _folder_stamp(ws)  # a case folder added or removed shows at once
    quiet = _QUIET.get(key)
    now_t = time.monotonic()
    if quiet is not None and quiet[1] == rec and now_t - quiet[0] < quiet[2]:
        return []
    old, now = recorded(ws), taken(ws)
    out = sorted({cid for cid, st in now.items() if old.get(cid) != st} | (set(old) - set(now)))
    spent = time.monotonic() - now_t
    if out:
        _QUIET.pop(key, None)
    else:
        _QUIET[key] = (now_t, rec, spent * REUSE_FACTOR if spent > REUSE_FROM_S else 0.0)
    return out


def _folder_stamp(ws: Workspace) -> tuple:
    try:
        return (os.stat(ws.cases_dir).st_mtime_ns,)
    except OSError:
        return ()


def _record_stamp(ws: Workspace) -> tuple:
    try:
        st = os.stat(_path(ws))
        return (st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError:
        return ()
