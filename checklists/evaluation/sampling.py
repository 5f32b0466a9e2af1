"""Reproducible draws as 评查 offices make them.

Three strata: 必查 (every unit is taken), 重点 (drawn at ``focus_factor`` times the
rate of the rest) and 一般. Each stratum is drawn from its keys sorted, with a
generator seeded by the seed and the stratum's name, so the same seed and the same
files give the same sample whatever order the disk lists them in. The draw is a
plain dict, written beside the report and into the evaluation store."""

from __future__ import annotations

import random
import re
from typing import Iterable

MUST, FOCUS, GENERAL = "必查", "重点", "一般"
STRATA = (MUST, FOCUS, GENERAL)


def parse_size(text: str) -> tuple[int | None, float | None]:
    """'50' → (50, None); '10%' → (None, 0.1). ValueError (in Chinese) on anything else."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*", text or "")
    if not m or (not m.group(2) and "." in m.group(1)):
        raise ValueError(f"抽样数应为件数（如 50）或比例（如 10%），而不是“{text}”")
    value = float(m.group(1))
    if m.group(2):
        if not 0 < value <= 100:
            raise ValueError(f"抽样比例应在 0% 到 100% 之间，而不是“{text}”")
        return None, value / 100
    if value < 1:
        raise ValueError("抽样件数至少为 1")
    return int(value), None


def _take(keys: list[str], n: int, seed: str, stratum: str) -> list[str]:
    n = max(0, min(n, len(keys)))
    return sorted(random.Random(f"{seed}:{stratum}").sample(sorted(keys), n))


def draw(units: Iterable[tuple[str, str]], *, size: int | None = None, ratio: float | None = None,
         seed: str = "0", focus_factor: float = 2.0) -> dict:
    """``units``: (key, stratum) pairs. Either ``size`` (the whole sample, 必查 included) or ``ratio``
    (of the 一般 stratum; 重点 at ``focus_factor`` times it, at most all)."""
    pools: dict[str, list[str]] = {s: [] for s in STRATA}
    for key, stratum in units:
        pools[stratum].append(key)
    must = sorted(pools[MUST])
    focus, general = pools[FOCUS], pools[GENERAL]
    if ratio is not None:
        n_focus = round(min(1.0, ratio * focus_factor) * len(focus))
        n_general = round(ratio * len(general))
    else:
        room = max(0, (size or 0) - len(must))
        weight = focus_factor * len(focus) + len(general)
        n_focus = min(len(focus), round(room * focus_factor * len(focus) / weight)) if weight else 0
        n_general = min(len(general), room - n_focus)
        n_focus = min(len(focus), room - n_general)  # what 一般 cannot fill goes to 重点
    drawn = {MUST: must, FOCUS: _take(focus, n_focus, seed, FOCUS), GENERAL: _take(general, n_general, seed, GENERAL)}
    return {
        "seed": seed, "size": size, "ratio": ratio, "focus_factor": focus_factor,
        "population": {s: len(pools[s]) for s in STRATA},
        "drawn": drawn, "count": sum(len(v) for v in drawn.values()),
        "over_size": bool(size is not None and len(must) > size),
    }


def drawn_keys(record: dict) -> set[str]:
    return {k for keys in record["drawn"].values() for k in keys}
