"""Cases: the one way to create a case (one id scheme), list cases with their
deadline warnings, read and change facts (re-indexed), officers."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.law import casetypes, entries

from casefile.store import catalog

from casefile.ingest import resume
from casefile.store.catalog import CaseSummary, Filters, Listing, Refreshed  # noqa: F401 - the list's row types, for the front ends
from casefile.display import controls_in
from casefile.errors import EntryError, ValidationError
from casefile.model import Case, CaseType, PartyKind, Procedure, case_type_names
from casefile.model.names import check_name, new_case_id
from casefile.model.validation import validate
from casefile.store.workspace import Officer
from tui.application.access import guarded
from tui.application.core import Result
from tui.application.search import Indexed




@dataclass
class NewCase:
    """What a person fills in to open a case (CLI options, the TUI form)."""

    id: str = ""  # folder name; by default from the 文号, else YYYY-NNN
    number: str = ""
    title: str = ""
    case_type: str = CaseType.PENALTY.value
    procedure: str = Procedure.ORDINARY.value
    sector: str = ""
    source: str = ""
    cause: str = ""
    party: str = ""
    party_kind: str = PartyKind.LEGAL.value
    party_id: str = ""
    party_address: str = ""
    filed: dt.date | str | None = None
    handlers: list[str] = field(default_factory=list)  # 承办人: certificate numbers or names


def _load_toml(path: Path) -> dict[str, Any]:
    with open(path, "rb") as f:
        try:
            return tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise ValidationError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
        except RecursionError:
            raise ValidationError(f"{path} 的嵌套层次过深，无法读取") from None


def control_errors(data: dict[str, Any]) -> dict[str, str]:
    """{field: message} for every text value carrying control characters (an escape sequence in a
    party name would act on the terminal of whoever lists the cases): refused at entry."""
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out.update({f"{key}.{k}": v for k, v in control_errors(value).items()})
        elif isinstance(value, list):
            for i, item in enumerate(value):
                out.update({f"{key}[{i}]{k[len('x'):]}": v for k, v in control_errors({"x": item}).items()})
        elif isinstance(value, str) and controls_in(value):
            out[key] = f"含有控制字符（{'、'.join(controls_in(value))}），不能录入"
    return out


@dataclass
class CatalogState(Result):
    """The catalogue after a rebuild or a check: rows updated, removed, unchanged, left for later, why
    every row was recomputed (if so), its file, and the cases whose case.toml cannot be read."""

    updated: int
    removed: int
    unchanged: int
    pending: int
    rebuilt_all: str
    file: str
    broken: list[dict[str, str]]

    @classmethod
    def of(cls, ws, r: Refreshed) -> "CatalogState":
        return cls(**r.to_dict(), file=str(catalog.path_of(ws)), broken=[{"id": i, "error": e} for i, e in catalog.broken_cases(ws)])


class Cases(Indexed):
    def new_case_id(self, number: str = "", hint: str = "") -> str:
        return new_case_id(self.ws.case_ids(), year=self.today.year, number=number, hint=hint)

    def case_types(self) -> list[str]:
        """The case types a new case may take: every declaration, the workspace's own included."""
        self.ws.declare_types()
        return case_type_names()

    def case_type_declarations(self) -> list[dict[str, Any]]:
        """Each case type as declared (name, pack, procedure with roles, periods …), for
        ``casefile case types`` and the roles module."""
        self.ws.declare_types()
        return [d.to_dict() for d in casetypes.all_types()]

    @staticmethod
    def case_sources() -> list[str]:
        """The 案件来源 a new case may name (casefile/data/entries.toml)."""
        return entries.case_sources()

    @guarded("create_case")
    def create_case(self, new: NewCase, *, required: tuple[str, ...] = ()) -> Case:
        """Validate and create a case; ``required`` names fields the front end insists on
        (``party``, ``cause``). Every problem is reported at once, in Chinese."""
        # the same checks as every fact entry (casefile.law.entries), keyed by the form's fields
        errors = {key: "必填" for key in ("party", "cause") if key in required and not getattr(new, key).strip()}
        errors.update(control_errors(vars(new)))
        filed, msg = entries.check_date(new.filed, self.today)
        if msg:
            errors["filed"] = msg
        if new.party_kind not in {k.value for k in PartyKind}:
            errors["party_kind"] = "请选择：" + "、".join(k.value for k in PartyKind)
        else:
            msg = entries.check_party_id(new.party_kind, new.party_id, self.today)
            if msg:
                errors["party_id"] = msg
        if new.case_type not in self.case_types():
            errors["case_type"] = "请选择：" + "、".join(self.case_types())
        if new.source and new.source not in entries.case_sources():
            errors["source"] = "请选择：" + "、".join(entries.case_sources())
        handlers, msg = entries.check_officers(list(new.handlers), filed or self.today, self.ws.officers())
        if msg:
            errors["handlers"] = msg
        if new.id:
            try:
                check_name(new.id)
            except ValidationError as e:
                errors["id"] = "；".join([e.message] + e.details)
        if errors:
            raise EntryError(f"新案件有 {len(errors)} 处问题", errors, entries.LABELS)
        profile = self.ws.profile
        data: dict[str, Any] = {
            "id": new.id or self.new_case_id(new.number),
            "number": new.number.strip(), "title": new.title or new.cause, "case_type": new.case_type,
            "procedure": new.procedure, "sector": new.sector or profile.sector, "source": new.source,
            "agency": profile.name, "violation": {"cause": new.cause},
        }
        if handlers:
            data["handlers"] = handlers
        if new.party.strip():
            data["parties"] = [{"kind": new.party_kind, "name": new.party.strip(), "id_number": new.party_id.strip().upper(),
                                "address": new.party_address}]
        if filed:
            data["acts"] = [{"kind": "立案", "date": filed}]
        case = validate(Case, data, "新案件")
        self.ws.create_case(case)
        return case

    @guarded("create_case")
    def create_case_from_file(self, path: Path) -> Case:
        data = _load_toml(Path(path))
        errors = control_errors(data)
        if errors:
            raise EntryError(f"{path} 有 {len(errors)} 处问题，未新建案件", errors)
        data.setdefault("id", self.new_case_id(data.get("number", "")))
        self.ws.declare_types()  # a case of a type the workspace declares itself
        case = validate(Case, data, str(path))
        self.ws.create_case(case)
        return case

    @staticmethod
    def validate_case_file(path: Path) -> Case:
        return validate(Case, _load_toml(Path(path)), str(path))

    def load_case(self, ref: str) -> Case:
        return self.ws.load_case(ref)

    def resolve(self, ref: str) -> str:
        return self.ws.resolve(ref)

    def case_list(self, state: str | None = None, sector: str | None = None, *, refresh: bool = True,
                  limit: int | None = None) -> Listing:
        """The cases with their deadline warnings (as of the clock), read from the derived
        catalogue; ``refresh=False`` reads it without looking at the folders (a first screen),
        ``limit`` only the first rows. Cases whose case.toml cannot be read are in ``broken``."""
        return catalog.list_cases(self.ws, self.today, Filters(state=state, sector=sector), refresh=refresh, limit=limit)

    def import_notes(self, case_ids: list[str]) -> dict[str, str]:
        """{case id: 导入未完成…} for the cases an interrupted import left incomplete."""
        out = {}
        for cid in case_ids:
            n = resume.note(self.ws.cases_dir / cid)
            if n:
                out[cid] = n
        return out

    def refresh_catalog(self, limit: int | None = None) -> Refreshed:
        """Bring the catalogue up to date with the case folders (changed cases re-read)."""
        return catalog.refresh(self.ws, limit=limit)

    def rebuild_catalog(self) -> CatalogState:
        return CatalogState.of(self.ws, catalog.rebuild(self.ws))

    def catalog_status(self) -> CatalogState:
        return CatalogState.of(self.ws, catalog.refresh(self.ws))

    @guarded("enter_facts", "case")
    def save_case(self, case: Case, *, act: str = "修改案件事实", stage: str | None = None) -> dict[str, Any]:
        """Write the facts; the index is refreshed because hits show the number, party and outcome."""
        changes = self.ws.save_case(case, act=act, stage=stage)
        if changes:
            self.search.reindex(case.id, refresh=True)
        return changes

    # -- officers -------------------------------------------------------------------------
    def officers(self, on: dt.date | None = None) -> list[Officer]:
        officers = self.ws.officers().officers
        return [o for o in officers if o.valid_on(on)] if on else officers

    @guarded("manage_users")
    def add_officer(self, data: dict[str, Any]) -> Officer:
        o = validate(Officer, data, "执法人员信息")
        self.ws.add_officer(o)
        return o
