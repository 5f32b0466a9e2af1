"""The document catalogue (``catalogue.toml``): what each document type is, where it
binds in the dossier and when it is required. Pure data access; no casefile imports."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMS = HERE / "forms"


@dataclass(frozen=True)
class Requirement:
    procedures: tuple[str, ...] = ()  # empty: any procedure
    when: tuple[str, ...] = ()  # all must hold
    when_any: tuple[str, ...] = ()  # at least one must hold
    due_after: str = ""  # the act after which the document must exist
    # or: any one of these acts (a 送达回证 is due after a penalty 决定, a 准予/不予许可 or a 强制执行决定)
    due_after_any: tuple[str, ...] = ()
    alternative: str = ""  # another type that satisfies it (听证告知 inside the 告知书)


@dataclass(frozen=True)
class Allowed:
    """When a type may exist at all: a type outside these conditions contradicts the
    case (a 当场决定书 in a 普通 case, a 不予处罚决定书 for a fined party)."""

    procedures: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    when_any: tuple[str, ...] = ()
    message: str = ""  # why, in Chinese, for the person who asked for it


@dataclass(frozen=True)
class DocType:
    code: str
    name: str
    stage: str
    volume: str
    order: int
    template: str = ""
    fields: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    paginate: bool = True
    required: Requirement | None = None
    allowed: Allowed | None = None
    exclusive: str = ""  # types of one exclusive group (the decisions) may not coexist in a dossier
    numbered: bool = False  # carries its own 文号 (the [numbering] series of doc_templates/texts.toml)
    case_types: tuple[str, ...] = ("行政处罚",)  # the case types whose dossiers hold it

    def for_case_type(self, case_type: str) -> bool:
        return case_type in self.case_types

    @property
    def template_path(self) -> Path | None:
        return FORMS / self.template if self.template else None

    def to_dict(self) -> dict:
        req = self.required
        return {
            "code": self.code,
            "name": self.name,
            "stage": self.stage,
            "volume": self.volume,
            "order": self.order,
            "template": self.template or None,
            "fields": list(self.fields),
            "aliases": list(self.aliases),
            "required": None if req is None else {
                "procedures": list(req.procedures), "when": list(req.when), "when_any": list(req.when_any),
                "due_after": req.due_after, "due_after_any": list(req.due_after_any), "alternative": req.alternative,
            },
            "allowed": None if self.allowed is None else {
                "procedures": list(self.allowed.procedures), "when": list(self.allowed.when),
                "when_any": list(self.allowed.when_any), "message": self.allowed.message,
            },
            "exclusive": self.exclusive,
            "numbered": self.numbered,
            "case_types": list(self.case_types),
        }


@dataclass
class Catalogue:
    types: list[DocType] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # context field → what a person must fill in

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def get(self, code: str) -> DocType | None:
        for t in self.types:
            if t.code == code:
                return t
        return None

    def by_name(self, name: str) -> DocType | None:
        for t in self.types:
            if name == t.name or name in t.aliases:
                return t
        return None

    @property
    def templated(self) -> list[DocType]:
        return [t for t in self.types if t.template]


@lru_cache(maxsize=1)
def load_catalogue(path: Path | None = None) -> Catalogue:
    with open(path or HERE / "catalogue.toml", "rb") as f:
        data = tomllib.load(f)
    types = []
    for t in data["types"]:
        req = t.get("required")
        allowed = t.get("allowed")
        types.append(DocType(
            code=t["code"], name=t["name"], stage=t["stage"], volume=t["volume"], order=int(t["order"]),
            template=t.get("template", ""), fields=tuple(t.get("fields", ())), aliases=tuple(t.get("aliases", ())),
            paginate=bool(t.get("paginate", True)),
            required=None if req is None else Requirement(
                procedures=tuple(req.get("procedures", ())), when=tuple(req.get("when", ())),
                when_any=tuple(req.get("when_any", ())), due_after=req.get("due_after", ""),
                due_after_any=tuple(req.get("due_after_any", ())),
                alternative=req.get("alternative", ""),
            ),
            allowed=None if allowed is None else Allowed(
                procedures=tuple(allowed.get("procedures", ())), when=tuple(allowed.get("when", ())),
                when_any=tuple(allowed.get("when_any", ())), message=allowed.get("message", ""),
            ),
            exclusive=t.get("exclusive", ""), numbered=bool(t.get("numbered", False)),
            case_types=tuple(t.get("case_types", data.get("default_case_types", ["行政处罚"]))),
        ))
    volume_rank = {"正卷": 0, "副卷": 1}
    types.sort(key=lambda t: (volume_rank.get(t.volume, 2), t.order))
    return Catalogue(types, dict(data.get("labels", {})))
