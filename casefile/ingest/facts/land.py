"""Areas of land a document states (平方米, 亩, 公顷 …, data) and the land kind of each — written nearest
before the area in its sentence, else just after it — for the 占地面积 and the referral thresholds."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from casefile.ingest.facts.fact import SENT_END, data


def _units() -> dict[str, Decimal]:
    return {u: Decimal(f) for u, f in data()["land"]["units"].items()}


@lru_cache(maxsize=1)
def _area_re() -> re.Pattern:
    units = "|".join(re.escape(u) for u in sorted(_units(), key=len, reverse=True))
    return re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*({units})")


@lru_cache(maxsize=1)
def _kind_words() -> list[tuple[str, str]]:
    out = []
    for k in data()["land_kinds"]:
        for w in k["words"]:
            out.append((w, k["kind"]))
    return sorted(out, key=lambda x: -len(x[0]))


def _land_kind_near(text: str, start: int, end: int) -> str:
    """The land kind written nearest before the area (same sentence), else just after it."""
    left = text[max(0, start - 30): start]
    cut = max(left.rfind(c) for c in SENT_END)
    left = left[cut + 1:]
    best, at = "", -1
    negated = re.compile(data()["land"]["negations"])
    for w, kind in _kind_words():
        i = left.rfind(w)
        if i > at and not negated.search(left[:i]):  # 不涉及永久基本农田 is not 基本农田
            best, at = kind, i
    if best:
        return best
    right = text[end: end + 16]
    # after the number only its own clause: “占用土地12000平方米，其中耕地3000平方米” is not 12000 of 耕地
    cut = min([right.find(c) for c in SENT_END + "，," if c in right] or [len(right)])
    right = right[:cut]
    first, at = "", len(right) + 1
    for w, kind in _kind_words():
        i = right.find(w)
        if 0 <= i < at and not negated.search(right[:i]):
            first, at = kind, i
    return first


def areas(text: str) -> list[tuple[Decimal, str, str, int]]:
    """(m², land kind, quote, offset) for each area of land in the text."""
    land = data()["land"]
    out = []
    units = _units()
    for m in _area_re().finditer(text):
        before = text[max(0, m.start() - 24): m.start()]
        around = text[max(0, m.start() - 8): m.end() + 6]
        if any(w in around for w in land["not_context"]) or before.endswith(("每", "单价")):
            continue
        if not any(w in before or w in text[m.end(): m.end() + 12] for w in land["context"]):
            continue
        try:
            m2 = (Decimal(m.group(1)) * units[m.group(2)]).quantize(Decimal("0.01"))
        except (InvalidOperation, KeyError):
            continue
        kind = _land_kind_near(text, m.start(), m.end())
        out.append((m2, kind, text[max(0, m.start() - 16): m.end() + 4], m.start()))
    # “占用土地2400平方米（合3.6亩），地类为一般耕地”: the sentence names one land kind and no area of
    # its own beside it, so the kind is that of the area
    explicit = [o[1] for o in out]
    for i, (m2, kind, quote, at) in enumerate(out):
        if kind:
            continue
        s0 = max([text.rfind(c, 0, at) for c in SENT_END] + [-1]) + 1
        ends = [text.find(c, at) for c in SENT_END if text.find(c, at) >= 0]
        s1 = min(ends) if ends else len(text)
        if any(k for o, k in zip(out, explicit) if s0 <= o[3] < s1):
            continue
        sentence = text[s0:s1]
        kinds = {k for w, k in _kind_words() if w in sentence}
        if len(kinds) == 1:
            out[i] = (m2, kinds.pop(), quote, at)
    return out


def area_mu(m2: Decimal) -> Decimal:
    return (m2 * Decimal(15) / Decimal(10000)).quantize(Decimal("0.01"))
