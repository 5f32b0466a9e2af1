"""The review (案卷评查) of the real decisions of other sectors: the veto and major findings on each.

    .venv/bin/python bench/review_sectors.py [--data tests/data/decisions_sectors] [--batch s7] [--all]

Each decision of tests/data/decisions_sectors is imported as a one-document case into a fresh workspace
(a 市场监管 office's, as bench/evaluate_corpus.py: a case of another sector gets its sector's profile from
the agency) and checked with the ``evaluate`` pack. A decision whose truth lists no ``defects`` is a
correct one: a veto or major finding on it is a false alarm. The findings on the others are printed
beside the defects the hand reading found. ``--all`` prints the minor findings too.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "decisions_sectors")
    ap.add_argument("--batch", help='only the entries of this collection round ("none": those without one)')
    ap.add_argument("--all", action="store_true", help="print the minor findings too")
    args = ap.parse_args()

    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import AgencyProfile, Workspace
    from checklists.engine import check_case, context_for

    truth = tomllib.loads((args.data / "truth.toml").read_text(encoding="utf-8"))["decision"]
    if args.batch is not None:
        truth = [t for t in truth if t.get("batch", "none") == args.batch]
    scratch = "/dev/shm" if Path("/dev/shm").is_dir() else None
    ws = Workspace.init(Path(tempfile.mkdtemp(prefix="casefile-sectors-", dir=scratch)) / "ws",
                        AgencyProfile(name="评查组", sector="市场监管", rules_profile="county-market"))
    per = collections.Counter()
    false_alarms = 0
    for t in truth:
        imp = import_paths(ws, [args.data / "txt" / t["file"]])
        res = check_case(context_for(ws, imp.case, dt.date(2026, 11, 23)), "evaluate")
        serious = [f for f in res.findings if f.severity in ("veto", "major")]
        correct = not t.get("defects")
        per["decisions"] += 1
        per["correct"] += correct
        per["correct with veto/major"] += bool(correct and serious)
        false_alarms += len(serious) if correct else 0
        shown = res.findings if args.all else serious
        mark = "正确" if correct else "有缺陷"
        sector = ws.load_case(imp.case).sector or "-"
        print(f"{t['file']} [{t.get('sector', '市场监管')}·{mark}] 领域={sector} 档={res.score.get('grade')} "
              f"veto/major={len(serious)}")
        for f in shown:
            print(f"    {f.severity:5s} {f.rule}: {f.message[:110]}")
        for d in t.get("defects", []):
            print(f"    (人工) {d}")
    print(f"\n{per['decisions']} decisions, {per['correct']} correct; correct ones with a veto/major finding: "
          f"{per['correct with veto/major']} ({false_alarms} findings)")


if __name__ == "__main__":
    main()
