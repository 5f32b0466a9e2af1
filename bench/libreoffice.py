"""LibreOffice off the hot path (issue 14): `casefile demo` and `casefile dossier CASE`
timed with LibreOffice page counting and with the estimate, in the same run.

    python bench/libreoffice.py [--case SJ-2026-037] [--repeat 1]

Target: with LibreOffice at most 3× the time without it. Each command runs as a
subprocess, as a person would run it, on a fresh demo workspace with an empty page
cache: the dossier view (lays nothing out: cached counts, else estimates), the export
(LibreOffice lays the whole dossier out in one process: cold, then warm from the
cache), the view again, and the combined print. The benchmark needs no corpus
(--corpus is accepted for the common interface and unused).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "tui.cli.main", *args], env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"casefile {' '.join(args)} 失败：{r.stderr.strip()}")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", default="SJ-2026-037")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--corpus", default=None, help="unused: this benchmark builds the demo workspace")
    a = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice 未安装（apt-get install libreoffice-writer-nogui），无法比较")
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"LibreOffice: {version}")
    print(f"CPU: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    base = dict(os.environ, PYTHONPATH=str(REPO), CASEFILE_TODAY="2026-11-23")
    results: dict[str, list[float]] = {}

    def timed(key: str, args: list[str], env: dict[str, str]) -> None:
        results.setdefault(key, []).append(run(args, env))

    with tempfile.TemporaryDirectory(prefix="casefile-bench-lo-") as tmp:
        tmp = Path(tmp)
        for i in range(a.repeat):
            for mode in ("estimate", "libreoffice"):
                cache = tmp / f"cache-{mode}-{i}"
                env = dict(base, CASEFILE_CACHE=str(cache))
                if mode == "estimate":
                    env["CASEFILE_PAGES"] = "estimate"
                else:
                    env.pop("CASEFILE_PAGES", None)
                ws = tmp / f"ws-{mode}-{i}"
                timed(f"demo/{mode}", ["demo", "--workspace", str(ws)], env)
                # the demo filled the cache for the archived case; every case starts cold
                shutil.rmtree(cache, ignore_errors=True)
                timed(f"view/{mode}", ["dossier", a.case, "-w", str(ws)], env)
                timed(f"export-cold/{mode}", ["dossier", a.case, "-w", str(ws), "--export", str(tmp / f"p-{mode}-{i}.zip")], env)
                timed(f"export-warm/{mode}", ["dossier", a.case, "-w", str(ws), "--export", str(tmp / f"p-{mode}-{i}.zip")], env)
                timed(f"view-warm/{mode}", ["dossier", a.case, "-w", str(ws)], env)
                timed(f"print/{mode}", ["dossier", a.case, "-w", str(ws), "--print", str(tmp / f"print-{mode}-{i}.docx")], env)

    def med(xs: list[float]) -> float:
        return sorted(xs)[len(xs) // 2]

    print(f"\n{'command (median of ' + str(a.repeat) + ')':46} {'estimate':>9} {'LibreOffice':>12} {'ratio':>6}")
    labels = {
        "demo": "casefile demo",
        "view": f"casefile dossier {a.case} (nothing cached)",
        "view-warm": f"casefile dossier {a.case} (after an export)",
        "export-cold": f"dossier {a.case} --export (cold cache)",
        "export-warm": f"dossier {a.case} --export (warm cache)",
        "print": f"dossier {a.case} --print (both write a PDF)",
    }
    for key, label in labels.items():
        e, lo = med(results[f"{key}/estimate"]), med(results[f"{key}/libreoffice"])
        print(f"{label:46} {e:8.2f}s {lo:11.2f}s {lo / e:5.1f}×")
    print("\ntarget (issue 14): with LibreOffice ≤ 3× the time without it")


if __name__ == "__main__":
    main()
