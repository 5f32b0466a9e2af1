"""How CLI commands speak: JSON for scripts, Chinese text for people, errors on stderr."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import click


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    if isinstance(o, Path):
        return str(o)
    if hasattr(o, "to_dict"):
        return o.to_dict()
    if hasattr(o, "value"):
        return o.value
    raise TypeError(f"not JSON serialisable: {type(o)}")


def dumps(data: Any, *, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_default)


def emit(data: Any, as_json: bool, human: Callable[[Any], None] | None = None) -> None:
    if as_json or human is None:
        click.echo(dumps(data))
    else:
        human(data)


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
    cols = [headers] + [[str("" if c is None else c) for c in r] for r in rows]
    widths = [min(max_width, max(width(r[i]) for r in cols)) for i in range(len(headers))]
    lines = ["  ".join(pad(h, widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for r in cols[1:]:
        lines.append("  ".join(pad(c, widths[i]) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def warn(msg: str) -> None:
    click.echo(msg, err=True)


def progress(msg: str) -> None:
    """Progress lines go to stderr so --json output on stdout stays clean."""
    click.echo(msg, err=True)
