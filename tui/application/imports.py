"""Safe import: the path a person types, the folders around it, the preview of what an
import would take (nothing written), the import itself with progress and cancel, the
list of a case's imports and their undo. Every change re-indexes the case, so search
never misses an imported document nor finds a removed one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from casefile.ingest import import_records, import_scope
from casefile.errors import ImportRefused
from casefile.ingest.import_scope import Preview
from casefile.ingest.textio import SUPPORTED
from tui.application.access import guarded
from tui.application.entries import refuse_archived
from tui.application.lazy import lazy_module
from tui.application.search import Indexed

if TYPE_CHECKING:  # the importer loads on first import
    from casefile.ingest.importer import ImportResult

importer = lazy_module("casefile.ingest.importer")

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass
class Entry:
    """One line of the picker: a folder or a file that can be imported."""

    path: Path
    name: str
    is_dir: bool


class Imports(Indexed):
    # -- the picker --------------------------------------------------------------------------
    @staticmethod
    def parse_path(text: str, base: Path | None = None) -> Path:
        """A path typed or pasted by a person: quotes and spaces around it dropped, ~ expanded;
        a relative path is taken from ``base`` (the folder the picker shows)."""
        t = text.strip().strip("'\"").strip()
        if not t:
            raise ImportRefused("请输入路径", details=["可输入或粘贴绝对路径，如 /home/user/案卷；~ 表示主目录"])
        p = Path(os.path.expanduser(t))
        if not p.is_absolute():
            if base is None:
                raise ImportRefused(f"“{t}”不是绝对路径", details=["绝对路径以 / 开头；~ 表示主目录"])
            p = Path(base) / p
        p = Path(os.path.normpath(p))
        if not p.exists():
            raise ImportRefused(f"{p} 不存在", details=["检查路径是否拼写正确"])
        return p

    @staticmethod
    def browse(folder: Path) -> list[Entry]:
        """The folders and importable files directly in ``folder`` (hidden ones left out), folders first."""
        folder = Path(folder)
        try:
            items = sorted(folder.iterdir(), key=lambda p: p.name)
        except PermissionError:
            raise ImportRefused(f"没有权限读取 {folder}") from None
        except OSError as e:
            raise ImportRefused(f"无法读取 {folder}：{e.strerror or e}") from None
        dirs = [Entry(p, p.name + "/", True) for p in items if not p.name.startswith(".") and p.is_dir()]
        files = [Entry(p, p.name, False) for p in items
                 if not p.name.startswith((".", "~$")) and p.suffix.lower() in SUPPORTED and not p.is_dir()]
        return dirs + files

    def import_refusal(self, path: Path) -> str:
        """Why ``path`` cannot be imported ('' when it can): shown before anything is read."""
        return import_scope.refusal(self.ws, Path(path))

    # -- preview, import, undo -------------------------------------------------------------------
    def import_preview(self, case_ref: str | None, paths: list[Path], *, classify: bool = True,
                       progress: Progress | None = None, cancelled: Cancelled | None = None) -> Preview:
        """What importing ``paths`` into the case would take and skip, with why. Writes nothing."""
        case_id = self.ws.resolve(case_ref) if case_ref else None
        return import_scope.preview(self.ws, case_id, [Path(p) for p in paths], classify=classify,
                                    progress=progress, cancelled=cancelled)

    @guarded("enter_facts", "ref_or_new")
    def import_files(self, case_ref: str | None, paths: list[Path], *, progress: Progress | None = None,
                     cancelled: Cancelled | None = None, include_other_cases: bool = False, case_type: str | None = None,
                     ask: Callable[[Any], str | None] | None = None, fill_decision: bool = True) -> ImportResult:
        """Import (into a new case when ``case_ref`` is None); the index is brought up to date. A new
        case takes the type its documents show, or ``case_type``; ``ask`` is asked when they disagree.
        An archived case takes no import."""
        if case_ref:
            refuse_archived(self.ws.load_case(case_ref), "导入文书")
        result = importer.import_paths(self.ws, [Path(p) for p in paths], case_ref, progress=progress, cancelled=cancelled,
                                       include_other_cases=include_other_cases, case_type=case_type, ask=ask,
                                       fill_decision=fill_decision)
        if result.case:
            self.search.reindex(result.case, refresh=bool(result.facts_filled))
        return result

    def imports(self, case_ref: str) -> list[dict[str, Any]]:
        """The case's imports, oldest first: id, when, by whom, what it added, 已完成/未完成/已撤销."""
        case_id = self.ws.resolve(case_ref)
        return [r.summary() for r in import_records.records(self.ws.cases_dir / case_id)]

    @guarded("enter_facts", "ref")
    def undo_import(self, case_ref: str, import_id: str | None = None) -> dict[str, Any]:
        """Take back an import (the latest not yet undone): its documents removed, the facts it
        filled set back, journalled; refused, with the reasons, when the case changed since in a
        way that conflicts. The index forgets the removed documents."""
        case_id = self.ws.resolve(case_ref)
        result = import_records.undo(self.ws, case_id, import_id)
        self.search.reindex(case_id, refresh=True)
        return result
