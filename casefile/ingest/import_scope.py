"""What an import may take, decided before anything is written.

A person who picks a folder must see what it holds before it goes into a case. The
walk-through of the TUI (2026-11) imported the workspace folder into one case: 55
documents of five other cases, the case jumped 已立案 → 已决定 and took their
parties and fine. So:

* a workspace's own folders (its root, ``cases/``, a case folder, the index and the
  caches inside it) and anything inside them are refused outright, by the CLI as by
  the TUI, because their documents already belong to cases;
* a chosen folder that *contains* a workspace or a case folder has that subtree
  skipped, each named with the reason;
* a document whose text carries a 文号 that another case of the workspace holds
  (its case number, or the number of a document registered in it), or names another
  case's party while this case's party appears nowhere in it, is flagged as belonging
  there — only on that evidence, never on a guess (``casefile.ingest.steps.foreign``);
* :func:`preview` lists the files an import would take, each with the document type
  it would be recognised as and, for the rest, why it is skipped. It writes nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from casefile.store import documents
from casefile.errors import CasefileError, ImportRefused
from casefile.store.fsutil import sha256_bytes
from casefile.ingest.limits import limits
from casefile.ingest.textio import SUPPORTED
from casefile.store.workspace import CASE_FILE, CASES_DIR, PROFILE_FILE, Workspace

JOURNAL_FILE = "journal.jsonl"
DECISION_TYPES = ("decision", "summary_decision", "no_penalty_decision")


def _user_cache_root() -> Path | None:
    """casefile's per-user cache folder, without creating it (casefile.store.cachedir creates it on use)."""
    root = os.environ.get("CASEFILE_CACHE")
    if root:
        return Path(root).expanduser()
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - a dependency of casefile
        return None
    return Path(user_cache_dir("casefile", appauthor=False))


def _real(p: Path) -> Path:
    return Path(os.path.realpath(Path(p).expanduser()))


def _inside(p: Path, folder: Path) -> bool:
    return p == folder or folder in p.parents


def is_workspace(folder: Path) -> bool:
    return (folder / PROFILE_FILE).is_file()


def is_case_folder(folder: Path) -> bool:
    """A casefile case folder (facts and journal), wherever it lies: its documents belong to that case."""
    return (folder / CASE_FILE).is_file() and (folder / JOURNAL_FILE).is_file()


def refusal(ws: Workspace, path: Path) -> str:
    """Why ``path`` may not be imported (in Chinese), or '' when it may."""
    p = _real(path)
    root = _real(ws.root)
    if _inside(p, root):
        if p == root:
            what = "工作区文件夹本身"
        elif _inside(p, root / CASES_DIR):
            rel = p.relative_to(root / CASES_DIR).parts
            what = "工作区的案件目录" if not rel else f"案件 {rel[0]} 的文件夹" + ("" if len(rel) == 1 else "中的内容")
        else:
            what = f"工作区内部的“{p.relative_to(root).parts[0]}”（索引、缓存或登记数据）"
        return f"{path} 是本工作区（{root}）的{what}：其中的文书已属于各自的案件，不能再导入到案件中"
    for folder in [p] + list(p.parents):
        if is_workspace(folder):
            return f"{path} 位于另一个 casefile 工作区（{folder}）之内：其中的文书已属于那里的案件，不能导入"
        if is_case_folder(folder):
            return (f"{path} 位于 casefile 案件文件夹（{folder}）之内：整个案件应以案卷包导入（casefile package import），"
                    "不能当作文书导入")
    cache = _user_cache_root()
    if cache is not None and _inside(p, _real(cache)):
        return f"{path} 是 casefile 的缓存文件夹（{cache}）：其中只有派生数据，不能导入"
    return ""


def refuse_workspace_paths(ws: Workspace, paths: Iterable[Path]) -> None:
    """Raise :class:`ImportRefused` naming every path that lies in a workspace's own folders."""
    problems = [r for r in (refusal(ws, Path(p)) for p in paths) if r]
    if problems:
        raise ImportRefused("所选路径不能导入，没有导入任何文件", details=problems)


