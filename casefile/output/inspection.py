"""双随机、一公开: drawing inspection targets and the officers for each, recording results.

A draw is reproducible: the same targets, ratio, officers, date and seed give the same picks,
whatever order the targets file lists them in (targets and officers are sorted before the
random generator sees them). Each officer drawn must hold a certificate valid on the day of the
draw whose categories cover the matter inspected, and is never sent to the same target as in
that target's previous draw (抽查人员不得连续两次检查同一对象). Plans live in
``<workspace>/inspections/<plan>.json``; every draw and every recorded result is appended to the
hash-chained journal of that folder. The 抽查结果 export is what the agency publishes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from casefile.chain import journal
from casefile.errors import UsageError, ValidationError
from casefile.store.fsutil import atomic_write_text
from casefile.store.workspace import Officer, Workspace

FOLDER = "inspections"
# the targets file's columns, in the names agencies use for them
COLUMNS = {
    "name": ("名称", "检查对象", "对象名称", "单位名称", "name"),
    "code": ("统一社会信用代码", "信用代码", "code"),
    "address": ("地址", "住所", "经营场所", "address"),
    "matter": ("抽查事项", "检查事项", "事项", "matter"),
    "category": ("执法类别", "类别", "领域", "category"),
}


@dataclass
class Target:
    name: str
    code: str = ""
    address: str = ""
    matter: str = ""
    category: str = ""

    @property
    def key(self) -> str:
        return self.code or self.name


@dataclass
class Pick:
    target: Target
    officers: list[dict[str, str]]
    result: str = ""
    result_date: str = ""
    problems: str = ""


@dataclass
class Plan:
    id: str
    day: str
    seed: int
    ratio: float
    officers_per_target: int
    population: int
    targets_sha256: str
    picks: list[Pick] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Plan":
        picks = [Pick(Target(**p["target"]), p["officers"], p.get("result", ""), p.get("result_date", ""), p.get("problems", ""))
                 for p in d.get("picks", [])]
        return cls(**{k: v for k, v in d.items() if k != "picks"}, picks=picks)


def _decode(data: bytes, source: str) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{source} 不是 UTF-8 或 GBK 编码的文本，无法读取检查对象名录")


def read_targets(path: Path) -> tuple[list[Target], str]:
    """The targets of a CSV file (header row in Chinese or English) and the file's hash."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"找不到检查对象名录 {path}")
    data = path.read_bytes()
    rows = list(csv.reader(io.StringIO(_decode(data, str(path)))))
    if not rows:
        raise UsageError(f"{path} 是空文件")
    header = [h.strip() for h in rows[0]]
    where: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names:
                where[key] = i
                break
    if "name" not in where:
        raise UsageError(f"{path} 的首行没有“名称”（或“检查对象”）列", details=[f"首行是：{'，'.join(header)}"])
    targets, seen = [], set()
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        values = {k: (row[i].strip() if i < len(row) else "") for k, i in where.items()}
        if not values["name"]:
            raise UsageError(f"{path} 第{n}行没有检查对象名称")
        t = Target(**values)
        if t.key in seen:
            raise UsageError(f"{path} 第{n}行与前面的行是同一检查对象（{t.key}）")
        seen.add(t.key)
        targets.append(t)
    if not targets:
        raise UsageError(f"{path} 中没有检查对象")
    return targets, hashlib.sha256(data).hexdigest()


def parse_ratio(text: str | float) -> float:
    """5%, 0.05 or 5 (per cent when above 1)."""
    s = str(text).strip()
    try:
        r = float(s[:-1]) / 100 if s.endswith(("%", "％")) else float(s)
    except ValueError:
        raise UsageError(f"抽查比例“{text}”不是数字（例如 5% 或 0.05）") from None
    if r > 1:
        r /= 100
    if not 0 < r <= 1:
        raise UsageError(f"抽查比例“{text}”应在 0 与 100% 之间")
    return r


def _covers(o: Officer, category: str) -> bool:
    return not category or not o.categories or category in o.categories


def _previous_officers(ws: Workspace) -> dict[str, set[str]]:
    """For each target, the certificates sent to it in its most recent earlier draw."""
    last: dict[str, tuple[str, set[str]]] = {}
    for plan in list_plans(ws):
        for p in plan.picks:
            key = p.target.code or p.target.name
            if key not in last or plan.day >= last[key][0]:
                last[key] = (plan.day, {o["certificate"] for o in p.officers})
    return {k: v for k, (_, v) in last.items()}


