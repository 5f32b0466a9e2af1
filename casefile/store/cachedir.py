"""The per-user cache directory: compiled dictionaries and other derived files.

Never the shared temp directory: on a multi-user SSH server a file another user created there
under a predictable name (``/tmp/jieba.cache``) would be trusted as is. The directory is the
platform's per-user cache (``~/.cache/casefile``), or ``CASEFILE_CACHE``, created private (0700).
Everything in it is derived and can be deleted; it is rebuilt on next use.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def cache_dir(*parts: str) -> Path:
    root = os.environ.get("CASEFILE_CACHE")
    if not root:
        from platformdirs import user_cache_dir

        root = user_cache_dir("casefile", appauthor=False)
    d = Path(root)
    for part in ("",) + parts:  # each level private, not only the last one
        d = d / part if part else d
        d.mkdir(parents=True, exist_ok=True, mode=0o700)
    return d
