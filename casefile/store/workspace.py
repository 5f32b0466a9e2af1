"""The workspace on disk: agency profile, officer register, one folder per case.

Layout::

    <workspace>/
      workspace.toml   agency profile (name, region, sector, rules profile)
      officers.toml    行政执法人员清单, editable by hand
      cases/<case-id>/case.toml, docs/, evidence/, reviews/, journal.jsonl

The folders are the source of truth; everything else (index, caches) is derived.
"""

from __future__ import annotations

import functools
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any, Iterable

import tomli_w

from casefile.chain import anchor, heads, journal

from casefile.law import casetypes, profiles

from casefile.store import locks, privacy
from casefile.errors import CasefileError, CaseExists, CaseNotFound, ConflictError, UsageError, ValidationError, WorkspaceError
from casefile.store.fsutil import atomic_write_text
from casefile.model import Case
# what workspace.toml and officers.toml hold, and how a change of facts is journaled, live beside
# this module (agency.py, fact_changes.py); the names other modules import from here stay here too
from casefile.store.agency import AgencyProfile, Officer, OfficerRegister
from casefile.store.fact_changes import diff_facts, stage_of_state
from casefile.model.names import check_name
from casefile.model.validation import validate

PROFILE_FILE = "workspace.toml"
OFFICERS_FILE = "officers.toml"
CASES_DIR = "cases"
CASE_FILE = "case.toml"
CASE_SUBDIRS = ("docs", "evidence", "reviews")


def default_root() -> Path:
    env = os.environ.get("CASEFILE_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("casefile", appauthor=False))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ValidationError(f"{path} 不是有效的 TOML 文件", details=[str(e)]) from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path} 不是 UTF-8 编码的文本") from None
    except RecursionError:
        # tomllib reads nested arrays recursively: a file nested a few thousand deep must
        # be this file's problem, not every command's that lists the workspace
        raise ValidationError(f"{path} 的嵌套层次过深，无法读取", details=["检查文件中是否有层层嵌套的列表或表"]) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _write_toml(path: Path, data: dict[str, Any], header: str = "") -> None:
    text = tomli_w.dumps(data)
    atomic_write_text(path, (header + "\n" if header else "") + text)


