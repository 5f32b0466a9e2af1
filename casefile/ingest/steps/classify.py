"""The classify step: which catalogue type a document is (its title first, its content second) and how
sure that is (casefile.ingest.classify), read from its text compacted once for this step and the next."""

from __future__ import annotations

from pathlib import Path

from casefile.ingest.classify import by_file_name
from casefile.ingest.extract import classify_reading, read_text
from casefile.ingest.steps.state import Item


DECISIONS = ("decision", "summary_decision", "no_penalty_decision")
TITLE_CONFIDENCE = 0.85  # classify: a title on a line of its own; below it, a name met inside a sentence or the content


def classify(item: Item) -> None:
    assert item.doc is not None, "read before classify"
    item.reading = read_text(item.doc)
    item.kind = by_file_name_too(classify_reading(item.reading), item.path)


def by_file_name_too(kind: tuple[str, float], path: Path) -> tuple[str, float]:
    """A text without a title of its own (a party's letter: 致……局：我单位已收到你局行政处罚告知书……) typed
    by its file's name when the name is a title: a name met in a sentence or the content is a weaker
    witness than the title the archive gave the file. Decisions are left to their own reading (their
    fields are read only when the text is one)."""
    doc_type, confidence = kind
    named = by_file_name(path.stem)
    if confidence < TITLE_CONFIDENCE and named and named != doc_type and doc_type not in DECISIONS and named not in DECISIONS:
        return named, TITLE_CONFIDENCE - 0.05
    return kind
