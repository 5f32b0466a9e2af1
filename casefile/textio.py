"""Reading the text out of .pdf, .docx and .txt documents, page by page.

PDFs keep their pages (pdfplumber); a page without a text layer is listed in
``needs_ocr`` and OCR'd when tesseract with chi_sim is installed. Word files give
paragraphs, tables, headers and footers, split into pages at explicit page
breaks. Text files are decoded as UTF-8, else GB18030 (a superset of GBK).
Every failure is a :class:`DocumentError` that names the file.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import DocumentError

SUPPORTED = (".pdf", ".docx", ".txt")


@dataclass
class ExtractedText:
    path: Path
    kind: str  # "pdf" | "docx" | "txt"
    pages: list[str]  # page N is pages[N-1]
    needs_ocr: list[int] = field(default_factory=list)  # 1-based pages with no text layer
    encoding: str | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text came from OCR

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_of(self, offset: int) -> int:
        """1-based page of a character offset into ``text``."""
        pos = 0
        for i, p in enumerate(self.pages, 1):
            pos += len(p) + 1
            if offset < pos:
                return i
        return len(self.pages)


def read_document(path: Path | str, data: bytes | None = None) -> ExtractedText:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{path.name}：不支持的文件类型 {suffix or '（无扩展名）'}，只能导入 .pdf、.docx、.txt")
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise DocumentError(f"{path}：无法读取（{e.strerror}）") from None
    if not data:
        raise DocumentError(f"{path.name}：文件是空的")
    if suffix == ".pdf":
        return _read_pdf(path, data)
    if suffix == ".docx":
        return _read_docx(path, data)
    return _read_txt(path, data)


def _read_txt(path: Path, data: bytes) -> ExtractedText:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise DocumentError(f"{path.name}：无法识别文本编码")
        text, enc = str(best), best.encoding
    if not text.strip():
        raise DocumentError(f"{path.name}：文件中没有文字")
    pages = text.split("\f") if "\f" in text else [text]
    return ExtractedText(path, "txt", pages, encoding={"utf-8-sig": "utf-8"}.get(enc, enc))


def _read_docx(path: Path, data: bytes) -> ExtractedText:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise DocumentError(f"{path.name}：文件已加密或是旧版 .doc 格式，请另存为 .docx 后再导入") from None
        raise DocumentError(f"{path.name}：不是有效的 .docx 文件（已损坏？）：{e}") from None
    pages: list[list[str]] = [[]]
    seen_headers: set[str] = set()
    for section in doc.sections:
        for part in (section.header, section.first_page_header):
            for p in part.paragraphs:
                t = p.text.strip()
                if t and t not in seen_headers:
                    seen_headers.add(t)
                    pages[0].append(t)
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, doc)
            if any(br.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "page"
                   for br in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br")):
                if para.text.strip():
                    pages[-1].append(para.text)
                pages.append([])
                continue
            pages[-1].append(para.text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells: list[str] = []
                for c in row.cells:
                    t = c.text.strip()
                    if not cells or t != cells[-1]:  # merged cells repeat their text
                        cells.append(t)
                pages[-1].append("\t".join(cells))
    footers = []
    for section in doc.sections:
        for p in section.footer.paragraphs:
            t = p.text.strip()
            if t and t not in seen_headers and not t.isdigit():
                seen_headers.add(t)
                footers.append(t)
    pages[-1].extend(footers)
    texts = ["\n".join(p) for p in pages]
    texts = [t for t in texts if t.strip()] or [""]
    if not "".join(texts).strip():
        raise DocumentError(f"{path.name}：文档中没有文字")
    return ExtractedText(path, "docx", texts)


@functools.lru_cache(maxsize=1)
def tesseract_chi_sim() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return "chi_sim" in out.stdout.split()


def _ocr(page) -> str:
    """OCR one pdfplumber page with tesseract (chi_sim); '' when it fails."""
    img = page.to_image(resolution=300).original
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    try:
        out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim"], input=buf.getvalue(),
                             capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.decode("utf-8", "replace")


def _read_pdf(path: Path, data: bytes) -> ExtractedText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip().startswith(b"%PDF"):
        raise DocumentError(f"{path.name}：不是有效的 PDF 文件")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise DocumentError(f"{path.name}：PDF 已加密，需要密码，无法读取文字") from None
    except (PDFSyntaxError, Exception) as e:  # pdfminer raises many kinds on damaged files
        name = type(e).__name__
        if "Password" in name or "Encrypt" in name:
            raise DocumentError(f"{path.name}：PDF 已加密，需要密码，无法读取文字") from None
        raise DocumentError(f"{path.name}：PDF 已损坏，无法读取（{name}）") from None
    pages, needs_ocr, ocr_pages = [], [], []
    with pdf:
        try:
            for i, page in enumerate(pdf.pages, 1):
                text = page.extract_text() or ""
                if not text.strip():
                    if tesseract_chi_sim():
                        text = _ocr(page)
                        if text.strip():
                            ocr_pages.append(i)
                    if not text.strip():
                        needs_ocr.append(i)
                pages.append(text)
        except Exception as e:  # a damaged page stream surfaces only while reading pages
            raise DocumentError(f"{path.name}：PDF 已损坏，第 {len(pages) + 1} 页无法读取（{type(e).__name__}）") from None
    if not pages:
        raise DocumentError(f"{path.name}：PDF 中没有页面")
    return ExtractedText(path, "pdf", pages, needs_ocr, ocr_pages=ocr_pages)
