"""The case's own facts and the content of its records, entered one section at a time.

``casefile.law.entries`` checks the list entries (当事人, 执法行为 …); this module checks the
facts a case holds once — 违法事实, 违反条款, 案件来源, 承办人 — and the content of its
records (陈述申辩, 听证, 集体讨论, 现场, 询问, 决定书的内容, 送达), for the CLI's
``casefile facts add|edit CASE 违法事实 …`` and the TUI's 案情 and 记录 tabs alike.
A check returns a function that applies the entry to a case, or {form field: what is
wrong, in Chinese}; nothing is written here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable

from casefile.law import entries
from casefile.output import records as rec
from casefile.errors import ValidationError
from casefile.model import ActKind, Case
from casefile.store.agency import OfficerRegister

Errors = dict[str, str]
Apply = Callable[[Case], Case]


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    fields: tuple[str, ...]  # the form fields, in order
    record: str = ""  # the Records section it fills ('' for the case's own facts)
    lists: tuple[str, ...] = ()  # fields that hold several values


SECTIONS: dict[str, Section] = {s.label: s for s in [
    Section("violation", "违法事实", ("text", "date", "end_date")),
    Section("violated", "违反条款", ("basis",)),
    Section("source", "案件来源", ("text",)),
    Section("handlers", "承办人", ("officers",), lists=("officers",)),
    Section("statement", "陈述申辩", ("text", "review", "place", "start", "end", "recorder"), record="statement"),
    Section("hearing", "听证", ("start", "end", "members", "recorder", "agents", "public", "statements", "host_opinion"),
            record="hearing", lists=("statements",)),
    Section("discussion", "集体讨论", ("place", "start", "end", "host", "members", "recorder", "report", "opinions", "conclusion"),
            record="discussion", lists=("members", "opinions")),
    Section("inspection", "现场", ("start", "end", "present", "witness", "recorder", "observed"), record="inspection"),
    Section("inquiry", "询问", ("start", "end", "place", "interviewee", "id_number", "relation", "phone", "recorder"),
            record="inquiry"),
    Section("decision", "决定内容", ("correction", "discretion", "review"), record="decision"),
    Section("service", "送达", ("recipient", "address", "signer", "witness", "note"), record="service"),
]}
BY_KEY = {s.key: s for s in SECTIONS.values()}

# the Chinese names of the fields (form labels, CLI messages)
FIELD_LABELS = {
    "text": "内容", "date": "发生日期", "end_date": "终了日期", "basis": "违反的条款", "officers": "承办人",
    "review": "本机关的复核意见", "place": "地点", "start": "开始时间", "end": "结束时间", "recorder": "记录人",
    "members": "参加人员", "agents": "委托代理人", "public": "公开与否", "statements": "发言（发言人：内容）",
    "host_opinion": "主持人意见", "host": "主持人", "opinions": "讨论意见（姓名（职务）：意见）", "conclusion": "结论", "report": "承办人汇报",
    "present": "现场负责人", "witness": "见证人", "observed": "现场情况", "interviewee": "被询问人",
    "id_number": "身份证件号码", "relation": "与当事人关系", "phone": "联系电话", "correction": "责令改正",
    "discretion": "裁量理由", "recipient": "受送达人", "address": "送达地址", "signer": "签收人", "note": "备注",
}
SECTION_TEXT_LABELS = {"violation": {"text": "违法事实"}, "source": {"text": "案件来源"},
                       "statement": {"text": "陈述申辩内容"}, "hearing": {"members": "听证员"}}

_TIME = re.compile(r"^(\d{1,2})\s*[:：时点]\s*(\d{1,2})\s*分?$")
_NAMED = re.compile(r"^\s*([^：:]+?)\s*(?:[（(]([^）)]*)[）)])?\s*[：:]\s*(.+)$", re.S)


def labels(key: str) -> dict[str, str]:
    return {**FIELD_LABELS, **SECTION_TEXT_LABELS.get(key, {})}


def section(name: str) -> Section:
    s = SECTIONS.get(name) or BY_KEY.get(name)
    if s is None:
        raise KeyError(name)
    return s


def _text(v: Any) -> str:
    return str(v or "").strip()


def _list(v: Any) -> list[str]:
    if isinstance(v, str):
        v = re.split(r"[\n；;]", v)
    return [x.strip() for x in (v or []) if str(x).strip()]


def check_time(text: str) -> tuple[str, str]:
    """A time of day as forms print it (9时30分), from 9:30, 09：30 or 9时30分."""
    t = _text(text)
    if not t:
        return "", ""
    m = _TIME.match(t)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return "", f"“{t}”不是时间，应写作如 9:30 或 9时30分"
    return f"{int(m.group(1))}时{int(m.group(2)):02d}分", ""


def _minutes(t: str) -> int:
    h, m = _TIME.match(t).groups()
    return int(h) * 60 + int(m)


# -- the case's own facts --------------------------------------------------------------------------
def _violation(case: Case, data: dict, today: dt.date, reg: OfficerRegister, adding: bool) -> tuple[Apply | None, Errors]:
    errors: Errors = {}
    text = _text(data.get("text"))
    if not text:
        errors["text"] = "必填：写明当事人的违法事实（时间、地点、行为、情节）"
    start, msg = entries.check_date(data.get("date"), today)
    if msg:
        errors["date"] = msg
    end, msg = entries.check_date(data.get("end_date"), today)
    if msg:
        errors["end_date"] = msg
    elif end and start and end < start:
        errors["end_date"] = f"终了日期 {end} 早于发生日期 {start}"
    if errors:
        return None, errors

    def apply(c: Case) -> Case:
        c.violation.facts, c.violation.occurred_from, c.violation.occurred_to = text, start, end
        return c
    return apply, {}


def _violated(case: Case, data: dict, today: dt.date, reg: OfficerRegister, adding: bool) -> tuple[Apply | None, Errors]:
    refs, msg = entries.parse_basis(data.get("basis") or "")
    if msg:
        return None, {"basis": msg.replace("处罚或措施须写明法律依据", "写明违反的法律条款")}

    def apply(c: Case) -> Case:
        # 添加 adds articles to those recorded; 修改 replaces them
        have = list(c.violation.violated) if adding else []
        c.violation.violated = have + [r for r in refs if r not in have]
        return c
    return apply, {}


def _source(case: Case, data: dict, today: dt.date, reg: OfficerRegister, adding: bool) -> tuple[Apply | None, Errors]:
    text = _text(data.get("text"))
    if text not in entries.case_sources():
        return None, {"text": "请选择：" + "、".join(entries.case_sources())}

    def apply(c: Case) -> Case:
        c.source = text
        return c
    return apply, {}


def _handlers(case: Case, data: dict, today: dt.date, reg: OfficerRegister, adding: bool) -> tuple[Apply | None, Errors]:
    filed = case.first_date(ActKind.FILING) or today
    certs, msg = entries.check_officers(_list(data.get("officers")), filed, reg)
    need, basis = entries.handler_rule()
    if not msg and len(certs) < need:
        msg = f"承办人不得少于{need}名持证执法人员（{basis}），现为{len(certs)}名"
    if msg:
        return None, {"officers": msg}

    def apply(c: Case) -> Case:
        c.handlers = certs
        return c
    return apply, {}


OWN = {"violation": _violation, "violated": _violated, "source": _source, "handlers": _handlers}


# -- the records' content ----------------------------------------------------------------------------
def _named(items: list[str], what: str) -> tuple[list[tuple[str, str, str]], str]:
    """“发言人：内容” / “姓名（职务）：意见” lines as (name, role, text)."""
    out, bad = [], []
    for line in items:
        m = _NAMED.match(line)
        if not m:
            bad.append(line[:20])
        else:
            out.append((m.group(1).strip(), (m.group(2) or "").strip(), m.group(3).strip()))
    return out, (f"应写作“{what}”，每项一条：" + "、".join(f"“{b}”" for b in bad)) if bad else ""


def _record(case: Case, s: Section, data: dict, today: dt.date) -> tuple[Apply | None, Errors]:
    errors: Errors = {}
    values: dict[str, Any] = {}
    for f in s.fields:
        if f in ("start", "end"):
            values[f], msg = check_time(data.get(f))
            if msg:
                errors[f] = msg
        elif f in s.lists:
            values[f] = _list(data.get(f))
        else:
            values[f] = _text(data.get(f))
    if values.get("start") and values.get("end") and "start" not in errors and "end" not in errors:
        if _minutes(values["end"]) < _minutes(values["start"]):
            errors["end"] = f"结束时间 {values['end']} 早于开始时间 {values['start']}"
    if s.key == "hearing":
        said, msg = _named(values.pop("statements"), "发言人：内容")
        values["statements"] = [{"speaker": n + (f"（{r}）" if r else ""), "text": t} for n, r, t in said]
        if msg:
            errors["statements"] = msg
    if s.key == "discussion":
        said, msg = _named(values.pop("opinions"), "姓名（职务）：意见")
        values["opinions"] = [{"name": n, "role": r, "opinion": t} for n, r, t in said]
        if msg:
            errors["opinions"] = msg
        unknown = [o["name"] for o in values["opinions"] if values["members"] and o["name"] not in values["members"]]
        if unknown:
            errors["opinions"] = "发表意见的人不在参加人员中：" + "、".join(unknown)
    if not any(v for v in values.values()):
        errors[s.fields[0]] = "至少填写一项"
    if errors:
        return None, errors
    try:
        merged = rec.merge(rec.of_case(case.extra), {s.record: values}, s.label)
    except ValidationError as e:
        return None, {s.fields[0]: "；".join(e.details) or e.message}

    def apply(c: Case) -> Case:
        extra = dict(c.extra)
        extra[rec.KEY] = rec.compact(merged.model_dump())
        c.extra = extra
        return c
    return apply, {}


def check(case: Case, name: str, data: dict[str, Any], today: dt.date, register: OfficerRegister,
          *, adding: bool = True) -> tuple[Apply | None, Errors]:
    """(a function applying the entry to a case, {}) or (None, {field: what is wrong})."""
    s = section(name)
    if s.record:
        return _record(case, s, data, today)
    return OWN[s.key](case, data, today, register, adding)


def current(case: Case, name: str) -> dict[str, Any]:
    """What the case holds for a section, as the form's fields (for 修改 and the TUI)."""
    s = section(name)
    v = case.violation
    if s.key == "violation":
        return {"text": v.facts, "date": v.occurred_from.isoformat() if v.occurred_from else "",
                "end_date": v.occurred_to.isoformat() if v.occurred_to else ""}
    if s.key == "violated":
        return {"basis": "；".join(r.cite() for r in v.violated)}
    if s.key == "source":
        return {"text": case.source}
    if s.key == "handlers":
        return {"officers": list(case.handlers)}
    data = getattr(rec.of_case(case.extra), s.record).model_dump()
    if s.key == "hearing":
        data["statements"] = [f"{x['speaker']}：{x['text']}" for x in data["statements"]]
    if s.key == "discussion":
        data["opinions"] = [f"{o['name']}{'（' + o['role'] + '）' if o['role'] else ''}：{o['opinion']}" for o in data["opinions"]]
    return {f: data.get(f, "") for f in s.fields}


def is_set(case: Case, name: str) -> bool:
    return any(v for v in current(case, name).values())
