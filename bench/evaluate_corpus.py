"""案卷评查 over the 900 real decisions: each imported as a one-document case and
evaluated in one process.

    .venv/bin/python bench/evaluate_corpus.py [--corpus DIR] [--limit N] [--sample 30] [--seed 5]
        [--out docs/corpus-evaluation.md] [--findings findings.jsonl]

--findings writes every finding (case, file, rule, severity, message, evidence) one JSON per line,
for the hand audit (docs/decision-review.md) to draw its stratified sample from.

Reports errors, the abridged public-notice versions recognised (vs INDEX.csv's
hint), the score and grade distribution, findings per rule, whether the known
real defects are found, and a random sample of findings to check by hand.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "samr"
MISNAMED = ("中华人民共和国产品价格法", "中华人民共和国共和国价格法", "中华人民共和国价格法法", "中华人民共和国食品价格法")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--out", default="")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="决定书语料目录（含 INDEX.csv 与 txt/）")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--workdir", default="", help="临时工作区所在目录（默认 /dev/shm，没有则用系统临时目录）")
    ap.add_argument("--findings", default="", help="把全部发现逐行写成 JSON，供人工抽样核对")
    ap.add_argument("--files", default="", help="只评查这些文件（每行一个文件名的清单），用于抽样")
    args = ap.parse_args()
    CORPUS = Path(args.corpus)
    if not (CORPUS / "INDEX.csv").exists():
        sys.exit(f"找不到语料：{CORPUS / 'INDEX.csv'} 不存在（用 --corpus 指定含 INDEX.csv 与 txt/ 的目录）")
    import json

    from casefile.ingest.importer import import_paths
    from casefile.law.laws import import_library
    from casefile.store.workspace import AgencyProfile, Workspace
    from checklists.engine import check_case, context_for

    rows = list(csv.DictReader(open(CORPUS / "INDEX.csv", encoding="utf-8")))
    if args.limit:
        rows = rows[: args.limit]
    if args.files:
        wanted = set(Path(args.files).read_text(encoding="utf-8").split())
        rows = [r for r in rows if r["file"] in wanted]
    # the workspace is scratch: in memory where the system has one (/dev/shm), so the figure is the
    # checking, not 900 × fsync on a disk shared by other jobs
    scratch = args.workdir or ("/dev/shm" if Path("/dev/shm").is_dir() else None)
    ws = Workspace.init(Path(tempfile.mkdtemp(prefix="casefile-eval-", dir=scratch)) / "ws", AgencyProfile(name="评查组", sector="市场监管", rules_profile="county-market"))
    laws = CORPUS.parent.parent / "laws"
    import_library(ws.root, laws if laws.exists() else REPO.parent / "shared" / "laws")
    t0 = time.perf_counter()
    c0 = time.process_time()
    errors, results = [], []
    for i, r in enumerate(rows, 1):
        try:
            imp = import_paths(ws, [CORPUS / "txt" / r["file"]])
            res = check_case(context_for(ws, imp.case, dt.date(2026, 11, 23)), "evaluate")
            results.append((r, imp.case, res))
        except Exception as e:  # the run reports every failure and goes on
            errors.append((r["file"], f"{type(e).__name__}: {e}"))
        if i % 100 == 0:
            print(f"  {i}/{len(rows)} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0

    abridged = [(r, res) for r, _, res in results if res.abridged]
    hinted = [r for r, _, _ in results if r["likely_abridged_disclosure_version"] == "1"]
    both = sum(1 for r, _ in abridged if r["likely_abridged_disclosure_version"] == "1")
    scored_vetoes = sum(1 for _, _, res in results if res.abridged and (res.score or {}).get("total") is not None)
    grades = collections.Counter(res.score["grade"] for _, _, res in results)
    per_rule = collections.Counter(f.rule for _, _, res in results for f in res.findings)
    per_sev = collections.Counter(f.severity for _, _, res in results for f in res.findings)
    scores = sorted(res.score["total"] for _, _, res in results if res.score["total"] is not None)
    minors = [f for _, _, res in results for f in res.findings if f.severity == "minor"]
    unverifiable = sum(1 for f in minors if f.message.startswith("无法核实"))
    notes = [c for _, _, res in results for c in res.coverage]

    misnamed_docs = [r for r, _, _ in results if any(m in "".join((CORPUS / "txt" / r["file"]).read_text(encoding="utf-8").split()) for m in MISNAMED)]
    misnamed_found = [r for r, _, res in results if r in misnamed_docs and any(f.rule.startswith("L01") and "有误" in f.message for f in res.findings)]
    lianjiang = [(r, res) for r, _, res in results if r["doc_no"].replace(" ", "") == "连市监江罚〔2025〕51号"]
    lj_found = any(f.rule == "P16-decision-contents" for _, res in lianjiang for f in res.findings)

    lines = [
        "# 案卷评查：900 份真实处罚决定书 / Case-file evaluation over the real corpus",
        "",
        f"Command: `.venv/bin/python bench/evaluate_corpus.py{' --limit ' + str(args.limit) if args.limit else ''}` — on the 2-core machine, {len(rows) / max(elapsed, 1e-9):.1f} docs/s.",
        "Each decision in shared/corpus/samr/txt is imported as a one-document case into a fresh workspace (profile county-market,",
        "law library from shared/laws) and checked with `--mode evaluate`.",
        "",
        f"- documents: {len(rows)}; errors: {len(errors)}; time: {elapsed:.0f} s wall, {cpu:.0f} s CPU of this process ({len(rows) / max(elapsed, 1e-9):.1f} docs/s, import + evaluate; target < 300 s)",
        f"- abridged 公示 versions recognised: {len(abridged)} (INDEX.csv hint: {len(hinted)}; both agree on {both}); graded “公示摘要，不评分”: {sum(1 for _, res in abridged if res.score['grade'] == '公示摘要，不评分')}; scored anyway: {scored_vetoes}; vetoed: {sum(1 for _, res in abridged if any(f.severity == 'veto' for f in res.findings))}",
        "- grades: " + "，".join(f"{g} {n}" for g, n in grades.most_common()),
        f"- score: median {scores[len(scores) // 2] if scores else '—'}, min {scores[0] if scores else '—'}",
        "- findings by severity: " + "，".join(f"{s} {n}" for s, n in per_sev.most_common()),
        f"- minor findings: {len(minors)}, of which “无法核实…”: {unverifiable} ({unverifiable / max(len(minors), 1):.0%})",
        f"- coverage notes (what one published decision cannot show; listed apart, not findings): {len(notes)} on "
        f"{sum(1 for _, _, res in results if res.coverage)} decisions; most frequent: "
        + "，".join(f"{r} {n}" for r, n in collections.Counter(c['rule'] for c in notes).most_common(5)),
        f"- misnamed laws (《中华人民共和国产品价格法》 etc.): {len(misnamed_docs)} documents contain one; found in {len(misnamed_found)}",
        f"- 连市监江罚〔2025〕51号 without remedies notice: {'found (P16-decision-contents)' if lj_found else 'NOT found'}",
        "",
        "## Findings per rule",
        "",
        "| rule | findings |",
        "|---|---|",
    ] + [f"| {rule} | {n} |" for rule, n in per_rule.most_common()]
    if args.findings:
        with open(args.findings, "w", encoding="utf-8") as out:
            for r, case, res in results:
                for f in res.findings:
                    out.write(json.dumps({"case": case, "file": r["file"], "doc_no": r["doc_no"], "abridged": res.abridged, **f.to_dict()}, ensure_ascii=False) + "\n")
                for c in res.coverage:
                    out.write(json.dumps({"case": case, "file": r["file"], "doc_no": r["doc_no"], "abridged": res.abridged,
                                          "severity": "coverage", **c}, ensure_ascii=False) + "\n")
    per_rule_major = collections.Counter(f.rule for _, _, res in results for f in res.findings if f.severity in ("veto", "major"))
    lines += ["", "## Veto/major findings per rule", "", "| rule | veto/major |", "|---|---|"] + [f"| {rule} | {n} |" for rule, n in per_rule_major.most_common()]
    rng = random.Random(args.seed)
    # the alarms that matter are the veto and major ones: sample those for the hand check
    pool = [(case, f) for _, case, res in results for f in res.findings if f.severity in ("veto", "major")]
    sample = rng.sample(pool, min(args.sample, len(pool)))
    lines += ["", f"## A random sample of {len(sample)} veto/major findings, judged by hand below", "", "| case | rule | severity | message |", "|---|---|---|---|"]
    lines += [f"| {case} | {f.rule} | {f.severity} | {f.message[:120].replace('|', '｜')} |" for case, f in sample]
    if errors:
        lines += ["", "## Errors", ""] + [f"- {f}: {e}" for f, e in errors[:50]]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
