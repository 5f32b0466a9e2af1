"""The one clock: what "today" is for every command and screen.

``--today`` (or the ``CASEFILE_TODAY`` environment variable) fixes the day, so
that deadlines, warnings and the dates written into documents can be reproduced;
otherwise the system date is read here and nowhere else. The library takes
``today`` as a parameter.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Mapping

from casefile.errors import UsageError

ENV = "CASEFILE_TODAY"


def parse_day(text: str, what: str = "日期") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{what}“{text}”不是有效的日期", details=["日期写作 YYYY-MM-DD，如 2026-11-23"]) from None


class Clock:
    def __init__(self, today: dt.date | str | None = None, env: Mapping[str, str] | None = None):
        env = os.environ if env is None else env
        if isinstance(today, str):
            today = parse_day(today, "--today")
        if today is None and env.get(ENV):
            today = parse_day(env[ENV], ENV)
        self.fixed: dt.date | None = today

    def today(self) -> dt.date:
        return self.fixed or dt.date.today()

    def __repr__(self) -> str:
        return f"Clock({self.fixed or 'system'})"
