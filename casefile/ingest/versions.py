"""The version of what derives data from a document (reading, OCR, classification, extraction, the
dossier's facts of it), for cache keys.

A stored extraction or text is keyed by the document's hash *and* this version, so an improved
reader, classifier or extractor re-reads old cases instead of serving what the old code concluded.
The version is a digest of the code and data that produce the derived values. The code is found,
not listed: every module of this repository that the readers, the extract package and the facts'
reader (``casefile.ingest.facts.reading``) import, directly or not (``classify``, ``cn``, ``ids``, the
document catalogue, …), read from the source's own import statements. Any change to one of them, however small, is a new version.
"""

from __future__ import annotations

import ast
import hashlib
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]  # casefile/ingest/versions.py → the repository
# what reads a document (text, OCR) and what concludes from its text: its type, its extraction, its facts
ROOTS = ("casefile.ingest.textio", "casefile.ingest.ocr", "casefile.ingest.classify", "casefile.ingest.extract",
         "casefile.ingest.facts.reading")
OWN = ("casefile", "doc_templates")  # the packages of this repository whose imports are followed
# the data those modules read: the extraction patterns, reading limits, the catalogue's type names
DATA = ("casefile/data/extract", "casefile/data/limits.toml", "casefile/data/recognition.toml", "casefile/data/facts.toml",
        "doc_templates/catalogue.toml")


def _file(module: str) -> Path | None:
    p = REPO / module.replace(".", "/")
    return p / "__init__.py" if (p / "__init__.py").exists() else p.with_suffix(".py") if p.with_suffix(".py").exists() else None


def _imported(module: str, path: Path) -> set[str]:
    """The modules ``path`` names in its import statements (``from x import y`` may name a module y)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            out |= {base} | {f"{base}.{a.name}" for a in node.names}
    return out


def sources() -> list[Path]:
    """The source files the derived data depends on: the roots, their packages' modules, and every
    module of this repository they import, transitively."""
    todo = list(ROOTS)
    for root in ROOTS:
        if (p := _file(root)) and p.name == "__init__.py":
            todo += [f"{root}.{f.stem}" for f in p.parent.glob("*.py")]
    found: dict[str, Path] = {}
    while todo:
        module = todo.pop()
        if module in found or module.split(".")[0] not in OWN or not (path := _file(module)):
            continue
        found[module] = path
        todo += [*_imported(module, path), module.rpartition(".")[0]]
    return sorted(set(found.values()))


@lru_cache(maxsize=1)
def derived_version() -> str:
    h = hashlib.sha256()
    data = [f for d in DATA for f in ((REPO / d).rglob("*") if (REPO / d).is_dir() else [REPO / d])]
    for f in sorted(set(sources()) | {f for f in data if f.is_file() and f.suffix in (".py", ".toml", ".txt", ".json")}):
        h.update(str(f.relative_to(REPO)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]
