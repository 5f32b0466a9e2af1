"""Modules loaded on first use, so that opening a session (every CLI command, the TUI's first
screen) does not pay for the check engine, the query parser or the review rounds it may never
call. ``rounds = lazy_module("checklists.review")`` reads like the import it replaces; the module
is imported (by the import system, under its lock, so a TUI worker thread may be first) when one
of its attributes is first read."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _Lazy:
    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, imported on first use>"


def lazy_module(name: str) -> Any:
    """``name``, imported when one of its attributes is first read."""
    return _Lazy(name)
