"""The front door: CPU of ``casefile --help`` and ``casefile case list`` (on the demo) beside
``python -c "import click, pydantic"``, measured in the same run, in turn.

    .venv/bin/python bench/front_door.py [--runs 7]

Targets (issue 26): ``--help`` ≤ 3× the reference; ``case list`` ≤ 2× that, i.e. ≤ 6× the reference.
Each run is a whole process (interpreter start, imports, the command); its CPU (user + sys) is the
kernel's account of the finished child (``resource.getrusage(RUSAGE_CHILDREN)``). The commands run
alternately (A B A B …) so a machine whose speed drifts affects both alike; the ratio is taken pair
by pair and its median reported. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = [sys.executable, "-c", "import click, pydantic"]
# what the ``casefile`` console script runs (pyproject's [project.scripts])
CASEFILE = [sys.executable, "-c", "import sys; from tui.cli.main import main; sys.exit(main())"]
TARGETS = {"--help": 3.0, "case list": 6.0}


def cpu_of(cmd: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float]:
    """Median CPU seconds of ``cmd``, of the reference, and median of the pairwise ratios."""
    cpu_of(cmd, env), cpu_of(REFERENCE, env)  # warm-up: the page cache, .pyc files
    a, b = [], []
    for _ in range(runs):
        a.append(cpu_of(cmd, env))
        b.append(cpu_of(REFERENCE, env))
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(REPO), CASEFILE_CACHE=str(Path(tmp) / "cache"),
                   CASEFILE_PAGES="estimate", CASEFILE_TODAY="2026-11-23")
        demo = Path(tmp) / "demo"
        subprocess.run(CASEFILE + ["demo", "--workspace", str(demo)], env=env, cwd=REPO, check=True, capture_output=True)
        commands = {"--help": ["--help"], "case list": ["--workspace", str(demo), "case", "list"]}
        print(f"{'command':<22}{'cpu s':>8}{'ref s':>8}{'ratio':>8}{'target':>8}")
        missed = False
        for name, argv in commands.items():
            cpu, ref, ratio = paired(CASEFILE + argv, env, args.runs)
            missed |= ratio > TARGETS[name]
            print(f"casefile {name:<13}{cpu:>8.3f}{ref:>8.3f}{ratio:>7.2f}×{TARGETS[name]:>7.1f}×")
        print(f"(reference: {' '.join(REFERENCE[1:])}; medians of {args.runs} runs each, in turn)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
