"""Page counts of dossier documents, behind one small interface.

Two implementations:

- :class:`LibreOfficeCounter` lays the .docx out with LibreOffice: *one* ``soffice``
  process converts every document that is not yet counted (a whole dossier or a
  batch), with a throw-away user profile in a private temporary directory, and
  the counts are cached by the document's SHA-256 in the per-user cache
  directory, so an unchanged document is never converted twice.
- :class:`EstimateCounter` estimates from the text (about 500 CJK characters or
  22 lines per A4 page in 三号仿宋).

Every count says how it was obtained (:attr:`PageCount.method`), so a 卷内目录
built on estimates is reported as such — by the program, never in the archive form.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol, Sequence

from casefile.errors import DocumentError
from casefile.ingest.textio import check_docx, open_docx, open_pdf
from casefile.store import cachedir
LIBREOFFICE = "LibreOffice"
ESTIMATE = "估算"
PDF = "PDF"
# one soffice run converts a whole dossier; a hung conversion must not hang the command
CONVERT_TIMEOUT = 600


@dataclass(frozen=True)
class PageCount:
    pages: int
    method: str  # LIBREOFFICE, ESTIMATE or PDF

    @property
    def estimated(self) -> bool:
        return self.method == ESTIMATE


class PageCounter(Protocol):
    name: str

    def count(self, paths: Sequence[Path]) -> list[PageCount]:
        """Counts for several files at once (one conversion for all of them)."""
        ...


def pdf_pages(data: bytes, path: Path | str = "document.pdf") -> int:
    pdf = open_pdf(path, data)
    try:
        return len(pdf)
    finally:
        pdf.close()


CHARS_PER_PAGE = 500  # CJK characters of an A4 page in 三号仿宋
LINES_PER_PAGE = 22


def _chars(text: str) -> int:
    return len("".join(text.split()))  # str.split() cuts at what isspace() calls whitespace, in C


def estimated_page_at(pages: Sequence[str], page: int, offset: int) -> int:
    """The printed page a place in a .docx or .txt falls on, estimated by characters as
    :func:`estimate_docx_pages` counts them (about 500 a page): ``offset`` into ``pages[page - 1]``,
    each explicit page break (``pages``) starting a new page. By characters only, whitespace not
    counted, so the estimate is the same from a document's text and from the index's compacted copy
    of it. A PDF's pages are its own; this is for the rest."""
    before = sum(max(1, -(-_chars(p) // CHARS_PER_PAGE)) for p in pages[: page - 1])
    here = pages[page - 1][:offset] if 0 < page <= len(pages) else ""
    return before + 1 + _chars(here) // CHARS_PER_PAGE


def estimate_docx_pages(path: Path) -> int:
    """About 500 CJK characters fit an A4 page in 三号仿宋; each table row takes a line. A file
    the reader's limits refuse (a 1 GiB-XML .docx in a package) counts as one page, unparsed."""
    try:
        d = open_docx(path)
    except DocumentError:
        return 1
    chars = sum(len(p.text) for p in d.paragraphs)
    lines = len(d.paragraphs)
    for t in d.tables:
        for row in t.rows:
            chars += sum(len(c.text) for c in row.cells)
            lines += 1
    return max(1, round(max(chars / CHARS_PER_PAGE, lines / LINES_PER_PAGE) + 0.49))


def _other(path: Path) -> PageCount | None:
    """Files whose count needs no layout: PDFs are counted, images are one page."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        try:
            return PageCount(pdf_pages(path.read_bytes(), path), PDF)
        except Exception:  # a damaged or encrypted PDF is still a document of the dossier  # noqa: BLE001
            return PageCount(1, ESTIMATE)
    if suffix != ".docx":
        return PageCount(1, ESTIMATE)
    return None


class EstimateCounter:
    name = ESTIMATE

    def count(self, paths: Sequence[Path]) -> list[PageCount]:
        return [_other(p) or PageCount(estimate_docx_pages(p), ESTIMATE) for p in paths]


# the fonts the forms are set in (doc_templates/build_templates.py), each with the names it is installed under
LAYOUT_FONTS = {"仿宋_GB2312": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"), "宋体": ("宋体", "SimSun")}


def missing_layout_fonts() -> list[str]:
    """The layout fonts LibreOffice cannot find here ([] when fc-list is not there to ask): pages
    are then laid out in a substitute (文泉驿) and may count differently on an office PC."""
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    have = {name.strip() for line in out.splitlines() for name in line.split(",")}
    return [font for font, names in LAYOUT_FONTS.items() if not have & set(names)]


def font_warning() -> str:
    """The warning a laid-out print carries when its fonts are missing ('' when they are installed)."""
    missing = missing_layout_fonts()
    if not missing:
        return ""
    return (f"本机未安装文书版式字体 {'、'.join(missing)}，排版使用替代字体（如文泉驿），"
            "页数和分页在装有这些字体的办公电脑上可能不同")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(paths: Sequence[Path], outdir: Path, exe: str | None = None) -> dict[Path, Path]:
    """Convert .docx files to PDF with ONE LibreOffice process; returns source → PDF for
    those that converted. Files with the same name must not be passed together."""
    exe = exe or soffice()
    if not exe or not paths:
        return {}
    with tempfile.TemporaryDirectory(prefix="casefile-lo-") as profile:
        # a private profile: two conversions at once (or a desktop LibreOffice) never share one
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir), *[str(p) for p in paths]]
        try:
            subprocess.run(cmd, check=False, capture_output=True, timeout=CONVERT_TIMEOUT)
        except (subprocess.SubprocessError, OSError):
            return {}
    out = {}
    for p in paths:
        pdf = outdir / (Path(p).stem + ".pdf")
        if pdf.exists():
            out[Path(p)] = pdf
    return out


def cache_dir() -> Path:
    """The page counts LibreOffice made, in the private per-user cache (created 0700 like its siblings)."""
    return cachedir.cache_dir("pages")


class LibreOfficeCounter:
    name = LIBREOFFICE

    def __init__(self, exe: str | None = None, cache: Path | None = None, convert: bool = True):
        self.exe = exe or soffice()
        self.cache = cache or cache_dir()
        # convert=False: only what LibreOffice counted before (the cache), the rest
        # estimated — for a quick view that must not wait for a layout
        self.convert = convert
        self.conversions = 0  # soffice processes started (the benchmark reports it)

    def _cached(self, digest: str) -> int | None:
        try:
            return int((self.cache / digest).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def _store(self, digest: str, pages: int) -> None:
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            tmp = self.cache / f".{digest}.{os.getpid()}"
            tmp.write_text(str(pages), encoding="ascii")
            os.replace(tmp, self.cache / digest)
        except OSError:
            pass  # an unwritable cache only costs time

    def count(self, paths: Sequence[Path]) -> list[PageCount]:
        results: list[PageCount | None] = [_other(Path(p)) for p in paths]
        todo: dict[str, list[int]] = {}  # digest → indexes
        for i, p in enumerate(paths):
            if results[i] is not None:
                continue
            data = Path(p).read_bytes()
            try:
                check_docx(p, data)  # LibreOffice gets no file the reader's limits refuse
            except DocumentError:
                results[i] = PageCount(1, ESTIMATE)
                continue
            digest = hashlib.sha256(data).hexdigest()
            n = self._cached(digest)
            if n is not None:
                results[i] = PageCount(n, LIBREOFFICE)
            else:
                todo.setdefault(digest, []).append(i)
        if todo and self.exe and self.convert:
            with tempfile.TemporaryDirectory(prefix="casefile-pages-") as tmp:
                src, out = Path(tmp) / "in", Path(tmp) / "out"
                src.mkdir()
                out.mkdir()
                # copies named by hash: same-named files of two cases cannot collide
                copies = []
                for digest, idx in todo.items():
                    c = src / f"{digest}.docx"
                    shutil.copyfile(paths[idx[0]], c)
                    copies.append(c)
                self.conversions += 1
                pdfs = convert_to_pdf(copies, out, self.exe)
                for c in copies:
                    pdf = pdfs.get(c)
                    if pdf is None:
                        continue
                    n = pdf_pages(pdf.read_bytes(), pdf)
                    self._store(c.stem, n)
                    for i in todo[c.stem]:
                        results[i] = PageCount(n, LIBREOFFICE)
        # what LibreOffice could not lay out is estimated, and says so
        return [r or PageCount(estimate_docx_pages(Path(p)), ESTIMATE) for r, p in zip(results, paths)]


_current: PageCounter | None = None


def counter() -> PageCounter:
    """The counter in use: LibreOffice when installed (unless CASEFILE_PAGES=estimate), else the estimate."""
    if _current is not None:
        return _current
    if os.environ.get("CASEFILE_PAGES") != "estimate" and soffice():
        return LibreOfficeCounter()
    return EstimateCounter()


def quick_counter() -> PageCounter:
    """For a view: the counts LibreOffice made before, estimates for the rest (each
    count says which); the counter in use when tests or settings chose one."""
    c = counter()
    if isinstance(c, LibreOfficeCounter) and _current is None:
        return LibreOfficeCounter(c.exe, c.cache, convert=False)
    return c


@contextmanager
def using(c: PageCounter) -> Iterator[PageCounter]:
    global _current
    before = _current
    _current = c
    try:
        yield c
    finally:
        _current = before


