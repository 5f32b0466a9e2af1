"""The workspace's law library, loaded from LawRefBook-style Markdown.

The statutes ship with the package (``casefile/data/laws``, LawRefBook layout), so a new
workspace checks citations with no import step. ``casefile laws import DIR`` adds to them:
it parses every ``法名(YYYY-MM-DD).md`` (and plain-text departmental rules
``名称_YYYYMMDD.txt``) into ``<workspace>/laws/library.json``, whose versions are laid over
the bundled ones (a version of the same date replaces the bundled one). The library holds
for each law its versions, and for each version its articles with the number of
paragraphs (款) and items (项) of each. The legal-basis rules ask it whether a
cited law exists, whether the article (款, 项) exists, and which version was in
force on the decision date.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from casefile.model.cn import parse_cn_number
from casefile.errors import UsageError
from casefile.store.fsutil import atomic_write_text

LIBRARY = Path("laws") / "library.json"
_ARTICLE = re.compile(r"^第([〇零一二三四五六七八九十百千两]+)条(?:之([一二三四五六七八九十]+))?[\s　]")
_ITEM = re.compile(r"^[（(]([一二三四五六七八九十百]+)[)）]")
_MD_NAME = re.compile(r"^(?P<name>.+?)\((?P<date>\d{4}-\d{2}-\d{2})\)\.md$")
_TITLE_ENDS = ("法", "条例", "规定", "办法", "规则", "细则", "解释")


def _parse_articles(lines: list[str]) -> dict[str, dict[str, Any]]:
    """{"14": {"paragraphs": 2, "items": {"1": 8}}} — items counted per paragraph."""
    arts: dict[str, dict[str, Any]] = {}
    cur: dict[str, Any] | None = None
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("<!--"):
            continue
        m = _ARTICLE.match(line + " ")
        if m:
            n = parse_cn_number(m.group(1))
            key = str(n) if not m.group(2) else f"{n}-{parse_cn_number(m.group(2))}"
            cur = {"paragraphs": 1, "items": {}}
            arts[key] = cur
            rest = line[m.end():].strip() if len(line) >= m.end() else ""
            if _ITEM.match(rest):
                cur["items"]["1"] = 1
            continue
        if cur is None:
            continue
        if _ITEM.match(line):
            p = str(cur["paragraphs"])
            cur["items"][p] = cur["items"].get(p, 0) + 1
        else:
            cur["paragraphs"] += 1
    return arts


def parse_law_file(path: Path) -> dict[str, Any] | None:
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    if path.suffix == ".md":
        m = _MD_NAME.match(path.name)
        heading = next((l[2:].strip() for l in lines if l.startswith("# ")), "")
        name = heading or (m.group("name") if m else path.stem)
        date = m.group("date") if m else ""
        body = lines[next((i for i, l in enumerate(lines) if "INFO END" in l), 0):]
    else:
        stem = path.stem.split("_")[0].split(" ")[0]
        first = lines[0].strip() if lines else ""
        name = first if 4 <= len(first) < 60 and first.endswith(_TITLE_ENDS) else stem
        name = re.sub(r"^.*?《(.+?)》.*$", r"\1", name) if name.startswith(("关于", "《")) else name
        d = next(iter(re.findall(r"_((?:19|20)\d{6})", path.name)), "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:]}" if d else ""
        body = lines
    articles = _parse_articles(body)
    if not articles:
        return None
    return {"name": name, "version": date, "file": path.name, "articles": articles}


def _parse_dir(source: Path, files: list[dict[str, Any]] | None = None) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The laws of a folder and the files without articles; ``files`` (when given) receives one
    row per file read: its name, the law and version it holds, its article count or why skipped."""
    laws: dict[str, list[dict[str, Any]]] = {}
    skipped = []
    for p in sorted(source.rglob("*")):
        if p.suffix not in (".md", ".txt") or not p.is_file() or p.name.lower() == "readme.md":
            continue
        parsed = parse_law_file(p)
        if parsed is None:
            skipped.append(p.name)
            if files is not None:
                files.append({"file": str(p.relative_to(source)), "law": "", "version": "", "articles": 0,
                              "skipped": "未找到“第…条”形式的条文"})
            continue
        if files is not None:
            files.append({"file": str(p.relative_to(source)), "law": parsed["name"], "version": parsed["version"],
                          "articles": len(parsed["articles"]), "skipped": ""})
        laws.setdefault(parsed["name"], []).append(parsed)
    for versions in laws.values():
        versions.sort(key=lambda v: v["version"] or "0000")
    return laws, skipped


