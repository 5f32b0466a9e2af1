"""Plain-text layout both front ends use: display width of CJK text, padded
columns, tables and bar charts."""

from __future__ import annotations

import unicodedata
from typing import Any

from casefile.display import CONTROL_TABLE, clean  # noqa: F401 - the one terminal sanitiser, for both front ends
from casefile.output.stats import bar_chart  # noqa: F401 - one bar chart for the CLI and the statistics screen


def width(s: str) -> int:
    """Display width in a terminal: CJK characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, w: int) -> str:
    s = str(s)
    if width(s) > w:
        out = ""
        for c in s:
            if width(out + c) > w - 1:
                break
            out += c
        s = out + "…"
    return s + " " * (w - width(s))


def table(rows: list[list[Any]], headers: list[str], max_width: int = 40) -> str:
    # cleaned before measuring: an invisible control character must not count as a column's width
    cols = [headers] + [[clean(str("" if c is None else c)) for c in r] for r in rows]
    widths = [min(max_width, max(width(r[i]) for r in cols)) for i in range(len(headers))]
    lines = ["  ".join(pad(h, widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for r in cols[1:]:
        lines.append("  ".join(pad(c, widths[i]) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)
