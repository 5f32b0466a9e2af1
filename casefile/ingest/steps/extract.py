"""The extract step: what a document says (文号, 机关, 当事人, dates, amounts, citations, the dated acts
of its narrative; a decision's measures), by the extract package; then its text is let go, keeping
only what storing and the dossier's facts need."""

from __future__ import annotations

from typing import Callable

from casefile.ingest import extract as extractor
from casefile.ingest.steps.state import Item


def extract(item: Item, progress: Callable[[int, int], None] | None = None) -> None:
    """``progress(characters done, characters in all)`` for a long text read in chunks."""
    assert item.doc is not None, "read before extract"
    item.x = extractor.extract(item.doc, progress, reading=item.reading, kind=item.kind if item.reading else None)
    item.keep_what_storing_needs()
