"""A workspace of thousands of cases stays instant (issue 22): one run, three sizes.

    .venv/bin/python bench/scale.py [--sizes 100,1000,10000] [--runs 3] [--corpus DIR] [--keep]

Builds the demo workspace once, then workspaces of each size from its six cases:
each copy gets its own id, 文号, party and dates (shifted by up to 900 days, so the
cases spread over three years and every deadline state occurs), a case type drawn
from 处罚/许可/强制/检查, its template's journal and documents, and one real decision
from the corpus (``--corpus``, default ``../shared/corpus/samr`` beside the repo),
registered and journalled. Documents are hard links, never copies.

At each size it times, each in a fresh interpreter as a person would run them:
``case list --json`` the first time (the catalogue is built) and after that (the
catalogue is read), the TUI until the case table has its first rows, ``publicity
due``, ``stats``, ``journal verify --all``; with the growth factor between sizes.
The reference measured in the same run: ``casefile --help`` (interpreter and
imports) and the same commands on the six-case demo. Then the maintainers' ratio
check: ``case list --json`` on fresh workspaces of 50 and 200 cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import tomli_w

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from casefile.output import pages

from casefile.chain import journal  # noqa: E402
from casefile.store.catalog import CATALOG_FILE  # noqa: E402
from casefile.output.demo import DEMO_TODAY, build_demo  # noqa: E402

TODAY = DEMO_TODAY.isoformat()
TYPES = ["行政处罚"] * 6 + ["行政许可", "行政强制", "行政检查"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
SHOPS = ["商贸有限公司", "食品店", "五金制品有限公司", "印染有限公司", "水果店", "建材经营部", "餐饮管理有限公司"]

TUI_PROBE = r"""
import time, sys
t0 = time.perf_counter()
import asyncio, datetime as dt
from casefile.store.workspace import Workspace
from tui.textual_app.app import CasefileApp

async def main():
    t1 = time.perf_counter()
    app = CasefileApp(Workspace.open(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]))
    async with app.run_test(size=(100, 30)) as pilot:
        while True:
            await pilot.pause()
            t = app.screen.query("#cases")
            if t and t.first().row_count:
                break
        now = time.perf_counter()
        print(f"{now - t0:.3f} {now - t1:.3f}")

