"""What a decision is read into — its parts as spans of the compact text, its measures, mitigations and
remedies — and the phrasings the reader looks for (``casefile/data/extract/decision.toml``), with the small
searches every part of the reader uses."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from casefile.ingest.extract.citations import Citation
from casefile.ingest.extract.entities import extract_data


@lru_cache(maxsize=1)
def decision_data() -> dict[str, Any]:
    return extract_data("decision.toml")


@lru_cache(maxsize=64)
def regex(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def phrasings(key: str) -> re.Pattern:
    """One alternation of the data's phrasings under ``key``."""
    return regex("|".join(f"(?:{p})" for p in decision_data()["patterns"][key]))


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Measure:
    """One penalty decided: 罚款 / 没收违法所得 / 没收非法财物 / 警告 / 通报批评 / 责令停产停业 / 吊销 / 不予处罚."""

    kind: str
    amount: Decimal | None
    span: Span
    basis: list[dict[str, Any]] = field(default_factory=list)  # the provisions this measure rests on
    blank: bool = False  # 罚款 written without an amount (罚款元, 处以罚款)


@dataclass
class Mitigation:
    kind: str  # 从轻 / 减轻 / 不予 / 从重
    span: Span
    basis: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Remedy:
    kind: str  # 复议 / 诉讼
    span: Span
    body: str  # 向…申请/提起: the body named ("" when blank)
    period: str  # 六十日 / 六个月 / 十五日 / "" (blank)
    days: int | None  # the period in days (months × 30 for comparison only), None when blank or unreadable
    after_review: bool = False  # 诉讼 against the 复议 decision
    direct: bool = False  # 诉讼 offered as an alternative to 复议 (也可/或者/直接)


@dataclass
class Decision:
    text: str
    kind: str  # 处罚 / 不予处罚
    doc_no: Span | None = None
    party: Span | None = None
    facts: Span | None = None
    evidence: Span | None = None
    reasoning: Span | None = None  # 本局认为… up to the operative part: the 定性 and the 裁量
    operative: Span | None = None
    proposal: Span | None = None  # the operative part only proposes (建议…处罚)
    measures: list[Measure] = field(default_factory=list)
    correction: Span | None = None  # 责令改正 (also an earlier 责令改正通知书)
    mitigations: list[Mitigation] = field(default_factory=list)
    violated: list[dict[str, Any]] = field(default_factory=list)
    penalty_basis: list[dict[str, Any]] = field(default_factory=list)
    illegal_income: Decimal | None = None
    illegal_income_span: Span | None = None
    no_illegal_income: Span | None = None  # 无违法所得 / 违法所得无法确定 stated
    payment: Span | None = None
    surcharge: Span | None = None  # the 加处罚款 notice
    surcharge_citations: list[Citation] = field(default_factory=list)
    remedies: list[Remedy] = field(default_factory=list)
    remedy_span: Span | None = None
    seal_date: dt.date | None = None
    seal_span: Span | None = None
    seal_blank: bool = False  # the signature's date is left as 年月日
    citations: list[Citation] = field(default_factory=list)
    placeholders: list[Span] = field(default_factory=list)  # template brackets left in the text

    @property
    def fines(self) -> list[Measure]:
        return [m for m in self.measures if m.kind == "罚款"]

    def quote(self, start: int, end: int, pad: int = 0) -> Span:
        s, e = max(0, start - pad), min(len(self.text), end + pad)
        return Span(s, e, self.text[s:e])


def first_match(p: re.Pattern, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    return p.search(text, start, len(text) if end is None else end)


def last_match(p: re.Pattern, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    m = None
    for m in p.finditer(text, start, len(text) if end is None else end):
        pass
    return m


def sentence_at(t: str, at: int) -> tuple[int, int]:
    s = max(t.rfind("。", 0, at), t.rfind("；", 0, at)) + 1
    e = t.find("。", at)
    return s, (len(t) if e < 0 else e + 1)
