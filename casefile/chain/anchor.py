"""The case's facts (case.toml) anchored in its journal.

The hash chain proves the journal was not changed, but case.toml is a separate
file: a hand edit (货值 12000 → 1200), or an older copy put back in its place,
would pass unnoticed. So every journal entry written for a change of case.toml
carries the hash of the facts as written (``facts_sha256``, over a canonical
form without the ``[journal_head]`` table) and one short hash per field
(``facts_fields``), so ``journal verify`` can say which fields differ.

A change made outside casefile is reported until someone accepts it
(``casefile journal accept``), which journals it as ``确认记录外修改`` with a
reason; a casefile write that finds such a change first journals it as
``记录外修改`` (unaccepted), so the next write never launders it. Journals
written before these fields existed verify as before; the facts are “未锚定”
until the first entry that carries them.

This module knows the facts' form and the two entry keys; it reads entries as
plain dicts (``casefile.chain.journal`` calls it), so the import graph stays one-way.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

FACTS_KEY = "facts_sha256"
FIELDS_KEY = "facts_fields"
HEAD_KEY = "journal_head"
CASE_FILE = "case.toml"
OUT_OF_BAND = "记录外修改"
ACCEPTED = "确认记录外修改"


def facts_of(data: dict[str, Any]) -> dict[str, Any]:
    """The facts of a parsed case.toml: everything but the journal's head."""
    return {k: v for k, v in data.items() if k != HEAD_KEY}


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(facts_of(data))).hexdigest()


def field_digests(data: dict[str, Any]) -> dict[str, str]:
    """{field: short hash}; a table's keys one level down (``violation.goods_value``)."""
    out: dict[str, str] = {}
    for key, value in facts_of(data).items():
        if isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}.{sub}"] = hashlib.sha256(_canonical(v)).hexdigest()[:16]
        else:
            out[key] = hashlib.sha256(_canonical(value)).hexdigest()[:16]
    return out


def differing(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def stamp(data: dict[str, Any]) -> dict[str, Any]:
    """The keys a journal entry gets for facts ``data`` as now written."""
    return {FACTS_KEY: digest(data), FIELDS_KEY: field_digests(data)}


def read_facts(case_dir: Path) -> dict[str, Any] | None:
    try:
        with open(Path(case_dir) / CASE_FILE, "rb") as f:
            return tomllib.load(f)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


def last_anchor(entries: list[dict[str, Any]]) -> dict[str, Any] | None:
    for e in reversed(entries):
        if isinstance(e.get(FACTS_KEY), str):
            return e
    return None


def unanchored_fields(entries: list[dict[str, Any]], data: dict[str, Any]) -> list[str] | None:
    """The fields of ``data`` that differ from the journal's last anchored facts; None when
    they agree (or nothing was anchored yet: an old journal)."""
    anchor = last_anchor(entries)
    if anchor is None or anchor[FACTS_KEY] == digest(data):
        return None
    fields = anchor.get(FIELDS_KEY)
    named = differing(fields, field_digests(data)) if isinstance(fields, dict) else []
    return named or ["（无法确定具体字段）"]


def _field_list(fields: list[str]) -> str:
    shown = "、".join(fields[:8])
    return shown + (f" 等 {len(fields)} 处" if len(fields) > 8 else "")


def pending(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``记录外修改`` entries no ``确认记录外修改`` has accepted yet."""
    accepted: set[int] = set()
    for e in entries:
        if e.get("act") == ACCEPTED:
            accepted.update(x for x in (e.get("changes") or {}).get("accepts", []) if isinstance(x, int))
    return [e for e in entries if e.get("act") == OUT_OF_BAND and e.get("seq") not in accepted]


def problems(entries: list[dict[str, Any]], data: dict[str, Any] | None) -> list[str]:
    """What is wrong with the facts ``data`` (a parsed case.toml; None: none to compare) given the
    journal: a change outside casefile not yet accepted, now or recorded by a later write."""
    out = []
    for e in pending(entries):
        fields = (e.get("changes") or {}).get("fields") or []
        out.append(f"第 {e.get('seq')} 条记录：case.toml 在 casefile 之外被修改（{_field_list(fields)}），未经确认")
    if data is not None:
        fields = unanchored_fields(entries, data)
        if fields:
            seq = last_anchor(entries).get("seq")
            out.append(f"case.toml 与第 {seq} 条记录锚定的案件事实不符（{_field_list(fields)}）："
                       "手工修改或被换成旧副本；确属有意修改的，用 casefile journal accept 确认")
    return out


def unanchored_until(entries: list[dict[str, Any]]) -> int:
    """How many entries at the start of the journal predate the facts anchor (all when none has it)."""
    for i, e in enumerate(entries):
        if FACTS_KEY in e:
            return i
    return len(entries)
