"""`casefile evaluate DIR --json` beside extraction alone (`casefile extract FILES --json`) on the
same files in the same run: the whole user path of each, as separate processes.

    PYTHONPATH=. .venv/bin/python bench/evaluate.py [--corpus DIR] [--limit N] [--seed S] [--workers 2]

--limit 0 takes every decision in the corpus's txt/ (900); otherwise a seeded sample of N is copied
into a scratch folder. Target (issue 31): evaluation at most twice the time of extraction alone, on
2 cores (evaluation runs in 2 worker processes; extraction is the one-process command).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "samr"
CLI = [sys.executable, "-c", "from tui.cli.main import main; main()"]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str, str]:
    t0 = time.perf_counter()
    p = subprocess.run(CLI + args, capture_output=True, text=True, env=env, cwd=REPO)
    return time.perf_counter() - t0, p.stdout, p.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="语料目录（含 txt/）")
    ap.add_argument("--limit", type=int, default=150, help="抽取的文件数；0 为全部")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    files = sorted((args.corpus / "txt").glob("*.txt"))
    if not files:
        sys.exit(f"找不到语料：{args.corpus / 'txt'} 中没有 .txt 文件")
    if args.limit:
        files = sorted(random.Random(args.seed).sample(files, min(args.limit, len(files))))
    scratch = Path(tempfile.mkdtemp(prefix="casefile-bench-evaluate-"))
    try:
        folder = scratch / "txt"
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
        env = dict(os.environ, PYTHONPATH=str(REPO), CASEFILE_HOME=str(scratch / "no-workspace"))
        t_extract, out_x, err_x = timed(["extract", "--json", *map(str, sorted(folder.iterdir()))], env)
        t_eval, out_e, err_e = timed(["evaluate", str(folder), "--json", "--workers", str(args.workers)], env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    extracted = sum(1 for line in out_x.splitlines() if line.startswith("{"))
    try:
        results = json.loads(out_e)
    except json.JSONDecodeError:
        sys.exit(f"评查输出不是 JSON：{err_e[-2000:]}")
    unscored = sum(1 for r in results if not r.get("scored") and not r.get("error"))
    errors = sum(1 for r in results if r.get("error"))
    print(f"files: {len(files)} (seed {args.seed}{', all' if not args.limit else ''}); cores: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}")
    print(f"extraction alone (casefile extract, 1 process): {t_extract:.1f} s for {extracted} documents")
    print(f"evaluation (casefile evaluate --json, {args.workers} workers): {t_eval:.1f} s for {len(results)} results "
          f"({unscored} abridged unscored, {errors} errors)")
    ratio = t_eval / t_extract if t_extract else float("inf")
    print(f"ratio evaluate/extract: {ratio:.2f} (target ≤ 2.0) — {'met' if ratio <= 2.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
