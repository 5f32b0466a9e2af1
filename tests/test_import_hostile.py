"""Hostile and broken files: each is named with what is wrong, and the good file beside it still
imports (issue 17, items 1 and 2). The hostile files are generated here, small on disk."""

from __future__ import annotations

import errno
import json
import os
import shutil
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document

DATA = Path(__file__).parent / "data"
GOOD = DATA / "import" / "samr_006133a8cb66a995c8fa5de583fa6584.txt"  # a real published decision


def _docx(path: Path, lines: list[str]) -> None:
    d = Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(path)


def _replace_part(src: Path, dest: Path, part: str, data: bytes | None = None, *, stream=None) -> None:
    """A copy of the .docx ``src`` with ``part`` replaced by ``data`` (or written from the chunks of ``stream``)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != part:
                zout.writestr(info, zin.read(info))
        if stream is None:
            zout.writestr(part, data)
        else:
            info = zipfile.ZipInfo(part)
            info.compress_type = zipfile.ZIP_DEFLATED
            with zout.open(info, "w", force_zip64=True) as f:
                for chunk in stream:
                    f.write(chunk)


@pytest.fixture
def plain_docx(tmp_path) -> Path:
    p = tmp_path / "模板.docx"
    _docx(p, ["清溪县市场监督管理局", "询问笔录", "询问时间：2026年11月18日"])
    return p


def _folder(tmp_path: Path, name: str) -> Path:
    f = tmp_path / name
    f.mkdir()
    shutil.copy(GOOD, f / "good.txt")
    return f


def _import(run_cli, ws, folder) -> tuple[int, dict, str]:
    code, out, err = run_cli("import", str(folder), "-w", str(ws.root), "--json")
    return code, json.loads(out), err


def _errors(data: dict) -> dict[str, str]:
    return {Path(e["file"]).name: e["error"] for e in data["errors"] if e["file"]}


def test_docx_bombs_billion_laughs_and_broken_xml_are_named_and_the_good_file_imports(demo_ws, tmp_path, plain_docx, run_cli):
    f = _folder(tmp_path, "炸弹")
    # 1. one paragraph of 256 MiB of text, deflated to a few hundred KB
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    _replace_part(plain_docx, f / "文字炸弹.docx", "word/document.xml",
                  stream=[head, *([b"A" * (1 << 20)] * 256), tail])
    # 2. "billion laughs": nested entities that would expand to 10^9 copies
    laughs = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    bomb = ('<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(laughs) + ']>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    _replace_part(plain_docx, f / "十亿笑声.docx", "word/document.xml", bomb.encode())
    # 3. document.xml cut off in the middle
    xml = zipfile.ZipFile(plain_docx).read("word/document.xml")
    _replace_part(plain_docx, f / "截断.docx", "word/document.xml", xml[: len(xml) // 2])
    code, data, err = _import(run_cli, demo_ws, f)
    errors = _errors(data)
    assert "压缩" in errors["文字炸弹.docx"] and "word/document.xml" in errors["文字炸弹.docx"]
    assert "实体" in errors["十亿笑声.docx"]
    assert "XML 已损坏" in errors["截断.docx"]
    assert [Path(d["file"]).name for d in data["documents"]] == ["good.txt"]
    assert (data["imported"], data["failed"], data["total"]) == (1, 3, 4) and code == 1
    case = demo_ws.load_case(data["case"])
    assert case.number == "固市监价罚〔2026〕15号"  # the good decision filled the case


def test_a_link_is_refused_not_followed(demo_ws, tmp_path, run_cli):
    f = _folder(tmp_path, "链接")
    secret = tmp_path / "outside.txt"
    secret.write_text("root:x:0:0:不应被导入的内容\n", encoding="utf-8")
    os.symlink(secret, f / "passwd.txt")
    code, data, err = _import(run_cli, demo_ws, f)
    assert "符号链接" in _errors(data)["passwd.txt"]
    case_dir = demo_ws.cases_dir / data["case"]
    assert sorted(p.name for p in (case_dir / "docs").iterdir()) == ["good.txt"]
    assert not any("root:x:0:0" in p.read_text("utf-8", "ignore") for p in case_dir.rglob("*") if p.is_file())


def test_a_text_over_spacys_limit_is_extracted_in_chunks(demo_ws, tmp_path, run_cli):
    # the real decision, then 1.1 M characters of narrative: over spaCy's 1,000,000
    f = tmp_path / "长文"
    f.mkdir()
    good = GOOD.read_text("utf-8")
    filler = "经查，当事人于2025年3月5日在经营场所销售商品时未按规定明码标价。" * 36000
    (f / "长篇材料.txt").write_text(good + "\n" + filler, encoding="utf-8")
    code, data, err = _import(run_cli, demo_ws, f)
    assert code == 0, err
    assert data["documents"][0]["doc_type"] == "decision"
    case = demo_ws.load_case(data["case"])
    assert case.number == "固市监价罚〔2026〕15号"


def test_a_long_name_keeps_its_extension_and_is_searchable(demo_ws, tmp_path, run_cli):
    f = tmp_path / "长名"
    f.mkdir()
    long_name = ("固镇县市场监督管理局关于固镇县启辰网络科技工作室未按规定明码标价案" * 3)[:83] + ".txt"  # 83 characters, 253 bytes
    shutil.copy(GOOD, f / long_name)
    code, data, err = _import(run_cli, demo_ws, f)
    assert code == 0, err
    stored = data["documents"][0]["stored_as"]
    assert stored.endswith(".txt") and len(Path(stored).name) <= 80
    code, out, err = run_cli("search", "启辰网络科技工作室", "-w", str(demo_ws.root), "--json")
    assert code == 0, err
    assert Path(stored).name in out


def test_a_full_disk_is_reported_and_leaves_nothing_half_written(demo_ws, tmp_path, monkeypatch):
    """The disk fills while the second of three files is written: the first stays (registered,
    journaled), the second leaves no temporary file, the third is named as not imported."""
    from casefile.chain import journal
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace

    f = tmp_path / "满盘"
    f.mkdir()
    text = GOOD.read_text("utf-8")
    for name in ["a-决定书.txt", "b-材料.txt", "c-材料.txt"]:
        (f / name).write_text(f"{name}\n{text}", encoding="utf-8")
    ws = Workspace(demo_ws.root)
    case_id = "SJ-2026-088"
    case_dir = ws.cases_dir / case_id
    before = sorted(p.name for p in (case_dir / "docs").iterdir())
    real_fdopen = os.fdopen
    disk = {"full": False}

    class Disk:
        """The disk fills while b-材料.txt is written: that write and every later one stop with ENOSPC,
        half their bytes written."""

        def __init__(self, f):
            self._f = f

        def write(self, data):
            if disk["full"] or "b-材料.txt".encode() in bytes(data)[:64]:
                disk["full"] = True
                self._f.write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._f.write(data)

        def __getattr__(self, name):
            return getattr(self._f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self._f.__exit__(*exc)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Disk(real_fdopen(*a, **k)))
    result = import_paths(ws, [f], case_id)
    errors = {Path(e["file"]).name: e["error"] for e in result.errors if e["file"]}
    assert [Path(d.file).name for d in result.documents] == ["a-决定书.txt"]
    assert "磁盘空间已满" in errors["b-材料.txt"] and "磁盘空间已满" in errors["c-材料.txt"]
    assert result.failed == 2
    # nothing half-written: no temporary files, every file in docs/ registered, the journal whole
    monkeypatch.setattr(os, "fdopen", real_fdopen)
    assert not [p for p in case_dir.rglob("*") if p.name.endswith(".tmp")]
    after = sorted(p.name for p in (case_dir / "docs").iterdir())
    assert after == sorted(before + ["a-决定书.txt"])
    from casefile.store import documents
    registered = {Path(d.file).name for d in documents.load_register(case_dir).documents}
    assert set(after) <= registered
    entries = journal.read(case_dir)
    assert entries[-1]["changes"].get("file", "").endswith("a-决定书.txt") or any(
        e["changes"].get("file", "").endswith("a-决定书.txt") for e in entries[-3:])


def test_a_full_disk_while_creating_a_case_leaves_no_debris(demo_ws, tmp_path, monkeypatch):
    from casefile.chain import journal
    from casefile.errors import DiskFullError
    from casefile.ingest.importer import import_paths
    from casefile.store.workspace import Workspace

    f = _folder(tmp_path, "新案")
    ws = Workspace(demo_ws.root)
    cases_before = sorted(p.name for p in ws.cases_dir.iterdir())

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "write", full)
    with pytest.raises(DiskFullError, match="磁盘空间已满"):
        import_paths(ws, [f])
    assert sorted(p.name for p in ws.cases_dir.iterdir()) == cases_before  # no .creating folder left


def test_the_journal_never_keeps_half_a_line(tmp_path, monkeypatch):
    from casefile.chain import journal
    journal.append(tmp_path, "新建案件", "立案", {"case": "x"}, actor="测试")
    before = (tmp_path / journal.JOURNAL).read_bytes()
    real_write = os.write

    def half(fd, data):
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "write", half)
    with pytest.raises(OSError):
        journal.append(tmp_path, "导入文书", "调查", {"file": "docs/a.txt"}, actor="测试")
    monkeypatch.setattr(journal.os, "write", real_write)
    assert (tmp_path / journal.JOURNAL).read_bytes() == before
    assert len(journal.read(tmp_path)) == 1


def test_a_package_bomb_is_refused_before_anything_is_written(demo_ws, tmp_path, run_cli):
    pkg = tmp_path / "炸弹包.zip"
    with zipfile.ZipFile(pkg, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps({"format": "casefile-package", "version": 1, "case": "X-1", "files": {}}))
        info = zipfile.ZipInfo("X-1/evidence/sparse.mp4")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as out:
            for _ in range(64):
                out.write(bytes(1 << 20))  # 64 MiB of zeros: ~64 KB compressed
    assert pkg.stat().st_size < 1 << 20
    snapshot = sorted(str(p.relative_to(demo_ws.root)) for p in demo_ws.root.rglob("*"))
    code, out, err = run_cli("package", "import", str(pkg), "-w", str(demo_ws.root))
    assert code == 8 and "压缩比" in err and "sparse.mp4" in err
    assert sorted(str(p.relative_to(demo_ws.root)) for p in demo_ws.root.rglob("*")) == snapshot


def test_encrypted_pdf_is_said_to_need_a_password(tmp_path):
    from pypdf import PdfReader, PdfWriter

    from casefile.errors import DocumentError
    from casefile.ingest.textio import read_document

    w = PdfWriter()
    w.append(PdfReader(DATA / "import" / "samr_230712000000017301558.pdf"))
    w.encrypt("secret", algorithm="RC4-128")
    p = tmp_path / "加密.pdf"
    with open(p, "wb") as out:
        w.write(out)
    with pytest.raises(DocumentError, match="需要密码"):
        read_document(p)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig", "gb18030"])
def test_oddly_encoded_texts_are_read(tmp_path, encoding):
    from casefile.ingest.extract import extract
    from casefile.ingest.textio import read_document

    p = tmp_path / f"决定书-{encoding}.txt"
    p.write_bytes(GOOD.read_text("utf-8").encode(encoding))
    x = extract(read_document(p))
    assert x.fields["doc_no"] == "固市监价罚〔2026〕15号"


def test_a_binary_file_named_txt_is_refused_by_name(tmp_path):
    from casefile.errors import DocumentError
    from casefile.ingest.textio import read_document

    p = tmp_path / "照片.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4000))
    with pytest.raises(DocumentError, match="照片.txt"):
        read_document(p)


def test_a_text_without_page_breaks_is_divided_into_bounded_pages(tmp_path):
    from casefile.ingest.limits import limits
    from casefile.ingest.textio import read_document

    text = GOOD.read_text("utf-8")
    p = tmp_path / "长文.txt"
    p.write_text(text * 120, encoding="utf-8")  # ~330,000 characters, no form feed
    doc = read_document(p)
    size = limits()["text"]["page_chars"]
    assert len(doc.pages) > 3 and all(len(pg) <= size for pg in doc.pages)
    assert "".join(doc.pages) == text * 120  # divided at line ends, nothing lost
