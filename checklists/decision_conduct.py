"""The 定性 against the facts (rule D16): the conduct a decision's 定性 names (构成……的违法行为) asserts an act the
facts it found expressly deny — “需要配套建设的环境保护设施未经验收，建设项目即投入生产” while the facts say the
project “尚未投入生产” (it was built without an approved 环评: another article's conduct). The acts, their wording
and their denials are data (casefile/data/extract/decision.toml [consistency.conduct])."""

from __future__ import annotations

import re

from casefile.ingest.extract.decision import Decision, Span, decision_data, unquoted

_SPEC = decision_data()["consistency"]["conduct"]
_QUALIFIED = re.compile(_SPEC["qualified"])
_ACTS = [(a["act"], re.compile(a["asserted"]), re.compile(a["denied"])) for a in _SPEC["acts"]]


def _asserts(what: str, asserted: re.Pattern, denied: re.Pattern) -> bool:
    """``what`` says the act was done: a match of its wording outside every denial of it."""
    negated = [m.span() for m in denied.finditer(what)]
    return any(not any(a <= m.start() < b for a, b in negated) for m in asserted.finditer(what))


def conduct_denied(d: Decision) -> tuple[str, Span, Span] | None:
    """(the act, the 定性's words, the facts' denial) when the 定性 asserts an act the facts deny and nowhere state."""
    plain = unquoted(d.text)
    end = d.operative.end if d.operative else len(plain)
    # the facts: their section, or (a layout without “经查”: 发现你单位实施了以下环境违法行为：…) all that precedes the 定性
    lo, hi = (d.facts.start, d.facts.end) if d.facts else (0, None)
    for q in _QUALIFIED.finditer(plain, hi or 0, end):
        top = hi or q.start()
        facts = plain[lo:top]
        for act, asserted, denied in _ACTS:
            deny = denied.search(facts)
            if deny and _asserts(q.group("what"), asserted, denied) and not _asserts(facts, asserted, denied):
                at, to = lo + deny.start(), lo + deny.end()
                return act, Span(q.start(), q.end(), d.text[q.start():q.end()]), Span(at, to, d.text[at:to])
    return None
