"""Which catalogue type a document is, judged by its title first and its content
second, with a confidence. "unknown" is a proper answer: a wrong guess is not."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from doc_templates.catalogue import load_catalogue
DATA = Path(str(resources.files("casefile"))) / "data"  # the package's data, wherever this module sits

UNKNOWN = "unknown"
_PUNCT = re.compile(r"[\s（）()、/·]")


def _names() -> list[tuple[str, str]]:
    """(normalised title, code), longest first so 不予行政处罚决定书 wins over 行政处罚决定书."""
    out = []
    for t in load_catalogue().types:
        for n in {t.name, *t.aliases}:
            out.append((_PUNCT.sub("", n), t.code))
    return sorted(out, key=lambda x: -len(x[0]))


def classify(lines: list[str], text: str) -> tuple[str, float]:
    names = _names()
    # 1. a line that is exactly a title, near the top
    for i, line in enumerate(lines[:8]):
        if "：" in line or ":" in line:
            continue  # a label and its value (附件：审计组审计报告, 证照名称：营业执照), never the paper's title
        key = _PUNCT.sub("", line)
        for name, code in names:
            # (not a label's value: 主体资格证照名称：营业执照)
            if (key == name or (key.endswith(name) and len(key) - len(name) <= 12 and len(name) >= 4
                                and not key[: -len(name)].endswith(("：", ":")))
                    or (key.startswith(name) and len(name) >= 4 and _DOC_NO_TAIL.fullmatch(key[len(name):]))):
                return code, 0.95 if i < 5 else 0.85
    # 2. a title inside the first lines (e.g. "清溪县市场监督管理局行政处罚决定书"); not another paper the text
    #    names (《行政处罚听证告知书》) or lists as evidence (营业执照复印件)
    head = _PUNCT.sub("", _CITED.sub("", "".join(lines[:4])))
    for name, code in names:
        if len(name) >= 4 and name in head:
            return code, 0.7
    # 3. a published decision whose title was lost or never written: it opens on its 文号, the party's
    #    label or a salutation, and says what only a decision says (the measures decided, the notice served)
    if _decision_shaped(lines, text):
        return ("no_penalty_decision" if "不予" in text[:60] else "decision"), 0.6
    # 4. a form known by its content (casefile/data/recognition.toml: patterns that must all hold)
    from casefile.ingest.recognition import CONFIDENCE, by_content

    code = by_content(text)
    if code:
        return code, CONFIDENCE
    # 5. nothing says what it is: say so
    return UNKNOWN, 0.0


# a file named by its title, as archives name them: "07 陈述申辩笔录", "10文书送达回执（告知书）"
_FILE_NUMBERING = re.compile(r"^[\d\s._\-、]+|[（(][^（）()]{0,12}[）)]$")


def by_file_name(stem: str) -> str | None:
    """The catalogue type a file's name gives (its leading number and a trailing note dropped), or
    None. Only for a text that names no type itself (a party's letter opening on 致……：)."""
    key = _PUNCT.sub("", _FILE_NUMBERING.sub("", _FILE_NUMBERING.sub("", stem.strip())))
    for name, code in _names():
        if key == name or (len(name) >= 4 and key.endswith(name) and len(key) - len(name) <= 12):
            return code
    return None


# the title and its 文号 on one line: 行政处罚决定书 灵发改行处(招)字〔2022〕07号
_DOC_NO_TAIL = re.compile(r"[\u4e00-\u9fa5\dA-Za-z]{1,20}[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］][^。]{0,16}号")
# what the head names without being it: another paper (《行政处罚听证告知书》), evidence (营业执照复印件), a label's value
# (主体资格证照名称：营业执照)
_CITED = re.compile(r"《[^《》]*》|[^，,。；;、]{0,20}复印件|(?<=[:：])[^，,。；;:：]{0,12}")


@lru_cache(maxsize=1)
def _shape() -> dict[str, list[re.Pattern]]:
    with open(DATA / "extract" / "decision.toml", "rb") as f:
        spec = tomllib.load(f)["shape"]
    return {k: [re.compile(p, re.M) for p in v] for k, v in spec.items()}


def _decision_shaped(lines: list[str], text: str) -> bool:
    shape = _shape()
    opening = "\n".join(lines[:3]) + "\n"
    body = "\n".join(lines)
    return (any(p.search(opening) for p in shape["opening"])
            and any(p.search(opening if p.pattern.startswith("^") else body) for p in shape["decided"]))


_ABRIDGED_MARKERS = ("公示", "信息公开", "摘要")


def looks_abridged(code: str, text: str) -> bool:
    """A public-notice version (公示摘要) of a decision: no evidence list and no
    remedies notice, or a notice that says it is the public summary."""
    if code not in ("decision", "unknown"):
        return False
    has_evidence = "证据" in text
    has_remedy = "复议" in text and "诉讼" in text
    has_notice = "告知" in text
    # the public summaries run to about a third of a full decision (median 948 vs 2,896 characters)
    short = len(text) < 1400
    head = text[:200]
    return (any(m in head for m in _ABRIDGED_MARKERS) and "决定书" not in head) or (short and not (has_evidence and has_remedy and has_notice))
