"""The stratum of a unit before it is evaluated: 必查 when its text (or a case's facts)
shows a 重大 decision or a hearing held (patterns in ``strata.toml``), 重点 when it
names one of the focus words given (an agency, a 类型, a sector), else 一般."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from casefile.errors import CasefileError
from casefile.model import ActKind
from casefile.law.requirements import major_decision_reasons
from casefile.ingest.textio import read_document
from casefile.store.workspace import Workspace
from checklists.evaluation.sampling import FOCUS, GENERAL, MUST
from checklists.evaluation.units import PACKAGE, documents_under

HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with open(HERE / "strata.toml", "rb") as f:
        d = tomllib.load(f)
    d["_must"] = re.compile("|".join(d["must"]))
    return d


def _text(path: Path) -> str:
    files = [path] if path.is_file() else sorted(documents_under(path))
    out = []
    for f in files:
        if f.suffix.lower() == PACKAGE:
            continue
        try:
            out.append(read_document(f).text[: _data()["head"]])
        except CasefileError:
            continue  # unreadable: the evaluation reports it
    return "".join("".join(out).split())


def stratum(u: dict[str, str], focus: list[str], ws: Workspace | None = None) -> str:
    if u["kind"] == "case" and ws is not None:
        case = ws.load_case(u["path"])
        must = any(a.kind == ActKind.HEARING for a in case.acts) or bool(major_decision_reasons(ws, case))
        text = " ".join((case.agency, case.case_type.value, case.sector, case.title, case.number, *case.tags))
    else:
        text = _text(Path(u["path"]))
        must = bool(_data()["_must"].search(text))
    if must:
        return MUST
    return FOCUS if any(w and w in text for w in focus) else GENERAL
