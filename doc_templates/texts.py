"""The fixed wording of the documents (``texts.toml``): legal notices and form
phrases, kept as data so an agency can adapt them without touching code."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    with open(HERE / "texts.toml", "rb") as f:
        return tomllib.load(f)


def get(section: str) -> dict[str, Any]:
    return load()[section]
