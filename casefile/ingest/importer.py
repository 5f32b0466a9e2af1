"""Import documents into a case, as a pipeline of named steps (casefile.ingest.steps):

    scope → for each file: read → classify → extract → find the case → foreign check → open the case
    → store → fill facts → finish

Each file goes through the whole pipeline or not at all; a file that cannot be read — damaged, hostile
(bombs, entity expansion, links), too large, encrypted — is reported with its name and what is wrong,
and the rest continue. A full disk stops the import cleanly: the file being written is removed, the
files after it are listed as not imported. Facts already in the case are never overwritten: a
different extracted value is reported as a conflict. This is the one import entry: the application
layer, the evaluation and the benchmarks call ``import_paths``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from casefile.ingest import case_typing
from casefile.ingest.steps.case import find_case, open_case
from casefile.ingest.steps.classify import classify
from casefile.ingest.steps.extract import extract
from casefile.ingest.steps.fill import fill_facts
from casefile.ingest.steps.foreign import foreign_check
from casefile.ingest.steps.read import cancelled as cancelled_at, read, reported
from casefile.ingest.steps.scope import scope
from casefile.ingest.steps.state import ImportResult, ImportRun, Options
from casefile.ingest.steps.store import finish, store
from casefile.store.workspace import Workspace

# the steps after every file is read: each may end the import (nothing new to store, nothing usable)
AFTER_READING = (find_case, foreign_check, open_case, store, fill_facts, finish)


def import_paths(
    ws: Workspace,
    paths: list[Path],
    case_ref: str | None = None,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    include_other_cases: bool = False,
    cancelled: Callable[[], bool] | None = None,
    case_type: str | None = None,
    ask: Callable[[case_typing.Typing], str | None] | None = None,
    fill_decision: bool = True,
) -> ImportResult:
    """``include_other_cases``: import documents whose text carries a 文号 of another case of the
    workspace too (by default they are skipped, each with the evidence); ``cancelled`` is asked
    before each file is read: once it says yes, the files read so far are stored and the rest
    listed as not imported. A new case takes the type its documents show (casefile.ingest.case_typing),
    or ``case_type`` when given; when the documents disagree ``ask`` (if given) is asked and may
    name the type. Documents of another type imported into an existing case are warned about.
    Without ``fill_decision`` the documents are stored and facts filled, but no decision (its date,
    measures, 文号) is recorded and the state does not move: the person was shown those facts and
    declined them."""
    run = ImportRun(ws, [Path(p) for p in paths], case_ref, Options(progress, include_other_cases, cancelled, case_type, ask, fill_decision))
    scope(run)
    # every file read and extracted first, so a new case is only made when something is usable
    for n, f in enumerate(run.files):
        if cancelled_at(run, n):
            break
        run.tell(n)
        with reported(run, f):
            item = read(f)
            classify(item)
            extract(item, run.within(n, item))
            run.items.append(item)
    for step in AFTER_READING:
        step(run)
        if run.done:
            break
    return run.result