def draw(ws: Workspace, targets_file: Path, ratio: str | float, seed: int, day: dt.date, *,
         officers_per_target: int = 2, category: str = "", plan_id: str = "") -> Plan:
    targets, digest = read_targets(targets_file)
    r = parse_ratio(ratio)
    if officers_per_target < 2:
        # inspections, like every enforcement act, are carried out by at least two certified officers
        raise UsageError("每个检查对象至少派两名执法人员（--officers 不能小于 2）")
    rng = random.Random(seed)
    population = sorted(targets, key=lambda t: t.key)
    n = max(1, math.ceil(len(population) * r))
    chosen = sorted(rng.sample(population, n), key=lambda t: t.key)
    register = sorted(ws.officers().officers, key=lambda o: o.certificate)
    before = _previous_officers(ws)
    picks, short = [], []
    for t in chosen:
        cat = t.category or category
        eligible = [o for o in register if o.valid_on(day) and _covers(o, cat) and o.certificate not in before.get(t.key, set())]
        if len(eligible) < officers_per_target:
            short.append(f"{t.name}：符合条件的执法人员只有{len(eligible)}名（证件在{day.isoformat()}有效、执法类别含“{cat or '—'}”、"
                         f"且上次未检查该对象），需要{officers_per_target}名")
            continue
        sent = rng.sample(eligible, officers_per_target)
        picks.append(Pick(t, [{"name": o.name, "certificate": o.certificate} for o in sorted(sent, key=lambda o: o.certificate)]))
    if short:
        raise ValidationError("执法人员不足，未抽取", details=short)
    plan = Plan(id=plan_id or f"{day.isoformat()}-{seed}", day=day.isoformat(), seed=seed, ratio=r,
                officers_per_target=officers_per_target, population=len(population), targets_sha256=digest, picks=picks)
    path = _plan_path(ws, plan.id)
    if path.exists():
        raise UsageError(f"抽查计划 {plan.id} 已存在", details=["用 --plan 另取一个编号"])
    atomic_write_text(path, json.dumps(plan.to_dict(), ensure_ascii=False, indent=1))
    journal.append(path.parent, "双随机抽取", "调查",
                   {"plan": plan.id, "seed": seed, "ratio": r, "population": len(population), "targets_sha256": digest,
                    "drawn": [p.target.key for p in picks]}, actor=ws.actor)
    return plan


def _plan_path(ws: Workspace, plan_id: str) -> Path:
    if not re.fullmatch(r"[0-9A-Za-z一-鿿_.-]{1,80}", plan_id) or plan_id.startswith("."):
        raise UsageError(f"抽查计划编号“{plan_id}”只能由字母、数字、汉字、-、_ 组成")
    folder = ws.root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{plan_id}.json"


def load_plan(ws: Workspace, plan_id: str) -> Plan:
    path = _plan_path(ws, plan_id)
    if not path.exists():
        raise UsageError(f"没有抽查计划 {plan_id}", details=["用 casefile inspect list 查看全部计划"])
    return Plan.from_dict(json.loads(path.read_text(encoding="utf-8")))


def list_plans(ws: Workspace) -> list[Plan]:
    folder = ws.root / FOLDER
    if not folder.is_dir():
        return []
    return [Plan.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def record_result(ws: Workspace, plan_id: str, target: str, result: str, day: dt.date, problems: str = "") -> Plan:
    """The result of one inspection (what the 现场检查笔录 concluded), for the published 抽查结果."""
    if not result.strip():
        raise UsageError("检查结果不能为空（例如：未发现问题 / 发现问题已责令整改 / 未找到检查对象）")
    plan = load_plan(ws, plan_id)
    pick = next((p for p in plan.picks if target in (p.target.name, p.target.code)), None)
    if pick is None:
        raise UsageError(f"抽查计划 {plan_id} 没有抽中“{target}”")
    pick.result, pick.result_date, pick.problems = result.strip(), day.isoformat(), problems.strip()
    path = _plan_path(ws, plan_id)
    atomic_write_text(path, json.dumps(plan.to_dict(), ensure_ascii=False, indent=1))
    journal.append(path.parent, "记录抽查结果", "调查", {"plan": plan_id, "target": pick.target.key, "result": pick.result},
                   actor=ws.actor)
    return plan


RESULT_COLUMNS = ["抽查计划", "抽查日期", "抽查事项", "检查对象", "统一社会信用代码", "执法人员", "检查结果", "结果日期"]


def result_rows(plan: Plan) -> list[list[str]]:
    """The 抽查结果 for publication: officers by name and certificate number, nothing else personal."""
    return [[plan.id, plan.day, p.target.matter, p.target.name, p.target.code,
             "、".join(f"{o['name']}（{o['certificate']}）" for o in p.officers), p.result or "尚未检查", p.result_date]
            for p in plan.picks]
