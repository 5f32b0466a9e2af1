"""Records kept beside the cases: the journal (one case's, all cases' oldest first, verified, sealed),
publicity (deadlines, a case's standing, the public version, publishing and withdrawal, the day a person
says it was done), annual statistics (and their file) and the law library (its statutes with their words)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casefile.chain import anchor, heads, journal, seal

from casefile.store import catalog, privacy

from casefile.output import registers
from casefile.errors import CasefileError, IntegrityError, UsageError
from casefile.output import stats as annual_stats
from casefile.law.laws import Library, article_texts, import_library, imported_laws, version_file
from casefile.model import ActKind
from casefile.output.publicity import Due, due_list, export_public, record
from tui.application.access import guarded
from tui.application.clock import parse_day
from tui.application.core import Result
from tui.application.office import article_label
from tui.application.search import Indexed



@dataclass
class JournalCheck(Result):
    """Breaks per case (none: intact), each checked case's count of journal entries, whether its head
    was recorded, the seal checked against, and entries written before the facts were anchored."""

    results: dict[str, list[dict[str, Any]]]
    entries: dict[str, int]
    head_recorded: dict[str, bool]
    sealed: dict[str, Any] | None
    unanchored: dict[str, int]

    @property
    def breaks(self) -> dict[str, list[dict[str, Any]]]:
        return {cid: b for cid, b in self.results.items() if b}

    def verdict(self) -> dict[str, Any]:
        """What ``casefile journal verify --json`` prints."""
        out = {"cases": len(self.results), "ok": not self.breaks, "breaks": self.breaks, "unanchored": self.unanchored}
        if self.sealed:
            out["against"] = {"digest": self.sealed["digest"], "sealed": self.sealed["sealed"]}
        return out


@dataclass
class OutsideChange(Result):
    """A change of case.toml made outside casefile, accepted into the journal as entry ``seq``."""

    case: str
    seq: int
    fields: list[str]
    accepts: Any
    reason: str


@dataclass
class LawLookup(Result):
    name: str
    found: str | None
    status: str
    message: str
    versions: list[str]


@dataclass
class PublicityAct(Result):
    """A 公示 or its 撤回 recorded on a case (``act``), on ``date`` (ISO), with its platform or reason."""

    case: str
    act: str
    date: str
    note: str


@dataclass
class JournalEntries(Result):
    """Journal entries across cases, oldest first, each with its ``case``; journals that could not be read."""

    entries: list[dict[str, Any]]
    unreadable: list[dict[str, str]]


@dataclass
class PublicityStatus(Result):
    """Where a case stands for 公示; ``blocked``: why the public version cannot be made ('' when it can)."""

    case: str
    number: str
    party: str
    state: str
    decided: str
    published: list[dict[str, str]]
    withdrawn: list[dict[str, str]]
    due: dict[str, Any] | None
    blocked: str


@dataclass
class LawEntry(Result):
    name: str
    versions: list[str]
    origin: str  # 随附, 导入 or 随附+导入
    articles: int  # in the latest version


@dataclass
class LawText(Result):
    """A law's articles ({"key", "label", "text"}) in one version; ``missing`` says why their words cannot be shown."""

    name: str
    version: str
    versions: list[str]
    file: str
    missing: str
    articles: list[dict[str, str]]


