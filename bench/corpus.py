"""The documents the search benchmarks read: the real decisions, and a synthetic archive built from
their real sentences reshuffled (no invented vocabulary) under a real decision's header lines, so the
header-only facet path (index/archive.py) finds a 文号, an agency and a party as in a real archive."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "samr"
HEADER_LINES = 6


def corpus_dir(arg: str | None) -> Path:
    """The folder of .txt decisions (``--corpus DIR``: the corpus or its txt/ folder); exits clearly when missing."""
    d = Path(arg) if arg else CORPUS
    if (d / "txt").is_dir():
        d = d / "txt"
    if not d.is_dir() or not any(d.glob("*.txt")):
        sys.exit(f"语料目录 {d} 不存在或没有 .txt 文书：请用 --corpus 指定（默认 ../shared/corpus/samr）")
    return d


def load_raw(corpus: Path | None = None) -> list[tuple[str, str]]:
    """(file name, text with its line breaks) of every real decision."""
    d = corpus or corpus_dir(None)
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(d.glob("*.txt"))]


def load_corpus(corpus: Path | None = None) -> list[tuple[str, str]]:
    """(file name, compacted text) of every real decision, as the index reads it."""
    from casefile.ingest.extract.normalize import compact

    return [(n, compact(t).text) for n, t in load_raw(corpus)]


def sentences(real: list[tuple[str, str]]) -> list[str]:
    return [s for _, t in real for s in re.findall(r"[^。；\n]+[。；]", t) if len(s) > 8]


def headers(real: list[tuple[str, str]]) -> list[str]:
    return ["\n".join([l for l in t.splitlines() if l.strip()][:HEADER_LINES]) for _, t in real]


def synthetic_one(i: int, sents: list[str], heads: list[str], seed: int = 7) -> tuple[str, str]:
    """Document ``i`` of the synthetic archive: the same for the same i, whichever process builds it."""
    rng = random.Random(seed * 1_000_003 + i)
    k = rng.randint(25, 60)
    body = "".join(rng.choice(sents) for _ in range(k))
    return f"syn-{i:06d}.txt", heads[i % len(heads)] + "\n" + body


def synthetic(real: list[tuple[str, str]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    sents, heads = sentences(real), headers(real)
    return [synthetic_one(i, sents, heads, seed) for i in range(n)]
