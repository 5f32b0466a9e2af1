"""An import that was interrupted says so, and the next run finishes it.

An import writes a marker into the case folder before its first document (for a
new case, inside the folder before the folder appears) and removes it after the
last one and the facts. A case with the marker is shown as 导入未完成; running
the same import again (the same folders or files) continues into that case,
skipping the documents already stored, instead of making a second case "-2".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casefile.fsutil import atomic_write_text

MARKER = ".import-incomplete.json"
LABEL = "导入未完成"


def sources_of(paths: list[Path]) -> list[str]:
    """What identifies an import: the folders and files it was given, as absolute paths."""
    return sorted(str(Path(p).resolve()) for p in paths)


def payload(sources: list[str], started: str) -> str:
    return json.dumps({"sources": sources, "started": started}, ensure_ascii=False, indent=1)


def mark(case_dir: Path, sources: list[str], started: str) -> None:
    atomic_write_text(Path(case_dir) / MARKER, payload(sources, started))


def marker(case_dir: Path) -> dict[str, Any] | None:
    p = Path(case_dir) / MARKER
    if not p.exists():
        return None
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        m = {}
    return m if isinstance(m, dict) else {}


def clear(case_dir: Path) -> None:
    (Path(case_dir) / MARKER).unlink(missing_ok=True)


def find(cases_dir: Path, case_ids: list[str], sources: list[str]) -> str | None:
    """The case an interrupted import of the same sources left behind, if any."""
    for cid in case_ids:
        m = marker(Path(cases_dir) / cid)
        if m is not None and m.get("sources") == sources:
            return cid
    return None


def note(case_dir: Path) -> str:
    """'' or the line to show for a case whose import did not finish."""
    m = marker(case_dir)
    if m is None:
        return ""
    return f"{LABEL}（{m.get('started', '')[:16].replace('T', ' ')} 开始，重新运行同一导入命令即可续完）"
