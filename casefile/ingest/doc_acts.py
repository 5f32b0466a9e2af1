"""The acts a 许可, 强制, 检查 or 审计 paper records — with its date, the term it sets and who did
it — read by the rules of ``casefile/data/doc_acts.toml`` (issue 28), so that an imported dossier
of these types is checked by its own pack. Also the draw a 双随机 record names (extra.draw)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.model.cn import parse_cn_number
from casefile.ingest.extract.entities import compiled, parse_date
from casefile.model import Act, ActKind, Case
DATA = Path(str(resources.files("casefile"))) / "data"  # the package's data, wherever this module sits

FILE = DATA / "doc_acts.toml"
DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
_ANY_DATE = re.compile(DATE)
NUM = r"[0-9]{1,3}|[一二三四五六七八九十百]{1,4}"
_SPLIT = re.compile(r"[、，,；;\s]+")
_NAME = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")
# without certificate numbers, the names behind the label of the people who acted (检查人员：王建国、李晓梅)
# (the line whole: 检查人员：冯立军（33092100301）、潘雪（33092100305）; 执法人员姓名及执法证号：骆志刚 33092100611；项敏 …)
_NAMES = re.compile(r"(?<![被])(?:执法人员|检查人员|核查人员|勘察人员|勘查人员|审计人员|审计组成员|询问人|勘验人|检查（勘察）人)(?:姓名)?(?:及执法证号)?[：:]([^\n。]+)")
_NOT_NAMES = re.compile(r"[（(][^）)]*[）)]|(?:执法证件?号?码?|证件号码?|证号)(?:分别为|分别是|为)?[：:]?[^、，,；;\s]*?\d+号?|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新][\u4e00-\u9fa5]{0,2}?(?:字第|字|第)[A-Z]{0,3}\d+号?|等[一二两三四五六七八九十\d]*人.*$|[，,]已?向?当事人.*$|[，,]?已?出示.*$")
_NEXT_LABEL = re.compile(r"(?:被[\u4e00-\u9fa5]{1,6}|记录人|当事人|现场负责人|地点|时间|职务|单位)[：:].*$")  # 询问人：张三　被询问人：李四 — the next label ends the list


@dataclass(frozen=True)
class Rule:
    doc: str
    act: ActKind
    date: str
    date_pattern: re.Pattern[str] | None
    end_pattern: re.Pattern[str] | None
    end_days_pattern: re.Pattern[str] | None  # … or a number of days (第1组) counted from end_from
    end_from: ActKind | None  # the act the days run from (its term's end if it has one, else its date); none: this act
    officers: str
    officers_pattern: re.Pattern[str] | None
    when: re.Pattern[str] | None
    case_types: tuple[str, ...]  # only in cases of these types (empty: any)
    recorded: re.Pattern[str] | None = None  # the paper says the act was recorded on audio/video (执法记录仪全程录像)
    adds: bool = True  # False: the paper only tells about an act on file that day (a 清单 of the 查封扣押), never adds one


def _re(p: str | None) -> re.Pattern[str] | None:
    return re.compile(p.replace("DATE", DATE).replace("NUM", NUM)) if p else None


def _group(m: re.Match[str]) -> str:
    """The first group that matched (a pattern may give its date in either of two places)."""
    return next(g for g in m.groups() if g is not None)


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    data = tomllib.loads(FILE.read_text(encoding="utf-8"))
    return [Rule(r["doc"], ActKind(r["act"]), r.get("date", "last"), _re(r.get("date_pattern")), _re(r.get("end_pattern")),
                 _re(r.get("end_days_pattern")), ActKind(r["end_from"]) if r.get("end_from") else None,
                 r.get("officers", ""), _re(r.get("officers_pattern")), _re(r.get("when")), tuple(r.get("case_types", ())),
                 _re(r.get("recorded")), r.get("adds", True))
            for r in data["acts"]]


def _dates(text: str) -> list:
    return [d for m in _ANY_DATE.finditer(text) if (d := parse_date(m.group(0)))]


def _date_of(rule: Rule, text: str):
    if rule.date_pattern and (m := rule.date_pattern.search(text)):
        return parse_date(_group(m))
    dates = _dates(text)
    if rule.date == "none" or not dates:
        return None
    return dates[-1] if rule.date == "last" else dates[0]


_MORE_CERTS = re.compile(r"(?:号?[、，,和及]\s*((?:[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新][\u4e00-\u9fa5]{0,2}?(?:字第|字|第)?)?[A-Z]{0,3}\d{6,20}))")


def certificates(text: str) -> list[str]:
    """The officers' certificate numbers a paper names (the extractor's CERT patterns), with the numbers
    listed after the first behind one label (执法证号：33092100301、33092100305)."""
    out = []
    for pat in compiled()["CERT"]:
        for m in pat.finditer(text):
            out.append(m.group(1))
            end = m.end()
            while more := _MORE_CERTS.match(text, end):
                out.append(more.group(1))
                end = more.end()
    return list(dict.fromkeys(out))


def _officers(rule: Rule, text: str) -> list[str]:
    if rule.officers == "certificates" and (certs := certificates(text)):
        # names listed with fewer certificates (张三、李四（执法证号：…）): the names count the people
        names = officer_names(text)
        return certs if len(certs) >= len(names) else names
    if rule.officers_pattern:
        m = rule.officers_pattern.search(text)
        return [n for n in _SPLIT.split(m.group(1)) if _NAME.match(n)] if m else []
    return officer_names(text) if rule.officers else []


def officer_names(text: str) -> list[str]:
    """The names behind the first label of the people who acted, their certificate numbers and notes dropped."""
    m = _NAMES.search(text)
    if not m:
        return []
    listed = _NEXT_LABEL.sub("", _NOT_NAMES.sub("、", m.group(1)))
    return [n for n in re.split(r"[^\u4e00-\u9fa5]+", listed) if _NAME.match(n)]


def _end_of(rule: Rule, text: str, day, case: Case):
    """The end of the term the act sets: a date written (至…, 于…前), or days counted from an act on file."""
    if rule.end_pattern and (m := rule.end_pattern.search(text)):
        return parse_date(_group(m))
    if rule.end_days_pattern and (m := rule.end_days_pattern.search(text)):
        base = day
        froms = sorted((a for a in case.acts if a.kind == rule.end_from), key=lambda a: a.date)
        if froms:
            # the latest before this act (the seizure an extension extends), else the first after it (the decision's 送达)
            before = [a for a in froms if a.date <= day]
            start = before[-1] if before else froms[0]
            base = start.end_date or start.date
        return base + dt.timedelta(days=parse_cn_number(_group(m)))
    return None


def acts_from(case: Case, docs: list[tuple[str, str]]) -> tuple[int, list[str]]:
    """Add to ``case`` the acts its documents ((catalogue code, text) each) record and it lacks;
    an act already on file on the same day is not added twice. Returns (acts added, other facts filled)."""
    have = {(a.kind, a.date) for a in case.acts}
    added = 0
    flats = [(code, re.sub(r"[ \t\u3000]+", "", text)) for code, text in docs]
    # a term counted from another act's (延长查封期限三十日) is read once that act is on file
    work = sorted(((rule, flat) for code, flat in flats for rule in rules() if rule.doc == code), key=lambda w: w[0].end_from is not None)
    for rule, flat in work:
        if (rule.when and not rule.when.search(flat)) or (rule.case_types and case.case_type.value not in rule.case_types):
            continue
        day = _date_of(rule, flat)
        if day is None:
            continue
        if not rule.adds and (rule.act, day) not in have:
            continue
        end = _end_of(rule, flat, day, case)
        if (rule.act, day) in have:
            # the act is on file already (a decision's date under its seal): the term it sets is added
            same = next(a for a in case.acts if (a.kind, a.date) == (rule.act, day))
            if end and end >= day and same.end_date is None:
                same.end_date = end
            if rule.recorded and rule.recorded.search(flat):
                same.recorded = True
            if rule.officers and len(named := _officers(rule, flat)) > len(same.officers):
                # read first from a narrative (本局于…进行现场检查) or from the first certificate of a list: the paper
                # that records the act names everyone who did it
                same.officers = named
            continue
        act = Act(kind=rule.act, date=day, officers=_officers(rule, flat), note=f"据导入的文书（{rule.doc}）",
                  recorded=True if rule.recorded and rule.recorded.search(flat) else None)
        if end and end >= day:
            act.end_date = end
        case.acts.append(act)
        have.add((rule.act, day))
        added += 1
    filled = []
    draw = next((d for c, t in docs if c == "draw_record" and (d := draw_of(t))), None)
    if draw and not case.extra.get("draw"):
        case.extra["draw"] = draw
        filled.append("extra.draw")
    return added, filled


def draw_of(text: str) -> dict[str, Any] | None:
    """The draw a 随机抽取记录 names: when it was made and the officers it matched (certificates)."""
    flat = re.sub(r"[ \t\u3000]+", "", text)
    m = re.search(r"(?:抽取|摇号)(?:时间|日期)[：:]?(" + DATE + ")", flat)
    day = parse_date(m.group(1)) if m else (_dates(flat) or [None])[0]
    certs = certificates(flat)
    if day is None or not certs:
        return None
    return {"date": day.isoformat(), "officers": certs}
