"""The case model: what ``case.toml`` holds, schema version 1.

The schema is documented field by field in ``docs/case-schema.md``. Values that
people read (case type, procedure, state, act kinds) are stored in Chinese, as
agencies write them, so the file stays readable in any editor.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from casefile.law import casetypes
from casefile.model.cn import cn_number

SCHEMA_VERSION = 1


class _CaseTypeBase(str, Enum):
    """A case type: one declaration in casefile/data/case_types (casefile.law.casetypes). The members
    code names (CaseType.PENALTY …) are the built-in declarations that give a ``member``; a type a
    workspace declares in its own folder (行政征收) is accepted by name all the same."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str) and casetypes.find(value) is not None:
            # not kept in the enum's own map: the type is known only while its folder is declared
            member = str.__new__(cls, value)
            member._name_, member._value_ = value, value
            return member
        return None

    @property
    def declaration(self) -> casetypes.CaseTypeDecl:
        return casetypes.get(self.value)


CaseType = _CaseTypeBase("CaseType", [(d.member, d.name) for d in casetypes.all_types() if d.member])  # type: ignore[misc]


def case_type_names() -> list[str]:
    """Every declared case type, in choice-list order (the built-in ones and a workspace's own)."""
    return casetypes.names()


class Procedure(str, Enum):
    SUMMARY = "简易"
    ORDINARY = "普通"
    HEARING = "听证"


class CaseState(str, Enum):
    OPENED = "已立案"
    INVESTIGATING = "调查中"
    IN_REVIEW = "待法制审核"
    DECIDED = "已决定"
    CLOSED = "已结案"
    ARCHIVED = "已归档"


# Binding/lifecycle order of the states; used to tell "later than".
STATE_ORDER = [s for s in CaseState]


class PartyKind(str, Enum):
    NATURAL = "自然人"
    LEGAL = "法人"
    ORG = "其他组织"
    INDIVIDUAL_BUSINESS = "个体工商户"


class ActKind(str, Enum):
    SOURCE = "案源登记"
    FILING = "立案"
    INSPECTION = "现场检查"
    INQUIRY = "询问"
    INVESTIGATION = "调查取证"
    SAMPLING = "抽样"
    PRESERVATION = "先行登记保存"
    PRESERVATION_DECISION = "先行登记保存处理"
    SEIZURE = "查封扣押"
    SEIZURE_EXTENSION = "查封扣押延期"
    SEIZURE_RELEASE = "解除查封扣押"
    INVESTIGATION_END = "调查终结"
    SUBMIT_REVIEW = "提交法制审核"
    NOTICE = "告知"
    NOTICE_SERVED = "告知书送达"
    STATEMENT = "陈述申辩"
    STATEMENT_WAIVED = "放弃陈述申辩"
    HEARING_REQUEST = "听证申请"
    HEARING_NOTICE = "听证通知"
    HEARING = "听证"
    LEGAL_REVIEW = "法制审核"
    COLLECTIVE_DISCUSSION = "集体讨论"
    HEAD_APPROVAL = "负责人审批"  # 行政处罚法§57第一款：负责人对调查结果进行审查；note 以“同意”或“不同意”开头
    DECISION = "决定"
    SERVICE = "送达"
    PAYMENT = "缴款"
    EXECUTION = "执行"
    REFERRAL = "移送"
    CLOSING = "结案"
    ARCHIVING = "归档"
    PUBLICATION = "公示"
    WITHDRAWAL = "撤回公示"
    REVOCATION = "撤销变更"
    # 行政许可（行政许可法§29–§44）
    APPLICATION = "申请"
    ACCEPTANCE = "受理"
    REJECTION = "不予受理"
    CORRECTION_NOTICE = "补正通知"
    CORRECTION = "补正材料"
    SITE_VERIFICATION = "实地核查"
    LICENSE_HEARING_RIGHTS = "许可听证告知"
    TESTING = "检验检测鉴定"  # time excluded from the decision period (§45): date … end_date
    REVIEW_EXTENSION = "延长审查期限"
    GRANT = "准予许可"
    REFUSAL = "不予许可"
    CERTIFICATE = "颁发证件"
    # 行政强制执行（行政强制法§35–§55）
    URGE = "催告"
    ENFORCEMENT_DECISION = "强制执行决定"
    COURT_APPLICATION = "申请法院强制执行"
    SUBSTITUTE_DECISION = "代履行决定"
    # 行政检查（行政处罚法§55；食品生产经营监督检查管理办法§35 结果现场书面告知、§39 公开）
    INSPECTION_RESULT = "检查结果告知"
    # 审计（审计法§42–§45；实施条例§56：期间以工作日计）
    AUDIT_NOTICE = "审计通知书送达"
    AUDIT_START = "实施审计"
    AUDIT_INQUIRY = "审计调查"
    AUDIT_REPORT_SENT = "审计报告征求意见"
    AUDIT_REPLY = "被审计单位书面意见"
    AUDIT_DECISION = "审计决定"


