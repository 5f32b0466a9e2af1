"""The decision's own 文号 among the numbers its head writes: the one standing alone under its title, else the one
heading a line, else one broken over lines or written bare; never another paper's number (《行政处罚告知书》（…告字
〔2024〕44号）), and a web page's own index field only where the text writes none."""

from __future__ import annotations

import re
from typing import Any

from casefile.ingest.extract.entities import VALIDATORS, compiled, pattern_data

_BARE_DOC_NO = re.compile(pattern_data()["header"]["bare_doc_no"])
_UNENDED_DOC_NO = re.compile(pattern_data()["header"]["unended_doc_no"])
_OTHER_PAPER = re.compile(pattern_data()["header"]["other_paper"])


_OWN_NUMBER = re.compile(pattern_data()["header"]["own_number"])


def _numbers_other_paper(line: str, doc_no: str) -> bool:
    """A 文号 written right after another paper's title (…送达了《行政处罚告知书》（…告字〔2024〕44号）);
    not the decision's own number given after its title (公告送达《行政处罚决定书》，文书号为：…)."""
    before = line[: line.find(doc_no)]
    return bool(_OTHER_PAPER.search(before)) and not _OWN_NUMBER.search(before)


def _line_doc_no(line: str) -> str:
    """The 文号 inside one line: matched on the line, not on the text the lines were joined into (where a
    menu's last word runs into it: …通知公告>正文建市罚字〔2012〕第21号)."""
    for pat in compiled()["DOC_NO"]:
        for m in pat.finditer(line):
            value = VALIDATORS["DOC_NO"](m.group(0))
            if value and not _numbers_other_paper(line, m.group(0)):
                return value
    return ""


_PAGE_DOC_NO = re.compile(pattern_data()["header"]["page_doc_no"])


def page_doc_no(lines: list[str]) -> str:
    """The 文号 a web page's own index fields give the document (|[发文字号]|丰环罚〔2025〕10号|) when its text
    writes none in its head; "" when that field is empty or holds no 文号."""
    for line in lines[:20]:
        if (m := _PAGE_DOC_NO.search(line)) and (value := VALIDATORS["DOC_NO"](m.group(1))):
            return value
    return ""


def _alone_doc_no(lines: list[str]) -> str:
    """A 文号 standing alone on its line before the narrative begins (a page's fields may push it down)."""
    for line in lines[:40]:
        if len(line) > 60:
            return ""
        if (own := _line_doc_no(line)) and len(line) - len(own) <= 2:
            return own
    return ""


def paper_doc_no(head: list[str], doc_nos: list[Any], lines: list[str] = ()) -> str:
    # a 文号 standing alone on its line (the paper's own, under its title) before one in a page's title that
    # restates it (醴市监行处字〔2020〕第42号 for the paper's 第042号); then one heading its line (or the line's
    # title); one inside a long narrative line (a licence's 农种许字〔2017〕第001号) only when no other is found
    if alone := _alone_doc_no(list(lines) or head):
        return alone
    for line in head:
        own = _line_doc_no(line) or next((e.value for e in doc_nos if e.text in line and not _numbers_other_paper(line, e.text)), "")
        if own and line.find(own[:4]) < 40:
            return own
    # a 文号 broken over the head's lines (（甘）市监罚〔2025〕 / 192号); further down, 文号 number other
    # papers (《行政处罚告知书》（永市监高罚告〔2024〕0020号）, 责令改正通知书), not the decision
    joined = "".join(head)
    m = next((e for e in doc_nos if e.text in joined and not any(e.text in line for line in head)
              and not _numbers_other_paper(joined, e.text)), None)
    if m:
        return m.value
    # some bureaus write only the serial number under the title (行政处罚决定书 / 294), or the
    # number without its 号 (州农(种子) 罚〔2020 〕 2)
    under = [head[i + 1] for i, l in enumerate(head[:-1]) if l.endswith("决定书")]
    if under and _BARE_DOC_NO.fullmatch(under[0]):
        return under[0]
    if unended := next((u for u in under if _UNENDED_DOC_NO.fullmatch(u)), ""):
        return VALIDATORS["DOC_NO"](unended + "号").removesuffix("号")
    return next((own for line in head if (own := _line_doc_no(line))), "")
