"""Chinese names of the codes a person would otherwise read (finding categories,
severities, decisions, check modes, search facets)."""

from __future__ import annotations

import re

from checklists.context import CATEGORIES, CATEGORY_NAMES, MODES, SEVERITIES, SEVERITY_NAMES  # noqa: F401

DECISION_NAMES = {None: "待定", "accept": "采纳", "override": "不采纳"}
MODE_NAMES = {"self": "自查", "review": "法制审核", "evaluate": "案卷评查"}
FACET_NAMES = {"agency": "机关", "year": "年度", "laws": "法律", "doc_type": "文书类型"}

# Chinese names of document types, case fields and the violation's facts, for every screen and command
from casefile.ingest.facts import doc_type_name, field_label, violation_lines  # noqa: E402,F401

# rule ids and case fields by their Chinese names, as the review rounds show them
from checklists.review_changes import case_field_name, rule_name  # noqa: E402,F401

# the score sheet and the case screen name rules the way the review rounds do: one definition
rule_title = rule_name


def facet_value_name(facet: str, value: str) -> str:
    """A search facet's value as a person reads it (文书类型 penalty_notice → 行政处罚告知书)."""
    return doc_type_name(value) if facet == "doc_type" else value


# A parenthesis naming where a fact sits in case.toml / workspace.toml (``（parties[1].name）``,
# ``（acts 中的“告知”）``): a hint for whoever edits those files, not for a person at the screen.
_FILE_HINT = re.compile(r"（[^（）]*[A-Za-z_][^（）]*）")


def without_file_hints(text: str) -> str:
    """``拟处罚内容（proposed）`` → ``拟处罚内容``: the text as a person at the screen reads it."""
    return _FILE_HINT.sub("", text)
