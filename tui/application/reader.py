"""Reading a search hit: the document page by page as read from its file, the query's matches on
each page, and moving between matches and pages. Read-only, for a case document and an archive
document alike; a screen draws :meth:`Reading.view` and calls the moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casefile.output.pages import CHARS_PER_PAGE, estimated_page_at
from tui.application.lazy import lazy_module

index = lazy_module("index")  # the search index loads when a hit is read

PDF_PAGES = "PDF页码"
ESTIMATED = "估算页码"


@dataclass
class Reading:
    source: str  # case id, or archive:<folder>
    doc: str
    query: str
    pages: list[str]
    page: int  # from 1, the index's numbering
    title: str  # what the reader shows above the page
    archive: str | None = None
    from_index: bool = False  # the file is gone: the page as the index holds it
    current: int = -1  # the match shown, an index into spans(); -1 when the page has none
    _found: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    # -- what is shown --------------------------------------------------------------------------
    @property
    def is_pdf(self) -> bool:
        return Path(self.doc).suffix.lower() == ".pdf"

    @property
    def text(self) -> str:
        return self.pages[self.page - 1] if 0 < self.page <= len(self.pages) else ""

    def spans(self, page: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match on ``page`` (the current one by default)."""
        p = page or self.page
        if p not in self._found:
            text = self.pages[p - 1] if 0 < p <= len(self.pages) else ""
            self._found[p] = index.page_matches(text, self.query) if text.strip() else []
        return self._found[p]

    @property
    def match(self) -> tuple[int, int] | None:
        s = self.spans()
        return s[self.current] if 0 <= self.current < len(s) else None

    def printed_page(self) -> int:
        """The page a person finds it on: a PDF's own page; for .docx/.txt the estimate at the match."""
        if self.is_pdf:
            return self.page
        at = self.match[0] if self.match else 0
        return estimated_page_at(self.pages, self.page, at)

    def location(self) -> str:
        """第4/10页（PDF页码）　本页第1/3处 — said in Chinese, the page's kind named."""
        n = len(self.spans())
        where = f"本页第{self.current + 1}/{n}处命中" if n and self.current >= 0 else "本页没有命中"
        if self.is_pdf:
            page = f"第{self.page}/{len(self.pages)}页（{PDF_PAGES}）"
        else:
            page = f"约第{self.printed_page()}页（{ESTIMATED}，每页约{CHARS_PER_PAGE}字）"
            if len(self.pages) > 1:
                page += f"，第{self.page}/{len(self.pages)}节（按分页符）"
        return f"{page}　{where}"

    def view(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text, "spans": self.spans(), "current": self.current,
                "location": self.location(), "page": self.page, "pages": len(self.pages),
                "printed_page": self.printed_page(), "page_kind": PDF_PAGES if self.is_pdf else ESTIMATED,
                "archive": self.archive, "from_index": self.from_index, "read_only": True}

    # -- moves: each returns False (and changes nothing) when there is nowhere to go --------------------
    def next_match(self) -> bool:
        if self.current + 1 < len(self.spans()):
            self.current += 1
            return True
        for p in range(self.page + 1, len(self.pages) + 1):
            if self.spans(p):
                self.page, self.current = p, 0
                return True
        return False

    def prev_match(self) -> bool:
        if self.current > 0:
            self.current -= 1
            return True
        for p in range(self.page - 1, 0, -1):
            if self.spans(p):
                self.page, self.current = p, len(self.spans(p)) - 1
                return True
        return False

    def go_page(self, page: int) -> bool:
        if not 1 <= page <= len(self.pages) or page == self.page:
            return False
        self.page = page
        self.current = 0 if self.spans() else -1
        return True

    def next_page(self) -> bool:
        return self.go_page(self.page + 1)

    def prev_page(self) -> bool:
        return self.go_page(self.page - 1)


def hit_title(hit: dict[str, Any]) -> str:
    """案件 SJ-2026-088　清市监处罚〔2026〕88号　042-听证通知书.docx, or 外部档案（只读）　文号　file."""
    name = Path(hit["doc"]).name
    if hit.get("archive"):
        return "　".join(x for x in ("外部档案（只读）", hit.get("case", ""), hit.get("party", ""), name) if x)
    return "　".join(x for x in (f"案件 {hit['case']}", hit.get("number", ""), name) if x)
