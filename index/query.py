"""The search language, read once into a small tree both the tantivy query and the highlighter use.

    价格 罚款            both words (AND by default)
    价格 OR 食品          either;  价格 NOT 食品  the first without the second
    "当事人的上述"         the phrase, every word in its place (stop words and commas included)
    agency:某某局  year:2024  law:价格法  type:decision  date:2024-05  date:[2024-01-01 TO 2024-06-30]
    机关:某某局  年度:2024  法律:价格法  类型:行政处罚决定书   the same fields by their Chinese names
                         (index/data/query_fields.toml), the colon half- or full-width; a document
                         type by its Chinese name or its code
    ( … )                grouping

A bare word the segmenter cuts in several (超过保质期 → 超过 保质期) asks for all of them, as the
whoosh engine's parser does. The same syntax is accepted by both engines (whoosh parses it itself).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from casefile.errors import UsageError
from index.analyzer import fold
from index.tokens import is_content, query_words

FIELDS = {"agency": "agency", "number": "number", "case": "case", "type": "doc_type", "doc_type": "doc_type",
          "law": "laws", "laws": "laws", "year": "year", "date": "date", "party": "party", "text": "text"}

# a field name is English or Chinese; fold() has made a full-width colon half-width
_LEX = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|"(?P<phrase>[^"]*)"?|(?P<field>[A-Za-z_\u4e00-\u9fff]+):(?P<value>"[^"]*"|\[[^\]]*\]|[^\s()]+)|(?P<word>[^\s()"]+))')
FIELDS_TOML = Path(__file__).parent / "data" / "query_fields.toml"


@lru_cache(maxsize=1)
def _field_data() -> dict:
    return tomllib.loads(FIELDS_TOML.read_text(encoding="utf-8"))


def field_of(name: str) -> str | None:
    """The index field a typed field name means (agency, 机关 …), None when it is no field."""
    return FIELDS.get(name.lower()) or _field_data()["fields"].get(name)


def filter_name(field_: str) -> str:
    """The Chinese name a filter on ``field_`` is written with (机关, 年度, 类型, 法律)."""
    return _field_data()["names"].get(field_, field_)


@lru_cache(maxsize=1)
def _doc_types() -> dict[str, str]:
    """Document-type codes by code, Chinese name and alias (folded as a query is)."""
    from doc_templates.catalogue import load_catalogue

    out: dict[str, str] = {}
    for t in load_catalogue().types:
        for alias in t.aliases:
            out.setdefault(fold(alias), t.code)
    for t in load_catalogue().types:  # the name and the code win over another type's alias
        out[fold(t.name)] = t.code
        out[fold(t.code)] = t.code
    return out


def doc_type_code(value: str) -> str:
    """``行政处罚决定书`` → ``decision``; a code stays itself; an unknown value is searched as typed."""
    return _doc_types().get(fold(value.strip()), value.strip())


def field_value(field_: str, value: str) -> str:
    """A typed value as the index holds it (a document type by its code)."""
    return doc_type_code(value) if field_ == "doc_type" else value
# words only: no operators, quotes, fields, groups or wildcards (a plain query may be completed by partial hits)
PLAIN = re.compile(r"(?!.*\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b)[^\"':()\[\]{}*?^~]+")


@dataclass
class Words:
    """A bare word: the content words it segments into, all required."""

    words: list[str]


@dataclass
class Phrase:
    words: list[str]  # every word in its place, stop words and punctuation included


@dataclass
class Field:
    name: str
    value: str


@dataclass
class Node:
    op: str  # AND, OR, NOT
    kids: list = field(default_factory=list)


class QuerySyntaxError(UsageError):
    """A query the language cannot read, said in Chinese."""


def parse(text: str):
    """The query tree of ``text`` (folded as the index is); None when it asks for nothing."""
    toks = []
    for m in _LEX.finditer(fold(text)):
        kind = m.lastgroup if m.lastgroup != "value" else "field"
        if m.group("field") and field_of(m.group("field")):
            name = field_of(m.group("field"))
            toks.append(("field", (name, field_value(name, m.group("value").strip('"')))))
        elif m.group("field"):
            toks.append(("word", m.group(0).strip()))
        elif m.group("phrase") is not None:
            toks.append(("phrase", m.group("phrase")))
        elif m.group("open"):
            toks.append(("open", "("))
        elif m.group("close"):
            toks.append(("close", ")"))
        elif m.group("word") in ("AND", "OR", "NOT"):
            toks.append((m.group("word"), m.group("word")))
        elif kind:
            toks.append(("word", m.group("word")))
    pos = 0

    def peek():
        return toks[pos][0] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def or_expr():
        kids = [and_expr()]
        while peek() == "OR":
            take()
            kids.append(and_expr())
        kids = [k for k in kids if k is not None]
        return kids[0] if len(kids) == 1 else (Node("OR", kids) if kids else None)

    def and_expr():
        kids = []
        while peek() not in (None, "OR", "close"):
            if peek() == "AND":
                take()
                continue
            kids.append(unary())
        kids = [k for k in kids if k is not None]
        return kids[0] if len(kids) == 1 and not (isinstance(kids[0], Node) and kids[0].op == "NOT") else (Node("AND", kids) if kids else None)

    def unary():
        if peek() == "NOT":
            take()
            inner = unary() if peek() not in (None, "OR", "AND", "close") else None  # a NOT closing the query negates nothing
            return Node("NOT", [inner]) if inner is not None else None
        kind, value = take()
        if kind == "open":
            inner = or_expr()
            if peek() == "close":
                take()
            return inner
        if kind == "close":
            return None
        if kind == "phrase":
            words = query_words(value)
            return Phrase(words) if any(is_content(w) for w in words) else None
        if kind == "field":
            return Field(*value)
        words = [w for w in query_words(value) if is_content(w)]
        return Words(words) if words else None

    return or_expr()


def plain_words(text: str) -> list[str] | None:
    """The content words of a plain query (words only, more than one), else None."""
    text = fold(text)  # a full-width colon is a field's (机关：…), not a plain word's
    if not PLAIN.fullmatch(text.strip()) or len(text.split()) < 2:
        return None
    return [w for w in query_words(text) if is_content(w)]


def positives(tree) -> tuple[set[str], list[list[str]]]:
    """The words and phrases a hit shows (what NOT excludes is not highlighted)."""
    words: set[str] = set()
    phrases: list[list[str]] = []

    def walk(n):
        if isinstance(n, Words):
            words.update(n.words)
        elif isinstance(n, Phrase):
            phrases.append(n.words)
        elif isinstance(n, Node) and n.op != "NOT":
            for k in n.kids:
                walk(k)
        elif isinstance(n, Field) and n.name in ("text", "party"):
            words.update(w for w in query_words(n.value) if is_content(w))

    walk(tree)
    return words, phrases


def date_range(value: str) -> tuple[int, int]:
    """date:2024 / 2024-05 / 2024-05-03 / [2024-01-01 TO 2024-06-30] as yyyymmdd bounds."""
    v = value.strip()
    if v.startswith("["):
        lo, _, hi = v.strip("[]").partition(" TO ")
        return date_range(lo.strip())[0] if lo.strip() else 0, date_range(hi.strip())[1] if hi.strip() else 99991231
    m = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?", v)
    if not m:
        raise QuerySyntaxError(f"日期“{value}”看不懂：请写 2024、2024-05、2024-05-03 或 [2024-01-01 TO 2024-06-30]")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        n = y * 10000 + int(mo) * 100 + int(d)
        return n, n
    if mo:
        last = (dt.date(y + int(mo) // 12, int(mo) % 12 + 1, 1) - dt.timedelta(days=1)).day
        return y * 10000 + int(mo) * 100 + 1, y * 10000 + int(mo) * 100 + last
    return y * 10000 + 101, y * 10000 + 1231


# -- the query's filters as text: what the search screen's facets add and remove ---------------------
def _field_tokens(text: str):
    """(match, field, value as the index holds it) of each known field:value in ``text`` as typed."""
    folded = fold(text)
    for m in _LEX.finditer(folded):
        name = field_of(m.group("field")) if m.group("field") else None
        if name:
            yield m, name, field_value(name, m.group("value").strip('"'))


def canonical(text: str) -> str:
    """``text`` with every field written by its index name and value (机关:X → agency:X,
    类型:行政处罚决定书 → doc_type:decision), for a parser that knows only those (whoosh's)."""
    out, pos = [], 0
    folded = fold(text)
    for m, name, value in _field_tokens(text):
        start = m.start("field")
        raw = m.group("value")
        shown = raw if raw.startswith(("[", '"')) and name != "doc_type" else (f'"{value}"' if " " in value else value)
        out += [folded[pos:start], f"{name}:{shown}"]
        pos = m.end()
    out.append(folded[pos:])
    return "".join(out)


def filters(text: str) -> list[tuple[str, str]]:
    """The field filters ``text`` holds, as (index field, value)."""
    return [(name, value) for _, name, value in _field_tokens(text)]


def with_filter(text: str, field_: str, value: str, shown: str | None = None) -> str:
    """``text`` narrowed to ``field_`` = ``value`` (written by its Chinese field name, and ``shown``
    when given, e.g. a document type's name); unchanged when it holds that filter already."""
    if (field_, field_value(field_, value)) in filters(text):
        return text
    v = shown or value
    return f"{text.strip()} {filter_name(field_)}:{json_quote(v) if ' ' in v else v}".strip()


def without_filter(text: str, field_: str, value: str) -> str:
    """``text`` without its ``field_`` = ``value`` filter, however it was typed."""
    want = (field_, field_value(field_, value))
    out, pos = [], 0
    for m, name, v in _field_tokens(text):  # folding keeps every character's place: cut the text as typed
        if (name, v) == want:
            out.append(text[pos:m.start("field")])
            pos = m.end()
    out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def json_quote(v: str) -> str:
    return '"' + v.replace('"', "") + '"'
