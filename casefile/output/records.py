"""What was said and seen, as recorded: the content of 笔录 and records that no other
case fact holds (询问 questions and answers, what the officers saw on site, who said
what at the hearing, the 陈述申辩 and its 复核, each participant's opinion in the
集体讨论).

Entered from a TOML or JSON file (``casefile doc facts CASE FILE``) and kept in
``case.toml`` under ``extra.records``. A record whose content is not entered is
printed with ruled blank lines to fill by hand — the program never writes an
answer, a statement or an opinion that nobody gave.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casefile.errors import ValidationError
from casefile.model.validation import validate

KEY = "records"


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class QA(_M):
    q: str = Field(min_length=1)
    a: str = ""


class Inquiry(_M):
    """询问笔录."""

    start: str = ""  # 2026年3月5日9时30分 as written on the form
    end: str = ""
    place: str = ""
    interviewee: str = ""
    id_number: str = ""
    relation: str = ""  # 法定代表人 / 委托代理人（附授权委托书）/ 员工 …
    phone: str = ""
    recorder: str = ""
    recusal: str = ""  # the answer to the printed 回避 question
    qa: list[QA] = Field(default_factory=list)


class Inspection(_M):
    """现场笔录: what was seen, not what was later found."""

    start: str = ""
    end: str = ""
    present: str = ""  # 现场负责人 and ID
    witness: str = ""
    observed: str = ""
    recorder: str = ""  # 记录人 as recorded (never guessed from the officers)
    matter: str = ""  # 检查事项（行政检查：抽查事项）
    result: str = ""  # 检查结果（行政检查的检查记录与检查结果告知书）


class Statement(_M):
    speaker: str = Field(min_length=1)
    text: str = Field(min_length=1)


class Hearing(_M):
    """听证笔录 / 听证报告."""

    start: str = ""
    end: str = ""
    members: str = ""  # 听证员
    recorder: str = ""
    agents: str = ""  # 委托代理人
    public: str = ""  # 公开 / 不公开（理由）
    statements: list[Statement] = Field(default_factory=list)
    host_opinion: str = ""  # 听证主持人意见


class StatementRecord(_M):
    """陈述申辩笔录 and its 复核."""

    text: str = ""
    review: str = ""
    place: str = ""  # 地点 where the statement was heard (never the agency's name by default)
    start: str = ""
    end: str = ""
    recorder: str = ""


class Opinion(_M):
    name: str = Field(min_length=1)
    role: str = ""
    opinion: str = Field(min_length=1)


class Discussion(_M):
    """集体讨论记录."""

    place: str = ""
    start: str = ""
    end: str = ""
    host: str = ""  # 主持人 as recorded (never the first 负责人 of the register)
    report: str = ""  # 承办人汇报的案情和拟处理意见, as said at the meeting
    recorder: str = ""
    members: list[str] = Field(default_factory=list)
    opinions: list[Opinion] = Field(default_factory=list)
    conclusion: str = ""


class Decision(_M):
    """What the 决定书 says beyond the facts of the violation, as the agency decided it."""

    correction: str = ""  # 责令改正的内容和期限（空：只写“责令改正”）
    discretion: str = ""  # 裁量理由：为什么是这个数额
    review: str = ""  # 对陈述申辩、听证意见的复核意见


class License(_M):
    """行政许可: what was applied for, received, asked to be corrected and decided, as recorded
    (the acts hold the dates; these the content the 许可 documents state)."""

    matter: str = ""  # 申请事项（空：取“申请”行为的说明）
    materials: list[str] = Field(default_factory=list)  # 收到的申请材料（接收凭证）
    corrections: list[str] = Field(default_factory=list)  # 需要补正的全部内容（§32第一款第（四）项）
    correction_deadline: str = ""  # 补正期限，如“2026年11月20日前”
    rejection_reason: str = ""  # 不予受理的理由（§32第一款第（一）（二）项）
    competent_organ: str = ""  # 应当向其申请的行政机关（§32第一款第（二）项）
    present: str = ""  # 实地核查时申请人在场人员
    verification: str = ""  # 实地核查情况（空：取“实地核查”行为的说明）
    interested: str = ""  # 利害关系人（§47）
    review_opinion: str = ""  # 审查人员在听证中提出的审查意见、证据和理由（§48第一款第（四）项）
    basis: str = ""  # 作出许可决定依据的法律、法规条款
    scope: str = ""  # 准予许可的事项和范围（空：申请事项）
    term: str = ""  # 许可有效期限，如“2026年11月25日至2031年11月24日”
    certificate: str = ""  # 许可证件名称及编号
    refusal_reason: str = ""  # 不予许可的理由（§38第二款；空：取“不予许可”行为的说明）
    extension_reason: str = ""  # 延长审查期限的理由（§42；空：取“延长审查期限”行为的说明）


class Coercion(_M):
    """行政强制: the content of the 查封扣押 and 强制执行 documents that no act or measure holds."""

    seizure_reason: str = ""  # 查封扣押的理由（空：“查封扣押”行为的说明，再无则为案由“涉嫌……”）
    seizure_basis: str = ""  # 查封扣押依据的法律条款（§24第二款第（二）项）
    custody_place: str = ""  # 查封扣押财物的存放地点
    extension_reason: str = ""  # 延长查封扣押期限的理由（§25；空：取“查封扣押延期”行为的说明）
    release_reason: str = ""  # 解除的理由（§28；空：取“解除查封扣押”行为的说明）
    obligation: str = ""  # 催告履行的义务（空：本案决定的处理内容）
    deadline: str = ""  # 履行义务的期限（§35第（一）项）
    method: str = ""  # 履行义务的方式（§35第（二）项）
    payment: str = ""  # 金钱给付的方式（§35第（三）项）
    enforcement_basis: str = ""  # 强制执行的依据（§37第二款第（二）项）
    enforcement_method: str = ""  # 强制执行的方式和时间（§37第二款第（三）项）
    substitute_reason: str = ""  # 代履行的理由和依据（§51第一款第（一）项）
    substitute_method: str = ""  # 代履行的方式和时间
    substitute_object: str = ""  # 代履行的标的
    substitute_budget: str = ""  # 代履行的费用预算
    substitute_party: str = ""  # 代履行人
    court: str = ""  # 申请强制执行的人民法院（§54；空：工作区所在地的人民法院）
    applicant_head: str = ""  # 申请机关负责人（§55第二款）


class Service(_M):
    """送达回证: who received the document where, as recorded (empty: ruled blanks)."""

    recipient: str = ""  # 受送达人（空：当事人）
    address: str = ""  # 送达地址（空：当事人的住所）
    signer: str = ""  # 签收人（本人或代收人）
    witness: str = ""  # 见证人（留置送达）
    note: str = ""  # 留置事由等


class Records(_M):
    inquiry: Inquiry = Field(default_factory=Inquiry)
    inspection: Inspection = Field(default_factory=Inspection)
    hearing: Hearing = Field(default_factory=Hearing)
    statement: StatementRecord = Field(default_factory=StatementRecord)
    discussion: Discussion = Field(default_factory=Discussion)
    decision: Decision = Field(default_factory=Decision)
    license: License = Field(default_factory=License)
    coercion: Coercion = Field(default_factory=Coercion)
    service: Service = Field(default_factory=Service)
    numbers: dict[str, str] = Field(default_factory=dict)  # catalogue code → the document's own 文号


def of_case(extra: dict[str, Any]) -> Records:
    return validate(Records, extra.get(KEY, {}), "案件记录（extra.records）")


def read_file(path: Path) -> dict[str, Any]:
    """A facts file: TOML (.toml) or JSON (.json)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ValidationError(f"无法读取 {path}：{e.strerror}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValidationError(f"{path} 不是 UTF-8 编码的文本") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ValidationError(f"{path} 不是有效的 {'JSON' if path.suffix.lower() == '.json' else 'TOML'} 文件", details=[str(e)]) from None
    if not isinstance(data, dict):
        raise ValidationError(f"{path} 的顶层应当是表（键值对）")
    return data


def merge(current: Records, data: dict[str, Any], source: str) -> Records:
    """The entered sections replace the same sections of what was recorded before."""
    new = validate(Records, data, source)
    merged = current.model_dump()
    for key in data:
        merged[key] = new.model_dump()[key]
    return Records.model_validate(merged)


def enter(ws: Any, case_ref: str, path: Path) -> dict[str, Any]:
    """Record the content of 笔录 and records from a file into the case; returns which
    sections were entered. Sections in the file replace the same sections."""
    data = read_file(path)
    with ws.case_lock(ws.resolve(case_ref)):  # read, merge and write back as one step
        case = ws.load_case(case_ref)
        merged = merge(of_case(case.extra), data, str(path))
        extra = dict(case.extra)
        extra[KEY] = compact(merged.model_dump())
        case.extra = extra
        ws.save_case(case, act="录入笔录记录", stage="调查")
    return {"case": case.id, "file": str(path), "sections": sorted(data)}


def compact(obj: Any) -> Any:
    """Only what was entered is kept in case.toml (TOML has no null, and short files read better)."""
    if isinstance(obj, dict):
        out = {k: compact(v) for k, v in obj.items()}
        return {k: v for k, v in out.items() if v not in ("", [], {}, None)}
    if isinstance(obj, list):
        return [compact(x) for x in obj]
    return obj
