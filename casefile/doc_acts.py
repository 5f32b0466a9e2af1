"""The acts a 许可, 强制, 检查 or 审计 paper records — with its date, the term it sets and who did
it — read by the rules of ``casefile/data/doc_acts.toml`` (issue 28), so that an imported dossier
of these types is checked by its own pack. Also the draw a 双随机 record names (extra.draw)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from casefile.extract.entities import compiled, parse_date
from casefile.model import Act, ActKind, Case

FILE = Path(__file__).resolve().parent / "data" / "doc_acts.toml"
DATE = r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
_ANY_DATE = re.compile(DATE)
_SPLIT = re.compile(r"[、，,；;\s]+")
_NAME = re.compile(r"^[\u4e00-\u9fa5]{2,4}$")


@dataclass(frozen=True)
class Rule:
    doc: str
    act: ActKind
    date: str
    date_pattern: re.Pattern[str] | None
    end_pattern: re.Pattern[str] | None
    officers: str
    officers_pattern: re.Pattern[str] | None
    when: re.Pattern[str] | None


def _re(p: str | None) -> re.Pattern[str] | None:
    return re.compile(p.replace("DATE", DATE)) if p else None


@lru_cache(maxsize=1)
def rules() -> list[Rule]:
    data = tomllib.loads(FILE.read_text(encoding="utf-8"))
    return [Rule(r["doc"], ActKind(r["act"]), r.get("date", "last"), _re(r.get("date_pattern")), _re(r.get("end_pattern")),
                 r.get("officers", ""), _re(r.get("officers_pattern")), _re(r.get("when"))) for r in data["acts"]]


def _dates(text: str) -> list:
    return [d for m in _ANY_DATE.finditer(text) if (d := parse_date(m.group(0)))]


def _date_of(rule: Rule, text: str):
    if rule.date_pattern and (m := rule.date_pattern.search(text)):
        return parse_date(re.sub(r"\s", "", m.group(1)))
    dates = _dates(text)
    if rule.date == "none" or not dates:
        return None
    return dates[-1] if rule.date == "last" else dates[0]


def certificates(text: str) -> list[str]:
    """The officers' certificate numbers a paper names (the extractor's CERT patterns)."""
    return list(dict.fromkeys(m.group(1) for pat in compiled()["CERT"] for m in pat.finditer(text)))


def _officers(rule: Rule, text: str) -> list[str]:
    if rule.officers == "certificates":
        return certificates(text)
    if rule.officers_pattern and (m := rule.officers_pattern.search(text)):
        return [n for n in _SPLIT.split(m.group(1)) if _NAME.match(n)]
    return []


def acts_from(case: Case, docs: list[tuple[str, str]]) -> tuple[int, list[str]]:
    """Add to ``case`` the acts its documents ((catalogue code, text) each) record and it lacks;
    an act already on file on the same day is not added twice. Returns (acts added, other facts filled)."""
    have = {(a.kind, a.date) for a in case.acts}
    added = 0
    for code, text in docs:
        flat = re.sub(r"[ \t\u3000]+", "", text)
        for rule in rules():
            if rule.doc != code or (rule.when and not rule.when.search(flat)):
                continue
            day = _date_of(rule, flat)
            if day is None or (rule.act, day) in have:
                continue
            end = None
            if rule.end_pattern and (m := rule.end_pattern.search(flat)):
                end = parse_date(m.group(1))
            act = Act(kind=rule.act, date=day, officers=_officers(rule, flat), note=f"据导入的文书（{code}）")
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
    m = re.search(r"抽取(?:时间|日期)[：:]?(" + DATE + ")", flat)
    day = parse_date(m.group(1)) if m else (_dates(flat) or [None])[0]
    certs = certificates(flat)
    if day is None or not certs:
        return None
    return {"date": day.isoformat(), "officers": certs}
