"""The application layer: the operations a person performs (create a case, import,
render, check, review, search, publish, statistics) over one workspace and one
clock, as the services of a :class:`Session` (``session.cases``, ``session.review`` …).
Both front ends (``tui.cli`` and ``tui.textual_app``) call this and the model and
error types, nothing deeper; it never imports textual."""

from tui.application.cases import Cases, CaseSummary, Listing, NewCase
from tui.application.documents import Documents
from tui.application.entries import Entries
from tui.application.clock import Clock, parse_day
from tui.application.evaluate import ERROR as EVALUATION_ERROR, EvaluationRequest, Evaluations, evaluation_history, run_evaluation  # noqa: F401 - 案卷评查 for the front ends
from tui.application.names import (  # noqa: F401 - names for the front ends
    doc_type_name, facet_value_name, field_label, rule_title, violation_lines, without_file_hints,
    case_field_name, rule_name,
    CATEGORIES, CATEGORY_NAMES, DECISION_NAMES, FACET_NAMES, MODE_NAMES, MODES, SEVERITIES, SEVERITY_NAMES,
)
from tui.application.review import change_lines, finding_line
from tui.application.session import Session
from tui.application.users import USER_ROLES  # noqa: F401 - the roles a user may hold, for the front ends
from tui.application.office import article_key, article_label, io_problem, journal_summary  # noqa: F401 - the records office's helpers
from tui.application.textfmt import CONTROL_TABLE, bar_chart, clean, pad, table, width

__all__ = [
    "CATEGORIES", "CATEGORY_NAMES", "DECISION_NAMES", "FACET_NAMES", "MODE_NAMES", "MODES", "SEVERITIES", "SEVERITY_NAMES",
    "case_field_name", "rule_name", "change_lines", "finding_line",
    "Cases", "CaseSummary", "Clock", "Documents", "Entries", "Listing", "NewCase", "Session", "bar_chart", "pad", "parse_day", "table", "width",
    "CONTROL_TABLE", "clean",
]
