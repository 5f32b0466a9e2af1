"""A received package checked as a stranger's: its parts against each other, its sender named.

A package's manifest can be recomputed by whoever altered it, so its checksums prove only that
nothing changed on the way. What the package carries must also agree with itself: case.toml
with the facts its journal anchored last (:mod:`casefile.chain.anchor`), the head case.toml records
with the journal, and each review round (``reviews/round-N/round.json``) with its schema
(``data/review_round_schema.toml``) and with the journal's entries for that round. A journal
forged and re-chained as a whole still agrees with itself; only the sender's seal digest, shown
on import and compared with what the sender states by another way, can tell (see docs/integrity.md).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.chain import anchor, heads
ROUND_RE = re.compile(r"^reviews/round-(\d+)/round\.json$")
_TYPES = {"int": int, "str": str, "dict": dict, "list": list}


@lru_cache(maxsize=1)
def _schema() -> dict[str, dict[str, str]]:
    with open(Path(str(resources.files("casefile") / "data" / "review_round_schema.toml")), "rb") as f:
        return tomllib.load(f)


def _shape_problems(value: Any, shape: str, where: str) -> list[str]:
    schema = _schema()
    spec = schema[shape]
    if not isinstance(value, dict):
        return [f"{where} 应为表（JSON 对象）"]
    out = []
    for key, kind in spec.items():
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        v = value.get(key)
        if v is None:
            if not optional:
                out.append(f"{where} 缺少 {key}")
            continue
        base, _, item = kind.partition(":")
        if not isinstance(v, _TYPES[base]) or isinstance(v, bool):
            out.append(f"{where} 的 {key} 类型不对（应为 {base}）")
        elif item:
            for i, x in enumerate(v):
                out += _shape_problems(x, item, f"{where} 的 {key}[{i}]")
        elif key in schema and isinstance(v, dict):
            out += _shape_problems(v, key, f"{where} 的 {key}")
    return out


def round_problems(case_id: str, rel: str, data: bytes, entries: list[dict[str, Any]]) -> list[str]:
    """One review round of the package against the schema and the journal."""
    where = f"{case_id}/{rel}"
    n = int(ROUND_RE.match(rel).group(1))
    try:
        rnd = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return [f"{where} 不是有效的 JSON"]
    problems = _shape_problems(rnd, "round", where)
    if problems:
        return problems
    if rnd["round"] != n:
        return [f"{where} 记的是第 {rnd['round']} 轮，与文件夹 round-{n} 不符"]
    mine = [e for e in entries if (e.get("changes") or {}).get("round") == n]
    if not any(e.get("act") == "开始法制审核" for e in mine):
        return [f"{where}：全过程记录中没有开始第 {n} 轮审核的记录（审核轮次在记录之外被加入）"]
    added = sum(1 for e in mine if e.get("act") == "补充审核发现")
    fresh = [a for a in rnd["added"] if "previous_id" not in a]  # those carried from the last round were journaled there
    if len(fresh) > added:
        problems.append(f"{where}：有 {len(fresh)} 条补充审核发现，全过程记录只记了 {added} 条")
    opinion = rnd.get("opinion")
    if opinion:
        issued = [e["changes"] for e in mine if e.get("act") == "出具法制审核意见"]
        if not any(c.get("conclusion") == opinion["conclusion"] and c.get("file") == opinion["file"] for c in issued):
            problems.append(f"{where}：审核意见（{opinion['conclusion']}）与全过程记录中第 {n} 轮出具的意见不符")
    return problems


def facts_problems(case_id: str, facts: dict[str, Any], entries: list[dict[str, Any]]) -> list[str]:
    """case.toml against the facts the journal anchored and the head it recorded."""
    out = [f"{case_id}/case.toml：{m}" for m in anchor.problems(entries, facts)]
    head = facts.get(heads.HEAD_KEY)
    if isinstance(head, dict) and isinstance(head.get("entries"), int) and isinstance(head.get("hash"), str):
        late = heads.behind(entries, head, " case.toml ")
        if late:
            out.append(f"{case_id}/case.toml：{late}")
    return out


def sender_of(case_id: str, agency: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The sender as the package states it: agency, the journal's head, and a digest of both that
    the sender's `package export` printed (to be compared by telephone or letter)."""
    last = entries[-1] if entries else {}
    body = {"case": case_id, "agency": agency, "entries": len(entries), "hash": last.get("hash", "")}
    canon = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return dict(body, digest=hashlib.sha256(canon).hexdigest())
