"""Exports stream, and what a killed export left behind is removed by the next run (issue 32).

Probes: a kill -9 during export left a hidden ``.<name>.tmp`` beside the destination that no later
run removed; exporting a 450 MiB video peaked at three times its size in memory. Here the export
is killed for real (SIGKILL while it writes), and a 48 MiB video is exported in a child process
whose peak memory is measured.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from casefile.store.package import export_package, import_package

CASE = "SJ-2026-088"
REPO = Path(__file__).resolve().parent.parent


def _child(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(REPO)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _add_video(ws, tmp_path: Path, mib: int) -> None:
    from casefile.store.evidence import add_evidence

    video = tmp_path / "现场执法记录.mp4"
    with open(video, "wb") as f:
        for _ in range(mib):
            f.write(os.urandom(1 << 20))  # incompressible, like a real video
    add_evidence(ws, CASE, video, "现场检查", note="执法记录仪")


def test_a_killed_export_leaves_nothing_the_next_run_does_not_remove(demo_ws, tmp_path):
    _add_video(demo_ws, tmp_path, 48)
    dest = tmp_path / "out" / "送审包.zip"
    dest.parent.mkdir()
    p = _child(f"from casefile.store.workspace import Workspace\nfrom casefile.store.package import export_package\n"
               f"export_package(Workspace.open({str(demo_ws.root)!r}), {CASE!r}, {str(dest)!r})\n")
    deadline = time.time() + 120
    while not list(dest.parent.glob(".*.tmp")) and time.time() < deadline and p.poll() is None:
        time.sleep(0.02)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    left = list(dest.parent.glob(".*.tmp"))
    assert left and not dest.exists()  # killed while writing: its temporary copy is there
    export_package(demo_ws, CASE, dest)
    assert list(dest.parent.glob(".*.tmp")) == []
    assert import_package(demo_ws, dest, replace=True)["case"] == CASE  # and the package is whole


def test_exporting_a_large_video_does_not_hold_it_in_memory(demo_ws, tmp_path):
    _add_video(demo_ws, tmp_path, 48)
    dest = tmp_path / "送审包.zip"
    code = (f"import resource\nfrom casefile.store.workspace import Workspace\nfrom casefile.store.package import export_package\n"
            f"ws = Workspace.open({str(demo_ws.root)!r})\nws.load_case({CASE!r})\n"
            f"before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            f"export_package(ws, {CASE!r}, {str(dest)!r})\n"
            f"print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    p = _child(code)
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    before, after = (int(x) for x in out.split())
    grew_mib = (after - before) / 1024
    assert grew_mib < 24, f"the export's peak memory grew by {grew_mib:.0f} MiB for a 48 MiB video"
