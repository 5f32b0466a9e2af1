"""The full-text archive index (tantivy by default, whoosh on request; jieba words) behind a small facade.

    open_index(ws)        the workspace's index on its chosen engine, rebuilt if stale or corrupt
    ensure(ws)            make it current before a search (built, rebuilt or updated as needed)
    update(ws)            re-index changed case documents, drop deleted ones
    update_case(ws, id)   the same for one case (after import or render)
    add_folder(ws, path)  index a plain folder of documents as an archive
    search(ws, query, …)  hits grouped by case, snippets, pages, facets
    open_hit(ws, hit, q)  the hit's page with the matches marked
    doc_pages(ws, s, d)   an indexed document's pages read from its file (for a reader)
    page_matches(t, q)    where a query matches one page: (start, end) offsets
    indexed(ws), indexed_at(ws)   what the index holds, and when it last changed
    rebuild(ws, engine=)  from scratch, on tantivy or whoosh
    needs_rebuild(ws)     why the index on disk cannot be used ('' if it can)
"""

from index.facade import add_folder, engine_of, ensure, needs_rebuild, open_hit, open_index, rebuild, search, update, update_case
from index.facade import archives, doc_pages, indexed, indexed_at, page_matches

__all__ = ["add_folder", "engine_of", "ensure", "needs_rebuild", "open_hit", "open_index", "rebuild", "search", "update", "update_case",
           "archives", "doc_pages", "indexed", "indexed_at", "page_matches"]
