"""The case model: what ``case.toml`` holds (schema version 1), its reads and its TOML form.

The schema is documented field by field in ``docs/case-schema.md``. Its vocabularies (case type,
procedure, state, act kinds: Chinese values) are in ``kinds``, the records it is made of in ``parts``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import Field, PrivateAttr, field_validator, model_validator

# the vocabularies and the parts are named here too: ``casefile.model`` (and this module) give them all
from casefile.model.kinds import (  # noqa: F401
    DECIDING_ACTS, STATE_ORDER, ActKind, CaseState, CaseType, MeasureKind, PartyKind, Procedure, ServiceMethod,
    case_type_names)
from casefile.model.parts import Act, Evidence, Item, LawRef, Measure, Party, Review, Violation, _Model  # noqa: F401

SCHEMA_VERSION = 1


class Case(_Model):
    schema_version: int = SCHEMA_VERSION
    id: str = Field(min_length=1)
    number: str = ""  # 文号 as agencies write it, e.g. 陵自然资罚〔2019〕23号
    title: str = ""
    case_type: CaseType = CaseType.PENALTY
    procedure: Procedure = Procedure.ORDINARY
    state: CaseState = CaseState.OPENED
    sector: str = ""
    agency: str = ""
    source: str = ""  # 案件来源: 监督检查 / 投诉举报 / 上级交办 / 移送 / 其他
    handlers: list[str] = Field(default_factory=list)  # certificate numbers of the 承办人
    parties: list[Party] = Field(default_factory=list)
    violation: Violation = Field(default_factory=Violation)
    acts: list[Act] = Field(default_factory=list)
    proposed: list[Measure] = Field(default_factory=list)
    decided: list[Measure] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)
    evidence: list[Evidence] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)  # facts a template needs that have no field yet
    # the hash of the case.toml this object was read from (casefile.chain.anchor): a save refuses to
    # write over facts another process changed since, instead of silently undoing its write
    _read_from: str | None = PrivateAttr(default=None)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, v: int) -> int:
        if v > SCHEMA_VERSION:
            raise ValueError(f"案件文件的版本 {v} 比本程序支持的版本 {SCHEMA_VERSION} 新，请升级 casefile")
        return v

    @model_validator(mode="before")
    @classmethod
    def _without_journal_head(cls, data: Any) -> Any:
        # [journal_head] in case.toml is the journal's, not a fact: casefile.chain.heads keeps it
        if isinstance(data, dict) and "journal_head" in data:
            data = {k: v for k, v in data.items() if k != "journal_head"}
        return data

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Case":
        v = self.violation
        if v.occurred_from and v.occurred_to and v.occurred_to < v.occurred_from:
            raise ValueError("violation.occurred_to（违法行为终了日期）早于 occurred_from（开始日期）")
        return self

    # -- convenient reads -------------------------------------------------
    @property
    def party(self) -> Party | None:
        return self.parties[0] if self.parties else None

    def acts_of(self, kind: ActKind | str) -> list[Act]:
        k = ActKind(kind)
        return [a for a in self.acts if a.kind == k]

    def decision_date(self) -> dt.date | None:
        """The day the case was decided, whatever its type: a penalty 决定, a licence granted or
        refused, an enforcement decided."""
        days = [d for d in (self.first_date(k) for k in DECIDING_ACTS) if d]
        return min(days) if days else None

    def first_date(self, kind: ActKind | str) -> dt.date | None:
        dates = [a.date for a in self.acts_of(kind)]
        return min(dates) if dates else None

    def last_date(self, kind: ActKind | str) -> dt.date | None:
        dates = [a.date for a in self.acts_of(kind)]
        return max(dates) if dates else None

    # -- measures: one definition of fines, confiscations and "not penalised" --
    def measures(self, which: str = "") -> list[Measure]:
        """``decided``, ``proposed``, or (default) the decided measures if any, else the proposed."""
        if which == "decided":
            return self.decided
        if which == "proposed":
            return self.proposed
        return self.decided or self.proposed

    def fine_measures(self, which: str = "") -> list[Measure]:
        return [m for m in self.measures(which) if m.is_fine]

    def fines(self, which: str = "") -> Decimal:
        """The fines (罚款) in yuan, summed over the measures ``which`` names."""
        return sum((m.amount or Decimal(0) for m in self.fine_measures(which)), Decimal(0))

    def confiscations(self, which: str = "") -> Decimal:
        """The confiscated amounts (没收违法所得、没收非法财物) in yuan."""
        return sum((m.amount or Decimal(0) for m in self.measures(which) if m.is_confiscation), Decimal(0))

    def payable(self, which: str = "") -> Decimal:
        """罚没款 to be paid in (fines and confiscated illegal income), in yuan."""
        return sum((m.amount or Decimal(0) for m in self.measures(which) if m.is_payable), Decimal(0))

    @property
    def not_penalised(self) -> bool:
        """不予行政处罚: the case's own fact (``extra.no_penalty``) or a decided 不予处罚 measure."""
        return bool(self.extra.get("no_penalty")) or any(m.is_no_penalty for m in self.decided)

    @property
    def penalised(self) -> bool:
        """Not (yet) known to end without penalty — what requires the penalty documents."""
        return not self.not_penalised

    def summary(self) -> dict[str, Any]:
        """The short JSON form used by ``case list``."""
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "type": self.case_type.value,
            "procedure": self.procedure.value,
            "state": self.state.value,
            "sector": self.sector,
            "agency": self.agency,
            "parties": [{"kind": p.kind.value, "name": p.name} for p in self.parties],
            "filed": _iso(self.first_date(ActKind.FILING)),
            "decided": _iso(self.first_date(ActKind.DECISION)),
        }

    def to_toml_dict(self) -> dict[str, Any]:
        return _drop_empty(_plain(self.model_dump()))


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _plain(obj: Any) -> Any:
    """Python values TOML can hold: enums as their Chinese value, money as numbers."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    return obj


def _drop_empty(obj: Any) -> Any:
    """TOML has no null; also keep files short by omitting empty values."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            v = _drop_empty(v)
            if v is None or v == "" or v == [] or v == {}:
                continue
            if v is False and k not in ("is_minor",):
                continue
            out[k] = v
        return out
    if isinstance(obj, list):
        return [_drop_empty(x) for x in obj]
    return obj
