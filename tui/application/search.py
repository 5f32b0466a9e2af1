"""Search that makes sure the index is current first, saved searches, and the
index maintenance commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import index
from casefile.documents import REGISTER
from casefile.errors import UsageError
from casefile.fsutil import atomic_write_text
from casefile.workspace import CASE_FILE
from index.facade import save_search, saved
from index.store import INDEX_DIR

Progress = Callable[[int, int, str], None]
# What each case's facts and document register looked like when it was last indexed
# (mtime and size of case.toml and documents.toml): telling a current index from a
# stale one then costs two stat() calls per case, not loading every case. It lives in
# the index folder, so a rebuild starts it afresh.
STAMPS = "case-stamps.json"


class SearchOps:
    def _stamps_path(self) -> Path:
        return self.ws.root / INDEX_DIR / STAMPS

    def _stamp(self, case_id: str) -> list[int]:
        out = []
        for name in (CASE_FILE, REGISTER):
            try:
                st = (self.ws.cases_dir / case_id / name).stat()
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return out

    def _load_stamps(self) -> dict[str, list[int]]:
        try:
            return json.loads(self._stamps_path().read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def _save_stamps(self, stamps: dict[str, list[int]]) -> None:
        atomic_write_text(self._stamps_path(), json.dumps(stamps))

    def reindex(self, case_id: str, *, refresh: bool = False) -> dict[str, Any] | None:
        """Keep the index current after a change to one case. A workspace never searched
        has no index yet: the first search builds it whole, so nothing is done here."""
        if not case_id or index.needs_rebuild(self.ws):
            return None
        stamp = self._stamp(case_id)
        result = index.update_case(self.ws, case_id, refresh=refresh)
        stamps = self._load_stamps()
        stamps[case_id] = stamp
        self._save_stamps(stamps)
        return result

    def ensure_index(self, progress: Progress | None = None) -> dict[str, Any]:
        """Build a missing index, or bring stale cases up to date (facts or documents changed,
        cases added or removed outside this session). Returns what was done."""
        now = {cid: self._stamp(cid) for cid in self.ws.case_ids()}
        if index.needs_rebuild(self.ws):
            result = index.update(self.ws, progress)
            self._save_stamps(now)
            return dict(result, built=True, stale=len(now))
        old = self._load_stamps()
        stale = sorted({cid for cid, st in now.items() if old.get(cid) != st} | set(old) - set(now))
        if not stale:
            return {"added": 0, "removed": 0, "pages": 0, "built": False, "stale": 0}
        result = index.update(self.ws, progress, only=stale, refresh=True)
        self._save_stamps(now)
        return dict(result, built=False, stale=len(stale))

    def search(self, query: str, *, progress: Progress | None = None, **filters: Any) -> dict[str, Any]:
        """Hits grouped by case (see :func:`index.search`); ``result['index']`` says what
        was brought up to date before searching."""
        if not query.strip():
            raise UsageError("请给出检索词")
        fresh = self.ensure_index(progress)
        result = index.search(self.ws, query, **filters)
        result["index"] = {k: fresh[k] for k in ("built", "rebuilt", "recovered", "added", "removed") if fresh.get(k) is not None}
        return result

    def search_many(self, queries: list[str], **filters: Any) -> list[dict[str, Any]]:
        self.ensure_index()
        return [index.search(self.ws, q, **filters) for q in queries if q.strip()]

    # -- saved searches --------------------------------------------------------------------
    def saved_searches(self) -> dict[str, Any]:
        return saved(self.ws)

    def save_search(self, name: str, query: str, **filters: Any) -> None:
        save_search(self.ws, name, dict(filters, query=query))

    def saved_search(self, name: str) -> tuple[str, dict[str, Any]]:
        """A saved search's query and filters."""
        stored = saved(self.ws)
        if name not in stored:
            raise UsageError(f"没有名为“{name}”的检索", details=["已保存：" + ("、".join(stored) or "无")])
        params = dict(stored[name])
        return params.pop("query"), params

    # -- maintenance -----------------------------------------------------------------------
    def update_index(self, progress: Progress | None = None) -> dict[str, Any]:
        now = {cid: self._stamp(cid) for cid in self.ws.case_ids()}
        result = index.update(self.ws, progress)
        self._save_stamps(now)
        return result

    def rebuild_index(self, progress: Progress | None = None, engine: str | None = None) -> dict[str, Any]:
        """From scratch, on ``engine`` (tantivy or whoosh) when given; the choice is kept."""
        now = {cid: self._stamp(cid) for cid in self.ws.case_ids()}
        result = index.rebuild(self.ws, progress, engine=engine)
        self._save_stamps(now)
        return result

    def open_hit(self, result: dict[str, Any], query: str, n: int) -> dict[str, Any]:
        """The n-th hit (from 1) of a search with its whole page, every match in 【】."""
        if not 1 <= n <= len(result["hits"]):
            raise UsageError(f"没有第 {n} 处命中：这次检索显示了 {len(result['hits'])} 处")
        h = result["hits"][n - 1]
        page = index.open_hit(self.ws, h, query)
        if page is None:
            raise UsageError(f"索引中找不到 {h['doc']} 第{h['page']}页", details=["请运行 casefile index rebuild"])
        return dict(h, text=page)

    def add_archive(self, folder: Path, progress: Progress | None = None) -> dict[str, Any]:
        return index.add_folder(self.ws, Path(folder), progress)