# the acts that decide a case of each type (行政处罚, 行政许可, 行政强制, 审计)
DECIDING_ACTS = (ActKind.DECISION, ActKind.GRANT, ActKind.REFUSAL, ActKind.ENFORCEMENT_DECISION, ActKind.AUDIT_DECISION)


class ServiceMethod(str, Enum):
    DIRECT = "直接送达"
    LEFT = "留置送达"
    POST = "邮寄送达"
    ELECTRONIC = "电子送达"
    NOTICE = "公告送达"
    ENTRUSTED = "委托送达"


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


class MeasureKind(str, Enum):
    """The kinds of measure the law names (行政处罚法第九条 and the usual 不予处罚).

    ``Measure.kind`` stays free text as agencies write it ("没收违法所得及非法财物",
    "责令停产停业六个月"); :meth:`of` reads such text as one of these kinds, so
    "is this a fine / a confiscation / no penalty" is decided here and nowhere else.
    """

    WARNING = "警告"
    CRITICISM = "通报批评"
    FINE = "罚款"
    CONFISCATE_INCOME = "没收违法所得"
    CONFISCATE_PROPERTY = "没收非法财物"
    SUSPEND_LICENCE = "暂扣许可证件"
    DEMOTE_QUALIFICATION = "降低资质等级"
    REVOKE_LICENCE = "吊销许可证件"
    RESTRICT_ACTIVITY = "限制开展生产经营活动"
    STOP_PRODUCTION = "责令停产停业"
    ORDER_CLOSURE = "责令关闭"
    RESTRICT_EMPLOYMENT = "限制从业"
    DETENTION = "行政拘留"
    NO_PENALTY = "不予行政处罚"

    @classmethod
    def of(cls, text: str) -> "MeasureKind | None":
        """The kind a measure's free text names, or None for a measure the law does not list."""
        try:
            return cls(text)
        except ValueError:
            pass
        if "不予" in text:
            return cls.NO_PENALTY
        if text.startswith("没收"):
            return cls.CONFISCATE_INCOME if "违法所得" in text else cls.CONFISCATE_PROPERTY
        return next((k for k in cls if text.startswith(k.value)), None)

    @property
    def is_fine(self) -> bool:
        return self is MeasureKind.FINE

    @property
    def is_confiscation(self) -> bool:
        return self in (MeasureKind.CONFISCATE_INCOME, MeasureKind.CONFISCATE_PROPERTY)

    @property
    def is_monetary(self) -> bool:
        """A fine or a confiscation: what a 罚没 amount (hearing and major-decision thresholds) adds up."""
        return self.is_fine or self.is_confiscation

    @property
    def is_payable(self) -> bool:
        """罚没款 the party pays in: a fine or confiscated illegal income (confiscated goods are handed over, not paid)."""
        return self in (MeasureKind.FINE, MeasureKind.CONFISCATE_INCOME)


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