class Workspace:
    def __init__(self, root: Path):
        self.root = Path(root).expanduser().resolve()
        self._profile: AgencyProfile | None = None
        self._numbers: set[str] | None = None
        self.unreadable: list[tuple[str, Exception]] = []  # set by try_load_cases
        # the person acting (casefile.store.users.Actor), set by the application's session: journal entries name them
        self.acting: str | None = None

    # -- locating ---------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None) -> "Workspace":
        ws = cls(Path(root) if root else default_root())
        if not (ws.root / PROFILE_FILE).exists():
            raise WorkspaceError(
                f"{ws.root} 不是 casefile 工作区（缺少 {PROFILE_FILE}）",
                details=["先运行 casefile init --workspace 目录，或 casefile demo --workspace 目录"],
            )
        try:
            access = ws.profile.file_access
        except CasefileError:
            access = privacy.DEFAULT  # a broken profile is reported by whoever reads it; stay private meanwhile
        privacy.apply(ws.root, access)
        return ws

    @classmethod
    def init(cls, root: Path | str | None, profile: AgencyProfile, officers: Iterable[Officer] = ()) -> "Workspace":
        ws = cls(Path(root) if root else default_root())
        if (ws.root / PROFILE_FILE).exists():
            raise WorkspaceError(f"{ws.root} 已经是工作区，未做任何改动")
        if ws.root.exists() and any(ws.root.iterdir()):
            raise WorkspaceError(f"{ws.root} 不是空目录，为避免覆盖已有文件，未做任何改动")
        privacy.apply(ws.root, profile.file_access)  # the umask first: every folder made below is private
        ws.root.mkdir(parents=True, exist_ok=True)
        privacy.apply(ws.root, profile.file_access)  # and an empty folder someone made before is narrowed
        (ws.root / CASES_DIR).mkdir(parents=True, exist_ok=True)
        ws.save_officers(OfficerRegister(officers=list(officers)))
        ws.save_profile(profile)
        return ws

    @property
    def cases_dir(self) -> Path:
        return self.root / CASES_DIR

    # -- profile and officers ---------------------------------------------
    @property
    def profile(self) -> AgencyProfile:
        if self._profile is None:
            data = _read_toml(self.root / PROFILE_FILE)
            self._profile = validate(AgencyProfile, data, str(self.root / PROFILE_FILE))
            self._declare_types(self._profile)
        return self._profile

    def declare_types(self) -> None:
        """Declare this workspace's own case types (its profile's ``case_type_dirs``), which a case of
        such a type needs before it can be read — again if another workspace was opened since."""
        if self._profile is not None or (self.root / PROFILE_FILE).is_file():
            self._declare_types(self.profile)

    def _declare_types(self, profile: AgencyProfile) -> None:
        folders = [self.root / folder for folder in profile.case_type_dirs or ()]
        for path in folders:
            if not path.is_dir():
                raise WorkspaceError(f"{PROFILE_FILE} 的 case_type_dirs 指向的目录不存在：{path}")
        casetypes.use_folders(folders)

    def save_profile(self, profile: AgencyProfile) -> None:
        _write_toml(self.root / PROFILE_FILE, profile.model_dump(exclude_none=True), "# casefile 工作区：执法机关信息")
        self._profile = profile
        self._declare_types(profile)

    def officers(self) -> OfficerRegister:
        path = self.root / OFFICERS_FILE
        if not path.exists():
            return OfficerRegister()
        return validate(OfficerRegister, _read_toml(path), str(path))

    def save_officers(self, register: OfficerRegister) -> None:
        data = {"officers": [o.model_dump(exclude_none=True, exclude_defaults=False) for o in register.officers]}
        _write_toml(self.root / OFFICERS_FILE, data, "# 行政执法人员清单（可直接编辑）")

    def officers_lock(self):
        """Held from reading officers.toml to writing it back (see casefile.store.locks)."""
        return locks.register_lock(self.root, "officers")

    def add_officer(self, officer: Officer) -> None:
        with self.officers_lock():
            reg = self.officers()
            if reg.by_certificate(officer.certificate):
                raise ValidationError(f"执法证号 {officer.certificate} 已在人员清单中，未做改动")
            reg.officers.append(officer)
            self.save_officers(reg)

    def rules_profile_for(self, sector: str) -> str:
        if sector in self.profile.sector_profiles:
            return self.profile.sector_profiles[sector]
        if sector and sector != self.profile.sector:
            # a case of another sector (a 自然资源局's case in a county office) gets that sector's profile unasked
            return profiles.for_sector(sector, self.root) or self.profile.rules_profile
        return self.profile.rules_profile

    @property
    def actor(self) -> str | None:
        return self.acting or self.profile.actor or None

    # -- cases --------------------------------------------------------------
    def case_dir(self, case_id: str) -> Path:
        check_name(case_id)
        return self.cases_dir / case_id

    def case_lock(self, case_id: str):
        """Hold this around every read-modify-write of a case's files (case.toml, documents.toml,
        review rounds, evidence links): two processes must not both read, change and write back."""
        check_name(case_id)
        return locks.case_lock(self.root, case_id)

    def case_ids(self) -> list[str]:
        if not self.cases_dir.exists():
            return []
        return sorted(p.name for p in self.cases_dir.iterdir() if (p / CASE_FILE).is_file())

    def resolve(self, ref: str) -> str:
        """A case by id, or by its 文号."""
        # by id without listing the folder: loading each of n cases must not cost n stats
        if ref and "/" not in ref and ref not in (".", "..") and (self.cases_dir / ref / CASE_FILE).is_file():
            return ref
        ids = self.case_ids()
        # by 文号: parse only the files that hold the text (10,000 TOML parses take seconds);
        # a match is confirmed by parsing, and without a candidate every file is parsed
        needle = ref.encode("utf-8")
        candidates = [cid for cid in ids if needle in _read_bytes(self.cases_dir / cid / CASE_FILE)]
        tried = set(candidates)
        for group in (candidates, [cid for cid in ids if cid not in tried]):
            for cid in group:
                try:
                    data = _read_toml(self.cases_dir / cid / CASE_FILE)
                except (ValidationError, FileNotFoundError):
                    continue
                if data.get("number") == ref:
                    return cid
        raise CaseNotFound(f"工作区 {self.root} 中没有案件“{ref}”", details=["用 casefile case list 查看全部案件"])

    def load_case(self, ref: str) -> Case:
        self.declare_types()
        cid = self.resolve(ref)
        path = self.cases_dir / cid / CASE_FILE
        data = _read_toml(path)
        case = validate(Case, data, str(path))
        if case.id != cid:
            raise ValidationError(f"{path} 有 1 处问题", details=[f"id：文件中的编号“{case.id}”与文件夹名“{cid}”不一致"])
        case._read_from = anchor.digest(data)
        return case

    def missing_cases(self) -> list[tuple[str, CasefileError]]:
        """Cases whose facts are gone: a case folder with a journal but no case.toml, or a
        case the journal-head ledger knows whose folder is gone (casefile never deletes a case)."""
        out: list[tuple[str, CasefileError]] = []
        have = set(self.case_ids())
        seen = set()
        if self.cases_dir.exists():
            for p in sorted(self.cases_dir.iterdir()):
                if p.name.startswith(".") or p.name in have or not p.is_dir():
                    continue
                if (p / journal.JOURNAL).exists() or (p / CASE_FILE).exists():
                    seen.add(p.name)
                    out.append((p.name, CaseNotFound(f"{p / CASE_FILE} 已不存在或不是文件（案件事实被删除），案件文件夹仍在")))
        for cid, head in heads.read_ledger(self.root).items():
            if cid in have or cid in seen:
                continue
            n = head["entries"] if head else "若干"
            out.append((cid, CaseNotFound(f"案件文件夹 {self.cases_dir / cid} 已不存在，但工作区记录头账本记有它的 {n} 条记录")))
        return out

    def try_load_cases(self) -> tuple[list[Case], list[tuple[str, Exception]]]:
        """All cases that load, and the problems of those that don't (a list must not die on one bad file).

        The problems are also kept in ``self.unreadable`` so a command that only gets the
        cases (statistics, the publicity list) can still name the ones it left out."""
        cases, bad = [], []
        for cid in self.case_ids():
            try:
                cases.append(self.load_case(cid))
            except (CasefileError, OSError, RecursionError, ValueError) as e:
                bad.append((cid, e))
        bad += self.missing_cases()
        self.unreadable = bad
        return cases, bad

    def numbers(self) -> set[str]:
        """The 文号 in use (read once per Workspace object, kept current by create_case)."""
        if self._numbers is None:
            self._numbers = set()
            for cid in self.case_ids():
                try:
                    n = _read_toml(self.cases_dir / cid / CASE_FILE).get("number")
                except ValidationError:
                    continue
                if n:
                    self._numbers.add(n)
        return self._numbers

    def create_case(self, case: Case, *, actor: str | None = None, files: dict[str, str] | None = None) -> Path:
        """Make the case folder whole, then rename it into place; ``files`` are text files placed in
        it before it appears (an import's in-progress marker)."""
        check_name(case.id)
        with self.case_lock(case.id):
            return self._create_case(case, actor, files or {})

    def _create_case(self, case: Case, actor: str | None, files: dict[str, str]) -> Path:
        d = self.cases_dir / case.id
        if d.exists():
            raise CaseExists(f"案件 {case.id} 已存在，未做改动")
        if case.number and case.number in self.numbers():
            raise CaseExists(f"文号 {case.number} 已被其他案件使用，未做改动")
        if not case.agency:
            case.agency = self.profile.name
        tmp = self.cases_dir / f".{case.id}.creating"
        if tmp.exists():
            shutil.rmtree(tmp)
        try:
            tmp.mkdir(parents=True)
            for sub in CASE_SUBDIRS:
                (tmp / sub).mkdir()
            _write_toml(tmp / CASE_FILE, case.to_toml_dict(), CASE_HEADER)
            for name, text in files.items():
                if "/" in name or name in ("", ".", ".."):
                    raise ValueError(f"not a plain file name: {name!r}")  # callers pass fixed names
                atomic_write_text(tmp / name, text)
            entry = journal.append(tmp, "新建案件", "立案", {"case": case.summary()}, actor=actor or self.actor, anchor_facts=True)
            os.replace(tmp, d)  # the case appears whole or not at all
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)  # no .creating debris (a full disk, an interrupt)
            raise
        heads.write_ledger(self.root, case.id, heads.head_of(entry["seq"], entry["hash"], entry["time"]))
        if case.number:
            self.numbers().add(case.number)
        return d

    def save_case(self, case: Case, *, act: str = "修改案件事实", stage: str | None = None, actor: str | None = None) -> dict[str, Any]:
        """Write case.toml and journal what changed (old and new values per field), the entry
        anchoring the facts written (casefile.chain.anchor). Refused, nothing written, when case.toml
        changed since ``case`` was read from it (another process's write would be undone); a
        change made outside casefile is journaled as such first, never folded into this one."""
        d = self.cases_dir / case.id
        with self.case_lock(case.id):
            if not (d / CASE_FILE).exists():
                raise CaseNotFound(f"案件 {case.id} 不存在")
            old = _read_toml(d / CASE_FILE)
            if case._read_from is not None and case._read_from != anchor.digest(old):
                raise ConflictError(f"案件 {case.id} 在读取之后已被另一个操作修改，本次改动未保存（以免覆盖对方的改动）",
                                    details=["重新打开案件后再做一次"])
            head = old.pop(heads.HEAD_KEY, None)
            new = case.to_toml_dict()
            changes = diff_facts(old, new)
            if not changes:
                return {}
            # re-validate what we are about to write so a bad value never reaches disk
            validate(Case, new, f"{case.id}/{CASE_FILE}")
            stage = stage or stage_of_state(case.state)
            outside = anchor.unanchored_fields(journal.read(d), old)
            if outside:
                journal.append(d, anchor.OUT_OF_BAND, stage, {"fields": outside, "unaccepted": True},
                               actor=actor or self.actor, anchor_facts=True)
            if head is not None:
                new[heads.HEAD_KEY] = head  # the journal's head stays until the append below moves it on
            _write_toml(d / CASE_FILE, new, CASE_HEADER)
            entry = journal.append(d, act, stage, {"facts": changes}, actor=actor or self.actor, anchor_facts=True)
            case._read_from = entry.get(anchor.FACTS_KEY)
            return entry

    def accept_outside_change(self, case_ref: str, reason: str, *, actor: str | None = None) -> dict[str, Any]:
        """Journal a deliberate hand edit of case.toml (and any an earlier write found) as accepted,
        with the reason: ``journal verify`` stops reporting it. Refused when there is nothing to accept."""
        if not reason.strip():
            raise ValidationError("请写明确认的理由（--reason），未做改动")
        cid = self.resolve(case_ref)
        d = self.cases_dir / cid
        with self.case_lock(cid):
            data = _read_toml(d / CASE_FILE)
            case = validate(Case, data, str(d / CASE_FILE))  # a broken file is repaired, not accepted
            entries = journal.read(d)
            fields = anchor.unanchored_fields(entries, data) or []
            earlier = [e["seq"] for e in anchor.pending(entries)]
            if not fields and not earlier:
                raise UsageError(f"案件 {cid} 的 case.toml 与记录一致，没有需要确认的记录外修改")
            return journal.append(d, anchor.ACCEPTED, stage_of_state(case.state), {"fields": fields, "accepts": earlier, "reason": reason.strip()},
                                  actor=actor or self.actor, anchor_facts=True)

    def journal(self, case_id: str, act: str, stage: str, changes: dict[str, Any] | None = None, *, docs: dict[str, str | None] | None = None) -> dict[str, Any]:
        return journal.append(self.cases_dir / case_id, act, stage, changes, docs=docs, actor=self.actor)


def with_case_lock(fn):
    """For an operation ``fn(ws, case_ref, …)`` that reads a case's files and writes them back:
    the case is resolved once and its lock held for the whole operation."""

    @functools.wraps(fn)
    def wrapper(ws: "Workspace", case_ref: str, *args: Any, **kwargs: Any) -> Any:
        cid = ws.resolve(case_ref)
        with ws.case_lock(cid):
            return fn(ws, cid, *args, **kwargs)

    return wrapper


CASE_HEADER = "# casefile 案件事实（schema_version 见下；字段说明见 docs/case-schema.md）"
