"""The workspace's index directory: emptied for a rebuild, the engine the workspace chose kept.

``<workspace>/.index/engine.json`` names the engine (``tantivy``, the default, or ``whoosh``,
chosen by ``casefile index rebuild --engine``); everything else in the directory is derived data.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.store.fsutil import atomic_write_text

INDEX_DIR = ".index"  # inside the workspace
ENGINE_FILE = "engine.json"
DEFAULT_ENGINE = "tantivy"
ENGINES = ("tantivy", "whoosh")


def chosen_engine(root: Path) -> str:
    p = Path(root) / ENGINE_FILE
    try:
        name = json.loads(p.read_text(encoding="utf-8")).get("engine", DEFAULT_ENGINE)
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return DEFAULT_ENGINE
    return name if name in ENGINES else DEFAULT_ENGINE


def choose_engine(root: Path, name: str) -> None:
    Path(root).mkdir(parents=True, exist_ok=True)
    atomic_write_text(Path(root) / ENGINE_FILE, json.dumps({"engine": name}))


def reset_dir(root: Path) -> None:
    """Empty the index directory, keeping the engine choice (as read: a damaged record gives the default)."""
    root = Path(root)
    keep = chosen_engine(root) if (root / ENGINE_FILE).exists() else None
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    if keep is not None:
        choose_engine(root, keep)


_JSON: dict[str, tuple[tuple, object]] = {}


def read_json(path: Path):
    """A small JSON record of the index read once per change of the file, not once per search
    (FileNotFoundError and JSON errors pass to the caller, as from a plain read)."""
    path = os.fspath(path)
    st = os.stat(path)
    key = (st.st_mtime_ns, st.st_size, st.st_ino)
    kept = _JSON.get(path)
    if kept is not None and kept[0] == key:
        return kept[1]
    with open(path, encoding="utf-8") as f:
        value = json.load(f)
    _JSON[path] = (key, value)
    return value


FACET_SIZE = 40  # values kept per facet, by count (the TUI shows 12, the CLI 6): counting more costs every search
META = "meta.json"  # which engine, schema and analyzer built the index (meta_mismatch reads it)
DOCS = "docs.json"  # the documents indexed, with their digests

@dataclass
class PageDoc:
    """What the indexer needs of one page."""

    source: str
    doc: str
    page: int
    text: str
    sha256: str
    case: str = ""
    number: str = ""
    agency: str = ""
    party: str = ""
    case_type: str = ""
    procedure: str = ""
    date: Any = None  # datetime.date
    outcome: str = ""
    laws: list[str] = field(default_factory=list)
    doc_type: str = ""
    prepared: Any = None  # the tantivy engine's words of the page, when a worker process worked them out


def start_fresh(root: Path, engine: str, schema: int, analyzer: str) -> None:
    """Record a newly created index: its versions, and no document yet. Both engines use it."""
    atomic_write_text(Path(root) / META, json.dumps({"engine": engine, "schema": schema, "analyzer": analyzer}))
    atomic_write_text(Path(root) / DOCS, "{}")


def meta_mismatch(meta: Path, engine: str, schema: int, analyzer: str) -> str:
    """Why an index whose version record is ``meta`` cannot be read by this engine, schema and
    analyzer ('' if it can): an index built otherwise is rebuilt, never misread. Both engines use it."""
    try:
        m = read_json(meta)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return "索引的版本信息损坏"
    if not isinstance(m, dict):
        return "索引的版本信息损坏"
    if m.get("engine", "whoosh") != engine:
        return f"索引由 {m.get('engine', 'whoosh')} 引擎建立，工作区选用 {engine}"
    if m.get("schema") != schema:
        return f"索引结构版本 {m.get('schema')} 与程序的 {schema} 不同"
    if m.get("analyzer") != analyzer:
        return f"分词器版本 {m.get('analyzer')} 与程序的 {analyzer} 不同"
    return ""
