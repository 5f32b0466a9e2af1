"""Reading an archive folder for the index at archive speed.

Each document is read, its facets extracted and its words segmented in worker
processes (one per core); the one writer in the calling process only adds them.
Facets come from a header-only path: the full extraction pipeline (spaCy, every
entity and event, about 26 ms a decision) is what limited indexing, and search
needs only the header fields — 文号, 机关, 当事人, 文书类型 from the first and
last lines (the same extractor, fed those lines: about 2.5 ms), the laws cited
anywhere in the text (regular expressions) and the date signed at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterator

from casefile.errors import CasefileError

HEAD_LINES, TAIL_LINES = 10, 6  # title, 文号, 当事人 lines above; the agency's signature below
_SIGNED = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})[日号]")
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def _cn_number(s: str) -> int:
    if all(c in _CN for c in s) and len(s) > 2:  # a year written digit by digit: 二〇二五
        return int("".join(str(_CN[c]) for c in s))
    tens, _, ones = s.partition("十")
    if "十" in s:
        return (_CN.get(tens, 1) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN.get(s, 0)


def signed_date(text: str) -> dt.date | None:
    """The last date of the document (the one under the seal), in Arabic or Chinese numerals."""
    last = None
    for m in _SIGNED.finditer(text[-600:]):
        last = m
    if last is None:
        return None
    try:
        if last.group(1):
            return dt.date(int(last.group(1)), int(last.group(2)), int(last.group(3)))
        return dt.date(_cn_number(last.group(4)), _cn_number(last.group(5)), _cn_number(last.group(6)))
    except ValueError:
        return None


def header_fields(pages: list[str]) -> dict[str, Any]:
    """文号, agency, party, date, laws and document type of a document, from its header and ending."""
    from casefile.ingest.extract import extract_text, find_citations

    text = "\n".join(pages)
    lines = [l for l in text.splitlines() if l.strip()]
    head = "\n".join(lines[:HEAD_LINES] + lines[-TAIL_LINES:])
    x = extract_text(head)
    f = x.fields
    return {"number": f.get("doc_no", ""), "agency": f.get("agency", ""), "party": f.get("party", ""),
            "date": signed_date(text), "laws": sorted({c.to_value()["law"] for c in find_citations(text)}),
            "doc_type": x.doc_type}


Job = tuple  # (ref, relative name, source, engine, sha256, path or None, text or None)


def read_one(job: Job) -> tuple[str, Any]:
    """A worker's job → (ref, PageDoc list), or (ref, error message) when the file cannot be read."""
    from casefile.ingest.textio import read_document
    from index.dirs import PageDoc

    ref, rel, source, engine, digest, path, text = job
    try:
        pages = read_document(Path(path)).pages if path else [text]
        fields = header_fields(pages)
    except CasefileError as e:
        return ref, str(e)
    prepare = None
    if engine == "tantivy":
        from index.tantivy_engine import prepare
    base = dict(source=source, doc=rel, sha256=digest, case=source, **fields)
    return ref, [PageDoc(page=n, text=t, prepared=prepare(t) if prepare else None, **base)
                 for n, t in enumerate(pages, 1) if t.strip()]


def _die_with_parent(parent: int) -> None:
    """In each worker: be killed when the process that started the pool dies (Linux
    PR_SET_PDEATHSIG), so a kill -9 of ``index add-folder`` leaves no worker running for ever."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _warm() -> None:
    """Load the segmenters and the extractor's patterns once, before the workers fork, so that each
    does not load its own (seconds each)."""
    from casefile.ingest.extract.pipeline import get_nlp
    from index.analyzer import _jieba

    get_nlp()
    _jieba()
    header_fields(["当事人：某某\n2025年1月1日"])


def read_all(jobs: list, progress: Callable[[int, int, str], None] | None = None, fn: Callable = read_one) -> Iterator[tuple[str, Any]]:
    """Every job's result (``fn(job)``, by default reading a file), in worker processes when there
    are enough documents to pay for them."""
    n = len(jobs)
    if n < 16 or workers() == 1:
        for i, job in enumerate(jobs, 1):
            if progress:
                progress(i, n, str(job[1]) if isinstance(job, tuple) else str(job))
            yield fn(job)
        return
    import multiprocessing as mp

    _warm()

    # fork: the workers share the loaded dictionary and modules instead of loading their own
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    with ProcessPoolExecutor(workers(), mp_context=ctx, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        for i, (job, result) in enumerate(zip(jobs, pool.map(fn, jobs, chunksize=8)), 1):
            if progress:
                progress(i, n, str(job[1]) if isinstance(job, tuple) else str(job))
            yield result
