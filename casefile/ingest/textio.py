"""Reading the text out of .pdf, .docx and .txt documents, page by page.

PDFs keep their pages (pdfium's text layer); a page without one is OCR'd with
RapidOCR when the extra ``casefile[ocr]`` is installed (casefile/ingest/ocr.py), else listed
in ``needs_ocr``. Word files give
paragraphs, tables, headers and footers, split into pages at explicit page
breaks. Text files are decoded as UTF-8, else GB18030 (a superset of GBK).
Every failure is a :class:`DocumentError` that names the file.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import DocumentError
from casefile.ingest.limits import check_file_size, check_text_length, check_zip
from casefile.ingest.pdf_lines import LABEL_CELL

SUPPORTED = (".pdf", ".docx", ".txt")


@dataclass
class ExtractedText:
    path: Path
    kind: str  # "pdf" | "docx" | "txt"
    pages: list[str]  # page N is pages[N-1]
    needs_ocr: list[int] = field(default_factory=list)  # 1-based pages with no text layer
    encoding: str | None = None
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text came from OCR
    ocr_confidence: dict[int, float] = field(default_factory=dict)  # page -> mean recognition score (0–1)
    ocr_missing: bool = False  # pages need OCR and the OCR extra is not installed

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_of(self, offset: int) -> int:
        """1-based page of a character offset into ``text`` (a binary search: a 2,000-page text has
        tens of thousands of entities)."""
        ends = self.__dict__.get("_page_ends")
        if ends is None or len(ends) != len(self.pages):
            ends, pos = [], 0
            for p in self.pages:
                pos += len(p) + 1
                ends.append(pos)
            self.__dict__["_page_ends"] = ends
        return min(bisect.bisect_right(ends, offset) + 1, len(self.pages))


def read_input(path: Path | str) -> bytes:
    """The bytes of a file to import: a regular file, never through a symbolic link, within the size limit.

    O_NOFOLLOW refuses a link even if one is swapped in after a check; O_NONBLOCK keeps a FIFO from
    blocking the open, and fstat then refuses anything that is not a regular file."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP or path.is_symlink():
            raise DocumentError(f"{path.name}：是符号链接，已拒绝导入（只导入真实的文件，不跟随链接）") from None
        raise DocumentError(f"{path}：无法读取（{e.strerror}）") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError(f"{path.name}：不是普通文件（设备、管道或套接字），已拒绝导入")
        check_file_size(path, st.st_size)
        try:
            return f.read()
        except OSError as e:
            raise DocumentError(f"{path}：无法读取（{e.strerror}）") from None


