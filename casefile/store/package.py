"""The submission package: one zip that carries a case between handler and reviewer.

Layout::

    manifest.json          {"format", "version", "case", "number", "created",
                            "binding_order": [...], "files": {path: sha256}}
    <case-id>/case.toml, documents.toml, journal.jsonl, docs/…, evidence/…, reviews/…

Import checks everything before it writes anything — every name (no absolute
paths, no "..", no links, no duplicates, no over-long names), every size against
``data/package_limits.toml``, every checksum, the case id, the journal's chain
and recorded head, and every document against the hash the journal recorded for
it — then the case appears in the workspace whole (one rename) or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import stat
import tomllib
import zipfile
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from casefile.store import documents, package_trust

from casefile.chain import heads, journal

from casefile.ingest import resume
from casefile.output.toc import binding_order
from casefile.output.dossier import assemble
from casefile.errors import CaseExists, PackageError
from casefile.store.fsutil import atomic_output, atomic_write_text, sha256_file
from casefile.ingest.limits import check_package_space
from casefile.model import Case
from casefile.model.names import check_name
from casefile.model.validation import validate
from casefile.store.workspace import CASE_FILE, Workspace, with_case_lock

FORMAT = "casefile-package"
VERSION = 1
MANIFEST = "manifest.json"
RECEIVED = "received-from.json"  # in the case folder of a package another agency sent
_SKIP_DIRS = {".cache"}
# zip timestamps are fixed so the same dossier gives the same package bytes
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def _case_files(case_dir: Path) -> list[Path]:
    out = []
    for p in sorted(case_dir.rglob("*")):
        rel = p.relative_to(case_dir)
        if p.is_file() and not (set(rel.parts) & _SKIP_DIRS) and not resume.is_marker(p.name):
            out.append(p)
    return out


@with_case_lock  # nothing changes the case while it is read into the package
def export_package(ws: Workspace, case_ref: str, dest: Path) -> dict[str, Any]:
    """Write the package straight to a temporary file beside ``dest``, one file at a time in
    pieces (a 450 MiB video is never held in memory), then rename it into place."""
    case = ws.load_case(case_ref)
    case_dir = ws.cases_dir / case.id
    order = binding_order(assemble(ws, case.id))
    files: dict[str, str] = {}
    with atomic_output(Path(dest), clean=True) as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for p in _case_files(case_dir):
                name = f"{case.id}/{p.relative_to(case_dir).as_posix()}"
                files[name] = _copy_into(z, p, name)
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "case": case.id,
                "number": case.number,
                "created": journal.now_iso(),
                "binding_order": [f"{case.id}/{f}" for f in order],
                "files": files,
                # who sends it, and the digest the receiver is shown to compare by another way
                "sender": package_trust.sender_of(case.id, ws.profile.name, journal.read(case_dir)),
            }
            z.writestr(zipfile.ZipInfo(MANIFEST, _ZIP_TIME), json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"),
                       zipfile.ZIP_DEFLATED)
    return {"case": case.id, "package": str(dest), "files": len(files), "binding_order": manifest["binding_order"],
            "sha256": sha256_file(Path(dest)), "sender": manifest["sender"]}


def _copy_into(z: zipfile.ZipFile, src: Path, name: str) -> str:
    """Copy ``src`` into the zip as ``name`` in 1 MiB pieces; its SHA-256."""
    info = zipfile.ZipInfo(name, _ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    h = hashlib.sha256()
    with open(src, "rb") as f, z.open(info, "w", force_zip64=os.fstat(f.fileno()).st_size > (1 << 31)) as w:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            w.write(chunk)
    return h.hexdigest()


def _safe_member(name: str) -> PurePosixPath:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(f"案卷包中的文件名“{name}”是绝对路径，已拒绝导入，工作区未改动")
    p = PurePosixPath(name)
    if any(part in ("..", "") for part in p.parts) or ".." in name.split("/"):
        raise PackageError(f"案卷包中的文件名“{name}”含有“..”，已拒绝导入，工作区未改动")
    return p


@lru_cache(maxsize=1)
def limits() -> dict[str, int]:
    with open(Path(str(resources.files("casefile") / "data" / "package_limits.toml")), "rb") as f:
        return tomllib.load(f)


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _member_problems(infos: list[zipfile.ZipInfo]) -> list[str]:
    """What is wrong with the members' names, kinds and declared sizes (nothing read yet)."""
    lim = limits()
    problems = []
    names = [i.filename for i in infos]
    if len(infos) > lim["max_members"]:
        problems.append(f"包中有 {len(infos)} 个文件，超过上限 {lim['max_members']}")
    seen: set[str] = set()
    for n in names:
        if n in seen:
            problems.append(f"{n}：包中有两个同名文件（不同工具会取不同的一份），已拒绝")
        seen.add(n)
    files = {n for n in names if not n.endswith("/")}
    dirs = {str(PurePosixPath(n).parent) for n in files}
    for n in sorted(files):
        if any(d == n or d.startswith(n + "/") for d in dirs):
            problems.append(f"{n}：既是文件又是文件夹")
    total = 0
    for i in infos:
        if i.is_dir():
            continue
        if _is_link(i):
            problems.append(f"{i.filename}：是符号链接，案卷包中不允许链接")
            continue
        if any(len(part.encode("utf-8")) > lim["max_name_bytes"] for part in PurePosixPath(i.filename).parts):
            problems.append(f"{i.filename[:60]}…：文件名过长（超过 {lim['max_name_bytes']} 字节）")
        if i.file_size > lim["max_member_bytes"]:
            problems.append(f"{i.filename}：解压后 {i.file_size} 字节，超过单个文件上限 {lim['max_member_bytes']} 字节")
        elif i.file_size > lim["ratio_exempt_bytes"] and i.file_size > lim["max_ratio"] * max(i.compress_size, 1):
            problems.append(f"{i.filename}：压缩比 {i.file_size // max(i.compress_size, 1)} 倍，超过上限 {lim['max_ratio']} 倍（疑似压缩炸弹）")
        total += i.file_size
    if total > lim["max_total_bytes"]:
        problems.append(f"包解压后共 {total} 字节，超过上限 {lim['max_total_bytes']} 字节")
    return problems


