"""Several casefile processes writing to one workspace at once lose nothing.

Each worker is a separate process (spawned, like a second terminal) that adds
photo evidence to the same 现场检查, review findings to the same open review
round, and officers to the register, all at the same moment. Every write must be
there afterwards, and the journal must record each one and still verify.
"""

from __future__ import annotations

import datetime as dt

import multiprocessing as mp
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "storage"
CASE = "SJ-2026-088"


def _worker(root: str, name: str, n: int, photo: str, start) -> None:
    from casefile.store.evidence import add_evidence
    from casefile.store.workspace import Officer, Workspace
    from checklists.review import add_finding

    ws = Workspace.open(root)
    base = Path(photo).read_bytes()
    tmp = Path(root).parent / f"photos-{name}"
    tmp.mkdir()
    start.wait()
    for i in range(n):
        p = tmp / f"{name}-{i}.jpg"
        p.write_bytes(base + f"{name}-{i}".encode())  # a distinct photo each time
        add_evidence(ws, CASE, p, "现场检查", note=f"{name} 第{i}张")
        add_finding(ws, CASE, "evidence", "minor", f"{name}-{i}：现场照片未注明拍摄人", basis="《市场监督管理行政处罚程序规定》第二十一条")
        ws.add_officer(Officer(name=f"执法员{name}{i}", certificate=f"33112620{name}{i:03d}", unit="丽水市市场监督管理局",
                               categories=["市场监管"], roles=["承办人"]))


def _run(ws, workers: list[str], n: int) -> None:
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(len(workers))
    procs = [ctx.Process(target=_worker, args=(str(ws.root), w, n, str(DATA / "现场照片.jpg"), start)) for w in workers]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0] * len(procs)


@pytest.mark.parametrize("workers,n", [(["A", "B"], 10), (["C", "D", "E", "F"], 5)])
def test_concurrent_writers_lose_nothing(demo_ws, workers, n):
    from casefile.chain import journal
    from checklists.review import current, open_round

    ws = demo_ws
    open_round(ws, CASE, dt.date(2026, 11, 23))
    officers_before = len(ws.officers().officers)
    entries_before = len(journal.read(ws.cases_dir / CASE))

    _run(ws, workers, n)  # 3 writes per round: 60 writes from two processes, 60 from four

    case = ws.load_case(CASE)
    notes = sorted(r["note"] for r in case.extra["av_records"])
    assert notes == sorted(f"{w} 第{i}张" for w in workers for i in range(n))
    _, rnd = current(ws, CASE)
    assert sorted(a["message"].split("：")[0] for a in rnd["added"]) == sorted(f"{w}-{i}" for w in workers for i in range(n))
    assert len({a["id"] for a in rnd["added"]}) == len(workers) * n  # each finding its own number
    certs = {o.certificate for o in ws.officers().officers}
    assert len(ws.officers().officers) == officers_before + len(workers) * n
    assert all(f"33112620{w}{i:03d}" in certs for w in workers for i in range(n))
    # each evidence add journals 2 entries (the fact change and the attachment), each finding 1
    assert len(journal.read(ws.cases_dir / CASE)) == entries_before + 3 * len(workers) * n
    assert journal.verify(ws.cases_dir / CASE) == []
