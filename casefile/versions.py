"""The version of what derives data from a document (reading, OCR, extraction), for cache keys.

A stored extraction or text is keyed by the document's hash *and* this version, so an improved
reader or extractor re-reads old cases instead of serving what the old code concluded. The
version is a digest of the code and data that produce the derived values: any change to them,
however small, is a new version; nobody has to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
# what reads a document and what concludes from its text
SOURCES = ["textio.py", "ocr.py", "limits.py", "extract", "data/extract"]


@lru_cache(maxsize=1)
def derived_version() -> str:
    h = hashlib.sha256()
    for name in SOURCES:
        p = HERE / name
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".py", ".toml", ".txt", ".json")) if p.is_dir() else [p]
        for f in files:
            if f.exists():
                h.update(str(f.relative_to(HERE)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]
