"""The records a case is made of: citations, parties, acts, measures, the violation, the review facts,
the evidence list and the goods list (each a strict model: an unknown key is an error)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from casefile.model.cn import cn_number
from casefile.model.kinds import ActKind, MeasureKind, PartyKind, ServiceMethod


class _Model(BaseModel):
    # Unknown keys are errors: a misspelt field must not silently vanish.
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_assignment=True)


class LawRef(_Model):
    """A citation: 《中华人民共和国价格法》第十四条第一款第（四）项 → law, 14, 1, 4."""

    law: str
    article: int = Field(ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)

    @field_validator("law")
    @classmethod
    def _strip_brackets(cls, v: str) -> str:
        v = v.strip().strip("《》").strip()
        if not v:
            raise ValueError("法律名称不能为空")
        return v

    def cite(self) -> str:
        s = f"《{self.law}》第{cn_number(self.article)}条"
        if self.paragraph:
            s += f"第{cn_number(self.paragraph)}款"
        if self.item:
            s += f"第（{cn_number(self.item)}）项"
        return s


class Party(_Model):
    kind: PartyKind
    name: str = Field(min_length=1)
    # 统一社会信用代码 for legal persons / organisations, 身份证号 for natural persons.
    id_number: str = ""
    address: str = ""
    representative: str = ""  # 法定代表人 / 负责人 / 经营者
    phone: str = ""
    birth_date: dt.date | None = None
    is_minor: bool = False

    @property
    def is_natural(self) -> bool:
        return self.kind == PartyKind.NATURAL


class Act(_Model):
    """One dated act of the procedure, with the officers who performed it."""

    kind: ActKind
    date: dt.date
    officers: list[str] = Field(default_factory=list)  # certificate numbers from the register
    place: str = ""
    note: str = ""
    method: ServiceMethod | None = None  # for 送达 acts
    document: str = ""  # catalogue code of the document this act produced or served
    recorded: bool | None = None  # audio/video record made (None: not stated)
    end_date: dt.date | None = None  # for acts with a duration (查封扣押, 中止)


class Measure(_Model):
    """A proposed or decided measure: 罚款, 没收违法所得, 警告, 责令停产停业 …"""

    kind: str = Field(min_length=1)
    amount: Decimal | None = Field(default=None, ge=0)
    basis: list[LawRef] = Field(default_factory=list)
    note: str = ""

    @property
    def measure_kind(self) -> MeasureKind | None:
        return MeasureKind.of(self.kind)

    @property
    def is_fine(self) -> bool:
        return self.measure_kind is MeasureKind.FINE

    @property
    def is_confiscation(self) -> bool:
        k = self.measure_kind
        return bool(k and k.is_confiscation)

    @property
    def is_no_penalty(self) -> bool:
        return self.measure_kind is MeasureKind.NO_PENALTY

    @property
    def is_payable(self) -> bool:
        k = self.measure_kind
        return bool(k and k.is_payable)


class Violation(_Model):
    cause: str = ""  # 案由
    facts: str = ""  # 违法事实
    occurred_from: dt.date | None = None
    occurred_to: dt.date | None = None  # 终了 date of a continuing violation
    discovered: dt.date | None = None
    violated: list[LawRef] = Field(default_factory=list)
    # Quantities that criminal thresholds and discretion bands depend on.
    illegal_income: Decimal | None = Field(default=None, ge=0)
    sales_amount: Decimal | None = Field(default=None, ge=0)
    goods_value: Decimal | None = Field(default=None, ge=0)
    area_mu: Decimal | None = Field(default=None, ge=0)
    area_m2: Decimal | None = Field(default=None, ge=0)
    land_type: str = ""  # 基本农田 / 耕地 / 林地 / 草原 / 其他
    circumstances: list[str] = Field(default_factory=list)  # 首次违法, 主动消除, 从轻 …
    harm_to_life_or_finance: bool = False  # §36 five-year limitation


class Review(_Model):
    """Facts that decide whether the decision is a 重大执法决定."""

    major_public_interest: bool = False
    major_social_impact: bool = False
    major_rights: bool = False
    complex_case: bool = False
    hearing_requested: bool = False
    hearing_waived: bool = False
    referral_required: bool = False
    referred: bool = False
    reviewer: str = ""


class Evidence(_Model):
    """An item on the evidence list (证据清单)."""

    kind: str  # 书证 / 物证 / 视听资料 / 电子数据 / 证人证言 / 当事人的陈述 / 鉴定意见 / 勘验笔录、现场笔录
    name: str
    source: str = ""
    date: dt.date | None = None
    file: str = ""  # evidence/<sha256>.<ext> when attached


class Item(_Model):
    """An item in a 财物清单 (seized or preserved goods)."""

    name: str
    spec: str = ""
    quantity: str = ""
    note: str = ""
