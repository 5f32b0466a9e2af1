"""Four casefile processes making mixed writes at once lose nothing (issue 32, probe "mixed writers").

Each worker is a separate process (spawned, like another terminal) that goes through the
application layer the CLI uses: ``facts add`` (an evidence item) against ``evidence add`` (a photo)
and review findings on one case, ``facts add`` on three other cases, officers in the register,
and state moves (开始调查, 归档) in the middle of it all. Afterwards every write is counted.
Before the fix ``facts add`` read case.toml outside the case lock and wrote it back, undoing
another process's evidence link: every call exited 0 and the journal still verified.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from pathlib import Path

import pytest

from casefile.chain import journal
from casefile.errors import ConflictError

PHOTO = Path(__file__).resolve().parent / "data" / "storage" / "现场照片.jpg"
MAIN = "SJ-2026-088"  # 待法制审核, a review round open
OTHERS = ("YJ-2026-003", "HB-2026-005", "QZ-2026-021")
TODAY = "2026-11-23"


def _worker(root: str, name: str, n: int, start) -> None:
    from tui.application.session import Session

    s = Session.open(root, TODAY)
    base = PHOTO.read_bytes()
    tmp = Path(root).parent / f"photos-{name}"
    tmp.mkdir()
    start.wait()
    for i in range(n):
        s.entries.save_entry(MAIN, "evidence", {"kind": "书证", "name": f"{name}-{i} 进货单据", "date": "2026-11-20"})
        p = tmp / f"{name}-{i}.jpg"
        p.write_bytes(base + f"{name}-{i}".encode())
        s.documents.add_evidence(MAIN, p, "现场检查", note=f"{name} 第{i}张")
        s.review.add_finding(MAIN, "evidence", "minor", f"{name}-{i}：现场照片未注明拍摄人", basis="《市场监督管理行政处罚程序规定》第二十一条")
        s.entries.save_entry(OTHERS[i % len(OTHERS)], "evidence", {"kind": "物证", "name": f"{name}-{i} 样品", "date": "2026-11-20"})
        s.cases.add_officer({"name": f"执法员{name}{i}", "certificate": f"33112620{name}{i:03d}", "unit": "丽水市市场监督管理局",
                       "categories": ["市场监管"], "roles": ["承办人"]})
        if name == "A" and i == 1:
            s.entries.move_case("YJ-2026-003", "开始调查")
        if name == "B" and i == 2:
            s.entries.move_case("SJ-2026-101", "归档")


def _run(root: Path, workers: list[str], n: int) -> None:
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(len(workers))
    procs = [ctx.Process(target=_worker, args=(str(root), w, n, start)) for w in workers]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=400)
    assert [p.exitcode for p in procs] == [0] * len(procs)


def test_four_processes_of_mixed_writes_lose_nothing(demo_ws):
    from checklists.review import current, open_round

    ws = demo_ws
    open_round(ws, MAIN, dt.date(2026, 11, 23))
    workers, n = ["A", "B", "C", "D"], 6
    officers_before = len(ws.officers().officers)
    _run(ws.root, workers, n)

    case = ws.load_case(MAIN)
    names = {e.name for e in case.evidence}
    assert {f"{w}-{i} 进货单据" for w in workers for i in range(n)} <= names
    notes = sorted(r["note"] for r in case.extra["av_records"])
    assert notes == sorted(f"{w} 第{i}张" for w in workers for i in range(n))
    _, rnd = current(ws, MAIN)
    assert sorted(a["message"].split("：")[0] for a in rnd["added"]) == sorted(f"{w}-{i}" for w in workers for i in range(n))
    other_names = set().union(*({e.name for e in ws.load_case(c).evidence} for c in OTHERS))
    assert {f"{w}-{i} 样品" for w in workers for i in range(n)} <= other_names
    assert len(ws.officers().officers) == officers_before + len(workers) * n
    assert ws.load_case("YJ-2026-003").state.value == "调查中"
    assert ws.load_case("SJ-2026-101").state.value == "已归档"
    for cid in (MAIN, *OTHERS, "SJ-2026-101"):
        assert journal.verify(ws.cases_dir / cid) == [], cid
    added = [e for e in journal.read(ws.cases_dir / MAIN) if e["act"] == "录入证据"]
    assert len(added) == len(workers) * n


def test_a_save_over_another_write_is_refused_and_an_undo_is_reported(demo_ws, run_cli):
    """The lost update itself: a process read the case, another wrote, the first writes back."""
    ws = demo_ws
    stale = ws.load_case(MAIN)
    fresh = ws.load_case(MAIN)
    fresh.title += "（补正）"
    ws.save_case(fresh)
    stale.violation.cause += "（旧）"
    before = (ws.cases_dir / MAIN / "case.toml").read_bytes()
    with pytest.raises(ConflictError, match="已被另一个操作修改"):
        ws.save_case(stale)
    assert (ws.cases_dir / MAIN / "case.toml").read_bytes() == before  # nothing written
    # a writer that bypasses casefile and puts the older facts back is reported by verify
    case_toml = ws.cases_dir / MAIN / "case.toml"
    text = case_toml.read_text(encoding="utf-8").replace(fresh.title, fresh.title.replace("（补正）", ""))
    case_toml.write_text(text, encoding="utf-8")
    code, out, err = run_cli("journal", "verify", MAIN, "-w", str(ws.root))
    assert code == 10 and "title" in out and "锚定的案件事实不符" in out
