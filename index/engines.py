"""Which engine holds a workspace's index: tantivy by default, whoosh when the workspace chose it."""

from __future__ import annotations

from pathlib import Path

from index.dirs import DEFAULT_ENGINE, ENGINES, choose_engine, chosen_engine


def engine_class(name: str):
    if name == "whoosh":
        from index.store import Index

        return Index
    if name == "tantivy":
        from index.tantivy_engine import TantivyIndex

        return TantivyIndex
    raise ValueError(f"未知的检索引擎“{name}”：可选 {'、'.join(ENGINES)}")


def make(root: Path, engine: str | None = None):
    """The engine object for the index in ``root`` (not opened)."""
    return engine_class(engine or chosen_engine(root))(Path(root))


__all__ = ["DEFAULT_ENGINE", "ENGINES", "choose_engine", "chosen_engine", "engine_class", "make"]
