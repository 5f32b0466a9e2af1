"""Search that makes sure the index is current first, saved searches, and the
index maintenance commands."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import index
from casefile.errors import UsageError
from index.facade import save_search, saved

Progress = Callable[[int, int, str], None]


class SearchOps:
    def reindex(self, case_id: str, *, refresh: bool = False) -> dict[str, Any] | None:
        """Keep the index current after a change to one case. A workspace never searched
        has no index yet: the first search builds it whole, so nothing is done here."""
        if not case_id or index.needs_rebuild(self.ws):
            return None
        return index.update_case(self.ws, case_id, refresh=refresh)

    def ensure_index(self, progress: Progress | None = None) -> dict[str, Any]:
        """Build a missing index, or bring stale cases up to date (documents added, changed or
        removed outside this session). Returns what was done (``added`` 0 when it was current)."""
        building = bool(index.needs_rebuild(self.ws))
        result = index.update(self.ws, progress)
        return dict(result, built=building)

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
        return index.update(self.ws, progress)

    def rebuild_index(self, progress: Progress | None = None, engine: str | None = None) -> dict[str, Any]:
        """From scratch, on ``engine`` (tantivy or whoosh) when given; the choice is kept."""
        return index.rebuild(self.ws, progress, engine=engine)

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