asyncio.run(main())
"""

# The command itself, in a fresh interpreter but with its imports done before the clock
# starts: what the catalogue and the one pass cost, apart from starting Python.
WORK_PROBE = r"""
import contextlib, io, sys, time
from tui.cli.main import cli
t0 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    cli.main(sys.argv[1:], prog_name="casefile")
print(f"{time.perf_counter() - t0:.3f}")
"""


# -- building workspaces ------------------------------------------------------------------
def link(src: Path, dst: Path) -> None:
    try:
        os.link(src, dst)
    except OSError:  # another file system: a symbolic link still does not copy
        os.symlink(src, dst)


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        print(f"注意：语料目录 {corpus} 不存在，案件只带演示文书（用 --corpus 指定真实决定书目录）")
        return []
    files = sorted(p for p in corpus.rglob("*.pdf"))[:200]
    if not files:
        print(f"注意：语料目录 {corpus} 中没有 PDF，案件只带演示文书")
    return files


def shift_dates(obj, days: int):
    if isinstance(obj, dt.date) and not isinstance(obj, dt.datetime):
        return obj + dt.timedelta(days=days)
    if isinstance(obj, dict):
        return {k: shift_dates(v, days) for k, v in obj.items()}
    if isinstance(obj, list):
        return [shift_dates(v, days) for v in obj]
    return obj


def make_workspace(demo: Path, dst: Path, n: int, corpus: list[Path], seed: int = 7) -> None:
    rnd = random.Random(seed)
    dst.mkdir(parents=True)
    for name in ("workspace.toml", "officers.toml"):
        shutil.copy2(demo / name, dst / name)
    if (demo / "laws").is_dir():
        os.symlink(demo / "laws", dst / "laws")
    templates = []
    for d in sorted((demo / "cases").iterdir()):
        with open(d / "case.toml", "rb") as f:
            data = tomllib.load(f)
        with open(d / "documents.toml", "rb") as f:
            register = tomllib.load(f)
        templates.append((d, data, register, (d / "journal.jsonl").read_text(encoding="utf-8")))
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus}
    (dst / "cases").mkdir()
    for i in range(n):
        src, data, register, journal_text = templates[i % len(templates)]
        shift = -rnd.randint(0, 900) if i >= len(templates) else 0
        case = shift_dates(data, shift)  # a new structure: the template stays as read
        cid = f"B{i:05d}"
        year = 2026 + (shift // 365 if shift else 0)
        case["id"] = cid
        case["number"] = f"清基准罚〔{year}〕{i + 1}号"
        case["case_type"] = rnd.choice(TYPES)
        for p in case.get("parties", []):
            p["name"] = rnd.choice(SURNAMES) + ("某" if p.get("kind") == "自然人" else "记" + rnd.choice(SHOPS))
        cdir = dst / "cases" / cid
        for sub in ("docs", "evidence", "reviews"):
            (cdir / sub).mkdir(parents=True)
        for f in (src / "docs").iterdir():
            link(f, cdir / "docs" / f.name)
        for f in (src / "evidence").rglob("*"):
            if f.is_file():
                (cdir / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
                link(f, cdir / f.relative_to(src))
        for f in (src / "reviews").rglob("*"):
            if f.is_file():
                (cdir / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, cdir / f.relative_to(src))
        reg = {"documents": list(register.get("documents", []))}
        text = journal_text
        if corpus:
            real = corpus[i % len(corpus)]
            rel = f"docs/原决定书-{real.stem[:40]}.pdf"
            link(real, cdir / rel)
            reg["documents"].append({"file": rel, "doc_type": "decision", "title": "行政处罚决定书（原件）", "origin": "imported",
                                     "sha256": digests[real], "source_name": real.name})
            last = json.loads(text.strip().splitlines()[-1])
            entry = {"seq": last["seq"] + 1, "time": "2026-11-23T09:00:00+08:00", "actor": "bench", "act": "导入文书",
                     "stage": "调查", "changes": {"file": rel}, "docs": {rel: digests[real]}, "prev": last["hash"]}
            entry["hash"] = journal.entry_hash(entry)
            text += json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
        (cdir / "journal.jsonl").write_text(text, encoding="utf-8")
        (cdir / "documents.toml").write_text(tomli_w.dumps(reg), encoding="utf-8")
        (cdir / "case.toml").write_text(tomli_w.dumps(case), encoding="utf-8")


# -- timing -------------------------------------------------------------------------------
def run(args: list[str]) -> tuple[float, float]:
    """(wall time of ``casefile ARGS`` as a person runs it, time of the command once imported)."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "tui.cli.main", *args], cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"命令失败：casefile {' '.join(args)}\n{p.stderr[-2000:]}")
    w = subprocess.run([sys.executable, "-c", WORK_PROBE, *args], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return wall, float(w.stdout.strip().splitlines()[-1])


def run_cold(args: list[str], ws: Path) -> tuple[float, float]:
    """:func:`run` with no catalogue before either measurement: both build it."""
    def drop() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(ws / CATALOG_FILE) + suffix).unlink(missing_ok=True)

    drop()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli.main", *args], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    drop()
    w = subprocess.run([sys.executable, "-c", WORK_PROBE, *args], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    return wall, float(w.stdout.strip().splitlines()[-1])


def tui_first_rows(ws: Path) -> tuple[float, float]:
    """(imports included, from the app's construction) until the case table has rows."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    p = subprocess.run([sys.executable, "-c", TUI_PROBE, str(ws), TODAY], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    a, b = p.stdout.strip().splitlines()[-1].split()
    return float(a), float(b)


def median_of(fn, runs: int) -> tuple[float, float]:
    got = [fn() for _ in range(runs)]
    return statistics.median(g[0] for g in got), statistics.median(g[1] for g in got)


def measure(ws: Path, runs: int) -> dict[str, tuple[float, float]]:
    w = ["--workspace", str(ws)]
    out = {"case list (first, builds catalogue)": run_cold(["case", "list", "--json", "--today", TODAY, *w], ws)}
    out["case list"] = median_of(lambda: run(["case", "list", "--json", "--today", TODAY, *w]), runs)
    out["TUI first rows"] = median_of(lambda: tui_first_rows(ws), runs)
    out["publicity due"] = median_of(lambda: run(["publicity", "due", "--json", "--today", TODAY, *w]), runs)
    out["stats"] = median_of(lambda: run(["stats", "2025", "--json", *w]), runs)
    out["journal verify --all"] = median_of(lambda: run(["journal", "verify", "--all", "--json", *w]), 1)
    return out


def show(label: str, v: tuple[float, float], note: str = "") -> None:
    print(f"  {label:<40} {v[0]:7.3f} s  {v[1]:7.3f} s  {note}", flush=True)


TARGETS = {"case list": 2.0, "TUI first rows": 1.5, "publicity due": 3.0, "stats": 3.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (median); journal verify runs once")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "samr",
                    help="real decisions (PDF) to link into the cases; default ../shared/corpus/samr beside the repo")
    ap.add_argument("--keep", action="store_true", help="keep the generated workspaces")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="casefile-scale-"))
    try:
        demo = tmp / "demo"
        # page counts do not matter here: the demo is built with estimated counts, so the
        # run does not depend on (or wait for) LibreOffice being installed
        with pages.using(pages.EstimateCounter()):
            build_demo(demo)
        corpus = corpus_files(args.corpus)
        print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; today {TODAY}; corpus files linked: {len(corpus)}")
        print("two figures each: wall (a fresh `casefile …` as a person runs it; for the TUI from interpreter start,")
        print("imports included) and work (the command once imported; for the TUI from the app's construction)")
        ref = {"casefile --help": median_of(lambda: run(["--help"]), args.runs)}
        ref.update({f"demo (6) {k}": v for k, v in measure(demo, args.runs).items()})
        print("\nreference, same run:                           wall       work", flush=True)
        for k, v in ref.items():
            show(k, v)
        results: dict[int, dict[str, float]] = {}
        for n in sizes:
            ws = tmp / f"ws{n}"
            t0 = time.perf_counter()
            make_workspace(demo, ws, n, corpus)
            built = time.perf_counter() - t0
            time.sleep(2.1)  # files written in the last two seconds are re-read on principle (racy stat)
            results[n] = measure(ws, args.runs)
            print(f"\n{n} cases (generated in {built:.1f} s, load {os.getloadavg()[0]:.1f}):   wall       work")
            for k, v in results[n].items():
                show(k, v, f"(target ≤ {TARGETS[k]} s)" if k in TARGETS and n == max(sizes) else "")
            if not args.keep:
                shutil.rmtree(ws)
        print("\ngrowth factors (wall, work):")
        for a, b in zip(sizes, sizes[1:]):
            for k in results[a]:
                limit = " (target ≤ 12×)" if (a, b) == (1000, 10000) and k in TARGETS else ""
                ra = [results[b][k][i] / results[a][k][i] for i in (0, 1)]
                print(f"  {k:<40} {a}→{b}: {ra[0]:5.1f}×  {ra[1]:5.1f}×{limit}", flush=True)
        print("\nratio check (fresh workspaces, first and later case list --json):")
        pair = {}
        for n in (50, 200):
            ws = tmp / f"ratio{n}"
            make_workspace(demo, ws, n, corpus, seed=n)
            first = run(["case", "list", "--json", "--workspace", str(ws)])[0]  # wall: the catalogue is built here
            later = median_of(lambda: run(["case", "list", "--json", "--workspace", str(ws)]), args.runs)[0]
            tui = tui_first_rows(ws)[0]
            pair[n] = (first, later, tui)
            print(f"  {n:>4} cases: first {first:.3f} s, later {later:.3f} s, TUI first rows {tui:.3f} s", flush=True)
        print(f"  200 vs 50: first {pair[200][0] / pair[50][0]:.2f}×, later {pair[200][1] / pair[50][1]:.2f}× (target ≤ 4.5×); "
              f"TUI at 200 {pair[200][2]:.3f} s (target ≤ 3 s)")
    finally:
        if args.keep:
            print(f"\nworkspaces kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
