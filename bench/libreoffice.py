"""LibreOffice off the hot path (issue 14): `casefile demo` and `casefile dossier CASE`
timed with LibreOffice page counting and with the estimate, in the same run.

    python bench/libreoffice.py [--case SJ-2026-037] [--repeat 1]

Target: with LibreOffice at most 3× the time without it. Each command runs as a
subprocess, as a person would run it; the LibreOffice runs start with an empty page
cache (cold) and `dossier` is also timed again with the cache filled (warm). The
benchmark needs no corpus (--corpus is accepted for the common interface and unused).
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
    with tempfile.TemporaryDirectory(prefix="casefile-bench-lo-") as tmp:
        tmp = Path(tmp)
        for i in range(a.repeat):
            for mode in ("estimate", "libreoffice"):
                env = dict(base, CASEFILE_CACHE=str(tmp / f"cache-{mode}-{i}"))
                if mode == "estimate":
                    env["CASEFILE_PAGES"] = "estimate"
                else:
                    env.pop("CASEFILE_PAGES", None)
                ws = tmp / f"ws-{mode}-{i}"
                results.setdefault(f"demo/{mode}", []).append(run(["demo", "--workspace", str(ws)], env))
                # the demo filled the cache for the archived case; an empty cache is the cold case
                shutil.rmtree(tmp / f"cache-{mode}-{i}", ignore_errors=True)
                results.setdefault(f"dossier/{mode}", []).append(run(["dossier", a.case, "-w", str(ws)], env))
                if mode == "libreoffice":
                    results.setdefault("dossier/libreoffice-warm", []).append(run(["dossier", a.case, "-w", str(ws)], env))
                    exp = tmp / f"print-{i}.docx"
                    results.setdefault("dossier --print/libreoffice", []).append(run(["dossier", a.case, "-w", str(ws), "--print", str(exp)], env))
                else:
                    exp = tmp / f"print-est-{i}.docx"
                    results.setdefault("dossier --print/estimate", []).append(run(["dossier", a.case, "-w", str(ws), "--print", str(exp)], env))

    def med(xs: list[float]) -> float:
        return sorted(xs)[len(xs) // 2]

    print(f"\n{'command':38} {'estimate':>9} {'LibreOffice':>12} {'ratio':>6}  (target ≤ 3×)")
    for cmd, lo_key in (("casefile demo", "demo/libreoffice"), (f"casefile dossier {a.case} (cold cache)", "dossier/libreoffice"),
                        (f"casefile dossier {a.case} (warm cache)", "dossier/libreoffice-warm"),
                        (f"casefile dossier {a.case} --print (PDF)", "dossier --print/libreoffice")):
        est_key = {"demo/libreoffice": "demo/estimate", "dossier --print/libreoffice": "dossier --print/estimate"}.get(lo_key, "dossier/estimate")
        e, l = med(results[est_key]), med(results[lo_key])
        print(f"{cmd:38} {e:8.2f}s {l:11.2f}s {l / e:5.1f}×")


if __name__ == "__main__":
    main()
