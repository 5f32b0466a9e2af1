"""The full-text archive index (whoosh + jieba) behind a small facade.

    open_index(ws)        the workspace's index, rebuilt if stale
    update(ws)            re-index changed case documents, drop deleted ones
    update_case(ws, id)   the same for one case (after import or render)
    add_folder(ws, path)  index a plain folder of documents as an archive
    search(ws, query, …)  hits grouped by case, snippets, pages, facets
    rebuild(ws)           from scratch
    needs_rebuild(ws)     why the index on disk cannot be used ('' if it can)
"""

from index.facade import add_folder, needs_rebuild, open_index, rebuild, search, update, update_case

__all__ = ["add_folder", "needs_rebuild", "open_index", "rebuild", "search", "update", "update_case"]