def read_document(path: Path | str, data: bytes | None = None, *, ocr: bool = True) -> ExtractedText:
    """The text of one document; every failure, whatever its cause, is a DocumentError naming the file.

    ``ocr``: read pages without a text layer with RapidOCR when it is installed."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{path.name}：不支持的文件类型 {suffix or '（无扩展名）'}，只能导入 .pdf、.docx、.txt")
    if data is None:
        data = read_input(path)
    else:
        check_file_size(path, len(data))
    if not data:
        raise DocumentError(f"{path.name}：文件是空的")
    try:
        if suffix == ".pdf":
            doc = _read_pdf(path, data, ocr=ocr)
        elif suffix == ".docx":
            doc = _read_docx(path, data)
        else:
            doc = _read_txt(path, data)
    except DocumentError:
        raise
    except MemoryError:
        raise DocumentError(f"{path.name}：内容过大，内存不足，未能读取") from None
    except RecursionError:
        raise DocumentError(f"{path.name}：文件结构嵌套过深，无法读取（可能是恶意构造的文件）") from None
    except Exception as e:  # noqa: BLE001 - a reader's own error on a damaged file: name the file, go on with the next
        raise DocumentError(f"{path.name}：文件已损坏，无法读取（{type(e).__name__}：{str(e)[:200]}）") from None
    check_text_length(path, sum(len(p) for p in doc.pages))
    if doc.kind != "pdf":
        doc.pages = _bounded_pages(doc.pages)
    return doc


def _bounded_pages(pages: list[str]) -> list[str]:
    """A .txt or .docx page longer than [text].page_chars is divided at line ends into parts of at most
    that many characters, counted as pages: such a file has no pages of its own (a 20 MB text was one
    7.5 M-character “page”, which the index held whole, 1.2 GB). Real documents are far shorter."""
    from casefile.ingest.limits import limits

    size = int(limits()["text"]["page_chars"])
    if all(len(p) <= size for p in pages):
        return pages
    out: list[str] = []
    for page in pages:
        start = 0
        while len(page) - start > size:
            cut = page.rfind("\n", start, start + size)
            end = cut + 1 if cut > start else start + size
            out.append(page[start:end])
            start = end
        out.append(page[start:])
    return out


def _txt_encodings(data: bytes) -> tuple[str, ...]:
    """Encodings to try, in order: a byte-order mark decides (Notepad's “Unicode” is UTF-16 with one);
    UTF-16 without one shows as a NUL in every other byte of ASCII text."""
    if data[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return ("utf-32",)
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return ("utf-16",)
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        return ("utf-16-le", "utf-16-be") if head[1::2].count(0) > head[0::2].count(0) else ("utf-16-be", "utf-16-le")
    return ("utf-8-sig", "gb18030")


def _read_txt(path: Path, data: bytes) -> ExtractedText:
    for enc in _txt_encodings(data):
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
    if "\x00" in text:
        raise DocumentError(f"{path.name}：不是文本文件（含有二进制内容），无法导入")
    if not text.strip():
        raise DocumentError(f"{path.name}：文件中没有文字")
    pages = text.split("\f") if "\f" in text else [text]
    return ExtractedText(path, "txt", pages, encoding={"utf-8-sig": "utf-8"}.get(enc, enc))


def open_docx(path: Path | str, data: bytes | None = None):
    """A python-docx Document of a stored or received .docx, opened only after its limits are
    checked (declared sizes, ratios, DTDs): the one opener for every path that parses a .docx
    (extraction, page estimates, the combined print). Raises DocumentError naming the file."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    path = Path(path)
    if data is None:
        data = read_input(path)
    check_docx(path, data)
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise DocumentError(f"{path.name}：不是有效的 .docx 文件（已损坏？）：{e}") from None
    except etree.XMLSyntaxError as e:
        raise DocumentError(f"{path.name}：.docx 中的 XML 已损坏或超出安全限制，无法读取（{str(e)[:120]}）") from None


def check_docx(path: Path | str, data: bytes | None = None) -> None:
    """A .docx within the limits, checked without parsing it (before handing it to python-docx or
    LibreOffice): its size, its declared member sizes and ratios, no DTD. Raises DocumentError."""
    path = Path(path)
    if data is None:
        data = read_input(path)
    check_file_size(path, len(data))
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError(f"{path.name}：文件已加密或是旧版 .doc 格式，请另存为 .docx 后再导入")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            check_zip(z, path.name)  # declared sizes and ratios, before anything is decompressed
            _refuse_dtd(z, path.name)
    except zipfile.BadZipFile as e:
        raise DocumentError(f"{path.name}：不是有效的 .docx 文件（已损坏？）：{e}") from None


def open_pdf(path: Path | str, data: bytes | None = None):
    """A pdfium document of a stored PDF, within the size limit (the caller closes it)."""
    import pypdfium2 as pdfium

    path = Path(path)
    if data is None:
        data = read_input(path)
    else:
        check_file_size(path, len(data))
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise DocumentError(f"{path.name}：PDF 已加密，需要密码才能打开；请用密码打开后另存为未加密的 PDF 再导入") from None
        raise DocumentError(f"{path.name}：PDF 已损坏，无法读取（{_pdfium_reason(e)}）") from None


def _read_docx(path: Path, data: bytes) -> ExtractedText:
    doc = open_docx(path, data)
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
                pages[-1].append(table_row(cells))
    footers = []
    for section in doc.sections:
        for p in section.footer.paragraphs:
            t = p.text.strip()
            # a page number (“— 3 —”, or “— —” around a field not yet laid out) is no text of the document
            if t and t not in seen_headers and not t.strip("—–-·　 ").isdigit() and t.strip("—–-·　 "):
                seen_headers.add(t)
                footers.append(t)
    pages[-1].extend(footers)
    texts = ["\n".join(p) for p in pages]
    texts = [t for t in texts if t.strip()] or [""]
    if not "".join(texts).strip():
        raise DocumentError(f"{path.name}：文档中没有文字")
    return ExtractedText(path, "docx", texts)


def table_row(cells: list[str]) -> str:
    """A table row as text: where a form alternates label and value cells (当事人 | XX公司 | 法定代表人 | 张某),
    each pair is read as the line a person reads, “当事人：XX公司”; any other row keeps its cells apart by tabs."""
    pairs = [(re.sub(r"[ 　]+", "", label).rstrip("：:"), value) for label, value in zip(cells[::2], cells[1::2])]
    if len(cells) % 2 == 0 and all(LABEL_CELL.fullmatch(label) and value for label, value in pairs):
        return "\t".join(f"{label}：{value}" for label, value in pairs)
    return "\t".join(cells)


_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def _refuse_dtd(z: zipfile.ZipFile, name: str) -> None:
    """Read each XML part once, in chunks, before any parser sees it: Office Open XML parts never declare
    a DTD (ECMA-376 Part 2, 8.1.4), so a part that does is hostile (entity expansion, “billion laughs”,
    external entities) and is refused; a part with more tags than [zip].max_xml_tags would build a
    tree too large to hold (millions of empty paragraphs compress to almost nothing)."""
    from casefile.ingest.limits import XML_SUFFIXES, limits

    max_tags = int(limits()["zip"]["max_xml_tags"])
    for info in z.infolist():
        if not info.filename.lower().endswith(XML_SUFFIXES):
            continue
        tags = 0
        with z.open(info) as f:
            head = f.read(1 << 16)
            # UTF-16 parts: drop the zero bytes so the declaration reads as ASCII
            if _DTD.search(head) or (b"\x00" in head[:4] and _DTD.search(head.replace(b"\x00", b""))):
                raise DocumentError(f"{name}：其中的 {info.filename} 含有 DTD/实体声明（Word 文件不会有），已拒绝（可能是“实体膨胀”攻击）")
            chunk = head
            while chunk:
                tags += chunk.count(b"<")
                if tags > max_tags:
                    raise DocumentError(f"{name}：其中的 {info.filename} 有超过 {max_tags} 个 XML 标记，结构过于庞大，已拒绝（可能是恶意构造的文件）")
                chunk = f.read(1 << 20)


# control characters a text layer may carry (pdfium's soft hyphen markers, NULs); \t \n \f stay
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


_PDFIUM_REASONS = {"data format error": "文件格式错误或文件不完整", "file access error": "无法访问文件",
                   "unsupported security scheme": "不支持的加密方式", "page not found": "页面缺失"}


def _pdfium_reason(e: Exception) -> str:
    msg = str(e).lower()
    return next((zh for en, zh in _PDFIUM_REASONS.items() if en in msg), f"pdfium：{e}")


def _read_pdf(path: Path, data: bytes, *, ocr: bool = True) -> ExtractedText:
    """The text layer page by page with pdfium (fast, and light on memory for thousands of pages);
    a page without one is OCR'd when the OCR extra is installed, else listed in ``needs_ocr``."""
    import pypdfium2 as pdfium

    from casefile.ingest import ocr as ocr_mod
    from casefile.ingest.pdf_lines import page_paragraphs
    if not data[:1024].lstrip().startswith(b"%PDF"):
        raise DocumentError(f"{path.name}：不是有效的 PDF 文件")
    pdf = open_pdf(path, data)
    pages: list[str] = []
    needs_ocr: list[int] = []
    ocr_pages: list[int] = []
    confidence: dict[int, float] = {}
    can_ocr = ocr and ocr_mod.available()
    try:
        n = len(pdf)
        for i in range(n):
            try:
                page = pdf[i]
                try:
                    tp = page.get_textpage()
                    text = page_paragraphs(tp, tp.get_text_range())  # lines the layout wrapped, joined again
                    tp.close()
                    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
                    if not text.strip() and can_ocr:
                        got = ocr_mod.read_pdf_page(page)
                        if got.text.strip():
                            text = got.text
                            ocr_pages.append(i + 1)
                            confidence[i + 1] = got.confidence
                finally:
                    page.close()
            except pdfium.PdfiumError as e:
                raise DocumentError(f"{path.name}：PDF 已损坏，第 {i + 1} 页无法读取（{_pdfium_reason(e)}）") from None
            if not text.strip():
                needs_ocr.append(i + 1)
            pages.append(text)
    finally:
        pdf.close()
    if not pages:
        raise DocumentError(f"{path.name}：PDF 中没有页面")
    return ExtractedText(path, "pdf", pages, needs_ocr, ocr_pages=ocr_pages, ocr_confidence=confidence,
                         ocr_missing=bool(needs_ocr) and ocr and not ocr_mod.available())
