"""Rules profiles: every threshold and deadline that differs by region or sector.

Profiles are TOML data in ``casefile/data/profiles`` (and, to override or add,
``<workspace>/profiles``). A profile may ``extends`` another; tables merge key by
key, so a county profile states only what differs from the national default.
They live in the domain package because both the checklist engine and the
publicity/deadline functions read them.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.errors import ValidationError


def builtin_dir() -> Path:
    return Path(str(resources.files("casefile") / "data" / "profiles"))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _find(name: str, workspace_root: Path | None) -> Path:
    candidates = []
    if workspace_root:
        candidates.append(Path(workspace_root) / "profiles" / f"{name}.toml")
    candidates.append(builtin_dir() / f"{name}.toml")
    for c in candidates:
        if c.exists():
            return c
    raise ValidationError(f"找不到审核规则配置“{name}”", details=[f"已查找：{', '.join(str(c) for c in candidates)}"])


def load_profile(name: str, workspace_root: Path | None = None, _seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if name in _seen:
        raise ValidationError(f"审核规则配置“{name}”循环继承：{' → '.join(_seen + (name,))}")
    path = _find(name, workspace_root)
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ValidationError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
    parent = data.pop("extends", "")
    if parent:
        data = _merge(load_profile(parent, workspace_root, _seen + (name,)), data)
    data["id"] = name
    return data


def available(workspace_root: Path | None = None) -> list[str]:
    names = {p.stem for p in builtin_dir().glob("*.toml")}
    if workspace_root and (Path(workspace_root) / "profiles").is_dir():
        names |= {p.stem for p in (Path(workspace_root) / "profiles").glob("*.toml")}
    return sorted(names)


def for_sector(sector: str, workspace_root: Path | None = None) -> str:
    """The profile written for a sector (its ``sector`` key), the workspace's own first; "" if none."""
    dirs = ([Path(workspace_root) / "profiles"] if workspace_root else []) + [builtin_dir()]
    for d in dirs:
        for p in sorted(d.glob("*.toml")) if d.is_dir() else []:
            try:
                with open(p, "rb") as f:
                    if tomllib.load(f).get("sector") == sector:
                        return p.stem
            except (OSError, tomllib.TOMLDecodeError):
                continue
    return ""


def get(profile: dict[str, Any], dotted: str, default: Any = None) -> Any:
    cur: Any = profile
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return default
        cur = cur[part]
    return cur
