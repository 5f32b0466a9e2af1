"""casefile 的领域层：案件模型、工作区、文书导入与抽取、案卷组装、全过程记录、期限计算、公示。

Its rooms, each a subpackage named for what it holds:

    model    the case model and its values (case.py; ``casefile.model`` gives its names)
    store    the workspace on disk: case folders, document register, locks, caches, catalogue, packages, users
    ingest   reading documents (OCR included), recognising them, extracting facts, filling the case
    law      statutes, grounds, periods and working days, required documents, profiles, case-type declarations, moves
    chain    the full-process record: hash-chained journal, heads, seals, the facts anchored in it
    output   documents rendered, records, dossiers bound, pages, publicity, registers, statistics, the demo

``errors`` and ``display`` (the one terminal sanitiser) stand beside them. This package must never
import ``textual``, ``tui``, ``index`` or ``checklists`` (see DESIGN.md); ``tests/test_layering.py``
enforces it.
"""

__version__ = "0.1.0"
