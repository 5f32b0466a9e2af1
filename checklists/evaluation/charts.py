"""Charts for the 评查报告, drawn with matplotlib (no display) as PNG bytes, with a
Chinese font from the system when there is one (else the labels may show as boxes)."""

from __future__ import annotations

import io
from functools import lru_cache

CJK_FONTS = ("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "SimHei", "Microsoft YaHei")


@lru_cache(maxsize=1)
def _pyplot():
    import logging

    import matplotlib

    matplotlib.use("Agg")
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # a font's missing weights are not the reader's business
    from matplotlib import font_manager, pyplot

    have = {f.name for f in font_manager.fontManager.ttflist}
    matplotlib.rcParams["font.sans-serif"] = [f for f in CJK_FONTS if f in have] + ["DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return pyplot


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150, bbox_inches="tight")
    _pyplot().close(fig)
    return buf.getvalue()


def bars(labels: list[str], values: list[float], title: str, *, horizontal: bool = False) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, max(2.4, 0.35 * len(labels) + 1) if horizontal else 3.2))
    if horizontal:
        ax.barh(labels[::-1], values[::-1], color="#3b6ea5")
    else:
        ax.bar(labels, values, color="#3b6ea5")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def lines(months: list[str], series: dict[str, list[float]], title: str) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    for name, ys in series.items():
        ax.plot(months, ys, marker="o", label=name)
    ax.set_title(title)
    ax.legend(fontsize=8)
    ax.tick_params(axis="x", labelrotation=45)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
