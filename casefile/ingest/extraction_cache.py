"""A stored document's extraction, kept beside the case by the document's hash and the version of the
code that derives it (casefile.ingest.versions): an improved reader, classifier or extractor re-reads
old cases. The index and the checks read it without loading the importer."""

from __future__ import annotations

from pathlib import Path

from casefile.ingest.extract import Extraction, extract
from casefile.ingest.textio import read_document
from casefile.store import documents

EXTRACTION_CACHE = "extract"


def cached_extraction(case_dir: Path, rec: documents.DocRecord) -> Extraction:
    """The extraction of a stored document, from the cache or computed now."""
    hit = documents.read_cache(case_dir, rec.sha256, EXTRACTION_CACHE)
    if hit is not None:
        return Extraction.from_dict(hit)
    x = extract(read_document(case_dir / rec.file))
    documents.write_cache(case_dir, rec.sha256, x.to_dict(), EXTRACTION_CACHE)
    return x


def store_extraction(case_dir: Path, sha256: str, x: Extraction, ocr_text: list[str] | None = None) -> None:
    """What the import read, kept: the extraction, and the OCR'd pages under the cache kinds the index
    ("pages") and the checks ("compact") read, so a scan is not read again by them (the same text a
    fresh read_document would give)."""
    documents.write_cache(case_dir, sha256, x.to_dict(), EXTRACTION_CACHE)
    if ocr_text is not None:
        from casefile.ingest.extract.normalize import compact

        documents.write_cache(case_dir, sha256, ocr_text, "pages")
        documents.write_cache(case_dir, sha256, compact("\n".join(ocr_text)).text, "compact")
