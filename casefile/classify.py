"""Which catalogue type a document is, judged by its title first and its content
second, with a confidence. "unknown" is a proper answer: a wrong guess is not."""

from __future__ import annotations

import re

from doc_templates.catalogue import load_catalogue

UNKNOWN = "unknown"
_PUNCT = re.compile(r"[\s（）()、/·]")


def _names() -> list[tuple[str, str]]:
    """(normalised title, code), longest first so 不予行政处罚决定书 wins over 行政处罚决定书."""
    out = []
    for t in load_catalogue().types:
        for n in {t.name, *t.aliases}:
            out.append((_PUNCT.sub("", n), t.code))
    return sorted(out, key=lambda x: -len(x[0]))


def classify(lines: list[str], text: str) -> tuple[str, float]:
    names = _names()
    # 1. a line that is exactly a title, near the top
    for i, line in enumerate(lines[:8]):
        key = _PUNCT.sub("", line)
        for name, code in names:
            if key == name or (key.endswith(name) and len(key) - len(name) <= 12 and len(name) >= 4):
                return code, 0.95 if i < 5 else 0.85
    # 2. a title inside the first lines (e.g. "清溪县市场监督管理局行政处罚决定书")
    head = _PUNCT.sub("", "".join(lines[:4]))
    for name, code in names:
        if len(name) >= 4 and name in head:
            return code, 0.7
    # 3. a published decision whose title was lost (it starts at its 文号: 青市监处罚〔2023〕411号当事人：…):
    #    a penalty 文号 at the top, an operative part and a remedies notice together are a decision
    if _PENALTY_NO.search(text[:120]) and re.search(r"(?:决定|处罚)如下|决定(?:给予|对当事人)", text) and re.search(r"不服[^。]{0,60}(?:复议|诉讼)", text):
        return ("no_penalty_decision" if "不予" in text[:60] else "decision"), 0.6
    # 4. a form known by its content (casefile/data/recognition.toml: patterns that must all hold)
    from casefile.recognition import CONFIDENCE, by_content

    code = by_content(text)
    if code:
        return code, CONFIDENCE
    # 5. nothing says what it is: say so
    return UNKNOWN, 0.0


_PENALTY_NO = re.compile(r"^[^。]{0,40}?(?:罚|处)[^。〔\[［(（]{0,4}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）][^。]{0,16}?号")


_ABRIDGED_MARKERS = ("公示", "信息公开", "摘要")


def looks_abridged(code: str, text: str) -> bool:
    """A public-notice version (公示摘要) of a decision: no evidence list and no
    remedies notice, or a notice that says it is the public summary."""
    if code not in ("decision", "unknown"):
        return False
    has_evidence = "证据" in text
    has_remedy = "复议" in text and "诉讼" in text
    has_notice = "告知" in text
    # the public summaries run to about a third of a full decision (median 948 vs 2,896 characters)
    short = len(text) < 1400
    head = text[:200]
    return (any(m in head for m in _ABRIDGED_MARKERS) and "决定书" not in head) or (short and not (has_evidence and has_remedy and has_notice))
