"""Search that makes sure the index is current first, saved searches, and the
index maintenance commands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from casefile.store.documents import load_register
from casefile.errors import CasefileError, UsageError
from casefile.ingest.facts import doc_type_name
from casefile.output.pages import estimated_page_at
from casefile.ingest.textio import SUPPORTED
from tui.application.core import Core, Result, Service
from tui.application.lazy import lazy_module
from tui.application.names import FACET_NAMES
from tui.application.reader import ESTIMATED, PDF_PAGES, Reading, hit_title

# the index loads when a search, an update or a status needs it (not for a case list)
index = lazy_module("index")
freshness = lazy_module("index.freshness")
qmod = lazy_module("index.query")  # the query parser loads the analyzer (whoosh's tokenizer base)

Progress = Callable[[int, int, str], None]


@dataclass
class IndexStatus(Result):
    """How current the index is: when it last changed (None: never built), case documents changed or
    removed since, cases whose facts changed, archive files newer, and all of it as one Chinese line."""

    exists: bool
    updated: str | None
    changed: int
    removed: int
    stale_cases: int
    archive_files: int
    current: bool
    label: str


class Search(Service):
    def reindex(self, case_id: str, *, refresh: bool = False) -> dict[str, Any] | None:
        """Keep the index current after a change to one case. A workspace never searched
        has no index yet: the first search builds it whole, so nothing is done here."""
        if not case_id or index.needs_rebuild(self.ws):
            return None
        return index.update_case(self.ws, case_id, refresh=refresh)

    def ensure_index(self, progress: Progress | None = None) -> dict[str, Any]:
        """Build a missing index, or bring stale cases up to date (facts or documents changed,
        cases added or removed outside this session): :func:`index.ensure`. Returns what was done."""
        return index.ensure(self.ws, progress)

    def search(self, query: str, *, progress: Progress | None = None, wait_for_index: bool = True,
               background: bool = False, **filters: Any) -> dict[str, Any]:
        """Hits grouped by case (see :func:`index.search`); ``result['index']`` says what
        was brought up to date before searching. With ``wait_for_index=False`` an index that exists
        answers as it is and ``result['index']['stale']`` counts the cases it has not taken in yet
        (the TUI then updates it behind the answer). ``background``: the same for a process that
        exits after answering (the CLI): a stale index answers, and a process of its own updates it
        (``result['index']['background']``). A missing index is built first either way."""
        if not query.strip():
            raise UsageError("请给出检索词")
        fresh, checked = self._freshen(progress, wait_for_index, background)
        return self._answer(query, fresh, checked, filters)

    def search_many(self, queries: list[str], *, background: bool = False, **filters: Any) -> list[dict[str, Any]]:
        """Each query answered as :meth:`search` answers it, the index checked once."""
        fresh, checked = self._freshen(None, True, background)
        return [self._answer(q, fresh, checked, filters) for q in queries if q.strip()]

    def _freshen(self, progress: Progress | None, wait: bool, background: bool = False) -> tuple[dict[str, Any], bool]:
        """What was done to the index before the query, and whether that found it sound (then the
        query does not check it again)."""
        if not wait and not index.needs_rebuild(self.ws):
            return {"stale": len(freshness.stale(self.ws))}, False
        fresh = index.ensure(self.ws, progress, defer=background)
        if fresh.pop("deferred", False):
            from tui.application import background_index

            fresh["background"] = background_index.start(self.ws.root)
            return fresh, False
        fresh.pop("stale", None)
        return fresh, not (fresh.get("recovered") or fresh.get("rebuilt") or fresh.get("built"))

    def _answer(self, query: str, fresh: dict[str, Any], checked: bool, filters: dict[str, Any]) -> dict[str, Any]:
        result = index.search(self.ws, query, checked=checked, **filters)
        keys = ("built", "rebuilt", "recovered", "added", "removed", "stale", "background")
        result["index"] = {k: fresh[k] for k in keys if fresh.get(k) is not None}
        self._locate(result["hits"], query)
        result["facet_list"] = self.named_facets(result, query, **filters)
        return result

    def _locate(self, hits: list[dict[str, Any]], query: str) -> None:
        """Each hit says the page a person finds it on, and of which kind: a PDF's own page, or for
        a .docx/.txt the page estimated at its first match (casefile.output.pages.estimated_page_at), from
        the index's copy of the pages (no file read: a page of 30 hits stays as fast as the engine)."""
        before: dict[tuple[str, str, int], str] = {}
        for h in hits:
            src = h.get("source") or h["case"]
            if h["doc"].lower().endswith(".pdf"):
                h |= {"page_kind": PDF_PAGES, "printed_page": h["page"], "page_label": f"第{h['page']}页"}
                continue
            pages = []
            for p in range(1, int(h["page"])):  # the sections before an explicit page break, rarely any
                if (src, h["doc"], p) not in before:
                    found = index.open_index(self.ws).page(src, h["doc"], p)
                    before[(src, h["doc"], p)] = found[0] if found else ""
                pages.append(before[(src, h["doc"], p)])
            at = h["matches"][0][0] if h.get("matches") else 0
            printed = estimated_page_at(pages + ["x" * at], len(pages) + 1, at)
            h |= {"page_kind": ESTIMATED, "printed_page": printed, "page_label": f"约第{printed}页"}

    # -- facets as filters -----------------------------------------------------------------
    @staticmethod
    def facet_label(field: str, value: str) -> str:
        """A facet value as a person reads it (a document type by its Chinese name)."""
        if field == "doc_type":
            return doc_type_name(value)
        if field == "year":
            return f"{value}年"
        return value

    def named_facets(self, result: dict[str, Any], query: str, **filters: Any) -> list[dict[str, Any]]:
        """The facets in Chinese, each value saying whether the query filters on it already."""
        active = set(qmod.filters(query))
        for name, key in (("agency", "agency"), ("year", "year"), ("laws", "law"), ("doc_type", "doc_type")):
            if filters.get(key):
                active.add((name, qmod.field_value(name, str(filters[key]))))
        out = []
        for name, counts in result.get("facets", {}).items():
            label = self.facet_label if name in ("doc_type", "year") else None  # the others read as they are
            values = [{"value": v, "label": label(name, v) if label else v, "count": n, "active": (name, v) in active}
                      for v, n in counts.items()]
            out.append({"field": name, "name": FACET_NAMES.get(name, name), "values": values})
        return out

    def toggle_filter(self, query: str, field: str, value: str) -> str:
        """The query with the facet value ``field`` = ``value`` added as a filter (机关:…, 类型:行政处罚决定书),
        or taken out when the query holds it already."""
        if (field, qmod.field_value(field, value)) in qmod.filters(query):
            return qmod.without_filter(query, field, value)
        shown = doc_type_name(value) if field == "doc_type" else None
        return qmod.with_filter(query, field, value, shown)

    # -- reading a hit -----------------------------------------------------------------------
    def read_hit(self, hit: dict[str, Any], query: str) -> Reading:
        """The hit's document opened read-only at its page, on its first match there."""
        src = hit.get("source") or hit["case"]
        pages = index.doc_pages(self.ws, src, hit["doc"])
        from_index = pages is None
        if from_index:  # the file is gone or moved: the page as the index holds it
            found = index.open_index(self.ws).page(src, hit["doc"], int(hit["page"]))
            if found is None:
                raise UsageError(f"索引中找不到 {hit['doc']} 第{hit['page']}页", details=["请按 u 更新索引"])
            pages = [""] * (int(hit["page"]) - 1) + [found[0]]
        r = Reading(source=src, doc=hit["doc"], query=query, pages=pages, page=int(hit["page"]), title=hit_title(hit),
                    archive=hit.get("archive"), from_index=from_index)
        r.current = 0 if r.spans() else -1
        return r

    # -- freshness ---------------------------------------------------------------------------
    def index_status(self) -> IndexStatus:
        """How current the index is: when it last changed, how many case documents were added, changed
        or removed since (and cases whose facts changed), how many archive files are newer."""
        at = index.indexed_at(self.ws)
        ids = self.ws.case_ids()
        state = index.indexed(self.ws) if at is not None else {}
        changed = 0
        present: set[str] = set()
        for cid in ids:
            try:
                recs = load_register(self.ws.cases_dir / cid).documents
            except (CasefileError, OSError):
                continue
            for rec in recs:
                ref = f"{cid}/{rec.file}"
                present.add(ref)
                changed += state.get(ref) != rec.sha256
        removed = sum(1 for ref in state if not ref.startswith("archive:") and ref not in present)
        stale_cases = len(freshness.changed(self.ws)) if at is not None else len(ids)
        archive_files = 0
        for source, folder in index.archives(self.ws).items():
            if Path(folder).is_dir():
                for p in Path(folder).rglob("*"):
                    if p.is_file() and p.suffix.lower() in SUPPORTED:
                        ref = f"{source}/{p.relative_to(folder).as_posix()}"
                        archive_files += ref not in state or (at is not None and p.stat().st_mtime > at)
        updated = dt.datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") if at is not None else None
        pending = changed + removed
        current = at is not None and not pending and not stale_cases and not archive_files
        if at is None:
            label = "尚未建立索引（首次检索时建立，或按 u 建立）"
        elif current:
            label = f"索引为最新（更新于 {updated}）"
        else:
            parts = [f"{pending} 份文书" if pending else "", f"{stale_cases} 个案件的信息" if stale_cases else "",
                     f"{archive_files} 份档案文件" if archive_files else ""]
            label = f"索引更新于 {updated}；" + "、".join(x for x in parts if x) + "有变化，未索引（检索时自动更新，或按 u 更新）"
        return IndexStatus(at is not None, updated, pending, removed, stale_cases, archive_files, current, label)

    # -- saved searches --------------------------------------------------------------------
    def save_search(self, name: str, query: str, **filters: Any) -> None:
        index.facade.save_search(self.ws, name, dict(filters, query=query))

    def saved_search(self, name: str) -> tuple[str, dict[str, Any]]:
        """A saved search's query and filters."""
        stored = index.facade.saved(self.ws)
        if name not in stored:
            raise UsageError(f"没有名为“{name}”的检索", details=["已保存：" + ("、".join(stored) or "无")])
        params = dict(stored[name])
        return params.pop("query"), params

    # -- maintenance -----------------------------------------------------------------------
    def update_index(self, progress: Progress | None = None) -> dict[str, Any]:
        """Bring everything current: changed case documents, cases whose facts changed (their number,
        party or outcome is on every page's record), and archive folders with new or changed files."""
        had_index = not index.needs_rebuild(self.ws)
        stale = freshness.changed(self.ws) if had_index else []
        archive_changed = had_index and self.index_status().archive_files > 0
        result = index.update(self.ws, progress)
        if stale:
            again = index.update(self.ws, progress, only=stale, refresh=True)
            result["added"] = result.get("added", 0) + again.get("added", 0)
            result["pages"] = result.get("pages", 0) + again.get("pages", 0)
        if archive_changed:
            for folder in index.archives(self.ws).values():
                if Path(folder).is_dir():
                    r = index.add_folder(self.ws, Path(folder), progress)
                    result["added"] = result.get("added", 0) + r.get("added", 0)
                    result["removed"] = result.get("removed", 0) + r.get("removed", 0)
                    result["pages"] = result.get("pages", 0) + r.get("pages", 0)
        return result

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


class Indexed(Service):
    """A service whose changes the index follows: it re-indexes a case it changed through ``search``."""

    def __init__(self, core: Core, *, search: Search):
        super().__init__(core)
        self.search = search
