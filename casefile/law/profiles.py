"""Rules profiles: every threshold and deadline that differs by region or sector.

Profiles are TOML data in ``casefile/data/profiles`` (and, to override or add,
``<workspace>/profiles``). A profile may ``extends`` another; tables merge key by
key, so a county profile states only what differs from the national default.
They live in the domain package because both the checklist engine and the
publicity/deadline functions read them.
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casefile.errors import ValidationError

if TYPE_CHECKING:  # only for the annotation
    from casefile.model import Case


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


# name, workspace root -> (files of the extends chain, their stat, merged profile). A list of
# thousands of cases asks for the same one or two profiles thousands of times; the
# signature (path, mtime, size of every file in the extends chain) keeps an edited
# profile from being served stale.
_CACHE: dict[tuple[str, str], tuple[list[Path], tuple, dict[str, Any]]] = {}


def _candidates(name: str, workspace_root: Path | None) -> list[Path]:
    out = [Path(workspace_root) / "profiles" / f"{name}.toml"] if workspace_root else []
    return out + [builtin_dir() / f"{name}.toml"]


def _stat(paths: list[Path]) -> tuple:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)


def _chain_paths(name: str, workspace_root: Path | None) -> list[Path]:
    """Every file that could hold a profile of the extends chain, present or not: a
    workspace file that appears in front of a built-in one changes the answer too."""
    paths: list[Path] = []
    seen: set[str] = set()
    while name and name not in seen:
        seen.add(name)
        cands = _candidates(name, workspace_root)
        paths += cands
        found = next((c for c in cands if c.exists()), None)
        name = _extends_of(found) if found else ""
    return paths


def _extends_of(path: Path) -> str:
    try:
        with open(path, "rb") as f:
            return str(tomllib.load(f).get("extends", ""))
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def cached_profile(name: str, workspace_root: Path | None = None) -> dict[str, Any]:
    """:func:`load_profile`, read from disk once per process while its files are unchanged.

    The dict is shared between callers: read it, never change it (take a copy first)."""
    key = (name, str(workspace_root or ""))
    hit = _CACHE.get(key)
    if hit is not None and _stat(hit[0]) == hit[1]:
        return hit[2]
    paths = _chain_paths(name, workspace_root)
    sig = _stat(paths)
    data = load_profile(name, workspace_root)
    _CACHE[key] = (paths, sig, data)
    return data


def signature(name: str, workspace_root: Path | None = None) -> tuple:
    """What a derived store must compare to know the profile is the one it used."""
    return _stat(_chain_paths(name, workspace_root))


def load_profile_for(ws: Any, case: "Case") -> dict[str, Any]:
    """The rules profile that applies to a case (its sector's, else the workspace's), cached.
    ``ws`` is a Workspace (not imported here: the workspace imports this module)."""
    return cached_profile(ws.rules_profile_for(case.sector), ws.root)


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
