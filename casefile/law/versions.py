"""Which version of a law was in force on a day (casefile/data/laws/versions.toml): the versions of the laws whose
penalty articles changed between revisions (土地管理法 2004/2019, its 实施条例 2014/2021, 安全生产法 2014/2021), each
with the day it came into force. A decision is judged by the version in force when the act was done (行政处罚法
第三十七条), or by the version it names itself (“《土地管理法》（2004年8月28日修正）第七十六条”). A law not listed has
one reading: its penalty ranges apply whatever the date."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def _table() -> dict[str, list[dict[str, Any]]]:
    # beside the statutes (casefile/data/laws), read without the library module, which asks this one
    with open(Path(str(resources.files("casefile") / "data" / "laws" / "versions.toml")), "rb") as f:
        data = tomllib.load(f)
    return {law["name"]: sorted(law["versions"], key=lambda v: v["in_force"]) for law in data.get("law", [])}


def listed(law: str) -> bool:
    return law in _table()


def latest(law: str) -> str | None:
    vs = _table().get(law)
    return vs[-1]["version"] if vs else None


def in_force(law: str, day: dt.date | None) -> str | None:
    """The version of ``law`` in force on ``day`` (the latest when the day is unknown; the earliest listed for a day
    before it); None when the law is not listed."""
    vs = _table().get(law)
    if not vs:
        return None
    if day is None:
        return vs[-1]["version"]
    on = [v for v in vs if v["in_force"] <= day.isoformat()]
    return (on or vs[:1])[-1]["version"]


def named_day(law: str, cited: str) -> dt.date | None:
    """The day the version a citation names came into force (“《土地管理法》（2004年8月28日修正）第七十六条” → 2004-08-28):
    the day to look its articles up on; None when it names none, or the law is not listed."""
    label = named_version(law, cited, 0, len(cited))
    day = next((v["in_force"] for v in _table().get(law, []) if v["version"] == label), None)
    return dt.date.fromisoformat(day) if day else None


def range_version(rg: dict[str, Any]) -> str | None:
    """The version a penalty range belongs to: its own ``version``, else the latest of its law."""
    return rg.get("version") or latest(rg["law"])


# the version a decision names beside the law: “《…》（2004年8月28日第二次修正）第七十六条”, “（2019年修正）”, “2004年修正的《…》”
_NOTE_AFTER = re.compile(r"[（(][^（）()《》]{0,6}?((?:19|20)\d{2})\s*年[^（）()《》]{0,20}?[)）]")
_NOTE_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:第[一二三四五六七八九十]次)?(?:修正|修订|修改|公布)(?:后)?的?$")


def named_version(law: str, text: str, start: int, end: int) -> str | None:
    """The listed version of ``law`` that a citation names (its year): the version of that year, else the one in force
    at that year's end; None when the citation names no year or the year precedes every listed version."""
    vs = _table().get(law)
    if not vs:
        return None
    quoted = text[start:end]
    close = quoted.find("》")
    m = _NOTE_AFTER.match(quoted, close + 1) if close >= 0 else None
    m = m or _NOTE_BEFORE.search(text, max(0, start - 24), start)
    if not m:
        return None
    year = m.group(1)
    same = [v["version"] for v in vs if v["version"].startswith(year)]
    if same:
        return same[-1]
    on = [v["version"] for v in vs if v["in_force"] <= f"{year}-12-31"]
    return on[-1] if on else None
