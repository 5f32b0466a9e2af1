"""The facts of a whole dossier, each with where it was read (document, page, quoted text).

An imported dossier states its facts many times over: the 案由 in the 立案审批表, the land
and its area in the 现场笔录, 询问笔录 and 调查终结报告, the amounts in the 决定书, the
head's approval in whatever form the agency uses. ``document_facts`` reads one document
(table forms and narrative alike) into :class:`Fact` items; :class:`DossierFacts` holds
them for the whole file, gives the case one value per fact and names every pair of
documents that disagree. The words agencies use are data (``casefile/data/facts.toml``).

The rooms of this package: ``fact`` (a Fact, the words of the data, which documents speak with most
authority), ``reading`` (one document read into facts), ``land`` (areas of land and their kinds),
``dossier`` (the whole file: one value per fact, the documents that disagree), ``filling`` (the case's
empty facts filled from it) and ``names`` (a field or a document type as a person calls it).
"""

from __future__ import annotations

import importlib
from typing import Any

# each name's module, loaded when the name is first asked for: a screen that names a field loads neither
# the readers nor the dossier, and the cache version (casefile.ingest.versions) follows only what reading
# a document imports
_HOME = {
    "DossierFacts": "dossier", "from_texts": "dossier", "load": "dossier",
    "DECISION_PAPERS": "fact", "NARRATIVES": "fact", "RECORDS": "fact", "VERSION": "fact", "Fact": "fact", "data": "fact",
    "apply": "filling", "area_mu": "land", "doc_type_name": "names", "field_label": "names", "violation_lines": "names",
    "conclusion": "reading", "document_facts": "reading",
}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
