"""The case types, each declared once as data (``casefile/data/case_types/<code>.toml``).

A declaration holds everything a case type means: its name and code, its rule pack, its procedure
(the moves between states, who may make each (``roles``), the approvals each needs (``requires``)
and the checks that block it), its periods, its acts and documents, its statistics label, its
cover title and its 文号 word. The case-type enum (casefile.model), the moves
(casefile.law.transitions), the deadlines, the statistics, the cover, the checks' pack choice, the new-
case forms and the published 执法流程图 / 服务指南 all read it here.

A workspace may name folders of further declarations (``case_type_dirs`` in workspace.toml): a case
type such as 行政征收 is added by a file, without code. This module reads TOML only (it is imported
by the model, so it imports nothing of casefile).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

# the roles a move may name (the roles register of issue 30 gives them to users)
ROLES = ("承办人", "法制审核", "负责人", "评查", "公示", "管理员")


@dataclass(frozen=True)
class Move:
    """One move of a procedure: from which states to which, the act it records, what blocks it
    (``checks``, names in casefile.law.transitions.CHECKS), who may make it and what it needs first."""

    id: str
    sources: tuple[str, ...]
    to: str
    act: str = ""
    procedures: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    after_review: bool = False  # offered only once a review round exists (重新送审)
    roles: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # approvals recorded before it: 负责人审批, 集体讨论
    requires_if_major: tuple[str, ...] = ()  # … needed only for a 重大执法决定 (行政处罚法§57)
    documents: tuple[str, ...] = ()  # catalogue codes of the documents the move produces
    note: str = ""  # the act's note when none is given; {round} is the latest review round
    journal: str = ""  # the journal's name for the move; default: the move and its state change

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "from": list(self.sources), "to": self.to, "act": self.act,
                "procedures": list(self.procedures), "checks": list(self.checks), "roles": list(self.roles),
                "requires": list(self.requires), "requires_if_major": list(self.requires_if_major),
                "documents": list(self.documents)}


@dataclass(frozen=True)
class PeriodUse:
    """A period that runs on cases of this type (casefile.law.periods.KINDS), the short name the case
    list shows, and the acts that close it (empty: the deadline module's own rule for that kind)."""

    kind: str
    short: str
    until: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseTypeDecl:
    name: str  # 行政处罚 — what case.toml stores
    code: str  # penalty — the file's name, a key that never changes
    member: str = ""  # the enum member code refers to (PENALTY); empty for a type declared as data only
    pack: str = ""  # rule pack (checklists/rules/<pack>.toml, or rules/<pack>.toml beside the declaration)
    statistics: str = ""  # the label of the yearly statistics
    cover_title: str = ""  # printed on the 卷宗封面
    number_word: str = ""  # the 文号's 字 for this type (…罚〔2026〕12号)
    publication: str = "other"  # profile key prefix of its 公示期限 (publicity.<prefix>_days)
    opening_act: str = "立案"  # the act that opens a case (a licence case: 受理), asked before review
    proposes_measure: bool = False  # a 拟处罚 (measure) is proposed before review (处罚, 征收)
    acts: tuple[str, ...] = ()  # the acts its cases record, in procedure order
    documents: tuple[str, ...] = ()  # catalogue codes; empty: the catalogue's own case_types say
    states: tuple[str, ...] = ()  # its states in order (the 执法流程图 draws them)
    periods: tuple[PeriodUse, ...] = ()
    moves: tuple[Move, ...] = ()
    guide: dict[str, Any] = field(default_factory=dict)  # 服务指南: basis, conditions, materials, remedy
    folder: Path | None = None  # where the declaration was read (its own rules/ folder)
    order: int = 100  # place in choice lists (行政处罚 first)

    @property
    def label(self) -> str:
        return self.statistics or self.name

    def holds(self, document: Any) -> bool:
        """Whether a case of this type holds a document type of the catalogue: the declaration's
        ``documents`` when it lists them, else the catalogue's own ``case_types``."""
        return document.code in self.documents if self.documents else document.for_case_type(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "code": self.code, "pack": self.pack, "statistics": self.statistics,
                "cover_title": self.cover_title, "number_word": self.number_word, "acts": list(self.acts),
                "documents": list(self.documents), "states": list(self.states),
                "periods": [{"kind": p.kind, "short": p.short, "until": list(p.until)} for p in self.periods],
                "moves": [m.to_dict() for m in self.moves], "guide": self.guide,
                "declared_in": str(self.folder) if self.folder else ""}


class DeclarationError(ValueError):
    """A declaration that cannot be read; the message names the file."""


def _tuple(d: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(d.get(key, ()))


def _move(m: dict[str, Any], where: str) -> Move:
    unknown = set(m) - {"id", "from", "to", "act", "procedures", "checks", "asks", "after_review", "roles", "requires",
                        "requires_if_major", "documents", "note", "journal"}
    if unknown:
        raise DeclarationError(f"{where}：状态变更“{m.get('id', '')}”有不认识的项：{'、'.join(sorted(unknown))}")
    bad = [r for r in m.get("roles", ()) if r not in ROLES]
    if bad:
        raise DeclarationError(f"{where}：状态变更“{m['id']}”的角色“{'、'.join(bad)}”不在 {'、'.join(ROLES)} 之中")
    return Move(id=m["id"], sources=tuple(m["from"]), to=m["to"], act=m.get("act", ""),
                procedures=_tuple(m, "procedures"), checks=_tuple(m, "checks"), asks=_tuple(m, "asks"),
                after_review=bool(m.get("after_review", False)), roles=_tuple(m, "roles"), requires=_tuple(m, "requires"),
                requires_if_major=_tuple(m, "requires_if_major"), documents=_tuple(m, "documents"),
                note=m.get("note", ""), journal=m.get("journal", ""))


def read(path: Path) -> CaseTypeDecl:
    try:
        with open(path, "rb") as f:
            d = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DeclarationError(f"案件类型声明 {path} 无法读取：{e}") from None
    if not d.get("name"):
        raise DeclarationError(f"案件类型声明 {path} 没有 name")
    try:
        return CaseTypeDecl(
            name=d["name"], code=d.get("code", path.stem), member=d.get("member", ""), pack=d.get("pack", ""),
            statistics=d.get("statistics", ""), cover_title=d.get("cover_title", ""), number_word=d.get("number_word", ""),
            publication=d.get("publication", "other"), opening_act=d.get("opening_act", "立案"),
            proposes_measure=bool(d.get("proposes_measure", False)), acts=_tuple(d, "acts"), documents=_tuple(d, "documents"),
            states=_tuple(d, "states"),
            periods=tuple(PeriodUse(p["kind"], p.get("short", ""), _tuple(p, "until")) for p in d.get("periods", ())),
            moves=tuple(_move(m, str(path)) for m in d.get("moves", ())), guide=dict(d.get("guide", {})),
            folder=path.parent, order=int(d.get("order", 100)))
    except (KeyError, TypeError) as e:
        raise DeclarationError(f"案件类型声明 {path} 缺少或写错了 {e}") from None


def builtin_folder() -> Path:
    return Path(str(resources.files("casefile") / "data" / "case_types"))


_extra: list[Path] = []


def use_folders(extra: list[Path | str]) -> None:
    """Declarations read from these folders besides the built-in ones: the ``case_type_dirs`` of
    the workspace being worked on (another workspace's own types are not carried over)."""
    paths = [Path(f).resolve() for f in extra]
    if paths != _extra:
        _extra[:] = paths
        _load.cache_clear()


def folders() -> tuple[Path, ...]:
    return (builtin_folder(), *_extra)


@lru_cache(maxsize=1)
def _load() -> dict[str, CaseTypeDecl]:
    out: dict[str, CaseTypeDecl] = {}
    for folder in folders():
        if not folder.is_dir():
            raise DeclarationError(f"案件类型声明目录 {folder} 不存在")
        for path in sorted(folder.glob("*.toml")):
            decl = read(path)
            if decl.name in out and out[decl.name].folder != decl.folder:
                raise DeclarationError(f"案件类型“{decl.name}”声明了两次：{out[decl.name].folder} 与 {path}")
            out[decl.name] = decl
    return dict(sorted(out.items(), key=lambda kv: kv[1].order))


def all_types() -> list[CaseTypeDecl]:
    """Every declared case type in the order of choice lists (``order``, then file name)."""
    return list(_load().values())


def names() -> list[str]:
    return list(_load())


def get(name: str) -> CaseTypeDecl:
    try:
        return _load()[name]
    except KeyError:
        raise DeclarationError(f"没有声明的案件类型“{name}”（可选：{'、'.join(_load())}）") from None


def find(name: str) -> CaseTypeDecl | None:
    return _load().get(name)


def version() -> tuple[str, ...]:
    """Changes when a declaration folder is added: caches keyed on it see new types."""
    return tuple(str(f) for f in folders())