@dataclass
class Skipped:
    path: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


def collect(paths: Iterable[Path], *, limit: int | None = None) -> tuple[list[Path], list[Skipped]]:
    """The files an import of ``paths`` takes, and the folders and files it passes over with why.

    Given files are taken as they are (a wrong type is reported by the reader); under a folder,
    every supported file except hidden and Office lock files, links to files included so that
    they are named and refused; linked folders are not followed; a workspace or a case folder
    found inside is skipped whole. ``limit`` stops the walk once more files than that are found
    (a preview of a home folder must not read the whole disk)."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for p in map(Path, paths):
        if not (p.is_dir() and not p.is_symlink()):
            files.append(p)
            continue
        for top, dirs, names in os.walk(p):
            here = Path(top)
            keep = []
            for d in sorted(dirs):
                sub = here / d
                if d.startswith("."):
                    continue  # hidden folders (.git, .cache, .index): never documents of a case
                if sub.is_symlink():
                    skipped.append(Skipped(str(sub), "链接到其他位置的文件夹，未进入"))
                elif is_workspace(sub):
                    skipped.append(Skipped(str(sub), "这是一个 casefile 工作区：其中的文书已属于各自的案件，整个文件夹跳过"))
                elif is_case_folder(sub):
                    skipped.append(Skipped(str(sub), "这是一个 casefile 案件文件夹：应以案卷包导入，整个文件夹跳过"))
                else:
                    keep.append(d)
            dirs[:] = keep
            for n in sorted(names):
                f = here / n
                if n.startswith((".", "~$")):
                    continue
                if f.suffix.lower() not in SUPPORTED:
                    skipped.append(Skipped(str(f), f"不支持的文件类型 {f.suffix or '（无扩展名）'}，只能导入 .pdf、.docx、.txt"))
                    continue
                files.append(f)
            if limit is not None and len(files) > limit:
                break
    return files, skipped


def decision_summary(x: Any) -> str:
    """What a decision document would make the case record: its 文号, date and measures ('' for others)."""
    if x.doc_type not in DECISION_TYPES:
        return ""
    ms = []
    for m in x.fields.get("measures") or []:
        amount = m.get("amount")
        ms.append(f"{m.get('kind', '')}{f' {amount} 元' if amount else ''}")
    bits = [x.fields.get("doc_no") or "", x.fields.get("date") or "", "、".join(ms)]
    return "，".join(b for b in bits if b)


# -- the preview ------------------------------------------------------------------------------

TAKE = "导入"
SKIP = "跳过"


@dataclass
class PreviewItem:
    path: str
    action: str = TAKE  # 导入 / 跳过
    doc_type: str = ""  # catalogue code as recognised ('' when not read, "unknown" when not recognised)
    confidence: float = 0.0
    pages: int = 0
    doc_no: str = ""
    reason: str = ""  # why skipped, or what to know before importing (另属案件)
    other_case: str = ""  # the case of the workspace it seems to belong to
    decision: str = ""  # a decision's date and measures, which the import would record (shown before asking)

    @property
    def flagged(self) -> bool:
        return bool(self.other_case or self.reason) and self.action == TAKE

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "action": self.action, "doc_type": self.doc_type, "confidence": round(self.confidence, 2),
                "pages": self.pages, "doc_no": self.doc_no, "reason": self.reason, "other_case": self.other_case,
                "decision": self.decision}


@dataclass
class Preview:
    case: str
    paths: list[str]
    items: list[PreviewItem] = field(default_factory=list)  # files found, each taken or skipped
    folders_skipped: list[Skipped] = field(default_factory=list)
    truncated: bool = False  # more files than the limit: the list stops there
    case_type: dict[str, Any] = field(default_factory=dict)  # the type the files show (casefile.ingest.case_typing), with its evidence
    type_warning: str = ""  # the files look like another type's than the chosen case's

    @property
    def to_import(self) -> list[PreviewItem]:
        return [i for i in self.items if i.action == TAKE]

    @property
    def skipped(self) -> list[PreviewItem]:
        return [i for i in self.items if i.action == SKIP]

    @property
    def flagged(self) -> list[PreviewItem]:
        return [i for i in self.items if i.action == TAKE and i.reason]

    def to_dict(self) -> dict[str, Any]:
        return {"case": self.case, "paths": self.paths, "items": [i.to_dict() for i in self.items],
                "folders_skipped": [s.to_dict() for s in self.folders_skipped], "truncated": self.truncated,
                "to_import": len(self.to_import), "skipped": len(self.skipped) + len(self.folders_skipped),
                "flagged": len(self.flagged), "case_type": self.case_type, "type_warning": self.type_warning}


def max_preview_files() -> int:
    return int(limits().get("import", {}).get("max_preview_files", 2000))


def preview(ws: Workspace, case_id: str | None, paths: list[Path], *, classify: bool = True,
            progress: Callable[[int, int, str], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Preview:
    """The files an import of ``paths`` into ``case_id`` would take, without writing anything.

    Refuses (ImportRefused) a path in a workspace's own folders. With ``classify`` each file is
    read (without OCR: scanned pages are read at import) and recognised, so the list says what
    each would be imported as, and which carry a 文号 of another case of the workspace."""
    from casefile.ingest.extract import extract
    from casefile.ingest.steps.foreign import ForeignCheck
    from casefile.ingest.textio import read_document, read_input

    paths = [Path(p).expanduser() for p in paths]
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise ImportRefused(f"{p} 不存在", details=["检查路径是否拼写正确；可输入绝对路径，~ 表示主目录"])
    refuse_workspace_paths(ws, paths)
    cap = max_preview_files()
    files, skipped = collect(paths, limit=cap)
    pv = Preview(case=case_id or "", paths=[str(p) for p in paths], folders_skipped=[s for s in skipped if Path(s.path).is_dir()])
    if len(files) > cap:
        files, pv.truncated = files[:cap], True
    pv.items = [PreviewItem(s.path, SKIP, reason=s.reason) for s in skipped if not Path(s.path).is_dir()]
    check = ForeignCheck(ws, case_id) if classify else None
    # a file already in the case, byte for byte (the same folder chosen twice), is not taken again
    have: dict[str, str] = {}
    if case_id:
        for d in documents.load_register(ws.cases_dir / case_id).documents:
            if d.sha256:
                have.setdefault(d.sha256, d.file)  # the first copy, when it is in the case twice already
    for n, f in enumerate(files, 1):
        if cancelled and cancelled():
            break
        if progress:
            progress(n, len(files), f.name)
        item = PreviewItem(str(f))
        if classify:
            try:
                data = read_input(f)
                if sha256_bytes(data) in have:
                    item.action, item.reason = SKIP, f"与本案已有的文书 {have[sha256_bytes(data)]} 内容完全相同，不再导入"
                    pv.items.append(item)
                    continue
                doc = read_document(f, data, ocr=False)
                x = extract(doc)
            except CasefileError as e:
                item.action, item.reason = SKIP, str(e)
            except OSError as e:
                item.action, item.reason = SKIP, f"{f.name}：无法读取（{e.strerror or e}）"
            else:
                item.doc_type, item.confidence, item.pages = x.doc_type, x.confidence, len(doc.pages)
                item.doc_no = x.fields.get("doc_no", "") if x.doc_type != "unknown" else ""
                item.other_case, item.reason = check.check(x, doc.text)
                item.decision = decision_summary(x)
        pv.items.append(item)
    pv.items.sort(key=lambda i: (i.action != TAKE, i.path))
    if classify:
        from casefile.ingest import case_typing
        t = case_typing.decide(i.doc_type for i in pv.to_import if i.doc_type)
        pv.case_type = t.to_dict() | {"sentence": t.sentence()}
        if case_id:
            pv.type_warning = case_typing.mismatch(ws.load_case(case_id).case_type.value, t)
    return pv
