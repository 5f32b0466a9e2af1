"""The records office's work both front ends share: the journal across cases, a case's
publicity standing, dossier export and print in one pass, reading the law library, and
the per-file results of a law import. The CLI commands and the TUI screens call these, so
the steps (and their order) are written once."""

from __future__ import annotations

import datetime as dt
import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from casefile.chain import journal

from casefile.output import pages
from casefile.model.cn import parse_cn_number
from casefile.errors import CasefileError, UsageError
from casefile.law.laws import Library, article_texts, imported_laws, version_file
from casefile.model import ActKind
from casefile.output.publicity import due_list
from tui.application.clock import parse_day
from tui.application.core import Core, Result, Service

if TYPE_CHECKING:  # the services this one calls, and what a dossier export returns
    from casefile.output.binding import TocRow
    from casefile.output.dossier import Dossier
    from tui.application.documents import Documents
    from tui.application.records import Records

Progress = Callable[[int, int, str], None]

# 第二十八条 / 第28条 / 28 / 10之一 / 10-1 → the library's key ("28", "10-1")
_ARTICLE_REF = re.compile(r"^\s*第?\s*([0-9〇零一二三四五六七八九十百千两]+)\s*条?\s*(?:[之-]\s*([0-9一二三四五六七八九十]+))?\s*$")


def article_key(text: str) -> str:
    """The library key of an article number a person typed; '' when it is none."""
    m = _ARTICLE_REF.match(text or "")
    if not m:
        return ""
    try:
        n = parse_cn_number(m.group(1))
        return str(n) if not m.group(2) else f"{n}-{parse_cn_number(m.group(2))}"
    except ValueError:
        return ""


def article_label(key: str) -> str:
    """"10-1" → 第10条之1 (how a person reads the key)."""
    n, _, sub = key.partition("-")
    return f"第{n}条" + (f"之{sub}" if sub else "")


def journal_summary(e: dict[str, Any]) -> str:
    """One line on what a journal entry changed (a file, the facts edited, the values)."""
    ch = e.get("changes") or {}
    if "facts" in ch:
        return "修改：" + "、".join(ch["facts"])
    if "file" in ch:
        return str(ch["file"])
    if "files" in ch and isinstance(ch["files"], list):
        return "、".join(str(f) for f in ch["files"])
    return "，".join(f"{k}={v}" for k, v in ch.items() if not isinstance(v, (dict, list)))


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
class DossierPaths(Result):
    package: Path
    print: Path


@dataclass
class DossierExport(Result):
    """What an export did: the dossier finished (its 卷内目录 rows and warnings), the package and the
    print document written (None when not asked), and ``notes`` on what could not be done as asked."""

    case: str
    dossier: Dossier
    rows: list[TocRow]
    warnings: list[str]
    export: dict[str, Any] | None = None
    print: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)


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


class Office(Service):
    def __init__(self, core: Core, *, documents: Documents, records: Records):
        super().__init__(core)
        self.documents = documents
        self.records = records

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

    @staticmethod
    def journal_summary(e: dict[str, Any]) -> str:
        return journal_summary(e)

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

    # -- dossier export and print -------------------------------------------------------------
    @staticmethod
    def pdf_available() -> bool:
        """Whether LibreOffice is installed to turn the print .docx into a PDF."""
        return pages.soffice() is not None

    def dossier_paths(self, case_ref: str, folder: Path) -> DossierPaths:
        """Where an export into ``folder`` writes: the 送审案卷包 and the print document."""
        cid = self.ws.resolve(case_ref)
        folder = Path(folder)
        return DossierPaths(folder / f"{cid}-案卷包.zip", folder / f"{cid}-案卷打印.docx")

    def export_dossier(self, case_ref: str, *, zip_to: Path | None = None, print_to: Path | None = None,
                       progress: Progress | None = None) -> DossierExport:
        """The 卷内目录, 备考表 and 封面 first (so both outputs carry them), then the package and/or
        the print document (.docx, and a PDF beside it when LibreOffice is installed). ``notes``
        says in Chinese what could not be done as asked (no LibreOffice: .docx only)."""
        steps = 1 + bool(zip_to) + bool(print_to)
        step = 0

        def tell(msg: str) -> None:
            nonlocal step
            step += 1
            if progress:
                progress(step, steps, msg)

        tell("正在生成卷内目录、备考表和封面……")
        d, rows, warnings = self.documents.finish_dossier(case_ref)
        out = DossierExport(d.case.id, d, rows, warnings)
        if zip_to:
            tell(f"正在导出案卷包 {zip_to} ……")
            Path(zip_to).parent.mkdir(parents=True, exist_ok=True)
            out.export = self.documents.export_package(d.case.id, Path(zip_to))
        if print_to:
            tell(f"正在合并打印文档 {print_to} ……")
            Path(print_to).parent.mkdir(parents=True, exist_ok=True)
            out.print = self.documents.print_dossier(d.case.id, Path(print_to))
            if not out.print.get("pdf"):
                out.notes.append("未安装 LibreOffice，未生成 PDF；已生成可打印的 .docx（可用 WPS 或 Word 打开打印）"
                                    if not self.pdf_available() else "LibreOffice 未能转换出 PDF；已生成可打印的 .docx")
        return out

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

    @staticmethod
    def article_key(text: str) -> str:
        return article_key(text)

    # -- statistics to a file -----------------------------------------------------------------
    STATS_FORMATS = {".csv": "csv", ".docx": "docx"}

    def save_stats(self, s: dict[str, Any], path: Path) -> Path:
        """Write the year's statistics to ``path``; the format follows its ending (.csv or .docx)."""
        path = Path(path)
        fmt = self.STATS_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise UsageError(f"{path.name}：只能另存为 .csv 或 .docx 文件")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.records.export_stats(s, fmt))
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


_ERRNO_TEXT = {errno.ENOENT: "不存在", errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间已满",
               errno.EDQUOT: "磁盘配额已满", errno.EISDIR: "是文件夹，不是文件", errno.ENOTDIR: "路径中有一段不是文件夹",
               errno.EROFS: "所在磁盘只读", errno.EEXIST: "已存在"}


def io_problem(e: OSError) -> str:
    """An operating-system error in Chinese, naming the file (the front ends show it as is)."""
    where = e.filename or "文件"
    return f"无法读写 {where}：{_ERRNO_TEXT.get(e.errno, f'系统错误（错误号 {e.errno}）')}"
