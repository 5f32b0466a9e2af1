"""Noticing a damaged index, whatever store is behind the facade.

The index is derived data, so a damaged one is rebuilt rather than misread; the
danger is not noticing. A store that finds its own files unreadable may quietly
start an empty index (then every search says "0 处命中"), or fail in the middle of
a search with an exception from deep inside the store. Two things make this
visible without knowing the store's file format:

* ``<workspace>/.index-health.json`` records, after every successful update,
  how many documents the index held and which archive folders were added; an
  index that comes back empty when it held documents is damaged, not empty.
* an exception raised from inside the store (its module or its library) while
  opening, probing or searching is damage; an exception from reading a
  document is that document's problem and is left to the caller.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import traceback
from pathlib import Path
from typing import Any

from casefile.errors import CasefileError
from casefile.store.fsutil import atomic_write_text

HEALTH = ".index-health.json"
# a word present in nearly every enforcement document; the probe only needs the search to run
PROBE = "决定"
_STORE_MARKS = ("/index/store.py", "/whoosh/", "/tantivy/", "tantivy")


def _path(root: Path) -> str:
    return os.path.join(root, HEALTH)  # a string: every search reads the record


def read(root: Path) -> dict[str, Any]:
    from index.dirs import read_json

    try:
        h = read_json(_path(root))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return copy.deepcopy(h) if isinstance(h, dict) else {}  # the caller may change its copy


def _known(root: Path) -> int:
    """The documents the last update left in the index (the record as read, not copied: every search asks)."""
    from index.dirs import read_json

    try:
        h = read_json(_path(root))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return 0
    return h.get("documents", 0) if isinstance(h, dict) else 0


def record(root: Path, documents: int, archive: tuple[str, str] | None = None) -> None:
    h = read(root)
    h["documents"] = int(documents)
    if archive:
        h.setdefault("archives", {})[archive[0]] = archive[1]
    atomic_write_text(_path(root), json.dumps(h, ensure_ascii=False, indent=1))


def forget(root: Path) -> dict[str, Any]:
    """Before a rebuild: the record no longer describes the index (archives are kept to re-add)."""
    h = read(root)
    if h:
        atomic_write_text(_path(root), json.dumps({"documents": 0, "archives": h.get("archives", {})}, ensure_ascii=False, indent=1))
    return h


def disk_full(e: BaseException) -> bool:
    """A full disk, as Python (ENOSPC/EDQUOT) or tantivy (a ValueError naming os error 28) reports it:
    not damage to rebuild from, but a message to give."""
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(e)
    return not isinstance(e, CasefileError) and ("os error 28" in text or "No space left on device" in text
                                                 or "os error 122" in text)


def from_store(e: BaseException) -> bool:
    """True when the exception was raised inside the index store (its files are damaged)."""
    if isinstance(e, CasefileError) or disk_full(e):
        return False
    last = ""
    for fr in traceback.extract_tb(e.__traceback__):
        f = fr.filename.replace("\\", "/")
        if any(m in f for m in _STORE_MARKS) or "/casefile/" in f or "/index/" in f:
            last = f  # the innermost frame of casefile's code or the store's
    return any(m in last for m in _STORE_MARKS)


def damage(root: Path, idx: Any, *, probe: bool, refills: bool = False) -> str:
    """Why the opened index ``idx`` cannot be trusted ('' if it can).

    ``refills``: the operation about to run re-indexes every case document that is
    not in the index (a full update), so an index the store started afresh (stale
    version, lost files) needs nothing more; damaged files still do."""
    reason = getattr(idx, "rebuilt_reason", "")
    if reason:
        return "" if refills else reason
    known = _known(root)
    try:
        n = len(idx.indexed())
    except Exception as e:  # noqa: BLE001 - any failure to read the store's list is damage
        return f"索引的文书清单无法读取（{type(e).__name__}）"
    if known and n == 0 and not refills:
        return f"索引是空的，但上次更新后有 {known} 份文书（索引文件丢失或损坏）"
    if probe:
        try:
            idx.search(PROBE, limit=1)
        except CasefileError:
            pass
        except Exception as e:  # noqa: BLE001
            return f"索引文件损坏（{type(e).__name__}: {str(e)[:80]}）"
    return ""
