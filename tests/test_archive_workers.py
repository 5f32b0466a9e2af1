"""``index add-folder``: workers die with their parent, failures give a non-zero exit (issue 32).

Probes: a kill -9 of ``index add-folder`` left its worker processes running for ever (3 of 7
times); it exited 0 when files failed.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DECISION = REPO / "tests" / "data" / "storage" / "archive_decision.txt"

SCRIPT = """
import os, sys, time
from index import archive

def slow(job):
    with open(os.path.join(sys.argv[1], str(os.getpid())), "w"):
        pass
    time.sleep(120)
    return job

for _ in archive.read_all(list(range(32)), fn=slow):
    pass
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its (dead) parent's reaper is gone as far as work goes
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_workers_die_when_add_folder_is_killed(tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    p = subprocess.Popen([sys.executable, "-c", SCRIPT, str(pids)], env=dict(os.environ, PYTHONPATH=str(REPO)))
    deadline = time.time() + 180
    while len(list(pids.iterdir())) < 2 and time.time() < deadline:
        time.sleep(0.1)
    workers = [int(x.name) for x in pids.iterdir()]
    assert len(workers) >= 2, "the pool did not start"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    deadline = time.time() + 10
    while any(_alive(w) for w in workers) and time.time() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them behind, even when the test fails
        os.kill(w, signal.SIGKILL)
    assert left == []


def test_add_folder_exits_non_zero_when_files_fail(demo_ws, run_cli, tmp_path):
    folder = tmp_path / "历年档案"
    folder.mkdir()
    shutil.copy(DECISION, folder / "处罚决定书.txt")
    (folder / "损坏的笔录.docx").write_bytes(b"PK\x03\x04 not a real docx")
    (folder / "扫描件.pdf").write_bytes(b"%PDF-1.4 truncated")
    code, out, err = run_cli("index", "add-folder", str(folder), "-w", str(demo_ws.root))
    assert code == 1
    assert "损坏的笔录.docx" in err and "扫描件.pdf" in err and "共 2 个文件未能索引" in err
    assert "新增或更新 1 份文书" in out