class Records(Indexed):
    # -- journal ----------------------------------------------------------------------------
    def journal(self, case_ref: str) -> list[dict[str, Any]]:
        return journal.read(self.ws.cases_dir / self.ws.resolve(case_ref))

    def verify_journals(self, case_ref: str | None = None, against: str | None = None) -> JournalCheck:
        """Breaks per case — the hash chain, the heads recorded outside the journal (case.toml and the
        workspace ledger: a cut, emptied or deleted journal or case) and the documents' hashes — for one
        case, all cases (missing ones included), or against a seal handed out before (``against``:
        its file, its JSON or its digest). ``entries`` counts each case's journal; ``head_recorded``
        is False for a case made before heads were recorded."""
        sealed = None
        if against:
            sealed = seal.load_seal(self.ws, against)
            results = seal.verify_against(self.ws, sealed)
            if case_ref:
                cid = case_ref if case_ref in results else self.ws.resolve(case_ref)
                results = {cid: results.get(cid, [{"line": 0, "seq": None, "message": f"封存摘要中没有案件 {cid}"}])}
        else:
            results = seal.verify_workspace(self.ws, [self.ws.resolve(case_ref)] if case_ref else None)
        read = {cid: journal.read(self.ws.cases_dir / cid) for cid, b in results.items() if not b}
        entries = {cid: len(e) for cid, e in read.items()}
        recorded = {cid: heads.read_case_head(self.ws.cases_dir / cid) is not None for cid in entries}
        # entries written before the facts were anchored (an old workspace): 未锚定 until then
        unanchored = {cid: anchor.unanchored_until(e) for cid, e in read.items() if anchor.unanchored_until(e)}
        return JournalCheck(results, entries, recorded, sealed, unanchored)

    @guarded("accept_outside_change", "ref")
    def accept_outside_change(self, case_ref: str, reason: str) -> OutsideChange:
        """Journal a deliberate change of case.toml made outside casefile, with its reason."""
        cid = self.ws.resolve(case_ref)
        entry = self.ws.accept_outside_change(cid, reason)
        self.search.reindex(cid, refresh=True)
        ch = entry["changes"]
        return OutsideChange(cid, entry["seq"], ch["fields"], ch["accepts"], ch["reason"])

    def exposed_files(self) -> list[str]:
        """Workspace files and folders readable by more people than workspace.toml's file_access allows."""
        return privacy.exposed(self.ws.root, self.ws.profile.file_access)

    @guarded("seal")
    def seal_journals(self, case_ref: str | None = None) -> dict[str, Any]:
        """A dated digest of the journals' heads to hand to the 法制机构 (refused while a journal is broken)."""
        ids = [self.ws.resolve(case_ref)] if case_ref else None
        bad = {cid: b for cid, b in seal.verify_workspace(self.ws, ids).items() if b}
        if bad:
            first = next(iter(bad))
            raise IntegrityError(f"案件 {first} 的记录未通过校验，不能封存：{bad[first][0]['message']}",
                                 details=["先用 casefile journal verify --all 查明原因"])
        return seal.make_seal(self.ws, ids)

    @staticmethod
    def seal_text(sealed: dict[str, Any]) -> str:
        return seal.seal_text(sealed)

    def unreadable_cases(self) -> list[tuple[str, str]]:
        """Cases whose case.toml cannot be read (left out of lists and counts, and named)."""
        return catalog.broken_cases(self.ws)

    # -- publicity --------------------------------------------------------------------------
    def publicity_due(self) -> list[Due]:
        """Decisions to publish or withdraw, then the 事前公开 registers that changed since written."""
        return catalog.publicity_due(self.ws, self.today) + registers.due(self.ws, self.today)

    @guarded("publish", "ref")
    def export_public(self, case_ref: str, out_dir: Path) -> dict[str, Any]:
        return export_public(self.ws, case_ref, Path(out_dir), self.today)

    @guarded("publish", "ref")
    def publish(self, case_ref: str, day: dt.date | None = None, where: str = "") -> PublicityAct:
        return self._record(case_ref, ActKind.PUBLICATION, day, where)

    @guarded("publish", "ref")
    def withdraw(self, case_ref: str, reason: str, day: dt.date | None = None) -> PublicityAct:
        return self._record(case_ref, ActKind.WITHDRAWAL, day, reason)

    def _record(self, case_ref: str, kind: ActKind, day: dt.date | None, note: str) -> PublicityAct:
        result = PublicityAct(**record(self.ws, case_ref, kind, day or self.today, note))
        self.search.reindex(result.case, refresh=True)
        return result

    # -- statistics -------------------------------------------------------------------------
    def annual_stats(self, year: int) -> dict[str, Any]:
        """From the derived catalogue (one row per case, refreshed when a folder changed); cases whose
        files cannot be read are left out of every count and named."""
        s = catalog.annual_stats(self.ws, year)
        s["unreadable"] = [{"case": cid, "error": e} for cid, e in catalog.broken_cases(self.ws)]
        return s

    @staticmethod
    def stats_rows(s: dict[str, Any]) -> list[tuple[str, object]]:
        return annual_stats.rows(s)

    def export_stats(self, s: dict[str, Any], fmt: str) -> bytes:
        """The statistics as a file: ``csv`` or ``docx``."""
        if fmt == "csv":
            return annual_stats.to_csv(s)
        if fmt == "docx":
            return annual_stats.to_docx(s, self.ws.profile.name)
        raise ValueError(f"unknown statistics format {fmt!r}")

    # -- the law library ---------------------------------------------------------------------
    @guarded("manage_users")
    def import_laws(self, directory: Path) -> dict[str, Any]:
        return import_library(self.ws.root, Path(directory), imported_on=self.today)

    def law(self, name: str, article: int | None = None) -> LawLookup:
        lib = Library.for_workspace(self.ws.root)
        look = lib.check(name, article)
        found = lib.find(name)
        return LawLookup(name, found, look.status, look.message, [v["version"] for v in lib.laws.get(found or "", [])])

    # -- the journal across cases -------------------------------------------------------------
    def journal_entries(self, case_ref: str | None = None) -> JournalEntries:
        """Every case's journal entries (or one case's) oldest first, each with its ``case``;
        ``unreadable`` names journals that could not be read (left out, not hidden)."""
        ids = [self.ws.resolve(case_ref)] if case_ref else self.ws.case_ids()
        out: list[dict[str, Any]] = []
        unreadable: list[dict[str, str]] = []
        for cid in ids:
            try:
                entries = journal.read(self.ws.cases_dir / cid)
            except (CasefileError, OSError, ValueError) as e:
                unreadable.append({"case": cid, "error": str(e)})
                continue
            # a line that is not a record (journal.parse keeps its number) is named, not shown blank
            unreadable += [{"case": cid, "error": f"第 {e['_unreadable']} 行不是有效的记录"} for e in entries if "_unreadable" in e]
            out += [dict(e, case=cid) for e in entries if "_unreadable" not in e]
        out.sort(key=lambda e: (e.get("time", ""), e["case"], e.get("seq") or 0))
        return JournalEntries(out, unreadable)

    # -- publicity of one case ----------------------------------------------------------------
    def publicity_status(self, case_ref: str) -> PublicityStatus:
        """Where a case stands for 公示: decided when, published / withdrawn when (with the note),
        and ``blocked`` — why the public version cannot be made ('' when it can)."""
        case = self.ws.load_case(case_ref)
        decided = case.first_date(ActKind.DECISION)
        due = next((d for d in due_list(self.ws, self.today, [case]) if d.kind == "公示"), None)
        blocked = "" if decided else f"案件状态为“{case.state.value}”，尚未作出决定，没有可公示的内容"
        if decided and due is not None and due.status == "不予公示":
            blocked = due.note or "不予公示"
        return PublicityStatus(
            case=case.id, number=case.number, party=case.party.name if case.party else "", state=case.state.value,
            decided=decided.isoformat() if decided else "",
            published=[{"date": a.date.isoformat(), "note": a.note} for a in case.acts_of(ActKind.PUBLICATION)],
            withdrawn=[{"date": a.date.isoformat(), "note": a.note} for a in case.acts_of(ActKind.WITHDRAWAL)],
            due=due.to_dict() if due else None, blocked=blocked,
        )

    # -- the law library ----------------------------------------------------------------------
    def law_list(self) -> list[LawEntry]:
        """The statutes the checks consult — the bundled ones with the workspace's imports laid
        over them — each with its versions, article count (latest version) and where it came from."""
        lib = Library.for_workspace(self.ws.root)
        mine = imported_laws(self.ws.root)["laws"]
        out = []
        for name in sorted(lib.laws):
            versions = lib.laws[name]
            ours = set(mine.get(name, []))
            origin = "导入" if ours and all(v["version"] in ours for v in versions) else "随附+导入" if ours else "随附"
            out.append(LawEntry(name, [v["version"] for v in versions], origin, len(versions[-1]["articles"]) if versions else 0))
        return out

    def law_articles(self, name: str, version: str | None = None) -> LawText:
        """A law's articles with their words: [{"key", "label", "text"}] of ``version`` (the
        latest when None). ``missing`` says why the words cannot be shown (the file it was
        imported from is gone), the article numbers then still listed."""
        lib = Library.for_workspace(self.ws.root)
        found = lib.find(name)
        if not found:
            raise UsageError(f"法律库中没有《{name}》")
        versions = lib.laws[found]
        v = next((x for x in versions if x["version"] == version), None) if version else versions[-1]
        if v is None:
            raise UsageError(f"《{found}》没有 {version} 版", details=["库中版本：" + "、".join(x["version"] or "未注明" for x in versions)])
        path = version_file(v, imported_laws(self.ws.root)["source"])
        texts = dict(article_texts(path)) if path else {}
        keys = sorted(v["articles"], key=lambda k: tuple(int(p) for p in k.split("-")))
        return LawText(found, v["version"], [x["version"] for x in versions], str(path) if path else "",
                       "" if path else f"找不到《{found}》的原文文件 {v.get('file', '')}（导入时的目录已不在），只列出条号",
                       [{"key": k, "label": article_label(k), "text": texts.get(k, "")} for k in keys])

    # -- statistics to a file -----------------------------------------------------------------
    STATS_FORMATS = {".csv": "csv", ".docx": "docx"}

    def save_stats(self, s: dict[str, Any], path: Path) -> Path:
        """Write the year's statistics to ``path``; the format follows its ending (.csv or .docx)."""
        path = Path(path)
        fmt = self.STATS_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise UsageError(f"{path.name}：只能另存为 .csv 或 .docx 文件")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.export_stats(s, fmt))
        return path

    def export_folder(self, what: str) -> Path:
        """Where an export goes unless the person names another folder: 导出/<what> in the
        workspace (the person sees and may change it before anything is written)."""
        return self.ws.root / "导出" / what

    def record_day(self, text: str, what: str) -> dt.date:
        """A date a person typed for something already done (公示, 撤回): a valid date, not after today."""
        day = parse_day(text, what) if text.strip() else self.today
        if day > self.today:
            raise UsageError(f"{what} {day} 晚于今天（{self.today}）", details=["登记的是已经完成的事，日期不能在将来"])
        return day
