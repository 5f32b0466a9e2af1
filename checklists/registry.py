"""The registry of the bespoke predicates (the rule packs name them): a module of its own, so that
the modules holding predicates import it and never each other, and the engine imports them all."""

from __future__ import annotations

from typing import Callable, Iterator

from checklists.context import Hit

PREDICATES: dict[str, Callable[..., Iterator[Hit]]] = {}


def predicate(fn):
    PREDICATES[fn.__name__] = fn
    return fn
