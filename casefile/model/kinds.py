"""The case's closed vocabularies: case types, procedures, states, party, act, measure and service kinds.

Their values are Chinese, as agencies write them, so ``case.toml`` stays readable in any editor.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from casefile.law import casetypes


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
