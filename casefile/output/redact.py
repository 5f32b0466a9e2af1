"""Redaction of personal data before publication (浙江暂行办法 §7 pattern; DOMAIN.md §6).

Returns the public text and a log of every redaction (kind, position, length);
the log stays in the case and is never published.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.model.ids import valid_uscc


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    path = Path(str(resources.files("casefile") / "data" / "redaction.toml"))
    with open(path, "rb") as f:
        return tomllib.load(f)


@dataclass
class Redaction:
    kind: str
    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "length": self.end - self.start}


def _mask_id(s: str) -> str:
    return s[:6] + "*" * (len(s) - 10) + s[-4:] if len(s) >= 15 else "*" * len(s)


def _mask_phone(s: str) -> str:
    digits = s.replace("-", "")
    return s[:3] + "****" + s[-4:] if len(digits) == 11 else s[:-4].rstrip("0123456789") + "****" + s[-4:]


def redact(text: str, *, party_name: str = "", party_natural: bool = False, redact_party: list[str] | None = None,
           keep_names: list[str] | None = None) -> tuple[str, list[Redaction]]:
    r = rules()
    spans: list[Redaction] = []

    def add(kind: str, start: int, end: int, repl: str) -> None:
        if any(not (end <= s.start or start >= s.end) for s in spans):
            return
        spans.append(Redaction(kind, start, end, repl))

    for m in re.finditer(r["id_card"], text):
        add("身份证号码", m.start(), m.end(), _mask_id(m.group(0)))
    for m in re.finditer(r["mobile"], text):
        add("电话号码", m.start(), m.end(), _mask_phone(m.group(0)))
    for m in re.finditer(r["landline"], text):
        add("电话号码", m.start(), m.end(), _mask_phone(m.group(0)))
    for m in re.finditer(r["bank_account"], text):
        if valid_uscc(m.group(1)):
            continue
        add("银行账号", m.start(1), m.end(1), "*" * len(m.group(1)))
    redact_party = redact_party or []
    # addresses: a natural person's home address always; an organisation's only if the profile says so
    for m in re.finditer(r["address_label"], text):
        label_line = m.group(0)
        value_start = m.end()
        value_end = text.find("\n", value_start)
        value_end = len(text) if value_end < 0 else value_end
        value = text[value_start:value_end].strip()
        if not value or value in ("/", "无"):
            continue
        home = party_natural and "address" in redact_party
        if home or "住址" in label_line:
            start = text.index(value, value_start)
            add("家庭住址", start, start + len(value), "（已隐去）")
    # names of natural persons other than the party: after labels such as 法定代表人：/经营者：/证人
    keep = set(keep_names or [])
    if party_natural and party_name:
        keep.add(party_name)
    for m in re.finditer(r["person_label"], text):
        name = m.group("name")
        if name in keep or "*" in name or len(name) < 2:
            continue
        masked = name[0] + "某" * (len(name) - 1)
        add("自然人姓名", m.start("name"), m.end("name"), masked)
        for m2 in re.finditer(re.escape(name), text):
            add("自然人姓名", m2.start(), m2.end(), masked)
    spans.sort(key=lambda s: s.start)
    out, pos = [], 0
    for s in spans:
        out.append(text[pos:s.start])
        out.append(s.replacement)
        pos = s.end
    out.append(text[pos:])
    return "".join(out), spans