def bundled_dir() -> Path:
    return Path(str(resources.files("casefile") / "data" / "laws"))


@lru_cache(maxsize=8)
def law_table(name: str) -> dict[str, Any]:
    """A legal data table beside the statutes (penalty_ranges, remedies, repealed, superseded_articles)."""
    with open(bundled_dir() / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def bundled_laws() -> dict[str, list[dict[str, Any]]]:
    """The statutes shipped with casefile, parsed once per process (about 0.1 s)."""
    return _parse_dir(bundled_dir())[0]


def import_library(workspace_root: Path, source: Path, imported_on: dt.date | None = None) -> dict[str, Any]:
    """Parse a LawRefBook folder into the workspace's library; ``imported_on`` (the caller's
    clock) is recorded when given."""
    source = Path(source)
    if not source.is_dir():
        raise UsageError(f"{source} 不是目录")
    files: list[dict[str, Any]] = []
    laws, skipped = _parse_dir(source, files)
    data = {"source": str(source), "laws": laws}
    if imported_on:
        data["imported"] = imported_on.isoformat()
    atomic_write_text(Path(workspace_root) / LIBRARY, json.dumps(data, ensure_ascii=False))
    _load.cache_clear()
    _merged.cache_clear()
    return {"laws": len(laws), "versions": sum(len(v) for v in laws.values()), "skipped": skipped, "files": files}


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _merged(path: str, mtime: float) -> dict[str, Any]:
    laws = {name: list(versions) for name, versions in bundled_laws().items()}
    if path:
        for name, versions in _load(path, mtime).get("laws", {}).items():
            mine = {v["version"]: v for v in laws.get(name, [])}
            mine.update({v["version"]: v for v in versions})
            laws[name] = sorted(mine.values(), key=lambda v: v["version"] or "0000")
    return {"source": "bundled" + (f" + {path}" if path else ""), "laws": laws}


# a page footer or page number that the text layer put inside a law's name (《中华人—4—民共和国食品安全法》,
# 《中华人民共和国食品6安全法》, “第5页共6页”, “第5页/共6页”, “共6页第5页”, the copies line and the page number after
# it): the name is the law's, the footer is not
_FOOTER_IN_NAME = re.compile(r"[—\-－]+\s*\d{1,3}\s*[—\-－]+|第\s*\d+\s*页(?:\s*[/／]?\s*共\s*\d+\s*页)?|[/／]?\s*共\s*\d+\s*页"
                             r"|本文书一式[^。》]*。\s*\d{0,3}|^\s*[/／]"
                             r"|(?<=[\u4e00-\u9fa5])\d{1,3}(?=[\u4e00-\u9fa5])(?![年号条版次届])")
# the words that end a norm's own name: a name that is another norm's name plus one of these is a
# different norm (…裁量基准 / …裁量基准管理办法), not a typo of it
_INSTRUMENT_END = ("办法", "规定", "规则", "细则", "条例", "决定", "通知", "意见", "标准", "清单", "基准", "目录")


@lru_cache(maxsize=1)
def _known_statutes() -> frozenset[str]:
    """The statutes each sector's decisions cite (casefile/data/facts.toml [sectors] laws), by short name."""
    with open(Path(str(resources.files("casefile") / "data" / "facts.toml")), "rb") as f:
        sectors = tomllib.load(f).get("sectors", {})
    return frozenset(law for s in sectors.values() for law in s.get("laws", []))


def unfooted(name: str) -> str:
    """The name without the page furniture the text layer put inside it."""
    return _FOOTER_IN_NAME.sub("", name)


def _another_instrument(name: str, near: str) -> bool:
    longer, shorter = (name, near) if len(name) > len(near) else (near, name)
    return longer.startswith(shorter) and longer.endswith(_INSTRUMENT_END)


@dataclass
class Lookup:
    status: str  # "ok" | "no_library" | "unknown_law" | "misnamed" | "no_article" | "no_paragraph" | "no_item" | "not_in_force"
    message: str
    law: str = ""
    suggestion: str = ""
    version: str = ""


class Library:
    def __init__(self, data: dict[str, Any] | None):
        self.data = data
        self.laws: dict[str, list[dict[str, Any]]] = (data or {}).get("laws", {})

    @classmethod
    def for_workspace(cls, root: Path) -> "Library":
        """The bundled statutes with the workspace's own imports laid over them."""
        p = Path(root) / LIBRARY
        if p.exists():
            return cls(_merged(str(p), p.stat().st_mtime))
        return cls(_merged("", 0.0))

    @property
    def loaded(self) -> bool:
        return self.data is not None

    def find(self, name: str) -> str | None:
        # a version note is not part of the name: 《价格违法行为行政处罚规定（2010修订）》
        name = re.sub(r"[（(][^（）()]*(?:修订|修正|年版|试行)[^（）()]*[)）]$", "", unfooted(name))
        if name in self.laws:
            return name
        if not name.startswith("中华人民共和国") and f"中华人民共和国{name}" in self.laws:
            return f"中华人民共和国{name}"
        return None

    def closest(self, name: str) -> str | None:
        if name.removeprefix("中华人民共和国") in _known_statutes():
            return None  # a statute the sectors cite (水法), absent from the library: not a typo of 刑法
        names = list(self.laws)
        # a typo of a real name (产品价格法, 价格法法, 共和国共和国): nearly the same string, a few
        # characters apart; a different rule that merely mentions a law (裁量基准 titles) is not one
        best = difflib.get_close_matches(name, names, n=1, cutoff=0.88)
        if best and abs(len(best[0]) - len(name)) <= 4 and not _another_instrument(name, best[0]):
            return best[0]
        # …共和国共和国价格法 / 产品价格法: ends with the law's own short name; a regulation named
        # after its law (…计量法实施细则) starts with the full name and is a different norm
        inside = [n for n in names if n.startswith("中华人民共和国") and name.startswith("中华") and name.endswith(n[7:])
                  and not name.startswith(n) and 0 < len(name) - len(n) <= 4]
        return max(inside, key=len) if inside else None

    def version_on(self, law: str, day: dt.date | None) -> dict[str, Any] | None:
        """The version in force on ``day``: by the versions' 施行 dates where versions.toml lists the law (a version
        in force then but not shipped gives None), else by the dates in the files' names."""
        from casefile.law import versions as listed_versions

        versions = self.laws.get(law, [])
        if not versions:
            return None
        if day is None:
            return versions[-1]
        if listed_versions.listed(law):
            label = listed_versions.in_force(law, day)
            return next((v for v in versions if v["version"] == label), None)
        dated = [v for v in versions if not v["version"] or v["version"] <= day.isoformat()]
        return dated[-1] if dated else None

    def check(self, law: str, article: int | None, paragraph: int | None = None, item: int | None = None, day: dt.date | None = None) -> Lookup:
        if not self.loaded:
            return Lookup("no_library", "工作区尚未导入法律库（casefile laws import 目录），无法核实引用的法律条款")
        found = self.find(law)
        if found is None:
            near = self.closest(law)
            if near:
                return Lookup("misnamed", f"法律名称《{law}》有误，法律库中没有该法律，应为《{near}》？", law, near)
            return Lookup("unknown_law", f"法律库中没有《{law}》，无法核实其条款", law)
        v = self.version_on(found, day)
        if v is None:
            first = self.laws[found][0]["version"]
            return Lookup("not_in_force", f"《{found}》在{day.isoformat() if day else ''}施行的版本未收入法律库（库中最早为{first}版），无法核实当时的条文", found, version=first)
        if article is None:
            return Lookup("ok", "", found, version=v["version"])
        art = v["articles"].get(str(article))
        if art is None:
            last = max((int(k.split('-')[0]) for k in v["articles"]), default=0)
            return Lookup("no_article", f"《{found}》（{v['version']}版）没有第{article}条（共{last}条）", found, version=v["version"])
        if paragraph and paragraph > art["paragraphs"]:
            return Lookup("no_paragraph", f"《{found}》第{article}条只有{art['paragraphs']}款，没有第{paragraph}款", found, version=v["version"])
        if item:
            para = str(paragraph or 1)
            n_items = art["items"].get(para, 0) or (max(art["items"].values()) if art["items"] and not paragraph else 0)
            if item > n_items:
                return Lookup("no_item", f"《{found}》第{article}条{'第' + str(paragraph) + '款' if paragraph else ''}没有第（{item}）项", found, version=v["version"])
        return Lookup("ok", "", found, version=v["version"])


# -- reading the text ------------------------------------------------------------------------
# The library keeps each article's structure (款, 项), not its words; a person reading a law
# gets the words from the file the version was parsed from.

def article_texts(path: Path) -> list[tuple[str, str]]:
    """[(article key, text)] of a law file in the library's formats — the key as the library
    spells it ("28", "10-1" for 第十条之一), the text the article's lines joined by newlines."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    if Path(path).suffix == ".md":
        lines = lines[next((i for i, l in enumerate(lines) if "INFO END" in l), 0):]
    out: list[tuple[str, list[str]]] = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("#"):  # a chapter heading ends the article before it
            if out:
                out.append(("", []))
            continue
        m = _ARTICLE.match(line + " ")
        if m:
            n = parse_cn_number(m.group(1))
            out.append((str(n) if not m.group(2) else f"{n}-{parse_cn_number(m.group(2))}", [line]))
        elif out and out[-1][0]:
            out[-1][1].append(line)
    return [(k, "\n".join(body)) for k, body in out if k]


def version_file(version: dict[str, Any], imported_from: str = "") -> Path | None:
    """The file a library version was parsed from: among the bundled statutes, else in the folder
    the workspace imported from (None when that folder or file is gone)."""
    name = version.get("file", "")
    if not name:
        return None
    for folder in ([Path(imported_from)] if imported_from else []) + [bundled_dir()]:
        if folder.is_dir():
            hit = next((p for p in folder.rglob(name) if p.is_file()), None)
            if hit:
                return hit
    return None


_LIABILITY_CHAPTER = re.compile(r"^#+\s*第[一二三四五六七八九十]+章\s*(?:法律责任|罚则)\s*$")


@lru_cache(maxsize=128)
def liability_articles(path: Path) -> frozenset[str] | None:
    """The keys of the articles in a law file's chapter 法律责任 (or 罚则) — the articles that set penalties;
    None when the file has no such chapter (a rule made of penalties throughout, or no chapters at all)."""
    keys: set[str] = set()
    inside = found = False
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            if re.match(r"^#+\s*第[一二三四五六七八九十]+章", line):
                inside = bool(_LIABILITY_CHAPTER.match(line))
                found = found or inside
            continue
        m = _ARTICLE.match(line + " ")
        if m and inside:
            n = parse_cn_number(m.group(1))
            keys.add(str(n) if not m.group(2) else f"{n}-{parse_cn_number(m.group(2))}")
    return frozenset(keys) if found else None


def imported_laws(workspace_root: Path) -> dict[str, Any]:
    """What the workspace imported itself: {"source": folder, "imported": date, "laws": {name: [versions]}}
    (empty when it imported nothing)."""
    p = Path(workspace_root) / LIBRARY
    if not p.exists():
        return {"source": "", "imported": "", "laws": {}}
    data = _load(str(p), p.stat().st_mtime)
    return {"source": data.get("source", ""), "imported": data.get("imported", ""),
            "laws": {name: [v["version"] for v in vs] for name, vs in data.get("laws", {}).items()}}
