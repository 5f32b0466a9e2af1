"""Normalise a .docx to text for golden comparisons: paragraphs, then tables row by row."""

from __future__ import annotations



def docx_text(path_or_bytes) -> str:
    import io

    from docx import Document

    src = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    d = Document(src)
    lines = [p.text.rstrip() for p in d.paragraphs]
    for ti, t in enumerate(d.tables, 1):
        lines.append(f"[表{ti}]")
        for row in t.rows:
            cells = []
            for c in row.cells:
                if not cells or c.text != cells[-1]:
                    cells.append(c.text.strip())
            lines.append(" | ".join(cells))
    # blank paragraphs are layout, not content
    return "\n".join(l for l in lines if l.strip()) + "\n"
