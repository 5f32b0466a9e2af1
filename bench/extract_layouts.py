"""The sector decisions' header fields under the layouts publishers give the same text.

    .venv/bin/python bench/extract_layouts.py [--data tests/data/decisions_sectors] [--show-misses]

Every decision of every truth*.toml beside txt/ (truth written by hand before the tool ran) is read as
published and as a publisher may give it: flattened into one line (its breaks lost, or turned into spaces),
under a page's banner and above its footer, with half-width colons, with a letter-spaced title. Each
layout is scored against the same truth; "regressed" counts fields right as published and wrong in the
layout. Then: the text cut to its opening, and its title removed — there a value may rightly be lost,
so what is counted is a value that is neither the truth nor empty (WRONG).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.extract_sectors import FIELDS, norm  # noqa: E402

TOP = "首页 > 政务公开 > 行政执法公示\n【字体：大 中 小】 打印本页 关闭窗口\n发布时间：2023-05-06 10:23:11 来源：本站 浏览次数：123\n"
FOOT = "\n【打印本页】【关闭窗口】\n相关链接：国务院 省政府\n主办单位：某某市人民政府办公室 地址：人民路1号 网站标识码：1234567890\n"


def _spaced_title(t: str) -> str:
    lines = t.split("\n")
    for i, line in enumerate(lines[:8]):
        if "决定书" in line and len(line.strip()) <= 14:
            lines[i] = " ".join(line.strip())
            break
    return "\n".join(lines)


def _untitled(t: str) -> str:
    return "\n".join(l for l in t.split("\n") if not ("决定书" in l and len(l.strip()) <= 20 and "《" not in l))


SAME = {
    "as published": lambda t: t,
    "one line": lambda t: re.sub(r"\s*\n\s*", "", t),
    "breaks as spaces": lambda t: re.sub(r"\s*\n\s*", " ", t),
    "page banner and footer": lambda t: TOP + t + FOOT,
    "half-width colons": lambda t: t.replace("：", ":"),
    "letter-spaced title": _spaced_title,
}
LOSSY = {"opening (700 chars)": lambda t: t[:700], "title removed": _untitled}


def _fields(text: str) -> dict[str, str]:
    from casefile.ingest.extract import extract_text

    x = extract_text(text).fields
    return {k: x.get(k) or x.get("masked", {}).get(k, "") for k in FIELDS}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=REPO / "tests" / "data" / "decisions_sectors")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    truth = [t for p in sorted(args.data.glob("truth*.toml")) for t in tomllib.loads(p.read_text(encoding="utf-8"))["decision"]]
    texts = {t["file"]: (args.data / "txt" / t["file"]).read_text(encoding="utf-8") for t in truth}
    n = len(truth)
    print(f"{n} decisions")
    base: dict[tuple[str, str], bool] = {}
    for name, fn in SAME.items():
        c: collections.Counter = collections.Counter()
        misses = []
        for t in truth:
            f = _fields(fn(texts[t["file"]]))
            right = {k: norm(f[k]) == norm(t[k]) for k in FIELDS}
            for k, ok in right.items():
                c[k] += ok
                base.setdefault((t["file"], k), ok)
                if not ok and base[(t["file"], k)]:
                    c["regressed"] += 1
                    misses.append((t["file"], k, f[k], t[k]))
            c["all4"] += all(right.values())
        print(f"{name:24s} " + " ".join(f"{k} {c[k] / n:4.0%}" for k in (*FIELDS, "all4")) + f"  regressed {c['regressed']}")
        for m in misses if args.show_misses else ():
            print("    ", m)
    for name, fn in LOSSY.items():
        c = collections.Counter()
        wrong = []
        for t in truth:
            f = _fields(fn(texts[t["file"]]))
            for k in FIELDS:
                if norm(f[k]) not in ("", norm(t[k])):
                    c[k] += 1
                    wrong.append((t["file"], k, f[k], t[k]))
        print(f"{name:24s} WRONG " + " ".join(f"{k} {c[k]}" for k in FIELDS))
        for m in wrong if args.show_misses else ():
            print("    ", m)


if __name__ == "__main__":
    main()
