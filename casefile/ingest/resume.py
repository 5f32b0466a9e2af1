"""An import that was interrupted says so, and the next run finishes it.

An import writes a marker into the case folder before its first document (for a
new case, inside the folder before the folder appears) and removes it after the
last one and the facts. A case with the marker is shown as 导入未完成; running
the same import again (the same folders or files) continues into that case,
skipping the documents already stored, instead of making a second case "-2".
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from casefile.store.fsutil import atomic_write_text

PREFIX = ".import-incomplete-"
LABEL = "导入未完成"


def sources_of(paths: list[Path]) -> list[str]:
    """What identifies an import: the folders and files it was given, as absolute paths."""
    return sorted(str(Path(p).resolve()) for p in paths)


def marker_name(sources: list[str]) -> str:
    """One marker per import, so two imports into one case at once each keep their own."""
    key = hashlib.sha256(json.dumps(sources, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return f"{PREFIX}{key}.json"


def is_marker(name: str) -> bool:
    return name.startswith(PREFIX) and name.endswith(".json")


def payload(sources: list[str], started: str) -> str:
    return json.dumps({"sources": sources, "started": started}, ensure_ascii=False, indent=1)


def mark(case_dir: Path, sources: list[str], started: str) -> None:
    atomic_write_text(Path(case_dir) / marker_name(sources), payload(sources, started))


def _read(p: Path) -> dict[str, Any]:
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        m = {}
    return m if isinstance(m, dict) else {}


def marker(case_dir: Path, sources: list[str] | None = None) -> dict[str, Any] | None:
    """The marker of the import of ``sources`` (or of any unfinished import) in this case, or None."""
    case_dir = Path(case_dir)
    if sources is not None:
        p = case_dir / marker_name(sources)
        return _read(p) if p.exists() else None
    # one directory read (a case list asks this of every case; pathlib's glob costs far more)
    try:
        with os.scandir(case_dir) as it:
            found = sorted(e.name for e in it if e.name.startswith(PREFIX) and e.name.endswith(".json"))
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _read(case_dir / found[0]) if found else None


def clear(case_dir: Path, sources: list[str]) -> None:
    (Path(case_dir) / marker_name(sources)).unlink(missing_ok=True)


def find(cases_dir: Path, case_ids: list[str], sources: list[str]) -> str | None:
    """The case an interrupted import of the same sources left behind, if any."""
    for cid in case_ids:
        m = marker(Path(cases_dir) / cid, sources)
        if m is not None and m.get("sources") == sources:
            return cid
    return None


def note(case_dir: Path) -> str:
    """'' or the line to show for a case whose import did not finish."""
    m = marker(case_dir)
    if m is None:
        return ""
    return f"{LABEL}（{str(m.get('started', ''))[:16].replace('T', ' ')} 开始，重新运行同一导入命令即可续完）"
