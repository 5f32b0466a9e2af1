"""The classify step: which catalogue type a document is (its title first, its content second) and how
sure that is (casefile.ingest.classify), read from its text compacted once for this step and the next."""

from __future__ import annotations

from casefile.ingest.extract import classify_reading, read_text
from casefile.ingest.steps.state import Item


def classify(item: Item) -> None:
    assert item.doc is not None, "read before classify"
    item.reading = read_text(item.doc)
    item.kind = classify_reading(item.reading)
