"""Reading scanned pages with RapidOCR (the optional extra ``casefile[ocr]``).

RapidOCR's PP-OCR models ship inside its wheel (``rapidocr/models``); the engine is
built with each model's path given explicitly, so it never reaches the code that
downloads a model, and a missing model file is reported instead of fetched.
Without the extra, scanned pages are flagged with the command that adds it.
"""

from __future__ import annotations

import importlib.util
import logging
import statistics
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from casefile.errors import DocumentError

INSTALL_HINT = "pip install 'casefile[ocr]'"
# pages are rendered at this resolution for OCR: 公文 body text (16 pt) is ~33 px high at 150 dpi; on the
# test page 150 and 200 dpi read the same 99.5 % of characters, 150 in 2/3 of the time and 100 MB less
RENDER_DPI = 150
_LOCK = threading.Lock()


def available() -> bool:
    return importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


@dataclass
class OcrPage:
    text: str
    confidence: float  # mean recognition score of the page's lines, weighted by their length; 0 when nothing was read
    lines: int


def model_paths() -> dict[str, Path]:
    """The models inside the installed rapidocr package (the ones its default config names)."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise DocumentError(f"没有安装文字识别（OCR）组件，请运行 {INSTALL_HINT}")
    root = Path(next(iter(spec.submodule_search_locations))) / "models"
    found = {"det": sorted(root.glob("*_det_*.onnx")), "rec": sorted(root.glob("*_rec_*.onnx")), "cls": sorted(root.glob("*_cls_*.onnx"))}
    missing = [k for k, v in found.items() if not v]
    if missing:
        raise DocumentError(f"文字识别（OCR）组件不完整：{root} 中缺少模型（{'、'.join(missing)}），请重新安装：{INSTALL_HINT}")
    return {k: v[-1] for k, v in found.items()}


@lru_cache(maxsize=1)
def engine() -> Any:
    """One RapidOCR engine per process, from the models in the wheel (never downloaded)."""
    with _LOCK:
        from rapidocr import RapidOCR

        paths = model_paths()
        params = {
            "Global.log_level": "error",
            "Det.model_path": str(paths["det"]),
            "Cls.model_path": str(paths["cls"]),
            "Rec.model_path": str(paths["rec"]),
        }
        eng = RapidOCR(params=params)
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return eng


def read_image(image: Any) -> OcrPage:
    """OCR one page image (a numpy array or PIL image); lines in reading order."""
    import numpy as np

    arr = np.asarray(image)
    out = engine()(arr)
    if out.boxes is None or not out.txts:
        return OcrPage("", 0.0, 0)
    items = []
    for box, txt, score in zip(out.boxes, out.txts, out.scores):
        ys = [p[1] for p in box]
        xs = [p[0] for p in box]
        items.append((min(ys), max(ys), min(xs), str(txt), float(score), max(xs)))
    return OcrPage(_lines(items), _confidence(items), len(items))


def _lines(items: list[tuple]) -> str:
    """Boxes into lines: a box belongs to the current line when it overlaps it vertically by half its height.
    The lines a scanned page's layout wrapped are joined again as a text layer's are (casefile.ingest.pdf_lines):
    a box is (top, bottom, left, text, score, right) in image pixels, y growing downwards."""
    from casefile.ingest.pdf_lines import Line, labelled, paragraphs

    items = sorted(items, key=lambda t: (t[0] + t[1]) / 2)
    rows: list[list[tuple]] = []
    for it in items:
        top, bottom = it[0], it[1]
        if rows:
            r_top = min(t[0] for t in rows[-1])
            r_bottom = max(t[1] for t in rows[-1])
            overlap = min(bottom, r_bottom) - max(top, r_top)
            if overlap > 0.5 * min(bottom - top, r_bottom - r_top):
                rows[-1].append(it)
                continue
        rows.append([it])
    lines = []
    for row in rows:
        row = sorted(row, key=lambda t: t[2])
        parts = [t[3] for t in row]
        line = parts[0]
        for p in parts[1:]:
            # words of Latin script keep a space between boxes, Chinese runs on
            line += (" " if line[-1:].isascii() and line[-1:].isalnum() and p[:1].isascii() and p[:1].isalnum() else "") + p
        size = statistics.median(t[1] - t[0] for t in row)
        gaps = [b[2] - a[5] for a, b in zip(row, row[1:])]
        if gaps and gaps[0] > 1.5 * size:  # a form's label cell apart from its value
            line = labelled(parts[0], "".join(parts[1:])) or line
        lines.append(Line(line, left=row[0][2], right=max(t[5] for t in row), top=-min(t[0] for t in row),
                          size=size, gap=max(gaps, default=0.0), lead=size))
    return paragraphs(lines)


def _confidence(items: list[tuple]) -> float:
    chars = sum(len(t[3]) for t in items)
    if not chars:
        return 0.0
    return round(sum(len(t[3]) * t[4] for t in items) / chars, 3)


def read_pdf_page(page: Any) -> OcrPage:
    """OCR one pypdfium2 page."""
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=False)
    try:
        img = bitmap.to_numpy()
        if img.ndim == 3 and img.shape[2] == 4:
            img = img[:, :, :3]
        # pdfium renders BGR(A); RapidOCR expects RGB for arrays it did not load itself
        img = img[:, :, ::-1].copy() if img.ndim == 3 else img
        return read_image(img)
    finally:
        bitmap.close()
