"""The read step: one file's bytes (a regular file, no links, within the size limit) and its text (OCR for
scanned pages). A file that cannot be read, classified or extracted is named with what is wrong, and
the others go on; once the person cancels, the files not read yet are named as not imported."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casefile.ingest.steps.state import ImportRun, Item, failure
from casefile.ingest.textio import read_document, read_input


def read(path: Path) -> Item:
    data = read_input(path)
    return Item(path, data, doc=read_document(path, data))


def cancelled(run: ImportRun, n: int) -> bool:
    """Asked before the file ``n`` (0-based) is read: once the person cancels, the files read so far are
    stored (storing is quick) and the rest named; the import is complete as far as it went, and can be
    undone whole."""
    if run.options.cancelled is None or not run.options.cancelled():
        return False
    run.result.errors += [{"file": str(g), "error": f"{g.name}：导入已取消，未导入"} for g in run.files[n:]]
    return True


@contextmanager
def reported(run: ImportRun, path: Path) -> Iterator[None]:
    """One bad file never stops the others: what went wrong with it becomes its error entry."""
    try:
        yield
    except Exception as e:  # noqa: BLE001 - damaged, hostile, too large, encrypted … or a defect: reported per file
        run.result.errors.append(failure(path, e))
