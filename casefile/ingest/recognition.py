"""Which form a document is when its title does not say: its content, by the patterns of
``casefile/data/recognition.toml`` (data, so a county's own form is taught without code)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
DATA = Path(str(resources.files("casefile"))) / "data"  # the package's data, wherever this module sits

FILE = DATA / "recognition.toml"
HEAD = 3000  # characters of the text read: the form shows itself in its first part
CONFIDENCE = 0.55


@lru_cache(maxsize=1)
def _forms() -> list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]], bool]]:
    data = tomllib.loads(FILE.read_text(encoding="utf-8"))
    return [(f["code"], [re.compile(p) for p in f["all"]], [re.compile(p) for p in f.get("none", [])],
             bool(f.get("before_shape", False))) for f in data["forms"]]


def by_content(text: str, *, before_shape: bool = False) -> str | None:
    """The catalogue code whose content patterns all hold (and none of its exclusions), or None.
    ``before_shape``: only the forms that have a titleless decision's shape without being a penalty decision."""
    t = re.sub(r"\s+", "", text[:HEAD * 2])[:HEAD]
    for code, need, exclude, early in _forms():
        if before_shape and not early:
            continue
        if all(p.search(t) for p in need) and not any(p.search(t) for p in exclude):
            return code
    return None
