"""A fact of a dossier with where it was read, the words agencies use (``casefile/data/facts.toml``), and
which documents speak with most authority on a fact."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def _x(module: str, name: str):
    """A function of the extract package, imported when first called (then kept): the names of document
    types and case fields (every screen and command) must not load the extractor and its patterns (0.04 s)."""
    import importlib

    return getattr(importlib.import_module(f"casefile.ingest.extract.{module}"), name)


def parse_date(*args: Any, **kwargs: Any) -> Any:
    return _x("entities", "parse_date")(*args, **kwargs)


def parse_money(*args: Any, **kwargs: Any) -> Any:
    return _x("entities", "parse_money")(*args, **kwargs)


def compact(*args: Any, **kwargs: Any) -> Any:
    return _x("normalize", "compact")(*args, **kwargs)


# the cache kind of a document's facts; the version of the code that reads them (this package's reading,
# land and fact modules, the words of facts.toml) is in the cache's path: casefile.ingest.versions
VERSION = "facts-3"

SENT_END = "。；;！？\n"


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    with (resources.files("casefile") / "data" / "facts.toml").open("rb") as f:
        return tomllib.load(f)


@dataclass
class Fact:
    key: str  # party, uscc, id_card, address, cause, officer, head, legal_review, discussion, land, fine, …
    value: Any
    doc: str  # the stored file (or the imported file's name)
    title: str  # the document's Chinese name, 《》 left off
    page: int
    text: str  # the words it was read from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def where(self) -> dict[str, Any]:
        return {"doc": self.doc, "page": self.page, "text": self.text}


# which documents speak with most authority on a fact (the decision first)
AUTHORITY = ["decision", "decision_approval", "investigation_report", "penalty_notice", "filing_approval", "legal_review_opinion",
              "collective_discussion", "onsite_record", "inquiry_record", "hearing_report", "hearing_record", "service_receipt"]
# papers whose narrative states the course of the case
NARRATIVES = ("decision", "investigation_report", "decision_approval", "penalty_notice", "legal_review_opinion", "collective_discussion")
# records of what was said or seen: the interviewee's own details, first estimates
RECORDS = ("inquiry_record", "onsite_record", "hearing_record", "statement_record", "evidence_material", "evidence_extraction")
# where the head's approval stands for the §57 review of the decision (not the 立案 approval)
DECISION_PAPERS = ("decision_approval", "legal_review_opinion", "investigation_report", "collective_discussion", "hearing_report", "unknown")
