"""The one table of the checklist vocabulary: every term a rule pack may name, with the model of
its parameters. A module of its own, so that the modules defining terms (vocabulary.py for the
generic ones, predicates.py / decision_*.py / dossier_rules.py for those that read a case's or
a decision's structure) import it and never each other, and the engine imports them all.

Every term declares its parameters (possibly none); a pack is validated against them when it
loads, so a misspelt parameter stops the load with the rule named instead of being ignored."""

from __future__ import annotations

import inspect
from typing import Any, Callable, Iterator, get_type_hints

from pydantic import BaseModel, ConfigDict, create_model

from checklists.context import Hit

TERMS: dict[str, tuple[Callable[..., Iterator[Hit]], type[BaseModel]]] = {}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def term(name: str, params: type[Params]):
    """Register ``fn(ctx, p: params)`` as the vocabulary term ``name``."""
    def wrap(fn):
        if name in TERMS:
            raise ValueError(f"duplicate checklist term {name}")
        TERMS[name] = (fn, params)
        return fn
    return wrap


def predicate(fn):
    """Register ``fn(ctx, *, a: T = d, …)`` as a term named after the function; its keyword
    parameters (annotated, with their defaults) are the term's declared parameters."""
    fields: dict[str, Any] = {}
    hints = get_type_hints(fn)
    for p in list(inspect.signature(fn).parameters.values())[1:]:
        if p.kind is not inspect.Parameter.KEYWORD_ONLY:
            raise TypeError(f"{fn.__name__}: parameter {p.name} must be keyword-only (after *)")
        fields[p.name] = (hints[p.name], ... if p.default is inspect.Parameter.empty else p.default)
    model = create_model(f"{fn.__name__}_params", __base__=Params, **fields)

    def run(ctx, p: BaseModel) -> Iterator[Hit]:
        return fn(ctx, **{k: getattr(p, k) for k in fields})

    term(fn.__name__, model)(run)
    return fn
