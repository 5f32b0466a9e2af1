"""Draw the stratified samples of findings the hand audit judges (docs/decision-review.md).

    .venv/bin/python bench/audit_draw.py FINDINGS.jsonl --seed 2026120802 [--major-quota P16:复议前置=16,...]

A stratum is a rule (P16's and F05's findings split by the kind of defect its message names); each stratum gets
its quota (default 1), drawn with ``random.Random(seed)`` from the findings sorted by (file, rule, message).
Prints one line per drawn finding: stratum, file, 文号, message, the quoted words. With ``--kept AFTER.jsonl`` each
line ends with KEPT or GONE: whether a later run still reports that finding (same file, same rule, the message's
first 60 characters), for the before/after figures of the audit.
"""

from __future__ import annotations

import argparse
import json
import random
import re

P16_KINDS = (("复议前置", "适用复议前置"), ("复议后起诉", "对行政复议决定不服的起诉期限"), ("复议期限空白", "行政复议期限空白"),
             ("复议机关空白", "行政复议机关空白"), ("复议机关错误", "仍告知可向"), ("未告知", "未告知"), ("期限", "期限"))
# F05's leftovers are of several kinds (a blank count of copies, a blank account line, a fill-in note, a
# note to the clerk, a blank date): each kind is a stratum, so a rare kind is drawn beside the frequent one
F05_KINDS = (("份数", "一式"), ("账户", "账号"), ("账户", "开户行"), ("账户", "户名"), ("填写提示", "此处填入"), ("日期", "年月日"))


def _kind(message: str, kinds: tuple[tuple[str, str], ...]) -> str:
    return next((k for k, word in kinds if word in message), "其他")


def stratum(f: dict) -> str:
    if f["rule"] == "P16-decision-contents":
        return f"P16:{_kind(f['message'], P16_KINDS)}"
    if f["rule"] == "F05-template-leftovers":
        return f"F05:{_kind(f['message'], F05_KINDS)}"
    return f["rule"].split("-")[0]


def draw(findings: list[dict], quotas: dict[str, int], seed: int, default: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    groups: dict[str, list[dict]] = {}
    for f in sorted(findings, key=lambda f: (f["file"], f["rule"], f["message"])):
        groups.setdefault(stratum(f), []).append(f)
    out = []
    for name in sorted(groups):
        pool = groups[name]
        out += [(name, f) for f in rng.sample(pool, min(len(pool), quotas.get(name, default)))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("findings")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--severity", default="major", help="major（含否决项）或 minor")
    ap.add_argument("--quota", default="", help="各层抽取数，如 P16:复议前置=16,D02=5（未列出的层抽 --default 条）")
    ap.add_argument("--default", type=int, default=1)
    ap.add_argument("--kept", default="", help="后一次运行的发现文件：逐条标出抽中的发现是否仍被报告（KEPT/GONE）")
    args = ap.parse_args()
    wanted = {"veto", "major"} if args.severity == "major" else {args.severity}
    rows = [json.loads(line) for line in open(args.findings, encoding="utf-8")]
    rows = [r for r in rows if r["severity"] in wanted]
    quotas = {k: int(v) for k, v in (q.split("=") for q in args.quota.split(",") if q)}
    later = {(r["file"], r["rule"], r["message"][:60]) for r in map(json.loads, open(args.kept, encoding="utf-8"))} if args.kept else None
    for i, (name, f) in enumerate(draw(rows, quotas, args.seed, args.default), 1):
        quote = " / ".join(re.sub(r"\s+", " ", e.get("text", ""))[:80] for e in f.get("evidence", []))
        kept = "" if later is None else ("\tKEPT" if (f["file"], f["rule"], f["message"][:60]) in later else "\tGONE")
        print(f"{i}\t{name}\t{f['file']}\t{f['doc_no']}\t{f['message'][:160]}\t「{quote}」{kept}")


if __name__ == "__main__":
    main()