def _stream(z: zipfile.ZipFile, info: zipfile.ZipInfo, sink=None) -> str:
    """The member's SHA-256, reading it in chunks; stops at the size it declared, so a member
    whose header lies about its size cannot expand without bound."""
    h = hashlib.sha256()
    n = 0
    with z.open(info) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                break
            n += len(chunk)
            if n > info.file_size:
                raise PackageError(f"{info.filename}：解压出的内容比声明的大小多，已拒绝")
            h.update(chunk)
            if sink is not None:
                sink.write(chunk)
    return h.hexdigest()


# the small files verification needs in memory; documents and evidence are only hashed
_KEEP = (CASE_FILE, "documents.toml", journal.JOURNAL)


def read_package(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Open and verify a package without writing anything; raise with every problem found.

    Returns the manifest and the small files verification read (case.toml,
    documents.toml, journal.jsonl); documents are hashed in chunks, not kept."""
    path = Path(path)
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        raise PackageError(f"{path} 不是有效的 zip 案卷包：{e}") from None
    with z:
        infos = z.infolist()
        for i in infos:
            _safe_member(i.filename)
        names = [i.filename for i in infos]
        if MANIFEST not in names:
            raise PackageError(f"{path} 中没有 {MANIFEST}，不是 casefile 案卷包")
        problems = _member_problems(infos)
        if problems:
            raise PackageError(f"案卷包 {path} 校验失败，已拒绝导入，工作区未改动", details=problems)
        try:
            manifest = json.loads(z.read(MANIFEST))
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise PackageError(f"{path} 的 {MANIFEST} 无法读取") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise PackageError(f"{path} 不是 casefile 案卷包（format 不符）")
        case_id = check_name(str(manifest.get("case", "")))
        listed = manifest.get("files", {})
        if not isinstance(listed, dict):
            raise PackageError(f"{path} 的 {MANIFEST} 中没有文件清单")
        contents: dict[str, bytes] = {}
        hashes: dict[str, str] = {}
        for i in infos:
            n = i.filename
            if n == MANIFEST or i.is_dir():
                continue
            if not n.startswith(f"{case_id}/"):
                problems.append(f"{n}：不在案件文件夹 {case_id}/ 之下")
                continue
            if n not in listed:
                problems.append(f"{n}：清单（manifest）中没有这个文件")
                continue
            try:
                if n[len(case_id) + 1:] in _KEEP or package_trust.ROUND_RE.match(n[len(case_id) + 1:]):
                    buf = io.BytesIO()
                    digest = _stream(z, i, buf)
                    contents[n] = buf.getvalue()
                else:
                    digest = _stream(z, i)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as e:
                problems.append(f"{n}：无法解压（{e}）")
                continue
            hashes[n] = digest
            if digest != listed[n]:
                problems.append(f"{n}：SHA-256 校验不符（文件被改动或损坏）")
        for n in listed:
            if n not in hashes and not any(p.startswith(n + "：") for p in problems):
                problems.append(f"{n}：清单中有、包中缺少")
        if f"{case_id}/{CASE_FILE}" not in contents:
            problems.append(f"缺少 {case_id}/{CASE_FILE}")
        if not problems:
            problems = _record_problems(case_id, contents, hashes)
        if not problems:
            problems = _sender_problems(manifest, case_id, contents)
        if problems:
            raise PackageError(f"案卷包 {path} 校验失败，已拒绝导入，工作区未改动", details=problems)
    return manifest, contents


def _sender_problems(manifest: dict[str, Any], case_id: str, contents: dict[str, bytes]) -> list[str]:
    """The sender the manifest states against the journal it carries (a package from before
    senders were stated gets one from case.toml's agency)."""
    entries = journal.parse(contents[f"{case_id}/{journal.JOURNAL}"])
    stated = manifest.get("sender")
    if stated is None:
        facts = tomllib.loads(contents[f"{case_id}/{CASE_FILE}"].decode("utf-8"))
        manifest["sender"] = package_trust.sender_of(case_id, str(facts.get("agency", "")), entries)
        return []
    if not isinstance(stated, dict) or stated != package_trust.sender_of(case_id, str(stated.get("agency", "")), entries):
        return [f"{MANIFEST} 中的发送机关与链头摘要与包中的全过程记录不符"]
    return []


def _record_problems(case_id: str, contents: dict[str, bytes], hashes: dict[str, str]) -> list[str]:
    """The package against its own full-process record: the case id, the journal's chain and
    head, and every document and attachment against the hash the journal recorded for it."""
    problems = []
    try:
        facts = tomllib.loads(contents[f"{case_id}/{CASE_FILE}"].decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as e:
        return [f"{case_id}/{CASE_FILE} 无法读取：{e}"]
    if facts.get("id") != case_id:
        problems.append(f"{case_id}/{CASE_FILE} 中的案件编号“{facts.get('id')}”与清单和文件夹的编号“{case_id}”不一致")
    entries = journal.parse(contents.get(f"{case_id}/{journal.JOURNAL}", b""))
    breaks = list(journal.chain_breaks(entries))
    if breaks:
        return problems + [f"{case_id}/{journal.JOURNAL}：{breaks[0].message}"]
    if not entries:
        return problems + [f"{case_id}/{journal.JOURNAL}：没有全过程记录（为空或缺少）"]
    problems += package_trust.facts_problems(case_id, facts, entries)
    for name in sorted(contents):
        rel = name[len(case_id) + 1:]
        if package_trust.ROUND_RE.match(rel):
            problems += package_trust.round_problems(case_id, rel, contents[name], entries)
    head = facts.get(heads.HEAD_KEY)
    if isinstance(head, dict) and isinstance(head.get("entries"), int) and isinstance(head.get("hash"), str):
        wrong = heads.compare(entries, head, f" {CASE_FILE} ")
        if wrong:
            problems.append(f"{case_id}/{journal.JOURNAL}：{wrong}")
    recorded = journal.last_doc_hashes(entries)
    for rel, digest in sorted(recorded.items()):
        name = f"{case_id}/{rel}"
        if digest is None:
            if name in hashes:
                problems.append(f"{name}：记录中已删除，包中却有这个文件")
        elif name not in hashes:
            problems.append(f"{name}：记录中有这份文件，包中缺少")
        elif hashes[name] != digest:
            problems.append(f"{name}：内容与全过程记录中的哈希不符（记录外被修改）")
    for name in sorted(hashes):
        rel = name[len(case_id) + 1:]
        if rel.split("/", 1)[0] in ("docs", "evidence") and rel not in recorded:
            problems.append(f"{name}：全过程记录中没有这份文件的记录")
    return problems


def import_package(ws: Workspace, path: Path, *, replace: bool = False, accept_foreign: bool = False) -> dict[str, Any]:
    """Verify the package entirely, then write it to a staging folder and rename it into place.
    A refused package leaves the workspace byte-for-byte as it was. A package another agency sent
    is refused unless ``accept_foreign`` (then journaled as that agency's)."""
    manifest, contents = read_package(Path(path))
    case_id = manifest["case"]
    sender = manifest["sender"]
    foreign = bool(sender["agency"]) and sender["agency"] != ws.profile.name
    if foreign and not accept_foreign:
        raise PackageError(f"案卷包来自“{sender['agency']}”，不是本机关（{ws.profile.name}）的案卷，已拒绝导入，工作区未改动",
                           details=[f"发送方链头：{sender['entries']} 条记录，摘要 {sender['digest']}",
                                    "确属接收他机关案卷（移送、复议调卷）的，向发送方核对摘要后加 --accept-foreign 导入"])
    target = ws.cases_dir / case_id
    data = tomllib.loads(contents[f"{case_id}/{CASE_FILE}"].decode("utf-8"))
    validate(Case, data, f"案卷包中的 {case_id}/{CASE_FILE}")
    if target.exists() and not replace:
        raise CaseExists(f"工作区中已有案件 {case_id}，未做改动", details=["如要替换，加 --replace（原案件会移到 cases/.replaced/ 保留）"])
    # the bytes the package will write against the disk's free space (casefile/data/limits.toml)
    check_package_space(ws.cases_dir, sum(len(v) for v in contents.values()), f"案卷包 {Path(path).name}", error=PackageError)
    with ws.case_lock(case_id):
        result = _install(ws, Path(path), manifest, case_id, target, foreign)
    # the package is sealed by its hashes: a case type its documents contradict is named, not changed
    result["type_warning"] = _type_warning(data, contents.get(f"{case_id}/{documents.REGISTER}", b""))
    return dict(result, sender=sender, foreign=foreign)


def _type_warning(case_data: dict[str, Any], register: bytes) -> str:
    """A warning when the package's documents show another case type than its case.toml says (issue 28)."""
    from casefile.ingest import case_typing
    try:
        docs = tomllib.loads(register.decode("utf-8")).get("documents", [])
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    typing = case_typing.decide(d.get("doc_type", "") for d in docs if isinstance(d, dict))
    return case_typing.mismatch(case_data.get("case_type", "行政处罚"), typing)


def _install(ws: Workspace, path: Path, manifest: dict[str, Any], case_id: str, target: Path, foreign: bool) -> dict[str, Any]:
    listed: dict[str, str] = manifest["files"]
    staging = ws.cases_dir / f".{case_id}.importing"
    if staging.exists():
        shutil.rmtree(staging)
    kept = None
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                n = info.filename
                if n == MANIFEST or info.is_dir():
                    continue
                dest = staging / n[len(case_id) + 1:]
                dest.parent.mkdir(parents=True, exist_ok=True)
                with open(dest, "xb") as out:
                    # hashed again while written: the zip may have changed since it was verified
                    if _stream(z, info, out) != listed[n]:
                        raise PackageError(f"{n}：写入时校验不符（案卷包在导入过程中被改动），已拒绝导入，工作区未改动")
        for sub in ("docs", "evidence", "reviews"):
            (staging / sub).mkdir(exist_ok=True)
        if foreign:  # another agency's case: kept apart in this agency's statistics (casefile.output.stats)
            atomic_write_text(staging / RECEIVED, json.dumps(manifest["sender"], ensure_ascii=False, indent=1))
        if target.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = ws.cases_dir / ".replaced" / f"{case_id}-{stamp}"
            kept.parent.mkdir(parents=True, exist_ok=True)
            os.replace(target, kept)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    sender = manifest["sender"]
    journal.append(target, "导入他机关案卷包" if foreign else "导入案卷包", "审查",
                   {"package": str(path), "files": len(listed), "sender": sender["agency"], "sender_digest": sender["digest"]},
                   actor=ws.actor)
    return {"case": case_id, "files": len(listed), "replaced": str(kept) if kept else None}
