"""Which acts must be recorded on audio/video (全程音像 / 音像), from data."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path


@lru_cache(maxsize=1)
def av_requirements() -> dict[str, dict[str, str]]:
    """{"full": {act: reason}, "appropriate": {act: reason}}"""
    path = Path(str(resources.files("casefile") / "data" / "av_requirements.toml"))
    with open(path, "rb") as f:
        return tomllib.load(f)
