"""Whether a short decision text is the whole decision or a part of one (a published opening, a 公示摘要).

A decision is served whole: its operative part, then the 履行方式 and the remedies, then the seal
(行政处罚法 §59). A page that keeps only its opening stops before the remedies and the seal, often in the
middle of a sentence; a public summary (双公示) keeps the fields the publicity rules list and drops the
evidence and the remedies, and speaks of the party (当事人、被处罚人) rather than to it. So a short text is
the whole decision when, after an operative part that decides a measure, either its remedies paragraph
runs to a full stop, or a seal closes it and it addresses the party in the second person (你、你单位:
the paper served on the party, whatever it left out). The second person is data:
``casefile/data/extract/decision.toml [shape] addressed``."""

from __future__ import annotations

from casefile.ingest.extract.decision_shape import Decision, decision_data, regex


def remedies_closed(d: Decision) -> bool:
    """The remedies paragraph is there and its sentence ends (not a page cut in the middle of it)."""
    return bool(d.remedy_span and d.remedies and d.remedy_span.text.rstrip().endswith("。"))


def sealed_after(d: Decision, start: int) -> bool:
    """A date under a seal after ``start`` (the operative part): the paper's end is on the page."""
    return bool(d.seal_span and d.seal_span.start > start)


def addressed(text: str) -> bool:
    """The text speaks to the party (你单位…、你公司的上述行为、你如不服): the paper served on it."""
    return any(regex(p).search(text) for p in decision_data()["shape"]["addressed"])


def whole_decision(d: Decision) -> bool:
    """A short decision that is whole: a decided measure, then its remedies or its seal (see the module)."""
    if not (d.measures and d.operative):
        return False
    return remedies_closed(d) or (sealed_after(d, d.operative.start) and addressed(d.text))


def whole_formed(d: Decision) -> bool:
    """A 责令改正违法行为决定书 that is whole: its remedies paragraph ends, or a seal closes it. A copy cut
    before both is an opening: what it orders and on what ground cannot be judged from it."""
    return remedies_closed(d) or sealed_after(d, 0)
