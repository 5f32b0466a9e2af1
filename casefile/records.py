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
from casefile.validation import validate

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


class Opinion(_M):
    name: str = Field(min_length=1)
    role: str = ""
    opinion: str = Field(min_length=1)


class Discussion(_M):
    """集体讨论记录."""

    place: str = ""
    recorder: str = ""
    members: list[str] = Field(default_factory=list)
    opinions: list[Opinion] = Field(default_factory=list)
    conclusion: str = ""


class Decision(_M):
    """What the 决定书 says beyond the facts of the violation, as the agency decided it."""

    correction: str = ""  # 责令改正的内容和期限（空：只写“责令改正”）
    discretion: str = ""  # 裁量理由：为什么是这个数额
    review: str = ""  # 对陈述申辩、听证意见的复核意见


class Records(_M):
    inquiry: Inquiry = Field(default_factory=Inquiry)
    inspection: Inspection = Field(default_factory=Inspection)
    hearing: Hearing = Field(default_factory=Hearing)
    statement: StatementRecord = Field(default_factory=StatementRecord)
    discussion: Discussion = Field(default_factory=Discussion)
    decision: Decision = Field(default_factory=Decision)
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
    case = ws.load_case(case_ref)
    merged = merge(of_case(case.extra), data, str(path))
    extra = dict(case.extra)
    extra[KEY] = _compact(merged.model_dump())
    case.extra = extra
    ws.save_case(case, act="录入笔录记录", stage="调查")
    return {"case": case.id, "file": str(path), "sections": sorted(data)}


def _compact(obj: Any) -> Any:
    """Only what was entered is kept in case.toml (TOML has no null, and short files read better)."""
    if isinstance(obj, dict):
        out = {k: _compact(v) for k, v in obj.items()}
        return {k: v for k, v in out.items() if v not in ("", [], {}, None)}
    if isinstance(obj, list):
        return [_compact(x) for x in obj]
    return obj
