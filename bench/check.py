"""Checking a demo case in a warm process (target < 1 s).

    .venv/bin/python bench/check.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from casefile.output.demo import build_demo
    from checklists.engine import check_case, context_for

    ws = build_demo(Path(tempfile.mkdtemp(prefix="casefile-check-")) / "ws")
    today = dt.date(2026, 11, 23)
    for cid in ws.case_ids():  # warm: jieba, spaCy, caches
        check_case(context_for(ws, cid, today), "review")
    for cid in ws.case_ids():
        times = []
        for _ in range(5):
            t = time.perf_counter()
            check_case(context_for(ws, cid, today), "review")
            times.append((time.perf_counter() - t) * 1000)
        print(f"{cid}: median {statistics.median(times):.1f} ms")


if __name__ == "__main__":
    main()
