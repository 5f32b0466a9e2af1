"""Findings before and after a change to the rules, compared (issue 26: behaviour stays the same).

    .venv/bin/python bench/check_diff.py --save before.json     # on the old code
    .venv/bin/python bench/check_diff.py --compare before.json  # on the new code

Every case of tests/data (the dossiers, the defect dossiers and the hand-reviewed decisions,
each imported into a copy of the demo) and every demo case is checked in review mode on a fixed
day; what is kept per case is its verdict and each finding's rule, severity and documents. The
comparison lists every case whose findings differ and exits non-zero when any does; it also
prints the time each run took (the reference is the other run, measured the same way).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DATA = REPO / "tests" / "data"
TODAY = dt.date(2026, 11, 29)


def _sources() -> list[tuple[str, Path]]:
    out = []
    for folder in ("dossiers", "defects"):
        expected = tomllib.loads((DATA / folder / "expected.toml").read_text(encoding="utf-8"))
        out += [(f"{folder}/{name}", DATA / folder / name) for name in expected]
    labels = tomllib.loads((DATA / "decisions" / "labels.toml").read_text(encoding="utf-8"))
    out += [(f"decisions/{lab['file']}", DATA / "decisions" / lab["file"]) for lab in labels["decision"]]
    return out


def _summary(result) -> dict:
    return {"verdict": result.verdict,
            "findings": sorted([f.rule, f.severity, sorted(f.documents)] for f in result.findings),
            "messages": sorted([f.rule, f.message] for f in result.findings)}


def _core(summary: dict | None) -> dict | None:
    """What must stay the same: the verdict and each finding's rule, severity and documents
    (a message may be reworded; its change is shown, not counted)."""
    return {k: v for k, v in summary.items() if k != "messages"} if summary else summary


def run() -> dict:
    from casefile.output.demo import build_demo
    from casefile.ingest.importer import import_paths
    from checklists.engine import check_case, context_for

    ws = build_demo(Path(tempfile.mkdtemp(prefix="casefile-checkdiff-")) / "ws")
    out = {f"demo/{c}": _summary(check_case(context_for(ws, c, TODAY), "review")) for c in ws.case_ids()}
    for name, path in _sources():
        case = import_paths(ws, [path]).case
        out[name] = _summary(check_case(context_for(ws, case, TODAY), "review"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path)
    ap.add_argument("--compare", type=Path)
    a = ap.parse_args()
    t = time.perf_counter()
    now = run()
    took = time.perf_counter() - t
    print(f"checked {len(now)} cases in {took:.1f} s")
    if a.save:
        a.save.write_text(json.dumps({"took": took, "cases": now}, ensure_ascii=False, indent=1), encoding="utf-8")
    if a.compare:
        before = json.loads(a.compare.read_text(encoding="utf-8"))
        print(f"reference run: {before['took']:.1f} s")
        keys = sorted(set(now) | set(before["cases"]))
        differ = [k for k in keys if _core(now.get(k)) != _core(before["cases"].get(k))]
        reworded = [k for k in keys if k not in differ and now.get(k) != before["cases"].get(k)]
        for k in reworded:
            old, new = dict(map(tuple, before["cases"][k]["messages"])), dict(map(tuple, now[k]["messages"]))
            for rule in sorted(r for r in new if old.get(r) != new[r]):
                print(f"reworded {k} {rule}\n  before: {old.get(rule)}\n  after:  {new[rule]}")
        for k in differ:
            print(f"DIFFERS {k}\n  before: {json.dumps(before['cases'].get(k), ensure_ascii=False)}\n  after:  {json.dumps(now.get(k), ensure_ascii=False)}")
        print(f"{len(now) - len(differ)} of {len(now)} cases identical")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
